"""Schema migrations on real SQLCipher files: models and migrations agree, every
revision upgrades in turn, and upgrading an older workspace loses nothing."""

from __future__ import annotations

import itertools
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import Script
from sqlalchemy import Connection, Engine, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from roth_desktop import audit
from roth_desktop.atomic_files import write_atomic
from roth_desktop.database import make_engine
from roth_desktop.demo import populate
from roth_desktop.errors import OutdatedWorkspaceError
from roth_desktop.integrity import check_workspace
from roth_desktop.keyfile import KEY_BYTES, KeyFile
from roth_desktop.models import Base, Case, YoungPerson
from roth_desktop.models.audit import GENESIS_HASH
from roth_desktop.schema_migrations import alembic_config, head_revision, script_directory
from roth_desktop.workspace import DATABASE_FILE, KEY_FILE, Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.common import run_cli, snapshot

SQLITE_HEADER = b"SQLite format 3\x00"


def _revisions_base_to_head() -> list[Script]:
    revisions = list(script_directory().walk_revisions())
    revisions.reverse()
    return revisions


def _version(connection: Connection) -> str | None:
    has_table = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if not has_table:
        return None
    rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    assert len(rows) <= 1
    return rows[0][0] if rows else None


def _schema_diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "render_as_batch": True}
    )
    return list(compare_metadata(context, Base.metadata))


def _write_key_file(folder: Path, key: bytes) -> None:
    keyfile = KeyFile.seal(str(uuid.uuid4()), key, PASSPHRASE)
    write_atomic(folder / KEY_FILE, keyfile.to_bytes())


def _all_rows(engine: Engine) -> dict[str, set[tuple[Any, ...]]]:
    """Every row of every table (including the audit trail), by table name."""
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        return {
            table: {
                tuple(row) for row in connection.exec_driver_sql(f'SELECT * FROM "{table}"').all()
            }
            for table in tables
            if table != "alembic_version"
        }


def _base_workspace(folder: Path) -> bytes:
    """A keyed, encrypted, empty database at the base revision, with its key file."""
    folder.mkdir(parents=True)
    key = os.urandom(KEY_BYTES)
    engine = make_engine(folder / DATABASE_FILE, key)
    try:
        with engine.begin() as connection:
            # Writes the encrypted header and first page, then leaves no table behind.
            connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
            connection.exec_driver_sql("DROP TABLE scratch")
        with engine.connect() as connection:
            assert _version(connection) is None
    finally:
        engine.dispose()
    _write_key_file(folder, key)
    assert (folder / DATABASE_FILE).stat().st_size > 0
    return key


# -- models and migrations agree ----------------------------------------------------------


def test_autogenerate_finds_nothing_to_add(empty_workspace: Workspace) -> None:
    with empty_workspace.engine.connect() as connection:
        assert _version(connection) == head_revision()
        assert _schema_diff(connection) == []


def test_every_revision_upgrades_in_turn_from_the_first(tmp_path: Path) -> None:
    revisions = _revisions_base_to_head()
    assert revisions, "migrations/versions has no revisions"
    assert revisions[0].down_revision is None
    for earlier, later in itertools.pairwise(revisions):
        assert later.down_revision == earlier.revision, "the history must be one straight line"
    assert revisions[-1].revision == head_revision()

    path = tmp_path / "stepwise.db"
    engine = make_engine(path, os.urandom(KEY_BYTES))
    try:
        with engine.connect() as connection:
            assert _version(connection) is None
        for revision in revisions:
            command.upgrade(alembic_config(engine), revision.revision)
            with engine.connect() as connection:
                assert _version(connection) == revision.revision
        with engine.connect() as connection:
            assert _schema_diff(connection) == []
    finally:
        engine.dispose()
    assert not path.read_bytes().startswith(SQLITE_HEADER)


# -- an older workspace upgrades with nothing lost ----------------------------------------


def _copy_rows_from(source: Engine, target: Engine) -> None:
    """Copy every row the target's (older) tables can hold from a head-revision source.

    Only used when the first revision is not the head, so the ORM (which speaks
    the head schema) cannot write to the older database directly.
    """
    with source.connect() as src, target.begin() as dst:
        # Rows go in table by table, so parents may arrive after their children:
        # check the links once, at commit.
        dst.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        target_columns = {
            table: [c["name"] for c in inspect(dst).get_columns(table)]
            for table in inspect(dst).get_table_names()
            if table != "alembic_version"
        }
        source_tables = set(inspect(src).get_table_names())
        for table, columns in target_columns.items():
            if table not in source_tables:
                continue
            available = {column["name"] for column in inspect(src).get_columns(table)}
            shared = [c for c in columns if c in available]
            names = ", ".join(f'"{c}"' for c in shared)
            rows = src.exec_driver_sql(f'SELECT {names} FROM "{table}"').all()
            if table == "audit_entry" and "version" not in shared:
                rows = _as_written_before_sync(shared, list(rows))  # type: ignore[assignment]
            if rows:
                marks = ", ".join("?" for _ in shared)
                dst.exec_driver_sql(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                    [tuple(row) for row in rows],
                )


def _as_written_before_sync(columns: list[str], rows: list[Any]) -> list[tuple[Any, ...]]:
    """Audit rows with the hashes an app from before sync wrote.

    The rows were made by today's models, whose hashes also cover the sync columns
    the older schema does not have.
    """
    prev = GENESIS_HASH
    out = []
    for row in sorted(rows, key=lambda r: r[columns.index("seq")]):
        values = dict(zip(columns, row, strict=True))
        digest = audit.entry_hash(
            prev,
            values["seq"],
            values["at"],
            values["actor"],
            values["table_name"],
            values["record_id"],
            values["action"],
            values["changes"],
        )
        values.update(prev_hash=prev, hash=digest)
        out.append(tuple(values[c] for c in columns))
        prev = digest
    return out


def test_an_older_workspace_upgrades_through_the_cli_with_nothing_lost(
    tmp_path: Path, passphrase_file: Path
) -> None:
    revisions = _revisions_base_to_head()
    first, head = revisions[0].revision, head_revision()
    folder = tmp_path / "older"
    folder.mkdir()
    key = os.urandom(KEY_BYTES)
    engine = make_engine(folder / DATABASE_FILE, key)
    try:
        command.upgrade(alembic_config(engine), first)
        if first == head:
            factory = sessionmaker(engine)
            audit.install(factory)
            with factory() as session, session.begin():
                session.info[audit.ACTOR_KEY] = "Test migration"
                populate(session)
        else:
            scratch = make_engine(tmp_path / "scratch.db", key)
            try:
                command.upgrade(alembic_config(scratch), "head")
                factory = sessionmaker(scratch)
                audit.install(factory)
                with factory() as session, session.begin():
                    populate(session, content=False)
                _copy_rows_from(scratch, engine)
            finally:
                scratch.dispose()
        with engine.connect() as connection:
            assert _version(connection) == first
        before = _all_rows(engine)
    finally:
        engine.dispose()
    _write_key_file(folder, key)
    assert len(before["young_person"]) == 3
    assert len(before["audit_entry"]) > 50

    migrated = run_cli("migrate", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stderr == ""
    if first == head:
        assert f"Already at the latest schema ({head})" in migrated.stdout
    else:
        assert f"Upgraded from {first} to {head}" in migrated.stdout
        assert (folder / f"workspace.before-{first}.db").is_file()

    engine = make_engine(folder / DATABASE_FILE, key)
    try:
        with engine.connect() as connection:
            assert _version(connection) == head
        after = _all_rows(engine)
        with Session(engine) as session:
            names = sorted(yp.first_name for yp in session.scalars(select(YoungPerson)))
    finally:
        engine.dispose()
    assert names == ["Amira", "Kai", "Tyler"]
    for table, rows in before.items():
        # Columns a later revision adds come after the old ones; compare the old ones.
        width = len(next(iter(rows))) if rows else 0
        assert {row[:width] for row in after[table]} >= rows, table
        assert len(after[table]) == len(rows), table

    checked = run_cli("check", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert len(lines) == 4 and all(line.startswith("ok") for line in lines), lines


def test_a_workspace_at_base_is_refused_until_migrated(tmp_path: Path) -> None:
    folder = tmp_path / "base"
    _base_workspace(folder)
    original_db = (folder / DATABASE_FILE).read_bytes()
    before = snapshot(folder)

    with pytest.raises(OutdatedWorkspaceError, match=r"older version.*roth-desktop migrate"):
        Workspace.open(folder, PASSPHRASE)
    assert snapshot(folder) == before

    with Workspace.open(folder, PASSPHRASE, migrate=True) as workspace:
        with workspace.engine.connect() as connection:
            assert _version(connection) == head_revision()
            assert _schema_diff(connection) == []
        with workspace.session() as session:
            session.add(YoungPerson(first_name="Test", last_name="Person"))
        key = workspace.database_key()

    backup = folder / "workspace.before-base.db"
    assert sorted(p.name for p in folder.iterdir()) == [
        "workspace.before-base.db",
        DATABASE_FILE,
        KEY_FILE,
    ]
    # The backup is the database exactly as it was: still encrypted, same key.
    assert backup.read_bytes() == original_db
    assert not backup.read_bytes().startswith(SQLITE_HEADER)
    backup_engine = make_engine(backup, key, read_only=True)
    try:
        with backup_engine.connect() as connection:
            assert _version(connection) is None
    finally:
        backup_engine.dispose()

    results = check_workspace(folder, PASSPHRASE)
    assert [(r.name, r.ok) for r in results] == [
        ("key file", True),
        ("database", True),
        ("schema", True),
        ("audit trail", True),
    ]


def test_cli_migrate_upgrades_a_base_workspace_and_keeps_a_backup(
    tmp_path: Path, passphrase_file: Path
) -> None:
    folder = tmp_path / "base"
    _base_workspace(folder)
    original_db = (folder / DATABASE_FILE).read_bytes()
    before = snapshot(folder)

    check = run_cli("check", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert check.returncode == 1
    lines = check.stdout.splitlines()
    assert [line[:4] for line in lines] == ["ok  ", "ok  ", "FAIL"]
    assert "schema" in lines[-1] and "roth-desktop migrate" in lines[-1]
    assert snapshot(folder) == before

    migrated = run_cli("migrate", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert migrated.returncode == 0, migrated.stderr
    assert f"to {head_revision()}" in migrated.stdout
    assert "workspace.before-base.db" in migrated.stdout
    assert (folder / "workspace.before-base.db").read_bytes() == original_db
    assert all(result.ok for result in check_workspace(folder, PASSPHRASE))


def test_a_future_migration_can_rebuild_a_referenced_table(demo_workspace: Workspace) -> None:
    """SQLite alters a table by copying it; with children pointing at young_person
    that only works if foreign keys are off during the copy and checked after."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import text

    from roth_desktop.schema_migrations import migration_connection

    with migration_connection(demo_workspace.engine) as connection:
        before = connection.execute(text("SELECT count(*) FROM young_person")).scalar_one()
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("young_person", recreate="always") as batch:
            batch.alter_column("local_id", existing_type=sa.String(40), type_=sa.String(60))
    with demo_workspace.session() as session:
        assert session.query(YoungPerson).count() == before == 3
        assert all(c.young_person is not None for c in session.query(Case))


# -- 0005: conference content becomes shared with assessments -------------------------------

SHARED_TABLES = (
    "context_area",
    "context_link",
    "partner_item",
    "need",
    "harm_entry",
    "profile_item",
    "voice",
)


def test_conference_content_from_0004_upgrades_into_shared_parts_with_nothing_lost(
    tmp_path: Path,
) -> None:
    """A workspace full of conference content (maps, needs, words) at 0004 upgrades to
    the shared-part tables: every row and value kept, every row owned by its conference,
    and the one-owner rule holds afterwards."""
    key = os.urandom(KEY_BYTES)
    scratch = make_engine(tmp_path / "scratch.db", key)
    older = make_engine(tmp_path / "older.db", key)
    try:
        command.upgrade(alembic_config(scratch), "head")
        factory = sessionmaker(scratch)
        audit.install(factory)
        with factory() as session, session.begin():
            session.info[audit.ACTOR_KEY] = "Test migration"
            populate(session)
        # The demo's assessment rows have no conference; a 0004 workspace never held any.
        with scratch.begin() as connection:
            for table in reversed(SHARED_TABLES):  # links and items before their contexts
                connection.exec_driver_sql(f'DELETE FROM "{table}" WHERE conference_id IS NULL')
            connection.exec_driver_sql("UPDATE visit SET assessment_id = NULL")
        command.upgrade(alembic_config(older), "0004")
        _copy_rows_from(scratch, older)
        before = _all_rows(older)
        assert all(before[t] for t in SHARED_TABLES), "the demo fills every shared table"
        command.upgrade(alembic_config(older), "head")
        after = _all_rows(older)
        with older.connect() as connection:
            assert _schema_diff(connection) == []
            for table in SHARED_TABLES:
                columns = [c["name"] for c in inspect(connection).get_columns(table)]
                assert "assessment_id" in columns
                unowned = connection.exec_driver_sql(
                    f'SELECT count(*) FROM "{table}" WHERE conference_id IS NULL '
                    "OR assessment_id IS NOT NULL"
                ).scalar()
                assert unowned == 0, table
                checks = [c["name"] for c in inspect(connection).get_check_constraints(table)]
                assert f"ck_{table}_one_owner" in checks, (table, checks)
    finally:
        scratch.dispose()
        older.dispose()
    for table, rows in before.items():
        # Columns the upgrade adds come after the old ones; compare the old ones.
        width = len(next(iter(rows))) if rows else 0
        assert {row[:width] for row in after[table]} == rows, table
        assert len(after[table]) == len(rows), table
