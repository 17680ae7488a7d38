"""The installed ``roth-desktop`` command: what scripts and admins rely on."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from roth_desktop.schema_migrations import head_revision
from roth_desktop.validation import today
from roth_desktop.workspace import DATABASE_FILE, KEY_FILE
from tests.conftest import PASSPHRASE
from tests.helpers.common import (
    ROTH_DESKTOP,
    assert_one_error_line,
    copy_workspace,
    run_cli,
    snapshot,
)

NEW_PASSPHRASE = "Fernleigh changed passphrase"


@pytest.fixture(scope="module")
def cli_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo made by the command line itself, reading the passphrase from stdin."""
    base = tmp_path_factory.mktemp("cli-demo")
    folder = base / "workspace"
    result = run_cli(
        "demo",
        "--workspace",
        folder,
        "--passphrase-file",
        "-",
        stdin_text=PASSPHRASE,
        env={
            "ROTH_DESKTOP_CONFIG_DIR": str(base / "config"),
            "ROTH_DESKTOP_STATE_DIR": str(base / "state"),
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"Created a fictional demo workspace in {folder}" in result.stdout
    return folder


@pytest.fixture(scope="module")
def listed(cli_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("cli-list")
    passphrase_file = base / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    result = run_cli(
        "list",
        "--workspace",
        cli_demo,
        "--passphrase-file",
        passphrase_file,
        "--json",
        env={"ROTH_DESKTOP_STATE_DIR": str(base / "state")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_the_console_script_is_installed() -> None:
    assert ROTH_DESKTOP.is_file()
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("roth-desktop ")


def test_demo_creates_a_workspace_and_refuses_to_overwrite_one(cli_demo: Path) -> None:
    assert sorted(p.name for p in cli_demo.iterdir()) == [DATABASE_FILE, KEY_FILE]
    before = snapshot(cli_demo)
    again = run_cli(
        "demo", "--workspace", cli_demo, "--passphrase-file", "-", stdin_text=PASSPHRASE
    )
    assert "already a workspace" in assert_one_error_line(again)
    assert again.stdout == ""
    assert snapshot(cli_demo) == before


def test_list_prints_names_and_ids(
    cli_demo: Path, passphrase_file: Path, listed: dict[str, Any]
) -> None:
    result = run_cli("list", "--workspace", cli_demo, "--passphrase-file", passphrase_file)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = result.stdout
    for name in ("Tyler Marsh", "Mira Haddad", "Kai Brennan"):
        assert name in text
    ids = [person["id"] for person in listed["young_people"]]
    for person in listed["young_people"]:
        for case in person["cases"]:
            ids.append(case["id"])
            ids.extend(conference["id"] for conference in case["conferences"])
    assert len(ids) > 10
    for record_id in ids:
        assert record_id in text


def test_list_json_has_people_cases_and_conferences_with_ids(listed: dict[str, Any]) -> None:
    people = listed["young_people"]
    assert len(people) >= 3
    seen: list[str] = []
    for person in people:
        seen.append(str(uuid.UUID(person["id"])))
        assert person["name"]
        assert person["cases"], person["name"]
        for case in person["cases"]:
            seen.append(str(uuid.UUID(case["id"])))
            assert case["conferences"]
            for conference in case["conferences"]:
                seen.append(str(uuid.UUID(conference["id"])))
                datetime.fromisoformat(conference["starts_at"])
    assert len(seen) == len(set(seen)), "ids must be unique"


def _when(conference: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(conference["starts_at"])


def test_the_demo_shows_its_three_situations(listed: dict[str, Any]) -> None:
    now = datetime.combine(today(), datetime.min.time())
    people = listed["young_people"]

    upcoming_initial = [
        p
        for p in people
        if any(
            c["kind"] == "initial" and c["status"] == "draft" and _when(c) > now
            for case in p["cases"]
            for c in case["conferences"]
        )
    ]
    on_a_roth_plan = [
        p
        for p in people
        if any(
            case["pathway"] == "roth_child_protection"
            and sum(c["status"] == "agreed" and _when(c) < now for c in case["conferences"]) >= 2
            for case in p["cases"]
        )
    ]
    transferred = [
        p
        for p in people
        if any(
            t["from"] == "traditional_child_protection" and t["to"] == "roth_child_protection"
            for case in p["cases"]
            for t in case["transfers"]
        )
    ]
    assert [p["name"] for p in upcoming_initial] == ["Tyler Marsh"]
    assert len(on_a_roth_plan) >= 1
    assert "Mira Haddad" in [p["name"] for p in on_a_roth_plan]
    assert [p["name"] for p in transferred] == ["Kai Brennan"]
    kai_case = transferred[0]["cases"][0]
    assert kai_case["pathway"] == "roth_child_protection"


def test_check_passes_on_the_demo(cli_demo: Path, passphrase_file: Path) -> None:
    result = run_cli("check", "--workspace", cli_demo, "--passphrase-file", passphrase_file)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert all(line.startswith("ok") for line in lines), lines
    assert [line.split(":")[0].split(maxsplit=1)[1] for line in lines] == [
        "key file",
        "database",
        "schema",
        "audit trail",
    ]


def test_migrate_on_a_current_workspace_changes_nothing(
    cli_demo: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    folder = copy_workspace(cli_demo, tmp_path / "current")
    before = snapshot(folder)
    result = run_cli("migrate", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"Already at the latest schema ({head_revision()})" in result.stdout
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["--passphrase", PASSPHRASE],
        ["--passphrase-file", "-", f"--passphrase={PASSPHRASE}"],
    ],
    ids=["instead-of-a-file", "alongside-a-file"],
)
def test_a_passphrase_is_never_accepted_from_argv(cli_demo: Path, argv: list[str]) -> None:
    result = run_cli("list", "--workspace", cli_demo, *argv, stdin_text=PASSPHRASE)
    assert result.returncode == 2
    assert assert_one_error_line(result)
    assert result.stdout == ""
    assert PASSPHRASE not in result.stderr  # refused without being repeated into a log


def test_no_passphrase_file_and_no_terminal_is_one_line(cli_demo: Path) -> None:
    result = run_cli("list", "--workspace", cli_demo)  # stdin is a pipe, not a tty
    line = assert_one_error_line(result)
    assert "--passphrase-file" in line
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "Cannot read the passphrase file"), (b"\xff\xfe\xfa", "UTF-8")],
    ids=["missing", "not-utf8"],
)
def test_an_unusable_passphrase_file_is_one_line(
    cli_demo: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "passphrase-file"
    if content is not None:
        path.write_bytes(content)
    result = run_cli("list", "--workspace", cli_demo, "--passphrase-file", path)
    assert message in assert_one_error_line(result)


def test_passphrase_file_dash_reads_standard_input(cli_demo: Path) -> None:
    result = run_cli(
        "list", "--workspace", cli_demo, "--passphrase-file", "-", stdin_text=PASSPHRASE + "\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Tyler Marsh" in result.stdout

    wrong = run_cli(
        "list", "--workspace", cli_demo, "--passphrase-file", "-", stdin_text="not it at all\n"
    )
    assert "passphrase does not open" in assert_one_error_line(wrong)


def test_unknown_commands_and_options_are_one_line(cli_demo: Path) -> None:
    for argv in (["frobnicate"], ["list", "--workspace", str(cli_demo), "--colour"]):
        result = run_cli(*argv)
        assert result.returncode == 2
        assert assert_one_error_line(result)


def test_change_passphrase_then_only_the_new_one_opens(
    cli_demo: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    folder = copy_workspace(cli_demo, tmp_path / "changing")
    db_before = (folder / DATABASE_FILE).read_bytes()
    new_file = tmp_path / "new-passphrase.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", encoding="utf-8")

    changed = run_cli(
        "change-passphrase",
        "--workspace",
        folder,
        "--passphrase-file",
        passphrase_file,
        "--new-passphrase-file",
        new_file,
    )
    assert changed.returncode == 0, changed.stderr
    assert changed.stderr == ""
    assert "Passphrase changed" in changed.stdout
    assert (folder / DATABASE_FILE).read_bytes() == db_before

    old = run_cli("list", "--workspace", folder, "--passphrase-file", passphrase_file)
    assert "passphrase does not open" in assert_one_error_line(old)

    new = run_cli("check", "--workspace", folder, "--passphrase-file", new_file)
    assert new.returncode == 0, new.stdout + new.stderr
    assert [line[:2] for line in new.stdout.splitlines()] == ["ok"] * 4
