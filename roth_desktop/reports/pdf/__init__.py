"""The conference PDFs: the professional record, the family's copy, the young person's
plan and the core group's plan, all printed from one :class:`ConferenceRecord`; and the
social worker's assessment, for professionals and for the family."""

from roth_desktop.reports.pdf.render import (
    render_assessment_pdf,
    render_pdf,
    write_assessment_pdf,
    write_conference_pdf,
)

__all__ = ["render_assessment_pdf", "render_pdf", "write_assessment_pdf", "write_conference_pdf"]
