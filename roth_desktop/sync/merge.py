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
from roth_desktop.models import RECORD_TYPES, Record, SharedPart, SyncConflict
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


class _Batch:
    """One envelope's records, their histories and its new entries, held in memory.

    Read once at the start and written once at the end, so applying a change costs
    no queries of its own beyond the write itself.
    """

    def __init__(self, connection: Connection, changes: Sequence[Change], device: str) -> None:
        self.connection = connection
        self.device = device
        self.rows: dict[str, dict[str, Any]] = {}
        by_table: dict[str, set[str]] = {}
        for change in changes:
            by_table.setdefault(change.table, set()).add(change.record_id)
        for name, ids in by_table.items():
            _, table = _table(name)
            ordered = sorted(ids)
            for start in range(0, len(ordered), 500):
                chunk = ordered[start : start + 500]
                for row in connection.execute(
                    select(table).where(table.c.id.in_(chunk))
                ).mappings():
                    self.rows[row["id"]] = dict(row)
        self.histories = changelog.histories_of(connection, {c.record_id for c in changes})
        self.pending: list[NewEntry] = []

    def history(self, record_id: str) -> changelog.History:
        found = self.histories.get(record_id)
        if found is None:
            found = changelog.history_of(self.connection, record_id)
            self.histories[record_id] = found
        return found

    def record(self, entry: NewEntry) -> None:
        self.pending.append(entry)
        view = changelog.EntryView(
            0,
            entry.at,
            entry.actor,
            entry.action,
            json.loads(entry.changes),
            entry.version,
            json.loads(entry.base),
            entry.origin,
        )
        changelog.fold(self.history(entry.record_id), view)

    def flush(self) -> None:
        append_entries(self.connection, self.pending)
        self.pending = []


def _full_row(table: Table, shown: dict[str, Any], record_id: str) -> dict[str, Any]:
    """Every content column: the values shown, else the column's default."""
    row: dict[str, Any] = {}
    for name in _content(table):
        if name in shown:
            row[name] = shown[name]
        else:
            default = table.columns[name].default
            scalar = default is not None and default.is_scalar
            row[name] = getattr(default, "arg", None) if scalar else None
    row["id"] = record_id
    return row


def _apply_one(batch: _Batch, change: Change, applied: Applied) -> None:
    connection = batch.connection
    _, table = _table(change.table)
    _check_fields(table, change.set)
    applied.touched.add((change.table, change.record_id))
    applied.changes += 1
    row = batch.rows.get(change.record_id)
    if change.action == changelog.ACK:
        batch.record(_entry(change, changelog.ACK, {"set": {}, "was": {}}))
        return
    if change.action == "delete":
        was: dict[str, Any] = {}
        if row is not None:
            was = {k: plain(row[k]) for k in _content(table)}
            connection.execute(delete(table).where(table.c.id == change.record_id))
            del batch.rows[change.record_id]
        batch.record(_entry(change, "delete", {"set": {}, "was": was}))
        return
    history = batch.history(change.record_id)
    unseen_delete = (
        row is None
        and change.action == "create"
        and history.deleted
        and not set(history.deletes) <= set(change.base.get(changelog.DELETES, []))
    )
    if (row is None and change.action == "update") or unseen_delete:
        # An edit to a record deleted here, or the record made (again) by someone who
        # never saw its deletion: kept, not applied, and put to a person.
        if not history.deleted and not history.versions:
            raise ChangeRefused(f"it changes a record this device has never had ({change.address})")
        applied.refused += 1
        changes = {"set": {}, "was": {}, "sent": change.set, "sent_was": change.was}
        batch.record(_entry(change, REFUSED, changes))
        return
    # Work out what the field heads will show once this change is folded in.
    trial = changelog.History(
        heads={} if row is None else {k: dict(v) for k, v in history.heads.items()}
    )
    changelog.fold(
        trial,
        changelog.EntryView(
            0, change.at, change.actor, change.action, {"set": change.set},
            change.version, change.base, REMOTE,
        ),
    )  # fmt: skip
    shown = {
        name: from_plain(table, name, changelog.shown(trial.heads[name]).value)
        for name in change.set
    }
    if row is None:
        full = _full_row(table, shown, change.record_id)
        connection.execute(insert(table).values(full))
        batch.rows[change.record_id] = full
        new = {k: plain(v) for k, v in full.items()}
        old: dict[str, Any] = {}
        action = "create"
        history.heads.clear()  # a record made again starts afresh
    else:
        differing = {k: v for k, v in shown.items() if plain(v) != plain(row[k])}
        if differing:
            connection.execute(
                update(table).where(table.c.id == change.record_id).values(**differing)
            )
            row.update(differing)
        new = {k: plain(v) for k, v in differing.items()}
        old = {k: plain(row[k]) for k in differing}
        action = "update"
    changes = {"set": new, "was": old, "sent": change.set, "sent_was": change.was}
    batch.record(_entry(change, action, changes))


def _derived_version(version: str, child: str) -> str:
    # Every device that meets the same orphan derives the same label for it.
    suffix = hashlib.sha256(child.encode()).hexdigest()[:8]
    return f"{version}~{suffix}"


def _is_owner_link(table_name: str, column: str) -> bool:
    """A shared part's owner: nullable in the schema (a conference's *or* an assessment's),
    but a part cannot exist without one, so losing it removes the part."""
    cls = RECORD_TYPES.get(table_name)
    return (
        cls is not None
        and issubclass(cls, SharedPart)
        and column in ("conference_id", "assessment_id")
    )


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
            parent = changelog.history_of(connection, parent_id)
            if not parent.deleted and not parent.versions:
                raise ChangeRefused(
                    f"it links {table_name}/{child_id} to a record this device has never had"
                )
            # Labelled from the parent's deletion, which every device meets, so the
            # cleared link has one version everywhere; and it replaces the link's
            # heads, so clearing it is never itself a conflict.
            deleted_by = parent.deletes[-1] if parent.deletes else last.version
            heads = changelog.history_of(connection, child_id).heads.get(column, {})
            derived = Change(
                version=_derived_version(deleted_by, f"{table_name}/{child_id}/{column}"),
                table=table_name,
                record_id=child_id,
                action="update",
                set={},
                was={},
                base={column: sorted(heads)},
                actor=last.actor,
                at=last.at,
            )
            applied.derived += 1
            applied.touched.add((table_name, child_id))
            if table.columns[column].nullable and not _is_owner_link(table_name, column):
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
    batch = _Batch(connection, changes, device)
    for change in changes:
        _apply_one(batch, change, applied)
    batch.flush()
    _settle_orphans(connection, changes, device, applied)
    _refresh_conflicts(connection, applied.touched, device)
    return applied


def _refresh_conflicts(connection: Connection, touched: set[tuple[str, str]], device: str) -> None:
    """Rewrite the conflicts of every record the envelope touched, in two statements."""
    conflicts = SyncConflict.__table__
    assert isinstance(conflicts, Table)
    ids = sorted({record_id for _, record_id in touched})
    histories = changelog.histories_of(connection, ids)
    present: set[str] = set()
    by_table: dict[str, list[str]] = {}
    for name, record_id in touched:
        by_table.setdefault(name, []).append(record_id)
    for name, record_ids in by_table.items():
        _, table = _table(name)
        for start in range(0, len(record_ids), 500):
            chunk = record_ids[start : start + 500]
            present.update(
                connection.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars()
            )
    rows: list[dict[str, Any]] = []
    for name, record_id in sorted(touched):
        rows.extend(
            changelog.conflict_rows(name, record_id, record_id in present, histories[record_id])
        )
    for start in range(0, len(ids), 500):
        connection.execute(
            delete(conflicts).where(conflicts.c.record_id.in_(ids[start : start + 500]))
        )
    if rows:
        connection.execute(conflicts.insert(), rows)


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
