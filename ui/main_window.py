"""The chair's main window: the dashboard (Today) and the case list beside the case view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from roth_desktop import __version__
from roth_desktop.errors import RothError
from roth_desktop.models import Gender
from roth_desktop.queries import CaseRow, case_rows
from ui import record_specs
from ui.case_list import CaseListPanel
from ui.case_view import CaseView
from ui.conflicts_view import ConflictsDialog
from ui.dashboard import Dashboard
from ui.export_dialogs import CalendarExportDialog, DataReturnDialog
from ui.forms import RecordDialog
from ui.glossary_view import GlossaryView, show_glossary
from ui.handover_dialogs import HandoverImportDialog
from ui.help_overlay import HELP_KEYS, HelpOverlay, show_help
from ui.i18n import Translated
from ui.policy_dialog import PolicyDialog
from ui.store import Store
from ui.sync_run import SyncRun, not_in_team_notice
from ui.sync_status import SyncStatusWidget
from ui.widgets import labelled_row, secret_field

# Keys and what they do; both translated where the list is shown (context "MainWindow").


class MainWindow(Translated, QMainWindow):
    """The chair's window. ``language`` ("en" or "cy") is this window's own: every
    dialog it opens, and the views in it, follow it through the parent chain."""

    lock_requested = Signal()
    idle_minutes_chosen = Signal(int)

    def __init__(
        self,
        store: Store,
        idle_minutes: int,
        parent: QWidget | None = None,
        *,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.ui_language = language  # before any widget is built: they all ask for it
        self.store = store
        self.setWindowTitle(
            self.tr("ROTH Desktop — {folder}").format(folder=store.workspace.folder.name)
        )
        self.setObjectName("main_window")
        self.setAccessibleName("ROTH Desktop")
        self.resize(1280, 800)

        self.dashboard = Dashboard(store, self)
        self.case_list = CaseListPanel(self)
        self.case_view = CaseView(store, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("cases_splitter")
        splitter.addWidget(self.case_list)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 860])
        self.cases = splitter
        # The chair's home is Today; the cases are one keystroke (Ctrl+2) away.
        self.views = QTabWidget(self)
        self.views.setObjectName("main_views")
        self.views.setAccessibleName(self.tr("Main views"))
        self.views.setDocumentMode(True)
        self.views.addTab(self.dashboard, self.tr("&Today"))
        self.views.addTab(self.cases, self.tr("&Cases"))
        self.views.setCurrentWidget(self.dashboard)
        self.setCentralWidget(self.views)
        self._shown_once = False

        self.lock_state = QLabel(self)
        self.show_idle_minutes(idle_minutes)
        self.lock_state.setObjectName("lock_state")
        self.lock_state.setWordWrap(True)  # wraps rather than widening the window at 200% text
        self.lock_state.setAccessibleName(self.tr("Lock state"))
        self.save_state = QLabel(self.tr("All changes saved"), self)
        self.save_state.setObjectName("save_state")
        self.save_state.setAccessibleName(self.tr("Save state"))
        self.statusBar().addWidget(self.lock_state, 1)
        self.statusBar().addPermanentWidget(self.save_state)
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setObjectName("action_sync_now")
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_action.setToolTip(self.tr("Sync now (Ctrl+Shift+Y)"))
        self.sync_action.triggered.connect(lambda _checked=False: self.sync_now())
        self.sync_status = SyncStatusWidget(store, self.sync_action, self)
        self.sync_status.conflicts_requested.connect(self.show_conflicts)
        self.sync_status.details_requested.connect(
            lambda words: self.statusBar().showMessage(words, 20000)
        )
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync_run: SyncRun | None = None
        self.sync_notice: QMessageBox | None = None
        self.conflicts_dialog: ConflictsDialog | None = None

        self._build_menus()
        self.case_list.young_person_chosen.connect(self._chosen_in_list)
        self.dashboard.young_person_chosen.connect(self.open_young_person)
        self.dashboard.conflicts_requested.connect(self.show_conflicts)
        store.changed.connect(self.reload_list)
        store.problem.connect(self.show_problem)
        store.jobs.busy_changed.connect(self._busy)
        self.reload_list()

    # -- menus ----------------------------------------------------------------------------
    def _action(
        self,
        menu: Any,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        handler: Callable[[], Any],
        name: str,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: handler())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            file_menu,
            self.tr("&New young person…"),
            QKeySequence.StandardKey.New,
            self.new_young_person,
            "action_new_young_person",
        )
        self._action(
            file_menu,
            self.tr("Change &passphrase…"),
            None,
            self.change_passphrase,
            "action_change_passphrase",
        )
        self._action(
            file_menu,
            self.tr("Auto-lock &time…"),
            None,
            self.choose_idle_minutes,
            "action_idle_time",
        )
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("ROTH &data return…"), None, self.data_return, "action_data_return"
        )
        self._action(
            file_menu,
            self.tr("Export &calendar…"),
            None,
            self.export_calendar,
            "action_export_calendar",
        )
        self._action(
            file_menu, self.tr("&Timescales policy…"), None, self.timescales_policy, "action_policy"
        )
        self._action(
            file_menu,
            self.tr("&Import a handover…"),
            None,
            self.import_handover,
            "action_import_handover",
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Lock"), "Ctrl+L", self.lock_requested.emit, "action_lock")
        self._action(
            file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, "action_quit"
        )

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.store.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("action_undo")
        redo = self.store.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("action_redo")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(
            edit_menu,
            self.tr("&Find young person"),
            QKeySequence.StandardKey.Find,
            self.focus_search,
            "action_find",
        )

        # Alt+S is the dashboard's Search, so the menu answers to Alt+Y (Sync now: Ctrl+Shift+Y).
        sync_menu = bar.addMenu(self.tr("S&ync"))
        sync_menu.addAction(self.sync_action)
        self._action(
            sync_menu, self.tr("&Conflicts…"), None, self.show_conflicts, "action_conflicts"
        )

        # View: Today and Cases. Display settings (language, text size, contrast) go
        # at the end of this menu, after a separator.
        view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu = view_menu
        self._action(view_menu, self.tr("&Today"), "Ctrl+1", self.show_today, "action_show_today")
        self._action(view_menu, self.tr("&Cases"), "Ctrl+2", self.show_cases, "action_show_cases")

        help_menu = bar.addMenu(self.tr("&Help"))
        keys = self._action(
            help_menu, self.tr("&Keys and help"), None, self.show_shortcuts, "action_shortcuts"
        )
        keys.setShortcuts([QKeySequence(k) for k in HELP_KEYS])
        self._action(
            help_menu, self.tr("&Words we use…"), None, self.show_glossary, "action_glossary"
        )
        self._action(
            help_menu, self.tr("&About ROTH Desktop"), None, self.show_about, "action_about"
        )

    # -- data -----------------------------------------------------------------------------
    def reload_list(self) -> None:
        keep = self.case_view.young_person_id

        def show(rows: list[CaseRow]) -> None:
            self.case_list.set_rows(rows, keep)

        self.store.read(case_rows, show)

    def show_idle_minutes(self, minutes: int) -> None:
        self.lock_state.setText(
            self.tr("Unlocked · locks after {minutes} idle minutes · Ctrl+L locks now").format(
                minutes=minutes
            )
        )
        self._idle_minutes = minutes

    def choose_idle_minutes(self) -> None:
        # An instance rather than QInputDialog.getInt, whose OK and Cancel are Qt's English.
        dialog = QInputDialog(self)
        dialog.setObjectName("idle_minutes_dialog")
        dialog.setWindowTitle(self.tr("Auto-lock time"))
        dialog.setLabelText(self.tr("Lock the workspace after this many idle minutes:"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, 240)
        dialog.setIntValue(self._idle_minutes)
        dialog.setOkButtonText(self.tr("OK"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.idle_minutes_chosen.emit(dialog.intValue())

    def _busy(self, busy: bool) -> None:
        self.save_state.setText(self.tr("Saving…") if busy else self.tr("All changes saved"))

    def show_problem(self, message: str) -> None:
        # The status bar, not a modal pop-up: in a live meeting a dialog box
        # jumping in front of the family is alarming, and the chair can read on.
        self.statusBar().showMessage(message, 20000)
        QApplication.beep()

    # -- views ----------------------------------------------------------------------------
    def show_today(self) -> None:
        self.views.setCurrentWidget(self.dashboard)
        self.dashboard.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_cases(self) -> None:
        self.views.setCurrentWidget(self.cases)

    def open_young_person(self, young_person_id: str) -> None:
        """Show one young person's case (from the dashboard, or a new record)."""
        self.show_cases()
        self.case_list.select(young_person_id)  # shows them too, if the filters let it
        if self.case_view.young_person_id != young_person_id:
            self.case_view.show_young_person(young_person_id)
        self.case_view.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chosen_in_list(self, young_person_id: str) -> None:
        # A reload re-selects the person already shown; only a new choice switches views.
        if young_person_id != self.case_view.young_person_id:
            self.show_cases()
        self.case_view.show_young_person(young_person_id)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._shown_once:
            self._shown_once = True
            # Unlocking again after a lock: go back to the case that was open.
            if self.case_view.young_person_id is not None:
                self.show_cases()
            else:
                self.dashboard.table.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    # -- actions --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.show_cases()
        self.case_list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.case_list.search.selectAll()

    def new_young_person(self) -> RecordDialog:
        specs = [s for s in record_specs.young_person() if s.name in record_specs.NEW_YOUNG_PERSON]

        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            def created(new_id: str) -> None:
                self.open_young_person(new_id)
                done()

            self.store.create("young_person", values, "young person", created, failed)

        dialog = RecordDialog(
            self.tr("New young person"), specs, save, {"gender": Gender.NOT_KNOWN.value}, self
        )
        dialog.setObjectName("new_young_person_dialog")
        dialog.open()
        return dialog

    def data_return(self) -> DataReturnDialog:
        dialog = DataReturnDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_handover(self) -> HandoverImportDialog:
        dialog = HandoverImportDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_calendar(self) -> CalendarExportDialog:
        dialog = CalendarExportDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def timescales_policy(self) -> PolicyDialog:
        dialog = PolicyDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A changed policy changes every deadline: count them again where they show.
        dialog.accepted.connect(self.store.changed.emit)
        dialog.open()
        return dialog

    def change_passphrase(self) -> QDialog:
        dialog = ChangePassphraseDialog(self.store, self)
        dialog.open()
        return dialog

    # -- sync ---------------------------------------------------------------------------
    def sync_now(self, confirm: Sequence[str] = ()) -> SyncRun | None:
        """Sync on the storage worker; a workspace with no team is told how to join one."""
        if self.sync_run is not None and not self.sync_run.done:
            return self.sync_run  # one at a time; the shortcut pressed twice is one sync
        status = self.sync_status.status
        if status is not None and not status.in_team:
            self.sync_notice = not_in_team_notice(self)
            return None
        run = SyncRun(self.store, self, confirm)
        run.message.connect(lambda words: self.statusBar().showMessage(words, 20000))
        run.confirmed.connect(lambda ids: self.sync_now(ids))
        run.finished.connect(lambda _ok: self.sync_action.setEnabled(True))
        self.sync_action.setEnabled(False)
        self.sync_run = run
        return run

    def show_conflicts(self) -> ConflictsDialog:
        if self.conflicts_dialog is None:
            self.conflicts_dialog = ConflictsDialog(self.store, self)
        else:
            self.conflicts_dialog.reload()
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()
        self.conflicts_dialog.activateWindow()
        return self.conflicts_dialog

    def show_shortcuts(self) -> HelpOverlay:
        """F1 or ?: every key this window answers to, read from its own actions."""
        return show_help(self)

    def show_glossary(self) -> GlossaryView:
        return show_glossary(self)

    def show_about(self) -> None:
        about = self.tr(
            "Risk Outside the Home conferences: "
            "offline, encrypted, and written for the people in the room."
        )
        self._tell(
            self.tr("About ROTH Desktop"),
            f"<b>ROTH Desktop {__version__}</b><p>{about}</p>",
            "about_box",
        )

    def _tell(self, title: str, text: str, name: str) -> QMessageBox:
        """An information box with its OK in the window's language (Qt's is English)."""
        box = QMessageBox(self)
        box.setObjectName(name)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(text)
        box.addButton(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
        box.exec()
        return box

    def closeEvent(self, event: QCloseEvent) -> None:
        self.store.jobs.wait_idle()  # every queued edit reaches the disk before we go
        super().closeEvent(event)


class ChangePassphraseDialog(Translated, QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setObjectName("change_passphrase_dialog")
        self.current = secret_field(self.tr("Current passphrase"), "current_passphrase")
        self.new = secret_field(self.tr("New passphrase"), "new_passphrase")
        self.confirm = secret_field(self.tr("New passphrase again"), "confirm_passphrase")
        self.message = QLabel()
        self.message.setObjectName("passphrase_message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Passphrase message"))
        form = QFormLayout()
        labelled_row(form, self.tr("&Current passphrase"), self.current)
        labelled_row(form, self.tr("&New passphrase"), self.new)
        labelled_row(form, self.tr("New passphrase &again"), self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Qt's own words for these are English whatever the window's language.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Your records are not re-encrypted; only the key is re-wrapped."))
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _change(self) -> None:
        if self.new.text() != self.confirm.text():
            self.message.setText(self.tr("The two new passphrases are different."))
            return
        workspace = self.store.workspace
        current, new = self.current.text(), self.new.text()
        self.buttons.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            if not isinstance(error, RothError):
                raise error
            self.message.setText(str(error))

        self.store.jobs.submit(
            lambda: workspace.change_passphrase(current, new), lambda _r: self.accept(), failed
        )
