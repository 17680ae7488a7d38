"""The export, policy, sync and conflicts windows in Welsh, opened from a Welsh window.

Each dialog is opened with a parent whose ``ui_language`` is ``"cy"``, as the main
window's would be, and must speak Welsh through the parent chain alone. The texts are
compared with the compiled translations (``ui.i18n.language("cy")``), not with Welsh
written out here again, so a translator's correction never breaks a test; what the
tests insist on is that no English source with a translation is left on screen, and
that each dialog's Alt+letter keys stay unique in Welsh.

Everyone here is invented.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from installer import translations
from roth_desktop.reports.audience import Audience
from roth_desktop.sync import changelog
from roth_desktop.sync.conflicts import ConflictView, Version
from roth_desktop.sync.engine import Held
from roth_desktop.sync.status import SyncStatus
from roth_desktop.workspace import Workspace
from tests.ui.test_accessibility import _unnamed
from ui import i18n
from ui.conflicts_view import ConflictRow, ConflictsDialog, VersionShown
from ui.export_dialogs import CalendarExportDialog, ConferenceExportDialog, DataReturnDialog
from ui.jobs import Jobs
from ui.policy_dialog import PolicyDialog
from ui.store import Store
from ui.sync_run import NOT_IN_TEAM_MESSAGE, held_words, not_in_team_notice
from ui.sync_status import SyncStatusWidget, status_details, status_words

WAIT = 15000
OUR_FILES = (
    "export_dialogs",
    "export_job",
    "policy_dialog",
    "sync_status",
    "sync_run",
    "conflicts_view",
    "worker_progress",
    "store",
)


class WelshWindow(QWidget):
    """Stands in for a main window the chair has switched to Welsh."""

    ui_language = "cy"


@pytest.fixture(scope="module")
def english_left_over() -> frozenset[str]:
    """Every English source in these windows' translation files that has Welsh words."""
    if not translations.qm_for("cy").exists() or not _has_our_words():
        translations.release()
    i18n.language.cache_clear()
    assert i18n.language("cy").loaded
    found = set()
    for name in OUR_FILES:
        ts = translations.TRANSLATIONS / "cy" / f"ui.{name}.ts"
        for message in translations.messages(ts):
            assert message.translation.strip(), f"{ts.name}: {message.source!r} has no Welsh"
            if message.translation != message.source:
                found.add(message.source)
    return frozenset(found)


def _has_our_words() -> bool:
    i18n.language.cache_clear()
    return i18n.language("cy").translate("ConflictsDialog", "Sync conflicts") != "Sync conflicts"


def cy(context: str, source: str) -> str:
    return i18n.language("cy").translate(context, source)


@pytest.fixture
def welsh(qtbot: QtBot, english_left_over: frozenset[str]) -> WelshWindow:
    window = WelshWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def store(empty_workspace: Workspace) -> Iterator[Store]:
    jobs = Jobs()
    made = Store(empty_workspace, jobs)
    yield made
    made.close()
    jobs.wait_idle()
    jobs.shutdown()


def _shown_texts(root: QWidget) -> list[str]:
    """What a person sees or hears in a window: titles, labels, buttons, choices, names."""
    texts = [root.windowTitle(), root.accessibleName()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(n) for n in range(widget.count())]
    return [t for t in texts if t]


def _assert_welsh(root: QWidget, english: frozenset[str]) -> None:
    left = sorted({t for t in _shown_texts(root) if t in english})
    assert left == [], f"English left in {root.windowTitle()!r}: {left}"
    assert _unnamed(root) == []  # and a screen reader still has a name for everything


def _mnemonics(dialog: QWidget) -> list[str]:
    """The Alt+letter of every visible label with a buddy and every visible button."""
    texts = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(dialog)
    ]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t]


def _assert_unique_mnemonics(dialog: QWidget, at_least: int) -> None:
    letters = _mnemonics(dialog)
    assert len(letters) >= at_least, letters
    assert len(letters) == len(set(letters)), f"{dialog.windowTitle()!r}: {letters}"


def _open(qtbot: QtBot, dialog: QDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)


# -- export ---------------------------------------------------------------------------------
def test_the_conference_export_dialog_speaks_welsh(
    qtbot: QtBot, welsh: WelshWindow, store: Store, english_left_over: frozenset[str]
) -> None:
    dialog = ConferenceExportDialog(store, "conference-id", "KB", welsh)
    _open(qtbot, dialog)
    context = "ConferenceExportDialog"
    assert dialog.windowTitle() == cy(context, "Print or export the conference")
    assert dialog.windowTitle() != "Print or export the conference"
    assert dialog.save_button.text() == cy("ExportDialog", "&Save")
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == cy("ExportDialog", "Cancel")
    professional = dialog.audience_buttons[Audience.PROFESSIONAL]
    assert professional.accessibleName() == cy(context, "Conference record (professionals)")
    assert dialog.format.itemText(0) == cy(context, "PDF, to print or send")
    # A Welsh window makes a Welsh copy unless the chair chooses otherwise.
    assert dialog.language.currentData() == "cy"
    _assert_welsh(dialog, english_left_over)
    _assert_unique_mnemonics(dialog, 7)

    # What it says when it refuses is Welsh too.
    dialog.protect.setChecked(True)
    dialog.password.setText("Byr")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    expected = cy("ExportDialog", "Use a password of at least {count} characters.").format(count=8)
    assert dialog.message.text() == expected != "Use a password of at least 8 characters."
    dialog.path.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == cy("ExportDialog", "Choose where to save it.")
    assert dialog.run is None


def test_the_data_return_and_calendar_dialogs_speak_welsh(
    qtbot: QtBot, welsh: WelshWindow, store: Store, english_left_over: frozenset[str]
) -> None:
    data_return = DataReturnDialog(store, welsh)
    _open(qtbot, data_return)
    assert data_return.windowTitle() == cy("DataReturnDialog", "ROTH data return")
    assert data_return.region.itemText(1) == cy("DataReturnDialog", "Wales")
    _assert_welsh(data_return, english_left_over)
    _assert_unique_mnemonics(data_return, 7)
    data_return.end_date.setDate(data_return.start_date.date().addDays(-1))
    qtbot.mouseClick(data_return.save_button, Qt.MouseButton.LeftButton)
    assert data_return.message.text() == cy(
        "DataReturnDialog", "The date range is empty: the last day is before the first."
    )

    calendar = CalendarExportDialog(store, welsh)
    _open(qtbot, calendar)
    assert calendar.windowTitle() == cy("CalendarExportDialog", "Export calendar")
    _assert_welsh(calendar, english_left_over)
    _assert_unique_mnemonics(calendar, 2)


def test_an_export_run_says_what_happened_in_welsh(
    qtbot: QtBot, welsh: WelshWindow, store: Store, tmp_path: Path
) -> None:
    dialog = CalendarExportDialog(store, welsh)
    _open(qtbot, dialog)
    out = tmp_path / "calendr.ics"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    run = dialog.run
    assert run is not None
    assert run.progress.windowTitle() == cy("CalendarExportDialog", "Exporting the calendar")
    qtbot.waitUntil(lambda: run.notice is not None, timeout=WAIT)
    assert run.error == "", run.error
    notice = run.notice
    assert notice is not None
    assert notice.text().splitlines()[0] == cy("ExportRun", "Saved:")
    buttons = {b.text() for b in notice.findChildren(QPushButton)}
    assert {cy("ExportRun", "Open folder"), cy("ExportRun", "Close")} <= buttons
    assert "Open folder" not in buttons and "Close" not in buttons
    # The last progress step, from the core in English, was shown in Welsh.
    assert run.relay.step_words("Done") == cy("WorkerProgress", "Done") != "Done"


# -- policy ---------------------------------------------------------------------------------
def test_the_policy_dialog_speaks_welsh(
    qtbot: QtBot, welsh: WelshWindow, english_left_over: frozenset[str]
) -> None:
    dialog = PolicyDialog(welsh)
    _open(qtbot, dialog)
    context = "PolicyDialog"
    assert dialog.windowTitle() == cy(context, "Timescales policy") != "Timescales policy"
    assert dialog.defaults_button.text() == cy(context, "Restore &national defaults")
    # The interval fields are parented before they word themselves, so they are Welsh too.
    assert dialog.review_interval.unit.itemText(0) == cy("_IntervalField", "weeks")
    assert dialog.review_interval.count.accessibleName() == cy(
        "_IntervalField", "{name}: how many"
    ).format(name=cy(context, "Reviews every"))
    _assert_welsh(dialog, english_left_over)
    _assert_unique_mnemonics(dialog, 16)

    day = date(2026, 12, 29)  # a Tuesday
    dialog.closure_date.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.closures.item(0).text() == f"{cy(context, 'Tuesday')} 29/12/2026"
    assert dialog.message.text() == cy(context, "Added {day}.").format(day="29/12/2026")
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == cy(
        context, "The national defaults are shown; Save to use them."
    )


# -- sync -----------------------------------------------------------------------------------
def test_the_sync_status_words_follow_the_window(
    qtbot: QtBot, welsh: WelshWindow, store: Store
) -> None:
    action = QAction("Sync now", welsh)
    # Made without a parent, as the main window makes it, then put in a Welsh window.
    widget = SyncStatusWidget(store, action)
    widget.setParent(welsh)
    assert widget.sync_button.accessibleName() == cy("SyncStatusWidget", "Sync now")
    qtbot.waitUntil(lambda: widget.status is not None, timeout=WAIT)
    assert widget.text == cy("SyncStatus", "Not in a sync team") != "Not in a sync team"
    assert widget.summary.accessibleName() == cy("SyncStatusWidget", "Sync status: {words}").format(
        words=widget.text
    )

    status = SyncStatus(
        True, "Tîm Glan-y-môr", "Gliniadur Eira", "/srv/cysoni", None, 3, 1, 2, None
    )
    words = status_words(status, code="cy")
    assert words.split(" · ") == [
        cy("SyncStatus", "Not synced yet"),
        cy("SyncStatus", "{count} changes to send").format(count=3),
        cy("SyncStatus", "{count} conflict").format(count=1),
        cy("SyncStatus", "{count} batches to confirm").format(count=2),
    ]
    assert (
        status_words(status)
        == "Not synced yet · 3 changes to send · 1 conflict · 2 batches to confirm"
    )
    assert "Gliniadur Eira" in status_details(status, "cy")


def test_sync_notices_are_welsh_and_name_their_own_buttons(
    qtbot: QtBot, welsh: WelshWindow
) -> None:
    notice = not_in_team_notice(welsh)
    qtbot.addWidget(notice)
    assert notice.windowTitle() == cy("SyncRun", "Sync") != "Sync"
    assert notice.text() == cy("SyncRun", NOT_IN_TEAM_MESSAGE) != NOT_IN_TEAM_MESSAGE
    ok = notice.button(QMessageBox.StandardButton.Ok)
    assert ok is not None and ok.text() == cy("SyncRun", "OK")
    notice.close()
    # The question names the button it tells the person to choose, in their language.
    asked = held_words([Held("amlen-1", "Gliniadur Eira", 12)], "cy")
    assert cy("SyncRun", "Not now") in asked
    assert "Not now" not in asked


# -- conflicts ------------------------------------------------------------------------------
def _version(number: int, text: str, who: str, shown: bool) -> VersionShown:
    return VersionShown(number, text, text, who, who, "29/12/2026 10:00", shown)


def _minute_conflict(lang: i18n.Language) -> ConflictRow:
    """A minute changed on two laptops: free text, so it gets Edit and keep… too."""
    versions = (
        Version("1-0000-aaaa", "Trafodwyd y penwythnosau.", "cadeirydd", "2026-12-29T10:00"),
        Version(
            "1-0000-bbbb", "Siaradodd Eira am y penwythnosau.", "gweithiwr", "2026-12-29T10:05"
        ),
    )
    conflict = ConflictView(
        "conflict-1", "minute_entry", "minute-1", "text", changelog.FIELD_CONFLICT, versions, ""
    )
    label = lang.translate("ConflictsView", "Minute text")
    return ConflictRow(
        conflict=conflict,
        record_words=lang.translate("ConflictsView", "Minute"),
        whose="Eira Pryce (EP)",
        field_label=label,
        base_text="Trafodwyd.",
        versions=(
            _version(1, versions[0].value, "Gliniadur Eira", False),
            _version(2, versions[1].value, "Gliniadur Osian", True),
        ),
        free_text=True,
        what=label,
    )


def _deleted_conflict(lang: i18n.Language) -> ConflictRow:
    version = Version("1-0000-cccc", {"first_name": "Eira"}, "gweithiwr", "2026-12-29T10:05")
    conflict = ConflictView(
        "conflict-2", "young_person", "yp-1", "", changelog.RECORD_CONFLICT, (version,), []
    )
    return ConflictRow(
        conflict=conflict,
        record_words=lang.translate("ConflictsView", "Young person"),
        whose="Eira Pryce (EP)",
        field_label="",
        base_text="",
        versions=(_version(1, "Enw cyntaf: Eira", "Gliniadur Osian", True),),
        free_text=False,
        what=lang.translate("ConflictsView", "deleted on one laptop, changed on another"),
    )


def test_the_conflicts_view_speaks_welsh(
    qtbot: QtBot, welsh: WelshWindow, store: Store, english_left_over: frozenset[str]
) -> None:
    dialog = ConflictsDialog(store, welsh)
    _open(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.loaded_once, timeout=WAIT)
    context = "ConflictsDialog"
    assert dialog.windowTitle() == cy(context, "Sync conflicts") != "Sync conflicts"
    assert dialog.empty.text() == cy("ConflictsView", "No conflicts to resolve.")
    assert dialog.close_button.text() == cy(context, "Close")
    headers = [dialog.model.headerData(n, Qt.Orientation.Horizontal) for n in range(3)]
    assert headers == [cy(context, "Record"), cy(context, "What"), cy(context, "Changed by")]
    _assert_welsh(dialog, english_left_over)

    # Two conflicts, worded as load_conflicts words them for a Welsh window.
    lang = i18n.language("cy")
    dialog._render([_minute_conflict(lang), _deleted_conflict(lang)])
    qtbot.waitUntil(lambda: all(box.isVisible() for box in dialog.version_boxes), timeout=WAIT)
    assert dialog.windowTitle() == cy(context, "Sync conflicts ({count} to resolve)").format(
        count=2
    )
    assert [b.text() for b in dialog.keep_buttons] == [cy(context, "Keep this version")] * 2
    assert [b.text() for b in dialog.edit_buttons] == [cy(context, "Edit and keep…")] * 2
    assert dialog.base_label.text() == cy(context, "Before either change:")
    _assert_welsh(dialog, english_left_over)
    _assert_unique_mnemonics(dialog, 0)

    # The merge window opened from it is Welsh too, with one Alt+letter.
    row = dialog.selected()
    assert row is not None
    merge = dialog.edit_and_keep(row, row.versions[0])
    qtbot.waitExposed(merge)
    assert merge.keep_button.text() == cy("MergeDialog", "&Keep this text")
    _assert_welsh(merge, english_left_over)
    _assert_unique_mnemonics(merge, 1)
    merge.reject()

    # A record deleted on one laptop: Restore and Leave, each with its own letter.
    dialog.table.selectRow(1)
    qtbot.waitUntil(lambda: dialog.restore_button.isVisibleTo(dialog), timeout=WAIT)
    assert dialog.restore_button.text() == cy(context, "&Restore the record")
    assert dialog.leave_button.text() == cy(context, "&Leave it deleted")
    _assert_welsh(dialog, english_left_over)
    _assert_unique_mnemonics(dialog, 2)


def test_english_windows_are_unchanged(qtbot: QtBot, store: Store) -> None:
    """The same dialogs without a Welsh parent keep the English the other tests look for."""
    dialog = PolicyDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Timescales policy"
    assert dialog.review_interval.unit.itemText(0) == "weeks"
    conflicts = ConflictsDialog(store)
    qtbot.addWidget(conflicts)
    assert conflicts.windowTitle() == "Sync conflicts"


def test_conflicts_are_worded_in_the_windows_language(empty_workspace: Workspace) -> None:
    """What load_conflicts works out on the worker: record types, labels and values."""
    from sqlalchemy import Table

    from roth_desktop.models import YoungPerson
    from ui.conflicts_view import _Words
    from ui.forms import translate_words

    table = YoungPerson.__table__
    assert isinstance(table, Table)
    with empty_workspace.session() as session:
        welsh_words = _Words(session, i18n.language("cy"))
        english_words = _Words(session, i18n.language("en"))
        assert welsh_words.record_words("young_person") == cy("ConflictsView", "Young person")
        assert english_words.record_words("young_person") == "Young person"
        assert welsh_words.field_label("minute_entry", "text") == cy("ConflictsView", "Minute text")
        # A form's own label, as the (Welsh) form words it.
        assert welsh_words.field_label("young_person", "first_name") == translate_words(
            "cy", "First name"
        )
        assert welsh_words.value(table, "young_person", "first_name", "") == cy(
            "ConflictsView", "(empty)"
        )
        assert welsh_words.device("not-a-version") == cy("ConflictsView", "another laptop")
        assert english_words.device("not-a-version") == "another laptop"
