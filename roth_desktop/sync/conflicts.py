"""Conflicts a person resolves: what each side wrote, and the answers they can give.

A field conflict is answered by choosing (or writing) the value to keep. That is an
ordinary edit through ``edits.set_field``: the audit hook stamps it with a base of
every head, so it settles the conflict here and on every device it reaches.

A record deleted on one device while changed on another is answered by restoring
it with the changes kept, or by agreeing it stays deleted (an "ack" change that
names the changes it accounts for).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from roth_desktop import audit, edits
from roth_desktop.models import RECORD_TYPES, Record, SyncConflict
from roth_desktop.sync import changelog
from roth_desktop.sync.merge import from_plain

# Long free text: the conflicts view shows each version whole, side by side.
FREE_TEXT_MIN_LENGTH = 200


@dataclass(frozen=True)
class Version:
    version: str
    value: Any
    actor: str
    at: str


@dataclass(frozen=True)
class ConflictView:
    id: str
    table_name: str
    record_id: str
    field: str  # "" when the whole record was deleted on one side
    kind: str  # changelog.FIELD_CONFLICT or changelog.RECORD_CONFLICT
    versions: tuple[Version, ...]  # oldest first; the record shows the last
    base: Any  # what both sides started from (field), or the uncovered versions (record)

    @property
    def free_text(self) -> bool:
        table = RECORD_TYPES[self.table_name].__table__
        if not self.field or self.field not in table.columns:
            return False
        column = table.columns[self.field]
        length = getattr(column.type, "length", None)
        return column.type.python_type is str and (length is None or length >= 1000)


class ConflictGone(LookupError):
    pass


def _view(row: SyncConflict) -> ConflictView:
    versions = tuple(
        Version(h["version"], h["value"], h["actor"], h["at"]) for h in json.loads(row.heads)
    )
    return ConflictView(
        row.id, row.table_name, row.record_id, row.field, row.kind, versions, json.loads(row.base)
    )


def list_conflicts(session: Session) -> list[ConflictView]:
    rows = session.scalars(
        select(SyncConflict).order_by(SyncConflict.found_at, SyncConflict.id)
    ).all()
    return [_view(row) for row in rows]


def count(session: Session) -> int:
    return len(session.scalars(select(SyncConflict.id)).all())


def get(session: Session, conflict_id: str) -> ConflictView:
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        raise ConflictGone("This conflict has already been resolved.")
    return _view(row)


def resolve_field(
    session: Session, conflict_id: str, value: Any, seen: Sequence[str] | None = None
) -> None:
    """Keep ``value`` (one side's, or one a person wrote) for a field in conflict.

    ``seen`` is the versions the person was shown (default: those stored now).
    """
    conflict = get(session, conflict_id)
    if conflict.kind != changelog.FIELD_CONFLICT:
        raise ValueError("not a field conflict")
    cls = RECORD_TYPES[conflict.table_name]
    table = cls.__table__
    assert isinstance(table, Table)
    typed = from_plain(table, conflict.field, value)
    record = session.get(cls, conflict.record_id)
    if record is None:
        raise ConflictGone("The record has been deleted since.")
    # The answer replaces the versions the person was shown, and only those: one
    # that arrived since stays in the conflict for them to see.
    session.info[changelog.RESOLVING_KEY] = {
        (conflict.record_id, conflict.field): list(seen)
        if seen is not None
        else [v.version for v in conflict.versions]
    }
    if audit.plain(getattr(record, conflict.field)) == audit.plain(typed):
        # Keeping what is shown is still an answer, and must travel as one.
        flag_modified(record, conflict.field)
        session.flush()
    else:
        edits.set_field(session, conflict.table_name, conflict.record_id, conflict.field, typed)


def settle_deleted(session: Session, conflict_id: str, restore: bool) -> None:
    """Answer "deleted here, changed there": restore the record, or agree it stays deleted."""
    conflict = get(session, conflict_id)
    if conflict.kind != changelog.RECORD_CONFLICT:
        raise ValueError("not a deleted-record conflict")
    if restore:
        cls = RECORD_TYPES[conflict.table_name]
        table = cls.__table__
        assert isinstance(table, Table)
        values = {
            k: from_plain(table, k, v)
            for k, v in conflict.versions[-1].value.items()
            if k in table.columns and k not in Record.BOOKKEEPING
        }
        values["id"] = conflict.record_id
        edits.create_record(session, conflict.table_name, values)
        return
    connection = session.connection()
    device = changelog.device_id(connection)
    version = changelog.Clock(connection, device).tick()
    audit.append_entries(
        connection,
        [
            audit.NewEntry(
                table=conflict.table_name,
                record_id=conflict.record_id,
                action=changelog.ACK,
                changes=audit.canonical({"set": {}, "was": {}}),
                version=version,
                device=device,
                base=changelog.canonical_base({changelog.ALL_FIELDS: list(conflict.base)}),
                origin=changelog.LOCAL,
                actor=str(session.info.get(audit.ACTOR_KEY, "unknown")),
                at=datetime.now(UTC).isoformat(timespec="microseconds"),
            )
        ],
    )
    history = changelog.history_of(connection, conflict.record_id)
    changelog.refresh_conflicts(connection, conflict.table_name, conflict.record_id, False, history)
