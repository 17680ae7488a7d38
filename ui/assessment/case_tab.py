"""The case view's Assessments tab: the case's assessments, a new one, and opening one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from roth_desktop.validation import format_date
from ui.assessment import data as assessment_data
from ui.assessment.window import AssessmentWindow
from ui.i18n import Translated
from ui.record_table import Column, TableSection, date_cell
from ui.store import Store
from ui.widgets import button


class AssessmentsTab(Translated, QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.case_id: str | None = None
        # Alt letters: every one in "new" and "open" is the main window's already.
        self.new_button = button(
            self.tr("Sta&rt a new assessment"), "new_assessment", self.new_assessment
        )
        # Enter on the list opens the assessment chosen, as a double click does.
        self.open_button = button(self.tr("Open assessment"), "open_assessment", self.open_selected)
        # One started by mistake can go (Ctrl+Z brings it back); one the family has seen,
        # or a conference started from, is kept, and the core says why.
        self.delete_button = button(
            self.tr("Delete assessment"), "delete_assessment", self.delete_selected
        )
        self.list = TableSection(
            self.tr("Assessments"),
            [
                Column("started_on", self.tr("Started"), date_cell),
                Column("completed_on", self.tr("Finished"), self._finished),
                Column("author_name", self.tr("Written by")),
                Column("last_shared_on", self.tr("Shared with the family"), self._shared),
            ],
            [self.new_button, self.open_button, self.delete_button],
            "case_assessments",
            self,
        )
        self.list.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.list.view.activated.connect(lambda _i: self.open_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)

    def _finished(self, value: Any) -> str:
        return date_cell(value) or self.tr("In progress")

    def _shared(self, value: Any) -> str:
        return format_date(value) if value else self.tr("Not yet")

    def show_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.setEnabled(case_id is not None)
        if case_id is None:
            self.list.model.set_rows([])
            return
        wanted = case_id

        def shown(rows: list[dict[str, Any]]) -> None:
            if self.case_id == wanted:
                keep = self.list.selected()
                self.list.model.set_rows(rows)
                row = next((n for n, r in enumerate(rows) if keep and r["id"] == keep["id"]), 0)
                if rows:
                    self.list.view.selectRow(row)
                self.open_button.setEnabled(bool(rows))
                self.delete_button.setEnabled(bool(rows))

        self.store.read(lambda s: assessment_data.case_assessments(s, wanted), shown)

    def new_assessment(self) -> None:
        """Start an assessment laid out as a conference is, then open it."""
        if self.case_id is None:
            return
        case_id = self.case_id

        def made(assessment_id: str) -> None:
            self.open_assessment(assessment_id)

        self.store.write(lambda s: assessment_data.new_assessment(s, case_id), made)

    def delete_selected(self) -> None:
        row = self.list.selected()
        if row is not None:
            self.store.delete("assessment", str(row["id"]), self.tr("the assessment"))

    def open_selected(self) -> AssessmentWindow | None:
        row = self.list.selected()
        return self.open_assessment(row["id"]) if row else None

    def open_assessment(self, assessment_id: str) -> AssessmentWindow:
        """The assessment's window: the one already open, or a new one."""
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, AssessmentWindow)
                and widget.assessment_id == assessment_id
                and widget.isVisible()
            ):
                widget.raise_()
                widget.activateWindow()
                return widget
        # Owned by the main window: locking destroys it, and every window with it.
        window = AssessmentWindow(self.store, assessment_id, self.window())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.start()
        return window
