"""Open the demo workspace in a real window and save a screenshot of it.

Run under Xvfb with QT_QPA_PLATFORM=xcb:
    python screenshot_main_window.py DEMO_DIR PASSPHRASE_FILE OUT.png [TAB]
It drives the app as a chair would: unlock, pick a young person, open a tab.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from roth_desktop.app_settings import AppSettings
from ui.app import Controller


def display_settings() -> AppSettings:
    """Settings with the display choices a screenshot asks for (ROTH_SHOT_* variables)."""
    settings = AppSettings()
    settings.theme = os.environ.get("ROTH_SHOT_THEME", settings.theme)
    settings.text_scale = int(os.environ.get("ROTH_SHOT_SCALE", settings.text_scale))
    settings.language = os.environ.get("ROTH_SHOT_LANGUAGE", settings.language)
    return settings


def unlocked_app(folder: Path, passphrase_file: Path) -> tuple[QApplication, Controller]:
    """A real app on the workspace, unlocked the way a person does it."""
    app = QApplication(sys.argv[:1])
    controller = Controller(app, folder, display_settings())
    controller.start()
    dialog = controller.unlock_dialog
    dialog.passphrase.setText(passphrase_file.read_text("utf-8").rstrip("\n"))
    dialog.unlock()
    return app, controller


def finish(app: QApplication, controller: Controller, code: int) -> None:
    """Save, then close every window while Python is still whole, then quit.

    Windows left open are closed by Qt as the interpreter shuts down, and their
    Python models are asked for headers when Python can no longer answer (a
    crash in shiboken, seen once in a few runs).
    """
    controller.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    app.processEvents()
    app.exit(code)


def main() -> int:
    folder, passphrase_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    tab = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    app, controller = unlocked_app(folder, passphrase_file)
    result = {"code": 1}

    def wait_for_window(tries: int = 0) -> None:
        window = controller.window
        if window is None or window.case_list.model.rowCount() == 0:
            if tries > 200:
                app.exit(1)
                return
            QTimer.singleShot(50, lambda: wait_for_window(tries + 1))
            return
        window.case_list.select(window.case_list.model.rows[-1].young_person_id)
        window.case_view.tabs.setCurrentIndex(tab)
        QTimer.singleShot(800, shoot)

    def shoot() -> None:
        window = controller.window
        assert window is not None
        screen = window.screen()
        ok = screen.grabWindow(0).save(str(out)) if screen else window.grab().save(str(out))
        result["code"] = 0 if ok else 1
        finish(app, controller, result["code"])

    QTimer.singleShot(100, wait_for_window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
