"""Writing the ROTH data return: one workbook and two CSVs beside it.

Every file is built in memory first and then written atomically, so a return
that fails part-way leaves nothing behind, and no copy is staged in a temp folder.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from roth_desktop.atomic_files import write_atomic
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.data_return.age_bands import DEFAULT_AGE_BANDS, AgeBand, check_bands
from roth_desktop.data_return.cin_factors import cin_factor_codes
from roth_desktop.data_return.episodes import Cell, episode_table, load_episodes, need_areas
from roth_desktop.data_return.errors import DataReturnError
from roth_desktop.data_return.notes import notes
from roth_desktop.data_return.population import PopulationTable, read_population
from roth_desktop.data_return.summary import Headline, Summary, summarise
from roth_desktop.progress import Progress, no_progress
from roth_desktop.reports.output import check_output_path
from roth_desktop.timescales.policy import TimescalePolicy, load_policy
from roth_desktop.timescales.working_days import WorkingDayCalendar
from roth_desktop.validation import format_date

DATE_FORMAT = "DD/MM/YYYY"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
# A CSV cell starting with one of these is run as a formula by spreadsheet programs:
# a local id typed as "=HYPERLINK(...)" must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DataReturnResult:
    workbook: Path
    episodes_csv: Path
    summary_csv: Path
    start: date
    end: date
    headline: Headline

    @property
    def paths(self) -> tuple[Path, ...]:
        return (self.workbook, self.episodes_csv, self.summary_csv)


def _targets(out: Path) -> tuple[Path, Path, Path]:
    csvs = (out.with_name(f"{out.stem}.episodes.csv"), out.with_name(f"{out.stem}.summary.csv"))
    check_output_path(out, ".xlsx", siblings=csvs)
    return (out, *csvs)


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _for_csv(value: Cell) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return _text(value)
    return str(value)


def _for_sheet(value: Cell) -> Cell:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


def _csv(rows: Sequence[Sequence[Cell]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_for_csv(v) for v in row])
    # The byte-order mark is how Excel knows the file is UTF-8 (dashes, arrows).
    return buffer.getvalue().encode("utf-8-sig")


def summary_rows(summary: Summary) -> list[tuple[Cell, ...]]:
    """The summary as a tidy CSV: one value per line, named by section, group and measure."""
    rows: list[tuple[Cell, ...]] = [("section", "group", "group_label", "measure", "value")]
    about = (
        ("Start date", summary.start),
        ("End date", summary.end),
        ("Small-number threshold", summary.suppressor.threshold),
        ("Small numbers", summary.suppressor.rule()),
    )
    rows += [("about", "", "", measure, value) for measure, value in about]
    for section in summary.sections:
        for row in section.rows:
            if section.measures:
                rows.append((section.key, "", "", row[0], row[1]))
                continue
            label = row[1] if section.labels > 1 else ""
            for header, value in list(zip(section.headers, row, strict=True))[section.labels :]:
                rows.append((section.key, row[0], label, header, value))
    return rows


def _write_rows(sheet: Worksheet, rows: Sequence[Sequence[Cell]], bold: bool = False) -> None:
    # Plain values go in as they are; only cells that need a format or must stay text
    # become Cell objects. (Styling a row after appending it looks the row up, which
    # costs a scan of the sheet per row on a ten-year return.)
    for row in rows:
        values: list[Any] = []
        for value in map(_for_sheet, row):
            special = isinstance(value, date) or (isinstance(value, str) and value[:1] == "=")
            if not (bold or special):
                values.append(value)
                continue
            cell = SheetCell(sheet, value=value)
            if cell.data_type == "f":
                cell.data_type = "s"  # our cells hold text and numbers, never formulas
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
            if bold:
                cell.font = BOLD
                cell.fill = HEADER_FILL
            values.append(cell)
        sheet.append(values)


def _summary_sheet(sheet: Worksheet, summary: Summary) -> None:
    sheet.append(["ROTH data return: summary"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [f"Period: {format_date(summary.start)} to {format_date(summary.end)}, both included."]
    )
    sheet.append([summary.suppressor.rule()])
    sheet.append(["Definitions are on the Notes sheet. The Episodes sheet is not for publication."])
    for section in summary.sections:
        sheet.append([])
        title = SheetCell(sheet, value=section.title)
        title.font = BOLD
        sheet.append([title])
        _write_rows(sheet, [section.headers], bold=True)
        _write_rows(sheet, section.rows)
        if not section.rows:
            sheet.append(["None in the range."])
    sheet.column_dimensions["A"].width = 44
    for column in "BCDEFGH":
        sheet.column_dimensions[column].width = 18


def _workbook(
    summary: Summary,
    episodes: tuple[tuple[str, ...], list[tuple[Cell, ...]]],
    notes_rows: list[tuple[str, str]],
) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook always has one sheet
    first.title = "Summary"
    _summary_sheet(first, summary)
    sheet = book.create_sheet("Episodes")
    _write_rows(sheet, [episodes[0]], bold=True)
    _write_rows(sheet, episodes[1])
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    notes_sheet = book.create_sheet("Notes")
    _write_rows(notes_sheet, [("Topic", "Explanation")], bold=True)
    _write_rows(notes_sheet, notes_rows)
    notes_sheet.column_dimensions["A"].width = 32
    notes_sheet.column_dimensions["B"].width = 110
    for (cell,) in notes_sheet.iter_rows(min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _save(files: dict[Path, bytes]) -> None:
    written: list[Path] = []
    try:
        for path, data in files.items():
            write_atomic(path, data)
            written.append(path)
    except OSError as exc:
        # A return is three files that belong together: never leave some of them.
        for path in written:
            path.unlink(missing_ok=True)
        folder = next(iter(files)).parent
        reason = exc.strerror or "the folder refused it"
        raise DataReturnError(
            f"The data return could not be saved in {folder} ({reason})."
        ) from None


def check_request(
    start: date,
    end: date,
    out: Path,
    population: Path | None = None,
    threshold: int = 5,
    age_bands: Sequence[AgeBand] = DEFAULT_AGE_BANDS,
) -> tuple[tuple[Path, Path, Path], PopulationTable | None]:
    """Everything about a request that can be refused without the workspace: the command
    line calls this before it unlocks anything, and the return itself calls it again."""
    if end < start:
        raise DataReturnError(
            f"The date range is empty: it ends on {format_date(end)}, before it starts on "
            f"{format_date(start)}."
        )
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise DataReturnError("The small-number threshold must be a whole number of 1 or more.")
    bands = check_bands(age_bands)
    targets = _targets(Path(out))
    table = read_population(Path(population), bands) if population is not None else None
    return targets, table


def with_region(policy: TimescalePolicy, region: str | None) -> TimescalePolicy:
    """``policy`` counting the bank holidays of ``region`` instead of its own.

    The command line's ``--region`` and the dialog's "Bank holidays of" choose this
    for one return; the policy's closure days and limits stay as they are. An
    unknown region is refused with one sentence (``UnknownRegionError``).
    """
    if region is None:
        return policy
    chosen = WorkingDayCalendar(region=region, closures=policy.closures).region
    return policy if chosen == policy.region else replace(policy, region=chosen)


def write_data_return(
    session: Session,
    start: date,
    end: date,
    out: Path,
    population: Path | None = None,
    threshold: int = 5,
    policy: TimescalePolicy | None = None,
    progress: Progress | None = None,
    *,
    age_bands: Sequence[AgeBand] = DEFAULT_AGE_BANDS,
) -> DataReturnResult:
    """Write the return for [start, end] to ``out`` (.xlsx) and two CSVs beside it.

    Timescales are counted on ``policy`` (default: the local authority's, from
    ``load_policy``): its calendar and its initial conference limit, the same ones
    every deadline in the app uses. Every input is checked before the workspace is
    read, and a refusal is one sentence (``DataReturnError``, or ``PolicyError`` for
    a broken policy file) with no file written.
    """
    report = progress or no_progress
    targets, table = check_request(start, end, out, population, threshold, age_bands)
    workbook_path, episodes_path, summary_path = targets
    bands = check_bands(age_bands)
    policy = policy or load_policy()
    policy.check_statutory_limits()
    days = policy.initial_conference_working_days
    pack, cin = default_pack(), cin_factor_codes()

    report(5, "Reading the episodes")
    episodes = load_episodes(session, start, end, policy=policy, bands=bands, pack=pack, cin=cin)
    report(45, "Working out the summary")
    summary = summarise(
        episodes,
        start,
        end,
        threshold=threshold,
        bands=bands,
        pack=pack,
        timescale_days=days,
        population=table,
    )
    report(65, "Building the workbook")
    episode_rows = episode_table(episodes, need_areas(episodes, pack), pack, timescale_days=days)
    notes_rows = notes(
        summary,
        policy=policy,
        bands=bands,
        pack=pack,
        cin=cin,
        population_given=table is not None,
    )
    files = {
        workbook_path: _workbook(summary, episode_rows, notes_rows),
        episodes_path: _csv([episode_rows[0], *episode_rows[1]]),
        summary_path: _csv(summary_rows(summary)),
    }
    report(90, "Saving")
    _save(files)
    report(100, "Saved")
    return DataReturnResult(
        workbook_path, episodes_path, summary_path, start, end, summary.headline
    )
