"""Unlocking (and creating) a workspace.

Unlocking runs on the worker: Argon2id takes a noticeable moment by design,
and after repeated wrong passphrases the throttle waits longer still, so the
window stays responsive and says what it is doing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.app_settings import AppSettings
from roth_desktop.errors import RothError
from roth_desktop.keyfile import load_recovery_public_key
from roth_desktop.quick_unlock import NO_KEYRING_NOTICE, QuickUnlock
from roth_desktop.unlock_throttle import delay_for
from roth_desktop.workspace import Workspace, default_throttle
from ui.i18n import QT_TRANSLATE_NOOP, Translated
from ui.jobs import Jobs
from ui.widgets import labelled_row, secret_field

# roth_desktop.quick_unlock.NO_KEYRING_NOTICE, word for word, so lupdate finds it; if
# that text changes, the dialog shows the new English until this is updated too.
QT_TRANSLATE_NOOP(
    "UnlockDialog",
    "This computer has no system keyring ROTH Desktop can trust, so quick unlock is "
    "off and the workspace opens with its passphrase only.",
)


class UnlockDialog(Translated, QDialog):
    """``language`` is this window's own ("en" or "cy"), like the main window's."""

    unlocked = Signal(object)  # Workspace

    def __init__(
        self,
        jobs: Jobs,
        settings: AppSettings,
        folder: Path | None,
        quick_unlock: QuickUnlock | None,
        parent: QWidget | None = None,
        *,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.ui_language = language  # before any widget is built: they all ask for it
        self.jobs = jobs
        self.settings = settings
        self.quick = quick_unlock
        self.folder: Path | None = folder
        self.setWindowTitle(self.tr("ROTH Desktop — unlock"))
        self.setObjectName("unlock_dialog")
        self.setAccessibleName(self.tr("Unlock workspace"))
        self.setMinimumWidth(520)

        heading = QLabel(
            "<b>ROTH Desktop</b> · " + self.tr("enter your passphrase to open the workspace")
        )
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("workspace_folder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setAccessibleName(self.tr("Workspace folder"))
        self.choose = QPushButton(self.tr("&Open another workspace…"))
        self.choose.setAccessibleName(self.tr("Open another workspace"))
        self.choose.clicked.connect(self._choose_folder)
        self.new_button = QPushButton(self.tr("&New workspace…"))
        self.new_button.setAccessibleName(self.tr("New workspace"))
        self.new_button.clicked.connect(self._create_workspace)

        self.passphrase = secret_field(self.tr("Passphrase"), "passphrase")
        self.remember = QCheckBox(self.tr("&Remember on this computer (system keyring)"))
        self.remember.setObjectName("remember")
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember.setVisible(quick_unlock is not None)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel()
        self.notice.setObjectName("keyring_notice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Keyring notice"))
        self.notice.setProperty("role", "notice")
        self.notice.hide()
        if quick_unlock is None and not settings.keyring_notice_shown:
            # Said once, not at every unlock: it is a fact about this computer.
            self.notice.setText(self.tr(NO_KEYRING_NOTICE))
            self.notice.show()
            settings.keyring_notice_shown = True
            settings.save()

        form = QFormLayout()
        labelled_row(form, self.tr("&Passphrase"), self.passphrase)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.folder_label)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self._show_folder()

    def _show_folder(self) -> None:
        if self.folder is None:
            self.folder_label.setText(
                self.tr("No workspace chosen yet: open one or make a new one.")
            )
        else:
            self.folder_label.setText(self.tr("Workspace: {folder}").format(folder=self.folder))
        self.unlock_button.setEnabled(self.folder is not None)
        self.passphrase.setEnabled(self.folder is not None)
        self.passphrase.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setProperty("role", "error" if error else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _busy(self, text: str) -> None:
        self._say(text)
        for widget in (self.unlock_button, self.passphrase, self.choose, self.new_button):
            widget.setEnabled(False)

    def _idle(self) -> None:
        for widget in (self.choose, self.new_button):
            widget.setEnabled(True)
        self._show_folder()

    def try_quick_unlock(self) -> bool:
        """Open with the key the OS keyring holds for this workspace, if any."""
        if self.quick is None or self.folder is None:
            return False
        folder, quick = self.folder, self.quick
        try:
            workspace_id = Workspace.read_keyfile(folder).workspace_id
        except RothError:
            return False
        if workspace_id not in self.settings.quick_unlock_workspaces:
            return False
        key = quick.recall(workspace_id)
        if key is None:
            return False
        self._busy(self.tr("Unlocking with the system keyring…"))

        def failed(_error: BaseException) -> None:
            quick.forget(workspace_id)  # a stale key: fall back to the passphrase
            self._idle()
            self._say(
                self.tr("Quick unlock did not work this time; enter the passphrase."), error=True
            )

        self.jobs.submit(
            lambda: Workspace.open_with_key(folder, key, migrate=True), self._opened, failed
        )
        return True

    def unlock(self) -> None:
        if self.folder is None:
            return
        folder, passphrase = self.folder, self.passphrase.text()
        remember = self.remember.isChecked() and self.quick is not None
        self._busy(self.tr("Unlocking…") + self._throttle_note(folder))

        def work() -> Workspace:
            workspace = Workspace.open(folder, passphrase, migrate=True)
            if remember and self.quick is not None:
                self.quick.remember(workspace.workspace_id, workspace.database_key())
            return workspace

        self.jobs.submit(work, self._opened, self._failed)

    def _throttle_note(self, folder: Path) -> str:
        """Say why unlocking is slow, so a wait never looks like a hang."""
        try:
            workspace_id = Workspace.read_keyfile(folder).workspace_id
        except RothError:
            return ""
        delay = delay_for(default_throttle().failures(workspace_id))
        if not delay:
            return ""
        seconds = int(delay)
        if seconds == 1:
            return " " + self.tr("After several wrong passphrases each try waits 1 second.")
        return " " + self.tr(
            "After several wrong passphrases each try waits {seconds} seconds."
        ).format(seconds=seconds)

    def _opened(self, workspace: Workspace) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.settings.last_workspace = str(workspace.folder)
        if self.remember.isChecked() and self.quick is not None:
            ids = set(self.settings.quick_unlock_workspaces) | {workspace.workspace_id}
            self.settings.quick_unlock_workspaces = tuple(sorted(ids))
        self.settings.save()
        self._idle()
        self.unlocked.emit(workspace)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._idle()
        self.passphrase.selectAll()
        if isinstance(error, RothError):
            self._say(str(error), error=True)
        else:
            raise error

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Open a workspace folder"))
        if chosen:
            self.folder = Path(chosen)
            self.message.clear()
            self._show_folder()

    def _create_workspace(self) -> None:
        dialog = CreateWorkspaceDialog(self.jobs, self)
        dialog.created.connect(self._opened)
        dialog.open()


class CreateWorkspaceDialog(Translated, QDialog):
    created = Signal(object)  # Workspace

    def __init__(self, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.setWindowTitle(self.tr("New workspace"))
        self.setObjectName("create_workspace_dialog")
        self.folder = QLineEdit()
        self.folder.setObjectName("new_folder")
        self.folder.setAccessibleName(self.tr("New workspace folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Browse for a folder"))
        browse.clicked.connect(self._browse)
        self.passphrase = secret_field(self.tr("Passphrase"), "new_passphrase")
        self.confirm = secret_field(self.tr("Passphrase again"), "confirm_passphrase")
        self.recovery = QLineEdit()
        self.recovery.setObjectName("recovery_key")
        self.recovery.setAccessibleName(self.tr("Organisation recovery public key file (optional)"))
        self.message = QLabel(
            self.tr(
                "Choose a passphrase of at least 10 characters; a few ordinary words work well."
            )
        )
        self.message.setObjectName("create_message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("New workspace message"))
        self.create_button = QPushButton(self.tr("&Create"))
        self.create_button.setObjectName("create_button")
        self.create_button.setAccessibleName(self.tr("Create workspace"))
        self.create_button.clicked.connect(self._create)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(folder_row)
        form = QFormLayout()
        labelled_row(form, self.tr("&Folder"), holder)
        labelled_row(form, self.tr("&Passphrase"), self.passphrase)
        labelled_row(form, self.tr("Passphrase &again"), self.confirm)
        labelled_row(form, self.tr("&Recovery key (optional)"), self.recovery)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new workspace"))
        if chosen:
            self.folder.setText(chosen)

    def _create(self) -> None:
        if not self.folder.text().strip():
            self.message.setText(self.tr("Choose a folder for the workspace."))
            return
        if self.passphrase.text() != self.confirm.text():
            self.message.setText(self.tr("The two passphrases are different."))
            return
        folder = Path(self.folder.text().strip())
        passphrase = self.passphrase.text()
        recovery_path = self.recovery.text().strip()
        self.create_button.setEnabled(False)
        self.message.setText(self.tr("Creating the encrypted workspace…"))

        def work() -> Workspace:
            recovery = None
            if recovery_path:
                recovery = load_recovery_public_key(Path(recovery_path).read_bytes())
            return Workspace.create(folder, passphrase, recovery_public_key=recovery)

        def failed(error: BaseException) -> None:
            self.create_button.setEnabled(True)
            if isinstance(error, RothError | OSError):
                self.message.setText(
                    str(error)
                    if isinstance(error, RothError)
                    else self.tr("Cannot use that folder: {reason}").format(reason=error.strerror)
                )
            else:
                raise error

        def done(workspace: Workspace) -> None:
            self.accept()
            self.created.emit(workspace)

        self.jobs.submit(work, done, failed)
