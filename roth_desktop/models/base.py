"""Declarative base shared by every table."""

from __future__ import annotations

import contextlib
import enum
import itertools
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import DateTime, Enum, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints make Alembic's batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

E = TypeVar("E", bound=enum.Enum)


_ID_SOURCE: ContextVar[Iterator[str] | None] = ContextVar("record_ids", default=None)


def new_id() -> str:
    # UUIDs, not counters: records made offline on different laptops must never
    # collide when they later sync into one team store.
    source = _ID_SOURCE.get()
    return next(source) if source is not None else str(uuid.uuid4())


@contextlib.contextmanager
def predictable_ids(namespace: str) -> Iterator[None]:
    """Record ids from a name and a count, for the fictional demo only.

    Two demo workspaces made on the same day then hold the same records under the
    same ids, so a team trying sync with two demos sees one Kai, not two.
    """
    base = uuid.uuid5(uuid.NAMESPACE_URL, namespace)
    token = _ID_SOURCE.set(str(uuid.uuid5(base, str(n))) for n in itertools.count())
    try:
        yield
    finally:
        _ID_SOURCE.reset(token)


def utcnow() -> datetime:
    """For bookkeeping no person reads as a time of day (created_at, updated_at)."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_now() -> datetime:
    """For times people read beside the conference's start: arrivals, words, minutes.

    A conference starts at the time typed on the invitation, a wall-clock time in
    England or Wales, so what happens in the room is stamped on the same clock;
    stamped in UTC, every arrival in summer would read an hour early.
    """
    return datetime.now().replace(microsecond=0)


def enum_type(enum_cls: type[E]) -> Enum:
    """Store an enum by its value as plain text (readable, and stable across renames)."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """A row a person creates and edits: it has an id and is audited."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    # Fields the audit trail and the undo stack leave out: bookkeeping, not content.
    BOOKKEEPING = frozenset({"created_at", "updated_at"})

    def __init__(self, **kwargs: Any) -> None:
        # Apply column defaults at construction, not at flush, so a new record
        # validates (and shows in a form) with the values it will be saved with.
        for column in self.__table__.columns:
            default = column.default
            if column.key not in kwargs and default is not None and default.is_scalar:
                kwargs[column.key] = default.arg
        kwargs.setdefault("id", new_id())
        super().__init__(**kwargs)

    def problems(self) -> dict[str, str]:
        """Rules this record breaks, as field -> plain message. Empty when valid."""
        return {}

    def values(self) -> dict[str, Any]:
        return {c.key: getattr(self, c.key) for c in self.__table__.columns}
