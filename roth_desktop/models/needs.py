"""The needs checklist: asked at every conference, and every need answered by the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import enum_type
from roth_desktop.models.conference_part import SharedPart
from roth_desktop.models.enums import NeedStatus

if TYPE_CHECKING:
    from roth_desktop.models.plan import GoalLink


class Need(SharedPart):
    __tablename__ = "need"

    # The content pack's need area ("education", "poverty"...).
    area: Mapped[str] = mapped_column(String(40))
    # The area's checklist answers, keyed by the pack's question keys. Kept as data
    # because a local authority's pack can ask its own questions.
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[NeedStatus] = mapped_column(
        enum_type(NeedStatus), default=NeedStatus.NOT_ASSESSED
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(200), default="")
    responsible_agency_id: Mapped[str | None] = mapped_column(ForeignKey("agency.id"))
    escalation: Mapped[str] = mapped_column(Text, default="")
    carried_from_id: Mapped[str | None] = mapped_column(ForeignKey("need.id", ondelete="SET NULL"))

    goal_links: Mapped[list[GoalLink]] = relationship(
        back_populates="need", cascade="all, delete-orphan"
    )
    # Later copies of this need: loaded so that deleting it clears their link through
    # the ORM (an audited change) rather than by the database behind the audit trail.
    carried_into: Mapped[list[Need]] = relationship(foreign_keys=[carried_from_id])

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.area or "").strip():
            found["area"] = "Choose which need this is."
        if not isinstance(self.answers, dict):
            found["answers"] = "The checklist answers could not be read."
        return found
