"""Benchmarks for running a conference, each a ratio against a baseline taken in the same run.

    make bench      (or: python -m tests.benchmarks.bench_conference [YEARS])

On the ten-year workspace (real SQLCipher), for its busiest open conference:

- moving between agenda steps in the chair's console, against switching pages
  of a bare QStackedWidget: once when the step's page has been painted, and once
  when the console has settled (the step is saved as the bookmark and the
  console reloaded and redrawn);
- a change to the map's weights, from the map's ``shares_changed`` signal until
  the console shows the saved weight, against a no-op write through the Store;
- reading everything the console shows (``load_console``), against ``SELECT 1``,
  each in a fresh session as the Store opens one for every read.

Each line gives p50 and p95 and the ratio of the p50s. Ratios, not seconds,
because machines differ; a ratio that grows between commits is the signal.
Nothing here asserts: benchmarks inform, tests decide.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QWidget
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from roth_desktop.conference import weights
from roth_desktop.conference.console_data import load_console
from roth_desktop.models import Conference, ConferenceStatus
from roth_desktop.workspace import Workspace
from tests.benchmarks.ten_year_workspace import generate_for_benchmark
from ui.console.window import ConsoleWindow
from ui.jobs import Jobs
from ui.store import Store
from ui.theme import apply_theme

PASSPHRASE = "benchmark passphrase only"
STEP_ROUNDS = 20  # times through the whole agenda
MAP_EDITS = 100
LOADS = 50
TIMEOUT = 60.0
NUDGE = 500  # basis points: one press of + or − on the map (ui.context_map.STEP)


@dataclass(frozen=True)
class Timing:
    p50: float
    p95: float
    count: int


def timing(seconds: list[float]) -> Timing:
    """Nearest-rank p50 and p95, in seconds."""
    ordered = sorted(seconds)

    def rank(q: float) -> float:
        return ordered[max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))]

    return Timing(rank(0.50), rank(0.95), len(ordered))


ROWS: list[tuple[str, Timing, str, Timing]] = []


def report(name: str, measured: Timing, baseline_name: str, baseline: Timing) -> None:
    ROWS.append((name, measured, baseline_name, baseline))


def print_table() -> None:
    print(
        f"{'measurement':<42} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p50 ratio':>9}  "
        f"{'baseline (same run)':<38} {'p50 ms':>8} {'p95 ms':>8}"
    )
    for name, measured, baseline_name, baseline in ROWS:
        print(
            f"{name:<42} {measured.count:>4} {measured.p50 * 1000:>8.2f} "
            f"{measured.p95 * 1000:>8.2f} {measured.p50 / baseline.p50:>8.1f}x  "
            f"{baseline_name:<38} {baseline.p50 * 1000:>8.3f} {baseline.p95 * 1000:>8.3f}"
        )


# -- waiting on the event loop -------------------------------------------------------------


def wait_until(app: QApplication, done: Callable[[], bool], what: str) -> None:
    """Process events until ``done()``; sleep in the event loop between events.

    Waiting for events (rather than spinning) leaves the GIL to the storage
    worker, as the real event loop does. A timer keeps the wait from blocking
    past the deadline if something never comes.
    """
    deadline = time.perf_counter() + TIMEOUT
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


class PaintWatch(QObject):
    """Notes which watched widgets have received a paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: set[int] = set()

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def has_painted(self, widget: QWidget) -> Callable[[], bool]:
        return lambda: id(widget) in self.painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(id(watched))
        return False


class Busy(QObject):
    """Whether the storage worker has queued work (writes, and the reloads they cause)."""

    def __init__(self, jobs: Jobs) -> None:
        super().__init__()
        self.busy = False
        jobs.busy_changed.connect(self.set_busy)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy


# -- choosing the conference -----------------------------------------------------------------


def busiest_open_conference(session: Session) -> tuple[str, int]:
    """The open (draft) conference with the longest history behind it, and its position."""
    earlier = aliased(Conference)
    history = (
        select(func.count(earlier.id))
        .where(earlier.case_id == Conference.case_id, earlier.starts_at <= Conference.starts_at)
        .scalar_subquery()
    )
    row = session.execute(
        select(Conference.id, history)
        .where(Conference.status == ConferenceStatus.DRAFT, Conference.content_pack_id != "")
        .order_by(history.desc(), Conference.starts_at)
        .limit(1)
    ).first()
    if row is None:
        raise LookupError("the ten-year workspace has no open conference with content")
    return str(row[0]), int(row[1])


# -- the measurements ------------------------------------------------------------------------


def bare_stack_switches(app: QApplication, pages: int, rounds: int) -> Timing:
    """A QStackedWidget of trivial labels: switch, then wait for the label's paint."""
    stack = QStackedWidget()
    stack.resize(1280, 800)
    watch = PaintWatch()
    labels = [QLabel(f"Page {n + 1}") for n in range(pages)]
    for label in labels:
        stack.addWidget(label)
        watch.watch(label)
    stack.show()
    wait_until(app, lambda: id(labels[0]) in watch.painted, "the bare stack to show")
    times = []
    for _ in range(rounds + 1):  # the first round warms up
        for index, label in enumerate(labels):
            if stack.currentIndex() == index:
                continue
            watch.painted.clear()
            start = time.perf_counter()
            stack.setCurrentIndex(index)
            wait_until(app, watch.has_painted(label), "a label's paint")
            times.append(time.perf_counter() - start)
    stack.close()
    return timing(times[pages:])


@dataclass
class Switches:
    first: list[float] = field(default_factory=list)  # the first visit builds the page
    shown: dict[str, list[float]] = field(default_factory=dict)  # by step: page painted
    settled: dict[str, list[float]] = field(default_factory=dict)  # by step: saved, reloaded

    def all(self, by_step: dict[str, list[float]]) -> Timing:
        return timing([t for times in by_step.values() for t in times])


def console_switches(
    app: QApplication, console: ConsoleWindow, busy: Busy, rounds: int
) -> Switches:
    """First visits, then every step again and again: painted, and settled."""
    assert console.data is not None
    steps = console.data.pack.steps
    watch = PaintWatch()
    found = Switches()
    watched: set[int] = set()

    def switch(key: str, kind: str) -> tuple[float, float]:
        watch.painted.clear()
        start = time.perf_counter()
        console.go_to(key)
        page = console.page(kind)  # built on the first visit, the same widget after that
        if id(page) not in watched:  # before any paint: painting waits for the event loop
            watch.watch(page)
            watched.add(id(page))
        wait_until(
            app,
            lambda: (
                console.step_key == key
                and console.pages.currentWidget() is page
                and id(page) in watch.painted
            ),
            f"the {key} step to be painted",
        )
        painted = time.perf_counter() - start
        wait_until(
            app,
            lambda: (
                not busy.busy
                and console.data is not None
                and console.data.conference.get("current_step") == key
            ),
            f"the {key} step to be saved",
        )
        app.processEvents()  # the redraw after the reload
        return painted, time.perf_counter() - start

    for step in [s for s in steps if s.key != console.step_key]:  # its page is built already
        found.first.append(switch(step.key, step.kind)[0])
    for _ in range(rounds):
        for step in steps:
            painted, done = switch(step.key, step.kind)
            found.shown.setdefault(step.key, []).append(painted)
            found.settled.setdefault(step.key, []).append(done)
    return found


def print_steps(switches: Switches) -> None:
    print(
        f"\n{'step (switching to it)':<24} {'painted p50':>12} {'p95':>8} "
        f"{'reloaded p50':>13} {'p95':>8}"
    )
    for key, shown in switches.shown.items():
        painted, settled = timing(shown), timing(switches.settled[key])
        print(
            f"{key:<24} {painted.p50 * 1000:>12.2f} {painted.p95 * 1000:>8.2f} "
            f"{settled.p50 * 1000:>13.2f} {settled.p95 * 1000:>8.2f}"
        )


def map_edits(app: QApplication, console: ConsoleWindow, busy: Busy, edits: int) -> Timing:
    """From the weighting map's shares_changed signal until the console shows the saved weight."""
    console.go_to("weighting")
    wait_until(
        app,
        lambda: (
            not busy.busy
            and console.data is not None
            and console.data.conference.get("current_step") == "weighting"
        ),
        "the weighting step",
    )
    page = console.page("weighting")
    shown_map = getattr(page, "map", None)
    if shown_map is None:
        raise RuntimeError("the weighting page has no map")
    times = []
    for n in range(edits):
        assert console.data is not None
        shares = {row["id"]: int(row["weight"]) for row in console.data.contexts}
        keys = sorted(shares)
        key = keys[n % len(keys)]
        delta = NUDGE if (n // len(keys)) % 2 == 0 else -NUDGE
        nudged = weights.nudge(shares, key, delta)
        if nudged == shares:
            nudged = weights.nudge(shares, key, -delta)

        def saved(want: dict[str, int] = nudged) -> bool:
            data = console.data
            return data is not None and {r["id"]: r["weight"] for r in data.contexts} == want

        start = time.perf_counter()
        shown_map.shares_changed.emit(nudged)
        wait_until(app, saved, "the new weights to be saved and shown")
        times.append(time.perf_counter() - start)
        wait_until(app, lambda: not busy.busy, "the worker to finish")
    return timing(times)


def store_round_trips(app: QApplication, store: Store, count: int) -> Timing:
    """A write that changes nothing, through the Store and worker, until its callback."""
    times = []
    done: list[object] = []
    for _ in range(count):
        done.clear()
        start = time.perf_counter()
        store.write(lambda _session: None, done.append)
        wait_until(app, lambda: bool(done), "a no-op write")
        times.append(time.perf_counter() - start)
    return timing(times)


def in_sessions(workspace: Workspace, count: int, work: Callable[[Session], object]) -> Timing:
    times = []
    for _ in range(count + 1):  # the first warms up
        start = time.perf_counter()
        with workspace.session() as session:
            work(session)
        times.append(time.perf_counter() - start)
    return timing(times[1:])


def main(years: int = 10) -> int:
    folder = generate_for_benchmark("roth-bench-", PASSPHRASE, years)
    workspace = Workspace.open(folder, PASSPHRASE)
    with workspace.session() as session:
        conference_id, history = busiest_open_conference(session)
        conferences = session.scalar(select(func.count(Conference.id)))

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app)
    keep_awake = QTimer()  # bounds every wait in wait_until
    keep_awake.start(50)

    jobs = Jobs()
    busy = Busy(jobs)
    store = Store(workspace, jobs)
    console = ConsoleWindow(store, conference_id)
    console.show()
    console.start()
    wait_until(app, lambda: console.data is not None and not busy.busy, "the console to load")
    data = console.data
    assert data is not None
    print(
        f"conference: {history} conferences in its case so far, of {conferences} in the "
        f"workspace; {len(data.contexts)} contexts, {len(data.links)} links, "
        f"{len(data.needs)} needs, {len(data.picture) + len(data.voices)} picture and voices, "
        f"{len(data.partner_items)} partner items, {len(data.harm)} harm, "
        f"{len(data.goals)} goals, {sum(len(g['actions']) for g in data.goals)} actions, "
        f"{len(data.minutes)} minutes, {len(data.history)} maps in its history"
    )
    steps = len(data.pack.steps)

    bare = bare_stack_switches(app, steps, STEP_ROUNDS)
    switches = console_switches(app, console, busy, STEP_ROUNDS)
    stack = f"bare QStackedWidget, {steps} labels"
    report("step switch, first visit (page built)", timing(switches.first), stack, bare)
    report("step switch, page painted", switches.all(switches.shown), stack, bare)
    report("step switch, saved", switches.all(switches.settled), stack, bare)

    trivial = store_round_trips(app, Store(workspace, jobs), MAP_EDITS)
    edited = map_edits(app, console, busy, MAP_EDITS)
    report("map edit, signal to reloaded console", edited, "no-op Store.write round trip", trivial)

    console.close()
    jobs.wait_idle()
    jobs.shutdown()

    loads = in_sessions(workspace, LOADS, lambda s: load_console(s, conference_id))
    one = in_sessions(workspace, LOADS, lambda s: s.execute(select(1)))
    report("load_console (core, fresh session)", loads, "session + SELECT 1", one)

    print_table()
    print_steps(switches)
    workspace.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
