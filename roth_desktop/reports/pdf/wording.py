"""The words the conference PDFs print around the record: headings, explanations, dates.

They are content, not code, so they live in ``resources/reports/wording.json``
with English and Welsh side by side, where a translator or a local authority
can change them without touching Python. A string whose Welsh still needs a
translator's eye carries ``"review": true``.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from roth_desktop.reports.audience import LANGUAGES, ReportError

_RESOURCE = "reports/wording.json"


@dataclass(frozen=True)
class Entry:
    en: str
    cy: str
    review: bool


def parse_wording(raw: Any) -> dict[str, Entry]:
    """Check the file's shape so a bad edit fails loudly here, not half-way through a PDF."""
    if not isinstance(raw, dict) or not isinstance(raw.get("strings"), dict):
        raise ReportError("The report wording file must hold a 'strings' object.")
    found: dict[str, Entry] = {}
    for key, value in raw["strings"].items():
        if not isinstance(value, dict):
            raise ReportError(f"Report wording '{key}' must be an object with en and cy.")
        texts = [value.get(lang) for lang in LANGUAGES]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            raise ReportError(f"Report wording '{key}' needs both English and Welsh.")
        en, cy = str(value["en"]), str(value["cy"])
        # Both languages must fill the same blanks, or a translation would drop a date.
        if _fields(en) != _fields(cy):
            raise ReportError(f"Report wording '{key}' has different {{blanks}} in en and cy.")
        found[key] = Entry(en, cy, bool(value.get("review", False)))
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@cache
def _entries() -> Mapping[str, Entry]:
    raw = json.loads(files("resources").joinpath(_RESOURCE).read_text("utf-8"))
    return parse_wording(raw)


@dataclass(frozen=True)
class Wording:
    """All the wording in one language. Values filled in are plain text; escaping is the
    caller's job, because only the caller knows whether the result becomes markup."""

    language: str

    def __call__(self, key: str, /, **values: object) -> str:
        entry = _entries().get(key)
        if entry is None:
            raise ReportError(f"The report wording has no '{key}'.")
        text = entry.cy if self.language == "cy" else entry.en
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in _entries()

    def pick(self, key: str, plain: bool, /, **values: object) -> str:
        """The ``.plain`` variant of ``key`` for family and young person, where there is one."""
        if plain and self.has(f"{key}.plain"):
            return self(f"{key}.plain", **values)
        return self(key, **values)

    def date(self, day: dt.date | None, *, weekday: bool = False, year: bool = True) -> str:
        """A date as written in a sentence: "Friday 14 November 2026".

        Welsh weekdays come lowercase ("dydd Gwener 14 Tachwedd 2026"), as in running text.
        """
        if day is None:
            return self("date.none")
        month = self("date.months").split(",")[day.month - 1]
        text = f"{day.day} {month} {day.year}" if year else f"{day.day} {month}"
        if weekday:
            text = f"{self('date.weekdays').split(',')[day.weekday()]} {text}"
        return text

    def short_date(self, day: dt.date | None) -> str:
        """A date for a narrow table column: "14 Nov 2026"."""
        if day is None:
            return self("date.none")
        month = self("date.months_short").split(",")[day.month - 1]
        return f"{day.day} {month} {day.year}"

    def time(self, moment: dt.datetime) -> str:
        return f"{moment:%H:%M}"


def wording_for(language: str) -> Wording:
    if language not in LANGUAGES:
        raise ReportError(f"'{language}' is not a language we write in; choose en or cy.")
    return Wording(language)


def strings_needing_review() -> list[str]:
    """Keys whose Welsh a translator should check: for a release checklist."""
    return sorted(key for key, entry in _entries().items() if entry.review)
