"""Every theme keeps text readable: contrast computed from the theme files themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roth_desktop.app_settings import AppSettings
from roth_desktop.errors import RothError
from roth_desktop.themes import (
    MAP_FILLS,
    NON_TEXT_MINIMUM,
    NON_TEXT_PAIRS,
    TEXT_MINIMUM,
    TEXT_PAIRS,
    THEMES,
    contrast_ratio,
    load_theme,
    parse_colour,
)


def test_contrast_arithmetic_matches_wcag_reference_values() -> None:
    black, white = parse_colour("#000000"), parse_colour("#ffffff")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    # WCAG's own examples: #767676 on white is the lightest grey that passes AA.
    assert contrast_ratio(parse_colour("#767676"), white) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(parse_colour("#777777"), white) < TEXT_MINIMUM
    # Half-transparent black over white is mid grey, and is measured as such.
    assert contrast_ratio(parse_colour("#00000080"), white) == pytest.approx(
        contrast_ratio(parse_colour("#7f7f7f"), white), abs=0.05
    )


def test_qt_default_colours_would_fail_so_the_check_has_teeth() -> None:
    # Qt's stock light palette: white text on its highlight blue, and 50% black
    # placeholder text. Both look fine at a glance and both fail 4.5:1.
    white = parse_colour("#ffffff")
    assert contrast_ratio(white, parse_colour("#308cc6")) < TEXT_MINIMUM
    assert contrast_ratio(parse_colour("#00000080"), white) < TEXT_MINIMUM


@pytest.mark.parametrize("key", THEMES)
def test_every_text_colour_pair_reaches_4_5_to_1(key: str) -> None:
    theme = load_theme(key)
    failing = [
        f"{fg} on {bg} ({where}): {theme.ratio(fg, bg):.2f}:1"
        for fg, bg, where in TEXT_PAIRS
        if theme.ratio(fg, bg) < TEXT_MINIMUM
    ]
    assert failing == []


@pytest.mark.parametrize("key", THEMES)
def test_focus_ring_and_map_parts_reach_3_to_1(key: str) -> None:
    theme = load_theme(key)
    pairs = list(NON_TEXT_PAIRS) + [("map_ink", fill, "map arrows") for fill in MAP_FILLS]
    failing = [
        f"{fg} on {bg} ({where}): {theme.ratio(fg, bg):.2f}:1"
        for fg, bg, where in pairs
        if theme.ratio(fg, bg) < NON_TEXT_MINIMUM
    ]
    assert failing == []


@pytest.mark.parametrize("key", THEMES)
def test_every_theme_names_every_colour_the_standard_one_does(key: str) -> None:
    assert set(load_theme(key).colours) == set(load_theme("standard").colours)
    assert load_theme(key).name.keys() >= {"en", "cy"}


def test_high_contrast_is_higher_than_standard_for_body_text() -> None:
    standard, high = load_theme("standard"), load_theme("high-contrast")
    assert high.ratio("window_text", "window") >= 15
    assert high.ratio("text", "base") > standard.ratio("text", "base") - 1


def test_bad_colours_and_unknown_themes_are_refused() -> None:
    with pytest.raises(RothError):
        parse_colour("red")
    with pytest.raises(RothError):
        load_theme("neon")


def test_display_settings_from_a_damaged_file_fall_back_to_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path
    monkeypatch.setattr(AppSettings, "path", staticmethod(lambda: folder / "settings.json"))
    (folder / "settings.json").write_text(
        json.dumps({"language": "fr", "theme": "neon", "text_scale": 1000}), "utf-8"
    )
    settings = AppSettings.load()
    assert (settings.language, settings.theme, settings.text_scale) == ("en", "standard", 100)
    (folder / "settings.json").write_text(
        json.dumps({"language": "cy", "theme": "high-contrast", "text_scale": 175}), "utf-8"
    )
    settings = AppSettings.load()
    assert (settings.language, settings.theme, settings.text_scale) == ("cy", "high-contrast", 175)
