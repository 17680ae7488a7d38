"""Benchmarks for what leaves the room, each a ratio against a baseline in the same run.

    make bench      (or: python -m tests.benchmarks.bench_reports [YEARS])

On the ten-year workspace (real SQLCipher):

- one full conference record (the professional PDF of the conference with the
  most content: read for its audience, laid out, map drawn, fonts embedded),
  against ReportLab setting the same text as plain paragraphs in the same font
  with no app logic;
- the family copy and the young person's plan of the same conference, against
  the same baseline;
- the ROTH data return for all ten years (workbook plus two CSVs), against
  openpyxl writing a workbook of the same number of plain cells.

Each line gives p50 and p95 and the ratio of the p50s. Nothing here asserts.
"""

from __future__ import annotations

import dataclasses
import io
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook, load_workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from sqlalchemy import func, select

from roth_desktop.data_return.workbook import write_data_return
from roth_desktop.models import Voice
from roth_desktop.reports.audience import Audience
from roth_desktop.reports.conference_record import ConferenceRecord, build_record
from roth_desktop.reports.pdf import render_pdf
from roth_desktop.reports.pdf.fonts import register_fonts
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace
from tests.benchmarks.bench_conference import Timing, print_table, report, timing
from tests.benchmarks.ten_year_workspace import generate_for_benchmark

PASSPHRASE = "benchmark passphrase only"
PDF_ROUNDS = 20
RETURN_ROUNDS = 3


def measure(rounds: int, work: Callable[[], object]) -> Timing:
    work()  # warm caches, imports and font registration outside the timing
    seconds = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return timing(seconds)


def strings(value: Any) -> Iterator[str]:
    """Every piece of text in a record, as the baseline sets it."""
    if isinstance(value, str):
        if value.strip():
            yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name != "pack":
                yield from strings(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings(item)


def plain_reportlab(record: ConferenceRecord) -> bytes:
    font = register_fonts()
    style = ParagraphStyle("plain", fontName=font, fontSize=10, leading=13)
    story = [Paragraph(escape(text), style) for text in strings(record)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def richest_conference(workspace: Workspace) -> str:
    with workspace.session() as session:
        row = session.execute(
            select(Voice.conference_id, func.count(Voice.id))
            .group_by(Voice.conference_id)
            .order_by(func.count(Voice.id).desc())
            .limit(1)
        ).first()
    assert row is not None, "the generator made no conference content"
    return str(row[0])


def main(years: int = 10) -> int:
    folder = generate_for_benchmark("roth-bench-reports-", PASSPHRASE, years)
    workspace = Workspace.open(folder, PASSPHRASE)
    conference_id = richest_conference(workspace)

    with workspace.session() as session:
        record = build_record(session, conference_id, Audience.PROFESSIONAL)
    pages = render_pdf(record)
    print(
        f"conference record: {len(pages) // 1024} KB; {len(record.voices)} voices, "
        f"{len(record.contexts)} contexts, {len(record.goals)} goals"
    )
    baseline = measure(PDF_ROUNDS, lambda: plain_reportlab(record))
    for audience in (Audience.PROFESSIONAL, Audience.FAMILY, Audience.YOUNG_PERSON):

        def full(audience: Audience = audience) -> bytes:
            with workspace.session() as session:
                return render_pdf(build_record(session, conference_id, audience))

        report(
            f"{audience.label} PDF (read + render)",
            measure(PDF_ROUNDS, full),
            "ReportLab, same text, plain paragraphs",
            baseline,
        )

    out = folder.parent / "out" / "return.xlsx"
    out.parent.mkdir()
    end = today()
    start = end - timedelta(days=365 * years)

    def data_return() -> None:
        with workspace.session() as session:
            write_data_return(session, start, end, out)

    measured = measure(RETURN_ROUNDS, data_return)
    book = load_workbook(out, read_only=True)
    cells = sum((sheet.max_row or 0) * (sheet.max_column or 0) for sheet in book.worksheets)
    book.close()

    def bare_workbook() -> None:
        wb = Workbook()
        sheet = wb.active
        columns = 40
        for r in range(cells // columns + 1):
            sheet.append([f"cell {r}.{c}" for c in range(columns)])
        wb.save(io.BytesIO())

    report(
        f"ROTH data return, {years} years ({cells} cells)",
        measured,
        "openpyxl, same number of plain cells",
        measure(RETURN_ROUNDS, bare_workbook),
    )
    workspace.lock()
    print_table()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
