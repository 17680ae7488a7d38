"""The agenda as data: steps, prompts, contexts, needs and harm types, in English and Welsh.

A local authority adjusts the wording and order of its conferences by shipping
its own pack (a folder with ``pack.json`` under the config folder's
``content_packs``), not by changing code. Each conference records the pack id and
version it used, so a record made under last year's wording still reads right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from roth_desktop.errors import RothError
from roth_desktop.paths import config_dir

FORMAT = 1
DEFAULT_PACK_ID = "roth-default"
LANGUAGES = ("en", "cy")
# The console knows how to run each of these; a pack chooses their order and words.
STEP_KINDS = (
    "welcome",
    "picture",
    "voices",
    "safety",
    "weighting",
    "partner_information",
    "needs",
    "harm",
    "decision",
    "plan",
    "next_steps",
)
QUESTION_TYPES = ("bool", "number", "text", "choice", "date")
REQUIRED_TERMS = (
    "safe",
    "unsafe",
    "mixed",
    "unknown",
    "met",
    "partly_met",
    "unmet",
    "young_person",
    "parent_carer",
    "blank_screen",
    "your_words",
    "add_your_words",
    "what_happens_next",
    "needs_heading",
    "plan_heading",
    "map_heading",
    "heading_needs",
    "heading_guardianship",
    "heading_environment",
)


class ContentPackError(RothError):
    """A content pack that cannot be used, with the first thing wrong with it."""


@dataclass(frozen=True)
class Text:
    """One piece of wording in every language the pack has; Welsh falls back to English."""

    en: str
    cy: str

    def __call__(self, language: str = "en") -> str:
        return (self.cy if language == "cy" else self.en) or self.en


@dataclass(frozen=True)
class Step:
    key: str
    kind: str
    title: Text
    chair_prompts: dict[str, tuple[str, ...]]
    participant_title: Text
    participant_text: Text

    def prompts(self, language: str = "en") -> tuple[str, ...]:
        return self.chair_prompts.get(language) or self.chair_prompts["en"]


@dataclass(frozen=True)
class Choice:
    key: str
    label: Text


@dataclass(frozen=True)
class Question:
    key: str
    label: Text
    type: str
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class NeedArea:
    key: str
    label: Text
    participant_label: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class ContextKind:
    key: str
    label: Text
    participant_label: Text


@dataclass(frozen=True)
class ContentPack:
    id: str
    version: str
    name: Text
    steps: tuple[Step, ...]
    contexts: tuple[ContextKind, ...]
    needs: tuple[NeedArea, ...]
    harm_types: tuple[Choice, ...]
    terms: dict[str, Text]

    def step(self, key: str) -> Step:
        for step in self.steps:
            if step.key == key:
                return step
        return self.steps[0]  # a step a newer pack dropped: start from the top

    def step_index(self, key: str) -> int:
        return next((i for i, s in enumerate(self.steps) if s.key == key), 0)

    def need(self, key: str) -> NeedArea | None:
        return next((n for n in self.needs if n.key == key), None)

    def harm_label(self, key: str, language: str = "en") -> str:
        found = next((h for h in self.harm_types if h.key == key), None)
        return found.label(language) if found else key.replace("_", " ")

    def term(self, key: str, language: str = "en") -> str:
        text = self.terms.get(key)
        return text(language) if text else key.replace("_", " ")


# -- reading -------------------------------------------------------------------------------


def _fail(where: str, problem: str) -> ContentPackError:
    return ContentPackError(f"The content pack is not usable: {where} {problem}.")


def _text(raw: Any, where: str) -> Text:
    if not isinstance(raw, dict) or not isinstance(raw.get("en"), str) or not raw["en"].strip():
        raise _fail(where, "needs English wording")
    welsh = raw.get("cy", "")
    if not isinstance(welsh, str):
        raise _fail(where, "has Welsh wording that is not text")
    return Text(raw["en"].strip(), welsh.strip())


def _key(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not raw or not raw.replace("_", "").isalnum():
        raise _fail(where, "needs a key of letters, digits and underscores")
    return raw


def _list(raw: Any, where: str) -> list[Any]:
    if not isinstance(raw, list) or not raw:
        raise _fail(where, "must be a non-empty list")
    return raw


def _unique(keys: list[str], where: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise _fail(where, f"repeats the key “{key}”")
        seen.add(key)


def _step(raw: Any, n: int) -> Step:
    where = f"step {n}"
    if not isinstance(raw, dict):
        raise _fail(where, "is not an object")
    kind = raw.get("kind")
    if kind not in STEP_KINDS:
        raise _fail(where, f"has an unknown kind {kind!r}")
    prompts_raw = raw.get("chair_prompts")
    if not isinstance(prompts_raw, dict) or not isinstance(prompts_raw.get("en"), list):
        raise _fail(where, "needs chair prompts in English")
    prompts: dict[str, tuple[str, ...]] = {}
    for language in LANGUAGES:
        items = prompts_raw.get(language, [])
        if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
            raise _fail(where, f"has {language} chair prompts that are not a list of text")
        prompts[language] = tuple(p.strip() for p in items if p.strip())
    return Step(
        key=_key(raw.get("key"), where),
        kind=kind,
        title=_text(raw.get("title"), f"{where} title"),
        chair_prompts=prompts,
        participant_title=_text(raw.get("participant_title"), f"{where} participant title"),
        participant_text=_text(raw.get("participant_text"), f"{where} participant text"),
    )


def _choice(raw: Any, where: str) -> Choice:
    if not isinstance(raw, dict):
        raise _fail(where, "is not an object")
    return Choice(_key(raw.get("key"), where), _text(raw.get("label"), where))


def _question(raw: Any, where: str) -> Question:
    if not isinstance(raw, dict):
        raise _fail(where, "is not an object")
    kind = raw.get("type")
    if kind not in QUESTION_TYPES:
        raise _fail(where, f"has an unknown type {kind!r}")
    choices: tuple[Choice, ...] = ()
    if kind == "choice":
        items = _list(raw.get("choices"), f"{where} choices")
        choices = tuple(_choice(c, f"{where} choice") for c in items)
        _unique([c.key for c in choices], f"{where} choices")
    return Question(_key(raw.get("key"), where), _text(raw.get("label"), where), kind, choices)


def _need(raw: Any, n: int) -> NeedArea:
    where = f"need {n}"
    if not isinstance(raw, dict):
        raise _fail(where, "is not an object")
    key = _key(raw.get("key"), where)
    questions = tuple(_question(q, f"{where} question") for q in _list(raw.get("questions"), where))
    _unique([q.key for q in questions], f"{where} questions")
    return NeedArea(
        key,
        _text(raw.get("label"), where),
        _text(raw.get("participant_label", raw.get("label")), where),
        questions,
    )


def _context(raw: Any, n: int) -> ContextKind:
    where = f"context {n}"
    if not isinstance(raw, dict):
        raise _fail(where, "is not an object")
    return ContextKind(
        _key(raw.get("key"), where),
        _text(raw.get("label"), where),
        _text(raw.get("participant_label", raw.get("label")), where),
    )


def _pack_id(raw: Any) -> str:
    if not isinstance(raw, str):
        raise _fail("the file", "has no id")
    _key(raw.replace("-", "_"), "the pack id")
    return raw


def parse_pack(raw: Any) -> ContentPack:
    if not isinstance(raw, dict):
        raise _fail("the file", "is not a JSON object")
    if raw.get("format") != FORMAT:
        raise _fail("the file", f"is format {raw.get('format')!r}; this app reads format {FORMAT}")
    version = raw.get("version")
    if not isinstance(version, str) or not version.strip():
        raise _fail("the file", "has no version")
    steps = tuple(_step(s, n) for n, s in enumerate(_list(raw.get("steps"), "steps"), 1))
    _unique([s.key for s in steps], "the steps")
    contexts = tuple(
        _context(c, n) for n, c in enumerate(_list(raw.get("contexts"), "contexts"), 1)
    )
    _unique([c.key for c in contexts], "the contexts")
    needs = tuple(_need(n, i) for i, n in enumerate(_list(raw.get("needs"), "needs"), 1))
    _unique([n.key for n in needs], "the needs")
    harm_types = tuple(_choice(h, "a harm type") for h in _list(raw.get("harm_types"), "harm"))
    _unique([h.key for h in harm_types], "the harm types")
    terms_raw = raw.get("terms")
    if not isinstance(terms_raw, dict):
        raise _fail("the file", "has no terms")
    terms = {key: _text(value, f"term {key!r}") for key, value in terms_raw.items()}
    missing = [t for t in REQUIRED_TERMS if t not in terms]
    if missing:
        raise _fail("the terms", f"are missing {', '.join(missing)}")
    return ContentPack(
        id=_pack_id(raw.get("id")),
        version=version.strip(),
        name=_text(raw.get("name"), "the pack name"),
        steps=steps,
        contexts=contexts,
        needs=needs,
        harm_types=harm_types,
        terms=terms,
    )


def load_pack(path: Path) -> ContentPack:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise ContentPackError(
            f"The content pack at {path.parent.name} could not be read as JSON."
        ) from None
    return parse_pack(raw)


@cache
def default_pack() -> ContentPack:
    source = files("resources").joinpath(f"content_packs/{DEFAULT_PACK_ID}/pack.json")
    return parse_pack(json.loads(source.read_text("utf-8")))


def local_packs_dir() -> Path:
    return config_dir() / "content_packs"


def available_packs() -> list[ContentPack]:
    """The default pack, then any the local authority installed that can be read."""
    packs = [default_pack()]
    folder = local_packs_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*/pack.json")):
            try:
                packs.append(_load_cached(path, path.stat().st_mtime_ns))
            except (ContentPackError, OSError):
                continue  # one broken local pack must not stop a conference starting
    return packs


@lru_cache(maxsize=32)
def _load_cached(path: Path, _mtime_ns: int) -> ContentPack:
    # The console reloads after every edit; a pack is parsed again only when its
    # file changes, not on each reload.
    return load_pack(path)


def pack_for(pack_id: str, version: str = "") -> ContentPack:
    """The pack a conference used: that exact version if present, else its newest, else default."""
    candidates = [p for p in available_packs() if p.id == pack_id]
    exact = [p for p in candidates if p.version == version]
    if exact:
        return exact[0]
    if candidates:
        return candidates[-1]
    return default_pack()
