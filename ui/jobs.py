"""Storage work off the UI thread.

All database work runs, in order, on one worker thread: SQLite takes one
writer at a time anyway, and a single queue means an undo can never overtake
the edit it undoes. Results come back to the UI thread through a queued Qt
signal. ``busy_changed`` drives the status bar's "Saving…" indicator.

Results travel through a plain thread-safe queue and the signal carries no
arguments: passing Python objects (None above all) through a queued PySide6
signal from a non-Qt thread has crashed the interpreter here with a refcount
error, so nothing but a wake-up crosses the thread boundary in Qt's hands.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Jobs(QObject):
    busy_changed = Signal(bool)
    _ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roth-db")
        self._pending = 0
        self._shut = False
        self._results: queue.SimpleQueue[tuple[Any, Any, BaseException | None]] = (
            queue.SimpleQueue()
        )
        self._ready.connect(self._deliver)

    def submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], object] | None = None,
        failed: Failed | None = None,
    ) -> None:
        if self._shut:
            return  # the app is closing; the Store refuses writes before this point
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def run() -> None:
            try:
                result = work()
            except BaseException as exc:  # handed back to the UI thread, not lost
                self._results.put((failed, None, exc))
            else:
                self._results.put((done, result, None))
            self._ready.emit()

        self._pool.submit(run)

    @Slot()
    def _deliver(self) -> None:
        try:
            callback, result, error = self._results.get_nowait()
        except queue.Empty:
            return
        self._pending -= 1
        try:
            if error is not None:
                if callback is None:
                    raise error
                callback(error)
            elif callback is not None:
                callback(result)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def wait_idle(self) -> None:
        """Block until queued work is done (used when locking and in tests)."""
        self._pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._shut = True
        self._pool.shutdown(wait=True)
