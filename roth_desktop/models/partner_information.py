"""What partner agencies tell the conference, with where it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import enum_type
from roth_desktop.models.conference_part import Restrictable, SharedPart
from roth_desktop.models.enums import InfoNature

if TYPE_CHECKING:
    from roth_desktop.models.agencies import Agency
    from roth_desktop.models.context_map import ContextArea


class PartnerItem(Restrictable, SharedPart):
    __tablename__ = "partner_item"

    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agency.id"))
    context_id: Mapped[str | None] = mapped_column(
        ForeignKey("context_area.id", ondelete="SET NULL")
    )
    nature: Mapped[InfoNature] = mapped_column(enum_type(InfoNature), default=InfoNature.FACT)
    source: Mapped[str] = mapped_column(String(200), default="")
    # The agency's own decisions (an exclusion, an arrest at home) shape contexts too.
    agency_decision: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)

    agency: Mapped[Agency | None] = relationship()
    context: Mapped[ContextArea | None] = relationship(back_populates="partner_items")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.text or "").strip():
            found["text"] = "Write what the agency shared."
        if not self.agency_id and self.agency is None:
            found["agency_id"] = "Choose which agency shared this."
        if self.nature == InfoNature.REPORTED and not (self.source or "").strip():
            found["source"] = "Reported information needs its source: who reported it?"
        return found
