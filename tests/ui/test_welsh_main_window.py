"""The chair's main window in Welsh: its words come from the compiled translations.

A second MainWindow with ``language="cy"`` is opened on the unlocked demo's store
(the first, the controller's, stays English: each window has its own language).
Expected words are read from the compiled .qm (``ui.i18n.language("cy")``) and
the .ts files (``installer/translations.py messages()``), so the test follows
the translations as they are revised; a few are also written out here, so a
missing .qm cannot pass as "English equals English".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from installer.translations import TRANSLATIONS, messages
from roth_desktop.app_settings import AppSettings
from roth_desktop.models.enums import Labelled
from roth_desktop.timescales.deadlines import DueState
from tests.ui.conftest import window_of
from ui import record_specs
from ui.app import Controller
from ui.forms import RecordDialog, RecordForm, translate_words
from ui.i18n import language
from ui.jobs import Jobs
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog

WAIT = 15000
CY = language("cy")
TOP_MENUS = ("&File", "&Edit", "S&ync", "&View", "&Help")
CASE_TABS = (
    "Yo&ung person",
    "Family and net&work",
    "C&ase",
    "Pr&ofessionals",
    "Co&nferences",
    "A&ssessments",
    "Ti&mescales",
)


def cy(context: str, source: str) -> str:
    """The compiled Welsh for one string; a test fails if there is none."""
    found = CY.translate(context, source)
    assert found != source, f"no Welsh for [{context}] {source!r}"
    return found


@cache
def translated_sources() -> frozenset[str]:
    """Every English source whose Welsh differs from it, in any .ts file, as people read it."""
    found = set()
    for ts in (TRANSLATIONS / "cy").glob("*.ts"):
        for message in messages(ts):
            if message.translation.strip() and message.translation != message.source:
                found.add(plain(message.source))
    return frozenset(found)


@cache
def formatted_sources() -> tuple[re.Pattern[str], ...]:
    """The translated sources with {placeholders}, as patterns matching them filled in."""
    patterns = []
    for source in translated_sources():
        if "{" not in source:
            continue
        words = re.sub(r"\{\w+\}", "", source)
        if len(re.sub(r"[^A-Za-z]", "", words)) < 3:
            continue  # "{caption}: {count}" would match anything with a colon
        parts = re.split(r"\{\w+\}", source)
        patterns.append(re.compile("^" + ".+?".join(map(re.escape, parts)) + "$"))
    return tuple(patterns)


def still_english(text: str) -> bool:
    shown = plain(text)
    if shown in translated_sources():
        return True
    return any(p.match(shown) for p in formatted_sources())


def plain(text: str) -> str:
    """What a label reads as: no markup, no mnemonic ampersand."""
    return re.sub(r"<[^>]+>", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def mnemonic(text: str) -> str | None:
    cleaned = text.replace("&&", "")
    at = cleaned.find("&")
    return cleaned[at + 1].lower() if 0 <= at < len(cleaned) - 1 else None


def letters(texts: Iterable[str]) -> list[str]:
    return [m for m in map(mnemonic, texts) if m]


def assert_unique(texts: Iterable[str], where: str) -> None:
    texts = list(texts)
    found = letters(texts)
    clashes = sorted({m for m in found if found.count(m) > 1})
    assert not clashes, f"{where}: mnemonics used twice: {clashes} in {texts}"


@pytest.fixture
def welsh(qtbot: QtBot, unlocked: Controller) -> Iterator[MainWindow]:
    store = window_of(unlocked).store
    window = MainWindow(store, 5, language="cy")
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(
        lambda: window.case_list.model.rowCount() == 3 and window.dashboard.data is not None,
        timeout=WAIT,
    )
    yield window
    window.hide()


def _open_first_case(qtbot: QtBot, window: MainWindow) -> None:
    """Show a young person who has an open case, so every case page has content."""
    row = next(r for r in window.case_list.model.rows if r.pathway is not None)
    with qtbot.waitSignal(window.case_view.loaded, timeout=WAIT):
        window.open_young_person(row.young_person_id)


def _top_menus(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _menu_of(window: MainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == title and action.menu() is not None:
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError(f"no menu {title!r}")


def test_tabs_menus_and_buttons_are_welsh(
    qtbot: QtBot, unlocked: Controller, welsh: MainWindow
) -> None:
    assert welsh.ui_language == "cy"
    # Written out once, so a missing or empty .qm cannot pass.
    assert welsh.views.tabText(0) == "&Heddiw"
    assert welsh.views.tabText(1) == "&Achosion"
    assert "&Ffeil" in _top_menus(welsh)

    assert [welsh.views.tabText(i) for i in range(2)] == [
        cy("MainWindow", "&Today"),
        cy("MainWindow", "&Cases"),
    ]
    menus = _top_menus(welsh)
    for title in TOP_MENUS:
        assert cy("MainWindow", title) in menus
    file_menu = [a.text() for a in _menu_of(welsh, cy("MainWindow", "&File")).actions()]
    assert cy("MainWindow", "&New young person…") in file_menu
    assert cy("MainWindow", "&Lock") in file_menu
    assert welsh.sync_action.text() == cy("MainWindow", "&Sync now")

    tabs = welsh.case_view.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        cy("CaseView", text) for text in CASE_TABS
    ]
    dash = welsh.dashboard
    assert dash.open_button.text() == cy("Dashboard", "O&pen case")
    assert dash.reason_button.text() == cy("Dashboard", "&Record why it was missed…")
    assert dash.overdue_tile.label.text() == cy("Dashboard", "Overdue or late")
    assert dash.title.text().startswith(cy("Dashboard", "Today") + ",")
    header = dash.table.model().headerData(0, dash.table.horizontalHeader().orientation())
    assert header == cy("DueModel", "State")
    assert welsh.case_list.search.placeholderText() == cy("CaseListPanel", "Search by name")

    # Data shown through the enums' labels is in Welsh too.
    _open_first_case(qtbot, welsh)
    gender = welsh.case_view.person_form.widgets["gender"]
    shown = [gender.itemText(i) for i in range(gender.count())]  # type: ignore[attr-defined]
    assert cy("Labelled", "Prefers not to say") in shown
    assert "Prefers not to say" not in shown

    # The English window beside it is untouched.
    english = window_of(unlocked)
    assert english.views.tabText(0) == "&Today"
    assert english.case_view.tabs.tabText(0) == "Yo&ung person"


def _visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.text():
            yield f"QLabel {label.objectName()!r}", label.text()
    for push in root.findChildren(QAbstractButton):
        if push.isVisible() and push.text():
            yield f"{type(push).__name__} {push.objectName()!r}", push.text()
    for bar in root.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                yield f"QTabBar {bar.objectName()!r}", bar.tabText(i)


def test_no_visible_text_is_left_in_english(qtbot: QtBot, welsh: MainWindow) -> None:
    """Walk every page of the window; no label, button or tab reads as its English source."""
    _open_first_case(qtbot, welsh)
    seen: dict[str, str] = {}
    pages: list[tuple[QTabWidget, int]] = [(welsh.views, 0)]
    pages += [(welsh.case_view.tabs, i) for i in range(welsh.case_view.tabs.count())]
    for tabs, index in pages:
        if tabs is welsh.case_view.tabs:
            welsh.views.setCurrentWidget(welsh.cases)
        tabs.setCurrentIndex(index)
        if tabs.currentWidget() is welsh.case_view.timescales:
            qtbot.waitUntil(lambda: welsh.case_view.timescales.data is not None, timeout=WAIT)
        qtbot.wait(50)
        for where, text in _visible_texts(welsh):
            seen.setdefault(text, where)
    assert len(seen) > 40  # the walk did reach the window's widgets
    left = {text: where for text, where in seen.items() if still_english(text)}
    assert not left, f"still in English: {left}"


def test_mnemonics_are_unique_in_welsh(qtbot: QtBot, welsh: MainWindow) -> None:
    top = _top_menus(welsh) + [welsh.views.tabText(i) for i in range(welsh.views.count())]
    assert_unique(top, "menu bar and main tabs")
    for title in _top_menus(welsh):
        menu = _menu_of(welsh, title)
        assert_unique([a.text() for a in menu.actions() if not a.isSeparator()], title)

    # Today, as the English test_dashboard checks it.
    dash = welsh.dashboard
    today = list(top)
    today += [b.text() for b in dash.findChildren(QAbstractButton)]
    today += [lab.text() for lab in dash.findChildren(QLabel) if lab.buddy()]
    assert len(letters(today)) >= 10
    assert_unique(today, "Today")

    # Cases: the case tabs with the list's filters and each page's buttons (the
    # form fields' own labels are one per field and are not counted here).
    _open_first_case(qtbot, welsh)
    tabs = welsh.case_view.tabs
    case_tabs = [tabs.tabText(i) for i in range(tabs.count())]
    listing = [lab.text() for lab in welsh.case_list.findChildren(QLabel) if lab.buddy()]
    assert_unique(top + case_tabs + listing, "Cases")
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        assert page is not None
        pushes = [
            b.text()
            for b in page.findChildren(QAbstractButton)
            if b.isVisible() and not isinstance(b.parent(), RecordForm)
        ]
        assert_unique(top + case_tabs + listing + pushes, f"Cases, {tabs.tabText(index)}")


def test_a_dialog_opened_from_the_welsh_window_is_welsh(qtbot: QtBot, welsh: MainWindow) -> None:
    dialog = welsh.new_young_person()
    qtbot.waitExposed(dialog)
    assert isinstance(dialog, RecordDialog)
    assert dialog.windowTitle() == cy("MainWindow", "New young person")
    labels = [lab.text() for lab in dialog.form.labels.values()]
    assert "&" + cy("FieldSpec", "First name") in labels
    assert dialog.form.widgets["date_of_birth"].placeholderText() == cy(  # type: ignore[attr-defined]
        "FieldSpec", "DD/MM/YYYY"
    )
    buttons = {b.text() for b in dialog.buttons.buttons()}
    assert buttons == {cy("RecordDialog", "Save"), cy("RecordDialog", "Cancel")}
    dialog.reject()


def test_every_enum_label_and_field_word_has_welsh() -> None:
    """The tables in ui/record_specs.py keep up with the enums and the specs."""
    labels = {m.label for cls in Labelled.__subclasses__() for m in cls}
    labels |= {m.label for m in DueState}
    missing = sorted(label for label in labels if label not in record_specs.ENUM_LABELS)
    assert not missing, f"add to record_specs.ENUM_LABELS: {missing}"
    untranslated = sorted(label for label in labels if translate_words("cy", label) == label)
    assert not untranslated, f"no Welsh for: {untranslated}"

    specs = [
        *record_specs.young_person(),
        *record_specs.family_member(),
        *record_specs.new_case(),
        *record_specs.transfer(),
        *record_specs.conference([]),
        *record_specs.attendance(),
        *record_specs.case_professional([]),
        *record_specs.professional([]),
        *record_specs.agency(),
        *record_specs.visit([]),
        *record_specs.transition(),
    ]
    words = {spec.label for spec in specs} | {spec.help for spec in specs if spec.help}
    words |= {shown for spec in specs for value, shown in spec.choices if not value}
    untranslated = sorted(w for w in words if translate_words("cy", w) == w)
    assert not untranslated, f"no Welsh for: {untranslated}"


def test_the_unlock_dialog_takes_a_language(qtbot: QtBot, demo_folder: Path) -> None:
    jobs = Jobs()
    try:
        dialog = UnlockDialog(jobs, AppSettings(), demo_folder, None, language="cy")
        qtbot.addWidget(dialog)
        assert dialog.ui_language == "cy"
        assert dialog.unlock_button.text() == cy("UnlockDialog", "&Unlock") == "&Datgloi"
        assert dialog.windowTitle() == cy("UnlockDialog", "ROTH Desktop — unlock")
        assert dialog.folder_label.text().startswith(
            cy("UnlockDialog", "Workspace: {folder}").split("{")[0]
        )
        texts = [dialog.choose.text(), dialog.new_button.text(), dialog.unlock_button.text()]
        texts += [lab.text() for lab in dialog.findChildren(QLabel) if lab.buddy()]
        texts.append(dialog.remember.text())
        assert_unique(texts, "unlock dialog")
        english = UnlockDialog(jobs, AppSettings(), demo_folder, None)
        qtbot.addWidget(english)
        assert english.unlock_button.text() == "&Unlock"
    finally:
        jobs.shutdown()
