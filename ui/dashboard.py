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
from ui.flow_layout import wrapping_row
from ui.forms import translate_words
from ui.i18n import QT_TRANSLATE_NOOP, Language, Translated, language, language_of
from ui.missed_reason import MissedReasonDialog
from ui.record_table import Column, record_table
from ui.store import Store
from ui.widgets import button

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MISSED = frozenset({DueState.OVERDUE, DueState.LATE})
SOON = frozenset({DueState.DUE_TODAY, DueState.DUE_SOON})
COLUMNS = (
    QT_TRANSLATE_NOOP("DueModel", "State"),
    QT_TRANSLATE_NOOP("DueModel", "What"),
    QT_TRANSLATE_NOOP("DueModel", "Young person"),
    QT_TRANSLATE_NOOP("DueModel", "Due"),
    QT_TRANSLATE_NOOP("DueModel", "Days overdue"),
    QT_TRANSLATE_NOOP("DueModel", "Booked or done"),
    QT_TRANSLATE_NOOP("DueModel", "Detail"),
    QT_TRANSLATE_NOOP("DueModel", "Agency"),
)
DETAIL_COLUMN = COLUMNS.index("Detail")
# Bold on the state and the days overdue, not the whole row: when most rows are
# missed, a page of bold would no longer pick anything out.
BOLD_COLUMNS = frozenset({COLUMNS.index("State"), COLUMNS.index("Days overdue")})
DATE_CHECK_MS = 60_000  # past midnight, "today" moves on even if nobody saves anything

# Day and month names in the window's language (strftime would follow the OS locale).
WEEKDAYS = (
    QT_TRANSLATE_NOOP("Dashboard", "Monday"),
    QT_TRANSLATE_NOOP("Dashboard", "Tuesday"),
    QT_TRANSLATE_NOOP("Dashboard", "Wednesday"),
    QT_TRANSLATE_NOOP("Dashboard", "Thursday"),
    QT_TRANSLATE_NOOP("Dashboard", "Friday"),
    QT_TRANSLATE_NOOP("Dashboard", "Saturday"),
    QT_TRANSLATE_NOOP("Dashboard", "Sunday"),
)
WEEKDAYS_SHORT = (
    QT_TRANSLATE_NOOP("Dashboard", "Mon"),
    QT_TRANSLATE_NOOP("Dashboard", "Tue"),
    QT_TRANSLATE_NOOP("Dashboard", "Wed"),
    QT_TRANSLATE_NOOP("Dashboard", "Thu"),
    QT_TRANSLATE_NOOP("Dashboard", "Fri"),
    QT_TRANSLATE_NOOP("Dashboard", "Sat"),
    QT_TRANSLATE_NOOP("Dashboard", "Sun"),
)
MONTHS = (
    QT_TRANSLATE_NOOP("Dashboard", "January"),
    QT_TRANSLATE_NOOP("Dashboard", "February"),
    QT_TRANSLATE_NOOP("Dashboard", "March"),
    QT_TRANSLATE_NOOP("Dashboard", "April"),
    QT_TRANSLATE_NOOP("Dashboard", "May"),
    QT_TRANSLATE_NOOP("Dashboard", "June"),
    QT_TRANSLATE_NOOP("Dashboard", "July"),
    QT_TRANSLATE_NOOP("Dashboard", "August"),
    QT_TRANSLATE_NOOP("Dashboard", "September"),
    QT_TRANSLATE_NOOP("Dashboard", "October"),
    QT_TRANSLATE_NOOP("Dashboard", "November"),
    QT_TRANSLATE_NOOP("Dashboard", "December"),
)


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
# Each takes the window's words (``language(language_of(widget))``).
def who(name: str, initials: str) -> str:
    return f"{name} ({initials})"


def state_words(item: DueItem, words: Language) -> str:
    if item.state == DueState.OVERDUE and item.reason:
        return words.translate("Dashboard", "Overdue (reason recorded)")
    return translate_words(words.code, item.state.label)


def overdue_words(item: DueItem, words: Language) -> str:
    if not item.days_overdue:
        return ""
    if item.days_overdue == 1:
        text = words.translate("Dashboard", "1 day ({working} working)")
    else:
        text = words.translate("Dashboard", "{days} days ({working} working)")
    return text.format(days=item.days_overdue, working=item.working_days_overdue)


def booked_words(item: DueItem, words: Language) -> str:
    if item.done_on is not None:
        return words.translate("Dashboard", "Done {date}").format(date=format_date(item.done_on))
    return format_date(item.booked_on)


def soon_caption(policy: TimescalePolicy, words: Language) -> str:
    days = policy.due_soon_days
    if days == 14:
        return words.translate("Dashboard", "Due this fortnight")
    return words.translate("Dashboard", "Due in the next {days} days").format(days=days)


def birthday_words(item: DueItem, as_of: date, words: Language) -> str:
    days = (item.due_on - as_of).days
    on = format_date(item.due_on)
    if days == 1:
        return words.translate("Dashboard", "Tomorrow")
    if days > 0:
        return words.translate("Dashboard", "{date} (in {days} days)").format(date=on, days=days)
    if days == 0:
        return words.translate("Dashboard", "Today")
    return words.translate("Dashboard", "{date} (already 18)").format(date=on)


def short_when(when: datetime, words: Language) -> str:
    """Mon 03/03/2025 10:00, in the window's language."""
    weekday = words.translate("Dashboard", WEEKDAYS_SHORT[when.weekday()])
    return f"{weekday} {format_date(when.date())} {when:%H:%M}"


def long_date(day: date, words: Language) -> str:
    """Monday 3 March 2025, in the window's language."""
    return words.translate("Dashboard", "{weekday} {day} {month} {year}").format(
        weekday=words.translate("Dashboard", WEEKDAYS[day.weekday()]),
        day=day.day,
        month=words.translate("Dashboard", MONTHS[day.month - 1]),
        year=day.year,
    )


# -- the due table ----------------------------------------------------------------------------
class DueModel(Translated, QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Worded once, here: headers are asked for while a window is being torn down,
        # when walking up to the window for its language can fail inside Qt.
        words = language(language_of(parent))
        self.headers = [words.translate("DueModel", text) for text in COLUMNS]
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

    def text(self, item: DueItem, column: int) -> str:
        words = language(language_of(self))
        values = (
            state_words(item, words),
            translate_words(words.code, item.kind.label),
            who(item.name, item.initials),
            format_date(item.due_on),
            overdue_words(item, words),
            booked_words(item, words),
            item.detail,
            item.agency,
        )
        return values[column]

    def sort_key(self, item: DueItem, column: int) -> Any:
        if column == 0:
            return (item.state not in MISSED, item.state != DueState.DUE_TODAY, -item.days_overdue)
        if column == 3:
            return item.due_on.toordinal()
        if column == 4:
            return item.days_overdue
        if column == 5:
            booked = item.done_on or item.booked_on
            return booked.toordinal() if booked else 0
        return self.text(item, column).lower()

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
                if not item.reason:
                    return item.detail
                extra = self.tr("Reason recorded: {reason}").format(reason=item.reason)
                return f"{item.detail}\n{extra}"
            if column == 0 and item.needs_reason:
                return self.tr("Missed, and nobody has recorded why yet.")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
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
class CountTile(Translated, QFrame):
    """A number with its caption; a screen reader hears both as one name."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = caption
        self.number = QLabel("…")
        self.number.setObjectName(f"{name}_number")
        self.number.setProperty("role", "big-number")  # sized by the theme, so it scales
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
        if count is None:
            name = self.tr("{caption}: loading").format(caption=self.caption)
        else:
            name = self.tr("{caption}: {count}").format(caption=self.caption, count=count)
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
class Dashboard(Translated, QWidget):
    young_person_chosen = Signal(str)
    conflicts_requested = Signal()
    loaded = Signal()  # after each reload has been drawn

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.store = store
        self.data: DashboardData | None = None
        self._generation = 0

        self.title = _heading(self.tr("Today"), "dashboard_title")

        # Counts.
        self.overdue_tile = CountTile(self.tr("Overdue or late"), "tile_overdue", self)
        self.soon_tile = CountTile(self.tr("Due this fortnight"), "tile_due_soon", self)
        self.reason_tile = CountTile(self.tr("Reason still to record"), "tile_reason_needed", self)
        self.week_tile = CountTile(self.tr("Conferences this week"), "tile_week", self)
        self.turning_tile = CountTile(self.tr("Turning 18 soon"), "tile_turning_18", self)
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
            label.setWordWrap(True)  # longer words (Welsh, larger text) wrap, not widen the window
            self.kind_counts[kind] = label
            kinds.addWidget(label, 0, column)
        self._show_kind_counts(None)

        self.warning = QLabel()
        self.warning.setObjectName("dashboard_warning")
        self.warning.setProperty("role", "error")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Warnings"))
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.hide()

        # Sync conflicts wait for a person; the line shows only while there are some.
        self.conflicts_line = QLabel()
        self.conflicts_line.setObjectName("dashboard_conflicts")
        self.conflicts_line.setProperty("role", "notice")
        self.conflicts_button = button(
            self.tr("Resolve conflicts…"),
            "dashboard_resolve_conflicts",
            self.conflicts_requested.emit,
        )
        self.conflicts_button.setAccessibleDescription(self.tr("Opens the conflicts view"))
        self.conflicts_row = QWidget()
        self.conflicts_row.setObjectName("dashboard_conflicts_row")
        conflicts_layout = QHBoxLayout(self.conflicts_row)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        conflicts_layout.addWidget(self.conflicts_line)
        conflicts_layout.addWidget(self.conflicts_button)
        conflicts_layout.addStretch(1)
        self.conflicts_row.hide()

        # This week's conferences.
        self.week_heading = _heading(self.tr("This week's conferences"), "week_heading")
        self.week_view, self.week_model = record_table(
            self.tr("This week's conferences"),
            [
                Column("when", self.tr("When")),
                Column("kind", self.tr("Type")),
                Column("who", self.tr("Young person")),
                Column("held", self.tr("Held or booked")),
                Column("agreed", self.tr("Agreed")),
                Column("where", self.tr("Where")),
            ],
            "week_table",
            self,
        )
        self.week_view.activated.connect(self._activated)

        # Turning 18.
        self.turning_heading = _heading(self.tr("Turning 18 soon"), "turning_heading")
        self.turning_view, self.turning_model = record_table(
            self.tr("Turning 18 soon"),
            [
                Column("who", self.tr("Young person")),
                Column("birthday", self.tr("18 on")),
                Column("detail", self.tr("Transition plan")),
            ],
            "turning_18_table",
            self,
        )
        self.turning_view.activated.connect(self._activated)

        # Due and overdue, with filters.
        self.due_heading = _heading(self.tr("Due and overdue"), "due_heading")
        self.search = QLineEdit(self)
        self.search.setObjectName("dashboard_search")
        self.search.setPlaceholderText(self.tr("Initials or name"))
        self.search.setAccessibleName(self.tr("Filter by initials or name"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.setObjectName("dashboard_kind_filter")
        self.kind.setAccessibleName(self.tr("Filter by what is due"))
        self.kind.addItem(self.tr("Everything"), "")
        for kind in DeadlineKind:
            self.kind.addItem(translate_words(language_of(self), kind.label), kind.value)
        self.agency = QComboBox(self)
        self.agency.setObjectName("dashboard_agency_filter")
        self.agency.setAccessibleName(self.tr("Filter by agency"))
        self.agency.addItem(self.tr("All agencies"), "")
        self.agency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.missed_only = QCheckBox(self.tr("&Overdue or late only"), self)
        self.missed_only.setObjectName("dashboard_missed_only")
        self.missed_only.setAccessibleName(self.tr("Overdue or late only"))
        filter_row, filters = wrapping_row(self)
        filters.add_group(_buddy(self.tr("&Search"), self.search), self.search)
        filters.add_group(_buddy(self.tr("&What"), self.kind), self.kind)
        filters.add_group(_buddy(self.tr("A&gency"), self.agency), self.agency)
        filters.addWidget(self.missed_only)

        self.model = DueModel(self)
        self.proxy = DueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("due_table")
        self.table.setAccessibleName(self.tr("Due and overdue"))
        self.table.setAccessibleDescription(
            self.tr(
                "Enter or double-click opens the young person's case. Missed items are in bold "
                "with a warning icon, and their state is written in the first column."
            )
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
        self.open_button = button(self.tr("O&pen case"), "dashboard_open_case", self.open_selected)
        self.reason_button = button(
            self.tr("&Record why it was missed…"), "dashboard_record_reason", self.record_reason
        )
        self.policy_button = button(
            self.tr("Ti&mescales in use…"), "dashboard_timescales", self.show_timescales
        )
        action_row, actions = wrapping_row(self)
        for push in (self.open_button, self.reason_button, self.policy_button):
            actions.addWidget(push)

        due_box = QWidget()
        due_layout = QVBoxLayout(due_box)
        due_layout.setContentsMargins(0, 0, 0, 0)
        due_layout.addWidget(self.due_heading)
        due_layout.addWidget(filter_row)
        due_layout.addWidget(self.table, 1)
        due_layout.addWidget(self.shown_count)
        due_layout.addWidget(action_row)

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
                self.warning.setText(
                    self.tr("Warning: the dashboard could not be loaded. {error}").format(
                        error=error
                    )
                )
                self.warning.show()

        self.store.read(lambda s: load_dashboard(s, as_of), shown, failed)
        self.store.read(conflicts.count, self._show_conflicts)

    def _show_conflicts(self, count: int) -> None:
        if count == 1:
            words = self.tr("1 sync conflict to resolve")
        else:
            words = self.tr("{count} sync conflicts to resolve").format(count=count)
        self.conflicts_line.setText(words)
        self.conflicts_line.setAccessibleName(words)
        self.conflicts_row.setVisible(count > 0)

    def _check_date(self) -> None:
        if self.data is not None and self.data.as_of != today():
            self.reload()

    def _render(self, data: DashboardData) -> None:
        self.data = data
        monday, sunday = week_of(data.as_of)
        words = language(language_of(self))
        self.title.setText(self.tr("Today, {date}").format(date=long_date(data.as_of, words)))
        self.title.setAccessibleName(self.title.text())

        missed = sum(pair[0] for pair in data.counts.values())
        soon = sum(pair[1] for pair in data.counts.values())
        self.overdue_tile.set_count(missed)
        self.soon_tile.set_count(soon, soon_caption(data.policy, words))
        self.reason_tile.set_count(sum(1 for i in data.items if i.needs_reason))
        self.week_tile.set_count(len(data.week))
        self.turning_tile.set_count(len(data.turning_18))
        self._show_kind_counts(data.counts)

        if data.warnings:
            warning = self.tr("Warning: {text}").format(text=" ".join(data.warnings))
            self.warning.setText(warning)
            self.warning.setAccessibleName(warning)
            self.warning.show()
        else:
            self.warning.clear()
            self.warning.hide()

        if data.week:
            week_words = self.tr("This week's conferences ({start} to {end})")
        else:
            week_words = self.tr("This week's conferences ({start} to {end}): none booked")
        week_words = week_words.format(start=format_date(monday), end=format_date(sunday))
        self.week_heading.setText(week_words)
        self.week_heading.setAccessibleName(week_words)
        now = datetime.now()
        self.week_model.set_rows(
            [
                {
                    "young_person_id": c.young_person_id,
                    "when": short_when(c.starts_at, words),
                    "kind": translate_words(words.code, c.kind.label),
                    "who": who(c.name, c.initials),
                    "held": self.tr("Held") if c.starts_at <= now else self.tr("Booked"),
                    "agreed": self.tr("Agreed") if c.agreed else self.tr("Not agreed"),
                    "where": c.location,
                }
                for c in data.week
            ]
        )

        if data.turning_18:
            turning_words = self.tr("Turning 18 in the next {months} months")
        else:
            turning_words = self.tr("Turning 18 in the next {months} months: nobody")
        turning_words = turning_words.format(months=data.policy.transition_warning_months)
        self.turning_heading.setText(turning_words)
        self.turning_heading.setAccessibleName(turning_words)
        self.turning_model.set_rows(
            [
                {
                    "young_person_id": i.young_person_id,
                    "who": who(i.name, i.initials),
                    "birthday": birthday_words(i, data.as_of, words),
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
        code = language_of(self)
        for kind, label in self.kind_counts.items():
            missed, soon = counts[kind] if counts else (0, 0)
            name = translate_words(code, kind.label)
            if counts:
                shown = self.tr("{missed} overdue · {soon} due soon")
                heard = self.tr("{kind}: {missed} overdue or late, {soon} due soon")
            else:
                shown, heard = "…", self.tr("{kind}: loading")
            label.setText(f"<b>{name}</b><br>{shown.format(missed=missed, soon=soon)}")
            label.setAccessibleName(heard.format(kind=name, missed=missed, soon=soon))

    def _fill_agencies(self, items: Sequence[DueItem]) -> None:
        current = self.agency.currentData() or ""
        found = sorted({i.agency for i in items if i.agency} | ({current} if current else set()))
        self.agency.blockSignals(True)
        try:
            self.agency.clear()
            self.agency.addItem(self.tr("All agencies"), "")
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
        if shown != total:
            words = self.tr("Showing {shown} of {total}").format(shown=shown, total=total)
        else:
            words = self.tr("{total} shown").format(total=total)
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
        box.setWindowTitle(self.tr("Timescales in use"))
        box.setObjectName("timescales_box")
        box.setIcon(QMessageBox.Icon.Information)
        counted = self.tr("Deadlines are counted on: {source}.").format(source=policy.source)
        box.setText(f"{counted}<ul>{rows}</ul>")
        ok = box.addButton(QMessageBox.StandardButton.Ok)
        ok.setText(self.tr("OK"))  # Qt's own word is English whatever the window's language
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
