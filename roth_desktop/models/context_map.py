"""The places, groups and spaces around a young person, weighted by influence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from roth_desktop.models.base import enum_type
from roth_desktop.models.conference_part import Restrictable, SharedPart
from roth_desktop.models.enums import Safety

if TYPE_CHECKING:
    from roth_desktop.models.partner_information import PartnerItem
    from roth_desktop.models.plan import GoalLink

CUSTOM_CONTEXT = "custom"

# "J.B.", "KT", "A" - one to four letters, each optionally followed by a full stop.
_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,4}$")


def initials_problem(text: str) -> str:
    """Peers are written as initials only: the guidance never names other young people."""
    for token in re.split(r"[,;/]|\s+and\s+|\s+", text.strip()):
        if token and not _INITIALS.match(token):
            return "Write other young people as initials only, such as J.B. or KT."
    return ""


class ContextArea(SharedPart):
    __tablename__ = "context_area"

    name: Mapped[str] = mapped_column(String(120))
    # The content pack's key ("home", "peers"...) or "custom" for one the room added.
    context_key: Mapped[str] = mapped_column(String(40), default=CUSTOM_CONTEXT)
    safety: Mapped[Safety] = mapped_column(enum_type(Safety), default=Safety.UNKNOWN)
    # Share of influence in basis points; a conference's areas always sum to 10000.
    weight: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    makes_safe: Mapped[str] = mapped_column(Text, default="")
    makes_unsafe: Mapped[str] = mapped_column(Text, default="")
    guardians: Mapped[str] = mapped_column(Text, default="")
    peer_initials: Mapped[str] = mapped_column(String(200), default="")
    referred_to_context_meeting: Mapped[bool] = mapped_column(Boolean, default=False)
    # The same context at the conference before, so a review can show what changed.
    carried_from_id: Mapped[str | None] = mapped_column(
        ForeignKey("context_area.id", ondelete="SET NULL")
    )

    links_out: Mapped[list[ContextLink]] = relationship(
        foreign_keys="ContextLink.source_id", cascade="all, delete-orphan"
    )
    links_in: Mapped[list[ContextLink]] = relationship(
        foreign_keys="ContextLink.target_id", cascade="all, delete-orphan"
    )
    # A goal's link to a removed context goes with it (the goal stays, and is then
    # flagged as unlinked); partner information keeps its text but loses the context.
    goal_links: Mapped[list[GoalLink]] = relationship(
        back_populates="context", cascade="all, delete-orphan"
    )
    partner_items: Mapped[list[PartnerItem]] = relationship(back_populates="context")
    # Later copies of this context: loaded so that deleting it clears their link through
    # the ORM (an audited change) rather than by the database behind the audit trail.
    carried_into: Mapped[list[ContextArea]] = relationship(foreign_keys=[carried_from_id])

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        name = (self.name or "").strip()
        if not name:
            found["name"] = "Give the place, group or space a name."
        elif (session := object_session(self)) is not None:
            clash = session.scalar(
                select(ContextArea.id).where(
                    ContextArea.owned_by(self.owner_id),
                    func.lower(ContextArea.name) == name.lower(),
                    ContextArea.id != self.id,
                )
            )
            if clash is not None:
                found["name"] = f"The map already has “{name}”. Use that one, or name this apart."
        if not 0 <= (self.weight or 0) <= 10000:
            found["weight"] = "A share of influence is between 0% and 100%."
        if problem := initials_problem(self.peer_initials or ""):
            found["peer_initials"] = problem
        return found


class ContextLink(Restrictable, SharedPart):
    """How one context acts on another: "exclusion → more time in the city centre"."""

    __tablename__ = "context_link"

    source_id: Mapped[str] = mapped_column(ForeignKey("context_area.id"), index=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("context_area.id"), index=True)
    label: Mapped[str] = mapped_column(String(200), default="")

    def problems(self) -> dict[str, str]:
        if self.source_id and self.source_id == self.target_id:
            return {"target_id": "A link joins two different contexts."}
        return {}
