"""Whether a conference about to start can start from the social worker's assessment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.assessments.writing import assessments_of, is_blank
from roth_desktop.conference.running import previous_conference
from roth_desktop.models import Assessment, Conference


@dataclass(frozen=True)
class StartOffer:
    assessment_id: str
    started_on: date
    author: str
    young_person: str


def assessment_for(session: Session, conference: Conference) -> Assessment | None:
    """The assessment this conference can start from: the case's newest that is its own.

    Not one another conference already started from (its picture is that day's), not
    one begun before the last conference (the room has moved on since), and not one
    nothing has been written in yet (an assessment started by a slip of the mouse).
    """
    used = set(
        session.scalars(
            select(Conference.assessment_id).where(
                Conference.assessment_id.is_not(None), Conference.id != conference.id
            )
        )
    )
    previous = previous_conference(session, conference)
    for assessment in assessments_of(session, conference.case_id):
        if assessment.id in used:
            continue
        if previous is not None and assessment.started_on < previous.starts_at.date():
            continue
        if is_blank(session, assessment):
            continue
        return assessment
    return None


def start_offer(session: Session, conference_id: str) -> StartOffer | None:
    """What to offer the chair as the conference opens, if it has not started yet."""
    conference = session.get(Conference, conference_id)
    if conference is None or conference.content_pack_id:
        return None  # already running: its content is the room's now
    assessment = assessment_for(session, conference)
    if assessment is None:
        return None
    return StartOffer(
        assessment_id=assessment.id,
        started_on=assessment.started_on,
        author=assessment.author.name if assessment.author else "",
        young_person=conference.case.young_person.display_name,
    )
