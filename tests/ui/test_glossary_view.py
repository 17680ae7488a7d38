"""The "Words we use" window: filter, keyboard, Welsh, and opening at one word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from roth_desktop.glossary import glossary
from ui.glossary_view import GlossaryView, show_glossary
from ui.i18n import language


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[QWidget]:
    host = QWidget()
    host.setObjectName("host_window")
    qtbot.addWidget(host)
    host.show()
    yield host
    for view in host.findChildren(GlossaryView):
        view.close()


def test_it_lists_every_word_with_its_meaning(qtbot: QtBot, window: QWidget) -> None:
    view = show_glossary(window)
    assert view.isVisible() and not view.isModal()
    assert view.windowTitle() == "Words we use"
    entries = glossary("en")
    assert view.list.count() == len(entries)
    assert view.visible_keys() == [e.key for e in entries]
    first = view.list.item(0)
    assert first.text() == entries[0].term
    assert first.data(Qt.ItemDataRole.AccessibleDescriptionRole) == entries[0].meaning
    assert view.meaning.text() == entries[0].meaning  # the first word is chosen
    assert view.count.text() == f"Words shown: {len(entries)}"
    # larger than the window's own text
    assert view.meaning.font().pointSizeF() > window.font().pointSizeF()


def test_typing_filters_the_list(qtbot: QtBot, window: QWidget) -> None:
    view = show_glossary(window)
    qtbot.keyClicks(view.search, "core")
    assert view.visible_keys() == ["core_group"]
    assert view.term.text() == "core group"
    assert "small group of people" in view.meaning.text()
    assert view.count.text() == "Words shown: 1"

    view.search.clear()
    qtbot.keyClicks(view.search, "police")  # a word from the meanings finds its terms
    assert "strategy_discussion" in view.visible_keys()

    view.search.clear()
    qtbot.keyClicks(view.search, "zzzz")
    assert view.visible_keys() == [] and view.meaning.text() == ""
    assert "No words match “zzzz”" in view.count.text()

    view.search.clear()
    assert len(view.visible_keys()) == view.list.count()


def test_it_works_from_the_keyboard(qtbot: QtBot, window: QWidget) -> None:
    view = show_glossary(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)
    qtbot.keyClicks(view.search, "conference")
    shown = view.visible_keys()
    assert len(shown) > 1 and view.current_key() == shown[0]

    qtbot.keyClick(view.search, Qt.Key.Key_Down)  # from the search box into the list
    assert QApplication.focusWidget() is view.list
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    assert view.current_key() == shown[1]
    assert view.term.text() == view.list.currentItem().text()

    qtbot.keyClick(view.list, Qt.Key.Key_Return)  # Enter never closes it by surprise
    assert view.isVisible()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.isVisible()

    qtbot.keyClick(view.list, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_every_control_has_an_accessible_name(qtbot: QtBot, window: QWidget) -> None:
    view = show_glossary(window)
    assert view.accessibleName() == "Words we use"
    for widget in view.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QListWidget, QAbstractButton)):
            interface = QAccessible.queryAccessibleInterface(widget)
            assert interface is not None and interface.text(QAccessible.Text.Name).strip(), widget
    assert view.meaning.accessibleName() == "What it means"
    assert view.meaning.focusPolicy() & Qt.FocusPolicy.TabFocus  # Tab reaches the meaning
    assert view.search_label.buddy() is view.search  # Alt+S


def test_opening_at_a_word_selects_and_shows_it(qtbot: QtBot, window: QWidget) -> None:
    view = show_glossary(window, "s47")
    assert view.current_key() == "s47"
    assert view.list.currentItem().isSelected()
    assert view.term.text() == "s.47"
    assert "Children Act 1989" in view.meaning.text()
    assert QApplication.focusWidget() in (view.list, None)

    # asked again from the same window: the same glossary comes back, at the new word,
    # clearing a filter that would hide it
    qtbot.keyClicks(view.search, "camhs")
    again = show_glossary(window, "core_group")
    assert again is view and view.current_key() == "core_group"
    assert view.search.text() == ""
    assert view.select("no_such_word") is False


def test_in_welsh_on_a_welsh_window(qtbot: QtBot, window: QWidget) -> None:
    if not language("cy").loaded:
        # The test session compiles it (tests/conftest.py): missing means broken, not skipped.
        pytest.fail("the Welsh .qm is not built (installer/translations.py release)")
    window.ui_language = "cy"  # type: ignore[attr-defined]
    view = show_glossary(window, "core_group")
    assert view.windowTitle() == "Geiriau rydyn ni'n eu defnyddio"
    assert view.term.text() == "grŵp craidd"
    assert view.meaning.text().startswith("Y grŵp bach o bobl")
    assert view.close_button.text() == "Cau"
    assert view.search_label.text() == "&Chwilio:"
    assert view.list.count() == len(glossary("cy"))
    view.search.clear()
    qtbot.keyClicks(view.search, "grwp")  # without the circumflex
    assert "core_group" in view.visible_keys()

    # the window switches back to English: the glossary follows when asked again
    window.ui_language = "en"  # type: ignore[attr-defined]
    again = show_glossary(window)
    assert again is view and view.windowTitle() == "Words we use"
    assert view.term.text() == "core group"
