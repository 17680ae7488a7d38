"""The case view's Timescales tab: what falls due on one case, its visits, and turning 18.

Every date here is computed by the same core as the dashboard and ``roth-desktop
due``, on the worker, from what is saved; a visit recorded here moves the next
visit's deadline as soon as it is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from roth_desktop.errors import ValidationError
from roth_desktop.models import Case, DeadlineKind
from roth_desktop.queries import case_visits, professional_choices
from roth_desktop.timescales.deadlines import (
    DueItem,
    DueState,
    compute_due,
    eighteenth_birthday,
)
from roth_desktop.timescales.policy import TimescalePolicy, add_months, policy_or_defaults
from roth_desktop.validation import format_date, today
from ui import record_specs
from ui.forms import RecordDialog, RecordForm, changed_values, translate_words
from ui.i18n import Language, Translated, language, language_of
from ui.record_table import (
    Column,
    RecordTableModel,
    TableSection,
    date_cell,
    yes_no,
)
from ui.store import Store
from ui.widgets import button

# How far ahead the tab looks: past the next review even on a 3-monthly policy.
LOOK_AHEAD_DAYS = 120
PAST_18 = ("continues_past_18", "continues_past_18_reason")


@dataclass(frozen=True)
class CaseTimescales:
    """One case's deadlines and visits, as plain values read in one go on the worker."""

    case: dict[str, Any]
    date_of_birth: date | None
    visits: list[dict[str, Any]]
    items: tuple[DueItem, ...]
    notes: tuple[str, ...]
    policy: TimescalePolicy
    as_of: date

    @property
    def birthday(self) -> date | None:
        return eighteenth_birthday(self.date_of_birth) if self.date_of_birth else None

    def transition_due(self) -> bool:
        """Whether the routes to adult support are to be decided now."""
        birthday = self.birthday
        if birthday is None:
            return False
        return (
            bool(self.case.get("continues_past_18"))
            or birthday <= add_months(self.as_of, self.policy.transition_warning_months)
            or any(i.kind == DeadlineKind.TURNS_18 for i in self.items)
        )


def load_case_timescales(session: Session, case_id: str) -> CaseTimescales | None:
    case = session.get(Case, case_id)
    if case is None:
        return None
    policy, problem = policy_or_defaults()
    notes = (problem,) if problem else ()
    as_of = today()
    report = compute_due(session, as_of, policy, horizon_days=LOOK_AHEAD_DAYS, case_ids=[case_id])
    return CaseTimescales(
        case=case.values(),
        date_of_birth=case.young_person.date_of_birth,
        visits=case_visits(session, case_id),
        items=report.items,
        notes=(*notes, *report.warnings),
        policy=policy,
        as_of=as_of,
    )


# -- words: each takes the window's words (``language(language_of(widget))``) -------------
def _item_row(item: DueItem, words: Language) -> dict[str, Any]:
    detail = item.detail
    if item.reason:
        reason = words.translate("CaseTimescalesTab", "Reason recorded: {reason}")
        detail += " " + reason.format(reason=item.reason)
    return {
        "id": f"{item.kind.value}:{item.source_id}",
        "item": item,
        "what": translate_words(words.code, item.kind.label),
        "state": translate_words(words.code, item.state.label),
        "due_on": item.due_on,
        "booked_on": item.booked_on,
        "days_overdue": str(item.days_overdue) if item.days_overdue else "",
        "detail": detail,
    }


def _visit_row(visit: dict[str, Any], words: Language) -> dict[str, Any]:
    who = visit["who_seen"] or ""
    if not visit["young_person_seen"]:
        if who:
            who = words.translate("CaseTimescalesTab", "{who} (young person not seen)").format(
                who=who
            )
        else:
            who = words.translate("CaseTimescalesTab", "Young person not seen")
    return {**visit, "who": who}


def _in_words(as_of: date, birthday: date, words: Language) -> str:
    months = (birthday.year - as_of.year) * 12 + birthday.month - as_of.month
    if birthday.day < as_of.day:
        months -= 1
    on = format_date(birthday)
    if birthday < as_of:
        return words.translate("CaseTimescalesTab", "Turned 18 on {date}.").format(date=on)
    if birthday == as_of:
        return words.translate("CaseTimescalesTab", "Turns 18 today.")
    if months < 1:
        days = (birthday - as_of).days
        if days == 1:
            text = words.translate("CaseTimescalesTab", "Turns 18 on {date}, in 1 day.")
        else:
            text = words.translate("CaseTimescalesTab", "Turns 18 on {date}, in {days} days.")
        return text.format(date=on, days=days)
    if months == 1:
        text = words.translate("CaseTimescalesTab", "Turns 18 on {date}, in 1 month.")
    else:
        text = words.translate("CaseTimescalesTab", "Turns 18 on {date}, in {months} months.")
    return text.format(date=on, months=months)


def past_18_refusal(policy: TimescalePolicy, words: Language | None = None) -> str:
    words = words or language("en")
    return words.translate(
        "CaseTimescalesTab",
        "Local policy ({source}) does not allow a plan to continue past 18. "
        "If your local authority allows it, its timescales policy must say so "
        "(plan_may_continue_past_18).",
    ).format(source=policy.source)


class CaseTimescalesTab(Translated, QWidget):
    """Deadlines, visits and the transition at 18 for the case shown in the case view."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.case_id: str | None = None
        self.data: CaseTimescales | None = None

        self.notice = QLabel(self)
        self.notice.setObjectName("timescales_notice")
        self.notice.setProperty("role", "notice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.missed_button = button(
            self.tr("Record why it was missed…"), "record_missed_reason", self.record_missed_reason
        )
        self.missed_button.setEnabled(False)
        self.deadlines = TableSection(
            self.tr("Deadlines on this case"),
            [
                Column("what", self.tr("What")),
                Column("state", self.tr("State")),
                Column("due_on", self.tr("Due"), date_cell),
                Column("booked_on", self.tr("Booked"), date_cell),
                Column("days_overdue", self.tr("Days overdue")),
                Column("detail", self.tr("Detail")),
            ],
            [self.missed_button],
            "deadlines_on_this_case",
            self,
        )
        self.deadlines.view.setWordWrap(True)
        self.deadlines.view.selectionModel().selectionChanged.connect(
            lambda *_: self._deadline_chosen()
        )
        self.deadlines.view.doubleClicked.connect(lambda _i: self.record_missed_reason())
        self.summary = QLabel(self)
        self.summary.setObjectName("timescales_summary")
        self.summary.setWordWrap(True)

        self.visits = TableSection(
            self.tr("Visits"),
            [
                Column("visited_on", self.tr("Date"), date_cell),
                Column("place", self.tr("Where")),
                Column("who", self.tr("Who was seen")),
                Column("seen_alone", self.tr("Seen alone"), yes_no),
            ],
            [
                button(self.tr("Add visit…"), "add_visit", self.add_visit),
                button(self.tr("Edit…"), "edit_visit", self.edit_visit),
                button(self.tr("Remove"), "remove_visit", self.remove_visit),
            ],
            "visits",
            self,
        )
        self.visits.view.doubleClicked.connect(lambda _i: self.edit_visit())
        # Where and who share the room left; the short columns keep their width.
        for column in (1, 2):
            self.visits.view.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )

        self.transition_box = QGroupBox(self.tr("Turning 18"), self)
        self.transition_box.setObjectName("transition_box")
        self.birthday = QLabel(self.transition_box)
        self.birthday.setObjectName("transition_birthday")
        self.birthday.setWordWrap(True)
        self.transition_form = RecordForm(record_specs.transition(), self.transition_box)
        self.transition_form.setObjectName("transition_form")
        self.transition_form.field_edited.connect(self._transition_edited)
        for widget in self.transition_form.widgets.values():
            if isinstance(widget, QComboBox):  # narrow enough to sit beside the visits
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                widget.setMinimumContentsLength(10)
        box_layout = QVBoxLayout(self.transition_box)
        box_layout.addWidget(self.birthday)
        box_layout.addWidget(self.transition_form)
        box_layout.addStretch(1)

        # On a small screen the turning-18 form scrolls and the split can be moved,
        # rather than the deadlines being squeezed to a row or two.
        transition_scroll = QScrollArea()
        transition_scroll.setObjectName("transition_scroll")
        transition_scroll.setWidgetResizable(True)
        transition_scroll.setFrameShape(QFrame.Shape.NoFrame)
        transition_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        transition_scroll.setWidget(self.transition_box)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.visits, 1)
        lower_layout.addWidget(transition_scroll, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("timescales_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.deadlines)
        self.splitter.addWidget(lower)
        # Spare height goes to the deadlines; the lower half keeps what it needs.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self._split_moved = False
        self._stale = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_moved", True))
        self.setEnabled(False)
        store.changed.connect(self.reload)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
        self._fit_split()

    def _fit_split(self) -> None:
        """Give the turning-18 form the height it needs, until the person moves the split."""
        total = sum(self.splitter.sizes())
        if self._split_moved or not total or not self.isVisible():
            return
        need = max(self.transition_box.sizeHint().height() + 2, 220)  # room for visits
        lower = min(need, total // 2)
        self.splitter.setSizes([total - lower, lower])

    # -- loading --------------------------------------------------------------------------
    def show_case(self, case_id: str | None) -> None:
        """Show another case (the case view calls this each time it redraws)."""
        if case_id == self.case_id:
            return
        self.case_id = case_id
        self.data = None
        self.deadlines.model.set_rows([])
        self.visits.model.set_rows([])
        self.setEnabled(False)
        if case_id is None:
            self.summary.setText(self.tr("Open a case to see what falls due on it."))
            self.transition_box.hide()
            return
        self.summary.setText(self.tr("Counting the deadlines on this case…"))
        self.reload()

    def reload(self) -> None:
        wanted = self.case_id
        if wanted is None:
            return
        if not self.isVisible():
            # Counted when the tab is next shown, not after every keystroke's save.
            self._stale = True
            return
        self._stale = False

        def shown(data: CaseTimescales | None) -> None:
            if wanted == self.case_id:
                self._render(data)

        self.store.read(lambda s: load_case_timescales(s, wanted), shown)

    def _render(self, data: CaseTimescales | None) -> None:
        self.data = data
        self.setEnabled(data is not None)
        if data is None:
            self.summary.setText(self.tr("That case is no longer in this workspace."))
            return
        words = language(language_of(self))
        self.notice.setText(" ".join(data.notes))
        self.notice.setVisible(bool(data.notes))
        keep = self.deadlines.selected()
        self.deadlines.model.set_rows([_item_row(item, words) for item in data.items])
        self._reselect(self.deadlines.view, self.deadlines.model, keep, fallback=False)
        self.deadlines.view.resizeRowsToContents()
        self.summary.setText(self._summary(data))
        self.summary.setAccessibleName(self.summary.text())
        keep = self.visits.selected()
        self.visits.model.set_rows([_visit_row(v, words) for v in data.visits])
        self._reselect(self.visits.view, self.visits.model, keep, fallback=True)
        self._render_transition(data)
        self._deadline_chosen()
        self._fit_split()

    def _summary(self, data: CaseTimescales) -> str:
        if data.case.get("closed_on") and data.case["closed_on"] <= data.as_of:
            return self.tr("This case is closed: nothing falls due on it.")
        if not data.items:
            return self.tr("Nothing falls due on this case in the next {days} days.").format(
                days=LOOK_AHEAD_DAYS
            )
        missed = sum(1 for i in data.items if i.state in (DueState.OVERDUE, DueState.LATE))
        soon = sum(1 for i in data.items if i.state in (DueState.DUE_TODAY, DueState.DUE_SOON))
        if missed and soon:
            text = self.tr("{missed} overdue or late; {soon} due within {days} days.")
        elif missed:
            text = self.tr("{missed} overdue or late.")
        elif soon:
            text = self.tr("Nothing overdue; {soon} due within {days} days.")
        else:
            text = self.tr("Nothing overdue.")
        counted = self.tr("Counted on the timescales policy ({source}), up to {ahead} days ahead.")
        return (
            text.format(missed=missed, soon=soon, days=data.policy.due_soon_days)
            + " "
            + counted.format(source=data.policy.source, ahead=LOOK_AHEAD_DAYS)
        )

    @staticmethod
    def _reselect(
        view: QTableView, model: RecordTableModel, keep: dict[str, Any] | None, fallback: bool
    ) -> None:
        for row, values in enumerate(model.rows):
            if keep is not None and values["id"] == keep["id"]:
                view.selectRow(row)
                return
        if fallback and model.rows:
            view.selectRow(0)

    def _render_transition(self, data: CaseTimescales) -> None:
        self.transition_box.show()
        birthday = data.birthday
        if birthday is None:
            self.birthday.setText(
                self.tr("Add the date of birth on the Young person tab to see when they turn 18.")
            )
            self.transition_form.hide()
            return
        words = language(language_of(self))
        if data.policy.plan_may_continue_past_18:
            rule = self.tr("Local policy ({source}): plans may continue past 18.")
        else:
            rule = self.tr("Local policy ({source}): plans may not continue past 18.")
        rule = rule.format(source=data.policy.source)
        if data.transition_due():
            text = f"{_in_words(data.as_of, birthday, words)} {rule}"
            self.transition_form.show()
            values = dict(data.case)
            for spec in self.transition_form.specs:
                if spec.startswith("transition_"):
                    values[spec] = values.get(spec) or ""
            self.transition_form.set_values(values)
        else:
            months = data.policy.transition_warning_months
            from_day = add_months(birthday, -months)
            starts = self.tr(
                "Transition planning starts here on {date}, {months} months before."
            ).format(date=format_date(from_day), months=months)
            text = f"{_in_words(data.as_of, birthday, words)} {starts}"
            self.transition_form.hide()
        self.birthday.setText(text)
        self.birthday.setAccessibleName(text)

    # -- deadlines ------------------------------------------------------------------------
    def selected_item(self) -> DueItem | None:
        row = self.deadlines.selected()
        item = row["item"] if row else None
        return item if isinstance(item, DueItem) else None

    def _deadline_chosen(self) -> None:
        item = self.selected_item()
        self.missed_button.setEnabled(item is not None and item.needs_reason)

    def record_missed_reason(self) -> QDialog | None:
        item = self.selected_item()
        if item is None or not item.needs_reason:
            return None
        from ui.missed_reason import MissedReasonDialog  # only when someone asks for it

        dialog = MissedReasonDialog(self.store, item, self.window())
        dialog.open()
        return dialog

    # -- visits ---------------------------------------------------------------------------
    def _visit_dialog(
        self,
        title: str,
        current: dict[str, Any],
        save: Callable[[dict[str, Any], Callable[[], None], Callable[[BaseException], None]], None],
    ) -> None:
        def opened(professionals: list[tuple[str, str]]) -> None:
            dialog = RecordDialog(title, record_specs.visit(professionals), save, current, self)
            dialog.setObjectName("visit_dialog")
            dialog.open()

        self.store.read(professional_choices, opened)

    def add_visit(self) -> None:
        """Open the Add visit dialog once the list of professionals has been read."""
        case_id = self.case_id
        if case_id is None or self.data is None:
            return

        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            self.store.create(
                "visit", {**values, "case_id": case_id}, "visit", lambda _id: done(), failed
            )

        defaults = {"visited_on": today(), "young_person_seen": True, "professional_id": ""}
        self._visit_dialog(self.tr("Add visit"), defaults, save)

    def edit_visit(self) -> None:
        visit = self.visits.selected()
        if visit is None:
            return
        current = {**visit, "professional_id": visit.get("professional_id") or ""}

        def save(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            changed = changed_values(values, current)
            self.store.update("visit", current["id"], changed, "visit", failed=failed, done=done)

        self._visit_dialog(self.tr("Edit visit"), current, save)

    def remove_visit(self) -> None:
        visit = self.visits.selected()
        if visit is not None:
            self.store.delete("visit", visit["id"], "visit")

    # -- turning 18 -----------------------------------------------------------------------
    def _refused(self, fields: Sequence[str]) -> Callable[[BaseException], None]:
        form = self.transition_form

        def refused(error: BaseException) -> None:
            problems = error.problems if isinstance(error, ValidationError) else {}
            shown = {k: v for k, v in problems.items() if k in form.specs}
            form.show_problems(shown or {fields[0]: str(error)})

        return refused

    def _transition_edited(self, field: str, value: Any) -> None:
        data = self.data
        if data is None:
            return
        case_id = data.case["id"]
        form = self.transition_form
        if field not in PAST_18:
            label = form.specs[field].label.lower()
            self.store.set_field(
                "case_episode",
                case_id,
                field,
                value or None,
                f"transition route ({label})",
                failed=self._refused([field]),
            )
            return
        ticking = field == "continues_past_18" and value and not data.case["continues_past_18"]
        if ticking and not data.policy.plan_may_continue_past_18:
            form.set_values({"continues_past_18": False})
            refusal = past_18_refusal(data.policy, language(language_of(self)))
            form.show_problems({"continues_past_18": refusal})
            return
        # The tick and its reason are one decision, saved together so the record never
        # holds one without the other; the core refuses a tick with no reason.
        values = {name: form.value(name) for name in PAST_18}
        changed = changed_values(values, data.case)
        self.store.update(
            "case_episode", case_id, changed, "plan past 18", failed=self._refused([field])
        )
