"""The calendar export and ``roth-desktop due --json``: what leaves the workspace.

An .ics file goes to Outlook, a phone or a cloud calendar, so it is read back here
with the real ``icalendar`` parser, and searched for every name and place the
workspace holds: none may be in it. Times are written in UTC from the England and
Wales clock (10:00 in July is 09:00Z; 10:00 in December is 10:00Z).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from icalendar.cal import Component
from sqlalchemy import select

from roth_desktop.models import (
    Agency,
    Case,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    DeadlineKind,
    FamilyMember,
    Pathway,
    Visit,
    YoungPerson,
)
from roth_desktop.timescales.ics import write_calendar
from roth_desktop.timescales.policy import TimescalePolicy
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.common import assert_one_error_line, cli_demo, run_cli

UK = ZoneInfo("Europe/London")


# -- reading what was written ----------------------------------------------------------------


def _parse(path: Path) -> tuple[str, Calendar, dict[str, Component]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line  # folded as RFC 5545 asks
    calendar = Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//ROTH Desktop//")
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT")), "every UID is unique"
    for event in events.values():
        assert event.get("DTSTAMP") is not None
        assert "LOCATION" not in event
    # Unfolded, so that a name split across two lines is still found.
    return text.replace("\r\n ", ""), calendar, events


def _personal_words(session: Any) -> set[str]:
    """Every name, word of a name, place and address in the workspace."""
    found: set[str] = set()
    # A place's words that are also in an agency's name ("Fernleigh") name the town or
    # the service, not anyone's whereabouts: agencies are named in the JSON on purpose.
    agencies = {
        w for name in session.scalars(select(Agency.name)) for w in re.findall(r"\w+", name)
    }

    def add(*values: str, place: bool = False) -> None:
        for value in values:
            value = (value or "").strip()
            if not value:
                continue
            found.add(value)
            # Every part of a name; the parts of a place between commas, and its longer
            # words ("Quarry", "Heron"), but not "Home" or "Flat".
            found.update(p.strip() for p in value.split("," if place else " ") if p.strip())
            if place:
                found.update(
                    w for w in re.findall(r"\w+", value) if len(w) >= 5 and w not in agencies
                )

    for yp in session.scalars(select(YoungPerson)):
        add(yp.first_name, yp.last_name, yp.preferred_name, yp.display_name)
        add(f"{yp.first_name} {yp.last_name}")
    for member in session.scalars(select(FamilyMember)):
        add(member.name)
        add(member.address, place=True)
    for conference in session.scalars(select(Conference)):
        add(conference.location, place=True)
    for visit in session.scalars(select(Visit)):
        add(visit.place, place=True)
    return found


def _found(text: str, words: Iterable[str]) -> list[str]:
    return sorted(
        w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)
    )


def _when(event: Component, name: str) -> date | datetime:
    value = event.decoded(name)
    assert isinstance(value, date), (name, value)
    return value


def _utc(local: datetime) -> datetime:
    return local.replace(tzinfo=UK).astimezone(UTC)


# -- a workspace with dates fixed by hand ----------------------------------------------------

AS_OF = date(2026, 6, 29)  # a Monday


@dataclass(frozen=True)
class Booked:
    workspace: Workspace
    first_review: str  # 30 July 2026, 10:00 (summer time)
    winter_review: str  # 1 December 2026, 10:00 (GMT)
    initial_booked: str  # 8 July 2026, 14:30
    held_initial: str  # 22 June 2026: before AS_OF, so not in the calendar
    ellis_case: str
    noor_case: str


def _conference(
    case: Case, kind: ConferenceKind, at: datetime, where: str, **more: Any
) -> Conference:
    return Conference(case=case, kind=kind, starts_at=at, location=where, **more)


@pytest.fixture
def booked(empty_workspace: Workspace) -> Booked:
    with empty_workspace.session() as session:
        ellis = YoungPerson(
            first_name="Ellis",
            last_name="Pengelly",
            preferred_name="Jory",
            date_of_birth=date(2011, 6, 10),
        )
        noor = YoungPerson(
            first_name="Noor", last_name="Castellan", date_of_birth=date(2012, 1, 20)
        )
        session.add_all(
            [
                ellis,
                noor,
                FamilyMember(
                    young_person=ellis,
                    name="Kerensa Pengelly",
                    relationship_to_young_person="Mum",
                    address="14 Quarry Row, Kestrel Vale",
                ),
                FamilyMember(
                    young_person=ellis,
                    name="Jowan Pengelly",
                    relationship_to_young_person="Brother",
                ),
                FamilyMember(
                    young_person=noor,
                    name="Ifeoma Castellan",
                    relationship_to_young_person="Mum",
                    address="Flat 2, Heron Court",
                ),
            ]
        )
        # Ellis: strategy discussion Monday 15 June, initial conference Monday 22 June
        # (a plan), core group booked for Tuesday 30 June, first review booked for
        # Thursday 30 July, and another in December.
        ellis_case = Case(
            young_person=ellis,
            pathway=Pathway.ROTH,
            opened_on=date(2026, 6, 12),
            strategy_discussion_on=date(2026, 6, 15),
        )
        held = _conference(
            ellis_case,
            ConferenceKind.INITIAL,
            datetime(2026, 6, 22, 10, 0),
            "Pengelly family home, 14 Quarry Row",
            significant_harm=True,
            outcome=ConferenceOutcome.ROTH_PLAN,
            core_group_on=date(2026, 6, 30),
        )
        first_review = _conference(
            ellis_case, ConferenceKind.REVIEW, datetime(2026, 7, 30, 10, 0), "Northbrook Family Hub"
        )
        winter_review = _conference(
            ellis_case,
            ConferenceKind.REVIEW,
            datetime(2026, 12, 1, 10, 0),
            "Kestrel Vale Civic Centre, Room 2",
        )
        # Noor: strategy discussion Wednesday 24 June; initial conference booked for
        # Wednesday 8 July at 14:30.
        noor_case = Case(
            young_person=noor,
            pathway=Pathway.ROTH,
            opened_on=date(2026, 6, 23),
            strategy_discussion_on=date(2026, 6, 24),
        )
        initial = _conference(
            noor_case, ConferenceKind.INITIAL, datetime(2026, 7, 8, 14, 30), "Flat 2, Heron Court"
        )
        session.add_all([ellis_case, noor_case, held, first_review, winter_review, initial])
    return Booked(
        empty_workspace,
        first_review.id,
        winter_review.id,
        initial.id,
        held.id,
        ellis_case.id,
        noor_case.id,
    )


def test_the_calendar_holds_booked_conferences_and_deadlines_with_initials_only(
    booked: Booked, tmp_path: Path
) -> None:
    with booked.workspace.session() as session:
        result = write_calendar(session, tmp_path / "chair.ics", TimescalePolicy(), AS_OF)
        personal = _personal_words(session)
    assert result.path == tmp_path / "chair.ics"
    assert (result.conferences, result.deadlines) == (3, 3)
    text, _calendar, events = _parse(result.path)

    # Booked conferences, at their wall-clock times in UTC, two hours long.
    expected_starts = {
        booked.first_review: datetime(2026, 7, 30, 9, 0, tzinfo=UTC),  # 10:00 BST
        booked.initial_booked: datetime(2026, 7, 8, 13, 30, tzinfo=UTC),  # 14:30 BST
        booked.winter_review: datetime(2026, 12, 1, 10, 0, tzinfo=UTC),  # 10:00 GMT
    }
    for conference_id, start in expected_starts.items():
        event = events[f"conference-{conference_id}@roth-desktop"]
        assert _when(event, "DTSTART") == start
        assert _when(event, "DTEND") == start + timedelta(hours=2)
        assert str(event["STATUS"]) == "CONFIRMED"
    assert f"conference-{booked.held_initial}@roth-desktop" not in events  # already held
    assert str(events[f"conference-{booked.first_review}@roth-desktop"]["SUMMARY"]) == (
        "Review conference — EP"
    )
    assert str(events[f"conference-{booked.initial_booked}@roth-desktop"]["SUMMARY"]) == (
        "Initial conference — NC"
    )

    # Deadlines: all-day events on the last day each is in time.
    deadlines = {
        f"due-review-{booked.held_initial}@roth-desktop": (
            date(2026, 8, 3),  # 6 weeks after Monday 22 June
            "Review conference due — EP, booked 30/07/2026",
        ),
        f"due-core_group-{booked.held_initial}@roth-desktop": (
            date(2026, 7, 6),  # 10 working days after Monday 22 June
            "First core group due — EP, booked 30/06/2026",
        ),
        f"due-initial_conference-{booked.noor_case}@roth-desktop": (
            date(2026, 7, 15),  # 15 working days after Wednesday 24 June
            "Initial conference due — NC, booked 08/07/2026",
        ),
    }
    for uid, (day, summary) in deadlines.items():
        event = events[uid]
        first, after = _when(event, "DTSTART"), _when(event, "DTEND")
        assert type(first) is date and type(after) is date, uid  # all-day, not a time
        assert (first, after) == (day, day + timedelta(days=1))
        assert str(event["SUMMARY"]) == summary
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert "Initials only" in str(event["DESCRIPTION"])
    assert set(events) == {f"conference-{c}@roth-desktop" for c in expected_starts} | set(deadlines)

    # Nothing personal: no name, no first or last name alone, no place, no address.
    assert {"Ellis", "Pengelly", "Jory", "Kerensa", "14 Quarry Row", "Quarry", "Heron"} <= personal
    assert _found(text, personal) == []


def test_agreed_conferences_and_those_before_the_day_are_left_out(
    booked: Booked, tmp_path: Path
) -> None:
    # Counted from the day after Noor's conference, it is no longer ahead.
    with booked.workspace.session() as session:
        result = write_calendar(
            session, tmp_path / "later.ics", TimescalePolicy(), date(2026, 7, 9)
        )
    _text, _calendar, events = _parse(result.path)
    assert f"conference-{booked.initial_booked}@roth-desktop" not in events
    assert f"conference-{booked.first_review}@roth-desktop" in events
    # Agreed once it has taken place (a conference can only be agreed after its day):
    # left out, because the calendar is for what is still to come.
    assert today() > date(2026, 7, 30)
    with booked.workspace.session() as session:
        review = session.get(Conference, booked.first_review)
        assert review is not None
        review.outcome = ConferenceOutcome.ROTH_PLAN
        review.significant_harm = True
        review.status = ConferenceStatus.AGREED
        review.agreed_at = datetime(2026, 7, 30, 12, 0)
    with booked.workspace.session() as session:
        result = write_calendar(session, tmp_path / "agreed.ics", TimescalePolicy(), AS_OF)
    _text, _calendar, events = _parse(result.path)
    assert f"conference-{booked.first_review}@roth-desktop" not in events
    assert f"conference-{booked.winter_review}@roth-desktop" in events


# -- the command line on the demo ------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("calendar-demo")
    return cli_demo(base, PASSPHRASE)


@dataclass(frozen=True)
class DemoRecords:
    personal: set[str]
    young_people: dict[str, str]  # id -> first name
    booked: dict[str, datetime]  # draft conferences from today, id -> local start


def _demo_records(demo: dict[str, Any]) -> DemoRecords:
    workspace = Workspace.open(demo["folder"], PASSPHRASE)
    try:
        with workspace.session() as session:
            personal = _personal_words(session)
            people = {yp.id: yp.first_name for yp in session.scalars(select(YoungPerson))}
            start = datetime.combine(today(), time.min)
            booked = {
                c.id: c.starts_at
                for c in session.scalars(select(Conference).where(Conference.starts_at >= start))
                if c.status != ConferenceStatus.AGREED
            }
    finally:
        workspace.lock()
    return DemoRecords(personal, people, booked)


def test_the_calendar_command_on_the_demo(demo: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "demo.ics"
    result = run_cli(
        "calendar",
        "--workspace",
        demo["folder"],
        "--passphrase-file",
        demo["secret"],
        "--out",
        out,
        env=demo["env"],
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    records = _demo_records(demo)
    text, _calendar, events = _parse(out)
    conferences = {uid: e for uid, e in events.items() if uid.startswith("conference-")}
    deadlines = {uid: e for uid, e in events.items() if uid.startswith("due-")}
    assert result.stdout.strip() == (
        f"Wrote {len(conferences)} conference(s) and {len(deadlines)} deadline(s) to {out} "
        "(initials only)"
    )
    # Tyler's initial conference and Mira's next review are booked.
    assert len(records.booked) == 2
    assert set(conferences) == {f"conference-{c}@roth-desktop" for c in records.booked}
    for conference_id, local in records.booked.items():
        event = conferences[f"conference-{conference_id}@roth-desktop"]
        assert _when(event, "DTSTART") == _utc(local)
        assert local.weekday() < 5  # the demo books conferences on working days
    kinds = {uid.split("-")[1] for uid in deadlines}
    assert {"initial_conference", "review"} <= kinds
    assert kinds <= {"initial_conference", "core_group", "interim_review", "review"}
    for uid, event in deadlines.items():
        start = _when(event, "DTSTART")
        assert type(start) is date and start >= today(), uid
        assert _when(event, "DTEND") == start + timedelta(days=1)
        assert re.fullmatch(r"due-[a-z_]+-[0-9a-f-]{36}@roth-desktop", uid), uid
        assert re.search(r" — [A-Z]{2},", str(event["SUMMARY"])), event["SUMMARY"]
    assert {"Tyler", "Marsh", "Mira", "Brennan", "Joanne Marsh", "Pat Brennan"} <= records.personal
    assert _found(text, records.personal) == []


def test_due_json_on_the_demo(demo: dict[str, Any]) -> None:
    on = today()
    result = run_cli(
        "due",
        "--workspace",
        demo["folder"],
        "--passphrase-file",
        demo["secret"],
        "--json",
        "--on",
        on.isoformat(),
        env=demo["env"],
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    body = json.loads(result.stdout)
    assert body["as_of"] == on.isoformat()
    assert body["policy"] == "national defaults"
    assert body["warnings"] == []
    records = _demo_records(demo)
    items = body["items"]
    assert items
    kinds = {k.value for k in DeadlineKind}
    for item in items:
        assert item["kind"] in kinds
        assert item["young_person_id"] in records.young_people
        assert str(uuid.UUID(item["young_person_id"])) == item["young_person_id"]
        due_on = date.fromisoformat(item["due_on"])
        assert isinstance(item["days_overdue"], int) and item["days_overdue"] >= 0
        if item["state"] == "overdue":
            assert item["days_overdue"] == (on - due_on).days > 0
        elif item["state"] != "late":
            assert item["days_overdue"] == 0 and due_on >= on
        assert re.fullmatch(r"[A-Z]{2}", item["initials"])
    by_person: dict[str, set[str]] = {}
    for item in items:
        by_person.setdefault(records.young_people[item["young_person_id"]], set()).add(item["kind"])
    # The demo's promises: Mira's visit is overdue (none since her plan began); Kai is
    # seen weekly, so his is due within days; Kai turns 18 in about four months with one
    # route to adult support decided.
    visits = {records.young_people[i["young_person_id"]]: i for i in items if i["kind"] == "visit"}
    assert visits["Amira"]["state"] == "overdue" and visits["Amira"]["days_overdue"] > 0
    assert visits["Kai"]["state"] in ("due_today", "due_soon")
    (eighteen,) = [i for i in items if i["kind"] == "turns_18"]
    assert records.young_people[eighteen["young_person_id"]] == "Kai"
    assert 90 <= (date.fromisoformat(eighteen["due_on"]) - on).days <= 130
    assert eighteen["detail"] == "Transition plan still to decide: leaving care, SEND 0–25."
    assert "action" in by_person["Amira"]
    # Nothing that names anyone: not the young people, their families or where they are.
    assert _found(result.stdout, records.personal) == []


@pytest.mark.parametrize("command", ["due", "calendar"])
def test_an_impossible_date_is_one_clear_line(
    demo: dict[str, Any], tmp_path: Path, command: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    extra: list[str | Path] = ["--out", out_dir / "x.ics"] if command == "calendar" else []
    result = run_cli(
        command,
        "--workspace",
        demo["folder"],
        "--passphrase-file",
        demo["secret"],
        "--on",
        "2026-02-30",
        *extra,
        env=demo["env"],
    )
    assert result.returncode == 1
    assert assert_one_error_line(result) == (
        "roth-desktop: '2026-02-30' is not a real date; use a date such as 31/01/2026."
    )
    assert result.stdout == ""
    assert list(out_dir.iterdir()) == []
