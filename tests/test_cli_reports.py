"""The report and export commands, as automated acceptance checks call them.

Each runs the installed ``roth-desktop`` script on a demo workspace the CLI made
itself. Refusals are one line on stderr, and leave the output folder as it was.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import PASSPHRASE
from tests.helpers.common import assert_one_error_line, cli_demo, run_cli, snapshot


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("cli-reports")
    made = cli_demo(base, PASSPHRASE)
    folder, secret, env = made["folder"], made["secret"], made["env"]
    listed = run_cli("list", "--workspace", folder, "--passphrase-file", secret, "--json", env=env)
    people = json.loads(listed.stdout)["young_people"]
    conferences = {
        (person["name"], conference["kind"], conference["status"]): conference["id"]
        for person in people
        for case in person["cases"]
        for conference in case["conferences"]
    }
    mira_review = next(
        cid
        for (name, kind, status), cid in conferences.items()
        if name.startswith("Mira") and kind == "review" and status == "agreed"
    )
    return {"folder": folder, "secret": secret, "env": env, "mira_review": mira_review}


def _args(demo: dict[str, Any]) -> list[str | Path]:
    return ["--workspace", demo["folder"], "--passphrase-file", demo["secret"]]


def _made(demo: dict[str, Any], *command: str, out: Path, **options: str | Path) -> str:
    """Run a report or export of Mira's agreed review; it must succeed quietly."""
    extra = [str(part) for key, value in options.items() for part in (f"--{key}", value)]
    result = run_cli(
        *command,
        *_args(demo),
        "--conference",
        demo["mira_review"],
        "--out",
        out,
        *extra,
        env=demo["env"],
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def _pdf_text(path: Path, password: str | None = None) -> str:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.mark.parametrize("audience", ["professional", "family", "young-person", "plan"])
def test_report_writes_each_audience(demo: dict[str, Any], tmp_path: Path, audience: str) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / f"{audience}.pdf"
    assert str(out) in _made(demo, "report", out=out, audience=audience)
    text = _pdf_text(out)
    assert "AH" in text  # the initials in every header
    assert "OFFICIAL-SENSITIVE" in text
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # nothing else left beside it


def test_report_with_a_password_and_a_marking(demo: dict[str, Any], tmp_path: Path) -> None:
    password = tmp_path / "pdf-password.txt"
    password.write_text("Kestrel-harbour-93\n", encoding="utf-8")
    out = tmp_path / "family.pdf"
    printed = _made(
        demo,
        "report",
        out=out,
        audience="family",
        marking="OFFICIAL",
        **{"pdf-password-file": password},
    )
    assert "password protected" in printed
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("not the password") == 0
    text = _pdf_text(out, "Kestrel-harbour-93")
    assert "OFFICIAL" in text and "OFFICIAL-SENSITIVE" not in text


def test_report_in_welsh(demo: dict[str, Any], tmp_path: Path) -> None:
    english, welsh = tmp_path / "en.pdf", tmp_path / "cy.pdf"
    for language, out in (("en", english), ("cy", welsh)):
        _made(demo, "report", out=out, audience="young-person", language=language)
    assert _pdf_text(english) != _pdf_text(welsh)


@pytest.mark.parametrize("audience", ["professional", "family"])
def test_export_conference_json(demo: dict[str, Any], tmp_path: Path, audience: str) -> None:
    out = tmp_path / "conference.json"
    _made(demo, "export", "conference", out=out, audience=audience)
    document = json.loads(out.read_text("utf-8"))
    assert document["schema_version"] == 2
    assert document["audience"] == audience
    assert document["conference"]["id"] == demo["mira_review"]
    assert ("restricted" in document) == (audience == "professional")


def test_export_data_return(demo: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "return.xlsx"
    result = run_cli(
        "export",
        "data-return",
        *_args(demo),
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
        "--out",
        out,
        env=demo["env"],
    )
    assert result.returncode == 0, result.stderr
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "Summary"
    episodes = book["Episodes"]
    assert (episodes.max_row or 0) >= 4  # a header and the demo's three young people
    book.close()
    written = sorted(p.name for p in out.parent.iterdir())
    assert written == ["return.episodes.csv", "return.summary.csv", "return.xlsx"]
    with (out.parent / "return.episodes.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) >= 4
    text = (out.parent / "return.episodes.csv").read_text("utf-8-sig")
    for name in ("Haddad", "Brennan", "Marsh"):
        assert name not in text  # a statistical return carries ids, never names


def _data_return(demo: dict[str, Any], out: Path, *extra: str | Path) -> list[str]:
    """Run the data return over all the demo's years; return the Notes' timescale note."""
    result = run_cli(
        "export",
        "data-return",
        *_args(demo),
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
        "--out",
        out,
        *extra,
        env=demo["env"],
    )
    assert result.returncode == 0, result.stderr
    book = load_workbook(out, read_only=True)
    headers = [str(c) for c in next(book["Episodes"].iter_rows(values_only=True))]
    notes = {row[0]: row[1] for row in book["Notes"].iter_rows(values_only=True)}
    book.close()
    return [*headers, str(notes["Timescale"])]


def test_export_data_return_counts_on_a_policy_file(demo: dict[str, Any], tmp_path: Path) -> None:
    policy = tmp_path / "bryncoed-timescales.json"
    policy.write_text(
        '{"format": 1, "region": "wales", "closures": ["2025-12-29", "2025-12-30"], '
        '"initial_conference_working_days": 10}',
        encoding="utf-8",
    )
    *headers, timescale = _data_return(demo, tmp_path / "policy.xlsx", "--policy", policy)
    assert "Within 10 working days" in headers
    assert "Reason initial conference was late" in headers
    assert "bank holidays of Wales and 2 local closure day(s)" in timescale
    assert "10 working days or fewer" in timescale
    assert "policy file bryncoed-timescales.json" in timescale
    # --region changes only the bank holidays: the policy's closures and limit stay.
    *headers, timescale = _data_return(
        demo, tmp_path / "england.xlsx", "--policy", policy, "--region", "england"
    )
    assert "Within 10 working days" in headers
    assert "bank holidays of England and 2 local closure day(s)" in timescale
    # Without --policy: the national defaults (the demo's config folder has no policy).
    *headers, timescale = _data_return(demo, tmp_path / "national.xlsx")
    assert "Within 15 working days" in headers
    assert "bank holidays of England and 0 local closure day(s)" in timescale
    assert "the national defaults" in timescale


def test_export_data_return_refuses_a_bad_policy_before_unlocking(
    demo: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    command = ("export", "data-return", "--workspace", demo["folder"], "--passphrase-file")
    # The passphrase file is missing: a refusal that reached the unlock would say so.
    dates = ("--from", "2025-01-01", "--to", "2025-12-31", "--out", out / "r.xlsx")
    never_read = tmp_path / "no-passphrase.txt"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    line = _refused(demo, out, *command, never_read, *dates, "--policy", broken)
    assert line == f"roth-desktop: The timescales policy {broken} is not valid JSON."
    too_long = tmp_path / "too-long.json"
    too_long.write_text('{"initial_conference_working_days": 20}', encoding="utf-8")
    line = _refused(demo, out, *command, never_read, *dates, "--policy", too_long)
    assert "cannot be more than 15 working days" in line
    line = _refused(demo, out, *command, never_read, *dates, "--policy", tmp_path / "gone.json")
    assert "Cannot read the timescales policy" in line
    line = _refused(demo, out, *command, never_read, *dates, "--region", "scotland")
    assert "England or Wales, not 'scotland'" in line


def _refused(demo: dict[str, Any], folder: Path, *args: str | Path) -> str:
    before = snapshot(folder)
    result = run_cli(*args, env=demo["env"])
    line = assert_one_error_line(result)
    assert snapshot(folder) == before, "a refusal must leave no file behind"
    return line


def test_bad_input_gets_one_clear_line_and_no_file(demo: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    conference = demo["mira_review"]
    line = _refused(
        demo,
        out,
        "report",
        *_args(demo),
        "--conference",
        "no-such-conference",
        "--audience",
        "family",
        "--out",
        out / "a.pdf",
    )
    assert "no conference with the id no-such-conference" in line
    line = _refused(
        demo,
        out,
        "report",
        *_args(demo),
        "--conference",
        conference,
        "--audience",
        "neighbours",
        "--out",
        out / "a.pdf",
    )
    assert "'neighbours' is not an audience" in line
    line = _refused(
        demo,
        out,
        "export",
        "conference",
        *_args(demo),
        "--conference",
        conference,
        "--audience",
        "young-person",
        "--out",
        out / "a.json",
    )
    assert "choose professional, family" in line
    line = _refused(
        demo,
        out,
        "report",
        *_args(demo),
        "--conference",
        conference,
        "--audience",
        "family",
        "--out",
        out / "missing" / "a.pdf",
    )
    assert "does not exist" in line
    line = _refused(
        demo,
        out,
        "export",
        "data-return",
        *_args(demo),
        "--from",
        "2026-05-01",
        "--to",
        "2026-04-01",
        "--out",
        out / "r.xlsx",
    )
    assert "date range is empty" in line
    line = _refused(
        demo,
        out,
        "export",
        "data-return",
        *_args(demo),
        "--from",
        "2026-02-30",
        "--to",
        "2026-04-01",
        "--out",
        out / "r.xlsx",
    )
    assert "not a real date" in line
    population = tmp_path / "population.csv"
    population.write_text(
        "dimension,group,population\nethnicity,WBRI,12000\nethnicity,BCRB,lots\n",
        encoding="utf-8",
    )
    line = _refused(
        demo,
        out,
        "export",
        "data-return",
        *_args(demo),
        "--from",
        "2025-01-01",
        "--to",
        "2026-12-31",
        "--out",
        out / "r.xlsx",
        "--population",
        population,
    )
    assert "line 3" in line
