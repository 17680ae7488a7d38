"""Catching another young person's initials in words the family will see.

Peers are recorded by initials, and only in the peers field, which only the
professional record prints. But a chair typing fast may write "J.B. introduces
her to…" into what makes a place unsafe, and that sentence is shared: it would
appear on the family's screen and in their copy. No report can tell those
initials from any other words, so the chair is warned while the room can still
reword the sentence or mark the item restricted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference.plan_warning import PlanWarning
from roth_desktop.conference.running import contexts_of
from roth_desktop.conference.sharing import rows_of
from roth_desktop.models import (
    Assessment,
    Conference,
    ContextLink,
    HarmEntry,
    Need,
    PartnerItem,
    PlanAction,
    PlanGoal,
    ProfileItem,
    Visit,
    Voice,
)

_SEPARATORS = re.compile(r"[,;/]|\s+and\s+|\s{2,}")


def initials_recorded(text: str) -> set[str]:
    """ "J.B., KT" → {"J.B.", "JB", "KT", "K.T."}: people write initials both ways."""
    found: set[str] = set()
    for part in _SEPARATORS.split(text):
        letters = re.sub(r"[^A-Za-z]", "", part)
        if 2 <= len(letters) <= 4 and letters.isupper():
            found.add(letters)
            found.add("".join(f"{letter}." for letter in letters))
    return found


def _shared_texts(session: Session, conference_id: str) -> Iterator[tuple[str, str, str, str]]:
    """(table, record id, where, text) for every shared piece of free text, of a
    conference or of an assessment (whose family version shares the same parts)."""
    conference = session.get(Conference, conference_id)
    if conference is not None:
        yield "conference", conference.id, "Decision", conference.young_person_view
        yield "conference", conference.id, "Decision", conference.family_view
    assessment = session.get(Assessment, conference_id)
    if assessment is not None:
        for where, text in (
            ("Analysis", assessment.analysis),
            ("Other explanations", assessment.explanations),
            ("What is working well", assessment.working_well),
            ("Recommendation", assessment.recommendation),
        ):
            yield "assessment", assessment.id, where, text
        for visit in session.scalars(select(Visit).where(Visit.assessment_id == assessment.id)):
            for text in (visit.who_seen, visit.place):
                yield "visit", visit.id, "Visits and conversations", text
    for area in contexts_of(session, conference_id):
        for text in (area.name, area.makes_safe, area.makes_unsafe, area.guardians):
            yield "context_area", area.id, f"Safe and unsafe: {area.name}", text
    for link in rows_of(session, ContextLink, conference_id):
        yield "context_link", link.id, "Map links", link.label
    for item in rows_of(session, ProfileItem, conference_id):
        yield "profile_item", item.id, "Picture", item.text
    for voice in rows_of(session, Voice, conference_id):
        yield "voice", voice.id, "Voices", voice.words
    for info in rows_of(session, PartnerItem, conference_id):
        yield "partner_item", info.id, "Partner information", info.text
    for harm in rows_of(session, HarmEntry, conference_id):
        yield "harm_entry", harm.id, "Harm", harm.description
    for need in rows_of(session, Need, conference_id):
        yield "need", need.id, "Needs", need.summary
    for goal in rows_of(session, PlanGoal, conference_id):
        yield "plan_goal", goal.id, "Plan", goal.text
    for action in rows_of(session, PlanAction, conference_id):
        for text in (action.what, action.person, action.how_we_know):
            yield "plan_action", action.id, "Plan", text


def peer_mentions(session: Session, conference_id: str) -> list[PlanWarning]:
    initials: set[str] = set()
    for area in contexts_of(session, conference_id):
        initials |= initials_recorded(area.peer_initials)
    if not initials:
        return []
    # Longest first, and never inside a longer run of letters: "KT" is not in "KTM".
    pattern = re.compile(
        r"(?<![A-Za-z.])("
        + "|".join(re.escape(i) for i in sorted(initials, key=len, reverse=True))
        + r")(?![A-Za-z])"
    )
    found: list[PlanWarning] = []
    seen: set[tuple[str, str]] = set()
    for table, record_id, where, text in _shared_texts(session, conference_id):
        match = pattern.search(text or "")
        if match is None or (record_id, match.group(1)) in seen:
            continue
        seen.add((record_id, match.group(1)))
        found.append(
            PlanWarning(
                table,
                record_id,
                f"{where}: “{match.group(1)}” is a peer's initials, in words the family will "
                "see. Reword it, or mark the item restricted.",
            )
        )
    return found
