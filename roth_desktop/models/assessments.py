"""The social worker's assessment: written before the conference, shared with the family.

Its content (picture, voices, map, needs, harm, partner information) lives in the
same shared-part tables the conference uses (see ``conference_part``); this module
holds what only an assessment has: the worker's analysis and recommendation, and
each time it was shared with the family.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import Base, Record, enum_type, utcnow
from roth_desktop.models.enums import Pathway
from roth_desktop.validation import today

if TYPE_CHECKING:
    from roth_desktop.models.agencies import Professional
    from roth_desktop.models.cases import Case
    from roth_desktop.models.context_map import ContextArea
    from roth_desktop.models.harm import HarmEntry
    from roth_desktop.models.needs import Need
    from roth_desktop.models.partner_information import PartnerItem
    from roth_desktop.models.visits import Visit
    from roth_desktop.models.voices import ProfileItem, Voice


class Assessment(Record):
    __tablename__ = "assessment"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_episode.id"), index=True)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("professional.id"))
    started_on: Mapped[date] = mapped_column(Date, default=today)
    completed_on: Mapped[date | None] = mapped_column(Date)
    # The pack whose contexts and need areas it was written with, as a conference records.
    content_pack_id: Mapped[str] = mapped_column(String(60), default="")
    content_pack_version: Mapped[str] = mapped_column(String(40), default="")
    # The pilots write to the young person ("your mum is worried that..."); the family
    # version uses "you" for them when the worker chooses it.
    address_young_person: Mapped[bool] = mapped_column(Boolean, default=True)

    # The analysis: what is happening and why, what else could explain it, what works.
    analysis: Mapped[str] = mapped_column(Text, default="")
    explanations: Mapped[str] = mapped_column(Text, default="")
    working_well: Mapped[str] = mapped_column(Text, default="")
    # The recommendation: the pathway, why, and the contexts and needs (ids of this
    # assessment's own rows) the plan should target.
    recommended_pathway: Mapped[Pathway | None] = mapped_column(enum_type(Pathway))
    recommendation: Mapped[str] = mapped_column(Text, default="")
    plan_targets: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Language prompts the worker has looked at and set aside, by term key.
    dismissed_prompts: Mapped[list[str]] = mapped_column(JSON, default=list)

    case: Mapped[Case] = relationship(back_populates="assessments")
    author: Mapped[Professional | None] = relationship()
    shares: Mapped[list[AssessmentShare]] = relationship(
        back_populates="assessment", order_by="AssessmentShare.shared_on"
    )
    # Its content goes with it (and comes back with an undo). Loaded so that deleting
    # an assessment removes them through the ORM, where the audit trail sees it.
    picture: Mapped[list[ProfileItem]] = relationship(
        cascade="all, delete-orphan", overlaps="assessment"
    )
    voices: Mapped[list[Voice]] = relationship(cascade="all, delete-orphan", overlaps="assessment")
    contexts: Mapped[list[ContextArea]] = relationship(
        cascade="all, delete-orphan", overlaps="assessment"
    )
    partner_items: Mapped[list[PartnerItem]] = relationship(
        cascade="all, delete-orphan", overlaps="assessment"
    )
    needs: Mapped[list[Need]] = relationship(cascade="all, delete-orphan", overlaps="assessment")
    harm: Mapped[list[HarmEntry]] = relationship(
        cascade="all, delete-orphan", overlaps="assessment"
    )
    visits: Mapped[list[Visit]] = relationship()

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.started_on is None:
            found["started_on"] = "Enter the date the assessment started."
        elif self.started_on > today():
            found["started_on"] = "An assessment cannot start in the future."
        elif (
            self.case is not None and self.case.opened_on and self.started_on < self.case.opened_on
        ):
            found["started_on"] = "An assessment on this case cannot start before the case opened."
        if self.completed_on is not None:
            if self.completed_on > today():
                found["completed_on"] = "An assessment cannot be finished in the future."
            elif self.started_on is not None and self.completed_on < self.started_on:
                found["completed_on"] = "An assessment cannot be finished before it started."
        if self.plan_targets is not None and not isinstance(self.plan_targets, list):
            found["plan_targets"] = "The plan's targets could not be read."
        return found


class AssessmentShare(Record):
    """One time the family saw the assessment: when, with whom, and what they said.

    ``shown`` is the family version exactly as they saw it, so later edits to the
    assessment never change what the family was shown.
    """

    __tablename__ = "assessment_share"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id"), index=True)
    shared_on: Mapped[date] = mapped_column(Date, default=today)
    shared_with: Mapped[str] = mapped_column(String(200), default="")
    how: Mapped[str] = mapped_column(String(120), default="")
    shown: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    family_response: Mapped[str] = mapped_column(Text, default="")

    assessment: Mapped[Assessment] = relationship(back_populates="shares")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.shared_on is None:
            found["shared_on"] = "Enter the date it was shared."
        elif self.shared_on > today():
            found["shared_on"] = "Record sharing once it has happened; it cannot be in the future."
        if not (self.shared_with or "").strip():
            found["shared_with"] = "Say who it was shared with."
        return found


class HandoverReceived(Base):
    """A handover file already imported here: the same file twice changes nothing."""

    __tablename__ = "handover_received"

    handover_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    assessment_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
