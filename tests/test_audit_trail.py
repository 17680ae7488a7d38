"""The audit trail: one hash-chained entry per change, append-only, and honest."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from roth_desktop import audit, edits
from roth_desktop.database import make_engine
from roth_desktop.models import AuditEntry, FamilyMember, YoungPerson
from roth_desktop.models.audit import GENESIS_HASH
from roth_desktop.workspace import DATABASE_FILE, Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.common import run_cli

ACTOR = "Test Chair"


def _entries(workspace: Workspace) -> list[AuditEntry]:
    with workspace.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def _verify(workspace: Workspace) -> audit.ChainReport:
    with workspace.session() as session:
        return audit.verify(session)


@pytest.fixture
def workspace(empty_workspace: Workspace) -> Workspace:
    empty_workspace.actor = ACTOR
    return empty_workspace


def test_create_update_delete_each_append_an_entry(workspace: Workspace) -> None:
    with workspace.session() as session:
        yp = YoungPerson(first_name="Test", last_name="Person", date_of_birth=date(2011, 5, 4))
        relative = FamilyMember(
            young_person=yp, name="Test Relative", relationship_to_young_person="Aunt"
        )
        session.add_all([yp, relative])
    created = _entries(workspace)
    assert sorted((e.action, e.table_name, e.record_id, e.actor) for e in created) == [
        ("create", "family_member", relative.id, ACTOR),
        ("create", "young_person", yp.id, ACTOR),
    ]
    person_entry = next(e for e in created if e.table_name == "young_person")
    changes = json.loads(person_entry.changes)
    assert changes["set"]["first_name"] == "Test"
    assert changes["set"]["date_of_birth"] == "2011-05-04"
    assert changes["was"] == {}
    assert "created_at" not in changes["set"] and "updated_at" not in changes["set"]

    with workspace.session() as session:
        stored = session.get(YoungPerson, yp.id)
        assert stored is not None
        stored.last_name = "Persona"
    updated = _entries(workspace)[2:]
    assert [(e.action, e.table_name, e.record_id, e.actor) for e in updated] == [
        ("update", "young_person", yp.id, ACTOR)
    ]
    assert json.loads(updated[0].changes) == {
        "set": {"last_name": "Persona"},
        "was": {"last_name": "Person"},
    }

    with workspace.session() as session:
        gone = session.get(FamilyMember, relative.id)
        assert gone is not None
        session.delete(gone)
    deleted = _entries(workspace)[3:]
    assert [(e.action, e.table_name, e.record_id, e.actor) for e in deleted] == [
        ("delete", "family_member", relative.id, ACTOR)
    ]
    assert json.loads(deleted[0].changes)["was"]["name"] == "Test Relative"

    entries = _entries(workspace)
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[0].prev_hash == GENESIS_HASH
    for earlier, later in itertools.pairwise(entries):
        assert later.prev_hash == earlier.hash
    report = _verify(workspace)
    assert report.ok, report.problems
    assert report.entries == 4


def test_a_write_with_no_content_change_adds_no_entry(workspace: Workspace) -> None:
    with workspace.session() as session:
        yp = YoungPerson(first_name="Test", last_name="Person")
        session.add(yp)
    with workspace.session() as session:
        stored = session.get(YoungPerson, yp.id)
        assert stored is not None
        stored.first_name = "Test"  # the same value
    assert len(_entries(workspace)) == 1


def test_the_demo_chain_verifies(demo_workspace: Workspace) -> None:
    report = _verify(demo_workspace)
    assert report.ok, report.problems
    with demo_workspace.session() as session:
        total = len(list(session.scalars(select(AuditEntry.seq))))
    assert report.entries == total > 50


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'Someone Else' WHERE seq = 1",
        "UPDATE audit_entry SET changes = '{}'",
        "DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry)",
        "DELETE FROM audit_entry",
    ],
)
def test_raw_sql_cannot_rewrite_the_trail(demo_workspace: Workspace, statement: str) -> None:
    before = [(e.seq, e.actor, e.changes, e.hash) for e in _entries(demo_workspace)]
    with (
        pytest.raises((IntegrityError, DatabaseError), match="append-only"),
        demo_workspace.engine.begin() as connection,
    ):
        connection.execute(text(statement))
    after = [(e.seq, e.actor, e.changes, e.hash) for e in _entries(demo_workspace)]
    assert after == before
    assert _verify(demo_workspace).ok


def test_the_orm_refuses_to_change_or_delete_an_entry(demo_workspace: Workspace) -> None:
    before = [(e.seq, e.actor, e.hash) for e in _entries(demo_workspace)]
    with pytest.raises(RuntimeError, match="append-only"), demo_workspace.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).first()
        assert entry is not None
        entry.actor = "Someone Else"
        session.flush()
    with pytest.raises(RuntimeError, match="append-only"), demo_workspace.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).first()
        assert entry is not None
        session.delete(entry)
        session.flush()
    assert [(e.seq, e.actor, e.hash) for e in _entries(demo_workspace)] == before


def test_a_forged_entry_breaks_the_chain(demo_workspace: Workspace) -> None:
    last = _entries(demo_workspace)[-1]
    with demo_workspace.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_entry (seq, at, actor, table_name, record_id, action, "
                "changes, prev_hash, hash) VALUES (:seq, :at, 'Forger', 'young_person', "
                ":rid, 'update', :changes, :prev, :hash)"
            ),
            {
                "seq": last.seq + 1,
                "at": last.at,
                "rid": last.record_id,
                "changes": json.dumps({"set": {}, "was": {}}),
                "prev": last.hash,
                "hash": "f" * 64,
            },
        )
    report = _verify(demo_workspace)
    assert not report.ok
    assert any("altered" in problem for problem in report.problems)


def test_an_edit_behind_the_trails_back_is_found(demo_folder: Path, passphrase_file: Path) -> None:
    keyfile = Workspace.read_keyfile(demo_folder)
    key = keyfile.unwrap(PASSPHRASE)
    engine = make_engine(demo_folder / DATABASE_FILE, key)
    try:
        with engine.begin() as connection:
            changed = connection.execute(
                text("UPDATE young_person SET last_name = 'Changed' WHERE first_name = 'Kai'")
            )
            assert changed.rowcount == 1
        with Session(engine) as session:
            report = audit.verify(session)
    finally:
        engine.dispose()
    assert not report.ok
    assert report.problems == ("1 young person record(s) differ from the audit trail.",)

    result = run_cli("check", "--workspace", demo_folder, "--passphrase-file", passphrase_file)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line[:4] for line in lines] == ["ok  ", "ok  ", "ok  ", "FAIL"]
    assert "audit trail" in lines[-1] and "young person" in lines[-1]
    assert "Traceback" not in result.stderr


def test_a_row_deleted_behind_the_trails_back_is_found(demo_workspace: Workspace) -> None:
    with demo_workspace.engine.begin() as connection:
        removed = connection.execute(text("DELETE FROM family_member WHERE name = 'Pat Brennan'"))
        assert removed.rowcount == 1
    report = _verify(demo_workspace)
    assert not report.ok
    assert any("family member" in problem for problem in report.problems)


def test_the_sync_fields_are_part_of_the_chain(demo_workspace: Workspace) -> None:
    """An entry whose version, device or base was changed no longer hashes as written.

    The forger recomputes the hash as entries from before sync were hashed (no sync
    fields), which is what they would do to slip a different base past the chain.
    """
    with demo_workspace.session() as session:
        person = session.scalars(select(YoungPerson)).first()
        assert person is not None
        edits.set_field(session, "young_person", person.id, "preferred_name", "KB")
    last = _entries(demo_workspace)[-1]
    assert last.version is not None and last.base is not None
    forged_base = json.dumps({"preferred_name": ["0000000000000-000000000-forged"]})
    with demo_workspace.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_entry (seq, at, actor, table_name, record_id, action, "
                "changes, prev_hash, hash, version, device_id, base, origin) VALUES (:seq, "
                ":at, :actor, 'young_person', :rid, 'update', :changes, :prev, :hash, "
                ":version, :device, :base, 'local')"
            ),
            {
                "seq": last.seq + 1,
                "at": last.at,
                "actor": last.actor,
                "rid": last.record_id,
                "changes": json.dumps({"set": {}, "was": {}}),
                "prev": last.hash,
                "hash": audit.entry_hash(
                    last.hash,
                    last.seq + 1,
                    last.at,
                    last.actor,
                    "young_person",
                    last.record_id,
                    "update",
                    json.dumps({"set": {}, "was": {}}),
                ),
                "version": last.version + "x",
                "device": last.device_id,
                "base": forged_base,
            },
        )
    report = _verify(demo_workspace)
    assert not report.ok
    assert any("altered" in problem for problem in report.problems)
