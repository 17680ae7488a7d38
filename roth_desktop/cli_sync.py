"""Sync on the command line: the team, the sync itself, and conflicts.

roth-desktop sync  --workspace DIR --passphrase-file F [--target folder:PATH | https://HOST:PORT]
                   [--confirm-deletes ENVELOPE_ID ...]
roth-desktop team create        --workspace DIR --passphrase-file F --name TEAM
                                --device-name NAME [--target T]
roth-desktop team invite        --workspace DIR --passphrase-file F --device-name NAME
                                --out FILE.rothenrol
roth-desktop team enrol         --workspace DIR --passphrase-file F --file FILE.rothenrol
                                [--code-file C]
roth-desktop team remove-device --workspace DIR --passphrase-file F --device ID
roth-desktop team show          --workspace DIR --passphrase-file F
roth-desktop conflicts          --workspace DIR --passphrase-file F [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from roth_desktop.atomic_files import write_atomic
from roth_desktop.errors import RothError
from roth_desktop.workspace import Workspace

# The sync modules (cryptography, the merge, the HTTP client) are imported by the
# commands that use them, so every other command, and the app, starts without them.

Handler = Callable[[argparse.Namespace], int]
ReadSecret = Callable[[str | None, str], str]


def add_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    command: Callable[..., argparse.ArgumentParser],
) -> None:
    sync = command(
        "sync",
        "Send this workspace's changes to the team and apply theirs, through a shared "
        "folder or the team's sync server.",
    )
    sync.add_argument(
        "--target",
        help="folder:PATH or https://HOST:PORT (default: the one used last, or set at enrolment)",
    )
    sync.add_argument(
        "--confirm-deletes",
        nargs="+",
        default=[],
        metavar="ENVELOPE_ID",
        help="apply these held envelopes even though they delete many records",
    )
    listed = command("conflicts", "List conflicts waiting for a person to resolve them.")
    listed.add_argument("--json", action="store_true", help="print JSON")

    team_parser = sub.add_parser(
        "team",
        help="Create a sync team, invite and enrol devices, remove a device.",
        description="Create a sync team, invite and enrol devices, remove a device.",
        allow_abbrev=False,
    )
    kinds = team_parser.add_subparsers(dest="team_command", required=True)

    def team_command(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = kinds.add_parser(
            name, help=help_text, description=help_text, allow_abbrev=False
        )
        p.add_argument("--workspace", type=Path, required=True, help="the workspace folder")
        p.add_argument("--passphrase-file", help="file holding the passphrase, or - for stdin")
        return p

    create = team_command(
        "create", "Make a new team with this workspace as its first admin device."
    )
    create.add_argument("--name", required=True, help="the team's name, e.g. 'Fernleigh ROTH'")
    create.add_argument("--device-name", required=True, help="this device's name in the team")
    create.add_argument("--target", help="where the team syncs: folder:PATH or https://HOST:PORT")
    invite = team_command(
        "invite",
        "Write an enrolment file for a new device and print its one-time code "
        "(give the two to the new device's user by different routes).",
    )
    invite.add_argument("--device-name", required=True, help="the new device's name")
    invite.add_argument("--out", type=Path, required=True, help="the enrolment file to write")
    enrol = team_command("enrol", "Join a team with an enrolment file and its one-time code.")
    enrol.add_argument("--file", type=Path, required=True, help="the enrolment file")
    enrol.add_argument("--code-file", help="file holding the one-time code (else a prompt)")
    remove = team_command(
        "remove-device",
        "Remove a device from the team and rotate the team key, so it cannot read "
        "anything synced after this.",
    )
    remove.add_argument("--device", required=True, help="the device id (or its first letters)")
    team_command("show", "Show the team, its devices and this device's sync state.")


def _open(args: argparse.Namespace, read_secret: ReadSecret) -> Workspace:
    return Workspace.open(args.workspace, read_secret(args.passphrase_file, "Passphrase: "))


def sync_command(read_secret: ReadSecret) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from roth_desktop.sync import engine

        with _open(args, read_secret) as workspace:
            report = engine.sync(workspace, args.target, confirm=args.confirm_deletes)
        print(report.summary())
        if report.rejected:
            more = len(report.rejected) - 1
            tail = f" (and {more} more; see 'roth-desktop sync' in the app)" if more else ""
            print(f"roth-desktop: {report.rejected[0].line()}{tail}", file=sys.stderr)
            return 3
        return 0

    return run


def conflicts_command(read_secret: ReadSecret) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from roth_desktop.sync import conflicts

        with _open(args, read_secret) as workspace, workspace.session() as session:
            found = conflicts.list_conflicts(session)
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "id": c.id,
                            "table": c.table_name,
                            "record_id": c.record_id,
                            "field": c.field,
                            "kind": c.kind,
                            "versions": [
                                {"version": v.version, "by": v.actor, "at": v.at}
                                for v in c.versions
                            ],
                        }
                        for c in found
                    ],
                    indent=2,
                )
            )
            return 0
        if not found:
            print("No conflicts.")
        for c in found:
            what = c.field or "the whole record (deleted on one device, changed on another)"
            people = ", ".join(sorted({v.actor for v in c.versions}))
            print(f"{c.id[:12]}  {c.table_name} {c.record_id[:8]}  {what}  ({people})")
        return 0

    return run


def team_command(read_secret: ReadSecret) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from roth_desktop.sync import team
        from roth_desktop.sync.enrolment import new_code

        passphrase = read_secret(args.passphrase_file, "Passphrase: ")
        code = None
        if args.team_command == "enrol":
            code = read_secret(args.code_file, "One-time code: ")
            data = _read(args.file)
        with Workspace.open(args.workspace, passphrase) as workspace:
            wid = workspace.workspace_id
            with workspace.session() as session:
                if args.team_command == "create":
                    roster = team.create_team(
                        session, wid, args.name, args.device_name, args.target
                    )
                    print(f"Created team {roster.team_name!r} ({roster.team_id}).")
                elif args.team_command == "invite":
                    code = new_code()
                    device, invitation = team.invite(session, wid, args.device_name, code)
                elif args.team_command == "enrol":
                    assert code is not None
                    enrolment = team.enrol(session, wid, data, code)
                    print(
                        f"Enrolled as {enrolment.device_name!r} in team "
                        f"{enrolment.roster.team_name!r}. Run 'roth-desktop sync' to fetch "
                        "the team's records. Delete the enrolment file now: it holds this "
                        "device's keys."
                    )
                elif args.team_command == "remove-device":
                    roster = team.remove_device(session, wid, args.device)
                    print(
                        f"Removed. The team key is now at epoch {roster.key_epoch}; "
                        "the next sync tells the other devices."
                    )
                else:
                    _show(session)
        if args.team_command == "invite":
            # Only once the roster naming the device is saved: a file for a device the
            # team never recorded would enrol it into nothing.
            write_atomic(args.out, invitation)
            print(f"Wrote the enrolment file for {args.device_name!r} ({device}).")
            print(f"One-time code: {code}")
            print("Give the file and the code to its user by different routes.")
        return 0

    return run


def _show(session: object) -> None:
    from sqlalchemy.orm import Session

    from roth_desktop.sync import settings, team

    assert isinstance(session, Session)
    if not team.in_team(session):
        print("Not in a sync team.")
        return
    roster = team.current_roster(session)
    me = settings.get(session, settings.DEVICE_ID)
    print(f"Team: {roster.team_name} ({roster.team_id}), roster v{roster.version}, "
          f"key epoch {roster.key_epoch}")  # fmt: skip
    print(f"Target: {settings.get(session, settings.TARGET) or '(none set)'}")
    for m in roster.members:
        marks = [w for w, on in (("admin", m.admin), ("removed", m.removed), ("this device", m.device_id == me)) if on]  # fmt: skip  # noqa: E501
        print(f"  {m.device_id}  {m.name}" + (f"  [{', '.join(marks)}]" if marks else ""))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RothError(f"Cannot read {path} ({exc.strerror}).") from None
