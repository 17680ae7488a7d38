"""The quality questions a chair asks of a plan, and of the map against the decision.

Sites assure ROTH plans by asking: do the goals meet the needs and contexts
found? Is every action tied to a goal, owned and dated? Is it clear how progress
will be known? These checks ask the same, live, while the room can still fix it.
They warn; they never stop a chair from recording what the conference decided.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.conference.peer_mentions import peer_mentions
from roth_desktop.conference.plan_warning import PlanWarning
from roth_desktop.conference.running import contexts_of
from roth_desktop.models import (
    Conference,
    ConferenceOutcome,
    GoalLink,
    Need,
    NeedStatus,
    PlanAction,
    PlanGoal,
    Safety,
)


def plan_warnings(session: Session, conference_id: str, pack: ContentPack) -> list[PlanWarning]:
    found: list[PlanWarning] = []
    goals = list(
        session.scalars(
            select(PlanGoal)
            .where(PlanGoal.conference_id == conference_id)
            .order_by(PlanGoal.heading, PlanGoal.position)
        )
    )
    links = list(session.scalars(select(GoalLink).where(GoalLink.conference_id == conference_id)))
    linked_goals = {link.goal_id for link in links}
    for goal in goals:
        if goal.id not in linked_goals:
            found.append(
                PlanWarning(
                    "plan_goal",
                    goal.id,
                    f"The goal “{_short(goal.text)}” is not linked to a need or a context.",
                )
            )
    actions = session.scalars(select(PlanAction).where(PlanAction.conference_id == conference_id))
    for action in actions:
        missing = []
        if not (action.agency_id or action.professional_id or action.person.strip()):
            missing.append("who will do it")
        if action.due_on is None:
            missing.append("by when")
        if not action.how_we_know.strip():
            missing.append("how we will know it worked")
        if missing:
            found.append(
                PlanWarning(
                    "plan_action",
                    action.id,
                    f"The action “{_short(action.what)}” does not say {_join(missing)}.",
                )
            )
    needs_with_goals = {link.need_id for link in links if link.need_id}
    for need in session.scalars(select(Need).where(Need.conference_id == conference_id)):
        if need.status not in (NeedStatus.UNMET, NeedStatus.PARTLY_MET):
            continue
        need_area = pack.need(need.area)
        label = need_area.label("en") if need_area else need.area
        if not (need.responsible.strip() or need.responsible_agency_id):
            found.append(
                PlanWarning("need", need.id, f"No one is named as responsible for “{label}”.")
            )
        if need.id not in needs_with_goals:
            found.append(
                PlanWarning(
                    "need",
                    need.id,
                    f"The need “{label}” is {need.status.label.lower()} but no goal answers it.",
                )
            )
    contexts_with_goals = {link.context_id for link in links if link.context_id}
    for area in contexts_of(session, conference_id):
        if area.safety in (Safety.UNSAFE, Safety.MIXED) and area.id not in contexts_with_goals:
            found.append(
                PlanWarning(
                    "context_area",
                    area.id,
                    f"“{area.name}” is {area.safety.label.lower()} "
                    "but no goal builds safety there.",
                )
            )
    found += peer_mentions(session, conference_id)
    return found


def pathway_prompt(session: Session, conference_id: str) -> str:
    """A gentle question when the map and the chosen pathway point different ways.

    The map's most influential unsafe context says where the harm comes from: home
    points to the traditional pathway, anywhere else to ROTH. Young people move
    between the two as that changes, so the app raises it and the room decides.
    """
    conference = session.get(Conference, conference_id)
    if conference is None or conference.outcome is None:
        return ""
    unsafe = [
        area
        for area in contexts_of(session, conference_id)
        if area.safety in (Safety.UNSAFE, Safety.MIXED)
    ]
    if not unsafe:
        return ""
    top = max(unsafe, key=lambda area: area.weight)
    if top.context_key == "home" and conference.outcome == ConferenceOutcome.ROTH_PLAN:
        return (
            f"The map shows “{top.name}” as the most influential unsafe context. "
            "Does the traditional child protection pathway fit better? Record the room's view."
        )
    if top.context_key != "home" and conference.outcome == ConferenceOutcome.TRADITIONAL_PLAN:
        return (
            f"The map shows “{top.name}”, outside the home, as the most influential unsafe "
            "context. Would the ROTH pathway fit better? Record the room's view."
        )
    return ""


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]
