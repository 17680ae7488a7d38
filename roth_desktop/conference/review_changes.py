"""What changed since the last conference: the review's first question, answered from the record.

Every context, need, goal and action a review carries forward remembers the one
it came from, so the change is read straight off those pairs, not guessed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.conference.running import contexts_of, matching_rows
from roth_desktop.conference.weights import percent_label
from roth_desktop.models import (
    Conference,
    ContextArea,
    GoalProgress,
    Need,
    PlanAction,
    PlanGoal,
)

# Shifts in influence smaller than this are noise in a room's rough weighting.
NOTABLE_SHIFT = 300


def changes_since_previous(session: Session, conference_id: str, pack: ContentPack) -> list[str]:
    conference = session.get(Conference, conference_id)
    if conference is None or conference.previous_conference_id is None:
        return []
    previous_id = conference.previous_conference_id
    # Started from an assessment, its rows were copied from the assessment's, not the
    # last conference's: pair them with the last conference's by pack key or name.
    pairs = (
        matching_rows(session, previous_id, conference_id)
        if conference.assessment_id is not None
        else None
    )
    lines = map_and_need_changes(session, previous_id, conference_id, pack, pairs)
    previous_goals = session.scalars(select(PlanGoal).where(PlanGoal.conference_id == previous_id))
    for goal in previous_goals:
        if goal.progress == GoalProgress.ACHIEVED:
            lines.append(f"Goal achieved: {goal.text}")
    old_actions = {
        a.id: a
        for a in session.scalars(select(PlanAction).where(PlanAction.conference_id == previous_id))
    }
    for action in session.scalars(
        select(PlanAction).where(PlanAction.conference_id == conference_id)
    ):
        was_action = old_actions.get(action.carried_from_id or "")
        if was_action is not None and was_action.status != action.status:
            lines.append(f"Action “{action.what}”: {action.status.label.lower()}.")
    return lines


def map_and_need_changes(
    session: Session,
    before_id: str,
    conference_id: str,
    pack: ContentPack,
    pairs: dict[str, str] | None = None,
) -> list[str]:
    """How the map and needs moved from ``before_id`` (a conference or an assessment).

    Read off the ``carried_from_id`` pairs the conference made when it started, or
    off ``pairs`` (earlier row id -> this conference's row id) when given.
    """
    previous_id = before_id
    earlier_of = {new: old for old, new in (pairs or {}).items()}

    def origin(row: ContextArea | Need) -> str:
        return earlier_of.get(row.id, "") if pairs is not None else row.carried_from_id or ""

    lines: list[str] = []
    before = {a.id: a for a in contexts_of(session, previous_id)}
    carried: set[str] = set()
    for area in contexts_of(session, conference_id):
        old = before.get(origin(area))
        if old is None:
            lines.append(f"New on the map: {area.name} ({area.safety.label.lower()}).")
            continue
        carried.add(old.id)
        if abs(area.weight - old.weight) >= NOTABLE_SHIFT:
            shift = f"{percent_label(old.weight)} → {percent_label(area.weight)}"
            lines.append(f"{area.name}: influence {shift}.")
        if area.safety != old.safety:
            lines.append(
                f"{area.name}: now {area.safety.label.lower()} (was {old.safety.label.lower()})."
            )
    for old in before.values():
        if old.id not in carried:
            lines.append(f"No longer on the map: {old.name}.")

    old_needs = {n.id: n for n in session.scalars(select(Need).where(Need.owned_by(previous_id)))}
    for need in session.scalars(select(Need).where(Need.conference_id == conference_id)):
        was = old_needs.get(origin(need))
        if was is not None and was.status != need.status:
            need_area = pack.need(need.area)
            label = need_area.label("en") if need_area else need.area
            lines.append(f"{label}: {need.status.label.lower()} (was {was.status.label.lower()}).")

    return lines
