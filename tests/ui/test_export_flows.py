"""Printing a conference and making the data return from the app, as a chair would."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from roth_desktop.models import Record
from roth_desktop.reports.audience import Audience
from roth_desktop.reports.conference_record import build_record
from tests.ui.conftest import window_of
from ui.app import Controller
from ui.case_view import CaseView
from ui.export_dialogs import CalendarExportDialog, ConferenceExportDialog, DataReturnDialog
from ui.export_job import ExportRun

WAIT = 30000


def _mira_review(qtbot: QtBot, controller: Controller) -> CaseView:
    window = window_of(controller)
    row = next(r for r in window.case_list.model.rows if r.name.startswith("Mira"))
    window.case_list.select(row.young_person_id)
    view = window.case_view
    qtbot.waitUntil(
        lambda: view.detail is not None and view.conferences.model.rowCount() > 0, timeout=WAIT
    )
    agreed_reviews = [
        n
        for n, c in enumerate(view.conferences.model.rows)
        if str(c["kind"]) == "review" and str(c["status"]) == "agreed"
    ]
    view.conferences.view.selectRow(agreed_reviews[0])
    return view


def _finished(qtbot: QtBot, run: ExportRun | None) -> ExportRun:
    assert run is not None
    qtbot.waitUntil(lambda: run.notice is not None, timeout=WAIT)
    return run


def _restricted_texts(controller: Controller, conference_id: str) -> list[str]:
    assert controller.workspace is not None
    with controller.workspace.session() as session:
        record = build_record(session, conference_id, Audience.PROFESSIONAL)
    r = record.restricted
    texts = [i.text for i in r.partner_information] + [m.text for m in r.minutes]
    texts += [h.description for h in r.harm if h.description] + [x.label for x in r.links]
    assert texts, "the demo review should hold restricted items to test against"
    return texts


def test_family_copy_from_the_app_leaves_restricted_items_out(
    qtbot: QtBot, unlocked: Controller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "ui.export_job.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile())
    )
    view = _mira_review(qtbot, unlocked)
    dialog = view.export_conference()
    assert isinstance(dialog, ConferenceExportDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    assert dialog.audience_buttons[Audience.FAMILY].isChecked()  # the kind default
    # The suggested name carries initials, never the young person's name.
    assert Path(dialog.path.text()).name.startswith("AH-")
    out = tmp_path / "family-copy.pdf"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = _finished(qtbot, dialog.run)
    assert run.error == "" and run.paths == [out]
    assert isinstance(run.notice, QMessageBox) and str(out) in run.notice.text()
    buttons = [b.text() for b in run.notice.findChildren(QPushButton)]
    assert "Open folder" in buttons
    open_folder = next(b for b in run.notice.findChildren(QPushButton) if b.text() == "Open folder")
    qtbot.mouseClick(open_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]
    text = "\n".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert "AH" in text
    for secret in _restricted_texts(unlocked, view.conferences.selected()["id"]):  # type: ignore[index]
        assert secret[:40] not in text


def test_password_and_json_choices_in_the_dialog(
    qtbot: QtBot, unlocked: Controller, tmp_path: Path
) -> None:
    view = _mira_review(qtbot, unlocked)
    dialog = view.export_conference()
    assert dialog is not None
    dialog.audience_buttons[Audience.YOUNG_PERSON].setChecked(True)
    assert dialog.path.text().endswith("-young-person.pdf")
    json_item = dialog.format.model().item(1)  # type: ignore[attr-defined]
    assert not json_item.isEnabled()  # JSON is for the record and the family copy only
    chosen = tmp_path / "for-mira.pdf"
    dialog.path.setText(str(chosen))
    dialog.protect.setChecked(True)
    assert dialog.path.text() == str(chosen)  # a name the person typed is never replaced
    dialog.password.setText("Kestrel-harbour-93")
    dialog.password_again.setText("Kestrel-harbour-39")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.message.text()
    assert dialog.run is None and dialog.isVisible()
    dialog.password_again.setText("Kestrel-harbour-93")
    out = tmp_path / "plan.pdf"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _finished(qtbot, dialog.run)
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.decrypt("wrong") == 0

    dialog = view.export_conference()
    assert dialog is not None
    dialog.audience_buttons[Audience.PROFESSIONAL].setChecked(True)
    dialog.format.setCurrentIndex(1)
    assert dialog.path.text().endswith("-professional.json")
    out = tmp_path / "record.json"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _finished(qtbot, dialog.run)
    assert '"restricted"' in out.read_text("utf-8")


def test_a_folder_that_does_not_exist_is_explained_and_nothing_is_written(
    qtbot: QtBot, unlocked: Controller, tmp_path: Path
) -> None:
    view = _mira_review(qtbot, unlocked)
    dialog = view.export_conference()
    assert dialog is not None
    dialog.path.setText(str(tmp_path / "gone" / "copy.pdf"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = _finished(qtbot, dialog.run)
    assert run.paths == []
    assert "Nothing was saved" in run.notice.text() and "does not exist" in run.error  # type: ignore[union-attr]
    assert not (tmp_path / "gone").exists()


def test_data_return_from_the_file_menu(qtbot: QtBot, unlocked: Controller, tmp_path: Path) -> None:
    window = window_of(unlocked)
    dialog = window.data_return()
    assert isinstance(dialog, DataReturnDialog)
    for widget in (dialog.start_date, dialog.end_date, dialog.threshold, dialog.path):
        assert widget.accessibleName()
    out = tmp_path / "return.xlsx"
    dialog.path.setText(str(out))
    dialog.start_date.setDate(dialog.start_date.date().addYears(-5))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = _finished(qtbot, dialog.run)
    assert run.error == "", run.error
    assert sorted(p.name for p in run.paths) == [
        "return.episodes.csv",
        "return.summary.csv",
        "return.xlsx",
    ]
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "Summary"
    book.close()


def test_an_empty_date_range_is_refused_in_the_dialog(qtbot: QtBot, unlocked: Controller) -> None:
    dialog = window_of(unlocked).data_return()
    dialog.end_date.setDate(dialog.start_date.date().addDays(-1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "date range is empty" in dialog.message.text()
    assert dialog.run is None


def test_data_return_counts_on_the_timescales_policy(
    qtbot: QtBot, unlocked: Controller, tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    (isolated_dirs["config"] / "timescales.json").write_text(
        '{"region": "wales", "initial_conference_working_days": 10}', "utf-8"
    )
    dialog = window_of(unlocked).data_return()
    assert dialog.region.currentData() == "wales"  # the policy's region to start with
    assert dialog.message.text() == ""
    dialog.region.setCurrentIndex(dialog.region.findData("england"))  # for this return only
    out = tmp_path / "policy-return.xlsx"
    dialog.path.setText(str(out))
    dialog.start_date.setDate(dialog.start_date.date().addYears(-5))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = _finished(qtbot, dialog.run)
    assert run.error == "", run.error
    book = load_workbook(out, read_only=True)
    headers = next(book["Episodes"].iter_rows(values_only=True))
    notes = {row[0]: row[1] for row in book["Notes"].iter_rows(values_only=True)}
    book.close()
    assert "Within 10 working days" in headers
    assert "Reason initial conference was late" in headers
    assert "bank holidays of England" in str(notes["Timescale"])


def test_a_broken_policy_file_is_shown_and_the_defaults_used(
    qtbot: QtBot, unlocked: Controller, isolated_dirs: dict[str, Path]
) -> None:
    policy_file = isolated_dirs["config"] / "timescales.json"
    policy_file.write_text('{"review_interval": {"count": 7, "unit": "months"}}', "utf-8")
    dialog = window_of(unlocked).data_return()
    assert dialog.message.text() == (
        "Reviews must be no more than 6 months apart; 7 months is too long "
        f"({policy_file}). The national defaults are used until it is put right."
    )
    assert "\n" not in dialog.message.text()
    assert dialog.region.currentData() == "england"
    assert dialog.policy.initial_conference_working_days == 15


def test_calendar_from_the_file_menu_carries_initials_only(
    qtbot: QtBot, unlocked: Controller, tmp_path: Path
) -> None:
    import icalendar

    from roth_desktop.models import FamilyMember, YoungPerson

    window = window_of(unlocked)
    dialog = window.export_calendar()
    assert isinstance(dialog, CalendarExportDialog)
    dialog.path.setText(str(tmp_path / "no-such-folder" / "cal.ics"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in dialog.message.text()
    assert dialog.run is None

    out = tmp_path / "conferences.ics"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = _finished(qtbot, dialog.run)
    assert run.error == "", run.error
    assert run.paths == [out]
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries, "the demo has conferences booked and reviews due"
    assert controller_names(unlocked, YoungPerson, FamilyMember).isdisjoint(
        word for s in summaries for word in s.replace(",", " ").split()
    )
    assert any(s.endswith("— AH") or "— AH," in s for s in summaries)


def controller_names(controller: Controller, *models: type[Record]) -> set[str]:
    """Every word of every name the workspace holds for these people."""
    assert controller.workspace is not None
    words: set[str] = set()
    with controller.workspace.session() as session:
        for model in models:
            for person in session.scalars(select(model)):
                for field in ("first_name", "last_name", "preferred_name", "name"):
                    words.update(str(getattr(person, field, "") or "").split())
    return words
