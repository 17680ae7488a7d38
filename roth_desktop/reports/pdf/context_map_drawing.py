"""The context-weighting map, drawn as vector graphics: one rectangle per context.

The same squarified treemap as the chair's screen (area = share of influence), so
the printed map looks like the one the room agreed. Each rectangle carries its
number, name, percentage and safety in words; safety is also shown by pattern
and border (plain, sparse hatch, dense hatch, dotted), never by colour alone,
because a copy may be printed in black and white or read by someone who does not
see red and green apart. A numbered legend repeats everything in text, for the
rectangles too small to hold a label and for screen readers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from roth_desktop.conference.treemap import squarify
from roth_desktop.conference.weights import percent_label
from roth_desktop.reports.pdf.fonts import BOLD, REGULAR
from roth_desktop.reports.pdf.styles import INK, MUTED

SAFETIES = ("safe", "mixed", "unsafe", "unknown")


@dataclass(frozen=True)
class Look:
    fill: colors.Color
    ink: colors.Color
    border: float
    dash: tuple[float, float] | None
    hatch: str  # none | sparse | dense | dots


LOOKS = {
    "safe": Look(colors.HexColor("#d3ecd9"), colors.HexColor("#1e6b3a"), 1.2, None, "none"),
    "mixed": Look(colors.HexColor("#fbe7ae"), colors.HexColor("#7a5200"), 1.3, (5, 2.5), "sparse"),
    "unsafe": Look(colors.HexColor("#f6cbc4"), colors.HexColor("#a61b1b"), 2.6, None, "dense"),
    "unknown": Look(colors.white, colors.HexColor("#52606d"), 1.0, (1.2, 2.4), "dots"),
}


@dataclass(frozen=True)
class MapArea:
    number: int  # the same number in every panel and in the legend
    name: str
    safety: str
    share: int  # basis points of 10,000


@dataclass(frozen=True)
class MapPanel:
    caption: str
    areas: tuple[MapArea, ...]


def number_areas(
    panels: Sequence[tuple[str, Sequence[tuple[str, str, int]]]],
) -> tuple[MapPanel, ...]:
    """Number contexts by name across panels, biggest now first, so "3" is the same context
    in the map from last time and in the map from today."""
    numbers: dict[str, int] = {}
    for _, areas in reversed(panels):  # the latest map decides the order
        for name, _, _ in sorted(areas, key=lambda a: -a[2]):
            numbers.setdefault(name, len(numbers) + 1)
    return tuple(
        MapPanel(
            caption,
            tuple(
                MapArea(numbers[name], name, safety if safety in LOOKS else "unknown", share)
                for name, safety, share in areas
            ),
        )
        for caption, areas in panels
    )


class ContextMapDrawing(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """One or two treemaps side by side (last time, now), with a key to the patterns."""

    def __init__(
        self,
        panels: Sequence[MapPanel],
        safety_labels: Mapping[str, str],
        *,
        map_height: float,
        label_size: float,
        key_title: str,
    ) -> None:
        super().__init__()
        self.panels = tuple(panels)
        self.labels = safety_labels
        self.map_height = map_height
        self.label_size = label_size
        self.key_title = key_title
        self.caption_height = label_size * 2.0 if any(p.caption for p in panels) else 0
        self.key_height = label_size * 2.6
        self.width = 0.0
        self.height = self.caption_height + map_height + self.key_height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        gap = 14.0
        count = max(1, len(self.panels))
        panel_width = (self.width - gap * (count - 1)) / count
        map_bottom = self.key_height
        for n, panel in enumerate(self.panels):
            x0 = n * (panel_width + gap)
            if panel.caption:
                canv.setFillColor(INK)
                canv.setFont(BOLD, self.label_size)
                canv.drawCentredString(
                    x0 + panel_width / 2,
                    map_bottom + self.map_height + self.label_size * 0.7,
                    panel.caption,
                )
            self._treemap(panel, x0, map_bottom, panel_width, self.map_height)
        self._key(0, 0)

    def _treemap(self, panel: MapPanel, x0: float, y0: float, w: float, h: float) -> None:
        items = [(str(a.number), float(a.share)) for a in panel.areas]
        rects = squarify(items, 0, 0, w, h)
        for area in panel.areas:
            rx, ry, rw, rh = rects[str(area.number)]
            if rw <= 0 or rh <= 0:
                continue
            # squarify measures y downwards from the top, as screens do; PDF measures upwards.
            x, y = x0 + rx, y0 + h - ry - rh
            inset = 1.5  # a white gutter so neighbouring borders never merge into one
            box = (x + inset, y + inset, rw - 2 * inset, rh - 2 * inset)
            draw_patch(self.canv, box, LOOKS[area.safety])
            self._label(area, box)

    def _label(self, area: MapArea, box: tuple[float, float, float, float]) -> None:
        x, y, w, h = box
        pad = 3.5
        room_w, room_h = w - 2 * pad - 4, h - 2 * pad
        percent = percent_label(area.share)
        tag = self.labels.get(area.safety, area.safety)
        size = self.label_size
        # Below about three-quarters of the label size, words get too small to read in
        # print: a clear number that the legend explains is better than a smudge.
        while size >= self.label_size * 0.75:
            lead = size * 1.18
            names = simpleSplit(f"{area.number}. {area.name}", BOLD, size, room_w)
            details = simpleSplit(f"{percent} · {tag}", REGULAR, size, room_w)
            lines = [(t, BOLD) for t in names] + [(t, REGULAR) for t in details]
            widest = max(stringWidth(t, font, size) for t, font in lines)
            tall = len(lines) * lead + 3
            if len(names) <= 4 and widest <= room_w and tall <= room_h:
                self._chip(x + pad, y + h - pad - tall, widest + 4, tall, lines, size, lead)
                return
            size -= 0.5
        # Too small for words: the number (and the percentage if it fits); the legend says more.
        for size, text in (
            (self.label_size, f"{area.number} · {percent}"),
            (self.label_size, str(area.number)),
            (self.label_size * 0.75, str(area.number)),
        ):
            width = stringWidth(text, BOLD, size)
            if width + 4 <= w - 2 and size * 1.3 <= h - 2:
                self._chip(
                    x + (w - width - 4) / 2,
                    y + (h - size * 1.3) / 2,
                    width + 4,
                    size * 1.3,
                    [(text, BOLD)],
                    size,
                    size * 1.18,
                )
                return

    def _chip(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        lines: list[tuple[str, str]],
        size: float,
        lead: float,
    ) -> None:
        """Text on a white label, so the hatching never runs through the letters."""
        canv: Canvas = self.canv
        canv.saveState()
        canv.setFillColor(colors.white)
        canv.roundRect(x, y, w, h, 2, stroke=0, fill=1)
        canv.setFillColor(INK)
        baseline = y + h - 1.5 - size * 0.92
        for text, font in lines:
            canv.setFont(font, size)
            canv.drawString(x + 2, baseline, text)
            baseline -= lead
        canv.restoreState()

    def _key(self, x: float, y: float) -> None:
        """A key to the patterns, so the map can be read without knowing the colours."""
        canv: Canvas = self.canv
        size = self.label_size * 0.9
        while size > 6 and self._key_width(size) > self.width:  # long Welsh labels
            size -= 0.5
        canv.setFont(BOLD, size)
        canv.setFillColor(MUTED)
        mid = y + self.key_height / 2 - size * 0.35
        canv.drawString(x, mid, self.key_title)
        cursor = x + stringWidth(self.key_title, BOLD, size) + 8
        swatch_w, swatch_h = size * 2.6, size * 1.6
        for safety in SAFETIES:
            sy = y + (self.key_height - swatch_h) / 2
            draw_patch(canv, (cursor, sy, swatch_w, swatch_h), LOOKS[safety])
            cursor += swatch_w + 4
            label = self.labels.get(safety, safety)
            canv.setFillColor(INK)
            canv.setFont(REGULAR, size)
            canv.drawString(cursor, mid, label)
            cursor += stringWidth(label, REGULAR, size) + 12

    def _key_width(self, size: float) -> float:
        labels = sum(float(stringWidth(self.labels.get(s, s), REGULAR, size)) for s in SAFETIES)
        swatches = len(SAFETIES) * (size * 2.6 + 4 + 12)
        return float(stringWidth(self.key_title, BOLD, size)) + 8 + labels + swatches


def draw_patch(canv: Canvas, box: tuple[float, float, float, float], look: Look) -> None:
    """A rectangle in one safety's look: fill, pattern and border."""
    x, y, w, h = box
    if w <= 0 or h <= 0:
        return
    canv.saveState()
    canv.setFillColor(look.fill)
    canv.rect(x, y, w, h, stroke=0, fill=1)
    if look.hatch != "none":
        path = canv.beginPath()
        path.rect(x, y, w, h)
        canv.clipPath(path, stroke=0, fill=0)
        canv.setStrokeColor(look.ink)
        canv.setFillColor(look.ink)
        if look.hatch == "dots":
            step = 7.0
            yy = y + step / 2
            while yy < y + h:
                xx = x + step / 2
                while xx < x + w:
                    canv.circle(xx, yy, 0.7, stroke=0, fill=1)
                    xx += step
                yy += step
        else:
            dense = look.hatch == "dense"
            step = 5.5 if dense else 9.0
            canv.setLineWidth(0.8 if dense else 0.6)
            canv.setStrokeAlpha(0.5 if dense else 0.45)
            offset = -h
            while offset < w:
                if dense:  # rising lines, like "/"
                    canv.line(x + offset, y, x + offset + h, y + h)
                else:  # falling lines, like "\", so the two hatches differ in print
                    canv.line(x + offset, y + h, x + offset + h, y)
                offset += step
    canv.restoreState()
    canv.saveState()
    canv.setStrokeColor(look.ink)
    canv.setLineWidth(look.border)
    if look.dash:
        canv.setDash(*look.dash)
    half = look.border / 2
    canv.rect(x + half, y + half, w - look.border, h - look.border, stroke=1, fill=0)
    canv.restoreState()
