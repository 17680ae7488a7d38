"""Audit trail: every change to a record, who made it and when, hash-chained.

Two SQLAlchemy flush hooks do two things for every write, from
the UI, the command line or the demo alike, so there is one way in:

1. validates every new or changed record (and the records whose rules depend
   on it), raising :class:`ValidationError` before anything reaches the disk;
2. appends one :class:`AuditEntry` per created, updated or deleted record, in the
   same transaction, each hashing its predecessor's hash.

Because entries carry the new values, replaying the trail rebuilds every table;
``verify`` does exactly that, so a row edited behind the trail's back is found.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, event, inspect, select
from sqlalchemy.orm import MANYTOONE, Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    RECORD_TYPES,
    Assessment,
    AssessmentShare,
    Attendance,
    AuditEntry,
    Case,
    Conference,
    ConferenceStatus,
    Part,
    Record,
    SharedPart,
    Voice,
    YoungPerson,
)
from roth_desktop.models.audit import GENESIS_HASH
from roth_desktop.sync import changelog

ACTOR_KEY = "actor"


def plain(value: Any) -> Any:
    """A value as JSON-safe text, the same way every time (hashes depend on it)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    table: str,
    record_id: str,
    action: str,
    changes: str,
    sync: tuple[str, str, str, str] | None = None,
) -> str:
    """The link hash. ``sync`` is (version, device, base, origin) on entries that have them.

    Entries written before sync existed have none, and keep the hash they were
    written with, so upgrading never rewrites the chain.
    """
    fields: list[Any] = [seq, at, actor, table, record_id, action, changes]
    if sync is not None:
        fields.extend(sync)
    payload = canonical(fields)
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewEntry:
    """One change about to be appended to the trail."""

    table: str
    record_id: str
    action: str
    changes: str  # canonical JSON
    version: str
    device: str
    base: str  # canonical JSON
    origin: str
    actor: str
    at: str


def append_entries(connection: Connection, entries: Sequence[NewEntry]) -> None:
    """Append entries to the chain, each hashing the one before (the one way in)."""
    if not entries:
        return
    table = AuditEntry.__table__
    assert isinstance(table, Table)
    last = connection.execute(
        select(table.c.seq, table.c.hash).order_by(table.c.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS_HASH)
    rows = []
    for e in entries:
        seq += 1
        sync = (e.version, e.device, e.base, e.origin)
        digest = entry_hash(
            prev, seq, e.at, e.actor, e.table, e.record_id, e.action, e.changes, sync
        )
        rows.append(
            {
                "seq": seq,
                "at": e.at,
                "actor": e.actor,
                "table_name": e.table,
                "record_id": e.record_id,
                "action": e.action,
                "changes": e.changes,
                "prev_hash": prev,
                "hash": digest,
                "version": e.version,
                "device_id": e.device,
                "base": e.base,
                "origin": e.origin,
            }
        )
        prev = digest
    connection.execute(table.insert(), rows)


def _content_columns(obj: Record) -> list[str]:
    return [c.key for c in obj.__table__.columns if c.key not in Record.BOOKKEEPING]


def _changed(obj: Record) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    new: dict[str, Any] = {}
    old: dict[str, Any] = {}
    for key in _content_columns(obj):
        history = state.attrs[key].history
        if history.has_changes():
            new[key] = plain(getattr(obj, key))
            old[key] = plain(history.deleted[0]) if history.deleted else None
    return new, old


def _dependents(obj: Record) -> Iterable[Record]:
    # Rules that span records: a changed date of birth can break a case's dates,
    # and a moved strategy discussion can break its initial conference.
    if isinstance(obj, YoungPerson):
        return obj.cases
    if isinstance(obj, Case):
        return obj.conferences
    return ()


def _with_dependents(records: list[Record]) -> list[Record]:
    """The records plus everything whose rules lean on them, however deep."""
    seen: dict[int, Record] = {}
    stack = list(records)
    while stack:
        record = stack.pop()
        if id(record) not in seen:
            seen[id(record)] = record
            stack.extend(_dependents(record))
    return list(seen.values())


def _attach_parents(session: Session, obj: Record) -> None:
    # A record made from ids alone (case_id=...) has no parent object loaded yet,
    # and rules such as "not before the strategy discussion" need the parent.
    for rel in inspect(type(obj)).relationships:
        if rel.direction is not MANYTOONE or getattr(obj, rel.key) is not None:
            continue
        local = [c.key for c in rel.local_columns if c.key is not None]
        if len(local) == 1 and (value := getattr(obj, local[0])) is not None:
            parent = session.get(rel.mapper.class_, value)
            if parent is not None:
                set_committed_value(obj, rel.key, parent)


def _validate(objs: Iterable[Record]) -> None:
    problems: dict[str, str] = {}
    for obj in objs:
        for field, message in obj.problems().items():
            problems.setdefault(field, message)
    if problems:
        raise ValidationError(problems)


AGREED_MESSAGE = (
    "This conference has been agreed, so its record is closed. "
    "Re-open it, with a reason, to change it."
)
SHOWN_MESSAGE = (
    "What the family was shown is kept exactly as it was. "
    "To show them a new version, record a new sharing."
)
# The only change an agreed conference accepts: being re-opened, with its reason.
_REOPEN_FIELDS = frozenset({"status", "reopen_reason", "agreed_at", *Record.BOOKKEEPING})


def _was_agreed(conference: Conference) -> bool:
    """Agreed as stored, before this flush (a conference agreed just now is still open)."""
    state = inspect(conference)
    if state.pending:
        return False
    history = state.attrs["status"].history
    before = history.deleted[0] if history.deleted else conference.status
    return bool(before == ConferenceStatus.AGREED)


def _refuse_edits_to_agreed(session: Session) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Conference) and _was_agreed(obj):
            if obj in session.deleted:
                raise ValidationError({"status": AGREED_MESSAGE})
            state = inspect(obj)
            changed = {k for k in _content_columns(obj) if state.attrs[k].history.has_changes()}
            if not changed:
                continue
            reopening = obj.status == ConferenceStatus.DRAFT and changed <= _REOPEN_FIELDS
            if not reopening:
                raise ValidationError({"status": AGREED_MESSAGE})
            if not (obj.reopen_reason or "").strip():
                raise ValidationError(
                    {"reopen_reason": "Say why the conference is being re-opened."}
                )
        elif isinstance(obj, AssessmentShare) and obj in session.dirty:
            if inspect(obj).attrs["shown"].history.has_changes():
                raise ValidationError({"shown": SHOWN_MESSAGE})
        elif isinstance(obj, Part | Attendance):
            conference = obj.owning_conference() if isinstance(obj, Part) else obj.conference
            if conference is not None and _was_agreed(conference):
                raise ValidationError({"status": AGREED_MESSAGE})


USED_MESSAGE = (
    "A conference has started from this assessment, so it is kept as the conference "
    "found it. Start a new assessment to record what has changed since."
)
SHARED_MESSAGE = (
    "This assessment has been shared with the family, so it is kept: what they were "
    "shown is part of the record."
)
# What may still change once a conference has started from an assessment: the worker's
# own note of which wording prompts they set aside.
_STILL_OPEN = frozenset({"dismissed_prompts", *Record.BOOKKEEPING})


def _refuse_edits_to_used_assessments(session: Session) -> None:
    """An assessment a conference started from is the baseline its changes are read
    against: it stays as it was. The family's corrections may still be recorded."""
    touched: set[str] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Assessment) and obj in session.deleted and obj.shares:
            raise ValidationError({"assessment": SHARED_MESSAGE})
        if isinstance(obj, Assessment) and obj not in session.new:
            state = inspect(obj)
            changed = {k for k in _content_columns(obj) if state.attrs[k].history.has_changes()}
            if obj in session.deleted or changed - _STILL_OPEN:
                touched.add(obj.id)
        elif isinstance(obj, SharedPart) and obj.assessment_id is not None:
            if isinstance(obj, Voice) and obj.corrects_something:
                continue
            touched.add(obj.assessment_id)
    for assessment_id in touched:
        used = session.scalar(
            select(Conference.id).where(Conference.assessment_id == assessment_id).limit(1)
        )
        if used is not None:
            raise ValidationError({"assessment": USED_MESSAGE})


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEntry):
            raise RuntimeError("The audit trail is append-only.")
    with session.no_autoflush:
        touched = [o for o in (*session.new, *session.dirty) if isinstance(o, Record)]
        for obj in touched:
            _attach_parents(session, obj)
        _refuse_edits_to_agreed(session)
        _refuse_edits_to_used_assessments(session)
        _validate(_with_dependents(touched))


def _after_flush(session: Session, _context: object) -> None:
    # After the flush, foreign keys set through relationships are filled in,
    # while the attribute history still says what changed.
    pending: list[tuple[str, Record, dict[str, Any], dict[str, Any]]] = []
    for obj in session.new:
        if isinstance(obj, Record):
            values = {k: plain(getattr(obj, k)) for k in _content_columns(obj)}
            pending.append(("create", obj, values, {}))
    for obj in session.dirty:
        if isinstance(obj, Record):
            new, old = _changed(obj)
            if new:
                pending.append(("update", obj, new, old))
    for obj in session.deleted:
        if isinstance(obj, Record):
            was = {k: plain(inspect(obj).attrs[k].loaded_value) for k in _content_columns(obj)}
            pending.append(("delete", obj, {}, was))
    if not pending:
        return
    connection = session.connection()
    actor = str(session.info.get(ACTOR_KEY, "unknown"))
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    items = [(action, obj.__tablename__, obj.id, list(new)) for action, obj, new, _ in pending]
    resolving = session.info.pop(changelog.RESOLVING_KEY, None)
    stamps = changelog.stamp_local(connection, items, resolving)
    append_entries(
        connection,
        [
            NewEntry(
                table=obj.__tablename__,
                record_id=obj.id,
                action=action,
                changes=canonical({"set": new, "was": old}),
                version=stamp.version,
                device=stamp.device,
                base=stamp.base,
                origin=changelog.LOCAL,
                actor=actor,
                at=at,
            )
            for (action, obj, new, old), stamp in zip(pending, stamps, strict=True)
        ],
    )
    changelog.settle_local(connection, items)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _entries(session: Session) -> Iterator[AuditEntry]:
    yield from session.scalars(
        select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=500)
    )


def verify(session: Session) -> ChainReport:
    """Check the chain links and that replaying it gives exactly the live tables."""
    problems: list[str] = []
    prev = GENESIS_HASH
    expected_seq = 1
    replayed: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in RECORD_TYPES}
    count = 0
    for entry in _entries(session):
        count += 1
        if entry.seq != expected_seq:
            problems.append(f"Audit entry {expected_seq} is missing.")
            break
        if entry.prev_hash != prev:
            problems.append(f"Audit entry {entry.seq} does not follow the one before it.")
            break
        sync = (
            (entry.version, entry.device_id or "", entry.base or "", entry.origin or "")
            if entry.version is not None
            else None
        )
        digest = entry_hash(
            entry.prev_hash,
            entry.seq,
            entry.at,
            entry.actor,
            entry.table_name,
            entry.record_id,
            entry.action,
            entry.changes,
            sync,
        )
        if digest != entry.hash:
            problems.append(f"Audit entry {entry.seq} has been altered.")
            break
        table = replayed.get(entry.table_name)
        if table is None:
            problems.append(f"Audit entry {entry.seq} names an unknown table.")
            break
        changes = json.loads(entry.changes)
        if entry.action in changelog.NOT_APPLIED:
            pass  # kept in the trail, never written to a table
        elif entry.action == "delete":
            table.pop(entry.record_id, None)
        else:
            table.setdefault(entry.record_id, {}).update(changes["set"])
        prev = entry.hash
        expected_seq += 1
    if problems:
        return ChainReport(count, tuple(problems))
    for name, cls in RECORD_TYPES.items():
        live = {
            obj.id: {k: plain(getattr(obj, k)) for k in _content_columns(obj)}
            for obj in session.scalars(select(cls))
        }
        if live != replayed[name]:
            differing = len(set(live) ^ set(replayed[name])) or sum(
                live[k] != replayed[name].get(k) for k in live
            )
            problems.append(
                f"{differing} {name.replace('_', ' ')} record(s) differ from the audit trail."
            )
    return ChainReport(count, tuple(problems))
