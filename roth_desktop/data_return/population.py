"""The local child population, read from a CSV the local authority fills in.

Format (``resources/data_return/population_template.csv`` is a blank copy)::

    dimension,group,population
    ethnicity,WBRI,41250
    gender,female,30110
    age_band,16+,9800

``dimension`` is ethnicity, gender or age_band. ``group`` is a DfE ethnicity code,
a gender as the app stores it (female, male, another_gender, not_stated,
not_known), or the label of an age band in use. ``population`` is a whole number
above 0; a line whose population is left blank is skipped, so the template (which
lists every group) can be filled in part. A dimension may be left out; it then
gets no rates. Every problem is reported with its line number, because the file
is usually typed by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.data_return.age_bands import DEFAULT_AGE_BANDS, AgeBand, label_key
from roth_desktop.data_return.errors import PopulationFileError
from roth_desktop.models.enums import Gender

HEADER = ("dimension", "group", "population")
DIMENSIONS = ("ethnicity", "gender", "age_band")
WHERE = "the population file"


@dataclass(frozen=True)
class PopulationTable:
    """Population per group, for each dimension the file gave."""

    ethnicity: Mapping[str, int] = field(default_factory=dict)
    gender: Mapping[str, int] = field(default_factory=dict)
    age_band: Mapping[str, int] = field(default_factory=dict)

    def dimension(self, name: str) -> Mapping[str, int]:
        tables: dict[str, Mapping[str, int]] = {
            "ethnicity": self.ethnicity,
            "gender": self.gender,
            "age_band": self.age_band,
        }
        return tables[name]


def _fail(line: int, problem: str) -> PopulationFileError:
    return PopulationFileError(f"On line {line} of {WHERE}, {problem}.")


def _group(dimension: str, text: str, line: int, bands: Sequence[AgeBand]) -> str:
    """The canonical group name, or why it is not one."""
    if dimension == "ethnicity":
        code = text.upper()
        if code not in ethnicity_codes():
            raise _fail(line, f"'{text}' is not a DfE ethnicity code")
        return code
    if dimension == "gender":
        values = [g.value for g in Gender]
        if text.lower() not in values:
            raise _fail(line, f"'{text}' is not a gender; use one of {', '.join(values)}")
        return text.lower()
    for band in bands:
        if label_key(band.label) == label_key(text):
            return band.label
    labels = ", ".join(band.label for band in bands)
    raise _fail(line, f"'{text}' is not one of the age bands ({labels})")


def _population(text: str, line: int) -> int:
    digits = text.replace(",", "").replace(" ", "")
    unsigned = digits.removeprefix("-").removeprefix("+")
    if not (unsigned.isascii() and unsigned.isdigit()):
        raise _fail(line, f"the population '{text}' is not a whole number")
    number = int(digits)
    if number <= 0:
        raise _fail(line, f"the population must be more than 0, not {text}")
    return number


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error:
        line = getattr(reader, "line_num", 0)
        raise _fail(line, "the text cannot be read as CSV (check its quotes)") from None


def parse_population(data: bytes, bands: Sequence[AgeBand] = DEFAULT_AGE_BANDS) -> PopulationTable:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PopulationFileError(
            "The population file is not UTF-8 text; save it from the spreadsheet as CSV UTF-8."
        ) from None
    reader = csv.reader(io.StringIO(text))
    tables: dict[str, dict[str, int]] = {name: {} for name in DIMENSIONS}
    first_line: dict[tuple[str, str], int] = {}
    header_seen = False
    for row in _rows(reader):
        line = reader.line_num
        cells = [cell.strip() for cell in row]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if not header_seen:
            if tuple(cell.lower() for cell in cells) != HEADER:
                raise PopulationFileError(
                    "The first line of the population file must be the header "
                    "dimension,group,population."
                )
            header_seen = True
            continue
        if len(cells) not in (2, 3):
            raise _fail(
                line, "there should be a dimension, a group and a population, split by commas"
            )
        dimension = cells[0].lower()
        if dimension not in DIMENSIONS:
            raise _fail(line, f"'{cells[0]}' is not a dimension; use ethnicity, gender or age_band")
        group = _group(dimension, cells[1], line, bands)
        if len(cells) == 2:
            continue  # a template line left blank: that group's population is not given
        population = _population(cells[2], line)
        if (dimension, group) in first_line:
            earlier = first_line[dimension, group]
            raise _fail(line, f"{dimension} {group} was already given on line {earlier}")
        first_line[dimension, group] = line
        tables[dimension][group] = population
    if not header_seen:
        raise PopulationFileError(
            "The population file is empty; it needs the header dimension,group,population."
        )
    if not first_line:
        raise PopulationFileError("The population file gives no populations; fill in at least one.")
    return PopulationTable(tables["ethnicity"], tables["gender"], tables["age_band"])


def population_template() -> str:
    """The blank population file that lists every group, for a person to fill in."""
    source = files("resources").joinpath("data_return/population_template.csv")
    return source.read_text("utf-8")


def read_population(path: Path, bands: Sequence[AgeBand] = DEFAULT_AGE_BANDS) -> PopulationTable:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise PopulationFileError(
            f"The population file {Path(path).name} cannot be opened; check it exists."
        ) from None
    return parse_population(data, bands)
