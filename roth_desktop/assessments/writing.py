"""Starting an assessment and finding what it has not yet covered.

An assessment is laid out exactly as a conference is (the pack's contexts and a
row per need area), so the worker fills in the same structure the chair will run.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference.content_pack import ContentPack, NeedArea
from roth_desktop.conference.running import lay_out
from roth_desktop.edits import RecordGone
from roth_desktop.models import (
    Assessment,
    Case,
    Conference,
    HarmEntry,
    Need,
    NeedStatus,
    PartnerItem,
    ProfileItem,
    Voice,
)
from roth_desktop.validation import today


def start_assessment(
    session: Session,
    case_id: str,
    pack: ContentPack,
    author_id: str | None = None,
    started_on: date | None = None,
) -> Assessment:
    if session.get(Case, case_id) is None:
        raise RecordGone(f"case {case_id} no longer exists")
    assessment = Assessment(
        case_id=case_id,
        author_id=author_id,
        started_on=started_on or today(),
        content_pack_id=pack.id,
        content_pack_version=pack.version,
    )
    session.add(assessment)
    session.flush()
    lay_out(session, assessment.id, pack)
    return assessment


def assessments_of(session: Session, case_id: str) -> list[Assessment]:
    """The case's assessments, newest first."""
    return list(
        session.scalars(
            select(Assessment)
            .where(Assessment.case_id == case_id)
            .order_by(Assessment.started_on.desc(), Assessment.created_at.desc())
        )
    )


def latest_assessment(session: Session, case_id: str) -> Assessment | None:
    found = assessments_of(session, case_id)
    return found[0] if found else None


def is_blank(session: Session, assessment: Assessment) -> bool:
    """Nothing written in it yet: no analysis, words, picture, harm, information or needs."""
    if any(
        (getattr(assessment, name) or "").strip()
        for name in ("analysis", "explanations", "working_well", "recommendation")
    ):
        return False
    for cls in (Voice, ProfileItem, HarmEntry, PartnerItem):
        if session.scalar(select(cls.id).where(cls.owned_by(assessment.id)).limit(1)):
            return False
    needs = session.scalars(select(Need).where(Need.owned_by(assessment.id)))
    return not any(was_asked(n) for n in needs)


def used_by(session: Session, assessment_id: str) -> Conference | None:
    """The conference that started from this assessment, if one has."""
    return session.scalar(
        select(Conference).where(Conference.assessment_id == assessment_id).limit(1)
    )


def was_asked(need: Need) -> bool:
    """A need area counts as asked once anything at all is recorded for it."""
    return (
        need.status != NeedStatus.NOT_ASSESSED
        or bool(need.answers)
        or bool((need.summary or "").strip())
    )


def unasked_needs(session: Session, owner_id: str, pack: ContentPack) -> list[NeedArea]:
    """The pack's need areas nothing has been recorded for yet, in the pack's order.

    ROTH practice asks every area every time (education, SEND and mental health
    assessments, physical safety, substances, poverty...), because a need nobody
    asked about is the one the plan misses.
    """
    asked = {
        n.area for n in session.scalars(select(Need).where(Need.owned_by(owner_id))) if was_asked(n)
    }
    return [area for area in pack.needs if area.key not in asked]
