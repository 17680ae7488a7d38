"""The write operations the UI's undo stack is built from.

Every edit a person makes is one of these: set one field, create one record,
delete one record, or transfer a case to another pathway. Each returns what is
needed to undo it, so undo and redo are just more edits (and so are audited
like any other change).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Enum as SqlEnum
from sqlalchemy import inspect
from sqlalchemy.orm import MANYTOONE, Session

from roth_desktop.models import RECORD_TYPES, Case, Pathway, PathwayTransfer, Record


class RecordGone(LookupError):
    pass


def _record_type(table: str) -> type[Record]:
    try:
        return RECORD_TYPES[table]
    except KeyError:
        raise ValueError(f"unknown record type {table!r}") from None


def coerce(cls: type[Record], field: str, value: Any) -> Any:
    """Turn a UI value (often plain text) into the column's Python type."""
    column = cls.__table__.columns[field]
    if value == "" and column.nullable and column.foreign_keys:
        return None  # "not chosen" in a pick list means no link, not a link to ""
    if isinstance(column.type, SqlEnum) and value is not None and column.type.enum_class:
        enum_class: type[enum.Enum] = column.type.enum_class
        return enum_class(value)
    return value


def _get(session: Session, table: str, record_id: str) -> Record:
    record = session.get(_record_type(table), record_id)
    if record is None:
        raise RecordGone(f"{table} {record_id} no longer exists")
    return record


def set_fields(
    session: Session, table: str, record_id: str, values: dict[str, Any]
) -> dict[str, Any]:
    """Set several fields as one change, validated once; return their old values.

    Checking after each field would judge half-made states: moving a visit from
    10:00-11:00 to 14:00-15:00 would be refused at "arrived 14:00, left 11:00".
    """
    record = _get(session, table, record_id)
    old: dict[str, Any] = {}
    for field, value in values.items():
        if field in Record.BOOKKEEPING or field == "id":
            raise ValueError(f"{field} cannot be edited")
        old[field] = getattr(record, field)
        setattr(record, field, coerce(type(record), field, value))
    session.flush()
    return old


def set_field(session: Session, table: str, record_id: str, field: str, value: Any) -> Any:
    """Set one field; return the value it had (for undo)."""
    return set_fields(session, table, record_id, {field: value})[field]


def create_record(session: Session, table: str, values: dict[str, Any]) -> str:
    cls = _record_type(table)
    record = cls(**{k: coerce(cls, k, v) for k, v in values.items()})
    session.add(record)
    session.flush()
    return record.id


Snapshot = list[tuple[str, dict[str, Any]]]


# A snapshot entry whose table starts with this re-links a surviving record on undo.
RELINK = "~"


def _snapshot(record: Record, into: Snapshot, relinks: Snapshot) -> None:
    """The record and everything its deletion takes with it, parents first.

    Records that survive but lose their link to it (partner information about a
    removed context, say) are noted in ``relinks`` so undo can link them again.
    """
    values = {k: v for k, v in record.values().items() if k not in Record.BOOKKEEPING}
    into.append((record.__tablename__, values))
    for rel in inspect(type(record)).relationships:
        if rel.direction is MANYTOONE or rel.viewonly:
            continue
        children = getattr(record, rel.key)
        if not isinstance(children, list):
            continue
        for child in children:
            if rel.cascade.delete:
                if all(table != child.__tablename__ or v["id"] != child.id for table, v in into):
                    _snapshot(child, into, relinks)
            else:
                links = {c.key: getattr(child, c.key) for c in rel.remote_side if c.key}
                relinks.append((RELINK + child.__tablename__, {"id": child.id, **links}))


def delete_record(session: Session, table: str, record_id: str) -> Snapshot:
    """Delete one record (and what cascades with it); return what undo needs to restore."""
    record = _get(session, table, record_id)
    snapshot: Snapshot = []
    relinks: Snapshot = []
    _snapshot(record, snapshot, relinks)
    session.delete(record)
    session.flush()
    return snapshot + relinks


def restore_records(session: Session, snapshot: Snapshot) -> None:
    """Undo a delete: recreate each record with its old id and values."""
    for table, values in snapshot:
        if table.startswith(RELINK):
            fields = {k: v for k, v in values.items() if k != "id"}
            if session.get(_record_type(table[1:]), values["id"]) is not None:
                set_fields(session, table[1:], values["id"], fields)
        else:
            create_record(session, table, values)


@dataclass(frozen=True)
class Transfer:
    transfer_id: str
    previous_pathway: Pathway


def transfer_pathway(
    session: Session, case_id: str, to: Pathway, on: date, reason: str
) -> Transfer:
    case = session.get(Case, case_id)
    if case is None:
        raise RecordGone(f"case {case_id} no longer exists")
    previous = case.pathway
    transfer = PathwayTransfer(
        case=case, from_pathway=previous, to_pathway=Pathway(to), transferred_on=on, reason=reason
    )
    session.add(transfer)
    case.pathway = Pathway(to)
    session.flush()
    return Transfer(transfer.id, previous)


def undo_transfer(session: Session, transfer: Transfer, case_id: str) -> None:
    delete_record(session, "pathway_transfer", transfer.transfer_id)
    set_field(session, "case_episode", case_id, "pathway", transfer.previous_pathway)
