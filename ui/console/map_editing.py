"""Turns gestures on a context map into saved, undoable edits.

The chair's console and the family's screen both let people change the map;
both go through here, so a share dragged on either screen is the same edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QWidget
from sqlalchemy.orm import Session

from roth_desktop import edits
from roth_desktop.conference import running
from roth_desktop.models.base import new_id
from ui.context_map import ContextMap
from ui.store import Store


class MapEditing(QObject):
    def __init__(
        self,
        store: Store,
        widget: ContextMap,
        conference_id: Callable[[], str | None],
        parent: QWidget,
        full: bool = True,
    ) -> None:
        """``full`` adds renaming, removing and linking; the family's screen only resizes."""
        super().__init__(parent)
        self.store = store
        self.widget = widget
        self.conference_id = conference_id
        self.window = parent
        widget.shares_changed.connect(self.set_shares)
        if full:
            widget.add_requested.connect(self.add)
            widget.rename_requested.connect(self.rename)
            widget.remove_requested.connect(self.remove)
            widget.link_requested.connect(self.link)

    def set_shares(self, shares: dict[str, int]) -> None:
        conference_id = self.conference_id()
        if conference_id is None:
            return
        wanted = dict(shares)
        self.store.run(
            "change the map's weights",
            lambda s: running.set_shares(s, conference_id, wanted),
            lambda s, old: running.set_shares(s, conference_id, old),
        )

    def add(self, name: str | None = None) -> None:
        conference_id = self.conference_id()
        if conference_id is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self.window, "Add a context", "Name of the place, group or space:"
            )
            if not ok or not name.strip():
                return
        context_id = new_id()

        def apply(session: Session) -> running.AddedContext:
            return running.add_context(session, conference_id, name or "", context_id=context_id)

        def revert(session: Session, added: running.AddedContext) -> None:
            running.remove_context(session, added.context_id)
            running.restore_shares(session, conference_id, added.old_shares)

        self.store.run(f"add {name}", apply, revert)

    def rename(self, context_id: str) -> None:
        current = next((a.name for a in self.widget.areas if a.id == context_id), "")
        name, ok = QInputDialog.getText(self.window, "Rename context", "New name:", text=current)
        if ok and name.strip() and name.strip() != current:
            self.store.set_field("context_area", context_id, "name", name.strip(), "context name")

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
        label, ok = QInputDialog.getText(
            self.window, "Link contexts", "How does the first affect the second?"
        )
        if ok:
            values = {
                "conference_id": conference_id,
                "source_id": source_id,
                "target_id": target_id,
                "label": label.strip(),
            }
            self.store.create("context_link", values, "link")
