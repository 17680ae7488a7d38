"""Printing the assessment as a PDF: the professionals' copy or the family's version.

Built on the worker like every other report (``write_assessment_pdf``), written in
one step where the worker chooses, with the young person's initials (never their
name) in the suggested file name.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.app_settings import AppSettings, marking_problem
from roth_desktop.progress import Progress
from roth_desktop.reports.audience import Audience
from ui.export_dialogs import MIN_PDF_PASSWORD, ExportDialog, path_row
from ui.i18n import language_of
from ui.store import Store
from ui.widgets import labelled_row, secret_field


class AssessmentPdfDialog(ExportDialog):
    """Who the copy is for, its language and marking, and where it goes."""

    def __init__(
        self, store: Store, assessment_id: str, file_stem: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, parent)
        self.set_title(self.tr("Print the assessment"))
        self.setObjectName("assessment_pdf_dialog")
        self.assessment_id = assessment_id
        self.file_stem = file_stem
        self.settings = AppSettings.load()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Who is this copy for?"))
        intro.setProperty("role", "heading")
        layout.addWidget(intro)
        self.audiences = QButtonGroup(self)
        self.audience_buttons: dict[Audience, QRadioButton] = {}
        words = {
            Audience.PROFESSIONAL: (
                self.tr("Assessment (professionals)"),
                self.tr("Everything, with restricted information in its own marked section."),
            ),
            Audience.FAMILY: (
                self.tr("The family's version"),
                self.tr("What the family is shown: nothing restricted, plain words."),
            ),
        }
        for n, (audience, (label, help_text)) in enumerate(words.items()):
            radio = QRadioButton(label, self)
            radio.setObjectName(f"assessment_audience_{audience.value}")
            radio.setAccessibleName(label)
            radio.setAccessibleDescription(help_text)
            self.audiences.addButton(radio, n)
            self.audience_buttons[audience] = radio
            layout.addWidget(radio)
            holds = QLabel(help_text, self)
            holds.setWordWrap(True)
            holds.setContentsMargins(24, 0, 0, 0)
            layout.addWidget(holds)
        self.audience_buttons[Audience.FAMILY].setChecked(True)

        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("assessment_pdf_language")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Cymraeg (Welsh)"), "cy")
        self.language.setCurrentIndex(max(self.language.findData(language_of(self)), 0))
        labelled_row(form, self.tr("&Language:"), self.language)
        self.marking = QLineEdit(self.settings.protective_marking, self)
        self.marking.setObjectName("assessment_pdf_marking")
        self.marking.setAccessibleName(self.tr("Protective marking"))
        labelled_row(form, self.tr("Protective &marking:"), self.marking)
        self.protect = QCheckBox(self.tr("Protect the PDF with a password"), self)
        self.protect.setObjectName("assessment_pdf_protect")
        self.protect.setAccessibleName(self.tr("Protect the PDF with a password"))
        form.addRow(self.protect)
        self.password = secret_field(self.tr("PDF password"), "assessment_pdf_password")
        self.password_again = secret_field(
            self.tr("PDF password again"), "assessment_pdf_password_again"
        )
        labelled_row(form, self.tr("Pass&word:"), self.password)
        labelled_row(form, self.tr("Password &again:"), self.password_again)
        path_box, self.path = path_row(
            self,
            self.tr("File to save"),
            "assessment_pdf_path",
            (self.tr("Choose…"), self.tr("Choose the file to save")),
            "PDF (*.pdf)",
            True,
        )
        labelled_row(form, self.tr("Sa&ve as:"), path_box)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.start)
        self._suggested = ""
        self.audiences.idToggled.connect(lambda *_: self._sync())
        self.protect.toggled.connect(lambda *_: self._sync())
        self._sync()
        self.keep_fields_whole()

    @property
    def audience(self) -> Audience:
        return (Audience.PROFESSIONAL, Audience.FAMILY)[max(self.audiences.checkedId(), 0)]

    def _sync(self) -> None:
        for box in (self.password, self.password_again):
            box.setEnabled(self.protect.isChecked())
        current = Path(self.path.text()) if self.path.text() else None
        folder = current.parent if current else Path.home()
        # Only the name we suggested follows the audience; a name the worker chose stays.
        if current is None or current.name == self._suggested:
            self._suggested = f"{self.file_stem}-assessment-{self.audience.value}.pdf"
            self.path.setText(str(folder / self._suggested))

    def start(self) -> None:
        if not self.path.text().strip():
            return self.refuse_no_path()
        out = Path(self.path.text().strip()).expanduser()
        audience, language = self.audience, str(self.language.currentData())
        marking = self.marking.text().strip()
        if marking_problem(marking):
            return self.refuse(
                self.tr(
                    "A protective marking is up to 40 capital letters, digits, spaces or "
                    "hyphens, for example OFFICIAL-SENSITIVE."
                )
            )
        password = None
        if self.protect.isChecked():
            password = self.password.text()
            if len(password) < MIN_PDF_PASSWORD:
                return self.refuse(
                    self.tr("Use a password of at least {count} characters.").format(
                        count=MIN_PDF_PASSWORD
                    )
                )
            if password != self.password_again.text():
                return self.refuse(self.tr("The two passwords are not the same."))
        if marking != self.settings.protective_marking:
            self.settings.protective_marking = marking
            self.settings.save()
        assessment_id = self.assessment_id

        def write_pdf(session: Session, progress: Progress) -> Sequence[Path]:
            from roth_desktop.reports.pdf.render import write_assessment_pdf

            return [
                write_assessment_pdf(
                    session,
                    assessment_id,
                    audience,
                    out,
                    language=language,
                    marking=marking,
                    password=password,
                    progress=progress,
                )
            ]

        self.launch(self.tr("Making the assessment PDF"), write_pdf)
        return None
