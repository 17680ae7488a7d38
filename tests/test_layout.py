"""How the project is laid out: the core never loads Qt, no plain-text keyring,
and the README opens with the two commands a newcomer needs."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.helpers.common import REPO

CORE = REPO / "roth_desktop"
QT_PACKAGES = ("PySide6", "shiboken6")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_no_core_module_imports_qt_or_the_ui() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) >= 20
    offenders = {}
    for path in modules:
        bad = {
            name for name in _imported_modules(path) if name.split(".")[0] in (*QT_PACKAGES, "ui")
        }
        if bad:
            offenders[str(path.relative_to(REPO))] = sorted(bad)
    assert offenders == {}


def _run_python(code: str) -> dict[str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    return loaded


IMPORT_EVERY_CORE_MODULE = """
import importlib, json, pkgutil, sys
import roth_desktop
names = ["roth_desktop"]
for info in pkgutil.walk_packages(roth_desktop.__path__, "roth_desktop."):
    if info.name.endswith(".__main__"):
        continue  # runs its command when imported, by design
    importlib.import_module(info.name)
    names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    loaded = _run_python(IMPORT_EVERY_CORE_MODULE)
    expected = {p.stem for p in CORE.glob("*.py") if p.stem != "__init__"}
    assert {name.split(".")[-1] for name in loaded["imported"]} >= expected
    assert "roth_desktop.models.people" in loaded["imported"]
    assert loaded["qt"] == []


RUN_A_COMMAND = """
import json, sys
from ui.launcher import main
code = main(["list", "--workspace", "/nonexistent/roth-desktop-layout-test",
             "--passphrase-file", "-"])
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"exit": code, "qt": qt}))
"""


def test_a_command_through_the_entry_point_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", RUN_A_COMMAND],
        input="Fernleigh test passphrase\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    assert loaded["exit"] == 1  # a refusal, in one line
    assert result.stderr.startswith("roth-desktop: ")
    assert loaded["qt"] == []


def test_pyproject_never_mentions_keyrings_alt() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8").lower()
    assert re.search(r"keyrings[._-]alt", text) is None
    assert "keyring" in text  # the real keyring is a dependency


def test_readme_opens_with_make_run_and_make_test() -> None:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and len(lines[0]) > 2
    assert lines[1] == ""
    assert lines[2].startswith("```")
    end = lines.index("```", 3)
    commands = [line.split("#", 1)[0].strip() for line in lines[3:end]]
    assert [c for c in commands if c] == ["make run", "make test"]
