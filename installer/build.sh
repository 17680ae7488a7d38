#!/usr/bin/env bash
# Build the Linux frozen app and its tarball, in one command, from a fresh checkout:
#
#   installer/build.sh        (or: make frozen)
#
# dist/roth-desktop/                                the onedir app (PyInstaller)
# dist/roth-desktop-VERSION-linux-ARCH.tar.gz       the app, its .desktop entry, icon, install.sh
#
# Then runs the frozen app's --self-test, so a build that does not work is not a build.
# Needs Python 3.11+; installs the system libraries Qt needs (scripts/system-deps.sh)
# and the 'build' extra into .venv/ if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
BIN=.venv/bin

./scripts/system-deps.sh
if [ ! -x "$BIN/python" ]; then
  "$PYTHON" -m venv .venv
  "$BIN/pip" install --quiet --upgrade pip
fi

# Prints what $1 says about pyproject.toml's [project] table (p), a list as words.
pyproject() { "$BIN/python" -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print(*$1)"; }
version=$(pyproject '[p["version"]]')
installed=$("$BIN/python" -c 'import importlib.metadata as m; print(m.version("roth-desktop"))' 2>/dev/null || true)
# The frozen app takes its version from the installed metadata, so (re)install the
# project when that is missing or older than pyproject.toml. When only PyInstaller is
# missing, add just the build extra's requirements, leaving the project's install as is.
if [ "$installed" != "$version" ]; then
  echo "build: installing roth-desktop $version with the build extra into .venv"
  "$BIN/pip" install --quiet -e '.[build]'
elif ! "$BIN/python" -c 'import PyInstaller' 2>/dev/null; then
  echo "build: installing the build extra into .venv"
  # shellcheck disable=SC2046  # one argument per requirement, none with spaces
  "$BIN/pip" install --quiet $(pyproject 'p["optional-dependencies"]["build"]')
fi

echo "build: compiling the Welsh UI translations"
"$BIN/python" installer/translations.py release

echo "build: freezing roth-desktop $version (PyInstaller, onedir)"
"$BIN/pyinstaller" --noconfirm --log-level WARN \
  --distpath dist --workpath build installer/roth-desktop.spec

name="roth-desktop-$version-linux-$(uname -m)"
stage="build/tarball/$name"
rm -rf build/tarball
mkdir -p "$stage"
cp -a dist/roth-desktop "$stage/roth-desktop"
cp installer/roth-desktop.desktop "$stage/"
cp build/roth-desktop/icon/roth-desktop.png "$stage/"
cp installer/linux-install.sh "$stage/install.sh"
chmod 755 "$stage/install.sh"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$stage/roth-desktop.desktop"
fi
# Owner and order fixed, so two builds of the same tree list the same way.
tar -C build/tarball --owner=0 --group=0 --numeric-owner --sort=name \
  -czf "dist/$name.tar.gz" "$name"

echo "build: self-test of the frozen app"
env -u VIRTUAL_ENV -u PYTHONPATH -u PYTHONHOME dist/roth-desktop/roth-desktop --self-test

echo "build: done"
du -sh dist/roth-desktop "dist/$name.tar.gz"
