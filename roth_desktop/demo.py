"""A fictional demo workspace. Every person, school and service here is invented.

Dates are set relative to today so the demo always shows the same situations:
an initial ROTH conference coming up, a young person on a ROTH plan after two
conferences, and one who moved across from the traditional pathway.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from roth_desktop.models import (
    Agency,
    AgencyKind,
    Attendance,
    AttendanceStatus,
    AttendeeRole,
    Case,
    CaseProfessional,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    FamilyMember,
    Gender,
    Pathway,
    PathwayTransfer,
    Professional,
    YoungPerson,
)
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace

DEMO_ACTOR = "Demo set-up"


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0))


def _years_ago(years: int, days: int = 0) -> date:
    now = today()
    return date(now.year - years, now.month, min(now.day, 28)) - timedelta(days=days)


class _Demo:
    def __init__(self, session: Session) -> None:
        self.s = session
        self.now = today()

    def agency(self, name: str, kind: AgencyKind) -> Agency:
        agency = Agency(name=name, kind=kind)
        self.s.add(agency)
        return agency

    def professional(self, agency: Agency, name: str, title: str) -> Professional:
        person = Professional(
            agency=agency,
            name=name,
            job_title=title,
            email=name.lower().replace(" ", ".") + "@example.org",
        )
        self.s.add(person)
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
        conference = Conference(
            case=case,
            kind=kind,
            starts_at=_at(day),
            chair=chair,
            location="Fernleigh Civic Centre, Room 3",
            status=ConferenceStatus.AGREED if agreed else ConferenceStatus.DRAFT,
        )
        self.s.add(conference)
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


def populate(session: Session) -> None:
    d = _Demo(session)
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
        opened_on=now - timedelta(days=9),
        strategy_discussion_on=now - timedelta(days=6),
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
        now + timedelta(days=12),
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
    d.family(amira, "Yusuf Haddad", "Older brother")
    sd2 = now - timedelta(days=85)
    case2 = Case(
        young_person=amira,
        pathway=Pathway.ROTH,
        opened_on=sd2 - timedelta(days=3),
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
    first = sd2 + timedelta(days=20)
    d.conference(
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
    review = first + timedelta(weeks=6)
    d.conference(
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
        review + timedelta(weeks=6),
        chair,
        False,
        [
            ("Amira Haddad", role.YOUNG_PERSON, "", invited),
            (mother.name, role.PARENT_CARER, "", invited),
            (sw2.name, role.SOCIAL_WORKER, social_care.name, invited),
        ],
    )

    # 3. Transferred in from the traditional pathway as home became the safe base.
    kai = YoungPerson(
        first_name="Kai",
        last_name="Brennan",
        date_of_birth=_years_ago(17, 20),
        gender=Gender.MALE,
        ethnicity_code="MWBC",
        local_id="FER-18552",
    )
    session.add(kai)
    donna = d.family(kai, "Donna Brennan", "Mum", pr=True)
    d.family(kai, "Pat Brennan", "Grandad")
    sd3 = now - timedelta(days=210)
    case3 = Case(
        young_person=kai, pathway=Pathway.TRADITIONAL, opened_on=sd3, strategy_discussion_on=sd3
    )
    session.add(case3)
    session.add(
        CaseProfessional(case=case3, professional=sw1, role_in_case="Allocated social worker")
    )
    session.add(CaseProfessional(case=case3, professional=yjo, role_in_case="Youth justice"))
    d.conference(
        case3,
        ConferenceKind.INITIAL,
        sd3 + timedelta(days=19),
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
    moved = now - timedelta(days=45)
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
    d.conference(
        case3,
        ConferenceKind.TRANSFER_IN,
        moved + timedelta(days=14),
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


def create_demo(folder: Path, passphrase: str) -> Workspace:
    workspace = Workspace.create(folder, passphrase, actor=DEMO_ACTOR)
    with workspace.session() as session:
        populate(session)
    return workspace
