"""The View menu's display choices: language, text size and high contrast."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from roth_desktop.themes import TEXT_SCALES
from ui.display_prefs import DisplayPrefs
from ui.i18n import LANGUAGES, Translated


class DisplayMenus(Translated, QWidget):
    """Adds Language, Text size and High contrast to ``menu``; owned by ``window``.

    A QWidget only so that it sits in the window's parent chain (its ``tr`` then
    follows the window's language); it is never shown.
    """

    def __init__(self, window: QWidget, menu: QMenu, prefs: DisplayPrefs) -> None:
        super().__init__(window)
        self.hide()
        self.prefs = prefs
        menu.addSeparator()

        # The language names are each in their own language, so anyone can find theirs.
        self.language_menu = menu.addMenu(self.tr("&Language / Iaith"))
        self.language_menu.setObjectName("menu_language")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = self.language_menu.addAction(name)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setChecked(code == prefs.language)
            action.triggered.connect(lambda _c=False, c=code: prefs.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action

        self.size_menu = menu.addMenu(self.tr("Text si&ze"))
        self.size_menu.setObjectName("menu_text_size")
        sizes = QActionGroup(self)
        self.size_actions: dict[int, QAction] = {}
        for percent in TEXT_SCALES:
            action = self.size_menu.addAction(f"{percent}%")
            action.setObjectName(f"action_text_size_{percent}")
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, p=percent: prefs.set_text_scale(p))
            sizes.addAction(action)
            self.size_actions[percent] = action

        self.contrast_action = menu.addAction(self.tr("&High contrast"))
        self.contrast_action.setObjectName("action_high_contrast")
        self.contrast_action.setCheckable(True)
        self.contrast_action.toggled.connect(
            lambda on: prefs.set_theme("high-contrast" if on else "standard")
        )
        prefs.changed.connect(self._show_choices)
        self._show_choices()

    def _show_choices(self) -> None:
        for percent, action in self.size_actions.items():
            action.setChecked(percent == self.prefs.text_scale)
        self.contrast_action.blockSignals(True)
        self.contrast_action.setChecked(self.prefs.theme == "high-contrast")
        self.contrast_action.blockSignals(False)
