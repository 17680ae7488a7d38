"""One young person's case: who they are, their network, the case and its conferences.

Inline fields save as soon as the person leaves them; lists are changed through
small dialogs. Every change goes through the Store, so it is saved, audited and
undoable, and the view redraws from what was actually saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
    ConferenceStatus,
    Pathway,
)
from roth_desktop.queries import CaseDetail, agency_choices, case_detail, professional_choices
from roth_desktop.validation import age_on, format_date, today
from ui import record_specs
from ui.assessment.case_tab import AssessmentsTab
from ui.case_timescales import CaseTimescalesTab
from ui.console.window import ConsoleWindow
from ui.export_dialogs import ConferenceExportDialog
from ui.forms import FieldSpec, RecordDialog, RecordForm, changed_values, translate_words
from ui.i18n import Translated, language_of
from ui.record_table import (
    Column,
    RecordTableModel,
    TableSection,
    date_cell,
    datetime_cell,
    label_of,
    yes_no,
)
from ui.store import Store
from ui.widgets import button


class CaseView(Translated, QWidget):
    loaded = Signal(str)  # young person id, once the view shows them

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.detail: CaseDetail | None = None
        self.young_person_id: str | None = None

        self.header = QLabel(
            self.tr("Choose a young person from the list, or add one with Ctrl+N."), self
        )
        self.header.setObjectName("case_header")
        self.header.setWordWrap(True)
        self.header.setProperty("role", "heading")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("case_tabs")
        self.tabs.setAccessibleName(self.tr("Case sections"))

        self.person_form = RecordForm(record_specs.young_person(), self)
        self.person_form.setObjectName("young_person_form")
        self.person_form.field_edited.connect(self._person_edited)
        self.tabs.addTab(self.person_form, self.tr("Yo&ung person"))

        self.family = TableSection(
            self.tr("Family and network"),
            [
                Column("name", self.tr("Name")),
                Column("relationship_to_young_person", self.tr("Relationship")),
                Column("parental_responsibility", self.tr("Parental responsibility"), yes_no),
                Column("plan_partner", self.tr("Plan partner"), yes_no),
                Column("phone", self.tr("Phone")),
            ],
            [
                button(self.tr("Add family member…"), "add_family", self.add_family_member),
                button(self.tr("Edit…"), "edit_family", self.edit_family_member),
                button(self.tr("Remove"), "remove_family", self.remove_family_member),
            ],
            "family_and_network",
            self,
        )
        self.family.view.doubleClicked.connect(lambda _i: self.edit_family_member())
        self.tabs.addTab(self.family, self.tr("Family and net&work"))

        case_page = QWidget(self)
        self.case_form = RecordForm(record_specs.case(), case_page)
        self.case_form.setObjectName("case_form")
        self.case_form.field_edited.connect(self._case_edited)
        self.open_case_button = button(self.tr("Open a case…"), "open_case", self.open_case)
        self.transfers = TableSection(
            self.tr("Pathway transfers"),
            [
                Column("transferred_on", self.tr("Date"), date_cell),
                Column("from_pathway", self.tr("From"), label_of(Pathway)),
                Column("to_pathway", self.tr("To"), label_of(Pathway)),
                Column("reason", self.tr("Reason")),
            ],
            [button(self.tr("Transfer pathway…"), "transfer_pathway", self.transfer_pathway)],
            "pathway_transfers",
            case_page,
        )
        case_layout = QVBoxLayout(case_page)
        case_layout.addWidget(self.case_form)
        case_layout.addWidget(self.open_case_button)
        case_layout.addWidget(self.transfers, 1)
        self.tabs.addTab(case_page, self.tr("C&ase"))

        self.professionals = TableSection(
            self.tr("Professionals"),
            [
                Column("name", self.tr("Name")),
                Column("role_in_case", self.tr("Part in this case")),
                Column("agency", self.tr("Agency")),
                Column("job_title", self.tr("Job title")),
                Column("email", self.tr("Email")),
            ],
            [
                button(self.tr("Add to case…"), "add_professional", self.add_professional),
                button(
                    self.tr("Remove from case"), "remove_professional", self.remove_professional
                ),
                button(self.tr("New professional…"), "new_professional", self.new_professional),
                button(self.tr("New agency…"), "new_agency", self.new_agency),
            ],
            "professionals",
            self,
        )
        self.tabs.addTab(self.professionals, self.tr("Pr&ofessionals"))

        conference_page = QWidget(self)
        self.conferences = TableSection(
            self.tr("Conferences"),
            [
                Column("starts_at", self.tr("Date"), datetime_cell),
                Column("kind", self.tr("Type"), label_of(ConferenceKind)),
                Column("status", self.tr("Status"), label_of(ConferenceStatus)),
                Column("chair_name", self.tr("Chair")),
                Column("location", self.tr("Where")),
            ],
            [
                button(self.tr("Add conference…"), "add_conference", self.add_conference),
                button(self.tr("Edit conference…"), "edit_conference", self.edit_conference),
                button(self.tr("&Run conference"), "run_conference", self.run_conference),
                button(self.tr("Print or e&xport…"), "export_conference", self.export_conference),
            ],
            "conferences",
            conference_page,
        )
        self.conferences.view.doubleClicked.connect(lambda _i: self.edit_conference())
        self.attendance = TableSection(
            self.tr("Attendance at the selected conference"),
            [
                Column("name", self.tr("Name")),
                Column("role", self.tr("Role"), label_of(AttendeeRole)),
                Column("organisation", self.tr("Organisation")),
                Column("status", self.tr("Attendance"), label_of(AttendanceStatus)),
                Column("arrived_at", self.tr("Arrived"), datetime_cell),
                Column("left_at", self.tr("Left"), datetime_cell),
            ],
            [
                button(self.tr("Add attendee…"), "add_attendee", self.add_attendee),
                button(self.tr("Edit attendee…"), "edit_attendee", self.edit_attendee),
                button(self.tr("Remove attendee"), "remove_attendee", self.remove_attendee),
            ],
            "attendance_at_the_selected_conference",
            conference_page,
        )
        self.attendance.view.doubleClicked.connect(lambda _i: self.edit_attendee())
        self.conferences.view.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_attendance()
        )
        conf_layout = QVBoxLayout(conference_page)
        conf_layout.addWidget(self.conferences, 1)
        conf_layout.addWidget(self.attendance, 1)
        self.tabs.addTab(conference_page, self.tr("Co&nferences"))

        # The social worker's assessments, written before a conference and shared first.
        self.assessments = AssessmentsTab(store, self)
        self.assessments.setObjectName("case_assessments_tab")
        self.tabs.addTab(self.assessments, self.tr("A&ssessments"))

        self.timescales = CaseTimescalesTab(store, self)
        self.timescales.setObjectName("case_timescales")
        # Alt+T and Alt+C belong to the main window's Today and Cases.
        self.tabs.addTab(self.timescales, self.tr("Ti&mescales"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.tabs.setEnabled(False)
        store.changed.connect(self.reload)

    # -- loading --------------------------------------------------------------------------

    def show_young_person(self, young_person_id: str) -> None:
        self.young_person_id = young_person_id
        self.reload()

    def reload(self) -> None:
        wanted = self.young_person_id
        if wanted is None:
            return

        def shown(detail: CaseDetail | None) -> None:
            if wanted == self.young_person_id:
                self._render(detail)

        self.store.read(lambda s: case_detail(s, wanted), shown)

    def _render(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        self.tabs.setEnabled(detail is not None)
        if detail is None:
            self.header.setText(self.tr("That young person is no longer in this workspace."))
            return
        yp = detail.young_person
        name = f"{yp['preferred_name'] or yp['first_name']} {yp['last_name']}"
        age = f", {age_on(yp['date_of_birth'], today())}" if yp["date_of_birth"] else ""
        case = detail.case
        if case:
            pathway = translate_words(language_of(self), Pathway(case["pathway"]).label)
        else:
            pathway = self.tr("no open case")
        upcoming = [
            c
            for c in detail.conferences
            if c["status"] == "draft" and c["starts_at"].date() >= today()
        ]
        next_conf = ""
        if upcoming:
            soonest = min(c["starts_at"] for c in upcoming)
            next_conf = " · " + self.tr("next conference {date}").format(
                date=format_date(soonest.date())
            )
        self.header.setText(f"<h2>{name}{age}</h2>{pathway}{next_conf}")
        self.header.setAccessibleName(f"{name}{age}. {pathway}{next_conf}")
        self.person_form.set_values(yp)
        self.family.model.set_rows(detail.family)
        self.case_form.setVisible(case is not None)
        self.open_case_button.setVisible(case is None)
        self.transfers.setEnabled(case is not None)
        self.professionals.setEnabled(case is not None)
        self.conferences.setEnabled(case is not None)
        if case is not None:
            self.case_form.set_values(case)
        self.transfers.model.set_rows(detail.transfers)
        self.professionals.model.set_rows(detail.professionals)
        keep = self.conferences.selected()
        self.conferences.model.set_rows(detail.conferences)
        self._reselect(self.conferences.view, self.conferences.model, keep)
        self._show_attendance()
        self.timescales.show_case(case["id"] if case else None)
        self.assessments.show_case(case["id"] if case else None)
        self.loaded.emit(yp["id"])

    @staticmethod
    def _reselect(view: QTableView, model: RecordTableModel, keep: dict[str, Any] | None) -> None:
        for row, values in enumerate(model.rows):
            if keep is not None and values["id"] == keep["id"]:
                view.selectRow(row)
                return
        if model.rows:
            view.selectRow(len(model.rows) - 1)

    def _show_attendance(self) -> None:
        conference = self.conferences.selected()
        self.attendance.model.set_rows(conference["attendance"] if conference else [])
        self.attendance.setEnabled(conference is not None)

    # -- inline edits ---------------------------------------------------------------------
    def _inline(self, form: RecordForm, table: str, record_id: str, field: str, value: Any) -> None:
        def refused(error: BaseException) -> None:
            # The typed value stays, with its problem beside it, to be corrected.
            message = error.problems.get(field) if isinstance(error, ValidationError) else None
            form.show_problems({field: message or str(error)})

        label = form.specs[field].label.lower()
        self.store.set_field(table, record_id, field, value, label, failed=refused)

    def _person_edited(self, field: str, value: Any) -> None:
        if self.detail is not None:
            self._inline(
                self.person_form, "young_person", self.detail.young_person["id"], field, value
            )

    def _case_edited(self, field: str, value: Any) -> None:
        if self.detail is not None and self.detail.case is not None:
            self._inline(self.case_form, "case_episode", self.detail.case["id"], field, value)

    # -- dialogs --------------------------------------------------------------------------
    def _dialog(
        self,
        title: str,
        specs: list[FieldSpec],
        values: dict[str, Any] | None,
        save: Callable[[dict[str, Any], Callable[[], None], Callable[[BaseException], None]], None],
    ) -> RecordDialog:
        dialog = RecordDialog(title, specs, save, values, self)
        dialog.setObjectName("record_dialog")
        dialog.open()
        return dialog

    def _create_dialog(
        self,
        title: str,
        table: str,
        specs: list[FieldSpec],
        defaults: dict[str, Any],
        fixed: dict[str, Any],
        label: str,
    ) -> RecordDialog:
        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            self.store.create(
                table, {**values, **fixed}, label, done=lambda _id: done(), failed=failed
            )

        return self._dialog(title, specs, defaults, save)

    def _edit_dialog(
        self, title: str, table: str, specs: list[FieldSpec], current: dict[str, Any], label: str
    ) -> RecordDialog:
        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            changed = changed_values(values, current)
            self.store.update(table, current["id"], changed, label, failed=failed, done=done)

        return self._dialog(title, specs, current, save)

    def add_family_member(self) -> RecordDialog | None:
        if self.detail is None:
            return None
        return self._create_dialog(
            self.tr("Add family member"),
            "family_member",
            record_specs.family_member(),
            {"plan_partner": True},
            {"young_person_id": self.detail.young_person["id"]},
            "family member",
        )

    def edit_family_member(self) -> RecordDialog | None:
        member = self.family.selected()
        if member is None:
            return None
        return self._edit_dialog(
            self.tr("Edit family member"),
            "family_member",
            record_specs.family_member(),
            member,
            "family member",
        )

    def remove_family_member(self) -> None:
        member = self.family.selected()
        if member is not None:
            self.store.delete("family_member", member["id"], "family member")

    def open_case(self) -> RecordDialog | None:
        if self.detail is None:
            return None
        return self._create_dialog(
            self.tr("Open a case"),
            "case_episode",
            record_specs.new_case(),
            {"pathway": Pathway.ROTH.value, "opened_on": today()},
            {"young_person_id": self.detail.young_person["id"]},
            "case",
        )

    def transfer_pathway(self) -> RecordDialog | None:
        if self.detail is None or self.detail.case is None:
            return None
        case_id = self.detail.case["id"]

        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            if not values["transferred_on"]:
                problem = self.tr("Enter the date of the transfer.")
                failed(ValidationError({"transferred_on": problem}))
                return
            self.store.transfer(
                case_id,
                Pathway(values["to_pathway"]),
                values["transferred_on"],
                values["reason"],
                done,
                failed,
            )

        return self._dialog(
            self.tr("Transfer pathway"), record_specs.transfer(), {"transferred_on": today()}, save
        )

    def _with_choices(
        self,
        query: Callable[[Session], list[tuple[str, str]]],
        then: Callable[[list[tuple[str, str]]], object],
    ) -> None:
        self.store.read(query, then)

    def add_professional(self) -> None:
        if self.detail is None or self.detail.case is None:
            return
        case_id = self.detail.case["id"]
        self._with_choices(
            professional_choices,
            lambda choices: self._create_dialog(
                self.tr("Add a professional to this case"),
                "case_professional",
                record_specs.case_professional(choices),
                {},
                {"case_id": case_id},
                "professional",
            ),
        )

    def remove_professional(self) -> None:
        link = self.professionals.selected()
        if link is not None:
            self.store.delete("case_professional", link["id"], "professional from case")

    def new_professional(self) -> None:
        self._with_choices(
            agency_choices,
            lambda choices: self._create_dialog(
                self.tr("New professional"),
                "professional",
                record_specs.professional(choices),
                {},
                {},
                "professional",
            ),
        )

    def new_agency(self) -> RecordDialog:
        return self._create_dialog(
            self.tr("New agency"), "agency", record_specs.agency(), {}, {}, "agency"
        )

    def add_conference(self) -> None:
        if self.detail is None or self.detail.case is None:
            return
        case_id = self.detail.case["id"]
        kind = ConferenceKind.REVIEW if self.detail.conferences else ConferenceKind.INITIAL
        defaults = {
            "kind": kind.value,
            "status": "draft",
            "starts_at": datetime.combine(today(), datetime.min.time()).replace(hour=10),
        }
        self._with_choices(
            professional_choices,
            lambda chairs: self._create_dialog(
                self.tr("Add conference"),
                "conference",
                record_specs.conference(chairs),
                defaults,
                {"case_id": case_id},
                "conference",
            ),
        )

    def edit_conference(self) -> None:
        conference = self.conferences.selected()
        if conference is None:
            return
        current = {k: v for k, v in conference.items() if k not in ("attendance", "chair_name")}
        current["chair_id"] = current.get("chair_id") or ""
        self._with_choices(
            professional_choices,
            lambda chairs: self._edit_dialog(
                self.tr("Edit conference"),
                "conference",
                record_specs.conference(chairs),
                current,
                "conference",
            ),
        )

    def run_conference(self) -> ConsoleWindow | None:
        """Open the chair's console for the selected conference (an agreed one opens to read)."""
        conference = self.conferences.selected()
        if conference is None:
            return None
        # Owned by the main window: locking destroys it, and so every console with it.
        console = ConsoleWindow(self.store, conference["id"], self.window())
        console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        console.show()
        console.start()
        return console

    def export_conference(self) -> ConferenceExportDialog | None:
        """Ask who the copy is for and where it goes; the work runs on the worker."""
        conference = self.conferences.selected()
        if conference is None or self.detail is None:
            return None
        yp = self.detail.young_person
        initials = "".join(p[:1].upper() for p in (yp["first_name"], yp["last_name"]) if p)
        stem = f"{initials}-{conference['starts_at']:%Y-%m-%d}"
        dialog = ConferenceExportDialog(self.store, conference["id"], stem, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_attendee(self) -> RecordDialog | None:
        conference = self.conferences.selected()
        if conference is None:
            return None
        return self._create_dialog(
            self.tr("Add attendee"),
            "attendance",
            record_specs.attendance(),
            {"status": "invited"},
            {"conference_id": conference["id"]},
            "attendee",
        )

    def edit_attendee(self) -> RecordDialog | None:
        attendee = self.attendance.selected()
        if attendee is None:
            return None
        return self._edit_dialog(
            self.tr("Edit attendee"), "attendance", record_specs.attendance(), attendee, "attendee"
        )

    def remove_attendee(self) -> None:
        attendee = self.attendance.selected()
        if attendee is not None:
            self.store.delete("attendance", attendee["id"], "attendee")
