"""The conference JSON export: valid against its own schema, and never a leak.

Every document here is made from the fictional demo workspace (real SQLCipher files)
and checked with a real JSON Schema validator, formats included, so the schema a local
authority codes against is the one the app actually writes to.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.conference import running
from roth_desktop.models import Conference, ContextArea, ContextLink
from roth_desktop.models.enums import (
    ActionStatus,
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    GoalProgress,
    HarmCategory,
    HarmTiming,
    InfoNature,
    Labelled,
    NeedStatus,
    Pathway,
    PlanHeading,
    ProfileKind,
    Safety,
    ViewPosition,
    VoiceChannel,
    VoiceKind,
    VoiceSpeaker,
)
from roth_desktop.reports.audience import Audience, ReportError
from roth_desktop.reports.conference_json import (
    conference_document,
    conference_json,
    load_schema,
    schema_path,
    write_conference_json,
)
from roth_desktop.reports.conference_record import ConferenceRecord, build_record, conference_ids
from roth_desktop.workspace import Workspace

EXPORTED_AT = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)
JSON_AUDIENCES = (Audience.PROFESSIONAL, Audience.FAMILY)
# Written into the demo by the test, restricted: the demo itself has no restricted link.
SECRET_LINK = "Restricted test link: the group's safe house → the car park"

# jsonschema checks "date-time" only when rfc3339-validator is installed, and silently
# passes it otherwise; this checker makes the check real either way.
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _RFC3339.match(instance):
        return False
    datetime.fromisoformat(instance)  # rejects month 13, 25 o'clock, 30 February…
    return True


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return load_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=FORMATS)


@pytest.fixture
def session(demo_workspace: Workspace) -> Iterator[Session]:
    with demo_workspace.session() as s:
        yield s


def _restricted_conference(session: Session) -> str:
    """A past conference the demo gave restricted partner information, harm and minutes."""
    for cid in conference_ids(session):
        if build_record(session, cid, Audience.PROFESSIONAL).restricted:
            return cid
    raise AssertionError("the demo has no conference with restricted items")


def _add_restricted_link(session: Session, conference_id: str) -> None:
    """Re-open an agreed conference, add a restricted link, and agree it again (as a chair
    would), so that every kind of restricted item is in the workspace."""
    running.reopen(session, conference_id, "Adding a restricted link for the export test.")
    areas = list(
        session.scalars(select(ContextArea).where(ContextArea.conference_id == conference_id))
    )
    session.add(
        ContextLink(
            conference_id=conference_id,
            source_id=areas[0].id,
            target_id=areas[1].id,
            label=SECRET_LINK,
            restricted=True,
        )
    )
    session.flush()
    running.agree(session, conference_id)


def _errors(validator: Draft202012Validator, document: dict[str, Any]) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# -- the schema itself -----------------------------------------------------------------------


def test_schema_is_a_valid_2020_12_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert schema["properties"]["schema_version"]["const"] == 2
    assert schema_path().name == "conference-export.v2.schema.json"


def _walk(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _walk(value, f"{where}/{n}")


def test_every_property_is_described_and_every_object_closed(schema: dict[str, Any]) -> None:
    undescribed, open_objects = [], []
    for where, node in _walk(schema):
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub:
                undescribed.append(f"{where}/properties/{name}")
        if node.get("type") == "object" and node.get("additionalProperties") is not False:
            open_objects.append(where)
    assert undescribed == []
    assert open_objects == []


def _enums(schema: dict[str, Any]) -> dict[str, set[Any]]:
    found = {}
    for where, node in _walk(schema):
        if "enum" in node and "/family_rules" not in where:
            found[where.removeprefix("#/")] = {v for v in node["enum"] if v is not None}
    return found


@pytest.mark.parametrize(
    ("where", "codes"),
    [
        ("properties/conference/properties/kind", ConferenceKind),
        ("$defs/attendee/properties/role", AttendeeRole),
        ("$defs/attendee/properties/status", AttendanceStatus),
        ("$defs/picture_item/properties/kind", ProfileKind),
        ("$defs/voice/properties/speaker", VoiceSpeaker),
        ("$defs/voice/properties/kind", VoiceKind),
        ("$defs/voice/properties/channel", VoiceChannel),
        ("$defs/context/properties/safety", Safety),
        ("$defs/map_area/properties/safety", Safety),
        ("$defs/partner_item/properties/nature", InfoNature),
        ("$defs/need/properties/status", NeedStatus),
        ("$defs/harm_item/properties/timing", HarmTiming),
        ("$defs/decision/properties/harm_category", HarmCategory),
        ("$defs/decision/properties/outcome", ConferenceOutcome),
        ("$defs/decision/properties/pathway", Pathway),
        ("$defs/view/properties/position", ViewPosition),
        ("$defs/goal/properties/heading", PlanHeading),
        ("$defs/goal/properties/progress", GoalProgress),
        ("$defs/action/properties/status", ActionStatus),
        ("properties/conference/properties/status", ConferenceStatus),
    ],
)
def test_schema_codes_are_the_apps_codes(
    schema: dict[str, Any], where: str, codes: type[Labelled]
) -> None:
    # A code added to the app without a new schema version would make exports that fail
    # validation in every consumer: this fails first.
    assert _enums(schema)[where] == {c.value for c in codes}


# -- what the app writes ---------------------------------------------------------------------


def test_every_demo_conference_validates_for_both_audiences_and_languages(
    session: Session, validator: Draft202012Validator
) -> None:
    seen: set[str] = set()
    for cid in conference_ids(session):
        for audience in JSON_AUDIENCES:
            for language in ("en", "cy"):
                record = build_record(session, cid, audience, language)
                document = conference_document(record, EXPORTED_AT)
                assert _errors(validator, document) == [], (cid, audience, language)
                assert json.loads(conference_json(record, exported_at=EXPORTED_AT)) == document
                seen.update(_covered(document))
    # The demo exercises every branch of the schema that matters: drafts and agreed
    # records, reviews with an earlier map, restricted items, and undecided conferences.
    assert seen >= {
        "draft",
        "agreed",
        "map before",
        "no map",
        "restricted",
        "no restricted",
        "views",
        "undecided",
        "answers",
    }


def _covered(document: dict[str, Any]) -> Iterator[str]:
    yield document["conference"]["status"]
    yield "map before" if document["maps"]["before"] else "no map before"
    yield "no map" if document["maps"]["now"] is None else "map"
    if "restricted" in document:
        restricted = document["restricted"]
        yield "restricted" if any(restricted.values()) else "no restricted"
    if document["decision"].get("views"):
        yield "views"
    if document["decision"]["outcome"] is None:
        yield "undecided"
    if any(need.get("answers") for need in document["needs"]):
        yield "answers"


def _follows_schema_order(value: Any, node: dict[str, Any], schema: dict[str, Any]) -> None:
    while "$ref" in node or "oneOf" in node:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        else:
            node = next(o for o in node["oneOf"] if o.get("type") != "null")
    if isinstance(value, dict):
        order = [k for k in node["properties"] if k in value]
        assert list(value) == order
        for key, item in value.items():
            _follows_schema_order(item, node["properties"][key], schema)
    elif isinstance(value, list) and "items" in node:
        for item in value:
            _follows_schema_order(item, node["items"], schema)


def test_keys_come_in_the_schemas_order(session: Session, schema: dict[str, Any]) -> None:
    cid = _restricted_conference(session)
    for audience in JSON_AUDIENCES:
        document = json.loads(
            conference_json(build_record(session, cid, audience), exported_at=EXPORTED_AT)
        )
        _follows_schema_order(document, schema, schema)


def test_family_export_holds_nothing_restricted_and_professional_holds_it_apart(
    session: Session, validator: Draft202012Validator
) -> None:
    _add_restricted_link(session, _restricted_conference(session))
    checked: set[str] = set()
    for cid in conference_ids(session):
        professional = build_record(session, cid, Audience.PROFESSIONAL)
        kept = professional.restricted
        secrets = {
            "partner information": [p.text for p in kept.partner_information],
            "harm": [h.description for h in kept.harm],
            "links": [link.label for link in kept.links],
            "minutes": [m.text for m in kept.minutes],
            "peer initials": [c.peer_initials for c in professional.contexts if c.peer_initials],
        }
        family_text = conference_json(build_record(session, cid, Audience.FAMILY)).decode()
        family = json.loads(family_text)
        for kind, texts in secrets.items():
            for secret in texts:
                # Both as written in the file and in every decoded string, so JSON escaping
                # cannot hide a leak.
                assert secret not in family_text
                assert not any(secret in text for text in _strings(family))
                checked.add(kind)
        # The demo names R.T. (another young person) only in restricted items.
        assert "R.T." not in family_text
        assert "restricted" not in family and "minutes" not in family
        assert '"peer_initials"' not in family_text and '"views"' not in family_text
        assert not any("answers" in need for need in family["needs"])

        shared = conference_document(professional, EXPORTED_AT)
        assert _errors(validator, shared) == []
        restricted = shared["restricted"]
        assert [p["text"] for p in restricted["partner_information"]] == (
            secrets["partner information"]
        )
        assert [h["description"] for h in restricted["harm"]] == secrets["harm"]
        assert [link["label"] for link in restricted["links"]] == secrets["links"]
        assert [m["text"] for m in restricted["minutes"]] == secrets["minutes"]
        assert [c["peer_initials"] for c in shared["contexts"] if c["peer_initials"]] == (
            secrets["peer initials"]
        )
        # Restricted items are under restricted and nowhere else in the document.
        elsewhere = json.dumps({k: v for k, v in shared.items() if k != "restricted"})
        for kind in ("partner information", "harm", "links", "minutes"):
            for secret in secrets[kind]:
                assert json.dumps(secret) not in elsewhere
    # Not a vacuous pass: every kind of restricted item was in the workspace and looked for.
    assert checked == {"partner information", "harm", "links", "minutes", "peer initials"}


# -- the schema refuses what the app must never write ----------------------------------------


def _tampers() -> dict[str, Any]:
    """Changes the app must never make, each with what it breaks, applied to a copy of the
    family document (``pro`` is the professional one, for things to smuggle in)."""

    def restricted(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["restricted"] = pro["restricted"]

    def minutes(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["minutes"] = []

    def peers(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["contexts"][0]["peer_initials"] = "J.B."

    def views(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["decision"]["views"] = []

    def answers(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["needs"][0]["answers"] = []

    def unknown_key(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["risk_score"] = 7

    def unknown_nested_key(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["plan"]["goals"][0]["actions"][0]["priority"] = "high"

    def impossible_date(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["young_person"]["date_of_birth"] = "2009-02-30"

    def uk_style_date(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["next_steps"]["review_on"] = "15/08/2026"

    def time_without_offset(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["conference"]["starts_at"] = "2026-05-16T10:00:00"

    def impossible_time(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["voices"][0]["said_at"] = "2026-05-16T25:00:00+01:00"

    def share_over_100_percent(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["contexts"][0]["share"] = 10_001

    def unknown_safety(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["contexts"][0]["safety"] = "dangerous"

    def other_version(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["schema_version"] = 3

    def other_audience(d: dict[str, Any], pro: dict[str, Any]) -> None:
        d["audience"] = "young-person"

    def missing_section(d: dict[str, Any], pro: dict[str, Any]) -> None:
        del d["harm"]

    return {name: f for name, f in locals().items() if callable(f)}


def test_tampered_documents_fail_validation(
    session: Session, validator: Draft202012Validator
) -> None:
    cid = _restricted_conference(session)
    family, professional = (
        conference_document(build_record(session, cid, a), EXPORTED_AT)
        for a in (Audience.FAMILY, Audience.PROFESSIONAL)
    )
    assert _errors(validator, family) == [] and _errors(validator, professional) == []
    survived = []
    for name, tamper in _tampers().items():
        document = copy.deepcopy(family)
        tamper(document, professional)
        if not _errors(validator, document):
            survived.append(name)
    # A professional record must always say what was restricted, even if nothing was.
    for key in ("restricted", "minutes"):
        document = copy.deepcopy(professional)
        del document[key]
        if not _errors(validator, document):
            survived.append(f"professional without {key}")
    assert survived == []


# -- refusals and files ----------------------------------------------------------------------


def test_other_audiences_are_refused_before_anything_is_written(
    session: Session, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "export.json"
    out.parent.mkdir()
    cid = conference_ids(session)[0]
    for audience in ("young-person", "plan", "nonsense", "", Audience.YOUNG_PERSON):
        with pytest.raises(ReportError) as refused:
            write_conference_json(session, cid, audience, out)
        assert str(refused.value) == (
            "A conference can be exported as JSON for professional or family only, "
            f"not '{audience}'."
        )
    assert list(out.parent.iterdir()) == []


def test_a_record_for_another_audience_is_refused(session: Session) -> None:
    record = build_record(session, conference_ids(session)[0], Audience.YOUNG_PERSON)
    with pytest.raises(ReportError, match="professional or family only"):
        conference_document(record)


def test_an_unwritable_target_is_refused_and_leaves_no_file(
    session: Session, tmp_path: Path
) -> None:
    cid = conference_ids(session)[0]
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "no such folder" / "export.json"
    with pytest.raises(ReportError, match="does not exist"):
        write_conference_json(session, cid, Audience.FAMILY, out)
    assert not out.parent.exists()
    with pytest.raises(ReportError, match=r"must end in \.json"):
        write_conference_json(session, cid, Audience.FAMILY, folder / "export.pdf")
    with pytest.raises(ReportError, match="not a language"):
        write_conference_json(session, cid, Audience.FAMILY, folder / "e.json", "fr")
    with pytest.raises(ReportError, match="no conference"):
        write_conference_json(session, "not-an-id", Audience.FAMILY, folder / "e.json")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("audience", JSON_AUDIENCES)
def test_the_written_file_round_trips(
    session: Session, tmp_path: Path, audience: Audience, validator: Draft202012Validator
) -> None:
    cid = _restricted_conference(session)
    out = tmp_path / "out" / f"{audience.value}.json"
    out.parent.mkdir()
    assert (
        write_conference_json(session, cid, audience.value, out, "cy", exported_at=EXPORTED_AT)
        == out
    )
    record = build_record(session, cid, audience, "cy")
    written = out.read_bytes()
    assert written == conference_json(record, exported_at=EXPORTED_AT)
    assert json.loads(written.decode("utf-8")) == conference_document(record, EXPORTED_AT)
    assert _errors(validator, json.loads(written)) == []
    # Welsh and names with accents are written as themselves, not as \u escapes.
    assert b"\\u" not in written
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp file left beside it


# -- times -----------------------------------------------------------------------------------


def _at(record: ConferenceRecord, when: datetime) -> dict[str, Any]:
    return conference_document(replace(record, starts_at=when, agreed_at=None), EXPORTED_AT)


def test_times_carry_the_uk_offset_of_their_day(session: Session) -> None:
    record = build_record(session, conference_ids(session)[0], Audience.FAMILY)
    summer = _at(record, datetime(2026, 7, 1, 10, 0))
    winter = _at(record, datetime(2026, 1, 15, 10, 0))
    assert summer["conference"]["starts_at"] == "2026-07-01T10:00:00+01:00"
    assert winter["conference"]["starts_at"] == "2026-01-15T10:00:00+00:00"
    assert summer["exported_at"] == "2026-07-01T10:30:00+01:00"  # 09:30 UTC, in BST
    assert summer["conference"]["agreed_at"] is None


def test_a_draft_conference_is_exported_as_a_draft(
    session: Session, validator: Draft202012Validator
) -> None:
    draft = session.scalars(
        select(Conference.id).where(Conference.status == ConferenceStatus.DRAFT)
    ).first()
    assert draft is not None
    document = conference_document(build_record(session, draft, Audience.PROFESSIONAL))
    assert document["conference"]["status"] == "draft"
    assert document["conference"]["agreed_at"] is None
    assert _errors(validator, document) == []


def test_the_documented_examples_are_valid(validator: Draft202012Validator) -> None:
    page = Path(__file__).parents[1] / "docs" / "conference-export.md"
    family_example, professional_extra = (
        json.loads(block)
        for block in re.findall(r"```json\n(.*?)```", page.read_text("utf-8"), re.DOTALL)
    )
    assert _errors(validator, family_example) == []
    # The page describes the professional export as the family one plus these keys.
    professional = copy.deepcopy(family_example) | {"audience": "professional"}
    for context in professional["contexts"]:
        context["peer_initials"] = "J.B., KT"
    for need in professional["needs"]:
        need["answers"] = []
    professional["decision"]["views"] = []
    professional |= professional_extra
    assert _errors(validator, professional) == []
