"""Gentle language prompts: loaded words are found, innocent uses of the same words are not."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from roth_desktop.errors import RothError
from roth_desktop.language_prompts import (
    LanguagePrompt,
    TermListError,
    example_failures,
    load_terms,
    parse_terms,
    prompts_for,
)

RISK = "putting_themselves_at_risk"

# The terms the brief and seed 003 name, by key: every one must be in the shipped file.
REQUIRED = {
    "claimed",
    "denied",
    "colluding",
    "intelligence",
    RISK,
    "lifestyle_choice",
    "gang_member",
}


def _raw() -> Any:
    return json.loads(files("resources").joinpath("wording/loaded_terms.json").read_text("utf-8"))


def _found(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(p.key, p.matched) for p in prompts_for(text, language=language)]


def test_the_shipped_file_validates_and_covers_the_required_terms() -> None:
    terms = load_terms()
    assert terms.version == 1 == _raw()["version"]
    keys = {t.key for t in terms.terms}
    assert keys >= REQUIRED, REQUIRED - keys
    for term in terms.terms:
        for code in ("en", "cy"):
            assert term.why[code].endswith("."), (term.key, code)
            assert term.suggest[code] and all(s.strip() for s in term.suggest[code])
        assert term.review  # none of the Welsh has had a translator's check yet


def test_every_entry_has_examples_and_every_example_behaves() -> None:
    """The file tests itself: a local edit that breaks an example fails here."""
    terms = load_terms()
    for term in terms.terms:
        assert term.flag_examples, f"{term.key} has no example it must flag"
        assert term.ignore_examples, f"{term.key} has no example it must leave alone"
    assert example_failures(terms) == []


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("He claimed he was at home.", "claimed", "claimed"),
        ("Mum claims Sam was in bed.", "claimed", "claims"),
        ("She keeps claiming that nobody called.", "claimed", "claiming"),
        ("They claim to have told the school.", "claimed", "claim"),
        ("She denied being involved.", "denied", "denied"),
        ("Mum denies that anyone came round.", "denied", "denies"),
        ("He denied it.", "denied", "denied"),
        ("He will deny everything.", "denied", "deny"),
        ("Jo is DENYING any contact.", "denied", "DENYING"),
        ("Dad is in denial.", "denied", "in denial"),
        ("The carers are colluding.", "colluding", "colluding"),
        ("Mum and Nan colluded.", "colluding", "colluded"),
        ("We suspect collusion.", "colluding", "collusion"),
        ("They may collude with him.", "colluding", "collude"),
        ("Police intelligence suggests he travels.", "intelligence", "intelligence"),
        ("Intelligence indicates she stays in town.", "intelligence", "Intelligence"),
        ("She is putting herself at risk.", RISK, "putting herself at risk"),
        ("He puts himself at risk.", RISK, "puts himself at risk"),
        ("They put themselves at risk.", RISK, "put themselves at risk"),
        ("He is placing himself at risk.", RISK, "placing himself at risk"),
        ("Placing themselves at risk.", RISK, "Placing themselves at risk"),
        ("It is a lifestyle choice.", "lifestyle_choice", "lifestyle choice"),
        ("His lifestyle choices worry us.", "lifestyle_choice", "lifestyle choices"),
        ("A known gang member.", "gang_member", "gang member"),
        ("Seen with gang members.", "gang_member", "gang members"),
        ("Described as a gang-member.", "gang_member", "gang-member"),
    ],
)
def test_each_loaded_term_is_found(text: str, key: str, words: str) -> None:
    assert (key, words) in _found(text)


def test_a_phrase_is_found_across_a_line_break() -> None:
    assert _found("She is putting\nherself at\n risk.") == [(RISK, "putting\nherself at\n risk")]


@pytest.mark.parametrize(
    "text",
    [
        "He was denied access to the building.",
        "She was denied a place at college.",
        "The landlord denied entry to the flat.",
        "He was refused bail; his brother was denied bail too.",
        "The school denied him access to the library.",
        "The family claimed Universal Credit from March.",
        "Dad claims benefits and works part time.",
        "She claimed a prize at the awards night.",
        "A claim for housing benefit is waiting.",
        "Sam shows real emotional intelligence.",
        "She wants to study artificial intelligence.",
        "He is of above-average intelligence.",
        "Adults are putting her at risk.",
        "The school runs a healthy lifestyle club.",
        "He is a member of a football club.",
        "It is undeniable that she has done well.",  # whole words only
        "The council reclaimed the land.",
        "He is an intelligent young man.",
        "She chose to study art.",
    ],
)
def test_innocent_uses_are_not_prompts(text: str) -> None:
    assert _found(text) == []


def test_offsets_point_at_the_matched_words() -> None:
    text = "At the visit Mum claimed that Sam was home. Police intelligence disagrees."
    prompts = prompts_for(text)
    assert [p.key for p in prompts] == ["claimed", "intelligence"]
    for prompt in prompts:
        assert text[prompt.start : prompt.end] == prompt.matched
    assert prompts[0].start == text.index("claimed")
    assert prompts[1].end == text.index(" disagrees")


def test_a_prompt_says_why_and_offers_better_words() -> None:
    (prompt,) = prompts_for("She denied it.")
    assert isinstance(prompt, LanguagePrompt)
    assert (prompt.key, prompt.start, prompt.end, prompt.matched) == ("denied", 4, 10, "denied")
    assert "hiding" in prompt.why and prompt.why.count(".") == 1  # one plain sentence
    assert prompt.suggestions[0] == "said it did not happen"
    for found in prompts_for(" ".join(t.flag_examples[0] for t in load_terms().terms)):
        assert found.why and found.suggestions and all(s.strip() for s in found.suggestions)


def test_only_in_keeps_a_common_phrase_quiet_except_in_its_loaded_use() -> None:
    found = prompts_for("She chose to go missing, then chose to go home.")
    assert [(p.key, p.matched, p.start) for p in found] == [("chose_to", "chose to", 4)]


def test_dismissed_entries_are_skipped() -> None:
    text = "He claimed he was at home and denied being there."
    assert {p.key for p in prompts_for(text)} == {"claimed", "denied"}
    assert [p.key for p in prompts_for(text, dismissed={"claimed"})] == ["denied"]
    assert prompts_for(text, dismissed=["claimed", "denied"]) == []


def test_welsh_screen_gives_welsh_why_and_suggestions() -> None:
    english = prompts_for("Gwadodd ei fod yno.", language="en")
    welsh = prompts_for("Gwadodd ei fod yno.", language="cy")
    assert [p.key for p in welsh] == ["denied"] == [p.key for p in english]
    assert welsh[0].why != english[0].why and "awgrymu" in welsh[0].why
    assert "dywedodd na ddigwyddodd hynny" in welsh[0].suggestions
    # English writing on a Welsh screen is still found, with the advice in Welsh.
    (mixed,) = prompts_for("Police intelligence says so.", language="cy")
    assert mixed.key == "intelligence" and "gwybodaeth" in mixed.suggestions
    # A language we lack falls back to English.
    assert prompts_for("He denied it.", language="fr")[0].why == english[0].why


def test_welsh_curly_apostrophes_match_straight_ones_in_the_file() -> None:
    assert _found("Mae’n aelod o’r gang.") == [("gang_member", "aelod o’r gang")]


def test_a_local_authority_file_is_read_from_a_path(tmp_path: Path) -> None:
    raw = _raw()
    raw["terms"] = [t for t in raw["terms"] if t["key"] == "colluding"]
    path = tmp_path / "loaded_terms.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    terms = load_terms(path)
    assert [t.key for t in terms.terms] == ["colluding"]
    assert [p.key for p in prompts_for("They denied colluding.", terms)] == ["colluding"]


def test_an_unreadable_or_non_json_file_is_refused_by_name(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(RothError, match=r"Cannot read the loaded-terms file .*nope\.json"):
        load_terms(missing)
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(TermListError, match=r"broken\.json is not valid JSON\.$"):
        load_terms(broken)


def _first(raw: Any) -> Any:
    return raw["terms"][0]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw.update(version=2), "the version must be 1"),
        (lambda raw: raw.pop("terms"), 'must be an object with a "terms" list'),
        (lambda raw: _first(raw).pop("key"), 'each term needs a "key"'),
        (lambda raw: _first(raw)["patterns"].update(en=[]), "at least one English pattern"),
        (lambda raw: _first(raw)["why"].pop("cy"), '"why" and "suggest" need English and Welsh'),
        (lambda raw: _first(raw)["suggest"].update(en=[]), "need English and Welsh"),
        (lambda raw: _first(raw)["patterns"].update(en=["(claim|claims"]), "do not pair up"),
        (lambda raw: _first(raw)["patterns"].update(en=["(a|(b|c))"]), "do not pair up"),
        (lambda raw: _first(raw)["patterns"].update(en=["(|)"]), "can match nothing"),
        (lambda raw: _first(raw)["patterns"].update(fr=["x"]), "keyed by language"),
        (lambda raw: _first(raw)["except_in"].update(en="was denied"), "must be a list"),
        (lambda raw: raw["terms"].append(copy.deepcopy(_first(raw))), "two terms are called"),
    ],
)
def test_a_malformed_file_is_refused_with_one_clear_message(
    change: Callable[[Any], object], problem: str
) -> None:
    raw = _raw()
    change(raw)
    with pytest.raises(TermListError, match=problem) as caught:
        parse_terms(raw, "loaded_terms.json")
    message = str(caught.value)
    assert message.startswith("In loaded_terms.json") and "\n" not in message


def test_a_broken_example_in_an_edited_file_is_reported() -> None:
    raw = _raw()
    denied = next(t for t in raw["terms"] if t["key"] == "denied")
    denied["except_in"]["en"].append("(denied|denies) (being|that)")  # too greedy an exception
    failures = example_failures(parse_terms(raw, "edited"))
    assert "denied: should flag 'She denied being involved.'" in failures
