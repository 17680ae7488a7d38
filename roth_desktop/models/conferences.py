"""Conferences and who came to them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import Record, enum_type
from roth_desktop.models.enums import (
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
    ConferenceStatus,
)
from roth_desktop.validation import today

if TYPE_CHECKING:
    from roth_desktop.models.agencies import Professional
    from roth_desktop.models.cases import Case


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

    case: Mapped[Case] = relationship(back_populates="conferences")
    chair: Mapped[Professional | None] = relationship()
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="conference", order_by="Attendance.name"
    )

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

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.name or "").strip():
            found["name"] = "Enter who this is."
        if self.arrived_at and self.left_at and self.left_at < self.arrived_at:
            found["left_at"] = "Someone cannot leave before they arrived."
        return found
