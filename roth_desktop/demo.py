"""A fictional demo workspace. Every person, school and service here is invented.

Dates are set relative to today so the demo always shows the same situations:
an initial ROTH conference coming up, a young person on a ROTH plan after two
conferences, and one who moved across from the traditional pathway. Meetings
and visits happen on working days: a date that lands on a weekend or a bank
holiday moves to the working day before, as the app moves a deadline, so the
same situations stay in time (or late) whatever day the demo is made.

Timescales show as they would in practice: Kai is seen about weekly (once he
was out, and the visit did not count), so his next visit is due within days;
nobody has recorded a visit to Mira since her plan began, so hers is overdue;
and Kai turns 18 in about four months with one route to adult support decided.

The past conferences hold what a chair would have recorded in the room: the
picture of the young person, the family's own words, the weighted map, partner
information (some of it restricted), needs, harm, the decision with each view,
the plan and the minutes. Each is filled in first and agreed last, because an
agreed conference refuses any further change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.assessments.sharing import record_correction, share_with_family
from roth_desktop.conference import running
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.models import (
    ActionStatus,
    Agency,
    AgencyKind,
    Assessment,
    Attendance,
    AttendanceStatus,
    AttendeeRole,
    Case,
    CaseProfessional,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    ContextArea,
    ContextLink,
    DecisionView,
    FamilyMember,
    Gender,
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
    Pathway,
    PathwayTransfer,
    PlanAction,
    PlanGoal,
    PlanHeading,
    Professional,
    ProfileItem,
    ProfileKind,
    Safety,
    TransitionRoute,
    ViewPosition,
    Visit,
    Voice,
    VoiceChannel,
    VoiceKind,
    VoiceSpeaker,
    YoungPerson,
)
from roth_desktop.models.base import predictable_ids
from roth_desktop.models.conference_part import owner_fields
from roth_desktop.timescales.working_days import WorkingDayCalendar
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace

DEMO_ACTOR = "Demo set-up"


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0))


def _years_ago(years: int, days: int = 0) -> date:
    now = today()
    return date(now.year - years, now.month, min(now.day, 28)) - timedelta(days=days)


def _working(day: date) -> date:
    """``day``, or the working day before it (England's bank holidays)."""
    calendar = WorkingDayCalendar()
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


# -- what a past conference recorded, as data ----------------------------------------------


@dataclass(frozen=True)
class _Area:
    """One context on the map: its safety, its relative influence and what shapes it."""

    safety: Safety
    share: int
    makes_safe: str = ""
    makes_unsafe: str = ""
    guardians: str = ""
    peers: str = ""
    name: str = ""
    referred: bool = False


@dataclass(frozen=True)
class _Words:
    """Words said in the conference; ``who`` is a family member's name, or "" for the
    young person."""

    words: str
    who: str = ""
    kind: VoiceKind = VoiceKind.VIEW
    channel: VoiceChannel = VoiceChannel.IN_PERSON
    relayed_by: str = ""


@dataclass(frozen=True)
class _Info:
    agency: str
    text: str
    nature: InfoNature = InfoNature.FACT
    source: str = ""
    context: str = ""
    decision: bool = False
    restricted: bool = False


@dataclass(frozen=True)
class _Need:
    status: NeedStatus
    answers: dict[str, Any]
    summary: str = ""
    who: str = ""
    escalation: str = ""


@dataclass(frozen=True)
class _Action:
    what: str
    who: str
    due_days: int
    how_we_know: str
    status: ActionStatus = ActionStatus.NOT_STARTED


@dataclass(frozen=True)
class _Goal:
    heading: PlanHeading
    text: str
    # Need area keys or context keys (the pack keeps the two sets apart).
    responds_to: tuple[str, ...]
    actions: tuple[_Action, ...] = ()
    progress: GoalProgress = GoalProgress.NEW


@dataclass(frozen=True)
class _Decision:
    category: HarmCategory
    outcome: ConferenceOutcome
    young_person_view: str
    family_view: str
    outside_home: bool = True
    views: tuple[tuple[str, ViewPosition, str], ...] = ()


@dataclass(frozen=True)
class _Visit:
    """A visit ``days_ago`` (on the working day on or before): was the young person seen?"""

    days_ago: int
    place: str
    who_seen: str
    seen: bool = True
    alone: bool = False


class _Demo:
    def __init__(self, session: Session, content: bool = True) -> None:
        self.s = session
        self.now = today()
        self.content = content
        self.pack = default_pack()
        self.orgs: dict[str, Agency] = {}
        self.staff: dict[str, Professional] = {}
        self.members: dict[str, FamilyMember] = {}
        self.to_agree: list[Conference] = []

    # -- the people ----------------------------------------------------------------------

    def agency(self, name: str, kind: AgencyKind) -> Agency:
        agency = Agency(name=name, kind=kind)
        self.s.add(agency)
        self.orgs[name] = agency
        return agency

    def professional(self, agency: Agency, name: str, title: str) -> Professional:
        person = Professional(
            agency=agency,
            name=name,
            job_title=title,
            email=name.lower().replace(" ", ".") + "@example.org",
        )
        self.s.add(person)
        self.staff[name] = person
        return person

    def family(
        self, yp: YoungPerson, name: str, relation: str, pr: bool = False, partner: bool = True
    ) -> FamilyMember:
        member = FamilyMember(
            young_person=yp,
            name=name,
            relationship_to_young_person=relation,
            parental_responsibility=pr,
            plan_partner=partner,
        )
        self.s.add(member)
        self.members[name] = member
        return member

    def conference(
        self,
        case: Case,
        kind: ConferenceKind,
        day: date,
        chair: Professional,
        agreed: bool,
        people: list[tuple[str, AttendeeRole, str, AttendanceStatus]],
    ) -> Conference:
        # With content, a past conference is filled in as a draft and agreed at the end
        # (see agree_all); without, it is stored agreed straight away, as it always was.
        conference = Conference(
            case=case,
            kind=kind,
            starts_at=_at(day),
            chair=chair,
            location="Fernleigh Civic Centre, Room 3",
            status=ConferenceStatus.AGREED
            if agreed and not self.content
            else ConferenceStatus.DRAFT,
        )
        self.s.add(conference)
        if agreed and self.content:
            self.to_agree.append(conference)
        for name, role, organisation, status in people:
            self.s.add(
                Attendance(
                    conference=conference,
                    name=name,
                    role=role,
                    organisation=organisation,
                    status=status,
                )
            )
        return conference

    # -- a past conference's content, step by step --------------------------------------

    def start(self, conference: Conference) -> None:
        """Begin it from the pack (a review from the conference before), as the app does."""
        self.s.flush()
        running.begin(self.s, conference.id, self.pack)
        conference.current_step = self.pack.steps[-1].key

    def _time(self, owner: Conference | Assessment, minutes: int) -> datetime:
        if isinstance(owner, Assessment):  # words a worker wrote down on a visit
            return datetime.combine(owner.started_on, time(16)) + timedelta(minutes=minutes)
        return owner.starts_at + timedelta(minutes=minutes)

    def due(self, conference: Conference, days: int) -> date:
        return conference.starts_at.date() + timedelta(days=days)

    def _areas(self, owner: Conference | Assessment) -> dict[str, ContextArea]:
        return {a.context_key: a for a in running.contexts_of(self.s, owner.id)}

    def _needs(self, owner: Conference | Assessment) -> dict[str, Need]:
        rows = self.s.scalars(select(Need).where(Need.owned_by(owner.id)))
        return {n.area: n for n in rows}

    def _owner(self, who: str) -> dict[str, Any]:
        """An action's or need's owner: a professional, an agency, or a named person."""
        if who in self.staff:
            person = self.staff[who]
            return {"professional_id": person.id, "agency_id": person.agency.id}
        if who in self.orgs:
            return {"agency_id": self.orgs[who].id}
        return {"person": who}

    def picture(
        self, conference: Conference | Assessment, items: list[tuple[ProfileKind, str, str]]
    ) -> None:
        for kind, text, said_by in items:
            self.s.add(
                ProfileItem(
                    **owner_fields(self.s, conference.id), kind=kind, text=text, said_by=said_by
                )
            )

    def voices(self, conference: Conference | Assessment, items: list[_Words]) -> None:
        for n, item in enumerate(items):
            member = self.members.get(item.who)
            if member is None:
                speaker = VoiceSpeaker.YOUNG_PERSON
            elif member.parental_responsibility:
                speaker = VoiceSpeaker.PARENT_CARER
            else:
                speaker = VoiceSpeaker.FAMILY_NETWORK
            self.s.add(
                Voice(
                    **owner_fields(self.s, conference.id),
                    speaker=speaker,
                    family_member_id=member.id if member else None,
                    channel=item.channel,
                    kind=item.kind,
                    words=item.words,
                    relayed_by=item.relayed_by,
                    step_key="voices",
                    said_at=self._time(conference, 15 + 4 * n),
                )
            )

    def context_map(
        self,
        conference: Conference | Assessment,
        spec: dict[str, _Area],
        links: list[tuple[str, str, str]],
    ) -> None:
        """Describe every context, weight them (exactly 100%) and add how they interact."""
        areas = self._areas(conference)
        for key, want in spec.items():
            area = areas[key]
            area.name = want.name or area.name
            area.safety = want.safety
            area.makes_safe = want.makes_safe
            area.makes_unsafe = want.makes_unsafe
            area.guardians = want.guardians
            area.peer_initials = want.peers
            area.referred_to_context_meeting = want.referred
        running.set_shares(
            self.s, conference.id, {areas[key].id: want.share for key, want in spec.items()}
        )
        for source, target, label in links:
            self.s.add(
                ContextLink(
                    **owner_fields(self.s, conference.id),
                    source_id=areas[source].id,
                    target_id=areas[target].id,
                    label=label,
                )
            )

    def partner_information(self, conference: Conference | Assessment, items: list[_Info]) -> None:
        areas = self._areas(conference)
        for item in items:
            self.s.add(
                PartnerItem(
                    **owner_fields(self.s, conference.id),
                    agency_id=self.orgs[item.agency].id,
                    context_id=areas[item.context].id if item.context else None,
                    nature=item.nature,
                    source=item.source,
                    agency_decision=item.decision,
                    restricted=item.restricted,
                    text=item.text,
                )
            )

    def needs(
        self, conference: Conference | Assessment, spec: dict[str, _Need], rest: _Need | None = None
    ) -> None:
        """Answer the checklist; ``rest`` answers every area asked about but not listed."""
        for area, need in self._needs(conference).items():
            want = spec.get(area, rest)
            if want is None:
                continue
            owner = self._owner(want.who) if want.who else {}
            need.status = want.status
            need.answers = dict(want.answers)
            need.summary = want.summary
            need.escalation = want.escalation
            need.responsible = want.who
            need.responsible_agency_id = owner.get("agency_id")

    def harm(
        self, conference: Conference | Assessment, items: list[tuple[str, HarmTiming, str, bool]]
    ) -> None:
        for harm_type, timing, description, restricted in items:
            self.s.add(
                HarmEntry(
                    **owner_fields(self.s, conference.id),
                    harm_type=harm_type,
                    timing=timing,
                    description=description,
                    restricted=restricted,
                )
            )

    def decide(self, conference: Conference, decision: _Decision) -> None:
        conference.significant_harm = True
        conference.harm_category = decision.category
        conference.outside_home = decision.outside_home
        conference.outcome = decision.outcome
        conference.young_person_view = decision.young_person_view
        conference.family_view = decision.family_view
        present = {a.name: a for a in conference.attendance}
        for name, position, reasons in decision.views:
            here = present[name]
            self.s.add(
                DecisionView(
                    conference_id=conference.id,
                    attendance_id=here.id,
                    name=name,
                    organisation=here.organisation,
                    position=position,
                    reasons=reasons,
                )
            )

    def plan(self, conference: Conference, goals: list[_Goal]) -> None:
        needs = self._needs(conference)
        areas = self._areas(conference)
        for position, want in enumerate(goals):
            goal = PlanGoal(
                conference_id=conference.id,
                heading=want.heading,
                text=want.text,
                progress=want.progress,
                position=100 + position,
            )
            self.s.add(goal)
            for key in want.responds_to:
                target = (
                    {"need_id": needs[key].id} if key in needs else {"context_id": areas[key].id}
                )
                self.s.add(GoalLink(conference_id=conference.id, goal_id=goal.id, **target))
            for action in want.actions:
                self.s.add(
                    PlanAction(
                        conference_id=conference.id,
                        goal_id=goal.id,
                        what=action.what,
                        due_on=self.due(conference, action.due_days),
                        how_we_know=action.how_we_know,
                        status=action.status,
                        **self._owner(action.who),
                    )
                )

    def review_plan(
        self,
        conference: Conference,
        goals: dict[str, GoalProgress],
        actions: dict[str, ActionStatus],
    ) -> None:
        """Record progress on the goals and actions a review carried forward.

        Each key is the start of a goal's or an action's text.
        """
        for goal in self.s.scalars(select(PlanGoal).where(PlanGoal.conference_id == conference.id)):
            goal.progress = next(
                (p for start, p in goals.items() if goal.text.startswith(start)), goal.progress
            )
            for action in goal.actions:
                action.status = next(
                    (s for start, s in actions.items() if action.what.startswith(start)),
                    action.status,
                )

    def next_steps(
        self, conference: Conference, review_weeks: int = 6, transition: str = ""
    ) -> None:
        day = conference.starts_at.date()
        conference.core_group_on = _working(day + timedelta(days=10))
        conference.review_on = _working(day + timedelta(weeks=review_weeks))
        conference.visit_frequency = "Weekly"
        conference.transition_notes = transition

    def minutes(
        self, conference: Conference, notes: list[tuple[str, str]], restricted: str = ""
    ) -> None:
        """The chair's notes, step by step; ``restricted`` is one note the family never sees."""
        for n, (step, text) in enumerate(notes):
            self.s.add(
                MinuteEntry(
                    conference_id=conference.id,
                    step_key=step,
                    recorded_at=self._time(conference, 2 + 9 * self.pack.step_index(step) + n % 3),
                    text=text,
                )
            )
        if restricted:
            self.s.add(
                MinuteEntry(
                    conference_id=conference.id,
                    step_key="partner_information",
                    recorded_at=self._time(conference, 50),
                    text=restricted,
                    restricted=True,
                )
            )

    def agree_all(self) -> None:
        """Agree the past conferences, now that everything they recorded is in."""
        for conference in self.to_agree:
            running.agree(self.s, conference.id, at=self._time(conference, 150))

    def visits(
        self,
        case: Case,
        worker: Professional,
        items: list[_Visit],
        assessment: Assessment | None = None,
    ) -> None:
        for visit in items:
            self.s.add(
                Visit(
                    case=case,
                    visited_on=_working(self.now - timedelta(days=visit.days_ago)),
                    place=visit.place,
                    who_seen=visit.who_seen,
                    young_person_seen=visit.seen,
                    seen_alone=visit.alone,
                    professional=worker,
                    assessment_id=assessment.id if assessment else None,
                )
            )


# -- Mira Haddad: an initial conference, then a review six weeks on --------------------------

_TUTOR, _OFFICER, _NURSE = "Grace Penhallow", "Sam Lindqvist", "Ruth Ambrose"
_MIRA_SW, _YOUTH_WORKER = "Priya Raman", "Jess Calloway"
_MUM, _BROTHER = "Samira Haddad", "Yusuf Haddad"


def _mira_initial(d: _Demo, conference: Conference) -> None:
    d.start(conference)
    d.picture(
        conference,
        [
            (
                ProfileKind.STRENGTH,
                "Loyal: the friend people ring when something goes wrong.",
                _MUM,
            ),
            (ProfileKind.STRENGTH, "Talented at drawing; her henna designs are in demand.", _TUTOR),
            (ProfileKind.INTEREST, "Art, especially portraits; netball; baking with her aunt.", ""),
            (
                ProfileKind.MATTERS,
                "Her family, her little cousins, and being treated as grown up.",
                "",
            ),
            (
                ProfileKind.DESCRIBED_AS,
                "Funny, stubborn and kind. She walks into a room and makes everyone laugh.",
                _BROTHER,
            ),
        ],
    )
    d.voices(
        conference,
        [
            _Words(
                "I'm not a kid. Everyone goes to the bus station after college because there's "
                "nowhere else. I just want people to stop talking about me like I'm a problem."
            ),
            _Words(
                "Mira asked me to say she wants to go back to a full timetable and do art. She "
                "doesn't want police officers in uniform coming to the house.",
                kind=VoiceKind.WISH,
                channel=VoiceChannel.ADVOCATE,
                relayed_by="Nadia Fares, independent advocate",
            ),
            _Words(
                "She is a good girl with a big heart. The men at the bus station are the "
                "problem, not my daughter. I want them kept away from her.",
                who=_MUM,
            ),
            _Words(
                "The police report says Mira was missing all night three weeks ago. She was at "
                "her aunt's house on Hollins Road; I knew where she was and I rang to say so.",
                who=_MUM,
                kind=VoiceKind.CORRECTION,
            ),
            _Words(
                "I changed my shifts so I am home by six. Yusuf collects her from college on "
                "Thursdays and Fridays, and the Wi-Fi goes off at midnight.",
                who=_MUM,
                kind=VoiceKind.SAFETY_EFFORT,
            ),
            _Words(
                "She listens to me more than to Mum. I'll keep picking her up, but she needs "
                "somewhere to be in the evenings that isn't the bus station.",
                who=_BROTHER,
                channel=VoiceChannel.LETTER,
            ),
        ],
    )
    d.context_map(
        conference,
        {
            "home": _Area(
                Safety.SAFE,
                8,
                makes_safe="Mum waits up; meals together; her brother picks her up.",
                makes_unsafe="Rows about curfew sometimes end with Mira walking out.",
                guardians="Samira (Mum), Yusuf (brother), her aunt on Hollins Road",
            ),
            "peers": _Area(
                Safety.MIXED,
                17,
                makes_safe="A friend since Year 7 texts Mum when she is worried.",
                makes_unsafe="A friend introduces her to older men at the bus station.",
                peers="J.B., KT",
            ),
            "school": _Area(
                Safety.MIXED,
                15,
                makes_safe="She is settled in the art studio with staff she knows.",
                makes_unsafe="Mornings only since the suspension: free every afternoon.",
                guardians="Grace Penhallow (student support tutor), the art technician",
            ),
            "places": _Area(
                Safety.UNSAFE,
                30,
                name="Fernleigh bus station and town centre",
                makes_safe="Station staff know her by name; the café on the ground floor.",
                makes_unsafe="Older men gather on the upper level after six; the back "
                "entrance of the Kingsgate shopping centre is unlit.",
                guardians="Bus station staff, Kingsgate security, Open Door detached youth work",
                referred=True,
            ),
            "online": _Area(
                Safety.UNSAFE,
                20,
                makes_unsafe="Adults she has never met message her on Snapchat offering lifts "
                "and vapes, and ask for pictures.",
                guardians="Mum, who now checks in about who she is talking to",
            ),
            "relationships": _Area(
                Safety.MIXED,
                6,
                makes_unsafe="An older 'boyfriend' (19) she met through a friend.",
                makes_safe="She talks to her aunt about relationships.",
            ),
            "community": _Area(
                Safety.SAFE,
                4,
                makes_safe="Library art club on Saturdays; the mosque youth group.",
                guardians="Library staff, the youth group leaders",
            ),
        },
        [
            ("school", "places", "Reduced timetable → free afternoons at the bus station"),
            ("peers", "online", "Friends → introductions to older men online"),
            ("online", "places", "Messages online → meeting up in the town centre"),
            ("home", "places", "Rows about curfew → staying out later"),
        ],
    )
    d.partner_information(
        conference,
        [
            _Info(
                "Fernleigh College",
                "Mira was suspended for five days after a fight on the college site, and came "
                "back on mornings only (10 hours a week).",
                context="school",
                decision=True,
            ),
            _Info(
                "Fernleigh College",
                "Her tutor thinks she is safest and most settled in the art studio.",
                nature=InfoNature.OPINION,
                context="school",
            ),
            _Info(
                "Fernleigh Neighbourhood Policing Team",
                "Mira was seen on the upper level of the bus station after 9pm on three "
                "evenings last month, with a group of older men.",
                nature=InfoNature.REPORTED,
                source="Bus station duty manager",
                context="places",
            ),
            _Info(
                "Fernleigh Neighbourhood Policing Team",
                "Police information: one of the adults seen with Mira is being investigated "
                "for the exploitation of another young person, R.T.",
                context="places",
                restricted=True,
            ),
            _Info(
                "Fernleigh Community Health",
                "Mira was referred to CAMHS for low mood and poor sleep; the wait is about "
                "18 weeks.",
            ),
        ],
    )
    d.needs(
        conference,
        {
            "education": _Need(
                NeedStatus.UNMET,
                {
                    "full_time": False,
                    "hours_per_week": 10,
                    "reduced_timetable": True,
                    "exclusion": "fixed",
                    "alternative_provision": False,
                    "neet": False,
                    "safe_journey": False,
                    "notes": "Five-day suspension; mornings only since.",
                },
                "Not in full-time education; afternoons unstructured.",
                _TUTOR,
            ),
            "send_mental_health": _Need(
                NeedStatus.UNMET,
                {
                    "assessment_requested": "mental_health",
                    "requested_on": d.due(conference, -30).isoformat(),
                    "ehcp": "none",
                    "camhs": "waiting",
                    "notes": "Low mood, poor sleep.",
                },
                "Waiting for CAMHS; nothing in place meanwhile.",
                _NURSE,
            ),
            "physical_safety": _Need(
                NeedStatus.UNMET,
                {
                    "public_places": "Unsafe at the bus station and in the town centre after dark.",
                    "in_education": "Safe on the college site since the suspension.",
                    "notes": "",
                },
                "Unsafe in public places in the evenings.",
                _MIRA_SW,
            ),
            "substances": _Need(
                NeedStatus.PARTLY_MET,
                {
                    "which": "Vapes, and alcohol offered by older men",
                    "what_it_does_for_them": "Fitting in; she says it calms her down",
                    "notes": "",
                },
                "Vapes daily; alcohol sometimes.",
                _YOUTH_WORKER,
            ),
            "poverty": _Need(
                NeedStatus.PARTLY_MET,
                {
                    "unaffordable_activities": "Netball club fees and kit",
                    "pressure_to_earn": False,
                    "housing": "Two-bedroom flat; Mira shares a room with her cousin at weekends",
                    "food_and_heating": "Managing",
                    "notes": "",
                },
                "Cost keeps her out of netball.",
                _MIRA_SW,
            ),
            "other": _Need(
                NeedStatus.MET,
                {"details": "Mum would like an Arabic interpreter at every meeting; booked."},
                "Interpreter booked for every meeting.",
                _MIRA_SW,
            ),
        },
    )
    d.harm(
        conference,
        [
            (
                "missing",
                HarmTiming.SUFFERED,
                "Police records show three missing episodes in eight weeks (Mum says one was "
                "a night at her aunt's).",
                False,
            ),
            (
                "online_abuse",
                HarmTiming.SUFFERED,
                "Adults she does not know sent sexual messages and asked for pictures.",
                False,
            ),
            (
                "cse",
                HarmTiming.LIKELY,
                "Gifts, vapes and lifts from older men at the bus station: sexual exploitation "
                "is likely unless safety around those places improves.",
                False,
            ),
            (
                "cse",
                HarmTiming.LIKELY,
                "Police information links the same group to the exploitation of R.T.",
                True,
            ),
        ],
    )
    d.decide(
        conference,
        _Decision(
            HarmCategory.SEXUAL,
            ConferenceOutcome.ROTH_PLAN,
            "I don't think I need all this, but I want Mum to stop worrying. I'd rather see "
            "Jess than the police.",
            "Samira agrees with a plan if it makes the bus station safer, not just keeps Mira "
            "indoors.",
            views=(
                (_MIRA_SW, ViewPosition.AGREES, "Harm is coming from outside the home."),
                (_TUTOR, ViewPosition.AGREES, ""),
                (
                    _OFFICER,
                    ViewPosition.DISAGREES,
                    "Police view: child in need would be enough while we disrupt the adults at "
                    "the bus station.",
                ),
                (_MUM, ViewPosition.AGREES, "As long as I am part of the plan."),
                ("Amira Haddad", ViewPosition.NOT_SURE, "Wants to see what the plan means first."),
            ),
        ),
    )
    d.plan(conference, _MIRA_PLAN)
    d.next_steps(conference)
    d.minutes(
        conference,
        [
            ("welcome", "Introductions; Arabic interpreter present. Purpose explained."),
            ("picture", "Yusuf described Mira as funny, stubborn and kind."),
            ("voices", "Mira spoke for herself, then left; her advocate read the rest."),
            ("voices", "Mum corrected the missing episode: Mira was at her aunt's."),
            ("safety", "Bus station upper level named as the least safe place."),
            ("weighting", "Agreed: the bus station and town centre weigh most."),
            (
                "partner_information",
                "College explained the suspension and the mornings-only timetable.",
            ),
            ("needs", "All six need areas asked; education and mental health unmet."),
            ("harm", "Harm suffered kept apart from harm likely."),
            ("decision", "ROTH plan, sexual harm, outside the home. Police dissent recorded."),
            (
                "plan",
                "Plan built under the three headings; bus station referred to a context meeting.",
            ),
            ("next_steps", "Core group in 10 days; review in 6 weeks; weekly visits."),
        ],
        restricted="Police shared restricted information about R.T. while the family were out of "
        "the room; not to be shared with the family.",
    )


_MIRA_PLAN = [
    _Goal(
        PlanHeading.NEEDS,
        "Mira is back in full-time education, on a course she chose.",
        ("education", "school"),
        (
            _Action(
                "Agree a managed move to the art course at the Westgate campus.",
                _TUTOR,
                21,
                "Mira attends 16 hours a week for three weeks running.",
            ),
            _Action(
                "Arrange a bus pass for the college bus to Westgate.",
                _MIRA_SW,
                14,
                "Mira has the pass and uses the college bus, not the town centre route.",
            ),
        ),
    ),
    _Goal(
        PlanHeading.NEEDS,
        "Mira has support for her mood and sleep while she waits for CAMHS.",
        ("send_mental_health",),
        (
            _Action(
                "Weekly check-ins with the school nurse.",
                _NURSE,
                7,
                "Mira says she is sleeping better; the nurse's notes show fewer missed sessions.",
            ),
            _Action(
                "Ask CAMHS to review the waiting time given the risks.",
                _MIRA_SW,
                14,
                "CAMHS gives a first appointment date.",
            ),
        ),
    ),
    _Goal(
        PlanHeading.NEEDS,
        "Cost is no longer what keeps Mira out of netball.",
        ("poverty",),
        (
            _Action(
                "Apply to the Fernleigh Young People's Fund for club fees and kit.",
                _MIRA_SW,
                21,
                "Fees paid and Mira at training.",
            ),
        ),
    ),
    _Goal(
        PlanHeading.NEEDS,
        "Mira has someone to talk to about vaping and drinking, on her terms.",
        ("substances",),
        (
            _Action(
                "Fortnightly sessions with Jess at Open Door.",
                _YOUTH_WORKER,
                14,
                "Mira keeps going; she says whether it helps.",
            ),
        ),
    ),
    _Goal(
        PlanHeading.GUARDIANSHIP,
        "Trusted adults are around at the bus station and in the town centre in the evenings.",
        ("places", "physical_safety"),
        (
            _Action(
                "Detached youth work at the bus station on Thursday and Friday evenings.",
                "Open Door Youth Project",
                7,
                "Youth workers' logs show contact with Mira and her friends each week.",
            ),
            _Action(
                "Brief bus station staff on who to call if they are worried about a young person.",
                _OFFICER,
                14,
                "Staff know the number; calls are logged.",
            ),
        ),
    ),
    _Goal(
        PlanHeading.GUARDIANSHIP,
        "Mira and her family have a plan for evenings out that she agrees with.",
        ("home", "peers"),
        (
            _Action(
                "Agree a code word with Yusuf for a no-questions pick-up.",
                _MUM,
                7,
                "Mira has used it, or says she would.",
            ),
            _Action(
                "Invite Mira's supportive friend to Open Door's Tuesday art sessions with her.",
                _YOUTH_WORKER,
                14,
                "Mira and her friend go together.",
            ),
        ),
    ),
    _Goal(
        PlanHeading.GUARDIANSHIP,
        "Mira knows how to block and report adults who contact her online, and who to tell.",
        ("online", "relationships"),
        (
            _Action(
                "Online safety and healthy relationships sessions (six weeks).",
                _YOUTH_WORKER,
                42,
                "Mira shows Jess her privacy settings; she can name someone she would tell.",
            ),
        ),
    ),
    _Goal(
        PlanHeading.ENVIRONMENT,
        "The bus station's upper level is lit, staffed and no longer a meeting point for adults "
        "targeting young people.",
        ("places",),
        (
            _Action(
                "Context meeting on Fernleigh bus station with the operator and community safety.",
                _MIRA_SW,
                21,
                "The meeting agrees changes to lighting, staffing and CCTV, with dates.",
            ),
            _Action(
                "Ask the council to light the Kingsgate back entrance.",
                _OFFICER,
                28,
                "The lights are working.",
            ),
        ),
    ),
]


def _mira_review(d: _Demo, conference: Conference) -> None:
    d.start(conference)  # carries the map, needs and plan from the initial conference
    d.picture(
        conference,
        [
            (ProfileKind.STRENGTH, "Stuck with the new course when it was hard.", _TUTOR),
            (ProfileKind.INTEREST, "Her portrait of her grandmother is in the Westgate show.", ""),
            (ProfileKind.MATTERS, "Being trusted to come home on her own.", "Mira"),
            (ProfileKind.DESCRIBED_AS, "Calmer, and laughing more at home.", _MUM),
        ],
    )
    d.voices(
        conference,
        [
            _Words(
                "Westgate is better. Nobody there knows about before. I still don't like the "
                "police stuff, but Jess is all right."
            ),
            _Words(
                "Things I want: keep doing art, netball on Wednesdays, and for people to stop "
                "messaging me from new accounts.",
                kind=VoiceKind.WISH,
                channel=VoiceChannel.LETTER,
            ),
            _Words(
                "The college report says she missed two days in week three. She was at the "
                "dentist and I phoned the office both days.",
                who=_MUM,
                kind=VoiceKind.CORRECTION,
            ),
            _Words(
                "We sat down together and wrote our own rules for going out. She chose the "
                "code word. She has used it once and Yusuf went straight away.",
                who=_MUM,
                kind=VoiceKind.SAFETY_EFFORT,
            ),
            _Words(
                "She's spending more time on her phone now she isn't in town as much.",
                who=_BROTHER,
            ),
        ],
    )
    d.context_map(
        conference,
        {
            "home": _Area(
                Safety.SAFE,
                10,
                makes_safe="Family rules Mira helped write; the code word works.",
                guardians="Samira (Mum), Yusuf (brother), her aunt on Hollins Road",
            ),
            "peers": _Area(
                Safety.MIXED,
                16,
                makes_safe="A friend comes to Open Door with her on Tuesdays.",
                makes_unsafe="One friend still messages her about nights out.",
                peers="J.B., KT",
            ),
            "school": _Area(
                Safety.SAFE,
                8,
                makes_safe="Full timetable at Westgate; the college bus door to door.",
                guardians="Grace Penhallow, the Westgate art tutors, the college bus driver",
            ),
            "places": _Area(
                Safety.MIXED,
                18,
                name="Fernleigh bus station and town centre",
                makes_safe="Youth workers on the upper level on Thursday and Friday evenings.",
                makes_unsafe="The Kingsgate back entrance is still unlit.",
                guardians="Bus station staff, Kingsgate security, Open Door detached youth work",
                referred=True,
            ),
            "online": _Area(
                Safety.UNSAFE,
                32,
                makes_unsafe="The same adults now message her from new accounts, late at night.",
                guardians="Mum; Jess, who she shows the messages to",
            ),
            "relationships": _Area(
                Safety.SAFE,
                6,
                makes_safe="She ended contact with the older 'boyfriend' herself.",
                guardians="Her aunt",
            ),
            "community": _Area(
                Safety.SAFE,
                10,
                makes_safe="Netball on Wednesdays; Saturday art club at the library.",
                guardians="Her netball coach, library staff",
            ),
        },
        [("places", "online", "Less time at the bus station → more messages online")],
    )
    d.partner_information(
        conference,
        [
            _Info(
                "Fernleigh College",
                "Managed move to the Westgate art course; 16 hours a week, attendance 94%.",
                context="school",
                decision=True,
            ),
            _Info(
                "Fernleigh Neighbourhood Policing Team",
                "One sighting of Mira at the bus station in six weeks, before 7pm.",
                nature=InfoNature.REPORTED,
                source="Bus station duty manager",
                context="places",
            ),
            _Info(
                "Fernleigh Neighbourhood Policing Team",
                "Police information: the adult under investigation is on bail with conditions "
                "not to contact R.T. or go to the bus station.",
                context="places",
                restricted=True,
            ),
            _Info(
                "Open Door Youth Project",
                "Jess thinks Mira is more open about the online messages than she was.",
                nature=InfoNature.OPINION,
                context="online",
            ),
            _Info("Fernleigh Community Health", "CAMHS have offered a first appointment."),
        ],
    )
    d.needs(
        conference,
        {
            "education": _Need(
                NeedStatus.MET,
                {
                    "full_time": True,
                    "hours_per_week": 16,
                    "reduced_timetable": False,
                    "exclusion": "none",
                    "alternative_provision": False,
                    "neet": False,
                    "safe_journey": True,
                    "notes": "Managed move to the Westgate campus.",
                },
                "Full time at Westgate.",
                _TUTOR,
            ),
            "send_mental_health": _Need(
                NeedStatus.PARTLY_MET,
                {
                    "assessment_requested": "mental_health",
                    "requested_on": d.due(conference, -72).isoformat(),
                    "ehcp": "none",
                    "camhs": "open",
                    "notes": "Sleeping better; first CAMHS appointment offered.",
                },
                "CAMHS open; nurse check-ins continue.",
                _NURSE,
                escalation="The chair wrote to CAMHS about the wait; answered within a week.",
            ),
            "physical_safety": _Need(
                NeedStatus.PARTLY_MET,
                {
                    "public_places": "Safer at the bus station; the back entrance still unlit.",
                    "in_education": "Safe at Westgate.",
                    "notes": "",
                },
                "Safer in public places; online is now the worry.",
                _MIRA_SW,
            ),
            "poverty": _Need(
                NeedStatus.MET,
                {
                    "unaffordable_activities": "None now: the fund paid netball fees and kit",
                    "pressure_to_earn": False,
                    "housing": "Two-bedroom flat",
                    "food_and_heating": "Managing",
                    "notes": "",
                },
                "Netball paid for.",
                _MIRA_SW,
            ),
        },
    )
    d.harm(
        conference,
        [
            (
                "missing",
                HarmTiming.SUFFERED,
                "One late return in six weeks; no missing episodes.",
                False,
            ),
            ("online_abuse", HarmTiming.SUFFERED, "New accounts sent sexual messages.", False),
            (
                "cse",
                HarmTiming.LIKELY,
                "Still likely through online contact, less in person.",
                False,
            ),
            ("cse", HarmTiming.LIKELY, "Police information about bail conditions (R.T.).", True),
        ],
    )
    d.decide(
        conference,
        _Decision(
            HarmCategory.SEXUAL,
            ConferenceOutcome.ROTH_PLAN,
            "Fine, keep the plan, as long as it's about the messages and not about me.",
            "Samira sees real change and wants the plan to carry on until the online contact "
            "stops.",
            views=(
                (_MIRA_SW, ViewPosition.AGREES, "Progress is real; online risk has risen."),
                (_TUTOR, ViewPosition.AGREES, ""),
                (_NURSE, ViewPosition.AGREES, ""),
                (_MUM, ViewPosition.AGREES, ""),
                ("Amira Haddad", ViewPosition.AGREES, "If it's about the messages."),
            ),
        ),
    )
    d.review_plan(
        conference,
        {
            "Mira is back in full-time": GoalProgress.ACHIEVED,
            "Cost is no longer": GoalProgress.ACHIEVED,
            "Mira has support": GoalProgress.PROGRESSING,
            "Mira has someone": GoalProgress.PROGRESSING,
            "Trusted adults": GoalProgress.PROGRESSING,
            "Mira and her family": GoalProgress.PROGRESSING,
            "The bus station": GoalProgress.PROGRESSING,
        },
        {
            "Agree a managed move": ActionStatus.DONE,
            "Arrange a bus pass": ActionStatus.DONE,
            "Ask CAMHS": ActionStatus.DONE,
            "Apply to the Fernleigh": ActionStatus.DONE,
            "Brief bus station staff": ActionStatus.DONE,
            "Agree a code word": ActionStatus.DONE,
            "Context meeting": ActionStatus.DONE,
            "Invite Mira's supportive friend": ActionStatus.NOT_DONE,
            "Ask the council": ActionStatus.NOT_DONE,
            "Weekly check-ins": ActionStatus.IN_PROGRESS,
            "Fortnightly sessions": ActionStatus.IN_PROGRESS,
            "Detached youth work": ActionStatus.IN_PROGRESS,
            "Online safety": ActionStatus.IN_PROGRESS,
        },
    )
    d.plan(
        conference,
        [
            _Goal(
                PlanHeading.ENVIRONMENT,
                "Accounts used to contact young people are reported and taken down.",
                ("online",),
                (
                    _Action(
                        "Report the accounts to the platform with the screenshots Mira kept.",
                        _OFFICER,
                        7,
                        "The accounts are gone; Mira says the messages have stopped.",
                    ),
                ),
            ),
        ],
    )
    d.next_steps(conference)
    d.minutes(
        conference,
        [
            ("welcome", "Mira chose to stay for the whole conference."),
            ("picture", "Mira's portrait is in the Westgate show."),
            ("voices", "Mum corrected the college's absence record (dentist)."),
            ("safety", "College now safe; the bus station safer; online less safe."),
            ("weighting", "Online now weighs most; the bus station less than before."),
            ("needs", "Education and poverty met; mental health partly met."),
            ("decision", "ROTH plan continues."),
            ("plan", "Managed move and netball fees achieved; online goal added."),
            ("next_steps", "Review in 6 weeks; weekly visits."),
        ],
        restricted="Police updated on bail conditions concerning R.T.; restricted.",
    )


# -- Kai Brennan: a traditional plan, then a transfer to ROTH -------------------------------

_KAI_SW, _YJO, _DONNA, _GRANDAD = "Daniel Osei", "Owen Teague", "Donna Brennan", "Pat Brennan"


def _kai_initial(d: _Demo, conference: Conference) -> None:
    """Home weighed most then, so the conference chose the traditional pathway."""
    d.start(conference)
    d.picture(
        conference,
        [
            (
                ProfileKind.STRENGTH,
                "Protective of his mum; a grafter when he's interested.",
                _DONNA,
            ),
            (ProfileKind.INTEREST, "Boxing at Riverside; fixing bikes.", _GRANDAD),
        ],
    )
    d.voices(
        conference,
        [
            _Words(
                "I stay out because it's better than being in when they're arguing.",
                channel=VoiceChannel.WORKER,
                relayed_by="Daniel Osei, social worker",
            ),
            _Words(
                "I know Kai stays out because of what goes on at home. That's on me to fix.",
                who=_DONNA,
            ),
            _Words(
                "I've told my partner to leave. Kai can go to his grandad's any night.",
                who=_DONNA,
                kind=VoiceKind.SAFETY_EFFORT,
            ),
        ],
    )
    d.context_map(
        conference,
        {
            "home": _Area(
                Safety.UNSAFE,
                45,
                makes_safe="Mum and Grandad; his own room.",
                makes_unsafe="Violent arguments between Mum and her then partner.",
                guardians="Donna (Mum), Pat (Grandad)",
            ),
            "peers": _Area(Safety.MIXED, 20, makes_unsafe="Older lads in town.", peers="D.W."),
            "school": _Area(Safety.MIXED, 12, makes_safe="Likes the workshop teacher."),
            "places": _Area(Safety.MIXED, 12, makes_unsafe="The town centre late at night."),
            "online": _Area(Safety.UNKNOWN, 4),
            "relationships": _Area(Safety.UNKNOWN, 3),
            "community": _Area(Safety.SAFE, 4, makes_safe="Riverside Boxing Club."),
        },
        [("home", "places", "Rows at home → nights in the town centre")],
    )
    d.partner_information(
        conference,
        [
            _Info(
                "Fernleigh Neighbourhood Policing Team",
                "Police were called to a domestic incident at the home; the partner was arrested.",
                context="home",
                decision=True,
            ),
            _Info(
                "Fernleigh Youth Justice Service",
                "Kai is known to the service after a caution for criminal damage.",
            ),
        ],
    )
    d.needs(
        conference,
        {
            "education": _Need(
                NeedStatus.PARTLY_MET,
                {"full_time": True, "hours_per_week": 25, "exclusion": "none"},
                "Full time but often late after nights out.",
                "Northbrook Academy",
            ),
            "physical_safety": _Need(
                NeedStatus.UNMET,
                {"public_places": "Out late in town to avoid home."},
                "Unsafe at home and in town at night.",
                _KAI_SW,
            ),
        },
        rest=_Need(NeedStatus.MET, {}, "Asked about; no need at present.", _KAI_SW),
    )
    d.harm(
        conference,
        [
            (
                "other",
                HarmTiming.SUFFERED,
                "Lived with domestic abuse between adults at home.",
                False,
            ),
            ("missing", HarmTiming.LIKELY, "Nights away from home while the rows go on.", False),
        ],
    )
    d.decide(
        conference,
        _Decision(
            HarmCategory.EMOTIONAL,
            ConferenceOutcome.TRADITIONAL_PLAN,
            "Through Daniel: Kai wants things calm at home.",
            "Donna agrees and wants help to keep her ex-partner away.",
            outside_home=False,
            views=(
                (_KAI_SW, ViewPosition.AGREES, ""),
                (_YJO, ViewPosition.AGREES, ""),
                (_DONNA, ViewPosition.AGREES, ""),
            ),
        ),
    )
    d.plan(
        conference,
        [
            _Goal(
                PlanHeading.NEEDS,
                "Kai feels safe at home and has somewhere calm to go when he needs it.",
                ("home", "physical_safety"),
                (
                    _Action(
                        "Support Donna with a non-molestation order and new locks.",
                        _KAI_SW,
                        28,
                        "The order is in place; Kai sleeps at home.",
                    ),
                ),
            ),
            _Goal(
                PlanHeading.NEEDS,
                "Kai gets to school on time and stays.",
                ("education", "school"),
                (
                    _Action(
                        "Morning check-in with the workshop teacher.",
                        "Northbrook Academy",
                        14,
                        "Punctuality on the register.",
                    ),
                ),
            ),
            _Goal(
                PlanHeading.GUARDIANSHIP,
                "Kai has trusted adults in his evenings.",
                ("peers", "places"),
                (
                    _Action(
                        "Three evenings a week at Riverside Boxing Club.",
                        _GRANDAD,
                        14,
                        "The coach's register.",
                    ),
                ),
            ),
        ],
    )
    d.next_steps(conference, review_weeks=13)
    d.minutes(
        conference,
        [
            ("welcome", "Kai sent apologies; his words read by Daniel."),
            ("weighting", "Home weighs most: traditional pathway."),
            ("decision", "Child protection plan (traditional), emotional harm."),
        ],
    )


def _kai_transfer(d: _Demo, conference: Conference) -> None:
    """Home is a safe base now; the risks are a peer group and the town centre at night."""
    d.start(conference)
    d.picture(
        conference,
        [
            (
                ProfileKind.STRENGTH,
                "Won his first amateur bout; trains younger lads.",
                "Riverside coach",
            ),
            (ProfileKind.MATTERS, "His mum and grandad; getting an apprenticeship.", "Kai"),
            (ProfileKind.DESCRIBED_AS, "Quiet until he trusts you, then loyal for life.", _DONNA),
        ],
    )
    d.voices(
        conference,
        [
            _Words("Home's fine now. It's town that's the problem, and I can handle town."),
            _Words(
                "Kai says he'd come to more things if they weren't in the town centre.",
                kind=VoiceKind.WISH,
                channel=VoiceChannel.WORKER,
                relayed_by="Jess Calloway, youth worker",
            ),
            _Words(
                "The police log says Kai was 'with a gang' on the night he was hurt. He was "
                "walking home alone from the boxing club when they jumped him.",
                who=_DONNA,
                kind=VoiceKind.CORRECTION,
            ),
            _Words(
                "His grandad drives him back from boxing now, and he texts me when he leaves "
                "anywhere after dark.",
                who=_DONNA,
                kind=VoiceKind.SAFETY_EFFORT,
            ),
        ],
    )
    d.context_map(
        conference,
        {
            "home": _Area(
                Safety.SAFE,
                8,
                makes_safe="Mum's ex-partner has gone; order in place; Grandad round most days.",
                guardians="Donna (Mum), Pat (Grandad)",
            ),
            "peers": _Area(
                Safety.UNSAFE,
                32,
                makes_safe="A friend from boxing walks home with him.",
                makes_unsafe="Two older boys pressure him to carry and hold things for others.",
                peers="D.W., RK, TJ",
            ),
            "school": _Area(Safety.MIXED, 10, makes_safe="Construction course at college."),
            "places": _Area(
                Safety.UNSAFE,
                30,
                name="Fernleigh town centre and the Mill Lane underpass",
                makes_unsafe="The unlit underpass on his route home; the town centre after 10pm.",
                guardians="Takeaway staff on Mill Lane; Open Door detached youth work",
                referred=True,
            ),
            "online": _Area(Safety.MIXED, 10, makes_unsafe="Group chats used to set up 'jobs'."),
            "relationships": _Area(Safety.SAFE, 3),
            "community": _Area(
                Safety.SAFE, 7, makes_safe="Riverside Boxing Club.", guardians="His coach"
            ),
        },
        [("peers", "places", "Older friends → late nights in the town centre")],
    )
    d.partner_information(
        conference,
        [
            _Info(
                "Fernleigh Youth Justice Service",
                "Appointments moved from the town centre office to Riverside Boxing Club, so "
                "Kai no longer has to go into town.",
                context="places",
                decision=True,
            ),
            _Info(
                "Fernleigh Neighbourhood Policing Team",
                "Police information: D.W. is linked to drug supply across the county line.",
                context="peers",
                restricted=True,
            ),
            _Info(
                "Open Door Youth Project",
                "Jess thinks Kai is being groomed to run errands, not choosing to.",
                nature=InfoNature.OPINION,
                context="peers",
            ),
        ],
    )
    d.needs(
        conference,
        {
            "education": _Need(
                NeedStatus.PARTLY_MET,
                {"full_time": True, "hours_per_week": 16, "exclusion": "none"},
                "On a college construction course; wants an apprenticeship.",
                "Fernleigh College",
            ),
            "physical_safety": _Need(
                NeedStatus.UNMET,
                {"public_places": "Assaulted in the Mill Lane underpass."},
                "Unsafe on his route home at night.",
                _KAI_SW,
            ),
        },
    )
    d.harm(
        conference,
        [
            (
                "serious_youth_violence",
                HarmTiming.SUFFERED,
                "Assaulted in the underpass; broken wrist.",
                False,
            ),
            (
                "cce",
                HarmTiming.LIKELY,
                "Pressure to hold and carry things for older young people.",
                False,
            ),
            (
                "weapons",
                HarmTiming.LIKELY,
                "Police information about weapons in D.W.'s group.",
                True,
            ),
        ],
    )
    d.decide(
        conference,
        _Decision(
            HarmCategory.PHYSICAL,
            ConferenceOutcome.ROTH_PLAN,
            "I don't need a plan. I need the underpass lit and people off my back.",
            "Donna wants the plan: she can keep him safe at home, not in town.",
            views=(
                (_KAI_SW, ViewPosition.AGREES, "Harm now comes from outside the home."),
                (_YJO, ViewPosition.AGREES, ""),
                (_YOUTH_WORKER, ViewPosition.AGREES, ""),
                (_DONNA, ViewPosition.AGREES, ""),
                (
                    "Kai Brennan",
                    ViewPosition.DISAGREES,
                    "Does not think he needs a plan; wants to be left to box and work.",
                ),
            ),
        ),
    )
    d.review_plan(
        conference,
        {"Kai feels safe at home": GoalProgress.ACHIEVED, "Kai": GoalProgress.PROGRESSING},
        {
            "Support Donna": ActionStatus.DONE,
            "Morning check-in": ActionStatus.DONE,
            "Three evenings": ActionStatus.IN_PROGRESS,
        },
    )
    d.plan(
        conference,
        [
            _Goal(
                PlanHeading.GUARDIANSHIP,
                "Trusted adults know his group of friends and step in when Kai is pressured.",
                ("peers", "online"),
                (
                    _Action(
                        "Weekly one-to-one with Jess, away from the town centre.",
                        _YOUTH_WORKER,
                        7,
                        "Kai keeps coming; he tells Jess when he is asked to do a 'job'.",
                    ),
                ),
            ),
            _Goal(
                PlanHeading.ENVIRONMENT,
                "The Mill Lane underpass is lit and covered by CCTV.",
                ("places",),
                (
                    _Action(
                        "Context meeting on Mill Lane with the council and the takeaway owners.",
                        _KAI_SW,
                        21,
                        "Lighting and CCTV agreed with dates.",
                    ),
                ),
            ),
        ],
    )
    d.next_steps(
        conference,
        transition="Kai is 17: start planning now with the young adults' service so support "
        "does not stop on his 18th birthday.",
    )
    d.minutes(
        conference,
        [
            ("welcome", "Transfer-in conference: purpose explained to Kai and Donna."),
            ("voices", "Donna corrected the police log about the night Kai was assaulted."),
            ("weighting", "Peers and the town centre weigh most; home a safe base."),
            ("decision", "ROTH plan, physical harm, outside the home. Kai's dissent recorded."),
        ],
        restricted="Police information about D.W. shared while the family were out; restricted.",
    )


# -- Tyler Marsh: the social worker's assessment, ahead of his initial conference -------------

_TYLER_SW = "Daniel Osei"


def _tyler_assessment(d: _Demo, case: Case, worker: Professional) -> None:
    """A complete assessment, shared with Tyler and his mum, with their corrections.

    Written to Tyler, as the pilots write them. One police item is restricted (it is
    about an older young person), so it must never reach the family's copy.
    """
    started = _working(d.now - timedelta(days=5))
    assessment = Assessment(
        case=case,
        author=worker,
        started_on=started,
        completed_on=_working(d.now - timedelta(days=2)),
        content_pack_id=d.pack.id,
        content_pack_version=d.pack.version,
        address_young_person=True,
        analysis=(
            "Since the summer you have been spending more time with an older group at the "
            "Brook Street park and by the station. Twice you came home late with new trainers "
            "and money nobody could explain. Your mum and school are worried that older "
            "people are using you to carry things for them. We think you are being exploited: "
            "this is not something you chose, and it is not your fault."
        ),
        explanations=(
            "We also thought about whether this is mostly about falling out with school. Your "
            "reduced timetable leaves you with free afternoons, and that is when most of the "
            "worrying things happen. We think school matters a lot, but it does not explain "
            "the money, the trainers or the older group on its own."
        ),
        working_well=(
            "You love boxing and you have not missed a session at Riverside in six weeks. You "
            "talk to Jess at Open Door. Your mum and dad both want to work with us, and your "
            "mum has started a safety plan for evenings."
        ),
        recommended_pathway=Pathway.ROTH,
        recommendation=(
            "A ROTH child protection plan. The plan should make the park and the station "
            "safer, get you back to full days at school, and get your ADHD support reviewed."
        ),
    )
    d.s.add(assessment)
    d.s.flush()
    running.lay_out(d.s, assessment.id, d.pack)
    d.picture(
        assessment,
        [
            (ProfileKind.STRENGTH, "Loyal to his friends and protective of his sister", "Mum"),
            (ProfileKind.INTEREST, "Boxing at Riverside, and drawing trainers", "Tyler"),
            (ProfileKind.MATTERS, "Not being shown up in front of people", "Tyler"),
        ],
    )
    d.voices(
        assessment,
        [
            _Words("I'm safe at home and at boxing. The park is where it goes wrong."),
            _Words(
                "Drew himself in the boxing ring, and the station in black.",
                channel=VoiceChannel.DRAWING,
            ),
            _Words(
                "I don't want to be the one who grassed. Just sort school out.",
                channel=VoiceChannel.APP,
                kind=VoiceKind.WISH,
            ),
            _Words(
                "I go out looking for him most nights. I just want him home and in school.",
                who="Joanne Marsh",
            ),
        ],
    )
    d.context_map(
        assessment,
        {
            "home": _Area(
                Safety.SAFE,
                1500,
                makes_safe="Mum and Dad both around in the evenings; a curfew he mostly keeps.",
                guardians="Joanne and Lee Marsh",
            ),
            "peers": _Area(
                Safety.UNSAFE,
                2500,
                makes_unsafe="An older group who give him money and things to carry.",
                peers="J.B., KT",
            ),
            "school": _Area(
                Safety.MIXED,
                2000,
                makes_safe="Mr Whitlow checks in with him each morning.",
                makes_unsafe="Reduced timetable: free afternoons with nowhere to be.",
                guardians="Mark Whitlow (safeguarding lead)",
            ),
            "places": _Area(
                Safety.UNSAFE,
                2000,
                name="Brook Street park and the station",
                makes_unsafe="Where the older group meet; no staff or lighting after dark.",
            ),
            "online": _Area(
                Safety.MIXED,
                1000,
                makes_unsafe="Group chats where jobs are offered.",
            ),
            "relationships": _Area(Safety.UNKNOWN, 500),
            "community": _Area(
                Safety.SAFE,
                500,
                name="Riverside Boxing Club",
                makes_safe="A coach he trusts; training four evenings a week.",
                guardians="Riverside coaches",
            ),
        },
        [("school", "places", "reduced timetable → afternoons at the park")],
    )
    d.partner_information(
        assessment,
        [
            _Info(
                "Northbrook Academy",
                "Tyler has been on a reduced timetable (mornings only) since October.",
                context="school",
            ),
            _Info(
                "Open Door Youth Project",
                "Tyler says he would come to the Thursday group if a friend came too.",
                nature=InfoNature.OPINION,
                context="community",
            ),
            _Info(
                "Fernleigh Neighbourhood Policing Team",
                "An older male known to police, J.B., was seen passing a bag to Tyler at the "
                "station on 14 November.",
                nature=InfoNature.REPORTED,
                source="Police officer on patrol",
                context="places",
                restricted=True,
            ),
        ],
    )
    d.needs(
        assessment,
        {
            "education": _Need(
                NeedStatus.UNMET,
                {"full_time": False, "hours_per_week": 15, "reduced_timetable": True},
                "Mornings only since October; afternoons are unsupervised.",
                who="Mark Whitlow",
            ),
            "send_mental_health": _Need(
                NeedStatus.PARTLY_MET,
                {"assessment_requested": "adhd", "ehcp": "none", "camhs": "waiting"},
                "ADHD diagnosed at 11; medication not reviewed for two years.",
            ),
            "physical_safety": _Need(
                NeedStatus.UNMET,
                {"public_places": "Brook Street park and the station after dark"},
            ),
            "substances": _Need(NeedStatus.MET, {"which": "None known"}),
            "poverty": _Need(
                NeedStatus.PARTLY_MET,
                {"pressure_to_earn": True, "unaffordable_activities": "Boxing fees"},
                "Boxing fees are hard to find each month.",
            ),
            "other": _Need(NeedStatus.MET, {"details": "Nothing else raised."}),
        },
    )
    d.harm(
        assessment,
        [
            ("cce", HarmTiming.LIKELY, "Being used to carry items for an older group.", False),
            ("missing", HarmTiming.SUFFERED, "Home after midnight twice in November.", False),
        ],
    )
    areas = d._areas(assessment)
    needs = d._needs(assessment)
    assessment.plan_targets = [
        areas["peers"].id,
        areas["places"].id,
        needs["education"].id,
        needs["send_mental_health"].id,
    ]
    d.visits(
        case,
        worker,
        [
            _Visit(5, "Home", "Tyler, Joanne and Lee"),
            _Visit(4, "Northbrook Academy", "Tyler", alone=True),
            _Visit(3, "The Bean café, Market Street", "Tyler", alone=True),
        ],
        assessment=assessment,
    )
    d.s.flush()
    # Shared with Tyler and his mum: what they saw is kept exactly as it was shown.
    shared_on = _working(d.now - timedelta(days=2))
    share_with_family(
        d.s,
        assessment.id,
        shared_on=shared_on,
        shared_with="Tyler and Joanne Marsh",
        how="Read together at home",
        family_response="Tyler said most of it is right but school is not his fault.",
    )
    tyler_said_at = datetime.combine(shared_on, time(17))
    record_correction(
        d.s,
        assessment.id,
        about="explanations",
        words="It's not me messing up at school. They put me on half days.",
        said_at=tyler_said_at,
    )
    record_correction(
        d.s,
        assessment.id,
        about="analysis",
        words="I don't let him stay out. I go looking for him every night.",
        family_member_id=d.members["Joanne Marsh"].id,
        said_at=tyler_said_at + timedelta(minutes=10),
    )


def populate(session: Session, *, content: bool = True) -> None:
    """Build the demo. ``content=False`` builds only people, cases and conferences, as
    workspaces made before conferences held content had them (no visits, no transition
    routes: those came later)."""
    d = _Demo(session, content)
    now = d.now
    social_care = d.agency("Fernleigh Children's Services", AgencyKind.SOCIAL_CARE)
    school = d.agency("Northbrook Academy", AgencyKind.EDUCATION)
    college = d.agency("Fernleigh College", AgencyKind.EDUCATION)
    police = d.agency("Fernleigh Neighbourhood Policing Team", AgencyKind.POLICE)
    health = d.agency("Fernleigh Community Health", AgencyKind.HEALTH)
    yjs = d.agency("Fernleigh Youth Justice Service", AgencyKind.YOUTH_JUSTICE)
    youth = d.agency("Open Door Youth Project", AgencyKind.YOUTH_WORK)
    d.agency("Riverside Boxing Club", AgencyKind.COMMUNITY)

    chair = d.professional(social_care, "Helen Achterberg", "Independent conference chair")
    sw1 = d.professional(social_care, "Daniel Osei", "Social worker")
    sw2 = d.professional(social_care, "Priya Raman", "Social worker")
    dsl = d.professional(school, "Mark Whitlow", "Designated safeguarding lead")
    tutor = d.professional(college, "Grace Penhallow", "Student support tutor")
    officer = d.professional(police, "Sam Lindqvist", "Police constable")
    nurse = d.professional(health, "Ruth Ambrose", "School nurse")
    yjo = d.professional(yjs, "Owen Teague", "Youth justice officer")
    worker = d.professional(youth, "Jess Calloway", "Detached youth worker")
    attended, apologies, part = (
        AttendanceStatus.ATTENDED,
        AttendanceStatus.APOLOGIES,
        AttendanceStatus.PART_ATTENDED,
    )
    invited = AttendanceStatus.INVITED
    role = AttendeeRole

    # 1. Initial ROTH conference coming up.
    tyler = YoungPerson(
        first_name="Tyler",
        last_name="Marsh",
        date_of_birth=_years_ago(15, 40),
        gender=Gender.MALE,
        ethnicity_code="WBRI",
        local_id="FER-20417",
        communication_needs="Prefers short questions; ADHD diagnosed age 11.",
    )
    session.add(tyler)
    mum = d.family(tyler, "Joanne Marsh", "Mum", pr=True)
    d.family(tyler, "Lee Marsh", "Dad", pr=True)
    d.family(tyler, "Kayleigh Marsh", "Older sister", partner=False)
    case1 = Case(
        young_person=tyler,
        pathway=Pathway.ROTH,
        opened_on=_working(now - timedelta(days=9)),
        strategy_discussion_on=_working(now - timedelta(days=6)),
    )
    session.add(case1)
    for prof, part_in_case in (
        (sw1, "Allocated social worker"),
        (dsl, "School"),
        (officer, "Police"),
        (worker, "Youth work"),
    ):
        session.add(CaseProfessional(case=case1, professional=prof, role_in_case=part_in_case))
    d.conference(
        case1,
        ConferenceKind.INITIAL,
        _working(now + timedelta(days=12)),
        chair,
        False,
        [
            ("Tyler Marsh", role.YOUNG_PERSON, "", invited),
            (mum.name, role.PARENT_CARER, "", invited),
            ("Lee Marsh", role.PARENT_CARER, "", invited),
            (sw1.name, role.SOCIAL_WORKER, social_care.name, invited),
            (dsl.name, role.PROFESSIONAL, school.name, invited),
            (officer.name, role.PROFESSIONAL, police.name, invited),
            (worker.name, role.COMMUNITY_PARTNER, youth.name, invited),
        ],
    )
    if content:
        _tyler_assessment(d, case1, sw1)

    # 2. On a ROTH plan, with an initial and a review conference behind her.
    amira = YoungPerson(
        first_name="Amira",
        last_name="Haddad",
        preferred_name="Mira",
        date_of_birth=_years_ago(16, 100),
        gender=Gender.FEMALE,
        ethnicity_code="OARA",
        local_id="FER-19830",
        first_language="Arabic",
        communication_needs="Bilingual; parents prefer an Arabic interpreter.",
    )
    session.add(amira)
    mother = d.family(amira, "Samira Haddad", "Mum", pr=True)
    d.family(amira, _BROTHER, "Older brother")
    sd2 = _working(now - timedelta(days=85))
    case2 = Case(
        young_person=amira,
        pathway=Pathway.ROTH,
        opened_on=_working(sd2 - timedelta(days=3)),
        strategy_discussion_on=sd2,
    )
    session.add(case2)
    for prof, part_in_case in (
        (sw2, "Allocated social worker"),
        (tutor, "College"),
        (nurse, "Health"),
        (officer, "Police"),
    ):
        session.add(CaseProfessional(case=case2, professional=prof, role_in_case=part_in_case))
    first = _working(sd2 + timedelta(days=20))
    mira_initial = d.conference(
        case2,
        ConferenceKind.INITIAL,
        first,
        chair,
        True,
        [
            ("Amira Haddad", role.YOUNG_PERSON, "", part),
            (mother.name, role.PARENT_CARER, "", attended),
            (sw2.name, role.SOCIAL_WORKER, social_care.name, attended),
            (tutor.name, role.PROFESSIONAL, college.name, attended),
            (nurse.name, role.PROFESSIONAL, health.name, apologies),
            (officer.name, role.PROFESSIONAL, police.name, attended),
        ],
    )
    review = _working(first + timedelta(weeks=6))
    mira_review = d.conference(
        case2,
        ConferenceKind.REVIEW,
        review,
        chair,
        True,
        [
            ("Amira Haddad", role.YOUNG_PERSON, "", attended),
            (mother.name, role.PARENT_CARER, "", attended),
            (sw2.name, role.SOCIAL_WORKER, social_care.name, attended),
            (tutor.name, role.PROFESSIONAL, college.name, attended),
            (nurse.name, role.PROFESSIONAL, health.name, attended),
        ],
    )
    d.conference(
        case2,
        ConferenceKind.REVIEW,
        _working(review + timedelta(weeks=6)),
        chair,
        False,
        [
            ("Amira Haddad", role.YOUNG_PERSON, "", invited),
            (mother.name, role.PARENT_CARER, "", invited),
            (sw2.name, role.SOCIAL_WORKER, social_care.name, invited),
        ],
    )

    # 3. Transferred in from the traditional pathway as home became the safe base; 18 in
    # about four months.
    kai = YoungPerson(
        first_name="Kai",
        last_name="Brennan",
        date_of_birth=_years_ago(18, -120),
        gender=Gender.MALE,
        ethnicity_code="MWBC",
        local_id="FER-18552",
    )
    session.add(kai)
    donna = d.family(kai, "Donna Brennan", "Mum", pr=True)
    d.family(kai, "Pat Brennan", "Grandad")
    sd3 = _working(now - timedelta(days=210))
    case3 = Case(
        young_person=kai,
        pathway=Pathway.TRADITIONAL,
        opened_on=sd3,
        strategy_discussion_on=sd3,
    )
    session.add(case3)
    session.add(
        CaseProfessional(case=case3, professional=sw1, role_in_case="Allocated social worker")
    )
    session.add(CaseProfessional(case=case3, professional=yjo, role_in_case="Youth justice"))
    kai_initial = d.conference(
        case3,
        ConferenceKind.INITIAL,
        _working(sd3 + timedelta(days=19)),
        chair,
        True,
        [
            ("Kai Brennan", role.YOUNG_PERSON, "", apologies),
            (donna.name, role.PARENT_CARER, "", attended),
            (sw1.name, role.SOCIAL_WORKER, social_care.name, attended),
            (yjo.name, role.PROFESSIONAL, yjs.name, attended),
        ],
    )
    session.flush()
    moved = _working(now - timedelta(days=45))
    session.add(
        PathwayTransfer(
            case=case3,
            from_pathway=Pathway.TRADITIONAL,
            to_pathway=Pathway.ROTH,
            transferred_on=moved,
            reason="Home is now a safe base and Mum's own safety planning is working; the main "
            "risks are in a peer group and around the town centre at night.",
        )
    )
    case3.pathway = Pathway.ROTH
    kai_transfer = d.conference(
        case3,
        ConferenceKind.TRANSFER_IN,
        _working(moved + timedelta(days=14)),
        chair,
        True,
        [
            ("Kai Brennan", role.YOUNG_PERSON, "", attended),
            (donna.name, role.PARENT_CARER, "", attended),
            (sw1.name, role.SOCIAL_WORKER, social_care.name, attended),
            (yjo.name, role.PROFESSIONAL, yjs.name, attended),
            (worker.name, role.COMMUNITY_PARTNER, youth.name, attended),
        ],
    )
    if content:
        _mira_initial(d, mira_initial)
        _mira_review(d, mira_review)
        _kai_initial(d, kai_initial)
        _kai_transfer(d, kai_transfer)
        d.agree_all()
        # One route to adult support decided so far; leaving care and SEND still to decide.
        case3.transition_adult_services = TransitionRoute.REFERRED
        # Kai is seen about weekly, at home and away from the town centre; once he was out.
        d.visits(
            case3,
            sw1,
            [
                _Visit(33, "Home", "Kai and Donna"),
                _Visit(26, "Home", "Donna only: Kai was out", seen=False),
                _Visit(24, "Riverside Boxing Club", "Kai", alone=True),
                _Visit(17, "The Bean café, Market Street", "Kai", alone=True),
                _Visit(10, "Home", "Kai and Donna"),
                _Visit(3, "Riverside Boxing Club", "Kai", alone=True),
            ],
        )


def create_demo(folder: Path, passphrase: str) -> Workspace:
    workspace = Workspace.create(folder, passphrase, actor=DEMO_ACTOR)
    with workspace.session() as session, predictable_ids("roth-desktop-demo"):
        populate(session)
    return workspace
