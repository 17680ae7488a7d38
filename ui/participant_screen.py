"""The family's screen: the conference in plain words and large type, for a second monitor.

It draws only a :class:`ParticipantView`, which is built by
``roth_desktop.conference.participant_view`` with restricted rows already left
out of its queries; nothing here reads the database or the chair's data. The
young person and parents can add their own words and adjust the map from it.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.conference.participant_view import ParticipantView, participant_view
from roth_desktop.models import VoiceChannel, VoiceKind
from roth_desktop.models.base import local_now
from ui.console.draft_text import DraftText
from ui.console.map_editing import MapEditing
from ui.context_map import ContextMap, MapArea, MapLink
from ui.store import Store
from ui.widgets import button

if TYPE_CHECKING:
    from ui.console.window import ConsoleWindow

MAP_STEPS = ("safety", "weighting")


class ParticipantScreen(QWidget):
    def __init__(self, store: Store, console: ConsoleWindow) -> None:
        # Owned by the console, so locking (which destroys the main window and so the
        # console) takes this screen with it; Qt.Window keeps it a window of its own.
        super().__init__(console, Qt.WindowType.Window)
        self.store = store
        self.console = console
        self.view: ParticipantView | None = None
        self.blank = False
        self.language = "en"
        self.setObjectName("participant_screen")
        self.setWindowTitle("Our meeting")
        self.setAccessibleName("Family screen")
        self.setProperty("screen", "participant")

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
        self.body.setAccessibleName("What the meeting has so far")
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
        self.editing = MapEditing(store, self.map, self._conference_id, self, full=False)

        self.who = QComboBox()
        self.who.setObjectName("participant_who")
        self.who.setAccessibleName("Whose words")
        self.words = DraftText(store, "voice", "words", "your words", self._new_voice)
        self.words.setObjectName("participant_words")
        self.words.setAccessibleName("Your words")
        self.words.setMaximumHeight(140)
        self.add_words = button("Add my words", "participant_add_words", self.words.finish)
        contribute = QWidget()
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

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(40, 30, 40, 30)
        self.step_label = QLabel()
        self.step_label.setObjectName("participant_step")
        layout.addWidget(self.step_label)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.map, 3)
        layout.addWidget(scroll, 2)
        layout.addWidget(contribute)

        self.blank_page = QLabel()
        self.blank_page.setObjectName("participant_blank")
        # Their words are shown as typed, never read as markup.
        for label in (self.title, self.text, self.step_label, self.blank_page):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.blank_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.blank_page.setAccessibleName("Screen paused")
        self.content = content
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.pages.addWidget(self.blank_page)
        self.blank_button = button("Pause screen (F8)", "participant_blank_button", self.toggle)
        # Welsh beside English: the family chooses the language of their own screen.
        self.language_box = QComboBox()
        self.language_box.setObjectName("participant_language")
        self.language_box.setAccessibleName("Language / Iaith")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("Cymraeg", "cy")
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        bottom = QHBoxLayout()
        bottom.addWidget(self.language_box)
        bottom.addStretch(1)
        bottom.addWidget(self.blank_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages, 1)
        outer.addLayout(bottom)

        for keys, handler in ((["F8", "Ctrl+B", "Esc"], self.toggle),):
            action = QAction("Blank the screen", self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _c=False, h=handler: h())
            self.addAction(action)
        self.setStyleSheet(
            "QWidget#participant_screen { background: #fbfaf6; }"
            "QLabel#participant_title { font-size: 30pt; font-weight: 600; color: #1d2a3a; }"
            "QLabel#participant_text { font-size: 19pt; color: #1d2a3a; }"
            "QLabel#participant_body { font-size: 17pt; color: #1d2a3a; }"
            "QLabel#participant_step { font-size: 13pt; color: #4a5566; }"
            "QLabel#participant_blank { font-size: 28pt; color: #4a5566; }"
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
            "QPlainTextEdit#participant_words { font-size: 17pt; }"
            "QComboBox, QPushButton, QLabel { font-size: 14pt; }"
        )
        console.data_shown.connect(self.refresh)
        console.step_shown.connect(lambda _key: self.refresh())

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
        self.store.read(
            lambda s: participant_view(s, conference_id, pack, language, step_key), self.show_view
        )
        family = [("young_person", "Me (the young person)")] + [
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

    def show_view(self, view: ParticipantView) -> None:
        self.view = view
        terms = view.terms
        self.step_label.setText(f"{view.step_number} / {view.step_count}")
        self.title.setText(view.title)
        self.text.setText(view.text)
        self.blank_page.setText(terms.get("blank_screen", "Taking a short pause"))
        self.words_label.setText(terms.get("your_words", "Your words"))
        self.add_words.setText(terms.get("add_your_words", "Add my words"))
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

    def _language_chosen(self, _index: int) -> None:
        self.language = self.language_box.currentData() or "en"
        self.refresh()

    def set_blank(self, blank: bool) -> None:
        self.blank = blank
        self.pages.setCurrentWidget(self.blank_page if blank else self.content)
        self.blank_button.setText("Show screen (F8)" if blank else "Pause screen (F8)")

    def toggle(self) -> None:
        self.set_blank(not self.blank)

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
