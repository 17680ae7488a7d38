"""Working days: weekdays that are neither a bank holiday nor a local closure day.

Bank holidays come from the maintained ``holidays`` package, so a new or moved
bank holiday (a coronation, a jubilee) arrives with a package update rather than
a release of ROTH Desktop. England and Wales share a list today; they are kept
apart because the nations can and have diverged from Scotland and may diverge
from each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

from roth_desktop.errors import RothError

SUBDIVISIONS = {"england": "ENG", "wales": "WLS"}


class UnknownRegionError(RothError):
    """A working-day calendar was asked for somewhere whose bank holidays it does not know."""


@cache
def _bank_holidays(subdivision: str, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv=subdivision, years=year).keys())


@cache
def _known_years(subdivision: str) -> range:
    """The years the installed ``holidays`` package has bank holidays for."""
    table = holidays.country_holidays("GB", subdiv=subdivision)
    return range(int(table.start_year), int(table.end_year) + 1)


def _weekdays_after(start: date, end: date) -> int:
    """Monday-to-Friday days in (start, end], for start <= end, without walking each day."""
    days = (end - start).days
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, extra + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


@dataclass(frozen=True)
class WorkingDayCalendar:
    """Working days for one nation's bank holidays plus the local authority's closures.

    ``closures`` holds extra days the local authority is shut (for example the days
    between Christmas and New Year); weekend dates in it change nothing.
    """

    region: str = "england"
    closures: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        region = str(self.region).strip().lower()
        if region not in SUBDIVISIONS:
            raise UnknownRegionError(
                f"Working days can be counted for England or Wales, not '{self.region}'."
            )
        object.__setattr__(self, "region", region)
        object.__setattr__(self, "closures", frozenset(self.closures))

    def bank_holidays(self, year: int) -> frozenset[date]:
        """The year's bank holidays; empty for a year the package does not know yet."""
        if year not in _known_years(SUBDIVISIONS[self.region]):
            return frozenset()
        return _bank_holidays(SUBDIVISIONS[self.region], year)

    def unknown_years(self, start: date, end: date) -> list[int]:
        """Years from ``start`` to ``end`` with no bank holidays known: weekends only.

        Deadlines reaching into them are still counted, but whoever reads them is
        told, because a bank holiday nobody knows about yet would make them early.
        """
        known = _known_years(SUBDIVISIONS[self.region])
        low, high = sorted((start.year, end.year))
        return [year for year in range(low, high + 1) if year not in known]

    def unknown_years_warning(self, start: date, end: date) -> str | None:
        years = self.unknown_years(start, end)
        if not years:
            return None
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        return (
            f"Bank holidays for {span} are not known yet, so dates then count weekends "
            "only. Update ROTH Desktop to get them."
        )

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() < 5
            and day not in self.bank_holidays(day.year)
            and day not in self.closures
        )

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end``.

        This is how "within 15 working days of the strategy discussion" is counted:
        the day of the strategy discussion is day 0, the next working day is day 1,
        and a conference held on a day that counts as 15 or less is in time. A
        conference on a weekend or bank holiday shares the count of the working day
        before it. ``end`` before ``start`` gives the same count, negated.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count = _weekdays_after(start, end)
        days_off = set(self.closures)
        for year in range(start.year, end.year + 1):
            days_off |= self.bank_holidays(year)
        return count - sum(1 for d in days_off if start < d <= end and d.weekday() < 5)

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``th working day after ``start`` (before it, for negative ``n``).

        The answer is a working day whenever ``n`` is not 0, and for ``n >= 0``
        ``working_days_between(start, add_working_days(start, n)) == n``: so
        ``add_working_days(strategy_discussion, 15)`` is the last day an initial
        conference is in time.
        """
        step = 1 if n >= 0 else -1
        day, left = start, abs(n)
        while left:
            day += timedelta(days=step)
            if self.is_working_day(day):
                left -= 1
        return day
