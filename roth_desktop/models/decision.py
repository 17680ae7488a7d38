"""Each participant's view of the decision, dissent included."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roth_desktop.models.base import enum_type
from roth_desktop.models.conference_part import ConferencePart
from roth_desktop.models.enums import ViewPosition


class DecisionView(ConferencePart):
    __tablename__ = "decision_view"

    attendance_id: Mapped[str | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL")
    )
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[ViewPosition] = mapped_column(
        enum_type(ViewPosition), default=ViewPosition.AGREES
    )
    reasons: Mapped[str] = mapped_column(Text, default="")

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.name or "").strip():
            found["name"] = "Say whose view this is."
        if self.position == ViewPosition.DISAGREES and not (self.reasons or "").strip():
            found["reasons"] = "Record why they disagree: dissent is part of the record."
        return found
