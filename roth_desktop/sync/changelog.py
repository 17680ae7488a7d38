"""The change log's sync side: versions, bases, heads and the conflicts they imply.

The audit trail (``roth_desktop/audit.py``) is the change log. This module gives
each entry what sync needs (docs/sync.md): a hybrid-logical-clock ``version``, the
``device_id`` that made it, and per field the ``base`` versions it replaced. It also
works out, from a record's entries alone, each field's current heads and whether
the record is in conflict, so every device that holds the same entries files the
same conflicts whatever order the entries arrived in.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, select

from roth_desktop.models import AuditEntry, SyncConflict, SyncSetting
from roth_desktop.sync import settings

LOCAL = "local"
REMOTE = "remote"
DERIVED = "derived"

# Actions beyond create/update/delete. A change that could not be applied (an edit
# to a record deleted elsewhere) is kept as "refused" so the trail shows it and the
# conflict can offer it back; "ack" is a person's answer to such a conflict.
REFUSED = "refused"
ACK = "ack"
ALL_FIELDS = "*"  # a delete's base: every version of the record the deleter had seen
# A create's base: the deletes of the record its maker had seen. A record made
# again (undo, restore) comes back only where every delete of it is known to have
# been seen; otherwise the create met a delete it never saw, and a person decides.
DELETES = "~deletes"

# session.info key: {(record id, field): versions} an answer in the conflicts view replaces.
RESOLVING_KEY = "sync_resolving"

FIELD_CONFLICT = "field"
RECORD_CONFLICT = "deleted"


def _entries_table() -> Table:
    table = AuditEntry.__table__
    assert isinstance(table, Table)
    return table


def _settings_table() -> Table:
    table = SyncSetting.__table__
    assert isinstance(table, Table)
    return table


def _conflicts_table() -> Table:
    table = SyncConflict.__table__
    assert isinstance(table, Table)
    return table


def device_id(connection: Connection) -> str:
    """This workspace's device id, made on first use (a workspace is one device)."""
    table = _settings_table()
    value = connection.execute(
        select(table.c.value).where(table.c.key == settings.DEVICE_ID)
    ).scalar()
    if value is None:
        value = str(uuid.uuid4())
        connection.execute(table.insert().values(key=settings.DEVICE_ID, value=value))
    return str(value)


def legacy_device(connection: Connection) -> str:
    """The device id that versions entries written before sync existed.

    Fixed the first time it is needed: enrolment gives a workspace a new device id,
    and the versions of its older entries (which later bases name) must not move.
    """
    table = _settings_table()
    value = connection.execute(
        select(table.c.value).where(table.c.key == settings.LEGACY_DEVICE_ID)
    ).scalar()
    if value is None:
        value = device_id(connection)
        connection.execute(table.insert().values(key=settings.LEGACY_DEVICE_ID, value=value))
    return str(value)


# --- versions --------------------------------------------------------------


def make_version(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}-{counter:09d}-{device}"


def split_version(version: str) -> tuple[int, int, str]:
    ms, counter, device = version.split("-", 2)
    return int(ms), int(counter), device


class Clock:
    """A hybrid logical clock read from the log itself.

    The newest version in the log (local or received) is the clock's last reading,
    so a change made here always sorts after everything this device has seen, even
    when the laptop's clock is behind another device's.
    """

    def __init__(self, connection: Connection, device: str) -> None:
        table = _entries_table()
        last = connection.execute(select(func.max(table.c.version))).scalar()
        self._ms, self._counter = (split_version(last)[:2]) if last else (0, 0)
        self._device = device

    def tick(self) -> str:
        now = int(time.time() * 1000)
        if now > self._ms:
            self._ms, self._counter = now, 0
        else:
            self._counter += 1
        return make_version(self._ms, self._counter, self._device)


def legacy_version(at: str, seq: int, device: str) -> str:
    """A version for an entry written before sync existed: its time, its place in the log."""
    ms = int(datetime.fromisoformat(at).timestamp() * 1000)
    return make_version(ms, seq, device)


# --- a record's history ----------------------------------------------------


@dataclass(frozen=True)
class Head:
    version: str
    value: Any
    was: Any
    actor: str
    at: str


@dataclass
class History:
    """What a record's entries say about it now."""

    heads: dict[str, dict[str, Head]] = field(default_factory=dict)
    versions: list[str] = field(default_factory=list)  # every non-delete change
    covered: set[str] = field(default_factory=set)  # versions a delete or ack accounted for
    deletes: list[str] = field(default_factory=list)  # versions of the deletes of it
    deleted: bool = False  # the last create/delete said deleted
    changes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # version, values
    last_change: tuple[str, str, str] | None = None  # version, actor, at of the newest change

    @property
    def merged(self) -> dict[str, Any]:
        """Every change's values laid over each other in version order (not arrival order)."""
        out: dict[str, Any] = {}
        for _version, values in sorted(self.changes, key=lambda pair: pair[0]):
            out.update(values)
        return out

    def bases(self, fields: Iterable[str]) -> dict[str, list[str]]:
        return {f: sorted(self.heads.get(f, {})) for f in fields}

    def all_versions(self) -> list[str]:
        return sorted(self.versions)


@dataclass(frozen=True)
class EntryView:
    seq: int
    at: str
    actor: str
    action: str
    changes: dict[str, Any]
    version: str
    base: dict[str, list[str]]
    origin: str


def entry_view(row: Any, device: str, history: History) -> EntryView:
    """An audit row as a change; ``device`` versions rows written before sync."""
    changes = json.loads(row.changes)
    if row.version is None:
        # Written before sync: one device, in order, so each change replaced
        # every head there was.
        version = legacy_version(row.at, row.seq, device)
        touched = changes["set"] if row.action != "delete" else history.heads
        base = history.bases(touched)
        if row.action == "delete":
            base = {ALL_FIELDS: history.all_versions()}
        return EntryView(row.seq, row.at, row.actor, row.action, changes, version, base, LOCAL)
    return EntryView(
        row.seq,
        row.at,
        row.actor,
        row.action,
        changes,
        row.version,
        json.loads(row.base or "{}"),
        row.origin or LOCAL,
    )


def proposed(entry: EntryView) -> dict[str, Any]:
    """The values the change's author set (a received change may show otherwise here)."""
    sent = entry.changes.get("sent")
    return dict(sent if sent is not None else entry.changes.get("set", {}))


def fold(history: History, entry: EntryView) -> None:
    """Add one entry to a record's history (entries come in log order)."""
    if entry.action in ("delete",):
        history.deleted = True
        history.deletes.append(entry.version)
        history.covered.update(entry.base.get(ALL_FIELDS, []))
        history.heads.clear()
        return
    if entry.action == ACK:
        history.covered.update(entry.base.get(ALL_FIELDS, []))
        return
    values = proposed(entry)
    if entry.origin != DERIVED:
        history.versions.append(entry.version)
        if history.last_change is None or entry.version > history.last_change[0]:
            history.last_change = (entry.version, entry.actor, entry.at)
        history.changes.append((entry.version, values))
    if entry.action == "create":
        history.deleted = False
    if entry.action == REFUSED:
        return  # kept for the conflict, never applied: it adds no head
    was = entry.changes.get("sent_was", entry.changes.get("was", {}))
    for name, value in values.items():
        heads = history.heads.setdefault(name, {})
        for replaced in entry.base.get(name, []):
            heads.pop(replaced, None)
        heads[entry.version] = Head(entry.version, value, was.get(name), entry.actor, entry.at)


def histories_of(connection: Connection, record_ids: Iterable[str]) -> dict[str, History]:
    """The histories of many records, read in one pass over their entries."""
    table = _entries_table()
    device = legacy_device(connection)
    ids = sorted(set(record_ids))
    histories: dict[str, History] = {record_id: History() for record_id in ids}
    for start in range(0, len(ids), 500):
        rows = connection.execute(
            select(table)
            .where(table.c.record_id.in_(ids[start : start + 500]))
            .order_by(table.c.seq)
        ).all()
        for row in rows:
            history = histories[row.record_id]
            fold(history, entry_view(row, device, history))
    return histories


def history_of(connection: Connection, record_id: str) -> History:
    return histories_of(connection, [record_id])[record_id]


def shown(heads: dict[str, Head]) -> Head:
    """The head every device shows while a field is in conflict: the newest version."""
    return heads[max(heads)]


# --- conflicts -------------------------------------------------------------


def conflict_id(table_name: str, record_id: str, field_name: str) -> str:
    return hashlib.sha256(f"{table_name}|{record_id}|{field_name}".encode()).hexdigest()


def _plain_heads(heads: Sequence[Head]) -> str:
    return json.dumps(
        [{"version": h.version, "value": h.value, "actor": h.actor, "at": h.at} for h in heads],
        sort_keys=True,
        ensure_ascii=False,
    )


def conflict_rows(
    table_name: str, record_id: str, exists: bool, history: History
) -> list[dict[str, Any]]:
    """The ``sync_conflict`` rows a record's history implies (none when it is settled)."""
    rows: list[dict[str, Any]] = []
    if exists:
        for name, heads in sorted(history.heads.items()):
            distinct = {json.dumps(h.value, sort_keys=True) for h in heads.values()}
            if len(distinct) < 2:
                continue
            ordered = sorted(heads.values(), key=lambda h: h.version)
            rows.append(
                {
                    "id": conflict_id(table_name, record_id, name),
                    "table_name": table_name,
                    "record_id": record_id,
                    "field": name,
                    "kind": FIELD_CONFLICT,
                    "heads": _plain_heads(ordered),
                    "base": json.dumps(ordered[0].was, ensure_ascii=False),
                }
            )
    else:
        uncovered = [v for v in history.versions if v not in history.covered]
        if uncovered and history.last_change is not None:
            version, actor, at = history.last_change
            rows.append(
                {
                    "id": conflict_id(table_name, record_id, ""),
                    "table_name": table_name,
                    "record_id": record_id,
                    "field": "",
                    "kind": RECORD_CONFLICT,
                    "heads": _plain_heads([Head(version, history.merged, None, actor, at)]),
                    "base": json.dumps(sorted(uncovered)),
                }
            )
    return rows


def refresh_conflicts(
    connection: Connection, table_name: str, record_id: str, exists: bool, history: History
) -> None:
    """Make the record's rows in ``sync_conflict`` say what its history says."""
    table = _conflicts_table()
    connection.execute(
        delete(table).where(table.c.table_name == table_name, table.c.record_id == record_id)
    )
    rows = conflict_rows(table_name, record_id, exists, history)
    if rows:
        connection.execute(table.insert(), rows)


# --- stamping local changes ------------------------------------------------

NOT_APPLIED = frozenset({REFUSED, ACK})


@dataclass(frozen=True)
class Stamp:
    version: str
    device: str
    base: str  # canonical JSON {field: [versions]}


def canonical_base(base: dict[str, list[str]]) -> str:
    return json.dumps(base, sort_keys=True, separators=(",", ":"))


def stamp_local(
    connection: Connection,
    items: Sequence[tuple[str, str, str, list[str]]],
    resolving: dict[tuple[str, str], list[str]] | None = None,
) -> list[Stamp]:
    """Versions and bases for changes made here: (action, table, record id, fields) each.

    An edit replaces the value the person had on screen. For a field in conflict
    that is the version the record shows, so an edit in an ordinary form (or an
    undo) leaves the other versions in the conflict; only an answer given in the
    conflicts view (``resolving``: the versions it showed) replaces them.
    """
    if not items:
        return []
    device = device_id(connection)
    clock = Clock(connection, device)
    resolving = resolving or {}
    stamps: list[Stamp] = []
    for action, _table, record_id, fields in items:
        history = history_of(connection, record_id)
        base: dict[str, list[str]]
        if action == "delete":
            base = {ALL_FIELDS: history.all_versions()}
        elif action == "create":
            base = {DELETES: sorted(history.deletes)} if history.deletes else {}
        else:
            base = {}
            for name in fields:
                heads = history.heads.get(name, {})
                if (record_id, name) in resolving:
                    base[name] = sorted(resolving[(record_id, name)])
                elif len(heads) > 1:
                    base[name] = [shown(heads).version]
                else:
                    base[name] = sorted(heads)
        stamps.append(Stamp(clock.tick(), device, canonical_base(base)))
    return stamps


def settle_local(connection: Connection, items: Sequence[tuple[str, str, str, list[str]]]) -> None:
    """After local changes are logged, refresh the conflicts of records that had any."""
    conflicts = _conflicts_table()
    ids = sorted({record_id for _, _, record_id, _ in items})
    with_conflicts = set(
        connection.execute(
            select(conflicts.c.record_id).where(conflicts.c.record_id.in_(ids))
        ).scalars()
    )
    if not with_conflicts:
        return
    last = {record_id: (action, table) for action, table, record_id, _ in items}
    for record_id in sorted(with_conflicts):
        action, table = last[record_id]
        refresh_conflicts(
            connection, table, record_id, action != "delete", history_of(connection, record_id)
        )
