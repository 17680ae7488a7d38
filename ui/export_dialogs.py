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
    QStyle,
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
from ui.i18n import Translated, language_of
from ui.store import Store
from ui.widgets import labelled_row, secret_field
from ui.worker_progress import READING_THE_CONFERENCE

MIN_PDF_PASSWORD = 8


def path_row(
    parent: QWidget,
    name: str,
    object_name: str,
    choose: tuple[str, str],
    pattern: str,
    save: bool,
) -> tuple[QWidget, QLineEdit]:
    """A path box with a Choose… button; typing a path works too (and lets tests drive it).

    ``name`` and ``choose`` (the button's text and its spoken name) come already in
    the window's language.
    """
    row = QWidget(parent)
    line = QLineEdit()
    line.setObjectName(object_name)
    line.setAccessibleName(name)
    text, spoken = choose
    pick = QPushButton(text)
    pick.setObjectName(f"{object_name}_choose")
    pick.setAccessibleName(spoken)

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


class ExportDialog(Translated, QDialog):
    """What the export dialogs share; each speaks the language of the window that opens it."""

    def __init__(self, store: Store, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.store = store
        # Wide enough to show a whole path: people check where a record is going.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.run: ExportRun | None = None
        self.message = QLabel()
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("export_save")
        self.save_button.setAccessibleName(self.tr("Save"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("export_cancel")
        cancel.setText(self.tr("Cancel"))  # Qt words its standard buttons in English only
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)

    def set_title(self, title: str) -> None:
        self.setWindowTitle(title)
        self.setAccessibleName(title)

    def refuse_no_path(self) -> None:
        self.refuse(self.tr("Choose where to save it."))

    def keep_fields_whole(self) -> None:
        """Never narrower than the form needs: longer labels (Welsh) must not squeeze it."""
        self.setMinimumWidth(max(self.minimumWidth(), self.minimumSizeHint().width()))

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def add_audience_choice(
        self,
        layout: QVBoxLayout,
        words: dict[Audience, tuple[str, str]],
        object_prefix: str,
    ) -> None:
        """Who the copy is for: a radio button for each audience in ``words`` (its name
        and what its copy holds, in the window's language); the family's is chosen."""
        intro = QLabel(self.tr("Who is this copy for?"))
        intro.setProperty("role", "heading")
        layout.addWidget(intro)
        self.audiences = QButtonGroup(self)
        self.audience_buttons: dict[Audience, QRadioButton] = {}
        for n, (audience, (label, help_text)) in enumerate(words.items()):
            radio = QRadioButton(label)
            radio.setObjectName(f"{object_prefix}{audience.value.replace('-', '_')}")
            radio.setAccessibleName(label)
            radio.setAccessibleDescription(help_text)
            self.audiences.addButton(radio, n)
            self.audience_buttons[audience] = radio
            layout.addWidget(radio)
            # What the copy holds, beneath its name and lined up with it. A label wraps
            # where a radio button cannot, so longer words (Welsh, or a larger text
            # size) are never cut off at the dialog's edge.
            holds = QLabel(help_text)
            holds.setObjectName(f"{radio.objectName()}_help")
            holds.setWordWrap(True)
            holds.setContentsMargins(self._radio_indent(), 0, 0, 0)
            layout.addWidget(holds)
        self.audience_buttons[Audience.FAMILY].setChecked(True)

    def _radio_indent(self) -> int:
        style = self.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing
        )

    @property
    def audience(self) -> Audience:
        """The audience chosen with :meth:`add_audience_choice`."""
        return list(self.audience_buttons)[max(self.audiences.checkedId(), 0)]

    def add_pdf_rows(self, form: QFormLayout, object_prefix: str) -> None:
        """The copy's language (the window's, unless the person chooses otherwise), its
        protective marking (the one last used) and an optional password, typed twice."""
        self.settings = AppSettings.load()
        self.language = QComboBox()
        self.language.setObjectName(f"{object_prefix}_language")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Cymraeg (Welsh)"), "cy")
        # A Welsh window makes Welsh copies unless the person chooses otherwise.
        self.language.setCurrentIndex(max(self.language.findData(language_of(self)), 0))
        labelled_row(form, self.tr("&Language:"), self.language)
        self.marking = QLineEdit(self.settings.protective_marking)
        self.marking.setObjectName(f"{object_prefix}_marking")
        self.marking.setAccessibleName(self.tr("Protective marking"))
        labelled_row(form, self.tr("Protective &marking:"), self.marking)
        self.protect = QCheckBox(self.tr("Protect the PDF with a password"))
        self.protect.setObjectName(f"{object_prefix}_protect")
        self.protect.setAccessibleName(self.tr("Protect the PDF with a password"))
        form.addRow(self.protect)
        self.password = secret_field(self.tr("PDF password"), f"{object_prefix}_password")
        self.password_again = secret_field(
            self.tr("PDF password again"), f"{object_prefix}_password_again"
        )
        labelled_row(form, self.tr("Pass&word:"), self.password)
        labelled_row(form, self.tr("Password &again:"), self.password_again)

    def pdf_protection(self) -> tuple[str, str | None] | None:
        """The marking and the password (None: not protected) from :meth:`add_pdf_rows`.

        None, with the reason shown, when either will not do; a new marking is
        remembered for next time.
        """
        marking = self.marking.text().strip()
        if marking_problem(marking):
            # The core's own sentence, in the window's language.
            self.refuse(
                self.tr(
                    "A protective marking is up to 40 capital letters, digits, spaces or "
                    "hyphens, for example OFFICIAL-SENSITIVE."
                )
            )
            return None
        password = None
        if self.protect.isChecked():
            password = self.password.text()
            if len(password) < MIN_PDF_PASSWORD:
                self.refuse(
                    self.tr("Use a password of at least {count} characters.").format(
                        count=MIN_PDF_PASSWORD
                    )
                )
                return None
            if password != self.password_again.text():
                self.refuse(self.tr("The two passwords are not the same."))
                return None
        if marking != self.settings.protective_marking:
            self.settings.protective_marking = marking
            self.settings.save()
        return marking, password

    def add_save_row(self, form: QFormLayout, label: str, object_name: str, pattern: str) -> None:
        """Where the file goes (``self.path``): typed, or chosen with Choose…."""
        path_box, self.path = path_row(
            self,
            self.tr("File to save"),
            object_name,
            (self.tr("Choose…"), self.tr("Choose the file to save")),
            pattern,
            True,
        )
        labelled_row(form, label, path_box)

    def add_form(self, layout: QVBoxLayout, form: QFormLayout) -> None:
        """The form, with the refusal line and the buttons beneath it; Save starts the work."""
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.start)

    def start(self) -> None:
        raise NotImplementedError

    def launch(self, title: str, work: ExportWork) -> ExportRun:
        # The run outlives this dialog, so it belongs to the window that opened it.
        self.run = ExportRun(self.store, title, work, self.parentWidget() or self)
        self.accept()
        return self.run


class ConferenceExportDialog(ExportDialog):
    """Print a conference for one audience as PDF, or export it as JSON."""

    def __init__(
        self,
        store: Store,
        conference_id: str,
        file_stem: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, parent)
        self.set_title(self.tr("Print or export the conference"))
        self.conference_id = conference_id
        self.file_stem = file_stem
        layout = QVBoxLayout(self)
        self.audience_words = self._audience_words()
        self.add_audience_choice(layout, self.audience_words, "audience_")

        form = QFormLayout()
        self.format = QComboBox()
        self.format.setObjectName("export_format")
        self.format.setAccessibleName(self.tr("File type"))
        self.format.addItem(self.tr("PDF, to print or send"), "pdf")
        self.format.addItem(self.tr("JSON, for the case management system"), "json")
        labelled_row(form, self.tr("File &type:"), self.format)
        self.add_pdf_rows(form, "export")
        self.add_save_row(form, self.tr("Save &as:"), "export_path", "PDF (*.pdf);;JSON (*.json)")
        self.add_form(layout, form)

        self._suggested = ""
        self.audiences.idToggled.connect(lambda *_: self._sync())
        self.format.currentIndexChanged.connect(lambda *_: self._sync())
        self.protect.toggled.connect(lambda *_: self._sync())
        self._sync()
        self.keep_fields_whole()

    def _audience_words(self) -> dict[Audience, tuple[str, str]]:
        """Each audience's name and what its copy holds, in the window's language."""
        return {
            Audience.PROFESSIONAL: (
                self.tr("Conference record (professionals)"),
                self.tr("Everything, with restricted information in its own marked section."),
            ),
            Audience.FAMILY: (
                self.tr("Family copy"),
                self.tr("For the young person and family: nothing restricted, plain words."),
            ),
            Audience.YOUNG_PERSON: (
                self.tr("Young person's plan"),
                self.tr("The plan written to the young person, with their map."),
            ),
            Audience.PLAN: (
                self.tr("Plan for the core group"),
                self.tr("The plan on its own, for the core group."),
            ),
        }

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
            return self.refuse_no_path()
        if self.format.currentData() == "json":

            def write_json(session: Session, progress: Progress) -> Sequence[Path]:
                from roth_desktop.reports.conference_json import write_conference_json

                progress(10, READING_THE_CONFERENCE)
                return [write_conference_json(session, conference_id, audience, out, language)]

            self.launch(self.tr("Exporting the conference"), write_json)
            return None
        protection = self.pdf_protection()
        if protection is None:
            return None
        marking, password = protection

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

        label = self.audience_words[audience][0]
        copy = label[:1].lower() + label[1:]  # mid-sentence
        self.launch(self.tr("Making the {copy}").format(copy=copy), write_pdf)
        return None


class DataReturnDialog(ExportDialog):
    """The ROTH data return for a date range, with an optional local population table.

    Timescales are counted on the timescales policy, as every deadline in the app is;
    "Bank holidays of" starts at the policy's region and changes it for this return.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_title(self.tr("ROTH data return"))
        self.policy, policy_problem = policy_or_defaults()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Counts for the strategic lead: young people on ROTH plans, harm types, age, "
                "gender, ethnicity, needs, timescales and transfers. Small numbers are hidden."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        end = today()
        self.start_date = self._date_edit(
            self.tr("First day"), "return_from", date(end.year - 1, 4, 1)
        )
        self.end_date = self._date_edit(self.tr("Last day"), "return_to", end)
        labelled_row(form, self.tr("&From:"), self.start_date)
        labelled_row(form, self.tr("&To:"), self.end_date)
        population_row, self.population = path_row(
            self,
            self.tr("Population table (optional)"),
            "return_population",
            (self.tr("Choose…"), self.tr("Choose the population table")),
            self.tr("CSV table (*.csv)"),
            False,
        )
        labelled_row(form, self.tr("&Population table:"), population_row)
        self.threshold = QSpinBox()
        self.threshold.setObjectName("return_threshold")
        self.threshold.setAccessibleName(self.tr("Hide counts below"))
        self.threshold.setRange(1, 50)
        _name_inner(self.threshold, self.tr("Hide counts below"))
        self.threshold.setValue(5)
        labelled_row(form, self.tr("&Hide counts below:"), self.threshold)
        self.region = QComboBox()
        self.region.setObjectName("return_region")
        self.region.setAccessibleName(self.tr("Bank holidays"))
        self.region.addItem(self.tr("England"), "england")
        self.region.addItem(self.tr("Wales"), "wales")
        self.region.setCurrentIndex(max(self.region.findData(self.policy.region), 0))
        labelled_row(form, self.tr("&Bank holidays of:"), self.region)
        path_box, self.path = path_row(
            self,
            self.tr("Workbook to save"),
            "return_path",
            (self.tr("Choose…"), self.tr("Choose the workbook to save")),
            self.tr("Excel workbook (*.xlsx)"),
            True,
        )
        self.path.setText(str(Path.home() / f"roth-data-return-{end:%Y-%m-%d}.xlsx"))
        labelled_row(form, self.tr("Save &as:"), path_box)
        self.add_form(layout, form)
        if policy_problem:
            self.refuse(policy_problem)
        self.keep_fields_whole()

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
            return self.refuse(
                self.tr("The date range is empty: the last day is before the first.")
            )
        if not self.path.text().strip():
            return self.refuse_no_path()
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

        self.launch(self.tr("Making the ROTH data return"), write)
        return None


class CalendarExportDialog(ExportDialog):
    """Booked conferences and conference deadlines as an .ics file for Outlook."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.set_title(self.tr("Export calendar"))
        self.policy, policy_problem = policy_or_defaults()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Conferences booked and the dates initial conferences, core groups and "
                "reviews are due, for the year ahead. Each entry shows the young person's "
                "initials only: no names, places or notes, because a calendar leaves this "
                "laptop's encrypted workspace."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        path_box, self.path = path_row(
            self,
            self.tr("Calendar file to save"),
            "calendar_path",
            (self.tr("Choose…"), self.tr("Choose the calendar file to save")),
            self.tr("iCalendar file (*.ics)"),
            True,
        )
        self.path.setText(str(Path.home() / "roth-conferences.ics"))
        labelled_row(form, self.tr("Save &as:"), path_box)
        self.add_form(layout, form)
        if policy_problem:
            self.refuse(policy_problem)
        self.keep_fields_whole()

    def start(self) -> None:
        if not self.path.text().strip():
            return self.refuse_no_path()
        out = Path(self.path.text().strip()).expanduser()
        try:
            check_output_path(out, ".ics")
        except RothError as exc:
            return self.refuse(str(exc))
        policy, as_of = self.policy, today()

        def write(session: Session, progress: Progress) -> Sequence[Path]:
            from roth_desktop.timescales.ics import write_calendar

            return [write_calendar(session, out, policy, as_of, progress=progress).path]

        self.launch(self.tr("Exporting the calendar"), write)
        return None
