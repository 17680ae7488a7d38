"""The UI's door to the workspace: reads and undoable writes, all on the worker.

Every write is applied first and pushed onto the undo stack only once it has
been saved, so the stack never holds an edit the database refused. Each undo
and redo is itself a saved (and audited) edit: there is no Save button because
there is nothing unsaved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from roth_desktop import edits
from roth_desktop.errors import RothError
from roth_desktop.models import Pathway
from roth_desktop.models.base import new_id
from roth_desktop.workspace import Workspace
from ui.i18n import Translated
from ui.jobs import Jobs

T = TypeVar("T")
Write = Callable[[Session], Any]
Failed = Callable[[BaseException], None]


class _SavedEdit(Translated, QUndoCommand):
    """One undoable edit; its words are in the app's language (the Store has no window)."""

    def __init__(self, store: Store, text: str, apply: Write, revert: Write) -> None:
        super().__init__(text)
        self._store = store
        self._apply = apply
        self._revert = revert
        self._first = True

    def redo(self) -> None:
        if self._first:  # already applied and saved before it was pushed
            self._first = False
            return
        self._store.write(self._apply, undo_text=self.tr("redo {edit}").format(edit=self.text()))

    def undo(self) -> None:
        self._store.write(self._revert, undo_text=self.tr("undo {edit}").format(edit=self.text()))


class Store(Translated, QObject):
    """Shared by every window of the workspace, so it speaks the app's default language.

    The edit labels callers pass in (``label``) come already in their window's language.
    """

    changed = Signal()
    problem = Signal(str)

    def __init__(self, workspace: Workspace, jobs: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.jobs = jobs
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.closed = False

    def close(self) -> None:
        """Stop taking work: the workspace is about to lock. Queued edits still finish."""
        self.closed = True

    # -- plumbing -------------------------------------------------------------------------
    def _in_session(self, work: Callable[[Session], T]) -> Callable[[], T]:
        workspace = self.workspace

        def run() -> T:
            with workspace.session() as session:
                return work(session)

        return run

    def read(
        self,
        work: Callable[[Session], T],
        done: Callable[[T], object],
        failed: Failed | None = None,
    ) -> None:
        """Read on the worker; ``failed`` takes a RothError the caller explains itself."""
        if self.closed:
            return

        def shown(result: T) -> None:
            if not self.closed:  # never redraw a window that is being taken down
                done(result)

        def refused(error: BaseException) -> None:
            if failed is not None and isinstance(error, RothError) and not self.closed:
                failed(error)
            else:
                self._report(error)

        self.jobs.submit(self._in_session(work), shown, refused)

    def write(
        self,
        work: Write,
        done: Callable[[Any], None] | None = None,
        failed: Failed | None = None,
        undo_text: str = "",
        notify: bool = True,
    ) -> None:
        """Save ``work`` on the worker; ``notify=False`` for bookkeeping no view shows."""
        if self.closed:
            # The controller commits every open edit before it closes the store,
            # so this is a bug; failing loudly beats losing a word quietly.
            raise RuntimeError("edit after the workspace was locked")

        def saved(result: Any) -> None:
            if self.closed:
                return
            if notify:
                self.changed.emit()
            if done is not None:
                done(result)

        def refused(error: BaseException) -> None:
            if failed is not None and isinstance(error, RothError):
                failed(error)
            else:
                self._report(error, undo_text)

        self.jobs.submit(self._in_session(work), saved, refused)

    def _report(self, error: BaseException, context: str = "") -> None:
        if self.closed:
            return
        if isinstance(error, RothError):
            if context:
                self.problem.emit(
                    self.tr("Could not {edit}: {reason}").format(edit=context, reason=error)
                )
            else:
                self.problem.emit(str(error))
        elif isinstance(error, edits.RecordGone):
            self.problem.emit(self.tr("That record no longer exists."))
        else:
            raise error

    def _push(self, text: str, apply: Write, revert: Write) -> None:
        self.undo_stack.push(_SavedEdit(self, text, apply, revert))

    # -- edits ----------------------------------------------------------------------------
    def run(
        self,
        label: str,
        apply: Callable[[Session], T],
        revert: Callable[[Session, T], object],
        failed: Failed | None = None,
        done: Callable[[T], object] | None = None,
    ) -> None:
        """Any edit that knows its own undo: ``revert`` gets what the latest ``apply`` returned.

        ``done`` hears the result once it is saved (a dialog closes then, not before)."""
        latest: list[T] = []

        def do(session: Session) -> T:
            result = apply(session)
            latest[:] = [result]
            return result

        def pushed(result: T) -> None:
            self._push(label, do, lambda s: revert(s, latest[0]))
            if done is not None:
                done(result)

        self.write(do, pushed, failed)

    def set_field(
        self,
        table: str,
        record_id: str,
        field: str,
        value: Any,
        label: str,
        failed: Failed | None = None,
    ) -> None:
        def apply(session: Session) -> Any:
            return edits.set_field(session, table, record_id, field, value)

        def pushed(old: Any) -> None:
            self._push(
                self.tr("change {what}").format(what=label),
                apply,
                lambda s: edits.set_field(s, table, record_id, field, old),
            )

        self.write(apply, pushed, failed)

    def create(
        self,
        table: str,
        values: dict[str, Any],
        label: str,
        done: Callable[[str], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        values = dict(values)
        values.setdefault("id", new_id())
        record_id = values["id"]

        def apply(session: Session) -> str:
            return edits.create_record(session, table, values)

        def pushed(new_id: str) -> None:
            self._push(
                self.tr("add {what}").format(what=label),
                apply,
                lambda s: edits.delete_record(s, table, record_id),
            )
            if done is not None:
                done(new_id)

        self.write(apply, pushed, failed)

    def update(
        self,
        table: str,
        record_id: str,
        values: dict[str, Any],
        label: str,
        failed: Failed | None = None,
        done: Callable[[], None] | None = None,
    ) -> None:
        """Several fields of one record in one undoable step (a dialog's Save)."""
        if not values:  # nothing changed: nothing to save or undo
            if done is not None:
                done()
            return

        def apply(session: Session) -> dict[str, Any]:
            return edits.set_fields(session, table, record_id, values)

        def pushed(old: dict[str, Any]) -> None:
            self._push(
                self.tr("edit {what}").format(what=label),
                apply,
                lambda s: edits.set_fields(s, table, record_id, old),
            )
            if done is not None:
                done()

        self.write(apply, pushed, failed)

    def delete(self, table: str, record_id: str, label: str) -> None:
        snapshot: edits.Snapshot = []

        def apply(session: Session) -> None:
            snapshot[:] = edits.delete_record(session, table, record_id)

        def pushed(_result: None) -> None:
            self._push(
                self.tr("remove {what}").format(what=label),
                apply,
                lambda s: edits.restore_records(s, snapshot),
            )

        self.write(apply, pushed)

    def transfer(
        self,
        case_id: str,
        to: Pathway,
        on: date,
        reason: str,
        done: Callable[[], None],
        failed: Failed,
    ) -> None:
        made: list[edits.Transfer] = []

        def apply(session: Session) -> None:
            made.append(edits.transfer_pathway(session, case_id, to, on, reason))

        def revert(session: Session) -> None:
            edits.undo_transfer(session, made.pop(), case_id)

        def pushed(_result: None) -> None:
            # The pathway's name as the core words it.
            self._push(self.tr("transfer to {pathway}").format(pathway=to.label), apply, revert)
            done()

        self.write(apply, pushed, failed)
