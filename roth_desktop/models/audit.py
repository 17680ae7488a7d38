"""The audit trail: one row per change, append-only and hash-chained."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roth_desktop.models.base import Base

GENESIS_HASH = "0" * 64


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, kept as text so hashes are stable
    actor: Mapped[str] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(10))  # create | update | delete
    changes: Mapped[str] = mapped_column(Text)  # canonical JSON {"set": {...}, "was": {...}}
    # Unique, so two writers can never fork the chain from the same parent.
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Sync (all empty on entries written before sync existed; see sync/changelog.py).
    # The hybrid-logical-clock version of this change: "<ms>-<counter>-<device>".
    version: Mapped[str | None] = mapped_column(String(80), index=True)
    device_id: Mapped[str | None] = mapped_column(String(36))
    # JSON {field: [versions this change replaced]}: the three-way merge's base.
    base: Mapped[str | None] = mapped_column(Text)
    # local: made here; remote: applied from another device; derived: a consequence
    # every device computes the same way (a child removed with its deleted parent).
    origin: Mapped[str | None] = mapped_column(String(10))
