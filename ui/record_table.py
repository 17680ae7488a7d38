"""A read-only table of plain-value rows, with an accessible, keyboard-first view.

Headers and titles come translated from the caller (``self.tr`` in its class). A
cell that shows UI words rather than people's own (an enum label, Yes or No) uses
a :class:`Words` function, and the model translates it into the table's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.validation import format_date, format_datetime
from ui.flow_layout import wrapping_row
from ui.forms import translate_words
from ui.i18n import QT_TRANSLATE_NOOP, language_of

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Words:
    """A cell function whose English result is UI words, translated where shown."""

    show: Callable[[Any], str]

    def __call__(self, value: Any) -> str:
        return self.show(value)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    show: Callable[[Any], str] = lambda value: "" if value is None else str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = column.show(row.get(column.key))
            if isinstance(column.show, Words):
                return translate_words(language_of(self), text)
            return text
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


def record_table(
    name: str,
    columns: Sequence[Column],
    object_name: str | None = None,
    parent: QWidget | None = None,
) -> tuple[QTableView, RecordTableModel]:
    """``name`` is what people hear (translated); ``object_name`` stays the same in every
    language (by default made from ``name``, which is then the English one)."""
    view = QTableView(parent)
    model = RecordTableModel(columns, view)
    view.setModel(model)
    view.setObjectName(object_name or name.lower().replace(" ", "_"))
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view, model


def selected_row(view: QTableView) -> dict[str, Any] | None:
    indexes = view.selectionModel().selectedRows()
    if not indexes:
        return None
    row: dict[str, Any] = indexes[0].data(Qt.ItemDataRole.UserRole)
    return row


# -- how cells read: one way for every table ----------------------------------------------
def label_of(enum_cls: Any) -> Words:
    return Words(lambda value: enum_cls(value).label if value else "")


YES = QT_TRANSLATE_NOOP("FieldSpec", "Yes")
NO = QT_TRANSLATE_NOOP("FieldSpec", "No")
yes_no = Words(lambda value: YES if value else NO)


def date_cell(value: Any) -> str:
    return format_date(value) if isinstance(value, date) else ""


def datetime_cell(value: Any) -> str:
    return format_datetime(value) if isinstance(value, datetime) else ""


class TableSection(QWidget):
    """A heading, a table and its buttons beneath: every list on the case view."""

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        buttons: list[QPushButton],
        object_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view, self.model = record_table(title, columns, object_name, self)
        self.heading = QLabel(f"<b>{title}</b>")
        self.heading.setAccessibleName(title)
        row_widget, row = wrapping_row(self)
        for push in buttons:
            row.addWidget(push)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(row_widget)

    def selected(self) -> dict[str, Any] | None:
        return selected_row(self.view)
