"""The case list: every young person, searchable and filterable."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.models import Pathway
from roth_desktop.queries import CaseRow
from roth_desktop.validation import format_date, today

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Young person", "Age", "Pathway", "Next conference")

DUE_FILTERS = (
    ("any", "Any time"),
    ("14", "In the next 2 weeks"),
    ("42", "In the next 6 weeks"),
    ("none", "None booked"),
)


class CaseListModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return row.name
        if column == 1:
            return "" if row.age is None else str(row.age)
        if column == 2:
            return row.pathway.label if row.pathway else "No case"
        return format_date(row.next_conference.date()) if row.next_conference else "None booked"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


class CaseFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.pathway: str = ""
        self.due: str = "any"

    def set_criteria(self, text: str, pathway: str, due: str) -> None:
        self.beginFilterChange()
        self.text, self.pathway, self.due = text.strip(), pathway, due
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, row: CaseRow, now: date) -> bool:
        if self.text and not row.matches(self.text):
            return False
        if self.pathway and (row.pathway is None or row.pathway.value != self.pathway):
            return False
        if self.due == "none":
            return row.next_conference is None
        if self.due != "any":
            horizon = now + timedelta(days=int(self.due))
            return row.next_conference is not None and row.next_conference.date() <= horizon
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CaseListModel)
        return self.accepts(model.rows[source_row], today())


class CaseListPanel(QWidget):
    young_person_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseListModel(self)
        self.proxy = CaseFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText("Search by name")
        self.search.setAccessibleName("Search young people by name")
        self.search.setClearButtonEnabled(True)
        self.pathway = QComboBox()
        self.pathway.setObjectName("pathway_filter")
        self.pathway.setAccessibleName("Filter by pathway")
        self.pathway.addItem("All pathways", "")
        for pathway in Pathway:
            self.pathway.addItem(pathway.label, pathway.value)
        self.due = QComboBox()
        self.due.setObjectName("due_filter")
        self.due.setAccessibleName("Filter by next conference")
        for value, label in DUE_FILTERS:
            self.due.addItem(label, value)

        self.table = QTableView()
        self.table.setObjectName("case_table")
        self.table.setAccessibleName("Young people")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names get the room
        self.count = QLabel()
        self.count.setObjectName("case_count")

        filters = QHBoxLayout()
        for text, widget in (("&Pathway", self.pathway), ("&Due", self.due)):
            buddy = QLabel(text)
            buddy.setBuddy(widget)
            filters.addWidget(buddy)
            filters.addWidget(widget, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.search.textChanged.connect(self._refilter)
        self.pathway.currentIndexChanged.connect(self._refilter)
        self.due.currentIndexChanged.connect(self._refilter)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        # Enter in the search box jumps to the first match, keeping hands on the keyboard.
        self.search.returnPressed.connect(self._focus_first)

    def set_rows(self, rows: list[CaseRow], keep: str | None = None) -> None:
        self.model.set_rows(rows)
        self._update_count()
        if keep:
            self.select(keep)

    def select(self, young_person_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            row = index.data(Qt.ItemDataRole.UserRole)
            if row.young_person_id == young_person_id:
                self.table.setCurrentIndex(index)
                return

    def _refilter(self) -> None:
        self.proxy.set_criteria(
            self.search.text(), self.pathway.currentData(), self.due.currentData()
        )
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} young people")

    def _focus_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = current.data(Qt.ItemDataRole.UserRole)
            self.young_person_chosen.emit(row.young_person_id)
