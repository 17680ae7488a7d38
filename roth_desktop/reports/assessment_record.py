"""One social worker's assessment, read once for one audience: its PDFs and the family's snapshot.

:func:`build_assessment_record` is the only place an assessment's reports read the
database. It reads the shared parts (picture, voices, map, needs, harm, partner
information) with the same readers the conference record uses, so restricted rows
are read through :func:`~roth_desktop.conference.sharing.rows_of` and never loaded
for the family; peers' initials, the sharing history and whether the assessment
changed since the family last saw it are for professionals only.

A family's correction (a ``Voice`` of kind correction, ``about`` a section or an
item) is kept as theirs, beside the worker's text: the record says which section and
which item it sits beside, and never folds it into what the worker wrote.

:meth:`AssessmentRecord.to_plain` is the family version as plain JSON values, which
the app keeps as :attr:`AssessmentShare.shown` when the family is shown it. It is
deterministic (same assessment, same dict), so comparing today's with the last
share's says whether the assessment changed since.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.assessments.sharing import SECTIONS, changed_since_shared
from roth_desktop.conference.content_pack import ContentPack, pack_for
from roth_desktop.conference.running import contexts_of
from roth_desktop.conference.sharing import rows_of
from roth_desktop.models import Assessment, AssessmentShare, Visit, Voice
from roth_desktop.reports.audience import LANGUAGES, Audience, ReportError
from roth_desktop.reports.conference_record import (
    ContextItem,
    HarmItem,
    LinkItem,
    MapPicture,
    NeedItem,
    PartnerInfo,
    PictureItem,
    RestrictedSection,
    VoiceItem,
    context_items,
    harm_items,
    items_of,
    link_items,
    need_items,
    partner_items,
    picture_items,
    voice_item,
)
from roth_desktop.validation import age_on

# The shape of to_plain(): a stored snapshot says which shape it was written in.
PLAIN_FORMAT = 1
AUDIENCES = (Audience.PROFESSIONAL, Audience.FAMILY)
# The worker's own texts a family can correct as a whole, in the order they are printed.
# Only professionals see these; a family's snapshot leaves them out rather than blank.
_PROFESSIONAL_ONLY = ("shares", "changed_since_shared", "restricted")
_SHORT = 60


@dataclass(frozen=True)
class VisitItem:
    visited_on: date
    who_seen: str
    place: str
    young_person_seen: bool
    seen_alone: bool
    worker: str


@dataclass(frozen=True)
class TargetItem:
    """A context or need the worker recommends the plan targets."""

    kind: str  # context | need
    name: str


@dataclass(frozen=True)
class CorrectionItem:
    """A family's correction, in their words, and what it sits beside.

    ``section`` is a text section ("analysis"...), a list of items ("contexts",
    "needs", "restricted.partner_information"...), or "" when what it corrects is not in
    this version (a general correction, or an item the family's version does not hold).
    ``index`` is the corrected item's place in that list; -1 for a text section or none.
    """

    section: str
    index: int
    item: str  # the corrected item in a few words; "" for a section or none
    who: str
    speaker: str
    words: str
    said_at: datetime


@dataclass(frozen=True)
class ShareItem:
    shared_on: date
    shared_with: str
    how: str
    family_response: str


@dataclass(frozen=True)
class AssessmentRecord:
    audience: Audience
    language: str
    pack: ContentPack
    assessment_id: str
    case_id: str
    young_person_name: str
    young_person_first_name: str
    initials: str
    date_of_birth: date | None
    age: int | None  # on the day it was finished, or started while it is not
    author: str
    started_on: date
    completed_on: date | None
    address_young_person: bool  # the family version says "you" to the young person
    picture: tuple[PictureItem, ...] = ()
    voices: tuple[VoiceItem, ...] = ()  # corrections are not here but in ``corrections``
    visits: tuple[VisitItem, ...] = ()
    contexts: tuple[ContextItem, ...] = ()
    links: tuple[LinkItem, ...] = ()
    map_now: MapPicture | None = None
    partner_information: tuple[PartnerInfo, ...] = ()
    needs: tuple[NeedItem, ...] = ()
    harm: tuple[HarmItem, ...] = ()
    analysis: str = ""
    explanations: str = ""
    working_well: str = ""
    recommended_pathway: str = ""
    recommended_pathway_label: str = ""
    recommendation: str = ""
    plan_targets: tuple[TargetItem, ...] = ()
    corrections: tuple[CorrectionItem, ...] = ()
    shares: tuple[ShareItem, ...] = ()  # professional only
    changed_since_shared: bool | None = None  # professional only; None if never shared
    restricted: RestrictedSection = field(default_factory=RestrictedSection)

    @property
    def completed(self) -> bool:
        return self.completed_on is not None

    @property
    def last_shared_on(self) -> date | None:
        return self.shares[-1].shared_on if self.shares else None

    def term(self, key: str) -> str:
        return self.pack.term(key, self.language)

    def corrections_of(self, section: str, index: int = -1) -> tuple[CorrectionItem, ...]:
        """The corrections beside one item (or, with ``index`` -1, one text section)."""
        return tuple(c for c in self.corrections if c.section == section and c.index == index)

    def to_plain(self) -> dict[str, Any]:
        """JSON values only, keys in a fixed order: the same record gives the same dict."""
        plain: dict[str, Any] = {
            "format": PLAIN_FORMAT,
            "pack": {"id": self.pack.id, "version": self.pack.version},
        }
        for f in dataclasses.fields(self):
            if f.name == "pack":
                continue
            if f.name in _PROFESSIONAL_ONLY and not self.audience.sees_restricted:
                continue
            plain[f.name] = _plain(getattr(self, f.name))
        return plain


def _plain(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


def build_assessment_record(
    session: Session, assessment_id: str, audience: Audience, language: str = "en"
) -> AssessmentRecord:
    """The assessment for professionals (everything, restricted items apart, with its
    sharing history) or for the family (nothing restricted, no peers' initials, plain
    words); any other audience is refused."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise ReportError(f"There is no assessment with the id {assessment_id} in this workspace.")
    if audience not in AUDIENCES:
        allowed = ", ".join(a.value for a in AUDIENCES)
        raise ReportError(f"An assessment is written for {allowed}, not '{audience.value}'.")
    if language not in LANGUAGES:
        raise ReportError(f"'{language}' is not a language we write in; choose en or cy.")
    pack = pack_for(assessment.content_pack_id, assessment.content_pack_version)
    young = assessment.case.young_person
    first_name = young.preferred_name or young.first_name
    professional = audience.sees_restricted
    plain = not professional
    on = assessment.completed_on or assessment.started_on

    contexts = context_items(
        contexts_of(session, assessment_id),
        pack,
        language,
        plain=plain,
        professional=professional,
    )
    names = {c.id: c.name for c in contexts}
    picture = picture_items(session, assessment_id)
    said = rows_of(session, Voice, assessment_id, Voice.said_at, Voice.created_at, Voice.id)
    voices = [(v.id, voice_item(v, first_name)) for v in said if not v.corrects_something]
    visits = _visits(session, assessment_id)
    links = link_items(session, assessment_id, names, restricted=False)
    partner = partner_items(session, assessment_id, names, restricted=False)
    needs = need_items(session, assessment_id, pack, language, plain)
    harm = harm_items(session, assessment_id, pack, language, plain, restricted=False)
    # (section, row id, words for the item): where a correction about that row sits.
    placed: list[tuple[str, list[tuple[str, str]]]] = [
        ("picture", [(i, p.text) for i, p in picture]),
        ("voices", [(i, v.words) for i, v in voices]),
        ("visits", visits[1]),
        ("contexts", [(c.id, c.name) for c in contexts]),
        ("links", [(i, f"{link.source} → {link.target}") for i, link in links]),
        ("partner_information", [(i, p.text) for i, p in partner]),
        ("needs", [(i, n.label) for i, n in needs]),
        ("harm", [(i, h.label) for i, h in harm]),
    ]
    restricted = RestrictedSection()
    if professional:  # restricted rows are read for professionals only, and kept apart
        r_partner = partner_items(session, assessment_id, names, restricted=True)
        r_harm = harm_items(session, assessment_id, pack, language, plain, restricted=True)
        r_links = link_items(session, assessment_id, names, restricted=True)
        restricted = RestrictedSection(
            partner_information=items_of(r_partner),
            harm=items_of(r_harm),
            links=items_of(r_links),
        )
        placed += [
            ("restricted.partner_information", [(i, p.text) for i, p in r_partner]),
            ("restricted.harm", [(i, h.label) for i, h in r_harm]),
            ("restricted.links", [(i, f"{x.source} → {x.target}") for i, x in r_links]),
        ]
    where = {
        row_id: (section, n, _short(words))
        for section, rows in placed
        for n, (row_id, words) in enumerate(rows)
    }
    corrections = []
    for v in said:
        if not v.corrects_something:
            continue
        section, index, item = where.get(v.about, ("", -1, ""))
        if v.about in SECTIONS:
            section = v.about
        said_by = voice_item(v, first_name)
        corrections.append(
            CorrectionItem(section, index, item, said_by.who, said_by.speaker, v.words, v.said_at)
        )

    need_labels = {i: n.label for i, n in needs}
    targets = []
    for target in assessment.plan_targets if isinstance(assessment.plan_targets, list) else []:
        if target in names:
            targets.append(TargetItem("context", names[target]))
        elif target in need_labels:
            targets.append(TargetItem("need", need_labels[target]))
    pathway = assessment.recommended_pathway

    record = AssessmentRecord(
        audience=audience,
        language=language,
        pack=pack,
        assessment_id=assessment.id,
        case_id=assessment.case_id,
        young_person_name=young.display_name,
        young_person_first_name=first_name,
        initials=young.initials,
        date_of_birth=young.date_of_birth,
        age=age_on(young.date_of_birth, on) if young.date_of_birth else None,
        author=assessment.author.name if assessment.author else "",
        started_on=assessment.started_on,
        completed_on=assessment.completed_on,
        address_young_person=bool(assessment.address_young_person),
        picture=items_of(picture),
        voices=items_of(voices),
        visits=visits[0],
        contexts=contexts,
        links=items_of(links),
        map_now=MapPicture(
            assessment.started_on.strftime("%d/%m/%Y"),
            tuple((c.name, c.safety, c.share) for c in contexts),
        )
        if contexts
        else None,
        partner_information=items_of(partner),
        needs=items_of(needs),
        harm=items_of(harm),
        analysis=assessment.analysis or "",
        explanations=assessment.explanations or "",
        working_well=assessment.working_well or "",
        recommended_pathway=pathway.value if pathway else "",
        recommended_pathway_label=pathway.label if pathway else "",
        recommendation=assessment.recommendation or "",
        plan_targets=tuple(targets),
        corrections=tuple(corrections),
        restricted=restricted,
    )
    if not professional:
        return record
    shares = _shares(session, assessment_id)
    return dataclasses.replace(
        record,
        shares=shares,
        changed_since_shared=changed_since_shared(session, assessment_id) if shares else None,
    )


def _visits(
    session: Session, assessment_id: str
) -> tuple[tuple[VisitItem, ...], list[tuple[str, str]]]:
    """The assessment's visits and conversations, and (row id, words) to place corrections."""
    rows = session.scalars(
        select(Visit)
        .where(Visit.assessment_id == assessment_id)
        .order_by(Visit.visited_on, Visit.created_at, Visit.id)
    ).all()
    items = tuple(
        VisitItem(
            visited_on=v.visited_on,
            who_seen=v.who_seen,
            place=v.place,
            young_person_seen=v.young_person_seen,
            seen_alone=v.seen_alone,
            worker=v.professional.name if v.professional else "",
        )
        for v in rows
    )
    return items, [(v.id, f"{v.visited_on:%d/%m/%Y} {v.place}".strip()) for v in rows]


def _shares(session: Session, assessment_id: str) -> tuple[ShareItem, ...]:
    """Each time the family was shown it, oldest first, and what they said."""
    rows = session.scalars(
        select(AssessmentShare)
        .where(AssessmentShare.assessment_id == assessment_id)
        .order_by(AssessmentShare.shared_on, AssessmentShare.created_at, AssessmentShare.id)
    )
    return tuple(ShareItem(s.shared_on, s.shared_with, s.how, s.family_response) for s in rows)
