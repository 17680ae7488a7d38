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
from ui.flow_layout import wrapping_row
from ui.forms import translate_words
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language, language_of

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("CaseListModel", "Young person"),
    QT_TRANSLATE_NOOP("CaseListModel", "Age"),
    QT_TRANSLATE_NOOP("CaseListModel", "Pathway"),
    QT_TRANSLATE_NOOP("CaseListModel", "Next conference"),
)

DUE_FILTERS = (
    ("any", QT_TRANSLATE_NOOP("CaseListPanel", "Any time")),
    ("14", QT_TRANSLATE_NOOP("CaseListPanel", "In the next 2 weeks")),
    ("42", QT_TRANSLATE_NOOP("CaseListPanel", "In the next 6 weeks")),
    ("none", QT_TRANSLATE_NOOP("CaseListPanel", "None booked")),
)


class CaseListModel(Translated, QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Worded once, here: headers are asked for while a window is being torn down,
        # when walking up to the window for its language can fail inside Qt.
        words = language(language_of(parent))
        self.headers = [words.translate("CaseListModel", text) for text in HEADERS]
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
            if row.pathway is None:
                return self.tr("No case")
            return translate_words(language_of(self), row.pathway.label)
        if row.next_conference is None:
            return self.tr("None booked")
        return format_date(row.next_conference.date())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
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


class CaseListPanel(Translated, QWidget):
    young_person_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseListModel(self)
        self.proxy = CaseFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        code = language_of(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setAccessibleName(self.tr("Search young people by name"))
        self.search.setClearButtonEnabled(True)
        self.pathway = QComboBox(self)
        self.pathway.setObjectName("pathway_filter")
        self.pathway.setAccessibleName(self.tr("Filter by pathway"))
        self.pathway.addItem(self.tr("All pathways"), "")
        for pathway in Pathway:
            self.pathway.addItem(translate_words(code, pathway.label), pathway.value)
        self.due = QComboBox(self)
        self.due.setObjectName("due_filter")
        self.due.setAccessibleName(self.tr("Filter by next conference"))
        for value, label in DUE_FILTERS:
            self.due.addItem(language(code).translate("CaseListPanel", label), value)

        self.table = QTableView(self)
        self.table.setObjectName("case_table")
        self.table.setAccessibleName(self.tr("Young people"))
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
        self.count = QLabel(self)
        self.count.setObjectName("case_count")

        filter_row, filters = wrapping_row(self)
        for text, widget in ((self.tr("&Pathway"), self.pathway), (self.tr("&Due"), self.due)):
            buddy = QLabel(text, self)
            buddy.setBuddy(widget)
            filters.add_group(buddy, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(filter_row)
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
        self.count.setText(
            self.tr("{shown} of {total} young people").format(shown=shown, total=total)
        )

    def _focus_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = current.data(Qt.ItemDataRole.UserRole)
            self.young_person_chosen.emit(row.young_person_id)
