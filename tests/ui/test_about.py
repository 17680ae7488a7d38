"""About shows the one version, the one pyproject.toml sets (through the package metadata)."""

from __future__ import annotations

import importlib.metadata
import tomllib

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from roth_desktop import __version__
from tests.helpers.common import REPO
from tests.ui.conftest import window_of
from ui.app import Controller


def test_about_shows_the_version_from_pyproject(qtbot: QtBot, unlocked: Controller) -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert __version__ == pyproject["project"]["version"]
    assert __version__ == importlib.metadata.version("roth-desktop")

    window = window_of(unlocked)
    action = window.findChild(QAction, "action_about")
    assert action is not None
    shown: list[str] = []

    def read_and_close(tries: int = 0) -> None:
        # About is modal: read it from inside its own event loop, then close it.
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        elif tries < 100:
            QTimer.singleShot(20, lambda: read_and_close(tries + 1))

    QTimer.singleShot(0, read_and_close)
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert f"ROTH Desktop {__version__}" in shown[0]
