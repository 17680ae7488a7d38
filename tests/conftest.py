"""Shared fixtures. Every test gets its own config, state and temp folders, so
tests can prove nothing personal was written outside the workspace."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from roth_desktop.demo import create_demo
from roth_desktop.workspace import Workspace
from tests.helpers.postgres import postgres_cluster as postgres_cluster  # a real PostgreSQL

PASSPHRASE = "Fernleigh test passphrase"
# Names from the demo: fictional, and long enough to grep for in raw bytes. A
# three-letter name such as "Kai" turns up by chance in about 1% of 150 KB
# ciphertexts, so only names of five letters or more are searched for.
DEMO_NAMES = ("Tyler", "Marsh", "Amira", "Haddad", "Brennan", "Joanne", "Samira")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    dirs = {name: tmp_path / name for name in ("config", "state", "tmp", "home")}
    for folder in dirs.values():
        folder.mkdir()
    monkeypatch.setenv("ROTH_DESKTOP_CONFIG_DIR", str(dirs["config"]))
    monkeypatch.setenv("ROTH_DESKTOP_STATE_DIR", str(dirs["state"]))
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["home"] / ".cache"))
    return dirs


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    create_demo(folder, PASSPHRASE).lock()
    return folder


@pytest.fixture
def demo_workspace(demo_folder: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(demo_folder, PASSPHRASE)
    yield workspace
    workspace.lock()


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "ws", PASSPHRASE)
    yield workspace
    workspace.lock()


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """Compile the Welsh UI translations from the .ts files in this checkout.

    ``make install`` compiles them too, but a .qm left from before a .ts edit would
    test yesterday's Welsh; compiling takes well under a second.
    """
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    subprocess.run(
        [sys.executable, str(root / "installer" / "translations.py"), "release"],
        check=True,
        capture_output=True,
    )
