"""One sync: rosters, then send what changed here, then fetch and apply the team's.

Every step commits on its own, so a sync cut off at any point (the laptop shut,
the process killed) is simply finished by the next one:

1. rosters: take any newer signed roster from the target (a new member, a removed
   device, a rotated key) and publish ours if the target lacks it;
2. pack: local changes not yet sent become sealed envelopes in the outbox, and the
   "packed up to" mark moves in the same transaction;
3. push: every envelope in the outbox not yet at this target (idempotent);
4. pull: envelopes after our cursor go into the inbox;
5. apply: inbox envelopes, each device's in sequence and after what they depend
   on, each in its own transaction; a rejected one is recorded and dropped whole.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Table, or_, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from roth_desktop.errors import RothError, ValidationError
from roth_desktop.models import (
    AuditEntry,
    SyncApplied,
    SyncInbox,
    SyncOutbox,
    SyncPeer,
    SyncRejection,
)
from roth_desktop.progress import Progress, no_progress
from roth_desktop.sync import changelog, settings, team_keys
from roth_desktop.sync.device_keys import DeviceKeys, load_device_keys
from roth_desktop.sync.envelope import (
    EnvelopeHeader,
    EnvelopeRejected,
    open_envelope,
    parse_header,
    seal,
)
from roth_desktop.sync.folder_target import FolderTarget
from roth_desktop.sync.merge import (
    Change,
    ChangeRefused,
    apply_changes,
    changes_from_payload,
    deletes_in,
)
from roth_desktop.sync.roster import Roster
from roth_desktop.sync.team import current_roster, take_rosters
from roth_desktop.workspace import Workspace

CHANGES_PER_ENVELOPE = 500
DEFAULT_MASS_DELETE = 25


class Target(Protocol):
    description: str

    def publish_roster(self, roster: bytes, version: int) -> None: ...
    def rosters(self) -> list[bytes]: ...
    def push(self, device_id: str, seq: int, envelope_id: str, blob: bytes) -> None: ...
    def pull(self, cursor: str | None) -> tuple[list[bytes], str]: ...


class NotInTeam(RothError):
    pass


@dataclass(frozen=True)
class Rejected:
    envelope_id: str
    device: str
    seq: int | None
    reason: str

    def line(self) -> str:
        who = f" from device {self.device}" if self.device else ""
        number = f" (#{self.seq})" if self.seq is not None else ""
        return f"Envelope {self.envelope_id}{who}{number} was rejected: {self.reason}"


@dataclass(frozen=True)
class Held:
    envelope_id: str
    device: str
    deletes: int


@dataclass
class SyncReport:
    target: str
    sent: int = 0
    received: int = 0
    changes: int = 0
    conflicts: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    replays: int = 0  # envelopes fetched again after being applied: ignored

    def summary(self) -> str:
        parts = [
            f"Sent {self.sent} envelope(s), applied {self.received} "
            f"({self.changes} change(s)) through {self.target}."
        ]
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict(s) to resolve.")
        for held in self.held:
            parts.append(
                f"Envelope {held.envelope_id} from {held.device} deletes {held.deletes} records "
                "and is held until someone confirms it."
            )
        if self.replays:
            parts.append(f"Ignored {self.replays} envelope(s) already applied here.")
        parts.extend(self.waiting)
        return " ".join(parts)


# --- the target ------------------------------------------------------------


def open_target(spec: str, team_id: str, device_id: str, keys: DeviceKeys) -> Target:
    """``folder:PATH`` or ``https://HOST:PORT``."""
    if spec.startswith("folder:"):
        return FolderTarget(Path(spec.removeprefix("folder:")).expanduser(), team_id)
    if spec.startswith(("https://", "http://")):
        from roth_desktop.sync.http_target import HttpTarget

        return HttpTarget(spec, team_id=team_id, device_id=device_id, device_keys=keys)
    raise RothError(
        f"Sync target {spec!r} is not one ROTH Desktop knows: use folder:PATH or https://HOST:PORT."
    )


# --- packing local changes -------------------------------------------------


def _entries_table() -> Table:
    table = AuditEntry.__table__
    assert isinstance(table, Table)
    return table


def local_changes(connection: Connection, after_seq: int) -> list[tuple[int, Change]]:
    """Changes made here after ``after_seq``, as they travel (with their log positions)."""
    table = _entries_table()
    rows = connection.execute(
        select(table).where(table.c.seq > after_seq).order_by(table.c.seq)
    ).all()
    out: list[tuple[int, Change]] = []
    legacy_histories: dict[str, changelog.History] = {}
    legacy = changelog.legacy_device(connection)
    for row in rows:
        origin = row.origin or changelog.LOCAL
        if origin != changelog.LOCAL:
            continue
        changes = json.loads(row.changes)
        if row.version is None:
            # Written before sync: its version and base come from the entries before it.
            history = legacy_histories.get(row.record_id)
            if history is None:
                history = _history_before(connection, row.record_id, row.seq, legacy)
                legacy_histories[row.record_id] = history
            view = changelog.entry_view(row, legacy, history)
            changelog.fold(history, view)
            version, base = view.version, view.base
        else:
            version, base = row.version, json.loads(row.base or "{}")
        out.append(
            (
                row.seq,
                Change(
                    version=version,
                    table=row.table_name,
                    record_id=row.record_id,
                    action=row.action,
                    set=changes.get("set", {}),
                    was=changes.get("was", {}),
                    base=base,
                    actor=row.actor,
                    at=row.at,
                ),
            )
        )
    return out


def _history_before(
    connection: Connection, record_id: str, seq: int, device: str
) -> changelog.History:
    table = _entries_table()
    history = changelog.History()
    for row in connection.execute(
        select(table).where(table.c.record_id == record_id, table.c.seq < seq).order_by(table.c.seq)
    ):
        changelog.fold(history, changelog.entry_view(row, device, history))
    return history


def _batches(changes: list[Change]) -> list[list[Change]]:
    """Envelope-sized batches that never split a run of deletes.

    The mass-delete hold counts the deletes in one envelope; a run of deletions cut
    in two could slip under it in halves.
    """
    batches: list[list[Change]] = []
    current: list[Change] = []
    for change in changes:
        splitting_deletes = change.action == "delete" and current and current[-1].action == "delete"
        if len(current) >= CHANGES_PER_ENVELOPE and not splitting_deletes:
            batches.append(current)
            current = []
        current.append(change)
    if current:
        batches.append(current)
    return batches


def _applied(session: Session) -> dict[str, int]:
    return {p.device_id: p.applied_seq for p in session.scalars(select(SyncPeer))}


def pack(session: Session, team_id: str, device: str, keys: DeviceKeys) -> int:
    """Seal local changes not yet sent into outbox envelopes; returns how many."""
    connection = session.connection()
    after = int(settings.get(session, settings.LAST_PACKED_SEQ, "0") or 0)
    pending = local_changes(connection, after)
    if not pending:
        return 0
    epoch = team_keys.current_epoch(session)
    key = team_keys.team_keys(session)[epoch]
    seq = int(settings.get(session, settings.DEVICE_SEQ, "0") or 0)
    deps = _applied(session)
    made = 0
    for batch in _batches([change for _, change in pending]):
        seq += 1
        header = EnvelopeHeader.create(
            team_id=team_id,
            key_epoch=epoch,
            device_id=device,
            seq=seq,
            deps=deps,
            record_ids=[c.address for c in batch],
        )
        payload = json.dumps(
            {"changes": [c.as_json() for c in batch]}, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        blob = seal(header, payload, key, keys.signing)
        session.add(SyncOutbox(envelope_id=header.envelope_id, seq=seq, blob=blob))
        made += 1
    settings.put(session, settings.DEVICE_SEQ, str(seq))
    settings.put(session, settings.LAST_PACKED_SEQ, str(pending[-1][0]))
    return made


# --- receiving -------------------------------------------------------------


def _reject(session: Session, rejected: Rejected) -> None:
    session.add(
        SyncRejection(
            envelope_id=rejected.envelope_id,
            device_id=rejected.device or None,
            seq=rejected.seq,
            reason=rejected.reason,
        )
    )


def take_into_inbox(
    session: Session, blobs: Iterable[bytes], device: str, report: SyncReport
) -> None:
    """File fetched envelopes to apply; ones with no readable header are rejected now.

    An envelope already applied here, byte for byte, is ignored and counted: the
    target may hand it over again (a new cursor, a folder copied back), and a
    replay of it could change nothing anyway.
    """
    known = set(session.scalars(select(SyncInbox.envelope_id)))
    applied = {a.envelope_id: a.digest for a in session.scalars(select(SyncApplied))}
    for blob in blobs:
        try:
            header = parse_header(blob)
        except EnvelopeRejected as error:
            item = Rejected(error.envelope_id or "(unreadable)", "", None, error.reason)
            _reject(session, item)
            report.rejected.append(item)
            continue
        if header.device_id == device or header.envelope_id in known:
            continue
        if header.envelope_id in applied:
            if applied[header.envelope_id] == _digest(blob):
                report.replays += 1
            else:
                item = Rejected(
                    header.envelope_id,
                    header.device_id,
                    header.seq,
                    "an envelope with this id was applied before with different contents",
                )
                _reject(session, item)
                report.rejected.append(item)
            continue
        known.add(header.envelope_id)
        session.add(
            SyncInbox(
                envelope_id=header.envelope_id,
                device_id=header.device_id,
                seq=header.seq,
                blob=blob,
            )
        )


def _digest(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def _name(roster: Roster, device_id: str) -> str:
    member = roster.member(device_id)
    return f"{member.name} ({device_id[:8]})" if member else device_id


def _note(report: SyncReport, line: str) -> None:
    if line not in report.waiting:
        report.waiting.append(line)


def _deps_met(header: EnvelopeHeader, applied: dict[str, int], me: str, roster: Roster) -> bool:
    """Whether everything the sender had applied when it sealed this is here too.

    A removed device's envelopes are refused, so waiting for them would stall the
    team for ever: what depended on them is applied without them.
    """
    return all(
        dev == me or applied.get(dev, 0) >= seq or not roster.active(dev)
        for dev, seq in header.deps.items()
    )


def apply_inbox(
    workspace: Workspace,
    report: SyncReport,
    confirm: Sequence[str] = (),
    progress: Progress = no_progress,
) -> None:
    """Apply whatever the inbox holds that can be applied, until nothing more can."""
    while True:
        progressed = False
        with workspace.session() as session:
            device = _device(session)
            roster = current_roster(session)
            team_id = _team(session)
            applied = _applied(session)
            threshold = int(
                settings.get(session, settings.MASS_DELETE_THRESHOLD, str(DEFAULT_MASS_DELETE))
                or DEFAULT_MASS_DELETE
            )
            rows = session.scalars(select(SyncInbox).order_by(SyncInbox.device_id, SyncInbox.seq))
            candidates = [(r.envelope_id, r.device_id, r.seq) for r in rows]
        total = max(len(candidates), 1)
        for done, (envelope_id, sender, seq) in enumerate(candidates):
            progress(60 + 35 * done // total, "Applying the team's changes")
            outcome = _apply_envelope(
                workspace, envelope_id, sender, seq, applied, roster, team_id, device,
                threshold, envelope_id in confirm, report,
            )  # fmt: skip
            if outcome:
                applied[sender] = seq
                progressed = True
        if not progressed:
            break
    with workspace.session() as session:
        applied = _applied(session)
        for row in session.scalars(select(SyncInbox).order_by(SyncInbox.device_id, SyncInbox.seq)):
            if row.held_reason and not row.confirmed:
                continue
            if row.seq > applied.get(row.device_id, 0) + 1:
                report.waiting.append(
                    f"Envelope {row.seq} from device {row.device_id[:8]} waits for "
                    f"envelope {applied.get(row.device_id, 0) + 1}, not yet arrived."
                )
            else:
                report.waiting.append(
                    f"Envelope {row.seq} from device {row.device_id[:8]} waits for changes "
                    "from another device that have not arrived yet."
                )


def _apply_envelope(
    workspace: Workspace,
    envelope_id: str,
    sender: str,
    seq: int,
    applied: dict[str, int],
    roster: Roster,
    team_id: str,
    me: str,
    threshold: int,
    confirmed_now: bool,
    report: SyncReport,
) -> bool:
    """Apply one inbox envelope if its turn has come. True when it was applied."""
    last = applied.get(sender, 0)
    if seq > last + 1:
        return False  # out of sequence: wait for the one before it
    rejection: Rejected | None = None
    try:
        with workspace.session() as session:
            row = session.get(SyncInbox, envelope_id)
            if row is None:
                return False
            blob = bytes(row.blob)
            if seq <= last:
                raise EnvelopeRejected(
                    f"number {seq} from this device was already applied, so this is a "
                    "replay or a forgery",
                    envelope_id=envelope_id, device_id=sender, seq=seq,
                )  # fmt: skip
            keys = team_keys.team_keys(session)
            early = parse_header(blob)
            if early.team_id == team_id and (
                roster.member(early.device_id) is None or early.key_epoch not in keys
            ):
                # A roster naming a new device, or a rotated key, can reach a shared
                # folder after the envelopes that need it: wait for it, do not refuse.
                _note(
                    report,
                    f"Envelope {envelope_id} waits for a team roster or key this device "
                    "does not have yet.",
                )
                return False
            header, payload = open_envelope(blob, team_id=team_id, roster=roster, team_keys=keys)
            if header.envelope_id != envelope_id or header.seq != seq:
                raise EnvelopeRejected("its header does not match where it was filed")
            if not _deps_met(header, applied, me, roster):
                return False
            changes = changes_from_payload(payload)
            addresses = tuple(sorted({c.address for c in changes}))
            if addresses != header.record_ids:
                raise EnvelopeRejected("its changes touch records its header does not name")
            deletes = deletes_in(changes)
            if deletes > threshold and not (row.confirmed or confirmed_now):
                if row.held_reason is None:
                    row.held_reason = f"It deletes {deletes} records."
                if all(h.envelope_id != envelope_id for h in report.held):
                    report.held.append(Held(envelope_id, _name(roster, sender), deletes))
                return False
            result = apply_changes(session.connection(), changes)
            peer = session.get(SyncPeer, sender)
            if peer is None:
                session.add(
                    SyncPeer(device_id=sender, applied_seq=seq, last_envelope_id=envelope_id)
                )
            else:
                peer.applied_seq = seq
                peer.last_envelope_id = envelope_id
            session.add(
                SyncApplied(
                    envelope_id=envelope_id, device_id=sender, seq=seq, digest=_digest(blob)
                )
            )
            session.delete(row)
            report.received += 1
            report.changes += result.changes
            return True
    except (EnvelopeRejected, ChangeRefused) as error:
        reason = error.reason if isinstance(error, EnvelopeRejected) else str(error)
        rejection = Rejected(envelope_id, _name(roster, sender), seq, reason)
    except (ValidationError, ValueError, TypeError, KeyError, StatementError):
        # Left in the inbox it would stop every later sync at the same place.
        rejection = Rejected(
            envelope_id,
            _name(roster, sender),
            seq,
            "it could not be applied here: it adds a record that clashes with one already "
            "here, or holds a value this version cannot read",
        )
    # Nothing from it was applied (the transaction rolled back); drop it and say why.
    with workspace.session() as session:
        row = session.get(SyncInbox, envelope_id)
        if row is not None:
            session.delete(row)
        _reject(session, rejection)
    report.rejected.append(rejection)
    return False


# --- one whole sync --------------------------------------------------------


def _device(session: Session) -> str:
    return changelog.device_id(session.connection())


def _team(session: Session) -> str:
    team = settings.get(session, settings.TEAM_ID)
    if team is None:
        raise NotInTeam(
            "This workspace is not in a sync team yet: create one with "
            "'roth-desktop team create', or enrol it with 'roth-desktop team enrol'."
        )
    return team


def sync(
    workspace: Workspace,
    target: str | None = None,
    progress: Progress = no_progress,
    confirm: Sequence[str] = (),
) -> SyncReport:
    """Sync the workspace with a target (the one last used when none is given)."""
    progress(0, "Checking the team")
    with workspace.session() as session:
        team_id = _team(session)
        device = _device(session)
        spec = target or settings.get(session, settings.TARGET)
        if not spec:
            raise RothError("No sync target is set: give one, for example folder:PATH.")
        keys = load_device_keys(session, workspace.workspace_id, device)
    where = open_target(spec, team_id, device, keys)
    if target:  # remembered only once it is known to be a target at all
        with workspace.session() as session:
            settings.put(session, settings.TARGET, target)
    report = SyncReport(where.description)
    with workspace.session() as session:
        for problem in take_rosters(session, where.rosters()):
            _note(report, problem)
        for version, body in _roster_bodies(session):
            where.publish_roster(body, version)
    progress(10, "Sealing this device's changes")
    with workspace.session() as session:
        pack(session, team_id, device, keys)
    with workspace.session() as session:
        unpushed = [
            (o.envelope_id, o.seq, bytes(o.blob))
            for o in session.scalars(
                select(SyncOutbox)
                # A new target gets every envelope: pushing is idempotent, and a
                # device switching from a folder to a server must not leave a gap.
                .where(
                    or_(SyncOutbox.pushed_to.is_(None), SyncOutbox.pushed_to != where.description)
                )
                .order_by(SyncOutbox.seq)
            )
        ]
    for done, (envelope_id, seq, blob) in enumerate(unpushed):
        progress(20 + 20 * done // max(len(unpushed), 1), "Sending")
        where.push(device, seq, envelope_id, blob)
        with workspace.session() as session:
            row = session.get(SyncOutbox, envelope_id)
            assert row is not None
            row.pushed_to = where.description
        report.sent += 1
    progress(45, "Fetching the team's changes")
    cursor_key = f"cursor:{where.description}"
    with workspace.session() as session:
        cursor = settings.get(session, cursor_key)
    blobs, cursor = where.pull(cursor)
    with workspace.session() as session:
        take_into_inbox(session, blobs, device, report)
        settings.put(session, cursor_key, cursor)
    apply_inbox(workspace, report, confirm, progress)
    for name in getattr(where, "incomplete", []):
        report.waiting.append(f"{name} is still being copied into the folder; skipped for now.")
    with workspace.session() as session:
        settings.put(session, settings.LAST_SYNC, datetime.now(UTC).isoformat())
        from roth_desktop.sync.conflicts import count

        report.conflicts = count(session)
    progress(100, "Done")
    return report


def _roster_bodies(session: Session) -> list[tuple[int, bytes]]:
    from roth_desktop.models import SyncRoster

    return [
        (r.version, r.body.encode("utf-8"))
        for r in session.scalars(select(SyncRoster).order_by(SyncRoster.version))
    ]
