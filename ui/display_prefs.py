"""The person's display choices (language, theme, text size), applied and remembered.

None of these is about a person in the records, so they live in the app's
settings file; they are applied to the whole app at once, except the language,
which is the main window's and the default for windows opened from it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from roth_desktop.app_settings import AppSettings
from roth_desktop.themes import TEXT_SCALES, THEMES
from ui.i18n import CODES, set_default_language
from ui.theme import apply_theme


class DisplayPrefs(QObject):
    language_chosen = Signal(str)  # the main window is rebuilt in the new language
    changed = Signal()  # theme or text size: menus update their ticks

    def __init__(self, app: QApplication, settings: AppSettings) -> None:
        super().__init__()
        self.app = app
        self.settings = settings

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def theme(self) -> str:
        return self.settings.theme

    @property
    def text_scale(self) -> int:
        return self.settings.text_scale

    def apply(self) -> None:
        set_default_language(self.settings.language)
        apply_theme(self.app, self.settings.theme, self.settings.text_scale)

    def set_theme(self, key: str) -> None:
        if key in THEMES and key != self.settings.theme:
            self.settings.theme = key
            self._save_and_apply()

    def set_text_scale(self, percent: int) -> None:
        if percent in TEXT_SCALES and percent != self.settings.text_scale:
            self.settings.text_scale = percent
            self._save_and_apply()

    def set_language(self, code: str) -> None:
        if code in CODES and code != self.settings.language:
            self.settings.language = code
            self.settings.save()
            set_default_language(code)
            self.language_chosen.emit(code)

    def _save_and_apply(self) -> None:
        self.settings.save()
        apply_theme(self.app, self.settings.theme, self.settings.text_scale)
        self.changed.emit()
