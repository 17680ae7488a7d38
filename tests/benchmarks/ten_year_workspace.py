"""A ten-year fictional workspace, for benchmarks.

About 150 young people a year for ten years, each with family, a case, its
conferences and their attendance, all written through the ordinary audited
path. Every name is built from invented syllables, so no real person appears.

    python -m tests.benchmarks.ten_year_workspace DIR PASSPHRASE_FILE [YEARS]
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.demo import populate
from roth_desktop.models import (
    Attendance,
    AttendanceStatus,
    AttendeeRole,
    Case,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    FamilyMember,
    Gender,
    Pathway,
    PathwayTransfer,
    YoungPerson,
)
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace

SYLLABLES = (
    "ar",
    "bel",
    "cor",
    "dun",
    "el",
    "fen",
    "gar",
    "hol",
    "ith",
    "jor",
    "kel",
    "lin",
    "mor",
    "nev",
    "ost",
    "pel",
    "quin",
    "ros",
    "sil",
    "tam",
    "ul",
    "ven",
)
PER_YEAR = 150


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _young_person(rng: random.Random, opened: date) -> YoungPerson:
    age = rng.randint(11, 17)
    born = opened - timedelta(days=age * 365 + rng.randint(0, 300))
    return YoungPerson(
        first_name=_name(rng),
        last_name=_name(rng, 3),
        date_of_birth=born,
        gender=rng.choice([Gender.MALE, Gender.MALE, Gender.FEMALE, Gender.NOT_KNOWN]),
        ethnicity_code=rng.choice(ethnicity_codes().codes).code,
        communication_needs=rng.choice(["", "Prefers short questions.", "Needs an interpreter."]),
    )


def _episode(rng: random.Random, yp: YoungPerson, opened: date, end: date) -> list[object]:
    sd = min(opened + timedelta(days=rng.randint(0, 5)), today())
    case = Case(young_person=yp, pathway=Pathway.ROTH, opened_on=opened, strategy_discussion_on=sd)
    rows: list[object] = [case]
    for _ in range(rng.randint(1, 3)):
        rows.append(
            FamilyMember(
                young_person=yp,
                name=f"{_name(rng)} {yp.last_name}",
                relationship_to_young_person=rng.choice(["Mum", "Dad", "Aunt"]),
                parental_responsibility=True,
                plan_partner=True,
            )
        )
    when = sd + timedelta(days=rng.randint(14, 21))
    kind = ConferenceKind.INITIAL
    while when <= end:
        conference = Conference(
            case=case,
            kind=kind,
            starts_at=datetime.combine(when, time(10)),
            status=ConferenceStatus.AGREED if when < today() else ConferenceStatus.DRAFT,
        )
        rows.append(conference)
        for role in (
            AttendeeRole.YOUNG_PERSON,
            AttendeeRole.PARENT_CARER,
            AttendeeRole.SOCIAL_WORKER,
            AttendeeRole.PROFESSIONAL,
            AttendeeRole.PROFESSIONAL,
        ):
            rows.append(
                Attendance(
                    conference=conference,
                    name=_name(rng),
                    role=role,
                    status=rng.choice(list(AttendanceStatus)),
                )
            )
        kind = ConferenceKind.REVIEW
        when += timedelta(weeks=6)
        if rng.random() < 0.25:
            break
    if rng.random() < 0.1 and when - timedelta(weeks=3) < today():
        rows.append(
            PathwayTransfer(
                case=case,
                from_pathway=Pathway.ROTH,
                to_pathway=Pathway.TRADITIONAL,
                transferred_on=when - timedelta(weeks=3),
                reason="Home became the main source of risk.",
            )
        )
        case.pathway = Pathway.TRADITIONAL
    return rows


def generate(folder: Path, passphrase: str, years: int = 10, seed: int = 2026) -> Workspace:
    rng = random.Random(seed)
    workspace = Workspace.create(folder, passphrase, actor="Benchmark generator")
    with workspace.session() as session:
        populate(session)  # the demo's agencies and people too
    start = today() - timedelta(days=365 * years)
    for year in range(years):
        with workspace.session() as session:
            for _ in range(PER_YEAR):
                opened = start + timedelta(days=year * 365 + rng.randint(0, 364))
                yp = _young_person(rng, opened)
                session.add(yp)
                end = min(opened + timedelta(days=rng.randint(60, 400)), today())
                session.add_all(_episode(rng, yp, opened, end))
    return workspace


if __name__ == "__main__":
    passphrase = Path(sys.argv[2]).read_text("utf-8").removesuffix("\n")
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    generate(Path(sys.argv[1]), passphrase, years).lock()
