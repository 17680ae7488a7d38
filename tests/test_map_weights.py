"""The context map's arithmetic: shares always add up to 100%, and the layout tiles.

Property tests, because a chair will make long, unplanned runs of small
changes in a meeting and the map must still add up at the end of every one.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from roth_desktop.conference import treemap, weights
from roth_desktop.conference.weights import MIN_SHARE, TOTAL, WeightsError

KEYS = st.sampled_from([f"ctx-{n}" for n in range(12)])
SHARES = st.integers(min_value=-2 * TOTAL, max_value=3 * TOTAL)
RAW = st.one_of(
    st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from([0.0, 5e-324, 1e-300, 1e300, 1.7e308]),
)


def assert_valid(shares: dict[str, int]) -> None:
    if not shares:
        return
    assert sum(shares.values()) == TOTAL
    assert min(shares.values()) >= MIN_SHARE
    assert all(type(v) is int for v in shares.values())


def assert_proportional(before: dict[str, float], after: dict[str, int]) -> None:
    """Contexts above the floor keep their relative sizes, apart from rounding.

    If after = c * before + e with |e| < 1 for each, then
    |after_i * before_j - after_j * before_i| < before_i + before_j.
    A context held at the floor must have been proportionally no bigger than
    the floor (plus one unit of rounding).
    """
    for a, b in itertools.permutations(before, 2):
        ba, bb = Fraction(before[a]), Fraction(before[b])
        if after[a] > MIN_SHARE and after[b] > MIN_SHARE:
            assert abs(after[a] * bb - after[b] * ba) <= ba + bb, (a, b)
        if after[a] == MIN_SHARE and after[b] > MIN_SHARE:
            assert ba * after[b] < (MIN_SHARE + 1) * bb + ba, (a, b)


# -- normalise ------------------------------------------------------------------------


@given(st.dictionaries(KEYS, RAW, max_size=12))
def test_normalise_sums_to_total_keeps_floor_and_proportions(raw: dict[str, float]) -> None:
    shares = weights.normalise(raw)
    assert set(shares) == set(raw)
    assert_valid(shares)
    if any(raw.values()):
        assert_proportional(raw, shares)


@given(st.dictionaries(KEYS, RAW, min_size=2, max_size=12))
def test_normalise_is_monotone_and_ignores_key_order(raw: dict[str, float]) -> None:
    shares = weights.normalise(raw)
    assert weights.normalise(dict(reversed(list(raw.items())))) == shares
    for a, b in itertools.permutations(raw, 2):
        if raw[a] > raw[b]:
            assert shares[a] >= shares[b]


@given(st.dictionaries(KEYS, st.integers(1, 50), min_size=1, max_size=12))
def test_normalise_leaves_valid_shares_alone(raw: dict[str, int]) -> None:
    shares = weights.normalise(raw)
    assert weights.normalise(shares) == shares


def test_normalise_all_zero_is_an_equal_split_with_the_spare_to_the_first_keys() -> None:
    assert weights.normalise({"b": 0, "a": 0, "c": 0}) == {"b": 3333, "a": 3334, "c": 3333}
    assert weights.normalise({}) == {}
    assert weights.normalise({"only": 0.0}) == {"only": TOTAL}


def test_normalise_lifts_tiny_contexts_to_the_floor() -> None:
    shares = weights.normalise({"home": 1000.0, "school": 1.0, "online": 0.0})
    assert shares == {"home": 9800, "school": MIN_SHARE, "online": MIN_SHARE}


@pytest.mark.parametrize("bad", [-1.0, -0.0001, math.nan, math.inf, -math.inf])
def test_normalise_refuses_weights_that_are_not_numbers_of_zero_or_more(bad: float) -> None:
    with pytest.raises(WeightsError) as caught:
        weights.normalise({"home": 1.0, "park": bad})
    assert str(caught.value) == "Weights must be numbers of zero or more."


def test_normalise_refuses_text_and_more_contexts_than_fit() -> None:
    with pytest.raises(WeightsError, match="zero or more"):
        weights.normalise({"home": "lots"})  # type: ignore[dict-item]
    assert_valid(weights.normalise({str(n): 1 for n in range(100)}))
    with pytest.raises(WeightsError, match="at most 100 contexts"):
        weights.normalise({str(n): 1 for n in range(101)})


# -- set_share, nudge, add, remove ----------------------------------------------------


@st.composite
def valid_shares(draw: st.DrawFn, min_size: int = 1) -> dict[str, int]:
    raw = draw(st.dictionaries(KEYS, RAW, min_size=min_size, max_size=12))
    return weights.normalise(raw)


@given(valid_shares(), st.data())
def test_set_share_gives_exactly_the_target_when_within_bounds(
    shares: dict[str, int], data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(shares)))
    target = data.draw(SHARES)
    result = weights.set_share(shares, key, target)
    assert_valid(result)
    assert list(result) == list(shares)
    low, high = MIN_SHARE, TOTAL - MIN_SHARE * (len(shares) - 1)
    if len(shares) == 1:
        assert result == {key: TOTAL}
    elif low <= target <= high:
        assert result[key] == target
    else:
        assert result[key] == (low if target < low else high)
    others = {k: float(v) for k, v in shares.items() if k != key}
    assert_proportional(others, {k: result[k] for k in others})


@given(valid_shares(), st.data())
def test_nudge_is_set_share_from_the_current_share(
    shares: dict[str, int], data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(shares)))
    delta = data.draw(st.integers(-TOTAL, TOTAL))
    assert weights.nudge(shares, key, delta) == weights.set_share(shares, key, shares[key] + delta)


@given(valid_shares(min_size=0), KEYS, st.one_of(st.none(), SHARES))
def test_add_makes_room_in_proportion(shares: dict[str, int], key: str, share: int | None) -> None:
    if key in shares:
        with pytest.raises(WeightsError, match="already on the map"):
            weights.add(shares, key, share)
        return
    result = weights.add(shares, key, share)
    assert_valid(result)
    assert set(result) == {*shares, key}
    if not shares:
        assert result == {key: TOTAL}
    elif share is None:
        assert result[key] == max(TOTAL // (len(shares) + 1), MIN_SHARE)
    elif MIN_SHARE <= share <= TOTAL - MIN_SHARE * len(shares):
        assert result[key] == share
    assert_proportional({k: float(v) for k, v in shares.items()}, result)


@given(valid_shares(), st.data())
def test_remove_shares_the_space_out_in_proportion(
    shares: dict[str, int], data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(shares)))
    result = weights.remove(shares, key)
    assert_valid(result)
    assert set(result) == set(shares) - {key}
    assert all(result[k] >= shares[k] for k in result)
    assert_proportional({k: float(v) for k, v in shares.items() if k != key}, result)


def test_examples_a_chair_would_recognise() -> None:
    shares = {"home": 2000, "school": 4000, "park": 4000}
    assert weights.set_share(shares, "home", 6000) == {"home": 6000, "school": 2000, "park": 2000}
    assert weights.nudge(shares, "park", 500) == {"home": 1833, "school": 3667, "park": 4500}
    assert weights.add(shares, "online") == {
        "home": 1500,
        "school": 3000,
        "park": 3000,
        "online": 2500,
    }
    assert weights.remove(shares, "home") == {"school": 5000, "park": 5000}
    assert weights.remove({"home": TOTAL}, "home") == {}
    assert weights.set_share({"home": TOTAL}, "home", 3) == {"home": TOTAL}
    assert weights.set_share(shares, "home", 0)["home"] == MIN_SHARE
    assert weights.set_share(shares, "home", TOTAL)["home"] == TOTAL - 2 * MIN_SHARE


def test_unknown_contexts_and_duplicates_are_refused() -> None:
    shares = {"home": 5000, "school": 5000}
    with pytest.raises(KeyError):
        weights.set_share(shares, "park", 100)
    with pytest.raises(KeyError):
        weights.nudge(shares, "park", 100)
    with pytest.raises(KeyError):
        weights.remove(shares, "park")
    with pytest.raises(WeightsError, match="already on the map"):
        weights.add(shares, "home")
    with pytest.raises(WeightsError, match="a number"):
        weights.set_share(shares, "home", math.nan)  # type: ignore[arg-type]
    full = weights.normalise({str(n): 1 for n in range(100)})
    with pytest.raises(WeightsError, match="at most 100 contexts"):
        weights.add(full, "one more")


def test_functions_never_change_what_they_are_given() -> None:
    shares = {"home": 2000, "school": 4000, "park": 4000}
    copy = dict(shares)
    weights.set_share(shares, "home", 7000)
    weights.nudge(shares, "home", -500)
    weights.add(shares, "online")
    weights.remove(shares, "park")
    weights.normalise(shares)
    assert shares == copy


def test_percent_label_and_most_influential() -> None:
    assert weights.percent_label(3500) == "35%"
    assert weights.percent_label(3549) == "35%"
    assert weights.percent_label(3550) == "36%"
    assert weights.percent_label(MIN_SHARE) == "1%"
    assert weights.percent_label(TOTAL) == "100%"
    assert weights.most_influential({}) is None
    assert weights.most_influential({"home": 2000, "park": 4000, "school": 4000}) == "park"


def test_a_weights_error_is_a_value_error_with_a_sentence_for_the_chair() -> None:
    with pytest.raises(ValueError) as caught:
        weights.normalise({"home": -3})
    assert isinstance(caught.value, WeightsError)
    message = str(caught.value)
    assert message[0].isupper() and message.endswith(".")
    assert "home" not in message and "-3" not in message


# -- any run of operations ------------------------------------------------------------


class ChairSession(RuleBasedStateMachine):
    """A chair doing anything, in any order; the map must add up after every step."""

    def __init__(self) -> None:
        super().__init__()
        self.shares: dict[str, int] = {}

    @initialize(raw=st.dictionaries(KEYS, RAW, max_size=6))
    def start(self, raw: dict[str, float]) -> None:
        self.shares = weights.normalise(raw)

    @rule(key=KEYS, share=st.one_of(st.none(), SHARES))
    def add(self, key: str, share: int | None) -> None:
        if key in self.shares:
            with pytest.raises(WeightsError):
                weights.add(self.shares, key, share)
            return
        self.shares = weights.add(self.shares, key, share)

    @rule(key=KEYS)
    def remove(self, key: str) -> None:
        if key not in self.shares:
            with pytest.raises(KeyError):
                weights.remove(self.shares, key)
            return
        self.shares = weights.remove(self.shares, key)
        assert key not in self.shares

    @rule(key=KEYS, share=SHARES)
    def set_share(self, key: str, share: int) -> None:
        if key not in self.shares:
            with pytest.raises(KeyError):
                weights.set_share(self.shares, key, share)
            return
        before = self.shares
        self.shares = weights.set_share(before, key, share)
        if MIN_SHARE <= share <= TOTAL - MIN_SHARE * (len(before) - 1) and len(before) > 1:
            assert self.shares[key] == share

    @rule(key=KEYS, delta=st.sampled_from([-500, -100, -1, 1, 100, 500, 9999, -9999]))
    def nudge(self, key: str, delta: int) -> None:
        if key not in self.shares:
            return
        before = self.shares[key]
        self.shares = weights.nudge(self.shares, key, delta)
        if len(self.shares) > 1:
            assert (self.shares[key] - before) * delta >= 0  # never moves the wrong way

    @rule()
    def normalise_again(self) -> None:
        assert weights.normalise(self.shares) == self.shares

    @rule(raw=st.dictionaries(KEYS, RAW, max_size=12))
    def normalise_new(self, raw: dict[str, float]) -> None:
        self.shares = weights.normalise(raw)

    @invariant()
    def adds_up(self) -> None:
        assert_valid(self.shares)
        top = weights.most_influential(self.shares)
        if self.shares:
            assert top is not None and self.shares[top] == max(self.shares.values())
        else:
            assert top is None


ChairSession.TestCase.settings = settings(max_examples=150, stateful_step_count=40)
TestChairSession = ChairSession.TestCase


# -- the treemap ----------------------------------------------------------------------


def overlap(a: treemap.Rect, b: treemap.Rect) -> float:
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(width, 0.0) * max(height, 0.0)


ITEMS = st.lists(
    st.tuples(KEYS, st.floats(min_value=0.01, max_value=1e4)),
    min_size=1,
    max_size=12,
    unique_by=lambda item: item[0],
)
SIDE = st.floats(min_value=1, max_value=2000)


@given(ITEMS, st.floats(-500, 500), st.floats(-500, 500), SIDE, SIDE)
def test_treemap_tiles_the_box_in_proportion(
    items: list[tuple[str, float]], x: float, y: float, w: float, h: float
) -> None:
    rects = treemap.squarify(items, x, y, w, h)
    assert set(rects) == {key for key, _ in items}
    box = w * h
    areas = {key: r[2] * r[3] for key, r in rects.items()}
    assert math.isclose(sum(areas.values()), box, rel_tol=1e-9, abs_tol=1e-6)
    total = sum(value for _, value in items)
    eps = 1e-7 * max(w, h)
    for key, value in items:
        rx, ry, rw, rh = rects[key]
        assert rw >= 0 and rh >= 0
        assert rx >= x - eps and ry >= y - eps
        assert rx + rw <= x + w + eps and ry + rh <= y + h + eps
        assert math.isclose(areas[key], box * value / total, rel_tol=1e-6, abs_tol=1e-6)
    for a, b in itertools.combinations(rects.values(), 2):
        assert overlap(a, b) <= 1e-6 * box


@given(ITEMS, SIDE, SIDE)
def test_treemap_is_deterministic(items: list[tuple[str, float]], w: float, h: float) -> None:
    assert treemap.squarify(items, 0, 0, w, h) == treemap.squarify(list(items), 0, 0, w, h)


def test_treemap_matches_the_worked_example_in_the_paper() -> None:
    # Bruls, Huizing and van Wijk (2000), figure 3: values 6 6 4 3 2 2 1 in a 6 x 4 box.
    rects = treemap.squarify(
        [("a", 6), ("b", 6), ("c", 4), ("d", 3), ("e", 2), ("f", 2), ("g", 1)], 0, 0, 6, 4
    )
    assert rects["a"] == pytest.approx((0, 0, 3, 2))
    assert rects["b"] == pytest.approx((0, 2, 3, 2))
    assert rects["c"] == pytest.approx((3, 0, 12 / 7, 7 / 3))
    assert rects["d"] == pytest.approx((3 + 12 / 7, 0, 9 / 7, 7 / 3))
    assert rects["g"] == pytest.approx((5.4, 7 / 3, 0.6, 5 / 3))


def test_treemap_edge_cases() -> None:
    assert treemap.squarify([], 0, 0, 10, 10) == {}
    assert treemap.squarify([("a", 5)], 1, 2, 10, 20) == {"a": (1, 2, 10, 20)}
    equal = treemap.squarify([("a", 0), ("b", 0)], 0, 0, 10, 10)
    assert sum(r[2] * r[3] for r in equal.values()) == pytest.approx(100)
    some_zero = treemap.squarify([("a", 3), ("b", 0)], 0, 0, 10, 10)
    assert some_zero["b"][2] * some_zero["b"][3] == 0
    assert some_zero["a"] == pytest.approx((0, 0, 10, 10))
    with pytest.raises(ValueError):
        treemap.squarify([("a", -1)], 0, 0, 10, 10)
    with pytest.raises(ValueError):
        treemap.squarify([("a", math.nan)], 0, 0, 10, 10)
    with pytest.raises(ValueError):
        treemap.squarify([("a", 1), ("a", 2)], 0, 0, 10, 10)
