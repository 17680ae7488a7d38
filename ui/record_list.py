"""A list of one kind of record with Add, Edit and Remove: the console's workhorse.

Each list is a table, its buttons, and the form fields for a row. Adding and
editing open a :class:`RecordDialog`; every save goes through the store, so it
is validated, audited and undoable like any other edit.

``title`` and ``noun`` are shown, so they come translated from the caller; the
buttons and dialog titles put the noun into this window's words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.forms import FieldSpec, RecordDialog, changed_values
from ui.i18n import Translated
from ui.record_table import Column, record_table, selected_row
from ui.store import Store
from ui.widgets import button

Specs = Callable[[], list[FieldSpec]]


class RecordList(Translated, QWidget):
    def __init__(
        self,
        store: Store,
        title: str,
        table: str,
        noun: str,
        columns: Sequence[Column],
        specs: Specs,
        parent: QWidget | None = None,
        *,
        object_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.table = table
        self.noun = noun
        self.specs = specs
        self.fixed: dict[str, Any] = {}  # e.g. the conference a new row belongs to
        self.defaults: Callable[[], dict[str, Any]] = dict
        self.view, self.model = record_table(title, columns, object_name, self)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        key = table.replace("_", "-")
        self.add_button = button(self.tr("Add {noun}…").format(noun=noun), f"add-{key}", self.add)
        self.edit_button = button(
            self.tr("Edit {noun}…").format(noun=noun), f"edit-{key}", self.edit
        )
        self.remove_button = button(
            self.tr("Remove {noun}").format(noun=noun), f"remove-{key}", self.remove
        )
        heading = QLabel(f"<b>{title}</b>", self)
        heading.setAccessibleName(title)
        heading.setBuddy(self.view)
        row = QHBoxLayout()
        for push in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(push)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        if keep is not None:
            for n, row in enumerate(rows):
                if row.get("id") == keep.get("id"):
                    self.view.selectRow(n)
                    break

    def set_read_only(self, read_only: bool) -> None:
        for push in (self.add_button, self.edit_button, self.remove_button):
            push.setEnabled(not read_only)

    def selected(self) -> dict[str, Any] | None:
        return selected_row(self.view)

    def add(self, preset: dict[str, Any] | None = None) -> RecordDialog | None:
        if not self.add_button.isEnabled():
            return None
        fixed = dict(self.fixed)

        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            self.store.create(
                self.table, {**values, **fixed}, self.noun, done=lambda _id: done(), failed=failed
            )

        title = self.tr("Add {noun}").format(noun=self.noun)
        return self._open(title, {**self.defaults(), **(preset or {})}, save)

    def edit(self) -> RecordDialog | None:
        current = self.selected()
        if current is None or not self.edit_button.isEnabled():
            return None

        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            changed = changed_values(values, current)
            self.store.update(self.table, current["id"], changed, self.noun, failed, done)

        values = {
            k: ("" if v is None else v) if k.endswith("_id") else v for k, v in current.items()
        }
        return self._open(self.tr("Edit {noun}").format(noun=self.noun), values, save)

    def remove(self) -> None:
        current = self.selected()
        if current is not None and self.remove_button.isEnabled():
            self.store.delete(self.table, current["id"], self.noun)

    def _open(
        self,
        title: str,
        values: dict[str, Any],
        save: Callable[[dict[str, Any], Callable[[], None], Callable[[BaseException], None]], None],
    ) -> RecordDialog:
        dialog = RecordDialog(title, self.specs(), save, values, self)
        dialog.setObjectName("record_dialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog
