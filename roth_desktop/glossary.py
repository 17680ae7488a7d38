"""Plain-words meanings of the terms a conference uses, in English and Welsh.

The glossary is data (``resources/glossary/glossary.json``) that a local
authority can edit. Matching is whole-word; a term written in capitals (an
acronym such as ROTH or CAMHS) matches only in capitals, so a surname or an
ordinary word spelt the same is never explained as jargon.
"""

from __future__ import annotations

import json
import re
import unicodedata
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
    # Every spelling matched in text, in this language, the main term first
    # (Welsh lists mutated forms too: "cynhadledd", "gynhadledd").
    terms: tuple[str, ...] = ()

    def matches(self, query: str) -> bool:
        """Whether a search typed by a person finds this entry: every word of ``query`` in
        a term or the meaning, ignoring case and accents ("grwp" finds "grŵp")."""
        words = fold(query).split()
        haystack = fold(" ".join((*self.terms, self.term, self.meaning)))
        return all(word in haystack for word in words)


@dataclass(frozen=True)
class _Entry:
    key: str
    terms: dict[str, tuple[str, ...]]
    meaning: dict[str, str]
    review: bool


def fold(text: str) -> str:
    """Lower case without accents, for searching: "Grŵp" -> "grwp"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _pattern(term: str) -> re.Pattern[str]:
    flags = 0 if term.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", flags)


@cache
def _entries() -> tuple[_Entry, ...]:
    raw: Any = json.loads(files("resources").joinpath("glossary/glossary.json").read_text("utf-8"))
    return parse_glossary(raw)


def parse_glossary(raw: Any) -> tuple[_Entry, ...]:
    """Check the file's shape, so a bad local edit fails here and not on a family's screen."""
    found: list[_Entry] = []
    for item in raw["entries"]:
        key = str(item["key"])
        terms = {code: tuple(str(t) for t in item["terms"][code]) for code in LANGUAGES}
        meaning = {code: str(item["meaning"][code]).strip() for code in LANGUAGES}
        if not all(terms.values()) or not all(meaning.values()):
            raise RothError(f"The glossary entry {key!r} needs English and Welsh.")
        if any(e.key == key for e in found):
            raise RothError(f"The glossary has two entries called {key!r}.")
        found.append(_Entry(key, terms, meaning, item.get("review", False) is True))
    return tuple(found)


def _entry(entry: _Entry, language: str) -> GlossaryEntry:
    code = language if language in LANGUAGES else "en"
    return GlossaryEntry(
        entry.key, entry.terms[code][0], entry.meaning[code], entry.review, entry.terms[code]
    )


def glossary(language: str) -> tuple[GlossaryEntry, ...]:
    """Every entry, in alphabetical order of its term in that language."""
    return tuple(sorted((_entry(e, language) for e in _entries()), key=lambda g: g.term.casefold()))


def entry(key: str, language: str) -> GlossaryEntry | None:
    """The entry called ``key`` (such as "core_group"), in that language."""
    found = next((e for e in _entries() if e.key == key), None)
    return _entry(found, language) if found else None


def terms_in(text: str, language: str) -> list[GlossaryEntry]:
    """The entries whose terms appear in ``text``, in order of first appearance."""
    code = language if language in LANGUAGES else "en"
    found: list[tuple[int, GlossaryEntry]] = []
    for entry in _entries():
        places = [m.start() for term in entry.terms[code] if (m := _pattern(term).search(text))]
        if places:
            found.append((min(places), _entry(entry, code)))
    return [g for _, g in sorted(found, key=lambda pair: pair[0])]
