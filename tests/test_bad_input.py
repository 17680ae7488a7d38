"""Every way a workspace can be wrong: a clear refusal, and not one byte changed.

Each case is checked twice: through ``Workspace.open`` (the specific error and
its message) and through the installed command line (one line on stderr, a
non-zero exit). Both times the folder must stay byte-for-byte as it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from roth_desktop.database import make_engine
from roth_desktop.errors import (
    DatabaseDamagedError,
    KeyFileDamagedError,
    MissingKeyFileError,
    NewerWorkspaceError,
    NotAWorkspaceError,
    RothError,
    WrongPassphraseError,
)
from roth_desktop.keyfile import KeyFile
from roth_desktop.unlock_throttle import (
    FREE_ATTEMPTS,
    MAX_DELAY_SECONDS,
    UnlockThrottle,
    delay_for,
)
from roth_desktop.workspace import DATABASE_FILE, KEY_FILE, Workspace
from tests.conftest import DEMO_NAMES, PASSPHRASE
from tests.helpers.common import (
    assert_one_error_line,
    build_demo_template,
    copy_workspace,
    names_found,
    run_cli,
    snapshot,
)

WRONG_PASSPHRASE = "Fernleigh wrong passphrase"
THROTTLE_FILE = "unlock-attempts.json"


@dataclass(frozen=True)
class Templates:
    demo: Path
    other: Path  # a second workspace, same passphrase, different key
    newer: Path  # the demo, stamped with a revision from the future


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    demo = build_demo_template(tmp_path_factory, PASSPHRASE, "bad-input-demo")
    other = tmp_path_factory.mktemp("bad-input-other") / "workspace"
    Workspace.create(other, PASSPHRASE).lock()
    newer = tmp_path_factory.mktemp("bad-input-newer") / "workspace"
    copy_workspace(demo, newer)
    key = KeyFile.from_bytes((newer / KEY_FILE).read_bytes()).unwrap(PASSPHRASE)
    engine = make_engine(newer / DATABASE_FILE, key)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num='9999_future'")
    finally:
        engine.dispose()
    return Templates(demo, other, newer)


def _no_change(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.demo, folder)


def _truncated_database(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.demo, folder)
    db = folder / DATABASE_FILE
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def _random_bytes_and_no_key(folder: Path, templates: Templates) -> None:
    folder.mkdir()
    (folder / DATABASE_FILE).write_bytes(os.urandom(64 * 1024))


def _unrelated_files(folder: Path, templates: Templates) -> None:
    folder.mkdir()
    (folder / "minutes.txt").write_text("Agenda: nothing to see here.\n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(os.urandom(4096))
    (folder / "old").mkdir()
    (folder / "old" / "notes.md").write_text("# Notes\n", encoding="utf-8")


def _missing_key_file(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.demo, folder)
    (folder / KEY_FILE).unlink()


def _key_file_from_another_workspace(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.demo, folder)
    shutil.copy2(templates.other / KEY_FILE, folder / KEY_FILE)


def _flipped_ciphertext(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.demo, folder)
    path = folder / KEY_FILE
    document = json.loads(path.read_bytes())
    text = document["body"]["sealed_key"]["ciphertext"]
    middle = len(text) // 2
    document["body"]["sealed_key"]["ciphertext"] = (
        text[:middle] + ("B" if text[middle] != "B" else "C") + text[middle + 1 :]
    )
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _edited_kdf_iterations(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.demo, folder)
    path = folder / KEY_FILE
    document = json.loads(path.read_bytes())
    document["body"]["kdf"]["iterations"] = 1
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _newer_schema(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.newer, folder)


def _garbage_database_with_key(folder: Path, templates: Templates) -> None:
    copy_workspace(templates.demo, folder)
    db = folder / DATABASE_FILE
    db.write_bytes(os.urandom(db.stat().st_size))


def _nothing_there(folder: Path, templates: Templates) -> None:
    pass


@dataclass(frozen=True)
class BadInput:
    prepare: Callable[[Path, Templates], None]
    error: type[RothError]
    message: str
    passphrase: str = PASSPHRASE


CASES = {
    "wrong passphrase": BadInput(
        _no_change, WrongPassphraseError, "passphrase does not open", WRONG_PASSPHRASE
    ),
    "truncated database": BadInput(_truncated_database, DatabaseDamagedError, "damaged"),
    "random bytes, no key file": BadInput(
        _random_bytes_and_no_key, MissingKeyFileError, "key file .* is missing"
    ),
    "folder of unrelated files": BadInput(
        _unrelated_files, NotAWorkspaceError, "does not hold a ROTH Desktop workspace"
    ),
    "no such folder": BadInput(_nothing_there, NotAWorkspaceError, "no workspace at"),
    "missing key file": BadInput(_missing_key_file, MissingKeyFileError, "key file .* is missing"),
    "key file from another workspace": BadInput(
        _key_file_from_another_workspace, DatabaseDamagedError, "does not belong to this key file"
    ),
    "tampered key ciphertext": BadInput(
        _flipped_ciphertext, KeyFileDamagedError, "damaged or has been changed"
    ),
    "tampered kdf iterations": BadInput(
        _edited_kdf_iterations, KeyFileDamagedError, "damaged or has been changed"
    ),
    "newer schema": BadInput(_newer_schema, NewerWorkspaceError, "newer version"),
    "garbage database with a valid key file": BadInput(
        _garbage_database_with_key, DatabaseDamagedError, "damaged"
    ),
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def bad_input(
    request: pytest.FixtureRequest, templates: Templates, tmp_path: Path
) -> tuple[Path, BadInput]:
    case = CASES[request.param]
    folder = tmp_path / "workspace"
    case.prepare(folder, templates)
    return folder, case


def test_open_refuses_with_a_clear_error_and_changes_nothing(
    bad_input: tuple[Path, BadInput],
) -> None:
    folder, case = bad_input
    before = snapshot(folder) if folder.exists() else None
    with pytest.raises(case.error, match=case.message) as caught:
        Workspace.open(folder, case.passphrase)
    assert type(caught.value) is case.error
    message = str(caught.value)
    assert message.endswith("."), message
    assert "\n" not in message
    for name in DEMO_NAMES:
        assert name not in message
    if before is None:
        assert not folder.exists()
    else:
        assert snapshot(folder) == before


def test_cli_refuses_in_one_line_and_changes_nothing(
    bad_input: tuple[Path, BadInput], tmp_path: Path
) -> None:
    folder, case = bad_input
    before = snapshot(folder) if folder.exists() else None
    passphrase_file = tmp_path / "given-passphrase.txt"
    passphrase_file.write_text(case.passphrase + "\n", encoding="utf-8")
    result = run_cli("list", "--workspace", folder, "--passphrase-file", passphrase_file)
    line = assert_one_error_line(result)
    assert re.search(case.message, line), line
    assert result.stdout == ""
    if before is None:
        assert not folder.exists()
    else:
        assert snapshot(folder) == before


# -- throttling repeated wrong passphrases ------------------------------------------------


class FakeSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def test_throttle_gives_three_free_tries_then_doubles_up_to_a_minute(tmp_path: Path) -> None:
    sleep = FakeSleep()
    throttle = UnlockThrottle(tmp_path / "state" / THROTTLE_FILE, sleep=sleep)
    waited = []
    for _ in range(12):
        waited.append(throttle.wait_before_attempt("workspace-a"))
        throttle.record_failure("workspace-a")
    assert FREE_ATTEMPTS == 3 and MAX_DELAY_SECONDS == 60
    assert waited == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert sleep.calls == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert throttle.failures("workspace-a") == 12
    assert [delay_for(n) for n in range(5)] == [0, 0, 0, 1, 2]
    assert delay_for(1000) == 60

    # Another workspace has its own count.
    assert throttle.wait_before_attempt("workspace-b") == 0
    assert sleep.calls[-1] == 60 and len(sleep.calls) == 9

    # A new process reads the same count: restarting does not reset it.
    again = UnlockThrottle(tmp_path / "state" / THROTTLE_FILE, sleep=sleep)
    assert again.failures("workspace-a") == 12

    # Success resets it.
    again.record_success("workspace-a")
    assert throttle.failures("workspace-a") == 0
    assert throttle.wait_before_attempt("workspace-a") == 0
    assert len(sleep.calls) == 9


def test_a_damaged_throttle_file_counts_as_no_failures(tmp_path: Path) -> None:
    state = tmp_path / THROTTLE_FILE
    sleep = FakeSleep()
    for content in ("not json", "[1, 2]", '{"workspace-a": "many"}'):
        state.write_text(content, encoding="utf-8")
        throttle = UnlockThrottle(state, sleep=sleep)
        assert throttle.failures("workspace-a") == 0
        assert throttle.wait_before_attempt("workspace-a") == 0
    throttle.record_failure("workspace-a")
    assert json.loads(state.read_text(encoding="utf-8")) == {"workspace-a": 1}
    assert sleep.calls == []


def test_wrong_passphrases_are_counted_outside_the_workspace(
    demo_folder: Path, isolated_dirs: dict[str, Path]
) -> None:
    state_file = isolated_dirs["state"] / THROTTLE_FILE
    workspace_id = Workspace.read_keyfile(demo_folder).workspace_id
    before = snapshot(demo_folder)
    assert not state_file.exists()

    for expected in (1, 2):
        with pytest.raises(WrongPassphraseError):
            Workspace.open(demo_folder, WRONG_PASSPHRASE)
        assert json.loads(state_file.read_text(encoding="utf-8")) == {workspace_id: expected}

    raw = state_file.read_bytes()
    assert names_found([state_file], DEMO_NAMES) == []
    assert WRONG_PASSPHRASE.encode() not in raw
    assert PASSPHRASE.encode() not in raw
    assert snapshot(demo_folder) == before

    # After three misses the next attempt waits first (a fake sleep here).
    sleep = FakeSleep()
    throttle = UnlockThrottle(state_file, sleep=sleep)
    with pytest.raises(WrongPassphraseError):
        Workspace.open(demo_folder, WRONG_PASSPHRASE, throttle=throttle)
    assert sleep.calls == []
    with pytest.raises(WrongPassphraseError):
        Workspace.open(demo_folder, WRONG_PASSPHRASE, throttle=throttle)
    assert sleep.calls == [1]
    assert throttle.failures(workspace_id) == 4

    # The right passphrase still opens it (after its wait) and resets the count.
    Workspace.open(demo_folder, PASSPHRASE, throttle=throttle).lock()
    assert sleep.calls == [1, 2]
    assert json.loads(state_file.read_text(encoding="utf-8")) == {}
