"""Running one sync from the app: on the storage worker, with a progress dialog.

The sync engine opens its own sessions from the Workspace. It runs as one job on
the Store's storage worker, the same single thread every read and edit runs on,
so a sync and an edit never write at the same time and an edit made while the
sync runs simply waits its turn. Progress is shown through ``ui/worker_progress.py``, as for
exports. ``ExportRun`` itself does not fit: it runs its work inside a session of its own and ends by
offering the folder of a saved file.

Afterwards every view reloads (``store.changed``), the summary goes to the status
bar, rejected envelopes are listed one calm line each, and envelopes held because
they delete many records are put to the person before anything is deleted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from roth_desktop.errors import RothError
from roth_desktop.sync import engine
from roth_desktop.sync.engine import Held, NotInTeam, SyncReport
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language, language_of
from ui.store import Store
from ui.worker_progress import WorkerProgress, one_line_failures

TITLE = QT_TRANSLATE_NOOP("SyncRun", "Sync")
NOT_IN_TEAM_MESSAGE = QT_TRANSLATE_NOOP(
    "SyncRun",
    "This workspace is not in a sync team yet: to join one, ask your team's sync admin "
    "for an enrolment file and its one-time code, then enrol this laptop with "
    "'roth-desktop team enrol'.",
)


def _notice(parent: QWidget, name: str, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    """A message box in the language of ``parent``'s window; ``text`` comes translated."""
    title = language(language_of(parent)).translate("SyncRun", TITLE)
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setWindowTitle(title)
    box.setIcon(icon)
    box.setText(text)
    box.setAccessibleName(f"{title}: {text.splitlines()[0]}")
    box.setAccessibleDescription(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def _button(box: QMessageBox, which: QMessageBox.StandardButton, text: str) -> None:
    """A standard button worded in the box's language (Qt words them in English only)."""
    push = box.addButton(which)
    push.setText(text)
    push.setAccessibleName(text)


def not_in_team_notice(parent: QWidget) -> QMessageBox:
    """The one calm sentence for a workspace that has no team yet."""
    words = language(language_of(parent))
    box = _notice(
        parent,
        "sync_not_in_team",
        QMessageBox.Icon.Information,
        words.translate("SyncRun", NOT_IN_TEAM_MESSAGE),
    )
    _button(box, QMessageBox.StandardButton.Ok, words.translate("SyncRun", "OK"))
    box.open()  # not exec(): nothing waits on it
    return box


def rejected_lines(report: SyncReport, code: str = "en") -> list[str]:
    # What was wrong comes from the sync engine, in English.
    ending = language(code).translate("SyncRun", "{line}; nothing from it was applied.")
    return [ending.format(line=r.line()) for r in report.rejected]


def held_words(held: Sequence[Held], code: str = "en") -> str:
    words = language(code)
    each = words.translate("SyncRun", "Changes from {device} would delete {count} records.")
    lines = [each.format(device=h.device, count=h.deletes) for h in held]
    total = sum(h.deletes for h in held)
    if len(held) == 1:
        ask = words.translate(
            "SyncRun",
            "Apply this and delete the {total} records now? If you are not sure, choose "
            "Not now and ask whoever made the change: nothing is deleted until someone "
            "confirms it.",
        )
    else:
        ask = words.translate(
            "SyncRun",
            "Apply these and delete the {total} records now? If you are not sure, choose "
            "Not now and ask whoever made the change: nothing is deleted until someone "
            "confirms it.",
        )
    return "\n".join([*lines, "", ask.format(total=total)])


class SyncRun(Translated, QObject):
    """One sync: progress while it runs, then what came of it."""

    finished = Signal(bool)
    message = Signal(str)  # for the status bar
    confirmed = Signal(list)  # held envelope ids the person agreed to apply

    def __init__(self, store: Store, parent: QWidget, confirm: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.store = store
        self.report: SyncReport | None = None
        self.error = ""
        self.done = False
        self.notice: QMessageBox | None = None  # rejections, a failure, or no team
        self.question: QMessageBox | None = None  # held envelopes, put to the person
        self._parent = parent
        self.relay = WorkerProgress(parent, self.tr("Sync"), "sync_progress", self.tr("Syncing"))
        self.progress = self.relay.dialog
        report, unexpected = self.relay.report, self.relay.unexpected
        workspace = store.workspace
        wanted = list(confirm)
        # Worded here, on the UI thread, for the worker to fill in.
        unreachable = self.tr("The sync folder or server could not be reached ({reason}).")

        def sync() -> SyncReport:
            try:
                return engine.sync(workspace, progress=report, confirm=wanted)
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                raise RothError(unreachable.format(reason=reason)) from None

        def run() -> SyncReport:
            return one_line_failures(sync, unexpected)

        # On the storage worker, queued behind (and ahead of) every read and edit.
        store.jobs.submit(run, self._done, self._failed)

    def _stop(self) -> None:
        self.relay.stop()
        self.done = True

    def _done(self, report: SyncReport) -> None:
        self._stop()
        if self.store.closed:  # locked while it ran: the window is going away
            return
        self.report = report
        self.store.changed.emit()  # records may have arrived: every view reloads
        self.message.emit(report.summary())
        if report.rejected:
            self._show_rejections(report)
        elif report.held:
            self._ask_about_held(report.held)
        self.finished.emit(True)

    def _failed(self, error: BaseException) -> None:
        self._stop()
        if self.store.closed:
            return
        if not isinstance(error, RothError):
            raise error  # a bug: the app's crash handler records it
        self.error = str(error)
        if isinstance(error, NotInTeam):
            self.notice = not_in_team_notice(self._parent)
        else:
            # Each step commits on its own, so what was sent or applied before the stop
            # is kept; a later view of the records must show it.
            self.store.changed.emit()
            self.notice = _notice(
                self._parent,
                "sync_failed",
                QMessageBox.Icon.Warning,
                self.tr(
                    "The sync stopped. {reason}\nAnything already sent or brought in is kept, "
                    "and the next sync carries on from there."
                ).format(reason=error),
            )
            _button(self.notice, QMessageBox.StandardButton.Close, self.tr("Close"))
            self.notice.open()
            self.message.emit(self.tr("The sync stopped. {reason}").format(reason=error))
        self.finished.emit(False)

    def _show_rejections(self, report: SyncReport) -> None:
        lines = rejected_lines(report, language_of(self))
        heading = (
            self.tr("One envelope was not applied:")
            if len(lines) == 1
            else self.tr("{count} envelopes were not applied:").format(count=len(lines))
        )
        notice = _notice(self._parent, "sync_rejected", QMessageBox.Icon.Information, heading)
        notice.setInformativeText("\n".join(lines))
        notice.setAccessibleDescription(" ".join(lines))
        _button(notice, QMessageBox.StandardButton.Close, self.tr("Close"))
        held = list(report.held)
        if held:
            # One question at a time: the held envelopes are asked about once this closes.
            notice.finished.connect(lambda _result: self._ask_about_held(held))
        self.notice = notice
        notice.open()

    def _ask_about_held(self, held: Sequence[Held]) -> None:
        question = _notice(
            self._parent,
            "sync_held",
            QMessageBox.Icon.Question,
            held_words(held, language_of(self)),
        )
        apply = question.addButton(
            self.tr("Apply the deletions"), QMessageBox.ButtonRole.AcceptRole
        )
        apply.setObjectName("sync_held_apply")
        apply.setAccessibleName(self.tr("Apply the deletions"))
        # The same words as "choose Not now" in the question.
        later = question.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        later.setObjectName("sync_held_later")
        later.setAccessibleName(self.tr("Not now"))
        question.setDefaultButton(later)  # deleting many records is never the Enter key
        ids = [h.envelope_id for h in held]
        apply.clicked.connect(lambda _checked=False: self.confirmed.emit(ids))
        self.question = question
        question.open()
