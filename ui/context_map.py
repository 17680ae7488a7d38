"""The context-weighting map: where a young person is safe or unsafe, and how much each weighs.

A chair fills it in live, in front of the young person and their family, so it
has to be quick to change by mouse, touch and keyboard, and readable by
everyone in the room: each area shows its name, its percentage and its safety
in words as well as in colour and pattern (never colour alone). For screen
readers the whole map is summed up in its accessible description, and each area
is a child element of its own (name, share, safety and links; see
``_MapAccessible``), so assistive technology can move through the areas, hear
them, and grow or shrink them.

The widget never saves anything. It shows a change at once (so dragging feels
live) and emits the whole new set of shares once per gesture, so the caller can
save it as one undo step and call ``set_map`` with what was saved.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from PySide6.QtCore import (
    QEvent,
    QLineF,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleStateChangeEvent,
    QAccessibleValueChangeEvent,
    QAccessibleValueInterface,
    QAction,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTouchEvent,
    QWheelEvent,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QMenu, QToolTip, QWidget
from shiboken6 import Shiboken

from roth_desktop.conference import weights
from roth_desktop.conference.treemap import squarify
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language, language_of
from ui.theme import colour

Safety = Literal["safe", "unsafe", "mixed", "unknown"]
SAFETY_LEVELS: tuple[Safety, ...] = ("safe", "unsafe", "mixed", "unknown")
# Shown until set_words gives the content pack's words; translated for the window.
DEFAULT_WORDS: dict[str, str] = {
    "safe": QT_TRANSLATE_NOOP("ContextMap", "Safe"),
    "unsafe": QT_TRANSLATE_NOOP("ContextMap", "Unsafe"),
    "mixed": QT_TRANSLATE_NOOP("ContextMap", "Mixed"),
    "unknown": QT_TRANSLATE_NOOP("ContextMap", "Not yet known"),
}

STEP = 500  # +/- keys and the corner buttons: 5%
FINE_STEP = 100  # Shift (or Ctrl) with +/-, and one wheel notch: 1%


@dataclass(frozen=True)
class MapArea:
    """One context on the map: a place, a group or a space online."""

    id: str
    name: str
    safety: str  # one of SAFETY_LEVELS
    share: int  # basis points; the widget normalises whatever it is given


@dataclass(frozen=True)
class MapLink:
    """A connection between two contexts, drawn as an arrow with its label."""

    id: str
    source_id: str
    target_id: str
    label: str


@dataclass(frozen=True)
class _Look:
    fill: QColor
    ink: QColor  # the pattern drawn over the fill
    pattern: Literal["plain", "hatch", "dots"]


# Fills are light enough for dark text (every label also sits on a white plate),
# and the two "worry" levels carry a pattern so they differ without colour.
_PATTERNS: dict[str, Literal["plain", "hatch", "dots"]] = {
    "safe": "plain",
    "unsafe": "hatch",
    "mixed": "dots",
    "unknown": "plain",
}


def _look(safety: str) -> _Look:
    """The fill and pattern for a safety level, in the current theme's colours."""
    fill = colour(f"map_{safety}")
    pattern = _PATTERNS[safety]
    return _Look(fill, colour(f"map_{safety}_ink") if pattern != "plain" else fill, pattern)


def _ink() -> QColor:
    """Text and arrows: checked against every fill under its plate (tests/test_themes.py)."""
    return colour("map_ink")


def _ink_alpha(alpha: int) -> QColor:
    ink = _ink()
    ink.setAlpha(alpha)
    return ink


def _focus() -> QColor:
    return colour("map_focus")


def _plate(alpha: int | None = None) -> QColor:
    """The plate under labels; also the halo that keeps lines apart from the fills."""
    plate = colour("map_plate")
    if alpha is not None:
        plate.setAlpha(alpha)
    return plate


@dataclass(frozen=True)
class _Fonts:
    name: QFont
    detail: QFont
    percent: QFont


_Line = list[tuple[str, QFont]]  # runs of text, each in its own font


def _line_height(line: _Line) -> float:
    return max(QFontMetricsF(font).height() for _, font in line)


def _height(lines: Sequence[_Line]) -> float:
    return sum(_line_height(line) for line in lines)


def _width(lines: Sequence[_Line]) -> float:
    return max(
        (sum(QFontMetricsF(font).horizontalAdvance(text) for text, font in line) for line in lines),
        default=0.0,
    )


@dataclass
class _Gesture:
    """A press that has not been released yet (mouse or one finger)."""

    kind: Literal["resize", "link", "button"]
    key: str
    start: QPointF
    shares: dict[str, int]  # as they were at the press, so a drag never drifts
    moved: bool = False
    point: QPointF | None = None  # where the pointer is now (the link arrow's tip)
    step: int = 0  # for "button": the nudge it stands for


class ContextMap(Translated, QWidget):
    """A squarified treemap of contexts, sized by share, that people can change."""

    shares_changed = Signal(dict)  # the whole new normalised dict, once per gesture
    add_requested = Signal()
    rename_requested = Signal(str)
    remove_requested = Signal(str)
    link_requested = Signal(str, str)  # source id, target id
    selection_changed = Signal(str)  # "" when nothing is selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # First, so an assistive technology asking during construction finds it.
        self._a11y = _AccessibleAreas()
        self._areas: dict[str, MapArea] = {}
        self._links: list[MapLink] = []
        self._shares: dict[str, int] = {}
        self._selected: str | None = None
        self._words: dict[str, str] = {}  # from set_words; DEFAULT_WORDS fill the gaps
        self._editable = True
        self._large = False
        self._link_source: str | None = None
        self._gesture: _Gesture | None = None
        self._wheel_rest = 0
        self._wheel_key: str | None = None
        # Where the corner buttons were when last tapped: they stay there while
        # someone taps away, instead of following the area as it changes size.
        self._pinned_buttons: tuple[QRectF, QRectF] | None = None
        self._layout_key: tuple[object, ...] | None = None
        self._layout: dict[str, QRectF] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self._own_name = ""  # the accessible name we set (a caller may set its own)
        self.retranslate()

    # -- data in --------------------------------------------------------------------------
    def set_map(self, areas: Sequence[MapArea], links: Sequence[MapLink] = ()) -> None:
        """Show these areas and links; the selection stays if its area is still there."""
        found: dict[str, MapArea] = {}
        for area in areas:
            if area.safety not in SAFETY_LEVELS:
                raise ValueError(f"Unknown safety level {area.safety!r}.")
            if area.id in found:
                raise ValueError(f"Area {area.id!r} appears twice.")
            found[area.id] = area
        # Told while the areas' elements can still say who they are.
        self._a11y.forget(set(self._a11y.items) - set(found))
        self._areas = found
        self._links = list(links)
        self._shares = weights.normalise({a.id: max(a.share, 0) for a in areas})
        self._gesture = None
        if self._link_source not in found:
            self._link_source = None
        if self._selected not in found:
            self._set_selected(None)
        self._changed()

    def set_words(self, words: Mapping[str, str]) -> None:
        """The words shown for each safety level, e.g. Welsh or plain-language ones."""
        unknown = set(words) - set(SAFETY_LEVELS)
        if unknown:
            raise ValueError(f"Not safety levels: {sorted(unknown)}")
        if any(not word.strip() for word in words.values()):
            # A blank word would leave colour as the only sign of safety.
            raise ValueError("Every safety level needs a word.")
        self._words.update(words)
        self._changed()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if not editable:
            self._link_source = None
            self._gesture = None
        self._changed()

    def is_editable(self) -> bool:
        return self._editable

    def set_large(self, large: bool) -> None:
        """Big type and bigger touch targets, for the screen the family reads."""
        self._large = large
        self._pinned_buttons = None
        self.updateGeometry()
        self._changed()

    @property
    def areas(self) -> tuple[MapArea, ...]:
        """The areas shown, in the order given, each with the share as shown now."""
        return tuple(replace(a, share=self._shares[a.id]) for a in self._areas.values())

    @property
    def links(self) -> tuple[MapLink, ...]:
        return tuple(self._links)

    def shares(self) -> dict[str, int]:
        """The shares as shown (including a drag that has not been released yet)."""
        return dict(self._shares)

    # -- assistive technology -------------------------------------------------------------
    def make_accessible(self) -> QAccessibleInterface:
        """The map's interface for assistive technology (Qt asks through the factory)."""
        interface = _MapAccessible(self)
        _keep(interface)
        return interface

    def accessible_area(self, area_id: str) -> QAccessibleInterface:
        """The child element assistive technology sees for an area (one per area id)."""
        if area_id not in self._areas:
            raise KeyError(area_id)
        return self._a11y.get(self, area_id)

    def area_ids(self) -> list[str]:
        """The areas' ids in the order given (the order of the map's accessible children)."""
        return list(self._areas)

    def has_area(self, area_id: str) -> bool:
        return area_id in self._areas

    def area_help(self) -> str:
        """The keys, for an area's element; nothing when the map is read-only."""
        if not self._editable:
            return ""
        return self.tr(
            "Plus or minus changes its share. F2 renames it, L links it to another "
            "context, Delete removes it, Shift+F10 opens its menu."
        )

    def set_share_from_assistive_technology(self, area_id: str, share: int) -> None:
        """An assistive technology set an area's value: save it like any other change."""
        if self._editable and area_id in self._shares:
            self._apply(weights.set_share(self._shares, area_id, share), emit=True)

    # -- selection ------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        return self._selected

    def select(self, area_id: str | None) -> None:
        """Select an area by id (None clears); raises KeyError for an id not on the map."""
        if area_id is not None and area_id not in self._areas:
            raise KeyError(area_id)
        self._set_selected(area_id)

    def _set_selected(self, area_id: str | None) -> None:
        if area_id == self._selected:
            return
        self._selected = area_id
        self._pinned_buttons = None
        self._changed()
        self.selection_changed.emit(area_id or "")

    def in_link_mode(self) -> bool:
        return self._link_source is not None

    # -- words ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Put the map's own words in its window's language (after a switch, or a move).

        Also done on a ParentChange or LanguageChange event. The safety words
        given to set_words are the caller's and stay as they are.
        """
        name = self.tr("Context weighting map")
        if self.accessibleName() in ("", self._own_name):
            self.setAccessibleName(name)
        self._own_name = name
        self._changed()

    def _level_word(self, level: str) -> str:
        if level in self._words:
            return self._words[level]
        return language(language_of(self)).translate("ContextMap", DEFAULT_WORDS[level])

    def _word(self, area: MapArea) -> str:
        return self._level_word(area.safety)

    def describe(self) -> list[str]:
        """One line per area, in the order given, e.g. "Home and family — Safe — 20%"."""
        return [
            f"{a.name} — {self._word(a)} — {weights.percent_label(self._shares[a.id])}"
            for a in self._areas.values()
        ]

    def area_tooltip(self, area_id: str) -> str:
        area = self._areas[area_id]
        lines = [f"{area.name} — {self._word(area)} — {self._percent(area_id)}"]
        return "\n".join([*lines, *self._link_lines(area_id)])

    def _link_lines(self, area_id: str) -> list[str]:
        """One line per link to or from the area, e.g. "Linked to School: same older boys"."""
        lines: list[str] = []
        for link in self._visible_links():
            label = link.label.strip()
            if link.source_id == area_id:
                other = self._areas[link.target_id].name
                if label:
                    lines.append(
                        self.tr("Linked to {other}: {label}").format(other=other, label=label)
                    )
                else:
                    lines.append(self.tr("Linked to {other}").format(other=other))
            elif link.target_id == area_id:
                other = self._areas[link.source_id].name
                if label:
                    lines.append(
                        self.tr("Linked from {other}: {label}").format(other=other, label=label)
                    )
                else:
                    lines.append(self.tr("Linked from {other}").format(other=other))
        return lines

    def drawn_label(self, area_id: str) -> list[str]:
        """The lines of words drawn on an area now (none if it is too small for words)."""
        plate = self._plates({area_id: self.area_rect(area_id)}).get(area_id)
        return ["".join(text for text, _font in line) for line in plate[2]] if plate else []

    def area_description(self, area_id: str) -> str:
        """What a screen reader says about an area besides its name and share.

        Its safety in words, then its links, e.g. "Unsafe. Linked to School: same
        older boys." (the accessible description of the area's child element).
        """
        sentences = [self._word(self._areas[area_id]), *self._link_lines(area_id)]
        if self._link_source == area_id:
            sentences.append(self.tr("Linking from here"))
        return " ".join(f"{s.rstrip('.')}." for s in sentences)

    def _percent(self, area_id: str) -> str:
        return weights.percent_label(self._shares[area_id])

    def _describe_for_screen_readers(self) -> None:
        count = len(self._areas)
        if not count:
            self.setAccessibleDescription(self.tr("No contexts on the map yet."))
            return
        parts: list[str] = []
        if self._link_source is not None:
            parts.append(
                self.tr(
                    "Linking from {name}: choose the other context with the arrow keys "
                    "and press Enter, or Escape to stop."
                ).format(name=self._areas[self._link_source].name)
            )
        if self._selected is not None:
            area = self._areas[self._selected]
            parts.append(
                self.tr("{name}: {safety}, {percent}.").format(
                    name=area.name,
                    safety=_lower_first(self._word(area)),
                    percent=self._percent(area.id),
                )
            )
        tally = ", ".join(
            f"{n} {_lower_first(self._level_word(level))}"
            for level in SAFETY_LEVELS
            if (n := sum(a.safety == level for a in self._areas.values()))
        )
        if count == 1:
            parts.append(self.tr("1 context: {tally}.").format(tally=tally))
        else:
            parts.append(self.tr("{count} contexts: {tally}.").format(count=count, tally=tally))
        self.setAccessibleDescription(" ".join(parts))

    def _changed(self) -> None:
        self._describe_for_screen_readers()
        self._a11y.sync(self)
        self.update()

    # -- geometry -------------------------------------------------------------------------
    def _scale(self) -> float:
        """How much bigger than the usual 16 px type everything is drawn."""
        base = max(1.0, QFontMetricsF(self.font()).height() / 16.0)
        return base * (1.5 if self._large else 1.0)

    def minimumSizeHint(self) -> QSize:
        scale = self._scale()
        return QSize(round(360 * scale), round(240 * scale))

    def sizeHint(self) -> QSize:
        scale = self._scale()
        return QSize(round(640 * scale), round(420 * scale))

    def _box(self) -> QRectF:
        margin = 4.0
        return QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)

    def _target_size(self) -> float:
        """The smallest comfortable touch target, in pixels."""
        if self._large:
            return max(48.0, 24.0 * self._scale())
        return max(32.0, 22.0 * self._scale())

    def area_rects(self) -> dict[str, QRectF]:
        """Where each area is drawn (before the gaps between areas are taken off)."""
        box = self._box()
        key = (box.getRect(), tuple(self._shares.items()), self._scale())
        if key != self._layout_key:
            self._layout_key = key
            self._layout = self._lay_out(box)
        return dict(self._layout)

    def area_rect(self, area_id: str) -> QRectF:
        return self.area_rects()[area_id]

    def _lay_out(self, box: QRectF) -> dict[str, QRectF]:
        if not self._shares or box.width() <= 0 or box.height() <= 0:
            return {}
        # Tiny shares are drawn a little larger than their share, just enough to
        # touch and read, while the label keeps the true percentage. On a big
        # window nothing is enlarged.
        smallest = self._target_size() * 1.4
        floor = math.ceil(weights.TOTAL * smallest * smallest / (box.width() * box.height()))
        floor = min(floor, weights.TOTAL // len(self._shares))
        items = [(k, float(max(v, floor))) for k, v in self._shares.items()]
        rects = squarify(items, box.x(), box.y(), box.width(), box.height())
        return {k: QRectF(*rects[k]) for k in self._shares}

    def _reading_order(self) -> list[str]:
        rects = self.area_rects()
        return sorted(rects, key=lambda k: (round(rects[k].top()), round(rects[k].left())))

    def area_at(self, pos: QPointF) -> str | None:
        for key, rect in self.area_rects().items():
            if rect.contains(pos):
                return key
        return None

    def step_buttons(self) -> tuple[QRectF, QRectF] | None:
        """The "−" and "+" targets in the selected area's corner (when editable)."""
        if not self._editable or self._selected is None or self._link_source is not None:
            return None  # while linking, a tap should pick a target, not resize
        if self._pinned_buttons is not None:
            return self._pinned_buttons
        rect = self.area_rects().get(self._selected)
        if rect is None:
            return None
        size = self._target_size()
        gap = 6.0
        right = min(rect.right() - gap, self.width() - gap)
        bottom = min(rect.bottom() - gap, self.height() - gap)
        # Never let the buttons leave the widget, even for a very small area.
        right = max(right, 2 * size + 2 * gap)
        bottom = max(bottom, size + gap)
        plus = QRectF(right - size, bottom - size, size, size)
        minus = plus.translated(-(size + gap), 0)
        return minus, plus

    # -- changing shares ------------------------------------------------------------------
    def _apply(self, shares: dict[str, int], *, emit: bool) -> None:
        if shares == self._shares:
            return
        self._shares = shares
        self._changed()
        if emit:
            self.shares_changed.emit(dict(shares))

    def _nudge(self, key: str, delta: int) -> None:
        if self._editable and key in self._shares:
            self._apply(weights.nudge(self._shares, key, delta), emit=True)

    # -- painting -------------------------------------------------------------------------
    def _fonts(self, scale: float = 1.0) -> _Fonts:
        base = QFont(self.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        size *= (1.6 if self._large else 1.05) * scale
        name = QFont(base)
        name.setPointSizeF(size * 1.08)
        name.setBold(True)
        detail = QFont(base)
        detail.setPointSizeF(size)
        percent = QFont(detail)
        percent.setBold(True)
        return _Fonts(name, detail, percent)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        rects = self.area_rects()
        if not rects:
            self._paint_empty(painter)
        else:
            for key, rect in rects.items():
                self._paint_area(painter, key, rect)
            arrows = self._link_arrows(rects)
            for line, _label in arrows:
                self._paint_arrow(painter, line)
            self._paint_outlines(painter, rects)
            plates = self._plates(rects)
            taken = [plate.adjusted(-3, -3, 3, 3) for plate, _, _ in plates.values()]
            taken += list(self.step_buttons() or ())
            placed = self._place_link_labels(arrows, taken)
            # A link label with no free spot goes under the area labels: the
            # areas' names matter more, and the tooltip still gives the link.
            for plate, text, clear in placed:
                if not clear:
                    self._paint_link_label(painter, plate, text)
            for plate, pad, lines in plates.values():
                self._paint_label(painter, plate, pad, lines)
            for plate, text, clear in placed:
                if clear:
                    self._paint_link_label(painter, plate, text)
            self._paint_step_buttons(painter)
            self._paint_gesture(painter, rects)
            if self._link_source is not None:
                self._paint_banner(painter)
        if self.hasFocus():
            self._paint_focus(painter)
        painter.end()

    def _paint_focus(self, painter: QPainter) -> None:
        """A ring round the whole map, clear on any background: dark, with a white edge.

        The selected area's own outline shows which area the keys act on; this
        shows that the keys go to the map at all.
        """
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ring = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setPen(QPen(_focus(), 3))
        painter.drawRoundedRect(ring, 6, 6)
        painter.setPen(QPen(_plate(255), 1))
        painter.drawRoundedRect(ring.adjusted(2, 2, -2, -2), 5, 5)

    def _shape(self, rect: QRectF) -> QPainterPath:
        path = QPainterPath()
        inner = rect.adjusted(2, 2, -2, -2)  # the gaps show where one area ends
        radius = min(8.0, inner.width() / 4, inner.height() / 4)
        path.addRoundedRect(inner, radius, radius)
        return path

    def _paint_area(self, painter: QPainter, key: str, rect: QRectF) -> None:
        look = _look(self._areas[key].safety)
        shape = self._shape(rect)
        painter.fillPath(shape, look.fill)
        painter.save()
        painter.setClipPath(shape)
        spacing = 14.0 if self._large else 11.0
        if look.pattern == "hatch":
            painter.setPen(QPen(look.ink, 3.0 if self._large else 2.4))
            top, left, h = rect.top(), rect.left(), rect.height()
            t = -h
            while t < rect.width():
                painter.drawLine(QLineF(left + t, top + h, left + t + h, top))
                t += spacing
        elif look.pattern == "dots":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.ink)
            radius = 2.6 if self._large else 2.1
            row = 0
            y = rect.top() + spacing / 2
            while y < rect.bottom():
                x = rect.left() + spacing / 2 + (spacing / 2 if row % 2 else 0)
                while x < rect.right():
                    painter.drawEllipse(QPointF(x, y), radius, radius)
                    x += spacing
                y += spacing * 0.87
                row += 1
        painter.restore()
        painter.setPen(QPen(look.fill.darker(135), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(shape)

    def _label_scales(self) -> tuple[float, ...]:
        # Big type may shrink further before it is smaller than ordinary type.
        return (1.0, 0.86, 0.74, 0.62, 0.52) if self._large else (1.0, 0.86, 0.74)

    def _label_lines(self, key: str, width: float, height: float) -> list[_Line]:
        """The richest label that fits: name, percentage and safety word if at all possible.

        A smaller type is better than a cut-off name, and a cut-off name better
        than none. In an area too small for words the percentage stands alone;
        the pattern, the tooltip and describe() still say what it is.
        """
        area = self._areas[key]
        percent, word = self._percent(key), self._word(area)
        whole_name = [(s, True, 3) for s in self._label_scales()]
        cut_name = [(s, False, 1) for s in self._label_scales()]
        for scale, must_be_whole, max_lines in [*whole_name, *cut_name]:
            fonts = self._fonts(scale)
            name_fm = QFontMetricsF(fonts.name)
            detail_fm = QFontMetricsF(fonts.detail)
            for lines_allowed in range(1, max_lines + 1):
                name_lines, whole = _wrap(area.name, name_fm, width, lines_allowed)
                if must_be_whole and not whole:
                    continue
                name_part: list[_Line] = [[(t, fonts.name)] for t in name_lines]
                for detail in self._detail_variants(percent, word, fonts, detail_fm, width):
                    lines = [*name_part, *detail]
                    if _height(lines) <= height:
                        return lines
                break  # more name lines than needed only makes it taller
        fonts = self._fonts(self._label_scales()[-1])
        short_name = _wrap(area.name, QFontMetricsF(fonts.name), width, 1)[0][0]
        for lines in (
            [[(short_name, fonts.name)], [(percent, fonts.percent)]],
            [[(percent, fonts.percent)]],
        ):
            if _height(lines) <= height and _width(lines) <= width:
                return lines
        return []

    @staticmethod
    def _detail_variants(
        percent: str, word: str, fonts: _Fonts, metrics: QFontMetricsF, width: float
    ) -> list[list[_Line]]:
        """The percentage and safety word on one line, or on two, or with the word wrapped."""
        one: list[_Line] = [[(percent, fonts.percent), (f" · {word}", fonts.detail)]]
        word_lines, whole = _wrap(word, metrics, width, 2)
        two: list[_Line] = [[(percent, fonts.percent)], *[[(t, fonts.detail)] for t in word_lines]]
        return [v for v in (one, two) if _width(v) <= width and (v is one or whole)]

    def _plates(self, rects: Mapping[str, QRectF]) -> dict[str, tuple[QRectF, float, list[_Line]]]:
        """Each area's label plate: where it goes, its padding and its lines."""
        plates: dict[str, tuple[QRectF, float, list[_Line]]] = {}
        for key, rect in rects.items():
            roomy = min(rect.width(), rect.height()) >= 110
            pad = (7.0 if self._large else 5.0) if roomy else 3.0
            margin = 7.0 if roomy else 4.0
            lines = self._label_lines(
                key, rect.width() - 2 * (margin + pad), rect.height() - 2 * (margin + pad)
            )
            if lines:
                plate = QRectF(
                    rect.left() + margin,
                    rect.top() + margin,
                    _width(lines) + 2 * pad,
                    _height(lines) + 2 * pad,
                )
                plates[key] = (plate, pad, lines)
        return plates

    def _paint_label(
        self, painter: QPainter, plate: QRectF, pad: float, lines: list[_Line]
    ) -> None:
        painter.setPen(QPen(_ink_alpha(40), 1))
        painter.setBrush(_plate())
        painter.drawRoundedRect(plate, 5, 5)
        painter.setPen(_ink())
        y = plate.top() + pad
        for line in lines:
            ascent = max(QFontMetricsF(font).ascent() for _, font in line)
            x = plate.left() + pad
            for text, font in line:
                painter.setFont(font)
                painter.drawText(QPointF(x, y + ascent), text)
                x += QFontMetricsF(font).horizontalAdvance(text)
            y += _line_height(line)

    def _visible_links(self) -> list[MapLink]:
        return [
            link
            for link in self._links
            if link.source_id in self._areas
            and link.target_id in self._areas
            and link.source_id != link.target_id
        ]

    def _link_arrows(self, rects: Mapping[str, QRectF]) -> list[tuple[QLineF, str]]:
        """Each link as a line from inside its source to inside its target.

        The line runs halfway in from each area's edge, rather than between the
        edges, because neighbouring areas touch and an edge-to-edge arrow would
        have no length at all. Links between the same pair are spread apart.
        """
        pairs: dict[frozenset[str], list[MapLink]] = {}
        for link in self._visible_links():
            pairs.setdefault(frozenset((link.source_id, link.target_id)), []).append(link)
        arrows: list[tuple[QLineF, str]] = []
        for group in pairs.values():
            for n, link in enumerate(group):
                source, target = rects[link.source_id], rects[link.target_id]
                a, b = source.center(), target.center()
                d = b - a
                length = math.hypot(d.x(), d.y())
                if length == 0:
                    continue
                out = _exit_fraction(source, d)
                into = _exit_fraction(target, d)
                start = a + d * (out * 0.45)
                end = b - d * (into * 0.45)
                offset = (n - (len(group) - 1) / 2) * 14.0
                # Links in the same group may point either way; spread them by a
                # direction that does not depend on which way each one points.
                first = min(link.source_id, link.target_id)
                sign = 1.0 if link.source_id == first else -1.0
                normal = QPointF(-d.y() / length, d.x() / length) * (offset * sign)
                arrows.append((QLineF(start + normal, end + normal), link.label))
        return arrows

    def _paint_arrow(self, painter: QPainter, line: QLineF, dashed: bool = False) -> None:
        head = _arrow_head(line, 13.0 * (1.3 if self._large else 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(_plate(225), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(line)
        halo = QPen(_plate(225), 4)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(halo)
        painter.drawPolygon(head)
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        width = 3.0 if self._large else 2.4
        painter.setPen(QPen(_ink(), width, style, Qt.PenCapStyle.RoundCap))
        shaft = QLineF(line.p1(), line.pointAt(max(0.0, 1 - 8 / max(line.length(), 1))))
        painter.drawLine(shaft)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_ink())
        painter.drawPolygon(head)
        # A dot where the arrow starts, so its direction reads at a glance.
        painter.setPen(QPen(_plate(255), 1.5))
        painter.drawEllipse(line.p1(), 4.0, 4.0)

    def _place_link_labels(
        self, arrows: Sequence[tuple[QLineF, str]], taken: list[QRectF]
    ) -> list[tuple[QRectF, str, bool]]:
        """Where each link's label plate goes, and whether that spot is clear of others."""
        font = self._fonts(0.82).detail
        metrics = QFontMetricsF(font)
        placed: list[tuple[QRectF, str, bool]] = []
        for line, label in arrows:
            if not label:
                continue
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, 200 * self._scale())
            width = metrics.horizontalAdvance(text) + 8
            height = metrics.height() + 4
            unit = line.unitVector()
            normal = QPointF(-unit.dy(), unit.dx()) * (height * 0.9)
            candidates: list[QRectF] = []
            for along in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
                for shift in (QPointF(0, 0), normal, -normal):
                    mid = line.pointAt(along) + shift
                    candidates.append(
                        QRectF(mid.x() - width / 2, mid.y() - height / 2, width, height)
                    )
            clear = [c for c in candidates if not any(c.intersects(t) for t in taken)]
            plate = clear[0] if clear else candidates[0]
            taken.append(plate.adjusted(-2, -2, 2, 2))
            placed.append((plate, text, bool(clear)))
        return placed

    def _paint_link_label(self, painter: QPainter, plate: QRectF, text: str) -> None:
        painter.setPen(QPen(_ink(), 1))
        painter.setBrush(_plate(255))
        painter.drawRoundedRect(plate, 4, 4)
        painter.setFont(self._fonts(0.82).detail)
        painter.setPen(_ink())
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_outlines(self, painter: QPainter, rects: Mapping[str, QRectF]) -> None:
        """The selected area's thick outline, and a dashed one round a link's source."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._link_source is not None and self._link_source in rects:
            painter.setPen(QPen(_focus(), 3, Qt.PenStyle.DashLine))
            painter.drawPath(self._shape(rects[self._link_source].adjusted(2, 2, -2, -2)))
        if self._selected is None or self._selected not in rects:
            return
        shape = self._shape(rects[self._selected])
        # A dark band with a white edge stands out on every fill and pattern.
        painter.setPen(QPen(_plate(255), 8))
        painter.drawPath(shape)
        painter.setPen(QPen(_focus(), 5))
        painter.drawPath(shape)

    def _paint_step_buttons(self, painter: QPainter) -> None:
        buttons = self.step_buttons()
        if buttons is None:
            return
        for rect, grow in zip(buttons, (False, True), strict=True):
            painter.setPen(QPen(_focus(), 2))
            painter.setBrush(_plate(255))
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
            arm = rect.width() * 0.24
            c = rect.center()
            painter.setPen(QPen(_focus(), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QLineF(c.x() - arm, c.y(), c.x() + arm, c.y()))
            if grow:
                painter.drawLine(QLineF(c.x(), c.y() - arm, c.x(), c.y() + arm))

    def _paint_gesture(self, painter: QPainter, rects: Mapping[str, QRectF]) -> None:
        gesture = self._gesture
        if gesture is None or gesture.kind != "link" or gesture.point is None:
            return
        if gesture.key in rects and gesture.moved:
            self._paint_arrow(painter, QLineF(rects[gesture.key].center(), gesture.point), True)

    def _paint_banner(self, painter: QPainter) -> None:
        assert self._link_source is not None
        name = self._areas[self._link_source].name
        text = self.tr(
            "Link from {name}: choose the other context (arrows and Enter, or click). Esc stops."
        ).format(name=name)
        font = self._fonts(0.9).detail
        metrics = QFontMetricsF(font)
        width = self.width() - 24.0
        text = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width - 20)
        plate = QRectF(12, self.height() - metrics.height() - 26, width, metrics.height() + 14)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_ink_alpha(235))
        painter.drawRoundedRect(plate, 6, 6)
        painter.setFont(font)
        painter.setPen(_plate(255))
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_empty(self, painter: QPainter) -> None:
        font = self._fonts().detail
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        text = self.tr("No contexts on the map yet.")
        if self._editable:
            text += "\n" + self.tr("Press Insert, or right-click, to add one.")
        painter.drawText(self._box(), Qt.AlignmentFlag.AlignCenter, text)

    # -- pointer gestures (mouse and one finger share these) ------------------------------
    def _press(self, pos: QPointF, *, shift: bool) -> None:
        buttons = self.step_buttons()
        if buttons is not None and self._selected is not None:
            for rect, step in zip(buttons, (-STEP, STEP), strict=True):
                if rect.contains(pos):
                    self._gesture = _Gesture("button", self._selected, pos, {}, step=step)
                    self._pinned_buttons = buttons
                    return
        self._pinned_buttons = None
        key = self.area_at(pos)
        if key is None:
            return
        if self._link_source is not None:
            self._finish_link(key)
            return
        self._set_selected(key)
        if self._editable:
            kind: Literal["resize", "link"] = "link" if shift and len(self._areas) > 1 else "resize"
            self._gesture = _Gesture(kind, key, pos, dict(self._shares), point=pos)

    def _move(self, pos: QPointF) -> None:
        gesture = self._gesture
        if gesture is None or gesture.kind == "button":
            return
        if not gesture.moved:
            travel = (pos - gesture.start).manhattanLength()
            if travel < QApplication.startDragDistance():
                return
            gesture.moved = True
        gesture.point = pos
        if gesture.kind == "link":
            self.update()
            return
        # Up grows; the full height of the map is the whole 100%. The share
        # snaps to whole percentages so that the numbers people read are clean.
        rise = gesture.start.y() - pos.y()
        target = gesture.shares[gesture.key] + rise * weights.TOTAL / max(self._box().height(), 1)
        target = round(target / 100) * 100
        self._apply(weights.set_share(gesture.shares, gesture.key, target), emit=False)

    def _release(self, pos: QPointF) -> None:
        gesture, self._gesture = self._gesture, None
        if gesture is None:
            return
        if gesture.kind == "button":
            buttons = self.step_buttons()
            if buttons is not None and any(r.contains(pos) for r in buttons):
                self._nudge(gesture.key, gesture.step)
        elif gesture.kind == "link":
            target = self.area_at(pos)
            if gesture.moved and target is not None and target != gesture.key:
                self.link_requested.emit(gesture.key, target)
            self.update()
        elif gesture.moved and self._shares != gesture.shares:
            self.shares_changed.emit(dict(self._shares))

    def _cancel_gesture(self) -> None:
        gesture, self._gesture = self._gesture, None
        if gesture is not None and gesture.kind == "resize":
            self._apply(gesture.shares, emit=False)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._press(event.position(), shift=shift)
            event.accept()
        elif event.button() == Qt.MouseButton.RightButton:
            key = self.area_at(event.position())
            if key is not None:
                self._set_selected(key)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._move(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._release(event.position())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        buttons = self.step_buttons()
        if buttons is not None and any(r.contains(event.position()) for r in buttons):
            self._press(event.position(), shift=False)  # a quick second tap on + is another +
            return
        key = self.area_at(event.position())
        if key is not None and self._editable and self._link_source is None:
            self._set_selected(key)
            self.rename_requested.emit(key)

    def wheelEvent(self, event: QWheelEvent) -> None:
        key = self.area_at(event.position())
        if not self._editable or key is None:
            event.ignore()  # let a scroll area around the map scroll instead
            return
        if key != self._wheel_key:
            self._wheel_key, self._wheel_rest = key, 0
        # Touchpads send small deltas: one 1% step per full notch's worth (120).
        self._wheel_rest += event.angleDelta().y()
        steps = int(self._wheel_rest / 120)
        self._wheel_rest -= steps * 120
        self._set_selected(key)
        if steps:
            self._nudge(key, steps * FINE_STEP)
        event.accept()

    def _touch(self, event: QTouchEvent) -> bool:
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchCancel or len(points) != 1:
            # A second finger is not ours to interpret: undo a half-done drag.
            self._cancel_gesture()
            event.accept()
            return True
        pos = points[0].position()
        if kind == QEvent.Type.TouchBegin:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._press(pos, shift=False)
        elif kind == QEvent.Type.TouchUpdate:
            self._move(pos)
        else:
            self._release(pos)
        event.accept()
        return True

    # -- keyboard -------------------------------------------------------------------------
    def _step_for(self, event: QKeyEvent) -> int:
        """5%, or 1% with Ctrl, or with Shift where Shift is not needed to type the key.

        "+" needs Shift on most keyboards, so Shift alone cannot mean "fine" for
        it; Shift+"-" (or "_") and keypad keys can, and Ctrl works for all.
        """
        mods = event.modifiers()
        key = event.key()
        if mods & Qt.KeyboardModifier.ControlModifier or key == Qt.Key.Key_Underscore:
            return FINE_STEP
        if mods & Qt.KeyboardModifier.ShiftModifier and (
            key != Qt.Key.Key_Plus or mods & Qt.KeyboardModifier.KeypadModifier
        ):
            return FINE_STEP
        return STEP

    _EDIT_KEYS = frozenset(
        {
            Qt.Key.Key_Plus,
            Qt.Key.Key_Equal,
            Qt.Key.Key_Minus,
            Qt.Key.Key_Underscore,
            Qt.Key.Key_Insert,
            Qt.Key.Key_N,
            Qt.Key.Key_F2,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Delete,
            Qt.Key.Key_L,
        }
    )
    _NAV_KEYS = frozenset(
        {
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        }
    )

    def _claims(self, event: QKeyEvent) -> bool:
        """Whether a key belongs to the map rather than to a window shortcut.

        Ctrl and Alt combinations are never claimed, so Ctrl+L still locks the app.
        """
        mods = event.modifiers()
        if mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier):
            return False
        key = Qt.Key(event.key())
        if key in self._NAV_KEYS and not mods & Qt.KeyboardModifier.ControlModifier:
            return True
        if key == Qt.Key.Key_Escape:
            return self._link_source is not None or self._gesture is not None
        if key == Qt.Key.Key_F10 and mods & Qt.KeyboardModifier.ShiftModifier:
            return self._editable and not mods & Qt.KeyboardModifier.ControlModifier
        if not self._editable or key not in self._EDIT_KEYS:
            return False
        if mods & Qt.KeyboardModifier.ControlModifier:
            return key in (
                Qt.Key.Key_Plus,
                Qt.Key.Key_Equal,
                Qt.Key.Key_Minus,
                Qt.Key.Key_Underscore,
            )
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._claims(event):
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        event.accept()
        if self._gesture is not None and key != Qt.Key.Key_Escape:
            return  # one change at a time: finish (or Escape) the drag first
        if key == Qt.Key.Key_Escape:
            if self._gesture is not None:
                self._cancel_gesture()
            else:
                self._link_source = None
                self._changed()
            return
        if key in self._NAV_KEYS:
            self._move_selection(key)
            return
        if key == Qt.Key.Key_F10:  # Shift+F10, the menu key of keyboards without one
            self._open_menu_by_keyboard()
            return
        if key in (Qt.Key.Key_Insert, Qt.Key.Key_N):
            self.add_requested.emit()
            return
        selected = self._selected
        if not self._areas:
            return
        if selected is None:
            # Never act on an area nobody has seen selected: select it first.
            self._set_selected(self._reading_order()[0])
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._nudge(selected, self._step_for(event))
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self._nudge(selected, -self._step_for(event))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._link_source is not None:
                self._finish_link(selected)
            else:
                self.rename_requested.emit(selected)
        elif key == Qt.Key.Key_F2:
            self.rename_requested.emit(selected)
        elif key == Qt.Key.Key_Delete:
            self.remove_requested.emit(selected)
        elif key == Qt.Key.Key_L:
            self.start_link(selected)

    def _move_selection(self, key: Qt.Key) -> None:
        order = self._reading_order()
        if not order:
            return
        if self._selected not in order:
            self._set_selected(order[0])
            return
        here = order.index(self._selected)
        if key == Qt.Key.Key_Home:
            there = 0
        elif key == Qt.Key.Key_End:
            there = len(order) - 1
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            there = min(here + 1, len(order) - 1)
        else:
            there = max(here - 1, 0)
        self._set_selected(order[there])

    # -- links ----------------------------------------------------------------------------
    def start_link(self, source_id: str) -> None:
        """Link mode: the next area chosen (by click, or arrows and Enter) is the target."""
        if not self._editable or source_id not in self._areas or len(self._areas) < 2:
            return
        self._link_source = source_id
        self._changed()

    def _finish_link(self, target: str) -> None:
        source = self._link_source
        if source is None or target == source:
            return  # choosing the same area again keeps link mode: Escape stops it
        self._link_source = None
        self._set_selected(target)
        self._changed()
        self.link_requested.emit(source, target)

    # -- menu -----------------------------------------------------------------------------
    def build_context_menu(self, area_id: str | None) -> QMenu | None:
        """The right-click menu for an area (or for the empty map); None when read-only."""
        if not self._editable:
            return None
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Context map actions"))

        def add(
            text: str, name: str, handler: Callable[[], object], enabled: bool = True
        ) -> QAction:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(handler)
            return action

        if area_id is not None:
            share = self._shares[area_id]
            low, high = (
                weights.MIN_SHARE,
                weights.TOTAL - weights.MIN_SHARE * (len(self._areas) - 1),
            )
            several = len(self._areas) > 1
            add(
                self.tr("&Grow by 5%"),
                "grow",
                lambda: self._nudge(area_id, STEP),
                several and share < high,
            )
            add(
                self.tr("&Shrink by 5%"),
                "shrink",
                lambda: self._nudge(area_id, -STEP),
                several and share > low,
            )
            menu.addSeparator()
            add(self.tr("&Rename…"), "rename", lambda: self.rename_requested.emit(area_id))
            add(self.tr("&Link to…"), "link", lambda: self.start_link(area_id), several)
            menu.addSeparator()
            add(self.tr("Re&move"), "remove", lambda: self.remove_requested.emit(area_id))
            menu.addSeparator()
        add(self.tr("&Add context…"), "add", self.add_requested.emit)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            key = self.area_at(QPointF(event.pos()))
            if key is not None:
                self._set_selected(key)
            if not self._open_menu(key, event.globalPos()):
                event.ignore()
        elif not self._open_menu_by_keyboard():
            event.ignore()

    def _open_menu_by_keyboard(self) -> bool:
        """From the Menu key or Shift+F10: over the selected area, not at the mouse."""
        key = self._selected
        rect = self.area_rects().get(key) if key else None
        centre = rect.center() if rect is not None else self._box().center()
        return self._open_menu(key, self.mapToGlobal(centre.toPoint()))

    def _open_menu(self, key: str | None, anchor: QPoint) -> bool:
        menu = self.build_context_menu(key)
        if menu is None:
            return False
        # popup, not exec: no nested event loop, and the menu goes once it closes
        # (after its action has run).
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(anchor)
        return True

    # -- events ---------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            return self._touch(event)
        if (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._claims(event)
        ):
            event.accept()
            return True
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        if kind == QEvent.Type.FontChange:
            self.updateGeometry()
        if kind in (QEvent.Type.ParentChange, QEvent.Type.LanguageChange):
            # Placed in a window (or the window's language changed): its words now.
            self.retranslate()
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        pos = QPointF(event.pos())
        buttons = self.step_buttons()
        if buttons is not None:
            texts = (self.tr("Shrink by 5%"), self.tr("Grow by 5%"))
            for rect, text in zip(buttons, texts, strict=True):
                if rect.contains(pos):
                    QToolTip.showText(event.globalPos(), text, self, rect.toRect())
                    return
        key = self.area_at(pos)
        if key is None:
            QToolTip.hideText()
            event.ignore()
            return
        where = self.area_rects()[key].toRect()
        QToolTip.showText(event.globalPos(), self.area_tooltip(key), self, where)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._pinned_buttons = None
        super().resizeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Arriving by keyboard, a screen reader should have something to read.
        if self._selected is None and self._areas:
            self._set_selected(self._reading_order()[0])
        super().focusInEvent(event)
        self._changed()  # the ring, and the selected area's element becomes the focus

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Tabbing (or clicking) away ends a half-made link, so no hidden mode is
        # waiting when someone comes back; the map's own menu or another window
        # taking focus for a moment does not.
        if event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            self._link_source = None
        self._changed()


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:]


def _wrap(
    text: str, metrics: QFontMetricsF, width: float, max_lines: int
) -> tuple[list[str], bool]:
    """Word-wrap ``text`` into at most ``max_lines`` lines; say whether it all fitted.

    What does not fit is elided with "…" on the last line.
    """
    words = text.split()
    lines: list[str] = []
    current = ""
    for n, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
            continue
        if len(lines) == max_lines - 1:
            current = " ".join(words[n - len(current.split()) :])
            break
        lines.append(current)
        current = word
    lines.append(current)
    whole = all(metrics.horizontalAdvance(line) <= width for line in lines)
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines], whole


def _exit_fraction(rect: QRectF, d: QPointF) -> float:
    """How far along ``d`` (from the centre) the edge of ``rect`` is, as a fraction of d."""
    fractions = []
    if d.x():
        fractions.append(rect.width() / 2 / abs(d.x()))
    if d.y():
        fractions.append(rect.height() / 2 / abs(d.y()))
    return min(fractions) if fractions else 0.0


def _arrow_head(line: QLineF, size: float) -> QPolygonF:
    tip = line.p2()
    angle = math.atan2(line.dy(), line.dx())
    back = QPointF(math.cos(angle), math.sin(angle)) * size
    side = QPointF(-math.sin(angle), math.cos(angle)) * (size * 0.45)
    return QPolygonF([tip, tip - back + side, tip - back - side])


# -- assistive technology ---------------------------------------------------------------
#
# Each area is a child element of the map for assistive technology (AT-SPI, UI
# Automation, NSAccessibility): a list item whose name is the context's name, whose
# value is its share (as text and through a value interface), whose description
# is its safety in words and its links, and whose actions grow, shrink or select it.
#
# Two PySide pitfalls shape this code.
#
# Lifetime. Qt's accessibility cache keeps raw pointers to the interfaces it has
# seen (a platform bridge registers every one it is handed) and deletes them
# itself: an interface when its object() is destroyed, any of them on
# deleteAccessibleInterface or when the application ends. An interface made in
# Python is deleted with its last Python reference, and Qt's virtual calls reach
# the Python overrides only while the Python object lives. And PySide 6.11 did
# not deliver the map's own ``destroyed`` signal to a Python slot when the map was
# deleted by garbage collection or with its parent (tried), so the map cannot
# clean up after itself in Python. Hence:
#   * each area's interface has an anchor, a plain QObject child of the map, as
#     its object(), and is registered with the cache as soon as it is made; the
#     cache then deletes it in C++ when the anchor goes, which is when the area
#     leaves the map (we delete the anchor) or when the map itself is destroyed;
#   * Python never deletes one: every interface made here stays in _KEPT until
#     Qt has deleted it (a deleted wrapper is merely invalid), and the interfaces
#     hold the map by weak reference and check it and their area before answering.
# (The map's own interface, from the factory, has the map as its object(), so the
# cache deletes it with the map; PySide keeps the factory's result alive.)
#
# interface_cast. PySide hands Qt whatever Python object it returns as the void*
# (a PyObject pointer) unless it is a shiboken VoidPtr, so it must return
# VoidPtr(address) or VoidPtr(0): returning 0 or None gives Qt a bogus non-null
# pointer and the first textInterface() call crashes.

# PySide's stubs say these methods never return None, but Qt's C++ returns nullptr
# for "none" and PySide converts None to it: hence the `type: ignore[override]`s.
_NULL = Shiboken.VoidPtr(0)


def _pointer(obj: Shiboken.Object) -> Shiboken.VoidPtr:
    return Shiboken.VoidPtr(Shiboken.getCppPointer(obj)[0])


def _announce(event: QAccessibleEvent) -> None:
    QAccessible.updateAccessibility(event)


_KEPT: list[QAccessibleInterface] = []  # until Qt deletes them (see above)


def _keep(interface: QAccessibleInterface) -> None:
    _KEPT[:] = [kept for kept in _KEPT if Shiboken.isValid(kept)]
    _KEPT.append(interface)


class _AreaValue(QAccessibleValueInterface):
    """An area's share as a number: a percentage, from 1 to what leaves the others 1% each."""

    def __init__(self, item: _AreaAccessible) -> None:
        super().__init__()
        self._item = weakref.ref(item)

    def _live(self) -> tuple[ContextMap, str] | None:
        item = self._item()
        return item.live() if item is not None else None

    def currentValue(self) -> Any:
        live = self._live()
        return live[0].shares()[live[1]] / 100 if live else 0.0

    def setCurrentValue(self, value: Any) -> None:
        live = self._live()
        if live is None:
            return
        try:
            percent = float(value)
        except (TypeError, ValueError):
            return
        if math.isfinite(percent):
            live[0].set_share_from_assistive_technology(live[1], round(percent) * 100)

    def minimumValue(self) -> Any:
        live = self._live()
        if live is None or len(live[0].shares()) == 1:
            return weights.TOTAL / 100
        return weights.MIN_SHARE / 100

    def maximumValue(self) -> Any:
        live = self._live()
        count = len(live[0].shares()) if live else 1
        return (weights.TOTAL - weights.MIN_SHARE * (count - 1)) / 100

    def minimumStepSize(self) -> Any:
        return FINE_STEP / 100


class _AreaActions(QAccessibleActionInterface):
    """Select an area (give it the focus), grow or shrink it, or open its menu."""

    def __init__(self, item: _AreaAccessible) -> None:
        super().__init__()
        self._item = weakref.ref(item)

    def _live(self) -> tuple[ContextMap, str] | None:
        item = self._item()
        return item.live() if item is not None else None

    def actionNames(self) -> list[str]:
        live = self._live()
        if live is None:
            return []
        names = [self.setFocusAction()]
        if live[0].is_editable():
            names += [self.increaseAction(), self.decreaseAction(), self.showMenuAction()]
        return names

    def doAction(self, name: str) -> None:
        live = self._live()
        if live is None or name not in self.actionNames():
            return
        owner, area_id = live
        owner.select(area_id)
        if name == self.setFocusAction():
            owner.setFocus(Qt.FocusReason.OtherFocusReason)
        elif name == self.increaseAction():
            owner._nudge(area_id, STEP)
        elif name == self.decreaseAction():
            owner._nudge(area_id, -STEP)
        elif name == self.showMenuAction():
            owner._open_menu_by_keyboard()

    def keyBindingsForAction(self, name: str) -> list[str]:
        keys = {
            self.increaseAction(): ["+"],
            self.decreaseAction(): ["-"],
            self.showMenuAction(): ["Shift+F10"],
        }
        return keys.get(name, [])


class _AreaAccessible(QAccessibleInterface):
    """One area of the map, as assistive technology sees it."""

    def __init__(self, owner: ContextMap, area_id: str) -> None:
        super().__init__()
        self._owner = weakref.ref(owner)
        self.area_id = area_id
        self.anchor = QObject(owner)  # Qt's cache deletes this interface when it goes
        self.anchor.setObjectName(f"context_map_area_{area_id}")
        self._value = _AreaValue(self)
        self._actions = _AreaActions(self)

    def live(self) -> tuple[ContextMap, str] | None:
        """The map and this area's id, if both are still there."""
        owner = self._owner()
        if owner is None or not Shiboken.isValid(owner) or not owner.has_area(self.area_id):
            return None
        return owner, self.area_id

    def isValid(self) -> bool:
        return self.live() is not None

    def object(self) -> QObject | None:  # type: ignore[override]
        return self.anchor if Shiboken.isValid(self.anchor) else None

    def window(self) -> QWindow | None:  # type: ignore[override]
        live = self.live()
        return live[0].window().windowHandle() if live else None

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        live = self.live()
        return QAccessible.queryAccessibleInterface(live[0]) if live else None

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def text(self, kind: QAccessible.Text) -> str:
        live = self.live()
        if live is None:
            return ""
        owner, area_id = live
        area = next(a for a in owner.areas if a.id == area_id)
        if kind == QAccessible.Text.Name:
            return area.name
        if kind == QAccessible.Text.Value:
            return weights.percent_label(area.share)
        if kind == QAccessible.Text.Description:
            return owner.area_description(area_id)
        if kind == QAccessible.Text.Help:
            return owner.area_help()
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        pass  # renaming goes through the caller's dialog (F2), which saves it

    def rect(self) -> QRect:
        live = self.live()
        if live is None:
            return QRect()
        owner, area_id = live
        drawn = owner.area_rects().get(area_id)  # none while the map has no size yet
        if drawn is None:
            return QRect()
        local = drawn.toAlignedRect()
        return QRect(owner.mapToGlobal(local.topLeft()), local.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        live = self.live()
        if live is None:
            state.invalid = True
            return state
        owner, area_id = live
        state.focusable = True
        state.selectable = True
        selected = owner.selected_id() == area_id
        state.selected = selected
        state.focused = selected and owner.hasFocus()
        state.invisible = not owner.isVisible()
        state.readOnly = not owner.is_editable()
        return state

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Shiboken.VoidPtr:  # type: ignore[override]
        if kind == QAccessible.InterfaceType.ValueInterface:
            return _pointer(self._value)
        if kind == QAccessible.InterfaceType.ActionInterface:
            return _pointer(self._actions)
        return _NULL


class _MapAccessible(QAccessibleWidget):
    """The map for assistive technology: a list whose items are its areas."""

    def __init__(self, owner: ContextMap) -> None:
        super().__init__(owner, QAccessible.Role.List)
        self._owner = weakref.ref(owner)

    def _map(self) -> ContextMap | None:
        owner = self._owner()
        return owner if owner is not None and Shiboken.isValid(owner) else None

    def childCount(self) -> int:
        owner = self._map()
        return len(owner.area_ids()) if owner else 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        owner = self._map()
        ids = owner.area_ids() if owner else []
        if owner is None or not 0 <= index < len(ids):
            return None
        return owner.accessible_area(ids[index])

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        owner = self._map()
        if owner is None or not isinstance(child, _AreaAccessible):
            return -1
        ids = owner.area_ids()
        return ids.index(child.area_id) if child.area_id in ids else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        owner = self._map()
        if owner is None:
            return None
        key = owner.area_at(QPointF(owner.mapFromGlobal(QPoint(x, y))))
        return owner.accessible_area(key) if key is not None else None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        owner = self._map()
        if owner is None or not owner.hasFocus():
            return None
        key = owner.selected_id()
        return owner.accessible_area(key) if key is not None else None


def _accessible_factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, ContextMap):
        return obj.make_accessible()
    return None


QAccessible.installFactory(_accessible_factory)


@dataclass(frozen=True)
class _Heard:
    """What assistive technology was last told about an area."""

    name: str
    description: str
    share: int
    selected: bool
    focused: bool


class _AccessibleAreas:
    """The map's area interfaces, one per area id, and what AT was last told."""

    def __init__(self) -> None:
        self.items: dict[str, _AreaAccessible] = {}
        self._heard: dict[str, _Heard] | None = None

    def get(self, owner: ContextMap, area_id: str) -> _AreaAccessible:
        interface = self.items.get(area_id)
        if interface is None or not Shiboken.isValid(interface):
            interface = _AreaAccessible(owner, area_id)
            _keep(interface)
            QAccessible.registerAccessibleInterface(interface)
            self.items[area_id] = interface
        return interface

    def forget(self, area_ids: set[str]) -> None:
        """Tell AT the areas went; Qt's cache deletes their interfaces with the anchors."""
        for area_id in area_ids:
            interface = self.items.pop(area_id)
            if self._heard is not None:
                self._heard.pop(area_id, None)
            if not Shiboken.isValid(interface):
                continue
            if QAccessible.isActive():
                _announce(QAccessibleEvent(interface, QAccessible.Event.ObjectDestroyed))
            if Shiboken.isValid(interface.anchor):
                Shiboken.delete(interface.anchor)

    def sync(self, owner: ContextMap) -> None:
        """Tell assistive technology what changed since it was last told."""
        if not QAccessible.isActive():
            self._heard = None  # nobody is listening: start afresh when someone is
            return
        focused = owner.hasFocus()
        now = {
            area.id: _Heard(
                area.name,
                owner.area_description(area.id),
                area.share,
                area.id == owner.selected_id(),
                area.id == owner.selected_id() and focused,
            )
            for area in owner.areas
        }
        before, self._heard = self._heard, now
        if before is None:
            return
        for area_id, heard in now.items():
            interface = self.get(owner, area_id)
            was = before.get(area_id)
            if was is None:
                _announce(QAccessibleEvent(interface, QAccessible.Event.ObjectCreated))
                was = replace(heard, selected=False, focused=False)
            if heard.name != was.name:
                _announce(QAccessibleEvent(interface, QAccessible.Event.NameChanged))
            if heard.description != was.description:
                _announce(QAccessibleEvent(interface, QAccessible.Event.DescriptionChanged))
            if heard.share != was.share:
                _announce(QAccessibleValueChangeEvent(interface, heard.share / 100))
            if (heard.selected, heard.focused) != (was.selected, was.focused):
                changed = QAccessible.State()
                changed.selected = heard.selected != was.selected
                changed.focused = heard.focused != was.focused
                _announce(QAccessibleStateChangeEvent(interface, changed))
            if heard.selected and not was.selected:
                _announce(QAccessibleEvent(interface, QAccessible.Event.Selection))
            if heard.focused and not was.focused:
                _announce(QAccessibleEvent(interface, QAccessible.Event.Focus))
