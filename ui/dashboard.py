"""The chair's home view: this week's conferences and everything due or overdue.

Every deadline is computed by ``roth_desktop.timescales`` on the worker; this view
only shows, counts and filters what came back. Filters work on the rows already
loaded, so typing in the search box never waits for the database. The view
reloads after every saved change, so the counts are always those of the record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.models import DeadlineKind
from roth_desktop.sync import conflicts
from roth_desktop.timescales.deadlines import (
    BookedConference,
    DueItem,
    DueState,
    booked_conferences,
    compute_due,
    week_of,
)
from roth_desktop.timescales.policy import (
    TimescalePolicy,
    add_months,
    default_policy,
    policy_or_defaults,
)
from roth_desktop.validation import format_date, today
from ui.missed_reason import MissedReasonDialog
from ui.record_table import Column, record_table
from ui.store import Store
from ui.widgets import button

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MISSED = frozenset({DueState.OVERDUE, DueState.LATE})
SOON = frozenset({DueState.DUE_TODAY, DueState.DUE_SOON})
COLUMNS = (
    "State",
    "What",
    "Young person",
    "Due",
    "Days overdue",
    "Booked or done",
    "Detail",
    "Agency",
)
DETAIL_COLUMN = COLUMNS.index("Detail")
# Bold on the state and the days overdue, not the whole row: when most rows are
# missed, a page of bold would no longer pick anything out.
BOLD_COLUMNS = frozenset({COLUMNS.index("State"), COLUMNS.index("Days overdue")})
DATE_CHECK_MS = 60_000  # past midnight, "today" moves on even if nobody saves anything


# -- loading (on the worker) -----------------------------------------------------------------
@dataclass(frozen=True)
class DashboardData:
    as_of: date
    policy: TimescalePolicy
    # Missed, due today or due soon: what the chair has to act on.
    items: tuple[DueItem, ...]
    # Everyone turning 18 within the policy's warning window (or past 18 still on a plan).
    turning_18: tuple[DueItem, ...]
    week: tuple[BookedConference, ...]
    counts: dict[DeadlineKind, tuple[int, int]]
    warnings: tuple[str, ...]


def load_dashboard(session: Session, as_of: date) -> DashboardData:
    """Everything the dashboard shows, read in one go on the worker."""
    policy, problem = policy_or_defaults()
    warnings = [problem] if problem else []
    # Far enough ahead to reach the turning-18 warning window, which is months rather
    # than days: a core that drops upcoming items past the "due soon" horizon would
    # otherwise leave out a birthday two months away. Other upcoming items are read
    # and left out below.
    transition = (add_months(as_of, policy.transition_warning_months) - as_of).days
    report = compute_due(session, as_of, policy, horizon_days=max(policy.due_soon_days, transition))
    warnings.extend(report.warnings)
    monday, sunday = week_of(as_of)
    return DashboardData(
        as_of=as_of,
        policy=policy,
        items=tuple(i for i in report.items if i.state != DueState.UPCOMING),
        turning_18=tuple(
            sorted(
                (i for i in report.items if i.kind == DeadlineKind.TURNS_18),
                key=lambda i: i.due_on,
            )
        ),
        week=tuple(booked_conferences(session, monday, sunday)),
        counts=report.counts(),
        warnings=tuple(warnings),
    )


# -- words -------------------------------------------------------------------------------------
def who(name: str, initials: str) -> str:
    return f"{name} ({initials})"


def state_words(item: DueItem) -> str:
    if item.state == DueState.OVERDUE and item.reason:
        return "Overdue (reason recorded)"
    return item.state.label


def overdue_words(item: DueItem) -> str:
    if not item.days_overdue:
        return ""
    days = "1 day" if item.days_overdue == 1 else f"{item.days_overdue} days"
    return f"{days} ({item.working_days_overdue} working)"


def booked_words(item: DueItem) -> str:
    if item.done_on is not None:
        return f"Done {format_date(item.done_on)}"
    return format_date(item.booked_on)


def soon_caption(policy: TimescalePolicy) -> str:
    days = policy.due_soon_days
    return "Due this fortnight" if days == 14 else f"Due in the next {days} days"


def birthday_words(item: DueItem, as_of: date) -> str:
    days = (item.due_on - as_of).days
    if days > 0:
        return f"{format_date(item.due_on)} (in {days} days)" if days != 1 else "Tomorrow"
    if days == 0:
        return "Today"
    return f"{format_date(item.due_on)} (already 18)"


# -- the due table ----------------------------------------------------------------------------
class DueModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[DueItem] = []
        self._bold = QFont()
        self._bold.setBold(True)
        style = QApplication.style()
        self._missed_icon: QIcon | None = (
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else None
        )

    def set_items(self, items: Sequence[DueItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    @staticmethod
    def text(item: DueItem, column: int) -> str:
        values = (
            state_words(item),
            item.kind.label,
            who(item.name, item.initials),
            format_date(item.due_on),
            overdue_words(item),
            booked_words(item),
            item.detail,
            item.agency,
        )
        return values[column]

    @staticmethod
    def sort_key(item: DueItem, column: int) -> Any:
        if column == 0:
            return (item.state not in MISSED, item.state != DueState.DUE_TODAY, -item.days_overdue)
        if column == 3:
            return item.due_on.toordinal()
        if column == 4:
            return item.days_overdue
        if column == 5:
            booked = item.done_on or item.booked_on
            return booked.toordinal() if booked else 0
        return DueModel.text(item, column).lower()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role == SORT_ROLE:
            return self.sort_key(item, column)
        if role == Qt.ItemDataRole.FontRole and item.state in MISSED and column in BOLD_COLUMNS:
            return self._bold  # with the words in the State column: never colour alone
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and item.state in MISSED:
            return self._missed_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DETAIL_COLUMN:
                extra = f"\nReason recorded: {item.reason}" if item.reason else ""
                return item.detail + extra
            if column == 0 and item.needs_reason:
                return "Missed, and nobody has recorded why yet."
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class DueFilter(QSortFilterProxyModel):
    """Kind, agency, missed-only and a name search, all on rows already loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.agency = ""
        self.missed_only = False
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_criteria(self, kind: str, agency: str, missed_only: bool, text: str) -> None:
        self.beginFilterChange()
        self.kind, self.agency, self.missed_only = kind, agency, missed_only
        self.text = " ".join(text.split()).lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, item: DueItem) -> bool:
        if self.kind and item.kind.value != self.kind:
            return False
        if self.agency and item.agency != self.agency:
            return False
        if self.missed_only and item.state not in MISSED:
            return False
        if self.text:
            return self.text in item.name.lower() or self.text in item.initials.lower()
        return True

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, DueModel)
        return self.accepts(model.items[source_row])


# -- small pieces ------------------------------------------------------------------------------
class CountTile(QFrame):
    """A number with its caption; a screen reader hears both as one name."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = caption
        self.number = QLabel("…")
        self.number.setObjectName(f"{name}_number")
        self.number.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.label = QLabel(caption)
        self.label.setObjectName(f"{name}_caption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        self.set_count(None)

    def set_count(self, count: int | None, caption: str | None = None) -> None:
        if caption is not None:
            self.caption = caption
            self.label.setText(caption)
        shown = "…" if count is None else str(count)
        self.number.setText(shown)
        name = f"{self.caption}: {'loading' if count is None else count}"
        for widget in (self, self.number, self.label):
            widget.setAccessibleName(name)

    def count(self) -> int:
        return int(self.number.text()) if self.number.text().isdigit() else -1


def _heading(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setProperty("role", "heading")
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _section(heading: QLabel, *widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QTableView) else 0)
    return box


# -- the view --------------------------------------------------------------------------------------
class Dashboard(QWidget):
    young_person_chosen = Signal(str)
    conflicts_requested = Signal()
    loaded = Signal()  # after each reload has been drawn

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.store = store
        self.data: DashboardData | None = None
        self._generation = 0

        self.title = _heading("Today", "dashboard_title")

        # Counts.
        self.overdue_tile = CountTile("Overdue or late", "tile_overdue")
        self.soon_tile = CountTile("Due this fortnight", "tile_due_soon")
        self.reason_tile = CountTile("Reason still to record", "tile_reason_needed")
        self.week_tile = CountTile("Conferences this week", "tile_week")
        self.turning_tile = CountTile("Turning 18 soon", "tile_turning_18")
        tiles = QHBoxLayout()
        for tile in (
            self.overdue_tile,
            self.soon_tile,
            self.reason_tile,
            self.week_tile,
            self.turning_tile,
        ):
            tiles.addWidget(tile, 1)
        self.kind_counts: dict[DeadlineKind, QLabel] = {}
        kinds = QGridLayout()
        kinds.setHorizontalSpacing(16)
        for column, kind in enumerate(DeadlineKind):
            label = QLabel()
            label.setObjectName(f"count_{kind.value}")
            label.setTextFormat(Qt.TextFormat.RichText)
            self.kind_counts[kind] = label
            kinds.addWidget(label, 0, column)
        self._show_kind_counts(None)

        self.warning = QLabel()
        self.warning.setObjectName("dashboard_warning")
        self.warning.setProperty("role", "error")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Warnings")
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.hide()

        # Sync conflicts wait for a person; the line shows only while there are some.
        self.conflicts_line = QLabel()
        self.conflicts_line.setObjectName("dashboard_conflicts")
        self.conflicts_line.setProperty("role", "notice")
        self.conflicts_button = button(
            "Resolve conflicts…", "dashboard_resolve_conflicts", self.conflicts_requested.emit
        )
        self.conflicts_button.setAccessibleDescription("Opens the conflicts view")
        self.conflicts_row = QWidget()
        self.conflicts_row.setObjectName("dashboard_conflicts_row")
        conflicts_layout = QHBoxLayout(self.conflicts_row)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(self.conflicts_line)
        conflicts_layout.addWidget(self.conflicts_button)
        conflicts_layout.addStretch(1)
        self.conflicts_row.hide()

        # This week's conferences.
        self.week_heading = _heading("This week's conferences", "week_heading")
        self.week_view, self.week_model = record_table(
            "This week's conferences",
            [
                Column("when", "When"),
                Column("kind", "Type"),
                Column("who", "Young person"),
                Column("held", "Held or booked"),
                Column("agreed", "Agreed"),
                Column("where", "Where"),
            ],
        )
        self.week_view.setObjectName("week_table")
        self.week_view.activated.connect(self._activated)

        # Turning 18.
        self.turning_heading = _heading("Turning 18 soon", "turning_heading")
        self.turning_view, self.turning_model = record_table(
            "Turning 18 soon",
            [
                Column("who", "Young person"),
                Column("birthday", "18 on"),
                Column("detail", "Transition plan"),
            ],
        )
        self.turning_view.setObjectName("turning_18_table")
        self.turning_view.activated.connect(self._activated)

        # Due and overdue, with filters.
        self.due_heading = _heading("Due and overdue", "due_heading")
        self.search = QLineEdit()
        self.search.setObjectName("dashboard_search")
        self.search.setPlaceholderText("Initials or name")
        self.search.setAccessibleName("Filter by initials or name")
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName("dashboard_kind_filter")
        self.kind.setAccessibleName("Filter by what is due")
        self.kind.addItem("Everything", "")
        for kind in DeadlineKind:
            self.kind.addItem(kind.label, kind.value)
        self.agency = QComboBox()
        self.agency.setObjectName("dashboard_agency_filter")
        self.agency.setAccessibleName("Filter by agency")
        self.agency.addItem("All agencies", "")
        self.agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.missed_only = QCheckBox("&Overdue or late only")
        self.missed_only.setObjectName("dashboard_missed_only")
        self.missed_only.setAccessibleName("Overdue or late only")
        filters = QHBoxLayout()
        filters.addWidget(_buddy("&Search", self.search))
        filters.addWidget(self.search, 2)
        filters.addWidget(_buddy("&What", self.kind))
        filters.addWidget(self.kind, 1)
        filters.addWidget(_buddy("A&gency", self.agency))
        filters.addWidget(self.agency, 1)
        filters.addWidget(self.missed_only)

        self.model = DueModel(self)
        self.proxy = DueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("due_table")
        self.table.setAccessibleName("Due and overdue")
        self.table.setAccessibleDescription(
            "Enter or double-click opens the young person's case. Missed items are in bold "
            "with a warning icon, and their state is written in the first column."
        )
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # most overdue first
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAIL_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMaximumSectionSize(280)  # a long agency name must not squeeze the detail
        self.table.activated.connect(self._activated)

        self.shown_count = QLabel()
        self.shown_count.setObjectName("due_shown_count")
        self.open_button = button("O&pen case", "dashboard_open_case", self.open_selected)
        self.reason_button = button(
            "&Record why it was missed…", "dashboard_record_reason", self.record_reason
        )
        self.policy_button = button(
            "Ti&mescales in use…", "dashboard_timescales", self.show_timescales
        )
        actions = QHBoxLayout()
        actions.addWidget(self.shown_count, 1)
        for push in (self.open_button, self.reason_button, self.policy_button):
            actions.addWidget(push)

        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_heading)
        due_layout.addLayout(filters)
        due_layout.addWidget(self.table, 1)
        due_layout.addLayout(actions)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(_section(self.week_heading, self.week_view), 3)
        top_layout.addWidget(_section(self.turning_heading, self.turning_view), 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("dashboard_splitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(due_box)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([170, 490])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(tiles)
        layout.addLayout(kinds)
        layout.addWidget(self.warning)
        layout.addWidget(self.conflicts_row)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(self._refilter)
        self.kind.currentIndexChanged.connect(self._refilter)
        self.agency.currentIndexChanged.connect(self._refilter)
        self.missed_only.toggled.connect(self._refilter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self._update_shown()

        store.changed.connect(self.reload)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DATE_CHECK_MS)
        self._day_timer.timeout.connect(self._check_date)
        self._day_timer.start()
        self.reload()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        wanted = self._generation
        as_of = today()

        def shown(data: DashboardData) -> None:
            if wanted == self._generation:  # a later reload is on its way: skip this one
                self._render(data)

        def failed(error: BaseException) -> None:
            if wanted == self._generation:
                self.warning.setText(f"Warning: the dashboard could not be loaded. {error}")
                self.warning.show()

        self.store.read(lambda s: load_dashboard(s, as_of), shown, failed)
        self.store.read(conflicts.count, self._show_conflicts)

    def _show_conflicts(self, count: int) -> None:
        words = f"{count} sync conflict{'' if count == 1 else 's'} to resolve"
        self.conflicts_line.setText(words)
        self.conflicts_line.setAccessibleName(words)
        self.conflicts_row.setVisible(count > 0)

    def _check_date(self) -> None:
        if self.data is not None and self.data.as_of != today():
            self.reload()

    def _render(self, data: DashboardData) -> None:
        self.data = data
        monday, sunday = week_of(data.as_of)
        self.title.setText(f"Today, {data.as_of:%A} {data.as_of.day} {data.as_of:%B %Y}")
        self.title.setAccessibleName(self.title.text())

        missed = sum(pair[0] for pair in data.counts.values())
        soon = sum(pair[1] for pair in data.counts.values())
        self.overdue_tile.set_count(missed)
        self.soon_tile.set_count(soon, soon_caption(data.policy))
        self.reason_tile.set_count(sum(1 for i in data.items if i.needs_reason))
        self.week_tile.set_count(len(data.week))
        self.turning_tile.set_count(len(data.turning_18))
        self._show_kind_counts(data.counts)

        if data.warnings:
            self.warning.setText("Warning: " + " ".join(data.warnings))
            self.warning.setAccessibleName("Warning: " + " ".join(data.warnings))
            self.warning.show()
        else:
            self.warning.clear()
            self.warning.hide()

        week_words = f"This week's conferences ({format_date(monday)} to {format_date(sunday)})"
        if not data.week:
            week_words += ": none booked"
        self.week_heading.setText(week_words)
        self.week_heading.setAccessibleName(week_words)
        now = datetime.now()
        self.week_model.set_rows(
            [
                {
                    "young_person_id": c.young_person_id,
                    "when": f"{c.starts_at:%a} {format_date(c.starts_at.date())} "
                    f"{c.starts_at:%H:%M}",
                    "kind": c.kind.label,
                    "who": who(c.name, c.initials),
                    "held": "Held" if c.starts_at <= now else "Booked",
                    "agreed": "Agreed" if c.agreed else "Not agreed",
                    "where": c.location,
                }
                for c in data.week
            ]
        )

        turning_words = f"Turning 18 in the next {data.policy.transition_warning_months} months" + (
            "" if data.turning_18 else ": nobody"
        )
        self.turning_heading.setText(turning_words)
        self.turning_heading.setAccessibleName(turning_words)
        self.turning_model.set_rows(
            [
                {
                    "young_person_id": i.young_person_id,
                    "who": who(i.name, i.initials),
                    "birthday": birthday_words(i, data.as_of),
                    "detail": i.detail,
                }
                for i in data.turning_18
            ]
        )

        keep = self.selected_item()
        self._fill_agencies(data.items)
        self.model.set_items(data.items)
        if keep is not None:
            self._reselect(keep)
        self._update_shown()
        self._update_buttons()
        self.loaded.emit()

    def _show_kind_counts(self, counts: dict[DeadlineKind, tuple[int, int]] | None) -> None:
        for kind, label in self.kind_counts.items():
            missed, soon = counts[kind] if counts else (0, 0)
            words = f"{missed} overdue · {soon} due soon" if counts else "…"
            label.setText(f"<b>{kind.label}</b><br>{words}")
            label.setAccessibleName(
                f"{kind.label}: {missed} overdue or late, {soon} due soon"
                if counts
                else f"{kind.label}: loading"
            )

    def _fill_agencies(self, items: Sequence[DueItem]) -> None:
        current = self.agency.currentData() or ""
        found = sorted({i.agency for i in items if i.agency} | ({current} if current else set()))
        self.agency.blockSignals(True)
        try:
            self.agency.clear()
            self.agency.addItem("All agencies", "")
            for name in found:
                self.agency.addItem(name, name)
            self.agency.setCurrentIndex(max(0, self.agency.findData(current)))
        finally:
            self.agency.blockSignals(False)

    def _reselect(self, keep: DueItem) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            item: DueItem = index.data(Qt.ItemDataRole.UserRole)
            if (item.kind, item.source_id, item.case_id) == (
                keep.kind,
                keep.source_id,
                keep.case_id,
            ):
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return

    # -- filters ------------------------------------------------------------------------------
    def _refilter(self) -> None:
        self.proxy.set_criteria(
            self.kind.currentData() or "",
            self.agency.currentData() or "",
            self.missed_only.isChecked(),
            self.search.text(),
        )
        self._update_shown()
        self._update_buttons()

    def _update_shown(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        words = f"Showing {shown} of {total}" if shown != total else f"{total} shown"
        self.shown_count.setText(words)
        self.shown_count.setAccessibleName(words)

    def _update_buttons(self) -> None:
        item = self.selected_item()
        self.open_button.setEnabled(item is not None)
        self.reason_button.setEnabled(item is not None and item.needs_reason)

    def visible_items(self) -> list[DueItem]:
        """The rows as the table shows them, after filters and sorting."""
        return [
            self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole)
            for row in range(self.proxy.rowCount())
        ]

    def selected_item(self) -> DueItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item: DueItem = rows[0].data(Qt.ItemDataRole.UserRole)
        return item

    # -- actions ------------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        """Enter or double-click on any row: open that young person's case."""
        value = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if isinstance(value, DueItem):
            self.young_person_chosen.emit(value.young_person_id)
        elif isinstance(value, dict):
            self.young_person_chosen.emit(value["young_person_id"])

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            index = self.table.currentIndex()
            item = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if item is not None:
            self.young_person_chosen.emit(item.young_person_id)

    def record_reason(self) -> MissedReasonDialog | None:
        item = self.selected_item()
        if item is None or not item.needs_reason:
            return None
        dialog = MissedReasonDialog(self.store, item, self)
        dialog.open()
        return dialog

    def show_timescales(self) -> QMessageBox:
        policy = self.data.policy if self.data is not None else default_policy()
        rows = "".join(f"<li>{line}</li>" for line in policy.as_words())
        box = QMessageBox(self)
        box.setWindowTitle("Timescales in use")
        box.setObjectName("timescales_box")
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(f"Deadlines are counted on: {policy.source}.<ul>{rows}</ul>")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
