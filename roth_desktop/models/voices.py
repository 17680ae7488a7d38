"""The young person as a person, and the family's own words, kept as they said them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roth_desktop.models.base import enum_type, local_now
from roth_desktop.models.conference_part import SharedPart
from roth_desktop.models.enums import ProfileKind, VoiceChannel, VoiceKind, VoiceSpeaker
from roth_desktop.validation import today

if TYPE_CHECKING:
    from roth_desktop.models.people import FamilyMember


class ProfileItem(SharedPart):
    """One thing in the picture of the young person: a strength, an interest..."""

    __tablename__ = "profile_item"

    kind: Mapped[ProfileKind] = mapped_column(enum_type(ProfileKind))
    text: Mapped[str] = mapped_column(Text)
    said_by: Mapped[str] = mapped_column(String(200), default="")

    def problems(self) -> dict[str, str]:
        if not (self.text or "").strip():
            return {"text": "Write something about them."}
        return {}


class Voice(SharedPart):
    """Words of the young person or family, verbatim, attributed to who said them."""

    __tablename__ = "voice"

    speaker: Mapped[VoiceSpeaker] = mapped_column(enum_type(VoiceSpeaker))
    # Which parent or carer: each keeps their own voice, not "the parents".
    family_member_id: Mapped[str | None] = mapped_column(ForeignKey("family_member.id"))
    channel: Mapped[VoiceChannel] = mapped_column(
        enum_type(VoiceChannel), default=VoiceChannel.IN_PERSON
    )
    kind: Mapped[VoiceKind] = mapped_column(enum_type(VoiceKind), default=VoiceKind.VIEW)
    words: Mapped[str] = mapped_column(Text)
    relayed_by: Mapped[str] = mapped_column(String(200), default="")
    step_key: Mapped[str] = mapped_column(String(40), default="")
    said_at: Mapped[datetime] = mapped_column(DateTime, default=local_now)
    # A family correction sits beside what it corrects: a section of the assessment
    # ("analysis") or the id of the item. Kept apart, never written over the worker's text.
    about: Mapped[str] = mapped_column(String(80), default="", server_default="")

    family_member: Mapped[FamilyMember | None] = relationship()

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if not (self.words or "").strip():
            found["words"] = "Write their words, as they said them."
        if (
            self.channel in (VoiceChannel.ADVOCATE, VoiceChannel.WORKER)
            and not (self.relayed_by or "").strip()
        ):
            found["relayed_by"] = "Say who passed these words on."
        if self.speaker == VoiceSpeaker.YOUNG_PERSON and self.family_member_id:
            found["family_member_id"] = "The young person's own words are not a parent's."
        if self.said_at is not None and self.said_at.date() > today():
            found["said_at"] = "Words can only be recorded once they have been said."
        return found

    @property
    def corrects_something(self) -> bool:
        """A family correction, recorded beside the section or item it is ``about``."""
        return bool(self.about)

    def attribution(self) -> str:
        if self.speaker == VoiceSpeaker.YOUNG_PERSON:
            who = "Young person"
        elif self.family_member is not None:
            who = f"{self.family_member.name} ({self.family_member.relationship_to_young_person})"
        else:
            who = self.speaker.label
        if self.channel in (VoiceChannel.ADVOCATE, VoiceChannel.WORKER):
            return f"{who}, through {self.relayed_by}"
        if self.channel != VoiceChannel.IN_PERSON:
            return f"{who}, {self.channel.label.lower()}"
        return who
