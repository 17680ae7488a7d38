"""The family's screen: never restricted information, their own words, the map, blanking."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from installer import translations
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.models import (
    ContextArea,
    ContextLink,
    HarmEntry,
    HarmTiming,
    MinuteEntry,
    PartnerItem,
    Voice,
    VoiceChannel,
)
from roth_desktop.models.agencies import Agency
from tests.ui.test_live_conference import WAIT, _focus, _open_console, _saved
from ui import i18n
from ui.app import Controller
from ui.console.window import ConsoleWindow
from ui.participant_screen import ParticipantScreen

RESTRICTED = ("ZEBRA-POLICE-7", "ZEBRA-HARM-7", "ZEBRA-MINUTE-7", "ZEBRA-LINK-7")
SHARED = "OPEN-SCHOOL-NOTE-3"


def _screen_text(screen: ParticipantScreen) -> str:
    """Every piece of text the family's screen holds, visible or not."""
    parts = [label.text() for label in screen.findChildren(QLabel)]
    parts += [box.toPlainText() for box in screen.findChildren(QPlainTextEdit)]
    parts += [b.text() for b in screen.findChildren(QAbstractButton)]
    for combo in screen.findChildren(QComboBox):
        parts += [combo.itemText(n) for n in range(combo.count())]
    parts += screen.map.describe()
    parts += [screen.map.area_tooltip(area.id) for area in screen.map.areas]
    parts += [link.label for link in screen.map.links]
    parts.append(screen.map.accessibleDescription())
    return "\n".join(parts)


def _with_restricted_items(controller: Controller, console: ConsoleWindow) -> None:
    conference_id = console.conference_id
    with _saved(controller).session() as session:
        police = session.scalars(select(Agency).where(Agency.name.like("%Polic%"))).first()
        school = session.scalars(select(Agency).where(Agency.kind == "education")).first()
        assert police is not None and school is not None
        areas = list(
            session.scalars(select(ContextArea).where(ContextArea.conference_id == conference_id))
        )
        session.add_all(
            [
                PartnerItem(
                    conference_id=conference_id,
                    agency=police,
                    text=f"{RESTRICTED[0]}: K.T. was stopped with him",
                    restricted=True,
                ),
                PartnerItem(conference_id=conference_id, agency=school, text=SHARED),
                HarmEntry(
                    conference_id=conference_id,
                    harm_type="cce",
                    timing=HarmTiming.SUFFERED,
                    description=RESTRICTED[1],
                    restricted=True,
                ),
                MinuteEntry(conference_id=conference_id, step_key="harm", text=RESTRICTED[2]),
                ContextLink(
                    conference_id=conference_id,
                    source_id=areas[0].id,
                    target_id=areas[1].id,
                    label=RESTRICTED[3],
                    restricted=True,
                ),
            ]
        )
    console.reload()


def compiled_welsh() -> None:
    """The compiled Welsh translations (a build output; compiled here if missing)."""
    if not translations.qm_for("cy").exists():
        translations.release()
    i18n.language.cache_clear()
    assert i18n.language("cy").loaded


@pytest.fixture
def welsh() -> None:
    compiled_welsh()


def _choose_language(screen: ParticipantScreen, code: str) -> None:
    screen.language_box.setCurrentIndex(screen.language_box.findData(code))


def _open_screen(qtbot: QtBot, console: ConsoleWindow) -> ParticipantScreen:
    console.show_participant_screen()
    screen = console.participant
    assert isinstance(screen, ParticipantScreen)
    qtbot.waitUntil(lambda: screen.view is not None, timeout=WAIT)
    return screen


def _shows_step(qtbot: QtBot, console: ConsoleWindow, screen: ParticipantScreen, key: str) -> None:
    console.go_to(key)
    qtbot.waitUntil(lambda: screen.view is not None and screen.view.step_key == key, timeout=WAIT)


def test_no_participant_view_ever_shows_a_restricted_item(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked, "Tyler")
    _with_restricted_items(unlocked, console)
    screen = _open_screen(qtbot, console)
    seen_shared = False
    for step in default_pack().steps:
        _shows_step(qtbot, console, screen, step.key)
        text = _screen_text(screen)
        for marker in RESTRICTED:
            assert marker not in text, (step.key, marker)
        seen_shared |= SHARED in text
        assert screen.view is not None
        assert screen.title.text() == step.participant_title("en")
    # The rule hides what is restricted, not everything: open information is shared.
    assert seen_shared
    # The chair still sees it all.
    assert console.data is not None
    assert any(RESTRICTED[0] in item["text"] for item in console.data.partner_items)


def test_the_screen_speaks_welsh_when_the_family_chooses_it(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked, "Tyler")
    screen = _open_screen(qtbot, console)
    _shows_step(qtbot, console, screen, "safety")
    screen.language_box.setCurrentIndex(screen.language_box.findData("cy"))
    welsh = default_pack().step("safety").participant_title("cy")
    qtbot.waitUntil(lambda: screen.title.text() == welsh, timeout=WAIT)
    assert welsh != default_pack().step("safety").participant_title("en")


def test_the_family_types_their_own_words_and_the_chair_sees_them_live(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked, "Tyler")
    screen = _open_screen(qtbot, console)
    _shows_step(qtbot, console, screen, "voices")
    assert screen.contribute.isVisible()
    _focus(qtbot, screen.words)
    qtbot.keyClicks(screen.words, "Nobody asks me what I think")
    # Not even "Add" pressed: a pause in typing already puts it in front of the chair.
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and any(v["words"] == "Nobody asks me what I think" for v in console.data.voices)
        ),
        timeout=WAIT,
    )
    qtbot.mouseClick(screen.add_words, Qt.MouseButton.LeftButton)
    assert screen.words.toPlainText() == ""
    with _saved(unlocked).session() as session:
        (voice,) = session.scalars(
            select(Voice).where(Voice.conference_id == console.conference_id)
        )
        assert voice.channel == VoiceChannel.PARTICIPANT_SCREEN
        assert voice.speaker.value == "young_person" and voice.step_key == "voices"
    # And it is on the family's screen, as theirs.
    qtbot.waitUntil(
        lambda: (
            screen.view is not None
            and any(w.words == "Nobody asks me what I think" for w in screen.view.words)
        ),
        timeout=WAIT,
    )
    assert "Nobody asks me what I think" in screen.body.text()


def test_the_family_can_adjust_the_map_and_it_still_adds_up(
    qtbot: QtBot, unlocked: Controller
) -> None:
    console = _open_console(qtbot, unlocked, "Tyler")
    screen = _open_screen(qtbot, console)
    _shows_step(qtbot, console, screen, "weighting")
    qtbot.waitUntil(lambda: len(screen.map.areas) > 1, timeout=WAIT)
    first = screen.map.areas[0]
    _focus(qtbot, screen.map)
    screen.map.select(first.id)
    qtbot.keyClick(screen.map, Qt.Key.Key_Plus)
    qtbot.waitUntil(
        lambda: (
            console.data is not None
            and next(c["weight"] for c in console.data.contexts if c["id"] == first.id)
            > first.share
        ),
        timeout=WAIT,
    )
    assert console.data is not None
    assert sum(c["weight"] for c in console.data.contexts) == 10000


def test_blanking_and_locking_take_the_screen_away(qtbot: QtBot, unlocked: Controller) -> None:
    console = _open_console(qtbot, unlocked, "Tyler")
    screen = _open_screen(qtbot, console)
    assert screen.isVisible() and not screen.blank
    console.toggle_blank()  # F8 on the chair's laptop
    assert screen.blank and screen.pages.currentWidget() is screen.blank_page
    assert not screen.content.isVisible()
    _focus(qtbot, screen.blank_page.window())
    qtbot.keyClick(screen, Qt.Key.Key_F8)  # and on the family's screen itself
    assert not screen.blank and screen.content.isVisible()

    unlocked.lock()
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen) or not screen.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not shiboken6.isValid(console), timeout=WAIT)


def test_the_screens_own_words_follow_the_familys_language_not_the_chairs(
    qtbot: QtBot, unlocked: Controller, welsh: None
) -> None:
    console = _open_console(qtbot, unlocked, "Tyler")
    screen = _open_screen(qtbot, console)
    _shows_step(qtbot, console, screen, "voices")
    console_words = (console.windowTitle(), console.blank_button.text())
    assert screen.windowTitle() == "Our meeting"
    assert screen.who.itemText(0) == "Me (the young person)"

    _choose_language(screen, "cy")
    assert screen.ui_language == "cy"
    # The chrome changes at once, in place: no rebuilt window, no pop-up.
    assert screen.windowTitle() == "Ein cyfarfod"
    assert screen.accessibleName() == "Sgrin y teulu"
    assert screen.blank_button.text() == "Oedi'r sgrin (F8)"
    assert screen.blank_button.accessibleName() == "Oedi'r sgrin (F8)"
    assert screen.break_button.text() == "Cymryd seibiant (F9)"
    assert screen.easy_read_box.text() == "Ffont haws ei ddarllen"
    assert screen.easy_read_box.accessibleName() == "Ffont haws ei ddarllen"
    assert screen.who.accessibleName() == "Geiriau pwy"
    assert screen.language_box.accessibleName() == "Iaith / Language"
    assert screen.who.itemText(0) == "Fi (y person ifanc)"
    # The content pack's own Welsh words arrive with the next view.
    qtbot.waitUntil(lambda: screen.view is not None and screen.view.language == "cy", timeout=WAIT)
    assert screen.add_words.text() == "Ychwanegu eich geiriau"
    assert screen.words_label.text() == "Eich geiriau chi"
    screen.set_blank(True)
    assert screen.blank_button.text() == "Dangos y sgrin (F8)"
    assert screen.blank_page.text() == "Cymryd saib byr"
    screen.set_blank(False)
    # The chair's console stays in English.
    assert (console.windowTitle(), console.blank_button.text()) == console_words

    _choose_language(screen, "en")
    assert screen.windowTitle() == "Our meeting"
    assert screen.blank_button.text() == "Pause screen (F8)"
    assert screen.who.itemText(0) == "Me (the young person)"
    qtbot.waitUntil(lambda: screen.view is not None and screen.view.language == "en", timeout=WAIT)
    assert screen.add_words.text() == "Add your words"
