"""A whole initial ROTH conference, run through the chair's console as a chair would."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
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
    DecisionView,
    GoalLink,
    HarmEntry,
    MinuteEntry,
    Need,
    PartnerItem,
    PlanAction,
    PlanGoal,
    ProfileItem,
    Safety,
    Voice,
    YoungPerson,
)
from roth_desktop.validation import format_date, today
from roth_desktop.workspace import Workspace
from tests.ui.conftest import answer_start_offer, window_of
from ui.app import Controller
from ui.console.pages import (
    DecisionPage,
    HarmPage,
    NeedsPage,
    NextStepsPage,
    PartnerPage,
    PicturePage,
    PlanPage,
    SafetyPage,
    VoicesPage,
    WeightingPage,
    WelcomePage,
)
from ui.console.window import ConsoleWindow
from ui.forms import RecordDialog, RecordForm
from ui.record_list import RecordList

WAIT = 15000


def _saved(controller: Controller) -> Workspace:
    controller.jobs.wait_idle()
    assert controller.workspace is not None
    return controller.workspace


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    """Click into a field: its window comes to the front and the field has the keyboard."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT)


def _set(qtbot: QtBot, form: RecordForm, name: str, value: Any) -> None:
    """Put a value into a field the way a person would, then leave the field."""
    widget = form.widgets[name]
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.findData(value))
        widget.activated.emit(widget.currentIndex())
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QPlainTextEdit):
        _focus(qtbot, widget)
        widget.clear()
        qtbot.keyClicks(widget, value)
    else:
        assert isinstance(widget, QLineEdit)
        _focus(qtbot, widget)
        widget.clear()
        qtbot.keyClicks(widget, value)
        widget.editingFinished.emit()


def _add(qtbot: QtBot, panel: RecordList, **values: Any) -> None:
    before = panel.model.rowCount()
    dialog = panel.add()
    assert isinstance(dialog, RecordDialog)
    for name, value in values.items():
        _set(qtbot, dialog.form, name, value)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: panel.model.rowCount() == before + 1, timeout=WAIT)
    except Exception:
        raise AssertionError(
            {n: e.text() for n, e in dialog.form.errors.items() if e.text()}
        ) from None


def _open_console(qtbot: QtBot, controller: Controller, name: str) -> ConsoleWindow:
    window = window_of(controller)
    row = next(r for r in window.case_list.model.rows if r.name.startswith(name))
    window.case_list.select(row.young_person_id)
    view = window.case_view
    qtbot.waitUntil(
        lambda: view.detail is not None and view.conferences.model.rowCount() > 0, timeout=WAIT
    )
    drafts = [n for n, c in enumerate(view.conferences.model.rows) if str(c["status"]) == "draft"]
    view.conferences.view.selectRow(drafts[-1])
    console = view.run_conference()
    assert console is not None
    answer_start_offer(qtbot, console)
    qtbot.waitUntil(lambda: console.data is not None and console.step_key != "", timeout=WAIT)
    # The chair works in this window: it has the keyboard, as on a real desktop.
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow, timeout=WAIT)
    return console


def _context(console: ConsoleWindow, context_id: str) -> dict[str, Any]:
    assert console.data is not None
    return next(c for c in console.data.contexts if c["id"] == context_id)


def _page(console: ConsoleWindow, key: str) -> Any:
    console.go_to(key)
    assert console.step_key == key
    return console.pages.currentWidget()


def test_a_whole_initial_conference_from_welcome_to_next_steps(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked, "Tyler")
    data = console.data
    assert data is not None
    assert console.step_key == "welcome"
    planned = data.conference["starts_at"].date()
    welcome = console.pages.currentWidget()
    assert isinstance(welcome, WelcomePage)
    assert "not a judgement on parenting" in welcome.summary.text()

    # Welcome: someone arrives, and the chair minutes the introductions.
    attendance = console.attendance
    qtbot.waitUntil(lambda: attendance.model.rowCount() > 0, timeout=WAIT)
    attendance.view.selectRow(0)
    arriving = attendance.selected()
    assert arriving is not None
    console.mark_arrived()
    qtbot.waitUntil(lambda: any(r["arrived_at"] for r in attendance.model.rows), timeout=WAIT)
    console.minute_box.setFocus()
    qtbot.keyClicks(console.minute_box, "Introductions made; breaks offered.")
    # Not finished or left: the pause in typing alone saves it.
    qtbot.waitUntil(lambda: console.minute_box.record_id is not None, timeout=WAIT)

    # The picture of the young person.
    picture = _page(console, "picture")
    assert isinstance(picture, PicturePage)
    _add(qtbot, picture.items, kind="interest", text="Loves drumming and fixing bikes")

    # Voices, in their own words.
    voices = _page(console, "voices")
    assert isinstance(voices, VoicesPage)
    _add(qtbot, voices.voices, kind="view", words="I feel safest at my nan's.")

    # Safe and unsafe, context by context.
    safety = _page(console, "safety")
    assert isinstance(safety, SafetyPage)
    areas = {a.name: a.id for a in safety.map.areas}
    assert len(areas) == len(data.pack.contexts)
    places = next(i for n, i in areas.items() if "public places" in n.lower())
    peers = next(i for n, i in areas.items() if "peer" in n.lower())
    safety.map.select(places)
    qtbot.waitUntil(lambda: safety.form.isVisible(), timeout=WAIT)
    _set(qtbot, safety.form, "safety", "unsafe")
    qtbot.waitUntil(lambda: _context(console, places)["safety"] == Safety.UNSAFE, timeout=WAIT)
    _set(qtbot, safety.form, "makes_unsafe", "Older group waits by the bus station after 6pm")
    safety.map.setFocus()  # leaving the box saves it
    qtbot.wait(1500)
    qtbot.waitUntil(
        lambda: any(
            c["id"] == places and c["safety"] == Safety.UNSAFE and c["makes_unsafe"]
            for c in (console.data.contexts if console.data else [])
        ),
        timeout=WAIT,
    )
    safety.map.select(peers)
    name_box = safety.form.widgets["name"]
    assert isinstance(name_box, QLineEdit)
    qtbot.waitUntil(lambda: name_box.text().lower().startswith("friend"), timeout=WAIT)
    _set(qtbot, safety.form, "peer_initials", "J.B., KT")
    qtbot.waitUntil(
        lambda: any(
            c["peer_initials"] == "J.B., KT"
            for c in (console.data.contexts if console.data else [])
        ),
        timeout=WAIT,
    )

    # Weighting: the chair grows the neighbourhood by keyboard; the map stays at 100%.
    weighting = _page(console, "weighting")
    assert isinstance(weighting, WeightingPage)
    before = {a.id: a.share for a in weighting.map.areas}
    weighting.map.setFocus()
    weighting.map.select(places)
    for _ in range(4):
        qtbot.keyClick(weighting.map, Qt.Key.Key_Plus)
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and next(c["weight"] for c in console.data.contexts if c["id"] == places)
            > before[places]
        ),
        timeout=WAIT,
    )

    # Partner information, one item restricted.
    partner = _page(console, "partner_information")
    assert isinstance(partner, PartnerPage)
    police = next(i for i, n in data.agencies if "Polic" in n)
    _add(
        qtbot,
        partner.items,
        agency_id=police,
        nature="reported",
        source="Neighbourhood officer",
        text="Seen with an older group at the bus station twice this month.",
        restricted=True,
    )

    # Needs: education is not met, and someone owns it.
    needs = _page(console, "needs")
    assert isinstance(needs, NeedsPage)
    education = next(n for n in data.needs if n["area"] == "education")
    form = needs.need_forms[education["id"]]
    _set(qtbot, form, "status", "unmet")
    _set(qtbot, form, "responsible", "Fernleigh Academy inclusion lead")
    _set(qtbot, form, "q__reduced_timetable", "yes")
    _set(qtbot, form, "q__hours_per_week", "10")
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and any(
                n["area"] == "education" and n["answers"].get("hours_per_week") == 10
                for n in console.data.needs
            )
        ),
        timeout=WAIT,
    )

    # Harm, already suffered.
    harm = _page(console, "harm")
    assert isinstance(harm, HarmPage)
    _add(qtbot, harm.suffered, harm_type="cce", description="Asked to carry a bag for the group")
    _add(qtbot, harm.likely, harm_type="serious_youth_violence")

    # Decision, with a dissenting view.
    decision = _page(console, "decision")
    assert isinstance(decision, DecisionPage)
    _set(qtbot, decision.form, "significant_harm", "yes")
    _set(qtbot, decision.form, "harm_category", "physical")
    _set(qtbot, decision.form, "outside_home", True)
    _set(qtbot, decision.form, "outcome", "roth_plan")
    _add(
        qtbot,
        decision.views,
        name="Sam Lindqvist",
        organisation="Police",
        position="disagrees",
        reasons="Thinks child in need would be enough for now.",
    )
    qtbot.waitUntil(
        lambda: console.data is not None and console.data.conference["outcome"] == "roth_plan",
        timeout=WAIT,
    )

    # The plan: a goal linked to the need, with an owned, dated action.
    plan = _page(console, "plan")
    assert isinstance(plan, PlanPage)
    _add(qtbot, plan.goals, heading="needs", text="Tyler is back in school full time")
    plan.goals.view.selectRow(0)
    links: QListWidget = plan.links
    qtbot.waitUntil(lambda: links.count() > 0, timeout=WAIT)
    warned_before = len(console.data.warnings) if console.data else 0
    item = next(links.item(n) for n in range(links.count()) if "Education" in links.item(n).text())
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(
        lambda: console.data is not None and len(console.data.warnings) < warned_before,
        timeout=WAIT,
    )
    plan.goals.view.selectRow(0)
    _add(
        qtbot,
        plan.action_list,
        what="Plan a phased return with the academy",
        person="Inclusion lead",
        due_on=format_date(today() + timedelta(days=28)),
        how_we_know="Tyler attends 25 hours a week",
    )

    # Next steps, then agree.
    next_steps = _page(console, "next_steps")
    assert isinstance(next_steps, NextStepsPage)
    _set(qtbot, next_steps.form, "visit_frequency", "Weekly")
    qtbot.waitUntil(
        lambda: console.data is not None and console.data.conference["visit_frequency"] == "Weekly",
        timeout=WAIT,
    )
    conference_id = console.conference_id
    workspace = _saved(unlocked)
    with workspace.session() as session:
        # An upcoming conference cannot be agreed yet: move it to now, as the chair would.
        conference = session.get_one(Conference, conference_id)
        conference.starts_at = conference.starts_at.replace(
            year=today().year, month=today().month, day=today().day
        )
    console.agree()
    qtbot.waitUntil(lambda: console.data is not None and console.data.agreed, timeout=WAIT)
    assert not console.agree_button.isVisible() and console.reopen_button.isVisible()

    with _saved(unlocked).session() as session:
        conference = session.get_one(Conference, conference_id)
        assert conference.status == ConferenceStatus.AGREED
        assert conference.content_pack_id == "roth-default"
        assert conference.current_step == "next_steps"
        assert conference.significant_harm is True and conference.outside_home is True
        assert conference.review_on == planned + timedelta(weeks=6)  # the default, 6 weeks on
        young = session.get_one(YoungPerson, conference.case.young_person_id)
        assert young.first_name == "Tyler"

        def rows(cls: Any) -> list[Any]:
            return list(session.scalars(select(cls).where(cls.conference_id == conference_id)))

        assert [m.text for m in rows(MinuteEntry)] == ["Introductions made; breaks offered."]
        assert rows(MinuteEntry)[0].step_key == "welcome"
        assert [p.text for p in rows(ProfileItem)] == ["Loves drumming and fixing bikes"]
        (voice,) = rows(Voice)
        assert voice.words == "I feel safest at my nan's." and voice.speaker.value == "young_person"
        contexts = {c.id: c for c in rows(ContextArea)}
        assert sum(c.weight for c in contexts.values()) == TOTAL
        assert contexts[places].safety == Safety.UNSAFE
        assert contexts[places].weight > before[places]
        assert contexts[peers].peer_initials == "J.B., KT"
        (item_row,) = rows(PartnerItem)
        assert item_row.restricted and item_row.source == "Neighbourhood officer"
        need = next(n for n in rows(Need) if n.area == "education")
        assert need.answers == {"reduced_timetable": True, "hours_per_week": 10}
        assert need.status.value == "unmet"
        assert sorted(h.timing.value for h in rows(HarmEntry)) == ["likely", "suffered"]
        (view,) = rows(DecisionView)
        assert view.position.value == "disagrees"
        (goal,) = rows(PlanGoal)
        assert [link.need_id for link in rows(GoalLink)] == [need.id]
        (action,) = rows(PlanAction)
        assert action.goal_id == goal.id and action.due_on is not None
        arrived = session.get_one(Attendance, arriving["id"])
        assert arrived.arrived_at is not None
        assert audit.verify(session).ok
