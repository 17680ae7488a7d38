"""Benchmarks for the chair's morning: what is due, and the calendar, as ratios in one run.

    make bench      (or: python -m tests.benchmarks.bench_timescales [YEARS])

On the ten-year workspace (real SQLCipher, most cases closed, weekly visits):

- every deadline on every open case as of today (what the dashboard and
  ``roth-desktop due`` run), against reading the same rows (open cases, their
  young people, conferences, visits and plan actions) with plain SQL and no logic;
- the .ics calendar for a year ahead, against the same deadlines plus writing the
  same number of lines to a file: the cost of the calendar itself.

Each line gives p50 and p95 and the ratio of the p50s. Nothing here asserts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from sqlalchemy import text

from roth_desktop.timescales.deadlines import compute_due
from roth_desktop.timescales.ics import LOOK_AHEAD_DAYS, write_calendar
from roth_desktop.timescales.policy import default_policy
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace
from tests.benchmarks.bench_conference import Timing, print_table, report, timing
from tests.benchmarks.ten_year_workspace import generate_for_benchmark

PASSPHRASE = "benchmark passphrase only"
ROUNDS = 15

OPEN_CASES = """
    SELECT c.id, c.strategy_discussion_on, y.first_name, y.last_name, y.date_of_birth
    FROM case_episode c JOIN young_person y ON y.id = c.young_person_id
    WHERE c.opened_on <= :day AND (c.closed_on IS NULL OR c.closed_on > :day)
"""
RELATED = (
    "SELECT f.* FROM conference f WHERE f.case_id IN ({cases})",
    "SELECT v.* FROM visit v WHERE v.case_id IN ({cases})",
    "SELECT m.* FROM missed_deadline m WHERE m.case_id IN ({cases})",
    "SELECT a.* FROM plan_action a JOIN conference f ON f.id = a.conference_id "
    "WHERE f.case_id IN ({cases})",
)


def measure(rounds: int, work: Callable[[], object]) -> Timing:
    work()  # warm the page cache and imports outside the timing
    seconds = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return timing(seconds)


def main(years: int = 10) -> int:
    folder = generate_for_benchmark("roth-bench-timescales-", PASSPHRASE, years)
    workspace = Workspace.open(folder, PASSPHRASE)
    policy = default_policy()
    day = today()

    with workspace.session() as session:
        found = compute_due(session, day, policy)
        open_cases = len(session.execute(text(OPEN_CASES), {"day": day}).all())
    print(
        f"{open_cases} open cases; {len(found.items)} items due or overdue "
        f"({len(found.overdue())} overdue)"
    )

    def due() -> None:
        with workspace.session() as session:
            compute_due(session, day, policy)

    def plain_rows() -> None:
        with workspace.session() as session:
            cases = session.execute(text(OPEN_CASES), {"day": day}).all()
            ids = ", ".join(f"'{row[0]}'" for row in cases) or "''"
            for query in RELATED:
                session.execute(text(query.format(cases=ids))).all()

    report(
        "due and overdue, all open cases",
        measure(ROUNDS, due),
        "plain SQL, same rows",
        measure(ROUNDS, plain_rows),
    )

    out = folder.parent / "calendar.ics"

    def calendar() -> None:
        with workspace.session() as session:
            write_calendar(session, out, policy, day)

    calendar()
    lines = len(out.read_bytes().splitlines())

    def bare_calendar() -> None:
        with workspace.session() as session:
            compute_due(session, day, policy, horizon_days=LOOK_AHEAD_DAYS)
        out.with_suffix(".txt").write_text("".join(f"LINE:{n}\r\n" for n in range(lines)))

    report(
        f"calendar .ics, a year ahead ({lines} lines)",
        measure(ROUNDS, calendar),
        "same deadlines + plain lines to a file",
        measure(ROUNDS, bare_calendar),
    )
    workspace.lock()
    print_table()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
