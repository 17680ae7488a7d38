"""The Timescales policy… window, as a local authority admin would use it.

Every test has its own config folder (``isolated_dirs`` in tests/conftest.py sets
ROTH_DESKTOP_CONFIG_DIR), so saving here never touches a real policy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from roth_desktop.timescales.policy import (
    Interval,
    default_policy,
    load_policy,
    override_path,
    save_policy,
)
from tests.ui.test_accessibility import _unnamed
from ui.policy_dialog import PolicyDialog

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QListWidget)


@pytest.fixture
def dialog(qtbot: QtBot) -> PolicyDialog:
    window = PolicyDialog()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _save(qtbot: QtBot, dialog: PolicyDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_opens_on_the_national_defaults(dialog: PolicyDialog) -> None:
    assert not override_path().exists()
    assert dialog.region.currentData() == "england"
    assert dialog.initial.value() == 15
    assert dialog.review_interval.value() == {"count": 6, "unit": "weeks"}
    assert dialog.closures.count() == 0
    assert dialog.message.text() == ""


def test_a_three_month_review_interval_is_saved(qtbot: QtBot, dialog: PolicyDialog) -> None:
    dialog.review_interval.count.setValue(3)
    dialog.review_interval.unit.setCurrentIndex(dialog.review_interval.unit.findData("months"))
    _save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    policy = load_policy()
    assert policy.review_interval == Interval(3, "months")
    assert policy.source == str(override_path())
    # Everything else is as it was.
    assert policy == default_policy().merged(
        {"review_interval": {"count": 3, "unit": "months"}}, ""
    )
    assert dialog.saved == policy


def test_a_seven_month_interval_is_refused_and_nothing_is_written(
    qtbot: QtBot, dialog: PolicyDialog
) -> None:
    dialog.review_interval.count.setValue(7)
    dialog.review_interval.unit.setCurrentIndex(dialog.review_interval.unit.findData("months"))
    _save(qtbot, dialog)
    assert (
        dialog.message.text()
        == "Reviews must be no more than 6 months apart; 7 months is too long."
    )
    assert dialog.message.accessibleName() == dialog.message.text()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert not override_path().exists()
    assert dialog.saved is None


def test_a_refusal_leaves_the_saved_policy_as_it_was(
    qtbot: QtBot, isolated_dirs: dict[str, Path]
) -> None:
    save_policy(default_policy().merged({"visit_interval_days": 10}, "test"))
    before = override_path().read_bytes()
    dialog = PolicyDialog()
    qtbot.addWidget(dialog)
    assert dialog.visits.value() == 10  # the window opens on the saved policy
    dialog.initial.setValue(20)
    _save(qtbot, dialog)
    assert dialog.message.text() == (
        "The initial conference limit cannot be more than 15 working days after the "
        "strategy discussion."
    )
    assert override_path().read_bytes() == before
    assert sorted(p.name for p in isolated_dirs["config"].iterdir()) == ["timescales.json"]


def test_closure_days_region_and_the_rest_round_trip(qtbot: QtBot, dialog: PolicyDialog) -> None:
    dialog.region.setCurrentIndex(dialog.region.findData("wales"))
    for day in (date(2026, 12, 31), date(2026, 12, 29), date(2026, 12, 30)):
        dialog.closure_date.setDate(QDate(day.year, day.month, day.day))
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Added 30/12/2026."
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "30/12/2026 is already a closure day."
    assert dialog.closure_days() == [date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)]
    assert dialog.closures.item(0).text() == "Tuesday 29/12/2026"
    dialog.closures.clearSelection()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "Choose the closure days to remove" in dialog.message.text()
    dialog.closures.item(2).setSelected(True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.closure_days() == [date(2026, 12, 29), date(2026, 12, 30)]
    dialog.initial.setValue(12)
    dialog.core_group.setValue(8)
    dialog.first_review.count.setValue(2)
    dialog.first_review.unit.setCurrentIndex(dialog.first_review.unit.findData("months"))
    dialog.interim.setValue(20)
    dialog.visits.setValue(10)
    dialog.transition.setValue(9)
    dialog.past_18.setChecked(True)
    dialog.due_soon.setValue(21)
    _save(qtbot, dialog)
    policy = load_policy()
    assert policy.region == "wales"
    assert policy.closures == frozenset({date(2026, 12, 29), date(2026, 12, 30)})
    assert policy.calendar.working_days_between(date(2026, 12, 28), date(2027, 1, 4)) == 2
    assert (policy.initial_conference_working_days, policy.core_group_working_days) == (12, 8)
    assert policy.first_review == Interval(2, "months")
    assert policy.interim_review_working_days == 20
    assert (policy.visit_interval_days, policy.transition_warning_months) == (10, 9)
    assert policy.plan_may_continue_past_18 and policy.due_soon_days == 21


def test_a_broken_policy_file_is_named_and_the_defaults_shown(
    qtbot: QtBot, isolated_dirs: dict[str, Path]
) -> None:
    (isolated_dirs["config"] / "timescales.json").write_text("{not json", "utf-8")
    dialog = PolicyDialog()
    qtbot.addWidget(dialog)
    assert dialog.message.text() == (
        f"The timescales policy {override_path()} is not valid JSON. The national defaults "
        "are shown; saving replaces the file."
    )
    assert dialog.mapping()["initial_conference_working_days"] == 15
    _save(qtbot, dialog)  # saving the defaults mends the file
    assert load_policy() == default_policy()


def test_restore_national_defaults_saves_nothing_until_asked(
    qtbot: QtBot, dialog: PolicyDialog
) -> None:
    dialog.visits.setValue(3)
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.visits.value() == 7
    assert not override_path().exists()


def test_every_control_is_named_and_reachable_by_keyboard(dialog: PolicyDialog) -> None:
    assert _unnamed(dialog) == []
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisible() and not _in_combo(w)
    ]
    assert len(controls) >= 18
    for control in controls:
        assert control.accessibleName().strip(), control.objectName()
    # Tab reaches every control.
    reached: set[int] = set()
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog and len(reached) < 500:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
            reached.add(id(widget))
        widget = widget.nextInFocusChain()
    missing = [c.objectName() for c in controls if id(_focus_target(c)) not in reached]
    assert missing == []
    # Each field's label has its own Alt+letter, which moves focus to the field.
    letters = []
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None:
            text = label.text()
            assert "&" in text, text
            letters.append(text[text.index("&") + 1].lower())
    buttons = [b.text() for b in dialog.findChildren(QAbstractButton) if "&" in b.text()]
    letters += [text[text.index("&") + 1].lower() for text in buttons]
    assert len(letters) == len(set(letters)), letters


def _in_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _focus_target(widget: QWidget) -> QWidget:
    return widget.focusProxy() or widget
