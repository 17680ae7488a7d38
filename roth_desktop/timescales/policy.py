"""Timescales policy: how long each step may take, as data a local authority can change.

The national defaults ship in ``resources/timescales/policy.json``. A local
authority overrides any of them in ``timescales.json`` in the app's config
folder (the same folder its content packs live in), for example to review every
3 months rather than every 6 weeks, or to close between Christmas and New Year.
Values that would break the statutory maximum in Working Together to Safeguard
Children (2023) are refused rather than quietly followed.
"""

from __future__ import annotations

import calendar as month_calendar
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

from roth_desktop.errors import RothError
from roth_desktop.paths import config_dir
from roth_desktop.timescales.working_days import WorkingDayCalendar

FORMAT = 1
OVERRIDE_FILE = "timescales.json"
UNITS = ("weeks", "months")

# Statutory ceilings (Working Together 2023): an initial conference within 15 working
# days of the strategy discussion; the first core group within 10 working days of it;
# the first review within 3 months; later reviews no more than 6 months apart.
MAX_INITIAL_WORKING_DAYS = 15
MAX_CORE_GROUP_WORKING_DAYS = 10
MAX_FIRST_REVIEW_MONTHS = 3
MAX_REVIEW_INTERVAL_MONTHS = 6

POSITIVE_WHOLE_NUMBERS = {
    "initial_conference_working_days": "the initial conference limit (working days)",
    "core_group_working_days": "the first core group limit (working days)",
    "interim_review_working_days": "the interim review point (working days)",
    "visit_interval_days": "the visit interval (days)",
    "transition_warning_months": "how early to flag turning 18 (months)",
    "due_soon_days": "how far ahead counts as due soon (days)",
}


class TimescaleError(RothError):
    """A question about timescales that cannot be answered as asked."""


class PolicyError(TimescaleError):
    """A timescales policy value is missing, of the wrong kind or not allowed."""


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day if it has no such day.

    31 August plus 3 months is 30 November, never 1 December: a deadline never
    moves later than the rule allows.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Interval:
    """A span counted in calendar weeks or months, as review intervals are set."""

    count: int
    unit: str

    def after(self, day: date) -> date:
        if self.unit == "weeks":
            return day + timedelta(weeks=self.count)
        return add_months(day, self.count)

    def within_months(self, months: int) -> bool:
        if self.unit == "weeks":
            # Measured the strict way: the interval must be no longer than the shortest
            # span of that many months (3 months can be as few as 89 days).
            shortest = min(
                (add_months(date(2000, m, 1), months) - date(2000, m, 1)).days for m in range(1, 13)
            )
            return self.count * 7 <= shortest
        return self.count <= months

    @property
    def words(self) -> str:
        unit = self.unit if self.count != 1 else self.unit[:-1]
        return f"{self.count} {unit}"


@dataclass(frozen=True)
class TimescalePolicy:
    region: str = "england"
    closures: frozenset[date] = frozenset()
    initial_conference_working_days: int = 15
    core_group_working_days: int = 10
    first_review: Interval = Interval(6, "weeks")
    review_interval: Interval = Interval(6, "weeks")
    interim_review_working_days: int = 15
    visit_interval_days: int = 7
    transition_warning_months: int = 6
    plan_may_continue_past_18: bool = False
    due_soon_days: int = 14
    # Where each value came from, for the notes on a report.
    source: str = field(default="national defaults", compare=False)

    @property
    def calendar(self) -> WorkingDayCalendar:
        """The one working-day calendar every deadline in the app is counted on."""
        return WorkingDayCalendar(region=self.region, closures=self.closures)

    @classmethod
    def from_mapping(cls, raw: Any, source: str) -> TimescalePolicy:
        if not isinstance(raw, dict):
            raise PolicyError(f"The timescales policy in {source} is not a set of named values.")
        fmt = raw.get("format", FORMAT)
        if fmt != FORMAT:
            raise PolicyError(
                f"The timescales policy in {source} is format {fmt}; this version reads "
                f"format {FORMAT}."
            )
        known = {f for f in cls.__dataclass_fields__ if f != "source"} | {"format", "about"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise PolicyError(
                f"The timescales policy in {source} has an unknown setting: {unknown[0]}."
            )
        values: dict[str, Any] = {"source": source}
        for name, words in POSITIVE_WHOLE_NUMBERS.items():
            if name in raw:
                values[name] = _positive(raw[name], words, source)
        for name in ("first_review", "review_interval"):
            if name in raw:
                values[name] = _interval(raw[name], name.replace("_", " "), source)
        if "region" in raw:
            # Kept as the calendar spells it ("Wales" in a file reads as "wales"), so the
            # policy dialog and the data return find the region they compare against.
            values["region"] = str(raw["region"]).strip().lower()
        if "closures" in raw:
            values["closures"] = _closures(raw["closures"], source)
        if "plan_may_continue_past_18" in raw:
            allowed = raw["plan_may_continue_past_18"]
            if not isinstance(allowed, bool):
                raise PolicyError(f"In {source}, plan_may_continue_past_18 must be true or false.")
            values["plan_may_continue_past_18"] = allowed
        policy = cls(**values)
        policy.check_statutory_limits()
        try:
            policy.calendar  # noqa: B018 - building it checks the region
        except RothError as exc:
            raise PolicyError(f"In {source}: {exc}") from None
        return policy

    def to_mapping(self) -> dict[str, Any]:
        """The policy in the shape of its JSON file."""
        return {
            "format": FORMAT,
            "region": self.region,
            "closures": [d.isoformat() for d in sorted(self.closures)],
            **{name: getattr(self, name) for name in POSITIVE_WHOLE_NUMBERS},
            "first_review": {"count": self.first_review.count, "unit": self.first_review.unit},
            "review_interval": {
                "count": self.review_interval.count,
                "unit": self.review_interval.unit,
            },
            "plan_may_continue_past_18": self.plan_may_continue_past_18,
        }

    def merged(self, raw: Any, source: str) -> TimescalePolicy:
        """This policy with the values in ``raw`` laid over it (a local override)."""
        if not isinstance(raw, dict):
            raise PolicyError(f"The timescales policy in {source} is not a set of named values.")
        return TimescalePolicy.from_mapping({**self.to_mapping(), **raw}, source)

    def check_statutory_limits(self) -> None:
        where = f" ({self.source})"
        if self.initial_conference_working_days > MAX_INITIAL_WORKING_DAYS:
            raise PolicyError(
                f"The initial conference limit cannot be more than {MAX_INITIAL_WORKING_DAYS} "
                f"working days after the strategy discussion{where}."
            )
        if self.core_group_working_days > MAX_CORE_GROUP_WORKING_DAYS:
            raise PolicyError(
                f"The first core group cannot be set later than {MAX_CORE_GROUP_WORKING_DAYS} "
                f"working days after the initial conference{where}."
            )
        if not self.first_review.within_months(MAX_FIRST_REVIEW_MONTHS):
            raise PolicyError(
                f"The first review must be within {MAX_FIRST_REVIEW_MONTHS} months of the "
                f"initial conference; {self.first_review.words} is too long{where}."
            )
        if not self.review_interval.within_months(MAX_REVIEW_INTERVAL_MONTHS):
            raise PolicyError(
                f"Reviews must be no more than {MAX_REVIEW_INTERVAL_MONTHS} months apart; "
                f"{self.review_interval.words} is too long{where}."
            )

    def as_words(self) -> list[str]:
        """The policy as sentences, for the dashboard's notes and the docs."""
        closures = len(self.closures)
        return [
            f"Bank holidays: {self.region.capitalize()}; {closures} local closure day(s).",
            f"Initial conference within {self.initial_conference_working_days} working days "
            "of the strategy discussion.",
            f"First core group within {self.core_group_working_days} working days of the "
            "initial conference.",
            f"First review within {self.first_review.words}; then every "
            f"{self.review_interval.words}.",
            f"Interim review (when agreed) at {self.interim_review_working_days} working days.",
            f"Visits at least every {self.visit_interval_days} days while on a plan.",
            f"Turning 18 flagged {self.transition_warning_months} months ahead; plans "
            + ("may" if self.plan_may_continue_past_18 else "may not")
            + " continue past 18.",
        ]


def _positive(value: Any, words: str, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        # Shown as it was written in the file (true, null, "six"), not as Python spells it.
        shown = json.dumps(value, ensure_ascii=False)
        raise PolicyError(f"In {source}, {words} must be a whole number above 0, not {shown}.")
    return value


def _interval(value: Any, words: str, source: str) -> Interval:
    if not isinstance(value, dict) or set(value) != {"count", "unit"}:
        raise PolicyError(f'In {source}, {words} must look like {{"count": 6, "unit": "weeks"}}.')
    unit = value["unit"]
    if unit not in UNITS:
        raise PolicyError(f"In {source}, {words} is counted in weeks or months, not {unit!r}.")
    return Interval(_positive(value["count"], words, source), unit)


def _closures(value: Any, source: str) -> frozenset[date]:
    if not isinstance(value, list):
        raise PolicyError(f"In {source}, closures must be a list of dates (YYYY-MM-DD).")
    days = set()
    for item in value:
        try:
            days.add(date.fromisoformat(str(item)))
        except ValueError:
            raise PolicyError(
                f"In {source}, the closure day {item!r} is not a date written YYYY-MM-DD."
            ) from None
    return frozenset(days)


def default_policy() -> TimescalePolicy:
    text = files("resources").joinpath("timescales", "policy.json").read_text("utf-8")
    return TimescalePolicy.from_mapping(json.loads(text), "national defaults")


def override_path() -> Path:
    return config_dir() / OVERRIDE_FILE


def load_policy(path: Path | None = None) -> TimescalePolicy:
    """The national defaults with the local authority's file laid over them.

    ``path`` names a file to use instead of the one in the config folder (the command
    line's ``--policy``). A file that cannot be read or is not JSON is refused with one
    message naming it, rather than silently ignored: deadlines counted on the wrong
    policy would look right and be wrong.
    """
    chosen = path or override_path()
    if path is None and not chosen.exists():
        return default_policy()
    try:
        raw = json.loads(chosen.read_text("utf-8"))
    except OSError as exc:
        raise PolicyError(f"Cannot read the timescales policy {chosen} ({exc.strerror}).") from None
    except ValueError:
        raise PolicyError(f"The timescales policy {chosen} is not valid JSON.") from None
    return default_policy().merged(raw, str(chosen))


def policy_or_defaults(path: Path | None = None) -> tuple[TimescalePolicy, str]:
    """The local authority's policy or, if its file is broken, the national defaults and why.

    For the screens: a broken file must not stop a chair seeing what is due, but the
    one-line message is shown so nobody mistakes the defaults for the local policy.
    """
    try:
        return load_policy(path), ""
    except PolicyError as exc:
        return default_policy(), f"{exc} The national defaults are used until it is put right."


def save_policy(policy: TimescalePolicy) -> Path:
    """Write the local authority's policy (never personal data) to the config folder."""
    from roth_desktop.atomic_files import write_atomic

    target = override_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, json.dumps(policy.to_mapping(), indent=2).encode("utf-8"))
    return target
