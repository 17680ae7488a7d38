"""The glossary: plain meanings of the terms a conference uses, in English and Welsh."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest

from roth_desktop.conference.content_pack import default_pack
from roth_desktop.errors import RothError
from roth_desktop.glossary import entry, fold, glossary, parse_glossary, terms_in

# The terms issue 8 and the brief name, by key: every one must be explained.
REQUIRED = {
    "roth",
    "s47",
    "child_protection_conference",
    "initial_conference",
    "review_conference",
    "chair",
    "core_group",
    "strategy_discussion",
    "child_protection_plan",
    "contextual_safeguarding",
    "exploitation",
    "cce",
    "cse",
    "county_lines",
    "nrm",
    "send_aln",
    "ehcp",
    "camhs",
    "advocate",
    "partner_agencies",
    "context_weighting_map",
    "significant_harm",
    "pathway",
    "restricted_information",
}


def _raw() -> Any:
    return json.loads(files("resources").joinpath("glossary/glossary.json").read_text("utf-8"))


def test_every_required_term_has_english_and_welsh() -> None:
    keys = {e.key for e in glossary("en")}
    assert keys >= REQUIRED, REQUIRED - keys
    assert {e.key for e in glossary("cy")} == keys
    for code in ("en", "cy"):
        for item in glossary(code):
            assert item.term and item.meaning and item.terms[0] == item.term, item


def test_the_list_is_alphabetical_in_each_language() -> None:
    for code in ("en", "cy"):
        terms = [e.term.casefold() for e in glossary(code)]
        assert terms == sorted(terms)
    assert glossary("fr") == glossary("en")  # a language we lack falls back to English


def test_an_entry_by_key_in_either_language() -> None:
    core = entry("core_group", "cy")
    assert core is not None and core.term == "grŵp craidd" and "grŵp" in core.meaning
    english = entry("core_group", "en")
    assert english is not None and english.term == "core group"
    assert entry("no_such_term", "en") is None


def test_welsh_still_needing_a_translator_is_marked() -> None:
    marked = {e.key for e in glossary("cy") if e.needs_review}
    assert "s47" in marked and "core_group" not in marked


def test_terms_are_found_whole_word_and_acronyms_only_in_capitals() -> None:
    text = "The core group meets after the ROTH conference; see s.47 and CAMHS."
    keys = [e.key for e in terms_in(text, "en")]
    assert keys[:2] == ["core_group", "roth"]
    assert {"s47", "camhs", "child_protection_conference"} <= set(keys)
    assert not terms_in("Roth said the chairs were camhs-shaped.", "en")  # a surname, not ROTH
    assert not terms_in("The scoregroup and recorer.", "en")


def test_welsh_text_finds_mutated_forms() -> None:
    text = (
        "Ar ôl y gynhadledd amddiffyn plant, bydd y grŵp craidd yn cwrdd. Gofynnwch i'r gadeirydd."
    )
    keys = {e.key for e in terms_in(text, "cy")}
    assert {"child_protection_conference", "core_group", "chair"} <= keys


def test_the_participant_screen_words_find_their_meanings() -> None:
    """Terms on the family's screen (in the pack's plain words) are ones the glossary knows."""
    pack = default_pack()
    english = " ".join(h.label("en") for h in pack.harm_types)
    welsh = " ".join(h.label("cy") for h in pack.harm_types)
    found_en = {e.key for e in terms_in(english, "en")}
    found_cy = {e.key for e in terms_in(welsh, "cy")}
    expected = {"cce", "cse", "nrm", "trafficking", "peer_abuse", "intimate_partner_abuse"}
    assert expected <= found_en, expected - found_en
    assert expected <= found_cy, expected - found_cy


def test_search_ignores_case_and_welsh_accents() -> None:
    core = entry("core_group", "cy")
    assert core is not None
    assert core.matches("GRWP") and core.matches("grŵp craidd") and core.matches("")
    assert not core.matches("heddlu")
    s47 = entry("s47", "en")
    assert s47 is not None and s47.matches("section 47") and s47.matches("children act")
    assert fold("Tŷ a Grŵp") == "ty a grwp"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["entries"][0]["meaning"].update(cy=" "), "needs English and Welsh"),
        (lambda raw: raw["entries"][0]["terms"].update(en=[]), "needs English and Welsh"),
        (lambda raw: raw["entries"].append(dict(raw["entries"][0])), "two entries called"),
    ],
)
def test_a_broken_glossary_is_refused_with_the_entry_named(change: Any, problem: str) -> None:
    raw = _raw()
    change(raw)
    with pytest.raises(RothError, match=problem):
        parse_glossary(raw)
