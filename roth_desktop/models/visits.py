"""Visits to the young person: when, who was seen and where."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import Record
from roth_desktop.validation import today

if TYPE_CHECKING:
    from roth_desktop.models.agencies import Professional
    from roth_desktop.models.cases import Case


class Visit(Record):
    """A visit that happened. The next one falls due from the last (see timescales)."""

    __tablename__ = "visit"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_episode.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    # Young people at risk outside the home are often best seen away from it: a café,
    # school, the youth club. Where is free text because the useful answer is local.
    place: Mapped[str] = mapped_column(String(120), default="")
    who_seen: Mapped[str] = mapped_column(String(200), default="")
    young_person_seen: Mapped[bool] = mapped_column(Boolean, default=True)
    seen_alone: Mapped[bool] = mapped_column(Boolean, default=False)
    professional_id: Mapped[str | None] = mapped_column(ForeignKey("professional.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    # A visit or conversation made for an assessment is listed in it.
    assessment_id: Mapped[str | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL"), index=True
    )

    case: Mapped[Case] = relationship(back_populates="visits")
    professional: Mapped[Professional | None] = relationship()

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.visited_on is None:
            found["visited_on"] = "Enter the date of the visit."
        elif self.visited_on > today():
            found["visited_on"] = "Record a visit once it has happened; it cannot be in the future."
        elif (
            self.case is not None and self.case.opened_on and self.visited_on < self.case.opened_on
        ):
            found["visited_on"] = "A visit on this case cannot be before the case opened."
        if self.seen_alone and not self.young_person_seen:
            found["seen_alone"] = "The young person can only be seen alone if they were seen."
        return found
