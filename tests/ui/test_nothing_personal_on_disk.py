"""After a real session in the app, no fictional name is anywhere on disk in the clear."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import DEMO_NAMES
from tests.ui.conftest import window_of
from ui.app import Controller


def _files(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_a_session_leaves_no_names_in_plain_text(
    qtbot: QtBot, unlocked: Controller, demo_folder: Path, isolated_dirs: dict[str, Path]
) -> None:
    window = window_of(unlocked)
    tyler = next(r for r in window.case_list.model.rows if r.name == "Tyler Marsh")
    window.case_list.select(tyler.young_person_id)
    qtbot.waitUntil(lambda: window.case_view.detail is not None, timeout=10000)
    field = window.case_view.person_form.widgets["preferred_name"]
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.keyClicks(field, "Tyler-Zephyrine")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.store.undo_stack.count() == 1, timeout=10000)
    unlocked.lock()

    files = _files(demo_folder, *isolated_dirs.values())
    assert any(p.name == "settings.json" for p in files)  # the app did write its own files
    needles = [*DEMO_NAMES, "Zephyrine"]
    for path in files:
        data = path.read_bytes()
        for name in needles:
            for encoded in (name.encode("utf-8"), name.encode("utf-16-le")):
                assert encoded not in data, f"{name} in plain text in {path}"
