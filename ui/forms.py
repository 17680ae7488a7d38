"""Forms built from field specs: one way to show, parse and validate a record.

Every field gets a visible label with a keyboard mnemonic, an accessible name
and description, and its own error line, so a problem is read out beside the
field it concerns rather than in a pop-up.

Specs hold English. Where they are written, field labels, help and fixed choice
words are marked ``QT_TRANSLATE_NOOP("FieldSpec", ...)`` and enum labels
``QT_TRANSLATE_NOOP("Labelled", ...)`` (see ``ui/record_specs.py``); the form
translates them into its window's language with :func:`translate_words`, so a
spec written once serves an English and a Welsh window alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.errors import ValidationError
from roth_desktop.validation import format_date, format_datetime, parse_date, parse_datetime
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language, language_of
from ui.widgets import letters_in_use, with_access_key

Kind = Literal["text", "multiline", "date", "datetime", "choice", "bool"]

# Typing pauses this long are saved, so a crash or a killed app loses at most the
# last second of what someone was saying.
TYPING_SAVE_MS = 700

# The contexts a spec's words are marked in, tried in this order.
WORD_CONTEXTS = ("FieldSpec", "Labelled")
DATE_HINT = QT_TRANSLATE_NOOP("FieldSpec", "DD/MM/YYYY")
DATETIME_HINT = QT_TRANSLATE_NOOP("FieldSpec", "DD/MM/YYYY HH:MM")


def translate_words(code: str, text: str) -> str:
    """A field label, help text, fixed choice or enum label in the language ``code``.

    Anything not marked for translation (a person's or an agency's name in a
    choice list) comes back as it is.
    """
    if not text:
        return text
    words = language(code)
    for context in WORD_CONTEXTS:
        found = words.translate(context, text)
        if found != text:
            return found
    return text


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: Kind = "text"
    choices: Sequence[tuple[str, str]] = ()  # (stored value, what people see)
    help: str = ""
    read_only: bool = False


class _CommitOnFocusOut(QObject):
    """Multi-line text commits when the person leaves the box, not on every key."""

    def __init__(self, commit: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._commit = commit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._commit()
        return False


def plain_value(value: Any) -> Any:
    """An enum as its stored value; anything else as it is."""
    return value.value if hasattr(value, "value") and not isinstance(value, str) else value


def changed_values(values: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """The fields a dialog changed, compared with the record as it was shown."""
    return {k: v for k, v in values.items() if v != plain_value(current.get(k))}


class RecordForm(Translated, QWidget):
    """Shows one record's fields; emits ``field_edited(name, value)`` when one changes.

    Its words follow the window it is in: set at construction from the parent
    chain, and again when shown if the form has since moved into a window of
    another language (a form built before it was placed in a page).
    """

    field_edited = Signal(str, object)

    def __init__(self, specs: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reserved_keys: set[str] = set()
        self.specs = {spec.name: spec for spec in specs}
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._words_in = ""  # the language the words were last set in
        self._saved: dict[str, Any] = {}  # as last loaded from the database
        self._loading = False
        self._timers: dict[str, QTimer] = {}
        outer = QVBoxLayout(self)
        layout = QFormLayout()
        outer.addLayout(layout)
        outer.addStretch(1)  # spare height goes below the fields, not into them
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            widget = self._make_widget(spec)
            widget.setObjectName(f"field_{spec.name}")
            widget.setEnabled(not spec.read_only)
            label = QLabel()
            label.setBuddy(widget)
            error = QLabel()
            error.setObjectName(f"error_{spec.name}")
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.hide()
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(2)
            box_layout.addWidget(widget)
            box_layout.addWidget(error)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            layout.addRow(label, box)
            self.widgets[spec.name] = widget
            self.errors[spec.name] = error
            self.labels[spec.name] = label
        self.apply_words()

    # -- words ----------------------------------------------------------------------------
    def apply_words(self) -> None:
        """Put every label, name, description, tooltip and choice in the window's language."""
        code = language_of(self)
        self._words_in = code
        taken = set(self.reserved_keys)
        for name, spec in self.specs.items():
            label = translate_words(code, spec.label)
            help_text = translate_words(code, spec.help)
            widget = self.widgets[name]
            widget.setAccessibleName(label)
            widget.setAccessibleDescription(help_text or label)
            widget.setToolTip(help_text)
            self.labels[name].setText(with_access_key(label, taken))
            self.errors[name].setAccessibleName(self.tr("Problem with {field}").format(field=label))
            if isinstance(widget, QComboBox):
                for index, (_value, shown) in enumerate(spec.choices):
                    widget.setItemText(index, translate_words(code, shown))
            elif isinstance(widget, QLineEdit) and spec.kind in ("date", "datetime"):
                hint = DATE_HINT if spec.kind == "date" else DATETIME_HINT
                widget.setPlaceholderText(translate_words(code, hint))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """Give the fields Alt letters nothing else showing in the window uses.

        Menus, tabs, buttons and other labels: two controls on one letter make Alt
        alternate between them instead of acting. Runs whenever the form comes into
        view, and when a window changes what shows beside it (the console's side tabs).
        """
        taken = letters_in_use(self.window(), exclude=self)
        if language_of(self) != self._words_in or taken != self.reserved_keys:
            self.reserved_keys = taken
            self.apply_words()

    # -- building -----------------------------------------------------------------------
    def _make_widget(self, spec: FieldSpec) -> QWidget:
        def commit() -> None:
            self._commit(spec.name)

        if spec.kind == "multiline":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)  # Tab moves on, as in every other field
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            text.installEventFilter(_CommitOnFocusOut(commit, text))
            text.textChanged.connect(self._typing_timer(spec.name, commit).start)
            return text
        if spec.kind == "choice":
            combo = QComboBox()
            # Long choices (the DfE ethnicity list) would otherwise set the form's
            # width, and at 200% text push the window past the screen's edge.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
            for value, label in spec.choices:
                combo.addItem(label, value)
            combo.activated.connect(lambda _i: commit())
            return combo
        if spec.kind == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda _on: commit())
            return check
        line = QLineEdit()  # a date's placeholder is set with the other words
        line.editingFinished.connect(commit)
        if spec.kind == "text":  # not dates: half a date is not worth a complaint
            line.textEdited.connect(lambda _t: self._typing_timer(spec.name, commit).start())
        return line

    def _typing_timer(self, name: str, commit: Callable[[], None]) -> QTimer:
        timer = self._timers.get(name)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(TYPING_SAVE_MS)
            timer.timeout.connect(commit)
            self._timers[name] = timer
        return timer

    # -- values ---------------------------------------------------------------------------
    def set_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, spec in self.specs.items():
                if name not in values:
                    continue
                value = plain_value(values[name])
                widget = self.widgets[name]
                self._saved[name] = value
                if widget.hasFocus() and spec.kind in ("text", "multiline"):
                    # Never overwrite what someone is typing: their next pause saves it.
                    continue
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(value)))
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(bool(value))
                elif isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != (value or ""):
                        widget.setPlainText(value or "")
                elif isinstance(widget, QLineEdit):
                    widget.setText(self._format(spec, value))
                    widget.setCursorPosition(0)
                self._set_error(name, "")
        finally:
            self._loading = False

    @staticmethod
    def _format(spec: FieldSpec, value: Any) -> str:
        if spec.kind == "date":
            return format_date(value) if isinstance(value, date) else ""
        if spec.kind == "datetime":
            return format_datetime(value) if isinstance(value, datetime) else ""
        return "" if value is None else str(value)

    def value(self, name: str) -> Any:
        """The field's current value, parsed; raises ValidationError when unreadable."""
        spec = self.specs[name]
        widget = self.widgets[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        text = widget.text().strip()
        try:
            if spec.kind == "date":
                return parse_date(text) if text else None
            if spec.kind == "datetime":
                return parse_datetime(text) if text else None
        except ValueError as exc:
            raise ValidationError({name: str(exc)}) from None
        return text

    def values(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, spec in self.specs.items():
            if spec.read_only:
                continue
            try:
                found[name] = self.value(name)
            except ValidationError as exc:
                problems.update(exc.problems)
        if problems:
            self.show_problems(problems)
            raise ValidationError(problems)
        return found

    def _commit(self, name: str) -> None:
        if self._loading:
            return
        try:
            value = self.value(name)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        if value == self._saved.get(name):
            self._set_error(name, "")
            return
        # _saved changes only when the database says so (the next set_values), so a
        # refused value stays on screen with its problem and can be sent again.
        self.field_edited.emit(name, value)

    # -- problems -------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> None:
        first: QWidget | None = None
        for name in self.specs:
            message = problems.get(name, "")
            self._set_error(name, message)
            if message and first is None:
                first = self.widgets[name]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_error(self, name: str, message: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.setVisible(bool(message))


class RecordDialog(Translated, QDialog):
    """Create or edit a record in one go; stays open while there are problems.

    ``title`` comes translated from the caller; the fields follow ``parent``'s window.
    """

    def __init__(
        self,
        title: str,
        specs: Sequence[FieldSpec],
        submit: Callable[
            [dict[str, Any], Callable[[], None], Callable[[BaseException], None]], None
        ],
        values: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        # Gone once closed: a hidden dialog would still hold what was typed in it.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = RecordForm(specs, self)
        if values:
            self.form.set_values(values)
        self._submit = submit
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Qt's own words for these are English whatever the window's language.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        try:
            values = self.form.values()
        except ValidationError:
            return
        self.buttons.setEnabled(False)
        self._submit(values, self._saved, self._failed)

    def _saved(self) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError):
            known = {k: v for k, v in error.problems.items() if k in self.form.specs}
            self.form.show_problems(known or {next(iter(self.form.specs)): str(error)})
        else:
            raise error
