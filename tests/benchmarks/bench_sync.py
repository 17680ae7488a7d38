"""Benchmark: 10,000 changes between two devices, through the folder and the server.

    make bench      (or: python -m tests.benchmarks.bench_sync [CHANGES])

Device A makes the changes offline; then A syncs (seal and send) and B syncs
(fetch, verify, decrypt and merge). Each is timed and given as changes per second,
and as a ratio against the floor for the same bytes measured in the same run:
AES-256-GCM over the same payload plus writing the same number of files of the
same size. The server target runs when PostgreSQL binaries are on this machine
(the same throwaway cluster the tests use). Nothing here asserts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from roth_desktop.models import SyncOutbox, YoungPerson
from roth_desktop.sync import engine
from tests.benchmarks.bench_conference import print_table, report, timing
from tests.benchmarks.sync_server_bench import server_for_benchmark
from tests.helpers.sync_team import Team, build_team, copy_team

ROUNDS = 3


def make_changes(team: Team, changes: int) -> None:
    """Half creates, half edits, on device 0, in autosave-sized sessions."""
    people = changes // 2
    with team.open(0) as workspace:
        ids: list[str] = []
        for start in range(0, people, 500):
            with workspace.session() as session:
                for n in range(start, min(start + 500, people)):
                    person = YoungPerson(
                        first_name=f"Bench{n}",
                        last_name="Fernleigh",
                        date_of_birth=date(2010, 1, 1),
                    )
                    session.add(person)
                    ids.append(person.id)
                session.flush()
        for start in range(0, len(ids), 500):
            with workspace.session() as session:
                for person in session.scalars(
                    select(YoungPerson).where(YoungPerson.id.in_(ids[start : start + 500]))
                ):
                    person.preferred_name = "Edited"
                session.flush()


def floor(blobs: list[bytes]) -> float:
    """AES-256-GCM over the same bytes, and writing as many files of the same size."""
    key = AESGCM.generate_key(bit_length=256)
    cipher = AESGCM(key)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        for n, blob in enumerate(blobs):
            sealed = cipher.encrypt(os.urandom(12), blob, None)
            path = Path(folder) / f"{n:010d}.bin"
            with open(path, "wb") as out:
                out.write(sealed)
                out.flush()
                os.fsync(out.fileno())
        return time.perf_counter() - started


def run(template: Team, changes: int, base: Path, retarget: Callable[[Team], str] | None) -> None:
    label = "server" if retarget else "folder"
    send: list[float] = []
    receive: list[float] = []
    floors: list[float] = []
    for round_number in range(ROUNDS):
        team = copy_team(template, base / f"{label}-{round_number}")
        target = retarget(team) if retarget else None
        make_changes(team, changes)
        with team.open(0) as workspace:
            started = time.perf_counter()
            engine.sync(workspace, target)
            send.append(time.perf_counter() - started)
            with workspace.session() as session:
                blobs = [bytes(o.blob) for o in session.scalars(select(SyncOutbox))]
        with team.open(1) as workspace:
            started = time.perf_counter()
            result = engine.sync(workspace, target)
            receive.append(time.perf_counter() - started)
            assert result.changes >= changes, result.summary()
        floors.append(floor(blobs))
    base_timing = timing(floors)
    for name, seconds in ((f"{label}: A seals and sends", send), (f"{label}: B fetches and merges", receive)):  # fmt: skip  # noqa: E501
        measured = timing(seconds)
        report(f"{name} ({changes / measured.p50:,.0f}/s)", measured, "AES-GCM + write same bytes", base_timing)  # fmt: skip  # noqa: E501


def main(changes: int = 10_000) -> int:
    with tempfile.TemporaryDirectory(prefix="roth-bench-sync-") as folder:
        base = Path(folder)
        os.environ["ROTH_DESKTOP_CONFIG_DIR"] = str(base / "config")
        os.environ["ROTH_DESKTOP_STATE_DIR"] = str(base / "state")
        template = build_team(base / "template", 2)
        run(template, changes, base, None)
        with server_for_benchmark(base) as retarget:
            if retarget is not None:
                run(template, changes, base, retarget)
            else:
                print("PostgreSQL is not installed here: the server target was not measured.")
        print(f"{changes:,} changes between two devices, {ROUNDS} rounds each")
        print_table()
    return 0


if __name__ == "__main__":
    sys.exit(main(*(int(a) for a in sys.argv[1:])))
