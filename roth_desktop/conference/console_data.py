"""Everything the chair's console shows for one conference, read in one go on the worker.

The console redraws from a :class:`ConsoleData` after every saved edit; each
list is plain dicts (a record's values plus the names it links to), so the Qt
side never touches a database object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.assessments.since_assessment import (
    changes_since_assessment,
    from_the_assessment,
)
from roth_desktop.conference.content_pack import ContentPack, pack_for
from roth_desktop.conference.plan_checks import pathway_prompt, plan_warnings
from roth_desktop.conference.plan_warning import PlanWarning
from roth_desktop.conference.review_changes import changes_since_previous
from roth_desktop.conference.running import contexts_of
from roth_desktop.models import (
    Agency,
    Assessment,
    Attendance,
    Conference,
    ContextLink,
    DecisionView,
    FamilyMember,
    HarmEntry,
    MinuteEntry,
    Need,
    PartnerItem,
    PlanGoal,
    PlanHeading,
    Professional,
    ProfileItem,
    SharedPart,
    Voice,
)
from roth_desktop.models.base import Record

Row = dict[str, Any]


@dataclass(frozen=True)
class MapMoment:
    """One conference's map, for the review's side-by-side view and the timeline."""

    label: str
    starts_at: datetime
    areas: tuple[tuple[str, str, str, int], ...]  # id, name, safety, share


@dataclass
class ConsoleData:
    pack: ContentPack
    conference: Row
    young_person: str
    attendance: list[Row] = field(default_factory=list)
    minutes: list[Row] = field(default_factory=list)
    picture: list[Row] = field(default_factory=list)
    voices: list[Row] = field(default_factory=list)
    contexts: list[Row] = field(default_factory=list)
    links: list[Row] = field(default_factory=list)
    partner_items: list[Row] = field(default_factory=list)
    needs: list[Row] = field(default_factory=list)
    harm: list[Row] = field(default_factory=list)
    views: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)
    family: list[tuple[str, str]] = field(default_factory=list)
    agencies: list[tuple[str, str]] = field(default_factory=list)
    professionals: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[PlanWarning] = field(default_factory=list)
    pathway_prompt: str = ""
    history: list[MapMoment] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # since the last conference (reviews)
    since_assessment: list[str] = field(default_factory=list)  # started from an assessment
    from_assessment: list[str] = field(default_factory=list)  # its recommendation, corrections
    # Whose rows these are: a conference's, or (in the assessment window, which shows
    # the same pages) an assessment's. New rows are made with this owner.
    owner_field: str = "conference_id"

    @property
    def agreed(self) -> bool:
        return str(self.conference.get("status")) == "agreed"

    @property
    def owner(self) -> dict[str, str]:
        """The owner column and id a new row on these pages is made with."""
        return {self.owner_field: str(self.conference["id"])}


def _rows(records: Any) -> list[Row]:
    return [_row(r) for r in records]


def _row(record: Record) -> Row:
    return dict(record.values())


def _of(session: Session, cls: type[Any], owner_id: str, *order: Any) -> list[Any]:
    owned = cls.owned_by(owner_id) if issubclass(cls, SharedPart) else cls.conference_id == owner_id
    return list(session.scalars(select(cls).where(owned).order_by(*order)))


def plan_goals(session: Session, conference_id: str) -> list[PlanGoal]:
    """Goals in the order the plan is read: needs, guardianship, then environment."""
    order = {heading: n for n, heading in enumerate(PlanHeading)}
    goals = _of(session, PlanGoal, conference_id, PlanGoal.position, PlanGoal.created_at)
    return sorted(goals, key=lambda goal: order[goal.heading])


def map_history(session: Session, case_id: str, up_to: datetime) -> list[MapMoment]:
    """Every conference's map for the case, oldest first, up to and including this one."""
    conferences = session.scalars(
        select(Conference)
        .where(Conference.case_id == case_id, Conference.starts_at <= up_to)
        .order_by(Conference.starts_at)
    )
    moments = []
    for conference in conferences:
        areas = tuple(
            (a.id, a.name, a.safety.value, a.weight) for a in contexts_of(session, conference.id)
        )
        if areas:
            label = f"{conference.kind.label}, {conference.starts_at:%d/%m/%Y}"
            moments.append(MapMoment(label, conference.starts_at, areas))
    return moments


def load_console(session: Session, conference_id: str) -> ConsoleData:
    conference = session.get(Conference, conference_id)
    if conference is None:
        raise LookupError(conference_id)
    pack = pack_for(conference.content_pack_id, conference.content_pack_version)
    young = conference.case.young_person
    data = ConsoleData(pack=pack, conference=_row(conference), young_person=young.display_name)
    data.conference["kind_label"] = conference.kind.label
    data.conference["case_id"] = conference.case_id
    data.conference["young_person_id"] = young.id

    data.attendance = _rows(_of(session, Attendance, conference_id, Attendance.name))
    data.minutes = _rows(_of(session, MinuteEntry, conference_id, MinuteEntry.recorded_at))
    need_labels, names = _load_shared_parts(session, data, conference_id)
    data.views = _rows(_of(session, DecisionView, conference_id, DecisionView.name))

    for goal in plan_goals(session, conference_id):
        row = _row(goal)
        row["need_ids"] = [link.need_id for link in goal.links if link.need_id]
        row["context_ids"] = [link.context_id for link in goal.links if link.context_id]
        row["link_ids"] = {(link.need_id or link.context_id): link.id for link in goal.links}
        row["answers"] = ", ".join(
            [need_labels.get(i, "") for i in row["need_ids"]]
            + [names.get(i, "") for i in row["context_ids"]]
        )
        row["actions"] = []
        for action in goal.actions:
            action_row = _row(action)
            action_row["owner"] = action.owner()
            row["actions"].append(action_row)
        data.goals.append(row)

    data.warnings = plan_warnings(session, conference_id, pack)
    data.pathway_prompt = pathway_prompt(session, conference_id)
    data.history = map_history(session, conference.case_id, conference.starts_at)
    data.changes = changes_since_previous(session, conference_id, pack)
    data.since_assessment = changes_since_assessment(session, conference_id, pack)
    data.from_assessment = from_the_assessment(session, conference_id, pack)
    return data


def _load_shared_parts(
    session: Session, data: ConsoleData, owner_id: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The parts a conference shares with an assessment, and the names they link to.

    Returns the need labels and context names by id, for the plan's links.
    """
    pack = data.pack
    young_person_id = str(data.conference["young_person_id"])
    data.picture = _rows(_of(session, ProfileItem, owner_id, ProfileItem.kind))
    for voice in _of(session, Voice, owner_id, Voice.said_at):
        if voice.corrects_something:
            continue  # a family correction, shown (read-only) beside what it corrects
        row = _row(voice)
        row["who"] = voice.attribution()
        data.voices.append(row)

    areas = contexts_of(session, owner_id)
    names = {a.id: a.name for a in areas}
    data.contexts = _rows(areas)
    for link in _of(session, ContextLink, owner_id, ContextLink.label):
        row = _row(link)
        row["source"] = names.get(link.source_id, "")
        row["target"] = names.get(link.target_id, "")
        data.links.append(row)
    for item in _of(session, PartnerItem, owner_id, PartnerItem.created_at):
        row = _row(item)
        row["agency"] = item.agency.name if item.agency else ""
        row["context"] = names.get(item.context_id or "", "")
        data.partner_items.append(row)

    need_labels: dict[str, str] = {}
    for need in _of(session, Need, owner_id, Need.area):
        row = _row(need)
        area = pack.need(need.area)
        row["label"] = area.label("en") if area else need.area
        need_labels[need.id] = row["label"]
        data.needs.append(row)
    order = {area.key: n for n, area in enumerate(pack.needs)}
    data.needs.sort(key=lambda r: order.get(r["area"], len(order)))

    for harm in _of(session, HarmEntry, owner_id, HarmEntry.timing):
        row = _row(harm)
        row["type_label"] = pack.harm_label(harm.harm_type)
        data.harm.append(row)
    family = session.scalars(
        select(FamilyMember)
        .where(FamilyMember.young_person_id == young_person_id)
        .order_by(FamilyMember.name)
    )
    data.family = [(m.id, f"{m.name} ({m.relationship_to_young_person})") for m in family]
    data.agencies = [(a.id, a.name) for a in session.scalars(select(Agency).order_by(Agency.name))]
    data.professionals = [
        (p.id, f"{p.name}, {p.agency.name}")
        for p in session.scalars(select(Professional).order_by(Professional.name))
    ]
    return need_labels, names


def load_assessment(session: Session, assessment_id: str) -> ConsoleData:
    """An assessment, read for the same pages the console shows its parts on."""
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise LookupError(assessment_id)
    pack = pack_for(assessment.content_pack_id, assessment.content_pack_version)
    young = assessment.case.young_person
    data = ConsoleData(
        pack=pack,
        conference=_row(assessment),
        young_person=young.display_name,
        owner_field="assessment_id",
    )
    data.conference["young_person_id"] = young.id
    _load_shared_parts(session, data, assessment_id)
    return data
