"""What the assessment window shows, read in one go on the worker, and its few own edits.

The shared parts (picture, voices, map, needs, harm, partner information) come as
the console reads them (:func:`load_assessment`), so the console's pages show them
unchanged; this adds what only an assessment has: its visits, each time it was
shared with the family, whether it changed since, the need areas nobody has asked
about yet, and the family's corrections with who made them. Plain values only:
the Qt side never touches a database object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop import edits
from roth_desktop.assessments.sharing import (
    SECTIONS,
    changed_since_shared,
    record_correction,
    share_with_family,
)
from roth_desktop.assessments.writing import (
    assessments_of,
    start_assessment,
    unasked_needs,
    used_by,
)
from roth_desktop.conference.console_data import ConsoleData, load_assessment
from roth_desktop.conference.content_pack import NeedArea, default_pack
from roth_desktop.conference.peer_mentions import peer_mentions
from roth_desktop.models import (
    Assessment,
    AssessmentShare,
    Case,
    Visit,
    Voice,
    VoiceSpeaker,
)

Row = dict[str, Any]

__all__ = ["SECTIONS", "AssessmentView", "load_view"]


@dataclass
class AssessmentView:
    data: ConsoleData  # the assessment's row is ``data.conference``, as the pages expect
    first_name: str  # the young person's, for "Tyler said: …"
    initials: str  # for file names, which never carry a name
    visits: list[Row] = field(default_factory=list)
    shares: list[Row] = field(default_factory=list)  # oldest first
    changed_since_shared: bool = False
    # When a conference started from it: from then on it stays as the conference found it.
    used_on: datetime | None = None
    # Another young person's initials in words the family will see.
    peer_warnings: list[str] = field(default_factory=list)
    unasked: list[NeedArea] = field(default_factory=list)
    corrections: list[Row] = field(default_factory=list)  # id, about, who, words, said_at

    @property
    def assessment(self) -> Row:
        return self.data.conference

    @property
    def id(self) -> str:
        return str(self.data.conference["id"])

    @property
    def last_share(self) -> Row | None:
        return self.shares[-1] if self.shares else None

    def corrections_about(self, about: str) -> list[Row]:
        return [c for c in self.corrections if c["about"] == about]


def load_view(session: Session, assessment_id: str) -> AssessmentView:
    data = load_assessment(session, assessment_id)
    assessment = session.get(Assessment, assessment_id)
    assert assessment is not None  # load_assessment has checked
    young = assessment.case.young_person
    view = AssessmentView(data, young.preferred_name or young.first_name, young.initials)
    visits = session.scalars(
        select(Visit)
        .where(Visit.assessment_id == assessment_id)
        .order_by(Visit.visited_on, Visit.created_at)
    )
    view.visits = [
        {**v.values(), "professional_name": v.professional.name if v.professional else ""}
        for v in visits
    ]
    shares = session.scalars(
        select(AssessmentShare)
        .where(AssessmentShare.assessment_id == assessment_id)
        .order_by(AssessmentShare.shared_on, AssessmentShare.created_at)
    )
    view.shares = [dict(s.values()) for s in shares]
    view.changed_since_shared = changed_since_shared(session, assessment_id)
    conference = used_by(session, assessment_id)
    view.used_on = conference.starts_at if conference is not None else None
    view.peer_warnings = [w.message for w in peer_mentions(session, assessment_id)]
    view.unasked = unasked_needs(session, assessment_id, data.pack)
    corrections = session.scalars(
        select(Voice)
        .where(Voice.owned_by(assessment_id), Voice.about != "")
        .order_by(Voice.said_at, Voice.created_at)
    )
    for voice in corrections:
        if voice.speaker == VoiceSpeaker.YOUNG_PERSON:
            who = view.first_name
        elif voice.family_member is not None:
            who = voice.family_member.name
        else:
            who = voice.attribution()
        view.corrections.append(
            {
                "id": voice.id,
                "about": voice.about,
                "who": who,
                "words": voice.words,
                "said_at": voice.said_at,
            }
        )
    return view


# -- the case view's list ----------------------------------------------------------------------


def case_assessments(session: Session, case_id: str) -> list[Row]:
    """The case's assessments, newest first, with who wrote each and when it was last shared."""
    rows = []
    for assessment in assessments_of(session, case_id):
        row = dict(assessment.values())
        row["author_name"] = assessment.author.name if assessment.author else ""
        last = assessment.shares[-1] if assessment.shares else None
        row["last_shared_on"] = last.shared_on if last else None
        row["last_shared_with"] = last.shared_with if last else ""
        rows.append(row)
    return rows


def new_assessment(session: Session, case_id: str) -> str:
    """Start an assessment on the case with the default pack's contexts and need areas."""
    if session.get(Case, case_id) is None:
        raise edits.RecordGone(f"case {case_id} no longer exists")
    return start_assessment(session, case_id, default_pack()).id


# -- sharing and corrections: each an edit with its own undo -------------------------------------


def share(
    session: Session,
    assessment_id: str,
    shared_on: date | None,
    shared_with: str,
    how: str,
    family_response: str,
    language: str = "en",
) -> str:
    made = share_with_family(
        session,
        assessment_id,
        shared_on=shared_on,
        shared_with=shared_with,
        how=how,
        family_response=family_response,
        language=language,
    )
    return made.id


def correct(
    session: Session, assessment_id: str, about: str, words: str, family_member_id: str | None
) -> str:
    return record_correction(
        session, assessment_id, about=about, words=words, family_member_id=family_member_id
    ).id


def take_back(table: str) -> Any:
    """The undo of ``share`` or ``correct``: remove the row they made."""

    def revert(session: Session, record_id: str) -> None:
        edits.delete_record(session, table, record_id)

    return revert
