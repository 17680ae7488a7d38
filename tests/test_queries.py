"""The case list shows each young person's current case and its next conference."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from roth_desktop.models import (
    Case,
    Conference,
    ConferenceKind,
    Pathway,
    Professional,
    Visit,
    YoungPerson,
)
from roth_desktop.queries import case_detail, case_rows, case_visits
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace


def test_demo_case_list_rows(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        rows = {row.name: row for row in case_rows(session)}
    assert list(rows) == ["Kai Brennan", "Mira Haddad", "Tyler Marsh"]  # by last name
    assert rows["Tyler Marsh"].pathway == Pathway.ROTH
    tyler_next = rows["Tyler Marsh"].next_conference
    assert tyler_next is not None and tyler_next.date() > today()
    assert rows["Tyler Marsh"].last_conference is None
    assert rows["Kai Brennan"].next_conference is None
    assert rows["Kai Brennan"].last_conference is not None
    assert rows["Mira Haddad"].age == 16


def test_an_open_case_is_current_over_a_later_closed_one(empty_workspace: Workspace) -> None:
    now = today()
    with empty_workspace.session() as session:
        yp = YoungPerson(
            first_name="Test", last_name="Person", date_of_birth=now - timedelta(days=15 * 365)
        )
        older_open = Case(
            young_person=yp, pathway=Pathway.ROTH, opened_on=now - timedelta(days=300)
        )
        newer_closed = Case(
            young_person=yp,
            pathway=Pathway.EARLY_HELP,
            opened_on=now - timedelta(days=100),
            closed_on=now - timedelta(days=10),
        )
        session.add_all([yp, older_open, newer_closed])
        session.add(
            Conference(
                case=older_open,
                kind=ConferenceKind.REVIEW,
                starts_at=datetime.combine(now, time(9)),
            )
        )
    with empty_workspace.session() as session:
        (row,) = case_rows(session)
        detail = case_detail(session, row.young_person_id)
    assert row.case_id == older_open.id
    assert row.pathway == Pathway.ROTH
    # A draft conference later today still counts as coming up.
    assert row.next_conference == datetime.combine(now, time(9))
    assert detail is not None and detail.case is not None
    assert detail.case["id"] == older_open.id


def test_case_visits_latest_first_with_who_visited(demo_workspace: Workspace) -> None:
    now = today()
    with demo_workspace.session() as session:
        mira = session.query(YoungPerson).filter_by(last_name="Haddad").one()
        (case,) = mira.cases
        worker = session.query(Professional).filter_by(name="Priya Raman").one()
        session.add_all(
            [
                Visit(case=case, visited_on=now - timedelta(days=9), place="Home"),
                Visit(
                    case=case,
                    visited_on=now - timedelta(days=2),
                    place="Fernleigh College",
                    seen_alone=True,
                    professional=worker,
                ),
            ]
        )
        case_id = case.id
    with demo_workspace.session() as session:
        visits = case_visits(session, case_id)
    assert [v["place"] for v in visits] == ["Fernleigh College", "Home"]
    assert visits[0]["professional_name"] == "Priya Raman"
    assert visits[0]["seen_alone"] and visits[0]["young_person_seen"]
    assert visits[1]["professional_name"] == ""
