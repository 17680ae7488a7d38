"""Harm: what has already happened kept apart from what is likely."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roth_desktop.models.base import enum_type
from roth_desktop.models.conference_part import Restrictable, SharedPart
from roth_desktop.models.enums import HarmTiming


class HarmEntry(Restrictable, SharedPart):
    __tablename__ = "harm_entry"

    harm_type: Mapped[str] = mapped_column(String(40))  # the content pack's key
    timing: Mapped[HarmTiming] = mapped_column(enum_type(HarmTiming))
    description: Mapped[str] = mapped_column(Text, default="")

    def problems(self) -> dict[str, str]:
        if not (self.harm_type or "").strip():
            return {"harm_type": "Choose the type of harm."}
        return {}
