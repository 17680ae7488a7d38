"""Why a deadline was missed: kept for the data return and the next chair."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import Record, enum_type
from roth_desktop.models.enums import DeadlineKind

if TYPE_CHECKING:
    from roth_desktop.models.cases import Case


class MissedDeadline(Record):
    """The reason one computed deadline was missed.

    A deadline is identified by its kind and the record it hangs from (``source_id``:
    the case for an initial conference, the conference for a review or core group,
    the action for an action). A later reason for the same deadline supersedes an
    earlier one, which stays in the audit trail. The due date is kept as it was when the reason was
    written, so a later change to policy cannot make an old reason read wrongly.
    """

    __tablename__ = "missed_deadline"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_episode.id"), index=True)
    kind: Mapped[DeadlineKind] = mapped_column(enum_type(DeadlineKind))
    source_id: Mapped[str] = mapped_column(String(36))
    due_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="missed_deadlines")

    def problems(self) -> dict[str, str]:
        if not (self.reason or "").strip():
            return {"reason": "Say why it was missed, for example: the family asked to move it."}
        return {}
