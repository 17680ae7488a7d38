"""Small widget builders used across windows, so every one is named the same way."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPushButton,
    QTabBar,
    QWidget,
)


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


def with_access_key(label: str, taken: set[str]) -> str:
    """``label`` with an & before the first letter not in ``taken`` (which it then joins).

    Word starts are tried first ("&NHS number"), then any letter; a label with no
    free letter gets none rather than a clash (Alt would then cycle between two).
    """
    plain = label.replace("&", "&&")
    starts = [i for i, ch in enumerate(plain) if ch.isalpha() and (i == 0 or plain[i - 1] == " ")]
    rest = [i for i, ch in enumerate(plain) if ch.isalpha() and i not in starts]
    for i in starts + rest:
        key = plain[i].casefold()
        if key not in taken:
            taken.add(key)
            return f"{plain[:i]}&{plain[i:]}"
    return plain


def access_letters(texts: list[str]) -> set[str]:
    """The Alt letters already used by these texts ("Co&nferences" -> "n")."""
    found = set()
    for text in texts:
        index = text.replace("&&", "").find("&")
        if 0 <= index < len(text.replace("&&", "")) - 1:
            found.add(text.replace("&&", "")[index + 1].casefold())
    return found


def mnemonic_texts(window: QWidget, exclude: QWidget | None = None) -> list[str]:
    """The texts of the menus, tabs, buttons and buddied labels showing in ``window``
    (its own, not a window inside it), leaving out those inside ``exclude``.

    Hidden controls are skipped: Qt ignores their Alt letters, so a field on one
    tab may share a letter with a button on another.
    """
    texts: list[str] = []
    bar = window.findChild(QMenuBar)
    if bar is not None:
        texts += [action.text() for action in bar.actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if exclude is not None and (widget is exclude or exclude.isAncestorOf(widget)):
            continue
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
    return texts


def letters_in_use(window: QWidget, exclude: QWidget) -> set[str]:
    """Alt letters showing in ``window`` outside ``exclude`` (the form choosing its own)."""
    return access_letters(mnemonic_texts(window, exclude))
