"""Gentle wording hints under a text box: never a pop-up, never in the way of saving.

As the worker writes, words that can blame a young person or cast doubt on a family
("claimed", "denied", "putting himself at risk") get a soft wavy underline, and a
line under the box says why and what to try instead, with a Dismiss button. A
dismissed term stays dismissed for this assessment (``Assessment.dismissed_prompts``,
saved through the store, so Ctrl+Z brings it back). The terms and their advice are
data (``roth_desktop/language_prompts.py``), in English or Welsh with the window.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.language_prompts import LanguagePrompt, prompts_for
from ui import theme
from ui.i18n import Translated, language_of

# Hints follow a pause in typing, not every key.
HINT_DELAY_MS = 350


class HintSource:
    """What every hint panel in one window shares: the dismissed terms, and dismissing."""

    def __init__(
        self, dismissed: Callable[[], Collection[str]], dismiss: Callable[[str], None]
    ) -> None:
        self.dismissed = dismissed
        self.dismiss = dismiss


class LanguageHints(Translated, QWidget):
    """The hints for one text: a box being typed in (``watch``) or a text shown (``set_text``)."""

    def __init__(self, source: HintSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.edit: QPlainTextEdit | None = None
        self.text = ""
        self.prompts: list[LanguagePrompt] = []
        self.buttons: dict[str, QPushButton] = {}
        self._shown: list[tuple[str, str, str]] = []  # (key, word, hint) as last drawn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(HINT_DELAY_MS)
        self._timer.timeout.connect(self._from_edit)
        # What the watched box says about itself besides the hints (its help, or the
        # family's corrections beside it); a screen reader hears both on reaching it.
        self.base_description: Callable[[], str] = str
        self.summary = ""
        self.setObjectName("language_hints")
        self.setAccessibleName(self.tr("Wording hints"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.hide()

    # -- what it looks at --------------------------------------------------------------------
    def watch(self, edit: QPlainTextEdit) -> None:
        """Follow a text box as it is typed in, underlining the words each hint is about."""
        self.edit = edit
        original = edit.accessibleDescription()
        self.base_description = lambda: original
        edit.textChanged.connect(self._timer.start)
        self._from_edit()

    def _from_edit(self) -> None:
        if self.edit is not None:
            self.set_text(self.edit.toPlainText())

    def set_text(self, text: str) -> None:
        self.text = text
        self.refresh()

    def refresh(self) -> None:
        """Look again (the text, or the dismissed terms, changed)."""
        self.prompts = prompts_for(
            self.text, language=language_of(self), dismissed=set(self.source.dismissed())
        )
        self._underline()
        first: dict[str, LanguagePrompt] = {}
        for prompt in self.prompts:
            first.setdefault(prompt.key, prompt)
        shown = [(key, p.matched, self._words(p)) for key, p in first.items()]
        if shown != self._shown:
            self._draw(shown)
        count = len(shown)
        if count == 1:
            self.summary = self.tr("1 wording hint below this box")
        elif count:
            self.summary = self.tr("{count} wording hints below this box").format(count=count)
        else:
            self.summary = ""
        self.describe()

    def describe(self) -> None:
        """The watched box's accessible description: its own, then the hints below it."""
        if self.edit is not None:
            words = [self.base_description(), self.summary]
            self.edit.setAccessibleDescription(" ".join(w for w in words if w))

    def _words(self, prompt: LanguagePrompt) -> str:
        return self.tr("‘{word}’: {why} Try: {suggestions}.").format(
            word=prompt.matched, why=prompt.why, suggestions=", ".join(prompt.suggestions)
        )

    # -- drawing ------------------------------------------------------------------------------
    def _draw(self, shown: list[tuple[str, str, str]]) -> None:
        had_focus = any(b.hasFocus() for b in self.buttons.values())
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons = {}
        for key, word, words in shown:
            row = QWidget(self)
            line = QLabel(words, row)
            line.setObjectName(f"hint_{key}")
            line.setProperty("role", "notice")
            line.setWordWrap(True)
            line.setAccessibleName(words)
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            dismiss = QPushButton(self.tr("Dismiss"), row)
            dismiss.setObjectName(f"dismiss_{key}")
            dismiss.setAccessibleName(self.tr("Dismiss the hint about ‘{word}’").format(word=word))
            dismiss.setToolTip(
                self.tr("Stop suggesting other words for ‘{word}’ in this assessment").format(
                    word=word
                )
            )
            dismiss.clicked.connect(lambda _checked=False, k=key: self._dismiss(k))
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(line, 1)
            row_layout.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addWidget(row)
            self.buttons[key] = dismiss
        self._shown = shown
        self.setVisible(bool(shown))
        if had_focus:  # the button pressed has gone: keep the keyboard nearby
            following = next(iter(self.buttons.values()), None)
            target = following or self.edit
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _underline(self) -> None:
        if self.edit is None:
            return
        marks = []
        for prompt in self.prompts:
            selection = QTextEdit.ExtraSelection()
            style = QTextCharFormat()
            style.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            style.setUnderlineColor(theme.colour("notice"))
            selection.format = style
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(prompt.start)
            cursor.setPosition(prompt.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            marks.append(selection)
        self.edit.setExtraSelections(marks)

    def _dismiss(self, key: str) -> None:
        self.source.dismiss(key)
        self.refresh()

    def keys(self) -> list[str]:
        """The terms hinted at now, in reading order (for tests and screen readers)."""
        return [key for key, _word, _words in self._shown]
