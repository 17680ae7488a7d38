"""Running a report or export on the worker, with progress, then offering its folder.

PDFs and the data return can take seconds on a big workspace, so they run on
the storage worker like every other database read. Progress is shown through
``ui/worker_progress.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from roth_desktop.progress import Progress
from ui.i18n import Translated
from ui.store import Store
from ui.worker_progress import WorkerProgress, one_line_failures

ExportWork = Callable[[Session, Progress], Sequence[Path]]


class ExportRun(Translated, QObject):
    """One export: a progress dialog while it runs, then a notice with "Open folder".

    ``title`` comes already in the window's language; the run speaks the language of
    the window it belongs to (``parent``).
    """

    finished = Signal(bool)

    def __init__(self, store: Store, title: str, work: ExportWork, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = title
        self.paths: list[Path] = []
        self.error = ""
        self.notice: QMessageBox | None = None
        self._parent = parent
        self.relay = WorkerProgress(parent, title, "export_progress", title)
        self.progress = self.relay.dialog
        report, unexpected = self.relay.report, self.relay.unexpected

        def run(session: Session) -> list[Path]:
            return one_line_failures(lambda: list(work(session, report)), unexpected)

        store.read(run, self._done, self._failed)

    def _stop(self) -> None:
        self.relay.stop()

    def _notice(self, name: str, icon: QMessageBox.Icon, text: str, spoken: str) -> QMessageBox:
        box = QMessageBox(self._parent)
        box.setObjectName(name)
        box.setWindowTitle(self.title)
        box.setIcon(icon)
        box.setText(text)
        box.setAccessibleName(f"{self.title} {spoken}")
        self.notice = box
        return box

    def _close_button(self, box: QMessageBox) -> None:
        # Qt words its standard buttons in English only; ours follow the window.
        close = box.addButton(QMessageBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))

    def _done(self, paths: list[Path]) -> None:
        self._stop()
        self.paths = paths
        lines = "\n".join([self.tr("Saved:"), *(str(p) for p in paths)])
        notice = self._notice(
            "export_done",
            QMessageBox.Icon.Information,
            lines,
            self.tr("saved"),
        )
        # Made by the box, so the box owns it: a button made here and handed over would
        # be deleted with its Python wrapper when this method returns.
        open_folder = notice.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        open_folder.setObjectName("open_folder")
        open_folder.setAccessibleName(self.tr("Open the folder it was saved in"))
        self._close_button(notice)
        folder = paths[0].parent if paths else Path.home()
        open_folder.clicked.connect(
            lambda _checked=False: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
        notice.open()  # not exec(): nothing else waits on it
        self.finished.emit(True)

    def _failed(self, error: BaseException) -> None:
        self._stop()
        self.error = str(error)
        warning = self._notice(
            "export_failed",
            QMessageBox.Icon.Warning,
            self.tr("Nothing was saved. {reason}").format(reason=error),
            self.tr("failed"),
        )
        self._close_button(warning)
        warning.open()
        self.finished.emit(False)
