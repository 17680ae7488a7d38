"""The live conference's core on real encrypted workspaces: the demo's recorded
conferences, starting and carrying forward, the map's shares, the agreed lock,
the plan checks, what the family's screen may show, and the agenda as data."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from roth_desktop import audit, edits
from roth_desktop.conference import running
from roth_desktop.conference.content_pack import (
    STEP_KINDS,
    ContentPack,
    ContentPackError,
    Text,
    available_packs,
    default_pack,
    load_pack,
    local_packs_dir,
    pack_for,
    parse_pack,
)
from roth_desktop.conference.participant_view import participant_view
from roth_desktop.conference.plan_checks import pathway_prompt, plan_warnings
from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    ActionStatus,
    Agency,
    AuditEntry,
    Conference,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    ContextArea,
    ContextLink,
    DecisionView,
    GoalLink,
    GoalProgress,
    HarmEntry,
    HarmTiming,
    MinuteEntry,
    Need,
    NeedStatus,
    PartnerItem,
    PlanAction,
    PlanGoal,
    PlanHeading,
    ProfileItem,
    Safety,
    ViewPosition,
    Voice,
    VoiceKind,
    VoiceSpeaker,
)
from roth_desktop.models.base import Record
from roth_desktop.models.context_map import initials_problem
from roth_desktop.workspace import Workspace

R = TypeVar("R", bound=Record)
PACK = default_pack()
TOTAL = 10_000


# -- finding the demo's conferences -----------------------------------------------------------


def _find(session: Session, first_name: str, kind: ConferenceKind, past: bool) -> Conference:
    now = datetime.now()
    found = [
        c
        for c in session.scalars(select(Conference).order_by(Conference.starts_at))
        if c.case.young_person.first_name == first_name
        and c.kind == kind
        and (c.starts_at < now) == past
    ]
    assert len(found) == 1, (first_name, kind, past)
    return found[0]


def _past(session: Session) -> list[Conference]:
    now = datetime.now()
    return [
        c
        for c in session.scalars(select(Conference).order_by(Conference.starts_at))
        if c.starts_at < now
    ]


def _rows(session: Session, cls: type[R], conference_id: str) -> list[R]:
    column = cls.__table__.columns["conference_id"]
    return list(session.scalars(select(cls).where(column == conference_id)))


def _map(session: Session, conference_id: str) -> dict[str, tuple[Safety, int]]:
    return {
        a.context_key: (a.safety, a.weight) for a in running.contexts_of(session, conference_id)
    }


def _total(session: Session, conference_id: str) -> int:
    return sum(running.shares_of(session, conference_id).values())


def _begun_tyler(workspace: Workspace) -> str:
    """Tyler's upcoming initial conference, started from the default pack."""
    with workspace.session() as session:
        conference = _find(session, "Tyler", ConferenceKind.INITIAL, past=False)
        assert running.begin(session, conference.id, PACK)
        return conference.id


def _area_id(workspace: Workspace, conference_id: str, key: str) -> str:
    with workspace.session() as session:
        return next(
            a.id for a in running.contexts_of(session, conference_id) if a.context_key == key
        )


def _need_id(workspace: Workspace, conference_id: str, area: str) -> str:
    with workspace.session() as session:
        return next(n.id for n in _rows(session, Need, conference_id) if n.area == area)


def _refused(workspace: Workspace, change: Callable[[Session], object]) -> ValidationError:
    """A change made in its own unit of work, refused and rolled back."""
    with pytest.raises(ValidationError) as refused, workspace.session() as session:
        change(session)
    return refused.value


# -- the demo's recorded conferences ----------------------------------------------------------


def test_the_demos_past_conferences_are_complete_agreed_records(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        assert audit.verify(session).ok
        past = _past(session)
        assert len(past) == 4
        for conference in past:
            cid = conference.id
            assert conference.status == ConferenceStatus.AGREED
            assert conference.agreed_at is not None and conference.agreed_at > conference.starts_at
            assert (conference.content_pack_id, conference.content_pack_version) == (
                PACK.id,
                PACK.version,
            )
            assert conference.current_step == PACK.steps[-1].key
            assert _total(session, cid) == TOTAL
            assert {n.area for n in _rows(session, Need, cid)} == {a.key for a in PACK.needs}
            for need in _rows(session, Need, cid):
                area = PACK.need(need.area)
                assert area is not None
                assert set(need.answers) <= {q.key for q in area.questions}, need.area
            assert {h.timing for h in _rows(session, HarmEntry, cid)} == set(HarmTiming)
            assert conference.significant_harm is True and conference.outcome is not None
            assert conference.review_on is not None and conference.core_group_on is not None
            assert conference.visit_frequency == "Weekly"
            assert {g.heading for g in _rows(session, PlanGoal, cid)} >= {
                PlanHeading.NEEDS,
                PlanHeading.GUARDIANSHIP,
            }
            for part in (ProfileItem, MinuteEntry, DecisionView, ContextLink, Voice, PartnerItem):
                assert _rows(session, part, cid), part.__tablename__
            assert plan_warnings(session, cid, PACK) == [], conference.kind
            assert pathway_prompt(session, cid) == ""
        upcoming = [c for c in session.scalars(select(Conference)) if c not in past]
        assert len(upcoming) == 2
        for conference in upcoming:
            assert conference.status == ConferenceStatus.DRAFT
            assert conference.content_pack_id == ""
            assert not running.contexts_of(session, conference.id)
            assert not _rows(session, Need, conference.id)


def test_the_demo_keeps_restricted_information_dissent_and_the_familys_own_words(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        for cls in (PartnerItem, HarmEntry, MinuteEntry):
            restricted = select(func.count()).where(cls.restricted.is_(True))
            assert (session.scalar(restricted) or 0) > 0, cls.__tablename__
        assert session.scalars(select(PartnerItem).where(PartnerItem.agency_decision)).first()
        dissent = list(
            session.scalars(
                select(DecisionView).where(DecisionView.position == ViewPosition.DISAGREES)
            )
        )
        assert dissent and all(view.reasons.strip() for view in dissent)
        initial = _find(session, "Amira", ConferenceKind.INITIAL, past=True)
        voices = _rows(session, Voice, initial.id)
        young = [v for v in voices if v.speaker == VoiceSpeaker.YOUNG_PERSON]
        assert len({v.channel for v in young}) == 2
        family_kinds = {v.kind for v in voices if v.family_member_id}
        assert {VoiceKind.CORRECTION, VoiceKind.SAFETY_EFFORT} <= family_kinds
        areas = running.contexts_of(session, initial.id)
        assert any(a.referred_to_context_meeting for a in areas)
        assert any(a.peer_initials and not initials_problem(a.peer_initials) for a in areas)


def test_the_review_carries_from_the_initial_conference_and_its_map_has_changed(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        first = _find(session, "Amira", ConferenceKind.INITIAL, past=True)
        review = _find(session, "Amira", ConferenceKind.REVIEW, past=True)
        assert review.previous_conference_id == first.id
        for cls in (ContextArea, Need, PlanGoal, PlanAction):
            earlier = {row.id for row in _rows(session, cls, first.id)}
            carried = [row.values()["carried_from_id"] for row in _rows(session, cls, review.id)]
            assert any(carried), cls.__tablename__
            assert {c for c in carried if c} <= earlier, cls.__tablename__
        assert all(a.carried_from_id for a in running.contexts_of(session, review.id))
        before, after = _map(session, first.id), _map(session, review.id)
        assert before.keys() == after.keys() and before != after
        assert after["online"][1] > before["online"][1]
        assert after["places"][1] < before["places"][1]
        assert (before["school"][0], after["school"][0]) == (Safety.MIXED, Safety.SAFE)
        progress = {g.progress for g in _rows(session, PlanGoal, review.id)}
        assert {GoalProgress.ACHIEVED, GoalProgress.PROGRESSING} <= progress
        statuses = {a.status for a in _rows(session, PlanAction, review.id)}
        assert {ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_DONE} <= statuses


# -- starting a conference ----------------------------------------------------------------------


def test_begin_readies_an_initial_conference_from_the_pack_once(
    demo_workspace: Workspace,
) -> None:
    cid = _begun_tyler(demo_workspace)
    with demo_workspace.session() as session:
        conference = session.get(Conference, cid)
        assert conference is not None
        assert (conference.content_pack_id, conference.content_pack_version) == (
            PACK.id,
            PACK.version,
        )
        assert conference.current_step == PACK.steps[0].key
        areas = running.contexts_of(session, cid)
        assert [a.context_key for a in areas] == [c.key for c in PACK.contexts]
        assert all(a.safety == Safety.UNKNOWN for a in areas)
        assert _total(session, cid) == TOTAL
        assert sorted(n.area for n in _rows(session, Need, cid)) == sorted(
            a.key for a in PACK.needs
        )
        before = (running.shares_of(session, cid), len(_rows(session, Need, cid)))
        entries = session.scalar(select(func.count()).select_from(AuditEntry))
    with demo_workspace.session() as session:
        assert running.begin(session, cid, PACK) is False
    with demo_workspace.session() as session:
        assert (running.shares_of(session, cid), len(_rows(session, Need, cid))) == before
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == entries


def test_begin_on_a_review_carries_forward_all_but_achieved_goals(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        last = _find(session, "Amira", ConferenceKind.REVIEW, past=True)
        upcoming = _find(session, "Amira", ConferenceKind.REVIEW, past=False)
        assert running.begin(session, upcoming.id, PACK)
        cid, last_id = upcoming.id, last.id
    with demo_workspace.session() as session:
        assert audit.verify(session).ok
        assert session.get(Conference, cid).previous_conference_id == last_id  # type: ignore[union-attr]
        old_areas = {a.id: a for a in running.contexts_of(session, last_id)}
        new_areas = running.contexts_of(session, cid)
        assert sorted(a.carried_from_id or "" for a in new_areas) == sorted(old_areas)
        for area in new_areas:
            old = old_areas[area.carried_from_id or ""]
            assert (area.name, area.safety, area.weight) == (old.name, old.safety, old.weight)
        new_ids = {a.id: a.carried_from_id for a in new_areas}
        old_links = {
            (x.source_id, x.target_id, x.label) for x in _rows(session, ContextLink, last_id)
        }
        new_links = {
            (new_ids[x.source_id], new_ids[x.target_id], x.label)
            for x in _rows(session, ContextLink, cid)
        }
        assert new_links == old_links
        old_needs = {n.id: n for n in _rows(session, Need, last_id)}
        for need in _rows(session, Need, cid):
            old_need = old_needs[need.carried_from_id or ""]
            assert (need.area, need.status, need.answers) == (
                old_need.area,
                old_need.status,
                old_need.answers,
            )
        old_goals = {g.id: g for g in _rows(session, PlanGoal, last_id)}
        unfinished = {
            gid
            for gid, g in old_goals.items()
            if g.progress not in (GoalProgress.ACHIEVED, GoalProgress.STOPPED)
        }
        achieved = {g.text for g in old_goals.values() if g.progress == GoalProgress.ACHIEVED}
        assert achieved and unfinished
        goals = _rows(session, PlanGoal, cid)
        assert {g.carried_from_id for g in goals} == unfinished
        assert all(g.progress == GoalProgress.CARRIED_FORWARD for g in goals)
        assert not achieved & {g.text for g in goals}
        for goal in goals:
            old_goal = old_goals[goal.carried_from_id or ""]
            assert {a.carried_from_id for a in goal.actions} == {a.id for a in old_goal.actions}
            assert len(goal.links) == len(old_goal.links)
        assert plan_warnings(session, cid, PACK) == []


# -- the map's shares ---------------------------------------------------------------------------


def test_adding_and_removing_contexts_keeps_the_map_at_100_percent(
    demo_workspace: Workspace,
) -> None:
    cid = _begun_tyler(demo_workspace)
    with demo_workspace.session() as session:
        added = running.add_context(session, cid, "Fernleigh skate park", Safety.UNSAFE)
        assert set(added.old_shares) == set(running.shares_of(session, cid)) - {added.context_id}
        assert _total(session, cid) == TOTAL
    refused = _refused(
        demo_workspace, lambda s: running.add_context(s, cid, "  fernleigh SKATE PARK ")
    )
    assert "name" in refused.problems
    with demo_workspace.session() as session:
        assert len(running.contexts_of(session, cid)) == len(PACK.contexts) + 1
        assert _total(session, cid) == TOTAL
        ids = list(running.shares_of(session, cid))
    for wrong in (ids[1:], [*ids, "not-a-context"]):
        shares = dict.fromkeys(wrong, 1)
        refused = _refused(demo_workspace, partial(running.set_shares, owner_id=cid, shares=shares))
        assert "weight" in refused.problems
    with demo_workspace.session() as session:
        old = running.set_shares(session, cid, {key: n + 1 for n, key in enumerate(ids)})
        assert sum(old.values()) == TOTAL and _total(session, cid) == TOTAL
        shares = running.shares_of(session, cid)
        assert shares[ids[-1]] > shares[ids[0]]
        running.remove_context(session, added.context_id)
        assert _total(session, cid) == TOTAL


def test_removing_a_context_takes_its_links_and_undo_brings_them_back_exactly(
    demo_workspace: Workspace,
) -> None:
    cid = _begun_tyler(demo_workspace)
    places, school = (_area_id(demo_workspace, cid, key) for key in ("places", "school"))
    with demo_workspace.session() as session:
        goal = PlanGoal(conference_id=cid, heading=PlanHeading.ENVIRONMENT, text="Light the park")
        session.add(goal)
        session.add(GoalLink(conference_id=cid, goal_id=goal.id, context_id=places))
        session.add(ContextLink(conference_id=cid, source_id=school, target_id=places, label="→"))
        session.add(ContextLink(conference_id=cid, source_id=places, target_id=school, label="←"))
        agency = session.scalars(select(Agency)).first()
        assert agency is not None
        # Information about the context outlives it, and undo links it back again.
        session.add(PartnerItem(conference_id=cid, agency=agency, context_id=places, text="Seen"))
        session.flush()
        goal_id = goal.id

    def state(session: Session) -> tuple[Any, ...]:
        def values(cls: type[Record]) -> list[dict[str, Any]]:
            rows = [
                {k: v for k, v in r.values().items() if k not in Record.BOOKKEEPING}
                for r in _rows(session, cls, cid)
            ]
            return sorted(rows, key=lambda r: str(r["id"]))

        kinds = (ContextArea, ContextLink, GoalLink, PlanGoal, PartnerItem)
        return tuple(values(cls) for cls in kinds)

    with demo_workspace.session() as session:
        before = state(session)
        removed = running.remove_context(session, places)
    with demo_workspace.session() as session:
        assert session.get(ContextArea, places) is None
        assert not _rows(session, ContextLink, cid) and not _rows(session, GoalLink, cid)
        assert session.get(PlanGoal, goal_id) is not None
        assert [p.context_id for p in _rows(session, PartnerItem, cid)] == [None]
        assert _total(session, cid) == TOTAL
        assert [w.record_id for w in plan_warnings(session, cid, PACK)] == [goal_id]
        edits.restore_records(session, removed.snapshot)
        running.restore_shares(session, cid, removed.old_shares)
    with demo_workspace.session() as session:
        assert state(session) == before
        assert running.shares_of(session, cid) == removed.old_shares
        assert audit.verify(session).ok


def test_removing_what_a_later_conference_carried_clears_its_link_in_the_trail(
    demo_workspace: Workspace,
) -> None:
    """A later copy's link back is cleared as an audited change, never by the database
    behind the trail's back (which ``audit.verify`` would report as tampering)."""
    with demo_workspace.session() as session:
        first = _find(session, "Amira", ConferenceKind.INITIAL, past=True)
        review = _find(session, "Amira", ConferenceKind.REVIEW, past=True)
        upcoming = _find(session, "Amira", ConferenceKind.REVIEW, past=False)
        running.begin(session, upcoming.id, PACK)
        for conference in (first, review):
            running.reopen(session, conference.id, "Online was mapped twice.")
        first_id, review_id, upcoming_id = first.id, review.id, upcoming.id
    for conference_id in (review_id, first_id):
        online = _area_id(demo_workspace, conference_id, "online")
        with demo_workspace.session() as session:
            running.remove_context(session, online)
    with demo_workspace.session() as session:
        for later in (review_id, upcoming_id):
            carried = {
                a.context_key: a.carried_from_id for a in running.contexts_of(session, later)
            }
            assert "online" not in carried or carried["online"] is None
            assert carried["home"] is not None
            assert _total(session, later) == TOTAL
        assert audit.verify(session).ok


def test_removing_someone_from_the_attendance_keeps_their_view_and_the_trail(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        conference = _find(session, "Tyler", ConferenceKind.INITIAL, past=False)
        here = conference.attendance[0]
        view = DecisionView(conference_id=conference.id, attendance_id=here.id, name=here.name)
        session.add(view)
        attendance_id, view_id = here.id, view.id
    with demo_workspace.session() as session:
        edits.delete_record(session, "attendance", attendance_id)
    with demo_workspace.session() as session:
        kept = session.get(DecisionView, view_id)
        assert kept is not None and kept.attendance_id is None
        assert audit.verify(session).ok


def test_peers_are_written_as_initials_only(demo_workspace: Workspace) -> None:
    cid = _begun_tyler(demo_workspace)
    peers = _area_id(demo_workspace, cid, "peers")
    refused = _refused(
        demo_workspace,
        lambda s: edits.set_field(s, "context_area", peers, "peer_initials", "Jayden Brooks"),
    )
    assert set(refused.problems) == {"peer_initials"}
    with demo_workspace.session() as session:
        edits.set_field(session, "context_area", peers, "peer_initials", "J.B., KT")
    with demo_workspace.session() as session:
        assert session.get(ContextArea, peers).peer_initials == "J.B., KT"  # type: ignore[union-attr]
    assert initials_problem("J.B. and KT/A") == ""
    assert initials_problem("jb") != ""


def test_a_peers_initials_in_shared_words_are_flagged_before_the_family_sees_them(
    demo_workspace: Workspace,
) -> None:
    cid = _begun_tyler(demo_workspace)
    peers = _area_id(demo_workspace, cid, "peers")
    places = _area_id(demo_workspace, cid, "places")
    with demo_workspace.session() as session:
        edits.set_field(session, "context_area", peers, "peer_initials", "J.B., KT")
        edits.set_field(session, "context_area", places, "makes_unsafe", "JB waits by the shops.")
        edits.set_field(session, "context_area", peers, "makes_safe", "Riding his KTM bike.")
        said = edits.create_record(
            session,
            "voice",
            {"conference_id": cid, "speaker": "young_person", "words": "K.T. is my best mate"},
        )
        edits.create_record(
            session,
            "partner_item",
            {
                "conference_id": cid,
                "agency_id": session.scalars(select(Agency.id)).first(),
                "text": "Police: KT is known to them.",
                "restricted": True,
            },
        )
    with demo_workspace.session() as session:
        flagged = {
            (w.table, w.record_id): w.message
            for w in plan_warnings(session, cid, PACK)
            if "peer's initials" in w.message
        }
    # Both ways of writing the same initials are caught; a restricted item, which the
    # family never sees, and a word that merely starts with the letters are not.
    assert set(flagged) == {("context_area", places), ("voice", said)}
    assert "“JB”" in flagged[("context_area", places)]
    assert "“K.T.”" in flagged[("voice", said)]


# -- agreeing, and the agreed lock ---------------------------------------------------------------


def test_an_agreed_conference_refuses_edits_until_reopened_with_a_reason(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        conference = _find(session, "Amira", ConferenceKind.INITIAL, past=True)
        cid = conference.id
        area = running.contexts_of(session, cid)[0].id
    for change in (
        lambda s: edits.set_field(s, "conference", cid, "location", "Elsewhere"),
        lambda s: s.add(Voice(conference_id=cid, speaker=VoiceSpeaker.YOUNG_PERSON, words="Hi")),
        lambda s: edits.set_field(s, "context_area", area, "weight", 5000),
        lambda s: edits.delete_record(s, "context_area", area),
        lambda s: edits.set_field(s, "conference", cid, "status", ConferenceStatus.DRAFT),
        lambda s: running.reopen(s, cid, "   "),
    ):
        with pytest.raises(ValidationError), demo_workspace.session() as session:
            change(session)
            session.flush()
    with (
        pytest.raises(ValidationError, match="has been agreed"),
        demo_workspace.session() as session,
    ):
        session.add(Voice(conference_id=cid, speaker=VoiceSpeaker.YOUNG_PERSON, words="Hi"))
    with demo_workspace.session() as session:
        assert session.get(Conference, cid).status == ConferenceStatus.AGREED  # type: ignore[union-attr]
        assert running.go_to_step(session, cid, "welcome") == PACK.steps[-1].key
        running.reopen(session, cid, "Mum's correction was recorded against the wrong date.")
    with demo_workspace.session() as session:
        edits.set_field(session, "conference", cid, "location", "Fernleigh Library")
        session.add(Voice(conference_id=cid, speaker=VoiceSpeaker.YOUNG_PERSON, words="Hi"))
    with demo_workspace.session() as session:
        assert audit.verify(session).ok
        trail = [
            json.loads(e.changes)
            for e in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.table_name == "conference", AuditEntry.record_id == cid)
                .order_by(AuditEntry.seq)
            )
        ]
        reopened = next(t for t in trail if t["set"].get("status") == "draft" and t["was"])
        assert reopened["was"]["status"] == "agreed"
        assert reopened["set"]["reopen_reason"].startswith("Mum's correction")
        assert reopened["set"]["agreed_at"] is None
        assert trail[-1]["set"] == {"location": "Fernleigh Library"}


def test_agreeing_needs_the_decision(demo_workspace: Workspace) -> None:
    cid = _begun_tyler(demo_workspace)
    refused = _refused(demo_workspace, lambda s: running.agree(s, cid))
    assert set(refused.problems) == {"significant_harm", "outcome"}
    with demo_workspace.session() as session:
        conference = _find(session, "Tyler", ConferenceKind.INITIAL, past=False)
        conference.significant_harm = True
        conference.outcome = ConferenceOutcome.ROTH_PLAN
    # Agreeing a conference that has not happened yet is refused by its own rules.
    refused = _refused(demo_workspace, lambda s: running.agree(s, cid))
    assert "status" in refused.problems


# -- the plan checks ------------------------------------------------------------------------------


def test_each_plan_gap_gives_one_warning_and_fixing_it_clears_it(
    demo_workspace: Workspace,
) -> None:
    cid = _begun_tyler(demo_workspace)
    education = _need_id(demo_workspace, cid, "education")
    poverty = _need_id(demo_workspace, cid, "poverty")
    places = _area_id(demo_workspace, cid, "places")

    def warned() -> list[tuple[str, str]]:
        with demo_workspace.session() as session:
            return [(w.table, w.record_id) for w in plan_warnings(session, cid, PACK)]

    def create(table: str, **values: Any) -> str:
        with demo_workspace.session() as session:
            return edits.create_record(session, table, {"conference_id": cid, **values})

    def change(table: str, record_id: str, **values: Any) -> None:
        with demo_workspace.session() as session:
            edits.set_fields(session, table, record_id, values)

    assert warned() == []
    goal = create("plan_goal", heading="needs", text="Back in school")
    assert warned() == [("plan_goal", goal)]
    create("goal_link", goal_id=goal, need_id=education)
    assert warned() == []

    action = create("plan_action", goal_id=goal, what="Find a course")
    assert warned() == [("plan_action", action)]
    with demo_workspace.session() as session:
        message = plan_warnings(session, cid, PACK)[0].message
    assert "who will do it" in message and "by when" in message and "how we will" in message
    change("plan_action", action, person="Joanne Marsh")
    change("plan_action", action, due_on=datetime.now().date() + timedelta(days=30))
    assert len(warned()) == 1
    change("plan_action", action, how_we_know="Tyler starts the course")
    assert warned() == []

    change("need", poverty, status="unmet", responsible="Daniel Osei")
    assert warned() == [("need", poverty)]
    create("goal_link", goal_id=goal, need_id=poverty)
    assert warned() == []

    change("context_area", places, safety="unsafe")
    assert warned() == [("context_area", places)]
    create("goal_link", goal_id=goal, context_id=places)
    assert warned() == []


def test_the_pathway_prompt_asks_when_the_map_and_the_decision_point_different_ways(
    demo_workspace: Workspace,
) -> None:
    cid = _begun_tyler(demo_workspace)
    home, places = (_area_id(demo_workspace, cid, key) for key in ("home", "places"))

    def prompt(
        top: str, outcome: ConferenceOutcome | None, unsafe: tuple[str, ...] = (home, places)
    ) -> str:
        with demo_workspace.session() as session:
            for area in running.contexts_of(session, cid):
                area.safety = Safety.UNSAFE if area.id in unsafe else Safety.SAFE
            shares = running.shares_of(session, cid)
            running.set_shares(session, cid, {k: 50 if k == top else 10 for k in shares})
            conference = session.get(Conference, cid)
            assert conference is not None
            conference.significant_harm = True
            conference.outcome = outcome
            session.flush()
            return pathway_prompt(session, cid)

    assert "traditional child protection pathway" in prompt(home, ConferenceOutcome.ROTH_PLAN)
    assert "ROTH pathway" in prompt(places, ConferenceOutcome.TRADITIONAL_PLAN)
    assert prompt(places, ConferenceOutcome.ROTH_PLAN) == ""
    assert prompt(home, ConferenceOutcome.TRADITIONAL_PLAN) == ""
    assert prompt(home, None) == ""
    # Home is biggest but safe: the most influential *unsafe* context decides.
    assert prompt(home, ConferenceOutcome.ROTH_PLAN, unsafe=(places,)) == ""


# -- what the family's screen shows ----------------------------------------------------------


RESTRICTED_MARKER = "RESTRICTED-5e1f0c-not-for-the-family"
SHARED_MARKER = "SHARED-8a2d47-on-screen"


def test_restricted_rows_never_reach_the_participant_view(demo_workspace: Workspace) -> None:
    cid = _begun_tyler(demo_workspace)
    with demo_workspace.session() as session:
        agency = session.scalars(select(PartnerItem.agency_id)).first()
        session.add_all(
            [
                PartnerItem(
                    conference_id=cid, agency_id=agency, text=RESTRICTED_MARKER, restricted=True
                ),
                PartnerItem(conference_id=cid, agency_id=agency, text=SHARED_MARKER),
                HarmEntry(
                    conference_id=cid,
                    harm_type="cce",
                    timing=HarmTiming.LIKELY,
                    description=RESTRICTED_MARKER,
                    restricted=True,
                ),
                MinuteEntry(
                    conference_id=cid, step_key="harm", text=RESTRICTED_MARKER, restricted=True
                ),
            ]
        )
    with demo_workspace.session() as session:
        for step in PACK.steps:
            text = participant_view(session, cid, PACK, step_key=step.key).all_text()
            assert RESTRICTED_MARKER not in text, step.key
            assert SHARED_MARKER in text, step.key
        secrets = 0
        for conference in _past(session):
            secret = [
                *(p.text for p in _rows(session, PartnerItem, conference.id) if p.restricted),
                *(h.description for h in _rows(session, HarmEntry, conference.id) if h.restricted),
                *(m.text for m in _rows(session, MinuteEntry, conference.id) if m.restricted),
            ]
            shared = [
                p.text for p in _rows(session, PartnerItem, conference.id) if not p.restricted
            ]
            assert shared
            secrets += len(secret)
            for step in PACK.steps:
                view = participant_view(session, conference.id, PACK, step_key=step.key)
                text = view.all_text()
                assert not [s for s in secret if s in text], (conference.kind, step.key)
                assert all(s in text for s in shared)
                assert sum(a.share for a in view.areas) == TOTAL
        assert secrets >= 6


def test_a_restricted_link_stays_restricted_when_a_review_carries_it(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        last = _find(session, "Amira", ConferenceKind.REVIEW, past=True)
        upcoming = _find(session, "Amira", ConferenceKind.REVIEW, past=False)
        running.reopen(session, last.id, "A link names another young person.")
        link = _rows(session, ContextLink, last.id)[0]
        link.label = RESTRICTED_MARKER
        link.restricted = True
        session.flush()
        running.agree(session, last.id)
        running.begin(session, upcoming.id, PACK)
        cid = upcoming.id
    with demo_workspace.session() as session:
        carried = [x for x in _rows(session, ContextLink, cid) if x.label == RESTRICTED_MARKER]
        assert len(carried) == 1 and carried[0].restricted
        for step in PACK.steps:
            text = participant_view(session, cid, PACK, step_key=step.key).all_text()
            assert RESTRICTED_MARKER not in text


def test_the_participant_view_speaks_welsh(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        conference = _find(session, "Amira", ConferenceKind.REVIEW, past=True)
        for n, step in enumerate(PACK.steps, 1):
            welsh = participant_view(session, conference.id, PACK, "cy", step.key)
            english = participant_view(session, conference.id, PACK, "en", step.key)
            assert welsh.title == step.participant_title.cy != english.title
            assert welsh.text == step.participant_text.cy
            assert (welsh.step_number, welsh.step_count) == (n, len(PACK.steps))
        assert participant_view(session, conference.id, PACK, "cy", "welcome").title == "Croeso"
        assert welsh.terms["map_heading"] == PACK.terms["map_heading"].cy


# -- the agenda as data ----------------------------------------------------------------------


def _texts(pack: ContentPack) -> list[tuple[str, Text]]:
    found: list[tuple[str, Text]] = [("name", pack.name)]
    for step in pack.steps:
        found += [
            (f"{step.key} title", step.title),
            (f"{step.key} participant title", step.participant_title),
            (f"{step.key} participant text", step.participant_text),
        ]
    for kind in pack.contexts:
        found += [(kind.key, kind.label), (kind.key, kind.participant_label)]
    for area in pack.needs:
        found += [(area.key, area.label), (area.key, area.participant_label)]
        for question in area.questions:
            found.append((f"{area.key}.{question.key}", question.label))
            found += [(f"{question.key}.{c.key}", c.label) for c in question.choices]
    found += [(h.key, h.label) for h in pack.harm_types]
    found += list(pack.terms.items())
    return found


def test_the_default_pack_runs_every_step_in_english_and_welsh() -> None:
    assert tuple(step.kind for step in PACK.steps) == STEP_KINDS
    for where, text in _texts(PACK):
        assert text.en.strip() and text.cy.strip(), where
    for step in PACK.steps:
        assert step.prompts("en") and len(step.prompts("cy")) == len(step.prompts("en")), step.key
    assert {c.key for c in PACK.contexts} >= {"home", "peers", "school", "places", "online"}
    assert {n.key for n in PACK.needs} >= {"education", "send_mental_health", "poverty"}


def _raw() -> dict[str, Any]:
    source = files("resources").joinpath("content_packs/roth-default/pack.json")
    raw: dict[str, Any] = json.loads(source.read_text("utf-8"))
    return raw


def _no_english(raw: dict[str, Any]) -> None:
    raw["steps"][2]["title"] = {"cy": "Lleisiau"}


def _unknown_kind(raw: dict[str, Any]) -> None:
    raw["steps"][0]["kind"] = "karaoke"


def _repeated_step(raw: dict[str, Any]) -> None:
    raw["steps"][1]["key"] = raw["steps"][0]["key"]


def _repeated_need(raw: dict[str, Any]) -> None:
    raw["needs"].append(copy.deepcopy(raw["needs"][0]))


def _new_format(raw: dict[str, Any]) -> None:
    raw["format"] = 2


def _no_terms(raw: dict[str, Any]) -> None:
    del raw["terms"]["safe"]


def _context_not_object(raw: dict[str, Any]) -> None:
    raw["contexts"][1] = "peers"


@pytest.mark.parametrize(
    "damage",
    [
        _no_english,
        _unknown_kind,
        _repeated_step,
        _repeated_need,
        _new_format,
        _no_terms,
        _context_not_object,
    ],
)
def test_a_broken_pack_is_refused_in_one_line(damage: Callable[[dict[str, Any]], None]) -> None:
    raw = _raw()
    damage(raw)
    with pytest.raises(ContentPackError) as refused:
        parse_pack(raw)
    message = str(refused.value)
    assert message.startswith("The content pack is not usable:")
    assert "\n" not in message


def test_a_pack_file_that_is_not_json_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "fernleigh" / "pack.json"
    path.parent.mkdir()
    path.write_text('{"format": 1, "steps": [', encoding="utf-8")
    with pytest.raises(ContentPackError) as refused:
        load_pack(path)
    assert "\n" not in str(refused.value) and "could not be read" in str(refused.value)
    path.write_bytes(b"\xff\xfe not text")
    with pytest.raises(ContentPackError):
        load_pack(path)


def test_a_local_pack_is_found_and_a_broken_one_skipped(isolated_dirs: dict[str, Path]) -> None:
    assert local_packs_dir().is_relative_to(isolated_dirs["config"])
    raw = _raw()
    raw.update(id="fernleigh-local", version="2027.2")
    raw["steps"] = [raw["steps"][i] for i in (0, 3, 2, 1, *range(4, len(raw["steps"])))]
    raw["steps"][0]["title"]["en"] = "Welcome to Fernleigh"
    for folder, text in (("x", json.dumps(raw)), ("broken", "{not json")):
        (local_packs_dir() / folder).mkdir(parents=True)
        (local_packs_dir() / folder / "pack.json").write_text(text, encoding="utf-8")

    packs = available_packs()
    assert [(p.id, p.version) for p in packs] == [
        (PACK.id, PACK.version),
        ("fernleigh-local", "2027.2"),
    ]
    local = pack_for("fernleigh-local", "2027.2")
    assert local.steps[0].title("en") == "Welcome to Fernleigh"
    assert [s.key for s in local.steps[:3]] == ["welcome", "safety", "voices"]
    assert pack_for("fernleigh-local", "1999.1") == local  # that version gone: the newest
    assert pack_for(PACK.id, PACK.version) is PACK
    assert pack_for("gone-pack", "1") is PACK


def test_a_conference_started_from_a_local_pack_records_it(
    demo_workspace: Workspace, isolated_dirs: dict[str, Path]
) -> None:
    raw = _raw()
    raw.update(id="fernleigh-local", version="2027.2")
    raw["contexts"] = raw["contexts"][:3]
    (local_packs_dir() / "x").mkdir(parents=True)
    (local_packs_dir() / "x" / "pack.json").write_text(json.dumps(raw), encoding="utf-8")
    local = pack_for("fernleigh-local", "2027.2")
    with demo_workspace.session() as session:
        conference = _find(session, "Tyler", ConferenceKind.INITIAL, past=False)
        assert running.begin(session, conference.id, local)
        cid = conference.id
    with demo_workspace.session() as session:
        started = session.get(Conference, cid)
        assert started is not None
        used = pack_for(started.content_pack_id, started.content_pack_version)
        assert used.id == "fernleigh-local"
        assert [a.context_key for a in running.contexts_of(session, cid)] == [
            "home",
            "peers",
            "school",
        ]
        assert _total(session, cid) == TOTAL


def test_needs_left_unmet_are_named_in_the_warning(demo_workspace: Workspace) -> None:
    cid = _begun_tyler(demo_workspace)
    education = _need_id(demo_workspace, cid, "education")
    with demo_workspace.session() as session:
        need = session.get(Need, education)
        assert need is not None
        need.status = NeedStatus.PARTLY_MET
        need.responsible = "Northbrook Academy"
        session.flush()
        (warning,) = plan_warnings(session, cid, PACK)
        assert "Education" in warning.message and "partly met" in warning.message
