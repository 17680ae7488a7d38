"""The squarified treemap layout (Bruls, Huizing and van Wijk, 2000).

Rectangles whose areas are proportional to their values and whose sides are
kept as close to square as the algorithm can manage, because squares are
easier to read, to label and to touch than slivers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Rect = tuple[float, float, float, float]  # x, y, width, height


def _worst(row: Sequence[float], side: float) -> float:
    """The worst aspect ratio in ``row`` if laid along a side of length ``side``."""
    total = sum(row)
    return max(
        max(side * side * area / (total * total), (total * total) / (side * side * area))
        for area in row
    )


def squarify(
    items: Sequence[tuple[str, float]], x: float, y: float, w: float, h: float
) -> dict[str, Rect]:
    """Tile the box (x, y, w, h) with one rectangle per item, area proportional to value.

    Deterministic: items are laid out largest first, ties in the order given.
    The rectangles cover the box exactly (the last one in each strip runs to the
    strip's edge, so rounding errors never leave a gap or an overlap). Items of
    value zero get an empty rectangle at the bottom-right corner; if every
    value is zero they are treated as equal.
    """
    keys = [key for key, _ in items]
    if len(set(keys)) != len(keys):
        raise ValueError("Each item needs its own key.")
    for _, value in items:
        if not math.isfinite(value) or value < 0:
            raise ValueError("Values must be finite numbers of zero or more.")
    if not (math.isfinite(w) and math.isfinite(h)) or w < 0 or h < 0:
        raise ValueError("The box must have a finite, non-negative size.")
    if not items:
        return {}
    x, y, w, h = float(x), float(y), float(w), float(h)
    if w == 0 or h == 0:
        return {key: (x, y, 0.0, 0.0) for key in keys}
    largest = max(float(v) for _, v in items)
    # Dividing by the largest first keeps huge values from overflowing the sum.
    values = [float(v) / largest for _, v in items] if largest else [1.0] * len(items)
    scale = w * h / sum(values)
    areas = [v * scale for v in values]
    rects: dict[str, Rect] = {}
    for key, area in zip(keys, areas, strict=True):
        if area == 0:  # zero, or too small to be told apart from zero
            rects[key] = (x + w, y + h, 0.0, 0.0)
    order = sorted((i for i in range(len(items)) if areas[i] > 0), key=lambda i: (-areas[i], i))
    queue = [(keys[i], areas[i]) for i in order]

    rx, ry, rw, rh = x, y, w, h
    row: list[tuple[str, float]] = []
    index = 0
    while index < len(queue):
        side = min(rw, rh)
        candidate = [*row, queue[index]]
        if not row or _worst([a for _, a in candidate], side) <= _worst([a for _, a in row], side):
            row = candidate
            index += 1
            continue
        rx, ry, rw, rh = _lay_row(row, rx, ry, rw, rh, last=False, out=rects)
        row = []
    _lay_row(row, rx, ry, rw, rh, last=True, out=rects)
    return rects


def _lay_row(
    row: Sequence[tuple[str, float]],
    rx: float,
    ry: float,
    rw: float,
    rh: float,
    *,
    last: bool,
    out: dict[str, Rect],
) -> Rect:
    """Lay ``row`` along the shorter side of the free box; return the box left over.

    The last row takes the whole of what is left, so the tiling closes exactly.
    """
    area = sum(a for _, a in row)
    if rw >= rh:
        # A column down the left-hand side.
        thick = rw if last else min(rw, area / rh)
        cursor = ry
        for n, (key, a) in enumerate(row):
            length = (ry + rh - cursor) if n == len(row) - 1 else a / thick
            out[key] = (rx, cursor, thick, length)
            cursor += length
        return rx + thick, ry, rw - thick, rh
    # A strip across the top.
    thick = rh if last else min(rh, area / rw)
    cursor = rx
    for n, (key, a) in enumerate(row):
        length = (rx + rw - cursor) if n == len(row) - 1 else a / thick
        out[key] = (cursor, ry, length, thick)
        cursor += length
    return rx, ry + thick, rw, rh - thick
