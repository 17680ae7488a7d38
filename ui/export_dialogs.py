"""Asking what to print or export, and where to put it.

The file goes only where the person chooses. The suggested file name carries
the young person's initials, never their name, because file names end up in
recent-files lists, e-mail subjects and sync tools' logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.app_settings import AppSettings, marking_problem
from roth_desktop.errors import RothError
from roth_desktop.progress import Progress
from roth_desktop.reports.audience import Audience
from roth_desktop.reports.output import check_output_path
from roth_desktop.timescales.policy import policy_or_defaults
from roth_desktop.validation import today
from ui.export_job import ExportRun, ExportWork
from ui.store import Store
from ui.widgets import labelled_row, secret_field

_AUDIENCE_HELP = {
    Audience.PROFESSIONAL: "Everything, with restricted information in its own marked section.",
    Audience.FAMILY: "For the young person and family: nothing restricted, plain words.",
    Audience.YOUNG_PERSON: "The plan written to the young person, with their map.",
    Audience.PLAN: "The plan on its own, for the core group.",
}
MIN_PDF_PASSWORD = 8


def _path_row(
    parent: QWidget, name: str, object_name: str, choose: str, pattern: str, save: bool
) -> tuple[QWidget, QLineEdit]:
    """A path box with a Choose… button; typing a path works too (and lets tests drive it)."""
    row = QWidget(parent)
    line = QLineEdit()
    line.setObjectName(object_name)
    line.setAccessibleName(name)
    pick = QPushButton(choose)
    pick.setObjectName(f"{object_name}_choose")
    pick.setAccessibleName(f"{choose.rstrip('…')} {name.lower()}")

    def browse() -> None:
        start = line.text() or str(Path.home())
        if save:
            chosen, _ = QFileDialog.getSaveFileName(parent, name, start, pattern)
        else:
            chosen, _ = QFileDialog.getOpenFileName(parent, name, start, pattern)
        if chosen:
            line.setText(chosen)

    pick.clicked.connect(lambda _checked=False: browse())
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(line, 1)
    layout.addWidget(pick)
    return row, line


def _name_inner(box: QWidget, name: str) -> None:
    """Name the text box inside a spin or date box too: keyboard focus lands on it."""
    inner = box.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)


class _ExportDialog(QDialog):
    def __init__(self, store: Store, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        # Wide enough to show a whole path: people check where a record is going.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.run: ExportRun | None = None
        self.message = QLabel()
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("export_save")
        self.save_button.setAccessibleName("Save")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.rejected.connect(self.reject)

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def launch(self, title: str, work: ExportWork) -> ExportRun:
        # The run outlives this dialog, so it belongs to the window that opened it.
        self.run = ExportRun(self.store, title, work, self.parentWidget() or self)
        self.accept()
        return self.run


class ConferenceExportDialog(_ExportDialog):
    """Print a conference for one audience as PDF, or export it as JSON."""

    def __init__(
        self,
        store: Store,
        conference_id: str,
        file_stem: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, "Print or export the conference", parent)
        self.conference_id = conference_id
        self.file_stem = file_stem
        self.settings = AppSettings.load()
        layout = QVBoxLayout(self)
        intro = QLabel("Who is this copy for?")
        intro.setProperty("role", "heading")
        layout.addWidget(intro)
        self.audiences = QButtonGroup(self)
        self.audience_buttons: dict[Audience, QRadioButton] = {}
        for n, audience in enumerate(Audience):
            radio = QRadioButton(f"{audience.label}: {_AUDIENCE_HELP[audience]}")
            radio.setObjectName(f"audience_{audience.value.replace('-', '_')}")
            radio.setAccessibleName(audience.label)
            radio.setAccessibleDescription(_AUDIENCE_HELP[audience])
            self.audiences.addButton(radio, n)
            self.audience_buttons[audience] = radio
            layout.addWidget(radio)
        self.audience_buttons[Audience.FAMILY].setChecked(True)

        form = QFormLayout()
        self.format = QComboBox()
        self.format.setObjectName("export_format")
        self.format.setAccessibleName("File type")
        self.format.addItem("PDF, to print or send", "pdf")
        self.format.addItem("JSON, for the case management system", "json")
        labelled_row(form, "File &type:", self.format)
        self.language = QComboBox()
        self.language.setObjectName("export_language")
        self.language.setAccessibleName("Language")
        self.language.addItem("English", "en")
        self.language.addItem("Cymraeg (Welsh)", "cy")
        labelled_row(form, "&Language:", self.language)
        self.marking = QLineEdit(self.settings.protective_marking)
        self.marking.setObjectName("export_marking")
        self.marking.setAccessibleName("Protective marking")
        labelled_row(form, "Protective &marking:", self.marking)
        self.protect = QCheckBox("Protect the PDF with a password")
        self.protect.setObjectName("export_protect")
        self.protect.setAccessibleName("Protect the PDF with a password")
        form.addRow(self.protect)
        self.password = secret_field("PDF password", "export_password")
        self.password_again = secret_field("PDF password again", "export_password_again")
        labelled_row(form, "Pass&word:", self.password)
        labelled_row(form, "Password &again:", self.password_again)
        path_row, self.path = _path_row(
            self, "File to save", "export_path", "Choose…", "PDF (*.pdf);;JSON (*.json)", True
        )
        labelled_row(form, "Save &as:", path_row)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.start)

        self._suggested = ""
        self.audiences.idToggled.connect(lambda *_: self._sync())
        self.format.currentIndexChanged.connect(lambda *_: self._sync())
        self.protect.toggled.connect(lambda *_: self._sync())
        self._sync()

    @property
    def audience(self) -> Audience:
        return list(Audience)[max(self.audiences.checkedId(), 0)]

    def _sync(self) -> None:
        json_ok = self.audience in (Audience.PROFESSIONAL, Audience.FAMILY)
        item = self.format.model().item(1)  # type: ignore[attr-defined]
        item.setEnabled(json_ok)
        if not json_ok and self.format.currentData() == "json":
            self.format.setCurrentIndex(0)
        pdf = self.format.currentData() == "pdf"
        self.protect.setEnabled(pdf)
        for box in (self.password, self.password_again):
            box.setEnabled(pdf and self.protect.isChecked())
        self.marking.setEnabled(pdf)
        suffix = ".pdf" if pdf else ".json"
        current = Path(self.path.text()) if self.path.text() else None
        folder = current.parent if current else Path.home()
        # A name the person chose is theirs: only the name we suggested follows the
        # audience; theirs just gets the right ending.
        if current is None or current.name == self._suggested:
            self._suggested = f"{self.file_stem}-{self.audience.value}{suffix}"
            self.path.setText(str(folder / self._suggested))
        elif current.suffix != suffix:
            self.path.setText(str(current.with_suffix(suffix)))

    def start(self) -> None:
        audience, language = self.audience, str(self.language.currentData())
        out = Path(self.path.text().strip()).expanduser()
        conference_id = self.conference_id
        if not self.path.text().strip():
            return self.refuse("Choose where to save it.")
        if self.format.currentData() == "json":

            def write_json(session: Session, progress: Progress) -> Sequence[Path]:
                from roth_desktop.reports.conference_json import write_conference_json

                progress(10, "reading the conference")
                return [write_conference_json(session, conference_id, audience, out, language)]

            self.launch("Exporting the conference", write_json)
            return None
        marking = self.marking.text().strip()
        problem = marking_problem(marking)
        if problem:
            return self.refuse(problem)
        password = None
        if self.protect.isChecked():
            password = self.password.text()
            if len(password) < MIN_PDF_PASSWORD:
                return self.refuse(f"Use a password of at least {MIN_PDF_PASSWORD} characters.")
            if password != self.password_again.text():
                return self.refuse("The two passwords are not the same.")
        if marking != self.settings.protective_marking:
            self.settings.protective_marking = marking
            self.settings.save()

        def write_pdf(session: Session, progress: Progress) -> Sequence[Path]:
            from roth_desktop.reports.pdf import write_conference_pdf

            return [
                write_conference_pdf(
                    session,
                    conference_id,
                    audience,
                    out,
                    language=language,
                    marking=marking,
                    password=password,
                    progress=progress,
                )
            ]

        self.launch(f"Making the {audience.label.lower()}", write_pdf)
        return None


class DataReturnDialog(_ExportDialog):
    """The ROTH data return for a date range, with an optional local population table.

    Timescales are counted on the timescales policy, as every deadline in the app is;
    "Bank holidays of" starts at the policy's region and changes it for this return.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, "ROTH data return", parent)
        self.policy, policy_problem = policy_or_defaults()
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Counts for the strategic lead: young people on ROTH plans, harm types, age, "
            "gender, ethnicity, needs, timescales and transfers. Small numbers are hidden."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        end = today()
        self.start_date = self._date_edit("First day", "return_from", date(end.year - 1, 4, 1))
        self.end_date = self._date_edit("Last day", "return_to", end)
        labelled_row(form, "&From:", self.start_date)
        labelled_row(form, "&To:", self.end_date)
        population_row, self.population = _path_row(
            self,
            "Population table (optional)",
            "return_population",
            "Choose…",
            "CSV (*.csv)",
            False,
        )
        labelled_row(form, "&Population table:", population_row)
        self.threshold = QSpinBox()
        self.threshold.setObjectName("return_threshold")
        self.threshold.setAccessibleName("Hide counts below")
        self.threshold.setRange(1, 50)
        _name_inner(self.threshold, "Hide counts below")
        self.threshold.setValue(5)
        labelled_row(form, "&Hide counts below:", self.threshold)
        self.region = QComboBox()
        self.region.setObjectName("return_region")
        self.region.setAccessibleName("Bank holidays")
        self.region.addItem("England", "england")
        self.region.addItem("Wales", "wales")
        self.region.setCurrentIndex(max(self.region.findData(self.policy.region), 0))
        labelled_row(form, "&Bank holidays of:", self.region)
        path_row, self.path = _path_row(
            self, "Workbook to save", "return_path", "Choose…", "Excel workbook (*.xlsx)", True
        )
        self.path.setText(str(Path.home() / f"roth-data-return-{end:%Y-%m-%d}.xlsx"))
        labelled_row(form, "Save &as:", path_row)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.start)
        if policy_problem:
            self.refuse(policy_problem)

    @staticmethod
    def _date_edit(name: str, object_name: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setObjectName(object_name)
        edit.setAccessibleName(name)
        _name_inner(edit, name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def start(self) -> None:
        start = self.start_date.date().toPython()
        end = self.end_date.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        if end < start:
            return self.refuse("The date range is empty: the last day is before the first.")
        if not self.path.text().strip():
            return self.refuse("Choose where to save it.")
        out = Path(self.path.text().strip()).expanduser()
        population = (
            Path(self.population.text().strip()).expanduser()
            if self.population.text().strip()
            else None
        )
        from roth_desktop.data_return.workbook import with_region

        threshold = self.threshold.value()
        policy = with_region(self.policy, str(self.region.currentData()))

        def write(session: Session, progress: Progress) -> Sequence[Path]:
            from roth_desktop.data_return.workbook import write_data_return

            result = write_data_return(
                session,
                start,
                end,
                out,
                population=population,
                threshold=threshold,
                policy=policy,
                progress=progress,
            )
            return list(result.paths)

        self.launch("Making the ROTH data return", write)
        return None


class CalendarExportDialog(_ExportDialog):
    """Booked conferences and conference deadlines as an .ics file for Outlook."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, "Export calendar", parent)
        self.policy, policy_problem = policy_or_defaults()
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Conferences booked and the dates initial conferences, core groups and reviews "
            "are due, for the year ahead. Each entry shows the young person's initials "
            "only: no names, places or notes, because a calendar leaves this laptop's "
            "encrypted workspace."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        path_row, self.path = _path_row(
            self, "Calendar file to save", "calendar_path", "Choose…", "iCalendar (*.ics)", True
        )
        self.path.setText(str(Path.home() / "roth-conferences.ics"))
        labelled_row(form, "Save &as:", path_row)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.start)
        if policy_problem:
            self.refuse(policy_problem)

    def start(self) -> None:
        if not self.path.text().strip():
            return self.refuse("Choose where to save it.")
        out = Path(self.path.text().strip()).expanduser()
        try:
            check_output_path(out, ".ics")
        except RothError as exc:
            return self.refuse(str(exc))
        policy, as_of = self.policy, today()

        def write(session: Session, progress: Progress) -> Sequence[Path]:
            from roth_desktop.timescales.ics import write_calendar

            return [write_calendar(session, out, policy, as_of, progress=progress).path]

        self.launch("Exporting the calendar", write)
        return None
