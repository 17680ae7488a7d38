"""The family's screen: the conference in plain words and large type, for a second monitor.

It draws only a :class:`ParticipantView`, which is built by
``roth_desktop.conference.participant_view`` with restricted rows already left
out of its queries; nothing here reads the database or the chair's data. The
young person and parents can add their own words and adjust the map from it.

It is calm by design: nothing on it opens a dialog or a message box. A word that
could not be saved shows as a quiet line of text at the bottom (the chair gets
the detail in the console's status bar). The family chooses its language
(English or Welsh, independent of the chair's console) and an easier-to-read
font; the chair (or anyone at this screen) can pause it (F8) or show a
take-a-break page (F9).
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.conference.participant_view import ParticipantView, participant_view
from roth_desktop.models import VoiceChannel, VoiceKind
from roth_desktop.models.base import local_now
from ui.console.draft_text import DraftText
from ui.console.map_editing import MapEditing
from ui.context_map import ContextMap, MapArea, MapLink
from ui.glossary_panel import GlossaryPanel
from ui.i18n import Translated
from ui.store import Store
from ui.theme import css_colour, text_scale

if TYPE_CHECKING:
    from ui.console.window import ConsoleWindow

MAP_STEPS = ("safety", "weighting")
NOTICE_MS = 20000  # how long a quiet notice stays, like the chair's status bar

# Every font size on the family's screen, in points at 100% text size: the one
# place to change them, and what set_text_scale multiplies.
SIZES_PT: dict[str, float] = {
    "title": 30,
    "text": 19,
    "body": 17,
    "step": 13,
    "blank": 28,
    "break_heading": 40,
    "break_text": 26,
    "words": 17,
    "glossary_heading": 15,
    "glossary": 15,
    "notice": 13,
    "controls": 14,
}
# The easier-to-read font, and the little extra room it gets between letters and words.
EASY_READ_FONTS = ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf")
EASY_READ_LETTER_SPACING = 104.0  # percent of normal
EASY_READ_WORD_SPACING = 4.0  # extra pixels at 100% text size


@cache
def easy_read_family() -> str | None:
    """Register OpenDyslexic with Qt (once per process); its family name, or None if it failed."""
    found: str | None = None
    for name in EASY_READ_FONTS:
        data = files("resources").joinpath(f"fonts/{name}").read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        if font_id >= 0 and found is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            found = families[0] if families else None
    return found


def participant_style(scale: float = 1.0, family: str | None = None) -> str:
    """The screen's stylesheet: sizes from :data:`SIZES_PT` times ``scale``; ``family`` if set."""

    def size(key: str) -> str:
        return f"font-size: {max(1, round(SIZES_PT[key] * scale))}pt;"

    ink = f"color: {css_colour('participant_text')};"
    muted = f"color: {css_colour('participant_muted')};"
    page = css_colour("participant_background")
    soft = css_colour("participant_soft")
    face = f'font-family: "{family}";' if family else ""
    return (
        f"QWidget#participant_screen {{ background: {page}; }}"
        + (f"QWidget#participant_screen, QWidget#participant_screen * {{ {face} }}" if face else "")
        + f"QComboBox, QPushButton, QCheckBox, QLabel {{ {size('controls')} }}"
        + f"QLabel#participant_title {{ {size('title')} font-weight: 600; {ink} }}"
        + f"QLabel#participant_text {{ {size('text')} {ink} }}"
        + f"QLabel#participant_body {{ {size('body')} {ink} }}"
        + f"QLabel#participant_step {{ {size('step')} {muted} }}"
        + f"QLabel#participant_blank {{ {size('blank')} {muted} }}"
        + f"QWidget#participant_break {{ background: {soft}; }}"
        + f"QLabel#participant_break_heading {{ {size('break_heading')} {ink} }}"
        + f"QLabel#participant_break_text {{ {size('break_text')} {ink} }}"
        + f"QFrame#glossary_panel {{ background: {soft}; border-radius: 8px; }}"
        + f"QLabel#glossary_heading {{ {size('glossary_heading')} font-weight: 600; {muted} }}"
        + f"QLabel#glossary_meanings {{ {size('glossary')} {ink} }}"
        + f"QLabel#participant_notice {{ {size('notice')} {muted} }}"
        + "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        + f"QPlainTextEdit#participant_words {{ {size('words')} }}"
    )


class _Fill(QWidget):
    """Takes the room that is left, asking only for its minimum.

    In a resizable scroll area whose words wrap, Qt sizes the page from each part's
    preferred height; the map would ask for far more than a screen, so the page
    would scroll even on a large monitor.
    """

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()


class ParticipantScreen(Translated, QWidget):
    def __init__(self, store: Store, console: ConsoleWindow) -> None:
        # Owned by the console, so locking (which destroys the main window and so the
        # console) takes this screen with it; Qt.Window keeps it a window of its own.
        super().__init__(console, Qt.WindowType.Window)
        # This window's own language: the family's choice, whatever the console uses.
        self.ui_language = "en"
        self.store = store
        self.console = console
        self.view: ParticipantView | None = None
        self.blank = False
        self._on_break = False
        self._easy_read = False
        self._text_scale = text_scale()
        self.language = "en"
        self.setObjectName("participant_screen")
        self.setProperty("screen", "participant")
        self._spaced = False  # whether widgets carry the easy-read spacing in their fonts

        self.title = QLabel()
        self.title.setObjectName("participant_title")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("participant_text")
        self.text.setWordWrap(True)
        self.body = QLabel()
        self.body.setObjectName("participant_body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)
        self.body.setAutoFillBackground(False)
        self.body_area = scroll

        self.map = ContextMap()
        self.map.setObjectName("participant_map")
        self.map.set_large(True)
        # The map's right-click menu offers renaming, linking and removing, which only
        # the chair's console does: here the map is resized with its + / − buttons,
        # the keyboard, or by dragging, and no menu pops up.
        self.map.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # Resizing only, and a refused change is a quiet line here, never a dialog.
        self.editing = MapEditing(
            store, self.map, self._conference_id, self, full=False, failed=self._map_not_saved
        )

        self.who = QComboBox()
        self.who.setObjectName("participant_who")
        # A refused save is a quiet line on this screen, not the chair's status bar.
        self.words = DraftText(
            store, "voice", "words", "your words", self._new_voice, failed=self._words_not_saved
        )
        self.words.setObjectName("participant_words")
        self.words.setMaximumHeight(140)
        self.add_words = QPushButton()
        self.add_words.setObjectName("participant_add_words")
        self.add_words.clicked.connect(lambda _checked=False: self.words.finish())
        contribute = _Fill()
        contribute_layout = QVBoxLayout(contribute)
        self.words_label = QLabel()
        self.words_label.setTextFormat(Qt.TextFormat.PlainText)
        self.words_label.setBuddy(self.words)
        row = QHBoxLayout()
        row.addWidget(self.words_label)
        row.addWidget(self.who, 1)
        contribute_layout.addLayout(row)
        contribute_layout.addWidget(self.words)
        contribute_layout.addWidget(self.add_words)
        self.contribute = contribute

        inner = QWidget()
        inner.setObjectName("participant_content")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(40, 20, 40, 16)
        self.step_label = QLabel()
        self.step_label.setObjectName("participant_step")
        self.glossary = GlossaryPanel(inner)
        layout.addWidget(self.step_label)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        # The map and the words about it: side by side when there are both (a wide
        # screen has room across, not down), one above the other otherwise.
        middle = _Fill()
        self.middle = QBoxLayout(QBoxLayout.Direction.TopToBottom, middle)
        self.middle.setContentsMargins(0, 0, 0, 0)
        self.middle.addWidget(self.map, 3)
        self.middle.addWidget(scroll, 2)
        layout.addWidget(middle, 1)
        layout.addWidget(self.glossary)
        layout.addWidget(contribute)
        # Large text (or a small window) scrolls rather than being cut off.
        content = QScrollArea()
        content.setObjectName("participant_page")
        content.setWidgetResizable(True)
        content.setFrameShape(QScrollArea.Shape.NoFrame)
        content.setWidget(inner)
        content.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls in it
        content.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)

        self.blank_page = QLabel()
        self.blank_page.setObjectName("participant_blank")
        # Their words are shown as typed, never read as markup.
        for label in (self.title, self.text, self.step_label, self.blank_page):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.blank_page.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # The take-a-break page: a few large, plain words, unlike the bare pause page.
        self.break_page = QWidget()
        self.break_page.setObjectName("participant_break")
        self.break_page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.break_heading = QLabel()
        self.break_heading.setObjectName("participant_break_heading")
        self.break_text = QLabel()
        self.break_text.setObjectName("participant_break_text")
        break_layout = QVBoxLayout(self.break_page)
        break_layout.setContentsMargins(60, 40, 60, 40)
        break_layout.addStretch(1)
        for label in (self.break_heading, self.break_text):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            break_layout.addWidget(label)
        break_layout.addStretch(1)

        self.content = content
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.pages.addWidget(self.blank_page)
        self.pages.addWidget(self.break_page)

        self.blank_button = QPushButton()
        self.blank_button.setObjectName("participant_blank_button")
        self.blank_button.clicked.connect(lambda _checked=False: self.toggle())
        self.break_button = QPushButton()
        self.break_button.setObjectName("participant_break_button")
        self.break_button.clicked.connect(lambda _checked=False: self.toggle_break())
        self.easy_read_box = QCheckBox()
        self.easy_read_box.setObjectName("participant_easy_read")
        self.easy_read_box.toggled.connect(self.set_easy_read)
        # Welsh beside English: the family chooses the language of their own screen.
        self.language_box = QComboBox()
        self.language_box.setObjectName("participant_language")
        self.language_box.addItem("English", "en")  # each language in its own words
        self.language_box.addItem("Cymraeg", "cy")
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        # A refused save or a failed update: one quiet line, never a pop-up.
        self.notice = QLabel()
        self.notice.setObjectName("participant_notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.clear_notice)
        # The family's own controls on one row, or two when large text needs the room.
        self._choices = QHBoxLayout()
        self._choices.addWidget(self.language_box)
        self._choices.addWidget(self.easy_read_box)
        self._choices.addStretch(1)
        self._pauses = QHBoxLayout()
        self._pauses.addStretch(1)
        self._pauses.addWidget(self.break_button)
        self._pauses.addWidget(self.blank_button)
        self.bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bottom.addLayout(self._choices, 1)
        self.bottom.addLayout(self._pauses, 1)
        self._outer = QVBoxLayout(self)
        self._outer.addWidget(self.pages, 1)
        self._outer.addWidget(self.notice)
        self._outer.addLayout(self.bottom)

        self.blank_action = QAction(self)
        self.blank_action.setShortcuts([QKeySequence(k) for k in ("F8", "Ctrl+B", "Esc")])
        self.blank_action.triggered.connect(lambda _checked=False: self.toggle())
        self.addAction(self.blank_action)
        self.break_action = QAction(self)
        self.break_action.setShortcut(QKeySequence("F9"))
        self.break_action.triggered.connect(lambda _checked=False: self.toggle_break())
        self.addAction(self.break_action)

        self._apply_style()
        self._retranslate()
        console.data_shown.connect(self.refresh)
        console.step_shown.connect(lambda _key: self.refresh())

    # -- words in the window's language --------------------------------------------------------
    def _term(self, key: str, default: str) -> str:
        """The content pack's word for ``key`` when the view is in this window's language."""
        view = self.view
        if view is not None and view.language == self.language and key in view.terms:
            return view.terms[key]
        return default

    def _retranslate(self) -> None:
        """Put every one of the screen's own words in its language (at build and on a switch)."""
        self.setWindowTitle(self.tr("Our meeting"))
        self.setAccessibleName(self.tr("Family screen"))
        self.words.retranslate()
        self.body.setAccessibleName(self.tr("What the meeting has so far"))
        self.body_area.setAccessibleName(self.tr("What the meeting has so far"))
        self.who.setAccessibleName(self.tr("Whose words"))
        if self.who.count() and self.who.itemData(0) == "young_person":
            self.who.setItemText(0, self.tr("Me (the young person)"))
        self.words.setAccessibleName(self.tr("Your words"))
        self.words_label.setText(self._term("your_words", self.tr("Your words")))
        self.add_words.setText(self._term("add_your_words", self.tr("Add my words")))
        self.add_words.setAccessibleName(self.add_words.text())
        self.blank_page.setText(self._term("blank_screen", self.tr("Taking a short pause")))
        self.blank_page.setAccessibleName(self.tr("Screen paused"))
        self.break_heading.setText(self.tr("Let's take a break."))
        self.break_text.setText(self.tr("We'll carry on soon.\nYou can get a drink or some air."))
        self.break_page.setAccessibleName(self.tr("Break"))
        self.break_heading.setAccessibleName(self.break_heading.text())
        self.break_text.setAccessibleName(self.break_text.text().replace("\n", " "))
        self.easy_read_box.setText(self.tr("Easier-to-read font"))
        self.easy_read_box.setAccessibleName(self.tr("Easier-to-read font"))
        self.easy_read_box.setAccessibleDescription(
            self.tr("Shows the words on this screen in a font many people find easier to read")
        )
        self.language_box.setAccessibleName(self.tr("Language / Iaith"))
        self.notice.setAccessibleName(self.tr("Notice"))
        self.map.setAccessibleName(self.tr("Map of places and groups"))
        self.blank_action.setText(self.tr("Pause the screen"))
        self.break_action.setText(self.tr("Take a break"))
        self.glossary.retranslate()
        self._show_state()

    def _show_state(self) -> None:
        """The page and the two pause buttons, for the current blank / break state."""
        if self.blank:
            self.pages.setCurrentWidget(self.blank_page)
        elif self._on_break:
            self.pages.setCurrentWidget(self.break_page)
        else:
            self.pages.setCurrentWidget(self.content)
        self.blank_button.setText(
            self.tr("Show screen (F8)") if self.blank else self.tr("Pause screen (F8)")
        )
        self.blank_button.setAccessibleName(self.blank_button.text())
        self.break_button.setText(
            self.tr("Back to the meeting (F9)") if self._on_break else self.tr("Take a break (F9)")
        )
        self.break_button.setAccessibleName(self.break_button.text())

    # -- showing ------------------------------------------------------------------------------
    def _conference_id(self) -> str | None:
        return self.console.conference_id

    def present(self) -> None:
        """Open on the second monitor or projector when there is one, full screen there."""
        screens = QGuiApplication.screens()
        own = self.console.screen()
        other = next((s for s in screens if s is not own), None)
        self.refresh()
        if other is not None:
            self.setGeometry(other.availableGeometry())
            self.showFullScreen()
        else:
            self.resize(1100, 760)
            self.show()
        self.raise_()

    def refresh(self) -> None:
        data = self.console.data
        if data is None or (not self.isVisible() and self.view is not None):
            return
        conference_id = self.console.conference_id
        step_key = self.console.step_key
        pack = data.pack  # already read on the worker: no file reading on the UI thread
        language = self.language

        def read(session: Session) -> ParticipantView | None:
            try:
                return participant_view(session, conference_id, pack, language, step_key)
            except LookupError:  # the conference went away under us (deleted elsewhere)
                return None

        self.store.read(read, self._view_read, self._view_not_read)
        family = [("young_person", self.tr("Me (the young person)"))] + [
            (member_id, name) for member_id, name in data.family
        ]
        current = self.who.currentData()
        self.who.clear()
        for value, label in family:
            self.who.addItem(label, value)
        if current is not None:
            self.who.setCurrentIndex(max(0, self.who.findData(current)))
        self.words.setEnabled(not data.agreed)
        self.map.set_editable(not data.agreed)

    def _view_read(self, view: ParticipantView | None) -> None:
        if view is None:
            self._view_not_read(None)
        else:
            self.show_view(view)

    def _view_not_read(self, _error: BaseException | None) -> None:
        self.show_notice(self.tr("This screen could not be updated just now."))

    def show_view(self, view: ParticipantView) -> None:
        self.view = view
        terms = view.terms
        self.step_label.setText(f"{view.step_number} / {view.step_count}")
        self.title.setText(view.title)
        self.text.setText(view.text)
        self.blank_page.setText(terms.get("blank_screen", self.tr("Taking a short pause")))
        self.words_label.setText(terms.get("your_words", self.tr("Your words")))
        self.add_words.setText(terms.get("add_your_words", self.tr("Add my words")))
        self.add_words.setAccessibleName(self.add_words.text())
        on_map = view.step_kind in MAP_STEPS
        self.map.setVisible(on_map)
        if on_map:
            self.map.set_words({k: terms[k] for k in ("safe", "unsafe", "mixed", "unknown")})
            self.map.set_map(
                [MapArea(a.id, a.name, a.safety, a.share) for a in view.areas],
                [
                    MapLink(link.id, link.source_id, link.target_id, link.label)
                    for link in view.links
                ],
            )
        self.contribute.setVisible(view.step_kind in ("voices", "picture", "safety", "decision"))
        body = render_body(view)
        self.body.setText(body)
        self.body_area.setVisible(bool(body.strip()))
        beside = on_map and bool(body.strip())
        self.middle.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        shown = "\n".join(
            (view.title, view.text, QTextDocumentFragment.fromHtml(body).toPlainText())
        )
        self.glossary.show_terms_in(shown, view.language)

    def _language_chosen(self, _index: int) -> None:
        self.language = self.language_box.currentData() or "en"
        self.ui_language = self.language
        self._retranslate()
        self.refresh()

    # -- pausing ------------------------------------------------------------------------------
    def set_blank(self, blank: bool) -> None:
        """The bare pause page (F8); showing it ends a break."""
        self.blank = blank
        if blank:
            self._on_break = False
        self._show_state()

    def toggle(self) -> None:
        self.set_blank(not self.blank)

    @property
    def on_break(self) -> bool:
        return self._on_break

    def set_break(self, on: bool) -> None:
        """The take-a-break page (F9); showing it ends a pause."""
        self._on_break = on
        if on:
            self.blank = False
        self._show_state()

    def toggle_break(self) -> None:
        self.set_break(not self._on_break)

    # -- reading ------------------------------------------------------------------------------
    @property
    def easy_read(self) -> bool:
        return self._easy_read

    @property
    def text_scale(self) -> float:
        return self._text_scale

    def set_easy_read(self, on: bool) -> None:
        """OpenDyslexic with a little more room between letters and words, or the usual font."""
        if on and easy_read_family() is None:
            self.show_notice(self.tr("The easier-to-read font could not be loaded."))
            on = False
        self._easy_read = on
        if self.easy_read_box.isChecked() != on:
            self.easy_read_box.blockSignals(True)
            self.easy_read_box.setChecked(on)
            self.easy_read_box.blockSignals(False)
        self._apply_style()

    def theme_changed(self) -> None:
        """The chair changed the theme or text size (ui.theme.apply_theme calls this)."""
        self._text_scale = text_scale()
        self._apply_style()

    def set_text_scale(self, scale: float) -> None:
        """Scale every size on this screen (1.0 is 100%; the chair's text-size setting)."""
        self._text_scale = max(0.5, min(scale, 3.0))
        self._apply_style()

    def _apply_style(self) -> None:
        family = easy_read_family() if self._easy_read else None
        style = participant_style(self._text_scale, family)
        self.setStyleSheet(style)
        # Qt style sheets have no letter or word spacing, and a child whose font a style
        # sheet has already set no longer inherits spacing from this window's font: so
        # each widget gets it in its own font (and gives it back: an empty QFont sets
        # nothing, so the widget inherits again).
        if family is not None or self._spaced:
            for widget in (self, *self.findChildren(QWidget)):
                if family is None:
                    widget.setFont(QFont())
                    continue
                font = QFont(widget.font())
                font.setFamilies([family])
                font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, EASY_READ_LETTER_SPACING)
                font.setWordSpacing(EASY_READ_WORD_SPACING * self._text_scale)
                widget.setFont(font)
            self.setStyleSheet(style)  # the sheet's sizes over the fonts just set
        self._spaced = family is not None
        self._arrange_controls()

    def _arrange_controls(self) -> None:
        """The bottom controls on one row when they fit across the window, else two."""
        margins = self._outer.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        spacing = max(self.bottom.spacing(), 0)
        wanted = self._choices.sizeHint().width() + self._pauses.sizeHint().width() + spacing
        direction = (
            QBoxLayout.Direction.LeftToRight if wanted <= room else QBoxLayout.Direction.TopToBottom
        )
        if self.bottom.direction() != direction:
            self.bottom.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_controls()

    # -- quiet notices ------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        """One calm line at the bottom of the screen, gone after a while; never a pop-up."""
        self.notice.setText(text)
        self.notice.setVisible(True)
        self._notice_timer.start()

    def clear_notice(self) -> None:
        self._notice_timer.stop()
        self.notice.clear()
        self.notice.setVisible(False)

    def _words_not_saved(self, error: BaseException) -> None:
        self.show_notice(self.tr("Your words were not saved just now. The chair can help."))
        self.store.problem.emit(f"The family's words were not saved: {error}")

    def _map_not_saved(self, error: BaseException) -> None:
        self.show_notice(self.tr("That change to the map was not saved. The chair can help."))
        self.store.problem.emit(f"The family's change to the map was not saved: {error}")
        self.refresh()  # show the map as it is saved

    # -- contributing -------------------------------------------------------------------------
    def _new_voice(self) -> dict[str, object]:
        chosen = self.who.currentData() or "young_person"
        young = chosen == "young_person"
        return {
            "conference_id": self.console.conference_id,
            "speaker": "young_person" if young else "parent_carer",
            "family_member_id": None if young else chosen,
            "channel": VoiceChannel.PARTICIPANT_SCREEN.value,
            "kind": VoiceKind.VIEW.value,
            "step_key": self.console.step_key,
            "said_at": local_now(),
        }

    def closeEvent(self, event: QCloseEvent) -> None:
        self.words.save()
        super().closeEvent(event)


def _items(lines: list[str] | tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def render_body(view: ParticipantView) -> str:
    """The step's shared content as large, plain HTML."""
    t = view.terms
    kind = view.step_kind
    parts: list[str] = []
    if kind in ("welcome", "picture"):
        parts.append(f"<h2>{escape(view.young_person)}</h2>")
        parts.append(_items(view.picture) if view.picture else "")
    elif kind == "voices" or kind == "decision":
        parts.append(f"<h3>{escape(t.get('your_words', 'Your words'))}</h3>")
        parts.append(
            "".join(f"<p>“{escape(w.words)}”<br><i>— {escape(w.who)}</i></p>" for w in view.words)
        )
    elif kind == "safety":
        parts.append(
            "".join(
                f"<p><b>{escape(a.name)}</b> — {escape(t.get(a.safety, a.safety))}"
                + (f"<br>✓ {escape(a.makes_safe)}" if a.makes_safe else "")
                + (f"<br>✗ {escape(a.makes_unsafe)}" if a.makes_unsafe else "")
                + "</p>"
                for a in view.areas
            )
        )
    elif kind == "partner_information":
        parts.append(_items(view.partner_information))
    elif kind == "harm":
        parts.append(_items(view.harm))
    elif kind == "needs":
        parts.append(f"<h3>{escape(t.get('needs_heading', 'What you need'))}</h3>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li><b>{escape(n.label)}</b>: {escape(n.status)}"
                + (f" — {escape(n.summary)}" if n.summary else "")
                + "</li>"
                for n in view.needs
            )
            + "</ul>"
        )
    elif kind == "plan":
        heading = ""
        for goal in view.goals:
            if goal.heading != heading:
                heading = goal.heading
                parts.append(f"<h4>{escape(heading)}</h4>")
            actions = "".join(
                f"<li>{escape(a.what)}"
                + (f" — {escape(a.who)}" if a.who else "")
                + (f", {escape(a.by_when)}" if a.by_when else "")
                + "</li>"
                for a in goal.actions
            )
            parts.append(f"<p><b>{escape(goal.text)}</b></p><ul>{actions}</ul>")
    elif kind == "next_steps":
        parts.append(f"<h3>{escape(t.get('what_happens_next', 'What happens next'))}</h3>")
        parts.append(_items(view.next_steps))
    return "".join(parts)
