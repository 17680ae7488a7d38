"""Sharing an assessment with the family, and their corrections, kept as theirs.

Families see the assessment before the conference and can correct it. What they
were shown is stored with the sharing (``AssessmentShare.shown``), so editing the
assessment afterwards never changes it; a correction is a voice of its own beside
the worker's text, never an edit of that text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.edits import RecordGone
from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    Assessment,
    AssessmentShare,
    FamilyMember,
    SharedPart,
    Voice,
    VoiceChannel,
    VoiceKind,
    VoiceSpeaker,
)
from roth_desktop.models.base import local_now
from roth_desktop.validation import today

# The parts of the worker's own writing a correction can sit beside.
SECTIONS = ("analysis", "explanations", "working_well", "recommendation")


def family_version(session: Session, assessment_id: str, language: str = "en") -> dict[str, Any]:
    """The family's version, as plain data: what a sharing keeps as shown."""
    # Imported here: the report reads sharing history from this module.
    from roth_desktop.reports.assessment_record import build_assessment_record
    from roth_desktop.reports.audience import Audience

    record = build_assessment_record(session, assessment_id, Audience.FAMILY, language)
    return record.to_plain()


def _assessment(session: Session, assessment_id: str) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise RecordGone(f"assessment {assessment_id} no longer exists")
    return assessment


def share_with_family(
    session: Session,
    assessment_id: str,
    shared_on: date | None = None,
    shared_with: str = "",
    how: str = "",
    family_response: str = "",
    language: str = "en",
) -> AssessmentShare:
    """Record that the family saw the assessment, keeping the family version as shown,
    in the language they read it in (``en`` or ``cy``)."""
    _assessment(session, assessment_id)
    share = AssessmentShare(
        assessment_id=assessment_id,
        shared_on=shared_on or today(),
        shared_with=shared_with.strip(),
        how=how.strip(),
        family_response=family_response,
        shown=family_version(session, assessment_id, language),
    )
    session.add(share)
    session.flush()
    return share


def last_share(session: Session, assessment_id: str) -> AssessmentShare | None:
    return session.scalar(
        select(AssessmentShare)
        .where(AssessmentShare.assessment_id == assessment_id)
        .order_by(AssessmentShare.shared_on.desc(), AssessmentShare.created_at.desc())
        .limit(1)
    )


# The family's own corrections are theirs, not a change by the worker to what they saw.
_NOT_THE_WORKERS = ("corrections",)


def _workers_part(version: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in version.items() if k not in _NOT_THE_WORKERS}


def changed_since_shared(session: Session, assessment_id: str) -> bool:
    """Whether the worker has changed the family version since the family last saw it.

    Compared in the language they were shown it in. A sharing recorded without what
    was shown cannot be compared, so it counts as changed: better to share again.
    """
    share = last_share(session, assessment_id)
    if share is None:
        return False
    shown = share.shown if isinstance(share.shown, dict) else {}
    if not shown:
        return True
    language = shown.get("language") if shown.get("language") in ("en", "cy") else "en"
    now = family_version(session, assessment_id, str(language))
    return _workers_part(now) != _workers_part(shown)


def _about_is_known(session: Session, assessment_id: str, about: str) -> bool:
    if about in SECTIONS:
        return True
    from roth_desktop.models import RECORD_TYPES

    for cls in RECORD_TYPES.values():
        if issubclass(cls, SharedPart):
            row = session.get(cls, about)
            if row is not None and row.assessment_id == assessment_id:
                return True
    return False


def record_correction(
    session: Session,
    assessment_id: str,
    about: str,
    words: str,
    family_member_id: str | None = None,
    said_at: datetime | None = None,
    channel: VoiceChannel = VoiceChannel.IN_PERSON,
    relayed_by: str = "",
) -> Voice:
    """The family's correction, in their words, beside the section or item it is about.

    Without ``family_member_id`` the words are the young person's own.
    """
    _assessment(session, assessment_id)
    if not _about_is_known(session, assessment_id, about):
        raise ValidationError({"about": "Choose the part of the assessment this is about."})
    speaker = VoiceSpeaker.YOUNG_PERSON
    if family_member_id is not None:
        member = session.get(FamilyMember, family_member_id)
        if member is None:
            raise RecordGone(f"family member {family_member_id} no longer exists")
        speaker = (
            VoiceSpeaker.PARENT_CARER
            if member.parental_responsibility
            else VoiceSpeaker.FAMILY_NETWORK
        )
    voice = Voice(
        assessment_id=assessment_id,
        speaker=speaker,
        family_member_id=family_member_id,
        kind=VoiceKind.CORRECTION,
        channel=channel,
        relayed_by=relayed_by,
        words=words,
        about=about,
        step_key="correction",
        said_at=said_at or local_now(),
    )
    session.add(voice)
    session.flush()
    return voice
