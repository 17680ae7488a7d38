"""Plain-words meanings of the terms a conference uses, in English and Welsh.

The glossary is data (``resources/glossary/glossary.json``) that a local
authority can edit. Matching is whole-word; a term written in capitals (an
acronym such as ROTH or CAMHS) matches only in capitals, so a surname or an
ordinary word spelt the same is never explained as jargon.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from roth_desktop.errors import RothError

LANGUAGES = ("en", "cy")


@dataclass(frozen=True)
class GlossaryEntry:
    key: str
    term: str  # the main term, in the language asked for
    meaning: str
    needs_review: bool  # the Welsh is waiting for a translator's check


@dataclass(frozen=True)
class _Entry:
    key: str
    terms: dict[str, tuple[str, ...]]
    meaning: dict[str, str]
    review: bool


def _pattern(term: str) -> re.Pattern[str]:
    flags = 0 if term.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", flags)


@cache
def _entries() -> tuple[_Entry, ...]:
    raw: Any = json.loads(files("resources").joinpath("glossary/glossary.json").read_text("utf-8"))
    found = []
    for item in raw["entries"]:
        terms = {code: tuple(item["terms"][code]) for code in LANGUAGES}
        meaning = {code: str(item["meaning"][code]) for code in LANGUAGES}
        if not all(terms.values()) or not all(m.strip() for m in meaning.values()):
            raise RothError(f"The glossary entry {item['key']!r} needs English and Welsh.")
        found.append(_Entry(str(item["key"]), terms, meaning, bool(item.get("review", False))))
    return tuple(found)


def _entry(entry: _Entry, language: str) -> GlossaryEntry:
    code = language if language in LANGUAGES else "en"
    return GlossaryEntry(entry.key, entry.terms[code][0], entry.meaning[code], entry.review)


def glossary(language: str) -> tuple[GlossaryEntry, ...]:
    """Every entry, in alphabetical order of its term in that language."""
    return tuple(sorted((_entry(e, language) for e in _entries()), key=lambda g: g.term.casefold()))


def terms_in(text: str, language: str) -> list[GlossaryEntry]:
    """The entries whose terms appear in ``text``, in order of first appearance."""
    code = language if language in LANGUAGES else "en"
    found: list[tuple[int, GlossaryEntry]] = []
    for entry in _entries():
        places = [m.start() for term in entry.terms[code] if (m := _pattern(term).search(text))]
        if places:
            found.append((min(places), _entry(entry, code)))
    return [g for _, g in sorted(found, key=lambda pair: pair[0])]
