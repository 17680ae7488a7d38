"""Age bands for the data return: set by the local authority, with 16+ always apart.

The pilots reported young people aged 16 and over separately (in two sites they
were most of the cohort), so whatever bands are chosen, one must start at 16.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from roth_desktop.data_return.errors import DataReturnError

SEPARATE_FROM = 16
_DASHES = str.maketrans({"-": "–", "‐": "–", "‑": "–", "—": "–", "−": "–"})


@dataclass(frozen=True)
class AgeBand:
    label: str
    lowest: int
    highest: int | None = None  # None: no upper limit

    def holds(self, age: int) -> bool:
        return age >= self.lowest and (self.highest is None or age <= self.highest)


DEFAULT_AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("Under 10", 0, 9),
    AgeBand("10–13", 10, 13),
    AgeBand("14–15", 14, 15),
    AgeBand("16+", 16),
)


def label_key(label: str) -> str:
    """How band labels are matched: a hyphen typed in a spreadsheet matches an en dash."""
    return " ".join(label.translate(_DASHES).split()).casefold()


def check_bands(bands: Sequence[AgeBand]) -> tuple[AgeBand, ...]:
    """The bands, if they cover every age from 0 once each and keep 16+ apart."""
    if not bands:
        raise DataReturnError("Give at least one age band.")
    expected = 0
    seen: set[str] = set()
    for n, band in enumerate(bands):
        if not band.label.strip() or label_key(band.label) in seen:
            raise DataReturnError("Each age band needs its own label.")
        seen.add(label_key(band.label))
        if band.lowest != expected:
            raise DataReturnError(
                f"The age band '{band.label}' should start at {expected} so that every age "
                "falls in exactly one band."
            )
        last = n == len(bands) - 1
        if (band.highest is None) != last or (band.highest is not None and band.highest < expected):
            raise DataReturnError(
                "Age bands must run in order, each ending before the next starts, with only "
                "the last one open-ended."
            )
        expected = band.highest + 1 if band.highest is not None else expected
    if not any(band.lowest == SEPARATE_FROM for band in bands):
        raise DataReturnError("One age band must start at 16, so that 16+ is shown separately.")
    return tuple(bands)


def band_for(bands: Sequence[AgeBand], age: int | None) -> AgeBand | None:
    if age is None:
        return None
    return next((band for band in bands if band.holds(age)), None)
