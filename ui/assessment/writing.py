"""The worker's long texts: saved as they are typed, with wording hints and the family's words.

Each is a :class:`~ui.console.draft_text.DraftText` bound to one field of the
assessment, so a pause in typing saves it (with undo), exactly as the chair's
minutes do. Under it sit the wording hints and, kept apart and never merged into
the worker's text, any correction the family made to it ("Joanne Marsh said: …").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.assessment.data import AssessmentView
from ui.assessment.language_hints import HintSource, LanguageHints
from ui.console.draft_text import DraftText
from ui.console.pages import as_html, is_alive
from ui.i18n import Translated
from ui.store import Store


class WritingBox(DraftText):
    """One text field of an existing record, saved on every pause in typing."""

    def __init__(
        self, store: Store, table: str, field: str, noun: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, table, field, noun, dict, parent)
        # One long text, not a run of entries: there is nothing to finish and start again.
        self.removeAction(self.finish_action)
        self._in_flight = 0  # saves sent whose answer has not come back yet

    def finish(self) -> None:
        self.save()

    def save(self) -> None:
        if self.record_id is None:
            return  # not shown yet: never create a record from here
        before = self._saved_text
        super().save()
        if self._saved_text != before:
            self._in_flight += 1
            # The worker runs in order, so this answers once the save has been made;
            # until then a redraw may carry the text from before it, and is ignored.
            self.store.read(lambda _s: None, lambda _r: self._landed())

    def _landed(self) -> None:
        if is_alive(self):  # the window may have closed, or been rebuilt in another language
            self._in_flight = max(0, self._in_flight - 1)

    def show_value(self, record_id: str, value: Any) -> None:
        """Show the saved text, unless typing here is newer than it."""
        text = "" if value is None else str(value)
        if self.record_id != record_id:
            self.record_id = record_id
        elif self._in_flight or self.toPlainText() != self._saved_text:
            return  # what is in the box is about to be saved, or is on its way
        self._saved_text = text  # before the text changes, so the change saves nothing
        if self.toPlainText() == text:
            return
        position = self.textCursor().position()
        self.setPlainText(text)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.setTextCursor(cursor)


class WritingField(Translated, QWidget):
    """A heading, the box, its wording hints, and the family's corrections of it."""

    def __init__(
        self,
        store: Store,
        field: str,
        label: str,
        help_text: str,
        hints: HintSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.title = label
        self.label = QLabel(label, self)
        self.label.setStyleSheet("font-weight: bold")  # size still follows View > Text size
        self.box = WritingBox(store, "assessment", field, label.lower(), self)
        self.box.setObjectName(f"writing_{field}")
        self.box.setAccessibleName(label)
        self.box.setPlaceholderText(help_text)
        self.box.setToolTip(help_text)
        # Room for a paragraph or two; a longer text scrolls in its box.
        lines = self.box.fontMetrics().lineSpacing()
        self.box.setMinimumHeight(lines * 5 + 12)
        self.box.setMaximumHeight(lines * 9 + 12)
        self.label.setBuddy(self.box)
        self.hints = LanguageHints(hints, self)
        self.hints.setObjectName(f"hints_{field}")
        self.hints.watch(self.box)
        self.hints.base_description = self._beside
        self.corrections = QWidget(self)
        self.corrections.setObjectName(f"corrections_{field}")
        self.corrections_layout = QVBoxLayout(self.corrections)
        self.corrections_layout.setContentsMargins(12, 0, 0, 0)
        self.corrections.hide()
        self._corrections: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)  # room before the next field's heading
        layout.addWidget(self.label)
        layout.addWidget(self.box)
        layout.addWidget(self.hints)
        layout.addWidget(self.corrections)

    def show_view(self, view: AssessmentView) -> None:
        self.box.show_value(view.id, view.assessment.get(self.field))
        self.hints.refresh()
        found = [(c["who"], c["words"]) for c in view.corrections_about(self.field)]
        if found == self._corrections:
            return
        self._corrections = found
        while self.corrections_layout.count():
            item = self.corrections_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for who, words in found:
            said = self.tr("{name} said:").format(name=who)
            line = QLabel(f"<b>{as_html(said)}</b> “{as_html(words)}”", self.corrections)
            line.setObjectName("family_correction")
            line.setWordWrap(True)
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            line.setAccessibleName(
                self.tr("Correction from {name}: {words}").format(name=who, words=words)
            )
            self.corrections_layout.addWidget(line)
        self.corrections.setVisible(bool(found))
        self.hints.describe()

    def _beside(self) -> str:
        """What a screen reader hears about the box besides its name: the family's words."""
        count = len(self._corrections)
        if not count:
            return ""
        if count == 1:
            return self.tr("1 correction from the family below this box.")
        return self.tr("{count} corrections from the family below this box.").format(count=count)
