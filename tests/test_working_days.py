"""Working days: bank holidays of England and Wales, substitute days, local closures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roth_desktop.errors import RothError
from roth_desktop.timescales import UnknownRegionError, WorkingDayCalendar

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
