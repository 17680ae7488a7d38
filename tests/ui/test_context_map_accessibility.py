"""The context-weighting map for screen readers, keyboards and people who cannot rely on colour.

A screen reader reaches the map through Qt's accessibility interfaces: the map is
a list and each context a list item with its name, its share (as text and as a
value), its safety in words and its links, which is what these tests read, the
way a platform bridge (AT-SPI, UI Automation) would. A keyboard user must be able
to do everything the mouse does, see where the focus is, and leave the map with
Tab. And safety must never be shown by colour alone.
"""

from __future__ import annotations

import gc
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleValueChangeEvent,
    QImage,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QApplication,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

import ui.context_map as context_map
from tests.ui.test_context_map import AREAS, LINKS, WELSH, record
from ui.context_map import ContextMap, MapArea
from ui.i18n import language

NAME, VALUE, DESCRIPTION, HELP = (
    QAccessible.Text.Name,
    QAccessible.Text.Value,
    QAccessible.Text.Description,
    QAccessible.Text.Help,
)


def accessible(widget: QWidget) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface


def children(widget: QWidget) -> list[QAccessibleInterface]:
    interface = accessible(widget)
    found = [interface.child(n) for n in range(interface.childCount())]
    assert all(child is not None for child in found)
    return found


def child_named(widget: QWidget, name: str) -> QAccessibleInterface:
    return next(c for c in children(widget) if c.text(NAME) == name)


@dataclass(frozen=True)
class Heard:
    """One accessibility event, as a screen reader would be told it."""

    kind: QAccessible.Event
    name: str
    value: Any = None


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Heard]]:
    """Assistive technology is listening; what the map tells it is recorded."""
    events: list[Heard] = []

    def announce(event: QAccessibleEvent) -> None:
        interface = event.accessibleInterface()
        value = event.value() if isinstance(event, QAccessibleValueChangeEvent) else None
        events.append(Heard(event.type(), interface.text(NAME) if interface else "", value))

    monkeypatch.setattr(context_map, "_announce", announce)
    QAccessible.setActive(True)
    yield events
    QAccessible.setActive(False)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[tuple[QWidget, ContextMap]]:
    """A map between two buttons, in an active window, as on the chair's console."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.addWidget(QPushButton("Before", host))
    cmap = ContextMap(host)
    layout.addWidget(cmap, 1)
    layout.addWidget(QPushButton("After", host))
    cmap.set_map(AREAS, LINKS)
    host.resize(760, 560)
    host.show()
    host.activateWindow()
    qtbot.waitActive(host)
    yield host, cmap
    for menu in host.findChildren(QMenu):
        menu.close()


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


# -- the map as a list of contexts ---------------------------------------------------------


def test_each_context_is_a_child_with_its_name_share_safety_and_links(
    window: tuple[QWidget, ContextMap],
) -> None:
    _host, cmap = window
    interface = accessible(cmap)
    assert isinstance(interface, QAccessibleWidget)
    assert interface.role() == QAccessible.Role.List
    assert interface.text(NAME) == "Context weighting map"
    items = children(cmap)
    assert [c.text(NAME) for c in items] == [a.name for a in AREAS]
    assert [c.text(VALUE) for c in items] == ["20%", "15%", "40%", "10%", "15%"]
    assert [c.text(DESCRIPTION) for c in items] == [
        "Safe.",
        "Mixed. Linked to Neighbourhood and public places: walks home via the park.",
        "Unsafe. Linked to Online and social media: same older group. "
        "Linked from School and college: walks home via the park.",
        "Not yet known. Linked from Neighbourhood and public places: same older group.",
        "Unsafe.",
    ]
    for n, (item, area) in enumerate(zip(items, AREAS, strict=True)):
        assert item.role() == QAccessible.Role.ListItem
        assert item.isValid()
        assert item.parent() is interface
        assert interface.indexOfChild(item) == n
        assert item.childCount() == 0
        assert "Plus or minus" in item.text(HELP)
        # Where it is on the screen, so a magnifier or a touch explorer can find it.
        local = cmap.area_rect(area.id).toAlignedRect()
        assert item.rect() == QRect(cmap.mapToGlobal(local.topLeft()), local.size())
        centre = item.rect().center()
        assert interface.childAt(centre.x(), centre.y()) is item
        # Qt's own search through the children (what a bridge's hit test uses) agrees.
        assert QAccessibleWidget.childAt(interface, centre.x(), centre.y()) is item
        # The share is a number too, for "value" commands: 1% steps, 1% to 96%.
        value = item.valueInterface()
        assert value is not None
        assert value.currentValue() == pytest.approx(area.share / 100)
        assert (value.minimumValue(), value.maximumValue()) == (1.0, 96.0)
        assert value.minimumStepSize() == 1.0
        # Interfaces an area does not have are really absent (not a bogus pointer).
        assert item.textInterface() is None
        assert item.tableCellInterface() is None
    outside = cmap.mapToGlobal(QPoint(1, 1))
    assert interface.childAt(outside.x(), outside.y()) is None
    assert interface.child(len(AREAS)) is None
    # The same element every time it is asked for, so a screen reader keeps its place.
    assert children(cmap) == items


def test_selection_moves_the_selected_and_focused_state(
    qtbot: QtBot, window: tuple[QWidget, ContextMap]
) -> None:
    _host, cmap = window
    interface = accessible(cmap)

    def states() -> dict[str, tuple[bool, bool]]:
        return {
            c.text(NAME): (bool(c.state().selected), bool(c.state().focused))
            for c in children(cmap)
        }

    cmap.select("school")
    assert states()["School and college"] == (True, False)  # selected, but the map has no focus
    assert sum(selected for selected, _ in states().values()) == 1
    assert interface.focusChild() is None
    focus(qtbot, cmap)
    assert states()["School and college"] == (True, True)
    assert interface.focusChild() is child_named(cmap, "School and college")
    QTest.keyClick(cmap, Qt.Key.Key_Home)
    first = cmap.selected_id()
    assert first is not None
    name = next(a.name for a in AREAS if a.id == first)
    assert {k for k, v in states().items() if v == (True, True)} == {name}
    assert not any(states()[k][0] for k in states() if k != name)
    assert interface.focusChild() is child_named(cmap, name)
    cmap.set_editable(False)
    item = child_named(cmap, name)
    assert item.state().readOnly
    assert item.text(HELP) == ""


def test_selection_and_focus_are_announced(
    qtbot: QtBot, window: tuple[QWidget, ContextMap], heard: list[Heard]
) -> None:
    _host, cmap = window
    cmap.select("home")
    heard.clear()
    focus(qtbot, cmap)
    assert Heard(QAccessible.Event.Focus, "Home and family") in heard
    heard.clear()
    cmap.select("hood")
    kinds = [h.kind for h in heard if h.name == "Neighbourhood and public places"]
    assert QAccessible.Event.Selection in kinds
    assert QAccessible.Event.Focus in kinds
    assert QAccessible.Event.StateChanged in kinds
    # The area left behind is told it is no longer selected.
    assert Heard(QAccessible.Event.StateChanged, "Home and family") in heard


def test_a_share_changed_by_keys_is_reflected_and_announced(
    qtbot: QtBot, window: tuple[QWidget, ContextMap], heard: list[Heard]
) -> None:
    _host, cmap = window
    focus(qtbot, cmap)
    cmap.select("hood")
    item = child_named(cmap, "Neighbourhood and public places")
    heard.clear()
    QTest.keyClick(cmap, Qt.Key.Key_Plus)
    assert item.text(VALUE) == "45%"
    value = item.valueInterface()
    assert value is not None and value.currentValue() == pytest.approx(45.0)
    assert Heard(QAccessible.Event.ValueChanged, "Neighbourhood and public places", 45.0) in heard
    # The others shrank to make room, and are told so too.
    shrunk = {h.name for h in heard if h.kind == QAccessible.Event.ValueChanged}
    assert shrunk == {a.name for a in AREAS}
    # The map's own summary follows.
    assert cmap.accessibleDescription().startswith("Neighbourhood and public places: unsafe, 45%.")


def test_names_safety_links_and_areas_coming_and_going_are_announced(
    window: tuple[QWidget, ContextMap], heard: list[Heard]
) -> None:
    _host, cmap = window
    cmap.select("school")
    old_items = {c.text(NAME): c for c in children(cmap)}
    heard.clear()
    changed = [
        MapArea("school", "Sixth form", "unsafe", 1500),
        *(a for a in AREAS if a.id not in ("school", "online")),
        MapArea("gym", "Boxing gym", "safe", 500),
    ]
    cmap.set_map(changed, [LINKS[1]])
    assert Heard(QAccessible.Event.NameChanged, "Sixth form") in heard
    assert Heard(QAccessible.Event.DescriptionChanged, "Sixth form") in heard  # now unsafe
    assert Heard(QAccessible.Event.ObjectCreated, "Boxing gym") in heard
    gone = Heard(QAccessible.Event.ObjectDestroyed, "Online and social media")
    assert gone in heard
    # Neighbourhood lost its link to the online area: its description changed.
    assert Heard(QAccessible.Event.DescriptionChanged, "Neighbourhood and public places") in heard
    # The element of the area that went is gone from the list and deleted by Qt;
    # the one renamed is still the same element, now with its new words.
    assert [c.text(NAME) for c in children(cmap)] == [a.name for a in changed]
    assert not Shiboken.isValid(old_items["Online and social media"])
    renamed = old_items["School and college"]
    assert renamed is child_named(cmap, "Sixth form")
    assert renamed.text(DESCRIPTION) == (
        "Unsafe. Linked to Neighbourhood and public places: walks home via the park."
    )
    heard.clear()
    cmap.set_words(WELSH)
    assert Heard(QAccessible.Event.DescriptionChanged, "Sixth form") in heard
    assert renamed.text(DESCRIPTION).startswith("Anniogel.")


# -- acting through assistive technology --------------------------------------------------


def test_an_area_can_be_grown_shrunk_set_and_selected_through_its_element(
    window: tuple[QWidget, ContextMap],
) -> None:
    _host, cmap = window
    changes = record(cmap.shares_changed)
    item = child_named(cmap, "Online and social media")
    actions = item.actionInterface()
    assert actions is not None
    assert actions.actionNames() == ["SetFocus", "Increase", "Decrease", "ShowMenu"]
    assert actions.keyBindingsForAction("Increase") == ["+"]
    actions.doAction("Increase")
    assert cmap.selected_id() == "online"
    assert changes[-1][0]["online"] == 1500
    actions.doAction("Decrease")
    assert changes[-1][0]["online"] == 1000
    value = item.valueInterface()
    assert value is not None
    value.setCurrentValue(30)
    assert changes[-1][0]["online"] == 3000 and len(changes) == 3
    actions.doAction("ShowMenu")
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert next(a.objectName() for a in menu.actions() if a.objectName()) == "grow"
    menu.close()
    actions.doAction("SetFocus")
    assert cmap.hasFocus() or QApplication.focusWidget() is cmap
    cmap.set_editable(False)
    assert actions.actionNames() == ["SetFocus"]
    value.setCurrentValue(50)
    actions.doAction("Increase")
    assert len(changes) == 3  # a read-only map changes for nobody


# -- lifetime: rebuilt and deleted maps ---------------------------------------------------


@pytest.mark.parametrize("listening", [False, True])
def test_rebuilds_and_deleted_maps_leave_nothing_dangling(
    qtbot: QtBot, listening: bool, request: pytest.FixtureRequest
) -> None:
    if listening:
        request.getfixturevalue("heard")
    held: list[QAccessibleInterface] = []
    for round_ in range(3):
        host = QWidget()
        cmap = ContextMap(host)
        QVBoxLayout(host).addWidget(cmap)
        host.resize(600, 400)
        host.show()
        for n in range(6):
            areas = AREAS[: 2 + (n + round_) % 4]
            ids = {a.id for a in areas}
            cmap.set_map(areas, [k for k in LINKS if {k.source_id, k.target_id} <= ids])
            items = children(cmap)
            held += [c for c in items if all(c is not h for h in held)]
            assert [c.text(NAME) for c in items] == [a.name for a in areas]
            for item in items:
                assert item.text(DESCRIPTION) and item.rect().isValid()
        # Areas that left were deleted by Qt; the ones still on the map are valid.
        alive = [c for c in held if Shiboken.isValid(c)]
        assert {c.text(NAME) for c in alive} <= {a.name for a in AREAS}
        assert len([c for c in alive if c.isValid()]) == len(children(cmap))
        map_interface = accessible(cmap)
        # Three ways a map goes: with its window, by itself, or with its last Python name.
        if round_ == 0:
            host.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        elif round_ == 1:
            Shiboken.delete(cmap)
            host.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        else:
            cmap.setParent(None)
            host.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            del cmap
            gc.collect()
        # Qt deleted every element with its map; the Python names left are just invalid.
        assert not any(Shiboken.isValid(c) for c in held)
        assert not Shiboken.isValid(map_interface)
        held.clear()
    # A new map afterwards works as ever.
    fresh = ContextMap()
    qtbot.addWidget(fresh)
    fresh.set_map(AREAS, LINKS)
    assert [c.text(NAME) for c in children(fresh)] == [a.name for a in AREAS]


# -- keyboard -----------------------------------------------------------------------------


def test_every_map_action_works_by_keyboard(
    qtbot: QtBot, window: tuple[QWidget, ContextMap]
) -> None:
    host, cmap = window
    before, after = host.findChildren(QPushButton)
    focus(qtbot, before)
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert cmap.hasFocus()
    assert cmap.selected_id() is not None  # arriving selects something to read out
    changes = record(cmap.shares_changed)
    added = record(cmap.add_requested)
    renamed = record(cmap.rename_requested)
    removed = record(cmap.remove_requested)
    links = record(cmap.link_requested)
    QTest.keyClick(cmap, Qt.Key.Key_Home)
    start = cmap.selected_id()
    QTest.keyClick(cmap, Qt.Key.Key_Right)
    assert cmap.selected_id() != start
    here = cmap.selected_id()
    assert here is not None
    was = cmap.shares()[here]
    QTest.keyClick(cmap, Qt.Key.Key_Plus)
    QTest.keyClick(cmap, Qt.Key.Key_Minus, Qt.KeyboardModifier.ShiftModifier)
    assert cmap.shares()[here] == was + 400 and len(changes) == 2
    QTest.keyClick(cmap, Qt.Key.Key_Insert)
    QTest.keyClick(cmap, Qt.Key.Key_F2)
    QTest.keyClick(cmap, Qt.Key.Key_Delete)
    assert (len(added), renamed, removed) == (1, [(here,)], [(here,)])
    QTest.keyClick(cmap, Qt.Key.Key_L)
    QTest.keyClick(cmap, Qt.Key.Key_End)
    target = cmap.selected_id()
    QTest.keyClick(cmap, Qt.Key.Key_Return)
    assert links == [(here, target)]
    # Shift+F10 opens the area's menu; its mnemonics work.
    cmap.select("online")
    was = cmap.shares()["online"]
    QTest.keyClick(cmap, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.accessibleName() == "Context map actions"
    QTest.keyClick(menu, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert changes[-1][0]["online"] == was + 500
    qtbot.waitUntil(cmap.hasFocus)
    # And Tab leaves the map, both ways: no keyboard trap.
    QTest.keyClick(cmap, Qt.Key.Key_Tab)
    assert after.hasFocus()
    QTest.keyClick(after, Qt.Key.Key_Backtab)
    assert cmap.hasFocus()
    QTest.keyClick(cmap, Qt.Key.Key_Backtab)
    assert before.hasFocus()


def test_tab_leaves_the_map_even_half_way_through_a_link(
    qtbot: QtBot, window: tuple[QWidget, ContextMap]
) -> None:
    host, cmap = window
    _before, after = host.findChildren(QPushButton)
    focus(qtbot, cmap)
    cmap.select("hood")
    QTest.keyClick(cmap, Qt.Key.Key_L)
    assert cmap.in_link_mode()
    QTest.keyClick(cmap, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert not cmap.in_link_mode()  # no hidden mode waiting on the way back
    assert "Linking" not in cmap.accessibleDescription()


def ring(image: QImage) -> list[int]:
    """The greyscale of the map's outermost few pixels, down the middle of each side."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h = grey.width(), grey.height()
    points = [(x, h // 2) for x in range(3)] + [(w // 2, y) for y in range(3)]
    return [grey.pixelColor(x, y).value() for x, y in points]


def test_the_keyboard_focus_is_drawn_visibly(
    qtbot: QtBot, window: tuple[QWidget, ContextMap]
) -> None:
    host, cmap = window
    before = host.findChildren(QPushButton)[0]
    focus(qtbot, before)
    without = ring(cmap.grab().toImage())
    focus(qtbot, cmap)
    with_focus = ring(cmap.grab().toImage())
    # A dark ring on the light background where there was none.
    assert min(without) > 200
    assert min(with_focus) < 60
    assert statistics.mean(without) - statistics.mean(with_focus) > 60


# -- never colour alone -------------------------------------------------------------------


def test_every_area_label_says_its_safety_in_words(qtbot: QtBot) -> None:
    cmap = ContextMap()
    qtbot.addWidget(cmap)
    cmap.set_map(AREAS, LINKS)
    cmap.resize(720, 460)
    cmap.show()
    qtbot.waitExposed(cmap)
    words = {"safe": "Safe", "unsafe": "Unsafe", "mixed": "Mixed", "unknown": "Not yet known"}
    for area in AREAS:
        drawn = " ".join(cmap.drawn_label(area.id))
        assert area.name in drawn
        assert words[area.safety] in drawn, (area.id, drawn)
        assert f"{area.share // 100}%" in drawn
    cmap.set_words(WELSH)
    assert "Anniogel" in " ".join(cmap.drawn_label("hood"))


def texture(grey: QImage, rect: QRectF) -> tuple[float, float]:
    """Spread of the grey levels in ``rect``, and the share of pixels well below the fill."""
    r = rect.toRect()
    values = [
        grey.pixelColor(x, y).value()
        for x in range(r.left(), r.right() + 1)
        for y in range(r.top(), r.bottom() + 1)
    ]
    fill = statistics.median(values)
    return statistics.pstdev(values), sum(v < fill - 25 for v in values) / len(values)


def test_in_greyscale_unsafe_and_mixed_still_stand_out_by_their_patterns(qtbot: QtBot) -> None:
    """What someone who cannot tell the colours apart (or a greyscale print) sees."""
    cmap = ContextMap()
    qtbot.addWidget(cmap)
    levels = ("safe", "unsafe", "mixed", "unknown")
    cmap.set_map([MapArea(level, f"Place {n}", level, 2500) for n, level in enumerate(levels)])
    cmap.resize(640, 480)
    cmap.show()
    qtbot.waitExposed(cmap)
    cmap.select(None)  # no outline or corner buttons over the areas sampled
    grey = cmap.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    found: dict[str, tuple[float, float]] = {}
    for level in levels:
        area = cmap.area_rect(level)
        # The lower part of the area: clear of the label plate and of the outline.
        sample = QRectF(
            area.left() + 12, area.center().y() + 10, area.width() - 24, area.height() / 2 - 24
        )
        assert sample.width() > 60 and sample.height() > 40
        found[level] = texture(grey, sample)
    spread = {level: s for level, (s, _dark) in found.items()}
    dark = {level: d for level, (_s, d) in found.items()}
    # Plain fills are flat; the two worry levels are patterned.
    assert spread["safe"] < 3 and spread["unknown"] < 3
    assert spread["unsafe"] > 15 and spread["mixed"] > 15
    # And the two patterns differ from each other: hatching covers far more than dots.
    assert dark["unsafe"] > 1.5 * dark["mixed"] > 0.05


# -- Welsh ----------------------------------------------------------------------------------


def test_in_a_welsh_window_the_map_speaks_welsh(qtbot: QtBot) -> None:
    if not language("cy").loaded:
        pytest.fail("No compiled Welsh translations: run installer/translations.py release")
    host = QWidget()
    host.ui_language = "cy"  # type: ignore[attr-defined]
    qtbot.addWidget(host)
    cmap = ContextMap(host)
    cmap.set_map(AREAS, LINKS)
    assert cmap.accessibleName() == "Map pwysoli cyd-destunau"
    item = child_named(cmap, "Neighbourhood and public places")
    description = item.text(DESCRIPTION)
    assert description.startswith("Anniogel. ")
    assert "Online and social media: same older group" in description
    assert "Linked" not in description
    menu = cmap.build_context_menu("hood")
    assert menu is not None
    texts = [a.text() for a in menu.actions() if a.objectName()]
    assert all(text.count("&") == 1 for text in texts)
    mnemonics = [text[text.index("&") + 1].lower() for text in texts]
    assert len(set(mnemonics)) == len(mnemonics), texts
    assert not {"Grow by 5%", "Remove", "Add context…"} & {t.replace("&", "") for t in texts}
    # A map made first and placed in the Welsh window later takes the window's words.
    late = ContextMap()
    late.setParent(host)
    assert late.accessibleName() == "Map pwysoli cyd-destunau"
    # A name the caller chose stays.
    late.setAccessibleName("Y map")
    late.retranslate()
    assert late.accessibleName() == "Y map"
