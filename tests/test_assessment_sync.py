"""An assessment reaches the chair through sync like any record, and the conference the
chair starts from it syncs back without touching the assessment."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from roth_desktop import edits
from roth_desktop.assessments.writing import start_assessment
from roth_desktop.conference import running
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.demo import populate
from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    Assessment,
    AssessmentShare,
    Conference,
    HarmEntry,
    HarmTiming,
    Need,
    SyncConflict,
    Voice,
)
from roth_desktop.sync import engine
from tests.helpers.sync_team import build_team, record_rows

ASSESSMENT_TABLES = (
    "assessment",
    "assessment_share",
    "context_area",
    "context_link",
    "need",
    "harm_entry",
    "partner_item",
    "profile_item",
    "voice",
    "visit",
)


def test_the_workers_assessment_syncs_to_the_chair_and_the_conference_back(
    tmp_path: Path,
) -> None:
    team = build_team(tmp_path, 2)
    worker, chair = 0, 1
    with team.open(worker) as workspace:
        with workspace.session() as session:
            populate(session)
            assessment = session.scalars(select(Assessment)).one()
            assessment_id, case_id = assessment.id, assessment.case_id
        engine.sync(workspace)
        written = record_rows(workspace, bookkeeping=False)

    with team.open(chair) as workspace:
        engine.sync(workspace)
        received = record_rows(workspace, bookkeeping=False)
        for table in ASSESSMENT_TABLES:
            assert received[table] == written[table], table
        with workspace.session() as session:
            shares = session.scalars(select(AssessmentShare)).all()
            assert len(shares) == 1 and shares[0].shown, "what the family saw travelled too"
            (conference,) = session.scalars(
                select(Conference).where(
                    Conference.case_id == case_id, Conference.content_pack_id == ""
                )
            ).all()
            conference_id = conference.id
            running.begin(session, conference_id, default_pack(), assessment_id=assessment_id)
        engine.sync(workspace)

    with team.open(worker) as workspace:
        engine.sync(workspace)
        with workspace.session() as session:
            started = session.get_one(Conference, conference_id)
            assert started.assessment_id == assessment_id
            copied = session.scalars(
                select(Voice).where(Voice.conference_id == conference_id)
            ).all()
            assert copied, "the conference's copy of their words came back"
            assert session.scalars(select(SyncConflict)).all() == []
        after = record_rows(workspace, bookkeeping=False)
    owned = [
        row
        for table in ASSESSMENT_TABLES
        for row in after[table]
        if f'"assessment_id": "{assessment_id}"' in row or f'"id": "{assessment_id}"' in row
    ]
    before = [
        row
        for table in ASSESSMENT_TABLES
        for row in written[table]
        if f'"assessment_id": "{assessment_id}"' in row or f'"id": "{assessment_id}"' in row
    ]
    assert sorted(owned) == sorted(before), "the assessment is as the worker wrote it"


def test_a_part_added_to_an_assessment_deleted_elsewhere_goes_with_it(tmp_path: Path) -> None:
    """A shared part cannot lose its owner (it must belong to a conference or an
    assessment), so when its assessment was deleted on another device, the part goes
    too, and the rest of the batch is applied."""
    team = build_team(tmp_path, 2)
    with team.open(0) as workspace:
        with workspace.session() as session:
            populate(session)
            case_id = session.scalars(select(Assessment)).one().case_id
            # Started by mistake: nothing shared, no conference started from it.
            assessment_id = start_assessment(session, case_id, default_pack()).id
        engine.sync(workspace)
    with team.open(1) as workspace:
        engine.sync(workspace)
        with workspace.session() as session:
            session.add(
                HarmEntry(
                    assessment_id=assessment_id,
                    harm_type="weapons",
                    timing=HarmTiming.LIKELY,
                    description="Added on the chair's laptop",
                )
            )
        engine.sync(workspace)
    with team.open(0) as workspace:
        with workspace.session() as session:
            edits.delete_record(session, "assessment", assessment_id)
            assert (
                session.scalars(select(Need).where(Need.assessment_id == assessment_id)).all() == []
            )
        report = engine.sync(workspace)
        assert not report.rejected, report
        with workspace.session() as session:
            assert session.get(Assessment, assessment_id) is None
            left = session.scalars(
                select(HarmEntry).where(HarmEntry.description == "Added on the chair's laptop")
            ).all()
            assert left == []


def test_a_shared_assessment_cannot_be_deleted(tmp_path: Path) -> None:
    team = build_team(tmp_path, 1)
    with team.open(0) as workspace:
        with workspace.session() as session:
            populate(session)
            assessment_id = session.scalars(select(Assessment)).one().id
        with pytest.raises(ValidationError) as refused, workspace.session() as session:
            edits.delete_record(session, "assessment", assessment_id)
        assert "shared with the family" in refused.value.problems["assessment"]
