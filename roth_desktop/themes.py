"""Colour themes as data, and the contrast arithmetic that keeps them readable.

A theme (``resources/themes/<key>.json``) names every colour the UI draws with.
:data:`TEXT_PAIRS` lists each place text sits on a background, so a test can
compute the WCAG 2.2 contrast of every pair in every theme (at least 4.5:1 for
text, 3:1 for the focus ring and other non-text parts) instead of trusting
that someone checked by eye. Qt-free, so the test needs no display.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from roth_desktop.errors import RothError

THEMES: tuple[str, ...] = ("standard", "high-contrast")
TEXT_SCALES: tuple[int, ...] = (100, 125, 150, 175, 200)  # per cent of the system's text size

# (text, background, where it is drawn). Colours with an alpha channel are
# composited over the background they sit on before the ratio is taken.
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("window_text", "window", "labels on windows and dialogs"),
    ("text", "base", "typed text in fields and lists"),
    ("text", "alternate_base", "alternate rows in tables"),
    ("placeholder_text", "base", "hints in empty fields"),
    ("button_text", "button", "buttons"),
    ("highlighted_text", "highlight", "the selected row or item"),
    ("tooltip_text", "tooltip_base", "tooltips"),
    ("link", "base", "links in text"),
    ("link", "window", "links on windows"),
    ("error", "window", "error messages"),
    ("notice", "window", "notices"),
    ("participant_text", "participant_background", "the family screen's text"),
    ("participant_muted", "participant_background", "the family screen's step count"),
    ("participant_text", "participant_soft", "the break page and the words-we-use panel"),
    ("participant_muted", "participant_soft", "the words-we-use heading"),
    ("map_ink", "map_plate", "map labels (on their plate, over any fill)"),
)
# Parts that are not text but must be seen (WCAG 1.4.11): 3:1 against what is next to them.
NON_TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("focus", "window", "the keyboard focus ring"),
    ("focus", "base", "the focus ring around a field"),
    ("map_focus", "map_safe", "the focus ring on a safe area"),
    ("map_focus", "map_unsafe", "the focus ring on an unsafe area"),
    ("map_focus", "map_mixed", "the focus ring on a mixed area"),
    ("map_focus", "map_unknown", "the focus ring on a not-yet-known area"),
)
MAP_FILLS = ("map_safe", "map_unsafe", "map_mixed", "map_unknown")
TEXT_MINIMUM = 4.5
NON_TEXT_MINIMUM = 3.0

_HEX = re.compile(r"#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?")


@dataclass(frozen=True)
class Theme:
    key: str
    name: dict[str, str]
    colours: dict[str, str]

    def rgba(self, role: str) -> tuple[int, int, int, int]:
        return parse_colour(self.colours[role])

    def ratio(self, fg: str, bg: str) -> float:
        """The contrast of role ``fg`` drawn on role ``bg`` (fills under plates included)."""
        if fg == "map_ink":
            # A label's plate is translucent: the worst case is over the fill that
            # contrasts least with the ink.
            return min(
                contrast_ratio(self.rgba(fg), composite(self.rgba(bg), self.rgba(fill)))
                for fill in MAP_FILLS
            )
        return contrast_ratio(self.rgba(fg), self.rgba(bg))


def parse_colour(text: str) -> tuple[int, int, int, int]:
    match = _HEX.fullmatch(text.strip())
    if match is None:
        raise RothError(f"{text!r} is not a colour written as #rrggbb or #rrggbbaa.")
    rgb, alpha = match.groups()
    r, g, b = (int(rgb[i : i + 2], 16) for i in (0, 2, 4))
    return r, g, b, int(alpha, 16) if alpha else 255


def composite(
    top: tuple[int, int, int, int], under: tuple[int, int, int, int]
) -> tuple[int, int, int, int]:
    """``top`` painted over an opaque ``under`` (source-over)."""
    a = top[3] / 255
    r, g, b = (round(top[i] * a + under[i] * (1 - a)) for i in range(3))
    return r, g, b, 255


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: tuple[int, int, int, int]) -> float:
    r, g, b = (_channel(v) for v in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: tuple[int, int, int, int], bg: tuple[int, int, int, int]) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    if bg[3] != 255:
        raise RothError("A background must be opaque to measure contrast against it.")
    if fg[3] != 255:
        fg = composite(fg, bg)
    light, dark = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@cache
def load_theme(key: str) -> Theme:
    if key not in THEMES:
        raise RothError(f"There is no theme called {key!r}.")
    raw = json.loads(files("resources").joinpath(f"themes/{key}.json").read_text("utf-8"))
    colours = {str(k): str(v) for k, v in raw["colours"].items()}
    for value in colours.values():
        parse_colour(value)
    return Theme(key, {str(k): str(v) for k, v in raw["name"].items()}, colours)


def scale_or_default(value: object) -> int:
    """A text size from the settings file, or 100% when it is not one we offer."""
    try:
        number = int(str(value))
    except ValueError:
        return 100
    return number if number in TEXT_SCALES else 100
