"""Quick unlock through a real Secret Service (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO_NAMES, PASSPHRASE
from tests.helpers.common import REPO

SESSION = REPO / "tests" / "helpers" / "secret_service_session.py"


@pytest.mark.skipif(
    shutil.which("dbus-run-session") is None or shutil.which("gnome-keyring-daemon") is None,
    reason="needs dbus-daemon and gnome-keyring (make test installs them via system-deps)",
)
def test_quick_unlock_round_trip_through_a_real_keyring(demo_folder: Path, tmp_path: Path) -> None:
    home = tmp_path / "keyring-home"
    home.mkdir()
    passphrase = tmp_path / "pass"
    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_RUNTIME_DIR": str(home / "run"),
    }
    (home / "run").mkdir(mode=0o700)
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(SESSION), str(demo_folder), str(passphrase)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "backend keyring.backends.SecretService" in lines
    assert "opened without passphrase: 3 young people" in lines
    assert "after forget: None" in lines
    # The keyring keeps its secrets encrypted: no name, no passphrase in its files.
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PASSPHRASE.encode() not in data
            assert not any(name.encode() in data for name in DEMO_NAMES)
