"""A sync team of real workspaces sharing one folder, for the sync tests.

Making a workspace and reading an enrolment file each cost an Argon2id
derivation, so a team is built once as a template and copied for each test.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from roth_desktop.audit import plain
from roth_desktop.models import RECORD_TYPES, Record
from roth_desktop.sync import engine, settings, team
from roth_desktop.sync.enrolment import new_code
from roth_desktop.workspace import Workspace

PASSPHRASE = "Fernleigh test passphrase"
TEAM_NAME = "Fernleigh ROTH team"
DEVICE_NAMES = (
    "Chair laptop",
    "Social worker laptop",
    "Team manager laptop",
    "Duty laptop",
    "Spare",
)


_KEYS: dict[str, bytes] = {}


@dataclass
class Team:
    folder: Path  # the shared sync folder
    workspaces: list[Path]

    def open(self, index: int) -> Workspace:
        """Open device ``index``, unwrapping its key once per test run (Argon2id is slow)."""
        folder = self.workspaces[index]
        keyfile = Workspace.read_keyfile(folder)
        key = _KEYS.get(keyfile.workspace_id)
        if key is None:
            key = bytes(keyfile.unwrap(PASSPHRASE))
            _KEYS[keyfile.workspace_id] = key
        return Workspace.open_with_key(
            folder, bytearray(key), keyfile=keyfile, actor=DEVICE_NAMES[index]
        )

    @property
    def target(self) -> str:
        return f"folder:{self.folder}"


def build_team(base: Path, devices: int) -> Team:
    """An admin and ``devices - 1`` enrolled members, with empty workspaces."""
    share = base / "share"
    share.mkdir(parents=True)
    folders = [base / f"device{i}" for i in range(devices)]
    admin = Workspace.create(folders[0], PASSPHRASE)
    with admin.session() as session:
        team.create_team(session, admin.workspace_id, TEAM_NAME, DEVICE_NAMES[0], f"folder:{share}")
    for index, folder in enumerate(folders[1:], start=1):
        code = new_code()
        with admin.session() as session:
            _, data = team.invite(session, admin.workspace_id, DEVICE_NAMES[index], code)
        member = Workspace.create(folder, PASSPHRASE)
        with member.session() as session:
            team.enrol(session, member.workspace_id, data, code)
        member.lock()
    engine.sync(admin)  # publish the roster
    admin.lock()
    return Team(share, folders)


def copy_team(template: Team, destination: Path) -> Team:
    shutil.copytree(template.folder, destination / "share")
    folders = []
    for path in template.workspaces:
        shutil.copytree(path, destination / path.name)
        folders.append(destination / path.name)
    copied = Team(destination / "share", folders)
    for index in range(len(folders)):
        with copied.open(index) as workspace, workspace.session() as session:
            # The copies sync through their own folder, not the template's.
            settings.put(session, settings.TARGET, copied.target)
    return copied


def device_folder(copied: Team, index: int) -> Path:
    """Where device ``index`` writes its envelopes in the team's shared folder."""
    with copied.open(index) as workspace, workspace.session() as session:
        team_id = settings.get(session, settings.TEAM_ID)
        device = settings.get(session, settings.DEVICE_ID)
    assert team_id is not None and device is not None
    return copied.folder / team_id / "devices" / device


def record_rows(workspace: Workspace, *, bookkeeping: bool) -> dict[str, list[str]]:
    """Every row of every record table as sorted JSON, with or without created/updated."""
    rows: dict[str, list[str]] = {}
    with workspace.session() as session:
        for name, cls in RECORD_TYPES.items():
            table = cls.__table__
            keys = [c.key for c in table.columns if bookkeeping or c.key not in Record.BOOKKEEPING]
            rows[name] = sorted(
                json.dumps({k: plain(row[k]) for k in keys}, sort_keys=True)
                for row in session.execute(select(table)).mappings()
            )
    return rows
