"""The encrypted workspace: a folder with one SQLCipher database and its key file.

    workspace.key   the database key, wrapped (see keyfile.py)
    workspace.db    the SQLCipher database (pages, journal: all encrypted)

Opening never changes a file until the key, the database and the schema have
all been checked, so every refusal (wrong passphrase, damaged or foreign file,
newer schema) leaves the folder byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from roth_desktop import audit
from roth_desktop.atomic_files import fsync_dir, write_atomic
from roth_desktop.database import DatabaseError, make_engine, raw_connect
from roth_desktop.errors import (
    DatabaseDamagedError,
    MissingKeyFileError,
    NewerWorkspaceError,
    NotAWorkspaceError,
    OutdatedWorkspaceError,
    ValidationError,
    WorkspaceExistsError,
    WorkspaceLockedError,
    WrongPassphraseError,
)
from roth_desktop.keyfile import KEY_BYTES, KeyFile, check_new_passphrase
from roth_desktop.paths import state_dir
from roth_desktop.schema_migrations import head_revision, known_revisions, upgrade
from roth_desktop.unlock_throttle import UnlockThrottle

KEY_FILE = "workspace.key"
DATABASE_FILE = "workspace.db"

_DAMAGED = (
    "The workspace database is damaged, or does not belong to this key file, so it "
    "cannot be opened. Nothing has been changed; restore it from a backup."
)


def default_throttle() -> UnlockThrottle:
    return UnlockThrottle(state_dir() / "unlock-attempts.json")


def unwrap_throttled(
    keyfile: KeyFile, passphrase: str, throttle: UnlockThrottle | None = None
) -> bytearray:
    """Unwrap the database key, waiting first if earlier attempts were wrong."""
    throttle = throttle or default_throttle()
    throttle.wait_before_attempt(keyfile.workspace_id)
    try:
        key = keyfile.unwrap(passphrase)
    except WrongPassphraseError:
        throttle.record_failure(keyfile.workspace_id)
        raise
    throttle.record_success(keyfile.workspace_id)
    return key


def holds_workspace(folder: Path) -> bool:
    return (folder / KEY_FILE).exists() or (folder / DATABASE_FILE).exists()


@dataclass(frozen=True)
class DatabaseState:
    revision: str | None


def wipe_key(key: bytearray) -> None:
    # Best effort: Python may hold other copies (the hex pragma string), but the
    # long-lived one is this buffer, and it is zeroed on lock.
    for i in range(len(key)):
        key[i] = 0


def inspect_database(path: Path, key: bytes | bytearray) -> DatabaseState:
    """Prove the key opens the file and the file is whole, without writing to it."""
    if not path.is_file():
        raise DatabaseDamagedError(
            "The workspace database file is missing. Nothing has been changed; "
            "restore it from a backup."
        )
    # A non-empty rollback journal means a write was cut off (power loss, kill).
    # Only a read-write handle may roll it back, which is SQLite's own recovery.
    journal = path.with_name(path.name + "-journal")
    read_only = not (journal.exists() and journal.stat().st_size > 0)
    try:
        connection = raw_connect(path, key, read_only=read_only)
    except DatabaseError as exc:
        raise DatabaseDamagedError(_DAMAGED) from exc
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        damaged_pages = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        quick = connection.execute("PRAGMA quick_check").fetchall()
        if damaged_pages or quick != [("ok",)]:
            raise DatabaseDamagedError(_DAMAGED)
        has_version = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        revision = None
        if has_version:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except DatabaseError as exc:
        raise DatabaseDamagedError(_DAMAGED) from exc
    finally:
        connection.close()
    return DatabaseState(revision)


def check_revision(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise NewerWorkspaceError(
            "This workspace was saved by a newer version of ROTH Desktop. Install the "
            "newer version to open it; nothing has been changed."
        )


class Workspace:
    """An unlocked workspace. ``lock()`` drops the key and every connection."""

    def __init__(self, folder: Path, keyfile: KeyFile, key: bytearray, actor: str) -> None:
        self.folder = folder
        self.keyfile = keyfile
        self._key: bytearray | None = key
        self.actor = actor
        self._engine: Engine | None = make_engine(folder / DATABASE_FILE, key)
        factory = sessionmaker(self._engine, expire_on_commit=False)
        audit.install(factory)
        self._sessions: sessionmaker[Session] | None = factory

    # -- paths and identity -----------------------------------------------------------
    @property
    def workspace_id(self) -> str:
        return self.keyfile.workspace_id

    @property
    def locked(self) -> bool:
        return self._key is None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise WorkspaceLockedError("The workspace is locked.")
        return self._engine

    def database_key(self) -> bytes:
        if self._key is None:
            raise WorkspaceLockedError("The workspace is locked.")
        return bytes(self._key)

    # -- creating and opening ---------------------------------------------------------
    @classmethod
    def create(
        cls,
        folder: Path,
        passphrase: str,
        *,
        recovery_public_key: bytes | None = None,
        actor: str | None = None,
    ) -> Workspace:
        folder = Path(folder)
        if holds_workspace(folder):
            raise WorkspaceExistsError(f"There is already a workspace in {folder}.")
        check_new_passphrase(passphrase)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = bytearray(os.urandom(KEY_BYTES))
        keyfile = KeyFile.seal(str(uuid.uuid4()), bytes(key), passphrase, recovery_public_key)
        # The database first, the key file last: a folder with a key file is a
        # finished workspace, never a half-made one.
        db_path = folder / DATABASE_FILE
        try:
            workspace = cls(folder, keyfile, key, actor or _default_actor())
            upgrade(workspace.engine)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                db_path.unlink()
            raise
        os.chmod(db_path, 0o600)
        write_atomic(folder / KEY_FILE, keyfile.to_bytes())
        return workspace

    @classmethod
    def read_keyfile(cls, folder: Path) -> KeyFile:
        folder = Path(folder)
        if not folder.is_dir():
            raise NotAWorkspaceError(f"There is no workspace at {folder}.")
        key_path = folder / KEY_FILE
        if not key_path.is_file():
            if (folder / DATABASE_FILE).exists():
                raise MissingKeyFileError(
                    "The workspace key file (workspace.key) is missing, so the database cannot "
                    "be unlocked. Nothing has been changed; restore the key file from a backup."
                )
            raise NotAWorkspaceError(f"{folder} does not hold a ROTH Desktop workspace.")
        return KeyFile.from_bytes(key_path.read_bytes())

    @classmethod
    def open(
        cls,
        folder: Path,
        passphrase: str,
        *,
        migrate: bool = False,
        throttle: UnlockThrottle | None = None,
        actor: str | None = None,
    ) -> Workspace:
        folder = Path(folder)
        keyfile = cls.read_keyfile(folder)
        key = unwrap_throttled(keyfile, passphrase, throttle)
        return cls.open_with_key(folder, key, keyfile=keyfile, migrate=migrate, actor=actor)

    @classmethod
    def open_with_key(
        cls,
        folder: Path,
        key: bytearray,
        *,
        keyfile: KeyFile | None = None,
        migrate: bool = False,
        actor: str | None = None,
    ) -> Workspace:
        folder = Path(folder)
        keyfile = keyfile or cls.read_keyfile(folder)
        try:
            state = inspect_database(folder / DATABASE_FILE, key)
            check_revision(state.revision)
            head = head_revision()
            if state.revision != head and not migrate:
                raise OutdatedWorkspaceError(
                    "This workspace was made by an older version of ROTH Desktop and needs "
                    "upgrading: run 'roth-desktop migrate'. Nothing has been changed."
                )
        except BaseException:
            wipe_key(key)
            raise
        workspace = cls(folder, keyfile, key, actor or _default_actor())
        if state.revision != head:
            try:
                workspace._upgrade_with_backup(state.revision)
            except BaseException:
                workspace.lock()  # a failed upgrade must not leave the key behind
                raise
        return workspace

    def _upgrade_with_backup(self, from_revision: str | None) -> None:
        db_path = self.folder / DATABASE_FILE
        # The backup is the encrypted file as it was: same key, nothing in the clear.
        backup = self.folder / f"workspace.before-{from_revision or 'base'}.db"
        shutil.copy2(db_path, backup)
        os.chmod(backup, 0o600)
        fsync_dir(self.folder)
        upgrade(self.engine)

    # -- using it ---------------------------------------------------------------------
    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        if self._sessions is None:
            raise WorkspaceLockedError("The workspace is locked.")
        with self._sessions() as session:
            session.info[audit.ACTOR_KEY] = self.actor
            session.info["workspace_id"] = self.workspace_id
            try:
                with session.begin():
                    yield session
            except IntegrityError:
                # The models' own rules catch the cases people meet; this is the
                # database's last word, said without the values it would quote.
                raise ValidationError(
                    {
                        "record": "That would repeat a record that already exists, or link to "
                        "one that is not there. Nothing was saved."
                    }
                ) from None

    def change_passphrase(self, current: str, new: str) -> None:
        """Re-wrap the database key; the database itself is not re-encrypted."""
        check_new_passphrase(new)
        # Proves the person at the keyboard knows the current one, at the same
        # slowed-down pace as unlocking, so an open laptop is no guessing machine.
        wipe_key(unwrap_throttled(self.keyfile, current))
        self.reset_passphrase(new)

    def reset_passphrase(self, new: str) -> None:
        """Re-wrap under a new passphrase without the old one (recovery by the organisation)."""
        check_new_passphrase(new)
        rewrapped = self.keyfile.rewrap(self.database_key(), new)
        write_atomic(self.folder / KEY_FILE, rewrapped.to_bytes())
        self.keyfile = rewrapped

    def lock(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._sessions = None
        if self._key is not None:
            wipe_key(self._key)
        self._key = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.lock()


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
