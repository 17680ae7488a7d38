"""Handing an assessment over as an encrypted file, and importing one.

Until sync reaches the chair, a social worker hands their assessment over as a
``.rothhandover`` file protected by a passphrase (told to the chair another way)
or by the sync team's key. Both directions run on the storage worker with
progress shown, and every refusal is the core's one clear sentence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.assessments import handover
from roth_desktop.errors import RothError
from roth_desktop.progress import Progress
from ui.export_dialogs import path_row
from ui.export_job import ExportRun
from ui.i18n import Translated
from ui.store import Store
from ui.widgets import labelled_row, secret_field
from ui.worker_progress import WorkerProgress, one_line_failures

PATTERN = "ROTH handover (*.rothhandover)"


class _HandoverDialog(Translated, QDialog):
    """What both handover dialogs share: the title, the line saying what happens, refusals."""

    def __init__(self, store: Store, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.store = store
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def _buttons(self, ok_text: str, ok_name: str) -> tuple[QDialogButtonBox, QLabel]:
        """OK and Cancel worded in the dialog's language, and the line refusals appear on."""
        message = QLabel()
        message.setObjectName("handover_message")
        message.setWordWrap(True)
        message.setProperty("role", "error")
        buttons = QDialogButtonBox()
        ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName(ok_name)
        ok.setAccessibleName(ok_text.replace("&", ""))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("handover_cancel")
        cancel.setText(self.tr("Cancel"))  # Qt words its standard buttons in English only
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        return buttons, message

    def _introduce(self, title: str, text: str) -> QLabel:
        """Title the dialog (its spoken name too); the wrapped line of ``text`` to show first."""
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(text)
        intro.setWordWrap(True)
        return intro

    def _lay_out(self, intro: QLabel, form: QFormLayout, ok_text: str, ok_name: str) -> None:
        """The intro, the form, the refusal line and the buttons; OK starts the work."""
        self.buttons, self.message = self._buttons(ok_text, ok_name)
        self.buttons.accepted.connect(self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def start(self) -> None:
        raise NotImplementedError


class HandoverExportDialog(_HandoverDialog):
    """Write one assessment to a handover file, protected one way."""

    def __init__(self, store: Store, assessment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.assessment_id = assessment_id
        self.run: ExportRun | None = None
        intro = self._introduce(
            self.tr("Hand over the assessment"),
            self.tr(
                "The file is encrypted. Give the chair the passphrase another way (by phone, "
                "not in the same email), or use your sync team's key if you are both in it."
            ),
        )
        self.by_passphrase = QRadioButton(self.tr("Protect with a &passphrase"))
        self.by_passphrase.setObjectName("handover_by_passphrase")
        self.by_passphrase.setAccessibleName(self.tr("Protect with a passphrase"))
        self.by_passphrase.setChecked(True)
        self.by_team = QRadioButton(self.tr("Protect with the sync &team's key"))
        self.by_team.setObjectName("handover_by_team")
        self.by_team.setAccessibleName(self.tr("Protect with the sync team's key"))
        self.passphrase = secret_field(self.tr("Handover passphrase"), "handover_passphrase")
        self.again = secret_field(self.tr("Handover passphrase again"), "handover_again")
        path_box, self.path = path_row(
            self,
            self.tr("Save the handover file as"),
            "handover_path",
            (self.tr("Choose…"), self.tr("Choose where to save the handover file")),
            PATTERN,
            save=True,
        )
        form = QFormLayout()
        form.addRow(self.by_passphrase)
        labelled_row(form, self.tr("Pass&phrase:"), self.passphrase)
        labelled_row(form, self.tr("A&gain:"), self.again)
        form.addRow(self.by_team)
        labelled_row(form, self.tr("Save &as:"), path_box)
        self._lay_out(intro, form, self.tr("&Hand over"), "handover_save")
        self.by_team.toggled.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        for box in (self.passphrase, self.again):
            box.setEnabled(not self.by_team.isChecked())

    def start(self) -> None:
        target = self.path.text().strip()
        if not target:
            self.refuse(self.tr("Choose where to save it."))
            return
        out = Path(target)
        if not out.suffix:
            out = out.with_suffix(handover.SUFFIX)
        passphrase: str | None = None
        if not self.by_team.isChecked():
            passphrase = self.passphrase.text()
            if passphrase != self.again.text():
                self.refuse(self.tr("The two passphrases are not the same."))
                return
        store, assessment_id, team = self.store, self.assessment_id, self.by_team.isChecked()

        def write(_session: Session, progress: Progress) -> list[Path]:
            progress(10, "")
            # The export reads in its own session; this one was never used.
            return [
                handover.export_handover(
                    store.workspace,
                    assessment_id,
                    out,
                    passphrase=passphrase,
                    use_team_key=team,
                )
            ]

        self.passphrase.clear()
        self.again.clear()
        # The run outlives this dialog, so it belongs to the window that opened it.
        self.run = ExportRun(self.store, self.windowTitle(), write, self.parentWidget() or self)
        self.accept()


class HandoverImportDialog(_HandoverDialog):
    """Import a handover file: choose it, give its passphrase if it has one."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.run: HandoverImportRun | None = None
        intro = self._introduce(
            self.tr("Import a handover"),
            self.tr(
                "Import an assessment a social worker handed over. Nothing already here is "
                "changed; if the file cannot be trusted, nothing is imported at all."
            ),
        )
        path_box, self.path = path_row(
            self,
            self.tr("Handover file"),
            "handover_file",
            (self.tr("Choose…"), self.tr("Choose the handover file")),
            PATTERN,
            save=False,
        )
        self.passphrase = secret_field(self.tr("Handover passphrase"), "handover_passphrase")
        self.protection = QLabel()
        self.protection.setObjectName("handover_protection")
        self.protection.setWordWrap(True)
        form = QFormLayout()
        labelled_row(form, self.tr("&File:"), path_box)
        form.addRow(self.protection)
        labelled_row(form, self.tr("Pass&phrase:"), self.passphrase)
        self._lay_out(intro, form, self.tr("&Import"), "handover_import")
        self.path.editingFinished.connect(self._describe)
        self.path.textChanged.connect(lambda _t: self._describe())

    def _describe(self) -> None:
        """Say how the chosen file is protected, read from its header (no keys needed)."""
        path = Path(self.path.text().strip())
        self.protection.clear()
        if not path.is_file():
            return
        try:
            header = handover.read_header(path)
        except RothError:
            return  # said once, when Import is pressed
        if header.protection == handover.TEAM_KEY:
            self.protection.setText(self.tr("Protected by your sync team's key."))
            self.passphrase.setEnabled(False)
        else:
            self.protection.setText(self.tr("Protected by a passphrase."))
            self.passphrase.setEnabled(True)

    def start(self) -> None:
        target = self.path.text().strip()
        if not target:
            self.refuse(self.tr("Choose the handover file."))
            return
        passphrase = self.passphrase.text() if self.passphrase.isEnabled() else None
        self.passphrase.clear()
        run = HandoverImportRun(self.store, Path(target), passphrase or None, self)
        run.refused.connect(self.refuse)
        run.imported.connect(lambda _result: self.accept())
        self.run = run


class HandoverImportRun(Translated, QObject):
    """The import on the worker, with progress; on success every view refreshes."""

    imported = Signal(object)
    refused = Signal(str)

    def __init__(self, store: Store, path: Path, passphrase: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.result: handover.HandoverImported | None = None
        title = self.tr("Import a handover")
        self.relay = WorkerProgress(parent, title, "handover_progress", title)
        unexpected = self.relay.unexpected
        workspace = store.workspace

        def work() -> handover.HandoverImported:
            return one_line_failures(
                lambda: handover.import_handover(workspace, path, passphrase=passphrase),
                unexpected,
            )

        store.jobs.submit(work, self._done, self._failed)

    def _done(self, result: handover.HandoverImported) -> None:
        self.relay.stop()
        self.result = result
        self.store.changed.emit()
        parent = self.parent()
        assert isinstance(parent, QWidget)
        notice = QMessageBox(parent.parentWidget() or parent)
        notice.setObjectName("handover_imported")
        notice.setWindowTitle(self.tr("Import a handover"))
        notice.setIcon(QMessageBox.Icon.Information)
        text = self.tr("Imported {name}'s assessment ({count} records).").format(
            name=result.young_person_name, count=result.records
        )
        notice.setText(text)
        notice.setAccessibleName(text)
        close = notice.addButton(QMessageBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        notice.open()
        self.imported.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.relay.stop()
        self.refused.emit(str(error))
