"""What falls due, computed from real records in an encrypted workspace.

Every test counts from a fixed ``as_of`` date, so none depends on the day it runs;
the records' own dates are all in the past, because the models refuse a visit or a
strategy discussion in the future. Expected dates are worked out by hand in the
comments, one working day at a time where bank holidays are involved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    ActionStatus,
    Agency,
    AgencyKind,
    Case,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    DeadlineKind,
    MissedDeadline,
    Pathway,
    PlanAction,
    PlanGoal,
    PlanHeading,
    Professional,
    TransitionRoute,
    Visit,
    YoungPerson,
)
from roth_desktop.timescales.deadlines import (
    DueItem,
    DueReport,
    DueState,
    compute_due,
    eighteenth_birthday,
)
from roth_desktop.timescales.policy import TimescalePolicy
from roth_desktop.validation import age_on, birthday_at
from roth_desktop.workspace import Workspace

DEFAULTS = TimescalePolicy()
PLANS = (ConferenceOutcome.ROTH_PLAN, ConferenceOutcome.TRADITIONAL_PLAN)


# -- building records ------------------------------------------------------------------------


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0))


def _add_case(
    workspace: Workspace,
    *,
    born: date = date(2011, 6, 10),
    opened: date,
    strategy_discussion: date | None = None,
    first: str = "Ellis",
    last: str = "Pengelly",
    **case_fields: Any,
) -> str:
    with workspace.session() as session:
        yp = YoungPerson(first_name=first, last_name=last, date_of_birth=born)
        case = Case(
            young_person=yp,
            pathway=Pathway.ROTH,
            opened_on=opened,
            strategy_discussion_on=strategy_discussion,
            **case_fields,
        )
        session.add_all([yp, case])
    return case.id


def _add_conference(
    workspace: Workspace,
    case_id: str,
    kind: ConferenceKind,
    day: date,
    outcome: ConferenceOutcome | None = ConferenceOutcome.ROTH_PLAN,
    hour: int = 10,
    **fields: Any,
) -> str:
    if outcome is not None:
        fields.setdefault("significant_harm", outcome in PLANS)
    with workspace.session() as session:
        conference = Conference(
            case_id=case_id, kind=kind, starts_at=_at(day, hour), outcome=outcome, **fields
        )
        session.add(conference)
    return conference.id


def _change(workspace: Workspace, cls: type[Any], record_id: str, **values: Any) -> None:
    with workspace.session() as session:
        record = session.get(cls, record_id)
        assert record is not None
        for name, value in values.items():
            setattr(record, name, value)


def _due(
    workspace: Workspace, as_of: date, policy: TimescalePolicy = DEFAULTS, **options: Any
) -> DueReport:
    with workspace.session() as session:
        return compute_due(session, as_of, policy, **options)


def _of(report: DueReport, kind: DeadlineKind) -> list[DueItem]:
    return [i for i in report.items if i.kind == kind]


def _one(report: DueReport, kind: DeadlineKind) -> DueItem:
    found = _of(report, kind)
    assert len(found) == 1, found
    return found[0]


# -- the initial conference ------------------------------------------------------------------

# A strategy discussion on Friday 19 December 2025 reaches day 15 on Wednesday 14 January
# 2026 (see tests/test_working_days.py for the count, day by day).
DISCUSSION = date(2025, 12, 19)
INITIAL_DUE = date(2026, 1, 14)


@pytest.fixture
def awaiting_initial(empty_workspace: Workspace) -> str:
    return _add_case(empty_workspace, opened=date(2025, 12, 18), strategy_discussion=DISCUSSION)


def test_an_initial_conference_not_held_is_due_then_overdue(
    empty_workspace: Workspace, awaiting_initial: str
) -> None:
    # 23 days ahead: outside the 14 days that count as due soon, so not listed yet...
    assert _of(_due(empty_workspace, date(2025, 12, 22)), DeadlineKind.INITIAL_CONFERENCE) == []
    # ...unless the caller looks further ahead (the calendar export does).
    upcoming = _one(
        _due(empty_workspace, date(2025, 12, 22), horizon_days=30), DeadlineKind.INITIAL_CONFERENCE
    )
    assert (upcoming.due_on, upcoming.state) == (INITIAL_DUE, DueState.UPCOMING)

    soon = _one(_due(empty_workspace, date(2026, 1, 5)), DeadlineKind.INITIAL_CONFERENCE)
    assert (soon.due_on, soon.state, soon.days_overdue) == (INITIAL_DUE, DueState.DUE_SOON, 0)
    assert soon.detail == (
        "Due within 15 working days from the strategy discussion on 19/12/2025. Not booked yet."
    )
    assert soon.source_id == soon.case_id == awaiting_initial
    assert soon.initials == "EP"

    today = _one(_due(empty_workspace, INITIAL_DUE), DeadlineKind.INITIAL_CONFERENCE)
    assert today.state == DueState.DUE_TODAY

    late = _one(_due(empty_workspace, date(2026, 1, 20)), DeadlineKind.INITIAL_CONFERENCE)
    assert late.state == DueState.OVERDUE
    # Calendar days 15-20 January: 6. Working days: Thu 15, Fri 16, Mon 19, Tue 20: 4.
    assert (late.days_overdue, late.working_days_overdue) == (6, 4)
    assert late.needs_reason


def test_an_initial_conference_booked_after_it_is_due_says_so(
    empty_workspace: Workspace, awaiting_initial: str
) -> None:
    conference = _add_conference(
        empty_workspace,
        awaiting_initial,
        ConferenceKind.INITIAL,
        date(2026, 1, 19),
        outcome=None,
    )
    item = _one(_due(empty_workspace, date(2026, 1, 12)), DeadlineKind.INITIAL_CONFERENCE)
    assert (item.state, item.due_on, item.booked_on) == (
        DueState.DUE_SOON,
        INITIAL_DUE,
        date(2026, 1, 19),
    )
    assert item.detail.endswith(" Booked for 19/01/2026, after it is due.")
    # Moved to the Tuesday before: in time, and the text says only when it is booked.
    _change(empty_workspace, Conference, conference, starts_at=_at(date(2026, 1, 13)))
    item = _one(_due(empty_workspace, date(2026, 1, 12)), DeadlineKind.INITIAL_CONFERENCE)
    assert item.booked_on == date(2026, 1, 13)
    assert item.detail.endswith(" Booked for 13/01/2026.")


def test_an_initial_conference_held_late_asks_why_until_a_reason_is_kept(
    empty_workspace: Workspace, awaiting_initial: str
) -> None:
    _add_conference(empty_workspace, awaiting_initial, ConferenceKind.INITIAL, date(2026, 1, 19))
    report = _due(empty_workspace, date(2026, 1, 26))
    late = _one(report, DeadlineKind.INITIAL_CONFERENCE)
    assert late.state == DueState.LATE
    assert late.state.label == "Late: say why"
    assert late.done_on == date(2026, 1, 19)
    # Held Monday 19 January, due Wednesday 14: 5 days, 3 working days (15, 16, 19) late.
    assert (late.days_overdue, late.working_days_overdue) == (5, 3)
    assert late.needs_reason
    assert late in report.overdue()
    assert report.counts()[DeadlineKind.INITIAL_CONFERENCE] == (1, 0)
    assert late.detail == (
        "Held 19/01/2026; due within 15 working days from the strategy discussion on 19/12/2025."
    )

    with empty_workspace.session() as session:
        # A reason for another deadline on the case changes nothing here.
        session.add(
            MissedDeadline(
                case_id=awaiting_initial,
                kind=DeadlineKind.VISIT,
                source_id=awaiting_initial,
                due_on=date(2026, 1, 20),
                reason="Recorded against the wrong deadline.",
            )
        )
    assert len(_of(_due(empty_workspace, date(2026, 1, 26)), DeadlineKind.INITIAL_CONFERENCE)) == 1

    with empty_workspace.session() as session:
        session.add(
            MissedDeadline(
                case_id=awaiting_initial,
                kind=DeadlineKind.INITIAL_CONFERENCE,
                source_id=awaiting_initial,
                due_on=INITIAL_DUE,
                reason="The family asked for a day a parent could attend.",
            )
        )
    report = _due(empty_workspace, date(2026, 1, 26))
    assert _of(report, DeadlineKind.INITIAL_CONFERENCE) == []
    assert report.counts()[DeadlineKind.INITIAL_CONFERENCE] == (0, 0)


def test_an_initial_conference_held_in_time_leaves_nothing_due(
    empty_workspace: Workspace, awaiting_initial: str
) -> None:
    _add_conference(empty_workspace, awaiting_initial, ConferenceKind.INITIAL, INITIAL_DUE)
    assert _of(_due(empty_workspace, date(2026, 1, 20)), DeadlineKind.INITIAL_CONFERENCE) == []


# -- the first core group --------------------------------------------------------------------


def test_the_first_core_group_is_due_10_working_days_after_the_initial_conference(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(
        empty_workspace, opened=date(2026, 3, 16), strategy_discussion=date(2026, 3, 17)
    )
    conference = _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2026, 3, 26))
    # Thursday 26 March 2026 is day 0. Fri 27 = 1; Mon 30 = 2, Tue 31 = 3, Wed 1 April = 4,
    # Thu 2 = 5; Good Friday (3rd) and Easter Monday (6th) are off; Tue 7 = 6, Wed 8 = 7,
    # Thu 9 = 8, Fri 10 = 9; Monday 13 April = 10.
    due = date(2026, 4, 13)
    item = _one(_due(empty_workspace, date(2026, 4, 1)), DeadlineKind.CORE_GROUP)
    assert (item.due_on, item.state, item.source_id) == (due, DueState.DUE_SOON, conference)
    assert item.detail == (
        "Due within 10 working days from the conference on 26/03/2026. Not booked yet."
    )

    _change(empty_workspace, Conference, conference, core_group_on=date(2026, 4, 14))
    booked = _one(_due(empty_workspace, date(2026, 4, 1)), DeadlineKind.CORE_GROUP)
    assert booked.booked_on == date(2026, 4, 14)
    assert booked.detail.endswith("Booked for 14/04/2026, after it is due.")
    # Met the day after it was due: late, and says so.
    late = _one(_due(empty_workspace, date(2026, 4, 16)), DeadlineKind.CORE_GROUP)
    assert (late.state, late.done_on, late.days_overdue) == (DueState.LATE, date(2026, 4, 14), 1)

    _change(empty_workspace, Conference, conference, core_group_on=date(2026, 4, 9))
    assert _of(_due(empty_workspace, date(2026, 4, 10)), DeadlineKind.CORE_GROUP) == []


def test_no_core_group_without_a_plan(empty_workspace: Workspace) -> None:
    case = _add_case(
        empty_workspace, opened=date(2026, 3, 16), strategy_discussion=date(2026, 3, 17)
    )
    _add_conference(
        empty_workspace,
        case,
        ConferenceKind.INITIAL,
        date(2026, 3, 26),
        outcome=ConferenceOutcome.CHILD_IN_NEED,
    )
    report = _due(empty_workspace, date(2026, 4, 1), horizon_days=120)
    assert [i.kind for i in report.items] == []


# -- reviews ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "due"),
    [
        # Monday 20 July 2026 + 6 weeks = Monday 31 August, the Summer bank holiday:
        # due the Friday before.
        (date(2026, 7, 20), date(2026, 8, 28)),
        # An urgent conference on Saturday 7 March 2026 + 6 weeks = Saturday 18 April:
        # due Friday 17 April.
        (date(2026, 3, 7), date(2026, 4, 17)),
        # Monday 23 February 2026 + 6 weeks = Easter Monday 6 April: back over the
        # weekend and Good Friday to Thursday 2 April.
        (date(2026, 2, 23), date(2026, 4, 2)),
        # Monday 2 February 2026 + 6 weeks = Monday 16 March, a working day: unchanged.
        (date(2026, 2, 2), date(2026, 3, 16)),
    ],
    ids=["bank-holiday", "weekend", "easter", "working-day"],
)
def test_the_first_review_is_due_6_weeks_on_never_on_a_day_off(
    empty_workspace: Workspace, held: date, due: date
) -> None:
    case = _add_case(empty_workspace, opened=held, strategy_discussion=held)
    conference = _add_conference(empty_workspace, case, ConferenceKind.INITIAL, held)
    item = _one(_due(empty_workspace, date.fromordinal(due.toordinal() - 5)), DeadlineKind.REVIEW)
    assert (item.due_on, item.state, item.source_id) == (due, DueState.DUE_SOON, conference)
    assert item.due_on.weekday() < 5
    assert item.detail == (f"Due 6 weeks after the conference on {held:%d/%m/%Y}. Not booked yet.")


def test_a_review_held_late_then_the_next_review_counts_from_it(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(empty_workspace, opened=date(2026, 7, 6), strategy_discussion=date(2026, 7, 8))
    initial = _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2026, 7, 20))
    booked = _add_conference(
        empty_workspace, case, ConferenceKind.REVIEW, date(2026, 9, 1), outcome=None
    )
    before = _one(_due(empty_workspace, date(2026, 8, 20)), DeadlineKind.REVIEW)
    assert before.booked_on == date(2026, 9, 1)
    assert before.detail.endswith("Booked for 01/09/2026, after it is due.")

    # Held on Tuesday 1 September with a plan: late against Friday 28 August by 4 days,
    # and by 1 working day (Monday 31 August is the bank holiday; Tuesday 1st counts).
    _change(
        empty_workspace,
        Conference,
        booked,
        outcome=ConferenceOutcome.ROTH_PLAN,
        significant_harm=True,
        review_on=date(2026, 10, 13),
    )
    reviews = {
        i.source_id: i
        for i in _of(_due(empty_workspace, date(2026, 9, 2), horizon_days=60), DeadlineKind.REVIEW)
    }
    late = reviews[initial]
    assert (late.state, late.due_on, late.done_on) == (
        DueState.LATE,
        date(2026, 8, 28),
        date(2026, 9, 1),
    )
    assert (late.days_overdue, late.working_days_overdue) == (4, 1)
    # The next review: 6 weeks after Tuesday 1 September, Tuesday 13 October.
    following = reviews[booked]
    assert (following.due_on, following.state, following.booked_on) == (
        date(2026, 10, 13),
        DueState.UPCOMING,
        date(2026, 10, 13),
    )


# -- interim review --------------------------------------------------------------------------


def test_an_interim_review_is_due_15_working_days_after_the_conference(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(
        empty_workspace, opened=date(2026, 2, 16), strategy_discussion=date(2026, 2, 17)
    )
    reason = "Exploitation is escalating; partners agreed to meet again early."
    conference = _add_conference(
        empty_workspace,
        case,
        ConferenceKind.INITIAL,
        date(2026, 3, 2),
        interim_review_reason=reason,
    )
    # Monday 2 March is day 0: 3-6 March = 1-4, 9-13 = 5-9, 16-20 = 10-14, Monday 23 = 15.
    item = _one(_due(empty_workspace, date(2026, 3, 16)), DeadlineKind.INTERIM_REVIEW)
    assert (item.due_on, item.state, item.source_id) == (
        date(2026, 3, 23),
        DueState.DUE_SOON,
        conference,
    )
    assert reason in item.detail
    overdue = _one(_due(empty_workspace, date(2026, 3, 25)), DeadlineKind.INTERIM_REVIEW)
    assert (overdue.state, overdue.days_overdue) == (DueState.OVERDUE, 2)

    # Without a reason there is no interim review.
    _change(empty_workspace, Conference, conference, interim_review_reason="  ")
    assert _of(_due(empty_workspace, date(2026, 3, 16)), DeadlineKind.INTERIM_REVIEW) == []
    # With one, a later conference held is the interim review.
    _change(empty_workspace, Conference, conference, interim_review_reason=reason)
    _add_conference(empty_workspace, case, ConferenceKind.REVIEW, date(2026, 3, 20))
    assert _of(_due(empty_workspace, date(2026, 3, 25)), DeadlineKind.INTERIM_REVIEW) == []


# -- visits ----------------------------------------------------------------------------------


def _add_visit(workspace: Workspace, case_id: str, day: date, **fields: Any) -> str:
    with workspace.session() as session:
        visit = Visit(case_id=case_id, visited_on=day, **fields)
        session.add(visit)
    return visit.id


def test_a_visit_is_due_a_week_after_the_last_one_where_the_young_person_was_seen(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(
        empty_workspace, opened=date(2026, 2, 20), strategy_discussion=date(2026, 2, 20)
    )
    _add_visit(empty_workspace, case, date(2026, 2, 27), place="Home")  # before the plan
    plan = _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2026, 3, 2))

    none_yet = _one(_due(empty_workspace, date(2026, 3, 12)), DeadlineKind.VISIT)
    assert (none_yet.due_on, none_yet.state, none_yet.days_overdue) == (
        date(2026, 3, 9),
        DueState.OVERDUE,
        3,
    )
    assert none_yet.source_id == plan
    assert none_yet.detail == "No visit recorded since the plan began on 02/03/2026."

    seen = _add_visit(
        empty_workspace, case, date(2026, 3, 5), place="Open Door Youth Project", seen_alone=True
    )
    # A visit where only a parent was in does not restart the clock.
    _add_visit(
        empty_workspace,
        case,
        date(2026, 3, 10),
        place="Home",
        who_seen="Parent only",
        young_person_seen=False,
    )
    item = _one(_due(empty_workspace, date(2026, 3, 12)), DeadlineKind.VISIT)
    assert (item.due_on, item.state, item.source_id) == (
        date(2026, 3, 12),
        DueState.DUE_TODAY,
        seen,
    )
    assert item.detail == "Last seen 05/03/2026 (Open Door Youth Project); every 7 days."

    latest = _add_visit(empty_workspace, case, date(2026, 3, 11), place="School")
    item = _one(_due(empty_workspace, date(2026, 3, 12)), DeadlineKind.VISIT)
    assert (item.due_on, item.state, item.source_id) == (
        date(2026, 3, 18),
        DueState.DUE_SOON,
        latest,
    )
    # A local authority that visits every 10 days.
    fortnightly = TimescalePolicy(visit_interval_days=10)
    assert _one(
        _due(empty_workspace, date(2026, 3, 12), fortnightly), DeadlineKind.VISIT
    ).due_on == (date(2026, 3, 21))


def test_no_visit_is_due_without_a_plan(empty_workspace: Workspace) -> None:
    case = _add_case(
        empty_workspace, opened=date(2026, 2, 20), strategy_discussion=date(2026, 2, 20)
    )
    _add_conference(
        empty_workspace,
        case,
        ConferenceKind.INITIAL,
        date(2026, 3, 2),
        outcome=ConferenceOutcome.EARLY_HELP,
    )
    assert _of(_due(empty_workspace, date(2026, 4, 30)), DeadlineKind.VISIT) == []


# -- plan actions ----------------------------------------------------------------------------


def _add_actions(
    session: Session, conference_id: str, actions: Iterable[dict[str, Any]]
) -> list[str]:
    goal = PlanGoal(
        conference_id=conference_id,
        heading=PlanHeading.GUARDIANSHIP,
        text="Trusted adults are around where Ellis spends his evenings.",
    )
    session.add(goal)
    made = []
    for fields in actions:
        action = PlanAction(conference_id=conference_id, goal=goal, **fields)
        session.add(action)
        made.append(action.id)
    return made


def test_plan_actions_fall_due_by_agency_and_done_ones_drop_out(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(
        empty_workspace, opened=date(2026, 2, 16), strategy_discussion=date(2026, 2, 17)
    )
    initial = _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2026, 3, 2))
    with empty_workspace.session() as session:
        police = Agency(name="Kestrel Vale Neighbourhood Police", kind=AgencyKind.POLICE)
        health = Agency(name="Kestrel Vale Community Health", kind=AgencyKind.HEALTH)
        nurse = Professional(agency=health, name="Ada Wrenfield", job_title="School nurse")
        session.add_all([police, health, nurse])
        session.flush()
        overdue, soon, done, undated, unowned = _add_actions(
            session,
            initial,
            [
                {
                    "what": "Disruption visit to the flat on Quarry Row.",
                    "agency_id": police.id,
                    "due_on": date(2026, 3, 9),
                },
                # Owned by a professional only: their agency is the action's agency.
                {
                    "what": "Weekly drop-in with the school nurse.",
                    "professional_id": nurse.id,
                    "due_on": date(2026, 3, 20),
                    "status": ActionStatus.IN_PROGRESS,
                },
                {
                    "what": "Share the bus station map.",
                    "agency_id": police.id,
                    "due_on": date(2026, 3, 5),
                    "status": ActionStatus.DONE,
                },
                {"what": "Keep talking about the weekend plans.", "agency_id": police.id},
                {
                    "what": "Three evenings a week at the boxing club.",
                    "person": "Boxing club coach",
                    "due_on": date(2026, 3, 16),
                    "status": ActionStatus.NOT_DONE,
                },
            ],
        )
    report = _due(empty_workspace, date(2026, 3, 12))
    found = {i.source_id: i for i in _of(report, DeadlineKind.ACTION)}
    assert set(found) == {overdue, soon, unowned}  # not the done one, not the undated one
    assert (found[overdue].agency, found[overdue].state, found[overdue].days_overdue) == (
        "Kestrel Vale Neighbourhood Police",
        DueState.OVERDUE,
        3,
    )
    assert (found[soon].agency, found[soon].state) == (
        "Kestrel Vale Community Health",
        DueState.DUE_SOON,
    )
    assert (
        found[soon].detail == "Weekly drop-in with the school nurse. (Ada Wrenfield; in progress)"
    )
    assert (found[unowned].agency, found[unowned].state) == ("No agency named", DueState.DUE_SOON)
    by_agency: dict[str, list[date]] = {}
    for item in _of(report, DeadlineKind.ACTION):
        by_agency.setdefault(item.agency, []).append(item.due_on)
    assert by_agency == {
        "Kestrel Vale Neighbourhood Police": [date(2026, 3, 9)],
        "Kestrel Vale Community Health": [date(2026, 3, 20)],
        "No agency named": [date(2026, 3, 16)],
    }
    assert done not in found and undated not in found

    # Marked done: gone.
    _change(empty_workspace, PlanAction, overdue, status=ActionStatus.DONE)
    assert overdue not in {
        i.source_id for i in _of(_due(empty_workspace, date(2026, 3, 12)), DeadlineKind.ACTION)
    }

    # After a review makes a new plan, only the new plan's actions fall due.
    review = _add_conference(empty_workspace, case, ConferenceKind.REVIEW, date(2026, 4, 13))
    with empty_workspace.session() as session:
        (fresh,) = _add_actions(
            session,
            review,
            [
                {
                    "what": "Context meeting about the underpass.",
                    "agency_id": session.scalars(
                        select(Agency.id).where(Agency.kind == AgencyKind.POLICE)
                    ).one(),
                    "due_on": date(2026, 4, 27),
                }
            ],
        )
    later = _of(_due(empty_workspace, date(2026, 4, 20)), DeadlineKind.ACTION)
    assert [i.source_id for i in later] == [fresh]


# -- open cases only -------------------------------------------------------------------------


def test_closed_cases_and_cases_not_yet_open_are_left_out(empty_workspace: Workspace) -> None:
    case = _add_case(
        empty_workspace,
        opened=date(2026, 1, 5),
        strategy_discussion=date(2026, 1, 6),
        closed_on=date(2026, 2, 20),
    )
    open_then = _due(empty_workspace, date(2026, 2, 10))
    assert {i.case_id for i in open_then.items} == {case}
    assert _due(empty_workspace, date(2026, 2, 20)).items == ()  # closed that day
    assert _due(empty_workspace, date(2026, 3, 12)).items == ()
    assert _due(empty_workspace, date(2026, 1, 2)).items == ()  # not open yet
    # Limited to some cases: only those.
    other = _add_case(
        empty_workspace,
        opened=date(2026, 1, 5),
        strategy_discussion=date(2026, 1, 6),
        first="Noor",
        last="Castellan",
    )
    assert {i.case_id for i in _due(empty_workspace, date(2026, 2, 10)).items} == {case, other}
    limited = _due(empty_workspace, date(2026, 2, 10), case_ids=[other])
    assert {i.case_id for i in limited.items} == {other}


# -- turning 18 ------------------------------------------------------------------------------

LEAP_BORN = date(2008, 2, 29)
LEAP_EIGHTEEN = date(2026, 3, 1)  # 2026 has no 29 February


def test_someone_born_on_29_february_turns_18_on_1_march_in_a_common_year() -> None:
    assert eighteenth_birthday(LEAP_BORN) == LEAP_EIGHTEEN
    assert age_on(LEAP_BORN, date(2026, 2, 28)) == 17
    assert age_on(LEAP_BORN, date(2026, 3, 1)) == 18
    assert birthday_at(LEAP_BORN, 16) == date(2024, 2, 29)  # a leap year: the day itself
    assert age_on(LEAP_BORN, date(2024, 2, 28)) == 15
    assert age_on(LEAP_BORN, date(2024, 2, 29)) == 16
    assert eighteenth_birthday(date(2008, 3, 1)) == date(2026, 3, 1)
    assert eighteenth_birthday(date(2008, 2, 28)) == date(2026, 2, 28)


@pytest.fixture
def leap_case(empty_workspace: Workspace) -> str:
    """Not on a plan: only the birthday can fall due."""
    return _add_case(
        empty_workspace, born=LEAP_BORN, opened=date(2025, 6, 2), first="Morwenna", last="Jago"
    )


def test_turning_18_is_flagged_from_6_months_before_and_not_7(
    empty_workspace: Workspace, leap_case: str
) -> None:
    # Six months before 1 March 2026 is 1 September 2025.
    first = _one(_due(empty_workspace, date(2025, 9, 1)), DeadlineKind.TURNS_18)
    assert (first.due_on, first.state, first.source_id) == (
        LEAP_EIGHTEEN,
        DueState.UPCOMING,
        leap_case,
    )
    assert first.detail == (
        "Transition plan still to decide: adult services, leaving care, SEND 0–25."
    )
    assert not first.needs_reason
    assert _of(_due(empty_workspace, date(2025, 8, 31)), DeadlineKind.TURNS_18) == []
    assert _of(_due(empty_workspace, date(2025, 8, 1)), DeadlineKind.TURNS_18) == []  # 7 months
    assert _one(_due(empty_workspace, date(2026, 2, 28)), DeadlineKind.TURNS_18).state == (
        DueState.DUE_SOON
    )
    assert _one(_due(empty_workspace, LEAP_EIGHTEEN), DeadlineKind.TURNS_18).state == (
        DueState.DUE_TODAY
    )
    # Not on a plan once 18: nothing more to flag.
    assert _of(_due(empty_workspace, date(2026, 3, 2)), DeadlineKind.TURNS_18) == []

    _change(
        empty_workspace,
        Case,
        leap_case,
        transition_adult_services=TransitionRoute.REFERRED,
        transition_send=TransitionRoute.NOT_RELEVANT,
    )
    item = _one(_due(empty_workspace, date(2025, 11, 3)), DeadlineKind.TURNS_18)
    assert item.detail == "Transition plan still to decide: leaving care."
    _change(empty_workspace, Case, leap_case, transition_leaving_care=TransitionRoute.IN_PLACE)
    item = _one(_due(empty_workspace, date(2025, 11, 3)), DeadlineKind.TURNS_18)
    assert item.detail == (
        "Transition plan: adult services: referred; leaving care: in place; SEND 0–25: "
        "not relevant."
    )


def test_a_later_warning_window_still_flags_a_birthday_before_the_next_review(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(
        empty_workspace,
        born=LEAP_BORN,
        opened=date(2025, 11, 17),
        strategy_discussion=date(2025, 11, 17),
        first="Morwenna",
        last="Jago",
    )
    one_month = TimescalePolicy(transition_warning_months=1)
    _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2025, 12, 1))
    # The first review is due Monday 12 January 2026, before the birthday: not yet.
    assert _of(_due(empty_workspace, date(2025, 12, 2), one_month), DeadlineKind.TURNS_18) == []
    # After a review on Monday 19 January the next is due Monday 2 March, after the
    # birthday: flagged now, though 1 March is more than a month away.
    _add_conference(empty_workspace, case, ConferenceKind.REVIEW, date(2026, 1, 19))
    item = _one(_due(empty_workspace, date(2026, 1, 20), one_month), DeadlineKind.TURNS_18)
    assert (item.due_on, item.state) == (LEAP_EIGHTEEN, DueState.UPCOMING)


def test_a_plan_past_18_is_overdue_until_continuing_is_decided_with_a_reason(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(
        empty_workspace,
        born=LEAP_BORN,
        opened=date(2025, 10, 1),
        strategy_discussion=date(2025, 10, 1),
        first="Morwenna",
        last="Jago",
    )
    _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2025, 10, 15))
    _add_conference(empty_workspace, case, ConferenceKind.REVIEW, date(2026, 2, 16))
    item = _one(_due(empty_workspace, date(2026, 3, 10)), DeadlineKind.TURNS_18)
    assert (item.due_on, item.state, item.days_overdue) == (
        LEAP_EIGHTEEN,
        DueState.OVERDUE,
        9,
    )
    assert item.detail.startswith("Turned 18 and still on a plan with no decision to continue. ")
    assert not item.needs_reason  # a birthday is not a missed deadline

    with pytest.raises(ValidationError) as refused, empty_workspace.session() as session:
        record = session.get(Case, case)
        assert record is not None
        record.continues_past_18 = True
    assert refused.value.problems == {
        "continues_past_18_reason": "Say why the plan continues past 18 and which policy allows it."
    }
    _change(
        empty_workspace,
        Case,
        case,
        continues_past_18=True,
        continues_past_18_reason="Care leaver; the local protocol allows it to the next review.",
    )
    # Recorded, but the national policy does not allow it: still flagged, and says why.
    (still,) = _of(_due(empty_workspace, date(2026, 3, 10)), DeadlineKind.TURNS_18)
    assert still.detail.startswith("Turned 18 and still on a plan. ")
    assert still.detail.endswith("which local policy does not allow.")
    # Where the local authority's policy allows it, the recorded decision settles it.
    allowing = dataclasses.replace(DEFAULTS, plan_may_continue_past_18=True)
    assert _of(_due(empty_workspace, date(2026, 3, 10), allowing), DeadlineKind.TURNS_18) == []
    # Before the birthday the decision is shown, and the policy's view of it.
    before = _one(_due(empty_workspace, date(2026, 2, 20)), DeadlineKind.TURNS_18)
    assert before.detail.endswith(
        " The plan is marked to continue past 18, which local policy does not allow."
    )
    allowed = TimescalePolicy(plan_may_continue_past_18=True)
    before = _one(_due(empty_workspace, date(2026, 2, 20), allowed), DeadlineKind.TURNS_18)
    assert before.detail.endswith(" The plan is to continue past 18.")


# -- bad input is refused by the models ------------------------------------------------------


def _refused(workspace: Workspace, write: Callable[[Session], object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught, workspace.session() as session:
        write(session)
        session.flush()
    return caught.value


def test_a_strategy_discussion_after_the_initial_conference_is_refused(
    empty_workspace: Workspace,
) -> None:
    case = _add_case(empty_workspace, opened=date(2026, 1, 2), strategy_discussion=date(2026, 1, 5))
    _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2026, 1, 14))

    def move(session: Session) -> None:
        record = session.get(Case, case)
        assert record is not None
        record.strategy_discussion_on = date(2026, 1, 20)

    error = _refused(empty_workspace, move)
    message = (
        "The initial conference is before this date; an initial conference cannot predate "
        "the strategy discussion."
    )
    # Both sides of the broken rule say so: the case, and its initial conference.
    assert error.problems == {
        "strategy_discussion_on": message,
        "starts_at": "An initial conference cannot be before the strategy discussion.",
    }
    assert message in str(error)
    with empty_workspace.session() as session:
        stored = session.get(Case, case)
        assert stored is not None and stored.strategy_discussion_on == date(2026, 1, 5)

    error = _refused(
        empty_workspace,
        lambda s: s.add(
            Conference(case_id=case, kind=ConferenceKind.INITIAL, starts_at=_at(date(2026, 1, 2)))
        ),
    )
    assert error.problems == {
        "starts_at": "An initial conference cannot be before the strategy discussion."
    }


def test_a_review_before_the_initial_conference_is_refused(empty_workspace: Workspace) -> None:
    case = _add_case(empty_workspace, opened=date(2026, 1, 2), strategy_discussion=date(2026, 1, 5))
    _add_conference(empty_workspace, case, ConferenceKind.INITIAL, date(2026, 1, 14))
    error = _refused(
        empty_workspace,
        lambda s: s.add(
            Conference(case_id=case, kind=ConferenceKind.REVIEW, starts_at=_at(date(2026, 1, 12)))
        ),
    )
    assert error.problems == {"starts_at": "A review cannot be before the initial conference."}
    assert str(error) == "A review cannot be before the initial conference."
    # The same morning, an hour before the initial conference, is still before it.
    error = _refused(
        empty_workspace,
        lambda s: s.add(
            Conference(
                case_id=case, kind=ConferenceKind.REVIEW, starts_at=_at(date(2026, 1, 14), 9)
            )
        ),
    )
    assert "A review cannot be before the initial conference." in str(error)
    with empty_workspace.session() as session:
        kinds = session.scalars(select(Conference.kind).where(Conference.case_id == case)).all()
    assert kinds == [ConferenceKind.INITIAL]


# -- what leaves the chair's screen ----------------------------------------------------------


def test_json_items_carry_no_free_text(empty_workspace: Workspace) -> None:
    """Action words and owners, visit places and reasons can name anyone: JSON leaves
    them out, while the chair's own screen (``detail``) keeps them."""
    free_text = [
        "Invite Ellis's friend Jowan to the Tuesday art sessions.",  # an action's words
        "Uncle Pascoe",  # its owner
        "Nan's house on Quarry Row",  # a visit's place
        "Ellis's brother Jowan is being groomed too.",  # an interim review's reason
        "Mum, Kerensa, was in hospital.",  # a missed deadline's reason
    ]
    case = _add_case(
        empty_workspace, opened=date(2026, 2, 16), strategy_discussion=date(2026, 2, 17)
    )
    initial = _add_conference(
        empty_workspace,
        case,
        ConferenceKind.INITIAL,
        date(2026, 3, 2),
        interim_review_reason=free_text[3],
    )
    visit = _add_visit(empty_workspace, case, date(2026, 3, 3), place=free_text[2])
    with empty_workspace.session() as session:
        _add_actions(
            session,
            initial,
            [{"what": free_text[0], "person": free_text[1], "due_on": date(2026, 3, 9)}],
        )
        session.add(
            MissedDeadline(
                case_id=case,
                kind=DeadlineKind.VISIT,
                source_id=visit,
                due_on=date(2026, 3, 10),
                reason=free_text[4],
            )
        )
    report = _due(empty_workspace, date(2026, 3, 12))
    kinds = {i.kind for i in report.items}
    assert {DeadlineKind.ACTION, DeadlineKind.VISIT, DeadlineKind.INTERIM_REVIEW} <= kinds
    on_screen = " ".join(i.detail for i in report.items) + " ".join(i.reason for i in report.items)
    exported = repr([i.as_json() for i in report.items])
    for text in free_text:
        assert text in on_screen, text
        assert text not in exported, text
    for word in ("Ellis", "Pengelly", "Jowan", "Pascoe", "Kerensa", "Quarry"):
        assert word not in exported, word
    by_kind = {i.kind: i.as_json() for i in report.items}
    assert by_kind[DeadlineKind.ACTION]["detail"] == "Plan action, not started."
    assert by_kind[DeadlineKind.VISIT]["detail"] == "Last seen 03/03/2026; every 7 days."
    assert by_kind[DeadlineKind.VISIT]["missed_reason_recorded"] is True
    assert by_kind[DeadlineKind.INTERIM_REVIEW]["detail"] == (
        "Agreed for a complex case, 15 working days after the conference."
    )
    assert by_kind[DeadlineKind.ACTION]["initials"] == "EP"
