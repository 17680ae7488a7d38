"""How much each context (home, school, neighbourhood, online…) weighs in a conference.

Shares are whole basis points (``TOTAL`` = 10000 = 100%) keyed by context id.
Whole numbers, not floats, so that what is saved, shown and summed is exactly
the same everywhere: a map that says 100% must add up to 100%, even after a
long meeting of small adjustments.

Every function returns a new dict whose values sum to exactly ``TOTAL`` (when
there is anything at all) with each value at least ``MIN_SHARE``, so every
context stays visible and clickable on the map however small it is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from roth_desktop.errors import RothError

TOTAL = 10_000
MIN_SHARE = 100
MAX_CONTEXTS = TOTAL // MIN_SHARE


class WeightsError(RothError, ValueError):
    """Weights that cannot be shown on the map; the message is meant for the chair."""


def _check_count(count: int) -> None:
    if count > MAX_CONTEXTS:
        raise WeightsError(
            f"The map can show at most {MAX_CONTEXTS} contexts, so that each one "
            "stays big enough to see."
        )


def _exact(raw: Mapping[str, float]) -> dict[str, Fraction]:
    """Check the numbers and turn them into exact fractions.

    Exact arithmetic makes the rounding the same on every machine and keeps huge
    or tiny inputs from overflowing or vanishing.
    """
    exact: dict[str, Fraction] = {}
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise WeightsError("Weights must be numbers of zero or more.")
        if isinstance(value, float) and not math.isfinite(value):
            raise WeightsError("Weights must be numbers of zero or more.")
        if value < 0:
            raise WeightsError("Weights must be numbers of zero or more.")
        exact[key] = Fraction(value)
    return exact


def _distribute(weights: Mapping[str, Fraction], amount: int) -> dict[str, int]:
    """Split ``amount`` among ``weights`` in proportion, each getting at least MIN_SHARE.

    Contexts whose proportional part would fall below the floor are held at the
    floor and the rest shared among the others ("water filling"), so contexts
    above the floor keep their proportions exactly, apart from rounding.
    Rounding is largest remainder, ties to the smaller key, so it is
    deterministic and the parts add up to ``amount`` exactly.
    """
    if not weights:
        return {}
    assert amount >= MIN_SHARE * len(weights)
    if sum(weights.values()) == 0:
        weights = dict.fromkeys(weights, Fraction(1))
    floored: set[str] = set()
    while True:
        free = {k: w for k, w in weights.items() if k not in floored}
        room = amount - MIN_SHARE * len(floored)
        total = sum(free.values(), Fraction(0))
        if not free:
            break
        if total == 0:
            # Only zero weights are left above the floor: share the room equally.
            free = dict.fromkeys(free, Fraction(1))
            total = Fraction(len(free))
        below = {k for k, w in free.items() if room * w / total < MIN_SHARE}
        if not below:
            break
        floored |= below
    result = dict.fromkeys(floored, MIN_SHARE)
    if free:
        quotas = {k: room * w / total for k, w in free.items()}
        whole = {k: math.floor(q) for k, q in quotas.items()}
        left = room - sum(whole.values())
        by_remainder = sorted(free, key=lambda k: (-(quotas[k] - whole[k]), k))
        for key in by_remainder[:left]:
            whole[key] += 1
        result.update(whole)
    # Keep the caller's order so that lists built from the result do not jump about.
    return {key: result[key] for key in weights}


def normalise(raw: Mapping[str, float]) -> dict[str, int]:
    """Any non-negative numbers as shares summing to exactly TOTAL, each at least MIN_SHARE.

    All zeros give an equal split; an empty mapping gives an empty dict.
    """
    exact = _exact(raw)
    _check_count(len(exact))
    return _distribute(exact, TOTAL)


def _bounds(count: int) -> tuple[int, int]:
    """The smallest and largest share one of ``count`` contexts can have."""
    if count == 1:
        return TOTAL, TOTAL  # a lone context is the whole picture, whatever is asked
    return MIN_SHARE, TOTAL - MIN_SHARE * (count - 1)


def _whole(share: float) -> int:
    """A share as a whole number of basis points; a float (from a slider, say) is rounded."""
    if isinstance(share, bool) or not isinstance(share, int | float):
        raise WeightsError("A share must be a number.")
    if isinstance(share, int):
        return share
    if not math.isfinite(share):
        raise WeightsError("A share must be a number.")
    return round(share)


def set_share(shares: Mapping[str, int], key: str, share: int) -> dict[str, int]:
    """``key`` takes ``share`` (kept within what leaves every other context its floor).

    The other contexts keep their relative sizes and fill what is left. Raises
    KeyError for a context that is not on the map.
    """
    exact = _exact(shares)
    _check_count(len(exact))
    if key not in exact:
        raise KeyError(key)
    low, high = _bounds(len(exact))
    target = min(max(_whole(share), low), high)
    others = _distribute({k: w for k, w in exact.items() if k != key}, TOTAL - target)
    return {k: target if k == key else others[k] for k in exact}


def nudge(shares: Mapping[str, int], key: str, delta: int) -> dict[str, int]:
    """Grow (positive ``delta``) or shrink ``key`` by ``delta`` basis points."""
    return set_share(shares, key, shares[key] + _whole(delta))


def add(shares: Mapping[str, int], key: str, share: int | None = None) -> dict[str, int]:
    """A new context with ``share`` (or an equal share); the others shrink in proportion."""
    exact = _exact(shares)
    if key in exact:
        raise WeightsError("That context is already on the map.")
    _check_count(len(exact) + 1)
    low, high = _bounds(len(exact) + 1)
    target = TOTAL // (len(exact) + 1) if share is None else _whole(share)
    target = min(max(target, low), high)
    result = _distribute(exact, TOTAL - target)
    result[key] = target
    return result


def remove(shares: Mapping[str, int], key: str) -> dict[str, int]:
    """Take ``key`` off the map; the others grow in proportion. Raises KeyError if absent."""
    exact = _exact(shares)
    if key not in exact:
        raise KeyError(key)
    del exact[key]
    _check_count(len(exact))
    return _distribute(exact, TOTAL)


def percent_label(share: int) -> str:
    """``share`` as a whole percentage for people, rounding halves up: 3550 → "36%"."""
    return f"{(_whole(share) + 50) // 100}%"


def most_influential(shares: Mapping[str, int]) -> str | None:
    """The context with the largest share (the first key on a tie), or None if empty."""
    if not shares:
        return None
    return min(shares, key=lambda k: (-shares[k], k))
