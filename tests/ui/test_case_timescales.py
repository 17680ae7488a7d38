"""The case view's Timescales tab: deadlines, visits and turning 18, on a real workspace."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from roth_desktop.models import (
    Case,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    DeadlineKind,
    Pathway,
    TransitionRoute,
    Visit,
    YoungPerson,
)
from roth_desktop.timescales.policy import add_months
from roth_desktop.validation import format_date, today
from roth_desktop.workspace import Workspace
from tests.ui.conftest import answer_start_offer, window_of
from ui.app import Controller
from ui.case_timescales import CaseTimescalesTab
from ui.case_view import CaseView
from ui.console.pages import NextStepsPage, conference_due
from ui.forms import RecordDialog
from ui.missed_reason import MissedReasonDialog

WAIT = 15000


def _saved(controller: Controller) -> Workspace:
    controller.jobs.wait_idle()
    assert controller.workspace is not None
    return controller.workspace


def _show(qtbot: QtBot, controller: Controller, name: str) -> CaseTimescalesTab:
    """Select a young person and open their Timescales tab, once it has been counted."""
    window = window_of(controller)
    qtbot.waitUntil(lambda: any(r.name == name for r in window.case_list.model.rows), timeout=WAIT)
    row = next(r for r in window.case_list.model.rows if r.name == name)
    window.case_list.select(row.young_person_id)
    view = window.case_view
    view.tabs.setCurrentWidget(view.timescales)
    tab = view.timescales
    qtbot.waitUntil(
        lambda: (
            tab.data is not None
            and view.detail is not None
            and view.detail.case is not None
            and tab.data.case["id"] == view.detail.case["id"]
        ),
        timeout=WAIT,
    )
    return tab


def _due(tab: CaseTimescalesTab, kind: DeadlineKind) -> date | None:
    assert tab.data is not None
    found = [i.due_on for i in tab.data.items if i.kind == kind]
    return found[0] if found else None


def _dialog(qtbot: QtBot, parent: CaseTimescalesTab | CaseView, name: str) -> RecordDialog:
    def shown() -> list[RecordDialog]:
        return [d for d in parent.findChildren(RecordDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=WAIT)
    dialog = shown()[0]
    assert dialog.objectName() == name
    return dialog


def _type(qtbot: QtBot, dialog: RecordDialog, **values: str) -> None:
    for name, text in values.items():
        widget = dialog.form.widgets[name]
        assert isinstance(widget, QLineEdit | QPlainTextEdit)
        widget.clear()
        qtbot.keyClicks(widget, text)


def _save(qtbot: QtBot, dialog: RecordDialog) -> None:
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=WAIT)


def test_recording_a_visit_moves_the_next_visit_deadline(
    qtbot: QtBot, unlocked: Controller
) -> None:
    tab = _show(qtbot, unlocked, "Mira Haddad")
    before = _due(tab, DeadlineKind.VISIT)
    assert before is not None and before != today() + timedelta(days=7)
    visits = tab.visits.model.rowCount()

    seen = today()  # the latest visit there can be, so the next one counts from it
    tab.add_visit()
    dialog = _dialog(qtbot, tab, "visit_dialog")
    _type(
        qtbot,
        dialog,
        visited_on=format_date(seen),
        place="Fernleigh College library",
        who_seen="Mira",
    )
    alone = dialog.form.widgets["seen_alone"]
    assert isinstance(alone, QCheckBox)
    alone.setChecked(True)
    _save(qtbot, dialog)

    # The next visit falls due 7 days (the national default) after the one recorded.
    qtbot.waitUntil(lambda: _due(tab, DeadlineKind.VISIT) == seen + timedelta(days=7), timeout=WAIT)
    qtbot.waitUntil(lambda: tab.visits.model.rowCount() == visits + 1, timeout=WAIT)
    assert tab.visits.model.rows[0]["place"] == "Fernleigh College library"  # latest first
    with _saved(unlocked).session() as session:
        visit = session.query(Visit).filter_by(place="Fernleigh College library").one()
        assert visit.visited_on == seen
        assert visit.seen_alone and visit.young_person_seen
        assert visit.case.young_person.last_name == "Haddad"

    # A visit cannot be recorded before it has happened: the dialog says so and stays.
    tab.add_visit()
    dialog = _dialog(qtbot, tab, "visit_dialog")
    _type(qtbot, dialog, visited_on=format_date(today() + timedelta(days=1)))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    error = dialog.form.errors["visited_on"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT)
    assert "future" in error.text()
    dialog.close()

    # Removing the visit puts the deadline back; undo brings it back again.
    tab.visits.view.selectRow(0)
    tab.remove_visit()
    qtbot.waitUntil(lambda: _due(tab, DeadlineKind.VISIT) == before, timeout=WAIT)
    window_of(unlocked).store.undo_stack.undo()
    qtbot.waitUntil(lambda: _due(tab, DeadlineKind.VISIT) == seen + timedelta(days=7), timeout=WAIT)


def _turning_18_soon(qtbot: QtBot, controller: Controller) -> CaseTimescalesTab:
    """Kai, with a date of birth that makes him 18 in four months."""
    tab = _show(qtbot, controller, "Kai Brennan")
    view = window_of(controller).case_view
    assert view.detail is not None
    born = add_months(today(), 4 - 18 * 12)
    if view.detail.young_person["date_of_birth"] != born:
        window_of(controller).store.set_field(
            "young_person", view.detail.young_person["id"], "date_of_birth", born, "date of birth"
        )
    qtbot.waitUntil(lambda: tab.data is not None and tab.data.date_of_birth == born, timeout=WAIT)
    assert not tab.transition_form.isHidden()
    assert "in 4 months" in tab.birthday.text() or "in 3 months" in tab.birthday.text()
    return tab


def test_turning_18_waits_for_the_warning_window(qtbot: QtBot, unlocked: Controller) -> None:
    tab = _show(qtbot, unlocked, "Tyler Marsh")  # 15: years to go
    assert tab.transition_form.isHidden()
    assert "Transition planning starts here on" in tab.birthday.text()
    assert "6 months before" in tab.birthday.text()


def test_a_transition_route_is_saved_and_read_back(qtbot: QtBot, unlocked: Controller) -> None:
    tab = _turning_18_soon(qtbot, unlocked)
    assert _due(tab, DeadlineKind.TURNS_18) is not None
    combo = tab.transition_form.widgets["transition_leaving_care"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(0), combo.itemData(0)] == ["Not decided yet", ""]
    assert combo.currentData() != TransitionRoute.IN_PLACE.value
    combo.setCurrentIndex(combo.findData(TransitionRoute.IN_PLACE.value))
    combo.activated.emit(combo.currentIndex())

    def saved_route() -> TransitionRoute | None:
        with _saved(unlocked).session() as session:
            kai = session.query(YoungPerson).filter_by(last_name="Brennan").one()
            (case,) = kai.cases
            return case.transition_leaving_care

    qtbot.waitUntil(lambda: saved_route() == TransitionRoute.IN_PLACE, timeout=WAIT)
    qtbot.waitUntil(
        lambda: tab.data is not None and tab.data.case["transition_leaving_care"] == "in_place",
        timeout=WAIT,
    )
    assert combo.currentText() == "In place" and tab.data is not None
    item = next(i for i in tab.data.items if i.kind == DeadlineKind.TURNS_18)
    missing = item.detail.split("still to decide:")[1] if "still to decide:" in item.detail else ""
    assert "leaving care" not in missing

    # Back to "Not decided yet" is stored as no decision, not as a route.
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    qtbot.waitUntil(lambda: saved_route() is None, timeout=WAIT)


def test_continuing_past_18_is_refused_when_local_policy_does_not_allow_it(
    qtbot: QtBot, unlocked: Controller
) -> None:
    tab = _turning_18_soon(qtbot, unlocked)
    undo = window_of(unlocked).store.undo_stack
    edits = undo.count()
    assert "plans may not continue past 18" in tab.birthday.text()
    check = tab.transition_form.widgets["continues_past_18"]
    assert isinstance(check, QCheckBox)
    check.setChecked(True)
    error = tab.transition_form.errors["continues_past_18"]
    assert not error.isHidden()
    assert "national defaults" in error.text()
    assert "does not allow a plan to continue past 18" in error.text()
    assert not check.isChecked()
    with _saved(unlocked).session() as session:
        kai = session.query(YoungPerson).filter_by(last_name="Brennan").one()
        assert not kai.cases[0].continues_past_18
    assert undo.count() == edits


def test_interim_review_reason_on_a_conference_adds_an_interim_review(
    qtbot: QtBot, unlocked: Controller
) -> None:
    # A case of our own on fixed dates, so the working days can be counted by hand.
    workspace = _saved(unlocked)
    with workspace.session() as session:
        rowan = YoungPerson(first_name="Rowan", last_name="Pellow", date_of_birth=date(2011, 5, 14))
        case = Case(
            young_person=rowan,
            pathway=Pathway.ROTH,
            opened_on=date(2026, 2, 16),
            strategy_discussion_on=date(2026, 2, 16),
        )
        session.add_all([rowan, case])
        session.add(
            Conference(
                case=case,
                kind=ConferenceKind.INITIAL,
                starts_at=datetime(2026, 3, 2, 10),  # Monday 2 March 2026
                location="Fernleigh Civic Centre",
                significant_harm=True,
                outcome=ConferenceOutcome.ROTH_PLAN,
            )
        )
    window = window_of(unlocked)
    window.store.changed.emit()
    tab = _show(qtbot, unlocked, "Rowan Pellow")
    assert _due(tab, DeadlineKind.INTERIM_REVIEW) is None

    view = window.case_view
    page = view.conferences.parentWidget()
    assert page is not None
    view.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: view.conferences.selected() is not None, timeout=WAIT)
    view.edit_conference()
    dialog = _dialog(qtbot, view, "record_dialog")
    reason = dialog.form.widgets["interim_review_reason"]
    assert isinstance(reason, QPlainTextEdit)
    assert "15 working days" in reason.accessibleDescription()
    _type(qtbot, dialog, interim_review_reason="Exploitation by an older group is escalating.")
    _save(qtbot, dialog)
    view.tabs.setCurrentWidget(tab)  # counted again when it is shown, not while hidden

    # 15 working days after Monday 2 March 2026, with no bank holiday in March 2026:
    # 3-6 March (4), 9-13 March (9), 16-20 March (14), Monday 23 March (15).
    expected = date(2026, 3, 23)
    qtbot.waitUntil(lambda: _due(tab, DeadlineKind.INTERIM_REVIEW) == expected, timeout=WAIT)
    row = next(r for r in tab.deadlines.model.rows if r["what"] == "Interim review")
    assert row["due_on"] == expected
    assert "Exploitation by an older group" in row["detail"]
    with _saved(unlocked).session() as session:
        conference = session.query(Conference).filter_by(location="Fernleigh Civic Centre").one()
        assert conference.interim_review_reason.startswith("Exploitation")


def test_console_due_dates_come_from_the_timescales_policy() -> None:
    due = conference_due(ConferenceKind.INITIAL, date(2026, 3, 2))
    # 10 working days after Monday 2 March 2026: 3-6 (4), 9-13 (9), Monday 16 March (10).
    assert due.core_group == date(2026, 3, 16)
    # 6 weeks later is Monday 13 April 2026, a working day (Easter Monday is 6 April).
    assert due.review == date(2026, 4, 13)
    later = conference_due(ConferenceKind.REVIEW, date(2026, 3, 2))
    assert later.core_group is None  # a review starts no plan, so no first core group


def test_console_next_steps_show_the_due_dates_beside_the_typed_ones(
    qtbot: QtBot, unlocked: Controller
) -> None:
    window = window_of(unlocked)
    row = next(r for r in window.case_list.model.rows if r.name == "Tyler Marsh")
    window.case_list.select(row.young_person_id)
    view = window.case_view
    qtbot.waitUntil(lambda: view.conferences.model.rowCount() > 0, timeout=WAIT)
    view.conferences.view.selectRow(0)
    console = view.run_conference()
    assert console is not None
    answer_start_offer(qtbot, console)
    qtbot.waitUntil(lambda: console.data is not None and console.step_key != "", timeout=WAIT)
    assert console.data is not None
    held_on = console.data.conference["starts_at"].date()
    console.go_to("next_steps")
    page = console.pages.currentWidget()
    assert isinstance(page, NextStepsPage)
    qtbot.waitUntil(lambda: not page.review_due.isHidden(), timeout=WAIT)
    due = conference_due(ConferenceKind.INITIAL, held_on)
    assert due.core_group is not None
    assert page.core_group_due.text().startswith(
        f"First core group due by {format_date(due.core_group)} (10 working days"
    )
    assert page.review_due.text().startswith(f"Review due by {format_date(due.review)} (6 weeks")
    assert page.review_due.accessibleName() == page.review_due.text()

    # A review booked after it is due is shown as exactly that.
    late = format_date(due.review + timedelta(days=7))
    field = page.form.widgets["review_on"]
    assert isinstance(field, QLineEdit)
    field.setText(late)
    field.editingFinished.emit()
    qtbot.waitUntil(lambda: "after it is due" in page.review_due.text(), timeout=WAIT)
    console.close()


def test_why_a_deadline_was_missed_is_recorded_from_the_tab(
    qtbot: QtBot, unlocked: Controller
) -> None:
    tab = _show(qtbot, unlocked, "Mira Haddad")
    assert not tab.missed_button.isEnabled()  # nothing chosen yet
    row = next(n for n, r in enumerate(tab.deadlines.model.rows) if r["item"].needs_reason)
    item = tab.deadlines.model.rows[row]["item"]
    tab.deadlines.view.selectRow(row)
    assert tab.missed_button.isEnabled()
    dialog = tab.record_missed_reason()
    assert isinstance(dialog, MissedReasonDialog)
    qtbot.keyClicks(dialog.reason, "The worker was off sick and cover was not arranged.")
    dialog.save()

    def reason() -> str:
        assert tab.data is not None
        found = [
            i.reason for i in tab.data.items if (i.kind, i.source_id) == (item.kind, item.source_id)
        ]
        return found[0] if found else ""

    qtbot.waitUntil(lambda: reason().startswith("The worker was off sick"), timeout=WAIT)
    shown = next(r for r in tab.deadlines.model.rows if r["item"].reason)
    assert "Reason recorded: The worker was off sick" in shown["detail"]
