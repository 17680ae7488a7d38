"""One conference as a JSON document, for a local authority's case management system.

The document follows ``resources/schemas/conference-export.v2.schema.json``, which
``docs/conference-export.md`` explains. It is made only from a
:class:`~roth_desktop.reports.conference_record.ConferenceRecord`, so what a family
export can hold was decided when the record was read: restricted rows were never
loaded for it. This module then leaves out, rather than blanks, the keys that are
professional-only (``restricted``, ``minutes``, peers' initials, need checklist answers,
individual views), so a family file cannot even suggest that nobody was named or
nobody disagreed.

Keys are written in the schema's order, not sorted, so a person reading the file meets
the conference before its details and two exports of one conference differ only where
the conference did.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from roth_desktop import __version__
from roth_desktop.conference.weights import percent_label
from roth_desktop.models.enums import (
    ConferenceOutcome,
)
from roth_desktop.reports.audience import Audience, ReportError, parse_audience, parse_language
from roth_desktop.reports.conference_record import (
    ActionItem,
    ConferenceRecord,
    ContextItem,
    Decision,
    HarmItem,
    LinkItem,
    MapPicture,
    MinuteItem,
    NeedItem,
    PartnerInfo,
    build_record,
)
from roth_desktop.reports.output import check_output_path, write_output

SCHEMA_ID = "roth-desktop/conference-export"
SCHEMA_VERSION = 2
SCHEMA_FILE = "schemas/conference-export.v2.schema.json"
APP_NAME = "ROTH Desktop"
# Only these two: the young person's plan and the core group's plan are documents written
# for people to read, and the schema describes neither.
AUDIENCES = (Audience.PROFESSIONAL, Audience.FAMILY)


def schema_path() -> Traversable:
    """The schema file shipped with the app (package data, so it is there when installed)."""
    return files("resources").joinpath(SCHEMA_FILE)


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


# -- times -----------------------------------------------------------------------------------


# The zone database comes with the system on Linux and macOS, and from the tzdata
# package (a dependency) on Windows, which has none of its own.
_UK = ZoneInfo("Europe/London")


def _when(value: datetime) -> str:
    """A stored time as RFC 3339 with the UK offset that applied.

    The app stores times without a zone and shows them as they are, as times in England
    (and Wales): so they are read as UK wall-clock time here too, and the JSON says the
    same as the printed record. Aware times (``exported_at``) are converted.
    """
    aware = value.astimezone(_UK) if value.tzinfo else value.replace(tzinfo=_UK)
    return aware.isoformat(timespec="seconds")


def _maybe_when(value: datetime | None) -> str | None:
    return _when(value) if value is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- codes -----------------------------------------------------------------------------------


def _or_null(code: str) -> str | None:
    return code or None


# -- the document ----------------------------------------------------------------------------


def conference_document(
    record: ConferenceRecord, exported_at: datetime | None = None
) -> dict[str, Any]:
    """The export of ``record`` as plain JSON values, keys in the schema's order."""
    if record.audience not in AUDIENCES:
        raise ReportError(_audience_refusal(record.audience.value))
    professional = record.audience is Audience.PROFESSIONAL
    document: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "exported_at": _when(exported_at or datetime.now(UTC)),
        "exported_by_app": {"name": APP_NAME, "version": __version__},
        "audience": record.audience.value,
        "language": record.language,
        "content_pack": {"id": record.pack.id, "version": record.pack.version},
        "conference": {
            "id": record.conference_id,
            "case_id": record.case_id,
            "kind": record.kind,
            "kind_label": record.kind_label,
            "starts_at": _when(record.starts_at),
            "location": record.location,
            "chair": record.chair,
            "status": "agreed" if record.agreed else "draft",
            "agreed_at": _maybe_when(record.agreed_at),
        },
        "young_person": {
            "name": record.young_person_name,
            "initials": record.initials,
            "date_of_birth": _day(record.date_of_birth),
            "age_at_conference": record.age,
        },
        "attendance": [
            {
                "name": a.name,
                "role": a.role_code,
                "role_label": a.role,
                "organisation": a.organisation,
                "status": a.status_code,
                "status_label": a.status,
                "arrived_at": _maybe_when(a.arrived_at),
                "left_at": _maybe_when(a.left_at),
            }
            for a in record.attendance
        ],
        "picture": [{"kind": p.kind, "text": p.text, "said_by": p.said_by} for p in record.picture],
        "voices": [
            {
                "who": v.who,
                "speaker": v.speaker,
                "kind": v.kind_code,
                "kind_label": v.kind,
                "channel": v.channel_code,
                "channel_label": v.channel,
                "words": v.words,
                "said_at": _when(v.said_at),
            }
            for v in record.voices
        ],
        "contexts": [_context(c, professional) for c in record.contexts],
        "links": [_link(link) for link in record.links],
        "maps": {"now": _map(record.map_now), "before": _map(record.map_before)},
        "partner_information": [_partner(p) for p in record.partner_information],
        "needs": [_need(n, professional) for n in record.needs],
        "harm": [_harm(h) for h in record.harm],
        "decision": _decision(record.decision, professional),
        "plan": {
            "goals": [
                {
                    "heading": g.heading,
                    "heading_label": g.heading_label,
                    "text": g.text,
                    "progress": g.progress,
                    "progress_label": g.progress_label,
                    "answers": list(g.answers),
                    "actions": [_action(a) for a in g.actions],
                }
                for g in record.goals
            ]
        },
        "next_steps": None
        if record.next_steps is None
        else {
            "core_group_on": _day(record.next_steps.core_group_on),
            "review_on": _day(record.next_steps.review_on),
            "visit_frequency": record.next_steps.visit_frequency,
            "transition_notes": record.next_steps.transition_notes,
        },
    }
    if professional:
        restricted = record.restricted
        document["minutes"] = [_minute(m) for m in record.minutes]
        document["restricted"] = {
            "partner_information": [_partner(p) for p in restricted.partner_information],
            "harm": [_harm(h) for h in restricted.harm],
            "links": [_link(link) for link in restricted.links],
            "minutes": [_minute(m) for m in restricted.minutes],
        }
    return document


def _context(c: ContextItem, professional: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": c.id,
        "name": c.name,
        "share": c.share,
        "percent": c.percent,
        "safety": c.safety,
        "safety_label": c.safety_label,
        "makes_safe": c.makes_safe,
        "makes_unsafe": c.makes_unsafe,
        "guardians": c.guardians,
    }
    if professional:
        item["peer_initials"] = c.peer_initials
    item["referred_to_context_meeting"] = c.referred_to_context_meeting
    return item


def _link(link: LinkItem) -> dict[str, Any]:
    return {"source": link.source, "target": link.target, "label": link.label}


def _map(picture: MapPicture | None) -> dict[str, Any] | None:
    if picture is None:
        return None
    return {
        "label": picture.label,
        "areas": [
            {"name": name, "safety": safety, "share": share, "percent": percent_label(share)}
            for name, safety, share in picture.areas
        ],
    }


def _partner(p: PartnerInfo) -> dict[str, Any]:
    return {
        "agency": p.agency,
        "context": p.context,
        "nature": p.nature,
        "nature_label": p.nature_label,
        "source": p.source,
        "agency_decision": p.agency_decision,
        "text": p.text,
    }


def _need(n: NeedItem, professional: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "area": n.area,
        "label": n.label,
        "status": n.status,
        "status_label": n.status_label,
        "summary": n.summary,
        "responsible": n.responsible,
        "escalation": n.escalation,
    }
    if professional:
        item["answers"] = [{"question": q, "answer": a} for q, a in n.answers]
    return item


def _harm(h: HarmItem) -> dict[str, Any]:
    return {
        "harm_type": h.harm_type,
        "label": h.label,
        "timing": h.timing,
        "timing_label": h.timing_label,
        "description": h.description,
    }


def _decision(d: Decision | None, professional: bool) -> dict[str, Any] | None:
    if d is None:
        return None
    item: dict[str, Any] = {
        "significant_harm": d.significant_harm,
        "harm_category": _or_null(d.harm_category),
        "harm_category_label": d.harm_category_label,
        "outside_home": d.outside_home,
        "outcome": _or_null(d.outcome),
        "outcome_label": d.outcome_label,
        "pathway": ConferenceOutcome(d.outcome).pathway.value if d.outcome else None,
        "young_person_view": d.young_person_view,
        "family_view": d.family_view,
    }
    if professional:
        item["views"] = [
            {
                "name": v.name,
                "organisation": v.organisation,
                "position": v.position,
                "position_label": v.position_label,
                "reasons": v.reasons,
            }
            for v in d.views
        ]
    return item


def _action(a: ActionItem) -> dict[str, Any]:
    return {
        "what": a.what,
        "owner": a.owner,
        "due_on": _day(a.due_on),
        "how_we_know": a.how_we_know,
        "status": a.status,
        "status_label": a.status_label,
    }


def _minute(m: MinuteItem) -> dict[str, Any]:
    return {"step": m.step, "recorded_at": _when(m.recorded_at), "text": m.text}


# -- bytes and files -------------------------------------------------------------------------


def conference_json(record: ConferenceRecord, *, exported_at: datetime | None = None) -> bytes:
    """The export as UTF-8 bytes: names in every language as written, indented for people."""
    text = json.dumps(conference_document(record, exported_at), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write_conference_json(
    session: Session,
    conference_id: str,
    audience: Audience | str,
    out: Path,
    language: str = "en",
    *,
    exported_at: datetime | None = None,
) -> Path:
    """Export one conference for ``audience`` to ``out`` (a .json file) in one atomic write.

    Everything that can be refused (audience, language, the target) is checked before the
    database is read, so a mistake costs nothing and leaves no file.
    """
    chosen = _parse_audience(str(audience))
    language = parse_language(language)
    check_output_path(out, ".json")
    record = build_record(session, conference_id, chosen, language)
    return write_output(out, conference_json(record, exported_at=exported_at), ".json")


def _parse_audience(text: str) -> Audience:
    try:
        return parse_audience(text, AUDIENCES)
    except ReportError:
        raise ReportError(_audience_refusal(text)) from None


def _audience_refusal(text: str) -> str:
    return f"A conference can be exported as JSON for professional or family only, not '{text}'."
