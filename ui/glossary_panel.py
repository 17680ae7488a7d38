"""A calm "Words we use" panel: the plain meaning of each glossary term on the screen.

It sits under the words it explains, so nobody has to open anything to find out
what "core group" or "s.47" means: no pop-up, no tooltip to hover over. It lists
only the terms that appear in the text it is given (in that text's language),
and hides itself when there are none. It never takes the keyboard focus, and a
screen reader finds the whole list under the panel's accessible name.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from roth_desktop.glossary import GlossaryEntry, terms_in
from ui.i18n import Translated


class GlossaryPanel(Translated, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_panel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.entries: list[GlossaryEntry] = []
        self.heading = QLabel()
        self.heading.setObjectName("glossary_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.meanings = QLabel()
        self.meanings.setObjectName("glossary_meanings")
        self.meanings.setTextFormat(Qt.TextFormat.RichText)  # the glossary's words, escaped
        self.meanings.setWordWrap(True)
        self.meanings.setAlignment(Qt.AlignmentFlag.AlignTop)
        for label in (self.heading, self.meanings):
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.meanings)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Re-apply the panel's own words in its window's language."""
        self.heading.setText(self.tr("Words we use"))
        self.setAccessibleName(self.tr("Words we use"))
        self._describe()

    def show_terms_in(self, text: str, language: str) -> None:
        """Explain every glossary term in ``text``; hidden when there is none."""
        self.entries = terms_in(text, language)
        self.meanings.setText(
            "".join(f"<p><b>{_e(e.term)}</b>: {_e(e.meaning)}</p>" for e in self.entries)
        )
        self._describe()
        self.setVisible(bool(self.entries))

    def _describe(self) -> None:
        # The list as plain sentences, so a screen reader reads it from the panel itself.
        spoken = " ".join(f"{entry.term}: {entry.meaning}" for entry in self.entries)
        self.setAccessibleDescription(spoken)
        self.meanings.setAccessibleName(self.heading.text())
        self.meanings.setAccessibleDescription(spoken)


def _e(text: str) -> str:
    """Text as HTML; apostrophes (common in Welsh) left as they are."""
    return escape(text, quote=False)
