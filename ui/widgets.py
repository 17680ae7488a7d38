"""Small widget builders used across windows, so every one is named the same way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget


def secret_field(name: str, object_name: str) -> QLineEdit:
    """A passphrase box: hidden text, named for screen readers."""
    line = QLineEdit()
    line.setEchoMode(QLineEdit.EchoMode.Password)
    line.setAccessibleName(name)
    line.setObjectName(object_name)
    return line


def labelled_row(form: QFormLayout, text: str, widget: QWidget) -> None:
    """A form row whose label (with its &mnemonic) moves focus to the field."""
    label = QLabel(text)
    label.setBuddy(widget)
    form.addRow(label, widget)


def button(text: str, name: str, handler: Callable[[], object]) -> QPushButton:
    push = QPushButton(text)
    push.setObjectName(name)
    push.setAccessibleName(text.replace("&", "").rstrip("…"))
    push.clicked.connect(lambda _checked=False: handler())
    return push
