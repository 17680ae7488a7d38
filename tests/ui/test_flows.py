"""A chair's flows, driven through the real widgets on a real encrypted workspace."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from roth_desktop.app_settings import AppSettings
from roth_desktop.models import Conference, FamilyMember, YoungPerson
from roth_desktop.validation import format_date
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock, window_of
from ui.app import Controller
from ui.case_view import CaseView
from ui.forms import RecordDialog
from ui.main_window import MainWindow


def _saved(controller: Controller) -> Workspace:
    """The open workspace, once every queued edit has reached the disk."""
    controller.jobs.wait_idle()
    assert controller.workspace is not None
    return controller.workspace


def _fill(qtbot: QtBot, dialog: RecordDialog, **values: str) -> None:
    for name, text in values.items():
        widget = dialog.form.widgets[name]
        assert isinstance(widget, QLineEdit)
        widget.clear()
        qtbot.keyClicks(widget, text)


def _save(qtbot: QtBot, dialog: RecordDialog) -> None:
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def _closed(dialog: QDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _open_dialog(view: CaseView) -> RecordDialog | None:
    shown = [d for d in view.findChildren(RecordDialog) if d.isVisible()]
    return shown[0] if shown else None


def _select(qtbot: QtBot, window: MainWindow, name: str) -> None:
    row = next(r for r in window.case_list.model.rows if r.name == name)
    window.case_list.select(row.young_person_id)
    qtbot.waitUntil(
        lambda: (
            window.case_view.detail is not None
            and window.case_view.detail.young_person["id"] == row.young_person_id
        ),
        timeout=10000,
    )


def test_wrong_passphrase_is_explained_and_nothing_opens(
    qtbot: QtBot, controller: Controller
) -> None:
    unlock(qtbot, controller, "not the passphrase")
    message = controller.unlock_dialog.message
    qtbot.waitUntil(lambda: "does not open" in message.text(), timeout=10000)
    assert controller.window is None
    assert controller.locked
    assert controller.unlock_dialog.unlock_button.isEnabled()


def test_unlock_shows_every_young_person(unlocked: Controller) -> None:
    window = window_of(unlocked)
    names = sorted(r.name for r in window.case_list.model.rows)
    assert names == ["Kai Brennan", "Mira Haddad", "Tyler Marsh"]
    assert "Unlocked" in window.lock_state.text()


def test_search_and_filters_narrow_the_list(qtbot: QtBot, unlocked: Controller) -> None:
    panel = window_of(unlocked).case_list
    qtbot.keyClicks(panel.search, "mars")
    assert panel.proxy.rowCount() == 1
    assert panel.count.text() == "1 of 3 young people"
    panel.search.clear()
    panel.due.setCurrentIndex(panel.due.findData("none"))
    shown = {panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())}
    assert shown == {"Kai Brennan"}
    panel.due.setCurrentIndex(panel.due.findData("any"))
    panel.pathway.setCurrentIndex(panel.pathway.findData("early_help"))
    assert panel.proxy.rowCount() == 0


def test_create_young_person_with_validation(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(RecordDialog, "new_young_person_dialog")
    assert dialog is not None and dialog.isVisible()

    tomorrow = format_date(date.today() + timedelta(days=1))
    _fill(qtbot, dialog, first_name="Robin", last_name="Ashdown", date_of_birth=tomorrow)
    _save(qtbot, dialog)
    error = dialog.form.errors["date_of_birth"]
    qtbot.waitUntil(lambda: error.isVisible(), timeout=10000)
    assert "future" in error.text()
    assert dialog.isVisible()

    _fill(qtbot, dialog, date_of_birth="31/02/2012")
    _save(qtbot, dialog)
    assert "not a real date" in error.text()

    _fill(qtbot, dialog, date_of_birth="03/04/2011")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: _closed(dialog), timeout=10000)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 4, timeout=10000)
    with _saved(unlocked).session() as session:
        robin = session.query(YoungPerson).filter_by(last_name="Ashdown").one()
        assert robin.date_of_birth == date(2011, 4, 3)
    # The new young person is shown, ready to fill in.
    qtbot.waitUntil(lambda: "Robin Ashdown" in window.case_view.header.text(), timeout=10000)


def test_open_case_and_add_conference(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    view = window.case_view
    dialog = window.new_young_person()
    _fill(qtbot, dialog, first_name="Sol", last_name="Trevena", date_of_birth="12/09/2010")
    _save(qtbot, dialog)
    qtbot.waitUntil(
        lambda: view.detail is not None and "Trevena" in view.header.text(), timeout=10000
    )
    assert not view.open_case_button.isHidden()

    case_dialog = view.open_case()
    assert case_dialog is not None
    strategy = date.today() - timedelta(days=3)
    _fill(qtbot, case_dialog, strategy_discussion_on=format_date(strategy))
    _save(qtbot, case_dialog)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.case is not None, timeout=10000)

    view.add_conference()
    qtbot.waitUntil(lambda: _open_dialog(view) is not None, timeout=10000)
    conf_dialog = _open_dialog(view)
    assert conf_dialog is not None
    too_early = format_date(strategy - timedelta(days=2)) + " 10:00"
    _fill(qtbot, conf_dialog, starts_at=too_early, location="Fernleigh Civic Centre")
    _save(qtbot, conf_dialog)
    error = conf_dialog.form.errors["starts_at"]
    qtbot.waitUntil(lambda: error.isVisible(), timeout=10000)
    assert "strategy discussion" in error.text()

    _fill(qtbot, conf_dialog, starts_at=format_date(strategy + timedelta(days=14)) + " 10:00")
    _save(qtbot, conf_dialog)
    qtbot.waitUntil(lambda: _closed(conf_dialog), timeout=10000)
    qtbot.waitUntil(lambda: view.conferences.model.rowCount() == 1, timeout=10000)
    with _saved(unlocked).session() as session:
        conference = (
            session.query(Conference)
            .join(Conference.case)
            .filter(Conference.location == "Fernleigh Civic Centre")
            .one()
        )
        assert conference.kind.value == "initial"
        assert conference.case.young_person.last_name == "Trevena"


def test_inline_edit_autosaves_with_undo_and_redo(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    _select(qtbot, window, "Tyler Marsh")
    field = window.case_view.person_form.widgets["preferred_name"]
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClicks(field, "Ty")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field saves it; there is no Save button

    def preferred() -> str:
        with _saved(unlocked).session() as session:
            return session.query(YoungPerson).filter_by(last_name="Marsh").one().preferred_name

    qtbot.waitUntil(lambda: window.store.undo_stack.count() == 1, timeout=10000)
    assert preferred() == "Ty"
    qtbot.waitUntil(
        lambda: any(r.name == "Ty Marsh" for r in window.case_list.model.rows), timeout=10000
    )

    window.store.undo_stack.undo()
    assert preferred() == ""
    qtbot.waitUntil(lambda: field.text() == "", timeout=10000)
    window.store.undo_stack.redo()
    assert preferred() == "Ty"
    qtbot.waitUntil(lambda: field.text() == "Ty", timeout=10000)


def test_refused_inline_edit_keeps_saved_value(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    _select(qtbot, window, "Tyler Marsh")
    form = window.case_view.person_form
    field = form.widgets["nhs_number"]
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClicks(field, "1234567890")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: form.errors["nhs_number"].isVisible(), timeout=10000)
    assert "not valid" in form.errors["nhs_number"].text()
    assert window.store.undo_stack.count() == 0
    with _saved(unlocked).session() as session:
        assert session.query(YoungPerson).filter_by(last_name="Marsh").one().nhs_number == ""
    # The refused number stays on screen to be corrected; confirming it again is
    # refused again, never quietly taken as saved.
    assert field.text() == "1234567890"
    form.errors["nhs_number"].hide()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors["nhs_number"].isVisible(), timeout=10000)
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, "943 476 5919")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.store.undo_stack.count() == 1, timeout=10000)
    with _saved(unlocked).session() as session:
        stored = session.query(YoungPerson).filter_by(last_name="Marsh").one().nhs_number
        assert stored == "943 476 5919"


def test_family_member_add_and_remove_are_undoable(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    view = window.case_view
    _select(qtbot, window, "Kai Brennan")
    before = view.family.model.rowCount()
    dialog = view.add_family_member()
    assert dialog is not None
    _fill(qtbot, dialog, name="Aunt Morwenna", relationship_to_young_person="Aunt")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.family.model.rowCount() == before + 1, timeout=10000)
    window.store.undo_stack.undo()
    qtbot.waitUntil(lambda: view.family.model.rowCount() == before, timeout=10000)
    window.store.undo_stack.redo()
    qtbot.waitUntil(lambda: view.family.model.rowCount() == before + 1, timeout=10000)
    with _saved(unlocked).session() as session:
        assert session.query(FamilyMember).filter_by(name="Aunt Morwenna").count() == 1


def test_lock_hides_everything_drops_the_key_and_unlock_returns(
    qtbot: QtBot, unlocked: Controller
) -> None:
    window = window_of(unlocked)
    _select(qtbot, window, "Mira Haddad")
    workspace = unlocked.workspace
    assert workspace is not None
    key_buffer = workspace._key
    assert key_buffer is not None and any(key_buffer)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: unlocked.locked, timeout=10000)
    assert workspace.locked
    assert not any(key_buffer)  # the key bytes were overwritten, not just dropped
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [unlocked.unlock_dialog]

    unlock(qtbot, unlocked)
    qtbot.waitUntil(lambda: unlocked.window is not None, timeout=15000)
    view = window_of(unlocked).case_view
    qtbot.waitUntil(lambda: "Mira Haddad" in view.header.text(), timeout=10000)


def test_idle_time_locks_the_workspace(qtbot: QtBot, unlocked: Controller) -> None:
    unlocked.idle.timer.setInterval(200)  # the real default is 5 minutes
    unlocked.idle.timer.start()
    qtbot.waitUntil(lambda: unlocked.locked, timeout=10000)
    assert unlocked.window is None
    assert unlocked.unlock_dialog.isVisible()


def test_change_passphrase_from_the_app(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    dialog = window.change_passphrase()
    for name, text in (
        ("current_passphrase", PASSPHRASE),
        ("new_passphrase", "a new long phrase"),
        ("confirm_passphrase", "a new long phrase"),
    ):
        line = dialog.findChild(QLineEdit, name)
        assert line is not None
        qtbot.keyClicks(line, text)
    ok = dialog.buttons.buttons()[0]  # type: ignore[attr-defined]
    assert isinstance(ok, QPushButton)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _closed(dialog), timeout=10000)
    folder = _saved(unlocked).folder
    Workspace.open(folder, "a new long phrase").lock()


def test_locking_mid_edit_keeps_the_half_typed_words(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    _select(qtbot, window, "Kai Brennan")
    notes = window.case_view.person_form.widgets["communication_needs"]
    notes.setFocus()
    qtbot.keyClicks(notes, "Likes to draw while he talks")
    # Ctrl+L while the cursor is still in the box: no word may be lost.
    qtbot.keyClick(notes, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: unlocked.locked, timeout=10000)
    reopened = Workspace.open(window_of_folder(unlocked), PASSPHRASE)
    with reopened.session() as session:
        kai = session.query(YoungPerson).filter_by(last_name="Brennan").one()
        assert kai.communication_needs == "Likes to draw while he talks"
    reopened.lock()


def window_of_folder(controller: Controller) -> Path:
    folder = controller.unlock_dialog.folder
    assert folder is not None
    return folder


def test_auto_lock_time_is_configurable_and_remembered(unlocked: Controller) -> None:
    unlocked.set_idle_minutes(12)
    assert unlocked.idle.timer.interval() == 12 * 60_000
    assert "12 idle minutes" in window_of(unlocked).lock_state.text()
    assert AppSettings.load().idle_lock_minutes == 12


def test_repeated_wrong_passphrases_are_slowed_and_the_wait_is_explained(
    qtbot: QtBot, controller: Controller
) -> None:
    dialog = controller.unlock_dialog
    for _ in range(3):  # three free tries, each refused
        unlock(qtbot, controller, "not the passphrase")
        qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled(), timeout=10000)
        assert "does not open" in dialog.message.text()
    unlock(qtbot, controller, "still not the passphrase")
    assert "each try waits 1 second." in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled(), timeout=15000)
    assert controller.locked
