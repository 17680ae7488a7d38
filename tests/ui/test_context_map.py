"""The context-weighting map, driven the way a chair drives it: keys, mouse, wheel, touch.

Each test checks what a person would see or what the caller would be told
(the shares emitted, the signals, the words read out), not that code ran.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, SignalInstance
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QImage,
    QKeySequence,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from roth_desktop.conference.weights import MIN_SHARE, TOTAL
from tests.helpers.common import REPO
from ui.context_map import ContextMap, MapArea, MapLink
from ui.i18n import language

# Fictional contexts for a fictional young person.
AREAS = [
    MapArea("home", "Home and family", "safe", 2000),
    MapArea("school", "School and college", "mixed", 1500),
    MapArea("hood", "Neighbourhood and public places", "unsafe", 4000),
    MapArea("online", "Online and social media", "unknown", 1000),
    MapArea("friends", "Friendships and peer group", "unsafe", 1500),
]
LINKS = [
    MapLink("l1", "hood", "online", "same older group"),
    MapLink("l2", "school", "hood", "walks home via the park"),
]
WELSH = {"safe": "Diogel", "unsafe": "Anniogel", "mixed": "Cymysg", "unknown": "Ddim yn hysbys eto"}


def record(signal: SignalInstance) -> list[tuple[Any, ...]]:
    seen: list[tuple[Any, ...]] = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def centre(widget: ContextMap, area_id: str) -> QPoint:
    return widget.area_rect(area_id).center().toPoint()


def assert_adds_up(shares: dict[str, int]) -> None:
    assert sum(shares.values()) == TOTAL
    assert min(shares.values()) >= MIN_SHARE


@pytest.fixture
def cmap(qtbot: QtBot) -> ContextMap:
    widget = ContextMap()
    qtbot.addWidget(widget)
    widget.set_map(AREAS, LINKS)
    widget.resize(720, 460)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- keyboard -------------------------------------------------------------------------


def test_plus_and_minus_grow_and_shrink_the_selected_area(cmap: ContextMap) -> None:
    changes = record(cmap.shares_changed)
    cmap.select("home")
    steps: list[tuple[Qt.Key, Qt.KeyboardModifier, int]] = [
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier, 2500),
        # "+" needs Shift on most keyboards, so Shift+"+" is still the big step.
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier, 3000),
        (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier, 2500),
        (Qt.Key.Key_Minus, Qt.KeyboardModifier.ShiftModifier, 2400),
        (Qt.Key.Key_Equal, Qt.KeyboardModifier.NoModifier, 2900),
        (Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier, 3000),
        (Qt.Key.Key_Underscore, Qt.KeyboardModifier.ShiftModifier, 2900),
    ]
    for key, modifier, expected in steps:
        before = cmap.shares()
        QTest.keyClick(cmap, key, modifier)
        shares = changes[-1][0]
        assert_adds_up(shares)
        assert shares["home"] == expected
        assert cmap.shares() == shares  # shown at once, without waiting for the caller
        # Everyone else moved the other way, and a bigger one stayed bigger.
        others = [k for k in shares if k != "home"]
        grew = shares["home"] > before["home"]
        assert all((shares[k] <= before[k]) if grew else (shares[k] >= before[k]) for k in others)
        for a in others:
            for b in others:
                if before[a] > before[b]:
                    assert shares[a] >= shares[b]
    assert len(changes) == len(steps)
    assert "Home and family — Safe — 29%" in cmap.describe()


def test_keys_ask_for_add_rename_remove(cmap: ContextMap) -> None:
    added = record(cmap.add_requested)
    renamed = record(cmap.rename_requested)
    removed = record(cmap.remove_requested)
    cmap.select("school")
    QTest.keyClick(cmap, Qt.Key.Key_Insert)
    QTest.keyClick(cmap, Qt.Key.Key_N)
    QTest.keyClick(cmap, Qt.Key.Key_F2)
    QTest.keyClick(cmap, Qt.Key.Key_Return)
    QTest.keyClick(cmap, Qt.Key.Key_Delete)
    assert len(added) == 2
    assert renamed == [("school",), ("school",)]
    assert removed == [("school",)]


def test_keys_never_act_on_an_area_nobody_has_seen_selected(cmap: ContextMap) -> None:
    removed = record(cmap.remove_requested)
    changes = record(cmap.shares_changed)
    cmap.select(None)
    QTest.keyClick(cmap, Qt.Key.Key_Delete)
    assert removed == []
    assert cmap.selected_id() is not None  # the first press only selects
    QTest.keyClick(cmap, Qt.Key.Key_Delete)
    assert removed == [(cmap.selected_id(),)]
    cmap.set_map([], [])
    added = record(cmap.add_requested)
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Delete, Qt.Key.Key_Right, Qt.Key.Key_Insert):
        QTest.keyClick(cmap, key)
    assert len(added) == 1
    assert changes == []


def test_arrows_move_through_the_areas_in_reading_order(cmap: ContextMap) -> None:
    rects = cmap.area_rects()
    reading = sorted(rects, key=lambda k: (round(rects[k].top()), round(rects[k].left())))
    chosen = record(cmap.selection_changed)
    cmap.select(reading[0])
    visited = [cmap.selected_id()]
    for _ in range(len(reading) + 2):  # two extra presses: it stops at the end
        QTest.keyClick(cmap, Qt.Key.Key_Right)
        visited.append(cmap.selected_id())
    assert visited[: len(reading)] == reading
    assert visited[-1] == reading[-1]
    QTest.keyClick(cmap, Qt.Key.Key_Up)
    assert cmap.selected_id() == reading[-2]
    QTest.keyClick(cmap, Qt.Key.Key_Home)
    assert cmap.selected_id() == reading[0]
    QTest.keyClick(cmap, Qt.Key.Key_End)
    assert cmap.selected_id() == reading[-1]
    assert chosen[-1] == (reading[-1],)


def test_link_mode_by_keyboard_emits_source_and_target(cmap: ContextMap) -> None:
    links = record(cmap.link_requested)
    renamed = record(cmap.rename_requested)
    cmap.select("hood")
    QTest.keyClick(cmap, Qt.Key.Key_L)
    assert cmap.in_link_mode()
    assert "Linking from Neighbourhood and public places" in cmap.accessibleDescription()
    QTest.keyClick(cmap, Qt.Key.Key_Return)  # the source itself: still choosing
    assert links == [] and cmap.in_link_mode()
    QTest.keyClick(cmap, Qt.Key.Key_Right)
    target = cmap.selected_id()
    assert target not in (None, "hood")
    QTest.keyClick(cmap, Qt.Key.Key_Return)
    assert links == [("hood", target)]
    assert renamed == []
    assert not cmap.in_link_mode()

    QTest.keyClick(cmap, Qt.Key.Key_L)
    QTest.keyClick(cmap, Qt.Key.Key_Escape)
    assert not cmap.in_link_mode()
    QTest.keyClick(cmap, Qt.Key.Key_Left)
    QTest.keyClick(cmap, Qt.Key.Key_Return)
    assert len(links) == 1  # Escape really did stop it: Enter renames instead
    assert renamed == [(cmap.selected_id(),)]


def test_map_keys_win_over_window_shortcuts_but_ctrl_l_still_locks(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    cmap = ContextMap(window)
    QVBoxLayout(window).addWidget(cmap)
    cmap.set_map(AREAS, LINKS)
    window.resize(700, 450)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    cmap.setFocus()
    qtbot.waitUntil(cmap.hasFocus)
    fired: list[str] = []
    for sequence in ("Delete", "Ctrl+L"):
        shortcut = QShortcut(QKeySequence(sequence), window)
        shortcut.activated.connect(lambda s=sequence: fired.append(s))
    removed = record(cmap.remove_requested)
    cmap.select("online")
    QTest.keyClick(cmap, Qt.Key.Key_Delete)
    QTest.keyClick(cmap, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert removed == [("online",)]
    assert fired == ["Ctrl+L"]
    assert not cmap.in_link_mode()


# -- mouse ----------------------------------------------------------------------------


def test_drag_up_resizes_live_and_emits_once_on_release(qtbot: QtBot, cmap: ContextMap) -> None:
    changes = record(cmap.shares_changed)
    start = centre(cmap, "online")
    qtbot.mousePress(cmap, Qt.MouseButton.LeftButton, pos=start)
    assert cmap.selected_id() == "online"
    shown = []
    for rise in range(20, 101, 20):
        qtbot.mouseMove(cmap, start - QPoint(0, rise))
        shown.append(cmap.shares()["online"])
    assert changes == []  # nothing until the gesture ends: one undo step
    assert shown == sorted(shown) and shown[-1] > 1000  # it grew as the pointer moved
    qtbot.mouseRelease(cmap, Qt.MouseButton.LeftButton, pos=start - QPoint(0, 100))
    assert len(changes) == 1
    shares = changes[0][0]
    assert_adds_up(shares)
    # 100 px of a 452 px map is 22% of 100%, snapped to whole percent.
    assert shares["online"] == 3200
    assert cmap.shares() == shares


def test_drag_down_shrinks_and_escape_cancels_a_drag(qtbot: QtBot, cmap: ContextMap) -> None:
    changes = record(cmap.shares_changed)
    start = centre(cmap, "hood")
    qtbot.mousePress(cmap, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(cmap, start + QPoint(0, 60))
    assert cmap.shares()["hood"] < 4000
    QTest.keyClick(cmap, Qt.Key.Key_Escape)
    assert cmap.shares()["hood"] == 4000
    qtbot.mouseRelease(cmap, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 60))
    assert changes == []

    qtbot.mousePress(cmap, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(cmap, start + QPoint(0, 45))
    qtbot.mouseRelease(cmap, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 45))
    assert len(changes) == 1 and changes[0][0]["hood"] == 3000
    assert_adds_up(changes[0][0])


def test_a_click_selects_without_changing_shares(qtbot: QtBot, cmap: ContextMap) -> None:
    changes = record(cmap.shares_changed)
    chosen = record(cmap.selection_changed)
    qtbot.mouseClick(cmap, Qt.MouseButton.LeftButton, pos=centre(cmap, "friends"))
    assert cmap.selected_id() == "friends"
    assert chosen == [("friends",)]
    assert changes == []


def test_double_click_asks_to_rename(qtbot: QtBot, cmap: ContextMap) -> None:
    renamed = record(cmap.rename_requested)
    qtbot.mouseDClick(cmap, Qt.MouseButton.LeftButton, pos=centre(cmap, "school"))
    assert renamed == [("school",)]


def wheel(widget: QWidget, pos: QPoint, notches: float) -> None:
    point = QPointF(pos)
    event = QWheelEvent(
        point,
        QPointF(widget.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, round(120 * notches)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_nudges_the_area_under_the_pointer_by_one_percent(cmap: ContextMap) -> None:
    changes = record(cmap.shares_changed)
    wheel(cmap, centre(cmap, "school"), 1)
    assert cmap.selected_id() == "school"
    assert changes[-1][0]["school"] == 1600
    wheel(cmap, centre(cmap, "school"), -2)
    assert changes[-1][0]["school"] == 1400
    wheel(cmap, centre(cmap, "school"), 0.5)  # half a notch, as touchpads send
    assert len(changes) == 2
    wheel(cmap, centre(cmap, "school"), 0.5)
    assert len(changes) == 3 and changes[-1][0]["school"] == 1500
    for shares in changes:
        assert_adds_up(shares[0])


def test_corner_buttons_are_big_enough_and_nudge_by_five_percent(
    qtbot: QtBot, cmap: ContextMap
) -> None:
    changes = record(cmap.shares_changed)
    cmap.select("online")
    buttons = cmap.step_buttons()
    assert buttons is not None
    minus, plus = buttons
    for button in buttons:
        assert button.width() >= 32 and button.height() >= 32
        assert QRectF(cmap.rect()).contains(button)
    qtbot.mouseClick(cmap, Qt.MouseButton.LeftButton, pos=plus.center().toPoint())
    assert changes[-1][0]["online"] == 1500
    # The area changed size, but the buttons stay under the finger for the next tap.
    assert cmap.step_buttons() == buttons
    qtbot.mouseClick(cmap, Qt.MouseButton.LeftButton, pos=plus.center().toPoint())
    assert changes[-1][0]["online"] == 2000
    qtbot.mouseClick(cmap, Qt.MouseButton.LeftButton, pos=minus.center().toPoint())
    assert changes[-1][0]["online"] == 1500
    assert len(changes) == 3
    assert cmap.selected_id() == "online"
    # Touching anywhere else lets them follow the area again.
    qtbot.mouseClick(cmap, Qt.MouseButton.LeftButton, pos=centre(cmap, "online"))
    moved = cmap.step_buttons()
    assert moved is not None
    assert cmap.area_rect("online").contains(moved[1])


def test_shift_drag_from_one_area_to_another_asks_for_a_link(
    qtbot: QtBot, cmap: ContextMap
) -> None:
    links = record(cmap.link_requested)
    changes = record(cmap.shares_changed)
    shift = Qt.KeyboardModifier.ShiftModifier
    start, end = centre(cmap, "home"), centre(cmap, "friends")
    qtbot.mousePress(cmap, Qt.MouseButton.LeftButton, shift, start)
    qtbot.mouseMove(cmap, (start + end) / 2)
    qtbot.mouseMove(cmap, end)
    qtbot.mouseRelease(cmap, Qt.MouseButton.LeftButton, shift, end)
    assert links == [("home", "friends")]
    assert changes == []
    assert cmap.shares()["home"] == 2000


def action_texts(cmap: ContextMap, area_id: str | None) -> dict[str, str]:
    menu = cmap.build_context_menu(area_id)
    assert menu is not None
    return {a.objectName(): a.text().replace("&", "") for a in menu.actions() if a.objectName()}


def trigger(cmap: ContextMap, area_id: str, name: str) -> None:
    menu = cmap.build_context_menu(area_id)
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == name)
    assert action.isEnabled()
    action.trigger()


def test_context_menu_actions_have_words_and_do_what_they_say(
    qtbot: QtBot, cmap: ContextMap
) -> None:
    assert action_texts(cmap, "hood") == {
        "grow": "Grow by 5%",
        "shrink": "Shrink by 5%",
        "rename": "Rename…",
        "link": "Link to…",
        "remove": "Remove",
        "add": "Add context…",
    }
    assert action_texts(cmap, None) == {"add": "Add context…"}
    changes = record(cmap.shares_changed)
    renamed = record(cmap.rename_requested)
    removed = record(cmap.remove_requested)
    added = record(cmap.add_requested)
    links = record(cmap.link_requested)
    trigger(cmap, "hood", "grow")
    assert changes[-1][0]["hood"] == 4500
    trigger(cmap, "hood", "shrink")
    assert changes[-1][0]["hood"] == 4000
    trigger(cmap, "hood", "rename")
    trigger(cmap, "hood", "remove")
    trigger(cmap, "hood", "add")
    assert (renamed, removed, len(added)) == ([("hood",)], [("hood",)], 1)
    trigger(cmap, "hood", "link")
    assert cmap.in_link_mode()
    qtbot.mouseClick(cmap, Qt.MouseButton.LeftButton, pos=centre(cmap, "online"))
    assert links == [("hood", "online")]
    assert not cmap.in_link_mode()


# -- touch ----------------------------------------------------------------------------


def test_one_finger_tap_selects_and_vertical_drag_resizes_once(cmap: ContextMap) -> None:
    assert cmap.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    device = QTest.createTouchDevice()
    changes = record(cmap.shares_changed)
    tap = centre(cmap, "friends")
    QTest.touchEvent(cmap, device).press(0, tap).commit()
    QTest.touchEvent(cmap, device).release(0, tap).commit()
    assert cmap.selected_id() == "friends"
    assert changes == []

    start = centre(cmap, "school")
    QTest.touchEvent(cmap, device).press(0, start).commit()
    for rise in (15, 30, 45):
        QTest.touchEvent(cmap, device).move(0, start - QPoint(0, rise)).commit()
    assert changes == []
    assert cmap.shares()["school"] == 2500
    QTest.touchEvent(cmap, device).release(0, start - QPoint(0, 45)).commit()
    assert cmap.selected_id() == "school"
    assert len(changes) == 1 and changes[0][0]["school"] == 2500
    assert_adds_up(changes[0][0])

    buttons = cmap.step_buttons()
    assert buttons is not None
    plus = buttons[1].center().toPoint()
    QTest.touchEvent(cmap, device).press(0, plus).commit()
    QTest.touchEvent(cmap, device).release(0, plus).commit()
    assert len(changes) == 2 and changes[-1][0]["school"] == 3000


# -- read-only ------------------------------------------------------------------------


def test_when_not_editable_only_selection_works(qtbot: QtBot, cmap: ContextMap) -> None:
    cmap.set_editable(False)
    signals = [
        cmap.shares_changed,
        cmap.add_requested,
        cmap.rename_requested,
        cmap.remove_requested,
        cmap.link_requested,
    ]
    heard = [record(signal) for signal in signals]
    cmap.select("home")
    for key in (
        Qt.Key.Key_Plus,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Insert,
        Qt.Key.Key_N,
        Qt.Key.Key_F2,
        Qt.Key.Key_Return,
        Qt.Key.Key_Delete,
        Qt.Key.Key_L,
    ):
        QTest.keyClick(cmap, key)
    start = centre(cmap, "home")
    qtbot.mousePress(cmap, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(cmap, start - QPoint(0, 80))
    qtbot.mouseRelease(cmap, Qt.MouseButton.LeftButton, pos=start - QPoint(0, 80))
    wheel(cmap, start, 3)
    qtbot.mouseDClick(cmap, Qt.MouseButton.LeftButton, pos=start)
    assert heard == [[]] * len(signals)
    assert not cmap.in_link_mode()
    assert cmap.step_buttons() is None
    assert cmap.build_context_menu("home") is None
    assert cmap.shares()["home"] == 2000
    QTest.keyClick(cmap, Qt.Key.Key_Right)
    assert cmap.selected_id() not in (None, "home")
    qtbot.mouseClick(cmap, Qt.MouseButton.LeftButton, pos=centre(cmap, "online"))
    assert cmap.selected_id() == "online"


# -- words, not colour alone ----------------------------------------------------------


def test_describe_gives_name_safety_word_and_percentage(cmap: ContextMap) -> None:
    assert cmap.describe() == [
        "Home and family — Safe — 20%",
        "School and college — Mixed — 15%",
        "Neighbourhood and public places — Unsafe — 40%",
        "Online and social media — Not yet known — 10%",
        "Friendships and peer group — Unsafe — 15%",
    ]
    cmap.set_words(WELSH)
    assert cmap.describe()[2] == "Neighbourhood and public places — Anniogel — 40%"
    assert cmap.describe()[3] == "Online and social media — Ddim yn hysbys eto — 10%"
    with pytest.raises(ValueError):
        cmap.set_words({"safe": "  "})
    with pytest.raises(ValueError):
        cmap.set_words({"dangerous": "Peryglus"})


def test_screen_readers_hear_the_selected_area_and_a_summary(cmap: ContextMap) -> None:
    assert cmap.accessibleName() == "Context weighting map"
    cmap.select("hood")
    assert cmap.accessibleDescription() == (
        "Neighbourhood and public places: unsafe, 40%. "
        "5 contexts: 1 safe, 2 unsafe, 1 mixed, 1 not yet known."
    )
    QTest.keyClick(cmap, Qt.Key.Key_Plus)
    assert cmap.accessibleDescription().startswith("Neighbourhood and public places: unsafe, 45%.")
    cmap.set_words(WELSH)
    assert "anniogel, 45%" in cmap.accessibleDescription()
    cmap.set_map([], [])
    assert cmap.accessibleDescription() == "No contexts on the map yet."


def test_each_area_has_a_tooltip_with_its_links(qtbot: QtBot, cmap: ContextMap) -> None:
    assert cmap.area_tooltip("hood") == (
        "Neighbourhood and public places — Unsafe — 40%\n"
        "Linked to Online and social media: same older group\n"
        "Linked from School and college: walks home via the park"
    )
    pos = centre(cmap, "home")
    event = QHelpEvent(QEvent.Type.ToolTip, pos, cmap.mapToGlobal(pos))
    QApplication.sendEvent(cmap, event)
    qtbot.waitUntil(lambda: QToolTip.text() == "Home and family — Safe — 20%", timeout=2000)
    QToolTip.hideText()


def test_set_map_keeps_the_selection_by_id(cmap: ContextMap) -> None:
    chosen = record(cmap.selection_changed)
    cmap.select("school")
    renamed = [
        MapArea(a.id, "Sixth form" if a.id == "school" else a.name, a.safety, a.share)
        for a in AREAS
    ]
    cmap.set_map(renamed, LINKS)
    assert cmap.selected_id() == "school"
    assert "Sixth form — Mixed — 15%" in cmap.describe()
    cmap.set_map([a for a in AREAS if a.id != "school"], LINKS)
    assert cmap.selected_id() is None
    assert chosen == [("school",), ("",)]
    with pytest.raises(KeyError):
        cmap.select("school")
    with pytest.raises(ValueError):
        cmap.set_map([MapArea("x", "X", "dangerous", 100)], [])


def test_shares_that_do_not_add_up_are_shown_normalised(cmap: ContextMap) -> None:
    cmap.set_map([MapArea("a", "Gym", "safe", 1), MapArea("b", "Bus", "mixed", 3)], [])
    assert cmap.shares() == {"a": 2500, "b": 7500}
    assert cmap.areas == (MapArea("a", "Gym", "safe", 2500), MapArea("b", "Bus", "mixed", 7500))
    assert cmap.links == ()
    assert cmap.describe() == ["Gym — Safe — 25%", "Bus — Mixed — 75%"]


# -- what it looks like ---------------------------------------------------------------


def count(image: QImage, rect: QRectF, match: Callable[[QColor], bool]) -> int:
    r = rect.toRect()
    return sum(
        match(image.pixelColor(x, y))
        for x in range(r.left(), r.right() + 1)
        for y in range(r.top(), r.bottom() + 1)
    )


def test_a_bigger_share_draws_a_bigger_area_and_patterns_mark_unsafe(qtbot: QtBot) -> None:
    cmap = ContextMap()
    qtbot.addWidget(cmap)
    cmap.set_map(
        [
            MapArea("big", "Home and family", "safe", 6000),
            MapArea("small", "Youth club", "safe", 2000),
            MapArea("risky", "Park", "unsafe", 2000),
        ],
        [],
    )
    cmap.resize(600, 400)
    cmap.show()
    qtbot.waitExposed(cmap)
    image = cmap.grab().toImage()
    safe_green = QColor("#a7dcc9").rgb()

    def is_green(c: QColor) -> bool:
        return c.rgb() == safe_green

    big, small = cmap.area_rect("big"), cmap.area_rect("small")
    assert big.width() * big.height() == pytest.approx(3 * small.width() * small.height())
    big_pixels, small_pixels = count(image, big, is_green), count(image, small, is_green)
    assert big_pixels > 2.5 * small_pixels > 0
    # The unsafe area is not just a different colour: it is hatched, so its
    # lower half (below the label) holds two clearly different colours.
    risky = cmap.area_rect("risky")
    lower = QRectF(risky.left() + 8, risky.center().y(), risky.width() - 16, risky.height() / 3)
    colours = [
        image.pixelColor(x, y)
        for x in range(int(lower.left()), int(lower.right()))
        for y in range(int(lower.top()), int(lower.bottom()))
    ]
    light = sum(c.lightness() > 170 for c in colours)
    dark = sum(c.lightness() < 140 for c in colours)
    assert light > 0.2 * len(colours) and dark > 0.1 * len(colours)
    # Each area has dark label text on a light plate in its top-left corner.
    for key in ("big", "small", "risky"):
        r = cmap.area_rect(key)
        corner = QRectF(r.left(), r.top(), min(r.width(), 160), 50)
        assert count(image, corner, lambda c: c.lightness() < 80) > 40, key


def test_small_shares_stay_big_enough_to_touch(qtbot: QtBot) -> None:
    cmap = ContextMap()
    qtbot.addWidget(cmap)
    areas = [MapArea(f"c{n}", f"Place {n}", "unknown", 100) for n in range(4)]
    cmap.set_map([*areas, MapArea("main", "Home and family", "safe", 9600)], [])
    cmap.resize(cmap.minimumSizeHint())
    for n in range(4):
        rect = cmap.area_rect(f"c{n}")
        assert rect.width() * rect.height() >= 32 * 32
    assert cmap.describe()[0] == "Place 0 — Not yet known — 1%"


def test_size_hints_grow_with_the_font_and_large_mode(qtbot: QtBot) -> None:
    cmap = ContextMap()
    qtbot.addWidget(cmap)
    hint = cmap.minimumSizeHint()
    assert hint.width() >= 360 and hint.height() >= 240
    font = QFont(cmap.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    cmap.setFont(font)
    bigger = cmap.minimumSizeHint()
    assert bigger.width() > hint.width() and bigger.height() > hint.height()
    cmap.set_large(True)
    largest = cmap.minimumSizeHint()
    assert largest.width() > bigger.width()


def test_screenshot_for_a_person_to_look_at(qtbot: QtBot) -> None:
    cmap = ContextMap()
    qtbot.addWidget(cmap)
    cmap.set_map(
        [*AREAS, MapArea("club", "Boxing club", "safe", 300)],
        [*LINKS, MapLink("l3", "friends", "hood", "meets there")],
    )
    cmap.resize(900, 560)
    cmap.show()
    qtbot.waitExposed(cmap)
    cmap.select("hood")
    out = REPO / "artifacts" / "context-map.png"
    out.parent.mkdir(exist_ok=True)
    out.unlink(missing_ok=True)
    assert cmap.grab().save(str(out))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 560)
    colours = {image.pixel(x, y) for x in range(0, 900, 5) for y in range(0, 560, 5)}
    assert len(colours) > 20, "the picture is blank"


def test_a_link_without_words_still_says_what_it_links(qtbot: QtBot) -> None:
    cmap = ContextMap()
    qtbot.addWidget(cmap)
    cmap.set_map(AREAS[:2], [MapLink("l", "home", "school", "  ")])
    assert cmap.area_tooltip("home").splitlines()[1] == "Linked to School and college"
    assert cmap.area_tooltip("school").splitlines()[1] == "Linked from Home and family"
    assert cmap.area_description("home") == "Safe. Linked to School and college."
    assert cmap.area_description("school") == "Mixed. Linked from Home and family."


# -- menus ----------------------------------------------------------------------------


def open_menu(qtbot: QtBot, cmap: ContextMap, event: QContextMenuEvent) -> QMenu:
    QApplication.sendEvent(cmap, event)  # returns at once: the menu does not block
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    qtbot.waitExposed(menu)
    return menu


def test_the_menu_key_opens_the_menu_over_the_selected_area(qtbot: QtBot, cmap: ContextMap) -> None:
    cmap.select("online")
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard,
        QPoint(1, 1),
        cmap.mapToGlobal(QPoint(1, 1)),
        Qt.KeyboardModifier.NoModifier,
    )
    menu = open_menu(qtbot, cmap, event)
    where = cmap.area_rect("online")
    assert where.contains(QPointF(cmap.mapFromGlobal(menu.pos())))
    changes = record(cmap.shares_changed)
    QTest.keyClick(menu, Qt.Key.Key_S)  # &Shrink
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert changes[-1][0]["online"] == 500
    # The menu is gone once closed, rather than piling up under the map.
    qtbot.waitUntil(lambda: not cmap.findChildren(QMenu))


def test_right_click_selects_the_area_and_offers_its_menu(qtbot: QtBot, cmap: ContextMap) -> None:
    pos = centre(cmap, "friends")
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, cmap.mapToGlobal(pos), Qt.KeyboardModifier.NoModifier
    )
    menu = open_menu(qtbot, cmap, event)
    assert cmap.selected_id() == "friends"
    assert "rename" in {a.objectName() for a in menu.actions()}
    menu.close()
    cmap.set_editable(False)
    QApplication.sendEvent(cmap, event)
    assert QApplication.activePopupWidget() is None  # a read-only map has no menu


def test_the_map_words_follow_its_windows_language(qtbot: QtBot) -> None:
    """Without set_words the safety words are the app's own, in the window's language."""
    if not language("cy").loaded:
        pytest.fail("No compiled Welsh translations: run installer/translations.py release")
    window = QWidget()
    window.ui_language = "cy"  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    cmap = ContextMap(window)
    cmap.set_map(AREAS, LINKS)
    assert cmap.describe()[2] == "Neighbourhood and public places — Anniogel — 40%"
    assert cmap.describe()[3] == "Online and social media — Ddim yn hysbys eto — 10%"
    assert cmap.accessibleDescription() == language("cy").translate(
        "ContextMap", "{count} contexts: {tally}."
    ).format(count=5, tally="1 diogel, 2 anniogel, 1 cymysg, 1 ddim yn hysbys eto")
    # The content pack's words, once given, are used as they are.
    cmap.set_words({"unsafe": "Ddim yn ddiogel"})
    assert cmap.describe()[2] == "Neighbourhood and public places — Ddim yn ddiogel — 40%"
    english = ContextMap()
    qtbot.addWidget(english)
    english.set_map(AREAS, LINKS)
    assert english.describe()[2] == "Neighbourhood and public places — Unsafe — 40%"
