"""Named sync values and secrets kept inside the encrypted workspace."""

from __future__ import annotations

from sqlalchemy.orm import Session

from roth_desktop.models import SyncSecret, SyncSetting

DEVICE_ID = "device_id"
LEGACY_DEVICE_ID = "legacy_device_id"
DEVICE_NAME = "device_name"
TEAM_ID = "team_id"
TEAM_NAME = "team_name"
TARGET = "target"
LAST_SYNC = "last_sync"
LAST_PACKED_SEQ = "last_packed_seq"
DEVICE_SEQ = "device_seq"
MASS_DELETE_THRESHOLD = "mass_delete_threshold"


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(SyncSetting, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(SyncSetting, key)
    if row is None:
        session.add(SyncSetting(key=key, value=value))
    else:
        row.value = value


def get_secret(session: Session, key: str) -> bytes | None:
    row = session.get(SyncSecret, key)
    return bytes(row.value) if row is not None else None


def put_secret(session: Session, key: str, value: bytes) -> None:
    row = session.get(SyncSecret, key)
    if row is None:
        session.add(SyncSecret(key=key, value=value))
    else:
        row.value = value
