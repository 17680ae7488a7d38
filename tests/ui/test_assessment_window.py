"""The social worker's assessment window, driven as a worker would, checked in the database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from roth_desktop.conference.content_pack import default_pack
from roth_desktop.models import (
    Assessment,
    AssessmentShare,
    Case,
    ContextArea,
    FamilyMember,
    Need,
    PartnerItem,
    Visit,
    Voice,
    VoiceKind,
    YoungPerson,
)
from roth_desktop.reports.audience import Audience
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.ui.conftest import window_of
from tests.ui.test_display_screenshots import needs_xvfb
from ui.app import Controller
from ui.assessment.case_tab import AssessmentsTab
from ui.assessment.sections import (
    AnalysisSection,
    NeedsSection,
    PartnerSection,
    RecommendationSection,
    SafetySection,
    SharingSection,
    VisitsSection,
)
from ui.assessment.window import AssessmentWindow
from ui.console.pages import WeightingPage, is_alive
from ui.forms import RecordDialog, RecordForm

WAIT = 15000
REPO = Path(__file__).resolve().parents[2]


def _workspace(controller: Controller) -> Workspace:
    controller.jobs.wait_idle()
    assert controller.workspace is not None
    return controller.workspace


def _tab(qtbot: QtBot, controller: Controller, name: str = "Tyler Marsh") -> AssessmentsTab:
    window = window_of(controller)
    row = next(r for r in window.case_list.model.rows if r.name == name)
    window.case_list.select(row.young_person_id)
    view = window.case_view
    tab = view.assessments
    qtbot.waitUntil(
        lambda: view.detail is not None and view.detail.young_person["id"] == row.young_person_id,
        timeout=WAIT,
    )
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.case_id is not None, timeout=WAIT)
    return tab


def _open_tylers(qtbot: QtBot, controller: Controller) -> AssessmentWindow:
    tab = _tab(qtbot, controller)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=WAIT)
    window = tab.open_selected()
    assert window is not None
    qtbot.waitUntil(lambda: window.view is not None, timeout=WAIT)
    window.activateWindow()
    return window


def _assessment(controller: Controller, window: AssessmentWindow) -> dict[str, Any]:
    with _workspace(controller).session() as session:
        found = session.get(Assessment, window.assessment_id)
        assert found is not None
        return dict(found.values())


def _type(qtbot: QtBot, box: QPlainTextEdit, text: str) -> None:
    """Click into the box, type, and leave it (leaving saves, as a pause does)."""
    box.window().activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=WAIT)
    qtbot.keyClicks(box, text)
    box.clearFocus()


def _set(qtbot: QtBot, form: RecordForm, name: str, value: Any) -> None:
    widget = form.widgets[name]
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.findData(value))
        widget.activated.emit(widget.currentIndex())
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(value)
        widget.editingFinished.emit()


def _save(qtbot: QtBot, dialog: RecordDialog) -> None:
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    # Saved, it closes (and is deleted: it held what was typed).
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=WAIT)


def _view(window: AssessmentWindow) -> dict[str, Any]:
    """The assessment as the window last drew it."""
    assert window.view is not None
    return window.view.assessment


def test_tylers_assessment_opens_from_the_case_view_with_his_words_and_the_map(
    qtbot: QtBot, unlocked: Controller
) -> None:
    window = _open_tylers(qtbot, unlocked)
    view = window.view
    assert view is not None
    assert "Tyler Marsh" in window.header.text()
    titles = [window.section_list.item(i).text() for i in range(window.section_list.count())]
    assert titles[0] == "About" and titles[-1] == "Sharing with the family"
    assert len(titles) == 12

    # The analysis as written, with Joanne's correction beside it and not inside it.
    analysis = window.go_to("analysis")
    assert isinstance(analysis, AnalysisSection)
    box = analysis.field("analysis").box
    assert box.toPlainText().startswith("Since the summer you have been spending")
    beside = analysis.field("analysis").corrections
    assert beside.isVisible()
    assert "Joanne Marsh said:" in " ".join(
        w.text() for w in beside.findChildren(QWidget) if hasattr(w, "text")
    )
    assert "I go looking for him" not in box.toPlainText()

    # The map is the console's own page, and adding a context makes an assessment row.
    weighting = window.go_to("weighting")
    assert isinstance(weighting, WeightingPage)
    before = len(view.data.contexts)
    weighting.editing.add("Youth club on Mill Lane")
    qtbot.waitUntil(
        lambda: window.view is not None and len(window.view.data.contexts) == before + 1,
        timeout=WAIT,
    )
    assert any(a.name == "Youth club on Mill Lane" for a in weighting.map.areas)
    with _workspace(unlocked).session() as session:
        added = session.scalars(
            select(ContextArea).where(ContextArea.name == "Youth club on Mill Lane")
        ).one()
        added_id = added.id
        assert added.assessment_id == window.assessment_id
        assert added.conference_id is None
        shares = [
            c.weight
            for c in session.scalars(
                select(ContextArea).where(ContextArea.assessment_id == window.assessment_id)
            )
        ]
        assert sum(shares) == 10000

    # A link made with L on the assessment's map is the assessment's too.
    weighting.editing.link(added_id, view.data.contexts[0]["id"])
    dialog = weighting.editing.dialog
    assert dialog is not None
    dialog.setTextValue("the club is next to the park")
    dialog.accept()
    qtbot.waitUntil(
        lambda: window.view is not None and len(window.view.data.links) == len(view.data.links) + 1,
        timeout=WAIT,
    )

    # Partner information added here is the assessment's, and its wording is hinted at.
    partner = window.go_to("partner_information")
    assert isinstance(partner, PartnerSection)
    items = partner.page.items
    before_items = items.model.rowCount()
    adding = items.add()
    assert adding is not None
    agency = next(i for i, name in view.data.agencies if name == "Northbrook Academy")
    _set(qtbot, adding.form, "agency_id", agency)
    _set(qtbot, adding.form, "nature", "opinion")
    _set(qtbot, adding.form, "text", "Staff say he is a gang member now.")
    _save(qtbot, adding)
    qtbot.waitUntil(lambda: items.model.rowCount() == before_items + 1, timeout=WAIT)
    row = next(n for n, r in enumerate(items.model.rows) if "gang member" in r["text"])
    items.view.selectRow(row)
    qtbot.waitUntil(lambda: partner.hints.keys() == ["gang_member"], timeout=WAIT)
    with _workspace(unlocked).session() as session:
        item = session.scalars(
            select(PartnerItem).where(PartnerItem.text == "Staff say he is a gang member now.")
        ).one()
        assert item.assessment_id == window.assessment_id and item.conference_id is None

    # The needs banner is quiet: every area was asked in Tyler's assessment.
    needs = window.go_to("needs")
    assert isinstance(needs, NeedsSection)
    assert not needs.banner.isVisible()

    # The "what makes it unsafe" box has hints too.
    safety = window.go_to("safety")
    assert isinstance(safety, SafetySection)
    qtbot.waitUntil(safety.page.form.isVisible, timeout=WAIT)
    unsafe_box = safety.page.form.widgets["makes_unsafe"]
    assert isinstance(unsafe_box, QPlainTextEdit)
    unsafe_box.setPlainText("Older gang members wait there after dark.")
    qtbot.waitUntil(lambda: safety.hints.keys() == ["gang_member"], timeout=WAIT)
    assert unsafe_box.extraSelections()  # the words are underlined


def test_wording_hints_appear_gently_and_stay_dismissed(qtbot: QtBot, unlocked: Controller) -> None:
    window = _open_tylers(qtbot, unlocked)
    analysis = window.go_to("analysis")
    assert isinstance(analysis, AnalysisSection)
    field = analysis.field("analysis")
    assert field.hints.keys() == []
    windows_before = set(QApplication.topLevelWidgets())

    field.box.selectAll()
    _type(qtbot, field.box, "Mum claimed he was at home.")
    qtbot.waitUntil(lambda: field.hints.keys() == ["claimed"], timeout=WAIT)
    hint = field.hints.findChild(QWidget, "hint_claimed")
    assert hint is not None and hint.isVisible()
    assert "Try: said, told us" in hint.text()  # type: ignore[attr-defined]
    assert field.box.extraSelections()
    assert "wording hint" in field.box.accessibleDescription()
    # No pop-up: nothing new at the top level.
    assert set(QApplication.topLevelWidgets()) == windows_before
    qtbot.waitUntil(
        lambda: _assessment(unlocked, window)["analysis"] == "Mum claimed he was at home.",
        timeout=WAIT,
    )

    # "denied access to the building" is something withheld, not an account doubted.
    explanations = analysis.field("explanations")
    explanations.box.selectAll()
    _type(qtbot, explanations.box, "The landlord denied access to the building.")
    qtbot.wait(600)
    assert explanations.hints.keys() == []

    # Dismissed from the keyboard: the hint goes and the choice is saved.
    dismiss = field.hints.buttons["claimed"]
    assert dismiss.accessibleName() == "Dismiss the hint about ‘claimed’"
    dismiss.setFocus()
    qtbot.keyClick(dismiss, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: field.hints.keys() == [], timeout=WAIT)
    qtbot.waitUntil(
        lambda: "claimed" in _assessment(unlocked, window)["dismissed_prompts"], timeout=WAIT
    )

    # Still dismissed after the window is closed and opened again.
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    again = _open_tylers(qtbot, unlocked)
    assert again is not window
    analysis = again.go_to("analysis")
    assert isinstance(analysis, AnalysisSection)
    field = analysis.field("analysis")
    assert "claimed" in field.box.toPlainText()
    qtbot.wait(600)
    assert field.hints.keys() == []
    assert field.box.extraSelections() == []

    # Other words are still hinted at.
    _type(qtbot, field.box, " He denied it.")
    qtbot.waitUntil(lambda: field.hints.keys() == ["denied"], timeout=WAIT)


def test_sharing_then_editing_shows_what_changed_and_keeps_what_they_saw(
    qtbot: QtBot, unlocked: Controller
) -> None:
    window = _open_tylers(qtbot, unlocked)
    sharing = window.go_to("sharing")
    assert isinstance(sharing, SharingSection)
    shares_model = sharing.shares_model
    assert shares_model.rowCount() == 1

    dialog = window.record_sharing()
    assert dialog is not None
    _set(qtbot, dialog.form, "shared_with", "Tyler and Joanne Marsh")
    _set(qtbot, dialog.form, "how", "Read together at the Bean café")
    _set(qtbot, dialog.form, "family_response", "Tyler said the park part is right.")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: shares_model.rowCount() == 2, timeout=WAIT)
    assert "saw this version" in window.notice.text()
    assert not window.view.changed_since_shared  # type: ignore[union-attr]
    with _workspace(unlocked).session() as session:
        shares = session.scalars(
            select(AssessmentShare).where(AssessmentShare.assessment_id == window.assessment_id)
        ).all()
        assert len(shares) == 2
        kept = next(s for s in shares if s.how == "Read together at the Bean café")
        old_analysis = kept.shown["analysis"]
        assert old_analysis.startswith("Since the summer")

    # The worker edits the analysis: the family has not seen this version.
    analysis = window.go_to("analysis")
    assert isinstance(analysis, AnalysisSection)
    box = analysis.field("analysis").box
    box.moveCursor(box.textCursor().MoveOperation.End)
    _type(qtbot, box, " Since then he has been home by ten most nights.")
    qtbot.waitUntil(lambda: "Changed since" in window.notice.text(), timeout=WAIT)
    assert "Tyler and Joanne Marsh" in window.notice.text()
    sharing = window.go_to("sharing")
    assert isinstance(sharing, SharingSection)
    assert window.notice.isVisible()

    # What they saw is the copy kept that day, not today's text.
    sharing.shares.selectRow(1)
    sharing.show_what_they_saw()
    shown = window.shared_view
    assert shown is not None and shown.isVisible()
    text = shown.plain_text()
    assert old_analysis[:60] in text
    assert "home by ten most nights" not in text
    assert "J.B." not in text and "Neighbourhood Policing" not in text  # restricted stays out
    shown.close()

    # A correction from Joanne sits beside the analysis; the worker's text is untouched.
    joanne = next(i for i, name in window.view.data.family if name.startswith("Joanne"))  # type: ignore[union-attr]
    window.go_to("analysis")
    dialog = window.add_correction()
    assert dialog is not None
    assert dialog.form.value("about") == "analysis"
    _set(qtbot, dialog.form, "family_member_id", joanne)
    _set(qtbot, dialog.form, "words", "He was home by nine on Friday, not late.")
    _save(qtbot, dialog)
    field = analysis.field("analysis")
    qtbot.waitUntil(
        lambda: any(
            "home by nine on Friday" in (w.text() if hasattr(w, "text") else "")
            for w in field.corrections.findChildren(QWidget)
        ),
        timeout=WAIT,
    )
    with _workspace(unlocked).session() as session:
        said = session.scalars(
            select(Voice).where(
                Voice.assessment_id == window.assessment_id, Voice.kind == VoiceKind.CORRECTION
            )
        ).all()
        mine = next(v for v in said if "home by nine" in v.words)
        assert mine.about == "analysis"
        assert mine.family_member_id == joanne
        assessment = session.get(Assessment, window.assessment_id)
        assert assessment is not None
        assert "home by nine" not in assessment.analysis
        assert assessment.analysis.endswith("home by ten most nights.")


def test_undo_takes_back_an_edit_in_the_database(qtbot: QtBot, unlocked: Controller) -> None:
    window = _open_tylers(qtbot, unlocked)
    before = _assessment(unlocked, window)
    analysis = window.go_to("analysis")
    assert isinstance(analysis, AnalysisSection)
    box = analysis.field("working_well").box
    box.moveCursor(box.textCursor().MoveOperation.End)
    _type(qtbot, box, " He helps coach the juniors on Saturdays.")
    # Redrawn from what was saved (so the edit is on the undo stack by now).
    qtbot.waitUntil(
        lambda: _view(window)["working_well"].endswith("juniors on Saturdays."), timeout=WAIT
    )
    assert _assessment(unlocked, window)["working_well"].endswith("juniors on Saturdays.")
    # The plan's targets are ticked in the recommendation.
    recommendation = window.go_to("recommendation")
    assert isinstance(recommendation, RecommendationSection)
    assert set(recommendation.chosen()) == set(before["plan_targets"])
    first_off = next(
        n
        for n in range(recommendation.targets.count())
        if recommendation.targets.item(n).checkState() == Qt.CheckState.Unchecked
    )
    recommendation.targets.item(first_off).setCheckState(Qt.CheckState.Checked)
    wanted = len(before["plan_targets"]) + 1
    qtbot.waitUntil(lambda: len(_view(window)["plan_targets"]) == wanted, timeout=WAIT)
    assert len(_assessment(unlocked, window)["plan_targets"]) == wanted

    # Ctrl+Z from the window (not inside a text box): the tick, then the words, come back.
    window.section_list.setFocus()
    undo = next(a for a in window.actions() if a.objectName() == "action_undo")
    undo.trigger()
    qtbot.waitUntil(
        lambda: _assessment(unlocked, window)["plan_targets"] == before["plan_targets"],
        timeout=WAIT,
    )
    undo.trigger()
    qtbot.waitUntil(
        lambda: _assessment(unlocked, window)["working_well"] == before["working_well"],
        timeout=WAIT,
    )
    window.go_to("analysis")
    qtbot.waitUntil(lambda: box.toPlainText() == before["working_well"], timeout=WAIT)


def test_a_new_assessment_names_the_needs_not_yet_asked(qtbot: QtBot, unlocked: Controller) -> None:
    tab = _tab(qtbot, unlocked)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=WAIT)
    known = set(QApplication.topLevelWidgets())
    tab.new_assessment()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, AssessmentWindow) and w.view is not None
            for w in set(QApplication.topLevelWidgets()) - known
        ),
        timeout=WAIT,
    )
    window = next(
        w for w in set(QApplication.topLevelWidgets()) - known if isinstance(w, AssessmentWindow)
    )
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 2, timeout=WAIT)
    needs = window.go_to("needs")
    assert isinstance(needs, NeedsSection)
    assert needs.banner.isVisible()
    pack = default_pack()
    for area in pack.needs:
        assert area.label("en") in needs.banner.text()

    # A visit made for the assessment belongs to it and to the case.
    visits = window.go_to("visits")
    assert isinstance(visits, VisitsSection)
    dialog = visits.visits.add()
    assert dialog is not None
    _set(qtbot, dialog.form, "place", "The Bean café, Market Street")
    _set(qtbot, dialog.form, "who_seen", "Tyler")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: visits.visits.model.rowCount() == 1, timeout=WAIT)

    with _workspace(unlocked).session() as session:
        assessment = session.get(Assessment, window.assessment_id)
        assert assessment is not None
        young = session.scalars(select(YoungPerson).where(YoungPerson.last_name == "Marsh")).one()
        case = session.scalars(select(Case).where(Case.young_person_id == young.id)).first()
        assert case is not None and assessment.case_id == case.id
        assert assessment.content_pack_id == pack.id
        needs_rows = session.scalars(select(Need).where(Need.assessment_id == assessment.id)).all()
        assert len(needs_rows) == len(pack.needs)
        visit = session.scalars(select(Visit).where(Visit.assessment_id == assessment.id)).one()
        assert visit.case_id == case.id and visit.place == "The Bean café, Market Street"
        members = session.scalars(
            select(FamilyMember).where(FamilyMember.young_person_id == young.id)
        ).all()
        assert members  # the correction dialog offers them


def test_the_family_version_prints_from_the_window_without_restricted_items(
    qtbot: QtBot, unlocked: Controller, tmp_path: Path
) -> None:
    window = _open_tylers(qtbot, unlocked)
    dialog = window.print_assessment()
    assert dialog is not None
    assert dialog.audience_buttons[Audience.FAMILY].isChecked()
    assert Path(dialog.path.text()).name.startswith("TM-")  # initials, never the name
    out = tmp_path / "family-version.pdf"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = dialog.run
    assert run is not None
    qtbot.waitUntil(lambda: run.paths != [] or run.error != "", timeout=60000)
    assert run.error == "" and run.paths == [out]
    text = "\n".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert "TM" in text
    assert "passing a bag" not in text  # the police item is restricted


def test_the_window_speaks_welsh_on_its_own(qtbot: QtBot, unlocked: Controller) -> None:
    window = _open_tylers(qtbot, unlocked)
    analysis = window.go_to("analysis")
    assert isinstance(analysis, AnalysisSection)
    analysis.field("analysis").box.setPlainText("Mum claimed he was at home.")
    # The main window rebuilt in Welsh: the assessment stays open, in its own language.
    unlocked.display.set_language("cy")
    assert window_of(unlocked).ui_language == "cy"
    assert is_alive(window) and window.isVisible()
    assert window.parent() is window_of(unlocked)
    assert window.ui_language == "en"
    window.set_language("cy")
    assert window.ui_language == "cy"
    assert window.section_list.item(0).text() == "Am yr asesiad"
    assert window.section_key == "analysis"
    analysis = window.sections[window._index("analysis")][2]
    assert isinstance(analysis, AnalysisSection)
    field = analysis.field("analysis")
    qtbot.waitUntil(lambda: field.hints.keys() == ["claimed"], timeout=WAIT)
    hint = field.hints.findChild(QWidget, "hint_claimed")
    assert hint is not None
    assert "Mae'n awgrymu" in hint.text()  # type: ignore[attr-defined]


# -- a real window, for a person to look at ------------------------------------------------------


@pytest.mark.xvfb
@needs_xvfb
def test_screenshot_of_the_assessment_window(demo_folder: Path, tmp_path: Path) -> None:
    passphrase = tmp_path / "pass"
    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    out_dir = REPO / "artifacts"
    out_dir.mkdir(exist_ok=True)
    shot = out_dir / "assessment-window.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [
            "xvfb-run",
            *("-a", "-s", "-screen 0 1600x1000x24"),
            sys.executable,
            *("-m", "tests.ui.screenshot_assessment"),
            *(str(demo_folder), str(passphrase), str(shot)),
        ],
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        timeout=180,
        cwd=REPO,
    )
    image = QImage(str(shot))
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
    assert len(colours) > 20, "the screenshot is blank"


def test_an_assessment_started_by_mistake_can_be_deleted_and_undone_but_not_a_shared_one(
    qtbot: QtBot, unlocked: Controller
) -> None:
    tab = _tab(qtbot, unlocked)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=WAIT)
    tab.new_assessment()
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 2, timeout=WAIT)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, AssessmentWindow):
            widget.close()
    new_row = next(
        n
        for n, r in enumerate(tab.list.model.rows)
        if r["started_on"] != r.get("completed_on") and not r.get("last_shared_on")
    )
    tab.list.view.selectRow(new_row)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=WAIT)
    with _workspace(unlocked).session() as session:
        assert len(session.scalars(select(Assessment)).all()) == 1
    window_of(unlocked).store.undo_stack.undo()
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 2, timeout=WAIT)
    with _workspace(unlocked).session() as session:
        restored = session.scalars(select(Assessment)).all()
        assert len(restored) == 2
        again = next(a for a in restored if not a.shares)
        assert len(session.scalars(select(Need).where(Need.assessment_id == again.id)).all()) == 6

    # Tyler's shared assessment stays, and the chair is told why.
    shared_row = next(n for n, r in enumerate(tab.list.model.rows) if r.get("last_shared_on"))
    tab.list.view.selectRow(shared_row)
    problems: list[str] = []
    window_of(unlocked).store.problem.connect(problems.append)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(problems), timeout=WAIT)
    assert "shared with the family" in problems[0]
    assert tab.list.model.rowCount() == 2
