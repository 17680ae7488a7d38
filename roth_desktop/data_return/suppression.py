"""Small-number care: what a published figure may show.

A count from 1 up to one below the threshold could identify a young person, so
it is shown as ``*``. Anything worked out from a hidden count (a percentage, a
rate, a rate ratio) is hidden too, or the count could be worked back out of it.
Zero is shown: it identifies nobody.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPRESSED = "*"
PER = 10_000

Shown = int | float | str | None


@dataclass(frozen=True)
class Suppressor:
    threshold: int = 5

    def hidden(self, count: int) -> bool:
        return 0 < count < self.threshold

    def count(self, count: int) -> int | str:
        return SUPPRESSED if self.hidden(count) else count

    def percent(self, part: int, whole: int) -> Shown:
        """``part`` as a percentage of ``whole`` to one decimal place; blank when whole is 0."""
        if whole == 0:
            return None
        if self.hidden(part) or self.hidden(whole):
            return SUPPRESSED
        return round(100 * part / whole, 1)

    def rate(self, count: int, population: int) -> Shown:
        """Young people per 10,000 of the population, to one decimal place."""
        if self.hidden(count):
            return SUPPRESSED
        return round(count / population * PER, 1)

    def ratio(self, count: int, population: int, ref_count: int, ref_population: int) -> Shown:
        """A group's rate over the reference rate, to two decimal places.

        Worked out from the unrounded rates, so rounding a rate cannot move the ratio.
        """
        if self.hidden(count) or self.hidden(ref_count):
            return SUPPRESSED
        if ref_count == 0:
            return None
        return round((count / population) / (ref_count / ref_population), 2)

    def rule(self) -> str:
        if self.threshold <= 1:
            return "Small numbers: no counts are hidden in this return (the threshold is 1)."
        return (
            f"Small numbers: any count from 1 to {self.threshold - 1} is shown as {SUPPRESSED}, "
            f"and so is any percentage, rate or rate ratio worked out from a count shown as "
            f"{SUPPRESSED}; zero is shown as 0."
        )
