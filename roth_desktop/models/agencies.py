"""Partner agencies and the professionals who work for them."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import Record, enum_type
from roth_desktop.models.enums import AgencyKind


class Agency(Record):
    __tablename__ = "agency"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[AgencyKind] = mapped_column(enum_type(AgencyKind), default=AgencyKind.OTHER)

    professionals: Mapped[list[Professional]] = relationship(
        back_populates="agency", order_by="Professional.name"
    )

    def problems(self) -> dict[str, str]:
        return {} if (self.name or "").strip() else {"name": "Enter the agency's name."}


class Professional(Record):
    __tablename__ = "professional"

    agency_id: Mapped[str] = mapped_column(ForeignKey("agency.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    agency: Mapped[Agency] = relationship(back_populates="professionals")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.name or "").strip():
            found["name"] = "Enter their name."
        if self.email and "@" not in self.email:
            found["email"] = "That email address is missing an @."
        return found
