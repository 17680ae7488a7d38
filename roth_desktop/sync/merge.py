"""Apply another device's changes: a three-way merge per field that loses nothing.

Each received change names, per field, the versions it replaced (its base). The
field's heads become (heads - base) + this change. One head: the field takes it.
Two or more with different values: a conflict, filed for a person, while the
record shows the newest head so every device shows the same thing. Changes to a
record deleted elsewhere are kept but not applied, and filed the same way.

Everything here writes through Core statements on one connection inside the
caller's transaction, so an envelope is applied whole or not at all.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, delete, insert, select, update
from sqlalchemy import Enum as SqlEnum

from roth_desktop.audit import NewEntry, append_entries, canonical, plain
from roth_desktop.errors import RothError
from roth_desktop.models import RECORD_TYPES, Record
from roth_desktop.sync import changelog
from roth_desktop.sync.changelog import DERIVED, REFUSED, REMOTE


class ChangeRefused(RothError):
    """The changes cannot be applied as they stand (the envelope is rejected whole)."""


@dataclass(frozen=True)
class Change:
    """One change as it travels: a local audit entry, minus the local chain."""

    version: str
    table: str
    record_id: str
    action: str
    set: dict[str, Any]
    was: dict[str, Any]
    base: dict[str, list[str]]
    actor: str
    at: str

    def as_json(self) -> dict[str, Any]:
        return {
            "v": self.version,
            "t": self.table,
            "id": self.record_id,
            "a": self.action,
            "set": self.set,
            "was": self.was,
            "base": self.base,
            "actor": self.actor,
            "at": self.at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        try:
            change = cls(
                version=str(data["v"]),
                table=str(data["t"]),
                record_id=str(data["id"]),
                action=str(data["a"]),
                set=dict(data["set"]),
                was=dict(data["was"]),
                base={str(k): [str(v) for v in vs] for k, vs in dict(data["base"]).items()},
                actor=str(data["actor"]),
                at=str(data["at"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ChangeRefused("it holds a change that is not in the expected form") from error
        if change.action not in ("create", "update", "delete", changelog.ACK):
            raise ChangeRefused(f"it holds a change of an unknown kind ({change.action!r})")
        return change

    @property
    def address(self) -> str:
        return f"{self.table}/{self.record_id}"


@dataclass
class Applied:
    """What applying one envelope did, for the sync report."""

    changes: int = 0
    refused: int = 0  # kept, not applied: the record was deleted elsewhere
    derived: int = 0  # links cleared or children removed with a deleted parent
    touched: set[tuple[str, str]] = field(default_factory=set)


def _table(name: str) -> tuple[type[Record], Table]:
    cls = RECORD_TYPES.get(name)
    if cls is None:
        raise ChangeRefused(
            f"it changes a kind of record this version does not know ({name}); "
            "it was probably made by a newer version of ROTH Desktop"
        )
    table = cls.__table__
    assert isinstance(table, Table)
    return cls, table


def _content(table: Table) -> list[str]:
    return [c.key for c in table.columns if c.key not in Record.BOOKKEEPING]


def from_plain(table: Table, name: str, value: Any) -> Any:
    """A travelled JSON value back in the column's Python type."""
    if value is None:
        return None
    column = table.columns[name]
    if isinstance(column.type, SqlEnum) and column.type.enum_class is not None:
        enum_class: type[enum.Enum] = column.type.enum_class
        return enum_class(value)
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def _check_fields(table: Table, names: Iterable[str]) -> None:
    content = set(_content(table))
    unknown = sorted(set(names) - content)
    if unknown:
        raise ChangeRefused(
            f"it sets fields this version does not know ({', '.join(unknown)}); "
            "it was probably made by a newer version of ROTH Desktop"
        )


def _row(connection: Connection, table: Table, record_id: str) -> dict[str, Any] | None:
    row = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return dict(row) if row is not None else None


def _entry(change: Change, action: str, changes: dict[str, Any], origin: str = REMOTE) -> NewEntry:
    return NewEntry(
        table=change.table,
        record_id=change.record_id,
        action=action,
        changes=canonical(changes),
        version=change.version,
        device=changelog.split_version(change.version)[2],
        base=changelog.canonical_base(change.base),
        origin=origin,
        actor=change.actor,
        at=change.at,
    )


def _apply_one(connection: Connection, change: Change, device: str, applied: Applied) -> None:
    cls, table = _table(change.table)
    _check_fields(table, change.set)
    applied.touched.add((change.table, change.record_id))
    applied.changes += 1
    row = _row(connection, table, change.record_id)
    if change.action == changelog.ACK:
        append_entries(connection, [_entry(change, changelog.ACK, {"set": {}, "was": {}})])
        return
    if change.action == "delete":
        was: dict[str, Any] = {}
        if row is not None:
            was = {k: plain(row[k]) for k in _content(table)}
            connection.execute(delete(table).where(table.c.id == change.record_id))
        append_entries(connection, [_entry(change, "delete", {"set": {}, "was": was})])
        return
    history = changelog.history_of(connection, change.record_id, device)
    if row is None and change.action == "update":
        if not history.deleted and not history.versions:
            raise ChangeRefused(f"it changes a record this device has never had ({change.address})")
        applied.refused += 1
        changes = {"set": {}, "was": {}, "sent": change.set, "sent_was": change.was}
        append_entries(connection, [_entry(change, REFUSED, changes)])
        return
    # Fold the change into the field heads, then write what the heads now show.
    entry_view = changelog.EntryView(
        0,
        change.at,
        change.actor,
        change.action,
        {"set": change.set, "was": change.was},
        change.version,
        change.base,
        REMOTE,
    )
    if row is None:
        history.heads.clear()  # a record made again starts afresh
    changelog.fold(history, entry_view)
    shown = {
        name: from_plain(table, name, changelog.shown(history.heads[name]).value)
        for name in change.set
    }
    if row is None:
        connection.execute(insert(table).values({**shown, "id": change.record_id}))
        written = _row(connection, table, change.record_id)
        assert written is not None
        new = {k: plain(written[k]) for k in _content(table)}
        old: dict[str, Any] = {}
        action = "create"
    else:
        differing = {k: v for k, v in shown.items() if plain(v) != plain(row[k])}
        if differing:
            connection.execute(
                update(table).where(table.c.id == change.record_id).values(**differing)
            )
        new = {k: plain(v) for k, v in differing.items()}
        old = {k: plain(row[k]) for k in differing}
        action = "update"
    changes = {"set": new, "was": old, "sent": change.set, "sent_was": change.was}
    append_entries(connection, [_entry(change, action, changes)])
    del cls


def _derived_version(version: str, child: str) -> str:
    # Every device that meets the same orphan derives the same label for it.
    suffix = hashlib.sha256(child.encode()).hexdigest()[:8]
    return f"{version}~{suffix}"


def _parent_tables() -> dict[str, list[str]]:
    """Table -> tables with a foreign key to it."""
    children: dict[str, list[str]] = {}
    for name, cls in RECORD_TYPES.items():
        for fk in cls.__table__.foreign_keys:
            children.setdefault(fk.column.table.name, []).append(name)
    return children


def _settle_orphans(
    connection: Connection, changes: Sequence[Change], device: str, applied: Applied
) -> None:
    """Records left pointing at a record deleted elsewhere: unlink them, or remove them.

    A nullable link is cleared; a record that cannot exist without its parent
    goes with it, and (because someone made or changed it without knowing of the
    delete) is filed as a conflict by ``refresh_conflicts``.
    """
    children = _parent_tables()
    candidates = {c.table for c in changes if c.action != "delete"}
    for c in changes:
        if c.action == "delete":
            candidates.update(children.get(c.table, []))
    last = changes[-1]
    while True:
        broken: list[Any] = []
        for name in sorted(candidates):
            broken.extend(connection.exec_driver_sql(f'PRAGMA foreign_key_check("{name}")').all())
        if not broken:
            return
        for table_name, rowid, parent_name, fkid in broken:
            _, table = _table(table_name)
            fks = connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table_name}")').all()
            column = next(fk[3] for fk in fks if fk[0] == fkid)
            record = connection.exec_driver_sql(
                f'SELECT id, "{column}" FROM "{table_name}" WHERE rowid = ?', (rowid,)
            ).first()
            if record is None:
                continue  # already removed earlier in this sweep
            child_id, parent_id = record
            parent = changelog.history_of(connection, parent_id, device)
            if not parent.deleted and not parent.versions:
                raise ChangeRefused(
                    f"it links {table_name}/{child_id} to a record this device has never had"
                )
            derived = Change(
                version=_derived_version(last.version, f"{table_name}/{child_id}"),
                table=table_name,
                record_id=child_id,
                action="update",
                set={},
                was={},
                base={},
                actor=last.actor,
                at=last.at,
            )
            applied.derived += 1
            applied.touched.add((table_name, child_id))
            if table.columns[column].nullable:
                connection.execute(
                    update(table).where(table.c.id == child_id).values({column: None})
                )
                changes_json = {"set": {column: None}, "was": {column: parent_id}}
                entry = _entry(derived, "update", changes_json, DERIVED)
            else:
                row = _row(connection, table, child_id)
                assert row is not None
                was = {k: plain(row[k]) for k in _content(table)}
                connection.execute(delete(table).where(table.c.id == child_id))
                entry = _entry(derived, "delete", {"set": {}, "was": was}, DERIVED)
                candidates.update(children.get(table_name, []))
            append_entries(connection, [entry])
            del parent_name


def apply_changes(connection: Connection, changes: Sequence[Change]) -> Applied:
    """Apply one envelope's changes, in order, inside the caller's transaction."""
    applied = Applied()
    if not changes:
        return applied
    device = changelog.device_id(connection)
    # Links are checked once, at the end: a record and its parent may arrive in
    # either order within one envelope.
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for change in changes:
        _apply_one(connection, change, device, applied)
    _settle_orphans(connection, changes, device, applied)
    for table_name, record_id in sorted(applied.touched):
        _, table = _table(table_name)
        exists = _row(connection, table, record_id) is not None
        history = changelog.history_of(connection, record_id, device)
        changelog.refresh_conflicts(connection, table_name, record_id, exists, history)
    return applied


def deletes_in(changes: Sequence[Change]) -> int:
    return sum(1 for c in changes if c.action == "delete")


def changes_from_payload(payload: bytes) -> list[Change]:
    try:
        data = json.loads(payload.decode("utf-8"))
        items = data["changes"]
    except (ValueError, KeyError, TypeError) as error:
        raise ChangeRefused("its contents are not in the expected form") from error
    if not isinstance(items, list):
        raise ChangeRefused("its contents are not in the expected form")
    return [Change.from_json(item) for item in items]
