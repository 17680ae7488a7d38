"""What the screenshot scripts that open a case share: a timer, and waiting for the cases.

The demo's main window lists its cases a moment after unlocking (the list is read
on the worker); a script picks one only once they are there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import Controller
from ui.main_window import MainWindow


def later(ms: int, then: object) -> None:
    QTimer.singleShot(ms, then)  # type: ignore[call-overload]


def when_cases_listed(
    app: QApplication, controller: Controller, then: Callable[[MainWindow], object], tries: int = 0
) -> None:
    """Call ``then`` with the main window once it lists the cases; give up (exit 1) after ~10 s."""
    window = controller.window
    if window is None or window.case_list.model.rowCount() == 0:
        if tries > 200:
            app.exit(1)
            return
        later(50, lambda: when_cases_listed(app, controller, then, tries + 1))
        return
    then(window)
