"""What a conference records, made up at volume for the ten-year benchmark workspace.

Each conference gets what a real one holds: the map's seven contexts weighted to
exactly 100% and a few links between them, the six needs, the young person's
picture and the family's words, partner information (some of it restricted),
harm, a plan of goals each tied to a need or context with two actions, and the
chair's minutes. A review carries the map, needs and unfinished goals forward
from the conference before, each remembering where it came from, as the app does.

Everything is built as objects linked to each other (no queries), so a whole
year's conferences flush together in one session. Every word is invented.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference import weights
from roth_desktop.conference.content_pack import ContentPack, Question, default_pack
from roth_desktop.models import (
    ActionStatus,
    Agency,
    AgencyKind,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    ContextArea,
    ContextLink,
    FamilyMember,
    GoalLink,
    GoalProgress,
    HarmCategory,
    HarmEntry,
    HarmTiming,
    InfoNature,
    MinuteEntry,
    Need,
    NeedStatus,
    PartnerItem,
    PlanAction,
    PlanGoal,
    PlanHeading,
    Professional,
    ProfileItem,
    ProfileKind,
    Safety,
    Voice,
    VoiceChannel,
    VoiceKind,
    VoiceSpeaker,
)

GOALS = 4
ACTIONS_PER_GOAL = 2
LINKS = 3
PARTNER_ITEMS = 6
HARM_ENTRIES = 3
PROFILE_ITEMS = 4
VOICES = 4
MINUTES = 10

SAFE_BECAUSE = (
    "Trusted adults are around and know where they are.",
    "A coach who notices when something is wrong.",
    "Mum checks in by text and they answer.",
    "Staff walk them to the bus stop after school.",
    "They feel listened to here.",
    "Daylight, busy and well lit.",
)
UNSAFE_BECAUSE = (
    "Older young people hang around after dark.",
    "Messages from people they have not met in person.",
    "Pressure to carry things for others.",
    "No adult is responsible for the space in the evenings.",
    "Fights have started here before.",
    "Being asked to go missing overnight.",
)
GUARDIANS = (
    "Youth worker on Tuesdays and Thursdays",
    "Head of year",
    "Shop staff and the park warden",
    "Grandparent nearby",
    "Football coach",
    "Neighbourhood officer",
)
LINK_LABELS = (
    "Exclusion means more time in the town centre",
    "Peer group pulls them online late at night",
    "Arguments at home lead to going missing",
    "Reduced timetable leaves afternoons free",
    "Online contacts arrange meet-ups in the park",
    "Youth club keeps them away from the station",
)
PICTURE = {
    ProfileKind.STRENGTH: ("Loyal to friends", "Good with younger children", "Determined"),
    ProfileKind.INTEREST: ("Boxing", "Drawing comics", "Music production", "Cooking"),
    ProfileKind.MATTERS: ("Their little brother", "Keeping their phone", "Seeing their nan"),
    ProfileKind.DESCRIBED_AS: ("Funny once they know you", "Quiet in big groups", "Kind"),
}
YOUNG_PERSON_WORDS = (
    "I just want people to stop asking me the same questions.",
    "School is better when I'm in the art room.",
    "I don't go to the station any more.",
    "I'd like to do my boxing again.",
    "Nobody asked me what I wanted last time.",
    "I feel safe at my nan's.",
)
FAMILY_WORDS = (
    "We want them home by nine and we want to know who they are with.",
    "The report says they were out all night, but they were at their cousin's.",
    "I've taken the phone at night and it has helped.",
    "We need help with the school, not more meetings.",
    "I'm scared when they don't answer.",
)
PARTNER_TEXT = (
    "Attendance is 62% this term, mostly missed afternoons.",
    "Seen with older youths near the retail park on three evenings.",
    "Attended four of six youth work sessions and engaged well.",
    "Presented at A&E with a cut hand; account given was consistent.",
    "Stopped and searched; nothing found.",
    "Fixed-term exclusion for five days after a fight on the field.",
    "Referred to the substance misuse service; first appointment offered.",
    "Social media account linked to a group under investigation.",
)
HARM_TEXT = (
    "Assaulted near the bus station; injuries treated at hospital.",
    "Found with a large sum of cash they could not explain.",
    "Went missing for two nights and was found out of the county.",
    "Images shared online without their consent.",
    "Threatened by older young people over a debt.",
)
GOAL_TEXT = {
    PlanHeading.NEEDS: (
        "Back in full-time education with support they trust.",
        "An assessment of their learning needs is completed.",
        "The family can afford the bus and the club fees.",
        "They get help with sleep and low mood.",
    ),
    PlanHeading.GUARDIANSHIP: (
        "Adults at school and the youth club share what they notice.",
        "Someone they trust is there on the walk home.",
        "Mum and Dad know the safety plan for evenings.",
    ),
    PlanHeading.ENVIRONMENT: (
        "The retail park is safer after dark.",
        "The online group that targets them is reported and closed.",
        "The park has a staffed youth session on Fridays.",
    ),
}
ACTION_TEXT = (
    "Arrange a meeting with the head of year about the timetable.",
    "Refer to the youth club's Friday session.",
    "Share the vehicle registrations with the neighbourhood team.",
    "Complete the education health and care needs assessment request.",
    "Visit weekly and see them alone each time.",
    "Apply for a bus pass and club fee support.",
    "Offer the family a safety planning session.",
    "Ask the platform to remove the account.",
)
HOW_WE_KNOW = (
    "Attendance above 90% for four weeks.",
    "They tell their worker the walk home feels safer.",
    "No missing episodes before the next review.",
    "",
)
MINUTE_TEXT = (
    "Everyone introduced themselves and the purpose was explained.",
    "The young person chose to speak first.",
    "The family corrected the chronology about the summer.",
    "Agreed the map: peers and the town centre weigh most.",
    "School shared the attendance figures.",
    "Discussed what makes the walk home unsafe.",
    "Needs checklist completed; education unmet.",
    "Views on the decision taken from everyone present.",
    "Plan agreed with named people for each action.",
    "Core group date set and review booked.",
)
RELAYED_BY = ("Their advocate", "Their social worker", "The youth worker")


def _initials(rng: random.Random) -> str:
    return ", ".join(
        ".".join(rng.sample(string.ascii_uppercase, rng.randint(1, 2))) + "."
        for _ in range(rng.randint(1, 3))
    )


def _answer(rng: random.Random, question: Question, on: date) -> Any:
    if question.type == "bool":
        return rng.random() < 0.5
    if question.type == "number":
        return rng.randint(0, 30)
    if question.type == "choice":
        return rng.choice(question.choices).key
    if question.type == "date":
        return (on - timedelta(days=rng.randint(7, 200))).isoformat()
    return rng.choice(("", "Not yet known.", "Discussed; see the plan.", "Improving lately."))


@dataclass
class Staff:
    """The agencies and professionals one session can link to."""

    agencies: list[Agency]
    police: list[Agency]
    professionals: list[Professional]
    chair: Professional | None

    @classmethod
    def load(cls, session: Session) -> Staff:
        agencies = list(session.scalars(select(Agency).order_by(Agency.name)))
        professionals = list(session.scalars(select(Professional).order_by(Professional.name)))
        chair = next((p for p in professionals if "chair" in p.job_title.lower()), None)
        police = [a for a in agencies if a.kind == AgencyKind.POLICE] or agencies
        return cls(agencies, police, professionals, chair)


@dataclass
class Filled:
    """One conference's content, for the review after it to carry forward."""

    conference: Conference
    areas: dict[str, ContextArea] = field(default_factory=dict)
    needs: dict[str, Need] = field(default_factory=dict)
    goals: list[tuple[PlanGoal, list[str], list[PlanAction]]] = field(default_factory=list)


class ConferenceContent:
    def __init__(self, rng: random.Random, staff: Staff, pack: ContentPack | None = None) -> None:
        self.rng = rng
        self.staff = staff
        self.pack = pack or default_pack()

    def fill(
        self,
        conference: Conference,
        family: list[FamilyMember],
        previous: Filled | None,
        *,
        agreed: bool,
    ) -> tuple[list[object], Filled]:
        """Rows for one conference (a draft: the caller agrees it once they are added)."""
        pack = self.pack
        conference.content_pack_id = pack.id
        conference.content_pack_version = pack.version
        conference.current_step = pack.steps[-1].key if agreed else pack.steps[0].key
        conference.chair = self.staff.chair
        conference.location = "Fernleigh Civic Centre, Room 3"
        if previous is not None and conference.kind != ConferenceKind.INITIAL:
            conference.previous_conference_id = previous.conference.id
        else:
            previous = None
        filled = Filled(conference)
        rows: list[object] = []
        rows += self._map(filled, previous)
        rows += self._needs(filled, previous)
        rows += self._picture_and_voices(conference, family)
        rows += self._partners(filled)
        rows += self._harm(conference)
        rows += self._plan(filled, previous)
        rows += self._minutes(conference)
        if agreed:
            self._decide(conference)
        return rows, filled

    def _map(self, filled: Filled, previous: Filled | None) -> list[object]:
        rng = self.rng
        conference = filled.conference
        raw: dict[str, float] = {}
        rows: list[object] = []
        for position, kind in enumerate(self.pack.contexts):
            old = previous.areas.get(kind.key) if previous else None
            if old is not None:
                raw[kind.key] = old.weight * rng.uniform(0.7, 1.3)
                safety = old.safety if rng.random() < 0.7 else rng.choice(list(Safety))
            else:
                raw[kind.key] = rng.expovariate(1.0)
                safety = rng.choice(list(Safety))
            area = ContextArea(
                conference=conference,
                name=kind.label("en"),
                context_key=kind.key,
                safety=safety,
                position=position,
                makes_safe=rng.choice(SAFE_BECAUSE),
                makes_unsafe=rng.choice(UNSAFE_BECAUSE) if safety != Safety.SAFE else "",
                guardians=rng.choice(GUARDIANS),
                peer_initials=_initials(rng) if kind.key == "peers" else "",
                referred_to_context_meeting=safety == Safety.UNSAFE and rng.random() < 0.3,
                carried_from_id=old.id if old is not None else None,
            )
            filled.areas[kind.key] = area
            rows.append(area)
        shares = weights.normalise(raw)
        for key, area in filled.areas.items():
            area.weight = shares[key]
        keys = list(filled.areas)
        for _ in range(LINKS):
            source, target = rng.sample(keys, 2)
            rows.append(
                ContextLink(
                    conference=conference,
                    source_id=filled.areas[source].id,
                    target_id=filled.areas[target].id,
                    label=rng.choice(LINK_LABELS),
                    restricted=rng.random() < 0.1,
                )
            )
        return rows

    def _needs(self, filled: Filled, previous: Filled | None) -> list[object]:
        rng = self.rng
        on = filled.conference.starts_at.date()
        rows: list[object] = []
        for area in self.pack.needs:
            old = previous.needs.get(area.key) if previous else None
            status = rng.choice([NeedStatus.MET, NeedStatus.PARTLY_MET, NeedStatus.UNMET])
            if old is not None and rng.random() < 0.6:
                status = old.status
            agency = rng.choice(self.staff.agencies) if self.staff.agencies else None
            need = Need(
                conference=filled.conference,
                area=area.key,
                answers={q.key: _answer(rng, q, on) for q in area.questions},
                status=status,
                summary=rng.choice(("", "Some progress since the last meeting.", "Still a gap.")),
                responsible=agency.name if agency and status != NeedStatus.MET else "",
                responsible_agency_id=agency.id if agency and status != NeedStatus.MET else None,
                carried_from_id=old.id if old is not None else None,
            )
            filled.needs[area.key] = need
            rows.append(need)
        return rows

    def _picture_and_voices(
        self, conference: Conference, family: list[FamilyMember]
    ) -> list[object]:
        rng = self.rng
        rows: list[object] = []
        for _ in range(PROFILE_ITEMS):
            kind = rng.choice(list(ProfileKind))
            rows.append(
                ProfileItem(
                    conference=conference,
                    kind=kind,
                    text=rng.choice(PICTURE[kind]),
                    said_by=rng.choice(("", "Themselves", "Mum", "Their teacher")),
                )
            )
        for n in range(VOICES):
            member = rng.choice(family) if family and rng.random() < 0.5 else None
            channel = rng.choice(
                [VoiceChannel.IN_PERSON] * 4 + [VoiceChannel.ADVOCATE, VoiceChannel.LETTER]
            )
            rows.append(
                Voice(
                    conference=conference,
                    speaker=VoiceSpeaker.PARENT_CARER if member else VoiceSpeaker.YOUNG_PERSON,
                    family_member=member,
                    channel=channel,
                    kind=rng.choice(list(VoiceKind)),
                    words=rng.choice(FAMILY_WORDS if member else YOUNG_PERSON_WORDS),
                    relayed_by=rng.choice(RELAYED_BY) if channel == VoiceChannel.ADVOCATE else "",
                    step_key="voices",
                    said_at=conference.starts_at + timedelta(minutes=12 + 4 * n),
                )
            )
        return rows

    def _partners(self, filled: Filled) -> list[object]:
        rng = self.rng
        if not self.staff.agencies:
            return []
        rows: list[object] = []
        for _ in range(PARTNER_ITEMS):
            police = rng.random() < 0.3
            agency = rng.choice(self.staff.police if police else self.staff.agencies)
            nature = rng.choice(list(InfoNature))
            area = rng.choice(list(filled.areas.values())) if rng.random() < 0.7 else None
            rows.append(
                PartnerItem(
                    conference=filled.conference,
                    agency=agency,
                    context=area,
                    nature=nature,
                    source="A neighbour" if nature == InfoNature.REPORTED else "",
                    agency_decision=rng.random() < 0.15,
                    restricted=police and rng.random() < 0.6,
                    text=rng.choice(PARTNER_TEXT),
                )
            )
        return rows

    def _harm(self, conference: Conference) -> list[object]:
        rng = self.rng
        return [
            HarmEntry(
                conference=conference,
                harm_type=rng.choice(self.pack.harm_types).key,
                timing=HarmTiming.SUFFERED if n == 0 else rng.choice(list(HarmTiming)),
                description=rng.choice(HARM_TEXT),
                restricted=rng.random() < 0.15,
            )
            for n in range(HARM_ENTRIES)
        ]

    def _owner(self) -> dict[str, Any]:
        rng = self.rng
        if self.staff.professionals and rng.random() < 0.6:
            person = rng.choice(self.staff.professionals)
            return {"professional": person, "agency_id": person.agency_id}
        if self.staff.agencies and rng.random() < 0.7:
            return {"agency": rng.choice(self.staff.agencies)}
        return {"person": rng.choice(("Mum", "Dad", "Their football coach", "Nan"))}

    def _plan(self, filled: Filled, previous: Filled | None) -> list[object]:
        rng = self.rng
        conference = filled.conference
        on = conference.starts_at.date()
        rows: list[object] = []
        carried = [
            entry
            for entry in (previous.goals if previous else [])
            if entry[0].progress not in (GoalProgress.ACHIEVED, GoalProgress.STOPPED)
        ]
        for position in range(GOALS):
            if position < len(carried):
                old_goal, targets, old_actions = carried[position]
                heading, text = old_goal.heading, old_goal.text
                progress = rng.choice(
                    [GoalProgress.CARRIED_FORWARD, GoalProgress.PROGRESSING] * 3
                    + [GoalProgress.ACHIEVED, GoalProgress.ACHIEVED, GoalProgress.STOPPED]
                )
                carried_from: str | None = old_goal.id
            else:
                heading = rng.choice(list(PlanHeading))
                text = rng.choice(GOAL_TEXT[heading])
                progress = GoalProgress.NEW
                carried_from = None
                old_actions = []
                if heading == PlanHeading.NEEDS:
                    targets = [rng.choice(list(filled.needs))]
                else:
                    targets = [rng.choice(list(filled.areas))]
            goal = PlanGoal(
                conference=conference,
                heading=heading,
                text=text,
                progress=progress,
                position=position,
                carried_from_id=carried_from,
            )
            rows.append(goal)
            for target in targets:
                # The ids as well as the objects: a link is checked (one need or one
                # context) before the flush fills the ids in from the objects.
                need = filled.needs.get(target)
                area = filled.areas.get(target)
                rows.append(
                    GoalLink(
                        conference=conference,
                        goal=goal,
                        need=need,
                        need_id=need.id if need else None,
                        context=area,
                        context_id=area.id if area else None,
                    )
                )
            actions: list[PlanAction] = []
            for n in range(ACTIONS_PER_GOAL):
                old_action = old_actions[n] if n < len(old_actions) else None
                action = PlanAction(
                    conference=conference,
                    goal=goal,
                    what=old_action.what if old_action else rng.choice(ACTION_TEXT),
                    due_on=on + timedelta(days=rng.randint(7, 42)),
                    how_we_know=rng.choice(HOW_WE_KNOW),
                    status=rng.choice(list(ActionStatus))
                    if old_action
                    else ActionStatus.NOT_STARTED,
                    carried_from_id=old_action.id if old_action else None,
                    **self._owner(),
                )
                actions.append(action)
                rows.append(action)
            filled.goals.append((goal, targets, actions))
        return rows

    def _minutes(self, conference: Conference) -> list[object]:
        rng = self.rng
        steps = self.pack.steps
        rows: list[object] = []
        for n in range(MINUTES):
            step = steps[min(n * len(steps) // MINUTES, len(steps) - 1)]
            rows.append(
                MinuteEntry(
                    conference=conference,
                    step_key=step.key,
                    recorded_at=conference.starts_at + timedelta(minutes=3 + 9 * n),
                    text=MINUTE_TEXT[n % len(MINUTE_TEXT)],
                    restricted=rng.random() < 0.05,
                )
            )
        return rows

    def _decide(self, conference: Conference) -> None:
        rng = self.rng
        day = conference.starts_at.date()
        harm = rng.random() < 0.85
        conference.significant_harm = harm
        conference.harm_category = rng.choice(list(HarmCategory)) if harm else None
        conference.outside_home = harm
        conference.outcome = (
            ConferenceOutcome.ROTH_PLAN
            if harm
            else rng.choice([ConferenceOutcome.CHILD_IN_NEED, ConferenceOutcome.EARLY_HELP])
        )
        conference.young_person_view = rng.choice(YOUNG_PERSON_WORDS)
        conference.family_view = rng.choice(FAMILY_WORDS)
        conference.core_group_on = day + timedelta(days=10)
        conference.review_on = day + timedelta(weeks=6)
        conference.visit_frequency = "Weekly"


def agree(conference: Conference) -> None:
    """Close a conference whose content has been added (in this same session)."""
    conference.status = ConferenceStatus.AGREED
    conference.agreed_at = conference.starts_at + timedelta(hours=2, minutes=30)
