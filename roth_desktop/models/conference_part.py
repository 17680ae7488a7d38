"""What every piece of a conference's content shares: the conference it belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from roth_desktop.models.base import Record

if TYPE_CHECKING:
    from roth_desktop.models.conferences import Conference


class ConferencePart(Record):
    """A row of a conference's content; agreeing the conference freezes it."""

    __abstract__ = True

    conference_id: Mapped[str] = mapped_column(ForeignKey("conference.id"), index=True)

    @declared_attr
    def conference(cls) -> Mapped[Conference]:
        return relationship()

    def owning_conference(self) -> Conference | None:
        return self.conference


class Restrictable:
    """Marked once, kept out of every family-facing view and document.

    Police material and anything about other young people is restricted; most
    information should be shared openly, so the default is not restricted.
    """

    restricted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
