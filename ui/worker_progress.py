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
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language, language_of

T = TypeVar("T")

# The steps the core reports, in English (it knows nothing of windows). Translated
# where shown; a step not listed here came already worded in the record's language
# (a Welsh PDF reports its steps in Welsh) and is shown as it came.
READING_THE_CONFERENCE = QT_TRANSLATE_NOOP("WorkerProgress", "reading the conference")
STEPS = frozenset(
    {
        READING_THE_CONFERENCE,
        QT_TRANSLATE_NOOP("WorkerProgress", "Laying out the pages"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Numbering the pages"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Done"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Reading the episodes"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Working out the summary"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Building the workbook"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Saving"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Saved"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Finding the deadlines"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Checking the team"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Sealing this device's changes"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Sending"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Fetching the team's changes"),
        QT_TRANSLATE_NOOP("WorkerProgress", "Applying the team's changes"),
    }
)


UNEXPECTED = QT_TRANSLATE_NOOP(
    "WorkerProgress",
    "Something unexpected went wrong ({kind}); details without personal data are in {where}.",
)


class WorkerProgress(Translated, QObject):
    """A progress dialog fed from another thread through ``report(percent, step)``.

    ``title`` and ``prefix`` come already in the window's language.
    """

    def __init__(self, parent: QWidget, title: str, object_name: str, prefix: str) -> None:
        super().__init__(parent)
        self._prefix = prefix
        self._updates: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
        self.dialog = QProgressDialog(f"{prefix}…", "", 0, 100, parent)
        self.dialog.setObjectName(object_name)
        self.dialog.setAccessibleName(self.tr("{title}: progress").format(title=title))
        # For one_line_failures on the worker, which cannot ask which window it is for.
        self.unexpected = language(language_of(self)).translate("WorkerProgress", UNEXPECTED)
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
            step = self.step_words(latest[1])
            self.dialog.setLabelText(f"{self._prefix}: {step}" if step else f"{self._prefix}…")

    def step_words(self, step: str) -> str:
        """The step in the window's language, or "" when it has no words in it."""
        code = language_of(self)
        if step not in STEPS or code == "en":
            return step
        words = language(code).translate("WorkerProgress", step)
        # An English step with no translation yet is left out rather than mixed in.
        return words if words != step else ""

    def stop(self) -> None:
        self._timer.stop()
        self.dialog.close()


def one_line_failures(work: Callable[[], T], words: str = UNEXPECTED) -> T:
    """Run ``work``; an unexpected failure becomes one line, with a crash report on disk.

    The progress dialog must always close, so nothing may escape unexplained.
    ``words`` is that line, with ``{kind}`` and ``{where}``: ``WorkerProgress.unexpected``
    has it in the window's language, worded on the UI thread before the work starts.
    """
    try:
        return work()
    except RothError:
        raise
    except Exception as exc:
        where = write_crash_report(exc)
        raise RothError(words.format(kind=type(exc).__name__, where=where)) from None
