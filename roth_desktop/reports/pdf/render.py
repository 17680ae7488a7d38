"""From a conference or assessment record to PDF bytes, and from either to a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable
from sqlalchemy.orm import Session

from roth_desktop.app_settings import AppSettings
from roth_desktop.progress import Progress
from roth_desktop.reports.assessment_record import AssessmentRecord, build_assessment_record
from roth_desktop.reports.audience import Audience
from roth_desktop.reports.conference_record import ConferenceRecord, build_record
from roth_desktop.reports.output import check_output_path, write_output
from roth_desktop.reports.pdf import (
    assessment_report,
    core_group_plan,
    family_copy,
    professional_record,
    young_person_plan,
)
from roth_desktop.reports.pdf.page_template import Furniture, Metadata, build_pdf
from roth_desktop.reports.pdf.sections import Kit, status_text
from roth_desktop.reports.pdf.styles import styles_for
from roth_desktop.reports.pdf.wording import Wording, wording_for

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
    return _render(
        w,
        lambda: _STORIES[record.audience](kit),
        _Page(
            title=w(f"title.{record.audience.value}"),
            subject=w(f"subject.{record.audience.value}"),
            initials=record.initials,
            day=record.starts_at.date(),
            kind=kit.label("kind", record.kind, record.kind_label),
            status=status_text(kit),
            draft=not record.agreed,
            large=record.audience is Audience.YOUNG_PERSON,
        ),
        marking=marking,
        password=password,
        progress=progress,
    )


def render_assessment_pdf(
    record: AssessmentRecord,
    *,
    marking: str = DEFAULT_MARKING,
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The assessment's PDF for its audience (professional or family), built in memory."""
    w = wording_for(record.language)
    kit = Kit(assessment_report.shared_view(record), w, styles_for(record.audience))
    doc = assessment_report.Doc(record, kit)
    family = not record.audience.sees_restricted
    return _render(
        w,
        lambda: assessment_report.story(doc),
        _Page(
            title=doc.title(),
            subject=w("assessment.subject.family" if family else "assessment.subject"),
            initials=record.initials,
            day=record.started_on,
            kind=w("assessment.title"),
            status=doc.status(),
            draft=not record.completed,
        ),
        marking=marking,
        password=password,
        progress=progress,
    )


@dataclass(frozen=True)
class _Page:
    """What a document's pages and file properties say about it."""

    title: str
    subject: str
    initials: str
    day: date
    kind: str
    status: str
    draft: bool  # a diagonal DRAFT under every page
    large: bool = False  # the young person's larger header and footer


def _render(
    w: Wording,
    make_story: Callable[[], list[Flowable]],
    page: _Page,
    *,
    marking: str,
    password: str | None,
    progress: Progress | None,
) -> bytes:
    furniture = Furniture(
        title=page.title,
        initials=page.initials,
        marking=marking,
        status=page.status,
        watermark=w("page.watermark") if page.draft else None,
        page_of=w("page.page_of"),
        restricted_band=w("page.restricted_band"),
        font_size=9.5 if page.large else 8.5,
    )
    metadata = Metadata(
        # Initials, not the name: file properties show in previews and search indexes.
        title=f"{page.title}: {page.initials}, {w.date(page.day)}",
        subject=page.subject,
        keywords=(*w("meta.keywords").split(","), page.kind, marking),
        lang=_LANG_TAGS.get(w.language, "en-GB"),
    )
    messages = (w("progress.layout"), w("progress.numbering"), w("progress.done"))
    return build_pdf(
        make_story,
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


def write_assessment_pdf(
    session: Session,
    assessment_id: str,
    audience: Audience,
    out: Path,
    *,
    language: str = "en",
    marking: str = DEFAULT_MARKING,
    password: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Build the assessment's record, render it and write it atomically to ``out``."""
    check_output_path(out, ".pdf")  # refuse a bad target before the work, not after
    record = build_assessment_record(session, assessment_id, audience, language)
    data = render_assessment_pdf(record, marking=marking, password=password, progress=progress)
    return write_output(out, data, ".pdf")
