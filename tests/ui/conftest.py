"""pytest-qt fixtures: a real Controller on a real encrypted demo workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from roth_desktop.app_settings import AppSettings
from tests.conftest import PASSPHRASE
from ui.app import Controller
from ui.main_window import MainWindow


def unlock(qtbot: QtBot, controller: Controller, passphrase: str = PASSPHRASE) -> None:
    dialog = controller.unlock_dialog
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def window_of(controller: Controller) -> MainWindow:
    assert controller.window is not None
    return controller.window


@pytest.fixture
def controller(qapp: QApplication, qtbot: QtBot, demo_folder: Path) -> Iterator[Controller]:
    ctl = Controller(qapp, demo_folder, AppSettings())
    ctl.start()
    yield ctl
    ctl.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


@pytest.fixture
def unlocked(qtbot: QtBot, controller: Controller) -> Controller:
    unlock(qtbot, controller)
    qtbot.waitUntil(
        lambda: controller.window is not None and controller.window.case_list.model.rowCount() == 3,
        timeout=15000,
    )
    return controller


@pytest.fixture(autouse=True)
def standard_display(qapp: QApplication) -> Iterator[None]:
    """Each test starts and ends in the standard theme at 100% and English.

    The QApplication lives for the whole session, so a test that makes the text
    200% or turns on high contrast must not leave it that way for the next one.
    """
    yield
    from ui import i18n, theme

    if theme.current_theme().key != "standard" or theme.text_scale() != 1.0:
        theme.apply_theme(qapp)
    i18n.set_default_language("en")


def open_draft_console(qtbot: QtBot, controller: Controller, surname: str = "Haddad") -> Any:
    """Run the draft conference of the demo young person ``surname``, as a chair would."""
    window = window_of(controller)
    row = next(r for r in window.case_list.model.rows if surname in r.name)
    window.case_list.select(row.young_person_id)
    view = window.case_view
    qtbot.waitUntil(
        lambda: (
            view.detail is not None
            and view.detail.young_person["id"] == row.young_person_id
            and view.conferences.model.rowCount() > 0
        ),
        timeout=30000,
    )
    drafts = [n for n, c in enumerate(view.conferences.model.rows) if c["status"] == "draft"]
    view.conferences.view.selectRow(drafts[-1])
    console = view.run_conference()
    assert console is not None
    answer_start_offer(qtbot, console)
    return console


def start_offer_box(console: Any) -> QMessageBox | None:
    """The console's "start from the assessment?" question, while it is showing."""
    box = console.findChild(QMessageBox, "start_from_assessment")
    return box if box is not None and box.isVisible() else None


def answer_start_offer(qtbot: QtBot, console: Any, use_assessment: bool = False) -> None:
    """Answer the console's offer to start from the assessment (if it makes one), as a
    chair would with a click, then wait for the conference to load.

    Only a conference not yet started, on a case with an assessment, asks; most tests
    run a conference as the room builds it, so they start afresh.
    """
    qtbot.waitUntil(
        lambda: console.data is not None or start_offer_box(console) is not None, timeout=30000
    )
    box = start_offer_box(console)
    if box is not None:
        role = (
            QMessageBox.ButtonRole.AcceptRole
            if use_assessment
            else QMessageBox.ButtonRole.RejectRole
        )
        chosen = next(b for b in box.buttons() if box.buttonRole(b) == role)
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: console.data is not None, timeout=30000)
