"""The page every conference PDF is printed on, and the making of the file itself.

Each page carries the protective marking at top and bottom, a header with the
young person's initials (never their name: a page left on a printer or seen
over a shoulder should not say whose record it is) and the document's title, a
footer with "Page X of Y", and a diagonal DRAFT while the conference is not yet
agreed. The document carries its metadata, an outline with one entry per
section, fonts embedded, and, when asked, a password.

"Page X of Y" needs Y before the first page is drawn, so the story is laid out
twice: once to count the pages, once for real. (Deferring page drawing until
the end would also work, but then every outline entry points at page one.)
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from roth_desktop import __version__
from roth_desktop.progress import Progress, no_progress
from roth_desktop.reports.pdf.fonts import BOLD, REGULAR, register_fonts
from roth_desktop.reports.pdf.protection import protect
from roth_desktop.reports.pdf.styles import INK, MUTED, RESTRICTED, RULE

PAGE_WIDTH, PAGE_HEIGHT = A4
SIDE_MARGIN = 18 * mm
TOP_MARGIN = 27 * mm
BOTTOM_MARGIN = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN

Story = list[Flowable]


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides the record itself."""

    title: str  # the document's title: never the young person's name
    initials: str
    marking: str
    status: str  # "Draft: not yet agreed" or "Agreed 3 November 2026"
    watermark: str | None  # "DRAFT" while the conference is not agreed
    page_of: str  # "Page {page} of {total}"
    restricted_band: str  # the margin note on pages holding restricted information
    font_size: float = 8.5


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    keywords: tuple[str, ...]
    lang: str  # BCP 47, so screen readers pick the right voice


class SectionHeading(Paragraph):  # type: ignore[misc]  # ReportLab is untyped
    """A heading that puts itself in the PDF outline, pointing at where it was drawn."""

    def __init__(self, markup: str, style: ParagraphStyle, outline: str, level: int = 0) -> None:
        super().__init__(markup, style)
        self.outline_title = outline
        self.outline_level = level
        self._key = f"s-{uuid.uuid4().hex}"

    def draw(self) -> None:
        super().draw()
        # Bookmark the top of the heading, so the viewer lands on the heading, not below it.
        self.canv.bookmarkHorizontal(self._key, 0, self.height + self.style.fontSize * 0.5)
        self.canv.addOutlineEntry(self.outline_title, self._key, level=self.outline_level)
        self.canv.showOutline()  # open the viewer's bookmarks pane: the record's contents


class RestrictedStart(Flowable):  # type: ignore[misc]
    """Marks where restricted information begins: pages from here carry a red margin band."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        out: BytesIO,
        furniture: Furniture,
        metadata: Metadata,
        total_pages: int | None,
    ) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=SIDE_MARGIN,
            rightMargin=SIDE_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=metadata.title,
            author=f"ROTH Desktop {__version__}",
            subject=metadata.subject,
            creator=f"ROTH Desktop {__version__}",
            producer=f"ROTH Desktop {__version__} with ReportLab {reportlab.Version}",
            keywords=list(metadata.keywords),
            lang=metadata.lang,
            displayDocTitle=1,
            initialFontName=REGULAR,
        )
        self.furniture = furniture
        self.total_pages = total_pages
        self.restricted = False
        frame = Frame(
            SIDE_MARGIN,
            BOTTOM_MARGIN,
            FRAME_WIDTH,
            FRAME_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates(
            [PageTemplate(id="page", frames=[frame], onPage=self._under, onPageEnd=self._over)]
        )

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, RestrictedStart):
            self.restricted = True

    def _under(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Drawn before the page's content: the watermark sits under the text, never over it."""
        f = self.furniture
        if f.watermark:
            canv.saveState()
            canv.setFillColor(colors.HexColor("#8a96a3"))
            canv.setFillAlpha(0.16)
            canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
            canv.rotate(50)
            canv.setFont(BOLD, 120)
            canv.drawCentredString(0, -40, f.watermark)
            canv.restoreState()
        self._header_and_footer(canv, canv.getPageNumber())

    def _over(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Drawn after the content, once this page is known to hold restricted information."""
        if not self.restricted:
            return
        canv.saveState()
        canv.setFillColor(RESTRICTED)
        band = 6 * mm
        top, bottom = PAGE_HEIGHT - TOP_MARGIN + 4 * mm, BOTTOM_MARGIN - 4 * mm
        canv.rect(PAGE_WIDTH - band - 3 * mm, bottom, band, top - bottom, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(BOLD, 8.5)
        canv.translate(PAGE_WIDTH - 3 * mm - band / 2 + 3, (top + bottom) / 2)
        canv.rotate(90)
        canv.drawCentredString(0, 0, self.furniture.restricted_band)
        canv.restoreState()

    def _header_and_footer(self, canv: Canvas, page: int) -> None:
        f = self.furniture
        size = f.font_size
        left, right = SIDE_MARGIN, PAGE_WIDTH - SIDE_MARGIN
        canv.saveState()
        # The protective marking, top and bottom, as government marking guidance asks.
        canv.setFillColor(INK)
        canv.setFont(BOLD, size + 1)
        canv.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 10 * mm, f.marking)
        canv.drawCentredString(PAGE_WIDTH / 2, 8 * mm, f.marking)
        # Header: initials and title on the left, the record's status on the right.
        y = PAGE_HEIGHT - 18 * mm
        canv.setFont(BOLD, size)
        canv.drawString(left, y, f.initials)
        canv.setFont(REGULAR, size)
        canv.drawString(left + canv.stringWidth(f.initials + "  ", BOLD, size), y, f.title)
        canv.setFillColor(MUTED)
        canv.drawRightString(right, y, f.status)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        # Footer: the same identification, and where this page sits in the whole.
        y = 15 * mm
        canv.line(left, y + 3.5 * mm, right, y + 3.5 * mm)
        canv.setFillColor(INK)
        canv.setFont(REGULAR, size)
        canv.drawString(left, y, f"{f.initials}  {f.title}")
        total = "?" if self.total_pages is None else str(self.total_pages)
        canv.drawRightString(right, y, f.page_of.format(page=page, total=total))
        canv.restoreState()


def build_pdf(
    make_story: Callable[[], Story],
    furniture: Furniture,
    metadata: Metadata,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    messages: tuple[str, str, str] = ("Laying out the pages", "Numbering the pages", "Done"),
) -> bytes:
    """Lay the story out twice (count, then print) and return the finished PDF's bytes.

    ``make_story`` is called once per pass because ReportLab consumes a story as it
    lays it out. Everything happens in memory: nothing touches the disk here.
    """
    register_fonts()
    report = progress or no_progress
    report(5, messages[0])
    counting = _Document(BytesIO(), furniture, metadata, None)
    counting.build(make_story())
    total = counting.page
    report(55, messages[1])
    out = BytesIO()
    final = _Document(out, furniture, metadata, total)
    final.build(make_story())
    pdf = protect(out.getvalue(), password) if password else out.getvalue()
    report(100, messages[2])
    return pdf
