"""A case (episode): which pathway a young person is on, and how it changed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import Record, enum_type
from roth_desktop.models.enums import Pathway, TransitionRoute
from roth_desktop.validation import age_on, today

ADULT_AGE = 18

if TYPE_CHECKING:
    from roth_desktop.models.agencies import Professional
    from roth_desktop.models.assessments import Assessment
    from roth_desktop.models.conferences import Conference
    from roth_desktop.models.missed_deadlines import MissedDeadline
    from roth_desktop.models.people import YoungPerson
    from roth_desktop.models.visits import Visit


class Case(Record):
    __tablename__ = "case_episode"

    young_person_id: Mapped[str] = mapped_column(ForeignKey("young_person.id"), index=True)
    pathway: Mapped[Pathway] = mapped_column(enum_type(Pathway), default=Pathway.ROTH)
    opened_on: Mapped[date] = mapped_column(Date)
    strategy_discussion_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)

    # Turning 18: each route to adult support is decided explicitly (None: not yet).
    transition_adult_services: Mapped[TransitionRoute | None] = mapped_column(
        enum_type(TransitionRoute)
    )
    transition_leaving_care: Mapped[TransitionRoute | None] = mapped_column(
        enum_type(TransitionRoute)
    )
    transition_send: Mapped[TransitionRoute | None] = mapped_column(enum_type(TransitionRoute))
    # Where the local authority's policy allows it, the plan continues past 18; that
    # is a decision with a reason, never a default.
    continues_past_18: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    continues_past_18_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    young_person: Mapped[YoungPerson] = relationship(back_populates="cases")
    transfers: Mapped[list[PathwayTransfer]] = relationship(
        back_populates="case", order_by="PathwayTransfer.transferred_on"
    )
    conferences: Mapped[list[Conference]] = relationship(
        back_populates="case", order_by="Conference.starts_at"
    )
    professionals: Mapped[list[CaseProfessional]] = relationship(back_populates="case")
    visits: Mapped[list[Visit]] = relationship(back_populates="case", order_by="Visit.visited_on")
    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="case", order_by="Assessment.started_on"
    )
    missed_deadlines: Mapped[list[MissedDeadline]] = relationship(back_populates="case")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.opened_on is None:
            found["opened_on"] = "Enter the date the case opened."
        elif self.opened_on > today():
            found["opened_on"] = "A case cannot open in the future."
        sd = self.strategy_discussion_on
        if sd is not None and sd > today():
            found["strategy_discussion_on"] = (
                "Record the strategy discussion once it has happened; it cannot be in the future."
            )
        yp = self.young_person
        born = yp.date_of_birth if yp is not None else None
        if born and self.opened_on and self.opened_on < born:
            found["opened_on"] = "A case cannot open before the young person was born."
        elif born and self.opened_on and age_on(born, self.opened_on) >= ADULT_AGE:
            found["opened_on"] = "A case must open before the young person's 18th birthday."
        if sd is not None and born and sd < born:
            found["strategy_discussion_on"] = (
                "The strategy discussion cannot be before the date of birth."
            )
        if sd is not None:
            for conference in self.conferences:
                if conference.kind == "initial" and conference.starts_at.date() < sd:
                    found["strategy_discussion_on"] = (
                        "The initial conference is before this date; an initial conference "
                        "cannot predate the strategy discussion."
                    )
        if self.closed_on is not None and self.opened_on and self.closed_on < self.opened_on:
            found["closed_on"] = "A case cannot close before it opened."
        if self.continues_past_18 and not (self.continues_past_18_reason or "").strip():
            found["continues_past_18_reason"] = (
                "Say why the plan continues past 18 and which policy allows it."
            )
        return found


class PathwayTransfer(Record):
    """A move between pathways, e.g. traditional to ROTH when outside risks weigh most."""

    __tablename__ = "pathway_transfer"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_episode.id"), index=True)
    from_pathway: Mapped[Pathway] = mapped_column(enum_type(Pathway))
    to_pathway: Mapped[Pathway] = mapped_column(enum_type(Pathway))
    transferred_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="transfers")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.from_pathway == self.to_pathway:
            found["to_pathway"] = "Choose a different pathway to transfer to."
        if not (self.reason or "").strip():
            found["reason"] = "Say why the pathway is changing."
        if self.transferred_on is None:
            found["transferred_on"] = "Enter the date of the transfer."
        elif self.transferred_on > today():
            found["transferred_on"] = "A transfer cannot be recorded for a future date."
        return found


class CaseProfessional(Record):
    """A professional involved with a case, and their part in it."""

    __tablename__ = "case_professional"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_episode.id"), index=True)
    professional_id: Mapped[str] = mapped_column(ForeignKey("professional.id"), index=True)
    role_in_case: Mapped[str] = mapped_column(String(120), default="")

    case: Mapped[Case] = relationship(back_populates="professionals")
    professional: Mapped[Professional] = relationship()
