"""One conference, read once for one audience: what every PDF and export is made from.

:func:`build_record` is the only place a report reads the database. Restricted
rows are read through :func:`~roth_desktop.conference.sharing.rows_of`, so for
any audience but professionals they are never loaded at all; for professionals
they are read separately into :class:`RestrictedSection`, which the conference
record prints under its own marked heading. Peers' initials and professionals'
individual votes are professional-only for the same reason: they are about
other people, not the family's own story.

Everything here is plain text, numbers and dates, so the PDF writer, the JSON
export and the tests never touch a database object.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference.console_data import MapMoment, map_history, plan_goals
from roth_desktop.conference.content_pack import ContentPack, pack_for
from roth_desktop.conference.running import contexts_of
from roth_desktop.conference.sharing import rows_of
from roth_desktop.conference.weights import percent_label
from roth_desktop.models import (
    Attendance,
    Conference,
    ContextLink,
    DecisionView,
    HarmEntry,
    MinuteEntry,
    Need,
    PartnerItem,
    ProfileItem,
    Voice,
)
from roth_desktop.models.context_map import ContextArea
from roth_desktop.models.enums import ConferenceStatus, VoiceSpeaker
from roth_desktop.reports.audience import Audience, ReportError
from roth_desktop.validation import age_on

T = TypeVar("T")


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str
    organisation: str
    status: str
    arrived_at: datetime | None
    left_at: datetime | None
    role_code: str = ""  # the stable codes behind the labels, for exports
    status_code: str = ""


@dataclass(frozen=True)
class PictureItem:
    kind: str
    text: str
    said_by: str


@dataclass(frozen=True)
class VoiceItem:
    who: str  # "Young person", "Dana Clarke (mother)"…, with who passed the words on
    speaker: str  # young_person | parent_carer | family_network
    kind: str
    channel: str
    words: str
    said_at: datetime
    kind_code: str = ""
    channel_code: str = ""


@dataclass(frozen=True)
class ContextItem:
    id: str
    name: str
    share: int  # basis points of 10,000
    percent: str
    safety: str  # safe | mixed | unsafe | unknown
    safety_label: str
    makes_safe: str
    makes_unsafe: str
    guardians: str
    peer_initials: str  # professional record only; blank otherwise
    referred_to_context_meeting: bool


@dataclass(frozen=True)
class LinkItem:
    source: str
    target: str
    label: str


@dataclass(frozen=True)
class MapPicture:
    label: str
    areas: tuple[tuple[str, str, int], ...]  # name, safety, share


@dataclass(frozen=True)
class PartnerInfo:
    agency: str
    context: str
    nature: str  # fact | opinion | reported
    nature_label: str
    source: str
    agency_decision: bool
    text: str


@dataclass(frozen=True)
class NeedItem:
    area: str
    label: str  # the professional label, or the plain one for family and young person
    status: str  # met | partly_met | unmet | not_assessed
    status_label: str
    summary: str
    responsible: str
    escalation: str
    answers: tuple[tuple[str, str], ...]  # (question, answer) as people read them


@dataclass(frozen=True)
class HarmItem:
    harm_type: str
    label: str
    timing: str  # suffered | likely
    timing_label: str
    description: str


@dataclass(frozen=True)
class ViewItem:
    name: str
    organisation: str
    position: str  # agrees | disagrees | not_sure
    position_label: str
    reasons: str


@dataclass(frozen=True)
class Decision:
    significant_harm: bool | None
    harm_category: str
    harm_category_label: str
    outside_home: bool
    outcome: str
    outcome_label: str
    young_person_view: str
    family_view: str
    views: tuple[ViewItem, ...]  # professional record and plan only

    @property
    def dissent(self) -> tuple[ViewItem, ...]:
        return tuple(v for v in self.views if v.position == "disagrees")


@dataclass(frozen=True)
class ActionItem:
    what: str
    owner: str
    due_on: date | None
    how_we_know: str
    status: str
    status_label: str


@dataclass(frozen=True)
class GoalItem:
    heading: str  # needs | guardianship | environment
    heading_label: str
    text: str
    progress_label: str
    answers: tuple[str, ...]  # the needs and contexts this goal answers, by name
    actions: tuple[ActionItem, ...]
    progress: str = ""


@dataclass(frozen=True)
class NextSteps:
    core_group_on: date | None
    review_on: date | None
    visit_frequency: str
    transition_notes: str


@dataclass(frozen=True)
class MinuteItem:
    step: str
    recorded_at: datetime
    text: str


@dataclass(frozen=True)
class RestrictedSection:
    """Items marked restricted: in the professional record only, under their own heading."""

    partner_information: tuple[PartnerInfo, ...] = ()
    harm: tuple[HarmItem, ...] = ()
    links: tuple[LinkItem, ...] = ()
    minutes: tuple[MinuteItem, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.partner_information or self.harm or self.links or self.minutes)


@dataclass(frozen=True)
class ConferenceRecord:
    audience: Audience
    language: str
    pack: ContentPack
    conference_id: str
    case_id: str
    kind: str
    kind_label: str
    starts_at: datetime
    location: str
    chair: str
    agreed: bool
    agreed_at: datetime | None
    young_person_name: str  # full name, as the young person prefers to be called
    young_person_first_name: str  # how a plan written to them greets them
    initials: str  # what headers and footers carry
    date_of_birth: date | None
    age: int | None
    attendance: tuple[Attendee, ...] = ()
    picture: tuple[PictureItem, ...] = ()
    voices: tuple[VoiceItem, ...] = ()
    contexts: tuple[ContextItem, ...] = ()
    links: tuple[LinkItem, ...] = ()
    map_now: MapPicture | None = None
    map_before: MapPicture | None = None  # the previous conference's map, at reviews
    partner_information: tuple[PartnerInfo, ...] = ()
    needs: tuple[NeedItem, ...] = ()
    harm: tuple[HarmItem, ...] = ()
    decision: Decision | None = None
    goals: tuple[GoalItem, ...] = ()
    next_steps: NextSteps | None = None
    minutes: tuple[MinuteItem, ...] = ()
    restricted: RestrictedSection = field(default_factory=RestrictedSection)

    def term(self, key: str) -> str:
        return self.pack.term(key, self.language)


def build_record(
    session: Session, conference_id: str, audience: Audience, language: str = "en"
) -> ConferenceRecord:
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise ReportError(f"There is no conference with the id {conference_id} in this workspace.")
    pack = pack_for(conference.content_pack_id, conference.content_pack_version)
    young = conference.case.young_person
    professional = audience.sees_restricted
    plain = audience in (Audience.FAMILY, Audience.YOUNG_PERSON)
    when = conference.starts_at.date()

    contexts = context_items(
        contexts_of(session, conference_id), pack, language, plain=plain, professional=professional
    )
    names = {c.id: c.name for c in contexts}

    def minutes(restricted: bool) -> tuple[MinuteItem, ...]:
        return tuple(
            MinuteItem(pack.step(m.step_key).title(language), m.recorded_at, m.text)
            for m in rows_of(
                session, MinuteEntry, conference_id, MinuteEntry.recorded_at, restricted=restricted
            )
            if m.text.strip()
        )

    needs = need_items(session, conference_id, pack, language, plain)
    need_labels = {n_id: item.label for n_id, item in needs}
    history = map_history(session, conference.case_id, conference.starts_at)
    now, before = _maps(history, conference.starts_at)

    return ConferenceRecord(
        audience=audience,
        language=language,
        pack=pack,
        conference_id=conference.id,
        case_id=conference.case_id,
        kind=conference.kind.value,
        kind_label=conference.kind.label,
        starts_at=conference.starts_at,
        location=conference.location,
        chair=conference.chair.name if conference.chair else "",
        agreed=conference.status == ConferenceStatus.AGREED,
        agreed_at=conference.agreed_at,
        young_person_name=young.display_name,
        young_person_first_name=young.preferred_name or young.first_name,
        initials=young.initials,
        date_of_birth=young.date_of_birth,
        age=age_on(young.date_of_birth, when) if young.date_of_birth else None,
        attendance=_attendance(session, conference_id),
        picture=items_of(picture_items(session, conference_id)),
        voices=_voices(session, conference_id, young.preferred_name or young.first_name),
        contexts=contexts,
        links=items_of(link_items(session, conference_id, names, restricted=False)),
        map_now=now,
        map_before=before,
        partner_information=items_of(
            partner_items(session, conference_id, names, restricted=False)
        ),
        needs=items_of(needs),
        harm=items_of(harm_items(session, conference_id, pack, language, plain, restricted=False)),
        decision=_decision(session, conference, audience),
        goals=_goals(session, conference_id, names, need_labels, pack, language, plain),
        next_steps=NextSteps(
            conference.core_group_on,
            conference.review_on,
            conference.visit_frequency,
            conference.transition_notes,
        ),
        minutes=minutes(False) if professional else (),
        restricted=RestrictedSection(
            partner_information=items_of(
                partner_items(session, conference_id, names, restricted=True)
            ),
            harm=items_of(
                harm_items(session, conference_id, pack, language, plain, restricted=True)
            ),
            links=items_of(link_items(session, conference_id, names, restricted=True)),
            minutes=minutes(True),
        )
        if professional
        else RestrictedSection(),
    )


def _attendance(session: Session, conference_id: str) -> tuple[Attendee, ...]:
    return tuple(
        Attendee(
            a.name,
            a.role.label,
            a.organisation,
            a.status.label,
            a.arrived_at,
            a.left_at,
            role_code=a.role.value,
            status_code=a.status.value,
        )
        for a in rows_of(session, Attendance, conference_id, Attendance.role, Attendance.name)
    )


def _voices(session: Session, conference_id: str, young_name: str) -> tuple[VoiceItem, ...]:
    return tuple(
        voice_item(v, young_name) for v in rows_of(session, Voice, conference_id, Voice.said_at)
    )


# -- the shared parts: read the same way for a conference and for an assessment --------------
#
# Each reader takes the id of the conference or assessment that owns the rows and, where
# items are later pointed at (a family's correction names the item it corrects), returns
# them paired with the id of their row. Restrictable rows are read on one side of the line
# only, through ``rows_of``, so a family's version never loads a restricted row.


def items_of(pairs: Iterable[tuple[str, T]]) -> tuple[T, ...]:
    """The items of (row id, item) pairs, in order."""
    return tuple(item for _, item in pairs)


def voice_item(v: Voice, young_name: str) -> VoiceItem:
    who = v.attribution()
    if v.speaker == VoiceSpeaker.YOUNG_PERSON:
        who = who.replace("Young person", young_name, 1)
    return VoiceItem(
        who,
        v.speaker.value,
        v.kind.label,
        v.channel.label,
        v.words,
        v.said_at,
        kind_code=v.kind.value,
        channel_code=v.channel.value,
    )


def picture_items(session: Session, owner_id: str) -> list[tuple[str, PictureItem]]:
    rows = rows_of(
        session, ProfileItem, owner_id, ProfileItem.kind, ProfileItem.created_at, ProfileItem.id
    )
    return [(p.id, PictureItem(p.kind.value, p.text, p.said_by)) for p in rows]


def context_items(
    areas: Iterable[ContextArea],
    pack: ContentPack,
    language: str,
    *,
    plain: bool,
    professional: bool,
) -> tuple[ContextItem, ...]:
    """The map's contexts; peers' initials only for professionals."""
    return tuple(
        ContextItem(
            id=a.id,
            name=a.name,
            share=a.weight,
            percent=percent_label(a.weight),
            safety=a.safety.value,
            safety_label=pack.term(a.safety.value, language) if plain else a.safety.label,
            makes_safe=a.makes_safe,
            makes_unsafe=a.makes_unsafe,
            guardians=a.guardians,
            peer_initials=a.peer_initials if professional else "",
            referred_to_context_meeting=a.referred_to_context_meeting,
        )
        for a in areas
    )


def link_items(
    session: Session, owner_id: str, names: dict[str, str], *, restricted: bool
) -> list[tuple[str, LinkItem]]:
    rows = rows_of(
        session, ContextLink, owner_id, ContextLink.label, ContextLink.id, restricted=restricted
    )
    return [
        (
            link.id,
            LinkItem(names.get(link.source_id, ""), names.get(link.target_id, ""), link.label),
        )
        for link in rows
    ]


def partner_items(
    session: Session, owner_id: str, names: dict[str, str], *, restricted: bool
) -> list[tuple[str, PartnerInfo]]:
    order = (PartnerItem.created_at, PartnerItem.id)
    rows = rows_of(session, PartnerItem, owner_id, *order, restricted=restricted)
    return [
        (
            item.id,
            PartnerInfo(
                agency=item.agency.name if item.agency else "",
                context=names.get(item.context_id or "", ""),
                nature=item.nature.value,
                nature_label=item.nature.label.split(" (")[0],
                source=item.source,
                agency_decision=item.agency_decision,
                text=item.text,
            ),
        )
        for item in rows
    ]


def harm_items(
    session: Session,
    owner_id: str,
    pack: ContentPack,
    language: str,
    plain: bool,
    *,
    restricted: bool,
) -> list[tuple[str, HarmItem]]:
    order = (HarmEntry.timing, HarmEntry.created_at, HarmEntry.id)
    rows = rows_of(session, HarmEntry, owner_id, *order, restricted=restricted)
    return [
        (
            h.id,
            HarmItem(
                harm_type=h.harm_type,
                label=pack.harm_label(h.harm_type, language),
                timing=h.timing.value,
                timing_label=pack.term(h.timing.value, language) if plain else h.timing.label,
                description=h.description,
            ),
        )
        for h in rows
    ]


def _maps(
    history: list[MapMoment], starts_at: datetime
) -> tuple[MapPicture | None, MapPicture | None]:
    def picture(moment: MapMoment) -> MapPicture:
        return MapPicture(moment.label, tuple((name, s, w) for _, name, s, w in moment.areas))

    now = next((m for m in history if m.starts_at == starts_at), None)
    earlier = [m for m in history if m.starts_at < starts_at]
    return (picture(now) if now else None, picture(earlier[-1]) if earlier else None)


def _answer_text(value: object) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).strip() if value is not None else ""


def need_items(
    session: Session, owner_id: str, pack: ContentPack, language: str, plain: bool
) -> list[tuple[str, NeedItem]]:
    """Needs in the pack's order, each with the id of its row."""
    order = {area.key: n for n, area in enumerate(pack.needs)}
    found = []
    for need in rows_of(session, Need, owner_id, Need.area):
        area = pack.need(need.area)
        label = need.area.replace("_", " ")
        answers: list[tuple[str, str]] = []
        if area is not None:
            label = area.participant_label(language) if plain else area.label(language)
            for question in area.questions:
                raw = (need.answers or {}).get(question.key)
                choice = next((c for c in question.choices if c.key == raw), None)
                text = choice.label(language) if choice else _answer_text(raw)
                if text:
                    answers.append((question.label(language), text))
        status_label = (
            pack.term(need.status.value, language)
            if plain and need.status.value in pack.terms
            else need.status.label
        )
        item = NeedItem(
            area=need.area,
            label=label,
            status=need.status.value,
            status_label=status_label,
            summary=need.summary,
            responsible=need.responsible,
            escalation=need.escalation,
            answers=tuple(answers) if not plain else (),
        )
        found.append((need.id, item))
    found.sort(key=lambda pair: order.get(pair[1].area, len(order)))
    return found


def _decision(session: Session, conference: Conference, audience: Audience) -> Decision:
    views: tuple[ViewItem, ...] = ()
    if audience in (Audience.PROFESSIONAL, Audience.PLAN):
        views = tuple(
            ViewItem(v.name, v.organisation, v.position.value, v.position.label, v.reasons)
            for v in rows_of(session, DecisionView, conference.id, DecisionView.name)
        )
    return Decision(
        significant_harm=conference.significant_harm,
        harm_category=conference.harm_category.value if conference.harm_category else "",
        harm_category_label=conference.harm_category.label if conference.harm_category else "",
        outside_home=conference.outside_home,
        outcome=conference.outcome.value if conference.outcome else "",
        outcome_label=conference.outcome.label if conference.outcome else "",
        young_person_view=conference.young_person_view,
        family_view=conference.family_view,
        views=views,
    )


def _goals(
    session: Session,
    conference_id: str,
    context_names: dict[str, str],
    need_labels: dict[str, str],
    pack: ContentPack,
    language: str,
    plain: bool,
) -> tuple[GoalItem, ...]:
    goals = []
    for goal in plan_goals(session, conference_id):
        answers = tuple(
            need_labels.get(link.need_id or "", "") or context_names.get(link.context_id or "", "")
            for link in goal.links
        )
        heading_label = (
            pack.term(f"heading_{goal.heading.value}", language) if plain else goal.heading.label
        )
        actions = tuple(
            ActionItem(a.what, a.owner(), a.due_on, a.how_we_know, a.status.value, a.status.label)
            for a in goal.actions
        )
        goals.append(
            GoalItem(
                goal.heading.value,
                heading_label,
                goal.text,
                goal.progress.label,
                tuple(a for a in answers if a),
                actions,
                progress=goal.progress.value,
            )
        )
    return tuple(goals)


def conference_ids(session: Session) -> list[str]:
    """Every conference, oldest first: for batch exports and the benchmark."""
    return list(session.scalars(select(Conference.id).order_by(Conference.starts_at)))
