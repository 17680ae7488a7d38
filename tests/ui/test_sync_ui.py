"""Sync from the app: the status bar, Sync now and the conflicts view, on real teams.

Every team here is real: encrypted workspaces enrolled in one team that sync
through a shared folder (``tests/helpers/sync_team.py``). Conflicts are made the
way they happen: two laptops change the same thing before either has synced.
Everyone in them is invented.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from roth_desktop import edits
from roth_desktop.app_settings import AppSettings
from roth_desktop.models import (
    Case,
    Conference,
    ConferenceKind,
    MinuteEntry,
    YoungPerson,
)
from roth_desktop.sync import conflicts, engine, settings
from roth_desktop.sync.status import sync_status
from roth_desktop.workspace import Workspace
from tests.helpers.sync_team import Team, build_team, copy_team
from tests.ui.conftest import unlock, window_of
from tests.ui.test_accessibility import INTERACTIVE, _unnamed
from ui.app import Controller
from ui.conflicts_view import NO_CONFLICTS, ConflictsDialog
from ui.main_window import MainWindow
from ui.sync_run import NOT_IN_TEAM_MESSAGE, SyncRun
from ui.sync_status import NOT_IN_TEAM, status_words

WAIT = 30000
# Pictures for a person to look at, beside the main window's (artifacts/ is ignored by git).
SCREENSHOTS = Path(
    os.environ.get("ROTH_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "artifacts"
)


def _screenshot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


# Two people's minutes of the same discussion, each long enough to be free text that
# must never be merged line by line.
BASE_MINUTE = (
    "Kai spoke about the weekends at the retail park and who he meets there.\n\n"
    "School said attendance has improved since half term."
)
CHAIR_MINUTE = (
    "Kai spoke about the weekends at the retail park and who he meets there. He said the "
    "older lads give him lifts home and he does not feel he can say no.\n\n"
    "School said attendance has improved since half term; Mira Okafor, his form tutor, "
    "will keep the lunchtime club going until Easter.\n\n"
    "Mum said she is worried about the new phone nobody has paid for."
)
WORKER_MINUTE = (
    "Kai talked about weekends at the retail park. He told us some older young people "
    "drive him home and it is hard to refuse.\n\n"
    "School reported better attendance since half term.\n\n"
    "Mum raised the new phone: she does not know where it came from and wants help "
    "asking him about it without an argument."
)


# -- a team, and the app open on one of its laptops ----------------------------------------
@pytest.fixture(scope="module")
def team_template(tmp_path_factory: pytest.TempPathFactory) -> Team:
    """Built once (two Argon2id workspaces and an enrolment), copied for each test."""
    base = tmp_path_factory.mktemp("sync_team")
    with pytest.MonkeyPatch.context() as patch:
        # Outside the per-test isolation: keep the unlock throttle's file in here too.
        for name, variable in (
            ("config", "ROTH_DESKTOP_CONFIG_DIR"),
            ("state", "ROTH_DESKTOP_STATE_DIR"),
            ("tmp", "TMPDIR"),
        ):
            (base / name).mkdir()
            patch.setenv(variable, str(base / name))
        return build_team(base / "team", 2)


@pytest.fixture
def team(team_template: Team, tmp_path: Path) -> Team:
    return copy_team(team_template, tmp_path / "copy")


OpenApp = Callable[[Path], MainWindow]


@pytest.fixture
def open_app(qapp: QApplication, qtbot: QtBot) -> Iterator[OpenApp]:
    """Unlock a workspace in the real app and wait for its first sync status."""
    made: list[Controller] = []

    def start(folder: Path) -> MainWindow:
        controller = Controller(qapp, folder, AppSettings())
        made.append(controller)
        controller.start()
        unlock(qtbot, controller)
        qtbot.waitUntil(lambda: controller.window is not None, timeout=WAIT)
        window = window_of(controller)
        qtbot.waitUntil(lambda: window.sync_status.status is not None, timeout=WAIT)
        return window

    yield start
    for controller in made:
        controller.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


def _workspace(window: MainWindow) -> Workspace:
    """The app's own workspace, read from the test once the worker is idle."""
    window.store.jobs.wait_idle()
    return window.store.workspace


def _young_person(session: Session, first: str, last: str) -> str:
    person = YoungPerson(first_name=first, last_name=last)
    session.add(person)
    session.flush()
    return person.id


def _make_conflict(
    team: Team, create: Callable[[Session], str], table: str, field: str, mine: str, theirs: str
) -> str:
    """Laptop 0 makes a record and both sync; then each changes ``field`` its own way."""
    with team.open(0) as chair, team.open(1) as worker:
        with chair.session() as session:
            record_id = create(session)
        engine.sync(chair)
        engine.sync(worker)
        with chair.session() as session:
            edits.set_field(session, table, record_id, field, mine)
        with worker.session() as session:
            edits.set_field(session, table, record_id, field, theirs)
        for laptop in (chair, worker, chair):
            engine.sync(laptop)
        for laptop in (chair, worker):
            with laptop.session() as session:
                assert conflicts.count(session) == 1
    return record_id


def _kai(session: Session) -> str:
    return _young_person(session, "Kai", "Brennan")


def _minute(session: Session) -> str:
    person = _young_person(session, "Kai", "Brennan")
    case = Case(young_person_id=person, opened_on=date.today() - timedelta(days=20))
    session.add(case)
    session.flush()
    meeting = Conference(
        case_id=case.id,
        kind=ConferenceKind.INITIAL,
        starts_at=datetime.combine(date.today() - timedelta(days=2), datetime.min.time()),
    )
    session.add(meeting)
    session.flush()
    minute = MinuteEntry(conference_id=meeting.id, step_key="discussion", text=BASE_MINUTE)
    session.add(minute)
    session.flush()
    return minute.id


def _sync_in_app(qtbot: QtBot, window: MainWindow) -> SyncRun:
    qtbot.mouseClick(window.sync_status.sync_button, Qt.MouseButton.LeftButton)
    run = window.sync_run
    assert run is not None
    qtbot.waitUntil(lambda: run.done, timeout=WAIT)
    assert run.error == "", run.error
    return run


def _open_conflicts(qtbot: QtBot, window: MainWindow) -> ConflictsDialog:
    qtbot.waitUntil(lambda: "conflict" in window.sync_status.text, timeout=WAIT)
    # The status bar's words are the way in when there are conflicts.
    qtbot.mouseClick(window.sync_status.summary, Qt.MouseButton.LeftButton)
    dialog = window.conflicts_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.loaded_once and len(dialog.version_boxes) > 0, timeout=WAIT)
    # New columns are shown on the next pass of the event loop.
    qtbot.waitUntil(lambda: all(box.isVisible() for box in dialog.version_boxes), timeout=WAIT)
    return dialog


# -- the status bar ------------------------------------------------------------------------
def test_status_counts_changes_to_send_read_back_from_the_workspace(
    qtbot: QtBot, team: Team, open_app: OpenApp
) -> None:
    window = open_app(team.workspaces[0])
    assert window.sync_status.text.startswith("Synced ")  # the team was made with a sync
    assert "to send" not in window.sync_status.text

    window.store.create(
        "young_person", {"first_name": "Mira", "last_name": "Okafor"}, "young person"
    )
    qtbot.waitUntil(lambda: "to send" in window.sync_status.text, timeout=WAIT)
    with _workspace(window).session() as session:
        status = sync_status(session)
    assert status.pending_changes >= 1
    assert window.sync_status.text == status_words(status)
    assert f"{status.pending_changes} change" in window.sync_status.text
    assert window.sync_status.summary.accessibleName() == f"Sync status: {status_words(status)}"


def test_status_shows_a_real_conflict(qtbot: QtBot, team: Team, open_app: OpenApp) -> None:
    _make_conflict(team, _kai, "young_person", "first_name", "Kye", "Kaiden")
    window = open_app(team.workspaces[0])
    qtbot.waitUntil(lambda: "1 conflict" in window.sync_status.text, timeout=WAIT)
    with _workspace(window).session() as session:
        assert sync_status(session).conflicts == 1
    qtbot.waitUntil(
        lambda: window.sync_status.summary.width() >= window.sync_status.summary.sizeHint().width(),
        timeout=WAIT,
    )  # the status bar lays itself out again on the next pass of the event loop
    _screenshot(window.statusBar(), "sync-status.png")
    # The dashboard says so too, with a way to the conflicts view.
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.conflicts_row.isVisibleTo(window), timeout=WAIT)
    assert dashboard.conflicts_line.text() == "1 sync conflict to resolve"
    qtbot.mouseClick(dashboard.conflicts_button, Qt.MouseButton.LeftButton)
    assert window.conflicts_dialog is not None and window.conflicts_dialog.isVisible()


# -- Sync now ------------------------------------------------------------------------------
def test_sync_now_brings_in_the_other_laptops_record(
    qtbot: QtBot, team: Team, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real_sync = engine.sync

    def watched(*args: Any, **kwargs: Any) -> engine.SyncReport:
        threads.append(threading.current_thread().name)
        return real_sync(*args, **kwargs)

    monkeypatch.setattr(engine, "sync", watched)
    with team.open(1) as worker:
        with worker.session() as session:
            mira = _young_person(session, "Mira", "Okafor")
        engine.sync(worker)
    window = open_app(team.workspaces[0])
    with _workspace(window).session() as session:
        before = sync_status(session).last_sync
        assert session.get(YoungPerson, mira) is None
    assert before is not None

    run = _sync_in_app(qtbot, window)
    assert run.report is not None and run.report.received == 1
    # On the storage worker, the one thread every read and edit uses: never the UI's.
    assert threads[-1].startswith("roth-db")
    assert "applied 1" in window.statusBar().currentMessage()
    with _workspace(window).session() as session:
        arrived = session.get(YoungPerson, mira)
        assert arrived is not None and arrived.first_name == "Mira"
        status = sync_status(session)
    assert status.last_sync is not None and status.last_sync > before
    qtbot.waitUntil(lambda: window.sync_status.text == status_words(status), timeout=WAIT)
    assert window.sync_status.text.startswith("Synced ")
    # Every view reloaded: the case list has her now.
    qtbot.waitUntil(
        lambda: any(r.young_person_id == mira for r in window.case_list.model.rows), timeout=WAIT
    )
    assert window.sync_action.isEnabled()


# -- the conflicts view ---------------------------------------------------------------------
def test_keep_the_version_not_shown_and_it_reaches_the_other_laptop(
    qtbot: QtBot, team: Team, open_app: OpenApp
) -> None:
    kai = _make_conflict(team, _kai, "young_person", "first_name", "Kye", "Kaiden")
    window = open_app(team.workspaces[0])
    with _workspace(window).session() as session:
        (conflict,) = conflicts.list_conflicts(session)
        shown_now = session.get_one(YoungPerson, kai).first_name
    values = [v.value for v in conflict.versions]
    assert sorted(values) == ["Kaiden", "Kye"] and shown_now == values[-1]
    other = values[0]  # the version the record is not showing

    dialog = _open_conflicts(qtbot, window)
    assert dialog.model.rowCount() == 1
    # The record shows the newest version until someone chooses, its name included.
    assert dialog.title.text() == f"Young person: {shown_now} Brennan (KB), First name"
    # Side by side: one box per version, each holding its whole value.
    assert [box.toPlainText() for box in dialog.version_boxes] == values
    assert dialog.base_short.text() == "Kai"  # "Before either change"
    assert len(dialog.keep_buttons) == 2 and dialog.edit_buttons == []  # a name is no essay
    _screenshot(dialog, "conflicts-name.png")

    # Enter on the focused button answers, as a click would.
    qtbot.keyClick(dialog.keep_buttons[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=WAIT)
    assert dialog.empty.text() == NO_CONFLICTS
    with _workspace(window).session() as session:
        assert session.get_one(YoungPerson, kai).first_name == other
        assert conflicts.count(session) == 0
    qtbot.waitUntil(lambda: "conflict" not in window.sync_status.text, timeout=WAIT)

    # An answer is an edit like any other: undone, and done again.
    def first_name() -> str:
        with _workspace(window).session() as session:
            return session.get_one(YoungPerson, kai).first_name

    window.store.undo_stack.undo()
    qtbot.waitUntil(lambda: first_name() == shown_now, timeout=WAIT)
    window.store.undo_stack.redo()
    qtbot.waitUntil(lambda: first_name() == other, timeout=WAIT)

    _sync_in_app(qtbot, window)
    with team.open(1) as worker:
        engine.sync(worker)
        with worker.session() as session:
            assert session.get_one(YoungPerson, kai).first_name == other
            assert conflicts.count(session) == 0


def test_long_minutes_are_shown_whole_side_by_side_and_can_be_merged(
    qtbot: QtBot, team: Team, open_app: OpenApp
) -> None:
    minute = _make_conflict(team, _minute, "minute_entry", "text", CHAIR_MINUTE, WORKER_MINUTE)
    window = open_app(team.workspaces[0])
    dialog = _open_conflicts(qtbot, window)
    row = dialog.selected()
    assert row is not None and row.free_text
    assert row.title == "Minute: Kai Brennan (KB), Minute text"
    texts = [box.toPlainText() for box in dialog.version_boxes]
    assert sorted(texts) == sorted([CHAIR_MINUTE, WORKER_MINUTE])  # whole, never interleaved
    assert all(isinstance(box, QPlainTextEdit) and box.isReadOnly() for box in dialog.version_boxes)
    boxes = dialog.version_boxes
    left, right = (box.mapTo(dialog, QPoint(0, 0)) for box in boxes)
    assert left.x() + boxes[0].width() <= right.x() and left.y() == right.y()  # side by side
    assert dialog.base_box.isVisibleTo(dialog) and dialog.base_box.toPlainText() == BASE_MINUTE
    assert len(dialog.edit_buttons) == 2
    dialog.resize(1100, 720)
    qtbot.wait(50)
    _screenshot(dialog, "conflicts.png")

    qtbot.mouseClick(dialog.edit_buttons[0], Qt.MouseButton.LeftButton)
    merge = dialog.merge
    assert merge is not None and merge.value() == texts[0]
    assert _unnamed(merge) == []
    merged = texts[0] + "\n\nAdded from the other minute: Mum wants help asking about the phone."
    merge.text.setPlainText(merged)
    qtbot.mouseClick(merge.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=WAIT)
    with _workspace(window).session() as session:
        assert session.get_one(MinuteEntry, minute).text == merged
        assert conflicts.count(session) == 0


def test_every_control_in_the_conflicts_view_is_named_and_in_tab_order(
    qtbot: QtBot, team: Team, open_app: OpenApp
) -> None:
    _make_conflict(team, _minute, "minute_entry", "text", CHAIR_MINUTE, WORKER_MINUTE)
    window = open_app(team.workspaces[0])
    dialog = _open_conflicts(qtbot, window)
    assert _unnamed(dialog) == []
    reachable = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and w.isVisibleTo(dialog) and w.focusPolicy()
    ]
    for widget in reachable:
        if isinstance(widget, QAbstractButton | QPlainTextEdit):
            assert widget.accessibleDescription(), widget.objectName()
    # Tab goes list → base text → version 1 and its buttons → version 2 and its buttons → Close.
    expected: list[QWidget] = [dialog.table, dialog.base_box]
    for n, box in enumerate(dialog.version_boxes):
        expected += [box, dialog.keep_buttons[n], dialog.edit_buttons[n]]
    expected.append(dialog.close_button)
    chain: list[QWidget] = [dialog.table]
    step: QWidget | None = dialog.table
    while step is not None and len(chain) < len(expected):
        step = step.nextInFocusChain()
        if step and step.isVisibleTo(dialog) and step.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(step)
    assert chain == expected


def test_a_record_deleted_on_one_laptop_and_changed_on_the_other(
    qtbot: QtBot, team: Team, open_app: OpenApp
) -> None:
    with team.open(0) as chair, team.open(1) as worker:
        with chair.session() as session:
            kai = _kai(session)
        engine.sync(chair)
        engine.sync(worker)
        with chair.session() as session:
            edits.delete_record(session, "young_person", kai)
        with worker.session() as session:
            edits.set_field(session, "young_person", kai, "first_name", "Kaiden")
        for laptop in (chair, worker, chair):
            engine.sync(laptop)
    window = open_app(team.workspaces[0])
    dialog = _open_conflicts(qtbot, window)
    assert dialog.restore_button.isVisibleTo(dialog) and dialog.leave_button.isVisibleTo(dialog)
    assert dialog.keep_buttons == []
    assert "First name: Kaiden" in dialog.version_boxes[0].toPlainText()
    _screenshot(dialog, "conflicts-deleted.png")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=WAIT)
    with _workspace(window).session() as session:
        assert session.get_one(YoungPerson, kai).first_name == "Kaiden"
        assert conflicts.count(session) == 0


# -- envelopes that are held or refused ----------------------------------------------------
def test_many_deletions_wait_until_the_person_agrees(
    qtbot: QtBot, team: Team, open_app: OpenApp
) -> None:
    with team.open(0) as chair, team.open(1) as worker:
        with chair.session() as session:
            settings.put(session, settings.MASS_DELETE_THRESHOLD, "2")
        with worker.session() as session:
            people = [_young_person(session, name, "Brennan") for name in ("Kai", "Tia", "Rio")]
        engine.sync(worker)
        engine.sync(chair)
        with worker.session() as session:
            for person in people:
                edits.delete_record(session, "young_person", person)
        engine.sync(worker)
    window = open_app(team.workspaces[0])

    def remaining() -> int:
        with _workspace(window).session() as session:
            return sum(session.get(YoungPerson, p) is not None for p in people)

    run = _sync_in_app(qtbot, window)
    assert run.report is not None and len(run.report.held) == 1
    question = run.question
    assert question is not None and question.isVisible()
    assert "would delete 3 records" in question.text()
    assert remaining() == 3  # nothing deleted until someone agrees
    apply = question.findChild(QAbstractButton, "sync_held_apply")
    assert apply is not None and question.defaultButton() is not apply
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    again = window.sync_run
    assert again is not None and again is not run
    qtbot.waitUntil(lambda: again.done, timeout=WAIT)
    assert again.report is not None and again.report.held == []
    assert remaining() == 0


def test_a_tampered_envelope_is_refused_in_one_calm_line(
    qtbot: QtBot, team: Team, open_app: OpenApp
) -> None:
    with team.open(1) as worker:
        with worker.session() as session:
            tia = _young_person(session, "Tia", "Marsh")
            device = settings.get(session, settings.DEVICE_ID)
        engine.sync(worker)
    (sent,) = team.folder.glob(f"*/devices/{device}/*.rothenv")
    blob = bytearray(sent.read_bytes())
    blob[len(blob) // 2] ^= 0x01  # one bit, somewhere in the sealed changes
    sent.write_bytes(bytes(blob))
    window = open_app(team.workspaces[0])

    run = _sync_in_app(qtbot, window)
    notice = run.notice
    assert notice is not None and notice.objectName() == "sync_rejected"
    lines = notice.informativeText().splitlines()
    assert len(lines) == 1
    assert "was rejected" in lines[0] and lines[0].endswith("nothing from it was applied.")
    with _workspace(window).session() as session:
        assert session.get(YoungPerson, tia) is None


# -- no team -------------------------------------------------------------------------------
def test_sync_now_without_a_team_says_how_to_join_and_nothing_breaks(
    qtbot: QtBot, tmp_path: Path, open_app: OpenApp
) -> None:
    Workspace.create(tmp_path / "alone", "Fernleigh test passphrase").lock()
    window = open_app(tmp_path / "alone")
    assert window.sync_status.text == NOT_IN_TEAM
    window.sync_action.trigger()
    notice = window.sync_notice
    assert isinstance(notice, QMessageBox) and notice.isVisible()
    assert notice.text() == NOT_IN_TEAM_MESSAGE
    notice.close()

    # Asked before the status is known, the engine's refusal reads the same way.
    run = SyncRun(window.store, window)
    qtbot.waitUntil(lambda: run.done, timeout=WAIT)
    assert run.notice is not None and run.notice.text() == NOT_IN_TEAM_MESSAGE
    assert window.isVisible()
    # Clicking the words explains, rather than opening an empty conflicts view.
    qtbot.mouseClick(window.sync_status.summary, Qt.MouseButton.LeftButton)
    assert "not in a sync team" in window.statusBar().currentMessage()
    assert window.conflicts_dialog is None
