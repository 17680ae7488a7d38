"""Young people and the family and friends around them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.models.base import Record, enum_type
from roth_desktop.models.enums import Gender
from roth_desktop.validation import date_of_birth_problem, nhs_number_problem

if TYPE_CHECKING:
    from roth_desktop.models.cases import Case


def display_name(first_name: str, preferred_name: str, last_name: str) -> str:
    """How a young person is named on screen: by the name they prefer."""
    return f"{preferred_name or first_name} {last_name}".strip()


class YoungPerson(Record):
    __tablename__ = "young_person"

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[Gender] = mapped_column(enum_type(Gender), default=Gender.NOT_KNOWN)
    ethnicity_code: Mapped[str] = mapped_column(String(8), default="NOBT")
    nhs_number: Mapped[str] = mapped_column(String(12), default="")
    local_id: Mapped[str] = mapped_column(String(40), default="")
    first_language: Mapped[str] = mapped_column(String(60), default="English")
    communication_needs: Mapped[str] = mapped_column(Text, default="")

    family: Mapped[list[FamilyMember]] = relationship(
        back_populates="young_person", order_by="FamilyMember.name"
    )
    cases: Mapped[list[Case]] = relationship(
        back_populates="young_person", order_by="Case.opened_on"
    )

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.preferred_name, self.last_name)

    @property
    def initials(self) -> str:
        return "".join(part[:1].upper() for part in (self.first_name, self.last_name) if part)

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.first_name or "").strip():
            found["first_name"] = "Enter a first name."
        if not (self.last_name or "").strip():
            found["last_name"] = "Enter a last name."
        first_case = min((c.opened_on for c in self.cases if c.opened_on), default=None)
        if (problem := date_of_birth_problem(self.date_of_birth, first_case)) is not None:
            found["date_of_birth"] = problem
        if self.nhs_number and (problem := nhs_number_problem(self.nhs_number)) is not None:
            found["nhs_number"] = problem
        if self.ethnicity_code not in ethnicity_codes():
            found["ethnicity_code"] = "Choose an ethnicity from the list."
        return found


class FamilyMember(Record):
    """A parent, carer, sibling or other person in the young person's network."""

    __tablename__ = "family_member"

    young_person_id: Mapped[str] = mapped_column(ForeignKey("young_person.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relationship_to_young_person: Mapped[str] = mapped_column(String(60))
    parental_responsibility: Mapped[bool] = mapped_column(Boolean, default=False)
    plan_partner: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    young_person: Mapped[YoungPerson] = relationship(back_populates="family")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.name or "").strip():
            found["name"] = "Enter their name."
        if not (self.relationship_to_young_person or "").strip():
            found["relationship_to_young_person"] = "Say how they are related (for example Mum)."
        if self.email and "@" not in self.email:
            found["email"] = "That email address is missing an @."
        return found
