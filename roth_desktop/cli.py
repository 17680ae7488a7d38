"""The command line: for admins, batch work and automated checks.

    roth-desktop create   --workspace DIR --passphrase-file F [--recovery-public-key PEM]
    roth-desktop demo     --workspace DIR --passphrase-file F
    roth-desktop list     --workspace DIR --passphrase-file F [--json]
    roth-desktop check    --workspace DIR --passphrase-file F
    roth-desktop migrate  --workspace DIR --passphrase-file F
    roth-desktop change-passphrase --workspace DIR --passphrase-file F --new-passphrase-file G
    roth-desktop recover  --workspace DIR --recovery-key-file PEM --new-passphrase-file G

A passphrase never comes from argv (it would sit in shell history and the
process table): it is read from a file, from standard input with ``-``, or
from a prompt. Every failure is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from roth_desktop import __version__
from roth_desktop.crash_report import write_crash_report
from roth_desktop.errors import PassphraseError, RothError
from roth_desktop.integrity import check_workspace
from roth_desktop.keyfile import load_recovery_public_key
from roth_desktop.queries import listing
from roth_desktop.schema_migrations import head_revision
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
    return parser


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


HANDLERS = {
    "create": _create,
    "recover": _recover,
    "demo": _demo,
    "list": _list,
    "check": _check,
    "migrate": _migrate,
    "change-passphrase": _change_passphrase,
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
    if args.command is None:
        print(
            f"{PROG}: the app needs the 'ui' package; use '{PROG} --help' for commands",
            file=sys.stderr,
        )
        return 2
    return run_command(args)
