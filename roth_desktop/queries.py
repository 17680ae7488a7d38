"""Read-side queries shared by the command line and the UI's case list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from roth_desktop.models import (
    Agency,
    Case,
    ConferenceStatus,
    Pathway,
    Professional,
    YoungPerson,
)
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


def _current_case(yp: YoungPerson) -> Case | None:
    open_cases = [c for c in yp.cases if c.closed_on is None]
    cases = open_cases or list(yp.cases)
    return max(cases, key=lambda c: c.opened_on) if cases else None


def _next_conference(case: Case, now: date) -> datetime | None:
    upcoming = [
        c.starts_at
        for c in case.conferences
        if c.status == ConferenceStatus.DRAFT and c.starts_at.date() >= now
    ]
    return min(upcoming) if upcoming else None


def case_rows(session: Session) -> list[CaseRow]:
    now = today()
    people = session.scalars(
        select(YoungPerson)
        .options(selectinload(YoungPerson.cases).selectinload(Case.conferences))
        .order_by(YoungPerson.last_name, YoungPerson.first_name)
    )
    rows = []
    for yp in people:
        case = _current_case(yp)
        past = [c.starts_at for c in case.conferences if c.starts_at.date() < now] if case else []
        rows.append(
            CaseRow(
                young_person_id=yp.id,
                case_id=case.id if case else None,
                name=yp.display_name,
                age=age_on(yp.date_of_birth, now) if yp.date_of_birth else None,
                pathway=case.pathway if case else None,
                next_conference=_next_conference(case, now) if case else None,
                last_conference=max(past) if past else None,
            )
        )
    return rows


def listing(session: Session) -> list[dict[str, Any]]:
    """Young people, their cases and conferences, with ids (the CLI's ``list``)."""
    people = session.scalars(
        select(YoungPerson)
        .options(selectinload(YoungPerson.cases).selectinload(Case.conferences))
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


def professional_choices(session: Session) -> list[tuple[str, str]]:
    """(id, "Name — Agency") for every professional, for pick lists."""
    rows = session.scalars(select(Professional).options(selectinload(Professional.agency)))
    return sorted(((p.id, f"{p.name} — {p.agency.name}") for p in rows), key=lambda r: r[1])


def agency_choices(session: Session) -> list[tuple[str, str]]:
    return [(a.id, a.name) for a in session.scalars(select(Agency).order_by(Agency.name))]
