"""Rules every write must keep; a rejected write leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from roth_desktop import edits
from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    RECORD_TYPES,
    Agency,
    AgencyKind,
    Attendance,
    AttendeeRole,
    AuditEntry,
    Case,
    Conference,
    ConferenceKind,
    ConferenceStatus,
    Pathway,
    PathwayTransfer,
    Professional,
    YoungPerson,
)
from roth_desktop.validation import nhs_number_problem, parse_date, today
from roth_desktop.workspace import Workspace


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0))


def _years_before(day: date, years: int) -> date:
    return date(day.year - years, day.month, min(day.day, 28))


@dataclass(frozen=True)
class Ids:
    young_person: str
    case: str
    conference: str


@pytest.fixture
def existing(empty_workspace: Workspace) -> Ids:
    """A young person with a case: strategy discussion 10 days ago, initial conference 5."""
    now = today()
    with empty_workspace.session() as session:
        yp = YoungPerson(
            first_name="Test", last_name="Person", date_of_birth=_years_before(now, 15)
        )
        case = Case(
            young_person=yp,
            pathway=Pathway.ROTH,
            opened_on=now - timedelta(days=12),
            strategy_discussion_on=now - timedelta(days=10),
        )
        conference = Conference(
            case=case,
            kind=ConferenceKind.INITIAL,
            starts_at=_at(now - timedelta(days=5)),
        )
        session.add_all([yp, case, conference])
    return Ids(yp.id, case.id, conference.id)


def _counts(workspace: Workspace) -> dict[str, int]:
    with workspace.session() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(cls)) or 0
            for name, cls in RECORD_TYPES.items()
        }
        counts["audit_entry"] = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return counts


def _rejected(
    workspace: Workspace, write: Callable[[Session], object], field: str, message: str
) -> ValidationError:
    """Run ``write(session)``; it must fail on ``field`` and leave the database as it was."""
    before = _counts(workspace)
    with pytest.raises(ValidationError) as caught, workspace.session() as session:
        write(session)
        session.flush()
    assert field in caught.value.problems, caught.value.problems
    assert message in caught.value.problems[field]
    assert message in str(caught.value)
    assert _counts(workspace) == before
    return caught.value


# -- young people -------------------------------------------------------------------------


def test_a_date_of_birth_in_the_future_is_rejected(empty_workspace: Workspace) -> None:
    tomorrow = today() + timedelta(days=1)
    _rejected(
        empty_workspace,
        lambda s: s.add(YoungPerson(first_name="Test", last_name="Future", date_of_birth=tomorrow)),
        "date_of_birth",
        "cannot be in the future",
    )
    with empty_workspace.session() as session:
        assert session.scalars(select(YoungPerson)).all() == []


def test_a_date_of_birth_over_25_is_rejected_and_25_is_not(empty_workspace: Workspace) -> None:
    now = today()
    twenty_six = _years_before(now, 26) - timedelta(days=1)
    _rejected(
        empty_workspace,
        lambda s: s.add(
            YoungPerson(first_name="Test", last_name="Older", date_of_birth=twenty_six)
        ),
        "date_of_birth",
        "over 25",
    )
    with empty_workspace.session() as session:
        session.add(
            YoungPerson(first_name="Test", last_name="Young", date_of_birth=_years_before(now, 25))
        )
    with empty_workspace.session() as session:
        assert [yp.last_name for yp in session.scalars(select(YoungPerson))] == ["Young"]


def test_a_historic_record_of_someone_now_over_25_is_kept(empty_workspace: Workspace) -> None:
    """Ten years of records include people who are adults now: history, not typos."""
    now = today()
    opened = _years_before(now, 12)
    with empty_workspace.session() as session:
        yp = YoungPerson(
            first_name="Test", last_name="Historic", date_of_birth=_years_before(opened, 16)
        )
        session.add_all([yp, Case(young_person=yp, pathway=Pathway.CLOSED, opened_on=opened)])
    with empty_workspace.session() as session:
        assert session.scalars(select(YoungPerson.last_name)).all() == ["Historic"]


def test_a_case_cannot_open_after_the_18th_birthday(empty_workspace: Workspace) -> None:
    now = today()
    with empty_workspace.session() as session:
        yp = YoungPerson(first_name="Test", last_name="Adult", date_of_birth=_years_before(now, 19))
        session.add(yp)
    _rejected(
        empty_workspace,
        lambda s: s.add(Case(young_person_id=yp.id, pathway=Pathway.ROTH, opened_on=now)),
        "opened_on",
        "before the young person's 18th birthday",
    )


def test_changing_a_date_of_birth_to_the_future_is_rejected(
    empty_workspace: Workspace, existing: Ids
) -> None:
    def write(session: Session) -> None:
        yp = session.get_one(YoungPerson, existing.young_person)
        yp.date_of_birth = today() + timedelta(days=3)

    _rejected(empty_workspace, write, "date_of_birth", "future")
    with empty_workspace.session() as session:
        stored = session.get_one(YoungPerson, existing.young_person)
        assert stored is not None and stored.date_of_birth == _years_before(today(), 15)


def test_nhs_number_checksum() -> None:
    assert nhs_number_problem("9434765919") is None
    assert nhs_number_problem("943 476 5919") is None
    assert "not valid" in (nhs_number_problem("9434765918") or "")
    assert "10 digits" in (nhs_number_problem("943476591") or "")
    assert "10 digits" in (nhs_number_problem("94347659AB") or "")


def test_an_invalid_nhs_number_is_not_saved(empty_workspace: Workspace) -> None:
    _rejected(
        empty_workspace,
        lambda s: s.add(YoungPerson(first_name="Test", last_name="Nhs", nhs_number="9434765918")),
        "nhs_number",
        "not valid",
    )
    with empty_workspace.session() as session:
        session.add(YoungPerson(first_name="Test", last_name="Nhs", nhs_number="9434765919"))
    with empty_workspace.session() as session:
        assert [yp.nhs_number for yp in session.scalars(select(YoungPerson))] == ["9434765919"]


# -- dates typed in -----------------------------------------------------------------------


def test_parse_date_reads_both_forms_and_names_impossible_text() -> None:
    assert parse_date("2026-01-31") == date(2026, 1, 31)
    assert parse_date(" 31/01/2026 ") == date(2026, 1, 31)
    with pytest.raises(ValueError, match=r"'31/02/2026' is not a real date"):
        parse_date("31/02/2026")
    with pytest.raises(ValueError, match="'next Tuesday'"):
        parse_date("next Tuesday")


# -- cases and conferences ----------------------------------------------------------------


def test_an_initial_conference_before_the_strategy_discussion_is_rejected(
    empty_workspace: Workspace, existing: Ids
) -> None:
    def write(session: Session) -> None:
        case = session.get_one(Case, existing.case)
        assert case.strategy_discussion_on is not None
        session.add(
            Conference(
                case=case,
                kind=ConferenceKind.INITIAL,
                starts_at=_at(case.strategy_discussion_on - timedelta(days=1)),
            )
        )

    _rejected(empty_workspace, write, "starts_at", "before the strategy discussion")
    with empty_workspace.session() as session:
        assert [c.id for c in session.scalars(select(Conference))] == [existing.conference]


def test_moving_the_strategy_discussion_after_the_initial_conference_is_rejected(
    empty_workspace: Workspace, existing: Ids
) -> None:
    def write(session: Session) -> None:
        case = session.get_one(Case, existing.case)
        case.strategy_discussion_on = today() - timedelta(days=3)

    _rejected(empty_workspace, write, "strategy_discussion_on", "cannot predate")
    with empty_workspace.session() as session:
        case = session.get_one(Case, existing.case)
        assert case is not None
        assert case.strategy_discussion_on == today() - timedelta(days=10)


def test_an_agreed_conference_in_the_future_is_rejected(
    empty_workspace: Workspace, existing: Ids
) -> None:
    def write(session: Session) -> None:
        case = session.get_one(Case, existing.case)
        session.add(
            Conference(
                case=case,
                kind=ConferenceKind.REVIEW,
                starts_at=_at(today() + timedelta(days=7)),
                status=ConferenceStatus.AGREED,
            )
        )

    _rejected(empty_workspace, write, "status", "once it has taken place")

    def agree_later(session: Session) -> None:
        conference = session.get_one(Conference, existing.conference)
        conference.starts_at = _at(today() + timedelta(days=2))
        conference.status = ConferenceStatus.AGREED

    _rejected(empty_workspace, agree_later, "status", "once it has taken place")


def test_a_transfer_to_the_same_pathway_is_rejected(
    empty_workspace: Workspace, existing: Ids
) -> None:
    def write(session: Session) -> None:
        case = session.get_one(Case, existing.case)
        session.add(
            PathwayTransfer(
                case=case,
                from_pathway=Pathway.ROTH,
                to_pathway=Pathway.ROTH,
                transferred_on=today(),
                reason="Testing a transfer that goes nowhere.",
            )
        )

    _rejected(empty_workspace, write, "to_pathway", "different pathway")


def test_leaving_before_arriving_is_rejected(empty_workspace: Workspace, existing: Ids) -> None:
    def write(session: Session) -> None:
        conference = session.get_one(Conference, existing.conference)
        session.add(
            Attendance(
                conference=conference,
                name="Test Attendee",
                role=AttendeeRole.ADVOCATE,
                arrived_at=conference.starts_at + timedelta(minutes=30),
                left_at=conference.starts_at + timedelta(minutes=10),
            )
        )

    _rejected(empty_workspace, write, "left_at", "leave before they arrived")


def test_a_valid_write_after_a_rejected_one_is_kept(
    empty_workspace: Workspace, existing: Ids
) -> None:
    def bad(session: Session) -> None:
        session.add(YoungPerson(first_name="", last_name="Person", date_of_birth=today()))

    _rejected(empty_workspace, bad, "first_name", "Enter a first name")
    with empty_workspace.session() as session:
        session.add(YoungPerson(first_name="Test", last_name="Second"))
    with empty_workspace.session() as session:
        names = sorted(yp.last_name for yp in session.scalars(select(YoungPerson)))
    assert names == ["Person", "Second"]


def test_moving_a_date_of_birth_after_an_existing_conference_is_rejected(
    empty_workspace: Workspace,
) -> None:
    """'A conference cannot be before the young person was born' must hold however
    the dates come to disagree, including when the date of birth is the one edited."""
    now = today()
    with empty_workspace.session() as session:
        yp = YoungPerson(
            first_name="Test", last_name="Person", date_of_birth=_years_before(now, 15)
        )
        case = Case(young_person=yp, pathway=Pathway.ROTH, opened_on=now - timedelta(days=30))
        conference = Conference(
            case=case, kind=ConferenceKind.INITIAL, starts_at=_at(now - timedelta(days=20))
        )
        session.add_all([yp, case, conference])

    def write(session: Session) -> None:
        stored = session.get_one(YoungPerson, yp.id)
        stored.date_of_birth = now - timedelta(days=10)  # a typo: after the conference

    _rejected(empty_workspace, write, "starts_at", "before the young person was born")


def test_several_fields_change_together_and_are_judged_together(
    empty_workspace: Workspace, existing: Ids
) -> None:
    """Moving a visit from 10:00-11:00 to 14:00-15:00 is fine, though "arrived 14:00,
    left 11:00" would not be: the fields of one edit are validated as a whole."""
    day = today() - timedelta(days=5)
    with empty_workspace.session() as session:
        attendee = Attendance(
            conference_id=existing.conference,
            name="Test Attendee",
            role=AttendeeRole.ADVOCATE,
            arrived_at=_at(day, 10),
            left_at=_at(day, 11),
        )
        session.add(attendee)
    with empty_workspace.session() as session:
        old = edits.set_fields(
            session,
            "attendance",
            attendee.id,
            {"arrived_at": _at(day, 14), "left_at": _at(day, 15)},
        )
    assert old == {"arrived_at": _at(day, 10), "left_at": _at(day, 11)}
    with empty_workspace.session() as session:
        stored = session.get_one(Attendance, attendee.id)
        assert (stored.arrived_at, stored.left_at) == (_at(day, 14), _at(day, 15))


def test_agency_names_are_unique_whatever_the_case(empty_workspace: Workspace) -> None:
    with empty_workspace.session() as session:
        session.add(Agency(name="Test Academy", kind=AgencyKind.EDUCATION))
    _rejected(
        empty_workspace,
        lambda s: s.add(Agency(name="test academy", kind=AgencyKind.EDUCATION)),
        "name",
        "already an agency with that name",
    )


def test_a_professional_needs_an_agency(empty_workspace: Workspace) -> None:
    _rejected(
        empty_workspace,
        lambda s: s.add(Professional(name="Test Worker")),
        "agency_id",
        "Choose their agency",
    )


def test_a_dangling_link_is_refused_in_plain_words_without_values(
    empty_workspace: Workspace,
) -> None:
    error = _rejected(
        empty_workspace,
        lambda s: edits.create_record(
            s,
            "family_member",
            {
                "young_person_id": "no-such-young-person",
                "name": "Test Relative",
                "relationship_to_young_person": "Aunt",
            },
        ),
        "record",
        "Nothing was saved",
    )
    assert "Test Relative" not in str(error)


def test_a_case_cannot_open_before_the_young_person_was_born(
    empty_workspace: Workspace,
) -> None:
    born = today() - timedelta(days=400)
    with empty_workspace.session() as session:
        yp = YoungPerson(first_name="Test", last_name="Baby", date_of_birth=born)
        session.add(yp)
    _rejected(
        empty_workspace,
        lambda s: s.add(
            Case(young_person_id=yp.id, pathway=Pathway.ROTH, opened_on=born - timedelta(days=1))
        ),
        "opened_on",
        "before the young person was born",
    )


def test_nhs_numbers_take_only_ordinary_digits() -> None:
    assert nhs_number_problem("943476591\u00b9") is not None  # a superscript one
    assert (
        nhs_number_problem("\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669")
        is not None
    )
