"""A box for words that are saved while they are typed: minutes, and the family's words.

The first pause in typing creates the record; later pauses update it. So if the
laptop dies mid-sentence, all but the last moment is already in the workspace.
"Add" (or Ctrl+Return) finishes the entry and clears the box for the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from roth_desktop.models.base import new_id
from ui.forms import TYPING_SAVE_MS
from ui.store import Store


class DraftText(QPlainTextEdit):
    finished = Signal(str)  # the record id of the entry just finished

    def __init__(
        self,
        store: Store,
        table: str,
        field: str,
        noun: str,
        new_values: Callable[[], dict[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.table = table
        self.field = field
        self.noun = noun
        self.new_values = new_values
        self.record_id: str | None = None
        self._saved_text = ""
        self.setTabChangesFocus(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_SAVE_MS)
        self._timer.timeout.connect(self.save)
        self.textChanged.connect(self._timer.start)
        finish = QShortcut(QKeySequence("Ctrl+Return"), self)
        finish.activated.connect(self.finish)

    def save(self) -> None:
        """Write what is in the box now (called on every pause, and before locking)."""
        self._timer.stop()
        text = self.toPlainText()
        if text == self._saved_text or self.store.closed:
            return
        if self.record_id is None:
            if not text.strip():
                return
            self.record_id = new_id()
            values = {**self.new_values(), self.field: text, "id": self.record_id}
            self.store.create(self.table, values, self.noun)
        else:
            self.store.set_field(self.table, self.record_id, self.field, text, self.noun)
        self._saved_text = text

    def finish(self) -> None:
        self.save()
        finished = self.record_id
        self.record_id = None
        self._saved_text = ""
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        if finished is not None:
            self.finished.emit(finished)

    def focusOutEvent(self, event: Any) -> None:
        self.save()
        super().focusOutEvent(event)
