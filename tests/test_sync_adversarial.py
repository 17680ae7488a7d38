"""A hostile or broken sync folder: every bad envelope is refused whole, and said so.

Device A (the admin) makes real envelopes with its own engine; before device B
syncs, the folder is tampered with or has files injected. For each case B's
sync names the envelope in exactly one rejection, says why in plain words, and
leaves B's records and audit trail exactly as they were. Envelopes that are
merely late (out of order, still being copied, or held for a person to
confirm a mass delete) are not rejected: they wait, and apply once they can.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from roth_desktop import audit, edits
from roth_desktop.errors import RosterRejected
from roth_desktop.models import AuditEntry, FamilyMember, SyncSetting, YoungPerson
from roth_desktop.sync import changelog, engine, settings, team_keys
from roth_desktop.sync.device_keys import load_device_keys
from roth_desktop.sync.envelope import (
    INCOMPLETE,
    MAGIC,
    OTHER_TEAM,
    REMOVED_DEVICE,
    SIGNATURE_BYTES,
    TAMPERED,
    EnvelopeHeader,
    EnvelopeRejected,
    open_envelope,
    parse_header,
    seal,
)
from roth_desktop.sync.roster import Roster, unwrap_team_key
from roth_desktop.sync.team import RemovedFromTeam, current_roster, remove_device
from tests.conftest import DEMO_NAMES
from tests.helpers.common import files_under, names_found
from tests.helpers.sync_team import Team, build_team, copy_team, device_folder, record_rows

A, B, C = 0, 1, 2  # the admin, a member that receives, a member that will be removed
HEADER_AT = len(MAGIC) + 4


@dataclass(frozen=True)
class Templates:
    ours: Team  # A, B and C, each holding the seed young person
    theirs: Team  # another team, whose admin has sent one envelope
    seed: str


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    base = tmp_path_factory.mktemp("sync-adversarial")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        ours = build_team(base / "ours", 3)
        seed = add_person(ours, A, "Amira", "Marsh")
        for index in (A, B, C):
            assert not sync(ours, index).rejected
        theirs = build_team(base / "theirs", 2)
        add_person(theirs, 0, "Joanne", "Tyler")
        sync(theirs, 0)
        yield Templates(ours, theirs, seed)


@pytest.fixture
def team(templates: Templates, tmp_path: Path) -> Team:
    return copy_team(templates.ours, tmp_path / "team")


# --- helpers ---------------------------------------------------------------


def add_person(on: Team, index: int, first: str, last: str, notes: str = "") -> str:
    with on.open(index) as workspace, workspace.session() as session:
        person = YoungPerson(
            first_name=first,
            last_name=last,
            date_of_birth=date(2011, 3, 14),
            communication_needs=notes,
        )
        session.add(person)
        session.flush()
        return person.id


def rename(on: Team, index: int, record_id: str, first: str) -> None:
    with on.open(index) as workspace, workspace.session() as session:
        edits.set_field(session, "young_person", record_id, "first_name", first)


def sync(on: Team, index: int, confirm: Sequence[str] = ()) -> engine.SyncReport:
    with on.open(index) as workspace:
        return engine.sync(workspace, confirm=confirm)


def state(on: Team, index: int) -> dict[str, Any]:
    """Every record row (every column) and the whole audit trail; the chain must verify."""
    with on.open(index) as workspace:
        records = record_rows(workspace, bookkeeping=True)
        with workspace.session() as session:
            chain = audit.verify(session)
            assert chain.ok, chain.problems
            trail = [(e.seq, e.hash) for e in session.scalars(select(AuditEntry))]
    return {"records": records, "audit entries": len(trail), "audit": trail}


def people(on: Team, index: int) -> dict[str, str]:
    with on.open(index) as workspace, workspace.session() as session:
        return {p.id: p.first_name for p in session.scalars(select(YoungPerson))}


def envelopes(on: Team, index: int) -> list[Path]:
    folder = device_folder(on, index)
    return sorted(folder.glob("*.rothenv")) if folder.is_dir() else []


def envelope_name(seq: int) -> str:
    return f"{seq:010d}.rothenv"


def envelope_id(blob: bytes) -> str:
    return parse_header(blob).envelope_id


def assert_rejected_alone(report: engine.SyncReport, blob_id: str, reason: str) -> str:
    lines = [r.line() for r in report.rejected]
    assert len(report.rejected) == 1, lines
    (line,) = lines
    assert blob_id in line, line
    assert reason in line, line
    assert report.received == 0, report.summary()
    return line


def hand_sealed(
    on: Team,
    index: int,
    changes: list[dict[str, Any]],
    seq: int,
    envelope: str | None = None,
) -> bytes:
    """An envelope sealed and signed with device ``index``'s own keys, as its engine would."""
    with on.open(index) as workspace, workspace.session() as session:
        team_id = settings.get(session, settings.TEAM_ID)
        device = settings.get(session, settings.DEVICE_ID)
        assert team_id is not None and device is not None
        keys = load_device_keys(session, workspace.workspace_id, device)
        epoch, key = team_keys.current_team_key(session)
    header = EnvelopeHeader.create(
        team_id=team_id,
        key_epoch=epoch,
        device_id=device,
        seq=seq,
        deps={},
        record_ids=[f"{c['t']}/{c['id']}" for c in changes],
        envelope_id=envelope,
    )
    payload = json.dumps({"changes": changes}, sort_keys=True).encode("utf-8")
    return seal(header, payload, key, keys.signing)


def new_person_change(
    on: Team, index: int, record_id: str, values: dict[str, Any]
) -> dict[str, Any]:
    device = device_folder(on, index).name
    return {
        "v": changelog.make_version(int(time.time() * 1000), 0, device),
        "t": "young_person",
        "id": record_id,
        "a": "create",
        "set": {
            "first_name": "Samira",
            "last_name": "Haddad",
            "preferred_name": "",
            "date_of_birth": "2012-05-06",
            "gender": "not_known",
            "ethnicity_code": "NOBT",
            "nhs_number": "",
            "local_id": "",
            "first_language": "English",
            "communication_needs": "",
            **values,
        },
        "was": {},
        "base": {},
        "actor": "Chair laptop",
        "at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }


# --- (a) tampering ---------------------------------------------------------


def _flip(blob: bytes, where: str, record_id: str) -> bytes:
    data = bytearray(blob)
    header_length = int.from_bytes(blob[len(MAGIC) : HEADER_AT], "big")
    if where == "ciphertext":
        start = HEADER_AT + header_length + 12 + 4
        end = len(blob) - SIGNATURE_BYTES
        data[(start + end) // 2] ^= 0x01
    elif where == "signature":
        data[-1] ^= 0x01
    else:  # one character of the record id the header names, so the header still reads
        at = blob.index(record_id.encode("ascii"), HEADER_AT, HEADER_AT + header_length)
        last = at + len(record_id) - 1
        data[last] = ord("0") if data[last] != ord("0") else ord("1")
    return bytes(data)


@pytest.mark.parametrize("where", ["ciphertext", "header", "signature"])
def test_a_tampered_envelope_is_rejected_whole_and_changes_nothing(team: Team, where: str) -> None:
    person = add_person(team, A, "Brennan", "Haddad")
    sync(team, A)
    (path,) = [p for p in envelopes(team, A) if p.name == envelope_name(2)]
    original = path.read_bytes()
    path.write_bytes(_flip(original, where, person))
    assert path.read_bytes() != original
    before = state(team, B)

    report = sync(team, B)

    assert_rejected_alone(report, envelope_id(original), TAMPERED)
    assert state(team, B) == before
    assert person not in people(team, B)


# --- (b) another team's envelope -------------------------------------------


@pytest.mark.parametrize("placed", ["under A's device folder", "under a device folder of its own"])
def test_an_envelope_from_another_team_is_rejected(
    team: Team, templates: Templates, placed: str
) -> None:
    (foreign_path,) = envelopes(templates.theirs, 0)
    foreign = foreign_path.read_bytes()
    foreign_header = parse_header(foreign)
    if placed == "under A's device folder":
        target = device_folder(team, A) / envelope_name(2)
    else:
        target = device_folder(team, A).parent / foreign_header.device_id / envelope_name(1)
        target.parent.mkdir()
    target.write_bytes(foreign)
    before = state(team, B)

    report = sync(team, B)

    assert_rejected_alone(report, foreign_header.envelope_id, OTHER_TEAM)
    assert state(team, B) == before
    assert set(people(team, B)) == {templates.seed}


# --- (c) replays -----------------------------------------------------------


def test_an_applied_envelope_copied_under_a_new_number_is_not_applied_again(team: Team) -> None:
    person = add_person(team, A, "Brennan", "Haddad")
    sync(team, A)
    assert sync(team, B).received == 1
    assert person in people(team, B)
    applied = device_folder(team, A) / envelope_name(2)
    shutil.copyfile(applied, applied.with_name(envelope_name(3)))
    before = state(team, B)

    report = sync(team, B)

    # The same bytes again: recognised as already applied, ignored and counted.
    assert report.replays == 1, report.summary()
    assert report.received == 0
    assert not report.rejected, [r.line() for r in report.rejected]
    assert state(team, B) == before


def test_envelopes_fetched_again_under_their_own_names_are_ignored(team: Team) -> None:
    add_person(team, A, "Brennan", "Haddad")
    sync(team, A)
    sync(team, B)
    before = state(team, B)
    with team.open(B) as workspace, workspace.session() as session:
        # Forget how far the folder was read, as a copied-back folder or a new cursor would.
        cursors = session.scalars(select(SyncSetting).where(SyncSetting.key.startswith("cursor:")))
        for cursor in cursors:
            session.delete(cursor)

    report = sync(team, B)

    assert report.replays == len(envelopes(team, A)) == 2, report.summary()
    assert report.received == 0
    assert not report.rejected, [r.line() for r in report.rejected]
    assert state(team, B) == before


def test_a_signed_envelope_reusing_an_applied_number_is_rejected_as_a_replay(team: Team) -> None:
    # A's own keys, a fresh envelope id, number 1 again: a restored backup or a forger.
    forged_id = "0c1d2e3f-0000-4000-8000-0000000000f1"
    blob = hand_sealed(team, A, [new_person_change(team, A, forged_id, {})], seq=1)
    (device_folder(team, A) / envelope_name(2)).write_bytes(blob)
    before = state(team, B)

    report = sync(team, B)

    line = assert_rejected_alone(report, envelope_id(blob), "already applied")
    assert "replay or a forgery" in line
    assert state(team, B) == before
    assert forged_id not in people(team, B)


def test_an_applied_envelope_id_with_other_contents_is_rejected(team: Team) -> None:
    (first,) = envelopes(team, A)
    original = first.read_bytes()
    header = parse_header(original)
    with team.open(A) as workspace, workspace.session() as session:
        _, payload = open_envelope(
            original,
            team_id=header.team_id,
            roster=current_roster(session),
            team_keys=team_keys.team_keys(session),
        )
        device = header.device_id
        keys = load_device_keys(session, workspace.workspace_id, device)
        key = team_keys.team_keys(session)[header.key_epoch]
    resealed = seal(header, payload, key, keys.signing)  # same id and contents, new nonce
    assert resealed != original
    (first.parent / envelope_name(2)).write_bytes(resealed)
    before = state(team, B)

    report = sync(team, B)

    assert_rejected_alone(report, header.envelope_id, "applied before with different contents")
    assert state(team, B) == before


# --- (d) out of order ------------------------------------------------------


def test_an_envelope_waits_for_the_one_before_it_and_both_then_apply_in_order(
    team: Team, tmp_path: Path
) -> None:
    person = add_person(team, A, "Brennan", "Haddad")
    sync(team, A)
    rename(team, A, person, "Tyler")
    sync(team, A)
    second, third = (device_folder(team, A) / envelope_name(n) for n in (2, 3))
    assert second.is_file() and third.is_file()
    aside = tmp_path / "aside.rothenv"
    shutil.move(second, aside)
    before = state(team, B)

    report = sync(team, B)

    assert not report.rejected, [r.line() for r in report.rejected]
    assert report.received == 0
    assert state(team, B) == before
    short = device_folder(team, A).name[:8]
    assert f"Envelope 3 from device {short} waits for envelope 2, not yet arrived." in (
        report.waiting
    ), report.waiting

    shutil.move(aside, second)
    report = sync(team, B)

    assert not report.rejected, [r.line() for r in report.rejected]
    assert report.received == 2, report.summary()
    assert report.waiting == []
    assert people(team, B)[person] == "Tyler"
    with team.open(A) as sender, team.open(B) as receiver:
        assert record_rows(receiver, bookkeeping=False) == record_rows(sender, bookkeeping=False)


# --- (e) truncation --------------------------------------------------------


@pytest.mark.parametrize("keep", ["half the header", "half the ciphertext", "all but one byte"])
def test_a_file_still_being_copied_is_skipped_until_whole(team: Team, keep: str) -> None:
    person = add_person(team, A, "Brennan", "Haddad")
    sync(team, A)
    rename(team, A, person, "Tyler")
    sync(team, A)
    path = device_folder(team, A) / envelope_name(2)
    whole = path.read_bytes()
    header_length = int.from_bytes(whole[len(MAGIC) : HEADER_AT], "big")
    cut = {
        "half the header": HEADER_AT + header_length // 2,
        "half the ciphertext": (HEADER_AT + header_length + len(whole)) // 2,
        "all but one byte": len(whole) - 1,
    }[keep]
    path.write_bytes(whole[:cut])
    before = state(team, B)

    report = sync(team, B)

    assert not report.rejected, [r.line() for r in report.rejected]
    assert report.received == 0
    assert state(team, B) == before
    expected = f"{path.parent.name}/{path.name} is still being copied into the folder"
    assert any(expected in line for line in report.waiting), report.waiting

    path.write_bytes(whole)
    report = sync(team, B)

    assert not report.rejected, [r.line() for r in report.rejected]
    assert report.received == 2
    assert people(team, B)[person] == "Tyler"


def test_a_truncated_envelope_handed_to_the_inbox_is_rejected(team: Team) -> None:
    person = add_person(team, A, "Brennan", "Haddad")
    sync(team, A)
    whole = (device_folder(team, A) / envelope_name(2)).read_bytes()
    before = state(team, B)

    with team.open(B) as workspace:
        report = engine.SyncReport("a test")
        with workspace.session() as session:
            device = settings.get(session, settings.DEVICE_ID)
            assert device is not None
            engine.take_into_inbox(session, [whole[: len(whole) - 10]], device, report)
        engine.apply_inbox(workspace, report)

    assert_rejected_alone(report, envelope_id(whole), INCOMPLETE)
    assert state(team, B) == before
    assert person not in people(team, B)


# --- (f) a removed device --------------------------------------------------


def test_a_removed_device_is_refused_and_cannot_read_what_follows(
    team: Team, tmp_path: Path
) -> None:
    c_id = device_folder(team, C).name
    with team.open(A) as workspace, workspace.session() as session:
        smaller = remove_device(session, workspace.workspace_id, c_id)
    assert smaller.key_epoch == 2
    sync(team, A)  # publishes the new roster
    roster_file = team.folder / smaller.team_id / "roster" / f"{smaller.version:06d}.json"
    assert roster_file.is_file()

    # C has not heard yet (its copy of the folder lags): it changes a record and syncs.
    shutil.move(roster_file, tmp_path / "roster-aside.json")
    late = add_person(team, C, "Samira", "Brennan")
    assert sync(team, C).sent == 1
    shutil.move(tmp_path / "roster-aside.json", roster_file)
    (from_c,) = envelopes(team, C)
    c_envelope = envelope_id(from_c.read_bytes())
    before = state(team, B)

    report = sync(team, B)

    assert_rejected_alone(report, c_envelope, REMOVED_DEVICE)
    assert state(team, B) == before
    assert late not in people(team, B)

    # What A sends now is sealed under the new key, which B holds and C does not.
    after = add_person(team, A, "Joanne", "Marsh")
    report = sync(team, A)
    assert [r.envelope_id for r in report.rejected] == [c_envelope]
    sealed_after = (device_folder(team, A) / envelope_name(2)).read_bytes()
    assert parse_header(sealed_after).key_epoch == 2
    assert sync(team, B).received == 1
    assert after in people(team, B)

    before_c = state(team, C)
    with team.open(C) as workspace, pytest.raises(RemovedFromTeam) as removed:
        engine.sync(workspace)
    assert str(removed.value) == (
        "This device has been removed from the team, so it can no longer sync."
    )
    assert state(team, C) == before_c

    with team.open(C) as workspace, workspace.session() as session:
        held = team_keys.team_keys(session)
        roster = current_roster(session)
        keys = load_device_keys(session, workspace.workspace_id, c_id)
    assert set(held) == {1}
    with pytest.raises(EnvelopeRejected, match="epoch 2, which this device does not hold"):
        open_envelope(sealed_after, team_id=roster.team_id, roster=roster, team_keys=held)
    # Nor does the old key open it, nor can C unwrap the new one from the new roster.
    with pytest.raises(EnvelopeRejected, match=TAMPERED):
        open_envelope(sealed_after, team_id=roster.team_id, roster=roster, team_keys={2: held[1]})
    with pytest.raises(RosterRejected):
        unwrap_team_key(Roster.from_bytes(roster_file.read_bytes()), c_id, keys.box)


# --- (g) mass delete -------------------------------------------------------


def _made_and_deleted(team: Team, count: int) -> list[str]:
    with team.open(A) as workspace, workspace.session() as session:
        made = [
            YoungPerson(first_name=f"Young{n}", last_name="Fenwick", date_of_birth=date(2012, 1, 1))
            for n in range(count)
        ]
        session.add_all(made)
        session.flush()
        ids = [p.id for p in made]
    sync(team, A)
    assert sync(team, B).received == 1
    with team.open(A) as workspace, workspace.session() as session:
        for record_id in ids:
            edits.delete_record(session, "young_person", record_id)
    sync(team, A)
    return ids


def test_a_mass_delete_is_held_until_a_person_confirms_it(team: Team) -> None:
    ids = _made_and_deleted(team, 30)
    before = state(team, B)

    report = sync(team, B)

    assert not report.rejected, [r.line() for r in report.rejected]
    assert report.received == 0
    (held,) = report.held
    assert held.deletes == 30
    assert held.envelope_id == envelope_id((device_folder(team, A) / envelope_name(3)).read_bytes())
    assert state(team, B) == before
    assert sync(team, B).held == [held]  # still held on the next sync
    assert state(team, B) == before

    report = sync(team, B, confirm=[held.envelope_id])

    assert report.received == 1
    assert report.held == []
    left = people(team, B)
    assert not set(ids) & set(left)
    assert set(left) == set(people(team, A))


def test_deleting_up_to_the_threshold_is_not_held(team: Team) -> None:
    ids = _made_and_deleted(team, engine.DEFAULT_MASS_DELETE)

    report = sync(team, B)

    assert report.held == []
    assert report.received == 1
    assert not set(ids) & set(people(team, B))


# --- (h) a change from a newer version -------------------------------------


@pytest.mark.parametrize("unknown", ["field", "table"])
def test_a_change_this_version_cannot_hold_is_rejected_as_from_a_newer_version(
    team: Team, unknown: str
) -> None:
    record_id = "0c1d2e3f-0000-4000-8000-0000000000f2"
    change = new_person_change(team, A, record_id, {})
    if unknown == "field":
        change["set"]["favourite_colour"] = "teal"
        named = "favourite_colour"
    else:
        change["t"] = "young_person_pet"
        named = "young_person_pet"
    blob = hand_sealed(team, A, [change], seq=2)
    (device_folder(team, A) / envelope_name(2)).write_bytes(blob)
    before = state(team, B)

    report = sync(team, B)

    line = assert_rejected_alone(report, envelope_id(blob), named)
    assert "probably made by a newer version of ROTH Desktop" in line
    assert state(team, B) == before
    assert record_id not in people(team, B)


def test_the_same_change_without_the_unknown_field_applies(team: Team) -> None:
    # The control for the test above: the hand-sealed envelope is otherwise sound.
    record_id = "0c1d2e3f-0000-4000-8000-0000000000f3"
    blob = hand_sealed(team, A, [new_person_change(team, A, record_id, {})], seq=2)
    (device_folder(team, A) / envelope_name(2)).write_bytes(blob)

    report = sync(team, B)

    assert not report.rejected, [r.line() for r in report.rejected]
    assert people(team, B)[record_id] == "Samira"


# --- confidentiality -------------------------------------------------------


def test_nothing_readable_reaches_the_sync_folder(team: Team, tmp_path: Path) -> None:
    person = add_person(team, A, "Brennan", "Haddad", notes="Lives on Fernleigh Road with Samira")
    with team.open(A) as workspace, workspace.session() as session:
        session.add(
            FamilyMember(
                young_person_id=person, name="Joanne Tyler", relationship_to_young_person="Aunt"
            )
        )
    for index in (A, B, C, A):
        assert not sync(team, index).rejected
    assert "Brennan" in people(team, C).values()
    names = (*DEMO_NAMES, "Fernleigh Road")
    files = list(files_under(team.folder))
    assert len([f for f in files if f.suffix == ".rothenv"]) >= 2
    assert names_found(files, names) == []
    # The search itself finds the names when they are there in plain text.
    control = tmp_path / "control.txt"
    control.write_text("Brennan Haddad, Fernleigh Road", encoding="utf-8")
    assert names_found([control], names)
