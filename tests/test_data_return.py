"""The ROTH data return, checked figure by figure against a cohort built to known numbers.

The cohort (tests/helpers/roth_cohort.py) gives each young person attributes by a
simple rule of their index, so every figure below was worked out by hand from
those rules; the comments say how.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from roth_desktop.atomic_files import write_atomic
from roth_desktop.data_return import (
    AgeBand,
    DataReturnError,
    DataReturnResult,
    PopulationFileError,
    cin_factor_codes,
    write_data_return,
)
from roth_desktop.data_return.cin_factors import parse_cin_factors
from roth_desktop.data_return.population import parse_population, population_template
from roth_desktop.data_return.workbook import with_region
from roth_desktop.errors import RothError
from roth_desktop.models import Case, DeadlineKind, FamilyMember, MissedDeadline, YoungPerson
from roth_desktop.reports import output as output_module
from roth_desktop.reports.audience import ReportError
from roth_desktop.timescales.policy import (
    PolicyError,
    TimescalePolicy,
    default_policy,
    load_policy,
)
from roth_desktop.timescales.working_days import UnknownRegionError
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.roth_cohort import FORMULA_ID, NAME_PREFIX, Cohort, build_cohort

POPULATION = """dimension,group,population
ethnicity,WBRI,20000
ethnicity,MWBC,1000
ethnicity,BCRB,800
ethnicity,BAFR,1200
ethnicity,AIND,1500
ethnicity,APKN,1000
ethnicity,WOTH,2000
ethnicity,OOTH,500
gender,female,14000
gender,male,14500
age_band,Under 10,9000
age_band,10-13,6000
age_band,14–15,3000
age_band,16+,3000
"""
SHARE = "% of young people on a ROTH plan"
RATE, RATIO = "Rate per 10,000", "Rate ratio"
TOTAL = "Total in the population file"
LATE = "Reason initial conference was late"
# Fictional family members of young people in the cohort, named in a late reason.
MOTHER = "Carys Pendleby"


# -- reading a return back ------------------------------------------------------------------


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Any]]

    def row(self, first: str) -> dict[str, Any]:
        for row in self.rows:
            if row[0] == first:
                padded = row + [None] * (len(self.headers) - len(row))
                return dict(zip(self.headers, padded, strict=True))
        raise KeyError(first)

    def values(self) -> dict[str, Any]:
        """A (measure, value) table as a dict."""
        return {row[0]: row[1] for row in self.rows}


def _trim(row: tuple[Any, ...]) -> list[Any]:
    cells = list(row)
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def read_summary(path: Path) -> tuple[list[str], dict[str, Table]]:
    """The Summary sheet's opening lines, and its tables by title."""
    sheet = openpyxl.load_workbook(path)["Summary"]
    rows = [_trim(r) for r in sheet.iter_rows(values_only=True)]
    opening: list[str] = []
    while rows and rows[0]:
        opening.append(rows.pop(0)[0])
    tables: dict[str, Table] = {}
    block: list[list[Any]] = []
    for row in [*rows, []]:
        if row:
            block.append(row)
        elif block:
            table = Table(block[0][0], block[1], block[2:])
            tables[table.title] = table
            block = []
    return opening, tables


def read_sheet(path: Path, name: str) -> list[list[Any]]:
    sheet = openpyxl.load_workbook(path)[name]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@dataclass
class Exported:
    cohort: Cohort
    result: DataReturnResult
    opening: list[str]
    tables: dict[str, Table]
    folder: Path

    def table(self, title: str) -> Table:
        return self.tables[title]

    def episodes(self) -> list[dict[str, Any]]:
        rows = read_sheet(self.result.workbook, "Episodes")
        return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]

    def episode(self, ref: str) -> dict[str, Any]:
        found = [row for row in self.episodes() if row["Young person"] == ref]
        assert len(found) == 1, ref
        return found[0]


@dataclass
class Built:
    workspace: Workspace
    cohort: Cohort


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """One workspace holding the cohort, shared by the tests that only read it."""
    workspace = Workspace.create(tmp_path_factory.mktemp("cohort") / "ws", PASSPHRASE)
    with workspace.session() as session:
        cohort = build_cohort(session)
        _record_late_reasons(session, cohort)
    yield Built(workspace, cohort)
    workspace.lock()


def _missed(case_id: str, reason: str, written: datetime) -> MissedDeadline:
    return MissedDeadline(
        case_id=case_id,
        kind=DeadlineKind.INITIAL_CONFERENCE,
        source_id=case_id,
        due_on=date(2024, 1, 1),
        reason=reason,
        created_at=written,
    )


def _record_late_reasons(session: Session, cohort: Cohort) -> None:
    """Reasons for missed initial conference deadlines, each case chosen for a reason.

    14 was late (18 working days): two reasons, the later one naming the young person
    and their mother, and added first so that only its date makes it the latest. 13 was
    in time (exactly 15): its reason must not show. 22 took 12 working days: in time,
    unless a policy allows only 10. Another deadline's reason never shows.
    """
    late = cohort.cases[14][0]
    case = session.get(Case, late)
    assert case is not None
    person = session.get(YoungPerson, case.young_person_id)
    assert person is not None
    session.add(
        FamilyMember(young_person_id=person.id, name=MOTHER, relationship_to_young_person="Mother")
    )
    first, last = person.first_name, person.last_name
    named = f"{first} {last}'s mother {MOTHER} was in hospital; {first} chose the new date."
    session.add(_missed(late, named, datetime(2024, 3, 1, 9)))
    session.add(_missed(late, "The room was double booked.", datetime(2024, 2, 1, 9)))
    session.add(_missed(cohort.cases[13][0], "Chair unwell.", datetime(2024, 2, 1, 9)))
    session.add(_missed(cohort.cases[22][0], "The family asked to move it.", datetime(2024, 2, 1)))
    core_group = _missed(late, "Not the initial conference.", datetime(2024, 4, 1))
    core_group.kind = DeadlineKind.CORE_GROUP
    session.add(core_group)


def export(
    built: Built, folder: Path, **options: Any
) -> tuple[DataReturnResult, list[str], dict[str, Table]]:
    folder.mkdir(exist_ok=True)
    cohort = built.cohort
    # The national defaults unless a test says otherwise: a module-wide fixture runs
    # before each test's own config folder is set up.
    options.setdefault("policy", default_policy())
    with built.workspace.session() as session:
        result = write_data_return(
            session, cohort.start, cohort.end, folder / "roth-return.xlsx", **options
        )
    opening, tables = read_summary(result.workbook)
    return result, opening, tables


@pytest.fixture(scope="module")
def exported(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    folder = tmp_path_factory.mktemp("return")
    population = folder / "population.csv"
    population.write_text(POPULATION, encoding="utf-8")
    folder = folder / "out"
    result, opening, tables = export(built, folder, population=population)
    return Exported(built.cohort, result, opening, tables, folder)


# -- the summary ------------------------------------------------------------------------------


def test_files_and_headline(exported: Exported) -> None:
    folder = exported.folder
    assert exported.result.paths == (
        folder / "roth-return.xlsx",
        folder / "roth-return.episodes.csv",
        folder / "roth-return.summary.csv",
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in exported.result.paths)
    book = openpyxl.load_workbook(exported.result.workbook)
    assert book.sheetnames == ["Summary", "Episodes", "Notes"]
    headline = exported.result.headline
    # 82 young people on ROTH plans; young person 5 had two ROTH episodes.
    assert (headline.young_people_on_roth, headline.roth_episodes) == (82, 83)
    assert headline.traditional_episodes == 20
    assert exported.table("Headline figures").values() == {
        "Young people on a ROTH plan": 82,
        "ROTH episodes": 83,
        "Traditional child protection episodes (never ROTH in the range)": 20,
    }
    assert exported.opening[1] == "Period: 01/09/2023 to 31/08/2024, both included."
    assert exported.opening[2] == (
        "Small numbers: any count from 1 to 4 is shown as *, and so is any percentage, rate "
        "or rate ratio worked out from a count shown as *; zero is shown as 0."
    )


def test_roth_share_of_plans_aged_ten_and_over(exported: Exported) -> None:
    table = exported.table(
        "ROTH plans as a share of child protection plans, aged 10 and over at conference"
    )
    # ROTH: 83 episodes less young people 0 and 17 (aged 9). Traditional: 20 less six
    # aged 8 and one with no conference yet. 81 / 94 = 86.17%.
    assert table.values() == {
        "ROTH episodes": 81,
        "Traditional child protection episodes": 13,
        "All child protection episodes": 94,
        "ROTH share (%)": 86.2,
    }


def test_harm_types(exported: Exported) -> None:
    table = exported.table("Young people on a ROTH plan by harm type")
    assert table.headers == ["Harm type key", "Harm type", "Young people", SHARE]
    expected = {
        "cce": (41, 50.0),  # even i
        "cse": (28, 34.1),  # i % 3 == 0
        "serious_youth_violence": (17, 20.7),  # i % 5 == 0
        "peer_abuse": ("*", "*"),  # 4 young people: hidden, and so is its share
        "intimate_partner_abuse": ("*", "*"),  # 2
        "online_abuse": (10, 12.2),  # 9 by rule, plus young person 5's second episode
        "weapons": (12, 14.6),  # restricted entries still count
        "missing": (21, 25.6),  # recorded at a review, not the initial conference
        "trafficking_nrm": ("*", "*"),  # 1: the ones recorded after the range do not count
        "other": (0, 0.0),  # only traditional and excluded cases recorded "other"
    }
    assert {row[0]: (row[2], row[3]) for row in table.rows} == expected
    assert table.row("cce")["Harm type"] == "Child criminal exploitation (CCE)"


def test_age_bands_with_rates(exported: Exported) -> None:
    table = exported.table("Young people on a ROTH plan by age at conference")
    assert table.headers == ["Age band", "Young people", SHARE, "Population", RATE, RATIO]
    # Reference rate: 82 / 21,000 × 10,000 = 39.05 per 10,000.
    assert table.row("Under 10") == {
        "Age band": "Under 10",
        "Young people": "*",
        SHARE: "*",
        "Population": 9000,
        RATE: "*",
        RATIO: "*",
    }
    assert table.row("10–13") == {
        "Age band": "10–13",
        "Young people": 12,
        SHARE: 14.6,
        "Population": 6000,
        RATE: 20.0,
        RATIO: 0.51,
    }
    assert table.row("14–15") == {
        "Age band": "14–15",
        "Young people": 30,
        SHARE: 36.6,
        "Population": 3000,
        RATE: 100.0,
        RATIO: 2.56,
    }
    assert table.row("16+") == {
        "Age band": "16+",
        "Young people": 38,  # 16+ always on its own line
        SHARE: 46.3,
        "Population": 3000,
        RATE: 126.7,
        RATIO: 3.24,
    }
    assert table.row(TOTAL)["Young people"] == 82
    assert table.row(TOTAL)[RATE] == 39.0
    assert table.row(TOTAL)[RATIO] == 1.0
    assert [row[0] for row in table.rows] == ["Under 10", "10–13", "14–15", "16+", TOTAL]


def test_gender_with_rates(exported: Exported) -> None:
    table = exported.table("Young people on a ROTH plan by gender")
    assert table.headers[:5] == ["Gender code", "Gender", "Young people", SHARE, "Population"]
    assert table.headers[5:] == [RATE, RATIO]
    # Reference: the 80 female and male young people over 28,500 = 28.07 per 10,000.
    male = table.row("male")
    assert (male["Young people"], male[SHARE], male[RATE], male[RATIO]) == (54, 65.9, 37.2, 1.33)
    female = table.row("female")
    assert (female["Young people"], female[SHARE], female[RATE], female[RATIO]) == (
        26,
        31.7,
        18.6,
        0.66,
    )
    # Not in the population file: counts only, no rates.
    another = table.row("another_gender")
    assert (another["Young people"], another[SHARE], another[RATE]) == ("*", "*", None)
    assert table.row("not_stated")["Young people"] == 0
    assert table.row("not_known")["Young people"] == "*"
    assert table.row(TOTAL)["Young people"] == 80
    assert table.row(TOTAL)["Population"] == 28500
    assert table.row(TOTAL)[RATE] == 28.1


def test_ethnicity_with_rates(exported: Exported) -> None:
    table = exported.table("Young people on a ROTH plan by ethnicity")
    assert table.headers[:5] == ["Ethnicity code", "Ethnicity", "DfE group", "Young people", SHARE]
    # Reference: the 81 young people whose codes the file lists (not the one NOBT)
    # over 28,000 = 28.93 per 10,000.
    expected = {
        "WBRI": (40, 48.8, 20000, 20.0, 0.69),
        "MWBC": (12, 14.6, 1000, 120.0, 4.15),
        "BCRB": (10, 12.2, 800, 125.0, 4.32),
        "BAFR": (6, 7.3, 1200, 50.0, 1.73),
        "AIND": (5, 6.1, 1500, 33.3, 1.15),  # 5 is the threshold: shown
        "APKN": ("*", "*", 1000, "*", "*"),  # 3: the rate would give it away
        "WOTH": ("*", "*", 2000, "*", "*"),
        "OOTH": ("*", "*", 500, "*", "*"),
        "NOBT": ("*", "*", None, None, None),  # not in the file: no rate
        "WIRI": (0, 0.0, None, None, None),
    }
    for code, values in expected.items():
        row = table.row(code)
        assert (row["Young people"], row[SHARE], row["Population"], row[RATE], row[RATIO]) == (
            values
        ), code
    assert table.row("MWBC")["DfE group"] == "Mixed"
    total = table.row(TOTAL)
    assert (total["Young people"], total["Population"], total[RATE], total[RATIO]) == (
        81,
        28000,
        28.9,
        1.0,
    )


def test_ethnic_groups_with_rates(exported: Exported) -> None:
    table = exported.table("Young people on a ROTH plan by DfE ethnic group")
    # A group's population adds up its codes in the file: White = WBRI + WOTH = 22,000.
    expected = {
        "White": (43, 52.4, 22000, 19.5, 0.68),
        "Mixed": (12, 14.6, 1000, 120.0, 4.15),
        "Asian or Asian British": (8, 9.8, 2500, 32.0, 1.11),
        "Black or Black British": (16, 19.5, 2000, 80.0, 2.77),
        "Other ethnic group": ("*", "*", 500, "*", "*"),
        "Not recorded": ("*", "*", None, None, None),
    }
    for group, values in expected.items():
        row = table.row(group)
        assert (row["Young people"], row[SHARE], row["Population"], row[RATE], row[RATIO]) == (
            values
        ), group


def test_needs_prevalence(exported: Exported) -> None:
    table = exported.table("Young people on a ROTH plan: needs not met or partly met")
    assert {row[0]: (row[2], row[3]) for row in table.rows} == {
        "education": (41, 50.0),  # odd i, unmet; even i recorded met, which never counts
        "send_mental_health": (27, 32.9),  # i % 3 == 1, partly met
        "physical_safety": (21, 25.6),
        "substances": (13, 15.9),
        "poverty": ("*", "*"),  # 3, each flagged at a review
        "other": (0, 0.0),  # flagged only after the range, or for non-ROTH cases
    }


def test_timescales(exported: Exported) -> None:
    table = exported.table("ROTH episodes: strategy discussion to initial conference")
    # Initial conferences in the range: young people 12-81 (10 and 11 have no strategy
    # discussion date) plus young person 5's second episode = 71. Over 15 working days:
    # i % 7 == 0 from 14 to 77 = 10. Exactly 15 (young person 13, and 20 across
    # Christmas) is within.
    assert table.values() == {
        "Initial conferences in the range with a strategy discussion date": 71,
        "Within 15 working days": 61,
        "Over 15 working days": 10,
        "Within 15 working days (%)": 85.9,
    }
    assert exported.result.headline.initial_conferences_timed == 71
    assert exported.result.headline.within_timescale == 61


def test_transfers_in_the_range(exported: Exported) -> None:
    table = exported.table("Transfers between pathways in the range")
    # 30-35 and 50 moved to traditional; 40, 41 and 50 to ROTH. Young person 1's move
    # a month before the range is not counted.
    assert table.rows == [["ROTH", "Traditional CP", 7], ["Traditional CP", "ROTH", "*"]]
    assert exported.result.headline.transfers == 10


# -- the episodes ------------------------------------------------------------------------------


def test_one_row_per_episode_in_the_range(exported: Exported) -> None:
    rows = exported.episodes()
    # 83 ROTH and 20 traditional episodes; the five excluded cases are not there.
    assert len(rows) == 103
    assert sum(1 for r in rows if r["ROTH at any point"] == "Yes") == 83
    refs = [r["Young person"] for r in rows]
    assert refs.count("RT2023-005") == 2
    assert not any(str(ref).startswith("EX") for ref in refs)
    # Young person 81 has no local id: the record id is shown, never a name.
    assert exported.cohort.roth[81] in refs


def test_episode_row_in_full(exported: Exported) -> None:
    row = exported.episode("RT2023-000")
    sd, initial = row["Strategy discussion"], row["Initial conference"]
    assert isinstance(sd, datetime) and isinstance(initial, datetime)
    assert row == {
        "Young person": "RT2023-000",
        "Episode": exported.cohort.cases[0][0],
        "Opened": sd,
        "Closed": None,
        "Pathway at start of range": "ROTH",
        "Pathway at end of range": "ROTH",
        "ROTH at any point": "Yes",
        "Transfers": None,
        "Strategy discussion": sd,
        "Initial conference": datetime(2023, 6, 2),
        "Working days to initial conference": 10,
        "Within 15 working days": "Yes",
        LATE: None,
        "Review conferences": "2023-07-14",
        "Days between conferences": "42",
        # cce (even), cse (i % 3), serious youth violence (i % 5): in the pack's order.
        "Harm types": "cce; cse; serious_youth_violence",
        "CP category": "sexual",
        "Outside the home": "Yes",
        "Need: Education": "No",
        "Need: ASD, SEND and mental health": "No",
        "Need: Physical safety": "Yes",
        "Need: Substance use": "No",
        "Need: Impact of poverty": "No",
        "Need: Other needs": "No",
        "Age at conference": 9,
        "Age band": "Under 10",
        "Gender": "male",
        "Ethnicity": "WBRI",
        "DfE ethnic group": "White",
        # cse → 11A, sexual category → 19A, cce and serious youth violence → 20.
        "CIN factors": "11A; 19A; 20",
    }


def test_episode_pathways_and_transfers(exported: Exported) -> None:
    moved_before = exported.episode("RT2023-001")
    assert moved_before["Pathway at start of range"] == "ROTH"
    assert moved_before["Transfers"] == "Traditional CP→ROTH on 2023-08-01"
    out = exported.episode("RT2023-030")
    assert (out["Pathway at start of range"], out["Pathway at end of range"]) == (
        "ROTH",
        "Traditional CP",
    )
    # The latest category recorded wins: neglect, at home, after the transfer.
    assert (out["CP category"], out["Outside the home"]) == ("neglect", "No")
    assert "16A" in out["CIN factors"] and "18A" not in out["CIN factors"]
    moved_in = exported.episode("RT2023-040")
    assert (moved_in["Pathway at start of range"], moved_in["Pathway at end of range"]) == (
        "Traditional CP",
        "ROTH",
    )
    both = exported.episode("RT2023-050")
    assert (both["Pathway at start of range"], both["Pathway at end of range"]) == ("ROTH", "ROTH")
    first, back = both["Transfers"].split("; ")
    assert first.startswith("ROTH→Traditional CP on ") and back.startswith("Traditional CP→ROTH")


def test_episode_timescales(exported: Exported) -> None:
    christmas = exported.episode("RT2023-020")
    assert christmas["Strategy discussion"] == datetime(2023, 12, 15)
    assert christmas["Initial conference"] == datetime(2024, 1, 10)  # 26 calendar days
    assert christmas["Working days to initial conference"] == 15
    assert christmas["Within 15 working days"] == "Yes"
    late = exported.episode("RT2023-014")
    assert (late["Working days to initial conference"], late["Within 15 working days"]) == (
        18,
        "No",
    )
    unknown = exported.episode("RT2023-010")
    assert unknown["Strategy discussion"] is None
    assert unknown["Working days to initial conference"] is None
    assert unknown["Within 15 working days"] is None


def test_late_reason_is_the_latest_recorded_and_only_when_late(exported: Exported) -> None:
    late = exported.episode("RT2023-014")
    assert late["Within 15 working days"] == "No"
    # The later of its two reasons, with the young person and their mother as initials.
    assert late[LATE] == "TP's mother CP was in hospital; T chose the new date."
    assert exported.episode("RT2023-013")[LATE] is None  # in time: its reason is not shown
    assert exported.episode("RT2023-022")[LATE] is None
    assert exported.episode("RT2023-028")[LATE] is None  # late with no reason recorded
    assert exported.episode("RT2023-010")[LATE] is None  # no strategy discussion date
    rows = read_csv(exported.result.episodes_csv)
    assert LATE in rows[0]
    by_ref = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_ref["RT2023-014"][LATE] == late[LATE]
    assert by_ref["RT2023-013"][LATE] == ""
    notes = dict(read_sheet(exported.result.workbook, "Notes"))
    assert "latest reason recorded" in notes[LATE]
    for path in exported.result.paths:
        assert MOTHER.encode() not in path.read_bytes()


def test_episode_history_stops_at_the_end_of_the_range(exported: Exported) -> None:
    row = exported.episode("RT2023-070")
    # Its review three weeks after the range recorded trafficking and an "other" need.
    assert "trafficking_nrm" not in row["Harm types"]
    assert row["Need: Other needs"] == "No"
    assert all(day <= "2024-08-31" for day in row["Review conferences"].split("; "))


def test_traditional_episode_and_unknown_age(exported: Exported) -> None:
    row = exported.episode("TC2023-019")  # opened on the last day, no conference yet
    assert row["ROTH at any point"] == "No"
    assert row["Pathway at start of range"] == "Traditional CP"
    assert row["Age at conference"] is None and row["Age band"] is None
    assert row["Initial conference"] is None


def test_formula_like_local_id_stays_text(exported: Exported) -> None:
    sheet = openpyxl.load_workbook(exported.result.workbook)["Episodes"]
    cells = [c for c in sheet["A"] if c.value == FORMULA_ID]
    assert len(cells) == 1 and cells[0].data_type == "s"
    csv_refs = [row[0] for row in read_csv(exported.result.episodes_csv)]
    assert "'" + FORMULA_ID in csv_refs


# -- the CSVs and notes ------------------------------------------------------------------------


def test_episodes_csv_matches_the_sheet(exported: Exported) -> None:
    rows = read_csv(exported.result.episodes_csv)
    sheet = read_sheet(exported.result.workbook, "Episodes")
    assert rows[0] == sheet[0]
    assert len(rows) == len(sheet) == 104
    by_ref = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    christmas = by_ref["RT2023-020"]
    assert christmas["Strategy discussion"] == "2023-12-15"
    assert christmas["Initial conference"] == "2024-01-10"
    assert christmas["Working days to initial conference"] == "15"
    assert by_ref["RT2023-010"]["Strategy discussion"] == ""
    assert by_ref["RT2023-001"]["Transfers"] == "Traditional CP→ROTH on 2023-08-01"


def test_summary_csv_is_tidy(exported: Exported) -> None:
    rows = read_csv(exported.result.summary_csv)
    assert rows[0] == ["section", "group", "group_label", "measure", "value"]
    values = {(r[0], r[1], r[3]): r[4] for r in rows[1:]}
    assert values["about", "", "Start date"] == "2023-09-01"
    assert values["about", "", "End date"] == "2024-08-31"
    assert values["about", "", "Small-number threshold"] == "5"
    assert values["headline", "", "Young people on a ROTH plan"] == "82"
    assert values["harm_types", "cce", "Young people"] == "41"
    assert values["harm_types", "peer_abuse", SHARE] == "*"
    assert values["ethnicity", "MWBC", RATIO] == "4.15"
    assert values["ethnicity", "NOBT", RATE] == ""
    assert values["age_bands", "16+", "Young people"] == "38"
    assert values["gender", "male", RATE] == "37.2"
    assert values["timescales", "", "Within 15 working days (%)"] == "85.9"
    assert values["transfers", "ROTH", "Transfers"] == "7"
    assert ["harm_types", "cse", "Child sexual exploitation (CSE)", "Young people", "28"] in rows


def test_no_names_in_any_file(exported: Exported) -> None:
    for path in exported.result.paths:
        data = path.read_bytes()
        assert NAME_PREFIX.encode() not in data, path
    for row in read_sheet(exported.result.workbook, "Episodes"):
        assert not any(isinstance(v, str) and NAME_PREFIX in v for v in row)


def test_notes_explain_the_return(exported: Exported) -> None:
    notes = dict(read_sheet(exported.result.workbook, "Notes"))
    assert notes["Date range"] == "01/09/2023 to 31/08/2024, both days included."
    assert notes["Small numbers"] == exported.opening[2]
    assert "version 2019-20" in notes["CIN census factors"]
    assert "version 2025-26" in notes["Ethnicity codes"]
    assert "rate for everyone the file covers" in notes["Rates and rate ratios"]
    assert "Restricted entries are counted" in notes["Harm types"]


# -- options -----------------------------------------------------------------------------------


def test_threshold_is_configurable(built: Built, tmp_path: Path) -> None:
    _result, opening, tables = export(built, tmp_path / "ten", threshold=10)
    assert "any count from 1 to 9 is shown as *" in opening[2]
    harm = tables["Young people on a ROTH plan by harm type"]
    assert harm.row("online_abuse")["Young people"] == 10
    assert harm.row("missing")["Young people"] == 21
    assert tables["Transfers between pathways in the range"].rows[0][2] == "*"  # 7 < 10
    _result, opening, tables = export(built, tmp_path / "one", threshold=1)
    assert "no counts are hidden" in opening[2]
    harm = tables["Young people on a ROTH plan by harm type"]
    assert harm.row("trafficking_nrm")["Young people"] == 1
    assert harm.row("peer_abuse")[SHARE] == 4.9


def test_without_population_no_rates(built: Built, tmp_path: Path) -> None:
    _result, _opening, tables = export(built, tmp_path / "plain")
    table = tables["Young people on a ROTH plan by gender"]
    assert table.headers == ["Gender code", "Gender", "Young people", SHARE]
    assert TOTAL not in [row[0] for row in table.rows]


def test_calendar_and_closures_come_from_the_policy(built: Built, tmp_path: Path) -> None:
    file = tmp_path / "cardiff-timescales.json"
    file.write_text('{"format": 1, "region": "wales", "closures": ["2023-12-27"]}', "utf-8")
    result, _opening, tables = export(built, tmp_path / "wales", policy=load_policy(file))
    rows = read_csv(result.episodes_csv)
    christmas = next(dict(zip(rows[0], r, strict=True)) for r in rows if r[0] == "RT2023-020")
    assert christmas["Working days to initial conference"] == "14"
    notes = dict(read_sheet(result.workbook, "Notes"))
    assert "bank holidays of Wales and 1 local closure day(s)" in notes["Timescale"]
    # The notes name the file, never the folder it is in (which can name the user).
    assert "the local authority's policy file cardiff-timescales.json" in notes["Timescale"]
    assert str(tmp_path) not in notes["Timescale"]
    table = tables["ROTH episodes: strategy discussion to initial conference"]
    assert table.values()["Within 15 working days"] == 61


def test_region_override_keeps_the_policys_closures() -> None:
    policy = TimescalePolicy.from_mapping({"closures": ["2023-12-27"]}, "test")
    wales = with_region(policy, "Wales")
    assert (wales.region, wales.closures) == ("wales", policy.closures)
    assert with_region(policy, None) is policy and with_region(policy, "england") is policy
    with pytest.raises(UnknownRegionError, match="England or Wales, not 'scotland'"):
        with_region(policy, "scotland")


def test_a_ten_working_day_policy_changes_who_is_in_time(built: Built, tmp_path: Path) -> None:
    policy = default_policy().merged({"initial_conference_working_days": 10}, "test")
    result, _opening, tables = export(built, tmp_path / "ten", policy=policy)
    # Of the 71 timed initial conferences only young person 5's second episode (10
    # working days) is in time: everyone else took 12, 15 or 18.
    table = tables["ROTH episodes: strategy discussion to initial conference"]
    assert table.values() == {
        "Initial conferences in the range with a strategy discussion date": 71,
        "Within 10 working days": "*",
        "Over 10 working days": 70,
        "Within 10 working days (%)": "*",
    }
    assert result.headline.within_timescale == 1
    rows = read_sheet(result.workbook, "Episodes")
    assert "Within 10 working days" in rows[0]
    assert not any("15" in str(header) for header in rows[0])
    by_ref = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_ref["RT2023-022"]["Within 10 working days"] == "No"
    # Late now, so the reason recorded for it shows; 13 was still late, with its reason.
    assert by_ref["RT2023-022"][LATE] == "The family asked to move it."
    assert by_ref["RT2023-013"][LATE] == "Chair unwell."
    assert by_ref["RT2023-014"][LATE] == "TP's mother CP was in hospital; T chose the new date."
    notes = dict(read_sheet(result.workbook, "Notes"))
    assert "Within timescale means 10 working days or fewer" in notes["Timescale"]
    assert "more than 10 working days" in notes[LATE]
    summary_csv = {(r[0], r[3]): r[4] for r in read_csv(result.summary_csv)[1:]}
    assert summary_csv["timescales", "Over 10 working days"] == "70"


def test_the_local_authoritys_policy_is_the_default(
    built: Built, tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    (isolated_dirs["config"] / "timescales.json").write_text(
        '{"initial_conference_working_days": 10}', "utf-8"
    )
    with built.workspace.session() as session:
        result = write_data_return(
            session, built.cohort.start, built.cohort.end, tmp_path / "local.xlsx"
        )
    assert result.headline.within_timescale == 1
    notes = dict(read_sheet(result.workbook, "Notes"))
    assert "the local authority's policy file timescales.json" in notes["Timescale"]


def test_a_broken_policy_file_is_refused_and_nothing_is_written(
    built: Built, tmp_path: Path, isolated_dirs: dict[str, Path]
) -> None:
    (isolated_dirs["config"] / "timescales.json").write_text("{not json", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with built.workspace.session() as session, pytest.raises(PolicyError, match="not valid JSON"):
        write_data_return(session, built.cohort.start, built.cohort.end, out / "r.xlsx")
    assert list(out.iterdir()) == []


def test_custom_age_bands(built: Built, tmp_path: Path) -> None:
    bands = [AgeBand("Under 14", 0, 13), AgeBand("14–15", 14, 15), AgeBand("16–17", 16, 17)]
    bands.append(AgeBand("18+", 18))
    _result, _opening, tables = export(built, tmp_path / "b", age_bands=bands)
    table = tables["Young people on a ROTH plan by age at conference"]
    assert [(row[0], row[1]) for row in table.rows] == [
        ("Under 14", 14),
        ("14–15", 30),
        ("16–17", 38),
        ("18+", 0),
    ]


def test_progress_is_reported(built: Built, tmp_path: Path) -> None:
    seen: list[tuple[int, str]] = []
    export(built, tmp_path / "p", progress=lambda p, s: seen.append((p, s)))
    percents = [p for p, _ in seen]
    assert percents == sorted(percents) and percents[-1] == 100
    assert all(step for _, step in seen)


def test_queries_do_not_grow_with_the_cohort(empty_workspace: Workspace, tmp_path: Path) -> None:
    """A few set-based queries, however many young people: no query per person."""
    with empty_workspace.session() as session:
        cohort = build_cohort(session)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    engine: Engine = empty_workspace.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        with empty_workspace.session() as session:
            write_data_return(session, cohort.start, cohort.end, tmp_path / "one.xlsx")
        small = len(statements)
        with empty_workspace.session() as session:
            build_cohort(session, start=date(2021, 9, 1))
            build_cohort(session, start=date(2022, 9, 1))
        statements.clear()
        with empty_workspace.session() as session:
            write_data_return(session, date(2021, 9, 1), date(2024, 8, 31), tmp_path / "all.xlsx")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == small <= 10


def test_demo_workspace_exports(demo_workspace: Workspace, tmp_path: Path) -> None:
    with demo_workspace.session() as session:
        result = write_data_return(
            session, date.today() - timedelta(days=365), date.today(), tmp_path / "demo.xlsx"
        )
    assert result.headline.young_people_on_roth == 3
    assert result.headline.transfers == 1


# -- refusals: one sentence, and no file left ----------------------------------------------


def _refused(built: Built, folder: Path, out: Path | None = None, **options: Any) -> str:
    before = sorted(folder.rglob("*"))
    options.setdefault("start", date(2023, 9, 1))
    options.setdefault("end", date(2024, 8, 31))
    with built.workspace.session() as session, pytest.raises(ReportError) as caught:
        write_data_return(session, out=out or folder / "r.xlsx", **options)
    assert sorted(folder.rglob("*")) == before, "a refused return must leave no file"
    message = str(caught.value)
    assert isinstance(caught.value, RothError)
    assert message.endswith(".") and message.count(". ") == 0, message
    return message


def test_empty_date_range(built: Built, tmp_path: Path) -> None:
    message = _refused(built, tmp_path, start=date(2024, 9, 1), end=date(2024, 8, 31))
    assert message == (
        "The date range is empty: it ends on 31/08/2024, before it starts on 01/09/2024."
    )


def test_output_must_be_xlsx(built: Built, tmp_path: Path) -> None:
    message = _refused(built, tmp_path, out=tmp_path / "return.csv")
    assert message == ("The file name must end in .xlsx ('return.csv' does not).")


def test_output_folder_must_exist(built: Built, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    message = _refused(built, tmp_path, out=missing / "r.xlsx")
    assert message == f"The folder {missing} does not exist; choose one that does."
    assert not missing.exists()


def test_output_that_is_a_folder(built: Built, tmp_path: Path) -> None:
    (tmp_path / "r.summary.csv").mkdir()
    message = _refused(built, tmp_path)
    assert message == f"r.summary.csv is a folder in {tmp_path}; choose another name."


def test_unwritable_folder(built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores folder permissions, so the refusal is checked through os.access.
    monkeypatch.setattr(output_module, "_can_write", lambda _folder: False)
    message = _refused(built, tmp_path)
    assert message == f"ROTH Desktop cannot write to the folder {tmp_path}; choose another."


def test_threshold_must_be_positive(built: Built, tmp_path: Path) -> None:
    message = _refused(built, tmp_path, threshold=0)
    assert message == "The small-number threshold must be a whole number of 1 or more."


def test_bad_age_bands(built: Built, tmp_path: Path) -> None:
    bands = (AgeBand("Under 15", 0, 14), AgeBand("15+", 15))
    message = _refused(built, tmp_path, age_bands=bands)
    assert message == "One age band must start at 16, so that 16+ is shown separately."
    gap = (AgeBand("Under 10", 0, 9), AgeBand("12–15", 12, 15), AgeBand("16+", 16))
    message = _refused(built, tmp_path, age_bands=gap)
    assert message == (
        "The age band '12–15' should start at 10 so that every age falls in exactly one band."
    )


def test_failed_save_leaves_nothing(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write_atomic
    calls: list[Path] = []

    def failing(path: Path, data: bytes, mode: int = 0o600) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(path, data, mode)

    monkeypatch.setattr("roth_desktop.data_return.workbook.write_atomic", failing)
    message = _refused(built, tmp_path)
    assert message == f"The data return could not be saved in {tmp_path} (No space left on device)."
    assert len(calls) == 2  # the first file was written, then taken away again


POPULATION_ERRORS = [
    (b"", "The population file is empty; it needs the header dimension,group,population."),
    (b"\n \n", "The population file is empty; it needs the header dimension,group,population."),
    (
        b"ethnicity,WBRI,100\n",
        "The first line of the population file must be the header dimension,group,population.",
    ),
    (
        "dimension,group,population\ngender,male,100\n".encode("utf-16"),
        "The population file is not UTF-8 text; save it from the spreadsheet as CSV UTF-8.",
    ),
    (
        b"dimension,group,population\ngender,male,100\nreligion,none,5\n",
        "On line 3 of the population file, 'religion' is not a dimension; use ethnicity, gender "
        "or age_band.",
    ),
    (
        b"dimension,group,population\nethnicity,XXXX,5\n",
        "On line 2 of the population file, 'XXXX' is not a DfE ethnicity code.",
    ),
    (
        b"dimension,group,population\ngender,boy,5\n",
        "On line 2 of the population file, 'boy' is not a gender; use one of female, male, "
        "another_gender, not_stated, not_known.",
    ),
    (
        b"dimension,group,population\nage_band,Under 11,5\n",
        "On line 2 of the population file, 'Under 11' is not one of the age bands (Under 10, "
        "10–13, 14–15, 16+).",
    ),
    (
        b"dimension,group,population\ngender,male,12.5\n",
        "On line 2 of the population file, the population '12.5' is not a whole number.",
    ),
    (
        b"dimension,group,population\ngender,male,lots\n",
        "On line 2 of the population file, the population 'lots' is not a whole number.",
    ),
    (
        b"dimension,group,population\ngender,male,0\n",
        "On line 2 of the population file, the population must be more than 0, not 0.",
    ),
    (
        b"dimension,group,population\ngender,male,-40\n",
        "On line 2 of the population file, the population must be more than 0, not -40.",
    ),
    (
        b"dimension,group,population\nethnicity,WBRI,5\ngender,male,5\nethnicity,wbri,7\n",
        "On line 4 of the population file, ethnicity WBRI was already given on line 2.",
    ),
    (
        b"dimension,group,population\ngender\n",
        "On line 2 of the population file, there should be a dimension, a group and a "
        "population, split by commas.",
    ),
    (
        b"dimension,group,population\ngender,male,5,6\n",
        "On line 2 of the population file, there should be a dimension, a group and a "
        "population, split by commas.",
    ),
    (
        b"dimension,group,population\n",
        "The population file gives no populations; fill in at least one.",
    ),
]


@pytest.mark.parametrize(("content", "message"), POPULATION_ERRORS)
def test_population_file_errors(built: Built, tmp_path: Path, content: bytes, message: str) -> None:
    population = tmp_path / "population.csv"
    population.write_bytes(content)
    out = tmp_path / "out"
    out.mkdir()
    assert _refused(built, out, population=population) == message


def test_missing_population_file(built: Built, tmp_path: Path) -> None:
    message = _refused(built, tmp_path, population=tmp_path / "missing.csv")
    assert message == "The population file missing.csv cannot be opened; check it exists."


def test_population_parsing_is_forgiving_where_it_is_safe() -> None:
    table = parse_population(
        "\ufeffDimension , Group , Population\r\n\r\n"
        'ethnicity,wbri,"12,000"\r\ngender,Male,300\r\nage_band,10-13,50\r\n'
        "ethnicity,MWBC,\r\n".encode()
    )
    assert dict(table.ethnicity) == {"WBRI": 12000}  # a blank population is skipped
    assert dict(table.gender) == {"male": 300}
    assert dict(table.age_band) == {"10–13": 50}


def test_population_template_lists_every_group() -> None:
    template = population_template()
    lines = template.splitlines()
    assert lines[0] == "dimension,group,population"
    with pytest.raises(PopulationFileError, match="gives no populations"):
        parse_population(template.encode())
    filled = "\n".join(line + "100" for line in lines[1:])
    table = parse_population(("dimension,group,population\n" + filled).encode())
    assert len(table.ethnicity) == 21 and len(table.gender) == 5 and len(table.age_band) == 4


# -- the CIN factor code list ----------------------------------------------------------------


def test_cin_factor_list() -> None:
    cin = cin_factor_codes()
    codes = [c.code for c in cin.codes.codes]
    assert cin.codes.version == "2019-20"
    assert codes[:3] == ["1A", "1B", "1C"] and codes[-2:] == ["22A", "22B"]
    for code in ("7A", "8B", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "20", "21"):
        assert code in cin.codes
    assert "8A" not in cin.codes  # the 2019-20 list starts private fostering at 8B
    assert len(codes) == 39
    assert cin.harm_types["cse"] == ("11A",)
    assert cin.harm_types["cce"] == ("20",)  # no criminal exploitation code in 2019-20
    assert cin.harm_types["missing"] == ("10A",)
    assert cin.harm_types["trafficking_nrm"] == ("12A",)
    assert cin.needs["send_mental_health"] == ("4A",)
    assert cin.factors_for(["cse", "cce"], ["substances"], "physical") == (
        "2A",
        "11A",
        "18A",
        "20",
    )


def test_cin_factor_list_refuses_unknown_codes() -> None:
    raw = {
        "name": "Test list",
        "version": "1",
        "codes": [{"code": "1A", "label": "One"}],
        "mappings": {"harm_types": {"cce": ["24A"]}},
    }
    with pytest.raises(ReportError) as caught:
        parse_cin_factors(raw)
    assert (
        str(caught.value) == "The CIN factor list maps 'cce' to code 24A, which it does not list."
    )
    with pytest.raises(DataReturnError):
        parse_cin_factors({"codes": "not a list"})
