"""The encrypted workspace: create, reopen, lock, change passphrase, recovery, quick unlock."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, select

from roth_desktop import quick_unlock
from roth_desktop.database import raw_connect
from roth_desktop.errors import (
    PassphraseError,
    WorkspaceExistsError,
    WorkspaceLockedError,
    WrongPassphraseError,
)
from roth_desktop.keyfile import load_recovery_public_key
from roth_desktop.models import (
    Agency,
    AgencyKind,
    Attendance,
    AttendanceStatus,
    AttendeeRole,
    Case,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    FamilyMember,
    Gender,
    Pathway,
    Professional,
    Record,
    YoungPerson,
)
from roth_desktop.quick_unlock import QuickUnlock, is_real_backend
from roth_desktop.validation import today
from roth_desktop.workspace import DATABASE_FILE, KEY_FILE, Workspace
from tests.conftest import DEMO_NAMES, PASSPHRASE
from tests.helpers.common import names_found, snapshot

NEW_PASSPHRASE = "Fernleigh second passphrase"


def _add_records(workspace: Workspace) -> dict[str, dict[str, Any]]:
    """A small fictional household and its case; returns every record's values by id."""
    now = today()
    with workspace.session() as session:
        yp = YoungPerson(
            first_name="Test",
            last_name="Person",
            preferred_name="Testy",
            date_of_birth=date(now.year - 14, 3, 9),
            gender=Gender.ANOTHER,
            ethnicity_code="WBRI",
            nhs_number="9434765919",
            local_id="TEST-0001",
            communication_needs="Likes written agendas ✓ — ünïcödé",
        )
        relative = FamilyMember(
            young_person=yp,
            name="Test Relative",
            relationship_to_young_person="Aunt",
            parental_responsibility=True,
        )
        agency = Agency(name="Test Agency", kind=AgencyKind.YOUTH_WORK)
        worker = Professional(agency=agency, name="Test Worker", email="worker@example.org")
        case = Case(
            young_person=yp,
            pathway=Pathway.ROTH,
            opened_on=now - timedelta(days=20),
            strategy_discussion_on=now - timedelta(days=18),
        )
        conference = Conference(
            case=case,
            kind=ConferenceKind.INITIAL,
            starts_at=datetime.combine(now - timedelta(days=4), datetime.min.time()).replace(
                hour=14, minute=30
            ),
            chair=worker,
            status=ConferenceStatus.AGREED,
        )
        attendance = Attendance(
            conference=conference,
            name="Test Relative",
            role=AttendeeRole.FAMILY_NETWORK,
            status=AttendanceStatus.PART_ATTENDED,
            arrived_at=conference.starts_at,
            left_at=conference.starts_at + timedelta(minutes=40),
        )
        records: list[Record] = [yp, relative, agency, worker, case, conference, attendance]
        session.add_all(records)
        session.flush()
        return {record.id: _content(record) for record in records}


def _content(record: Record) -> dict[str, Any]:
    return {k: v for k, v in record.values().items() if k not in Record.BOOKKEEPING}


def _read_back(workspace: Workspace, ids: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    with workspace.session() as session:
        for cls in (YoungPerson, FamilyMember, Agency, Professional, Case, Conference, Attendance):
            for record in session.scalars(select(cls)):
                found[record.id] = _content(record)
    return found


def test_records_round_trip_through_lock_and_reopen(empty_workspace: Workspace) -> None:
    written = _add_records(empty_workspace)
    folder = empty_workspace.folder
    empty_workspace.lock()
    with Workspace.open(folder, PASSPHRASE) as reopened:
        assert _read_back(reopened, written) == written
        assert reopened.workspace_id == empty_workspace.workspace_id


def test_lock_drops_the_key_and_every_way_in(empty_workspace: Workspace) -> None:
    key_buffer = empty_workspace._key
    assert key_buffer is not None and any(key_buffer)
    assert len(empty_workspace.database_key()) == 32
    empty_workspace.lock()
    assert empty_workspace.locked
    assert not any(key_buffer), "the key buffer was not zeroed on lock"
    with pytest.raises(WorkspaceLockedError, match="locked"), empty_workspace.session():
        pass
    with pytest.raises(WorkspaceLockedError, match="locked"):
        empty_workspace.database_key()
    with pytest.raises(WorkspaceLockedError, match="locked"):
        _ = empty_workspace.engine
    empty_workspace.lock()  # locking twice is harmless
    assert empty_workspace.locked


def test_create_refuses_a_folder_that_already_holds_a_workspace(
    empty_workspace: Workspace,
) -> None:
    folder = empty_workspace.folder
    before = snapshot(folder)
    with pytest.raises(WorkspaceExistsError, match="already a workspace"):
        Workspace.create(folder, PASSPHRASE)
    assert snapshot(folder) == before


def test_create_refuses_a_short_passphrase_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "short"
    with pytest.raises(PassphraseError):
        Workspace.create(folder, "too short")
    assert not (folder / KEY_FILE).exists()
    assert not (folder / DATABASE_FILE).exists()


def test_change_passphrase_rewraps_without_reencrypting(empty_workspace: Workspace) -> None:
    written = _add_records(empty_workspace)
    folder = empty_workspace.folder
    db_before = (folder / DATABASE_FILE).read_bytes()
    key_before = (folder / KEY_FILE).read_bytes()

    empty_workspace.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    empty_workspace.lock()

    assert (folder / DATABASE_FILE).read_bytes() == db_before
    assert (folder / KEY_FILE).read_bytes() != key_before
    assert sorted(p.name for p in folder.iterdir()) == [DATABASE_FILE, KEY_FILE]
    with pytest.raises(WrongPassphraseError):
        Workspace.open(folder, PASSPHRASE)
    with Workspace.open(folder, NEW_PASSPHRASE) as reopened:
        assert _read_back(reopened, written) == written
    assert (folder / DATABASE_FILE).read_bytes() == db_before


def test_change_passphrase_refusals_leave_the_key_file_alone(
    empty_workspace: Workspace,
) -> None:
    folder = empty_workspace.folder
    before = snapshot(folder)
    with pytest.raises(WrongPassphraseError):
        empty_workspace.change_passphrase("not the passphrase at all", NEW_PASSPHRASE)
    with pytest.raises(PassphraseError):
        empty_workspace.change_passphrase(PASSPHRASE, "short")
    assert snapshot(folder) == before
    empty_workspace.lock()
    Workspace.open(folder, PASSPHRASE).lock()


def test_the_database_cannot_be_read_without_the_right_key(
    empty_workspace: Workspace,
) -> None:
    _add_records(empty_workspace)
    db_path = empty_workspace.folder / DATABASE_FILE
    key = empty_workspace.database_key()
    empty_workspace.lock()

    assert not db_path.read_bytes().startswith(b"SQLite format 3\x00")
    no_key = sqlcipher3.connect(str(db_path))
    with pytest.raises(sqlcipher3.DatabaseError):
        no_key.execute("SELECT count(*) FROM sqlite_master").fetchall()
    no_key.close()

    wrong = raw_connect(db_path, bytes(b ^ 0xFF for b in key), read_only=True)
    with pytest.raises(sqlcipher3.DatabaseError):
        wrong.execute("SELECT count(*) FROM sqlite_master").fetchall()
    wrong.close()

    plain = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    plain.close()

    # The right key does open it, so the refusals above are about the key.
    right = raw_connect(db_path, key, read_only=True)
    assert right.execute("SELECT count(*) FROM young_person").fetchone() == (1,)
    right.close()


def test_no_demo_name_is_in_any_workspace_file(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(YoungPerson)) == 3
        names = {yp.first_name for yp in session.scalars(select(YoungPerson))}
    assert {"Tyler", "Amira", "Kai"} <= names
    folder = demo_workspace.folder
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert [p.name for p in files] == [DATABASE_FILE, KEY_FILE]
    assert names_found(files, DEMO_NAMES) == []


# -- organisation recovery through the workspace ------------------------------------------


def test_recovery_key_opens_a_workspace_after_a_forgotten_passphrase(tmp_path: Path) -> None:
    organisation = X25519PrivateKey.generate()
    public_pem = organisation.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    private_pem = organisation.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    folder = tmp_path / "recoverable"
    workspace = Workspace.create(
        folder, PASSPHRASE, recovery_public_key=load_recovery_public_key(public_pem)
    )
    written = _add_records(workspace)
    workspace.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)  # and then it is forgotten
    workspace.lock()

    keyfile = Workspace.read_keyfile(folder)
    key = keyfile.unwrap_with_recovery_key(private_pem)
    with Workspace.open_with_key(folder, key, keyfile=keyfile) as recovered:
        assert _read_back(recovered, written) == written

    stranger = X25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    with pytest.raises(WrongPassphraseError):
        Workspace.read_keyfile(folder).unwrap_with_recovery_key(stranger)


# -- quick unlock -------------------------------------------------------------------------


def test_no_real_keyring_here_means_no_quick_unlock() -> None:
    assert QuickUnlock.available() is None
    assert quick_unlock.os_keyring() is None


def test_fail_null_and_plaintext_backends_are_not_real() -> None:
    from keyring.backends import fail, null

    plaintext_cls = type("PlaintextKeyring", (), {"__module__": "keyrings.alt.file"})
    encrypted_cls = type("EncryptedKeyring", (), {"__module__": "keyrings.alt.file"})
    # Even a class that borrows a real backend's name is refused from keyrings.alt.
    borrowed_name = type("Keyring", (), {"__module__": "keyrings.alt.file"})
    refused = [
        fail.Keyring(),
        null.Keyring(),
        plaintext_cls(),
        encrypted_cls(),
        borrowed_name(),
        object(),
    ]
    for backend in refused:
        assert not is_real_backend(backend), type(backend)
        with pytest.raises(ValueError, match="real OS keyring"):
            QuickUnlock(backend)


def test_quick_unlock_round_trips_through_an_accepted_backend() -> None:
    # A stand-in registered under Secret Service's name, holding secrets in memory.
    store: dict[tuple[str, str], str] = {}

    def set_password(self: object, service: str, user: str, secret: str) -> None:
        store[(service, user)] = secret

    def get_password(self: object, service: str, user: str) -> str | None:
        return store.get((service, user))

    def delete_password(self: object, service: str, user: str) -> None:
        del store[(service, user)]

    stand_in = type(
        "Keyring",
        (),
        {
            "__module__": "keyring.backends.SecretService",
            "set_password": set_password,
            "get_password": get_password,
            "delete_password": delete_password,
        },
    )
    backend = stand_in()
    assert is_real_backend(backend)
    unlock = QuickUnlock(backend)
    key = bytes(range(32))
    unlock.remember("workspace-1", key)
    assert unlock.recall("workspace-1") == bytearray(key)
    assert unlock.recall("workspace-2") is None
    unlock.forget("workspace-1")
    assert unlock.recall("workspace-1") is None
    unlock.forget("workspace-1")  # forgetting twice is harmless
    assert store == {}
