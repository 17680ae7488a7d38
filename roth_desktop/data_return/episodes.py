"""One row per child protection episode open in a date range, as the return reports it.

An episode is a ``Case``. It is in the return when it was open at some time in
the range and, while open in the range, was on the ROTH or the traditional child
protection pathway. Its pathway over time is rebuilt from its transfers: it
starts on the first transfer's ``from_pathway`` (or its current pathway if it
never moved) and takes each transfer's ``to_pathway`` from the transfer's date.

Everything else on the row is the episode's history up to the end of the range:
conferences held on or before that day, and the harm and needs they recorded.
Timescales are counted on the timescales policy's calendar and limit, the same
ones every deadline in the app uses; an initial conference outside the limit
carries the latest reason recorded for missing it.

The rows are read with a handful of set-based queries whatever the number of
episodes (a ten-year workspace holds thousands), never one query per young person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.data_return.age_bands import AgeBand, band_for
from roth_desktop.data_return.cin_factors import CinFactors
from roth_desktop.models import (
    Case,
    Conference,
    ConferenceKind,
    DeadlineKind,
    FamilyMember,
    Gender,
    HarmCategory,
    HarmEntry,
    MissedDeadline,
    Need,
    NeedStatus,
    Pathway,
    PathwayTransfer,
    YoungPerson,
)
from roth_desktop.timescales.policy import TimescalePolicy
from roth_desktop.validation import age_on

LATE_REASON = "Reason initial conference was late"
CHILD_PROTECTION = frozenset({Pathway.ROTH, Pathway.TRADITIONAL})
FLAGGED = (NeedStatus.UNMET, NeedStatus.PARTLY_MET)
SHORT_PATHWAY = {
    Pathway.ROTH: "ROTH",
    Pathway.TRADITIONAL: "Traditional CP",
    Pathway.CHILD_IN_NEED: "Child in need",
    Pathway.EARLY_HELP: "Early help",
    Pathway.CLOSED: "Closed",
}

Cell = str | int | float | bool | date | None


@dataclass(frozen=True)
class Transfer:
    from_pathway: Pathway
    to_pathway: Pathway
    on: date

    def text(self) -> str:
        moved = f"{SHORT_PATHWAY[self.from_pathway]}→{SHORT_PATHWAY[self.to_pathway]}"
        return f"{moved} on {self.on.isoformat()}"


@dataclass(frozen=True)
class Episode:
    young_person_key: str  # the record id: what counts people as distinct
    young_person_ref: str  # what the return shows: the local id if set, else the record id
    episode_id: str
    opened_on: date
    closed_on: date | None
    pathway_at_start: Pathway  # on the first day of the range the episode was open
    pathway_at_end: Pathway  # on the last day of the range the episode was open
    roth_at_any_point: bool  # on the ROTH pathway on any day of the range it was open
    transfers: tuple[Transfer, ...]  # up to the end of the range
    strategy_discussion_on: date | None
    initial_conference_on: date | None
    working_days_to_initial: int | None
    within_timescale: bool | None  # within the policy's initial conference limit
    late_reason: str  # the latest reason recorded, when the initial conference was late
    review_conferences: tuple[date, ...]
    days_between_conferences: tuple[int, ...]
    harm_types: tuple[str, ...]
    cp_category: HarmCategory | None
    outside_home: bool | None
    needs_flagged: frozenset[str]
    age_at_conference: int | None
    age_band: str
    gender: Gender
    ethnicity_code: str
    cin_factors: tuple[str, ...]

    def transfers_between(self, start: date, end: date) -> tuple[Transfer, ...]:
        return tuple(t for t in self.transfers if start <= t.on <= end)


@dataclass(frozen=True)
class _Held:
    kind: ConferenceKind
    on: date
    category: HarmCategory | None
    outside_home: bool


def pathway_on(first: Pathway, transfers: Sequence[Transfer], day: date) -> Pathway:
    """The pathway on ``day``: a transfer takes effect on its own date."""
    current = first
    for transfer in transfers:
        if transfer.on > day:
            break
        current = transfer.to_pathway
    return current


def _open_in(start: date, end: date) -> ColumnElement[bool]:
    return and_(Case.opened_on <= end, or_(Case.closed_on.is_(None), Case.closed_on >= start))


def _ordered(keys: set[str], preferred: Sequence[str]) -> tuple[str, ...]:
    """Keys in the pack's order, then any the pack does not know, alphabetically."""
    return tuple(k for k in preferred if k in keys) + tuple(sorted(keys - set(preferred)))


def initials_for_names(text: str, names: Iterable[str]) -> str:
    """``text`` with each of ``names``, and each word of them, written as initials.

    A reason is typed by a person and may name the young person or their family
    ("Tyler's mum was in hospital"); the return shows them as initials ("T's mum
    was in hospital"). Names are matched as whole words, as written in the record
    (so a family name such as Hope does not change the word "hope"). Names the app
    does not hold are not caught: the Episodes sheet is not for publication.
    """
    initials: dict[str, str] = {}
    for name in names:
        words = [w for w in name.split() if any(ch.isalpha() for ch in w)]
        if not words:
            continue
        for candidate in (" ".join(name.split()), *words):
            if len(candidate) >= 2 and candidate not in initials:
                initials[candidate] = "".join(
                    w[0].upper() for w in candidate.split() if w[0].isalpha()
                )
    if not text or not initials:
        return text
    alternatives = "|".join(map(re.escape, sorted(initials, key=len, reverse=True)))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return pattern.sub(lambda found: initials[found.group(0)], text)


class _Loaded:
    """What the set-based queries return, grouped by episode."""

    def __init__(self, session: Session, start: date, end: date) -> None:
        in_range = _open_in(start, end)
        cutoff = datetime.combine(end + timedelta(days=1), time.min)
        held = and_(in_range, Conference.starts_at < cutoff)
        self.cases = session.execute(
            select(
                Case.id,
                Case.young_person_id,
                Case.pathway,
                Case.opened_on,
                Case.closed_on,
                Case.strategy_discussion_on,
                YoungPerson.first_name,
                YoungPerson.preferred_name,
                YoungPerson.last_name,
                YoungPerson.local_id,
                YoungPerson.date_of_birth,
                YoungPerson.gender,
                YoungPerson.ethnicity_code,
            )
            .join(YoungPerson, Case.young_person_id == YoungPerson.id)
            .where(in_range)
            .order_by(Case.opened_on, Case.id)
        ).all()
        self.transfers: dict[str, list[Transfer]] = defaultdict(list)
        for moved in session.execute(
            select(
                PathwayTransfer.case_id,
                PathwayTransfer.from_pathway,
                PathwayTransfer.to_pathway,
                PathwayTransfer.transferred_on,
            )
            .join(Case, PathwayTransfer.case_id == Case.id)
            .where(in_range)
            .order_by(PathwayTransfer.transferred_on, PathwayTransfer.created_at)
        ):
            self.transfers[moved[0]].append(Transfer(moved[1], moved[2], moved[3]))
        self.conferences: dict[str, list[_Held]] = defaultdict(list)
        for met in session.execute(
            select(
                Conference.case_id,
                Conference.kind,
                Conference.starts_at,
                Conference.harm_category,
                Conference.outside_home,
            )
            .join(Case, Conference.case_id == Case.id)
            .where(held)
            .order_by(Conference.starts_at, Conference.id)
        ):
            self.conferences[met[0]].append(_Held(met[1], met[2].date(), met[3], bool(met[4])))
        harm = (
            select(Conference.case_id, HarmEntry.harm_type)
            .select_from(HarmEntry)
            .join(Conference, HarmEntry.conference_id == Conference.id)
        )
        self.harm = self._by_case(session, harm.where(held))
        needs = (
            select(Conference.case_id, Need.area)
            .select_from(Need)
            .join(Conference, Need.conference_id == Conference.id)
        )
        self.needs = self._by_case(session, needs.where(held, Need.status.in_(FLAGGED)))
        # The latest reason recorded for missing each case's initial conference deadline
        # (recorded at any time: a reason often follows the conference it explains).
        late = and_(
            MissedDeadline.source_id == Case.id,
            MissedDeadline.kind == DeadlineKind.INITIAL_CONFERENCE,
        )
        self.late_reasons: dict[str, str] = {}
        for case_id, reason in session.execute(
            select(Case.id, MissedDeadline.reason)
            .join(MissedDeadline, late)
            .where(in_range)
            .order_by(MissedDeadline.created_at, MissedDeadline.id)
        ):
            self.late_reasons[case_id] = reason
        # Family names, so that a reason naming them shows initials; only read when
        # there is a reason to show.
        self.family_names: dict[str, set[str]] = defaultdict(set)
        if self.late_reasons:
            for person_id, name in session.execute(
                select(FamilyMember.young_person_id, FamilyMember.name)
                .join(Case, Case.young_person_id == FamilyMember.young_person_id)
                .join(MissedDeadline, late)
                .where(in_range)
                .distinct()
            ):
                self.family_names[person_id].add(name)

    @staticmethod
    def _by_case(session: Session, query: Select[str, str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for case_id, value in session.execute(
            query.join(Case, Conference.case_id == Case.id).distinct()
        ):
            found[case_id].add(value)
        return found


def load_episodes(
    session: Session,
    start: date,
    end: date,
    *,
    policy: TimescalePolicy,
    bands: Sequence[AgeBand],
    pack: ContentPack,
    cin: CinFactors,
) -> list[Episode]:
    """The child protection episodes open in [start, end], oldest first.

    Working days are counted on ``policy.calendar`` and an initial conference is in
    time when it is within ``policy.initial_conference_working_days`` of the
    strategy discussion.
    """
    loaded = _Loaded(session, start, end)
    calendar, limit = policy.calendar, policy.initial_conference_working_days
    harm_order = [h.key for h in pack.harm_types]
    episodes: list[Episode] = []
    for row in loaded.cases:
        case_id = row.id
        transfers = loaded.transfers.get(case_id, [])
        first = transfers[0].from_pathway if transfers else row.pathway
        first_day = max(start, row.opened_on)
        last_day = min(end, row.closed_on or end)
        during = {pathway_on(first, transfers, first_day)} | {
            t.to_pathway for t in transfers if first_day < t.on <= last_day
        }
        if not during & CHILD_PROTECTION:
            continue
        held = loaded.conferences.get(case_id, [])
        initial = next((c.on for c in held if c.kind == ConferenceKind.INITIAL), None)
        anchor = initial or (held[0].on if held else None)
        born = row.date_of_birth
        age = age_on(born, anchor) if born and anchor else None
        band = band_for(bands, age)
        decided = next((c for c in reversed(held) if c.category is not None), None)
        sd = row.strategy_discussion_on
        harm = _ordered(loaded.harm.get(case_id, set()), harm_order)
        needs = frozenset(loaded.needs.get(case_id, set()))
        category = decided.category if decided else None
        working_days = calendar.working_days_between(sd, initial) if sd and initial else None
        within = working_days <= limit if working_days is not None else None
        late_reason = ""
        if within is False:
            given, preferred, family = row.first_name, row.preferred_name, row.last_name
            names = (f"{given} {family}", f"{preferred} {family}", given, preferred, family)
            late_reason = initials_for_names(
                loaded.late_reasons.get(case_id, "").strip(),
                (*names, *loaded.family_names.get(row.young_person_id, ())),
            )
        episodes.append(
            Episode(
                young_person_key=row.young_person_id,
                young_person_ref=(row.local_id or "").strip() or row.young_person_id,
                episode_id=case_id,
                opened_on=row.opened_on,
                closed_on=row.closed_on,
                pathway_at_start=pathway_on(first, transfers, first_day),
                pathway_at_end=pathway_on(first, transfers, last_day),
                roth_at_any_point=Pathway.ROTH in during,
                transfers=tuple(t for t in transfers if t.on <= end),
                strategy_discussion_on=sd,
                initial_conference_on=initial,
                working_days_to_initial=working_days,
                within_timescale=within,
                late_reason=late_reason,
                review_conferences=tuple(c.on for c in held if c.kind == ConferenceKind.REVIEW),
                days_between_conferences=tuple((b.on - a.on).days for a, b in pairwise(held)),
                harm_types=harm,
                cp_category=category,
                outside_home=decided.outside_home if decided else None,
                needs_flagged=needs,
                age_at_conference=age,
                age_band=band.label if band else "",
                gender=row.gender,
                ethnicity_code=row.ethnicity_code,
                cin_factors=cin.factors_for(harm, needs, category.value if category else None),
            )
        )
    return episodes


def need_areas(episodes: Sequence[Episode], pack: ContentPack) -> tuple[str, ...]:
    """The pack's need areas, then any other area an episode flagged."""
    found = {area for episode in episodes for area in episode.needs_flagged}
    return _ordered(found | {n.key for n in pack.needs}, [n.key for n in pack.needs])


def episode_table(
    episodes: Sequence[Episode],
    areas: Sequence[str],
    pack: ContentPack | None = None,
    *,
    timescale_days: int,
) -> tuple[tuple[str, ...], list[tuple[Cell, ...]]]:
    """The Episodes sheet (and CSV): its headers and one row of cells per episode.

    ``timescale_days`` is the policy's initial conference limit, named in a heading.
    """

    def need_label(area: str) -> str:
        found = pack.need(area) if pack is not None else None
        return found.label("en") if found is not None else area.replace("_", " ")

    headers = (
        "Young person",
        "Episode",
        "Opened",
        "Closed",
        "Pathway at start of range",
        "Pathway at end of range",
        "ROTH at any point",
        "Transfers",
        "Strategy discussion",
        "Initial conference",
        "Working days to initial conference",
        f"Within {timescale_days} working days",
        LATE_REASON,
        "Review conferences",
        "Days between conferences",
        "Harm types",
        "CP category",
        "Outside the home",
        *(f"Need: {need_label(area)}" for area in areas),
        "Age at conference",
        "Age band",
        "Gender",
        "Ethnicity",
        "DfE ethnic group",
        "CIN factors",
    )
    groups = {c.code: c.group for c in ethnicity_codes().codes}
    rows: list[tuple[Cell, ...]] = []
    for e in episodes:
        rows.append(
            (
                e.young_person_ref,
                e.episode_id,
                e.opened_on,
                e.closed_on,
                SHORT_PATHWAY[e.pathway_at_start],
                SHORT_PATHWAY[e.pathway_at_end],
                e.roth_at_any_point,
                "; ".join(t.text() for t in e.transfers),
                e.strategy_discussion_on,
                e.initial_conference_on,
                e.working_days_to_initial,
                e.within_timescale,
                e.late_reason or None,
                "; ".join(d.isoformat() for d in e.review_conferences),
                "; ".join(str(n) for n in e.days_between_conferences),
                "; ".join(e.harm_types),
                e.cp_category.value if e.cp_category else None,
                e.outside_home,
                *(area in e.needs_flagged for area in areas),
                e.age_at_conference,
                e.age_band,
                e.gender.value,
                e.ethnicity_code,
                groups.get(e.ethnicity_code, ""),
                "; ".join(e.cin_factors),
            )
        )
    return headers, rows
