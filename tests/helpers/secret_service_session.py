"""Run inside `dbus-run-session`: start a real gnome-keyring Secret Service, then
use quick unlock through it exactly as the app does.

    dbus-run-session -- python secret_service_session.py WORKSPACE PASSPHRASE_FILE

Prints one line per step; the test reads them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from roth_desktop.quick_unlock import QuickUnlock
from roth_desktop.workspace import Workspace


def start_keyring() -> None:
    started = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
        input=b"a password for this test keyring only",
        capture_output=True,
        timeout=30,
        check=True,
    )
    for line in started.stdout.decode().splitlines():
        name, _, value = line.partition("=")
        if name:
            os.environ[name] = value


def main(folder: Path, passphrase_file: Path) -> None:
    start_keyring()
    quick = QuickUnlock.available()
    print(f"backend {type(quick._backend).__module__ if quick else None}", flush=True)
    assert quick is not None
    passphrase = passphrase_file.read_text("utf-8")
    workspace = Workspace.open(folder, passphrase)
    quick.remember(workspace.workspace_id, workspace.database_key())
    workspace_id = workspace.workspace_id
    workspace.lock()

    key = quick.recall(workspace_id)
    assert key is not None
    with Workspace.open_with_key(folder, key) as reopened, reopened.session() as session:
        from roth_desktop.models import YoungPerson

        print(f"opened without passphrase: {session.query(YoungPerson).count()} young people")
    quick.forget(workspace_id)
    print(f"after forget: {quick.recall(workspace_id)}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
