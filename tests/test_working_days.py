"""Working days: bank holidays of England and Wales, substitute days, local closures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from roth_desktop.errors import RothError
from roth_desktop.models import Case, DeadlineKind, Pathway, YoungPerson
from roth_desktop.timescales import UnknownRegionError, WorkingDayCalendar
from roth_desktop.timescales.deadlines import compute_due
from roth_desktop.timescales.policy import default_policy
from roth_desktop.timescales.working_days import SUBDIVISIONS, _bank_holidays, _known_years
from roth_desktop.workspace import Workspace

ENGLAND = WorkingDayCalendar()
WALES = WorkingDayCalendar("wales")

# The bank holidays of 2026, as published for England and Wales (the same list).
BANK_HOLIDAYS_2026 = {
    date(2026, 1, 1),  # New Year's Day
    date(2026, 4, 3),  # Good Friday
    date(2026, 4, 6),  # Easter Monday
    date(2026, 5, 4),  # Early May
    date(2026, 5, 25),  # Spring
    date(2026, 8, 31),  # Summer
    date(2026, 12, 25),  # Christmas Day (a Friday)
    date(2026, 12, 26),  # Boxing Day (a Saturday)...
    date(2026, 12, 28),  # ...so its substitute is Monday 28 December
}


@pytest.mark.parametrize("calendar", [ENGLAND, WALES], ids=["england", "wales"])
def test_2026_bank_holidays(calendar: WorkingDayCalendar) -> None:
    assert calendar.bank_holidays(2026) == BANK_HOLIDAYS_2026
    for day in BANK_HOLIDAYS_2026:
        assert not calendar.is_working_day(day)


def test_easter_monday_is_off_in_both_nations() -> None:
    assert not ENGLAND.is_working_day(date(2026, 4, 6))
    assert not WALES.is_working_day(date(2026, 4, 6))
    assert ENGLAND.is_working_day(date(2026, 4, 7))


def test_st_davids_day_is_a_working_day_in_wales() -> None:
    # 1 March 2027 is a Monday; St David's Day is not a bank holiday in Wales.
    assert WALES.is_working_day(date(2027, 3, 1))
    assert ENGLAND.is_working_day(date(2027, 3, 1))


def test_other_nations_holidays_are_working_days() -> None:
    assert ENGLAND.is_working_day(date(2026, 1, 2))  # Scotland's 2 January
    assert WALES.is_working_day(date(2026, 3, 17))  # St Patrick's Day (Northern Ireland)
    assert ENGLAND.is_working_day(date(2026, 11, 30))  # St Andrew's Day (Scotland)


def test_substitute_days_when_christmas_falls_at_a_weekend() -> None:
    # 2027: Christmas Day is a Saturday, Boxing Day a Sunday.
    assert not ENGLAND.is_working_day(date(2027, 12, 27))
    assert not ENGLAND.is_working_day(date(2027, 12, 28))
    assert ENGLAND.is_working_day(date(2027, 12, 29))


def test_weekends_are_not_working_days() -> None:
    assert not ENGLAND.is_working_day(date(2026, 6, 6))  # Saturday
    assert not ENGLAND.is_working_day(date(2026, 6, 7))  # Sunday
    assert ENGLAND.is_working_day(date(2026, 6, 8))


def test_counting_convention() -> None:
    friday, saturday, monday = date(2026, 6, 5), date(2026, 6, 6), date(2026, 6, 8)
    assert ENGLAND.working_days_between(friday, friday) == 0
    assert ENGLAND.working_days_between(friday, saturday) == 0
    assert ENGLAND.working_days_between(friday, monday) == 1
    assert ENGLAND.working_days_between(monday, friday) == -1
    # All of 2026: 261 weekdays less the 8 bank holidays that fall on one.
    assert ENGLAND.working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 253


def test_fifteen_working_days_across_christmas() -> None:
    discussion = date(2026, 12, 18)  # Friday before Christmas
    # 21-24 Dec (4), 29-31 Dec (7), 4-8 Jan (12), 11-13 Jan (15): 25, 28 Dec and 1 Jan are off.
    assert ENGLAND.add_working_days(discussion, 15) == date(2027, 1, 13)
    assert ENGLAND.working_days_between(discussion, date(2027, 1, 13)) == 15
    assert ENGLAND.working_days_between(discussion, date(2027, 1, 14)) == 16
    assert ENGLAND.add_working_days(date(2027, 1, 13), -15) == discussion
    assert ENGLAND.add_working_days(discussion, 0) == discussion


def test_local_closure_days() -> None:
    closed = WorkingDayCalendar(
        closures=frozenset({date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)})
    )
    assert not closed.is_working_day(date(2026, 12, 30))
    assert ENGLAND.is_working_day(date(2026, 12, 30))
    discussion = date(2026, 12, 18)
    assert closed.add_working_days(discussion, 15) == date(2027, 1, 18)
    assert closed.working_days_between(discussion, date(2027, 1, 13)) == 12
    # A closure on a weekend changes nothing.
    weekend = WorkingDayCalendar(closures=frozenset({date(2026, 6, 6)}))
    assert weekend.working_days_between(date(2026, 6, 5), date(2026, 6, 8)) == 1


def test_closures_given_as_a_list_are_kept() -> None:
    calendar = WorkingDayCalendar(closures=[date(2026, 6, 8)])  # type: ignore[arg-type]
    assert calendar.closures == frozenset({date(2026, 6, 8)})
    assert not calendar.is_working_day(date(2026, 6, 8))


def test_region_is_checked_and_normalised() -> None:
    assert WorkingDayCalendar(" Wales ").region == "wales"
    with pytest.raises(UnknownRegionError) as caught:
        WorkingDayCalendar("scotland")
    assert str(caught.value) == "Working days can be counted for England or Wales, not 'scotland'."
    assert isinstance(caught.value, RothError)


def _slow_count(calendar: WorkingDayCalendar, start: date, end: date) -> int:
    return sum(
        calendar.is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1)
    )


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    span=st.integers(min_value=0, max_value=400),
    n=st.integers(min_value=0, max_value=60),
)
def test_counting_agrees_with_walking_each_day(start: date, span: int, n: int) -> None:
    end = start + timedelta(days=span)
    assert ENGLAND.working_days_between(start, end) == _slow_count(ENGLAND, start, end)
    later = ENGLAND.add_working_days(start, n)
    assert ENGLAND.working_days_between(start, later) == n
    assert n == 0 or ENGLAND.is_working_day(later)


def test_a_strategy_discussion_before_christmas_2025_reaches_day_15_on_14_january() -> None:
    """The worked example in docs/timescales.md, counted by hand one day at a time.

    (test_fifteen_working_days_across_christmas does the same for 2026, when Boxing Day
    falls on a Saturday and its substitute day is a Monday; here all three bank holidays
    fall on weekdays.)
    """
    discussion = date(2025, 12, 19)  # Friday: day 0
    assert discussion.strftime("%A") == "Friday"
    # Mon 22 Dec = 1, Tue 23 = 2, Wed 24 = 3,
    # Thu 25 Christmas Day: off; Fri 26 Boxing Day: off; Sat 27, Sun 28: weekend,
    # Mon 29 = 4, Tue 30 = 5, Wed 31 = 6,
    # Thu 1 Jan 2026 New Year's Day: off,
    # Fri 2 Jan = 7 (a working day in England; only Scotland has 2 January off),
    # Sat 3, Sun 4: weekend,
    # Mon 5 = 8, Tue 6 = 9, Wed 7 = 10, Thu 8 = 11, Fri 9 = 12,
    # Sat 10, Sun 11: weekend,
    # Mon 12 = 13, Tue 13 = 14, Wed 14 = 15.
    by_hand = [
        date(2025, 12, 22),
        date(2025, 12, 23),
        date(2025, 12, 24),
        date(2025, 12, 29),
        date(2025, 12, 30),
        date(2025, 12, 31),
        date(2026, 1, 2),
        date(2026, 1, 5),
        date(2026, 1, 6),
        date(2026, 1, 7),
        date(2026, 1, 8),
        date(2026, 1, 9),
        date(2026, 1, 12),
        date(2026, 1, 13),
        date(2026, 1, 14),
    ]
    for n, day in enumerate(by_hand, start=1):
        assert ENGLAND.add_working_days(discussion, n) == day, n
        assert ENGLAND.working_days_between(discussion, day) == n
    for off in (date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)):
        assert not ENGLAND.is_working_day(off)
    last_day = ENGLAND.add_working_days(discussion, 15)
    assert last_day == date(2026, 1, 14)
    assert last_day.strftime("%A") == "Wednesday"
    # The weekend after day 12 shares its count; Thursday 15 January is day 16: too late.
    assert ENGLAND.working_days_between(discussion, date(2026, 1, 11)) == 12
    assert ENGLAND.working_days_between(discussion, date(2026, 1, 15)) == 16


# -- England and Wales ----------------------------------------------------------------------
#
# In the ``holidays`` package England (ENG) and Wales (WLS) share one bank-holiday list
# today: St David's Day is not a bank holiday in Wales. The calendars are still kept
# apart because the nations can diverge, so these tests check that each calendar
# follows its own nation's list, and (with an imagined Welsh bank holiday) that a
# divergence would reach the Welsh calendar and not the English one.


@pytest.mark.parametrize(("calendar", "subdiv"), [(ENGLAND, "ENG"), (WALES, "WLS")])
def test_each_nation_follows_its_own_list_in_the_package(
    calendar: WorkingDayCalendar, subdiv: str
) -> None:
    for year in range(1990, 2101):
        expected = set(holidays.country_holidays("GB", subdiv=subdiv, years=year).keys())
        assert calendar.bank_holidays(year) == expected, year
        assert expected, year  # every known year has bank holidays
    assert SUBDIVISIONS == {"england": "ENG", "wales": "WLS"}


@pytest.fixture
def fresh_bank_holiday_cache() -> Iterator[None]:
    """Bank holidays are cached per nation and year; start and end with none cached."""
    _bank_holidays.cache_clear()
    _known_years.cache_clear()
    yield
    _bank_holidays.cache_clear()
    _known_years.cache_clear()


def test_a_welsh_only_bank_holiday_would_reach_only_the_welsh_calendar(
    monkeypatch: pytest.MonkeyPatch, fresh_bank_holiday_cache: None
) -> None:
    real = holidays.country_holidays

    def diverged(country: str, **options: Any) -> Any:
        table = real(country, **options)
        year = options.get("years")
        if options.get("subdiv") == "WLS" and isinstance(year, int):
            table[date(year, 3, 1)] = "St David's Day (imagined as a bank holiday)"
        return table

    # working_days looks the function up on the module each time, so this reaches it.
    monkeypatch.setattr(holidays, "country_holidays", diverged)
    st_davids_day = date(2027, 3, 1)  # a Monday
    assert not WALES.is_working_day(st_davids_day)
    assert ENGLAND.is_working_day(st_davids_day)
    discussion = date(2027, 2, 25)  # Thursday
    assert ENGLAND.add_working_days(discussion, 15) == date(2027, 3, 18)
    assert WALES.add_working_days(discussion, 15) == date(2027, 3, 19)


def test_st_davids_day_2027_counts_as_a_working_day_in_wales() -> None:
    # Counting over 1 March 2027 in Wales gives the same answer as in England, because
    # today the package's Welsh list has no St David's Day (see the note above).
    discussion = date(2027, 2, 25)  # Thursday: day 0
    # Fri 26 Feb = 1; Mon 1 Mar (St David's Day) = 2 ... Fri 5 = 6; 8-12 Mar = 7-11;
    # Mon 15 = 12, Tue 16 = 13, Wed 17 = 14, Thu 18 = 15.
    assert WALES.working_days_between(discussion, date(2027, 3, 1)) == 2
    assert WALES.add_working_days(discussion, 15) == date(2027, 3, 18)
    assert ENGLAND.add_working_days(discussion, 15) == date(2027, 3, 18)


def test_a_welsh_councils_closure_day_differs_from_england() -> None:
    """A local authority in Wales that shuts on St David's Day, as a local closure."""
    closed = WorkingDayCalendar("wales", closures=frozenset({date(2027, 3, 1)}))
    discussion = date(2027, 2, 25)
    assert not closed.is_working_day(date(2027, 3, 1))
    assert WALES.is_working_day(date(2027, 3, 1))
    assert ENGLAND.is_working_day(date(2027, 3, 1))
    # One day fewer to count on, so day 15 moves from Thursday 18 to Friday 19 March.
    assert closed.add_working_days(discussion, 15) == date(2027, 3, 19)
    assert closed.working_days_between(discussion, date(2027, 3, 18)) == 14
    # The closure is Wales's own: the Welsh bank holidays are still there too.
    assert not closed.is_working_day(date(2027, 12, 27))
    assert closed.bank_holidays(2027) == WALES.bank_holidays(2027)


# -- years the package does not know --------------------------------------------------------


def test_years_past_the_packages_last_count_weekends_only_with_a_warning() -> None:
    last_known = int(holidays.country_holidays("GB", subdiv="ENG").end_year)
    assert last_known == 2100, "the installed holidays package changed; update this test"
    assert ENGLAND.bank_holidays(2101) == frozenset()
    # Friday 24 December 2100: day 0. Sat 25, Sun 26: weekend; Mon 27 and Tue 28 are the
    # known substitute days for Christmas and Boxing Day: off. Wed 29 = 1, Thu 30 = 2,
    # Fri 31 = 3. Sat 1 and Sun 2 January 2101: weekend. Mon 3 January 2101 would be
    # New Year's substitute day, but 2101 is unknown, so it counts: 4. Tue 4 = 5.
    start, end = date(2100, 12, 24), date(2101, 1, 4)
    assert ENGLAND.add_working_days(start, 5) == end
    assert ENGLAND.is_working_day(date(2101, 1, 3))
    assert not ENGLAND.is_working_day(date(2101, 1, 1))  # a Saturday: weekends still count
    # All of 2101 (it starts and ends on a Saturday): every one of its 260 weekdays.
    assert ENGLAND.working_days_between(date(2100, 12, 31), date(2101, 12, 31)) == 260
    assert ENGLAND.unknown_years(start, end) == [2101]
    assert ENGLAND.unknown_years(end, start) == [2101]
    assert ENGLAND.unknown_years(date(2026, 1, 1), date(2100, 12, 31)) == []
    assert ENGLAND.unknown_years_warning(date(2026, 1, 1), date(2100, 12, 31)) is None
    assert ENGLAND.unknown_years_warning(start, end) == (
        "Bank holidays for 2101 are not known yet, so dates then count weekends only. "
        "Update ROTH Desktop to get them."
    )
    assert WALES.unknown_years_warning(date(2099, 6, 1), date(2103, 2, 1)) == (
        "Bank holidays for 2101–2103 are not known yet, so dates then count weekends only. "
        "Update ROTH Desktop to get them."
    )


def test_a_due_report_reaching_past_2100_carries_the_warning(empty_workspace: Workspace) -> None:
    with empty_workspace.session() as session:
        yp = YoungPerson(first_name="Wren", last_name="Tallack", date_of_birth=date(2011, 5, 9))
        session.add_all(
            [
                yp,
                Case(
                    young_person=yp,
                    pathway=Pathway.ROTH,
                    opened_on=date(2026, 3, 2),
                    strategy_discussion_on=date(2026, 3, 3),
                ),
            ]
        )
    policy = default_policy()
    with empty_workspace.session() as session:
        known = compute_due(session, date(2026, 3, 4), policy)
        far = compute_due(session, date(2101, 1, 4), policy)
    assert known.warnings == ()
    assert far.warnings == (
        "Bank holidays for 2101 are not known yet, so dates then count weekends only. "
        "Update ROTH Desktop to get them.",
    )
    initial = next(i for i in far.items if i.kind == DeadlineKind.INITIAL_CONFERENCE)
    # Overdue since 24 March 2026 (15 working days from Tuesday 3 March): the working days
    # overdue count 2101's first two weekdays as working days.
    assert initial.due_on == date(2026, 3, 24)
    assert initial.working_days_overdue == (
        ENGLAND.working_days_between(date(2026, 3, 24), date(2100, 12, 31)) + 2
    )
