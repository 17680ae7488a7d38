"""What a workspace keeps to sync: its device and team, envelopes in and out, conflicts.

None of these are :class:`Record` rows: they are not things a person edits, so
they are not audited or synced themselves. They live inside the encrypted
workspace like everything else, so team keys and (where no OS keyring exists)
device private keys are never on disk in plain text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roth_desktop.models.base import Base, utcnow


class SyncSetting(Base):
    """Small named values: this device's id, the team, the target, the last sync."""

    __tablename__ = "sync_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncSecret(Base):
    """Key material: team keys by epoch, and device keys when no OS keyring is trusted."""

    __tablename__ = "sync_secret"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary)


class SyncRoster(Base):
    """Every version of the team's signed roster this device has accepted, in order."""

    __tablename__ = "sync_roster"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)  # the signed roster, as published


class SyncPeer(Base):
    """How far each other device's stream of envelopes has been applied here."""

    __tablename__ = "sync_peer"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    applied_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_envelope_id: Mapped[str | None] = mapped_column(String(36))


class SyncApplied(Base):
    """Every envelope applied here, so one fetched again is known for what it is."""

    __tablename__ = "sync_applied"

    envelope_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the envelope's bytes


class SyncInbox(Base):
    """Envelopes fetched but not yet applied: waiting for an earlier one, or held."""

    __tablename__ = "sync_inbox"

    envelope_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Set when a person must confirm it first (a batch deleting many records).
    held_reason: Mapped[str | None] = mapped_column(Text)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncOutbox(Base):
    """Envelopes this device has sealed; kept so a push cut off half-way is repeated."""

    __tablename__ = "sync_outbox"

    envelope_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    # Pushed to the target named here (an envelope is pushed once per target).
    pushed_to: Mapped[str | None] = mapped_column(Text)


class SyncRejection(Base):
    """An envelope refused whole, and why, for the person who runs the sync to see."""

    __tablename__ = "sync_rejection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    envelope_id: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str | None] = mapped_column(String(36))
    seq: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncConflict(Base):
    """Two or more values for one field (or an edit to a deleted record), for a person.

    ``id`` is a hash of what conflicted, so every device that meets the same
    conflict files it under the same id whatever order changes arrived in.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))  # "" for a conflict about the whole record
    kind: Mapped[str] = mapped_column(String(20))  # field | deleted_edited | added_to_deleted
    heads: Mapped[str] = mapped_column(Text)  # JSON list of {version, value, actor, at}
    base: Mapped[str] = mapped_column(Text)  # JSON: the value both sides started from
    found_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
