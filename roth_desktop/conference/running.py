"""Running a conference: starting it from its pack (or the last conference), the map's
weights, agreeing it and re-opening it.

Each function works inside the caller's session and returns what undo needs, so
the UI's undo stack and the command line share one way to change a conference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference import weights
from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.edits import RecordGone, Snapshot, delete_record
from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    Conference,
    ConferenceKind,
    ConferencePart,
    ConferenceStatus,
    ContextArea,
    ContextLink,
    GoalProgress,
    Need,
    PlanGoal,
    Safety,
)
from roth_desktop.models.base import Record, local_now
from roth_desktop.models.context_map import CUSTOM_CONTEXT


def _conference(session: Session, conference_id: str) -> Conference:
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise RecordGone(f"conference {conference_id} no longer exists")
    return conference


def contexts_of(session: Session, conference_id: str) -> list[ContextArea]:
    return list(
        session.scalars(
            select(ContextArea)
            .where(ContextArea.conference_id == conference_id)
            .order_by(ContextArea.position, ContextArea.name)
        )
    )


def shares_of(session: Session, conference_id: str) -> dict[str, int]:
    return {c.id: c.weight for c in contexts_of(session, conference_id)}


def previous_conference(session: Session, conference: Conference) -> Conference | None:
    """The case's conference held just before this one, which a review builds on."""
    return session.scalar(
        select(Conference)
        .where(
            Conference.case_id == conference.case_id,
            Conference.starts_at < conference.starts_at,
            Conference.id != conference.id,
        )
        .order_by(Conference.starts_at.desc())
        .limit(1)
    )


# -- starting ------------------------------------------------------------------------------


def begin(session: Session, conference_id: str, pack: ContentPack) -> bool:
    """Ready a conference to run; return False if it was already started.

    A first conference gets the pack's contexts (equal weights, safety not yet
    known) and one row per need area, so no need can be skipped unasked. A review
    starts from the conference before it instead, and records what it carried.
    """
    conference = _conference(session, conference_id)
    if conference.content_pack_id:
        return False
    conference.content_pack_id = pack.id
    conference.content_pack_version = pack.version
    conference.current_step = pack.steps[0].key
    previous = previous_conference(session, conference)
    if conference.kind != ConferenceKind.INITIAL and previous is not None:
        conference.previous_conference_id = previous.id
        _carry_forward(session, conference, previous)
    if not contexts_of(session, conference_id):
        shares = weights.normalise({kind.key: 1.0 for kind in pack.contexts})
        for position, kind in enumerate(pack.contexts):
            session.add(
                ContextArea(
                    conference_id=conference_id,
                    name=kind.label("en"),
                    context_key=kind.key,
                    weight=shares[kind.key],
                    position=position,
                )
            )
    have = set(session.scalars(select(Need.area).where(Need.conference_id == conference_id)))
    for area in pack.needs:
        if area.key not in have:
            session.add(Need(conference_id=conference_id, area=area.key, answers={}))
    session.flush()
    return True


R = TypeVar("R", bound=ConferencePart)


def _carried(old: R, conference_id: str, **changes: Any) -> R:
    """A copy of ``old`` for the new conference, every column kept unless changed.

    Copying all columns (not a list of them) means a field added later is carried
    too; ``carried_from_id`` points back so the review can say what changed.
    """
    values = {
        k: dict(v) if isinstance(v, dict) else v
        for k, v in old.values().items()
        if k != "id" and k not in Record.BOOKKEEPING
    }
    values["conference_id"] = conference_id
    if "carried_from_id" in values:
        values["carried_from_id"] = old.id
    values.update(changes)
    return type(old)(**values)


def _carry_forward(session: Session, conference: Conference, previous: Conference) -> None:
    """Copy the last conference's map, needs and plan, each remembering where it came from."""
    new_ids: dict[str, str] = {}

    def carry(old: ConferencePart, **changes: Any) -> ConferencePart:
        new = _carried(old, conference.id, **changes)
        session.add(new)
        new_ids[old.id] = new.id
        return new

    for area in contexts_of(session, previous.id):
        carry(area)
    for link in session.scalars(
        select(ContextLink).where(ContextLink.conference_id == previous.id)
    ):
        if link.source_id in new_ids and link.target_id in new_ids:
            carry(link, source_id=new_ids[link.source_id], target_id=new_ids[link.target_id])
    for need in session.scalars(select(Need).where(Need.conference_id == previous.id)):
        carry(need)
    goals = session.scalars(
        select(PlanGoal)
        .where(PlanGoal.conference_id == previous.id)
        .order_by(PlanGoal.heading, PlanGoal.position)
    )
    for goal in goals:
        if goal.progress in (GoalProgress.ACHIEVED, GoalProgress.STOPPED):
            continue  # done with: the review records it as achieved, not as work to do
        new_goal = carry(goal, progress=GoalProgress.CARRIED_FORWARD)
        for goal_link in goal.links:
            target = new_ids.get(goal_link.need_id or goal_link.context_id or "")
            if target is not None:
                carry(
                    goal_link,
                    goal_id=new_goal.id,
                    need_id=target if goal_link.need_id else None,
                    context_id=target if goal_link.context_id else None,
                )
        for action in goal.actions:
            carry(action, goal_id=new_goal.id)
    session.flush()


# -- the map's weights ---------------------------------------------------------------------


def set_shares(session: Session, conference_id: str, shares: Mapping[str, int]) -> dict[str, int]:
    """Store a whole new set of shares; return the old ones (for undo).

    The shares must cover exactly this conference's contexts and sum to 100%:
    a map whose areas do not add up would mislead the room.
    """
    areas = {c.id: c for c in contexts_of(session, conference_id)}
    if set(shares) != set(areas):
        raise ValidationError({"weight": "The map changed meanwhile; try that again."})
    clean = weights.normalise({k: float(v) for k, v in shares.items()})
    old = {k: a.weight for k, a in areas.items()}
    for key, share in clean.items():
        areas[key].weight = share
    session.flush()
    return old


@dataclass(frozen=True)
class AddedContext:
    context_id: str
    old_shares: dict[str, int]


def add_context(
    session: Session,
    conference_id: str,
    name: str,
    safety: Safety = Safety.UNKNOWN,
    context_key: str = CUSTOM_CONTEXT,
    context_id: str | None = None,
) -> AddedContext:
    """Add a context with an equal share; the others shrink to make room."""
    areas = contexts_of(session, conference_id)
    old = {a.id: a.weight for a in areas}
    area = ContextArea(
        conference_id=conference_id,
        name=name.strip(),
        context_key=context_key,
        safety=Safety(safety),
        position=max((a.position for a in areas), default=-1) + 1,
    )
    if context_id:
        area.id = context_id
    try:
        shares = weights.add(old, area.id)
    except weights.WeightsError as exc:
        raise ValidationError({"name": str(exc)}) from None
    area.weight = shares[area.id]
    session.add(area)
    for existing in areas:
        existing.weight = shares[existing.id]
    session.flush()
    return AddedContext(area.id, old)


@dataclass(frozen=True)
class RemovedContext:
    snapshot: Snapshot
    old_shares: dict[str, int]


def remove_context(session: Session, context_id: str) -> RemovedContext:
    """Remove a context (and its links); the others grow back to fill the map."""
    area = session.get(ContextArea, context_id)
    if area is None:
        raise RecordGone(f"context {context_id} no longer exists")
    conference_id = area.conference_id
    old = shares_of(session, conference_id)
    snapshot = delete_record(session, "context_area", context_id)
    remaining = weights.remove(old, context_id)
    for other in contexts_of(session, conference_id):
        other.weight = remaining[other.id]
    session.flush()
    return RemovedContext(snapshot, old)


def restore_shares(session: Session, conference_id: str, shares: Mapping[str, int]) -> None:
    """Put back shares saved before an add or remove (after that is itself undone)."""
    for area in contexts_of(session, conference_id):
        if area.id in shares:
            area.weight = shares[area.id]
    session.flush()


# -- moving through the agenda, agreeing, re-opening ----------------------------------------


def go_to_step(session: Session, conference_id: str, step_key: str) -> str:
    conference = _conference(session, conference_id)
    old = conference.current_step
    if conference.status == ConferenceStatus.AGREED:
        return old  # reading an agreed record moves no bookmark: it is closed
    conference.current_step = step_key
    session.flush()
    return old


def agree(session: Session, conference_id: str, at: datetime | None = None) -> None:
    """Close the record: the decision must be made before the conference is agreed."""
    conference = _conference(session, conference_id)
    problems: dict[str, str] = {}
    if conference.significant_harm is None:
        problems["significant_harm"] = "Record whether there is a risk of significant harm."
    if conference.outcome is None:
        problems["outcome"] = "Record the pathway the conference decided on."
    if problems:
        raise ValidationError(problems)
    conference.status = ConferenceStatus.AGREED
    conference.agreed_at = at or local_now()
    session.flush()


def reopen(session: Session, conference_id: str, reason: str) -> None:
    """Re-open an agreed conference. The reason goes in the audit trail with the change."""
    conference = _conference(session, conference_id)
    if conference.status != ConferenceStatus.AGREED:
        return
    if not reason.strip():
        raise ValidationError({"reopen_reason": "Say why the conference is being re-opened."})
    conference.status = ConferenceStatus.DRAFT
    conference.reopen_reason = reason.strip()
    conference.agreed_at = None
    session.flush()


def default_review_date(session: Session, conference_id: str, weeks: int) -> None:
    """Suggest the review date (many ROTH sites review every 6 weeks); the chair can change it."""
    conference = _conference(session, conference_id)
    if conference.review_on is None and conference.status != ConferenceStatus.AGREED:
        conference.review_on = conference.starts_at.date() + timedelta(weeks=weeks)
        session.flush()


def set_answer(session: Session, need_id: str, key: str, value: object) -> object:
    """Answer one checklist question; return the old answer (``None`` if unanswered).

    Read and written in one session, so two answers given in quick succession
    both land instead of the second overwriting the first with a stale copy.
    """
    need = session.get(Need, need_id)
    if need is None:
        raise RecordGone(f"need {need_id} no longer exists")
    answers = dict(need.answers or {})
    old = answers.get(key)
    if value is None:
        answers.pop(key, None)
    else:
        answers[key] = value
    need.answers = answers
    session.flush()
    return old
