"""What falls due on each open case, computed from the record and the policy.

Nothing here is typed in by a person: an initial conference is due 15 working
days after the strategy discussion the social worker recorded, a review falls
due from the conference before it, a visit from the last visit. A date someone
typed (the review booked for 12 January) is shown beside the deadline, never
instead of it, so a booking after the deadline is visible as exactly that.

The dashboard, the case view, ``roth-desktop due`` and the calendar export all
read this module, so a deadline reads the same everywhere.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from roth_desktop.models import (
    ActionStatus,
    Case,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    DeadlineKind,
    PlanAction,
    PlanGoal,
    TransitionRoute,
    YoungPerson,
)
from roth_desktop.models.cases import ADULT_AGE
from roth_desktop.timescales.policy import TimescalePolicy, add_months
from roth_desktop.validation import birthday_at, format_date

PLAN_OUTCOMES = frozenset({ConferenceOutcome.ROTH_PLAN, ConferenceOutcome.TRADITIONAL_PLAN})
# Conferences that start a plan: the first core group and first review count from them.
OPENING_KINDS = frozenset({ConferenceKind.INITIAL, ConferenceKind.TRANSFER_IN})
TRANSITION_ROUTES = (
    ("transition_adult_services", "adult services"),
    ("transition_leaving_care", "leaving care"),
    ("transition_send", "SEND 0–25"),
)


class DueState(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"
    # Done, but after its deadline, and nobody has said why yet.
    LATE = "late"

    @property
    def label(self) -> str:
        return {
            DueState.OVERDUE: "Overdue",
            DueState.DUE_TODAY: "Due today",
            DueState.DUE_SOON: "Due soon",
            DueState.UPCOMING: "Upcoming",
            DueState.LATE: "Late: say why",
        }[self]


@dataclass(frozen=True)
class DueItem:
    kind: DeadlineKind
    young_person_id: str
    case_id: str
    # The record the deadline hangs from; with ``kind`` it names the deadline for a
    # missed-deadline reason and for a calendar entry's stable id.
    source_id: str
    initials: str
    # For the chair's own screen only: exports and calendars carry initials.
    name: str
    due_on: date
    state: DueState
    days_overdue: int
    working_days_overdue: int
    detail: str
    agency: str = ""
    booked_on: date | None = None
    done_on: date | None = None
    reason: str = ""
    # ``detail`` without the free text typed into the record (an action's words and
    # owner, a visit's place, the reason for an interim review), which can hold anyone's
    # name: what leaves the chair's screen, as JSON, carries this instead.
    shared_detail: str = ""

    @property
    def needs_reason(self) -> bool:
        missed = self.state in (DueState.OVERDUE, DueState.LATE)
        return missed and not self.reason and self.kind != DeadlineKind.TURNS_18

    def as_json(self) -> dict[str, Any]:
        """The item as plain values, with initials and never a name."""
        return {
            "kind": self.kind.value,
            "label": self.kind.label,
            "young_person_id": self.young_person_id,
            "case_id": self.case_id,
            "source_id": self.source_id,
            "initials": self.initials,
            "due_on": self.due_on.isoformat(),
            "state": self.state.value,
            "days_overdue": self.days_overdue,
            "working_days_overdue": self.working_days_overdue,
            "booked_on": self.booked_on.isoformat() if self.booked_on else None,
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "agency": self.agency,
            "detail": self.shared_detail,
            # Whether a reason is kept, not its words: they are free text.
            "missed_reason_recorded": bool(self.reason),
        }


@dataclass(frozen=True)
class BookedConference:
    conference_id: str
    young_person_id: str
    case_id: str
    initials: str
    name: str
    kind: ConferenceKind
    starts_at: datetime
    location: str
    agreed: bool


@dataclass(frozen=True)
class DueReport:
    as_of: date
    policy: TimescalePolicy
    items: tuple[DueItem, ...]
    warnings: tuple[str, ...]

    def overdue(self) -> list[DueItem]:
        return [i for i in self.items if i.state in (DueState.OVERDUE, DueState.LATE)]

    def counts(self) -> dict[DeadlineKind, tuple[int, int]]:
        """For each kind: (overdue or late, due today or soon)."""
        found: dict[DeadlineKind, list[int]] = {kind: [0, 0] for kind in DeadlineKind}
        for item in self.items:
            if item.state in (DueState.OVERDUE, DueState.LATE):
                found[item.kind][0] += 1
            elif item.state in (DueState.DUE_TODAY, DueState.DUE_SOON):
                found[item.kind][1] += 1
        return {kind: (pair[0], pair[1]) for kind, pair in found.items()}


def compute_due(
    session: Session,
    as_of: date,
    policy: TimescalePolicy,
    *,
    horizon_days: int | None = None,
    case_ids: Iterable[str] | None = None,
) -> DueReport:
    """Every deadline on open cases that is missed or falls within the horizon.

    The horizon defaults to the policy's "due soon" window; the calendar export asks
    for a longer one. ``case_ids`` limits the answer to some cases (the case view).
    """
    horizon = as_of + timedelta(days=policy.due_soon_days if horizon_days is None else horizon_days)
    query = (
        select(Case)
        .where(Case.opened_on <= as_of)
        .where((Case.closed_on.is_(None)) | (Case.closed_on > as_of))
        .options(
            selectinload(Case.young_person),
            selectinload(Case.conferences),
            selectinload(Case.visits),
            selectinload(Case.missed_deadlines),
        )
    )
    if case_ids is not None:
        query = query.where(Case.id.in_(list(case_ids)))
    cases = session.scalars(query).all()
    reckoner = _Reckoner(as_of, horizon, policy)
    plans: dict[str, tuple[Case, Conference]] = {}
    for case in cases:
        plan_conference = reckoner.case_items(case)
        if plan_conference is not None:
            plans[plan_conference.id] = (case, plan_conference)
    if plans:
        reckoner.action_items(session, plans)
    items = sorted(
        (
            i
            for i in reckoner.items
            if i.state != DueState.UPCOMING
            or i.due_on <= horizon
            or i.kind == DeadlineKind.TURNS_18
        ),
        key=lambda i: (-i.days_overdue, i.due_on, i.initials, i.kind.value),
    )
    latest = max((i.due_on for i in items), default=as_of)
    earliest = min((i.due_on for i in items), default=as_of)
    warning = policy.calendar.unknown_years_warning(min(earliest, as_of), max(latest, as_of))
    return DueReport(as_of, policy, tuple(items), (warning,) if warning else ())


def booked_conferences(session: Session, start: date, end: date) -> list[BookedConference]:
    """Conferences on open or closed cases with a start from ``start`` to ``end`` inclusive."""
    rows = session.execute(
        select(Conference, Case, YoungPerson)
        .join(Case, Conference.case_id == Case.id)
        .join(YoungPerson, Case.young_person_id == YoungPerson.id)
        .where(Conference.starts_at >= datetime.combine(start, datetime.min.time()))
        .where(
            Conference.starts_at < datetime.combine(end + timedelta(days=1), datetime.min.time())
        )
        .order_by(Conference.starts_at)
    ).all()
    return [
        BookedConference(
            conference_id=conf.id,
            young_person_id=yp.id,
            case_id=case.id,
            initials=yp.initials,
            name=yp.display_name,
            kind=conf.kind,
            starts_at=conf.starts_at,
            location=conf.location,
            agreed=conf.status == ConferenceStatus.AGREED,
        )
        for conf, case, yp in rows
    ]


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of the week ``day`` falls in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def eighteenth_birthday(date_of_birth: date) -> date:
    return birthday_at(date_of_birth, ADULT_AGE)


def missing_transition_routes(case: Case) -> list[str]:
    """The routes to adult support nobody has decided on yet, in plain words."""
    return [words for field, words in TRANSITION_ROUTES if getattr(case, field) is None]


def transition_summary(case: Case) -> str:
    parts = []
    for field, words in TRANSITION_ROUTES:
        route: TransitionRoute | None = getattr(case, field)
        parts.append(f"{words}: {route.label.lower() if route else 'not decided'}")
    return "; ".join(parts)


def on_or_before_working_day(policy: TimescalePolicy, day: date) -> date:
    """A calendar-counted deadline on a weekend or bank holiday moves earlier, not later."""
    calendar = policy.calendar
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def core_group_due(policy: TimescalePolicy, kind: ConferenceKind, held_on: date) -> date | None:
    """When the first core group falls due after a conference; None if it starts no plan."""
    if kind not in OPENING_KINDS:
        return None
    return policy.calendar.add_working_days(held_on, policy.core_group_working_days)


def review_due(policy: TimescalePolicy, kind: ConferenceKind, held_on: date) -> tuple[date, str]:
    """When the review after a conference falls due, and the rule in words."""
    interval = policy.first_review if kind in OPENING_KINDS else policy.review_interval
    due = on_or_before_working_day(policy, interval.after(held_on))
    return due, f"{interval.words} after the conference on {format_date(held_on)}"


class _Reckoner:
    """Collects the items for one run: one policy, one calendar, one 'today'."""

    def __init__(self, as_of: date, horizon: date, policy: TimescalePolicy) -> None:
        self.as_of = as_of
        self.horizon = horizon
        self.policy = policy
        self.calendar = policy.calendar
        self.items: list[DueItem] = []
        self._reasons: dict[tuple[DeadlineKind, str], str] = {}

    # -- building items ------------------------------------------------------------------
    def _add(
        self,
        case: Case,
        kind: DeadlineKind,
        source_id: str,
        due_on: date,
        detail: str,
        *,
        done_on: date | None = None,
        booked_on: date | None = None,
        agency: str = "",
        shared: str | None = None,
    ) -> None:
        """``shared`` is ``detail`` without free text, when ``detail`` has any."""
        reason = self._reasons.get((kind, source_id), "")
        if done_on is not None:
            if done_on <= due_on or reason:
                return  # in time, or late with its reason already recorded
            state = DueState.LATE
            late_by = done_on
        elif due_on < self.as_of:
            state, late_by = DueState.OVERDUE, self.as_of
        elif due_on == self.as_of:
            state, late_by = DueState.DUE_TODAY, due_on
        elif due_on <= self.as_of + timedelta(days=self.policy.due_soon_days):
            state, late_by = DueState.DUE_SOON, due_on
        else:
            state, late_by = DueState.UPCOMING, due_on
        # Turning 18 has its own window (months ahead, or before the next review), which
        # _turning_18 has applied already; the horizon would hide it until days before.
        if state == DueState.UPCOMING and due_on > self.horizon and kind != DeadlineKind.TURNS_18:
            return
        yp = case.young_person
        self.items.append(
            DueItem(
                kind=kind,
                young_person_id=yp.id,
                case_id=case.id,
                source_id=source_id,
                initials=yp.initials,
                name=yp.display_name,
                due_on=due_on,
                state=state,
                days_overdue=max(0, (late_by - due_on).days),
                working_days_overdue=max(0, self.calendar.working_days_between(due_on, late_by)),
                detail=detail,
                agency=agency,
                booked_on=booked_on,
                done_on=done_on,
                reason=reason,
                shared_detail=detail if shared is None else shared,
            )
        )

    # -- one case --------------------------------------------------------------------------
    def case_items(self, case: Case) -> Conference | None:
        """Add the case's items; return the conference whose plan is current, if any."""
        latest_reason: dict[tuple[DeadlineKind, str], tuple[datetime, str]] = {}
        for missed in case.missed_deadlines:
            key = (missed.kind, missed.source_id)
            if key not in latest_reason or missed.created_at >= latest_reason[key][0]:
                latest_reason[key] = (missed.created_at, missed.reason)
        self._reasons.update({key: reason for key, (_at, reason) in latest_reason.items()})

        conferences = sorted(case.conferences, key=lambda c: c.starts_at)
        held = [c for c in conferences if c.starts_at.date() <= self.as_of]
        booked = [c for c in conferences if c.starts_at.date() > self.as_of]
        self._initial_conference(case, held, booked)
        decided = [c for c in held if c.outcome is not None]
        on_plan = bool(decided) and decided[-1].outcome in PLAN_OUTCOMES
        self._turning_18(case, on_plan, held)
        if not on_plan:
            return None
        anchor = held[-1]
        self._core_group(case, anchor)
        self._review(case, held, booked)
        self._interim_review(case, anchor)
        self._visit(case, decided)
        return decided[-1]

    def _initial_conference(
        self, case: Case, held: Sequence[Conference], booked: Sequence[Conference]
    ) -> None:
        sd = case.strategy_discussion_on
        if sd is None:
            return
        limit = self.policy.initial_conference_working_days
        due = self.calendar.add_working_days(sd, limit)
        base = f"{limit} working days from the strategy discussion on {format_date(sd)}"
        first = next((c for c in held if c.kind in OPENING_KINDS), None)
        if first is not None:
            self._add(
                case,
                DeadlineKind.INITIAL_CONFERENCE,
                case.id,
                due,
                f"Held {format_date(first.starts_at.date())}; due within {base}.",
                done_on=first.starts_at.date(),
            )
            return
        planned = next((c for c in booked if c.kind in OPENING_KINDS), None)
        self._add(
            case,
            DeadlineKind.INITIAL_CONFERENCE,
            case.id,
            due,
            _with_booking(
                f"Due within {base}.", planned.starts_at.date() if planned else None, due
            ),
            booked_on=planned.starts_at.date() if planned else None,
        )

    def _core_group(self, case: Case, anchor: Conference) -> None:
        held_on = anchor.starts_at.date()
        due = core_group_due(self.policy, anchor.kind, held_on)
        if due is None:
            return
        limit = self.policy.core_group_working_days
        met = (
            anchor.core_group_on
            if anchor.core_group_on and anchor.core_group_on <= self.as_of
            else None
        )
        base = f"{limit} working days from the conference on {format_date(held_on)}"
        if met is not None:
            self._add(
                case,
                DeadlineKind.CORE_GROUP,
                anchor.id,
                due,
                f"Met {format_date(met)}; due within {base}.",
                done_on=met,
            )
            return
        self._add(
            case,
            DeadlineKind.CORE_GROUP,
            anchor.id,
            due,
            _with_booking(f"Due within {base}.", anchor.core_group_on, due),
            booked_on=anchor.core_group_on,
        )

    def _review_due(self, after: Conference) -> tuple[date, str]:
        return review_due(self.policy, after.kind, after.starts_at.date())

    def _review(self, case: Case, held: Sequence[Conference], booked: Sequence[Conference]) -> None:
        anchor = held[-1]
        if anchor.kind == ConferenceKind.REVIEW and len(held) > 1:
            # The review just held: was it in time? Counted from the conference before.
            before = held[-2]
            if before.outcome in PLAN_OUTCOMES:
                due, words = self._review_due(before)
                self._add(
                    case,
                    DeadlineKind.REVIEW,
                    before.id,
                    due,
                    f"Held {format_date(anchor.starts_at.date())}; due {words}.",
                    done_on=anchor.starts_at.date(),
                )
        due, words = self._review_due(anchor)
        planned = next((c for c in booked if c.kind == ConferenceKind.REVIEW), None)
        booked_on = planned.starts_at.date() if planned else anchor.review_on
        self._add(
            case,
            DeadlineKind.REVIEW,
            anchor.id,
            due,
            _with_booking(f"Due {words}.", booked_on, due),
            booked_on=booked_on,
        )

    def _interim_review(self, case: Case, anchor: Conference) -> None:
        reason = (anchor.interim_review_reason or "").strip()
        if not reason:
            return
        limit = self.policy.interim_review_working_days
        due = self.calendar.add_working_days(anchor.starts_at.date(), limit)
        self._add(
            case,
            DeadlineKind.INTERIM_REVIEW,
            anchor.id,
            due,
            f"Agreed for a complex case, {limit} working days after the conference: {reason}",
            shared=f"Agreed for a complex case, {limit} working days after the conference.",
        )

    def _visit(self, case: Case, decided: Sequence[Conference]) -> None:
        # The plan began at the earliest conference of the unbroken run of plan decisions.
        start = decided[-1]
        for conference in reversed(decided):
            if conference.outcome not in PLAN_OUTCOMES:
                break
            start = conference
        plan_start = start.starts_at.date()
        visits = [
            v
            for v in case.visits
            if plan_start <= v.visited_on <= self.as_of and v.young_person_seen
        ]
        last = max(visits, key=lambda v: v.visited_on, default=None)
        every = self.policy.visit_interval_days
        if last is None:
            due = plan_start + timedelta(days=every)
            detail = f"No visit recorded since the plan began on {format_date(plan_start)}."
            source = start.id
        else:
            due = last.visited_on + timedelta(days=every)
            where = f" ({last.place})" if last.place else ""
            detail = f"Last seen {format_date(last.visited_on)}{where}; every {every} days."
            source = last.id
        shared = f"Last seen {format_date(last.visited_on)}; every {every} days." if last else None
        self._add(case, DeadlineKind.VISIT, source, due, detail, shared=shared)

    def _turning_18(self, case: Case, on_plan: bool, held: Sequence[Conference]) -> None:
        yp = case.young_person
        if yp.date_of_birth is None:
            return
        birthday = eighteenth_birthday(yp.date_of_birth)
        warn_from = add_months(self.as_of, self.policy.transition_warning_months)
        if birthday < self.as_of:
            if not on_plan:
                return
            if case.continues_past_18 and self.policy.plan_may_continue_past_18:
                return  # continuing by an explicit, recorded decision that policy allows
        elif birthday > warn_from:
            review_due = self._review_due(held[-1])[0] if on_plan and held else None
            if review_due is None or birthday > review_due:
                return
        missing = missing_transition_routes(case)
        if missing:
            detail = "Transition plan still to decide: " + ", ".join(missing) + "."
        else:
            detail = "Transition plan: " + transition_summary(case) + "."
        if birthday < self.as_of:
            detail = (
                "Turned 18 and still on a plan. "
                if case.continues_past_18
                else "Turned 18 and still on a plan with no decision to continue. "
            ) + detail
        if case.continues_past_18:
            allowed = self.policy.plan_may_continue_past_18
            detail += (
                " The plan is to continue past 18."
                if allowed
                else " The plan is marked to continue past 18, which local policy does not allow."
            )
        self._add(case, DeadlineKind.TURNS_18, case.id, birthday, detail)

    # -- plan actions, for every current plan at once -------------------------------------
    def action_items(self, session: Session, plans: dict[str, tuple[Case, Conference]]) -> None:
        actions = session.scalars(
            select(PlanAction)
            .join(PlanGoal, PlanAction.goal_id == PlanGoal.id)
            .where(PlanGoal.conference_id.in_(list(plans)))
            .where(PlanAction.due_on.is_not(None))
            .where(PlanAction.status != ActionStatus.DONE)
            .options(selectinload(PlanAction.agency), selectinload(PlanAction.professional))
        ).all()
        by_conference: dict[str, list[PlanAction]] = defaultdict(list)
        for action in actions:
            by_conference[action.conference_id].append(action)
        for conference_id, found in by_conference.items():
            case, _conference = plans[conference_id]
            for action in found:
                assert action.due_on is not None
                agency = action.agency.name if action.agency is not None else ""
                if not agency and action.professional is not None:
                    agency = action.professional.agency.name
                owner = action.owner() or "no owner named"
                what = " ".join(action.what.split())
                short = what if len(what) <= 90 else what[:89] + "…"
                self._add(
                    case,
                    DeadlineKind.ACTION,
                    action.id,
                    action.due_on,
                    f"{short} ({owner}; {action.status.label.lower()})",
                    agency=agency or "No agency named",
                    shared=f"Plan action, {action.status.label.lower()}.",
                )


def _with_booking(text: str, booked_on: date | None, due: date) -> str:
    if booked_on is None:
        return text + " Not booked yet."
    if booked_on > due:
        return text + f" Booked for {format_date(booked_on)}, after it is due."
    return text + f" Booked for {format_date(booked_on)}."
