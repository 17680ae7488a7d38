"""``roth-desktop --self-test``: the core checks (roth_desktop/self_test.py) plus Qt's.

The Qt check builds the real main window on a new encrypted workspace, lets its
first loads finish, and paints it into an image. It needs no display: the
offscreen platform is chosen unless the caller chose one, so the test runs the
same on a build server, over SSH, and on a chair's laptop without a window
flashing up.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
from pathlib import Path

from roth_desktop import self_test
from roth_desktop.self_test import CheckFailed

SETTLE_SECONDS = 30.0


def check_qt(scratch: Path) -> str:
    # Imported here so that a broken Qt is this check's FAIL line, not a crash of the rest.
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from roth_desktop.workspace import Workspace
    from ui.jobs import Jobs
    from ui.main_window import MainWindow
    from ui.store import Store
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "roth-desktop"])
    assert isinstance(app, QApplication)
    apply_theme(app)  # the stylesheet is a resource too
    jobs = Jobs()
    busy = [False]
    jobs.busy_changed.connect(lambda now: busy.__setitem__(0, now))
    workspace = Workspace.create(
        scratch / "workspace", secrets.token_urlsafe(24), actor="self-test"
    )
    store = Store(workspace, jobs)
    try:
        window = MainWindow(store, idle_minutes=5)
        window.show()
        # The window's first loads run on the storage worker and come back as events:
        # wait for the worker, deliver the results, and repeat until nothing is queued.
        deadline = time.monotonic() + SETTLE_SECONDS
        while True:
            jobs.wait_idle()
            app.processEvents()
            if not busy[0]:
                break
            if time.monotonic() > deadline:
                raise CheckFailed("the main window's first loads did not finish")
        picture = window.grab()
        if picture.isNull() or picture.width() < 200 or picture.height() < 200:
            raise CheckFailed("the main window painted nothing")
        size = f"{picture.width()}x{picture.height()}"
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        store.close()
        jobs.wait_idle()
        workspace.lock()
        jobs.shutdown()
    platform = QGuiApplication.platformName()
    where = platform if platform == "offscreen" else f"on {platform}"
    return f"main window created {where} (Qt painted {size})"


def check_welsh(_scratch: Path) -> str:
    """The compiled Welsh UI translations are in the build and answer in Welsh."""
    from ui.i18n import language

    welsh = language("cy")
    if not welsh.loaded:
        raise CheckFailed("no compiled Welsh translations (installer/translations.py release)")
    # A string the main window translates; held in variables so lupdate does not file
    # this check as a string of its own to translate.
    context, source = "MainWindow", "&File"
    answer = welsh.translate(context, source)
    if answer == source:
        raise CheckFailed("the Welsh translations answer in English")
    return f"Welsh UI translations load ({answer})"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return self_test.run(extra=[("qt", check_qt), ("welsh", check_welsh)])
