# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   := demo-workspace
# The demo is fictional; its passphrase is public on purpose.
DEMO_PASSPHRASE := Fernleigh demo only

.PHONY: run test install lint typecheck pytest clean-demo bench frozen

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	./scripts/system-deps.sh
	$(BIN)/pip install --quiet -e '.[test,server]'
	$(BIN)/python installer/translations.py release

run: install
	@if [ ! -e $(DEMO)/workspace.key ]; then \
	  printf '%s' '$(DEMO_PASSPHRASE)' | $(BIN)/roth-desktop demo --workspace $(DEMO) --passphrase-file - ; \
	fi
	@echo "Opening the demo workspace. Its passphrase is: $(DEMO_PASSPHRASE)"
	$(BIN)/roth-desktop --workspace $(DEMO)

lint: install
	$(BIN)/ruff check roth_desktop ui migrations tests installer
	$(BIN)/ruff format --check roth_desktop ui migrations tests installer

typecheck: install
	$(BIN)/mypy

pytest: install
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

test: lint typecheck pytest

clean-demo:
	rm -rf $(DEMO)

bench: install
	$(BIN)/python -m tests.benchmarks.bench_spine
	$(BIN)/python -m tests.benchmarks.bench_conference
	$(BIN)/python -m tests.benchmarks.bench_reports
	$(BIN)/python -m tests.benchmarks.bench_timescales
	$(BIN)/python -m tests.benchmarks.bench_sync

# The frozen app (PyInstaller onedir) and its Linux tarball in dist/; runs its self-test.
# See installer/README.md; the Windows installer is built on Windows.
frozen: install
	$(BIN)/pip install --quiet -e '.[build]'
	./installer/build.sh
