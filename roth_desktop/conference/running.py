"""Running a conference: starting it from its pack (or the last conference), the map's
weights, agreeing it and re-opening it.

Each function works inside the caller's session and returns what undo needs, so
the UI's undo stack and the command line share one way to change a conference.
"""

from __future__ import annotations

import copy
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
    Assessment,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    ContextArea,
    ContextLink,
    GoalProgress,
    HarmEntry,
    Need,
    PartnerItem,
    PlanGoal,
    ProfileItem,
    Safety,
    SharedPart,
    Voice,
)
from roth_desktop.models.base import Record, local_now
from roth_desktop.models.conference_part import Part, owner_fields
from roth_desktop.models.context_map import CUSTOM_CONTEXT


def _conference(session: Session, conference_id: str) -> Conference:
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise RecordGone(f"conference {conference_id} no longer exists")
    return conference


def contexts_of(session: Session, owner_id: str) -> list[ContextArea]:
    """The map of a conference or of an assessment: the same map, edited the same way."""
    return list(
        session.scalars(
            select(ContextArea)
            .where(ContextArea.owned_by(owner_id))
            .order_by(ContextArea.position, ContextArea.name)
        )
    )


def shares_of(session: Session, owner_id: str) -> dict[str, int]:
    return {c.id: c.weight for c in contexts_of(session, owner_id)}


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


def begin(
    session: Session, conference_id: str, pack: ContentPack, assessment_id: str | None = None
) -> bool:
    """Ready a conference to run; return False if it was already started.

    A first conference gets the pack's contexts (equal weights, safety not yet
    known) and one row per need area, so no need can be skipped unasked. A review
    starts from the conference before it instead, and records what it carried.
    Started from an assessment, the map, needs, harm, voices, picture and partner
    information come from the assessment (each copy remembering its original), and
    a review still carries forward its unfinished plan.
    """
    conference = _conference(session, conference_id)
    if conference.content_pack_id:
        return False
    conference.content_pack_id = pack.id
    conference.content_pack_version = pack.version
    conference.current_step = pack.steps[0].key
    previous = previous_conference(session, conference)
    review_of = previous if conference.kind != ConferenceKind.INITIAL else None
    if review_of is not None:
        conference.previous_conference_id = review_of.id
    assessment = session.get(Assessment, assessment_id) if assessment_id else None
    if assessment_id and (assessment is None or assessment.case_id != conference.case_id):
        raise RecordGone(f"assessment {assessment_id} is not one of this case's")
    if assessment is not None:
        conference.assessment_id = assessment.id
        _carry_content(session, conference, assessment.id, everything=True)
        if review_of is not None:
            # The map came from the assessment: the plan's links find theirs by key or name.
            links = matching_rows(session, review_of.id, conference.id)
            _carry_plan(session, conference, review_of, links)
    elif review_of is not None:
        links = _carry_content(session, conference, review_of.id, everything=False)
        _carry_plan(session, conference, review_of, links)
    lay_out(session, conference_id, pack)
    return True


def lay_out(session: Session, owner_id: str, pack: ContentPack) -> None:
    """Give a conference or assessment the pack's starting map and every need area.

    An empty map gets the pack's contexts at equal weights, safety not yet known;
    every need area gets a row, so none can be skipped unasked.
    """
    owner = owner_fields(session, owner_id)
    if not contexts_of(session, owner_id):
        shares = weights.normalise({kind.key: 1.0 for kind in pack.contexts})
        for position, kind in enumerate(pack.contexts):
            session.add(
                ContextArea(
                    **owner,
                    name=kind.label("en"),
                    context_key=kind.key,
                    weight=shares[kind.key],
                    position=position,
                )
            )
    have = set(session.scalars(select(Need.area).where(Need.owned_by(owner_id))))
    for area in pack.needs:
        if area.key not in have:
            session.add(Need(**owner, area=area.key, answers={}))
    session.flush()


R = TypeVar("R", bound=Part)


def carried(old: R, conference_id: str, **changes: Any) -> R:
    """A copy of ``old`` for the new conference, every column kept unless changed.

    Copying all columns (not a list of them) means a field added later is carried
    too; ``carried_from_id`` points back so the review can say what changed. The
    copy belongs to the conference alone, whether ``old`` was a conference's or an
    assessment's.
    """
    values = {
        k: copy.deepcopy(v) if isinstance(v, dict | list) else v
        for k, v in old.values().items()
        if k != "id" and k not in Record.BOOKKEEPING
    }
    values["conference_id"] = conference_id
    if "assessment_id" in values:
        values["assessment_id"] = None
    if "carried_from_id" in values:
        values["carried_from_id"] = old.id
    values.update(changes)
    return type(old)(**values)


# What an assessment hands the conference beyond the map and needs: a conference
# before it does not (its harm and words belong to that day's record).
_ASSESSMENT_ONLY: tuple[type[SharedPart], ...] = (ProfileItem, Voice, HarmEntry, PartnerItem)


def _carry_content(
    session: Session, conference: Conference, source_id: str, everything: bool
) -> dict[str, str]:
    """Copy the map and needs (and, from an assessment, the rest) of ``source_id``.

    Returns old id -> new id, so links and the plan can follow their contexts.
    """
    new_ids: dict[str, str] = {}

    def carry(old: Part, **changes: Any) -> None:
        new = carried(old, conference.id, **changes)
        session.add(new)
        new_ids[old.id] = new.id

    for area in contexts_of(session, source_id):
        carry(area)
    for link in session.scalars(select(ContextLink).where(ContextLink.owned_by(source_id))):
        if link.source_id in new_ids and link.target_id in new_ids:
            carry(link, source_id=new_ids[link.source_id], target_id=new_ids[link.target_id])
    for need in session.scalars(select(Need).where(Need.owned_by(source_id))):
        carry(need)
    if everything:
        for cls in _ASSESSMENT_ONLY:
            for row in session.scalars(
                select(cls).where(cls.owned_by(source_id)).order_by(cls.created_at)
            ):
                if isinstance(row, PartnerItem):
                    carry(row, context_id=new_ids.get(row.context_id or ""))
                elif isinstance(row, Voice) and row.corrects_something:
                    continue  # a correction to the assessment's wording, not to the conference
                else:
                    carry(row)
    session.flush()
    return new_ids


def matching_rows(session: Session, previous_id: str, conference_id: str) -> dict[str, str]:
    """The last conference's contexts and needs matched to this one's by pack key or name.

    A review started from an assessment has its map from the assessment; its plan
    still comes from the last conference, so each goal's link finds the same
    context or need here.
    """
    now = contexts_of(session, conference_id)
    by_key = {a.context_key: a.id for a in now if a.context_key != CUSTOM_CONTEXT}
    by_name = {a.name.casefold(): a.id for a in now}
    found: dict[str, str] = {}
    for old in contexts_of(session, previous_id):
        match = by_key.get(old.context_key) or by_name.get(old.name.casefold())
        if match is not None:
            found[old.id] = match
    needs_now = {
        n.area: n.id
        for n in session.scalars(select(Need).where(Need.conference_id == conference_id))
    }
    for need in session.scalars(select(Need).where(Need.conference_id == previous_id)):
        if need.area in needs_now:
            found[need.id] = needs_now[need.area]
    return found


def _carry_plan(
    session: Session, conference: Conference, previous: Conference, new_ids: dict[str, str]
) -> None:
    """Carry the last conference's unfinished goals and their actions, links following."""
    goals = session.scalars(
        select(PlanGoal)
        .where(PlanGoal.conference_id == previous.id)
        .order_by(PlanGoal.heading, PlanGoal.position)
    )
    for goal in goals:
        if goal.progress in (GoalProgress.ACHIEVED, GoalProgress.STOPPED):
            continue  # done with: the review records it as achieved, not as work to do
        new_goal = carried(goal, conference.id, progress=GoalProgress.CARRIED_FORWARD)
        session.add(new_goal)
        for goal_link in goal.links:
            target = new_ids.get(goal_link.need_id or goal_link.context_id or "")
            if target is not None:
                session.add(
                    carried(
                        goal_link,
                        conference.id,
                        goal_id=new_goal.id,
                        need_id=target if goal_link.need_id else None,
                        context_id=target if goal_link.context_id else None,
                    )
                )
        for action in goal.actions:
            session.add(carried(action, conference.id, goal_id=new_goal.id))
    session.flush()


# -- the map's weights ---------------------------------------------------------------------


def set_shares(session: Session, owner_id: str, shares: Mapping[str, int]) -> dict[str, int]:
    """Store a whole new set of shares; return the old ones (for undo).

    The shares must cover exactly this conference's contexts and sum to 100%:
    a map whose areas do not add up would mislead the room.
    """
    areas = {c.id: c for c in contexts_of(session, owner_id)}
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
    owner_id: str,
    name: str,
    safety: Safety = Safety.UNKNOWN,
    context_key: str = CUSTOM_CONTEXT,
    context_id: str | None = None,
) -> AddedContext:
    """Add a context with an equal share; the others shrink to make room."""
    areas = contexts_of(session, owner_id)
    old = {a.id: a.weight for a in areas}
    area = ContextArea(
        **owner_fields(session, owner_id),
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
    owner_id = area.owner_id
    old = shares_of(session, owner_id)
    snapshot = delete_record(session, "context_area", context_id)
    remaining = weights.remove(old, context_id)
    for other in contexts_of(session, owner_id):
        other.weight = remaining[other.id]
    session.flush()
    return RemovedContext(snapshot, old)


def restore_shares(session: Session, owner_id: str, shares: Mapping[str, int]) -> None:
    """Put back shares saved before an add or remove (after that is itself undone)."""
    for area in contexts_of(session, owner_id):
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
