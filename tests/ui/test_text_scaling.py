"""Text size 100-200% and high contrast, applied to the real app, with nothing cut off."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from roth_desktop.app_settings import AppSettings
from roth_desktop.themes import TEXT_MINIMUM, TEXT_SCALES, THEMES, contrast_ratio
from tests.ui.clipping import clipped_text
from tests.ui.conftest import open_draft_console, unlock, window_of
from ui.app import Controller

WAIT = 15000
PAIRS = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
)


def _open(qapp: QApplication, qtbot: QtBot, folder: Path, **display: object) -> Controller:
    settings = AppSettings()
    for key, value in display.items():
        setattr(settings, key, value)
    controller = Controller(qapp, folder, settings)
    controller.start()
    unlock(qtbot, controller)
    qtbot.waitUntil(
        lambda: controller.window is not None and controller.window.case_list.model.rowCount() == 3,
        timeout=WAIT,
    )
    return controller


def _settled_clipping(qtbot: QtBot, widget: QWidget) -> list[str]:
    """Clipped text once the widget has settled.

    Pages load on the worker and lay out when their data lands: judge what a
    person sees, not a half-drawn frame.
    """
    with contextlib.suppress(WaitTimeout):
        qtbot.waitUntil(lambda: clipped_text(widget) == [], timeout=3000)
    return clipped_text(widget)


@pytest.fixture
def opened() -> Iterator[list[Controller]]:
    made: list[Controller] = []
    yield made
    for controller in made:
        controller.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


@pytest.mark.parametrize("theme", THEMES)
def test_the_applied_palette_keeps_every_text_pair_readable(
    qapp: QApplication, qtbot: QtBot, demo_folder: Path, opened: list[Controller], theme: str
) -> None:
    opened.append(_open(qapp, qtbot, demo_folder, theme=theme))
    palette = window_of(opened[0]).palette()
    for fg, bg in PAIRS:
        ratio = contrast_ratio(palette.color(fg).getRgb(), palette.color(bg).getRgb())  # type: ignore[arg-type]
        assert ratio >= TEXT_MINIMUM, f"{theme}: {fg.name} on {bg.name} is {ratio:.2f}:1"


def test_text_size_scales_the_whole_ui_and_nothing_is_cut_off_at_200(
    qapp: QApplication, qtbot: QtBot, demo_folder: Path, opened: list[Controller]
) -> None:
    opened.append(_open(qapp, qtbot, demo_folder))
    window = window_of(opened[0])
    base = QApplication.font().pointSizeF()
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    for percent in TEXT_SCALES:
        opened[0].display.set_text_scale(percent)
        assert QApplication.font().pointSizeF() == pytest.approx(base * percent / 100)
        assert window.font().pointSizeF() == pytest.approx(base * percent / 100)
    assert AppSettings.load().text_scale == 200  # remembered for next time
    row = window.case_list.model.rows[0]
    window.case_list.select(row.young_person_id)
    qtbot.waitUntil(lambda: window.case_view.detail is not None, timeout=WAIT)
    for index in range(window.case_view.tabs.count()):
        window.case_view.tabs.setCurrentIndex(index)
        problems = _settled_clipping(qtbot, window)
        assert problems == [], (window.case_view.tabs.tabText(index), problems)
    window.show_today()
    assert _settled_clipping(qtbot, window) == [], "Today"
    # A laptop at 1920x1080 with 200% text: the window must still fit its screen,
    # or the right-hand side of every form is off the edge.
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert need.width() <= 1600 and need.height() <= 1000, need
    opened[0].display.set_text_scale(100)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_high_contrast_from_the_view_menu_recolours_open_windows(
    qapp: QApplication, qtbot: QtBot, demo_folder: Path, opened: list[Controller]
) -> None:
    opened.append(_open(qapp, qtbot, demo_folder))
    window = window_of(opened[0])
    action = window.findChild(QAction, "action_high_contrast")
    assert action is not None and not action.isChecked()
    action.trigger()
    assert window.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert window.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert AppSettings.load().theme == "high-contrast"
    action.trigger()
    assert window.palette().color(QPalette.ColorRole.Window).name() != "#000000"


def test_console_and_family_screen_at_200_percent_cut_nothing_off(
    qapp: QApplication, qtbot: QtBot, demo_folder: Path, opened: list[Controller]
) -> None:
    opened.append(_open(qapp, qtbot, demo_folder, text_scale=200))
    console = open_draft_console(qtbot, opened[0])
    console.resize(1600, 1000)
    console.show_participant_screen()
    screen = console.participant
    assert screen is not None
    screen.resize(1600, 1000)
    for step in ("welcome", "voices", "safety", "weighting", "needs", "plan", "next_steps"):
        console.go_to(step)
        for shown in (console, screen):
            assert _settled_clipping(qtbot, shown) == [], (step, type(shown).__name__)
            need = shown.minimumSizeHint().expandedTo(shown.minimumSize())
            assert need.width() <= 1600 and need.height() <= 1000, (
                step,
                type(shown).__name__,
                need,
                sorted(
                    (w.minimumSizeHint().width(), type(w).__name__, w.objectName())
                    for w in shown.findChildren(QWidget)
                    if w.isVisible() and w.window() is shown
                )[-12:],
            )
