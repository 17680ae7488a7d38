"""The timescales policy, for a local authority admin to change without editing JSON.

Everything in the window goes through ``TimescalePolicy.from_mapping``, the same
check a hand-edited ``timescales.json`` gets, so a value over a statutory ceiling
is refused here with the same one sentence, and nothing is saved. The policy
holds no personal data: it is saved in the app's config folder, not a workspace.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.timescales.policy import (
    FORMAT,
    UNITS,
    Interval,
    PolicyError,
    TimescalePolicy,
    default_policy,
    load_policy,
    override_path,
    save_policy,
)
from roth_desktop.validation import format_date, today
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language, language_of
from ui.widgets import button, labelled_row

# The name the checks give the values in this window. Their messages end with it in
# brackets, which says which file a value came from; here it would only repeat itself.
FORM = "this window"
REGIONS = (
    (QT_TRANSLATE_NOOP("PolicyDialog", "England"), "england"),
    (QT_TRANSLATE_NOOP("PolicyDialog", "Wales"), "wales"),
)
# Monday first, as ``date.weekday()`` counts; not strftime's %A, which follows the
# computer's locale rather than the window's language.
WEEKDAYS = (
    QT_TRANSLATE_NOOP("PolicyDialog", "Monday"),
    QT_TRANSLATE_NOOP("PolicyDialog", "Tuesday"),
    QT_TRANSLATE_NOOP("PolicyDialog", "Wednesday"),
    QT_TRANSLATE_NOOP("PolicyDialog", "Thursday"),
    QT_TRANSLATE_NOOP("PolicyDialog", "Friday"),
    QT_TRANSLATE_NOOP("PolicyDialog", "Saturday"),
    QT_TRANSLATE_NOOP("PolicyDialog", "Sunday"),
)
LARGEST = 999  # spin boxes allow more than the law does, so the law's message is shown


def _named(box: QAbstractSpinBox, name: str, object_name: str) -> None:
    """Name a spin box and the text box inside it, which is what keyboard focus lands on."""
    box.setObjectName(object_name)
    box.setAccessibleName(name)
    inner = box.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)


def _spin(name: str, object_name: str, value: int) -> QSpinBox:
    spin = QSpinBox()
    _named(spin, name, object_name)
    spin.setRange(1, LARGEST)
    spin.setValue(value)
    return spin


class _IntervalField(Translated, QWidget):
    """A count and a unit (weeks or months), as review intervals are set."""

    def __init__(self, name: str, object_name: str, parent: QWidget) -> None:
        super().__init__(parent)  # parented first, so its words follow the window
        self.count = _spin(self.tr("{name}: how many").format(name=name), f"{object_name}_count", 1)
        self.unit = QComboBox()
        self.unit.setObjectName(f"{object_name}_unit")
        self.unit.setAccessibleName(self.tr("{name}: weeks or months").format(name=name))
        words = {"weeks": self.tr("weeks"), "months": self.tr("months")}
        for unit in UNITS:
            self.unit.addItem(words.get(unit, unit), unit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.setFocusProxy(self.count)

    def set_interval(self, interval: Interval) -> None:
        self.count.setValue(interval.count)
        self.unit.setCurrentIndex(max(self.unit.findData(interval.unit), 0))

    def value(self) -> dict[str, Any]:
        return {"count": self.count.value(), "unit": str(self.unit.currentData())}


class PolicyDialog(Translated, QDialog):
    """Timescales policy…: view and change the local authority's timescales."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Timescales policy")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.saved: TimescalePolicy | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "How long each step may take. Every deadline in the app, and the ROTH data "
                "return, is counted on these. Values over the statutory maximum (Working "
                "Together 2023) are refused."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()

        self.region = QComboBox()
        self.region.setObjectName("policy_region")
        self.region.setAccessibleName(self.tr("Bank holidays of"))
        for label, region in REGIONS:
            self.region.addItem(self.words(label), region)
        labelled_row(form, self.tr("&Bank holidays of:"), self.region)

        self.closures = QListWidget()
        self.closures.setObjectName("policy_closures")
        self.closures.setAccessibleName(self.tr("Local closure days"))
        self.closures.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.closures.setMaximumHeight(self.fontMetrics().height() * 7)
        labelled_row(form, self.tr("C&losure days:"), self.closures)
        self.closure_date = QDateEdit()
        _named(self.closure_date, self.tr("Closure day to add"), "policy_closure_date")
        self.closure_date.setCalendarPopup(True)
        self.closure_date.setDisplayFormat("dd/MM/yyyy")
        self.closure_date.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        now = today()
        self.closure_date.setDate(QDate(now.year, now.month, now.day))
        self.add_button = button(self.tr("&Add"), "policy_closure_add", self.add_closure)
        self.add_button.setAccessibleName(self.tr("Add closure day"))
        self.remove_button = button(
            self.tr("R&emove"), "policy_closure_remove", self.remove_closures
        )
        self.remove_button.setAccessibleName(self.tr("Remove the selected closure days"))
        adding = QWidget()
        row = QHBoxLayout(adding)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.closure_date)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        # The label moves focus to the date; the buttons sit beside it.
        day_label = QLabel(self.tr("Closure &day to add:"))
        day_label.setBuddy(self.closure_date)
        form.addRow(day_label, adding)

        self.initial = _spin(
            self.tr("Initial conference within, working days"), "policy_initial_conference", 15
        )
        labelled_row(form, self.tr("&Initial conference within (working days):"), self.initial)
        self.core_group = _spin(
            self.tr("First core group within, working days"), "policy_core_group", 10
        )
        labelled_row(form, self.tr("First &core group within (working days):"), self.core_group)
        self.first_review = _IntervalField(
            self.tr("First review after"), "policy_first_review", self
        )
        labelled_row(form, self.tr("&First review after:"), self.first_review)
        self.review_interval = _IntervalField(
            self.tr("Reviews every"), "policy_review_interval", self
        )
        labelled_row(form, self.tr("&Reviews every:"), self.review_interval)
        self.interim = _spin(
            self.tr("Interim review at, working days"), "policy_interim_review", 15
        )
        labelled_row(form, self.tr("In&terim review at (working days):"), self.interim)
        self.visits = _spin(self.tr("Visits at least every, days"), "policy_visit_interval", 7)
        labelled_row(form, self.tr("&Visits at least every (days):"), self.visits)
        self.transition = _spin(
            self.tr("Flag turning 18, months ahead"), "policy_transition_warning", 6
        )
        labelled_row(form, self.tr("Flag turning 18 (&months ahead):"), self.transition)
        self.past_18 = QCheckBox(self.tr("&Plans may continue past 18"))
        self.past_18.setObjectName("policy_past_18")
        self.past_18.setAccessibleName(self.tr("Plans may continue past 18"))
        form.addRow(self.past_18)
        self.due_soon = _spin(self.tr("Due soon means within, days"), "policy_due_soon", 14)
        labelled_row(form, self.tr("Due s&oon means within (days):"), self.due_soon)
        layout.addLayout(form)

        self.where = QLabel(
            self.tr("Saved for this computer in {path}.").format(path=override_path())
        )
        self.where.setObjectName("policy_where")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.message = QLabel()
        self.message.setObjectName("policy_message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox()
        self.defaults_button = button(
            self.tr("Restore &national defaults"), "policy_defaults", self.restore_defaults
        )
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("policy_save")
        self.save_button.setAccessibleName(self.tr("Save"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("policy_cancel")
        cancel.setText(self.tr("Cancel"))  # Qt words its standard buttons in English only
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        # Never narrower than the form needs: longer labels (Welsh) must not squeeze it.
        self.setMinimumWidth(max(self.minimumWidth(), self.minimumSizeHint().width()))

        try:
            self.show_policy(load_policy())
        except PolicyError as exc:
            self.show_policy(default_policy())
            self.tell(
                self.tr(
                    "{problem} The national defaults are shown; saving replaces the file."
                ).format(problem=exc)
            )

    def words(self, text: str) -> str:
        """A word from one of this module's tables, in the window's language."""
        return language(language_of(self)).translate("PolicyDialog", text)

    # -- showing and reading the form ---------------------------------------------------
    def show_policy(self, policy: TimescalePolicy) -> None:
        self.region.setCurrentIndex(max(self.region.findData(policy.region), 0))
        self.closures.clear()
        for day in sorted(policy.closures):
            self._add_closure_item(day)
        self.initial.setValue(policy.initial_conference_working_days)
        self.core_group.setValue(policy.core_group_working_days)
        self.first_review.set_interval(policy.first_review)
        self.review_interval.set_interval(policy.review_interval)
        self.interim.setValue(policy.interim_review_working_days)
        self.visits.setValue(policy.visit_interval_days)
        self.transition.setValue(policy.transition_warning_months)
        self.past_18.setChecked(policy.plan_may_continue_past_18)
        self.due_soon.setValue(policy.due_soon_days)

    def closure_days(self) -> list[date]:
        days = []
        for n in range(self.closures.count()):
            days.append(
                date.fromisoformat(str(self.closures.item(n).data(Qt.ItemDataRole.UserRole)))
            )
        return days

    def mapping(self) -> dict[str, Any]:
        """The form in the shape of the policy file."""
        return {
            "format": FORMAT,
            "region": str(self.region.currentData()),
            "closures": [day.isoformat() for day in self.closure_days()],
            "initial_conference_working_days": self.initial.value(),
            "core_group_working_days": self.core_group.value(),
            "first_review": self.first_review.value(),
            "review_interval": self.review_interval.value(),
            "interim_review_working_days": self.interim.value(),
            "visit_interval_days": self.visits.value(),
            "transition_warning_months": self.transition.value(),
            "plan_may_continue_past_18": self.past_18.isChecked(),
            "due_soon_days": self.due_soon.value(),
        }

    def tell(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)

    # -- closure days -------------------------------------------------------------------
    def _add_closure_item(self, day: date) -> QListWidgetItem:
        weekday = self.words(WEEKDAYS[day.weekday()])
        item = QListWidgetItem(f"{weekday} {format_date(day)}")
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        days = self.closure_days()
        self.closures.insertItem(sum(1 for d in days if d < day), item)
        return item

    def add_closure(self) -> None:
        day = self.closure_date.date().toPython()
        assert isinstance(day, date)
        if day in self.closure_days():
            self.tell(self.tr("{day} is already a closure day.").format(day=format_date(day)))
            return
        self.closures.setCurrentItem(self._add_closure_item(day))
        if day.weekday() >= 5:
            added = self.tr("Added {day}. It is a weekend, so it changes nothing.")
        else:
            added = self.tr("Added {day}.")
        self.tell(added.format(day=format_date(day)))

    def remove_closures(self) -> None:
        chosen = self.closures.selectedItems()
        if not chosen:
            self.tell(self.tr("Choose the closure days to remove in the list first."))
            return
        for item in chosen:
            self.closures.takeItem(self.closures.row(item))
        if len(chosen) == 1:
            self.tell(self.tr("Removed 1 closure day."))
        else:
            self.tell(self.tr("Removed {count} closure days.").format(count=len(chosen)))

    # -- buttons ------------------------------------------------------------------------
    def restore_defaults(self) -> None:
        self.show_policy(default_policy())
        self.tell(self.tr("The national defaults are shown; Save to use them."))

    def save(self) -> None:
        try:
            policy = TimescalePolicy.from_mapping(self.mapping(), FORM)
        except PolicyError as exc:
            self.tell(str(exc).replace(f" ({FORM})", ""))
            return
        try:
            path = save_policy(policy)
        except OSError as exc:
            reason = exc.strerror or self.tr("the folder refused it")
            self.tell(
                self.tr("The timescales policy could not be saved in {path} ({reason}).").format(
                    path=override_path(), reason=reason
                )
            )
            return
        self.saved = load_policy(path)
        self.accept()
