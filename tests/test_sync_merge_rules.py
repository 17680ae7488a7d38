"""Merge rules at their edges: what a person saw decides what their edit replaces.

Each test sets up real workspaces in one team, syncs them through a real folder,
and checks the records and conflicts each device ends with.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from roth_desktop import edits
from roth_desktop.models import Agency, AgencyKind, Case, Professional, Visit, YoungPerson
from roth_desktop.sync import conflicts, engine, team
from roth_desktop.sync.engine import CHANGES_PER_ENVELOPE, _batches
from roth_desktop.sync.enrolment import new_code
from roth_desktop.sync.merge import Change
from roth_desktop.workspace import Workspace
from tests.helpers.sync_team import Team, build_team, copy_team


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Team, str]]:
    """Three devices holding one synced young person."""
    base = tmp_path_factory.mktemp("merge-rules")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        made = build_team(base / "team", 3)
        with made.open(0) as workspace, workspace.session() as session:
            person = YoungPerson(
                first_name="Kai", last_name="Brennan", date_of_birth=date(2010, 1, 1)
            )
            session.add(person)
            session.flush()
            person_id = person.id
        for index in (0, 1, 2):
            with made.open(index) as workspace:
                engine.sync(workspace)
        yield made, person_id


@pytest.fixture
def copied(template: tuple[Team, str], tmp_path: Path) -> tuple[Team, str]:
    made, person_id = template
    return copy_team(made, tmp_path), person_id


def _set(team_: Team, index: int, person_id: str, value: str) -> None:
    with team_.open(index) as workspace, workspace.session() as session:
        edits.set_field(session, "young_person", person_id, "first_name", value)


def _sync(team_: Team, *order: int) -> None:
    for index in order:
        with team_.open(index) as workspace:
            report = engine.sync(workspace)
            assert not report.rejected, [r.line() for r in report.rejected]


def _conflict_values(workspace: Workspace) -> dict[str, set[str]]:
    with workspace.session() as session:
        return {c.field: {v.value for v in c.versions} for c in conflicts.list_conflicts(session)}


def test_an_ordinary_edit_of_a_field_in_conflict_keeps_the_version_not_shown(
    copied: tuple[Team, str],
) -> None:
    made, person_id = copied
    _set(made, 0, person_id, "Kye")
    _set(made, 1, person_id, "Kai-Jay")
    _sync(made, 0, 1, 0)
    with made.open(0) as workspace:
        assert _conflict_values(workspace) == {"first_name": {"Kye", "Kai-Jay"}}
    # An ordinary form shows one version; editing it must not swallow the other.
    _set(made, 0, person_id, "Kaiden")
    _sync(made, 0, 1)
    for index in (0, 1):
        with made.open(index) as workspace:
            values = _conflict_values(workspace)
            assert values == {"first_name": {"Kaiden", "Kye"}}, index


def test_an_answer_replaces_only_the_versions_the_person_was_shown(
    copied: tuple[Team, str],
) -> None:
    made, person_id = copied
    _set(made, 0, person_id, "Kye")
    _set(made, 1, person_id, "Kai-Jay")
    _sync(made, 0, 1, 0)
    with made.open(0) as workspace, workspace.session() as session:
        (seen,) = conflicts.list_conflicts(session)
    # A third version arrives after the conflict was put on screen.
    _set(made, 2, person_id, "KB")
    _sync(made, 2, 0)
    with made.open(0) as workspace, workspace.session() as session:
        conflicts.resolve_field(session, seen.id, "Kye", seen=[v.version for v in seen.versions])
    _sync(made, 0, 1, 2, 0)
    for index in (0, 1, 2):
        with made.open(index) as workspace:
            assert _conflict_values(workspace) == {"first_name": {"Kye", "KB"}}, index


def test_a_record_made_by_someone_who_never_saw_its_deletion_is_put_to_a_person(
    tmp_path: Path,
) -> None:
    """Two demo workspaces share record ids: one deletes a record the other still makes."""
    made = build_team(tmp_path / "team", 2)
    shared_id = "5505425d-03e6-5db3-948f-59d065e6f128"
    for index in (0, 1):
        with made.open(index) as workspace, workspace.session() as session:
            session.add(
                YoungPerson(
                    id=shared_id, first_name="Mira", last_name="Haddad",
                    date_of_birth=date(2010, 8, 15),
                )
            )  # fmt: skip
    with made.open(0) as workspace, workspace.session() as session:
        edits.delete_record(session, "young_person", shared_id)
    _sync(made, 0, 1, 0)
    for index in (0, 1):
        with made.open(index) as workspace, workspace.session() as session:
            assert session.get(YoungPerson, shared_id) is None, index
            kinds = [(c.record_id, c.field) for c in conflicts.list_conflicts(session)]
            assert kinds == [(shared_id, "")], index


def test_undoing_a_delete_brings_the_record_back_everywhere(copied: tuple[Team, str]) -> None:
    made, person_id = copied
    with made.open(0) as workspace, workspace.session() as session:
        snapshot = edits.delete_record(session, "young_person", person_id)
    _sync(made, 0, 1)
    with made.open(0) as workspace, workspace.session() as session:
        edits.restore_records(session, snapshot)
    _sync(made, 0, 1)
    with made.open(1) as workspace, workspace.session() as session:
        person = session.get(YoungPerson, person_id)
        assert person is not None and person.first_name == "Kai"
        assert conflicts.list_conflicts(session) == []


def test_a_new_device_whose_roster_arrives_late_is_waited_for_not_refused(
    copied: tuple[Team, str],
) -> None:
    made, person_id = copied
    code = new_code()
    with made.open(0) as workspace, workspace.session() as session:
        _, data = team.invite(session, workspace.workspace_id, "Duty laptop", code)
    newcomer = Workspace.create(made.folder.parent / "device3", "Fernleigh test passphrase")
    with newcomer.session() as session:
        team.enrol(session, newcomer.workspace_id, data, code)
        session.add(YoungPerson(first_name="Tyler", last_name="Marsh"))
    # The newcomer syncs; its roster file is hidden from device 1 for a while, as a
    # file-sync tool might deliver the envelope first.
    engine.sync(newcomer, made.target)
    newcomer.lock()
    rosters = made.folder / next(p.name for p in made.folder.iterdir()) / "roster"
    newest = sorted(rosters.iterdir())[-1]
    aside = made.folder.parent / newest.name
    shutil.move(newest, aside)
    with made.open(1) as workspace:
        report = engine.sync(workspace)
        assert not report.rejected
        assert any("waits for a team roster" in line for line in report.waiting)
    shutil.move(aside, newest)
    with made.open(1) as workspace:
        report = engine.sync(workspace)
        assert not report.rejected
        with workspace.session() as session:
            names = {p.first_name for p in session.scalars(select(YoungPerson))}
    assert names == {"Kai", "Tyler"}
    del person_id


def test_a_bad_roster_file_is_reported_and_sync_goes_on(copied: tuple[Team, str]) -> None:
    made, person_id = copied
    rosters = made.folder / next(p.name for p in made.folder.iterdir()) / "roster"
    newest = sorted(rosters.iterdir())[-1]
    body = json.loads(newest.read_text(encoding="utf-8"))
    body["version"] = body["version"] + 1
    (rosters / f"{body['version']:06d}.json").write_text(json.dumps(body), encoding="utf-8")
    _set(made, 0, person_id, "Kye")
    with made.open(0) as workspace:
        engine.sync(workspace)
    with made.open(1) as workspace:
        report = engine.sync(workspace)
        assert any("roster at the sync target was refused" in line for line in report.waiting)
        with workspace.session() as session:
            person = session.get(YoungPerson, person_id)
            assert person is not None and person.first_name == "Kye"


def test_envelopes_already_sent_to_a_folder_go_to_a_new_target_too(
    copied: tuple[Team, str], tmp_path: Path
) -> None:
    made, person_id = copied
    _set(made, 0, person_id, "Kye")
    _sync(made, 0)
    elsewhere = tmp_path / "new-share"
    shutil.copytree(made.folder, elsewhere, ignore=shutil.ignore_patterns("*.rothenv"))
    with made.open(0) as workspace:
        report = engine.sync(workspace, f"folder:{elsewhere}")
    assert report.sent >= 2  # the envelope from the seeding sync and the new one
    with made.open(1) as workspace:
        engine.sync(workspace, f"folder:{elsewhere}")
        with workspace.session() as session:
            person = session.get(YoungPerson, person_id)
            assert person is not None and person.first_name == "Kye"


def _change(action: str, n: int) -> Change:
    return Change(f"{n:013d}-000000000-d", "young_person", f"id{n}", action, {}, {}, {}, "", "")


def test_a_run_of_deletions_is_never_split_between_envelopes() -> None:
    edits_first = [_change("update", n) for n in range(CHANGES_PER_ENVELOPE - 20)]
    deletions = [_change("delete", 1000 + n) for n in range(40)]
    batches = _batches([*edits_first, *deletions, _change("update", 2000)])
    holding = [b for b in batches if any(c.action == "delete" for c in b)]
    assert len(holding) == 1
    assert sum(c.action == "delete" for c in holding[0]) == 40
    assert sum(len(b) for b in batches) == len(edits_first) + 41


def test_a_link_to_a_record_deleted_elsewhere_is_cleared_alike_with_no_conflict(
    tmp_path: Path,
) -> None:
    """A visit recorded with a worker another laptop removed meanwhile: the link goes."""
    made = build_team(tmp_path / "team", 2)
    with made.open(0) as workspace, workspace.session() as session:
        agency = Agency(name="Fernleigh Children's Services", kind=AgencyKind.SOCIAL_CARE)
        person = YoungPerson(first_name="Mira", last_name="Haddad", date_of_birth=date(2010, 8, 15))
        session.add_all([agency, person])
        session.flush()
        worker = Professional(agency_id=agency.id, name="Joanne Okafor", job_title="Social worker")
        case = Case(young_person_id=person.id, opened_on=date(2026, 1, 5))
        session.add_all([worker, case])
        session.flush()
        worker_id, case_id = worker.id, case.id
    _sync(made, 0, 1)
    with made.open(0) as workspace, workspace.session() as session:
        edits.delete_record(session, "professional", worker_id)
    with made.open(1) as workspace, workspace.session() as session:
        visit_id = edits.create_record(
            session,
            "visit",
            {"case_id": case_id, "visited_on": date(2026, 2, 2), "professional_id": worker_id},
        )
    _sync(made, 0, 1, 0, 1)
    for index in (0, 1):
        with made.open(index) as workspace, workspace.session() as session:
            visit = session.get(Visit, visit_id)
            assert visit is not None and visit.professional_id is None, index
            assert conflicts.list_conflicts(session) == [], index
    # Either laptop can go on editing the visit without a false conflict.
    with made.open(0) as workspace, workspace.session() as session:
        edits.set_field(session, "visit", visit_id, "place", "Youth club")
    _sync(made, 0, 1)
    with made.open(1) as workspace, workspace.session() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None and visit.place == "Youth club"
        assert conflicts.list_conflicts(session) == []
