"""The chair's running minutes, timestamped, one entry per note."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roth_desktop.models.base import local_now
from roth_desktop.models.conference_part import ConferencePart, Restrictable


class MinuteEntry(Restrictable, ConferencePart):
    __tablename__ = "minute_entry"

    step_key: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    text: Mapped[str] = mapped_column(Text, default="")
