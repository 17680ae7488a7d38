"""Type, colour and spacing for each audience's PDF.

Size follows the reader: professionals get a dense record, the family gets
11pt and up because it is read at a kitchen table, often by tired people and
sometimes through an interpreter, and the young person gets 13pt and up with
lots of air, because a wall of small print is the surest way to make a
fifteen-year-old stop reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from roth_desktop.reports.audience import Audience
from roth_desktop.reports.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
ACCENT = colors.HexColor("#0b6e75")  # teal: calm, and not a safety colour
ACCENT_LIGHT = colors.HexColor("#e3f2f2")
CARD = colors.HexColor("#f4f6f8")
RESTRICTED = colors.HexColor("#a61b1b")
RESTRICTED_LIGHT = colors.HexColor("#fbeaea")
DISSENT_LIGHT = colors.HexColor("#fff4d6")


@dataclass(frozen=True)
class Sizes:
    body: float
    small: float
    cell: float
    h1: float
    h2: float
    title: float
    space: float  # the gap before a section heading


_SIZES = {
    Audience.PROFESSIONAL: Sizes(body=10, small=8.5, cell=9, h1=14, h2=11.5, title=20, space=14),
    Audience.PLAN: Sizes(body=10.5, small=9, cell=9.5, h1=15, h2=12, title=20, space=14),
    Audience.FAMILY: Sizes(body=11.5, small=11, cell=11, h1=16, h2=13, title=22, space=18),
    Audience.YOUNG_PERSON: Sizes(body=14, small=13, cell=13, h1=21, h2=16, title=30, space=26),
}


@dataclass(frozen=True)
class Styles:
    sizes: Sizes
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle  # an opening paragraph, a little larger
    small: ParagraphStyle
    muted: ParagraphStyle
    quote: ParagraphStyle
    attribution: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    label: ParagraphStyle  # a bold run-in label above a short text
    restricted_h1: ParagraphStyle
    caption: ParagraphStyle


def styles_for(audience: Audience) -> Styles:
    register_fonts()
    s = _SIZES[audience]
    roomy = audience in (Audience.FAMILY, Audience.YOUNG_PERSON)
    # Looser leading for the plain-language copies: easier to track lines when reading slowly.
    lead_factor = 1.45 if roomy else 1.3

    def style(name: str, size: float, font: str = REGULAR, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=round(size * lead_factor, 1),
            textColor=kw.pop("textColor", INK),
            **kw,
        )

    body = style("body", s.body, spaceAfter=s.body * (0.6 if roomy else 0.4))
    return Styles(
        sizes=s,
        title=style("title", s.title, BOLD, textColor=ACCENT, spaceAfter=4),
        subtitle=style("subtitle", s.body + 1, textColor=MUTED, spaceAfter=s.space),
        h1=style(
            "h1",
            s.h1,
            BOLD,
            textColor=ACCENT,
            spaceBefore=s.space,
            spaceAfter=s.h1 * 0.45,
            keepWithNext=1,
        ),
        h2=style(
            "h2", s.h2, BOLD, spaceBefore=s.space * 0.55, spaceAfter=s.h2 * 0.3, keepWithNext=1
        ),
        body=body,
        lead=style("lead", s.body + (2 if roomy else 1), spaceAfter=s.body * 0.8),
        small=style("small", s.small, textColor=INK, spaceAfter=2),
        muted=style("muted", s.small, ITALIC, textColor=MUTED, spaceAfter=s.small * 0.5),
        quote=style("quote", s.body + (1 if roomy else 0.5), ITALIC, leftIndent=10, spaceAfter=2),
        attribution=style(
            "attribution", s.small, textColor=MUTED, leftIndent=10, spaceAfter=s.body * 0.8
        ),
        cell=style("cell", s.cell),
        cell_head=style("cell_head", s.cell, BOLD, textColor=colors.white),
        label=style("label", s.body, BOLD, spaceAfter=1, keepWithNext=1),
        restricted_h1=style(
            "restricted_h1",
            s.h1,
            BOLD,
            textColor=RESTRICTED,
            spaceBefore=s.space,
            spaceAfter=s.h1 * 0.45,
            keepWithNext=1,
        ),
        caption=style("caption", s.small, BOLD, alignment=TA_CENTER, spaceAfter=3),
    )
