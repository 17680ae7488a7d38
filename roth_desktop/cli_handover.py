"""Handing an assessment over as an encrypted file, on the command line.

roth-desktop handover export --workspace DIR --passphrase-file F --assessment ID
                             --out FILE.rothhandover
                             (--handover-passphrase-file P | --team-key)
roth-desktop handover import --workspace DIR --passphrase-file F --file FILE.rothhandover
                             [--handover-passphrase-file P]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from roth_desktop.workspace import Workspace

# The handover module (cryptography, the models) is imported by the command that
# uses it, so every other command, and the app, starts without it.

Handler = Callable[[argparse.Namespace], int]
ReadSecret = Callable[[str | None, str], str]

_PROTECT = (
    "Hand over an assessment as an encrypted file, until sync reaches the chair: "
    "export it on the worker's laptop, import it on the chair's."
)


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    handover = sub.add_parser("handover", help=_PROTECT, description=_PROTECT, allow_abbrev=False)
    kinds = handover.add_subparsers(dest="handover_command", required=True)

    def handover_command(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = kinds.add_parser(
            name, help=help_text, description=help_text, allow_abbrev=False
        )
        p.add_argument("--workspace", type=Path, required=True, help="the workspace folder")
        p.add_argument(
            "--passphrase-file", help="file holding the workspace passphrase, or - for stdin"
        )
        return p

    export = handover_command(
        "export",
        "Write one assessment, with the case records it needs, to an encrypted handover "
        "file protected by a passphrase or by the sync team's key.",
    )
    export.add_argument("--assessment", required=True, help="the assessment id (see 'list --json')")
    export.add_argument(
        "--out", type=Path, required=True, help="the handover file to write (.rothhandover)"
    )
    protection = export.add_mutually_exclusive_group(required=True)
    protection.add_argument(
        "--handover-passphrase-file",
        help="protect the file with the passphrase in this file (at least 10 characters; "
        "give it to the chair by a different route from the file)",
    )
    protection.add_argument(
        "--team-key",
        action="store_true",
        help="protect the file with this workspace's sync team key, so any device in the "
        "team can import it",
    )

    imported = handover_command(
        "import",
        "Import an assessment from a handover file. Records already here are kept as they "
        "are; a later handover of the same assessment replaces the earlier one. All or "
        "nothing: a refused file changes nothing.",
    )
    imported.add_argument("--file", type=Path, required=True, help="the handover file to import")
    imported.add_argument(
        "--handover-passphrase-file",
        help="file holding the passphrase the handover file was made with (not needed for "
        "a file protected by the team key)",
    )


def handover_command(read_secret: ReadSecret) -> Handler:
    def run(args: argparse.Namespace) -> int:
        if args.handover_command == "export":
            return _export(args, read_secret)
        return _import(args, read_secret)

    return run


def _export(args: argparse.Namespace, read_secret: ReadSecret) -> int:
    from roth_desktop.assessments.handover import SUFFIX, export_handover
    from roth_desktop.reports.output import check_output_path

    # Checked before any unlock, so a typo costs no Argon2id and leaves nothing behind.
    check_output_path(args.out, SUFFIX)
    secret = None
    if args.handover_passphrase_file is not None:
        secret = read_secret(args.handover_passphrase_file, "Handover passphrase: ")
    passphrase = read_secret(args.passphrase_file, "Passphrase: ")
    with Workspace.open(args.workspace, passphrase) as workspace:
        out = export_handover(
            workspace, args.assessment, args.out, passphrase=secret, use_team_key=args.team_key
        )
    if secret is not None:
        print(f"Wrote the handover file {out}, protected by a passphrase.")
        print("Give the passphrase to the chair by a different route from the file.")
    else:
        print(f"Wrote the handover file {out}, protected by the sync team's key.")
    return 0


def _import(args: argparse.Namespace, read_secret: ReadSecret) -> int:
    from roth_desktop.assessments.handover import (
        PASSPHRASE,
        HandoverError,
        import_handover,
        read_header,
    )

    # The file is checked first: a damaged or foreign file costs no unlock.
    header = read_header(args.file)
    secret = None
    if header.protection == PASSPHRASE:
        if args.handover_passphrase_file is None and not sys.stdin.isatty():
            raise HandoverError(
                "This handover file is protected by a passphrase: give it with "
                "--handover-passphrase-file."
            )
        secret = read_secret(args.handover_passphrase_file, "Handover passphrase: ")
    passphrase = read_secret(args.passphrase_file, "Passphrase: ")
    with Workspace.open(args.workspace, passphrase) as workspace:
        result = import_handover(workspace, args.file, passphrase=secret)
    how = "Replaced the earlier handover of" if result.replaced else "Imported"
    print(
        f"{how} assessment {result.assessment_id} for {result.young_person_name} "
        f"(case {result.case_id}): {result.records} record(s) of the assessment."
    )
    if result.added:
        print(f"Added {sum(result.added.values())} record(s) it needs that were not here.")
    if result.kept:
        print(f"Kept {result.kept} record(s) already here as they were.")
    if result.removed:
        print(f"Removed {result.removed} record(s) the earlier handover had and this one has not.")
    return 0
