"""A read-only table of plain-value rows, with an accessible, keyboard-first view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.validation import format_date, format_datetime

Index = QModelIndex | QPersistentModelIndex


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
            return column.show(row.get(column.key))
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


def record_table(name: str, columns: Sequence[Column]) -> tuple[QTableView, RecordTableModel]:
    view = QTableView()
    model = RecordTableModel(columns, view)
    view.setModel(model)
    view.setObjectName(name.lower().replace(" ", "_"))
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
def label_of(enum_cls: Any) -> Callable[[Any], str]:
    return lambda value: enum_cls(value).label if value else ""


def yes_no(value: Any) -> str:
    return "Yes" if value else "No"


def date_cell(value: Any) -> str:
    return format_date(value) if isinstance(value, date) else ""


def datetime_cell(value: Any) -> str:
    return format_datetime(value) if isinstance(value, datetime) else ""


class TableSection(QWidget):
    """A heading, a table and its buttons beneath: every list on the case view."""

    def __init__(self, title: str, columns: Sequence[Column], buttons: list[QPushButton]) -> None:
        super().__init__()
        self.view, self.model = record_table(title, columns)
        self.heading = QLabel(f"<b>{title}</b>")
        self.heading.setAccessibleName(title)
        row = QHBoxLayout()
        for push in buttons:
            row.addWidget(push)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def selected(self) -> dict[str, Any] | None:
        return selected_row(self.view)
