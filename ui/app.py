"""Application start-up, locking and the idle timer."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from roth_desktop import __version__
from roth_desktop.app_settings import AppSettings
from roth_desktop.crash_report import write_crash_report
from roth_desktop.quick_unlock import QuickUnlock
from roth_desktop.workspace import Workspace
from ui.display_prefs import DisplayPrefs
from ui.i18n import default_language, language
from ui.jobs import Jobs
from ui.main_window import MainWindow
from ui.store import Store
from ui.unlock_dialog import UnlockDialog
from ui.view_menu import DisplayMenus

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """Restarts a timer on any keyboard, mouse or touch input anywhere in the app."""

    def __init__(self, minutes: int) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


class Controller(QObject):
    """Owns the open workspace and the windows, and is the only thing that locks."""

    def __init__(
        self, app: QApplication, folder: Path | None, settings: AppSettings | None = None
    ) -> None:
        super().__init__()
        self.app = app
        self.settings = settings or AppSettings.load()
        self.display = DisplayPrefs(app, self.settings)
        self.display.apply()
        self.display.language_chosen.connect(self.set_language)
        self.jobs = Jobs(self)
        self.quick = QuickUnlock.available()
        self.workspace: Workspace | None = None
        self.window: MainWindow | None = None
        self.last_young_person: str | None = None
        start = folder or (
            Path(self.settings.last_workspace) if self.settings.last_workspace else None
        )
        self.unlock_dialog = UnlockDialog(self.jobs, self.settings, start, self.quick)
        self.unlock_dialog.unlocked.connect(self.show_workspace)
        self.idle = IdleWatch(self.settings.idle_lock_minutes)
        self.idle.timer.timeout.connect(self.lock)
        app.installEventFilter(self.idle)

    def start(self) -> None:
        self.unlock_dialog.show()
        self.unlock_dialog.try_quick_unlock()

    @property
    def locked(self) -> bool:
        return self.workspace is None

    def show_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.window = self._new_window(Store(workspace, self.jobs))
        if self.last_young_person:
            self.window.case_view.show_young_person(self.last_young_person)
        self.window.show()
        self.idle.timer.start()

    def _new_window(self, store: Store) -> MainWindow:
        window = MainWindow(store, self.settings.idle_lock_minutes, language=self.display.language)
        window.lock_requested.connect(self.lock)
        window.idle_minutes_chosen.connect(self.set_idle_minutes)
        DisplayMenus(window, window.view_menu, self.display)
        return window

    def set_language(self, code: str) -> None:
        """Rebuild the main window in ``code``; open conference consoles keep theirs.

        A rebuild, not a retranslation in place: every string is set once, where the
        widget is made, so there is no second list of strings to keep in step. The
        consoles (a live meeting) move to the new window untouched.
        """
        old = self.window
        if old is None:
            return
        young_person = old.case_view.young_person_id
        view, tab = old.views.currentIndex(), old.case_view.tabs.currentIndex()
        window = self._new_window(old.store)
        window.setGeometry(old.geometry())
        for child in old.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isWindow() and getattr(child, "keeps_its_window", False):
                shown = child.isVisible()
                child.setParent(window, child.windowFlags())
                child.setVisible(shown)
        self.window = window
        if young_person:
            window.case_view.show_young_person(young_person)
        window.views.setCurrentIndex(view)
        window.case_view.tabs.setCurrentIndex(tab)
        window.show()
        old.hide()
        old.deleteLater()

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self.settings.save()
        self.idle.timer.setInterval(minutes * 60_000)
        self.idle.timer.start()
        if self.window is not None:
            self.window.show_idle_minutes(minutes)

    def lock(self) -> None:
        """Hide every window, drop the key, and ask for the passphrase again."""
        self.idle.timer.stop()
        if self.window is not None:
            self.last_young_person = self.window.case_view.young_person_id
        self._save_everything()
        for widget in QApplication.topLevelWidgets():
            if widget is not self.unlock_dialog:
                widget.hide()
        if self.window is not None:
            # Destroyed, not just hidden: its widgets hold what was on screen.
            self.window.deleteLater()
            self.window = None
        if self.workspace is not None:
            self.workspace.lock()
            self.workspace = None
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()

    def _save_everything(self) -> None:
        """Commit the field being typed in, then wait until every edit is on disk."""
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # a half-typed field commits on focus-out
        if self.window is not None:
            self.window.store.close()
        self.jobs.wait_idle()

    def shutdown(self) -> None:
        self._save_everything()
        if self.workspace is not None:
            self.workspace.lock()
        self.jobs.shutdown()


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    report = write_crash_report(exc.with_traceback(tb))
    words = language(default_language())
    QMessageBox.critical(
        None,
        "ROTH Desktop",
        words.translate(
            "Controller",
            "Something went wrong. Your saved work is safe in the workspace.\n"
            "A report without personal details was written to {report}.",
        ).format(report=report),
    )


def run_app(folder: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("ROTH Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ROTH Desktop")
    sys.excepthook = _excepthook
    controller = Controller(app, folder)
    controller.start()
    app.lastWindowClosed.connect(controller.shutdown)
    app.setQuitOnLastWindowClosed(True)
    return app.exec()
