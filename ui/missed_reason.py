"""Say why a deadline was missed: one reason, saved, audited and undoable.

Used by the dashboard and open to the case view: anything that holds a
``DueItem`` whose ``needs_reason`` is true can open this dialog for it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.errors import ValidationError
from roth_desktop.timescales.deadlines import DueItem, DueState
from roth_desktop.validation import format_date
from ui.forms import translate_words
from ui.i18n import QT_TRANSLATE_NOOP, Language, Translated, language, language_of
from ui.store import Store

EMPTY_REASON = QT_TRANSLATE_NOOP(
    "MissedReasonDialog", "Say why it was missed, for example: the family asked to move it."
)


def describe(item: DueItem, words: Language | None = None) -> str:
    """One line naming the deadline, for the dialog's heading (in ``words``, else English)."""
    words = words or language("en")
    if item.state == DueState.LATE and item.done_on is not None:
        text = words.translate(
            "MissedReasonDialog", "{what} for {name} ({initials}), due {due}, done {done}"
        )
    else:
        text = words.translate("MissedReasonDialog", "{what} for {name} ({initials}), due {due}")
    return text.format(
        what=translate_words(words.code, item.kind.label),
        name=item.name,
        initials=item.initials,
        due=format_date(item.due_on),
        done=format_date(item.done_on) if item.done_on else "",
    )


class MissedReasonDialog(Translated, QDialog):
    """Ask for the reason and create the ``missed_deadline`` row through the Store."""

    saved = Signal(str)  # the new missed_deadline id

    def __init__(self, store: Store, item: DueItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.item = item
        self.setWindowTitle(self.tr("Why was it missed?"))
        self.setAccessibleName(self.tr("Why was it missed?"))
        self.setObjectName("missed_reason_dialog")
        self.setMinimumWidth(480)
        # Gone once closed: a hidden dialog would still hold what was typed in it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        summary = describe(item, language(language_of(self)))
        self.summary = QLabel(summary + ".")
        self.summary.setObjectName("missed_reason_summary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(summary)
        if item.detail:
            self.summary.setToolTip(item.detail)

        self.reason = QPlainTextEdit()
        self.reason.setObjectName("missed_reason_text")
        self.reason.setAccessibleName(self.tr("Why it was missed"))
        self.reason.setAccessibleDescription(
            self.tr("The reason is kept with the case for the data return and the next chair.")
        )
        self.reason.setTabChangesFocus(True)  # Tab moves on to the buttons
        self.reason.setPlaceholderText(
            self.tr("For example: the family asked to move it to after exams.")
        )
        label = QLabel(self.tr("&Why it was missed"))
        label.setBuddy(self.reason)

        self.message = QLabel()
        self.message.setObjectName("missed_reason_message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Problem with the reason"))
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Qt's own words for these are English whatever the window's language.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for push in self.buttons.buttons():
            push.setAccessibleName(push.text().replace("&", ""))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(label)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def _problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.reason.setFocus()

    def save(self) -> None:
        text = self.reason.toPlainText().strip()
        if not text:
            self._problem(language(language_of(self)).translate("MissedReasonDialog", EMPTY_REASON))
            return
        self.message.hide()
        self.buttons.setEnabled(False)
        item = self.item
        values = {
            "case_id": item.case_id,
            "kind": item.kind.value,
            "source_id": item.source_id,
            "due_on": item.due_on,
            "reason": text,
        }

        def done(new_id: str) -> None:
            self.buttons.setEnabled(True)
            self.saved.emit(new_id)
            self.accept()

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            if isinstance(error, ValidationError):
                self._problem(error.problems.get("reason") or str(error))
            else:
                self._problem(str(error))

        label = f"reason the {item.kind.label.lower()} was missed"
        self.store.create("missed_deadline", values, label, done, failed)
