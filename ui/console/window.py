"""The chair's console: the agenda, the current step, its prompts, minutes and attendance.

Everything shown is redrawn from one :class:`ConsoleData` read on the worker
after each saved edit; every change goes through the store, so it is saved at
once, audited, and can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z).

The console has its own language (English or Cymraeg), chosen with the
"Language / Iaith" box at the top: it starts in its main window's language, and
switching it changes this console only, never the family's screen or the main
window.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.assessments.conference_start import StartOffer, start_offer
from roth_desktop.conference import running
from roth_desktop.conference.console_data import ConsoleData, load_console
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.models import AttendanceStatus, AttendeeRole, ConferenceKind
from roth_desktop.models.base import local_now
from ui import record_specs
from ui.console import specs
from ui.console.draft_text import DraftText
from ui.console.pages import PAGES, StepPage, as_html, is_alive
from ui.forms import RecordForm
from ui.i18n import CODES
from ui.language_window import OwnLanguageWindow
from ui.record_list import RecordList
from ui.record_table import Column, label_of, record_table
from ui.store import Store

if TYPE_CHECKING:
    from ui.participant_screen import ParticipantScreen

REVIEW_WEEKS = 6


def _time(value: Any) -> str:
    return f"{value:%H:%M}" if isinstance(value, datetime) else ""


class ConsoleWindow(OwnLanguageWindow):
    """The chair's console, in a language of its own. A live meeting: when the main window
    is rebuilt (in another language), the console moves to the new one as it is."""

    data_shown = Signal()  # after each redraw, for tests and the participant screen
    step_shown = Signal(str)

    def __init__(
        self,
        store: Store,
        conference_id: str,
        parent: QWidget | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__(store, parent, language)
        self.conference_id = conference_id
        self.data: ConsoleData | None = None
        self.step_key = ""
        self.participant: ParticipantScreen | None = None  # the family's screen, once opened
        self.reopen_dialog: QInputDialog | None = None
        self.setObjectName("conference_console")
        self.resize(1280, 800)
        self._build_first()
        store.changed.connect(self.reload)
        store.problem.connect(self.statusBar().showMessage)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        """Every widget and action of the console, in ``self.ui_language``."""
        self.setWindowTitle(self.tr("Conference console"))
        self.setAccessibleName(self.tr("Conference console"))
        body = QWidget(self)
        self.page_for: dict[str, StepPage] = {}

        self.header = QLabel(body)
        self.header.setObjectName("console_header")
        self.header.setAccessibleName(self.tr("Conference"))
        self.header.setWordWrap(True)  # wraps in a narrow window rather than widening it
        self.status_note = QLabel(body)
        self.status_note.setObjectName("console_status")
        self.status_note.setWordWrap(True)

        # Which language this console speaks. Its label stays bilingual.
        language_label = self._language_row(
            body,
            "console_language",
            self.tr("The language of this console only; the family screen has its own"),
        )

        # The family screen and agreeing, in the order Tab visits them.
        self.screen_button = self._button(
            self.tr("Family &screen (F7)"), "open_participant_screen", self.show_participant_screen
        )
        self.blank_button = self._button(
            self.tr("&Blank family screen (F8)"), "blank_screen", self.toggle_blank
        )
        self.break_button = self._button(
            self.tr("&Take a break (F9)"), "take_break", self.toggle_break
        )
        self.break_button.setAccessibleDescription(
            self.tr("Shows a calm break page on the family screen, or takes it away again")
        )
        self.agree_button = self._button(
            self.tr("&Agree conference…"), "agree_conference", self.agree
        )
        self.reopen_button = self._button(self.tr("&Re-open…"), "reopen_conference", self.reopen)

        self.steps = QListWidget(body)
        self.steps.setObjectName("agenda_steps")
        self.steps.setAccessibleName(self.tr("Agenda steps"))
        self.steps.setAccessibleDescription(
            self.tr("Up and down arrows choose a step; Ctrl+Page Down goes to the next one")
        )
        self.steps.setMinimumWidth(170)  # a step's title stays readable beside a wide page
        self.steps.setMaximumWidth(260)
        self.steps.setWordWrap(True)  # a pack's long step titles wrap rather than scroll
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(self._step_chosen)

        centre = QWidget(body)
        self.title = QLabel(centre)
        self.title.setObjectName("step_title")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)  # a long Welsh or 200% title wraps, never widens the window
        self.pages = QStackedWidget(centre)
        self.back_button = self._button(self.tr("← Bac&k"), "step_back", self.previous_step)
        self.position = QLabel(centre)
        self.position.setObjectName("step_position")
        self.next_button = self._button(self.tr("N&ext →"), "step_next", self.next_step)

        self.side = QTabWidget(body)
        # The side tab decides which buttons show beside a step's form: the form
        # re-chooses its Alt letters so none clashes with them.
        self.side.currentChanged.connect(self._refresh_form_keys)
        self.side.setObjectName("console_side")
        self.prompts = QLabel()
        self.prompts.setObjectName("chair_prompts")
        self.prompts.setAccessibleName(self.tr("Prompts for this step"))
        self.prompts.setWordWrap(True)
        self.prompts.setAlignment(Qt.AlignmentFlag.AlignTop)
        minutes = QWidget(self.side)
        self.minutes_view, self.minutes_model = record_table(
            self.tr("Minutes for this step"),
            [Column("recorded_at", self.tr("Time"), _time), Column("text", self.tr("Minute"))],
            object_name="minutes_for_this_step",
            parent=minutes,
        )
        self.minute_box = DraftText(
            self.store,
            "minute_entry",
            "text",
            "minute",
            lambda: {
                "conference_id": self.conference_id,
                "step_key": self.step_key,
                "recorded_at": local_now(),
            },
            minutes,
        )
        self.minute_box.setObjectName("minute_box")
        self.minute_box.setAccessibleName(self.tr("Type a minute"))
        self.minute_box.setPlaceholderText(
            self.tr("Type a minute; it saves as you type. Ctrl+Return: next")
        )
        self.minute_box.setMaximumHeight(110)
        next_minute = self._button(self.tr("&Next minute"), "next_minute", self.minute_box.finish)
        minutes_layout = QVBoxLayout(minutes)
        minutes_layout.addWidget(self.minutes_view, 1)
        minutes_layout.addWidget(self.minute_box)
        minutes_layout.addWidget(next_minute)

        attendance = QWidget(self.side)
        self.attendance = RecordList(
            self.store,
            self.tr("Attendance"),
            "attendance",
            self.tr("attendee"),
            [
                Column("name", self.tr("Name")),
                Column("role", self.tr("Role"), label_of(AttendeeRole)),
                Column("status", self.tr("Status"), label_of(AttendanceStatus)),
                Column("arrived_at", self.tr("Arrived"), _time),
                Column("left_at", self.tr("Left"), _time),
            ],
            record_specs.attendance,
            parent=attendance,
        )
        self.attendance.defaults = lambda: {"status": "attended", "arrived_at": local_now()}
        arrived = self._button(self.tr("Arrived n&ow"), "arrived_now", self.mark_arrived)
        left = self._button(self.tr("&Left now"), "left_now", self.mark_left)
        arrivals = QHBoxLayout()
        arrivals.addWidget(arrived)
        arrivals.addWidget(left)
        attendance_layout = QVBoxLayout(attendance)
        attendance_layout.addWidget(self.attendance)
        attendance_layout.addLayout(arrivals)

        # The attendance list's buttons are wider than the side panel in a narrow window
        # (or at a large text size): it scrolls there rather than widening the window.
        attendance_scroll = QScrollArea(self.side)
        attendance_scroll.setWidgetResizable(True)
        attendance_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        attendance_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        attendance_scroll.setWidget(attendance)
        # Long prompts at large text sizes scroll rather than being cut off.
        prompts_scroll = QScrollArea(self.side)
        prompts_scroll.setObjectName("chair_prompts_scroll")
        prompts_scroll.setWidgetResizable(True)
        prompts_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        prompts_scroll.setWidget(self.prompts)
        self.side.addTab(prompts_scroll, self.tr("&Prompts"))
        self.side.addTab(minutes, self.tr("&Minutes"))
        self.side.addTab(attendance_scroll, self.tr("Atten&dance"))

        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.title)
        # A page wider than the room it is given (a narrow window, large text) scrolls
        # rather than widening the window off the screen; Tab scrolls to what it reaches.
        page_scroll = QScrollArea(centre)
        page_scroll.setObjectName("step_page_scroll")
        page_scroll.setWidgetResizable(True)
        page_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page_scroll.setWidget(self.pages)
        centre_layout.addWidget(page_scroll, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        centre_layout.addLayout(nav)
        splitter = QSplitter(body)
        splitter.addWidget(self.steps)
        splitter.addWidget(centre)
        splitter.addWidget(self.side)
        splitter.setSizes([200, 760, 320])
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 1)  # the step's page takes the room a wider window gives
        self.side.setMinimumWidth(320)  # its three tabs and the prompts stay readable
        # The conference and the console's language on one line, the family screen and
        # agreeing beneath: one long row would not fit a laptop in Welsh or at large text.
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(language_label)
        top.addWidget(self.language_box)
        controls = QHBoxLayout()
        for push in (
            self.screen_button,
            self.blank_button,
            self.break_button,
            self.agree_button,
            self.reopen_button,
        ):
            controls.addWidget(push)
        controls.addStretch(1)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(controls)
        layout.addWidget(self.status_note)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        self._shortcuts()

    def _shortcuts(self) -> None:
        """The console's keys, each an action of the window (so the help overlay lists them)."""
        add = self._add_key
        add(self.tr("Next step"), "action_next_step", ["Ctrl+PgDown", "Alt+Right"], self.next_step)
        add(
            self.tr("Previous step"),
            "action_previous_step",
            ["Ctrl+PgUp", "Alt+Left"],
            self.previous_step,
        )
        add(
            self.tr("Family screen"),
            "action_family_screen",
            ["F7"],
            self.show_participant_screen,
        )
        add(
            self.tr("Blank the family screen"),
            "action_blank_screen",
            ["F8", "Ctrl+B"],
            self.toggle_blank,
        )
        add(self.tr("Take a break"), "action_take_break", ["F9"], self.toggle_break)
        add(self.tr("Undo"), "action_undo", ["Ctrl+Z"], self.store.undo_stack.undo)
        add(self.tr("Redo"), "action_redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.store.undo_stack.redo)

    # -- language ---------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Speak ``code`` ("en" or "cy") in this console only.

        The simplest robust way is to build the console's widgets again in the
        new language, in place, rather than translating each one: every label,
        form, table and page is made by the same code either way, so nothing can
        be missed. The window itself stays, so the family screen (a child of
        this window, in a language of its own) stays open and untouched, and
        the console keeps its step. Nothing typed is lost: fields being edited
        are committed first (leaving a field saves it, as always), and the
        minute being typed is saved and carried into the new minute box as the
        same record.
        """
        if code not in CODES or code == self.ui_language:
            return
        self._commit_typing()
        draft = self.minute_box
        side = self.side.currentIndex()

        def carry_over() -> None:
            self.minute_box.take_over(draft)
            self.side.setCurrentIndex(side)

        self._rebuild_in(code, carry_over)
        if self.data is not None:
            self.show_data(self.data)
        self.language_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.language_changed.emit(code)

    def _commit_typing(self) -> None:
        """Leave the field being typed in, which saves it (as Tab or a click would)."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        self.minute_box.save()

    # -- loading ----------------------------------------------------------------------------
    def start(self) -> None:
        """Ready the conference (first time only), then show it.

        A conference not yet started, on a case with an assessment, first offers to
        start from the latest assessment, so nothing the social worker wrote is
        typed twice.
        """
        conference_id = self.conference_id

        def offer(session: Session) -> StartOffer | None:
            return start_offer(session, conference_id)

        self.store.read(offer, self._offer_or_begin)

    def _offer_or_begin(self, offer: StartOffer | None) -> None:
        if offer is None or not is_alive(self):
            self._begin(None)
            return
        box = QMessageBox(self)
        box.setObjectName("start_from_assessment")
        title = self.tr("Start from the assessment?")
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            self.tr(
                "{author}'s assessment of {name}, started {date}, is ready. Start this "
                "conference from it? Its map, needs, harm, the family's words and partner "
                "information are copied in; the assessment itself stays as written."
            ).format(
                author=offer.author or self.tr("The social worker"),
                name=offer.young_person,
                date=f"{offer.started_on:%d/%m/%Y}",
            )
        )
        box.setAccessibleName(title)
        box.setAccessibleDescription(box.text())
        use = box.addButton(self.tr("Start from the assessment"), QMessageBox.ButtonRole.AcceptRole)
        use.setAccessibleName(use.text())
        fresh = box.addButton(self.tr("Start afresh"), QMessageBox.ButtonRole.RejectRole)
        fresh.setAccessibleName(fresh.text())
        box.setDefaultButton(use)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Whichever button (or Esc, which starts afresh) closes it, the conference starts.
        box.finished.connect(
            lambda _r: self._begin(offer.assessment_id if box.clickedButton() is use else None)
        )
        self.start_box = box
        box.open()  # not exec(): the console stays responsive behind it

    def _begin(self, assessment_id: str | None) -> None:
        conference_id = self.conference_id

        def begin(session: Session) -> bool:
            started = running.begin(
                session, conference_id, default_pack(), assessment_id=assessment_id
            )
            running.default_review_date(session, conference_id, REVIEW_WEEKS)
            return started

        self.store.write(begin, lambda _started: self.reload())

    def reload(self) -> None:
        conference_id = self.conference_id
        self.store.read(lambda s: load_console(s, conference_id), self.show_data)

    def show_data(self, data: ConsoleData) -> None:
        if not is_alive(self):
            return  # closed (and deleted) while this was being read
        first = self.data is None
        self.data = data
        c = data.conference
        code = self.ui_language
        self.setWindowTitle(self.tr("Conference console: {name}").format(name=data.young_person))
        status = self.tr("Agreed") if data.agreed else self.tr("In progress")
        kind = specs.choice_label(ConferenceKind(c["kind"]), code) if c.get("kind") else ""
        self.header.setText(
            f"<b>{as_html(data.young_person)}</b> · {kind} · "
            f"{c['starts_at']:%d/%m/%Y %H:%M} · {status}"
        )
        self.status_note.setText(
            self.tr(
                "This conference has been agreed; its record is closed. Re-open it to change it."
            )
            if data.agreed
            else ""
        )
        self.status_note.setVisible(data.agreed)
        self.agree_button.setVisible(not data.agreed)
        self.reopen_button.setVisible(data.agreed)
        if self.steps.count() != len(data.pack.steps):
            self._build_steps(data)
        self.attendance.fixed = {"conference_id": c["id"]}
        self.attendance.set_rows(data.attendance)
        self.attendance.set_read_only(data.agreed)
        if first:
            key = c.get("current_step") or data.pack.steps[0].key
            self.steps.setCurrentRow(data.pack.step_index(key))
            # The keyboard starts on the agenda: arrows choose a step, Tab moves on into it.
            self.steps.setFocus(Qt.FocusReason.OtherFocusReason)
        self._render_current()
        self._keep_keyboard()
        self.data_shown.emit()

    def _keep_keyboard(self) -> None:
        """Never leave the keyboard nowhere after a redraw.

        Agreeing makes every field read-only and swaps Agree for Re-open, so the
        control that had the focus can vanish; the keyboard then goes to Re-open
        (or Agree), else the agenda, rather than to nothing at all.
        """
        if not self.isActiveWindow():
            return
        focused = QApplication.focusWidget()
        if focused is not None and focused.isVisible() and focused.isEnabled():
            return
        for fallback in (self.reopen_button, self.agree_button, self.steps):
            if fallback.isVisible() and fallback.isEnabled():
                fallback.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _build_steps(self, data: ConsoleData) -> None:
        self.steps.blockSignals(True)
        self.steps.clear()
        for n, step in enumerate(data.pack.steps, 1):
            item = QListWidgetItem(f"{n}. {step.title(self.ui_language)}")
            item.setData(Qt.ItemDataRole.UserRole, step.key)
            self.steps.addItem(item)
        if self.step_key:  # rebuilt (a new language): stay on the step
            self.steps.setCurrentRow(data.pack.step_index(self.step_key))
        self.steps.blockSignals(False)

    def page(self, kind: str) -> StepPage:
        page = self.page_for.get(kind)
        if page is None:
            page = PAGES[kind](self.store, lambda: self.conference_id, self.pages)
            page.setObjectName(f"page_{kind}")
            self.page_for[kind] = page
            self.pages.addWidget(page)
        return page

    def _render_current(self) -> None:
        data = self.data
        if data is None or not self.step_key:
            return
        code = self.ui_language
        step = data.pack.step(self.step_key)
        page = self.page(step.kind)
        self.pages.setCurrentWidget(page)
        page.show_data(data)
        page.set_read_only(data.agreed)
        self.title.setText(f"<h2>{as_html(step.title(code))}</h2>")
        prompts = "".join(f"<li>{as_html(p)}</li>" for p in step.prompts(code))
        self.prompts.setText(f"<ul>{prompts}</ul>")
        self.minutes_model.set_rows([m for m in data.minutes if m["step_key"] == step.key])
        self.minute_box.setEnabled(not data.agreed)
        index = data.pack.step_index(step.key)
        self.position.setText(
            self.tr("Step {number} of {count}").format(number=index + 1, count=len(data.pack.steps))
        )
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(data.pack.steps) - 1)
        warnings = len(data.warnings)
        if warnings == 1:
            message = self.tr("1 plan check to look at")
        elif warnings:
            message = self.tr("{count} plan checks to look at").format(count=warnings)
        else:
            message = ""
        self.statusBar().showMessage(message)

    # -- moving through the agenda -----------------------------------------------------------
    def _step_chosen(self, row: int) -> None:
        if self.data is None or row < 0:
            return
        key = self.data.pack.steps[row].key
        if key == self.step_key:
            return
        self.minute_box.finish()  # a minute belongs to the step it was typed in
        self.step_key = key
        self._render_current()
        self.step_shown.emit(key)
        if not self.data.agreed and self.data.conference.get("current_step") != key:
            conference_id = self.conference_id
            # Only a bookmark (so a reopened laptop returns here): no redraw needed.
            self.data.conference["current_step"] = key
            self.store.write(lambda s: running.go_to_step(s, conference_id, key), notify=False)

    def _refresh_form_keys(self, _index: int = 0) -> None:
        for form in self.findChildren(RecordForm):
            if form.isVisible():
                form.refresh_keys()

    def go_to(self, key: str) -> None:
        if self.data is not None:
            self.steps.setCurrentRow(self.data.pack.step_index(key))

    def next_step(self) -> None:
        self.steps.setCurrentRow(min(self.steps.currentRow() + 1, self.steps.count() - 1))

    def previous_step(self) -> None:
        self.steps.setCurrentRow(max(self.steps.currentRow() - 1, 0))

    # -- attendance --------------------------------------------------------------------------
    def mark_arrived(self) -> None:
        row = self.attendance.selected()
        if row is not None:
            values = {"arrived_at": local_now(), "status": "attended", "left_at": None}
            self.store.update("attendance", row["id"], values, f"{row['name']} arrived")

    def mark_left(self) -> None:
        row = self.attendance.selected()
        if row is not None:
            values: dict[str, Any] = {"left_at": local_now()}
            if row.get("arrived_at") is not None:
                values["status"] = "part_attended"
            self.store.update("attendance", row["id"], values, f"{row['name']} left")

    # -- agreeing ----------------------------------------------------------------------------
    def agree(self) -> None:
        conference_id = self.conference_id
        self.minute_box.finish()

        def failed(error: BaseException) -> None:
            self.statusBar().showMessage(self.tr("Not agreed yet: {problem}").format(problem=error))

        self.store.write(lambda s: running.agree(s, conference_id), failed=failed)

    def reopen(self, reason: str | None = None) -> QInputDialog | None:
        """Re-open an agreed record; without a ``reason``, ask for one (the dialog is returned)."""
        if reason is None:
            dialog = QInputDialog(self)
            dialog.setObjectName("reopen_dialog")
            dialog.setWindowTitle(self.tr("Re-open conference"))
            dialog.setAccessibleName(self.tr("Re-open conference"))
            dialog.setLabelText(self.tr("Why is the agreed record being re-opened?"))
            dialog.setOkButtonText(self.tr("Re-open"))
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.textValueSelected.connect(lambda text: self.reopen(text))
            self.reopen_dialog = dialog
            dialog.open()
            return dialog
        conference_id = self.conference_id
        given = reason

        def failed(error: BaseException) -> None:
            self.statusBar().showMessage(self.tr("Not re-opened: {problem}").format(problem=error))

        self.store.write(lambda s: running.reopen(s, conference_id, given), failed=failed)
        return None

    # -- the family's screen -----------------------------------------------------------------
    def show_participant_screen(self) -> None:
        from ui.participant_screen import ParticipantScreen

        if self.participant is None:
            self.participant = ParticipantScreen(self.store, self)
        self.participant.present()

    def _open_family_screen(self) -> ParticipantScreen | None:
        """The family screen if it is open; if not, say so quietly and do nothing else."""
        if self.participant is not None and self.participant.isVisible():
            return self.participant
        self.statusBar().showMessage(self.tr("The family screen is not open: F7 opens it."), 5000)
        return None

    def toggle_blank(self) -> None:
        screen = self._open_family_screen()
        if screen is not None:
            screen.set_blank(not screen.blank)

    def toggle_break(self) -> None:
        """Show the calm "take a break" page on the family screen, or take it away."""
        screen = self._open_family_screen()
        if screen is None:
            return
        on = not screen.on_break
        screen.set_break(on)
        self.statusBar().showMessage(
            self.tr("The family screen shows the break page (F9 to go back).")
            if on
            else self.tr("The family screen is back from the break."),
            5000,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.minute_box.save()
        if self.participant is not None:
            self.participant.close()
        super().closeEvent(event)
