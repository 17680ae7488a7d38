"""Turns gestures on a context map into saved, undoable edits.

The chair's console and the family's screen both let people change the map;
both go through here, so a share dragged on either screen is the same edit.

Naming a new context, renaming one and describing a link each ask in a small
dialog that does not block: it opens, the person types and presses Enter (or
Escape), and the edit is made when the dialog answers. The last one opened is
``self.dialog``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QWidget
from sqlalchemy.orm import Session

from roth_desktop import edits
from roth_desktop.conference import running
from roth_desktop.models.base import new_id
from ui.context_map import ContextMap
from ui.i18n import Translated
from ui.store import Store


class MapEditing(Translated, QObject):
    def __init__(
        self,
        store: Store,
        widget: ContextMap,
        conference_id: Callable[[], str | None],
        parent: QWidget,
        full: bool = True,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``full`` adds renaming, removing and linking; the family's screen only resizes.

        ``failed`` hears of a refused change instead of the store's ``problem`` signal.
        """
        super().__init__(parent)
        self._failed = failed
        self.store = store
        self.widget = widget
        self.conference_id = conference_id
        self.window = parent
        self.dialog: QInputDialog | None = None
        # The column a new link is owned through: an assessment's map says "assessment_id".
        self.owner_field = "conference_id"
        widget.shares_changed.connect(self.set_shares)
        if full:
            widget.add_requested.connect(self.add)
            widget.rename_requested.connect(self.rename)
            widget.remove_requested.connect(self.remove)
            widget.link_requested.connect(self.link)

    def _ask(
        self,
        name: str,
        title: str,
        label: str,
        answered: Callable[[str], None],
        text: str = "",
    ) -> QInputDialog:
        """A small, non-blocking question with OK and Cancel in the window's language."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setOkButtonText(self.tr("OK"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(answered)
        # Back to the map when the dialog closes, so the keyboard carries on there.
        dialog.finished.connect(
            lambda _result: self.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_shares(self, shares: dict[str, int]) -> None:
        conference_id = self.conference_id()
        if conference_id is None or self.store.closed:
            return
        wanted = dict(shares)
        self.store.run(
            "change the map's weights",
            lambda s: running.set_shares(s, conference_id, wanted),
            lambda s, old: running.set_shares(s, conference_id, old),
            failed=self._failed,
        )

    def add(self, name: str | None = None) -> None:
        """Add a context called ``name``; without one, ask for its name first."""
        conference_id = self.conference_id()
        if conference_id is None:
            return
        if name is None:
            self._ask(
                "add_context_dialog",
                self.tr("Add a context"),
                self.tr("Name of the place, group or space:"),
                lambda typed: self.add(typed) if typed.strip() else None,
            )
            return
        context_id = new_id()
        chosen = name.strip()

        def apply(session: Session) -> running.AddedContext:
            return running.add_context(session, conference_id, chosen, context_id=context_id)

        def revert(session: Session, added: running.AddedContext) -> None:
            running.remove_context(session, added.context_id)
            running.restore_shares(session, conference_id, added.old_shares)

        self.store.run(f"add {chosen}", apply, revert)

    def rename(self, context_id: str) -> None:
        current = next((a.name for a in self.widget.areas if a.id == context_id), "")

        def answered(name: str) -> None:
            if name.strip() and name.strip() != current:
                self.store.set_field(
                    "context_area", context_id, "name", name.strip(), "context name"
                )

        self._ask(
            "rename_context_dialog",
            self.tr("Rename context"),
            self.tr("New name:"),
            answered,
            current,
        )

    def remove(self, context_id: str) -> None:
        conference_id = self.conference_id()
        if conference_id is None:
            return

        def revert(session: Session, removed: running.RemovedContext) -> None:
            edits.restore_records(session, removed.snapshot)
            running.restore_shares(session, conference_id, removed.old_shares)

        self.store.run("remove context", lambda s: running.remove_context(s, context_id), revert)

    def link(self, source_id: str, target_id: str) -> None:
        conference_id = self.conference_id()
        if conference_id is None:
            return

        def answered(label: str) -> None:
            values = {
                self.owner_field: conference_id,
                "source_id": source_id,
                "target_id": target_id,
                "label": label.strip(),
            }
            self.store.create("context_link", values, "link")

        self._ask(
            "link_contexts_dialog",
            self.tr("Link contexts"),
            self.tr("How does the first affect the second?"),
            answered,
        )
