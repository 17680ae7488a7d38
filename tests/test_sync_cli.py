"""The sync commands' contract on the command line: team, sync and conflicts.

Each is run as a person would run it (the installed console script, no tty):
success exits 0 and says what happened; every refusal is one line on stderr,
exit non-zero, and leaves the workspace as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from roth_desktop.models import YoungPerson
from roth_desktop.sync.enrolment import new_code
from roth_desktop.sync.envelope import MAGIC, parse_header
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.common import assert_one_error_line, cli_demo, run_cli, snapshot
from tests.helpers.sync_team import Team, build_team, copy_team, device_folder

CODE_LINE = re.compile(r"^One-time code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$", re.MULTILINE)
A, B, C = 0, 1, 2


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    base = tmp_path_factory.mktemp("sync-cli")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        yield build_team(base / "team", 3)


@pytest.fixture
def team(template: Team, tmp_path: Path) -> Team:
    return copy_team(template, tmp_path / "team")


def add_person(workspace: Workspace, first: str, last: str) -> str:
    with workspace.session() as session:
        person = YoungPerson(first_name=first, last_name=last, date_of_birth=date(2010, 9, 1))
        session.add(person)
        session.flush()
        return person.id


def listed(folder: Path, secret: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """Young people by id, with their names, as `list --json` shows them."""
    result = run_cli("list", *on(folder, secret), "--json", env=env)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return {p["id"]: p["name"] for p in data["young_people"]}


def on(folder: Path, secret: Path) -> tuple[str | Path, ...]:
    return ("--workspace", folder, "--passphrase-file", secret)


def ok(*args: str | Path, env: dict[str, str] | None = None) -> str:
    result = run_cli(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def invite(
    admin: Path, secret: Path, name: str, out: Path, env: dict[str, str] | None = None
) -> str:
    """`team invite`; returns the one-time code it printed once."""
    said = ok(
        "team",
        "invite",
        *on(admin, secret),
        "--device-name",
        name,
        "--out",
        out,
        env=env,
    )
    codes = CODE_LINE.findall(said)
    assert len(codes) == 1, said
    assert out.is_file()
    code: str = codes[0]
    assert code not in out.read_text(encoding="latin-1")
    return code


# --- a team made and used on the command line ------------------------------


def test_a_team_made_on_the_command_line_carries_a_record_to_an_enrolled_device(
    tmp_path: Path, passphrase_file: Path
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        ok("create", *on(folder, passphrase_file))
    said = ok(
        "team",
        "create",
        *on(first, passphrase_file),
        "--name",
        "Fernleigh ROTH team",
        "--device-name",
        "Chair laptop",
    )
    assert "Created team 'Fernleigh ROTH team'" in said
    with Workspace.open(first, PASSPHRASE) as workspace:
        person = add_person(workspace, "Brennan", "Haddad")

    enrolment = tmp_path / "laptop.rothenrol"
    code_file = tmp_path / "code.txt"
    code_file.write_text(
        invite(first, passphrase_file, "Social worker laptop", enrolment) + "\n", encoding="utf-8"
    )
    said = ok(
        "team",
        "enrol",
        *on(second, passphrase_file),
        "--file",
        enrolment,
        "--code-file",
        code_file,
    )
    assert "Enrolled as 'Social worker laptop' in team 'Fernleigh ROTH team'" in said

    shown = [ok("team", "show", *on(folder, passphrase_file)) for folder in (first, second)]
    team_lines = {text.splitlines()[0] for text in shown}
    assert len(team_lines) == 1, shown  # the same team, roster and key epoch on both
    (team_line,) = team_lines
    assert team_line.startswith("Team: Fernleigh ROTH team (")
    assert "roster v2, key epoch 1" in team_line
    assert re.search(r"Chair laptop  \[admin, this device\]$", shown[0], re.MULTILINE)
    assert re.search(r"Social worker laptop  \[this device\]$", shown[1], re.MULTILINE)

    target = f"folder:{share}"
    sent = ok("sync", *on(first, passphrase_file), "--target", target)
    assert sent.startswith("Sent 1 envelope(s)")
    got = ok("sync", *on(second, passphrase_file), "--target", target)
    assert "applied 1 (1 change(s))" in got

    assert listed(second, passphrase_file) == {person: "Brennan Haddad"}
    # The target is remembered for the next sync.
    assert f"Target: {target}" in ok("team", "show", *on(second, passphrase_file))
    ok("sync", *on(second, passphrase_file))


HELP = {
    ("sync",): ("--target", "--confirm-deletes", "--workspace"),
    ("conflicts",): ("--json", "--workspace"),
    ("team",): ("create", "invite", "enrol", "remove-device", "show"),
    ("team", "create"): ("--name", "--device-name", "--target", "--workspace"),
    ("team", "invite"): ("--device-name", "--out", "one-time code"),
    ("team", "enrol"): ("--file", "--code-file", "one-time code"),
    ("team", "remove-device"): ("--device", "rotate the team key"),
    ("team", "show"): ("--workspace", "--passphrase-file"),
}


@pytest.mark.parametrize("command", list(HELP), ids=" ".join)
def test_each_sync_command_explains_itself(command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--help")

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = " ".join(result.stdout.split())  # argparse wraps lines where it likes
    assert text.startswith(f"usage: roth-desktop {' '.join(command)}"), text
    for expected in HELP[command]:
        assert expected in text, (expected, text)


# --- refusals: one line, non-zero, nothing changed --------------------------


def test_a_tampered_envelope_fails_the_sync_with_one_line_naming_it(
    team: Team, passphrase_file: Path
) -> None:
    with team.open(A) as workspace:
        person = add_person(workspace, "Brennan", "Haddad")
    ok("sync", *on(team.workspaces[A], passphrase_file))
    (path,) = sorted(device_folder(team, A).glob("*.rothenv"))
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0x20
    path.write_bytes(bytes(blob))
    envelope = parse_header(bytes(blob)).envelope_id

    result = run_cli("sync", *on(team.workspaces[B], passphrase_file))

    line = assert_one_error_line(result)
    assert result.returncode == 3
    assert envelope in line
    assert line.endswith("was rejected: it has been tampered with"), line
    assert person not in listed(team.workspaces[B], passphrase_file)


def test_enrolling_with_a_wrong_code_is_refused_and_changes_nothing(
    team: Team, tmp_path: Path, passphrase_file: Path
) -> None:
    enrolment = tmp_path / "laptop.rothenrol"
    right = invite(team.workspaces[A], passphrase_file, "Duty laptop", enrolment)
    wrong = new_code()
    assert wrong != right
    code_file = tmp_path / "code.txt"
    code_file.write_text(wrong + "\n", encoding="utf-8")
    newcomer = tmp_path / "newcomer"
    Workspace.create(newcomer, PASSPHRASE).lock()
    before = snapshot(newcomer)

    result = run_cli(
        "team",
        "enrol",
        *on(newcomer, passphrase_file),
        "--file",
        enrolment,
        "--code-file",
        code_file,
    )

    line = assert_one_error_line(result)
    assert result.returncode == 1
    assert "code does not open this enrolment file" in line
    assert snapshot(newcomer) == before
    shown = ok("team", "show", *on(newcomer, passphrase_file))
    assert shown.strip() == "Not in a sync team."


def test_syncing_a_workspace_in_no_team_is_refused_in_one_line(
    tmp_path: Path, passphrase_file: Path
) -> None:
    loner = tmp_path / "loner"
    Workspace.create(loner, PASSPHRASE).lock()
    share = tmp_path / "share"
    share.mkdir()

    result = run_cli(
        "sync",
        *on(loner, passphrase_file),
        "--target",
        f"folder:{share}",
    )

    line = assert_one_error_line(result)
    assert result.returncode == 1
    assert "not in a sync team" in line
    assert "team create" in line and "team enrol" in line
    assert list(share.iterdir()) == []


def test_an_unknown_target_is_refused_in_one_line_and_not_remembered(
    team: Team, passphrase_file: Path
) -> None:
    receiver = team.workspaces[B]
    shown_before = ok("team", "show", *on(receiver, passphrase_file))

    result = run_cli(
        "sync",
        *on(receiver, passphrase_file),
        "--target",
        "nonsense:x",
    )

    line = assert_one_error_line(result)
    assert result.returncode == 1
    assert "'nonsense:x'" in line
    assert "folder:PATH" in line
    # The target used before is still the one used next.
    shown = ok("team", "show", *on(receiver, passphrase_file))
    assert shown == shown_before
    ok("sync", *on(receiver, passphrase_file))


def test_a_removed_device_is_told_so_in_one_line(team: Team, passphrase_file: Path) -> None:
    removed = device_folder(team, C).name
    said = ok(
        "team",
        "remove-device",
        *on(team.workspaces[A], passphrase_file),
        "--device",
        removed[:8],
    )
    assert "epoch 2" in said
    ok("sync", *on(team.workspaces[A], passphrase_file))
    shown = ok("team", "show", *on(team.workspaces[A], passphrase_file))
    assert re.search(rf"^  {removed}  .*\[removed\]$", shown, re.MULTILINE), shown

    result = run_cli("sync", *on(team.workspaces[C], passphrase_file))

    line = assert_one_error_line(result)
    assert result.returncode == 1
    assert "removed from the team" in line
    # The others carry on.
    ok("sync", *on(team.workspaces[B], passphrase_file))


def test_a_truncated_file_in_the_folder_is_waited_for_not_rejected(
    team: Team, passphrase_file: Path
) -> None:
    with team.open(A) as workspace:
        person = add_person(workspace, "Brennan", "Haddad")
    ok("sync", *on(team.workspaces[A], passphrase_file))
    (path,) = sorted(device_folder(team, A).glob("*.rothenv"))
    whole = path.read_bytes()
    path.write_bytes(whole[: len(MAGIC) + 40])

    said = ok("sync", *on(team.workspaces[B], passphrase_file))

    assert f"{path.name} is still being copied into the folder; skipped for now." in said
    assert person not in listed(team.workspaces[B], passphrase_file)
    path.write_bytes(whole)
    ok("sync", *on(team.workspaces[B], passphrase_file))
    assert person in listed(team.workspaces[B], passphrase_file)


# --- the demo --------------------------------------------------------------


def test_two_demo_workspaces_in_one_team_sync_and_list_their_conflicts(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
    one = cli_demo(tmp_path / "one", PASSPHRASE)
    two = cli_demo(tmp_path / "two", PASSPHRASE)
    share = tmp_path / "share"
    share.mkdir()
    target = f"folder:{share}"
    ok(
        "team",
        "create",
        *on(one["folder"], one["secret"]),
        "--name",
        "Fernleigh demo team",
        "--device-name",
        "Chair laptop",
        "--target",
        target,
        env=one["env"],
    )
    enrolment = tmp_path / "two.rothenrol"
    code = invite(one["folder"], one["secret"], "Social worker laptop", enrolment, one["env"])
    code_file = tmp_path / "code.txt"
    code_file.write_text(code, encoding="utf-8")
    ok(
        "team",
        "enrol",
        *on(two["folder"], two["secret"]),
        "--file",
        enrolment,
        "--code-file",
        code_file,
        env=two["env"],
    )
    # The demo's records have the same ids in every demo workspace: one set of people.
    everyone = listed(one["folder"], one["secret"], one["env"])
    assert everyone
    assert listed(two["folder"], two["secret"], two["env"]) == everyone

    for demo in (one, two, one):
        ok("sync", *on(demo["folder"], demo["secret"]), env=demo["env"])

    for demo in (one, two):
        assert listed(demo["folder"], demo["secret"], demo["env"]) == everyone  # none doubled
        text = ok("conflicts", *on(demo["folder"], demo["secret"]), env=demo["env"])
        found = json.loads(
            ok("conflicts", *on(demo["folder"], demo["secret"]), "--json", env=demo["env"])
        )
        assert isinstance(found, list)
        if found:
            assert len(text.splitlines()) == len(found)
        else:
            assert text.strip() == "No conflicts."
        checked = run_cli("check", *on(demo["folder"], demo["secret"]), env=demo["env"])
        assert checked.returncode == 0, checked.stdout
