"""A Welsh-speaking family's conference: their screen in Welsh, their words, their copy.

The chair's console stays in English; the family screen is switched to Cymraeg,
the young person adds their own words there during the voices step, and the
family's copy is exported in Welsh. The PDF's extracted text must hold the
Welsh wording and the young person's words with ŵ and ŷ intact (not dropped,
decomposed or turned into look-alikes).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from roth_desktop.reports.audience import Audience
from roth_desktop.reports.pdf.wording import Wording
from tests.ui.conftest import open_draft_console, window_of
from ui.app import Controller
from ui.export_dialogs import ConferenceExportDialog
from ui.participant_screen import ParticipantScreen

WAIT = 30000
WORDS = "Dw i'n siŵr fy mod i'n saff yn y tŷ, ac yn y clwb pêl-droed gyda'r hyfforddwr."


def test_welsh_family_screen_words_and_family_pdf(
    qtbot: QtBot, unlocked: Controller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.export_job.QDesktopServices.openUrl", lambda url: None)
    console = open_draft_console(qtbot, unlocked)
    console.show_participant_screen()
    screen = console.participant
    assert isinstance(screen, ParticipantScreen)
    # The family chooses Cymraeg on their own screen; the console stays English.
    screen.language_box.setCurrentIndex(screen.language_box.findData("cy"))
    console.go_to("voices")
    qtbot.waitUntil(
        lambda: screen.view is not None and screen.view.step_kind == "voices", timeout=WAIT
    )
    assert screen.view is not None and screen.view.title != ""
    english_title = console.windowTitle()
    assert screen.language == "cy"
    # The young person's own words, typed on their screen, in Welsh.
    screen.who.setCurrentIndex(screen.who.findData("young_person"))
    screen.words.setFocus()
    # Welsh keyboards make ŵ and ŷ with a dead key or the OS character picker, which
    # arrive as text, not as key codes; QTest can only send key codes, so the text
    # arrives the way an input method delivers it.
    screen.words.insertPlainText(WORDS)
    qtbot.mouseClick(screen.add_words, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(w.words == WORDS for w in screen.view.words), timeout=WAIT)  # type: ignore[union-attr]
    assert console.windowTitle() == english_title

    view = window_of(unlocked).case_view
    dialog = view.export_conference()
    assert isinstance(dialog, ConferenceExportDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    dialog.audience_buttons[Audience.FAMILY].setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("cy"))
    out = tmp_path / "copi-teulu.pdf"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = dialog.run
    assert run is not None
    qtbot.waitUntil(lambda: run.notice is not None, timeout=WAIT)
    assert run.error == "" and run.paths == [out]

    text = unicodedata.normalize(
        "NFC", "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    )
    flat = " ".join(text.split())
    assert WORDS in flat  # their words, as they typed them
    assert "ŵ" in flat and "ŷ" in flat
    # The app's own Welsh wording is there too, with its circumflexes.
    welsh, english = Wording("cy")("voices.intro"), Wording("en")("voices.intro")
    assert " ".join(welsh.split()) in flat
    assert " ".join(english.split()) not in flat
