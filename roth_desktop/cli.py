"""The command line: for admins, batch work and automated checks.

    roth-desktop create   --workspace DIR --passphrase-file F [--recovery-public-key PEM]
    roth-desktop demo     --workspace DIR --passphrase-file F
    roth-desktop list     --workspace DIR --passphrase-file F [--json]
    roth-desktop check    --workspace DIR --passphrase-file F
    roth-desktop migrate  --workspace DIR --passphrase-file F
    roth-desktop change-passphrase --workspace DIR --passphrase-file F --new-passphrase-file G
    roth-desktop recover  --workspace DIR --recovery-key-file PEM --new-passphrase-file G
    roth-desktop report   --workspace DIR --passphrase-file F --conference ID
                          --audience professional|family|young-person|plan --out FILE.pdf
                          [--pdf-password-file P] [--language en|cy] [--marking M]
    roth-desktop report   --workspace DIR --passphrase-file F --assessment ID
                          --audience professional|family --out FILE.pdf
                          [--pdf-password-file P] [--language en|cy] [--marking M]
    roth-desktop export conference  --workspace DIR --passphrase-file F --conference ID
                          --audience professional|family --out FILE.json [--language en|cy]
    roth-desktop export data-return --workspace DIR --passphrase-file F
                          --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx
                          [--population FILE.csv] [--threshold N] [--policy FILE.json]
                          [--region england|wales]
    roth-desktop due      --workspace DIR --passphrase-file F [--on YYYY-MM-DD] [--json]
                          [--policy FILE.json]
    roth-desktop calendar --workspace DIR --passphrase-file F --out FILE.ics
                          [--on YYYY-MM-DD] [--policy FILE.json]
    roth-desktop sync | team | conflicts ...   (see cli_sync.py)
    roth-desktop handover export | import ...  (see cli_handover.py)

A passphrase never comes from argv (it would sit in shell history and the
process table): it is read from a file, from standard input with ``-``, or
from a prompt. Every failure is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from roth_desktop import __version__, cli_handover, cli_sync
from roth_desktop.crash_report import write_crash_report
from roth_desktop.errors import PassphraseError, RothError
from roth_desktop.integrity import check_workspace
from roth_desktop.keyfile import load_recovery_public_key
from roth_desktop.queries import listing
from roth_desktop.schema_migrations import head_revision
from roth_desktop.validation import format_date, parse_date, today
from roth_desktop.workspace import Workspace, inspect_database, unwrap_throttled, wipe_key

PROG = "roth-desktop"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts and people both read it.
        # Stray arguments are not echoed: someone may have typed a passphrase there.
        if message.startswith("unrecognized arguments"):
            message = "unrecognized arguments (not repeated here, in case one was a passphrase)"
        self.exit(2, f"{PROG}: {message} (see '{PROG} --help')\n")


def read_passphrase(source: str | None, prompt: str = "Passphrase: ") -> str:
    if source is None:
        if not sys.stdin.isatty():
            raise PassphraseError("Give --passphrase-file (a file, or - for standard input).")
        return getpass.getpass(prompt)
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise PassphraseError(
            f"Cannot read the passphrase file {source} ({exc.strerror})."
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseError("The passphrase file is not UTF-8 text.") from None
    # Only the line ending an editor adds is dropped; other spaces are part of it.
    text = text.removesuffix("\n").removesuffix("\r")
    if not text:
        raise PassphraseError("The passphrase file is empty.")
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        allow_abbrev=False,
        description="ROTH Desktop: Risk Outside the Home conferences.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--workspace", type=Path, help="open this workspace folder in the app")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation works (Qt, SQLCipher, migrations, PDF fonts, content "
        "packs, keyring) in a temporary folder, one line per check, and exit",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(name: str, help_text: str, passphrase: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, allow_abbrev=False)
        p.add_argument("--workspace", type=Path, required=True, help="the workspace folder")
        if passphrase:
            p.add_argument("--passphrase-file", help="file holding the passphrase, or - for stdin")
        return p

    create = command("create", "Create a new, empty encrypted workspace.")
    create.add_argument(
        "--recovery-public-key",
        type=Path,
        help="the organisation's X25519 recovery public key (PEM)",
    )
    command("demo", "Create a fictional demo workspace in an empty folder.")
    listed = command("list", "List young people, cases and conferences with their ids.")
    listed.add_argument("--json", action="store_true", help="print JSON")
    command("check", "Verify encryption integrity, schema version and the audit trail.")
    command("migrate", "Upgrade a workspace made by an older version.")
    change = command("change-passphrase", "Re-wrap the workspace key under a new passphrase.")
    change.add_argument(
        "--new-passphrase-file", required=True, help="file holding the new passphrase"
    )
    recover = command(
        "recover", "Set a new passphrase using the organisation recovery key.", passphrase=False
    )
    recover.add_argument(
        "--recovery-key-file",
        type=Path,
        required=True,
        help="the organisation's X25519 recovery private key (PEM)",
    )
    recover.add_argument(
        "--new-passphrase-file", required=True, help="file holding the new passphrase"
    )
    _add_report_commands(sub, command)
    _add_timescale_commands(command)
    cli_sync.add_commands(sub, command)
    cli_handover.add_commands(sub)
    return parser


def _add_timescale_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    due = command("due", "List what is due and overdue on open cases as of a date.")
    due.add_argument("--on", help="the date to count from, YYYY-MM-DD (default: today)")
    due.add_argument("--json", action="store_true", help="print JSON")
    due.add_argument(
        "--policy", type=Path, help="a timescales policy file (default: the local authority's)"
    )
    cal = command("calendar", "Write booked conferences and reviews due as an .ics calendar.")
    cal.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    cal.add_argument("--on", help="the first day to include, YYYY-MM-DD (default: today)")
    cal.add_argument(
        "--policy", type=Path, help="a timescales policy file (default: the local authority's)"
    )


def _add_report_commands(
    sub: argparse._SubParsersAction[_Parser], command: Callable[..., argparse.ArgumentParser]
) -> None:
    report = command(
        "report",
        "Write a conference PDF, or a social worker's assessment PDF, for one audience. "
        "Give exactly one of --conference and --assessment.",
    )
    report.add_argument("--conference", help="the conference id (see 'list')")
    report.add_argument("--assessment", help="the assessment id")
    report.add_argument(
        "--audience",
        required=True,
        help="for a conference: professional, family, young-person or plan; "
        "for an assessment: professional or family",
    )
    report.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    report.add_argument(
        "--pdf-password-file", help="protect the PDF with the password in this file"
    )
    report.add_argument("--language", default="en", help="en (English) or cy (Cymraeg)")
    report.add_argument(
        "--marking", help="protective marking on every page (default: the app setting)"
    )

    export = sub.add_parser(
        "export", help="Export a conference as JSON, or the ROTH data return.", allow_abbrev=False
    )
    kinds = export.add_subparsers(dest="export_kind", parser_class=_Parser, required=True)

    def export_kind(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = kinds.add_parser(
            name, help=help_text, description=help_text, allow_abbrev=False
        )
        p.add_argument("--workspace", type=Path, required=True, help="the workspace folder")
        p.add_argument("--passphrase-file", help="file holding the passphrase, or - for stdin")
        return p

    conference = export_kind("conference", "A conference as JSON (schema v1), for one audience.")
    conference.add_argument("--conference", required=True, help="the conference id")
    conference.add_argument("--audience", required=True, help="professional or family")
    conference.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    conference.add_argument("--language", default="en", help="en (English) or cy (Cymraeg)")

    data_return = export_kind("data-return", "The ROTH data return (xlsx plus CSV).")
    data_return.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    data_return.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    data_return.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    data_return.add_argument(
        "--population", type=Path, help="local population table (CSV) for rates and ratios"
    )
    data_return.add_argument(
        "--threshold", type=int, default=5, help="suppress counts below this (default 5)"
    )
    data_return.add_argument(
        "--policy", type=Path, help="a timescales policy file (default: the local authority's)"
    )
    data_return.add_argument(
        "--region",
        help="count bank holidays of england or wales instead of the policy's region "
        "(the policy's closure days and limits still apply)",
    )


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PassphraseError(f"Cannot read {path} ({exc.strerror}).") from None


def _create(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    recovery = None
    if args.recovery_public_key is not None:
        recovery = load_recovery_public_key(_read_file(args.recovery_public_key))
    Workspace.create(args.workspace, passphrase, recovery_public_key=recovery).lock()
    extra = " with the organisation recovery key" if recovery else ""
    print(f"Created an encrypted workspace{extra} in {args.workspace}")
    return 0


def _recover(args: argparse.Namespace) -> int:
    new = read_passphrase(args.new_passphrase_file, "New passphrase: ")
    keyfile = Workspace.read_keyfile(args.workspace)
    key = keyfile.unwrap_with_recovery_key(_read_file(args.recovery_key_file))
    with Workspace.open_with_key(args.workspace, key, keyfile=keyfile) as workspace:
        workspace.reset_passphrase(new)
    print("The workspace has a new passphrase. Give it to its user in person.")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from roth_desktop.demo import create_demo

    passphrase = read_passphrase(args.passphrase_file)
    workspace = create_demo(args.workspace, passphrase)
    workspace.lock()
    print(f"Created a fictional demo workspace in {args.workspace}")
    return 0


def _list(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    with Workspace.open(args.workspace, passphrase) as workspace, workspace.session() as session:
        people = listing(session)
    if args.json:
        print(json.dumps({"young_people": people}, indent=2, ensure_ascii=False))
        return 0
    for person in people:
        print(f"{person['id']}  {person['name']}  (born {person['date_of_birth'] or 'unknown'})")
        for case in person["cases"]:
            print(f"    case {case['id']}  {case['pathway']}  opened {case['opened_on']}")
            for conf in case["conferences"]:
                print(
                    f"        conference {conf['id']}  {conf['kind']}  "
                    f"{conf['starts_at']}  {conf['status']}"
                )
            for found in case["assessments"]:
                print(f"        assessment {found['id']}  started {found['started_on']}")
    return 0


def _check(args: argparse.Namespace) -> int:
    results = check_workspace(args.workspace, read_passphrase(args.passphrase_file))
    for result in results:
        print(f"{'ok  ' if result.ok else 'FAIL'}  {result.name}: {result.detail}")
    return 0 if results and all(r.ok for r in results) and len(results) == 4 else 1


def _migrate(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)
    keyfile = Workspace.read_keyfile(args.workspace)
    key = unwrap_throttled(keyfile, passphrase)
    try:
        before = inspect_database(args.workspace / "workspace.db", key).revision
    except RothError:
        wipe_key(key)
        raise
    with Workspace.open_with_key(args.workspace, key, keyfile=keyfile, migrate=True):
        pass
    head = head_revision()
    if before == head:
        print(f"Already at the latest schema ({head}); nothing to do.")
    else:
        print(
            f"Upgraded from {before or 'the first version'} to {head}; "
            f"the encrypted copy from before is workspace.before-{before or 'base'}.db"
        )
    return 0


def _change_passphrase(args: argparse.Namespace) -> int:
    current = read_passphrase(args.passphrase_file)
    new = read_passphrase(args.new_passphrase_file, "New passphrase: ")
    keyfile = Workspace.read_keyfile(args.workspace)
    key = unwrap_throttled(keyfile, current)
    with Workspace.open_with_key(args.workspace, key, keyfile=keyfile) as workspace:
        workspace.change_passphrase(current, new)
    print("Passphrase changed. The records were not re-encrypted; only the key was re-wrapped.")
    return 0


def _report(args: argparse.Namespace) -> int:
    from roth_desktop.reports.assessment_record import AUDIENCES as ASSESSMENT_AUDIENCES
    from roth_desktop.reports.audience import (
        Audience,
        ReportError,
        parse_audience,
        parse_language,
    )
    from roth_desktop.reports.output import check_output_path
    from roth_desktop.reports.pdf import write_assessment_pdf, write_conference_pdf

    # Everything that can be checked without the workspace is checked first, so a
    # typo costs no unlock and leaves nothing behind.
    if args.conference is not None and args.assessment is not None:
        raise ReportError("Give --conference or --assessment, not both: one PDF is one record.")
    if args.conference is None and args.assessment is None:
        raise ReportError("Say which record to write: give --conference ID or --assessment ID.")
    assessment = args.assessment is not None
    allowed = ASSESSMENT_AUDIENCES if assessment else tuple(Audience)
    audience = parse_audience(args.audience, allowed)
    language = parse_language(args.language)
    marking = _marking(args.marking)
    check_output_path(args.out, ".pdf")
    password = None
    if args.pdf_password_file is not None:
        password = read_passphrase(args.pdf_password_file, "PDF password: ")
    passphrase = read_passphrase(args.passphrase_file)
    write = write_assessment_pdf if assessment else write_conference_pdf
    with Workspace.open(args.workspace, passphrase) as workspace, workspace.session() as session:
        out = write(
            session,
            args.assessment if assessment else args.conference,
            audience,
            args.out,
            language=language,
            marking=marking,
            password=password,
        )
    protected = " (password protected)" if password else ""
    what = f"assessment ({audience.value})" if assessment else audience.label.lower()
    print(f"Wrote the {what} to {out}{protected}")
    return 0


def _marking(value: str | None) -> str:
    from roth_desktop.app_settings import AppSettings, marking_problem
    from roth_desktop.reports.audience import ReportError

    if value is None:
        return AppSettings.load().protective_marking
    problem = marking_problem(value)
    if problem:
        raise ReportError(problem)
    return value


def _export(args: argparse.Namespace) -> int:
    if args.export_kind == "conference":
        return _export_conference(args)
    return _export_data_return(args)


def _export_conference(args: argparse.Namespace) -> int:
    from roth_desktop.reports.audience import Audience, parse_audience, parse_language
    from roth_desktop.reports.conference_json import write_conference_json
    from roth_desktop.reports.output import check_output_path

    audience = parse_audience(args.audience, (Audience.PROFESSIONAL, Audience.FAMILY))
    language = parse_language(args.language)
    check_output_path(args.out, ".json")
    passphrase = read_passphrase(args.passphrase_file)
    with Workspace.open(args.workspace, passphrase) as workspace, workspace.session() as session:
        out = write_conference_json(session, args.conference, audience, args.out, language)
    print(f"Wrote the conference ({audience.value}) to {out}")
    return 0


def _export_data_return(args: argparse.Namespace) -> int:
    from roth_desktop.data_return.workbook import check_request, with_region, write_data_return
    from roth_desktop.reports.audience import ReportError
    from roth_desktop.timescales.policy import load_policy

    try:
        start, end = parse_date(args.start), parse_date(args.end)
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    # The same policy the deadlines are counted on; --region overrides only its bank
    # holidays. Both are checked before anything is unlocked.
    policy = with_region(load_policy(args.policy), args.region)
    check_request(start, end, args.out, args.population, args.threshold)
    passphrase = read_passphrase(args.passphrase_file)
    with Workspace.open(args.workspace, passphrase) as workspace, workspace.session() as session:
        result = write_data_return(
            session,
            start,
            end,
            args.out,
            population=args.population,
            threshold=args.threshold,
            policy=policy,
        )
    for path in result.paths:
        print(f"Wrote {path}")
    return 0


def _as_of(value: str | None) -> date:
    from roth_desktop.timescales.policy import TimescaleError

    if value is None:
        return today()
    try:
        return parse_date(value)
    except ValueError as exc:
        raise TimescaleError(str(exc)) from None


def _due(args: argparse.Namespace) -> int:
    from roth_desktop.timescales.deadlines import compute_due
    from roth_desktop.timescales.policy import load_policy

    as_of = _as_of(args.on)
    policy = load_policy(args.policy)
    passphrase = read_passphrase(args.passphrase_file)
    with Workspace.open(args.workspace, passphrase) as workspace, workspace.session() as session:
        report = compute_due(session, as_of, policy)
    if args.json:
        body = {
            "as_of": as_of.isoformat(),
            "policy": policy.source,
            "warnings": list(report.warnings),
            "items": [item.as_json() for item in report.items],
        }
        print(json.dumps(body, indent=2, ensure_ascii=False))
        return 0
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"As of {format_date(as_of)} ({policy.source}): {len(report.items)} item(s)")
    for item in report.items:
        late = f"{item.days_overdue} day(s) late" if item.days_overdue else ""
        print(
            f"{item.state.label:<14} {item.kind.label:<20} {item.initials:<4} "
            f"{item.young_person_id}  due {format_date(item.due_on)}  {late}".rstrip()
        )
        # The words typed into records (action owners, places) stay on the chair's
        # screen; what a terminal prints can end up in a file or a ticket.
        print(f"    {item.shared_detail}")
    return 0


def _calendar(args: argparse.Namespace) -> int:
    from roth_desktop.reports.output import check_output_path
    from roth_desktop.timescales.ics import write_calendar
    from roth_desktop.timescales.policy import load_policy

    as_of = _as_of(args.on)
    policy = load_policy(args.policy)
    check_output_path(args.out, ".ics")
    passphrase = read_passphrase(args.passphrase_file)
    with Workspace.open(args.workspace, passphrase) as workspace, workspace.session() as session:
        result = write_calendar(session, args.out, policy, as_of)
    print(
        f"Wrote {result.conferences} conference(s) and {result.deadlines} deadline(s) "
        f"to {result.path} (initials only)"
    )
    return 0


HANDLERS = {
    "create": _create,
    "recover": _recover,
    "demo": _demo,
    "list": _list,
    "check": _check,
    "migrate": _migrate,
    "change-passphrase": _change_passphrase,
    "report": _report,
    "export": _export,
    "due": _due,
    "calendar": _calendar,
    "sync": cli_sync.sync_command(read_passphrase),
    "team": cli_sync.team_command(read_passphrase),
    "conflicts": cli_sync.conflicts_command(read_passphrase),
    "handover": cli_handover.handover_command(read_passphrase),
}


def run_command(args: argparse.Namespace) -> int:
    try:
        return HANDLERS[args.command](args)
    except RothError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``roth-desktop due | head``): nothing is wrong with the
        # workspace, and a crash report would alarm someone for no reason.
        return 141
    except Exception as exc:  # the promise is one line, never a traceback
        report = write_crash_report(exc)
        print(
            f"{PROG}: unexpected error ({type(exc).__name__}); details without personal "
            f"data are in {report}",
            file=sys.stderr,
        )
        return 1


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.self_test:  # without the ui package there is no Qt check to add
        from roth_desktop.self_test import run

        return run()
    if args.command is None:
        print(
            f"{PROG}: the app needs the 'ui' package; use '{PROG} --help' for commands",
            file=sys.stderr,
        )
        return 2
    return run_command(args)
