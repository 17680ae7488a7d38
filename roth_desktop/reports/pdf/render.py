"""From a conference record to PDF bytes, and from a conference to a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable
from sqlalchemy.orm import Session

from roth_desktop.app_settings import AppSettings
from roth_desktop.progress import Progress
from roth_desktop.reports.audience import Audience
from roth_desktop.reports.conference_record import ConferenceRecord, build_record
from roth_desktop.reports.output import check_output_path, write_output
from roth_desktop.reports.pdf import (
    core_group_plan,
    family_copy,
    professional_record,
    young_person_plan,
)
from roth_desktop.reports.pdf.page_template import Furniture, Metadata, build_pdf
from roth_desktop.reports.pdf.sections import Kit, status_text
from roth_desktop.reports.pdf.styles import styles_for
from roth_desktop.reports.pdf.wording import wording_for

DEFAULT_MARKING = AppSettings.protective_marking

_STORIES: dict[Audience, Callable[[Kit], list[Flowable]]] = {
    Audience.PROFESSIONAL: professional_record.story,
    Audience.FAMILY: family_copy.story,
    Audience.YOUNG_PERSON: young_person_plan.story,
    Audience.PLAN: core_group_plan.story,
}

_LANG_TAGS = {"en": "en-GB", "cy": "cy-GB"}


def render_pdf(
    record: ConferenceRecord,
    *,
    marking: str = DEFAULT_MARKING,
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The PDF for the record's audience and language, built in memory."""
    w = wording_for(record.language)
    kit = Kit(record, w, styles_for(record.audience))
    title = w(f"title.{record.audience.value}")
    furniture = Furniture(
        title=title,
        initials=record.initials,
        marking=marking,
        status=status_text(kit),
        watermark=None if record.agreed else w("page.watermark"),
        page_of=w("page.page_of"),
        restricted_band=w("page.restricted_band"),
        font_size=9.5 if record.audience is Audience.YOUNG_PERSON else 8.5,
    )
    day = w.date(record.starts_at.date())
    kind = kit.label("kind", record.kind, record.kind_label)
    metadata = Metadata(
        # Initials, not the name: file properties show in previews and search indexes.
        title=f"{title}: {record.initials}, {day}",
        subject=w(f"subject.{record.audience.value}"),
        keywords=(*w("meta.keywords").split(","), kind, marking),
        lang=_LANG_TAGS.get(record.language, "en-GB"),
    )
    messages = (w("progress.layout"), w("progress.numbering"), w("progress.done"))
    return build_pdf(
        lambda: _STORIES[record.audience](kit),
        furniture,
        metadata,
        password=password,
        progress=progress,
        messages=messages,
    )


def write_conference_pdf(
    session: Session,
    conference_id: str,
    audience: Audience,
    out: Path,
    *,
    language: str = "en",
    marking: str = DEFAULT_MARKING,
    password: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Build the record, render it and write it atomically to ``out``."""
    check_output_path(out, ".pdf")  # refuse a bad target before the work, not after
    record = build_record(session, conference_id, audience, language)
    data = render_pdf(record, marking=marking, password=password, progress=progress)
    return write_output(out, data, ".pdf")
