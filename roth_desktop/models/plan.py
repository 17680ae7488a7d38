"""The plan: goals under three headings, each tied to a need or context, with actions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import enum_type
from roth_desktop.models.conference_part import ConferencePart
from roth_desktop.models.enums import ActionStatus, GoalProgress, PlanHeading

if TYPE_CHECKING:
    from roth_desktop.models.agencies import Agency, Professional
    from roth_desktop.models.context_map import ContextArea
    from roth_desktop.models.needs import Need


class PlanGoal(ConferencePart):
    __tablename__ = "plan_goal"

    heading: Mapped[PlanHeading] = mapped_column(enum_type(PlanHeading))
    text: Mapped[str] = mapped_column(Text)
    progress: Mapped[GoalProgress] = mapped_column(
        enum_type(GoalProgress), default=GoalProgress.NEW
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    carried_from_id: Mapped[str | None] = mapped_column(
        ForeignKey("plan_goal.id", ondelete="SET NULL")
    )

    links: Mapped[list[GoalLink]] = relationship(
        back_populates="goal", cascade="all, delete-orphan"
    )
    actions: Mapped[list[PlanAction]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="PlanAction.due_on"
    )
    # Later copies of this goal: loaded so that deleting it clears their link through
    # the ORM (an audited change) rather than by the database behind the audit trail.
    carried_into: Mapped[list[PlanGoal]] = relationship(foreign_keys=[carried_from_id])

    def problems(self) -> dict[str, str]:
        if not (self.text or "").strip():
            return {"text": "Write the goal: what will be different?"}
        return {}


class GoalLink(ConferencePart):
    """The need or context a goal responds to: a goal with none is a warning."""

    __tablename__ = "goal_link"

    goal_id: Mapped[str] = mapped_column(ForeignKey("plan_goal.id"), index=True)
    need_id: Mapped[str | None] = mapped_column(ForeignKey("need.id"), index=True)
    context_id: Mapped[str | None] = mapped_column(ForeignKey("context_area.id"), index=True)

    goal: Mapped[PlanGoal] = relationship(back_populates="links")
    need: Mapped[Need | None] = relationship(back_populates="goal_links")
    context: Mapped[ContextArea | None] = relationship(back_populates="goal_links")

    def problems(self) -> dict[str, str]:
        if bool(self.need_id) == bool(self.context_id):
            return {"need_id": "Link the goal to one need or one context."}
        return {}


class PlanAction(ConferencePart):
    __tablename__ = "plan_action"

    goal_id: Mapped[str] = mapped_column(ForeignKey("plan_goal.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    agency_id: Mapped[str | None] = mapped_column(ForeignKey("agency.id"))
    professional_id: Mapped[str | None] = mapped_column(ForeignKey("professional.id"))
    # A named person outside the professionals list: a parent, a coach, a youth worker.
    person: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    how_we_know: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ActionStatus] = mapped_column(
        enum_type(ActionStatus), default=ActionStatus.NOT_STARTED
    )
    carried_from_id: Mapped[str | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="SET NULL")
    )

    goal: Mapped[PlanGoal] = relationship(back_populates="actions")
    agency: Mapped[Agency | None] = relationship()
    professional: Mapped[Professional | None] = relationship()
    # Later copies of this action: loaded so that deleting it clears their link through
    # the ORM (an audited change) rather than by the database behind the audit trail.
    carried_into: Mapped[list[PlanAction]] = relationship(foreign_keys=[carried_from_id])

    def problems(self) -> dict[str, str]:
        if not (self.what or "").strip():
            return {"what": "Write what will be done."}
        return {}

    def owner(self) -> str:
        names = [
            self.professional.name if self.professional is not None else self.person,
            self.agency.name if self.agency is not None else "",
        ]
        return ", ".join(n for n in names if n)
