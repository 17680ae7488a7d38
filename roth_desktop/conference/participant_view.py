"""What the family's screen may show: the one place restricted information is kept out.

The participant screen draws only a :class:`ParticipantView`, and this module
builds it. Every row of a restrictable kind is read through
:func:`roth_desktop.conference.sharing.rows_of`, which drops restricted rows in
the query itself, so no widget has to remember to filter and a new view cannot
forget to. Minutes and individual professionals'
decision views are chair-only and never read here at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from roth_desktop.conference.console_data import plan_goals
from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.conference.running import contexts_of
from roth_desktop.conference.sharing import rows_of
from roth_desktop.models import (
    Conference,
    ContextLink,
    HarmEntry,
    Need,
    PartnerItem,
    PlanGoal,
    ProfileItem,
    Voice,
)
from roth_desktop.validation import format_date


@dataclass(frozen=True)
class SharedArea:
    id: str
    name: str
    safety: str
    share: int
    makes_safe: str
    makes_unsafe: str


@dataclass(frozen=True)
class SharedLink:
    id: str
    source_id: str
    target_id: str
    label: str


@dataclass(frozen=True)
class SharedWords:
    who: str
    words: str


@dataclass(frozen=True)
class SharedNeed:
    label: str
    status: str  # the pack's plain word for met / partly met / not met
    summary: str


@dataclass(frozen=True)
class SharedAction:
    what: str
    who: str
    by_when: str
    how_we_know: str


@dataclass(frozen=True)
class SharedGoal:
    heading: str
    text: str
    actions: tuple[SharedAction, ...]


@dataclass(frozen=True)
class ParticipantView:
    language: str
    step_key: str
    step_kind: str
    step_number: int
    step_count: int
    title: str
    text: str
    young_person: str
    picture: tuple[str, ...] = ()
    areas: tuple[SharedArea, ...] = ()
    links: tuple[SharedLink, ...] = ()
    words: tuple[SharedWords, ...] = ()
    partner_information: tuple[str, ...] = ()
    harm: tuple[str, ...] = ()
    needs: tuple[SharedNeed, ...] = ()
    goals: tuple[SharedGoal, ...] = ()
    next_steps: tuple[str, ...] = ()
    terms: dict[str, str] = field(default_factory=dict)

    def all_text(self) -> str:
        """Everything this view could put on screen, for checks that nothing leaks."""
        parts: list[str] = [self.title, self.text, self.young_person, *self.picture]
        parts += [f"{a.name} {a.makes_safe} {a.makes_unsafe}" for a in self.areas]
        parts += [link.label for link in self.links]
        parts += [f"{w.who} {w.words}" for w in self.words]
        parts += [*self.partner_information, *self.harm, *self.next_steps]
        parts += [f"{n.label} {n.status} {n.summary}" for n in self.needs]
        for goal in self.goals:
            parts.append(goal.text)
            parts += [f"{a.what} {a.who} {a.by_when} {a.how_we_know}" for a in goal.actions]
        return "\n".join(parts)


_STATUS_TERM = {"met": "met", "partly_met": "partly_met", "unmet": "unmet"}


def participant_view(
    session: Session,
    conference_id: str,
    pack: ContentPack,
    language: str = "en",
    step_key: str | None = None,
) -> ParticipantView:
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise LookupError(conference_id)
    step = pack.step(step_key or conference.current_step)
    young = conference.case.young_person
    terms = {key: wording(language) for key, wording in pack.terms.items()}

    picture = tuple(p.text for p in rows_of(session, ProfileItem, conference_id, ProfileItem.kind))
    areas = tuple(
        SharedArea(a.id, a.name, a.safety.value, a.weight, a.makes_safe, a.makes_unsafe)
        for a in contexts_of(session, conference_id)
    )
    links = tuple(
        SharedLink(link.id, link.source_id, link.target_id, link.label)
        for link in rows_of(session, ContextLink, conference_id, ContextLink.label)
    )
    words = tuple(
        SharedWords(_who(v, young.display_name, terms), v.words)
        for v in rows_of(session, Voice, conference_id, Voice.said_at)
    )
    partner_information = tuple(
        f"{item.agency.name if item.agency else ''}: {item.text}".lstrip(": ")
        for item in rows_of(session, PartnerItem, conference_id, PartnerItem.created_at)
    )
    harm = tuple(
        f"{pack.harm_label(h.harm_type, language)} ({terms.get(h.timing.value, h.timing.label)})"
        + (f": {h.description}" if h.description else "")
        for h in rows_of(session, HarmEntry, conference_id, HarmEntry.timing)
    )
    needs = []
    for need in rows_of(session, Need, conference_id, Need.area):
        area = pack.need(need.area)
        label = area.participant_label(language) if area else need.area
        status = terms.get(_STATUS_TERM.get(need.status.value, ""), "")
        needs.append(SharedNeed(label, status, need.summary))
    goals = []
    shared_goals = {g.id for g in rows_of(session, PlanGoal, conference_id)}
    for goal in (g for g in plan_goals(session, conference_id) if g.id in shared_goals):
        actions = tuple(
            SharedAction(
                a.what,
                a.owner(),
                format_date(a.due_on) if isinstance(a.due_on, date) else "",
                a.how_we_know,
            )
            for a in goal.actions
        )
        heading = terms.get(f"heading_{goal.heading.value}", goal.heading.label)
        goals.append(SharedGoal(heading, goal.text, actions))
    return ParticipantView(
        language=language,
        step_key=step.key,
        step_kind=step.kind,
        step_number=pack.step_index(step.key) + 1,
        step_count=len(pack.steps),
        title=step.participant_title(language),
        text=step.participant_text(language),
        young_person=young.preferred_name or young.first_name,
        picture=picture,
        areas=areas,
        links=links,
        words=words,
        partner_information=partner_information,
        harm=harm,
        needs=tuple(needs),
        goals=tuple(goals),
        next_steps=_next_steps(conference, terms),
        terms=terms,
    )


def _who(voice: Voice, young_name: str, terms: dict[str, str]) -> str:
    if voice.speaker.value == "young_person":
        return young_name
    if voice.family_member is not None:
        return voice.family_member.name
    return terms.get(voice.speaker.value, voice.speaker.label)


def _next_steps(conference: Conference, terms: dict[str, str]) -> tuple[str, ...]:
    lines = []
    if conference.core_group_on:
        label = terms.get("core_group", "Core group meeting")
        lines.append(f"{label}: {format_date(conference.core_group_on)}")
    if conference.review_on:
        label = terms.get("review_conference", "Review conference")
        lines.append(f"{label}: {format_date(conference.review_on)}")
    if conference.visit_frequency:
        lines.append(f"{terms.get('visits', 'Visits')}: {conference.visit_frequency}")
    return tuple(lines)
