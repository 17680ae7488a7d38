"""Gentle language prompts: words in an assessment that can blame a young person or
cast doubt on a family, each with why it matters and a better wording.

Parents asked for reports without loaded verbs ("she claimed", "she denied",
"colluding"), and the ROTH pilots found crime-prevention language ("intelligence",
"gang member") crowding out welfare. The terms are data
(``resources/wording/loaded_terms.json``) that a local authority can edit.

The rule:

* A term matches as **whole words, ignoring case** ("denied" never fires inside
  "undeniable"). A pattern may offer choices in brackets, ``"(claim|claims|claimed)"``,
  and a space matches any run of spaces or line breaks.
* A match is **not** a prompt when it lies inside one of the entry's ``except_in``
  phrases. This is how innocent senses are kept out: "denied" and "claimed" are
  prompts only as verbs of a person's account of events, so "was denied a place",
  "denied access" (something withheld from someone) and "claimed Universal Credit"
  (money or an entitlement) are listed as exceptions.
* When an entry has ``only_in`` phrases, a match is a prompt **only** inside one of
  them ("chose to" only in "chose to go missing" and the like).
* English and Welsh patterns are both searched whatever the screen language (a
  bilingual worker may write either); ``language`` picks the why and suggestions.

Prompts are suggestions: the worker can dismiss an entry (``dismissed``), and
nothing here ever stops a record being saved. Qt-free, so the UI only underlines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from roth_desktop.errors import RothError

LANGUAGES = ("en", "cy")
FORMAT_VERSION = 1
_RESOURCE = "wording/loaded_terms.json"

# "(a|b)": one level of choices, no nesting, so the syntax stays readable to the
# person editing the file (and cannot become an arbitrary regular expression).
_CHOICE = re.compile(r"\(([^()]*)\)")


class TermListError(RothError):
    """The loaded-terms file cannot be read or breaks the format."""


@dataclass(frozen=True)
class LanguagePrompt:
    key: str
    start: int  # character offsets in the text, so the UI can underline the words
    end: int
    matched: str
    why: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class _Matcher:
    """The patterns of one entry in one language, with that language's context phrases."""

    pattern: re.Pattern[str]
    except_in: tuple[re.Pattern[str], ...]
    only_in: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Term:
    key: str
    why: Mapping[str, str]
    suggest: Mapping[str, tuple[str, ...]]
    review: bool  # the Welsh is waiting for a translator's check
    matchers: tuple[_Matcher, ...]
    flag_examples: tuple[str, ...] = ()
    ignore_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermList:
    version: int
    terms: tuple[Term, ...]


def load_terms(path: Path | None = None) -> TermList:
    """The shipped list, or the file at ``path`` (a local authority's own).

    A file that cannot be read, is not JSON or breaks the format is refused with one
    message naming it: a silently ignored list would look like clean wording.
    """
    if path is None:
        return _shipped()
    try:
        raw = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise TermListError(f"Cannot read the loaded-terms file {path} ({exc.strerror}).") from None
    except ValueError:
        raise TermListError(f"The loaded-terms file {path} is not valid JSON.") from None
    return parse_terms(raw, str(path))


@cache
def _shipped() -> TermList:
    raw = json.loads(files("resources").joinpath(_RESOURCE).read_text("utf-8"))
    return parse_terms(raw, f"resources/{_RESOURCE}")


def prompts_for(
    text: str,
    terms: TermList | None = None,
    language: str = "en",
    dismissed: Collection[str] = (),
) -> list[LanguagePrompt]:
    """Every prompt in ``text``, in reading order, skipping entries the worker dismissed."""
    code = language if language in LANGUAGES else "en"
    found: dict[tuple[str, int, int], LanguagePrompt] = {}
    for term in (load_terms() if terms is None else terms).terms:
        if term.key in dismissed:
            continue
        for matcher in term.matchers:
            for start, end in _matches(matcher, text):
                found[(term.key, start, end)] = LanguagePrompt(
                    term.key, start, end, text[start:end], term.why[code], term.suggest[code]
                )
    return sorted(found.values(), key=lambda p: (p.start, p.end, p.key))


def example_failures(terms: TermList) -> list[str]:
    """Each example in the file that does not behave as it says, as one line.

    The examples make an edited file check itself: a new exception that swallows a
    real use, or a pattern that fires on an innocent one, shows up here.
    """
    failures = []
    for term in terms.terms:
        for sentence in term.flag_examples:
            if not _keys_in(sentence, terms, term.key):
                failures.append(f"{term.key}: should flag {sentence!r}")
        for sentence in term.ignore_examples:
            if _keys_in(sentence, terms, term.key):
                failures.append(f"{term.key}: should not flag {sentence!r}")
    return failures


def _keys_in(sentence: str, terms: TermList, key: str) -> bool:
    return any(p.key == key for p in prompts_for(sentence, terms))


def _matches(matcher: _Matcher, text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in matcher.pattern.finditer(text)]
    if not spans:
        return []  # most text has no loaded words: skip the context phrases entirely
    excluded = _spans(matcher.except_in, text)
    required = _spans(matcher.only_in, text)
    return [
        span
        for span in spans
        if not _inside(span, excluded) and (not matcher.only_in or _inside(span, required))
    ]


def _spans(patterns: tuple[re.Pattern[str], ...], text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in patterns for m in pattern.finditer(text)]


def _inside(span: tuple[int, int], outer: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in outer)


# --- reading the file -------------------------------------------------------------


def parse_terms(raw: Any, source: str) -> TermList:
    """Check the file's shape, so a bad local edit fails here and not under a worker's text."""
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise TermListError(f'In {source}, the file must be an object with a "terms" list.')
    if raw.get("version") != FORMAT_VERSION:
        raise TermListError(
            f"In {source}, the version must be {FORMAT_VERSION} "
            f"(this copy of ROTH Desktop reads no other), not {raw.get('version')!r}."
        )
    found: list[Term] = []
    for number, item in enumerate(raw["terms"], start=1):
        term = _term(item, f"{source}, term {number}")
        if any(t.key == term.key for t in found):
            raise TermListError(f"In {source}, two terms are called {term.key!r}.")
        found.append(term)
    return TermList(FORMAT_VERSION, tuple(found))


def _term(item: Any, where: str) -> Term:
    if not isinstance(item, dict) or not _is_text(item.get("key")):
        raise TermListError(f'In {where}, each term needs a "key".')
    key = str(item["key"])
    where = f"{where} ({key})"
    patterns = _by_language(item.get("patterns"), "patterns", where)
    if not patterns.get("en"):
        raise TermListError(f"In {where}, the term needs at least one English pattern.")
    why = _language_map(item.get("why"), "why", where)
    suggest = _by_language(item.get("suggest"), "suggest", where)
    if not all(_is_text(why.get(code)) and suggest.get(code) for code in LANGUAGES):
        raise TermListError(f'In {where}, "why" and "suggest" need English and Welsh.')
    except_in = _by_language(item.get("except_in", {}), "except_in", where)
    only_in = _by_language(item.get("only_in", {}), "only_in", where)
    matchers = tuple(
        _Matcher(
            _compile(phrases, where),
            tuple(_compile((p,), where) for p in except_in.get(code, ())),
            tuple(_compile((p,), where) for p in only_in.get(code, ())),
        )
        for code, phrases in patterns.items()
        if phrases
    )
    examples = item.get("examples", {})
    if not isinstance(examples, dict):
        raise TermListError(f'In {where}, "examples" must hold "flag" and "ignore" lists.')
    return Term(
        key,
        {code: str(why[code]).strip() for code in LANGUAGES},
        {code: suggest[code] for code in LANGUAGES},
        item.get("review", False) is True,
        matchers,
        _texts(examples.get("flag", []), "examples.flag", where),
        _texts(examples.get("ignore", []), "examples.ignore", where),
    )


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _texts(value: Any, name: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(_is_text(v) for v in value):
        raise TermListError(f'In {where}, "{name}" must be a list of words or sentences.')
    return tuple(str(v) for v in value)


def _language_map(value: Any, name: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not set(value) <= set(LANGUAGES):
        raise TermListError(f'In {where}, "{name}" must be keyed by language ("en", "cy").')
    return value


def _by_language(value: Any, name: str, where: str) -> dict[str, tuple[str, ...]]:
    return {
        code: _texts(texts, f"{name}.{code}", where)
        for code, texts in _language_map(value, name, where).items()
    }


def _compile(phrases: tuple[str, ...], where: str) -> re.Pattern[str]:
    # Longest first, so "gang members" wins over "gang member" where both could match.
    body = "|".join(_phrase(p, where) for p in sorted(phrases, key=len, reverse=True))
    # \w on both sides instead of \b, so a phrase ending in punctuation still works.
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    if pattern.fullmatch(""):
        raise TermListError(f"In {where}, a pattern can match nothing at all.")
    return pattern


def _phrase(phrase: str, where: str) -> str:
    outside = _CHOICE.sub("", phrase)
    if "(" in outside or ")" in outside:
        raise TermListError(f"In {where}, the brackets in {phrase!r} do not pair up.")
    parts, position = [], 0
    for choice in _CHOICE.finditer(phrase):
        parts.append(_literal(phrase[position : choice.start()]))
        parts.append("(?:" + "|".join(_literal(c) for c in choice.group(1).split("|")) + ")")
        position = choice.end()
    parts.append(_literal(phrase[position:]))
    return "".join(parts)


def _literal(text: str) -> str:
    # Spaces match any whitespace (a line break mid-phrase); a straight apostrophe also
    # matches a curly one, which word processors put in Welsh ("o’r") and English alike.
    words = (re.escape(word).replace("'", "['’]") for word in re.split(r"\s+", text))
    return r"\s+".join(words)
