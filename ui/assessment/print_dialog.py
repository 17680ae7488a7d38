"""Printing the assessment as a PDF: the professionals' copy or the family's version.

Built on the worker like every other report (``write_assessment_pdf``), written in
one step where the worker chooses, with the young person's initials (never their
name) in the suggested file name.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from roth_desktop.progress import Progress
from roth_desktop.reports.audience import Audience
from ui.export_dialogs import ExportDialog
from ui.store import Store


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
        layout = QVBoxLayout(self)
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
        self.add_audience_choice(layout, words, "assessment_audience_")

        form = QFormLayout()
        self.add_pdf_rows(form, "assessment_pdf")
        self.add_save_row(form, self.tr("Sa&ve as:"), "assessment_pdf_path", "PDF (*.pdf)")
        self.add_form(layout, form)
        self._suggested = ""
        self.audiences.idToggled.connect(lambda *_: self._sync())
        self.protect.toggled.connect(lambda *_: self._sync())
        self._sync()
        self.keep_fields_whole()

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
        protection = self.pdf_protection()
        if protection is None:
            return None
        marking, password = protection
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
