"""Partner agencies and the professionals who work for them."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, func, select
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

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
        name = (self.name or "").strip()
        if not name:
            return {"name": "Enter the agency's name."}
        session = object_session(self)
        if session is not None:
            clash = session.scalar(
                select(Agency.id).where(
                    func.lower(Agency.name) == name.lower(), Agency.id != self.id
                )
            )
            if clash is not None:
                return {"name": "There is already an agency with that name."}
        return {}


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
        if not self.agency_id and self.agency is None:
            found["agency_id"] = "Choose their agency (add it with New agency first if it is new)."
        if self.email and "@" not in self.email:
            found["email"] = "That email address is missing an @."
        return found
