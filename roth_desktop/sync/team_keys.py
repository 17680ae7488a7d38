"""Team keys by epoch, kept inside the encrypted workspace.

Every epoch's key is kept, not just the newest: envelopes sealed before a key
rotation still arrive afterwards (a laptop that was offline for a week), and a
device enrolled later must be able to read the team's history.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.errors import TeamKeyError
from roth_desktop.models import SyncSecret
from roth_desktop.sync import settings

TEAM_KEY_BYTES = 32
_PREFIX = "team_key:"


def save_team_key(session: Session, epoch: int, key: bytes) -> None:
    if epoch < 1:
        raise ValueError("key epochs start at 1")
    if len(key) != TEAM_KEY_BYTES:
        raise ValueError("a team key is 32 bytes")
    settings.put_secret(session, f"{_PREFIX}{epoch}", bytes(key))


def team_keys(session: Session) -> dict[int, bytes]:
    """Every team key this workspace holds, by epoch."""
    rows = session.scalars(select(SyncSecret).where(SyncSecret.key.startswith(_PREFIX)))
    found: dict[int, bytes] = {}
    for row in rows:
        suffix = row.key[len(_PREFIX) :]
        if suffix.isdigit():
            found[int(suffix)] = bytes(row.value)
    return found


def current_team_key(session: Session) -> tuple[int, bytes]:
    """The newest epoch held and its key: what this device seals its envelopes under."""
    held = team_keys(session)
    if not held:
        raise TeamKeyError(
            "This workspace holds no team key yet; create a team or enrol this device first."
        )
    epoch = max(held)
    return epoch, held[epoch]


def current_epoch(session: Session) -> int:
    return current_team_key(session)[0]
