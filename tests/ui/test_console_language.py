"""The chair's console and the family's screen each speak their own language.

Switching the console to Cymraeg leaves the family screen in English, and the
family choosing Cymraeg leaves the console in English; the assertions are on the
words each window shows. Expected Welsh is read from the compiled translations
(so a corrected translation does not break the test), with a few words written
out to prove the translations really were loaded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from roth_desktop.models import MinuteEntry
from tests.ui.conftest import answer_start_offer, window_of
from tests.ui.test_accessibility import _unnamed
from ui.app import Controller
from ui.console import specs
from ui.console.pages import SafetyPage, WelcomePage
from ui.console.window import ConsoleWindow
from ui.forms import translate_words
from ui.help_overlay import HelpOverlay
from ui.i18n import language
from ui.participant_screen import ParticipantScreen

WAIT = 15000
ROOT = Path(__file__).resolve().parents[2]
CONSOLE_TS = sorted((ROOT / "resources" / "translations" / "cy").glob("ui.console.*.ts"))


def _welsh(context: str, source: str) -> str:
    found = language("cy").translate(context, source)
    assert found != source, f"no Welsh for {source!r}"
    return found


def _open_console(qtbot: QtBot, controller: Controller) -> ConsoleWindow:
    window = window_of(controller)
    row = next(r for r in window.case_list.model.rows if r.name.startswith("Tyler"))
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
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow, timeout=WAIT)
    return console


def _open_family_screen(qtbot: QtBot, console: ConsoleWindow) -> ParticipantScreen:
    console.show_participant_screen()
    family = console.participant
    assert family is not None
    qtbot.waitUntil(lambda: family.view is not None and family.isVisible(), timeout=WAIT)
    return family


def _words(window: QWidget) -> list[str]:
    """Every word the window shows in its own labels, buttons and tabs (not its child windows)."""
    shown = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            shown.append(widget.text())
        elif isinstance(widget, QTabBar):
            shown += [widget.tabText(i) for i in range(widget.count())]
    return shown


def _english_with_welsh() -> set[str]:
    """The console's English words that have a Welsh translation."""
    found = set()
    for ts in CONSOLE_TS:
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            welsh = message.findtext("translation") or ""
            if welsh.strip() and welsh != source and "{" not in source:
                found.add(source)
    return found


def _mnemonic(text: str) -> str:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else ""


def test_the_console_switches_to_welsh_and_the_family_screen_stays_english(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked)
    family = _open_family_screen(qtbot, console)
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow, timeout=WAIT)
    assert console.ui_language == "en"
    step = console.step_key
    family_before = _words(family)
    assert "Our meeting" in family_before

    # The chair is half-way through a minute when they switch.
    console.side.setCurrentIndex(1)
    console.minute_box.setFocus()
    qtbot.keyClicks(console.minute_box, "Introductions made")
    qtbot.waitUntil(lambda: console.minute_box.record_id is not None, timeout=WAIT)
    minute_id = console.minute_box.record_id
    qtbot.keyClicks(console.minute_box, "; breaks offered")

    # The "Language / Iaith" box, by keyboard: Down chooses Cymraeg.
    box = console.language_box
    assert box.accessibleName() == "Language / Iaith"
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: console.ui_language == "cy", timeout=WAIT)
    qtbot.waitUntil(lambda: console.language_box.hasFocus(), timeout=WAIT)
    assert console.language_box.currentData() == "cy"

    # The console's own words are Welsh.
    data = console.data
    assert data is not None
    title = data.pack.step(step).title("cy")
    assert console.windowTitle().startswith("Consol y gynhadledd")
    assert console.screen_button.text() == _welsh("ConsoleWindow", "Family &screen (F7)")
    assert console.break_button.text() == _welsh("ConsoleWindow", "&Take a break (F9)")
    assert console.break_button.text() == "Cymryd &seibiant (F9)"
    assert console.side.tabText(1) == _welsh("ConsoleWindow", "&Minutes")
    assert console.position.text() == f"Cam 1 o {len(data.pack.steps)}"
    assert title in console.title.text() and title == "Croeso a diben"
    assert console.steps.item(0).text() == f"1. {title}"
    # The content pack's prompts for the chair, in Welsh too.
    assert data.pack.step(step).prompts("cy")[0] in console.prompts.text()
    welcome = console.pages.currentWidget()
    assert isinstance(welcome, WelcomePage)
    assert "risgiau y tu allan i'r cartref" in welcome.summary.text()
    actions = {a.objectName(): a.text() for a in console.actions()}
    assert actions["action_take_break"] == _welsh("ConsoleWindow", "Take a break")
    english = _english_with_welsh()
    still_english = [w for w in _words(console) if w in english]
    assert still_english == [], still_english

    # Same step, same family screen, still in English and untouched.
    assert console.step_key == step
    assert console.participant is family and family.isVisible()
    assert family.ui_language == "en"
    qtbot.waitUntil(lambda: _words(family) == family_before, timeout=WAIT)

    # Nothing typed was lost: the minute carries on as the same record.
    assert console.minute_box.toPlainText() == "Introductions made; breaks offered"
    assert console.minute_box.record_id == minute_id
    console.minute_box.setFocus()
    qtbot.keyClicks(console.minute_box, ".")
    console.minute_box.save()
    unlocked.jobs.wait_idle()
    assert unlocked.workspace is not None
    with unlocked.workspace.session() as session:
        minutes = list(
            session.scalars(
                select(MinuteEntry).where(MinuteEntry.conference_id == console.conference_id)
            )
        )
        assert [(m.id, m.text) for m in minutes] == [
            (minute_id, "Introductions made; breaks offered.")
        ]

    # And back to English.
    console.set_language("en")
    assert console.screen_button.text() == "Family &screen (F7)"
    assert console.steps.item(0).text().endswith("Welcome and purpose")
    assert family.ui_language == "en"


def test_the_family_screen_switches_to_welsh_and_the_console_stays_english(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked)
    family = _open_family_screen(qtbot, console)
    data = console.data
    assert data is not None
    console_before = _words(console)
    assert "Family &screen (F7)" in console_before

    family.activateWindow()
    qtbot.waitUntil(family.isActiveWindow, timeout=WAIT)
    choose = family.language_box
    choose.setFocus()
    qtbot.waitUntil(choose.hasFocus, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    welsh_title = data.pack.step(console.step_key).participant_title("cy")
    qtbot.waitUntil(
        lambda: family.title.text() == welsh_title,
        timeout=WAIT,
    )
    assert family.ui_language == "cy"
    assert family.windowTitle() != "Our meeting"

    assert console.ui_language == "en"
    assert console.language_box.currentData() == "en"
    qtbot.waitUntil(lambda: _words(console) == console_before, timeout=WAIT)


def test_the_console_starts_in_its_main_window_language_unless_told(
    qtbot: QtBot, unlocked: Controller
) -> None:
    window = window_of(unlocked)
    console = _open_console(qtbot, unlocked)
    conference_id = console.conference_id
    console.close()
    window.ui_language = "cy"
    try:
        welsh = ConsoleWindow(console.store, conference_id, window)
        assert welsh.ui_language == "cy"
        assert welsh.windowTitle() == "Consol y gynhadledd"
        english = ConsoleWindow(console.store, conference_id, window, language="en")
        assert english.ui_language == "en"
        assert english.windowTitle() == "Conference console"
        for made in (welsh, english):
            made.deleteLater()
    finally:
        window.ui_language = "en"


def test_every_label_the_console_shows_from_a_list_has_welsh() -> None:
    missing = [
        member.label
        for enum_cls in specs.SHOWN_ENUMS
        for member in enum_cls
        if translate_words("cy", member.label) == member.label
    ]
    assert missing == []


def test_console_keys_are_window_actions_and_mnemonics_do_not_clash(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked)
    for code in ("en", "cy"):
        console.set_language(code)
        actions = [a for a in console.actions() if a.objectName().startswith("action_")]
        keys = {a.objectName(): [k.toString() for k in a.shortcuts()] for a in actions}
        assert keys["action_take_break"] == ["F9"]
        assert keys["action_blank_screen"][0] == "F8"
        assert keys["action_family_screen"] == ["F7"]
        assert keys["action_next_step"][0] == "Ctrl+PgDown"
        assert all(a.text() and a.shortcuts() for a in actions)
        # F1 lists them, in the console's language.
        rows = dict((what, keys) for keys, what in HelpOverlay(console).rows(console))
        take_a_break = "Take a break" if code == "en" else _welsh("ConsoleWindow", "Take a break")
        assert rows[take_a_break] == "F9"
        assert console.help_action.shortcuts()[0].toString() == "F1"
        # The controls always on show, and each side tab's own buttons in turn.
        always = [
            console.screen_button.text(),
            console.blank_button.text(),
            console.break_button.text(),
            console.agree_button.text(),
            console.reopen_button.text(),
            console.back_button.text(),
            console.next_button.text(),
            "Lang&uage / Iaith",
            *(console.side.tabText(i) for i in range(console.side.count())),
        ]
        for tab in range(console.side.count()):
            page = console.side.widget(tab)
            assert page is not None
            buttons = page.findChildren(QAbstractButton)
            shown = [b.text() for b in buttons if "&" in b.text()]
            letters = [_mnemonic(t) for t in always + shown]
            clashes = {letter for letter in letters if letters.count(letter) > 1}
            assert not clashes, (code, clashes, always + shown)


def test_every_console_control_has_a_name_in_both_languages(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked)
    assert console.data is not None
    steps = [step.key for step in console.data.pack.steps]
    for code in ("en", "cy"):
        console.set_language(code)
        for key in steps:  # every page, built and shown
            console.go_to(key)
        assert _unnamed(console) == [], code


def test_words_being_typed_in_a_field_survive_a_switch(qtbot: QtBot, unlocked: Controller) -> None:
    words = "Her coach is there on Saturdays"
    console = _open_console(qtbot, unlocked)
    console.go_to("safety")
    page = console.pages.currentWidget()
    assert isinstance(page, SafetyPage)
    field = page.form.widgets["makes_safe"]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT)
    qtbot.keyClicks(QApplication.focusWidget(), words)
    # Straight to the language box (Alt+U) and Cymraeg, before the pause that saves.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(console.language_box.hasFocus, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: console.ui_language == "cy", timeout=WAIT)
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and any(c["makes_safe"] == words for c in console.data.contexts)
        ),
        timeout=WAIT,
    )
    assert console.step_key == "safety"
    rebuilt = console.pages.currentWidget()
    assert isinstance(rebuilt, SafetyPage) and rebuilt is not page
    shown = rebuilt.form.widgets["makes_safe"]
    assert isinstance(shown, QPlainTextEdit) and shown.toPlainText() == words


def test_the_main_window_changing_language_leaves_a_running_console_alone(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked)
    family = _open_family_screen(qtbot, console)
    console_before = _words(console)
    family_before = _words(family)
    old_window = window_of(unlocked)
    unlocked.display.set_language("cy")  # the chair's View > Language / Iaith
    qtbot.waitUntil(lambda: window_of(unlocked) is not old_window, timeout=WAIT)
    window = window_of(unlocked)
    assert window.ui_language == "cy"
    qtbot.wait(200)  # the old main window is deleted: the console must outlive it
    assert shiboken6.isValid(console) and console.parent() is window
    assert console.isVisible() and console.ui_language == "en"
    qtbot.waitUntil(lambda: _words(console) == console_before, timeout=WAIT)
    assert console.participant is family and family.isVisible()
    qtbot.waitUntil(lambda: _words(family) == family_before, timeout=WAIT)
    # A console opened now starts in the main window's new language.
    assert ConsoleWindow(console.store, console.conference_id, window).ui_language == "cy"
