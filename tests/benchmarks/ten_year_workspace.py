"""A ten-year fictional workspace, for benchmarks.

About 150 young people a year for ten years, each with family, a case, its
conferences and their attendance, all written through the ordinary audited
path. Every name is built from invented syllables, so no real person appears.

Each conference also carries what a real one records (see conference_content):
the weighted map, needs, voices, partner information, harm, the plan and the
minutes. Past conferences are filled in as drafts and agreed in the same session,
as a chair would; a case still open has its next review booked, as a draft.

    python -m tests.benchmarks.ten_year_workspace DIR PASSPHRASE_FILE [YEARS]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time as time_module
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import text

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.demo import populate
from roth_desktop.models import (
    Attendance,
    AttendanceStatus,
    AttendeeRole,
    Case,
    Conference,
    ConferenceKind,
    FamilyMember,
    Gender,
    Pathway,
    PathwayTransfer,
    Visit,
    YoungPerson,
)
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace
from tests.benchmarks.conference_content import ConferenceContent, Filled, Staff, agree

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


def _attendance(rng: random.Random, conference: Conference) -> list[object]:
    return [
        Attendance(
            conference=conference,
            name=_name(rng),
            role=role,
            status=rng.choice(list(AttendanceStatus)),
        )
        for role in (
            AttendeeRole.YOUNG_PERSON,
            AttendeeRole.PARENT_CARER,
            AttendeeRole.SOCIAL_WORKER,
            AttendeeRole.PROFESSIONAL,
            AttendeeRole.PROFESSIONAL,
        )
    ]


def _episode(
    rng: random.Random,
    yp: YoungPerson,
    opened: date,
    end: date,
    content: ConferenceContent | None = None,
) -> list[object]:
    """One case. ``content`` fills its conferences; the people, cases and conferences
    themselves come from ``rng`` alone, so they are the same with or without it."""
    sd = min(opened + timedelta(days=rng.randint(0, 5)), today())
    case = Case(young_person=yp, pathway=Pathway.ROTH, opened_on=opened, strategy_discussion_on=sd)
    rows: list[object] = [case]
    family: list[FamilyMember] = []
    for _ in range(rng.randint(1, 3)):
        family.append(
            FamilyMember(
                young_person=yp,
                name=f"{_name(rng)} {yp.last_name}",
                relationship_to_young_person=rng.choice(["Mum", "Dad", "Aunt"]),
                parental_responsibility=True,
                plan_partner=True,
            )
        )
    rows += family
    when = sd + timedelta(days=rng.randint(14, 21))
    kind = ConferenceKind.INITIAL
    previous: Filled | None = None
    to_agree: list[Conference] = []
    ended_early = False
    while when <= end:
        # A draft while its content goes in; agreed below, once it is all there.
        conference = Conference(case=case, kind=kind, starts_at=datetime.combine(when, time(10)))
        rows.append(conference)
        rows += _attendance(rng, conference)
        past = when < today()
        if content is not None:
            added, previous = content.fill(conference, family, previous, agreed=past)
            rows += added
        if past:
            to_agree.append(conference)
        kind = ConferenceKind.REVIEW
        when += timedelta(weeks=6)
        if rng.random() < 0.25:
            ended_early = True
            break
    transferred = False
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
        transferred = True
    if content is not None and end == today() and not ended_early and not transferred:
        # Still open: the next review is booked and its papers are being prepared.
        upcoming = Conference(case=case, kind=kind, starts_at=datetime.combine(when, time(10)))
        rows.append(upcoming)
        rows += _attendance(content.rng, upcoming)
        rows += content.fill(upcoming, family, previous, agreed=False)[0]
    for conference in to_agree:
        agree(conference)
    if content is not None:
        # Seen every week from the initial conference, somewhere that suits them.
        first = sd + timedelta(days=14)
        places = ("home", "school", "youth club", "café")
        visit_on, n = first + timedelta(days=7), 0
        while visit_on <= min(end, today()):
            rows.append(Visit(case=case, visited_on=visit_on, place=places[n % 4], who_seen="YP"))
            visit_on += timedelta(days=7)
            n += 1
    if end < today():
        case.closed_on = end  # the episode is over: most of ten years' cases are closed
    return rows


def generate(
    folder: Path, passphrase: str, years: int = 10, seed: int = 2026, content: bool = True
) -> Workspace:
    rng = random.Random(seed)
    content_rng = random.Random(seed + 1)  # separate, so the people are the same either way
    workspace = Workspace.create(folder, passphrase, actor="Benchmark generator")
    with workspace.session() as session:
        populate(session)  # the demo's agencies and people too
    start = today() - timedelta(days=365 * years)
    for year in range(years):
        with workspace.session() as session:
            # A bigger page cache for this connection only (the engine opens a new one for
            # every session): a year of records goes in as one flush, and the indexes of
            # a database of hundreds of megabytes no longer fit SQLite's default cache.
            session.execute(text("PRAGMA cache_size = -131072"))
            filler = ConferenceContent(content_rng, Staff.load(session)) if content else None
            for _ in range(PER_YEAR):
                opened = start + timedelta(days=year * 365 + rng.randint(0, 364))
                yp = _young_person(rng, opened)
                session.add(yp)
                end = min(opened + timedelta(days=rng.randint(60, 400)), today())
                session.add_all(_episode(rng, yp, opened, end, filler))
    return workspace


def generate_for_benchmark(prefix: str, passphrase: str, years: int = 10) -> Path:
    """A fresh ten-year workspace in a new temp folder (locked), with the app's config and
    state folders beside it, and how long it took said on stderr."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.setdefault("ROTH_DESKTOP_STATE_DIR", str(root / "state"))
    os.environ.setdefault("ROTH_DESKTOP_CONFIG_DIR", str(root / "config"))
    print(
        f"generating a {years}-year fictional workspace with conference content…", file=sys.stderr
    )
    started = time_module.perf_counter()
    generate(root / "ten-year", passphrase, years).lock()
    print(f"  generated in {time_module.perf_counter() - started:.0f} s", file=sys.stderr)
    return root / "ten-year"


if __name__ == "__main__":
    passphrase = Path(sys.argv[2]).read_text("utf-8").removesuffix("\n")
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    generate(Path(sys.argv[1]), passphrase, years).lock()
