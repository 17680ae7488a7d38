"""The family's screen is calm: a take-a-break page, words explained in place, no pop-ups.

Also the easier-to-read font, and a screenshot of the Welsh screen with it on
(artifacts/participant_welsh_easyread.png, for a person to look at).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontInfo, QRawFont
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from roth_desktop import edits
from roth_desktop.conference import running
from roth_desktop.errors import RothError
from roth_desktop.glossary import terms_in
from tests.ui.test_accessibility import _unnamed
from tests.ui.test_live_conference import WAIT, _focus, _open_console
from tests.ui.test_participant_screen import (
    _choose_language,
    _open_screen,
    _shows_step,
    compiled_welsh,
)
from ui.app import Controller
from ui.console.window import ConsoleWindow
from ui.participant_screen import (
    SIZES_PT,
    ParticipantScreen,
    easy_read_family,
    participant_style,
)

REPO = Path(__file__).resolve().parents[2]
WELSH_LETTERS = "âêîôûŵŷÂÊÎÔÛŴŶäëïöüÿ"


def _open(
    qtbot: QtBot, controller: Controller, step: str
) -> tuple[ConsoleWindow, ParticipantScreen]:
    console = _open_console(qtbot, controller, "Tyler")
    screen = _open_screen(qtbot, console)
    _shows_step(qtbot, console, screen, step)
    return console, screen


@pytest.fixture
def welsh() -> None:
    compiled_welsh()


# -- take a break --------------------------------------------------------------------------------
def test_a_break_is_its_own_calm_page_and_never_on_with_the_pause(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console, screen = _open(qtbot, unlocked, "voices")
    assert not screen.on_break and screen.pages.currentWidget() is screen.content

    screen.set_break(True)
    assert screen.on_break and screen.pages.currentWidget() is screen.break_page
    assert screen.break_page is not screen.blank_page
    assert screen.break_heading.text() == "Let's take a break."
    assert "get a drink or some air" in screen.break_text.text()
    assert screen.break_page.accessibleName() == "Break"
    assert not screen.content.isVisible()
    assert screen.break_button.text() == "Back to the meeting (F9)"

    # Pausing (the chair's F8, or F8 here) ends the break; a break ends the pause.
    console.toggle_blank()
    assert screen.blank and not screen.on_break
    assert screen.pages.currentWidget() is screen.blank_page
    screen.set_break(True)
    assert screen.on_break and not screen.blank
    assert screen.blank_button.text() == "Pause screen (F8)"

    # Keys on the family's own window: F9 for the break, F8 / Ctrl+B / Esc for the pause.
    _focus(qtbot, screen.language_box)
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    assert not screen.on_break and screen.content.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_F9)
    assert screen.on_break
    qtbot.keyClick(screen, Qt.Key.Key_F8)
    assert screen.blank and not screen.on_break
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.blank and screen.content.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert screen.blank
    qtbot.keyClick(screen, Qt.Key.Key_F8)
    assert not screen.blank and not screen.on_break


def test_the_break_speaks_welsh(qtbot: QtBot, unlocked: Controller, welsh: None) -> None:
    _console, screen = _open(qtbot, unlocked, "voices")
    _choose_language(screen, "cy")
    screen.set_break(True)
    assert screen.break_heading.text() == "Gadewch i ni gael seibiant."
    assert screen.break_text.text().startswith("Byddwn ni'n parhau cyn bo hir.")
    assert screen.break_button.text() == "Yn ôl i'r cyfarfod (F9)"
    assert screen.break_page.accessibleName() == "Seibiant"


# -- words explained in place --------------------------------------------------------------------
def test_words_we_use_explains_the_terms_on_the_screen_in_its_language(
    qtbot: QtBot, unlocked: Controller, welsh: None
) -> None:
    _console, screen = _open(qtbot, unlocked, "voices")
    panel = screen.glossary
    assert screen.view is not None
    if not terms_in(screen.view.all_text(), "en"):
        assert panel.isHidden()  # nothing to explain: no empty box

    _focus(qtbot, screen.words)
    qtbot.keyClicks(screen.words, "What is ROTH and what is a core group?")
    qtbot.keyClick(screen.words, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=WAIT)
    keys = [entry.key for entry in panel.entries]
    assert keys[:2] == ["roth", "core_group"]
    assert "Risk Outside the Home" in panel.meanings.text()
    assert panel.accessibleName() == "Words we use"
    assert "ROTH: Risk Outside the Home" in panel.accessibleDescription()
    # It explains; it never takes the keyboard from the person typing.
    assert screen.words.hasFocus()
    assert panel.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert panel.meanings.focusPolicy() == Qt.FocusPolicy.NoFocus

    _choose_language(screen, "cy")
    qtbot.waitUntil(lambda: screen.view is not None and screen.view.language == "cy", timeout=WAIT)
    # Their own words are English, so "ROTH" (the same in both) is still explained, in Welsh.
    assert panel.heading.text() == "Geiriau rydyn ni'n eu defnyddio"
    assert panel.accessibleName() == "Geiriau rydyn ni'n eu defnyddio"
    assert [e.key for e in panel.entries][:1] == ["roth"]
    assert "Risg y Tu Allan i'r Cartref" in panel.meanings.text()

    # A step whose words use no term: the panel goes away.
    _choose_language(screen, "en")
    _shows_step(qtbot, screen.console, screen, "welcome")
    assert screen.view is not None
    if not terms_in(screen.view.all_text(), "en"):
        qtbot.waitUntil(panel.isHidden, timeout=WAIT)


# -- no pop-ups ----------------------------------------------------------------------------------
class Watcher:
    """Notes every window, dialog or popup that appears after ``start``.

    It looks every few milliseconds, so even a box that flashes up and goes is seen.
    """

    def __init__(self) -> None:
        self.appeared: list[str] = []
        self._known: set[int] = set()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self.look)

    def start(self) -> None:
        self._known = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self._timer.start()

    def look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and id(widget) not in self._known:
                self._known.add(id(widget))
                self.appeared.append(f"{type(widget).__name__} {widget.objectName()!r}")
        for extra in (QApplication.activeModalWidget(), QApplication.activePopupWidget()):
            if extra is not None:
                self.appeared.append(f"{type(extra).__name__} {extra.objectName()!r}")

    def stop(self) -> list[str]:
        self._timer.stop()
        self.look()
        return self.appeared


@pytest.fixture
def watcher(qapp: QApplication) -> Iterator[Watcher]:
    watching = Watcher()
    yield watching
    watching.stop()


def test_nothing_on_the_family_screen_pops_up(
    qtbot: QtBot, unlocked: Controller, welsh: None, watcher: Watcher
) -> None:
    console, screen = _open(qtbot, unlocked, "voices")
    watcher.start()

    # Words, added with the button and with Ctrl+Return.
    _focus(qtbot, screen.words)
    qtbot.keyClicks(screen.words, "I like football on Saturdays")
    qtbot.mouseClick(screen.add_words, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.words, "The bus is scary at night")
    qtbot.keyClick(screen.words, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.view is not None and len(screen.view.words) >= 2, timeout=WAIT)

    # The map, by keys: every key the chair's map uses, including the ones that open
    # a dialog on the console (rename, add, link, remove) and the menu key.
    _shows_step(qtbot, console, screen, "weighting")
    qtbot.waitUntil(lambda: len(screen.map.areas) > 1, timeout=WAIT)
    _focus(qtbot, screen.map)
    areas = len(screen.map.areas)
    first = screen.map.areas[0]
    screen.map.select(first.id)
    for key in (
        Qt.Key.Key_Plus,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Right,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Return,
        Qt.Key.Key_F2,
        Qt.Key.Key_Insert,
        Qt.Key.Key_N,
        Qt.Key.Key_Delete,
        Qt.Key.Key_L,
        Qt.Key.Key_Return,
        Qt.Key.Key_Menu,
    ):
        qtbot.keyClick(screen.map, key)
        qtbot.wait(20)
    # A right-click too: no menu of chair-only actions on the family's screen.
    centre = screen.map.area_rects()[first.id].center().toPoint()
    qtbot.mouseClick(screen.map, Qt.MouseButton.RightButton, pos=centre)
    qtbot.wait(50)
    unlocked.jobs.wait_idle()
    assert len(screen.map.areas) == areas  # nothing added or removed from here

    # Language, easier font, break and pause, back and forth.
    for code in ("cy", "en", "cy"):
        _choose_language(screen, code)
        qtbot.wait(20)
    screen.easy_read_box.click()
    screen.easy_read_box.click()
    _focus(qtbot, screen.language_box)
    for key in (Qt.Key.Key_F9, Qt.Key.Key_F8, Qt.Key.Key_F9, Qt.Key.Key_F9, Qt.Key.Key_F8):
        qtbot.keyClick(screen, key)
    qtbot.mouseClick(screen.break_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.break_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.blank_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.blank_button, Qt.MouseButton.LeftButton)
    unlocked.jobs.wait_idle()
    qtbot.wait(50)

    assert watcher.stop() == []
    assert QApplication.activeModalWidget() is None
    assert QApplication.activePopupWidget() is None
    assert screen.notice.isHidden()  # nothing went wrong, so nothing to say


def test_a_refused_save_is_a_quiet_line_on_the_screen(
    qtbot: QtBot,
    unlocked: Controller,
    welsh: None,
    watcher: Watcher,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    console, screen = _open(qtbot, unlocked, "voices")
    watcher.start()
    chair_saw: list[str] = []
    screen.store.problem.connect(chair_saw.append)

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise RothError("The workspace refused this edit.")

    monkeypatch.setattr(edits, "create_record", refuse)
    _focus(qtbot, screen.words)
    qtbot.keyClicks(screen.words, "Nobody listens")
    qtbot.mouseClick(screen.add_words, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.notice.isVisible, timeout=WAIT)
    assert screen.notice.text() == "Your words were not saved just now. The chair can help."
    # The detail goes to the chair's status bar, not to the family.
    assert any("refused this edit" in line for line in chair_saw)
    assert "refused" not in screen.notice.text()
    monkeypatch.undo()

    # The map: a refused change is put back as saved, with a quiet line (in Welsh here).
    _choose_language(screen, "cy")
    _shows_step(qtbot, console, screen, "weighting")
    qtbot.waitUntil(lambda: len(screen.map.areas) > 1, timeout=WAIT)
    screen.clear_notice()
    first = screen.map.areas[0]
    monkeypatch.setattr(running, "set_shares", refuse)
    _focus(qtbot, screen.map)
    screen.map.select(first.id)
    qtbot.keyClick(screen.map, Qt.Key.Key_Plus)
    qtbot.waitUntil(screen.notice.isVisible, timeout=WAIT)
    assert screen.notice.text().startswith("Chafodd y newid hwnnw i'r map ddim ei gadw.")
    qtbot.waitUntil(lambda: screen.map.areas[0].share == first.share, timeout=WAIT)
    monkeypatch.undo()

    qtbot.wait(50)
    assert watcher.stop() == []
    assert QApplication.activeModalWidget() is None


# -- easier to read ------------------------------------------------------------------------------
def test_the_easier_to_read_font_switches_on_and_off(qtbot: QtBot, unlocked: Controller) -> None:
    _console, screen = _open(qtbot, unlocked, "safety")
    box = screen.easy_read_box
    assert box.accessibleName() == "Easier-to-read font"
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    plain = QFontInfo(screen.title.font()).family()
    assert plain != "OpenDyslexic"

    _focus(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Space)  # the keyboard alone
    assert screen.easy_read and box.isChecked()
    for label in (screen.title, screen.text, screen.body, screen.add_words, screen.break_heading):
        assert QFontInfo(label.font()).family() == "OpenDyslexic", label.objectName()
        assert label.font().letterSpacing() > 100
    assert screen.title.font().pointSizeF() == SIZES_PT["title"]  # sizes kept

    screen.set_text_scale(1.5)
    assert screen.title.font().pointSizeF() == SIZES_PT["title"] * 1.5
    assert QFontInfo(screen.title.font()).family() == "OpenDyslexic"
    screen.set_text_scale(1.0)

    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not screen.easy_read
    assert QFontInfo(screen.title.font()).family() == plain
    assert screen.title.font().letterSpacing() in (0, 100)
    assert screen.title.font().pointSizeF() == SIZES_PT["title"]


def test_the_style_has_every_size_in_one_place() -> None:
    style = participant_style(2.0)
    assert f"font-size: {SIZES_PT['title'] * 2:.0f}pt" in style
    assert "OpenDyslexic" not in style
    assert 'font-family: "OpenDyslexic"' in participant_style(1.0, "OpenDyslexic")


def test_opendyslexic_has_every_welsh_letter(qapp: QApplication) -> None:
    family = easy_read_family()
    assert family == "OpenDyslexic"
    for bold in (False, True):
        font = QFont(family, 20)
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        assert raw.familyName() == "OpenDyslexic"
        for letter in WELSH_LETTERS:
            # By code point: PySide's one-character str overload misreads non-ASCII.
            assert raw.supportsCharacter(ord(letter)), (bold, letter)
            (glyph,) = raw.glyphIndexesForString(letter)
            assert not raw.pathForGlyph(glyph).isEmpty(), (bold, letter)


def test_every_control_on_the_family_screen_is_named_in_both_languages(
    qtbot: QtBot, unlocked: Controller, welsh: None
) -> None:
    _console, screen = _open(qtbot, unlocked, "voices")
    for code in ("en", "cy"):
        _choose_language(screen, code)
        for covered in (False, True):
            screen.set_break(covered)
            assert _unnamed(screen) == [], (code, covered)


# -- a picture for a person to look at -----------------------------------------------------------
def test_screenshot_of_the_welsh_screen_in_the_easier_font(
    qtbot: QtBot, unlocked: Controller, welsh: None
) -> None:
    _console, screen = _open(qtbot, unlocked, "safety")
    _choose_language(screen, "cy")
    screen.set_easy_read(True)
    screen.resize(1600, 1000)
    qtbot.waitUntil(lambda: screen.view is not None and screen.view.language == "cy", timeout=WAIT)
    qtbot.wait(100)
    out = REPO / "artifacts" / "participant_welsh_easyread.png"
    out.parent.mkdir(exist_ok=True)
    image = screen.grab()
    assert image.save(str(out))
    assert (image.width(), image.height()) == (1600, 1000)  # it fits: the window did not grow
    assert _clipped(screen) == []


def _clipped(screen: ParticipantScreen) -> list[str]:
    """Visible labels and buttons too small for their own text (a rough check)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton):
            hint = widget.sizeHint()
            if widget.width() < hint.width() or widget.height() < hint.height():
                found.append(widget.objectName() or widget.text())
        elif isinstance(widget, QLabel) and not widget.wordWrap():
            hint = widget.sizeHint()
            if widget.width() < hint.width() - 1:
                found.append(widget.objectName() or widget.text())
    return found
