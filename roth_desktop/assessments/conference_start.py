"""Whether a conference about to start can start from the social worker's assessment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from roth_desktop.assessments.writing import latest_assessment
from roth_desktop.models import Conference


@dataclass(frozen=True)
class StartOffer:
    assessment_id: str
    started_on: date
    author: str
    young_person: str


def start_offer(session: Session, conference_id: str) -> StartOffer | None:
    """The case's latest assessment, if this conference has not started yet."""
    conference = session.get(Conference, conference_id)
    if conference is None or conference.content_pack_id:
        return None  # already running: its content is the room's now
    assessment = latest_assessment(session, conference.case_id)
    if assessment is None:
        return None
    return StartOffer(
        assessment_id=assessment.id,
        started_on=assessment.started_on,
        author=assessment.author.name if assessment.author else "",
        young_person=conference.case.young_person.display_name,
    )
