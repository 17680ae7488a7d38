"""A sync killed at any point (the laptop shut, the process killed) is finished by the next.

The real command line syncs 3000 new records (six envelopes of 500 changes) and
is killed with SIGKILL at points found by watching the disk: while the sender
seals its changes, as its first or third envelope lands in the folder, and
while the receiver files what it fetched or applies its first or fourth
envelope. Then both sides sync to the end, and the receiver must hold exactly
the sender's records, each change applied once, with nothing half-written in
the folder taken for an envelope, both audit trails whole, and `check` content.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from roth_desktop import audit
from roth_desktop.models import AuditEntry, SyncInbox, SyncRejection, YoungPerson
from roth_desktop.sync import changelog, team_keys
from roth_desktop.sync.envelope import open_envelope, parse_header
from roth_desktop.sync.folder_target import ENVELOPE_NAME
from roth_desktop.sync.team import current_roster
from tests.helpers.common import ROTH_DESKTOP, run_cli
from tests.helpers.sync_team import PASSPHRASE, Team, build_team, copy_team, record_rows

RECORDS = 3000
ENVELOPES = 6  # 3000 changes, 500 to an envelope
SENDER, RECEIVER = 0, 1
JOURNAL = "workspace.db-journal"  # there while a write transaction is under way


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    """Two devices in one team; the sender holds 3000 records it has not yet synced."""
    base = tmp_path_factory.mktemp("sync-interruption")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        team = build_team(base / "team", 2)
        with team.open(SENDER) as workspace, workspace.session() as session:
            session.add_all(
                YoungPerson(
                    first_name=f"Young{n}",
                    last_name=("Fenwick", "Ashdown", "Carrow")[n % 3],
                    date_of_birth=date(2008 + n % 10, 1 + n % 12, 1 + n % 28),
                    communication_needs=f"Fictional note {n} for the interruption test.",
                )
                for n in range(RECORDS)
            )
        yield team


@pytest.fixture
def team(template: Team, tmp_path: Path) -> Team:
    return copy_team(template, tmp_path / "team")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


# --- watching the disk -----------------------------------------------------


Trigger = Callable[[], bool]


def nth_write(workspace: Path, times: int) -> Trigger:
    """True once the workspace's rollback journal has appeared ``times`` times."""
    journal = workspace / JOURNAL
    seen = {"count": 0, "present": False}

    def check() -> bool:
        present = journal.exists()
        if present and not seen["present"]:
            seen["count"] += 1
        seen["present"] = present
        return seen["count"] >= times

    return check


def envelopes_landed(share: Path, count: int) -> Trigger:
    """True once ``count`` envelope files (under their real names) are in the folder."""

    def check() -> bool:
        found = sum(
            1 for _, _, names in os.walk(share) for name in names if ENVELOPE_NAME.match(name)
        )
        return found >= count

    return check


def sync_killed(workspace: Path, secret: Path, trigger: Trigger) -> bool:
    """Run `roth-desktop sync` and SIGKILL it the moment ``trigger`` holds.

    Returns whether it was killed; a sync that finished first must have succeeded.
    """
    process = subprocess.Popen(
        [
            str(ROTH_DESKTOP),
            "sync",
            "--workspace",
            str(workspace),
            "--passphrase-file",
            str(secret),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        while process.poll() is None:
            if trigger():
                process.send_signal(signal.SIGKILL)
                process.wait()
                return True
            time.sleep(0.0005)
        assert process.stderr is not None
        assert process.returncode == 0, process.stderr.read()
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def sync_to_the_end(workspace: Path, secret: Path) -> str:
    result = run_cli("sync", "--workspace", workspace, "--passphrase-file", secret)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


# --- what must hold afterwards ---------------------------------------------


def versions(team: Team, index: int, origin: str) -> list[str]:
    with team.open(index) as workspace, workspace.session() as session:
        return [
            str(v)
            for v in session.scalars(select(AuditEntry.version).where(AuditEntry.origin == origin))
        ]


def assert_converged(team: Team, secret: Path) -> None:
    with team.open(SENDER) as sender, team.open(RECEIVER) as receiver:
        sent = record_rows(sender, bookkeeping=False)
        received = record_rows(receiver, bookkeeping=False)
        assert len(sent["young_person"]) == RECORDS
        assert received == sent  # same ids and values: nothing lost, nothing doubled
        for workspace in (sender, receiver):
            with workspace.session() as session:
                chain = audit.verify(session)
                assert chain.ok, chain.problems
        with receiver.session() as session:
            assert session.scalar(select(func.count()).select_from(SyncInbox)) == 0
            rejections = list(session.scalars(select(SyncRejection.reason)))
            assert rejections == []
    # Every change was applied exactly once: one remote entry per change sent.
    local = versions(team, SENDER, changelog.LOCAL)
    remote = versions(team, RECEIVER, changelog.REMOTE)
    assert len(local) == RECORDS
    assert sorted(remote) == sorted(local)
    for index in (SENDER, RECEIVER):
        checked = run_cli(
            "check", "--workspace", team.workspaces[index], "--passphrase-file", secret
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr


def assert_folder_holds_only_whole_envelopes(team: Team) -> None:
    """Files under an envelope's name are whole and open; anything else is a leftover
    temporary file whose name no device takes for an envelope."""
    with team.open(RECEIVER) as workspace, workspace.session() as session:
        roster = current_roster(session)
        keys = team_keys.team_keys(session)
    devices = team.folder / roster.team_id / "devices"
    numbers: dict[str, list[int]] = {}
    for folder in sorted(devices.iterdir()):
        for path in sorted(folder.iterdir()):
            match = ENVELOPE_NAME.match(path.name)
            if match is None:
                assert path.name.startswith(".") and ".tmp-" in path.name, path
                continue
            blob = path.read_bytes()
            header, _ = open_envelope(blob, team_id=roster.team_id, roster=roster, team_keys=keys)
            assert header == parse_header(blob)
            assert header.seq == int(match.group(1))
            numbers.setdefault(folder.name, []).append(header.seq)
    assert list(numbers.values()) == [list(range(1, ENVELOPES + 1))]


# --- the tests -------------------------------------------------------------


# Each step of engine.sync commits on its own, so the journal's appearances mark them:
# the sender seals (1), then marks each envelope pushed; the receiver files what it
# fetched (1), then applies each envelope in its own transaction (2, 3, ...). Should
# a step be added, a kill lands one step off, which the tests tolerate.
SENDER_KILLS: dict[str, Callable[[Team], Trigger]] = {
    "while sealing its changes": lambda t: nth_write(t.workspaces[SENDER], 1),
    "as its first envelope lands": lambda t: envelopes_landed(t.folder, 1),
    "as its third envelope lands": lambda t: envelopes_landed(t.folder, 3),
}
RECEIVER_KILLS: dict[str, Callable[[Team], Trigger]] = {
    "while filing what it fetched": lambda t: nth_write(t.workspaces[RECEIVER], 1),
    "while applying its first envelope": lambda t: nth_write(t.workspaces[RECEIVER], 2),
    "while applying its fourth envelope": lambda t: nth_write(t.workspaces[RECEIVER], 5),
}


@pytest.mark.parametrize("when", list(SENDER_KILLS))
def test_a_sender_killed_mid_sync_is_finished_by_the_next_sync(
    team: Team, secret: Path, when: str
) -> None:
    sender, receiver = team.workspaces[SENDER], team.workspaces[RECEIVER]
    # The trigger is a step the sync must pass with work still to do, so it is killed.
    assert sync_killed(sender, secret, SENDER_KILLS[when](team))
    # The receiver syncs while the sender's work is half done, then both finish.
    sync_to_the_end(receiver, secret)
    sync_to_the_end(sender, secret)
    sync_to_the_end(receiver, secret)

    assert_folder_holds_only_whole_envelopes(team)
    assert_converged(team, secret)


@pytest.mark.parametrize("when", list(RECEIVER_KILLS))
def test_a_receiver_killed_mid_apply_is_finished_by_the_next_sync(
    team: Team, secret: Path, when: str
) -> None:
    sender, receiver = team.workspaces[SENDER], team.workspaces[RECEIVER]
    sync_to_the_end(sender, secret)
    assert sync_killed(receiver, secret, RECEIVER_KILLS[when](team))
    sync_to_the_end(receiver, secret)
    sync_to_the_end(sender, secret)

    assert_folder_holds_only_whole_envelopes(team)
    assert_converged(team, secret)


def test_killed_again_and_again_on_both_sides_nothing_is_lost_or_doubled(
    team: Team, secret: Path
) -> None:
    sender, receiver = team.workspaces[SENDER], team.workspaces[RECEIVER]
    sync_killed(sender, secret, envelopes_landed(team.folder, 2))
    sync_killed(receiver, secret, nth_write(receiver, 3))
    sync_killed(sender, secret, envelopes_landed(team.folder, 4))
    sync_killed(receiver, secret, nth_write(receiver, 4))
    sync_to_the_end(sender, secret)
    sync_killed(receiver, secret, nth_write(receiver, 4))
    sync_to_the_end(receiver, secret)

    assert_folder_holds_only_whole_envelopes(team)
    assert_converged(team, secret)
