"""A box for words that are saved while they are typed: minutes, and the family's words.

The first pause in typing creates the record; later pauses update it. So if the
laptop dies mid-sentence, all but the last moment is already in the workspace.
"Add" (or Ctrl+Return) finishes the entry and clears the box for the next one.

Ctrl+Return is an action of the box (working only while the box has the
keyboard), so a list of a window's keys (``findChildren(QAction)``) shows it too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from roth_desktop.models.base import new_id
from ui.forms import TYPING_SAVE_MS
from ui.i18n import Translated
from ui.store import Store


class DraftText(Translated, QPlainTextEdit):
    finished = Signal(str)  # the record id of the entry just finished

    def __init__(
        self,
        store: Store,
        table: str,
        field: str,
        noun: str,
        new_values: Callable[[], dict[str, Any]],
        parent: QWidget | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``failed`` hears of a refused save; without one, the store's ``problem`` signal
        does (the chair's status bar). The family's screen passes its own quiet line."""
        super().__init__(parent)
        self._failed = failed
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
        self.finish_action = QAction(self)
        self.finish_action.setObjectName("action_finish_entry")
        self.finish_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.finish_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.finish_action.triggered.connect(lambda _checked=False: self.finish())
        self.addAction(self.finish_action)
        self.retranslate()

    def retranslate(self) -> None:
        """The action's words, in the language of the window the box is in (again when shown)."""
        self.finish_action.setText(self.tr("Finish this entry and start the next"))

    def showEvent(self, event: QShowEvent) -> None:
        self.retranslate()
        super().showEvent(event)

    def save(self) -> None:
        """Write what is in the box now (called on every pause, and before locking)."""
        self._timer.stop()
        text = self.toPlainText()
        if text == self._saved_text or self.store.closed:
            return
        if self.record_id is None:
            if not text.strip():
                return
            record_id = self.record_id = new_id()
            values = {**self.new_values(), self.field: text, "id": record_id}

            def not_created(error: BaseException) -> None:
                if self.record_id == record_id:  # try again as a new entry on the next pause
                    self.record_id = None
                    self._saved_text = ""
                if self._failed is not None:
                    self._failed(error)

            self.store.create(
                self.table,
                values,
                self.noun,
                failed=not_created if self._failed is not None else None,
            )
        else:
            self.store.set_field(
                self.table, self.record_id, self.field, text, self.noun, failed=self._failed
            )
        self._saved_text = text

    def take_over(self, other: DraftText) -> None:
        """Carry on the entry ``other`` holds (the console rebuilt in another language).

        What was typed stays, and the next pause updates the same record instead of
        starting a new one. ``other`` is saved first, so nothing typed is lost.
        """
        other.save()
        text = other.toPlainText()
        cursor = other.textCursor().position()
        self.record_id = other.record_id
        self._saved_text = other._saved_text
        other.record_id = None  # only one box may go on writing to the record
        other._saved_text = text
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        moved = self.textCursor()
        moved.setPosition(min(cursor, len(text)))
        self.setTextCursor(moved)

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
