"""Benchmarks for the spine, each a ratio against a baseline taken in the same run.

    make bench      (or: python -m tests.benchmarks.bench_spine)

Ratios, not seconds, because machines differ; a ratio that grows between
commits is the signal. Nothing here asserts: benchmarks inform, tests decide.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from roth_desktop import edits
from roth_desktop.database import raw_connect
from roth_desktop.models import YoungPerson
from roth_desktop.queries import case_rows
from roth_desktop.workspace import DATABASE_FILE, Workspace
from tests.benchmarks.ten_year_workspace import generate

PASSPHRASE = "benchmark passphrase only"


def best_of(repeats: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, measured: float, baseline: float, baseline_name: str) -> None:
    print(
        f"{name:<44} {measured * 1000:9.1f} ms  {measured / baseline:7.2f}x  "
        f"(baseline: {baseline_name}, {baseline * 1000:.1f} ms)"
    )


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="roth-bench-"))
    os.environ.setdefault("ROTH_DESKTOP_STATE_DIR", str(root / "state"))
    os.environ.setdefault("ROTH_DESKTOP_CONFIG_DIR", str(root / "config"))
    print("generating a ten-year fictional workspace…", file=sys.stderr)
    # Spine records only, so these ratios stay comparable with earlier runs.
    big = generate(root / "ten-year", PASSPHRASE, content=False)
    big.lock()
    Workspace.create(root / "empty", PASSPHRASE).lock()

    # Unlock: Argon2id plus the integrity pass over every page, against an empty workspace.
    opened = best_of(3, lambda: Workspace.open(root / "ten-year", PASSPHRASE).lock())
    empty = best_of(3, lambda: Workspace.open(root / "empty", PASSPHRASE).lock())
    report("unlock ten-year workspace", opened, empty, "unlock an empty workspace")

    workspace = Workspace.open(root / "ten-year", PASSPHRASE)

    # The case list query, against reading the same young people's ids only.
    def rows() -> None:
        with workspace.session() as session:
            case_rows(session)

    def ids() -> None:
        with workspace.session() as session:
            session.query(YoungPerson.id).all()

    report(
        "case list (1,500 young people)",
        best_of(5, rows),
        best_of(5, ids),
        "select young person ids",
    )

    # Autosave of one field (validated, audited), against a bare SQLCipher UPDATE.
    with workspace.session() as session:
        target = session.query(YoungPerson.id).first()
    assert target is not None
    counter = iter(range(10_000))

    def autosave() -> None:
        with workspace.session() as session:
            edits.set_field(session, "young_person", target[0], "local_id", f"B{next(counter)}")

    key = workspace.database_key()
    bare = raw_connect(root / "ten-year" / DATABASE_FILE, key, read_only=False)

    def bare_update() -> None:
        bare.execute(
            "UPDATE young_person SET local_id = ? WHERE id = ?", (f"B{next(counter)}", target[0])
        )
        bare.commit()

    report(
        "autosave one field",
        best_of(20, autosave),
        best_of(20, bare_update),
        "bare SQLCipher UPDATE + commit",
    )
    bare.close()

    # Startup: the main window showing the ten-year case list, against a bare window.
    from PySide6.QtWidgets import QApplication, QMainWindow

    from ui.jobs import Jobs
    from ui.main_window import MainWindow
    from ui.store import Store

    app = QApplication.instance() or QApplication([])

    def bare_window() -> None:
        window = QMainWindow()
        window.show()
        app.processEvents()
        window.close()

    def main_window() -> None:
        jobs = Jobs()
        window = MainWindow(Store(workspace, jobs), 5)
        window.show()
        while window.case_list.model.rowCount() == 0:
            app.processEvents()
        window.close()
        jobs.shutdown()

    report(
        "main window with ten-year case list",
        best_of(3, main_window),
        best_of(3, bare_window),
        "bare PySide6 window",
    )
    workspace.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
