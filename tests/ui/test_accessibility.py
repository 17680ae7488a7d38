"""Every control a person can reach has a name a screen reader can say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_draft_console, window_of
from ui.app import Controller
from ui.glossary_view import show_glossary
from ui.help_overlay import show_help
from ui.widgets import mnemonic_texts

INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTabBar)


def _inside_combo_box(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue  # Qt's own parts (headers, scroll arrows) that nobody tabs to
        if _inside_combo_box(widget):
            continue  # a combo box's popup list is named through the combo box
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_unlock_dialog_controls_are_named(controller: Controller) -> None:
    assert _unnamed(controller.unlock_dialog) == []


def test_main_window_and_dialogs_controls_are_named(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    row = window.case_list.model.rows[0]
    window.case_list.select(row.young_person_id)
    qtbot.waitUntil(lambda: window.case_view.detail is not None, timeout=10000)
    assert _unnamed(window) == []
    for dialog in (
        window.new_young_person(),
        window.case_view.add_family_member(),
        window.change_passphrase(),
    ):
        assert dialog is not None
        assert _unnamed(dialog) == [], dialog.windowTitle()
        dialog.close()


def test_every_tab_and_field_has_a_keyboard_mnemonic(qtbot: QtBot, unlocked: Controller) -> None:
    view = window_of(unlocked).case_view
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert all("&" in text for text in tabs)
    letters = [text[text.index("&") + 1].lower() for text in tabs]
    assert len(set(letters)) == len(letters), "two tabs share a mnemonic"


def _letters(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        plain = text.replace("&&", "")
        if "&" in plain[:-1]:
            found.append(plain[plain.index("&") + 1].casefold())
    return found


def _clashes(window: QWidget) -> list[str]:
    """Alt letters used by two controls showing in ``window`` at once."""
    seen: dict[str, list[str]] = {}
    for text in mnemonic_texts(window):
        for letter in _letters([text]):
            seen.setdefault(letter, []).append(text)
    return [f"{k}: {v}" for k, v in sorted(seen.items()) if len(v) > 1]


@pytest.mark.parametrize("code", ["en", "cy"])
def test_alt_letters_never_clash_on_any_page(qtbot: QtBot, unlocked: Controller, code: str) -> None:
    # In Welsh too: the window is rebuilt in the chosen language, as View > Language does.
    unlocked.display.set_language(code)
    window = window_of(unlocked)
    assert window.ui_language == code
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 3, timeout=10000)
    view = window.case_view
    window.case_list.select(window.case_list.model.rows[0].young_person_id)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    window.show()
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        assert _clashes(window) == [], view.tabs.tabText(index)
    window.show_today()
    qtbot.wait(50)
    assert _clashes(window) == [], "Today"
    window.show_cases()
    console = open_draft_console(qtbot, unlocked, "Haddad")
    console.show()
    for step in [s.key for s in console.data.pack.steps]:
        console.go_to(step)
        for side in range(console.side.count()):
            console.side.setCurrentIndex(side)
            qtbot.wait(30)
            assert _clashes(console) == [], (step, console.side.tabText(side))


def test_console_family_screen_help_and_glossary_controls_are_named(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = open_draft_console(qtbot, unlocked)
    console.show_participant_screen()
    screen = console.participant
    assert screen is not None
    for step in ("welcome", "safety", "weighting", "needs", "plan", "decision"):
        console.go_to(step)
        qtbot.wait(100)
        assert _unnamed(console) == [], step
        assert _unnamed(screen) == [], step
    help_window = show_help(console)
    glossary = show_glossary(console)
    assert _unnamed(help_window) == []
    assert _unnamed(glossary) == []
    # The console's help lists its own keys, not the family screen's.
    items = [help_window.table.item(r, 1) for r in range(help_window.table.rowCount())]
    keys = [item.text() for item in items if item is not None]
    assert any("break" in k.lower() for k in keys)
    assert not any(k == "Blank the screen" for k in keys)


@pytest.mark.parametrize("code", ["en", "cy"])
def test_assessment_window_is_named_and_its_alt_letters_never_clash(
    qtbot: QtBot, unlocked: Controller, code: str
) -> None:
    unlocked.display.set_language(code)
    main = window_of(unlocked)
    qtbot.waitUntil(lambda: main.case_list.model.rowCount() == 3, timeout=10000)
    main.show()
    row = next(r for r in main.case_list.model.rows if r.name == "Tyler Marsh")
    main.case_list.select(row.young_person_id)
    view = main.case_view
    tab = view.assessments
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=10000)
    assert _clashes(main) == [], "Assessments tab"
    window = tab.open_selected()
    assert window is not None and window.ui_language == code
    qtbot.waitUntil(lambda: window.view is not None, timeout=10000)
    for key, *_rest in window.sections:
        window.go_to(key)
        qtbot.wait(50)
        assert _unnamed(window) == [], key
        assert _clashes(window) == [], key
    window.go_to("analysis")
    for dialog in (window.record_sharing(), window.add_correction(), window.print_assessment()):
        assert dialog is not None
        assert _unnamed(dialog) == [], dialog.windowTitle()
        assert _clashes(dialog) == [], dialog.windowTitle()
        dialog.close()
    sharing = window.go_to("sharing")
    sharing.show_what_they_saw()  # type: ignore[attr-defined]
    assert window.shared_view is not None
    assert _unnamed(window.shared_view) == []
    help_window = show_help(window)
    assert _unnamed(help_window) == []
    keys = [help_window.table.item(r, 1) for r in range(help_window.table.rowCount())]
    assert any(item is not None and item.text() for item in keys)
