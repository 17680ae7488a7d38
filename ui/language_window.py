"""A window with a language of its own: the chair's console and the assessment window.

Each has a "Language / Iaith" box at the top. Choosing in it builds the window's
widgets again in that language, in place, and changes no other window; when the
main window is rebuilt in another language, the window moves to the new one, open
and as it is (ui/app.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QPushButton, QWidget

from ui.help_overlay import install_help
from ui.i18n import CODES, LANGUAGES, Translated, language_of
from ui.store import Store
from ui.widgets import button

# Bilingual on purpose, so someone who reads only one of the two languages finds it.
LANGUAGE_NAME = "Language / Iaith"


class OwnLanguageWindow(Translated, QMainWindow):
    """The language, store and keys such a window has; ``_build`` makes its widgets."""

    language_changed = Signal(str)  # after the window has been rebuilt in a language
    # Moves, open, to the main window rebuilt in another language (ui/app.py).
    keeps_its_window = True

    def __init__(self, store: Store, parent: QWidget | None, language: str | None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # Set before any widget is built, so every word below is in this language.
        self.ui_language = language if language in CODES else language_of(parent)
        self.store = store
        self.window_actions: list[QAction] = []

    def _build(self) -> None:
        """Every widget and action of the window, in ``self.ui_language``."""
        raise NotImplementedError

    def _build_first(self) -> None:
        """Build the window, and give it F1 and ? for the overlay listing its keys."""
        self._build()
        self.help_action = install_help(self)

    def _language_row(self, parent: QWidget, object_name: str, description: str) -> QLabel:
        """The window's language box (``self.language_box``); returns its label.

        The label and the box's name stay bilingual; choosing a language calls
        ``set_language``.
        """
        self.language_box = QComboBox(parent)
        self.language_box.setObjectName(object_name)
        self.language_box.setAccessibleName(LANGUAGE_NAME)
        self.language_box.setAccessibleDescription(description)
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(self.ui_language))
        self.language_box.activated.connect(
            lambda index: self.set_language(str(self.language_box.itemData(index)))
        )
        label = QLabel("Lang&uage / Iaith", parent)
        label.setBuddy(self.language_box)
        return label

    def set_language(self, code: str) -> None:
        raise NotImplementedError

    def _button(self, text: str, name: str, handler: Callable[[], object]) -> QPushButton:
        push = button(text, name, handler)
        push.setParent(self)  # until laid out: its words are already in this window's language
        return push

    def _add_key(
        self, text: str, name: str, keys: list[str], handler: Callable[[], object]
    ) -> None:
        """One of the window's keys, as an action of the window (so the help overlay lists it)."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: handler())
        self.addAction(action)
        self.window_actions.append(action)

    def _rebuild_in(self, code: str, carry_over: Callable[[], None] | None = None) -> None:
        """Build the window's widgets and keys again in ``code``, in place.

        ``carry_over`` runs once the new widgets exist and before the old ones go, to
        move across what the new ones should keep (a minute being typed, a tab).
        """
        for action in self.window_actions:
            self.removeAction(action)
            action.deleteLater()
        self.window_actions = []
        old = self.takeCentralWidget()
        self.ui_language = code
        self._build()
        self.removeAction(self.help_action)
        self.help_action.deleteLater()
        self.help_action = install_help(self)  # named in the new language
        if carry_over is not None:
            carry_over()
        if old is not None:
            old.hide()
            old.deleteLater()
