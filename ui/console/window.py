"""The chair's console: the agenda, the current step, its prompts, minutes and attendance.

Everything shown is redrawn from one :class:`ConsoleData` read on the worker
after each saved edit; every change goes through the store, so it is saved at
once, audited, and can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.conference import running
from roth_desktop.conference.console_data import ConsoleData, load_console
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.models import AttendanceStatus
from roth_desktop.models.base import local_now
from ui import record_specs
from ui.console.draft_text import DraftText
from ui.console.pages import PAGES, StepPage
from ui.record_list import RecordList
from ui.record_table import Column, record_table
from ui.store import Store
from ui.widgets import button

REVIEW_WEEKS = 6


def _time(value: Any) -> str:
    return f"{value:%H:%M}" if isinstance(value, datetime) else ""


class ConsoleWindow(QMainWindow):
    data_shown = Signal()  # after each redraw, for tests and the participant screen
    step_shown = Signal(str)

    def __init__(self, store: Store, conference_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.conference_id = conference_id
        self.data: ConsoleData | None = None
        self.step_key = ""
        self.participant: Any = None  # the family's screen, once opened
        self.setObjectName("conference_console")
        self.setWindowTitle("Conference console")
        self.setAccessibleName("Conference console")
        self.resize(1280, 800)

        self.header = QLabel()
        self.header.setObjectName("console_header")
        self.header.setAccessibleName("Conference")
        self.status_note = QLabel()
        self.status_note.setObjectName("console_status")
        self.status_note.setWordWrap(True)

        self.steps = QListWidget()
        self.steps.setObjectName("agenda_steps")
        self.steps.setAccessibleName("Agenda steps")
        self.steps.setMaximumWidth(260)
        self.steps.setWordWrap(True)  # a pack's long step titles wrap rather than scroll
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.currentRowChanged.connect(self._step_chosen)

        self.title = QLabel()
        self.title.setObjectName("step_title")
        self.title.setProperty("role", "heading")
        self.pages = QStackedWidget()
        self.page_for: dict[str, StepPage] = {}

        self.prompts = QLabel()
        self.prompts.setObjectName("chair_prompts")
        self.prompts.setAccessibleName("Prompts for this step")
        self.prompts.setWordWrap(True)
        self.prompts.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.minutes_view, self.minutes_model = record_table(
            "Minutes for this step",
            [Column("recorded_at", "Time", _time), Column("text", "Minute")],
        )
        self.minute_box = DraftText(
            store,
            "minute_entry",
            "text",
            "minute",
            lambda: {
                "conference_id": self.conference_id,
                "step_key": self.step_key,
                "recorded_at": local_now(),
            },
        )
        self.minute_box.setObjectName("minute_box")
        self.minute_box.setAccessibleName("Type a minute")
        self.minute_box.setPlaceholderText("Type a minute; it saves as you type. Ctrl+Return: next")
        self.minute_box.setMaximumHeight(110)
        minutes = QWidget()
        minutes_layout = QVBoxLayout(minutes)
        minutes_layout.addWidget(self.minutes_view, 1)
        minutes_layout.addWidget(self.minute_box)
        minutes_layout.addWidget(button("&Next minute", "next_minute", self.minute_box.finish))

        self.attendance = RecordList(
            store,
            "Attendance",
            "attendance",
            "attendee",
            [
                Column("name", "Name"),
                Column("role", "Role", lambda v: v.label if hasattr(v, "label") else str(v)),
                Column("status", "Status", lambda v: AttendanceStatus(v).label if v else ""),
                Column("arrived_at", "Arrived", _time),
                Column("left_at", "Left", _time),
            ],
            record_specs.attendance,
        )
        self.attendance.defaults = lambda: {"status": "attended", "arrived_at": local_now()}
        arrivals = QHBoxLayout()
        arrivals.addWidget(button("Arrived &now", "arrived_now", self.mark_arrived))
        arrivals.addWidget(button("&Left now", "left_now", self.mark_left))
        attendance = QWidget()
        attendance_layout = QVBoxLayout(attendance)
        attendance_layout.addWidget(self.attendance)
        attendance_layout.addLayout(arrivals)

        self.side = QTabWidget()
        self.side.setObjectName("console_side")
        self.side.addTab(self.prompts, "&Prompts")
        self.side.addTab(minutes, "&Minutes")
        self.side.addTab(attendance, "Atte&ndance")

        self.back_button = button("← &Back", "step_back", self.previous_step)
        self.next_button = button("N&ext →", "step_next", self.next_step)
        self.position = QLabel()
        self.position.setObjectName("step_position")
        self.agree_button = button("&Agree conference…", "agree_conference", self.agree)
        self.reopen_button = button("&Re-open…", "reopen_conference", self.reopen)
        self.screen_button = button(
            "Family &screen (F7)", "open_participant_screen", self.show_participant_screen
        )
        self.blank_button = button("&Blank family screen (F8)", "blank_screen", self.toggle_blank)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.title)
        centre_layout.addWidget(self.pages, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        centre_layout.addLayout(nav)
        splitter = QSplitter()
        splitter.addWidget(self.steps)
        splitter.addWidget(centre)
        splitter.addWidget(self.side)
        splitter.setSizes([200, 760, 320])
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        for push in (self.screen_button, self.blank_button, self.agree_button, self.reopen_button):
            top.addWidget(push)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.status_note)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        self._shortcuts()

        store.changed.connect(self.reload)
        store.problem.connect(self.statusBar().showMessage)

    def _shortcuts(self) -> None:
        def add(text: str, keys: list[str], handler: Any) -> None:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False: handler())
            self.addAction(action)

        add("Next step", ["Ctrl+PgDown", "Alt+Right"], self.next_step)
        add("Previous step", ["Ctrl+PgUp", "Alt+Left"], self.previous_step)
        add("Family screen", ["F7"], self.show_participant_screen)
        add("Blank the family screen", ["F8", "Ctrl+B"], self.toggle_blank)
        add("Undo", ["Ctrl+Z"], self.store.undo_stack.undo)
        add("Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], self.store.undo_stack.redo)

    # -- loading ----------------------------------------------------------------------------
    def start(self) -> None:
        """Ready the conference (first time only), then show it."""
        conference_id = self.conference_id

        def begin(session: Session) -> bool:
            started = running.begin(session, conference_id, default_pack())
            running.default_review_date(session, conference_id, REVIEW_WEEKS)
            return started

        self.store.write(begin, lambda _started: self.reload())

    def reload(self) -> None:
        conference_id = self.conference_id
        self.store.read(lambda s: load_console(s, conference_id), self.show_data)

    def show_data(self, data: ConsoleData) -> None:
        first = self.data is None
        self.data = data
        c = data.conference
        self.setWindowTitle(f"Conference console: {data.young_person}")
        status = "Agreed" if data.agreed else "In progress"
        self.header.setText(
            f"<b>{data.young_person}</b> · {c['kind_label']} · "
            f"{c['starts_at']:%d/%m/%Y %H:%M} · {status}"
        )
        self.status_note.setText(
            "This conference has been agreed; its record is closed. Re-open it to change it."
            if data.agreed
            else ""
        )
        self.status_note.setVisible(data.agreed)
        self.agree_button.setVisible(not data.agreed)
        self.reopen_button.setVisible(data.agreed)
        if first or self.steps.count() != len(data.pack.steps):
            self._build_steps(data)
        self.attendance.fixed = {"conference_id": c["id"]}
        self.attendance.set_rows(data.attendance)
        self.attendance.set_read_only(data.agreed)
        if first:
            key = c.get("current_step") or data.pack.steps[0].key
            self.steps.setCurrentRow(data.pack.step_index(key))
        self._render_current()
        self.data_shown.emit()

    def _build_steps(self, data: ConsoleData) -> None:
        self.steps.blockSignals(True)
        self.steps.clear()
        for n, step in enumerate(data.pack.steps, 1):
            item = QListWidgetItem(f"{n}. {step.title('en')}")
            item.setData(Qt.ItemDataRole.UserRole, step.key)
            self.steps.addItem(item)
        self.steps.blockSignals(False)

    def page(self, kind: str) -> StepPage:
        page = self.page_for.get(kind)
        if page is None:
            page = PAGES[kind](self.store, lambda: self.conference_id)
            page.setObjectName(f"page_{kind}")
            self.page_for[kind] = page
            self.pages.addWidget(page)
        return page

    def _render_current(self) -> None:
        data = self.data
        if data is None or not self.step_key:
            return
        step = data.pack.step(self.step_key)
        page = self.page(step.kind)
        self.pages.setCurrentWidget(page)
        page.show_data(data)
        page.set_read_only(data.agreed)
        self.title.setText(f"<h2>{step.title('en')}</h2>")
        prompts = "".join(f"<li>{p}</li>" for p in step.prompts("en"))
        self.prompts.setText(f"<ul>{prompts}</ul>")
        self.minutes_model.set_rows([m for m in data.minutes if m["step_key"] == step.key])
        self.minute_box.setEnabled(not data.agreed)
        index = data.pack.step_index(step.key)
        self.position.setText(f"Step {index + 1} of {len(data.pack.steps)}")
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(data.pack.steps) - 1)
        warnings = len(data.warnings)
        self.statusBar().showMessage(
            f"{warnings} plan check{'s' if warnings != 1 else ''} to look at" if warnings else ""
        )

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
            self.statusBar().showMessage(f"Not agreed yet: {error}")

        self.store.write(lambda s: running.agree(s, conference_id), failed=failed)

    def reopen(self, reason: str | None = None) -> None:
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, "Re-open conference", "Why is the agreed record being re-opened?"
            )
            if not ok:
                return
        conference_id = self.conference_id
        given = reason

        def failed(error: BaseException) -> None:
            self.statusBar().showMessage(f"Not re-opened: {error}")

        self.store.write(lambda s: running.reopen(s, conference_id, given), failed=failed)

    # -- the family's screen -----------------------------------------------------------------
    def show_participant_screen(self) -> None:
        from ui.participant_screen import ParticipantScreen

        if self.participant is None:
            self.participant = ParticipantScreen(self.store, self)
        self.participant.present()

    def toggle_blank(self) -> None:
        if self.participant is not None:
            self.participant.set_blank(not self.participant.blank)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.minute_box.save()
        if self.participant is not None:
            self.participant.close()
        super().closeEvent(event)
