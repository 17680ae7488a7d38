"""The conference PDFs: the professional record, the family's copy, the young person's
plan and the core group's plan, all printed from one :class:`ConferenceRecord`."""

from roth_desktop.reports.pdf.render import render_pdf, write_conference_pdf

__all__ = ["render_pdf", "write_conference_pdf"]
