"""A fictional ROTH cohort whose true data-return figures are known by construction.

For a year from ``start`` it holds 82 young people on ROTH plans (the pilots'
number), 20 on traditional child protection plans, and five people whose cases
must stay out of the return. Every attribute follows a simple rule of the young
person's index ``i`` (0 to 81), so each figure can be worked out by hand; the
figures are in ``tests/test_data_return.py``.

ROTH young people (index i):

- gender: 0-53 male, 54-79 female, 80 another gender, 81 not known;
- age at initial conference: ``AGES`` spread over i by a stride (2 under 10,
  12 aged 10-13, 30 aged 14-15, 38 aged 16+);
- ethnicity: ``ETHNICITIES`` spread by another stride;
- harm types at the initial conference: cce i%2==0, cse i%3==0, serious youth
  violence i%5==0, peer abuse i%20==7, intimate partner abuse i%41==11, online
  abuse i%9==2, weapons i%7==3 (restricted), trafficking i==5; going missing
  i%4==1, recorded at the first review;
- needs flagged (unmet or partly met): education i%2==1, ASD/SEND/mental health
  i%3==1, physical safety i%4==0, substances i%6==5, poverty i%25==24 (at the first
  review); the other areas are recorded as met or not assessed, which never counts;
- i 0-9 opened before the range (initial conference before it); i 9 closed on the
  range's first day; i 5 closed in the range and came back in a second ROTH episode
  (10 working days to its initial conference, online abuse recorded);
- i 10-81 have their initial conference in the range: i 10 and 11 have no strategy
  discussion date, i%7==0 took 18 working days, i 13 exactly 15, i 20 15 across
  Christmas (strategy discussion on the Friday on or before 15 December), the rest 12;
- transfers: i 1 traditional→ROTH a month before the range; in the range i 30-35
  ROTH→traditional (then a neglect category, not outside the home), i 40-41
  traditional→ROTH, i 50 ROTH→traditional→ROTH;
- i 70 and 71 have a review after the range that records trafficking and an
  "other" need, neither of which may count;
- local ids ``RT{year}-{i:03}``, except i 80 (a formula-like id, which must stay
  text) and i 81 (none: the record id is shown).

Traditional young people (index j, 0-19): aged 8 for j<6, 12-16 otherwise; j 19
opened on the range's last day with no conference yet (age not known). They
record "other" harm and an "other" need, which must not reach the ROTH figures.

Names are "Test Person N"; the return must never contain them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from roth_desktop.models import (
    Case,
    Conference,
    ConferenceKind,
    Gender,
    HarmCategory,
    HarmEntry,
    HarmTiming,
    Need,
    NeedStatus,
    Pathway,
    PathwayTransfer,
    YoungPerson,
)
from roth_desktop.timescales import WorkingDayCalendar

ROTH_PEOPLE = 82
TRADITIONAL_PEOPLE = 20
AGES = [9] * 2 + [11] * 6 + [13] * 6 + [14] * 14 + [15] * 16 + [16] * 20 + [17] * 18
ETHNICITIES = (
    ["WBRI"] * 40
    + ["MWBC"] * 12
    + ["BCRB"] * 10
    + ["BAFR"] * 6
    + ["AIND"] * 5
    + ["APKN"] * 3
    + ["WOTH"] * 3
    + ["OOTH"] * 2
    + ["NOBT"] * 1
)
NEED_AREAS = ("education", "send_mental_health", "physical_safety", "substances", "poverty")
NAME_PREFIX = "Test Person"
FORMULA_ID = "=1+2"


def age_of(i: int) -> int:
    return AGES[(i * 29) % ROTH_PEOPLE]  # 29 is coprime with 82: a permutation


def ethnicity_of(i: int) -> str:
    return ETHNICITIES[(i * 31) % ROTH_PEOPLE]


def gender_of(i: int) -> Gender:
    if i < 54:
        return Gender.MALE
    if i < 80:
        return Gender.FEMALE
    return Gender.ANOTHER if i == 80 else Gender.NOT_KNOWN


def harm_of(i: int) -> list[str]:
    rules = (
        ("cce", i % 2 == 0),
        ("cse", i % 3 == 0),
        ("serious_youth_violence", i % 5 == 0),
        ("peer_abuse", i % 20 == 7),
        ("intimate_partner_abuse", i % 41 == 11),
        ("online_abuse", i % 9 == 2),
        ("weapons", i % 7 == 3),
        ("trafficking_nrm", i == 5),
    )
    return [key for key, applies in rules if applies]


def needs_of(i: int) -> dict[str, NeedStatus]:
    """Needs recorded at the initial conference (poverty is flagged at the first review)."""
    return {
        "education": NeedStatus.UNMET if i % 2 == 1 else NeedStatus.MET,
        "send_mental_health": NeedStatus.PARTLY_MET if i % 3 == 1 else NeedStatus.NOT_ASSESSED,
        "physical_safety": NeedStatus.UNMET if i % 4 == 0 else NeedStatus.MET,
        "substances": NeedStatus.UNMET if i % 6 == 5 else NeedStatus.NOT_ASSESSED,
        "poverty": NeedStatus.MET,
        "other": NeedStatus.NOT_ASSESSED,
    }


def gap_of(i: int) -> int:
    """Working days from strategy discussion to initial conference, for i 12-81 but 20."""
    if i % 7 == 0:
        return 18
    return 15 if i == 13 else 12


def local_id_of(year: int, i: int) -> str:
    if i == 80:
        return FORMULA_ID
    return "" if i == 81 else f"RT{year}-{i:03}"


def _born(age: int, on: date) -> date:
    """A date of birth that makes someone exactly ``age`` on ``on``."""
    return on.replace(year=on.year - age, day=1) - timedelta(days=1)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10))


@dataclass
class Cohort:
    start: date
    end: date
    # Young person record ids by index, and the ROTH case ids (i 5 has two).
    roth: dict[int, str] = field(default_factory=dict)
    traditional: dict[int, str] = field(default_factory=dict)
    excluded: list[str] = field(default_factory=list)
    cases: dict[int, list[str]] = field(default_factory=dict)


class _Builder:
    def __init__(self, session: Session, start: date, calendar: WorkingDayCalendar) -> None:
        self.s = session
        self.cal = calendar
        self.start = start
        self.end = date(start.year + 1, start.month, start.day) - timedelta(days=1)
        self.people = 0

    def person(self, gender: Gender, ethnicity: str, born: date, local_id: str) -> YoungPerson:
        self.people += 1
        yp = YoungPerson(
            first_name="Test",
            last_name=f"Person {self.people}",
            date_of_birth=born,
            gender=gender,
            ethnicity_code=ethnicity,
            local_id=local_id,
        )
        self.s.add(yp)
        return yp

    def case(
        self,
        yp: YoungPerson,
        pathway: Pathway,
        opened: date,
        sd: date | None,
        closed: date | None = None,
    ) -> Case:
        case = Case(
            young_person=yp,
            pathway=pathway,
            opened_on=opened,
            strategy_discussion_on=sd,
            closed_on=closed,
        )
        self.s.add(case)
        return case

    def conference(
        self,
        case: Case,
        kind: ConferenceKind,
        on: date,
        category: HarmCategory | None = None,
        outside_home: bool = True,
    ) -> Conference:
        conference = Conference(case=case, kind=kind, starts_at=_at(on))
        if category is not None:
            conference.significant_harm = True
            conference.harm_category = category
            conference.outside_home = outside_home
        self.s.add(conference)
        return conference

    def harm(self, conference: Conference, key: str, restricted: bool = False) -> None:
        self.s.add(
            HarmEntry(
                conference=conference,
                harm_type=key,
                timing=HarmTiming.SUFFERED,
                description="Fictional test entry.",
                restricted=restricted,
            )
        )

    def need(self, conference: Conference, area: str, status: NeedStatus) -> None:
        self.s.add(Need(conference=conference, area=area, status=status, answers={}))

    def transfer(self, case: Case, moved: Pathway, to: Pathway, on: date) -> None:
        self.s.add(
            PathwayTransfer(
                case=case, from_pathway=moved, to_pathway=to, transferred_on=on, reason="Test."
            )
        )

    # -- the ROTH young people -------------------------------------------------------------

    def initial_day(self, i: int) -> tuple[date | None, date]:
        """(strategy discussion, initial conference) for young person i's first episode."""
        cal = self.cal
        if i < 10:
            initial = cal.add_working_days(self.start - timedelta(days=92), 2 * i + 1)
            return cal.add_working_days(initial, -10), initial
        if i == 20:
            sd = date(self.start.year, 12, 15)
            while not cal.is_working_day(sd):
                sd -= timedelta(days=1)
            return sd, cal.add_working_days(sd, 15)
        initial = cal.add_working_days(self.start, 3 * (i - 10) + 1)
        if i in (10, 11):
            return None, initial
        return cal.add_working_days(initial, -gap_of(i)), initial

    def roth_person(self, i: int, cohort: Cohort) -> None:
        sd, initial = self.initial_day(i)
        yp = self.person(gender_of(i), ethnicity_of(i), _born(age_of(i), initial), "")
        yp.local_id = local_id_of(self.start.year, i)
        opened = sd or initial - timedelta(days=20)
        first = Pathway.TRADITIONAL if i in (1, 40, 41) else Pathway.ROTH
        closed = None
        if i == 9:
            closed = self.start
        elif i == 5:
            closed = self.start + timedelta(days=44)
        case = self.case(yp, first, opened, sd, closed)
        category = HarmCategory.SEXUAL if "cse" in harm_of(i) else HarmCategory.PHYSICAL
        outside = first == Pathway.ROTH
        conference = self.conference(case, ConferenceKind.INITIAL, initial, category, outside)
        for key in harm_of(i):
            self.harm(conference, key, restricted=key == "weapons")
        for area, status in needs_of(i).items():
            self.need(conference, area, status)
        review = self.conference(case, ConferenceKind.REVIEW, initial + timedelta(days=42))
        assert i < 10 or review.starts_at.date() <= self.end, i
        if i % 4 == 1:
            self.harm(review, "missing")
        if i % 25 == 24:
            self.need(review, "poverty", NeedStatus.UNMET)
        if i >= 10 and i % 3 == 0:
            self.conference(case, ConferenceKind.REVIEW, initial + timedelta(days=84))
        self.moves(i, case, initial)
        if i in (70, 71):
            late = self.conference(case, ConferenceKind.REVIEW, self.end + timedelta(days=20))
            self.harm(late, "trafficking_nrm")
            self.need(late, "other", NeedStatus.UNMET)
        cohort.roth[i] = yp.id
        cohort.cases[i] = [case.id]
        if i == 5:
            cohort.cases[i].append(self.second_episode(yp).id)

    def moves(self, i: int, case: Case, initial: date) -> None:
        later = initial + timedelta(days=20)
        if i == 1:
            self.transfer(case, Pathway.TRADITIONAL, Pathway.ROTH, self.start - timedelta(days=31))
            case.pathway = Pathway.ROTH
        elif 30 <= i <= 35:
            self.transfer(case, Pathway.ROTH, Pathway.TRADITIONAL, later)
            case.pathway = Pathway.TRADITIONAL
            review = next(c for c in case.conferences if c.kind == ConferenceKind.REVIEW)
            review.significant_harm = True
            review.harm_category = HarmCategory.NEGLECT
            review.outside_home = False
        elif i in (40, 41):
            self.transfer(case, Pathway.TRADITIONAL, Pathway.ROTH, later)
            case.pathway = Pathway.ROTH
        elif i == 50:
            self.transfer(case, Pathway.ROTH, Pathway.TRADITIONAL, later)
            self.transfer(case, Pathway.TRADITIONAL, Pathway.ROTH, later + timedelta(days=20))

    def second_episode(self, yp: YoungPerson) -> Case:
        sd = date(self.start.year + 1, 3, 1)
        while not self.cal.is_working_day(sd):
            sd += timedelta(days=1)
        case = self.case(yp, Pathway.ROTH, sd, sd)
        initial = self.cal.add_working_days(sd, 10)
        conference = self.conference(case, ConferenceKind.INITIAL, initial, HarmCategory.PHYSICAL)
        self.harm(conference, "online_abuse")
        self.need(conference, "education", NeedStatus.UNMET)
        return case

    # -- everyone else ---------------------------------------------------------------------

    def traditional_person(self, j: int, cohort: Cohort) -> None:
        initial = self.cal.add_working_days(self.start + timedelta(days=3), 5 * j + 2)
        age = 8 if j < 6 else 12 + j % 5
        yp = self.person(Gender.MALE, "WBRI", _born(age, initial), f"TC{self.start.year}-{j:03}")
        if j == 19:
            self.case(yp, Pathway.TRADITIONAL, self.end, self.end - timedelta(days=1))
        else:
            sd = self.cal.add_working_days(initial, -12 if j % 2 else -17)
            case = self.case(yp, Pathway.TRADITIONAL, sd, sd)
            conference = self.conference(
                case, ConferenceKind.INITIAL, initial, HarmCategory.NEGLECT, outside_home=False
            )
            self.harm(conference, "other")
            self.need(conference, "other", NeedStatus.UNMET)
        cohort.traditional[j] = yp.id

    def excluded(self, cohort: Cohort) -> None:
        """Cases the return must leave out, each on one side of a boundary."""
        start, end = self.start, self.end
        spans: list[tuple[Pathway, date, date | None]] = [
            (Pathway.ROTH, start - timedelta(days=600), start - timedelta(days=200)),
            (Pathway.ROTH, start - timedelta(days=240), start - timedelta(days=1)),
            (Pathway.ROTH, end + timedelta(days=1), None),
            (Pathway.CHILD_IN_NEED, start + timedelta(days=30), None),
            (Pathway.CHILD_IN_NEED, start - timedelta(days=180), None),
        ]
        for n, (pathway, opened, closed) in enumerate(spans):
            yp = self.person(Gender.FEMALE, "WBRI", _born(14, opened), f"EX{start.year}-{n}")
            first = Pathway.ROTH if n == 4 else pathway
            case = self.case(yp, first, opened, opened, closed)
            conference = self.conference(
                case, ConferenceKind.INITIAL, opened + timedelta(days=14), HarmCategory.PHYSICAL
            )
            self.harm(conference, "other")
            self.need(conference, "other", NeedStatus.UNMET)
            if n == 4:  # stepped down before the range: never child protection during it
                self.transfer(case, Pathway.ROTH, Pathway.CHILD_IN_NEED, start - timedelta(days=90))
                case.pathway = Pathway.CHILD_IN_NEED
            cohort.excluded.append(yp.id)


def build_cohort(
    session: Session,
    start: date = date(2023, 9, 1),
    calendar: WorkingDayCalendar | None = None,
) -> Cohort:
    """Add the cohort for the year from ``start`` (call again with other years for more)."""
    builder = _Builder(session, start, calendar or WorkingDayCalendar())
    cohort = Cohort(builder.start, builder.end)
    for i in range(ROTH_PEOPLE):
        builder.roth_person(i, cohort)
    for j in range(TRADITIONAL_PEOPLE):
        builder.traditional_person(j, cohort)
    builder.excluded(cohort)
    session.flush()
    return cohort
