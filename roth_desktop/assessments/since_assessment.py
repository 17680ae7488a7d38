"""What changed between the assessment and the conference that started from it.

The chair opens the conference already holding the social worker's assessment;
the room then moves things. These lines say what moved, so nobody has to compare
two documents by eye, and the assessment itself stays as it was written.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.conference.review_changes import map_and_need_changes
from roth_desktop.models import (
    Assessment,
    Conference,
    ContextArea,
    HarmEntry,
    Need,
    PartnerItem,
    ProfileItem,
    SharedPart,
    Voice,
    VoiceSpeaker,
)

# Long entries are shortened in the list; the full text is on its own step.
_SHORT = 80


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


# Each kind of row, what the list calls it, and the column holding its words.
_KINDS: tuple[tuple[type[SharedPart], str, str], ...] = (
    (ProfileItem, "Picture", "text"),
    (Voice, "Their words", "words"),
    (HarmEntry, "Harm", "description"),
    (PartnerItem, "Partner information", "text"),
)


def _words(session: Session, cls: type[SharedPart], column: str, owned: Any) -> Counter[str]:
    """The rows' words; a family correction (a voice ``about`` something) is not copied."""
    rows = session.scalars(select(cls).where(owned))
    return Counter(
        text
        for row in rows
        if not (isinstance(row, Voice) and row.corrects_something)
        and (text := (getattr(row, column) or "").strip())
    )


def changes_since_assessment(session: Session, conference_id: str, pack: ContentPack) -> list[str]:
    """Plain lines, e.g. "Education: influence 20% → 35%."; empty if none or no assessment."""
    conference = session.get(Conference, conference_id)
    if conference is None or conference.assessment_id is None:
        return []
    assessment_id = conference.assessment_id
    lines = map_and_need_changes(session, assessment_id, conference_id, pack)
    for cls, label, column in _KINDS:
        # Compared by their words: the room adds and removes entries, it rarely edits one.
        before = _words(session, cls, column, cls.owned_by(assessment_id))
        after = _words(session, cls, column, cls.conference_id == conference_id)
        for text in (after - before).elements():
            lines.append(f"{label}, new since the assessment: {_short(text)}")
        for text in (before - after).elements():
            lines.append(f"{label}, taken out since the assessment: {_short(text)}")
    return lines


_SECTION_NAMES = {
    "analysis": "the analysis",
    "explanations": "the other explanations",
    "working_well": "what is working well",
    "recommendation": "the recommendation",
}


def from_the_assessment(session: Session, conference_id: str, pack: ContentPack) -> list[str]:
    """What the room should hear from the assessment that is not a row it copied: the
    worker's recommendation and the family's corrections, in their words."""
    conference = session.get(Conference, conference_id)
    if conference is None or conference.assessment_id is None:
        return []
    assessment = session.get(Assessment, conference.assessment_id)
    if assessment is None:
        return []
    lines: list[str] = []
    if assessment.recommended_pathway is not None:
        lines.append(f"Recommended: {assessment.recommended_pathway.label}.")
    if assessment.recommendation.strip():
        lines.append(" ".join(assessment.recommendation.split()))  # whole: the room decides on it
    targets: list[str] = []
    for target_id in assessment.plan_targets or []:
        area = session.get(ContextArea, target_id)
        need = session.get(Need, target_id)
        if area is not None:
            targets.append(area.name)
        elif need is not None:
            need_area = pack.need(need.area)
            targets.append(need_area.label("en") if need_area else need.area)
    if targets:
        lines.append("The plan should target: " + ", ".join(targets) + ".")
    corrections = session.scalars(
        select(Voice)
        .where(Voice.assessment_id == assessment.id, Voice.about != "")
        .order_by(Voice.said_at)
    )
    for voice in corrections:
        about = _SECTION_NAMES.get(voice.about, "an item in it")
        who = (
            assessment.case.young_person.display_name
            if voice.speaker == VoiceSpeaker.YOUNG_PERSON
            else voice.attribution()
        )
        lines.append(f"{who} corrected {about}: “{_short(voice.words)}”")
    return lines
