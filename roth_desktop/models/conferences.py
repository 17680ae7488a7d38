"""Conferences and who came to them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import Record, enum_type
from roth_desktop.models.enums import (
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    HarmCategory,
)
from roth_desktop.validation import today

if TYPE_CHECKING:
    from roth_desktop.models.agencies import Professional
    from roth_desktop.models.cases import Case
    from roth_desktop.models.decision import DecisionView


class Conference(Record):
    __tablename__ = "conference"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_episode.id"), index=True)
    kind: Mapped[ConferenceKind] = mapped_column(enum_type(ConferenceKind))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    location: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[str | None] = mapped_column(ForeignKey("professional.id"))
    status: Mapped[ConferenceStatus] = mapped_column(
        enum_type(ConferenceStatus), default=ConferenceStatus.DRAFT
    )

    # Running it: which agenda it used (a local authority can ship its own) and where
    # the chair is, so a reopened laptop comes back to the same step.
    content_pack_id: Mapped[str] = mapped_column(String(60), default="", server_default="")
    content_pack_version: Mapped[str] = mapped_column(String(40), default="", server_default="")
    current_step: Mapped[str] = mapped_column(String(40), default="", server_default="")
    # A review builds on the conference before it.
    previous_conference_id: Mapped[str | None] = mapped_column(
        ForeignKey("conference.id", ondelete="SET NULL")
    )

    # The assessment the conference started from, so it can say what changed since.
    assessment_id: Mapped[str | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL")
    )

    # The decision.
    significant_harm: Mapped[bool | None] = mapped_column(Boolean)
    harm_category: Mapped[HarmCategory | None] = mapped_column(enum_type(HarmCategory))
    outside_home: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    outcome: Mapped[ConferenceOutcome | None] = mapped_column(enum_type(ConferenceOutcome))
    young_person_view: Mapped[str] = mapped_column(Text, default="", server_default="")
    family_view: Mapped[str] = mapped_column(Text, default="", server_default="")

    # Next steps.
    core_group_on: Mapped[date | None] = mapped_column(Date)
    review_on: Mapped[date | None] = mapped_column(Date)
    visit_frequency: Mapped[str] = mapped_column(String(120), default="", server_default="")
    transition_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A complex case can be brought back early (by default at 15 working days); the
    # reason is what makes that a decision rather than a habit.
    interim_review_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    # Agreeing freezes the record; changing it after needs an explicit, audited re-open.
    agreed_at: Mapped[datetime | None] = mapped_column(DateTime)
    reopen_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    case: Mapped[Case] = relationship(back_populates="conferences")
    chair: Mapped[Professional | None] = relationship()
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="conference", order_by="Attendance.name"
    )
    # Loaded so that deleting a conference clears a later one's link to it through the
    # ORM (an audited change) rather than by the database behind the audit trail.
    followed_by: Mapped[list[Conference]] = relationship(foreign_keys=[previous_conference_id])

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.starts_at is None:
            return {"starts_at": "Enter the conference date and time."}
        on = self.starts_at.date()
        case = self.case
        sd = case.strategy_discussion_on if case is not None else None
        if self.kind == ConferenceKind.INITIAL and sd is not None and on < sd:
            found["starts_at"] = "An initial conference cannot be before the strategy discussion."
        yp = case.young_person if case is not None else None
        if yp is not None and yp.date_of_birth and on < yp.date_of_birth:
            found["starts_at"] = "A conference cannot be before the young person was born."
        if self.status == ConferenceStatus.AGREED and on > today():
            found["status"] = "A conference can only be agreed once it has taken place."
        if self.kind == ConferenceKind.REVIEW and case is not None:
            first = min(
                (c.starts_at for c in case.conferences if c.kind == ConferenceKind.INITIAL),
                default=None,
            )
            if first is not None and self.starts_at < first:
                found["starts_at"] = "A review cannot be before the initial conference."
        if self.review_on is not None and self.review_on <= on:
            found["review_on"] = "The review must come after this conference."
        if self.core_group_on is not None and self.core_group_on < on:
            found["core_group_on"] = "The core group cannot meet before the conference."
        if self.significant_harm is False and self.outcome in (
            ConferenceOutcome.ROTH_PLAN,
            ConferenceOutcome.TRADITIONAL_PLAN,
        ):
            found["outcome"] = "A child protection plan needs a finding of significant harm."
        return found


class Attendance(Record):
    __tablename__ = "attendance"

    conference_id: Mapped[str] = mapped_column(ForeignKey("conference.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[AttendeeRole] = mapped_column(enum_type(AttendeeRole))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    professional_id: Mapped[str | None] = mapped_column(ForeignKey("professional.id"))
    family_member_id: Mapped[str | None] = mapped_column(ForeignKey("family_member.id"))
    invited: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[AttendanceStatus] = mapped_column(
        enum_type(AttendanceStatus), default=AttendanceStatus.INVITED
    )
    arrived_at: Mapped[datetime | None] = mapped_column(DateTime)
    left_at: Mapped[datetime | None] = mapped_column(DateTime)

    conference: Mapped[Conference] = relationship(back_populates="attendance")
    # Loaded so that removing someone from the list clears the link from their recorded
    # view through the ORM (an audited change), not by the database behind the trail.
    decision_views: Mapped[list[DecisionView]] = relationship()

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.name or "").strip():
            found["name"] = "Enter who this is."
        if self.arrived_at and self.left_at and self.left_at < self.arrived_at:
            found["left_at"] = "Someone cannot leave before they arrived."
        return found
