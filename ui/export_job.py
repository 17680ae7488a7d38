"""Running a report or export on the worker, with progress, then offering its folder.

PDFs and the data return can take seconds on a big workspace, so they run on
the storage worker like every other database read. Progress crosses back to
the UI thread through a plain queue that a timer drains: only a wake-up ever
crosses the thread boundary in Qt's hands (see ``ui/jobs.py`` for why).
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from roth_desktop.crash_report import write_crash_report
from roth_desktop.errors import RothError
from roth_desktop.progress import Progress
from ui.store import Store

ExportWork = Callable[[Session, Progress], Sequence[Path]]


class ExportRun(QObject):
    """One export: a progress dialog while it runs, then a notice with "Open folder"."""

    finished = Signal(bool)

    def __init__(self, store: Store, title: str, work: ExportWork, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = title
        self.paths: list[Path] = []
        self.error = ""
        self.notice: QMessageBox | None = None
        self._parent = parent
        self._updates: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
        self.progress = QProgressDialog(f"{title}…", "", 0, 100, parent)
        self.progress.setObjectName("export_progress")
        self.progress.setAccessibleName(f"{title}: progress")
        self.progress.setWindowTitle(title)
        self.progress.setCancelButton(None)  # half a PDF is worth nothing; it is quick anyway
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self._timer = QTimer(self)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self._drain)
        self._timer.start()

        updates = self._updates

        def report(percent: int, step: str) -> None:
            updates.put((max(0, min(int(percent), 100)), step))

        def run(session: Session) -> list[Path]:
            try:
                return list(work(session, report))
            except RothError:
                raise
            except Exception as exc:
                # The progress dialog must always close: an unexpected failure is
                # recorded without personal data and explained in one line.
                where = write_crash_report(exc)
                raise RothError(
                    f"Something unexpected went wrong ({type(exc).__name__}); "
                    f"details without personal data are in {where}."
                ) from None

        store.read(run, self._done, self._failed)

    def _drain(self) -> None:
        latest = None
        while True:
            try:
                latest = self._updates.get_nowait()
            except queue.Empty:
                break
        if latest is not None:
            self.progress.setValue(latest[0])
            self.progress.setLabelText(f"{self.title}: {latest[1]}")

    def _stop(self) -> None:
        self._timer.stop()
        self.progress.close()

    def _notice(self, name: str, icon: QMessageBox.Icon, text: str, spoken: str) -> QMessageBox:
        box = QMessageBox(self._parent)
        box.setObjectName(name)
        box.setWindowTitle(self.title)
        box.setIcon(icon)
        box.setText(text)
        box.setAccessibleName(f"{self.title} {spoken}")
        self.notice = box
        return box

    def _done(self, paths: list[Path]) -> None:
        self._stop()
        self.paths = paths
        lines = "\n".join(str(p) for p in paths)
        notice = self._notice(
            "export_done", QMessageBox.Icon.Information, f"Saved:\n{lines}", "saved"
        )
        # Made by the box, so the box owns it: a button made here and handed over would
        # be deleted with its Python wrapper when this method returns.
        open_folder = notice.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
        open_folder.setObjectName("open_folder")
        open_folder.setAccessibleName("Open the folder it was saved in")
        notice.addButton(QMessageBox.StandardButton.Close)
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
            "export_failed", QMessageBox.Icon.Warning, f"Nothing was saved. {error}", "failed"
        )
        warning.addButton(QMessageBox.StandardButton.Close)
        warning.open()
        self.finished.emit(False)
