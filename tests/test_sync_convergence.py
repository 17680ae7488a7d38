"""Convergence: devices edit and delete offline, sync in any order, and agree.

Every device starts from the same synced records, then works offline: its
changes are concurrent with every other device's, so the expected outcome can be
written down without re-implementing the merge:

- a field written on two or more devices with different values is a conflict
  holding exactly each device's last value, on every device;
- a field written on one device (or to one value) takes it, with no conflict;
- a record deleted on one device and changed (or added under a deleted parent)
  on another is gone everywhere and filed as a conflict everywhere;
- whatever order the devices sync in, they end in the same state.

Then each conflict is resolved on a randomly chosen device, and after syncing
every device agrees and none holds a conflict.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from roth_desktop import audit, edits
from roth_desktop.models import RECORD_TYPES, FamilyMember, Record, SyncConflict, YoungPerson
from roth_desktop.sync import conflicts, engine
from roth_desktop.workspace import Workspace
from tests.helpers.sync_team import Team, build_team, copy_team

PEOPLE = 3
YP_FIELDS = ("first_name", "last_name", "preferred_name", "communication_needs")
FM_FIELDS = ("name", "relationship_to_young_person", "notes")
VALUES = ("Ash", "Bea", "Cal", "Dee")


@pytest.fixture(scope="module")
def seeded_team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Team, list[str]]]:
    """Five devices holding the same three young people, each with one family member."""
    base = tmp_path_factory.mktemp("sync-team")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        team = build_team(base / "team", 5)
        ids: list[str] = []
        with team.open(0) as workspace, workspace.session() as session:
            for n in range(PEOPLE):
                person = YoungPerson(
                    first_name=f"Young{n}", last_name="Fernleigh", date_of_birth=date(2010, 1, 1)
                )
                session.add(person)
                session.flush()
                member = FamilyMember(
                    young_person_id=person.id, name=f"Parent{n}", relationship_to_young_person="Mum"
                )
                session.add(member)
                session.flush()
                ids.append(person.id)
                ids.append(member.id)
        for index in (0, 1, 2, 3, 4, 0):
            with team.open(index) as workspace:
                engine.sync(workspace)
        yield team, ids


Op = tuple[Any, ...]

op_strategy = st.one_of(
    st.tuples(
        st.just("set_person"),
        st.integers(0, PEOPLE - 1),
        st.sampled_from(YP_FIELDS),
        st.sampled_from(VALUES),
    ),
    st.tuples(
        st.just("set_family"),
        st.integers(0, PEOPLE - 1),
        st.sampled_from(FM_FIELDS),
        st.sampled_from(VALUES),
    ),
    st.tuples(st.just("delete_family"), st.integers(0, PEOPLE - 1)),
    st.tuples(st.just("delete_person"), st.integers(0, PEOPLE - 1)),
    st.tuples(st.just("add_family"), st.integers(0, PEOPLE - 1), st.sampled_from(VALUES)),
)


@dataclass
class Expected:
    """What the offline work should lead to, built from the operations alone."""

    writes: dict[tuple[str, str], dict[int, str]] = field(default_factory=dict)
    deleted_by: dict[str, set[int]] = field(default_factory=dict)
    changed_by: dict[str, set[int]] = field(default_factory=dict)
    added: dict[str, tuple[int, str]] = field(default_factory=dict)  # family id -> device, person


def _run_ops(
    workspace: Workspace, device: int, ops: list[Op], ids: list[str], expected: Expected
) -> None:
    people, family = ids[0::2], ids[1::2]
    for op in ops:
        with workspace.session() as session:
            kind = op[0]
            if kind in ("set_person", "set_family"):
                record_id = (people if kind == "set_person" else family)[op[1]]
                table = "young_person" if kind == "set_person" else "family_member"
                if session.get(RECORD_TYPES[table], record_id) is None:
                    continue
                edits.set_field(session, table, record_id, op[2], op[3])
                expected.writes.setdefault((record_id, op[2]), {})[device] = op[3]
                expected.changed_by.setdefault(record_id, set()).add(device)
            elif kind == "delete_family":
                if session.get(FamilyMember, family[op[1]]) is None:
                    continue
                edits.delete_record(session, "family_member", family[op[1]])
                expected.deleted_by.setdefault(family[op[1]], set()).add(device)
            elif kind == "delete_person":
                person = session.get(YoungPerson, people[op[1]])
                if person is None:
                    continue
                for member in list(person.family):
                    edits.delete_record(session, "family_member", member.id)
                    expected.deleted_by.setdefault(member.id, set()).add(device)
                edits.delete_record(session, "young_person", people[op[1]])
                expected.deleted_by.setdefault(people[op[1]], set()).add(device)
            elif kind == "add_family":
                if session.get(YoungPerson, people[op[1]]) is None:
                    continue
                new_id = edits.create_record(
                    session,
                    "family_member",
                    {
                        "young_person_id": people[op[1]],
                        "name": op[2],
                        "relationship_to_young_person": "Aunt",
                    },
                )
                expected.added[new_id] = (device, people[op[1]])
                expected.changed_by.setdefault(new_id, set()).add(device)


def state_of(workspace: Workspace) -> dict[str, Any]:
    """Every record's content and every open conflict: what must agree across devices."""
    with workspace.session() as session:
        records = {
            name: sorted(
                json.dumps(
                    {
                        c.key: audit.plain(getattr(r, c.key))
                        for c in cls.__table__.columns
                        if c.key not in Record.BOOKKEEPING
                    },
                    sort_keys=True,
                )
                for r in session.scalars(select(cls))
            )
            for name, cls in RECORD_TYPES.items()
        }
        found = sorted(
            (
                c.table_name,
                c.record_id,
                c.field,
                c.kind,
                sorted(json.dumps(v.value, sort_keys=True) for v in c.versions),
            )
            for c in conflicts.list_conflicts(session)
        )
        report = audit.verify(session)
        assert report.ok, report.problems
    return {"records": records, "conflicts": found}


def _sync_rounds(team: Team, order: list[list[int]]) -> None:
    for round_order in order:
        for index in round_order:
            with team.open(index) as workspace:
                report = engine.sync(workspace)
                assert not report.rejected, [r.line() for r in report.rejected]


def _field_conflicts(workspace: Workspace) -> dict[tuple[str, str], set[str]]:
    with workspace.session() as session:
        return {
            (c.record_id, c.field): {v.value for v in c.versions}
            for c in conflicts.list_conflicts(session)
            if c.field
        }


def _record_conflicts(workspace: Workspace) -> set[str]:
    with workspace.session() as session:
        return {c.record_id for c in conflicts.list_conflicts(session) if not c.field}


def _check_expected(team: Team, devices: int, ids: list[str], expected: Expected) -> None:
    people, family = ids[0::2], ids[1::2]
    parent_of = dict(zip(family, people, strict=True))
    parent_of.update({fid: person for fid, (_, person) in expected.added.items()})
    gone = set(expected.deleted_by)
    gone |= {fid for fid, person in parent_of.items() if person in expected.deleted_by}
    with team.open(0) as workspace:
        field_conflicts = _field_conflicts(workspace)
        record_conflicts = _record_conflicts(workspace)
        with workspace.session() as session:
            present = {p.id for p in session.scalars(select(YoungPerson))} | {
                f.id for f in session.scalars(select(FamilyMember))
            }
            values = {
                (r.id, name): getattr(r, name)
                for cls, names in ((YoungPerson, YP_FIELDS), (FamilyMember, FM_FIELDS))
                for r in session.scalars(select(cls))
                for name in names
            }
    for record_id in [*ids, *expected.added]:
        if record_id in gone:
            assert record_id not in present
            # Changed by a device that did not itself delete it: never silently lost.
            deleters = expected.deleted_by.get(record_id, set())
            parent_deleters = expected.deleted_by.get(parent_of.get(record_id, ""), set())
            unseen = expected.changed_by.get(record_id, set()) - deleters - parent_deleters
            assert (record_id in record_conflicts) == bool(unseen), record_id
        else:
            assert record_id in present
            assert record_id not in record_conflicts
    for (record_id, name), by_device in expected.writes.items():
        if record_id in gone:
            continue
        distinct = set(by_device.values())
        if len(distinct) > 1:
            assert field_conflicts.get((record_id, name)) == distinct, (record_id, name)
            assert values[(record_id, name)] in distinct
        else:
            assert (record_id, name) not in field_conflicts
            assert values[(record_id, name)] == next(iter(distinct))
    del devices


def _resolve_all(team: Team, resolver: int) -> None:
    with team.open(resolver) as workspace, workspace.session() as session:
        for conflict in conflicts.list_conflicts(session):
            if conflict.field:
                conflicts.resolve_field(session, conflict.id, conflict.versions[0].value)
            else:
                conflicts.settle_deleted(session, conflict.id, restore=False)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_devices_syncing_in_any_order_converge_and_keep_every_concurrent_edit(
    seeded_team: tuple[Team, list[str]], tmp_path_factory: pytest.TempPathFactory, data: Any
) -> None:
    template, ids = seeded_team
    team = copy_team(template, tmp_path_factory.mktemp("example"))
    devices = data.draw(st.integers(3, 5), label="devices")
    expected = Expected()
    for device in range(devices):
        ops = data.draw(st.lists(op_strategy, max_size=4), label=f"device {device} ops")
        with team.open(device) as workspace:
            _run_ops(workspace, device, ops, ids, expected)
    order = [
        data.draw(st.permutations(list(range(devices))), label=f"sync round {n}") for n in range(3)
    ]
    _sync_rounds(team, order)

    states = [state_of(team.open(d)) for d in range(devices)]
    assert all(state == states[0] for state in states[1:])
    _check_expected(team, devices, ids, expected)

    resolver = data.draw(st.integers(0, devices - 1), label="resolver")
    _resolve_all(team, resolver)
    _sync_rounds(team, [list(range(devices)), list(range(devices))])
    states = [state_of(team.open(d)) for d in range(devices)]
    assert all(state == states[0] for state in states[1:])
    assert states[0]["conflicts"] == []


def test_a_conflict_is_stored_the_same_on_both_devices_with_its_base(
    seeded_team: tuple[Team, list[str]], tmp_path: Path
) -> None:
    template, ids = seeded_team
    team = copy_team(template, tmp_path)
    person = ids[0]
    for device, value in ((0, "Kye"), (1, "Kai-Jay")):
        with team.open(device) as workspace, workspace.session() as session:
            edits.set_field(session, "young_person", person, "first_name", value)
    _sync_rounds(team, [[0, 1, 0]])
    for device in (0, 1):
        with team.open(device) as workspace, workspace.session() as session:
            (row,) = session.scalars(select(SyncConflict)).all()
            (found,) = conflicts.list_conflicts(session)
            assert found.base == "Young0"
            assert {v.value for v in found.versions} == {"Kye", "Kai-Jay"}
            assert {v.actor for v in found.versions} == {"Chair laptop", "Social worker laptop"}
            shown = session.get(YoungPerson, person)
            assert shown is not None and shown.first_name == found.versions[-1].value
            del row
