"""Handing an assessment over as an encrypted file (roth_desktop/assessments/handover.py).

Real SQLCipher workspaces throughout: a social worker's with one fictional case and
its assessment, and a chair's that has never seen the case. Every refusal is
checked to leave the chair's workspace exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from roth_desktop import cli
from roth_desktop.assessments import handover
from roth_desktop.assessments.handover import (
    HandoverError,
    HandoverHeader,
    export_handover,
    import_handover,
    read_header,
)
from roth_desktop.assessments.sharing import record_correction, share_with_family
from roth_desktop.assessments.writing import start_assessment
from roth_desktop.audit import plain, verify
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.errors import PassphraseError, ValidationError
from roth_desktop.models import (
    Agency,
    AgencyKind,
    Assessment,
    AssessmentShare,
    AuditEntry,
    Case,
    ContextArea,
    ContextLink,
    FamilyMember,
    HandoverReceived,
    HarmEntry,
    HarmTiming,
    InfoNature,
    Need,
    NeedStatus,
    PartnerItem,
    Pathway,
    Professional,
    ProfileItem,
    ProfileKind,
    Record,
    Safety,
    Visit,
    Voice,
    VoiceKind,
    VoiceSpeaker,
    YoungPerson,
)
from roth_desktop.reports.audience import ReportError
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.common import snapshot
from tests.helpers.sync_team import Team, build_team, copy_team

SECRET = "Lantern harbour quill seven"  # the handover passphrase
PLACE = "Quillowbrook"  # a fictional skate park: a word to look for in raw bytes
# Fictional names, long enough to search raw bytes for.
NAMES = ("Thistlewood", "Marchbank", "Bryony", "Rowan")
HANDED_OVER = (
    "young_person",
    "family_member",
    "agency",
    "professional",
    "case_episode",
    "assessment",
    "visit",
    "assessment_share",
    "context_area",
    "context_link",
    "profile_item",
    "voice",
    "partner_item",
    "need",
    "harm_entry",
)

_KEYS: dict[str, bytes] = {}


def open_ws(folder: Path, actor: str = "tester") -> Workspace:
    """Open a workspace, unwrapping its key once per run (Argon2id is slow)."""
    keyfile = Workspace.read_keyfile(folder)
    key = _KEYS.get(keyfile.workspace_id)
    if key is None:
        key = bytes(keyfile.unwrap(PASSPHRASE))
        _KEYS[keyfile.workspace_id] = key
    return Workspace.open_with_key(folder, bytearray(key), keyfile=keyfile, actor=actor)


@dataclass(frozen=True)
class Written:
    """The worker's fictional case and assessment."""

    assessment_id: str
    case_id: str
    young_person_id: str
    agency_id: str


def write_assessment(workspace: Workspace) -> Written:
    """A case and an assessment with a row in every table a handover carries."""
    with workspace.session() as session:
        person = YoungPerson(
            first_name="Rowan",
            last_name="Thistlewood",
            preferred_name="Ro",
            date_of_birth=date(2010, 3, 4),
        )
        session.add(person)
        session.flush()
        mum = FamilyMember(
            young_person_id=person.id,
            name="Bryony Thistlewood",
            relationship_to_young_person="Mum",
            parental_responsibility=True,
        )
        agency = Agency(name="Fernleigh Youth Justice Service", kind=AgencyKind.YOUTH_JUSTICE)
        session.add_all([mum, agency])
        session.flush()
        worker = Professional(agency_id=agency.id, name="Ottoline Marchbank", job_title="SW")
        case = Case(
            young_person_id=person.id,
            pathway=Pathway.ROTH,
            opened_on=today() - timedelta(days=90),
        )
        session.add_all([worker, case])
        session.flush()
        assessment = start_assessment(
            session, case.id, default_pack(), worker.id, today() - timedelta(days=30)
        )
        owner = {"assessment_id": assessment.id}
        areas = list(
            session.scalars(
                select(ContextArea)
                .where(ContextArea.assessment_id == assessment.id)
                .order_by(ContextArea.position)
            )
        )
        areas[0].safety = Safety.UNSAFE
        areas[0].makes_unsafe = f"Evenings at the {PLACE} skate park with older lads."
        areas[0].peer_initials = "J.B."
        need = session.scalars(select(Need).where(Need.assessment_id == assessment.id)).first()
        assert need is not None
        need.status = NeedStatus.UNMET
        need.answers = {"attending": "no", "notes": ["part-time timetable"]}
        need.responsible_agency_id = agency.id
        assessment.analysis = f"Rowan is drawn to the {PLACE} crowd when home is tense."
        assessment.recommended_pathway = Pathway.ROTH
        assessment.recommendation = "A ROTH plan around the skate park and school."
        assessment.plan_targets = [areas[0].id, need.id]
        assessment.dismissed_prompts = ["placement"]
        session.add_all(
            [
                ContextLink(
                    **owner, source_id=areas[0].id, target_id=areas[1].id, label="late nights"
                ),
                ProfileItem(**owner, kind=ProfileKind.STRENGTH, text="Brilliant at drumming"),
                Voice(
                    **owner,
                    speaker=VoiceSpeaker.YOUNG_PERSON,
                    words="I just want to be left alone at the park.",
                    said_at=datetime(2026, 1, 5, 16, 30),
                ),
                Voice(
                    **owner,
                    speaker=VoiceSpeaker.PARENT_CARER,
                    family_member_id=mum.id,
                    kind=VoiceKind.CORRECTION,
                    about="analysis",
                    words="Home is not tense every night; Tuesdays are good.",
                ),
                PartnerItem(
                    **owner,
                    agency_id=agency.id,
                    context_id=areas[0].id,
                    nature=InfoNature.REPORTED,
                    source="Youth worker",
                    text="Seen with older young people twice this month.",
                    restricted=True,
                ),
                HarmEntry(
                    **owner,
                    harm_type="criminal_exploitation",
                    timing=HarmTiming.LIKELY,
                    description="Asked to carry parcels.",
                ),
                Visit(
                    case_id=case.id,
                    assessment_id=assessment.id,
                    visited_on=today() - timedelta(days=10),
                    place="Library café",
                    who_seen="Rowan and Bryony",
                    seen_alone=True,
                    professional_id=worker.id,
                ),
                AssessmentShare(
                    **owner,
                    shared_on=today() - timedelta(days=2),
                    shared_with="Bryony (Mum) and Rowan",
                    how="At home",
                    shown={"analysis": assessment.analysis, "needs": [need.area]},
                    family_response="Mostly agree.",
                ),
            ]
        )
        return Written(assessment.id, case.id, person.id, agency.id)


# -- fixtures -----------------------------------------------------------------------


@dataclass(frozen=True)
class Templates:
    worker: Path
    chair: Path
    written: Written
    handover: Path  # the worker's assessment, protected by SECRET


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    base = tmp_path_factory.mktemp("handover")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        worker = Workspace.create(base / "worker", PASSPHRASE, actor="Ottoline")
        written = write_assessment(worker)
        out = export_handover(
            worker, written.assessment_id, base / "rowan.rothhandover", passphrase=SECRET
        )
        worker.lock()
        Workspace.create(base / "chair", PASSPHRASE).lock()
        yield Templates(base / "worker", base / "chair", written, out)


@dataclass
class Pair:
    worker: Path
    chair: Path
    written: Written
    handover: Path


@pytest.fixture
def pair(templates: Templates, tmp_path: Path) -> Pair:
    worker = shutil.copytree(templates.worker, tmp_path / "worker")
    chair = shutil.copytree(templates.chair, tmp_path / "chair")
    file = shutil.copy(templates.handover, tmp_path / "rowan.rothhandover")
    return Pair(Path(worker), Path(chair), templates.written, Path(file))


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Team, Team]]:
    base = tmp_path_factory.mktemp("handover-teams")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        yield build_team(base / "ours", 2), build_team(base / "theirs", 1)


# -- helpers --------------------------------------------------------------------------


def dump(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as stored."""
    with workspace.engine.connect() as connection:
        names = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: [
                tuple(row)
                for row in connection.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY rowid')
            ]
            for name in names
        }


def content(workspace: Workspace, tables: tuple[str, ...] = HANDED_OVER) -> dict[str, Any]:
    """The handed-over tables' rows without bookkeeping, by table and id."""
    from roth_desktop.models import RECORD_TYPES

    found: dict[str, Any] = {}
    with workspace.session() as session:
        for name in tables:
            table = RECORD_TYPES[name].__table__
            keys = [c.key for c in table.columns if c.key not in Record.BOOKKEEPING]
            found[name] = {
                row["id"]: {k: plain(row[k]) for k in keys}
                for row in session.execute(select(table)).mappings()
            }
    return found


def assessment_content(workspace: Workspace, written: Written) -> dict[str, Any]:
    """Only what belongs to the written case: the chair may hold other records."""
    everything = content(workspace)
    mine: dict[str, Any] = {}
    for name, rows in everything.items():
        mine[name] = {
            rid: row
            for rid, row in rows.items()
            if name in ("agency", "professional")
            or rid in (written.young_person_id, written.case_id, written.assessment_id)
            or row.get("young_person_id") == written.young_person_id
            or row.get("assessment_id") == written.assessment_id
        }
    return mine


def refused(chair: Path, file: Path, message: str, passphrase: str | None = SECRET) -> None:
    """Importing ``file`` is refused with ``message`` and the chair's data is untouched."""
    with open_ws(chair) as workspace:
        before_rows = dump(workspace)
        before_files = snapshot(chair)
        with pytest.raises(HandoverError) as caught:
            import_handover(workspace, file, passphrase=passphrase)
        assert str(caught.value) == message
        assert dump(workspace) == before_rows
        assert snapshot(chair) == before_files


def edit_worker(folder: Path, written: Written) -> None:
    """The worker's later version: text changed, a voice gone, a map area gone, one added."""
    with open_ws(folder) as workspace, workspace.session() as session:
        assessment = session.get(Assessment, written.assessment_id)
        assert assessment is not None
        assessment.analysis = "Rowan has stopped going to the park since the youth club opened."
        young = session.scalars(
            select(Voice).where(
                Voice.assessment_id == written.assessment_id,
                Voice.speaker == VoiceSpeaker.YOUNG_PERSON,
            )
        ).one()
        session.delete(young)
        areas = list(
            session.scalars(
                select(ContextArea)
                .where(ContextArea.assessment_id == written.assessment_id)
                .order_by(ContextArea.position)
            )
        )
        session.delete(areas[1])  # its link goes with it
        areas[2].name = "Youth club"
        session.add(
            ProfileItem(
                assessment_id=written.assessment_id,
                kind=ProfileKind.INTEREST,
                text="Started volunteering at the youth club",
            )
        )


def export_from(folder: Path, written: Written, out: Path, **protection: Any) -> Path:
    with open_ws(folder, actor="Ottoline") as workspace:
        return export_handover(workspace, written.assessment_id, out, **protection)


# -- the round trip -------------------------------------------------------------------


def test_round_trip_into_a_workspace_that_never_saw_the_case(pair: Pair) -> None:
    with open_ws(pair.chair, actor="Chair") as chair:
        result = import_handover(chair, pair.handover, passphrase=SECRET)
        received = content(chair)
        with chair.session() as session:
            receipt = session.scalars(select(HandoverReceived)).one()
            actors = set(session.scalars(select(AuditEntry.actor)))
            assert verify(session).ok
    with open_ws(pair.worker) as worker:
        sent = content(worker)
    assert received == sent  # every row, every value: dates, enums, JSON, links
    assert sum(len(rows) for rows in received.values()) > 20
    header = read_header(pair.handover)
    assert receipt.handover_id == header.handover_id == result.handover_id
    assert receipt.assessment_id == pair.written.assessment_id
    assert actors == {"Chair (handover import)"}
    assert result.assessment_id == pair.written.assessment_id
    assert result.case_id == pair.written.case_id
    assert result.young_person_name == "Ro Thistlewood"
    assert result.counts["assessment"] == 1
    assert result.counts["voice"] == 2
    assert result.added == {
        "young_person": 1,
        "family_member": 1,
        "agency": 1,
        "professional": 1,
        "case_episode": 1,
    }
    assert (result.kept, result.removed, result.replaced) == (0, 0, False)


def test_the_file_holds_nothing_in_the_clear(pair: Pair) -> None:
    data = pair.handover.read_bytes()
    assert data.startswith(b"ROTHHOV1")
    for word in (PLACE, *NAMES, "drumming", "Fernleigh Youth Justice"):
        assert word.encode("utf-8") not in data, word
        assert word.encode("utf-16-le") not in data, word
    header = read_header(pair.handover)
    assert header.protection == handover.PASSPHRASE
    assert header.protected_by == "a passphrase"
    assert header.assessment_id == pair.written.assessment_id
    assert set(header.as_json()) == {
        "format",
        "handover_id",
        "made_at",
        "app_version",
        "schema_revision",
        "assessment_id",
        "protection",
    }
    # Only the file the person chose: no temporary or plain copy beside it.
    assert [p.name for p in pair.handover.parent.iterdir() if p.is_file()] == [pair.handover.name]


def test_a_later_handover_replaces_the_earlier_one(pair: Pair, tmp_path: Path) -> None:
    with open_ws(pair.chair) as chair:
        import_handover(chair, pair.handover, passphrase=SECRET)
    edit_worker(pair.worker, pair.written)
    later = export_from(pair.worker, pair.written, tmp_path / "v2.rothhandover", passphrase=SECRET)
    with open_ws(pair.chair, actor="Chair") as chair:
        result = import_handover(chair, later, passphrase=SECRET)
        received = content(chair)
        with chair.session() as session:
            assert verify(session).ok
            assert len(session.scalars(select(HandoverReceived)).all()) == 2
    with open_ws(pair.worker) as worker:
        sent = content(worker)
    assert received == sent
    assert result.replaced
    assert result.removed == 3  # a voice, a map area and its link
    assert result.kept == 5  # the case, young person, family, agency and worker
    assert result.added == {}


def test_a_later_handover_keeps_what_the_family_saw_and_said_on_the_chairs_laptop(
    pair: Pair, tmp_path: Path
) -> None:
    """The chair shares the first version with the family and records their correction;
    the worker's later version replaces the worker's text, never the family's record."""
    with open_ws(pair.chair) as chair:
        import_handover(chair, pair.handover, passphrase=SECRET)
        with chair.session() as session:
            share_id = share_with_family(
                session, pair.written.assessment_id, shared_with="Rowan and Mum", how="At home"
            ).id
            correction_id = record_correction(
                session, pair.written.assessment_id, "analysis", "That is not how it happened."
            ).id
    edit_worker(pair.worker, pair.written)
    later = export_from(pair.worker, pair.written, tmp_path / "v2.rothhandover", passphrase=SECRET)
    with open_ws(pair.chair, actor="Chair") as chair:
        result = import_handover(chair, later, passphrase=SECRET)
        with chair.session() as session:
            assert session.get(AssessmentShare, share_id) is not None
            kept = session.get(Voice, correction_id)
            assert kept is not None and kept.words == "That is not how it happened."
            assert verify(session).ok
    assert result.replaced


def test_records_already_here_are_kept_as_they_are(pair: Pair, tmp_path: Path) -> None:
    """The chair holds the case (here from an earlier handover) and has edited it."""
    with open_ws(pair.chair) as chair:
        import_handover(chair, pair.handover, passphrase=SECRET)
        with chair.session() as session:
            person = session.get(YoungPerson, pair.written.young_person_id)
            assert person is not None
            person.preferred_name = "Rowie"
    with open_ws(pair.worker) as worker, worker.session() as session:
        person = session.get(YoungPerson, pair.written.young_person_id)
        assert person is not None
        person.communication_needs = "Prefers to text"
        second = start_assessment(session, pair.written.case_id, default_pack())
        second_id = second.id
    second_file = tmp_path / "second.rothhandover"
    with open_ws(pair.worker) as worker:
        export_handover(worker, second_id, second_file, use_team_key=False, passphrase=SECRET)
    with open_ws(pair.chair) as chair:
        result = import_handover(chair, second_file, passphrase=SECRET)
        with chair.session() as session:
            person = session.get(YoungPerson, pair.written.young_person_id)
            assert person is not None
            assert (person.preferred_name, person.communication_needs) == ("Rowie", "")
            assert len(session.scalars(select(Assessment)).all()) == 2
    assert result.young_person_name == "Rowie Thistlewood"
    assert result.added == {}
    assert result.kept == 3  # young person, family and case (no author or agency this time)


def test_an_agency_already_here_under_its_name_is_used(pair: Pair) -> None:
    with open_ws(pair.chair) as chair:
        with chair.session() as session:
            here = Agency(name="fernleigh youth justice service", kind=AgencyKind.YOUTH_JUSTICE)
            session.add(here)
            session.flush()
            here_id = here.id
        result = import_handover(chair, pair.handover, passphrase=SECRET)
        with chair.session() as session:
            assert [a.id for a in session.scalars(select(Agency))] == [here_id]
            worker = session.scalars(select(Professional)).one()
            item = session.scalars(select(PartnerItem)).one()
            need = session.scalars(select(Need).where(Need.responsible_agency_id.isnot(None)))
            assert worker.agency_id == item.agency_id == here_id
            assert [n.responsible_agency_id for n in need] == [here_id]
    assert result.kept == 1
    assert "agency" not in result.added


# -- team key -------------------------------------------------------------------------


def test_the_team_key_protects_a_handover_within_the_team(
    teams: tuple[Team, Team], tmp_path: Path, templates: Templates
) -> None:
    ours = copy_team(teams[0], tmp_path / "ours")
    theirs = copy_team(teams[1], tmp_path / "theirs")
    with ours.open(1) as worker:
        written = write_assessment(worker)
        out = export_handover(
            worker, written.assessment_id, tmp_path / "team.rothhandover", use_team_key=True
        )
        sent = assessment_content(worker, written)
    header = read_header(out)
    assert (header.protection, header.key_epoch) == (handover.TEAM_KEY, 1)
    assert header.protected_by == "the sync team's key"
    assert PLACE.encode() not in out.read_bytes()

    # Another team, and a workspace in no team, cannot open it; nothing changes.
    refused(theirs.workspaces[0], out, handover.OTHER_TEAM, passphrase=None)
    chair_alone = Path(shutil.copytree(templates.chair, tmp_path / "alone"))
    refused(chair_alone, out, handover.NO_TEAM, passphrase=None)

    with ours.open(0) as chair:
        result = import_handover(chair, out)
        assert assessment_content(chair, written) == sent
    assert result.assessment_id == written.assessment_id


def test_the_team_key_needs_a_team(pair: Pair, tmp_path: Path) -> None:
    with pytest.raises(HandoverError, match="not in a sync team"):
        export_from(pair.worker, pair.written, tmp_path / "x.rothhandover", use_team_key=True)
    assert not (tmp_path / "x.rothhandover").exists()


# -- refusals -------------------------------------------------------------------------


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _header_end(path: Path) -> int:
    data = path.read_bytes()
    return 12 + int.from_bytes(data[8:12], "big")


def test_a_changed_header_byte_is_tampering(pair: Pair) -> None:
    _flip(pair.handover, 40)
    refused(pair.chair, pair.handover, handover.TAMPERED)


def test_a_changed_ciphertext_byte_is_tampering(pair: Pair) -> None:
    _flip(pair.handover, len(pair.handover.read_bytes()) - 30)
    refused(pair.chair, pair.handover, handover.TAMPERED)


@pytest.mark.parametrize("keep", [0.5, 0.99, 20, 5])
def test_a_truncated_file_is_incomplete(pair: Pair, keep: float) -> None:
    data = pair.handover.read_bytes()
    size = int(len(data) * keep) if isinstance(keep, float) else int(keep)
    pair.handover.write_bytes(data[:size])
    refused(pair.chair, pair.handover, handover.INCOMPLETE)


def test_a_wrong_passphrase_is_told_apart(pair: Pair) -> None:
    refused(pair.chair, pair.handover, handover.WRONG_PASSPHRASE, "Not the right words at all")


def test_a_missing_passphrase_is_asked_for(pair: Pair) -> None:
    refused(pair.chair, pair.handover, handover.NEEDS_PASSPHRASE, None)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20, b"\x00" * 64],
    ids=["pdf", "zeros"],
)
def test_a_foreign_file_is_not_a_handover(pair: Pair, data: bytes) -> None:
    pair.handover.write_bytes(data)
    refused(pair.chair, pair.handover, handover.NOT_A_HANDOVER)
    with pytest.raises(HandoverError, match="not a ROTH Desktop handover"):
        read_header(pair.handover)


def test_extra_bytes_after_the_ciphertext_are_damage(pair: Pair) -> None:
    pair.handover.write_bytes(pair.handover.read_bytes() + b"\x00")
    refused(pair.chair, pair.handover, handover.DAMAGED)


def test_the_same_file_twice_is_refused_the_second_time(pair: Pair) -> None:
    with open_ws(pair.chair) as chair:
        import_handover(chair, pair.handover, passphrase=SECRET)
    refused(pair.chair, pair.handover, handover.ALREADY_IMPORTED)


def _resealed(path: Path, out: Path, **changes: Any) -> Path:
    """A test-only copy sealed again with the real key after changing its header."""
    sealed = handover._unframe(path.read_bytes())
    assert sealed.header.kdf is not None
    key, _check = handover._passphrase_keys(sealed.header.kdf, SECRET)
    payload = handover._open_payload(sealed, key)
    header = HandoverHeader(**{**sealed.header.__dict__, **changes})
    out.write_bytes(handover.seal(header, key, payload))
    return out


def test_a_newer_schema_revision_is_refused(pair: Pair, tmp_path: Path) -> None:
    forged = _resealed(pair.handover, tmp_path / "newer.rothhandover", schema_revision="9999")
    refused(pair.chair, forged, handover.NEWER)
    assert "newer version of ROTH Desktop" in handover.NEWER


def test_a_newer_file_format_is_refused_before_any_key(pair: Pair, tmp_path: Path) -> None:
    data = pair.handover.read_bytes()
    end = _header_end(pair.handover)
    header = json.loads(data[12:end])
    header["format"] = 2
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    rebuilt = (
        data[:8]
        + len(raw).to_bytes(4, "big")
        + raw
        + hashlib.sha256(raw).digest()
        + data[end + 32 :]
    )
    forged = tmp_path / "format2.rothhandover"
    forged.write_bytes(rebuilt)
    refused(pair.chair, forged, handover.NEWER)


def test_a_case_held_here_for_another_young_person_is_refused(pair: Pair) -> None:
    with open_ws(pair.chair) as chair, chair.session() as session:
        other = YoungPerson(first_name="Peregrine", last_name="Oakshott")
        session.add(other)
        session.flush()
        session.add(
            Case(
                id=pair.written.case_id,
                young_person_id=other.id,
                opened_on=today() - timedelta(days=5),
            )
        )
    refused(pair.chair, pair.handover, handover.CASE_CLASH)


def test_an_assessment_written_here_is_not_replaced(pair: Pair) -> None:
    """The worker's own file back into the worker's own workspace."""
    refused(pair.worker, pair.handover, handover.NOT_HANDED_OVER)


def test_an_older_handover_does_not_undo_a_later_one(pair: Pair, tmp_path: Path) -> None:
    edit_worker(pair.worker, pair.written)
    later = export_from(pair.worker, pair.written, tmp_path / "v2.rothhandover", passphrase=SECRET)
    with open_ws(pair.chair) as chair:
        import_handover(chair, later, passphrase=SECRET)
    refused(pair.chair, pair.handover, handover.OLDER)


def test_a_record_that_breaks_a_rule_here_changes_nothing(pair: Pair) -> None:
    """The chair holds the case, opened later than the visit: validation refuses it all."""
    with open_ws(pair.chair) as chair, chair.session() as session:
        person = YoungPerson(
            id=pair.written.young_person_id, first_name="Rowan", last_name="Thistlewood"
        )
        session.add(person)
        session.flush()
        session.add(
            Case(
                id=pair.written.case_id,
                young_person_id=person.id,
                opened_on=today() - timedelta(days=1),
            )
        )
    with open_ws(pair.chair) as chair:
        before = dump(chair)
        with pytest.raises(ValidationError, match="before the case opened"):
            import_handover(chair, pair.handover, passphrase=SECRET)
        assert dump(chair) == before


# -- exporting ------------------------------------------------------------------------


def test_export_needs_exactly_one_protection(pair: Pair, tmp_path: Path) -> None:
    out = tmp_path / "x.rothhandover"
    with open_ws(pair.worker) as worker:
        assessment_id = pair.written.assessment_id
        for secret, team_key in ((None, False), (SECRET, True)):
            with pytest.raises(HandoverError) as caught:
                export_handover(
                    worker, assessment_id, out, passphrase=secret, use_team_key=team_key
                )
            assert str(caught.value) == handover.ONE_PROTECTION
        with pytest.raises(PassphraseError):
            export_handover(worker, pair.written.assessment_id, out, passphrase="short")
        with pytest.raises(ReportError, match=r"\.rothhandover"):
            export_handover(
                worker, pair.written.assessment_id, tmp_path / "x.zip", passphrase=SECRET
            )
        with pytest.raises(HandoverError, match="no assessment"):
            export_handover(worker, "not-an-id", out, passphrase=SECRET)
    assert not out.exists()


def test_made_at_is_utc_and_the_header_round_trips(pair: Pair) -> None:
    header = read_header(pair.handover)
    assert header.made_at.utcoffset() == timedelta(0)
    assert datetime.now(UTC) - header.made_at < timedelta(hours=1)
    assert HandoverHeader.from_bytes(header.as_bytes()) == header


# -- the command line -----------------------------------------------------------------


def _secret_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_cli_round_trip(pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace_secret = _secret_file(tmp_path, "ws.txt", PASSPHRASE)
    handover_secret = _secret_file(tmp_path, "handover.txt", SECRET)
    out = tmp_path / "cli.rothhandover"
    code = cli.main(
        [
            "handover",
            "export",
            "--workspace",
            str(pair.worker),
            "--passphrase-file",
            str(workspace_secret),
            "--assessment",
            pair.written.assessment_id,
            "--out",
            str(out),
            "--handover-passphrase-file",
            str(handover_secret),
        ]
    )
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert printed.err == ""
    assert "protected by a passphrase" in printed.out
    assert SECRET not in printed.out

    argv = [
        "handover",
        "import",
        "--workspace",
        str(pair.chair),
        "--passphrase-file",
        str(workspace_secret),
        "--file",
        str(out),
        "--handover-passphrase-file",
        str(handover_secret),
    ]
    assert cli.main(argv) == 0
    printed = capsys.readouterr()
    assert printed.err == ""
    assert f"Imported assessment {pair.written.assessment_id}" in printed.out
    with open_ws(pair.chair) as chair, open_ws(pair.worker) as worker:
        assert content(chair) == content(worker)

    # Again: refused in one line, exit 1, nothing printed on stdout.
    assert cli.main(argv) == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err == f"roth-desktop: {handover.ALREADY_IMPORTED}\n"


def test_cli_refusals_are_one_line(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace_secret = _secret_file(tmp_path, "ws.txt", PASSPHRASE)
    wrong = _secret_file(tmp_path, "wrong.txt", "Not the right words at all")
    base = ["--workspace", str(pair.chair), "--passphrase-file", str(workspace_secret)]
    cases = [
        (["--file", str(pair.handover), "--handover-passphrase-file", str(wrong)], "passphrase"),
        (["--file", str(pair.handover)], "--handover-passphrase-file"),
        (["--file", str(tmp_path / "missing.rothhandover")], "Cannot read"),
    ]
    for extra, words in cases:
        assert cli.main(["handover", "import", *base, *extra]) == 1
        printed = capsys.readouterr()
        assert printed.out == ""
        lines = printed.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("roth-desktop: ")
        assert words in lines[0]
    team = [
        "handover",
        "export",
        "--workspace",
        str(pair.worker),
        "--passphrase-file",
        str(workspace_secret),
        "--assessment",
        pair.written.assessment_id,
        "--out",
        str(tmp_path / "t.rothhandover"),
        "--team-key",
    ]
    assert cli.main(team) == 1
    assert capsys.readouterr().err == f"roth-desktop: {handover.EXPORT_NO_TEAM}\n"
    with pytest.raises(SystemExit) as stopped:
        cli.main(team[:-1])  # no protection chosen
    assert stopped.value.code == 2
    assert "--handover-passphrase-file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        (
            "export",
            ["--assessment", "--out", "--handover-passphrase-file", "--team-key", "--workspace"],
        ),
        ("import", ["--file", "--handover-passphrase-file", "--workspace", "--passphrase-file"]),
    ],
)
def test_cli_help(kind: str, options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["handover", kind, "--help"])
    assert stopped.value.code == 0
    text = capsys.readouterr().out
    for option in options:
        assert option in text
    assert "handover file" in text
    with pytest.raises(SystemExit):
        cli.main(["handover", "--help"])
    group = capsys.readouterr().out
    assert "export" in group and "import" in group and "encrypted file" in group


def test_list_json_includes_assessment_ids(
    pair: Pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = _secret_file(tmp_path, "ws.txt", PASSPHRASE)
    argv = ["list", "--workspace", str(pair.worker), "--passphrase-file", str(secret)]
    assert cli.main([*argv, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    (person,) = listed["young_people"]
    (case,) = person["cases"]
    assert set(case) >= {"id", "pathway", "opened_on", "transfers", "conferences"}
    assert case["assessments"] == [
        {
            "id": pair.written.assessment_id,
            "started_on": (today() - timedelta(days=30)).isoformat(),
            "completed_on": None,
        }
    ]
    assert cli.main(argv) == 0
    assert f"assessment {pair.written.assessment_id}" in capsys.readouterr().out
