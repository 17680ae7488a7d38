"""The social worker's assessment window: write it, share it with the family, keep their words.

The parts an assessment shares with a conference are shown by the chair's own
console pages (picture, voices, the map, partner information, needs, harm), so a
context added here is the same kind of row, edited the same way, as in the room.
What only an assessment has (visits, the analysis, the recommendation, sharing)
is in :mod:`ui.assessment.sections`.

Everything is redrawn from one :class:`AssessmentView` read on the worker after
each saved edit; every change goes through the store, so it is saved at once,
audited, and can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z). Like the console,
the window has its own language (the "Language / Iaith" box) and stays open when
the main window is rebuilt in another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.validation import format_date
from ui.assessment.data import AssessmentView, load_view
from ui.assessment.language_hints import HintSource
from ui.assessment.print_dialog import AssessmentPdfDialog
from ui.assessment.sections import (
    AboutSection,
    AnalysisSection,
    NeedsSection,
    PartnerSection,
    RecommendationSection,
    SafetySection,
    Section,
    SharingSection,
    VisitsSection,
)
from ui.assessment.sharing_dialog import SharedView, SharingDialogs
from ui.assessment.writing import WritingBox
from ui.console.pages import (
    HarmPage,
    NeedsPage,
    PartnerPage,
    PicturePage,
    SafetyPage,
    StepPage,
    VoicesPage,
    WeightingPage,
    as_html,
    is_alive,
)
from ui.forms import RecordDialog, RecordForm
from ui.handover_dialogs import HandoverExportDialog
from ui.i18n import CODES
from ui.language_window import OwnLanguageWindow
from ui.store import Store

Show = Callable[[AssessmentView], None]


class AssessmentWindow(OwnLanguageWindow):
    data_shown = Signal()  # after each redraw, for tests

    def __init__(
        self,
        store: Store,
        assessment_id: str,
        parent: QWidget | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(store, parent, language)
        self.assessment_id = assessment_id
        self.view: AssessmentView | None = None
        self.section_key = "about"
        self.dialog: RecordDialog | None = None  # the last dialog opened, for tests
        self.shared_view: SharedView | None = None
        self.pdf_dialog: AssessmentPdfDialog | None = None
        self.handover_dialog: HandoverExportDialog | None = None
        self._pending_dismissed: set[str] = set()
        self.hints = HintSource(self._dismissed, self.dismiss_prompt)
        self.setObjectName("assessment_window")
        self.resize(1280, 820)
        self._build_first()
        store.changed.connect(self.reload)
        store.problem.connect(self._problem)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        """Every widget and action of the window, in ``self.ui_language``."""
        self.setWindowTitle(self.tr("Assessment"))
        self.setAccessibleName(self.tr("Assessment"))
        body = QWidget(self)
        self.header = QLabel(body)
        self.header.setObjectName("assessment_header")
        self.header.setAccessibleName(self.tr("Assessment"))
        self.header.setWordWrap(True)
        self.notice = QLabel(body)
        self.notice.setObjectName("assessment_sharing_state")
        self.notice.setProperty("role", "notice")
        self.notice.setWordWrap(True)

        language_label = self._language_row(
            body, "assessment_language", self.tr("The language of this window only")
        )

        self.dialogs = SharingDialogs(self.store, self)
        self.share_button = self._button(
            self.tr("Record &sharing with the family…"), "record_sharing", self.record_sharing
        )
        self.correction_button = self._button(
            self.tr("Add a family co&rrection…"), "add_correction", self.add_correction
        )
        self.pdf_button = self._button(
            self.tr("Assessment &PDF…"), "assessment_pdf", self.print_assessment
        )
        self.handover_button = self._button(self.tr("&Hand over…"), "hand_over", self.hand_over)

        self.section_list = QListWidget(body)
        self.section_list.setObjectName("assessment_sections")
        self.section_list.setAccessibleName(self.tr("Parts of the assessment"))
        self.section_list.setAccessibleDescription(
            self.tr("Up and down arrows choose a part; Ctrl+Page Down goes to the next one")
        )
        self.section_list.setMinimumWidth(170)
        self.section_list.setMaximumWidth(250)
        self.section_list.setWordWrap(True)
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        centre = QWidget(body)
        self.title = QLabel(centre)
        self.title.setObjectName("section_title")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.stack = QStackedWidget(centre)
        self._make_sections()
        for key, title, _widget, _show in self.sections:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.section_list.addItem(item)
        self.section_list.currentRowChanged.connect(self._section_chosen)

        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.title)
        centre_layout.addWidget(self.stack, 1)

        splitter = QSplitter(body)
        splitter.addWidget(self.section_list)
        splitter.addWidget(centre)
        splitter.setSizes([210, 1070])
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(language_label)
        top.addWidget(self.language_box)
        controls = QHBoxLayout()
        controls.addWidget(self.share_button)
        controls.addWidget(self.correction_button)
        controls.addWidget(self.pdf_button)
        controls.addWidget(self.handover_button)
        controls.addStretch(1)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        self._shortcuts()
        self.section_list.setCurrentRow(self._index(self.section_key))

    def _make_sections(self) -> None:
        store, hints, stack = self.store, self.hints, self.stack

        def owner() -> str:
            return self.assessment_id

        def page(kind: type[StepPage], name: str) -> StepPage:
            made = kind(store, owner, stack)
            made.setObjectName(f"page_{name}")
            return made

        def shows(made: StepPage) -> Show:
            return lambda view: made.show_data(view.data)

        self.about = AboutSection(store, hints, stack)
        self.picture = page(PicturePage, "picture")
        self.voices = page(VoicesPage, "voices")
        self.visits = VisitsSection(store, hints, stack)
        safety = page(SafetyPage, "safety")
        assert isinstance(safety, SafetyPage)
        self.safety = SafetySection(safety, store, hints, stack)
        self.weighting = page(WeightingPage, "weighting")
        assert isinstance(self.weighting, WeightingPage)
        self.weighting.timeline.hide()  # a timeline of conferences: an assessment has none
        for map_page in (safety, self.weighting):
            map_page.editing.owner_field = "assessment_id"  # a link made with L is this one's
        partner = page(PartnerPage, "partner_information")
        assert isinstance(partner, PartnerPage)
        self.partner = PartnerSection(partner, store, hints, stack)
        needs = page(NeedsPage, "needs")
        assert isinstance(needs, NeedsPage)
        self.needs = NeedsSection(needs, store, hints, stack)
        self.harm = page(HarmPage, "harm")
        self.analysis = AnalysisSection(store, hints, stack)
        self.recommendation = RecommendationSection(store, hints, stack)
        self.sharing = SharingSection(store, hints, self.show_shared, stack)

        def own(section: Section) -> Show:
            return section.show_view

        self.sections: list[tuple[str, str, QWidget, Show]] = [
            ("about", self.tr("About"), self.about, own(self.about)),
            ("picture", self.tr("Picture"), self.picture, shows(self.picture)),
            ("voices", self.tr("Their words"), self.voices, shows(self.voices)),
            ("visits", self.tr("Visits and conversations"), self.visits, own(self.visits)),
            ("safety", self.tr("Where safe and unsafe"), self.safety, own(self.safety)),
            ("weighting", self.tr("Map weighting"), self.weighting, shows(self.weighting)),
            (
                "partner_information",
                self.tr("Partner information"),
                self.partner,
                own(self.partner),
            ),
            ("needs", self.tr("Needs"), self.needs, own(self.needs)),
            ("harm", self.tr("Harm"), self.harm, shows(self.harm)),
            ("analysis", self.tr("Analysis"), self.analysis, own(self.analysis)),
            (
                "recommendation",
                self.tr("Recommendation"),
                self.recommendation,
                own(self.recommendation),
            ),
            ("sharing", self.tr("Sharing with the family"), self.sharing, own(self.sharing)),
        ]
        # Each part scrolls on its own when it is taller than the window (large text, a
        # long analysis), so a short part never scrolls because a long one would; Tab
        # scrolls to what it reaches.
        self.scrolls: dict[str, QScrollArea] = {}
        for key, _title, widget, _show in self.sections:
            widget.setObjectName(widget.objectName() or f"section_{key}")
            scroll = QScrollArea(stack)
            scroll.setObjectName(f"scroll_{key}")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(widget)
            self.scrolls[key] = scroll
            stack.addWidget(scroll)
        self._drawn: set[str] = set()

    def _shortcuts(self) -> None:
        """The window's keys, each an action of the window (so the help overlay lists them)."""
        add = self._add_key
        add(self.tr("Next part"), "action_next_section", ["Ctrl+PgDown"], self.next_section)
        add(
            self.tr("Previous part"),
            "action_previous_section",
            ["Ctrl+PgUp"],
            self.previous_section,
        )
        add(self.tr("Undo"), "action_undo", ["Ctrl+Z"], self.store.undo_stack.undo)
        add(self.tr("Redo"), "action_redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.store.undo_stack.redo)

    # -- language ---------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Speak ``code`` ("en" or "cy") in this window only: build it again in that language.

        What is being typed is saved first (leaving a field saves it), and the window
        stays on the part it was showing.
        """
        if code not in CODES or code == self.ui_language:
            return
        self._commit_typing()
        self._rebuild_in(code)
        if self.view is not None:
            self.show_view(self.view)
        self.language_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.language_changed.emit(code)

    def _commit_typing(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        for box in self.findChildren(WritingBox):
            box.save()

    # -- loading ----------------------------------------------------------------------------
    def start(self) -> None:
        self.reload()

    def reload(self) -> None:
        assessment_id = self.assessment_id
        self.store.read(lambda s: load_view(s, assessment_id), self.show_view)

    def show_view(self, view: AssessmentView | None) -> None:
        if not is_alive(self):
            return  # closed (and deleted) while this was being read
        if view is None:
            self.header.setText(self.tr("This assessment is no longer in the workspace."))
            self.stack.setEnabled(False)
            return
        first = self.view is None
        self.view = view
        self._pending_dismissed -= set(view.assessment.get("dismissed_prompts") or [])
        a = view.assessment
        self.setWindowTitle(self.tr("Assessment: {name}").format(name=view.data.young_person))
        started = self.tr("started {date}").format(date=format_date(a.get("started_on")))
        if a.get("completed_on"):
            state = self.tr("finished {date}").format(date=format_date(a["completed_on"]))
        else:
            state = self.tr("in progress")
        heading = self.tr("Assessment")
        self.header.setText(
            f"<b>{as_html(view.data.young_person)}</b> · {as_html(heading)}, "
            f"{as_html(started)} · {as_html(state)}"
        )
        self.header.setAccessibleName(f"{view.data.young_person}. {heading}, {started}, {state}")
        text = self.sharing.sharing_notice(view)
        if view.used_on is not None:
            # The conference reads its changes against this: the core refuses edits, and
            # the window says so rather than letting someone type into a closed record.
            text = self.tr(
                "The conference on {date} started from this assessment, so it is kept as the "
                "conference found it. Start a new assessment to record what has changed since."
            ).format(date=format_date(view.used_on.date()))
        shown = (
            f"<b>{as_html(text)}</b>"
            if view.changed_since_shared or view.used_on is not None
            else as_html(text)
        )
        # Words that would name another young person to the family (core wording).
        for warning in view.peer_warnings:
            shown += f"<br><b>{as_html(warning)}</b>"
        self.notice.setText(shown)
        self.notice.setAccessibleName(" ".join([text, *view.peer_warnings]))
        for _key, _title, widget, _show in self.sections:
            if isinstance(widget, StepPage):
                widget.set_read_only(view.used_on is not None)
            elif widget is not self.sharing:
                widget.setEnabled(view.used_on is None)
        self._drawn = set()
        self._draw_current()
        if first:
            self.section_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.data_shown.emit()

    def _index(self, key: str) -> int:
        return next((n for n, s in enumerate(self.sections) if s[0] == key), 0)

    def _draw_current(self) -> None:
        """Redraw the part showing; the others redraw when they are chosen."""
        view = self.view
        key, title, widget, show = self.sections[self._index(self.section_key)]
        self.stack.setCurrentWidget(self.scrolls[key])
        self.title.setText(f"<h2>{as_html(title)}</h2>")
        if view is not None and key not in self._drawn:
            show(view)
            self._drawn.add(key)
            if isinstance(widget, Section):
                widget.refresh_keys()
            for form in widget.findChildren(RecordForm):
                if form.isVisible():
                    form.refresh_keys()

    # -- moving between parts ------------------------------------------------------------------
    def _section_chosen(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.section_key = self.sections[row][0]
            self._draw_current()

    def go_to(self, key: str) -> QWidget:
        self.section_list.setCurrentRow(self._index(key))
        return self.sections[self._index(key)][2]

    def next_section(self) -> None:
        row = self.section_list.currentRow()
        self.section_list.setCurrentRow(min(row + 1, self.section_list.count() - 1))

    def previous_section(self) -> None:
        self.section_list.setCurrentRow(max(self.section_list.currentRow() - 1, 0))

    # -- wording hints -------------------------------------------------------------------------
    def _dismissed(self) -> set[str]:
        saved = set(self.view.assessment.get("dismissed_prompts") or []) if self.view else set()
        return saved | self._pending_dismissed

    def dismiss_prompt(self, key: str) -> None:
        """Stop hinting at ``key`` in this assessment (saved, and undone with Ctrl+Z)."""
        if self.view is None:
            return
        self._pending_dismissed.add(key)
        wanted = sorted(self._dismissed())
        self.store.set_field(
            "assessment", self.view.id, "dismissed_prompts", wanted, self.tr("wording hints")
        )

    # -- sharing and corrections ---------------------------------------------------------------
    def record_sharing(self) -> RecordDialog | None:
        if self.view is None:
            return None
        self._commit_typing()  # they are shown what is saved: save what is typed first
        self.dialog = self.dialogs.record_sharing(self.view)
        return self.dialog

    def add_correction(self) -> RecordDialog | None:
        if self.view is None:
            return None
        # From the analysis or the recommendation, the correction is about what is showing.
        about = {"analysis": "analysis", "recommendation": "recommendation"}
        self.dialog = self.dialogs.add_correction(
            self.view,
            self.sharing.about_names(self.view, family_sees=True),
            about.get(self.section_key, ""),
        )
        return self.dialog

    def print_assessment(self) -> AssessmentPdfDialog | None:
        """Ask who the copy is for and where it goes; the PDF is made on the worker."""
        if self.view is None:
            return None
        self._commit_typing()
        started = self.view.assessment.get("started_on")
        stem = self.view.initials + (f"-{started:%Y-%m-%d}" if started else "")
        dialog = AssessmentPdfDialog(self.store, self.view.id, stem, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.pdf_dialog = dialog
        return dialog

    def hand_over(self) -> HandoverExportDialog | None:
        """Write an encrypted handover file for the chair (until sync reaches them)."""
        if self.view is None:
            return None
        self._commit_typing()
        dialog = HandoverExportDialog(self.store, self.view.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.handover_dialog = dialog
        return dialog

    def show_shared(self, share: dict[str, Any]) -> SharedView:
        self.shared_view = SharedView(share, self)
        self.shared_view.show()
        return self.shared_view

    # -- the rest -------------------------------------------------------------------------------
    def _problem(self, message: str) -> None:
        if is_alive(self):
            self.statusBar().showMessage(message, 10000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_typing()
        super().closeEvent(event)
