"""Read-side queries shared by the command line and the UI's case list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from roth_desktop.models import (
    Agency,
    Case,
    Conference,
    ConferenceStatus,
    Pathway,
    Professional,
    Visit,
    YoungPerson,
)
from roth_desktop.models.people import display_name
from roth_desktop.validation import age_on, today


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list: a young person and their current case."""

    young_person_id: str
    case_id: str | None
    name: str
    age: int | None
    pathway: Pathway | None
    next_conference: datetime | None
    last_conference: datetime | None

    def matches(self, text: str) -> bool:
        return text.casefold() in self.name.casefold()


def _currency(closed_on: date | None, opened_on: date) -> tuple[bool, date]:
    """Which case is "current": an open one before a closed one, then the latest."""
    return (closed_on is None, opened_on)


def _current_case(yp: YoungPerson) -> Case | None:
    return max(yp.cases, key=lambda c: _currency(c.closed_on, c.opened_on), default=None)


def case_rows(session: Session) -> list[CaseRow]:
    """The case list, from four narrow queries rather than every record's objects.

    It is re-read after every edit, so on a ten-year workspace it has to stay
    cheap: only the columns shown are read, and conference dates are aggregated
    by the database.
    """
    now = today()
    midnight = datetime.combine(now, time.min)
    people = session.execute(
        select(
            YoungPerson.id,
            YoungPerson.first_name,
            YoungPerson.preferred_name,
            YoungPerson.last_name,
            YoungPerson.date_of_birth,
        ).order_by(YoungPerson.last_name, YoungPerson.first_name)
    ).all()
    current: dict[str, Any] = {}
    for case in session.execute(
        select(Case.id, Case.young_person_id, Case.pathway, Case.opened_on, Case.closed_on)
    ):
        held = current.get(case.young_person_id)
        if held is None or _currency(case.closed_on, case.opened_on) > _currency(
            held.closed_on, held.opened_on
        ):
            current[case.young_person_id] = case
    # .all() first: a Result has .keys() (its column names), so dict(result)
    # would take it for a mapping.
    upcoming: dict[str, datetime] = dict(
        session.execute(
            select(Conference.case_id, func.min(Conference.starts_at))
            .where(Conference.status == ConferenceStatus.DRAFT, Conference.starts_at >= midnight)
            .group_by(Conference.case_id)
        ).all()
    )
    past: dict[str, datetime] = dict(
        session.execute(
            select(Conference.case_id, func.max(Conference.starts_at))
            .where(Conference.starts_at < midnight)
            .group_by(Conference.case_id)
        ).all()
    )
    rows = []
    for person in people:
        chosen = current.get(person.id)
        rows.append(
            CaseRow(
                young_person_id=person.id,
                case_id=chosen.id if chosen else None,
                name=display_name(person.first_name, person.preferred_name, person.last_name),
                age=age_on(person.date_of_birth, now) if person.date_of_birth else None,
                pathway=chosen.pathway if chosen else None,
                next_conference=upcoming.get(chosen.id) if chosen else None,
                last_conference=past.get(chosen.id) if chosen else None,
            )
        )
    return rows


def listing(session: Session) -> list[dict[str, Any]]:
    """Young people, their cases, conferences and assessments, with ids (the CLI's ``list``)."""
    people = session.scalars(
        select(YoungPerson)
        .options(
            selectinload(YoungPerson.cases).selectinload(Case.conferences),
            selectinload(YoungPerson.cases).selectinload(Case.assessments),
        )
        .order_by(YoungPerson.last_name, YoungPerson.first_name)
    )
    return [
        {
            "id": yp.id,
            "name": yp.display_name,
            "date_of_birth": yp.date_of_birth.isoformat() if yp.date_of_birth else None,
            "cases": [
                {
                    "id": case.id,
                    "pathway": case.pathway.value,
                    "opened_on": case.opened_on.isoformat(),
                    "strategy_discussion_on": (
                        case.strategy_discussion_on.isoformat()
                        if case.strategy_discussion_on
                        else None
                    ),
                    "transfers": [
                        {
                            "id": t.id,
                            "from": t.from_pathway.value,
                            "to": t.to_pathway.value,
                            "on": t.transferred_on.isoformat(),
                        }
                        for t in case.transfers
                    ],
                    "conferences": [
                        {
                            "id": conf.id,
                            "kind": conf.kind.value,
                            "starts_at": conf.starts_at.isoformat(timespec="minutes"),
                            "status": conf.status.value,
                        }
                        for conf in case.conferences
                    ],
                    "assessments": [
                        {
                            "id": found.id,
                            "started_on": found.started_on.isoformat(),
                            "completed_on": (
                                found.completed_on.isoformat() if found.completed_on else None
                            ),
                        }
                        for found in case.assessments
                    ],
                }
                for case in yp.cases
            ],
        }
        for yp in people
    ]


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case view shows, as plain values (safe to hand to the UI thread)."""

    young_person: dict[str, Any]
    family: list[dict[str, Any]]
    case: dict[str, Any] | None
    transfers: list[dict[str, Any]]
    professionals: list[dict[str, Any]]
    conferences: list[dict[str, Any]]


def case_detail(session: Session, young_person_id: str) -> CaseDetail | None:
    yp = session.get(YoungPerson, young_person_id)
    if yp is None:
        return None
    case = _current_case(yp)
    conferences = []
    professionals = []
    if case is not None:
        for conf in case.conferences:
            values = conf.values()
            values["chair_name"] = conf.chair.name if conf.chair else ""
            values["attendance"] = [a.values() for a in conf.attendance]
            conferences.append(values)
        for link in case.professionals:
            prof = link.professional
            professionals.append(
                {
                    **link.values(),
                    "name": prof.name,
                    "job_title": prof.job_title,
                    "agency": prof.agency.name,
                    "email": prof.email,
                    "phone": prof.phone,
                }
            )
    return CaseDetail(
        young_person=yp.values(),
        family=[m.values() for m in yp.family],
        case=case.values() if case else None,
        transfers=[t.values() for t in case.transfers] if case else [],
        professionals=sorted(professionals, key=lambda p: str(p["name"])),
        conferences=conferences,
    )


def case_visits(session: Session, case_id: str) -> list[dict[str, Any]]:
    """A case's visits, latest first, with who made each one (for the case view)."""
    visits = session.scalars(
        select(Visit)
        .where(Visit.case_id == case_id)
        .options(selectinload(Visit.professional))
        .order_by(Visit.visited_on.desc(), Visit.created_at.desc())
    )
    return [
        {**v.values(), "professional_name": v.professional.name if v.professional else ""}
        for v in visits
    ]


def professional_choices(session: Session) -> list[tuple[str, str]]:
    """(id, "Name — Agency") for every professional, for pick lists."""
    rows = session.scalars(select(Professional).options(selectinload(Professional.agency)))
    return sorted(((p.id, f"{p.name} — {p.agency.name}") for p in rows), key=lambda r: r[1])


def agency_choices(session: Session) -> list[tuple[str, str]]:
    return [(a.id, a.name) for a in session.scalars(select(Agency).order_by(Agency.name))]
