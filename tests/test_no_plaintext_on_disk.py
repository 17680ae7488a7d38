"""Nothing about a young person reaches the disk outside the encrypted database:
not in the workspace folder, the settings or state folders, nor temporary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from roth_desktop.crash_report import safe_traceback, write_crash_report
from roth_desktop.demo import create_demo
from roth_desktop.errors import WrongPassphraseError
from roth_desktop.workspace import DATABASE_FILE, KEY_FILE, Workspace
from tests.conftest import DEMO_NAMES, PASSPHRASE
from tests.helpers.common import assert_one_error_line, files_under, names_found, run_cli


def _fails_with_a_name(name: str) -> None:
    raise ValueError(f"could not save {name}: UNIQUE constraint failed")


def test_demo_list_check_and_failed_open_leave_no_names_on_disk(
    tmp_path: Path, isolated_dirs: dict[str, Path], passphrase_file: Path
) -> None:
    folder = tmp_path / "workspace"
    wrong = tmp_path / "wrong-passphrase.txt"
    wrong.write_text("Fernleigh not the passphrase\n", encoding="utf-8")

    create_demo(folder, PASSPHRASE).lock()
    listed = run_cli("list", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert listed.returncode == 0, listed.stderr
    assert "Tyler Marsh" in listed.stdout  # the names do exist, inside the database
    checked = run_cli("check", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert checked.returncode == 0, checked.stdout
    refused = run_cli("list", "--workspace", folder, "--passphrase-file", wrong)
    assert "passphrase does not open" in assert_one_error_line(refused)
    with pytest.raises(WrongPassphraseError):
        Workspace.open(folder, "Fernleigh not the passphrase either")
    with Workspace.open(folder, PASSPHRASE) as workspace:
        assert workspace.workspace_id
    try:
        _fails_with_a_name("Tyler Marsh")
    except ValueError as exc:
        report = write_crash_report(exc)
    assert report.parent == isolated_dirs["state"]

    files = list(files_under(tmp_path))
    file_names = {path.name for path in files}
    # The walk covers the places that were written to, so an empty result means something.
    assert {DATABASE_FILE, KEY_FILE, "unlock-attempts.json", "crash.log"} <= file_names
    for kind in ("config", "state", "tmp", "home"):
        assert isolated_dirs[kind].is_relative_to(tmp_path)
    assert names_found(files, DEMO_NAMES) == []


def test_safe_traceback_withholds_the_message() -> None:
    try:
        _fails_with_a_name("Tyler Marsh")
    except ValueError as exc:
        text = safe_traceback(exc)
    assert "Tyler" not in text and "Marsh" not in text
    assert "UNIQUE" not in text
    assert text.splitlines()[0] == "builtins.ValueError (message withheld)"
    assert "_fails_with_a_name" in text
    assert "test_no_plaintext_on_disk.py" in text


def test_crash_log_keeps_code_locations_only(isolated_dirs: dict[str, Path]) -> None:
    try:
        try:
            _fails_with_a_name("Amira Haddad")
        except ValueError as inner:
            raise RuntimeError("while saving Amira Haddad") from inner
    except RuntimeError as exc:
        path = write_crash_report(exc)
    assert path == isolated_dirs["state"] / "crash.log"
    logged = path.read_bytes()
    assert b"RuntimeError (message withheld)" in logged
    assert names_found([path], DEMO_NAMES) == []
