"""Every control a person can reach has a name a screen reader can say."""

from __future__ import annotations

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

from tests.ui.conftest import window_of
from ui.app import Controller

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
