"""The timescales policy: national defaults, a local authority's override, and refusals.

A policy file is something a person edits by hand, so every way of getting it wrong
is refused with one sentence that names the file and the setting, never quietly
followed and never capped.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from roth_desktop.errors import RothError
from roth_desktop.models import (
    Case,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    DeadlineKind,
    Pathway,
    YoungPerson,
)
from roth_desktop.timescales.deadlines import compute_due
from roth_desktop.timescales.policy import (
    Interval,
    PolicyError,
    TimescaleError,
    TimescalePolicy,
    add_months,
    default_policy,
    load_policy,
    override_path,
    save_policy,
)
from roth_desktop.timescales.working_days import WorkingDayCalendar
from roth_desktop.workspace import Workspace
from tests.helpers.common import assert_one_error_line, run_cli


def _write_override(config: Path, raw: Any) -> Path:
    path = config / "timescales.json"
    path.write_text(raw if isinstance(raw, str) else json.dumps(raw), encoding="utf-8")
    return path


# -- the national defaults ------------------------------------------------------------------


def test_the_national_defaults_load(isolated_dirs: dict[str, Path]) -> None:
    policy = default_policy()
    assert policy.source == "national defaults"
    assert policy == TimescalePolicy()
    assert policy.region == "england"
    assert policy.closures == frozenset()
    assert policy.initial_conference_working_days == 15
    assert policy.core_group_working_days == 10
    assert policy.first_review == Interval(6, "weeks")
    assert policy.review_interval == Interval(6, "weeks")
    assert policy.interim_review_working_days == 15
    assert policy.visit_interval_days == 7
    assert policy.transition_warning_months == 6
    assert policy.plan_may_continue_past_18 is False
    assert policy.due_soon_days == 14
    assert policy.calendar == WorkingDayCalendar("england")
    # With no local file, loading gives the defaults.
    assert not override_path().exists()
    assert override_path() == isolated_dirs["config"] / "timescales.json"
    loaded = load_policy()
    assert loaded == policy and loaded.source == "national defaults"
    assert "Initial conference within 15 working days of the strategy discussion." in (
        policy.as_words()
    )


def test_a_local_override_changes_only_what_it_names(isolated_dirs: dict[str, Path]) -> None:
    path = _write_override(
        isolated_dirs["config"],
        {
            "format": 1,
            "region": "Wales",
            "closures": ["2026-12-29", "2026-12-30", "2026-12-31"],
            "review_interval": {"count": 3, "unit": "months"},
        },
    )
    policy = load_policy()
    assert policy.source == str(path)
    assert policy.review_interval == Interval(3, "months")
    assert policy.first_review == Interval(6, "weeks")  # not named, so the default
    assert policy.region == "wales"
    assert policy.calendar == WorkingDayCalendar(
        "wales", frozenset({date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)})
    )
    assert not policy.calendar.is_working_day(date(2026, 12, 30))
    assert policy.initial_conference_working_days == 15
    assert "First review within 6 weeks; then every 3 months." in policy.as_words()


def test_a_saved_policy_loads_back_the_same(isolated_dirs: dict[str, Path]) -> None:
    wanted = TimescalePolicy(
        region="wales",
        closures=frozenset({date(2026, 12, 29)}),
        review_interval=Interval(3, "months"),
        visit_interval_days=10,
        plan_may_continue_past_18=True,
    )
    path = save_policy(wanted)
    assert path == isolated_dirs["config"] / "timescales.json"
    assert load_policy() == wanted
    # --policy FILE reads another file instead of the config folder's.
    other = _write_override(isolated_dirs["home"], {"visit_interval_days": 14})
    assert load_policy(other).visit_interval_days == 14
    assert load_policy(other).region == "england"


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0))


def _case_with_a_review_held(workspace: Workspace) -> None:
    """Initial conference Monday 18 May 2026, first review Monday 29 June: both plans."""
    with workspace.session() as session:
        yp = YoungPerson(first_name="Tamsin", last_name="Rosewarne", date_of_birth=date(2011, 2, 7))
        case = Case(
            young_person=yp,
            pathway=Pathway.ROTH,
            opened_on=date(2026, 5, 8),
            strategy_discussion_on=date(2026, 5, 11),
        )
        session.add_all([yp, case])
        for kind, day in (
            (ConferenceKind.INITIAL, date(2026, 5, 18)),
            (ConferenceKind.REVIEW, date(2026, 6, 29)),
        ):
            session.add(
                Conference(
                    case=case,
                    kind=kind,
                    starts_at=_at(day),
                    significant_harm=True,
                    outcome=ConferenceOutcome.ROTH_PLAN,
                )
            )


def _review_due(workspace: Workspace, policy: TimescalePolicy) -> date:
    with workspace.session() as session:
        report = compute_due(session, date(2026, 7, 1), policy, horizon_days=120)
    reviews = [i for i in report.items if i.kind == DeadlineKind.REVIEW]
    assert len(reviews) == 1, reviews
    return reviews[0].due_on


def test_reviewing_every_3_months_moves_the_review_due_date(
    empty_workspace: Workspace, isolated_dirs: dict[str, Path]
) -> None:
    _case_with_a_review_held(empty_workspace)
    # National defaults: 6 weeks after Monday 29 June 2026 is Monday 10 August.
    assert _review_due(empty_workspace, load_policy()) == date(2026, 8, 10)
    _write_override(isolated_dirs["config"], {"review_interval": {"count": 3, "unit": "months"}})
    # The local authority's 3 months: Tuesday 29 September 2026.
    assert _review_due(empty_workspace, load_policy()) == date(2026, 9, 29)
    # 2 months lands on Saturday 29 August; then Monday 31 August is the Summer bank
    # holiday, so the review is due the Friday before, 28 August.
    _write_override(isolated_dirs["config"], {"review_interval": {"count": 2, "unit": "months"}})
    assert _review_due(empty_workspace, load_policy()) == date(2026, 8, 28)


# -- refusals: one clear sentence each -------------------------------------------------------

WHOLE_NUMBER = "must be a whole number above 0, not"

BAD_VALUES = [
    ({"visit_interval_days": 0}, f"the visit interval (days) {WHOLE_NUMBER} 0."),
    (
        {"core_group_working_days": -3},
        f"the first core group limit (working days) {WHOLE_NUMBER} -3.",
    ),
    (
        {"initial_conference_working_days": "six"},
        f'the initial conference limit (working days) {WHOLE_NUMBER} "six".',
    ),
    ({"due_soon_days": True}, f"how far ahead counts as due soon (days) {WHOLE_NUMBER} true."),
    (
        {"transition_warning_months": 2.5},
        f"how early to flag turning 18 (months) {WHOLE_NUMBER} 2.5.",
    ),
    (
        {"interim_review_working_days": None},
        f"the interim review point (working days) {WHOLE_NUMBER} null.",
    ),
    ({"review_interval": {"count": 0, "unit": "weeks"}}, f"review interval {WHOLE_NUMBER} 0."),
    ({"first_review": {"count": "six", "unit": "weeks"}}, f'first review {WHOLE_NUMBER} "six".'),
    ({"first_review": {"count": -3, "unit": "months"}}, f"first review {WHOLE_NUMBER} -3."),
    (
        {"review_interval": {"count": 2, "unit": "fortnights"}},
        "review interval is counted in weeks or months, not 'fortnights'.",
    ),
    (
        {"review_interval": {"count": 42, "unit": "days"}},
        "review interval is counted in weeks or months, not 'days'.",
    ),
    (
        {"review_interval": 6},
        'review interval must look like {"count": 6, "unit": "weeks"}.',
    ),
    (
        {"first_review": {"count": 6, "unit": "weeks", "from": "initial"}},
        'first review must look like {"count": 6, "unit": "weeks"}.',
    ),
    (
        {"closures": ["2026-02-30"]},
        "the closure day '2026-02-30' is not a date written YYYY-MM-DD.",
    ),
    (
        {"closures": ["29/12/2026"]},
        "the closure day '29/12/2026' is not a date written YYYY-MM-DD.",
    ),
    ({"closures": "2026-12-29"}, "closures must be a list of dates (YYYY-MM-DD)."),
    ({"plan_may_continue_past_18": "yes"}, "plan_may_continue_past_18 must be true or false."),
]


@pytest.mark.parametrize(("raw", "message"), BAD_VALUES, ids=[str(r) for r, _m in BAD_VALUES])
def test_bad_values_are_refused_by_name(
    isolated_dirs: dict[str, Path], raw: dict[str, Any], message: str
) -> None:
    path = _write_override(isolated_dirs["config"], raw)
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert str(caught.value) == f"In {path}, {message}"
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, TimescaleError | RothError)


CEILINGS = [
    (
        {"initial_conference_working_days": 16},
        "The initial conference limit cannot be more than 15 working days after the "
        "strategy discussion",
    ),
    (
        {"core_group_working_days": 11},
        "The first core group cannot be set later than 10 working days after the initial "
        "conference",
    ),
    (
        {"first_review": {"count": 4, "unit": "months"}},
        "The first review must be within 3 months of the initial conference; 4 months is too long",
    ),
    # 13 weeks (91 days) is longer than some spans of 3 months (1 December to 1 March
    # is 90 days), so it is refused; 12 weeks is allowed below.
    (
        {"first_review": {"count": 13, "unit": "weeks"}},
        "The first review must be within 3 months of the initial conference; 13 weeks is too long",
    ),
    (
        {"review_interval": {"count": 27, "unit": "weeks"}},
        "Reviews must be no more than 6 months apart; 27 weeks is too long",
    ),
    # 26 weeks (182 days) is refused too: 1 September to 1 March is 181 days.
    (
        {"review_interval": {"count": 26, "unit": "weeks"}},
        "Reviews must be no more than 6 months apart; 26 weeks is too long",
    ),
    (
        {"review_interval": {"count": 7, "unit": "months"}},
        "Reviews must be no more than 6 months apart; 7 months is too long",
    ),
]


@pytest.mark.parametrize(("raw", "message"), CEILINGS, ids=[str(r) for r, _m in CEILINGS])
def test_values_past_the_statutory_ceilings_are_refused(
    isolated_dirs: dict[str, Path], raw: dict[str, Any], message: str
) -> None:
    path = _write_override(isolated_dirs["config"], raw)
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert str(caught.value) == f"{message} ({path})."


@pytest.mark.parametrize(
    "raw",
    [
        {"initial_conference_working_days": 15, "core_group_working_days": 10},
        {"initial_conference_working_days": 10},
        {"first_review": {"count": 12, "unit": "weeks"}},
        {"first_review": {"count": 3, "unit": "months"}},
        {"first_review": {"count": 1, "unit": "weeks"}},
        {"review_interval": {"count": 25, "unit": "weeks"}},
        {"review_interval": {"count": 6, "unit": "months"}},
        {"review_interval": {"count": 1, "unit": "months"}},
    ],
    ids=str,
)
def test_values_at_or_inside_the_ceilings_are_kept(
    isolated_dirs: dict[str, Path], raw: dict[str, Any]
) -> None:
    _write_override(isolated_dirs["config"], raw)
    policy = load_policy()
    for name, value in raw.items():
        if isinstance(value, dict):
            assert getattr(policy, name) == Interval(value["count"], value["unit"])
        else:
            assert getattr(policy, name) == value


def test_an_unknown_setting_is_refused(isolated_dirs: dict[str, Path]) -> None:
    path = _write_override(
        isolated_dirs["config"], {"reveiw_interval": {"count": 3, "unit": "months"}}
    )
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert str(caught.value) == (
        f"The timescales policy in {path} has an unknown setting: reveiw_interval."
    )


def test_a_file_that_is_not_json_is_refused(isolated_dirs: dict[str, Path]) -> None:
    path = _write_override(isolated_dirs["config"], '{"review_interval": {"count": 3,}')
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert str(caught.value) == f"The timescales policy {path} is not valid JSON."


def test_json_that_is_not_a_set_of_settings_is_refused(isolated_dirs: dict[str, Path]) -> None:
    path = _write_override(isolated_dirs["config"], [{"review_interval": 6}])
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert str(caught.value) == f"The timescales policy in {path} is not a set of named values."


def test_a_newer_format_is_refused(isolated_dirs: dict[str, Path]) -> None:
    path = _write_override(isolated_dirs["config"], {"format": 2})
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert str(caught.value) == (
        f"The timescales policy in {path} is format 2; this version reads format 1."
    )


def test_an_unknown_region_is_refused(isolated_dirs: dict[str, Path]) -> None:
    path = _write_override(isolated_dirs["config"], {"region": "scotland"})
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert str(caught.value) == (
        f"In {path}: Working days can be counted for England or Wales, not 'scotland'."
    )


def test_a_policy_file_that_cannot_be_read_is_refused(isolated_dirs: dict[str, Path]) -> None:
    folder = isolated_dirs["home"] / "policy-folder"
    folder.mkdir()
    with pytest.raises(PolicyError) as caught:
        load_policy(folder)
    assert str(caught.value).startswith(f"Cannot read the timescales policy {folder} (")
    missing = isolated_dirs["home"] / "missing.json"
    with pytest.raises(PolicyError) as caught:
        load_policy(missing)
    assert str(caught.value) == (
        f"Cannot read the timescales policy {missing} (No such file or directory)."
    )


def test_the_command_line_refuses_a_broken_policy_in_one_line(
    isolated_dirs: dict[str, Path], passphrase_file: Path, tmp_path: Path
) -> None:
    path = _write_override(
        isolated_dirs["config"], {"review_interval": {"count": 27, "unit": "weeks"}}
    )
    result = run_cli(
        "due", "--workspace", tmp_path / "nowhere", "--passphrase-file", passphrase_file
    )
    line = assert_one_error_line(result)
    assert result.returncode == 1
    assert line == (
        f"roth-desktop: Reviews must be no more than 6 months apart; 27 weeks is too long ({path})."
    )
    assert result.stdout == ""


# -- calendar months -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 3, date(2026, 11, 30)),  # no 31 November: never 1 December
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # into a leap February
        (date(2026, 11, 30), 3, date(2027, 2, 28)),  # into a common February
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 10, 31), 3, date(2027, 1, 31)),  # over the year end
        (date(2026, 12, 15), 12, date(2027, 12, 15)),
        (date(2026, 5, 18), 6, date(2026, 11, 18)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),  # backwards, for "6 months before"
        (date(2026, 1, 31), -2, date(2025, 11, 30)),
        (date(2026, 6, 15), 0, date(2026, 6, 15)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_intervals_count_calendar_weeks_and_months() -> None:
    assert Interval(6, "weeks").after(date(2026, 8, 31)) == date(2026, 10, 12)
    assert Interval(3, "months").after(date(2026, 8, 31)) == date(2026, 11, 30)
    assert Interval(1, "weeks").words == "1 week"
    assert Interval(3, "months").words == "3 months"
