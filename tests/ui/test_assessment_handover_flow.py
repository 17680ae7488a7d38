"""The whole journey: a social worker writes an assessment on a disconnected laptop, hands
it over as an encrypted file, and the chair's conference starts from it.

Two workspaces, two app controllers, real SQLCipher files and the real handover file;
every step is done through the windows a person uses, and checked in the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from roth_desktop.app_settings import AppSettings
from roth_desktop.demo import create_demo
from roth_desktop.models import (
    Assessment,
    ContextArea,
    HarmEntry,
    Need,
    PartnerItem,
    ProfileItem,
    Voice,
    VoiceChannel,
)
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.ui.conftest import answer_start_offer, unlock, window_of
from tests.ui.test_assessment_window import _save, _set, _tab, _type, _workspace
from ui.app import Controller
from ui.assessment.sections import AnalysisSection
from ui.assessment.window import AssessmentWindow
from ui.console.pages import VoicesPage, WeightingPage, WelcomePage
from ui.handover_dialogs import HandoverExportDialog, HandoverImportDialog

WAIT = 30000
HANDOVER_PASSPHRASE = "blue kettle on the hill"
TYLERS_WORDS = "The park is fine in the day. It's the station at night I don't like."
ANALYSIS = "Tyler is being drawn in by an older group who meet at the station after dark."
OWNED = (ContextArea, Need, HarmEntry, PartnerItem, ProfileItem, Voice)


def _rows_of(workspace: Workspace, assessment_id: str) -> dict[str, Any]:
    """Everything the assessment holds, as plain values (ids and bookkeeping aside)."""
    with workspace.session() as session:
        assessment = session.get_one(Assessment, assessment_id)
        held: dict[str, Any] = {
            "assessment": {
                k: v
                for k, v in assessment.values().items()
                if k not in ("created_at", "updated_at")
            }
        }
        for cls in OWNED:
            rows = session.scalars(select(cls).where(cls.assessment_id == assessment_id))
            held[cls.__tablename__] = sorted(
                (
                    {k: v for k, v in r.values().items() if k not in ("created_at", "updated_at")}
                    for r in rows
                ),
                key=lambda v: str(v["id"]),
            )
        return held


def _write_assessment(qtbot: QtBot, worker: Controller) -> AssessmentWindow:
    """The worker starts a new assessment of Tyler and writes into it."""
    tab = _tab(qtbot, worker)
    qtbot.waitUntil(lambda: tab.list.model.rowCount() == 1, timeout=WAIT)
    before = set(QApplication.topLevelWidgets())
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, AssessmentWindow) and w.view is not None
            for w in set(QApplication.topLevelWidgets()) - before
        ),
        timeout=WAIT,
    )
    window = next(
        w for w in set(QApplication.topLevelWidgets()) - before if isinstance(w, AssessmentWindow)
    )
    window.activateWindow()

    # Tyler's words, written down at the café, as he said them and how.
    voices = window.go_to("voices")
    assert isinstance(voices, VoicesPage)
    adding = voices.voices.add()
    assert adding is not None
    _set(qtbot, adding.form, "channel", VoiceChannel.IN_PERSON.value)
    _set(qtbot, adding.form, "words", TYLERS_WORDS)
    _save(qtbot, adding)
    qtbot.waitUntil(lambda: voices.voices.model.rowCount() == 1, timeout=WAIT)

    # The map: school weighs more than the pack's even start.
    weighting = window.go_to("weighting")
    assert isinstance(weighting, WeightingPage)
    assert window.view is not None
    areas = {a["context_key"]: a for a in window.view.data.contexts}
    school = areas["school"]["id"]
    others = [a["id"] for a in window.view.data.contexts if a["id"] != school]
    shares = {school: 2000, **{o: (8000 // len(others)) for o in others}}
    shares[others[0]] += 8000 - sum(shares[o] for o in others)
    weighting.editing.set_shares(shares)
    qtbot.waitUntil(
        lambda: (
            window.view is not None
            and next(a for a in window.view.data.contexts if a["id"] == school)["weight"] == 2000
        ),
        timeout=WAIT,
    )

    # The analysis, typed as the worker would.
    analysis = window.go_to("analysis")
    assert isinstance(analysis, AnalysisSection)
    _type(qtbot, analysis.field("analysis").box, ANALYSIS)
    workspace = _workspace(worker)
    qtbot.waitUntil(
        lambda: _rows_of(workspace, window.assessment_id)["assessment"]["analysis"] == ANALYSIS,
        timeout=WAIT,
    )
    return window


def _hand_over(qtbot: QtBot, window: AssessmentWindow, out: Path) -> None:
    dialog = window.hand_over()
    assert isinstance(dialog, HandoverExportDialog)
    qtbot.keyClicks(dialog.passphrase, HANDOVER_PASSPHRASE)
    qtbot.keyClicks(dialog.again, HANDOVER_PASSPHRASE)
    dialog.path.setText(str(out))
    save = dialog.findChild(type(dialog.buttons.buttons()[0]), "handover_save")
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.is_file, timeout=WAIT)
    run = dialog.run
    assert run is not None
    qtbot.waitUntil(lambda: run.notice is not None and run.notice.isVisible(), timeout=WAIT)
    assert run.notice is not None and str(out) in run.notice.text()
    run.notice.close()


def _import(qtbot: QtBot, chair: Controller, path: Path) -> None:
    dialog = window_of(chair).import_handover()
    assert isinstance(dialog, HandoverImportDialog)
    dialog.path.setText(str(path))
    qtbot.waitUntil(lambda: dialog.protection.text() == "Protected by a passphrase.")
    qtbot.keyClicks(dialog.passphrase, HANDOVER_PASSPHRASE)
    importing = dialog.findChild(type(dialog.buttons.buttons()[0]), "handover_import")
    assert importing is not None
    qtbot.mouseClick(importing, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.objectName() == "handover_imported" and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=WAIT,
    )
    notice = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "handover_imported"
    )
    assert notice.text().startswith("Imported Tyler Marsh's assessment")
    notice.close()


def test_an_assessment_written_offline_reaches_the_chair_and_starts_the_conference(
    qtbot: QtBot, qapp: QApplication, unlocked: Controller, tmp_path: Path
) -> None:
    # -- the social worker, offline, on their own laptop --------------------------------
    worker = unlocked
    window = _write_assessment(qtbot, worker)
    assessment_id = window.assessment_id
    written = _rows_of(_workspace(worker), assessment_id)
    assert [v["words"] for v in written["voice"]] == [TYLERS_WORDS]

    handover_file = tmp_path / "tyler.rothhandover"
    _hand_over(qtbot, window, handover_file)
    assert TYLERS_WORDS.encode() not in handover_file.read_bytes()
    assert b"Tyler" not in handover_file.read_bytes()
    window.close()  # the worker is done (and this test's two laptops share one screen)

    # -- the chair, on another laptop with its own workspace -----------------------------
    chair_folder = tmp_path / "chair"
    create_demo(chair_folder, PASSPHRASE).lock()
    chair = Controller(qapp, chair_folder, AppSettings())
    chair.start()
    try:
        unlock(qtbot, chair)
        qtbot.waitUntil(
            lambda: chair.window is not None and chair.window.case_list.model.rowCount() == 3,
            timeout=WAIT,
        )
        _import(qtbot, chair, handover_file)
        chair_workspace = _workspace(chair)
        received = _rows_of(chair_workspace, assessment_id)
        assert received == written, "the chair holds exactly what the worker wrote"

        # The chair opens Tyler's conference: it offers the newest assessment, theirs.
        main = window_of(chair)
        row = next(r for r in main.case_list.model.rows if r.name == "Tyler Marsh")
        main.case_list.select(row.young_person_id)
        view = main.case_view
        qtbot.waitUntil(
            lambda: (
                view.detail is not None
                and view.detail.young_person["id"] == row.young_person_id
                and view.conferences.model.rowCount() > 0
            ),
            timeout=WAIT,
        )
        view.conferences.view.selectRow(0)
        console = view.run_conference()
        assert console is not None
        qtbot.waitUntil(lambda: console.findChild(QMessageBox, "start_from_assessment") is not None)
        offer = console.findChild(QMessageBox, "start_from_assessment")
        assert offer is not None
        assert "is ready. Start this conference from it?" in offer.text()
        answer_start_offer(qtbot, console, use_assessment=True)
        assert console.data is not None
        assert console.data.conference["assessment_id"] == assessment_id
        assert [v["words"] for v in console.data.voices] == [TYLERS_WORDS]
        school = next(a for a in console.data.contexts if a["context_key"] == "school")
        assert school["weight"] == 2000

        # The room moves the map: school now weighs 35%.
        console.go_to("weighting")
        weighting = console.page("weighting")
        assert isinstance(weighting, WeightingPage)
        others = [a["id"] for a in console.data.contexts if a["id"] != school["id"]]
        shares = {school["id"]: 3500, **{o: 6500 // len(others) for o in others}}
        shares[others[0]] += 6500 - sum(shares[o] for o in others)
        weighting.editing.set_shares(shares)
        qtbot.waitUntil(
            lambda: (
                console.data is not None
                and next(a for a in console.data.contexts if a["id"] == school["id"])["weight"]
                == 3500
            ),
            timeout=WAIT,
        )

        # The conference says what changed since the assessment...
        console.go_to("welcome")
        welcome = console.page("welcome")
        assert isinstance(welcome, WelcomePage)
        qtbot.waitUntil(lambda: "Since the assessment" in welcome.summary.text(), timeout=WAIT)
        assert f"{school['name']}: influence 20% → 35%." in welcome.summary.text()

        # ...and the assessment is exactly as the worker wrote it, on both laptops.
        chair.jobs.wait_idle()
        assert _rows_of(chair_workspace, assessment_id) == written
        assert _rows_of(_workspace(worker), assessment_id) == written
        console.close()

        # Opened on the chair's laptop, it says it is kept as the conference found it,
        # and the core refuses a change made anyway.
        tab = _tab(qtbot, chair)
        qtbot.waitUntil(lambda: tab.list.model.rowCount() == 2, timeout=WAIT)
        opened = tab.open_assessment(assessment_id)
        qtbot.waitUntil(lambda: opened.view is not None, timeout=WAIT)
        assert "started from this assessment" in opened.notice.text()
        analysis = opened.go_to("analysis")
        assert isinstance(analysis, AnalysisSection) and not analysis.isEnabled()
        problems: list[str] = []
        main.store.problem.connect(problems.append)
        main.store.set_field("assessment", assessment_id, "analysis", "Changed later", "analysis")
        qtbot.waitUntil(lambda: bool(problems), timeout=WAIT)
        assert "A conference has started from this assessment" in problems[0]
        assert _rows_of(chair_workspace, assessment_id) == written
        opened.close()
    finally:
        chair.shutdown()
