"""A whole conference run with the keyboard alone, from the main window to the agreed record.

Every step presses keys on the widget that has the keyboard focus
(``QApplication.focusWidget()``), as a person using only a keyboard would: Tab and
Shift+Tab, arrows, Space, Enter, mnemonics (Alt+letter) and the console's
shortcuts. Nothing is clicked and no handler is called directly; the test only
reads state (what has focus, what the database holds). At every stop it checks
that the focused control shows it has focus.

The one thing done behind the scenes is moving the demo conference to today
before it starts, because a conference in the future cannot be agreed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from roth_desktop import audit
from roth_desktop.conference.weights import TOTAL
from roth_desktop.models import (
    Attendance,
    Conference,
    ConferenceStatus,
    ContextArea,
    GoalLink,
    MinuteEntry,
    PlanAction,
    PlanGoal,
    Safety,
    Voice,
)
from roth_desktop.validation import format_date, today
from roth_desktop.workspace import Workspace
from tests.ui.conftest import start_offer_box, window_of
from ui import theme
from ui.app import Controller
from ui.console.window import ConsoleWindow
from ui.context_map import ContextMap
from ui.forms import RecordDialog

WAIT = 15000
Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier

# Classes whose keyboard focus the app's stylesheet draws as a thick ring
# (resources/styles/app.qss); the context map paints its own.
RINGED = (
    "QPushButton",
    "QLineEdit",
    "QPlainTextEdit",
    "QComboBox",
    "QListView",
    "QTableView",
    "QListWidget",
    "QTabBar",
    "QCheckBox",
)


def _saved(controller: Controller) -> Workspace:
    controller.jobs.wait_idle()
    assert controller.workspace is not None
    return controller.workspace


class Keyboard:
    """Keys pressed on whatever has the focus, with a check that the focus can be seen."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.stylesheet = theme.stylesheet(theme.current_theme(), 1.0)

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        self.qtbot.keyClick(self.focused(), key, modifiers)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)

    def wait_focus(self, wanted: Callable[[QWidget], bool], what: str) -> QWidget:
        self.qtbot.waitUntil(
            lambda: QApplication.focusWidget() is not None and wanted(QApplication.focusWidget()),  # type: ignore[arg-type]
            timeout=WAIT,
        )
        widget = self.focused()
        self.assert_visible_focus(widget, what)
        return widget

    def tab_to(
        self, wanted: Callable[[QWidget], bool], what: str, back: bool = False, limit: int = 120
    ) -> QWidget:
        """Press Tab (or Shift+Tab) until the focus is on the control wanted."""
        for _ in range(limit):
            widget = self.focused()
            if wanted(widget):
                self.assert_visible_focus(widget, what)
                return widget
            self.press(Key.Key_Backtab if back else Key.Key_Tab, SHIFT if back else NONE)
        raise AssertionError(f"Tab never reached {what}; stuck on {self.focused()!r}")

    def assert_visible_focus(self, widget: QWidget, what: str) -> None:
        assert widget.hasFocus(), what
        if isinstance(widget, ContextMap):
            # The map draws its own focus ring: it looks different with and without it.
            with_focus = widget.grab().toImage()
            assert _has_colour(with_focus, theme.colour("map_focus").rgb()), what
            return
        names = [cls.__name__ for cls in type(widget).__mro__]
        ringed = [name for name in names if name in RINGED]
        assert ringed, f"{what}: no focus style for {type(widget).__name__}"
        assert f"{ringed[0]}:focus" in self.stylesheet, what


def _has_colour(image: QImage, rgb: int) -> bool:
    step = 3
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if image.pixel(x, y) & 0xFFFFFF == rgb & 0xFFFFFF:
                return True
    return False


def _is(widget: QWidget) -> Callable[[QWidget], bool]:
    return lambda focused: focused is widget


def _button(text: str) -> Callable[[QWidget], bool]:
    return lambda focused: (
        isinstance(focused, QAbstractButton) and focused.text().replace("&", "").startswith(text)
    )


def _console() -> ConsoleWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ConsoleWindow)]
    return next((w for w in found if w.isVisible()), None)


def _rows(workspace: Workspace, cls: Any, conference_id: str) -> list[Any]:
    with workspace.session() as session:
        found = list(session.scalars(select(cls).where(cls.conference_id == conference_id)))
        session.expunge_all()
        return found


def test_a_whole_conference_by_keyboard_alone(qtbot: QtBot, unlocked: Controller) -> None:
    keys = Keyboard(qtbot)
    window = window_of(unlocked)
    workspace = _saved(unlocked)
    with workspace.session() as session:
        # The demo's draft conference for Tyler is in the future: hold it today instead.
        conference = next(
            c
            for c in session.scalars(select(Conference))
            if c.status == ConferenceStatus.DRAFT and c.case.young_person.first_name == "Tyler"
        )
        conference.starts_at = conference.starts_at.replace(
            year=today().year, month=today().month, day=today().day
        )
        conference_id = conference.id
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)

    # -- the main window: find Tyler, open his conferences, run the draft one ---------------
    keys.press(Key.Key_F, CTRL)
    keys.wait_focus(_is(window.case_list.search), "the search box")
    keys.type("Tyler")
    keys.press(Key.Key_Return)
    keys.wait_focus(_is(window.case_list.table), "the list of young people")
    view = window.case_view
    qtbot.waitUntil(
        lambda: view.detail is not None and view.conferences.model.rowCount() > 0, timeout=WAIT
    )
    page = view.conferences.parentWidget()
    assert page is not None
    conferences_tab = view.tabs.indexOf(page)
    # Alt+N is Co&nferences, but also the young person's "&NHS number" field: Qt moves
    # between the two on each press, as it does for any shared mnemonic.
    for _ in range(3):
        keys.press(Key.Key_N, ALT)
        if view.tabs.currentIndex() == conferences_tab:
            break
    assert view.tabs.currentIndex() == conferences_tab
    table = keys.tab_to(_is(view.conferences.view), "the conferences table")
    assert isinstance(table, QTableView)
    keys.press(Key.Key_Home, CTRL)
    for _ in range(view.conferences.model.rowCount()):
        chosen = view.conferences.selected()
        if chosen is not None and chosen["id"] == conference_id:
            break
        keys.press(Key.Key_Down)
    chosen = view.conferences.selected()
    assert chosen is not None and chosen["id"] == conference_id
    keys.press(Key.Key_R, ALT)  # &Run conference
    qtbot.waitUntil(lambda: _console() is not None, timeout=WAIT)
    console = _console()
    assert console is not None
    # Tyler's social worker has written an assessment, so the console first asks whether
    # to start from it; Esc starts afresh (the room builds this conference's map itself).
    qtbot.waitUntil(
        lambda: console.data is not None or start_offer_box(console) is not None, timeout=WAIT
    )
    if (box := start_offer_box(console)) is not None:
        QTest.keyClick(box, Key.Key_Escape)
    qtbot.waitUntil(lambda: console.data is not None and console.step_key != "", timeout=WAIT)
    console.activateWindow()  # the window manager gives a new window the keyboard
    qtbot.waitUntil(console.isActiveWindow, timeout=WAIT)
    keys.wait_focus(_is(console.steps), "the agenda")
    assert console.step_key == "welcome"

    # -- welcome: someone arrives, and the chair minutes the introductions -------------------
    keys.press(Key.Key_D, ALT)  # Atten&dance
    qtbot.waitUntil(lambda: console.side.currentIndex() == 2, timeout=WAIT)
    attendance = console.attendance
    qtbot.waitUntil(lambda: attendance.model.rowCount() > 0, timeout=WAIT)
    keys.tab_to(_is(attendance.view), "the attendance table")
    keys.press(Key.Key_Home, CTRL)
    keys.press(Key.Key_Space)  # the first row, selected
    arriving = attendance.selected()
    assert arriving is not None
    keys.press(Key.Key_O, ALT)  # Arrived n&ow
    qtbot.waitUntil(
        lambda: any(r["id"] == arriving["id"] and r["arrived_at"] for r in attendance.model.rows),
        timeout=WAIT,
    )
    keys.press(Key.Key_M, ALT)  # &Minutes
    qtbot.waitUntil(lambda: console.side.currentIndex() == 1, timeout=WAIT)
    keys.tab_to(_is(console.minute_box), "the minute box")
    keys.type("Introductions made; breaks offered.")
    keys.press(Key.Key_Return, CTRL)  # the minute is finished: the box empties for the next
    qtbot.waitUntil(lambda: console.minute_box.toPlainText() == "", timeout=WAIT)
    qtbot.waitUntil(
        lambda: any(m["text"].startswith("Introductions") for m in console.minutes_model.rows),
        timeout=WAIT,
    )

    # -- through the agenda, step by step ------------------------------------------------------
    assert console.data is not None
    order = [step.key for step in console.data.pack.steps]

    def next_step() -> str:
        before = console.step_key
        keys.press(Key.Key_PageDown, CTRL)
        qtbot.waitUntil(lambda: console.step_key != before, timeout=WAIT)
        assert order.index(console.step_key) == order.index(before) + 1
        return console.step_key

    def dialog_open() -> RecordDialog:
        qtbot.waitUntil(
            lambda: isinstance(QApplication.activeModalWidget(), RecordDialog), timeout=WAIT
        )
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecordDialog)
        keys.wait_focus(dialog.isAncestorOf, "the dialog's first field")
        return dialog

    def save_dialog(dialog: RecordDialog) -> None:
        keys.tab_to(_button("Save"), "the Save button")
        keys.press(Key.Key_Space)
        qtbot.waitUntil(
            lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=WAIT
        )
        back_to_console()

    def back_to_console() -> None:
        """A closed dialog hands the keyboard back to the console.

        On a desktop the window manager does this; the offscreen test platform has
        none, so the test does what it would.
        """
        if not console.isActiveWindow():
            console.activateWindow()
        qtbot.waitUntil(console.isActiveWindow, timeout=WAIT)
        keys.wait_focus(console.isAncestorOf, "back in the console")

    # The picture of the young person: nothing to add this time.
    assert next_step() == "picture"

    # Voices: the young person's own words.
    assert next_step() == "voices"
    keys.tab_to(_button("Add words"), "Add words")
    keys.press(Key.Key_Space)
    dialog = dialog_open()
    keys.tab_to(_is(dialog.form.widgets["words"]), "Their words")
    keys.type("I feel safest at my nan's.")
    save_dialog(dialog)

    # Safe and unsafe: the first context becomes unsafe, by keyboard.
    assert next_step() == "safety"
    safety_map = console.page_for["safety"].map  # type: ignore[attr-defined]
    keys.tab_to(_is(safety_map), "the safety map")
    keys.press(Key.Key_Home)
    chosen_id = safety_map.selected_id()
    assert chosen_id is not None
    form = console.page_for["safety"].form  # type: ignore[attr-defined]
    safety_box = keys.tab_to(_is(form.widgets["safety"]), "Safe or unsafe")
    assert isinstance(safety_box, QComboBox)
    unsafe = safety_box.findData(Safety.UNSAFE.value)
    while safety_box.currentIndex() != unsafe:
        keys.press(Key.Key_Down if safety_box.currentIndex() < unsafe else Key.Key_Up)
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and any(
                c["id"] == chosen_id and c["safety"] == Safety.UNSAFE for c in console.data.contexts
            )
        ),
        timeout=WAIT,
    )

    # Weighting: arrows choose a context, + and − change its share, N adds a context.
    assert next_step() == "weighting"
    weighting_map = console.page_for["weighting"].map  # type: ignore[attr-defined]
    keys.tab_to(_is(weighting_map), "the weighting map")
    keys.press(Key.Key_Home)
    keys.press(Key.Key_Right)
    grown = weighting_map.selected_id()
    assert grown is not None
    before = {a.id: a.share for a in weighting_map.areas}
    keys.press(Key.Key_Plus)
    keys.press(Key.Key_Plus)
    keys.press(Key.Key_Minus)
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and next(c["weight"] for c in console.data.contexts if c["id"] == grown) > before[grown]
        ),
        timeout=WAIT,
    )
    keys.press(Key.Key_N)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QInputDialog), timeout=WAIT
    )
    keys.wait_focus(lambda w: isinstance(w, QLineEdit), "the new context's name")
    keys.type("Fernleigh skate park")
    keys.press(Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and any(c["name"] == "Fernleigh skate park" for c in console.data.contexts)
        ),
        timeout=WAIT,
    )
    back_to_console()
    keys.wait_focus(_is(weighting_map), "the map again, after naming the context")

    assert next_step() == "partner_information"
    assert next_step() == "needs"
    assert next_step() == "harm"

    # The decision, by keyboard: at risk of significant harm, on a ROTH plan.
    assert next_step() == "decision"
    decision = console.page_for["decision"].form  # type: ignore[attr-defined]
    harm_box = keys.tab_to(_is(decision.widgets["significant_harm"]), "significant harm")
    assert isinstance(harm_box, QComboBox)
    while harm_box.currentData() != "yes":
        keys.press(Key.Key_Down)
    pathway = keys.tab_to(_is(decision.widgets["outcome"]), "the pathway")
    assert isinstance(pathway, QComboBox)
    while pathway.currentData() != "roth_plan":
        keys.press(Key.Key_Down)
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and console.data.conference["outcome"] == "roth_plan"
            and console.data.conference["significant_harm"] is True
        ),
        timeout=WAIT,
    )

    # The plan: a goal, linked to a need with Space, and an owned, dated action.
    assert next_step() == "plan"
    plan = console.page_for["plan"]
    keys.tab_to(_button("Add goal"), "Add goal")
    keys.press(Key.Key_Space)
    dialog = dialog_open()
    keys.tab_to(_is(dialog.form.widgets["text"]), "the goal")
    keys.type("Tyler is back in school full time")
    save_dialog(dialog)
    goals = plan.goals  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: goals.model.rowCount() == 1, timeout=WAIT)
    keys.tab_to(_is(goals.view), "the goals table", back=True)
    keys.press(Key.Key_Home, CTRL)
    keys.press(Key.Key_Space)  # selects the row the cursor is on
    qtbot.waitUntil(lambda: goals.selected() is not None, timeout=WAIT)
    links = plan.links  # type: ignore[attr-defined]
    assert isinstance(links, QListWidget)
    qtbot.waitUntil(lambda: links.count() > 0 and links.isEnabled(), timeout=WAIT)
    keys.tab_to(_is(links), "the needs and contexts the goal answers")
    keys.press(Key.Key_Home)
    while "Education" not in (links.currentItem().text() if links.currentItem() else ""):
        keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    qtbot.waitUntil(
        lambda: console.data is not None and any(g["need_ids"] for g in console.data.goals),
        timeout=WAIT,
    )
    keys.tab_to(_button("Add action"), "Add action")
    keys.press(Key.Key_Space)
    dialog = dialog_open()
    keys.tab_to(_is(dialog.form.widgets["what"]), "what will happen")
    keys.type("Plan a phased return with the academy")
    keys.tab_to(_is(dialog.form.widgets["person"]), "who")
    keys.type("Inclusion lead")
    keys.tab_to(_is(dialog.form.widgets["due_on"]), "by when")
    keys.type(format_date(today() + timedelta(days=28)))
    keys.tab_to(_is(dialog.form.widgets["how_we_know"]), "how we will know")
    keys.type("Tyler attends 25 hours a week")
    save_dialog(dialog)
    qtbot.waitUntil(lambda: plan.action_list.model.rowCount() == 1, timeout=WAIT)  # type: ignore[attr-defined]

    # Next steps, then agree the conference.
    assert next_step() == "next_steps"
    assert console.step_key == order[-1]
    keys.press(Key.Key_A, ALT)  # &Agree conference
    qtbot.waitUntil(lambda: console.data is not None and console.data.agreed, timeout=WAIT)

    keys.wait_focus(_is(console.reopen_button), "Re-open, where Agree was")
    # -- the family screen, and a break, by the console's keys --------------------------------
    keys.press(Key.Key_F9)  # no family screen yet: nothing happens but a word in the status bar
    assert console.participant is None
    assert "F7" in console.statusBar().currentMessage()
    keys.press(Key.Key_F7)
    qtbot.waitUntil(lambda: console.participant is not None, timeout=WAIT)
    family = console.participant
    assert family is not None
    qtbot.waitUntil(family.isVisible, timeout=WAIT)
    back_to_console()  # the chair's keyboard stays with the console
    keys.press(Key.Key_F9)
    qtbot.waitUntil(lambda: family.on_break, timeout=WAIT)
    keys.press(Key.Key_F9)
    qtbot.waitUntil(lambda: not family.on_break, timeout=WAIT)
    keys.press(Key.Key_F8)
    qtbot.waitUntil(lambda: family.blank, timeout=WAIT)
    keys.press(Key.Key_F8)
    qtbot.waitUntil(lambda: not family.blank, timeout=WAIT)

    # -- what was recorded ---------------------------------------------------------------------
    workspace = _saved(unlocked)
    with workspace.session() as session:
        conference = session.get_one(Conference, conference_id)
        assert conference.status == ConferenceStatus.AGREED
        assert conference.significant_harm is True
        assert conference.outcome is not None and conference.outcome.value == "roth_plan"
        assert conference.current_step == "next_steps"
        arrived = session.get_one(Attendance, arriving["id"])
        assert arrived.arrived_at is not None
        assert audit.verify(session).ok
    minutes = _rows(workspace, MinuteEntry, conference_id)
    assert [(m.text, m.step_key) for m in minutes] == [
        ("Introductions made; breaks offered.", "welcome")
    ]
    (voice,) = _rows(workspace, Voice, conference_id)
    assert voice.words == "I feel safest at my nan's." and voice.speaker.value == "young_person"
    contexts = {c.id: c for c in _rows(workspace, ContextArea, conference_id)}
    assert sum(c.weight for c in contexts.values()) == TOTAL
    assert contexts[chosen_id].safety == Safety.UNSAFE
    assert contexts[grown].weight > before[grown]
    assert any(c.name == "Fernleigh skate park" for c in contexts.values())
    (goal,) = _rows(workspace, PlanGoal, conference_id)
    assert goal.text == "Tyler is back in school full time"
    (link,) = _rows(workspace, GoalLink, conference_id)
    assert link.goal_id == goal.id and link.need_id is not None
    (action,) = _rows(workspace, PlanAction, conference_id)
    assert action.goal_id == goal.id and action.person == "Inclusion lead"
    assert action.due_on == today() + timedelta(days=28)
    assert action.how_we_know == "Tyler attends 25 hours a week"
