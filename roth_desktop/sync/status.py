"""What the status bar says about sync: last sync, changes waiting, conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from roth_desktop.models import AuditEntry, SyncConflict, SyncInbox, SyncOutbox, SyncRejection
from roth_desktop.sync import settings


@dataclass(frozen=True)
class SyncStatus:
    in_team: bool
    team_name: str | None
    device_name: str | None
    target: str | None
    last_sync: datetime | None  # UTC
    pending_changes: int  # made here and not yet sent
    conflicts: int
    held: int  # envelopes waiting for a person to confirm (many deletions)
    last_problem: str | None  # the newest rejection, for the status bar's tooltip


def unsent_changes(session: Session) -> int:
    packed = int(settings.get(session, settings.LAST_PACKED_SEQ, "0") or 0)
    local = or_(AuditEntry.origin.is_(None), AuditEntry.origin == "local")
    entries = session.scalar(
        select(func.count()).select_from(AuditEntry).where(AuditEntry.seq > packed, local)
    )
    return int(entries or 0)


def sync_status(session: Session) -> SyncStatus:
    team = settings.get(session, settings.TEAM_ID)
    last = settings.get(session, settings.LAST_SYNC)
    unpushed = session.scalar(
        select(func.count()).select_from(SyncOutbox).where(SyncOutbox.pushed_to.is_(None))
    )
    conflicts = session.scalar(select(func.count()).select_from(SyncConflict))
    held = session.scalar(
        select(func.count())
        .select_from(SyncInbox)
        .where(SyncInbox.held_reason.is_not(None), SyncInbox.confirmed.is_(False))
    )
    problem = session.scalar(select(SyncRejection.reason).order_by(SyncRejection.id.desc()))
    return SyncStatus(
        in_team=team is not None,
        team_name=settings.get(session, settings.TEAM_NAME),
        device_name=settings.get(session, settings.DEVICE_NAME),
        target=settings.get(session, settings.TARGET),
        last_sync=datetime.fromisoformat(last) if last else None,
        pending_changes=unsent_changes(session) + int(unpushed or 0),
        conflicts=int(conflicts or 0),
        held=int(held or 0),
        last_problem=problem,
    )
