"""Progress from work on the storage worker, shown in a dialog on the UI thread.

Reports, exports and sync run on the storage worker like every other database
job. Their progress crosses back through a plain queue that a timer drains: only a
wake-up ever crosses the thread boundary in Qt's hands (see ``ui/jobs.py`` for
why). There is no Cancel button: half a PDF is worth nothing, and every step of a
sync commits on its own so the next sync finishes the rest.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from roth_desktop.crash_report import write_crash_report
from roth_desktop.errors import RothError

T = TypeVar("T")


class WorkerProgress(QObject):
    """A progress dialog fed from another thread through ``report(percent, step)``."""

    def __init__(self, parent: QWidget, title: str, object_name: str, prefix: str) -> None:
        super().__init__(parent)
        self._prefix = prefix
        self._updates: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
        self.dialog = QProgressDialog(f"{prefix}…", "", 0, 100, parent)
        self.dialog.setObjectName(object_name)
        self.dialog.setAccessibleName(f"{title}: progress")
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._timer = QTimer(self)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self._drain)
        self._timer.start()

    def report(self, percent: int, step: str) -> None:
        """Safe from any thread: only the queue is touched."""
        self._updates.put((max(0, min(int(percent), 100)), step))

    def _drain(self) -> None:
        latest = None
        while True:
            try:
                latest = self._updates.get_nowait()
            except queue.Empty:
                break
        if latest is not None:
            self.dialog.setValue(latest[0])
            self.dialog.setLabelText(f"{self._prefix}: {latest[1]}")

    def stop(self) -> None:
        self._timer.stop()
        self.dialog.close()


def one_line_failures(work: Callable[[], T]) -> T:
    """Run ``work``; an unexpected failure becomes one line, with a crash report on disk.

    The progress dialog must always close, so nothing may escape unexplained.
    """
    try:
        return work()
    except RothError:
        raise
    except Exception as exc:
        where = write_crash_report(exc)
        raise RothError(
            f"Something unexpected went wrong ({type(exc).__name__}); "
            f"details without personal data are in {where}."
        ) from None
