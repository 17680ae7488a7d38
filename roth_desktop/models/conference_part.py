"""What every piece of a conference's content shares: the record it belongs to.

Most of a conference's content is the same content a social worker's assessment
holds: the picture of the young person, their voices, the map, needs, harm and
partner information. Those parts are *shared parts*: one table each, owned by
either a conference or an assessment, so the conference can start from the
assessment by copying rows, and one form, map and report serves both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ColumnElement, ForeignKey, or_
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column, relationship

from roth_desktop.models.base import Record

if TYPE_CHECKING:
    from roth_desktop.models.assessments import Assessment
    from roth_desktop.models.conferences import Conference


class Part(Record):
    """A row of content inside a conference or an assessment."""

    __abstract__ = True

    def owning_conference(self) -> Conference | None:
        """The conference whose agreement freezes this row, if it belongs to one."""
        raise NotImplementedError


class ConferencePart(Part):
    """A row only a conference has (minutes, the plan, the decision); agreeing freezes it."""

    __abstract__ = True

    conference_id: Mapped[str] = mapped_column(ForeignKey("conference.id"), index=True)

    @declared_attr
    def conference(cls) -> Mapped[Conference]:
        return relationship()

    def owning_conference(self) -> Conference | None:
        return self.conference


class SharedPart(Part):
    """A row of a conference or of an assessment: exactly one of the two owns it."""

    __abstract__ = True

    conference_id: Mapped[str | None] = mapped_column(ForeignKey("conference.id"), index=True)
    assessment_id: Mapped[str | None] = mapped_column(ForeignKey("assessment.id"), index=True)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[CheckConstraint]:
        # A row in both, or in neither, would show in the wrong place or nowhere.
        return (
            CheckConstraint("(conference_id IS NULL) <> (assessment_id IS NULL)", name="one_owner"),
        )

    @declared_attr
    def conference(cls) -> Mapped[Conference | None]:
        return relationship()

    @declared_attr
    def assessment(cls) -> Mapped[Assessment | None]:
        return relationship()

    @property
    def owner_id(self) -> str:
        return self.conference_id or self.assessment_id or ""

    def owning_conference(self) -> Conference | None:
        return self.conference

    @classmethod
    def owned_by(cls, owner_id: str) -> ColumnElement[bool]:
        """Rows of one conference or assessment (ids are UUIDs, unique across both)."""
        return or_(cls.conference_id == owner_id, cls.assessment_id == owner_id)


def owner_fields(session: Session, owner_id: str) -> dict[str, str]:
    """The owner column a new shared part for ``owner_id`` sets."""
    from roth_desktop.models.assessments import Assessment

    if session.get(Assessment, owner_id) is not None:
        return {"assessment_id": owner_id}
    return {"conference_id": owner_id}


class Restrictable:
    """Marked once, kept out of every family-facing view and document.

    Police material and anything about other young people is restricted; most
    information should be shared openly, so the default is not restricted.
    """

    restricted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
