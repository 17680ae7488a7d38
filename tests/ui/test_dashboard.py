"""The dashboard, driven through the real widgets on a real encrypted workspace.

The workspace is built here with known deadlines, every date counted from today
so the test never rots. Everyone in it is invented.

* Robin Ashdown: strategy discussion 40 days ago and no conference, so the
  initial conference is overdue (15 working days is at most 27 calendar days,
  even across Christmas).
* Sol Trevena: on a ROTH plan from a conference 20 days ago, core group met in
  time, no visit since, so the visit is overdue; two plan actions overdue from
  two agencies and one more due in 5 days; turns 18 in about two months. The
  first review is 6 weeks on, beyond the fortnight, so it is not shown.
* Kit Okonjo: no strategy discussion and no plan, so nothing falls due; a
  conference this week, the only one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from roth_desktop.app_settings import AppSettings
from roth_desktop.models import (
    ActionStatus,
    Agency,
    AgencyKind,
    Case,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    DeadlineKind,
    MissedDeadline,
    Pathway,
    PlanAction,
    PlanGoal,
    PlanHeading,
    YoungPerson,
)
from roth_desktop.paths import config_dir
from roth_desktop.timescales.deadlines import DueItem, DueState, week_of
from roth_desktop.timescales.policy import default_policy
from roth_desktop.validation import format_date
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock, window_of
from tests.ui.test_accessibility import _unnamed
from ui.app import Controller
from ui.dashboard import Dashboard
from ui.main_window import MainWindow
from ui.missed_reason import EMPTY_REASON, MissedReasonDialog

REPO = Path(__file__).resolve().parents[2]
SCHOOL = "Northbrook Academy"
YOUTH_JUSTICE = "Fernleigh Youth Justice Service"


@dataclass(frozen=True)
class Known:
    folder: Path
    robin: str  # young person ids
    sol: str
    kit: str
    robin_case: str
    sol_case: str


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour))


def build_workspace(folder: Path) -> Known:
    t = date.today()
    workspace = Workspace.create(folder, PASSPHRASE)
    with workspace.session() as session:
        school = Agency(name=SCHOOL, kind=AgencyKind.EDUCATION)
        yjs = Agency(name=YOUTH_JUSTICE, kind=AgencyKind.YOUTH_JUSTICE)
        session.add_all([school, yjs])

        robin = YoungPerson(
            first_name="Robin", last_name="Ashdown", date_of_birth=t - timedelta(days=14 * 365)
        )
        robin_case = Case(
            young_person=robin,
            pathway=Pathway.ROTH,
            opened_on=t - timedelta(days=45),
            strategy_discussion_on=t - timedelta(days=40),
        )

        # Eighteen on about t + 60 days: well inside the 6-month warning window.
        born = date(t.year - 18, t.month, min(t.day, 28)) + timedelta(days=60)
        sol = YoungPerson(first_name="Sol", last_name="Trevena", date_of_birth=born)
        sol_case = Case(
            young_person=sol,
            pathway=Pathway.ROTH,
            opened_on=t - timedelta(days=30),
            strategy_discussion_on=t - timedelta(days=25),
        )
        held = t - timedelta(days=20)
        plan = Conference(
            case=sol_case,
            kind=ConferenceKind.INITIAL,
            starts_at=_at(held),
            location="Fernleigh Civic Centre",
            significant_harm=True,
            outcome=ConferenceOutcome.ROTH_PLAN,
            core_group_on=held + timedelta(days=3),
        )
        session.add_all([robin, robin_case, sol, sol_case, plan])
        session.flush()
        goal = PlanGoal(
            conference_id=plan.id, heading=PlanHeading.ENVIRONMENT, text="Safer evenings"
        )
        session.add(goal)
        session.flush()
        for what, agency, due, status in (
            (
                "Check attendance every Friday.",
                school,
                t - timedelta(days=10),
                ActionStatus.NOT_STARTED,
            ),
            (
                "Weekly one-to-one away from the town centre.",
                yjs,
                t - timedelta(days=5),
                ActionStatus.IN_PROGRESS,
            ),
            (
                "Mentoring place at lunchtimes.",
                school,
                t + timedelta(days=5),
                ActionStatus.NOT_STARTED,
            ),
        ):
            session.add(
                PlanAction(
                    conference_id=plan.id,
                    goal_id=goal.id,
                    what=what,
                    agency=agency,
                    due_on=due,
                    status=status,
                )
            )

        kit = YoungPerson(
            first_name="Kit", last_name="Okonjo", date_of_birth=t - timedelta(days=15 * 365)
        )
        monday, _sunday = week_of(t)
        kit_case = Case(
            young_person=kit, pathway=Pathway.ROTH, opened_on=monday - timedelta(days=10)
        )
        this_week = Conference(
            case=kit_case,
            kind=ConferenceKind.INITIAL,
            starts_at=_at(monday, 9),
            location="Northbrook Academy, meeting room 2",
        )
        session.add_all([kit, kit_case, this_week])
        session.flush()
        known = Known(folder, robin.id, sol.id, kit.id, robin_case.id, sol_case.id)
    workspace.lock()
    return known


@pytest.fixture
def known(tmp_path: Path) -> Known:
    return build_workspace(tmp_path / "known")


@pytest.fixture
def opened(qapp: QApplication, qtbot: QtBot, known: Known) -> Iterator[Controller]:
    ctl = Controller(qapp, known.folder, AppSettings())
    ctl.start()
    unlock(qtbot, ctl)
    qtbot.waitUntil(lambda: _loaded(ctl), timeout=15000)
    yield ctl
    ctl.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


def _loaded(controller: Controller) -> bool:
    return controller.window is not None and controller.window.dashboard.data is not None


def _dashboard(controller: Controller) -> Dashboard:
    return window_of(controller).dashboard


def _counts(dash: Dashboard) -> dict[str, int]:
    return {
        "missed": dash.overdue_tile.count(),
        "soon": dash.soon_tile.count(),
        "reason": dash.reason_tile.count(),
        "week": dash.week_tile.count(),
        "turning": dash.turning_tile.count(),
    }


def _select(dash: Dashboard, wanted: DueItem) -> None:
    for row in range(dash.proxy.rowCount()):
        if dash.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole) == wanted:
            dash.table.selectRow(row)
            dash.table.setCurrentIndex(dash.proxy.index(row, 0))
            return
    raise AssertionError(f"{wanted} is not shown")


def _item(dash: Dashboard, kind: DeadlineKind, young_person_id: str) -> DueItem:
    assert dash.data is not None
    return next(
        i for i in dash.data.items if i.kind == kind and i.young_person_id == young_person_id
    )


def _saved(controller: Controller) -> Workspace:
    controller.jobs.wait_idle()
    assert controller.workspace is not None
    return controller.workspace


# -- tests ----------------------------------------------------------------------------------------
def test_the_dashboard_is_home_and_shows_the_known_counts(opened: Controller, known: Known) -> None:
    window = window_of(opened)
    dash = window.dashboard
    assert window.views.currentWidget() is dash
    assert _counts(dash) == {"missed": 4, "soon": 1, "reason": 4, "week": 1, "turning": 1}
    assert dash.overdue_tile.accessibleName() == "Overdue or late: 4"
    assert dash.soon_tile.accessibleName() == "Due this fortnight: 1"
    kinds = {kind: label.accessibleName() for kind, label in dash.kind_counts.items()}
    assert (
        kinds[DeadlineKind.INITIAL_CONFERENCE]
        == "Initial conference: 1 overdue or late, 0 due soon"
    )
    assert kinds[DeadlineKind.VISIT] == "Visit: 1 overdue or late, 0 due soon"
    assert kinds[DeadlineKind.ACTION] == "Plan action: 2 overdue or late, 1 due soon"
    assert kinds[DeadlineKind.REVIEW] == "Review conference: 0 overdue or late, 0 due soon"
    assert dash.warning.isHidden()

    # The table: five rows, most overdue first, the state in words and in bold.
    shown = dash.visible_items()
    assert len(shown) == 5
    assert shown[0].kind == DeadlineKind.INITIAL_CONFERENCE
    assert shown[0].young_person_id == known.robin
    first = dash.proxy.index(0, 0)
    assert first.data() == "Overdue"
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    assert first.data(Qt.ItemDataRole.DecorationRole) is not None
    assert dash.proxy.index(0, 2).data() == "Robin Ashdown (RA)"
    due = default_policy().calendar.add_working_days(date.today() - timedelta(days=40), 15)
    assert dash.proxy.index(0, 3).data() == format_date(due)
    assert dash.proxy.index(0, 4).data().startswith(f"{(date.today() - due).days} days (")
    soon_row = next(r for r, i in enumerate(shown) if i.state == DueState.DUE_SOON)
    assert dash.proxy.index(soon_row, 0).data() == "Due soon"
    assert dash.proxy.index(soon_row, 0).data(Qt.ItemDataRole.FontRole) is None
    assert dash.proxy.index(soon_row, 7).data() == SCHOOL

    # Turning 18 has its own section; this week's conference is Kit's.
    assert dash.turning_model.rowCount() == 1
    assert dash.turning_model.rows[0]["who"] == "Sol Trevena (ST)"
    assert "Transition plan still to decide" in dash.turning_model.rows[0]["detail"]
    assert dash.week_model.rowCount() == 1
    week = dash.week_model.rows[0]
    assert (week["who"], week["kind"], week["agreed"]) == (
        "Kit Okonjo (KO)",
        "Initial conference",
        "Not agreed",
    )


def test_filters_narrow_the_table_without_a_reload(
    qtbot: QtBot, opened: Controller, known: Known
) -> None:
    dash = _dashboard(opened)
    reads: list[None] = []
    dash.loaded.connect(lambda: reads.append(None))
    agencies = [dash.agency.itemText(i) for i in range(dash.agency.count())]
    assert agencies == ["All agencies", YOUTH_JUSTICE, SCHOOL]

    dash.agency.setCurrentIndex(dash.agency.findData(SCHOOL))
    shown = dash.visible_items()
    assert [(i.kind, i.agency) for i in shown] == [(DeadlineKind.ACTION, SCHOOL)] * 2
    assert {i.state for i in shown} == {DueState.OVERDUE, DueState.DUE_SOON}
    assert dash.shown_count.text() == "Showing 2 of 5"

    dash.missed_only.setChecked(True)
    shown = dash.visible_items()
    assert len(shown) == 1 and shown[0].detail.startswith("Check attendance every Friday.")

    dash.agency.setCurrentIndex(dash.agency.findData(YOUTH_JUSTICE))
    assert [i.detail.split(" (")[0] for i in dash.visible_items()] == [
        "Weekly one-to-one away from the town centre."
    ]

    dash.agency.setCurrentIndex(0)
    assert len(dash.visible_items()) == 4  # every missed item, from every agency
    dash.kind.setCurrentIndex(dash.kind.findData(DeadlineKind.VISIT.value))
    assert [i.young_person_id for i in dash.visible_items()] == [known.sol]

    dash.kind.setCurrentIndex(0)
    dash.missed_only.setChecked(False)
    qtbot.keyClicks(dash.search, "ra")  # Robin Ashdown's initials
    assert {i.young_person_id for i in dash.visible_items()} == {known.robin}
    dash.search.clear()
    qtbot.keyClicks(dash.search, "ashd")
    assert [i.young_person_id for i in dash.visible_items()] == [known.robin]
    dash.search.clear()
    qtbot.keyClicks(dash.search, "ST")
    assert {i.young_person_id for i in dash.visible_items()} == {known.sol}
    dash.search.clear()
    assert len(dash.visible_items()) == 5
    assert reads == []  # every filter worked on the rows already loaded


def test_counts_update_live_when_a_visit_is_recorded(
    qtbot: QtBot, opened: Controller, known: Known
) -> None:
    window = window_of(opened)
    dash = window.dashboard
    assert (dash.overdue_tile.count(), dash.soon_tile.count()) == (4, 1)
    with qtbot.waitSignal(dash.loaded, timeout=10000):
        window.store.create(
            "visit",
            {
                "case_id": known.sol_case,
                "visited_on": date.today(),
                "place": "Youth club",
                "young_person_seen": True,
            },
            "visit",
        )
    # The next visit is now due in 7 days: no longer overdue, due this fortnight.
    assert (dash.overdue_tile.count(), dash.soon_tile.count()) == (3, 2)
    assert dash.overdue_tile.accessibleName() == "Overdue or late: 3"
    visit = _item(dash, DeadlineKind.VISIT, known.sol)
    assert visit.state == DueState.DUE_SOON
    assert dash.kind_counts[DeadlineKind.VISIT].accessibleName() == (
        "Visit: 0 overdue or late, 1 due soon"
    )

    with qtbot.waitSignal(dash.loaded, timeout=10000):
        window.store.undo_stack.undo()
    assert (dash.overdue_tile.count(), dash.soon_tile.count()) == (4, 1)


def test_enter_on_an_item_opens_that_young_persons_case(
    qtbot: QtBot, opened: Controller, known: Known
) -> None:
    window = window_of(opened)
    dash = window.dashboard
    visit = _item(dash, DeadlineKind.VISIT, known.sol)
    _select(dash, visit)
    dash.table.setFocus()
    qtbot.keyClick(dash.table, Qt.Key.Key_Return)
    assert window.views.currentWidget() is window.cases
    qtbot.waitUntil(
        lambda: (
            window.case_view.detail is not None
            and window.case_view.detail.young_person["id"] == known.sol
        ),
        timeout=10000,
    )
    assert "Sol Trevena" in window.case_view.header.text()

    # Ctrl+1 goes back to Today; a double-click on this week's conference opens Kit.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is dash
    rect = dash.week_view.visualRect(dash.week_model.index(0, 2))
    qtbot.mouseClick(dash.week_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dash.week_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.views.currentWidget() is window.cases
    qtbot.waitUntil(lambda: "Kit Okonjo" in window.case_view.header.text(), timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.views.currentWidget() is window.cases


def test_recording_why_a_deadline_was_missed(
    qtbot: QtBot, opened: Controller, known: Known
) -> None:
    window = window_of(opened)
    dash = window.dashboard
    initial = _item(dash, DeadlineKind.INITIAL_CONFERENCE, known.robin)
    due_soon = next(i for i in dash.data.items if i.state == DueState.DUE_SOON)  # type: ignore[union-attr]
    _select(dash, due_soon)
    assert dash.open_button.isEnabled()
    assert not dash.reason_button.isEnabled()  # nothing missed, nothing to explain
    _select(dash, initial)
    assert dash.reason_button.isEnabled()

    qtbot.mouseClick(dash.reason_button, Qt.MouseButton.LeftButton)
    dialog = dash.findChild(MissedReasonDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Initial conference for Robin Ashdown (RA)" in dialog.summary.text()
    assert _unnamed(dialog) == [] and _unnamed(dash) == []
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)  # Save, empty
    assert dialog.message.isVisible()
    assert dialog.message.text() == EMPTY_REASON
    qtbot.keyClicks(dialog.reason, "   ")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.message.text() == EMPTY_REASON
    with _saved(opened).session() as session:
        assert session.query(MissedDeadline).count() == 0

    dialog.reason.clear()
    qtbot.keyClicks(dialog.reason, "The family asked to wait until after the exams.")
    with qtbot.waitSignal(dash.loaded, timeout=10000):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10000)

    after = _item(dash, DeadlineKind.INITIAL_CONFERENCE, known.robin)
    assert after.state == DueState.OVERDUE  # still overdue: the reason explains, not excuses
    assert not after.needs_reason
    assert after.reason == "The family asked to wait until after the exams."
    assert dash.reason_tile.count() == 3
    assert dash.overdue_tile.count() == 4
    assert dash.selected_item() == after  # the selection survived the reload
    assert (
        dash.proxy.index(dash.table.currentIndex().row(), 0).data() == "Overdue (reason recorded)"
    )
    assert not dash.reason_button.isEnabled()
    with _saved(opened).session() as session:
        row = session.query(MissedDeadline).one()
        assert (row.case_id, row.kind, row.source_id, row.due_on) == (
            known.robin_case,
            DeadlineKind.INITIAL_CONFERENCE,
            initial.source_id,
            initial.due_on,
        )
        assert row.reason == "The family asked to wait until after the exams."

    # Undoable like any other edit.
    with qtbot.waitSignal(dash.loaded, timeout=10000):
        window.store.undo_stack.undo()
    assert dash.reason_tile.count() == 4
    with _saved(opened).session() as session:
        assert session.query(MissedDeadline).count() == 0


def test_a_broken_policy_file_is_a_visible_warning_not_a_popup(
    qapp: QApplication, qtbot: QtBot, known: Known
) -> None:
    (config_dir() / "timescales.json").write_text("{ not json", encoding="utf-8")
    ctl = Controller(qapp, known.folder, AppSettings())
    ctl.start()
    try:
        unlock(qtbot, ctl)
        qtbot.waitUntil(lambda: _loaded(ctl), timeout=15000)
        dash = _dashboard(ctl)
        assert not dash.warning.isHidden()
        assert "is not valid JSON" in dash.warning.text()
        assert "national defaults" in dash.warning.text()
        assert dash.warning.accessibleName().startswith("Warning:")
        assert dash.overdue_tile.count() == 4  # counted on the defaults meanwhile
        assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [ctl.window]
    finally:
        ctl.shutdown()
        for widget in QApplication.topLevelWidgets():
            widget.hide()
            widget.deleteLater()


def test_new_young_person_and_case_list_choice_show_the_cases_view(
    qtbot: QtBot, opened: Controller, known: Known
) -> None:
    window: MainWindow = window_of(opened)
    assert window.views.currentWidget() is window.dashboard
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 3, timeout=10000)
    window.case_list.select(known.kit)
    assert window.views.currentWidget() is window.cases
    window.show_today()
    # A reload after a save re-selects Kit in the list: that must not pull the chair away.
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10000):
        window.store.set_field("young_person", known.kit, "preferred_name", "Kitty", "name")
    qtbot.waitUntil(
        lambda: any(r.name == "Kitty Okonjo" for r in window.case_list.model.rows), timeout=10000
    )
    assert window.views.currentWidget() is window.dashboard


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_keyboard_mnemonics_on_the_today_view_are_unique(opened: Controller) -> None:
    window = window_of(opened)
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.views.tabText(i) for i in range(window.views.count())]
    texts += [b.text() for b in window.dashboard.findChildren(QAbstractButton)]
    texts += [lab.text() for lab in window.dashboard.findChildren(QLabel) if lab.buddy()]
    letters = [m for m in map(_mnemonic, texts) if m]
    assert len(letters) >= 10
    assert len(set(letters)) == len(letters), sorted(letters)
    assert "&Today" in texts and "&Cases" in texts


def test_dashboard_screenshot_of_the_demo(qtbot: QtBot, unlocked: Controller) -> None:
    window = window_of(unlocked)
    dash = window.dashboard
    qtbot.waitUntil(lambda: dash.data is not None, timeout=15000)
    window.resize(1280, 800)
    qtbot.wait(200)
    out_dir = REPO / "artifacts"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / "dashboard.png"
    assert window.grab().save(str(out))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(colours) > 20, "the screenshot is blank"
    # The demo has overdue plan actions and visits: the home view says so.
    assert dash.overdue_tile.count() > 0
