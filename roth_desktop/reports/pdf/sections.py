"""Section builders shared by the four PDFs: each turns part of a record into flowables.

An audience's document is a choice and order of these sections, so a fix to how
voices or the plan are printed reaches every copy at once. What a section may
show is already settled by the record (restricted items, peers' initials and
individual votes are only in a professional record), so the builders print what
they are given; the ``plain`` flag only changes the words around it.

Everything a person typed goes through :func:`esc` before it becomes Paragraph
markup: a voice that says "<b>" or "&" must print exactly that.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from roth_desktop.conference.weights import percent_label
from roth_desktop.reports.audience import Audience
from roth_desktop.reports.conference_record import (
    ConferenceRecord,
    GoalItem,
    HarmItem,
    LinkItem,
    MinuteItem,
    PartnerInfo,
    VoiceItem,
)
from roth_desktop.reports.pdf.context_map_drawing import (
    LOOKS,
    ContextMapDrawing,
    MapPanel,
    draw_patch,
    number_areas,
)
from roth_desktop.reports.pdf.fonts import REGULAR
from roth_desktop.reports.pdf.page_template import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    RestrictedStart,
    SectionHeading,
)
from roth_desktop.reports.pdf.styles import (
    ACCENT,
    ACCENT_LIGHT,
    CARD,
    DISSENT_LIGHT,
    RESTRICTED,
    RESTRICTED_LIGHT,
    RULE,
    Styles,
)
from roth_desktop.reports.pdf.wording import Wording

HEADING_ORDER = ("needs", "guardianship", "environment")
PICTURE_ORDER = ("strength", "interest", "matters", "described_as")


@dataclass(frozen=True)
class Kit:
    """What every section builder needs: the record, its words, its styles."""

    record: ConferenceRecord
    w: Wording
    st: Styles

    @property
    def plain(self) -> bool:
        """Family and young person: plain words, no professional shorthand."""
        return self.record.audience in (Audience.FAMILY, Audience.YOUNG_PERSON)

    @property
    def name(self) -> str:
        return self.record.young_person_first_name

    def label(self, prefix: str, value: str, fallback: str) -> str:
        """A fixed value's words: Welsh from the wording file, English as the record has it."""
        key = f"{prefix}.{value}"
        if self.w.language == "cy" and value and self.w.has(key):
            return self.w(key)
        return fallback


# -- small pieces ----------------------------------------------------------------------------


def esc(text: str) -> str:
    """Plain text as Paragraph markup that prints exactly that text."""
    return escape(text.strip()).replace("\n", "<br/>")


def para(text: str, style: object) -> Paragraph:
    return Paragraph(esc(text), style)


def heading(kit: Kit, text: str, *, level: int = 0, restricted: bool = False) -> SectionHeading:
    """A section heading, also an entry in the PDF's outline."""
    style = kit.st.h2
    if level == 0:
        style = kit.st.restricted_h1 if restricted else kit.st.h1
    return SectionHeading(esc(text), style, text, level)


def nothing(kit: Kit, key: str = "common.nothing") -> Paragraph:
    if key == "common.nothing" and kit.record.audience is Audience.YOUNG_PERSON:
        key = "yp.nothing"  # "Nothing recorded" is the adults' register, not theirs
    return Paragraph(esc(kit.w(key)), kit.st.muted)


def labelled(kit: Kit, label: str, text: str) -> Paragraph:
    """A run-in bold label and its text: "What makes it safe: Mum waits up"."""
    return Paragraph(f"<b>{esc(label)}</b> {esc(text)}", kit.st.body)


def bullets(kit: Kit, items: Iterable[str], *, markup: bool = False) -> Flowable:
    """A bulleted list; ``markup`` items are already escaped and may hold <b>."""
    style = kit.st.body
    flow = [
        ListItem(Paragraph(item if markup else esc(item), style), leftIndent=style.fontSize * 1.2)
        for item in items
    ]
    return ListFlowable(
        flow,
        bulletType="bullet",
        start="•",
        bulletFontName=style.fontName,
        bulletFontSize=style.fontSize,
        leftIndent=style.fontSize * 1.2,
    )


def table_style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A table style whose cells default to the embedded font.

    ReportLab starts every table cell in Helvetica, which is never embedded and has no
    ŵ or ŷ; even an empty cell would otherwise pull it into the PDF.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def grid(
    kit: Kit,
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    *,
    highlight: Sequence[int] = (),
) -> Table:
    """A table with a coloured header row that repeats on every page it runs onto."""
    st = kit.st

    def cell(value: str | Flowable) -> Flowable:
        return value if isinstance(value, Flowable) else para(value, st.cell)

    data = [[Paragraph(esc(h), st.cell_head) for h in header]]
    data += [[cell(v) for v in row] for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for n in highlight:
        commands.append(("BACKGROUND", (0, n + 1), (-1, n + 1), DISSENT_LIGHT))
    table.setStyle(table_style(commands))
    return table


def facts(kit: Kit, pairs: Sequence[tuple[str, str]], *, label_width: float = 0.3) -> Table:
    """Label and value, one pair a row: conference details, next steps."""
    st = kit.st
    data = [[Paragraph(f"<b>{esc(k)}</b>", st.cell), para(v, st.cell)] for k, v in pairs]
    width = FRAME_WIDTH
    table = Table(data, colWidths=[width * label_width, width * (1 - label_width)], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def card(
    content: Sequence[Flowable], *, fill: colors.Color = CARD, edge: colors.Color = ACCENT
) -> Flowable:
    """A shaded panel with a coloured bar down its left side.

    A table cell cannot always be split across pages, so content too tall for one
    page (a voice of several pages, say) is printed without the panel rather than
    failing the whole PDF.
    """
    padding = 10
    measure = Canvas(io.BytesIO())  # some flowables need a canvas just to measure
    tall = sum(f.wrapOn(measure, FRAME_WIDTH - 2 * padding, FRAME_HEIGHT)[1] for f in content)
    if tall > FRAME_HEIGHT - 4 * padding:
        return KeepTogether(list(content))  # keeps what fits; splits what does not
    table = Table([[list(content)]], colWidths=[FRAME_WIDTH], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("LINEBEFORE", (0, 0), (0, -1), 3.5, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def keep_first(lead: Sequence[Flowable], blocks: Sequence[Flowable]) -> list[Flowable]:
    """A heading (and its introduction) kept on the same page as the first block after it.

    ReportLab's keepWithNext does not reach into a KeepTogether, so without this a
    heading can sit alone at the foot of a page with its first block overleaf.
    """
    if not blocks:
        return list(lead)
    first = blocks[0]
    # A KeepTogether inside a KeepTogether measures as endlessly tall and always
    # forces a new page, so the first block's own contents are merged instead.
    inner = list(first._content) if isinstance(first, KeepTogether) else [first]
    return [KeepTogether([*lead, *inner]), *blocks[1:]]


def before_table(lead: Sequence[Flowable], room: float = 45 * mm) -> list[Flowable]:
    """A heading over a table that may run across pages.

    Kept with the table, a long table would carry its heading to a new page and
    leave the rest of this one empty; instead the heading starts a new page only
    when there is no room for it and the first few rows.
    """
    for flowable in lead:
        flowable.keepWithNext = 0
    return [CondPageBreak(room), *lead]


def when(kit: Kit, day: date | None, *, weekday: bool = False) -> str:
    return kit.w.date(day, weekday=weekday)


def upper_first(text: str) -> str:
    """Welsh writes "dydd Mawrth" inside a sentence and "Dydd Mawrth" on its own."""
    return text[:1].upper() + text[1:]


# -- the sections ----------------------------------------------------------------------------


def title_block(kit: Kit, title: str, subtitle: str) -> list[Flowable]:
    return [Paragraph(esc(title), kit.st.title), Paragraph(esc(subtitle), kit.st.subtitle)]


def conference_line(kit: Kit) -> str:
    """ "Review conference for Mira Haddad, Tuesday 3 November 2026"."""
    r = kit.record
    return kit.w(
        "common.conference_for",
        kind=kit.label("kind", r.kind, r.kind_label),
        name=r.young_person_name,
        date=when(kit, r.starts_at.date(), weekday=True),
    )


def status_text(kit: Kit) -> str:
    r = kit.record
    if r.agreed:
        return kit.w("status.agreed", date=when(kit, r.agreed_at.date() if r.agreed_at else None))
    return kit.w("status.draft")


def details_section(kit: Kit) -> list[Flowable]:
    r, w = kit.record, kit.w
    born = when(kit, r.date_of_birth)
    if r.age is not None:
        born = w("details.born_age", date=born, age=r.age)
    pairs = [
        (w("details.conference"), kit.label("kind", r.kind, r.kind_label)),
        (
            w("details.when"),
            f"{upper_first(when(kit, r.starts_at.date(), weekday=True))}, {w.time(r.starts_at)}",
        ),
        (w("details.where"), r.location or w("common.not_recorded")),
        (w("details.chair"), r.chair or w("common.not_recorded")),
        (w("details.young_person"), r.young_person_name),
        (w("details.born"), born),
        (w("details.status"), status_text(kit)),
    ]
    return [heading(kit, w("section.details")), facts(kit, pairs)]


def attendance_section(kit: Kit) -> list[Flowable]:
    r, w = kit.record, kit.w
    out = before_table([heading(kit, w.pick("section.attendance", kit.plain))])
    if not r.attendance:
        return [*out, nothing(kit)]
    rows = []
    for a in r.attendance:
        status = kit.label("attendance", a.status_code, a.status)
        if a.arrived_at or a.left_at:
            times = "–".join(w.time(t) if t else "…" for t in (a.arrived_at, a.left_at))
            status = f"{status} ({times})"
        rows.append([a.name, kit.label("role", a.role_code, a.role), a.organisation, status])
    header = [w("col.name"), w("col.role"), w("col.organisation"), w("col.attendance")]
    widths = [FRAME_WIDTH * f for f in (0.26, 0.2, 0.32, 0.22)]
    return [*out, grid(kit, header, rows, widths)]


def picture_section(
    kit: Kit,
    *,
    you: bool = False,
    intro: str | None = None,
    notes: Mapping[int, str] | None = None,
) -> list[Flowable]:
    """Strengths, interests and what matters: the young person as a person, not a risk.

    ``notes`` is markup to print beside an item, by its place in the record's picture.
    """
    r, w = kit.record, kit.w
    prefix = "yp.picture" if you else "picture"
    out: list[Flowable] = [heading(kit, w(f"{prefix}.heading", name=kit.name))]
    if intro is None and you:
        intro = w("yp.picture.intro")
    if intro:
        out.append(Paragraph(esc(intro), kit.st.body))
    if not r.picture:
        return [*out, nothing(kit)]
    notes = notes or {}
    for kind in [*PICTURE_ORDER, *sorted({p.kind for p in r.picture} - set(PICTURE_ORDER))]:
        items = [(n, p) for n, p in enumerate(r.picture) if p.kind == kind]
        if not items:
            continue
        label = w(f"{prefix}.{kind}", name=kit.name) if w.has(f"{prefix}.{kind}") else kind
        lines = []
        for n, p in items:
            said = f" <font color='#52606d'>({esc(w('common.said_by', who=p.said_by))})</font>"
            lines.append(esc(p.text) + (said if p.said_by.strip() else "") + notes.get(n, ""))
        out += [Paragraph(esc(label), kit.st.label), bullets(kit, lines, markup=True)]
    return out


def quote(kit: Kit, words: str, attribution: str) -> Flowable:
    """Someone's own words, in their own quotation marks, with who said them and how."""
    st = kit.st
    return KeepTogether(
        [
            card(
                [
                    Paragraph(f"“{esc(words)}”", st.quote),
                    Paragraph(esc(attribution), st.attribution),
                ],
                fill=ACCENT_LIGHT,
            ),
            Spacer(1, st.sizes.body * 0.5),
        ]
    )


def voice_attribution(kit: Kit, voice: VoiceItem) -> str:
    kind = kit.label("voice_kind", voice.kind_code, voice.kind)
    channel = kit.label("channel", voice.channel_code, voice.channel)
    return f"— {voice.who} · {kind} · {channel}"


def voices_section(kit: Kit, voices: Sequence[VoiceItem] | None = None) -> list[Flowable]:
    w = kit.w
    voices = kit.record.voices if voices is None else voices
    lead: list[Flowable] = [
        heading(kit, w.pick("section.voices", kit.plain)),
        Paragraph(esc(w("voices.intro")), kit.st.body),
    ]
    if not voices:
        return [*lead, nothing(kit)]
    return keep_first(lead, [quote(kit, v.words, voice_attribution(kit, v)) for v in voices])


def safety_label(kit: Kit, safety: str) -> str:
    return kit.record.term(safety) if safety in LOOKS else safety


class SafetyTag(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """A small patch in the map's pattern, so the list and the map read the same way."""

    def __init__(self, safety: str, size: float) -> None:
        super().__init__()
        self.safety = safety if safety in LOOKS else "unknown"
        self.width, self.height = size * 2.2, size * 1.3

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_patch(self.canv, (0, 0, self.width, self.height), LOOKS[self.safety])


def context_block(kit: Kit, context_index: int, *, you: bool = False) -> Flowable:
    """One context: its safety, its weight, what makes it safe or unsafe, who guards it."""
    c = kit.record.contexts[context_index]
    w, st = kit.w, kit.st
    prefix = "yp.context" if you else "context"
    title = Paragraph(
        f"<b>{esc(c.name)}</b>  <font color='#52606d'>{esc(safety_label(kit, c.safety))}"
        f" · {esc(w('context.weight', percent=c.percent))}</font>",
        st.body,
    )
    header = Table(
        [[SafetyTag(c.safety, st.sizes.body), title]],
        colWidths=[st.sizes.body * 2.8, FRAME_WIDTH - st.sizes.body * 2.8],
        hAlign="LEFT",
    )
    header.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, 0), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    parts: list[Flowable] = [header]
    for key, text in (
        ("makes_safe", c.makes_safe),
        ("makes_unsafe", c.makes_unsafe),
        ("guardians", c.guardians),
        ("peers", c.peer_initials),
    ):
        if text.strip():
            parts.append(labelled(kit, w.pick(f"{prefix}.{key}", kit.plain, name=kit.name), text))
    if c.referred_to_context_meeting:
        parts.append(Paragraph(esc(w.pick(f"{prefix}.referred", kit.plain)), st.body))
    if len(parts) == 1:
        parts.append(Paragraph(esc(w(f"{prefix}.nothing_yet")), st.muted))
    parts.append(Spacer(1, st.sizes.body * 0.6))
    return KeepTogether(parts)


def safety_section(kit: Kit) -> list[Flowable]:
    r, w = kit.record, kit.w
    lead: list[Flowable] = [heading(kit, w.pick("section.safety", kit.plain, name=kit.name))]
    if not r.contexts:
        return [*lead, nothing(kit)]
    order = sorted(range(len(r.contexts)), key=lambda n: -r.contexts[n].share)
    return keep_first(lead, [context_block(kit, n) for n in order])


def map_drawing(kit: Kit, *, large: bool = False) -> list[Flowable]:
    """The map (with last time's beside it at a review) and a numbered legend in words."""
    r, w = kit.record, kit.w
    if r.map_now is None:
        return [nothing(kit, "map.none")]
    pictures: list[tuple[str, tuple[tuple[str, str, int], ...]]] = []
    if r.map_before is not None:
        pictures.append((w("map.before", label=r.map_before.label), r.map_before.areas))
        pictures.append((w("map.now", label=r.map_now.label), r.map_now.areas))
    else:
        pictures.append(("", r.map_now.areas))
    panels = number_areas(pictures)
    labels = {s: safety_label(kit, s) for s in LOOKS}
    two = len(panels) == 2
    drawing = ContextMapDrawing(
        panels,
        labels,
        map_height=(250 if two else 290) if large else (215 if two else 250),
        label_size=10.5 if large else 8.5,
        key_title=w("map.key"),
    )
    # The legend explains the numbers on the map, so the two stay on one page.
    return [KeepTogether([drawing, Spacer(1, 6), map_legend(kit, panels)])]


def map_legend(kit: Kit, panels: Sequence[MapPanel]) -> Table:
    w = kit.w
    latest = panels[-1]
    before = {a.name: a for a in panels[0].areas} if len(panels) == 2 else {}
    header = [w("col.number"), w("col.context")]
    if before:
        header.append(w("col.last_time"))
    header += [w("col.now"), w("col.safety")]
    rows = []
    for area in sorted(latest.areas, key=lambda a: a.number):
        row = [str(area.number), area.name]
        if before:
            old = before.get(area.name)
            row.append(
                f"{percent_label(old.share)} · {safety_label(kit, old.safety)}" if old else "—"
            )
        row += [percent_label(area.share), safety_label(kit, area.safety)]
        rows.append(row)
    fractions: tuple[float, ...] = (0.07, 0.55, 0.14, 0.24)
    if before:
        fractions = (0.07, 0.43, 0.22, 0.1, 0.18)
    return grid(kit, header, rows, [FRAME_WIDTH * f for f in fractions])


def links_block(kit: Kit, links: Sequence[LinkItem], title_key: str) -> list[Flowable]:
    if not links:
        return []
    lines = [
        f"<b>{esc(link.source)} → {esc(link.target)}:</b> {esc(link.label)}"
        if link.source or link.target
        else esc(link.label)
        for link in links
    ]
    return [Paragraph(esc(kit.w(title_key)), kit.st.label), bullets(kit, lines, markup=True)]


def map_section(kit: Kit) -> list[Flowable]:
    w = kit.w
    r = kit.record
    intro = w.pick("map.intro", kit.plain, name=kit.name)
    if r.map_before is not None:
        intro = f"{intro} {w('map.intro_review')}"
    drawing = map_drawing(kit)
    lead: list[Flowable] = [
        heading(kit, w.pick("section.map", kit.plain)),
        Paragraph(esc(intro), kit.st.body),
    ]
    return [
        *keep_first(lead, drawing),
        Spacer(1, 6),
        *links_block(kit, r.links, "map.links"),
    ]


def partner_rows(
    kit: Kit, items: Sequence[PartnerInfo], notes: Mapping[int, str] | None = None
) -> list[list[str | Flowable]]:
    """A row per item; ``notes`` is markup printed under an item's text, by its place."""
    w, st = kit.w, kit.st
    notes = notes or {}
    rows: list[list[str | Flowable]] = []
    for n, item in enumerate(items):
        source = f"<b>{esc(item.agency or w('common.not_recorded'))}</b>"
        if item.context:
            source += f"<br/>{esc(w('partner.about', context=item.context))}"
        nature = kit.label("nature", item.nature, item.nature_label)
        if item.nature == "reported" and item.source.strip():
            nature = w("partner.reported_by", source=item.source)
        kind = esc(nature)
        if item.agency_decision:
            kind += f"<br/><b>{esc(w('partner.agency_decision'))}</b>"
        text: str | Flowable = item.text
        if n in notes:
            text = Paragraph(esc(item.text) + notes[n], st.cell)
        rows.append([Paragraph(source, st.cell), text, Paragraph(kind, st.cell)])
    return rows


def partner_information_section(
    kit: Kit,
    items: Sequence[PartnerInfo] | None = None,
    *,
    level: int = 0,
    title: str | None = None,
    notes: Mapping[int, str] | None = None,
) -> list[Flowable]:
    w = kit.w
    items = kit.record.partner_information if items is None else items
    title = title or w.pick("section.partner_information", kit.plain)
    lead: list[Flowable] = [heading(kit, title, level=level)]
    if level == 0:
        lead.append(Paragraph(esc(w.pick("partner.intro", kit.plain)), kit.st.body))
    out = before_table(lead)
    if not items:
        return [*out, nothing(kit)]
    header = [w("col.from"), w("col.information"), w("col.kind")]
    widths = [FRAME_WIDTH * f for f in (0.27, 0.51, 0.22)]
    return [*out, grid(kit, header, partner_rows(kit, items, notes), widths)]


def needs_section(
    kit: Kit, *, title: str | None = None, notes: Mapping[int, str] | None = None
) -> list[Flowable]:
    """A row per need; ``notes`` is markup printed under what we know, by the need's place."""
    r, w, st = kit.record, kit.w, kit.st
    title = title or w.pick("section.needs", kit.plain, name=kit.name)
    out = before_table([heading(kit, title)])
    if not r.needs:
        return [*out, nothing(kit)]
    notes = notes or {}
    rows: list[list[str | Flowable]] = []
    for n, need in enumerate(r.needs):
        known = [esc(need.summary)] if need.summary.strip() else []
        known += [f"<i>{esc(q)}:</i> {esc(a)}" for q, a in need.answers]
        who = esc(need.responsible)
        if need.escalation.strip():
            who += f"<br/><i>{esc(w('needs.escalation'))}</i> {esc(need.escalation)}"
        rows.append(
            [
                Paragraph(f"<b>{esc(need.label)}</b>", st.cell),
                kit.label("need_status", need.status, need.status_label),
                Paragraph(("<br/>".join(known) or "—") + notes.get(n, ""), st.cell),
                Paragraph(who or "—", st.cell),
            ]
        )
    header = [w("col.need"), w("col.status"), w("col.what_we_know"), w.pick("col.who", kit.plain)]
    widths = [FRAME_WIDTH * f for f in (0.2, 0.15, 0.42, 0.23)]
    return [*out, grid(kit, header, rows, widths)]


def harm_section(
    kit: Kit,
    items: Sequence[HarmItem] | None = None,
    *,
    level: int = 0,
    title: str | None = None,
    notes: Mapping[int, str] | None = None,
) -> list[Flowable]:
    """Harm already suffered and harm likely, kept apart as the guidance asks.

    ``notes`` is markup printed beside an item, by its place in ``items``.
    """
    w = kit.w
    items = kit.record.harm if items is None else items
    title = title or w.pick("section.harm", kit.plain)
    out: list[Flowable] = [heading(kit, title, level=level)]
    if not items:
        return [*out, nothing(kit)]
    notes = notes or {}
    for timing in ("suffered", "likely"):
        group = [(n, h) for n, h in enumerate(items) if h.timing == timing]
        if not group:
            continue
        out.append(Paragraph(esc(w.pick(f"harm.{timing}", kit.plain)), kit.st.label))
        lines = [f"<b>{esc(h.label)}:</b> {esc(h.description)}{notes.get(n, '')}" for n, h in group]
        out.append(bullets(kit, lines, markup=True))
    return out


def outcome_sentence(kit: Kit) -> str:
    d = kit.record.decision
    if d is None or not d.outcome:
        return kit.w("decision.none")
    key = f"decision.outcome.{d.outcome}.plain"
    if kit.w.has(key):
        return kit.w(key, name=kit.name)
    return kit.label("outcome", d.outcome, d.outcome_label)


def category_text(kit: Kit) -> str:
    d = kit.record.decision
    if d is None or not d.harm_category:
        return kit.w("common.not_recorded")
    category = kit.label("category", d.harm_category, d.harm_category_label)
    return kit.w("decision.outside_home", category=category) if d.outside_home else category


def decision_section(kit: Kit, *, views: bool) -> list[Flowable]:
    r, w, st = kit.record, kit.w, kit.st
    d = r.decision
    out: list[Flowable] = [heading(kit, w.pick("section.decision", kit.plain))]
    if d is None or not d.outcome:
        return [*out, nothing(kit, "decision.none")]
    out = [CondPageBreak(85 * mm), *out]  # the decision reads as one piece: keep it together
    risk = {True: w("common.yes"), False: w("common.no"), None: w("decision.not_decided")}
    if kit.plain:
        out.append(Paragraph(esc(outcome_sentence(kit)), st.lead))
    pairs = [
        (w("decision.significant_harm"), risk[d.significant_harm]),
        (w("decision.category"), category_text(kit)),
        (w("decision.outcome"), kit.label("outcome", d.outcome, d.outcome_label)),
    ]
    if d.young_person_view.strip():
        pairs.append((w("decision.young_person_view", name=kit.name), d.young_person_view))
    if d.family_view.strip():
        pairs.append((w("decision.family_view"), d.family_view))
    out.append(facts(kit, pairs))
    if views:
        out += decision_views(kit)
    return out


def decision_views(kit: Kit) -> list[Flowable]:
    """Every participant's view, dissent shaded and summarised, as the record must show."""
    d, w, st = kit.record.decision, kit.w, kit.st
    if d is None:
        return []
    out: list[Flowable] = [Spacer(1, 6), Paragraph(esc(w("decision.views")), st.label)]
    if d.views:
        rows: list[list[str | Flowable]] = []
        dissent_rows = []
        for n, v in enumerate(d.views):
            position = kit.label("position", v.position, v.position_label)
            if v.position == "disagrees":
                dissent_rows.append(n)
                position_cell: str | Flowable = Paragraph(f"<b>{esc(position)}</b>", st.cell)
            else:
                position_cell = position
            rows.append([v.name, v.organisation, position_cell, v.reasons or "—"])
        header = [w("col.name"), w("col.organisation"), w("col.view"), w("col.reasons")]
        widths = [FRAME_WIDTH * f for f in (0.22, 0.25, 0.16, 0.37)]
        out.append(grid(kit, header, rows, widths, highlight=dissent_rows))
    else:
        out.append(nothing(kit))
    out.append(Spacer(1, 6))
    if d.dissent:
        out.append(Paragraph(esc(w("decision.dissent")), st.label))
        lines = [
            f"<b>{esc(v.name)}</b>"
            + (f" ({esc(v.organisation)})" if v.organisation else "")
            + (f": {esc(v.reasons)}" if v.reasons.strip() else "")
            for v in d.dissent
        ]
        out.append(bullets(kit, lines, markup=True))
    else:
        out.append(Paragraph(esc(w("decision.no_dissent")), st.body))
    return out


def goals_by_heading(goals: Sequence[GoalItem]) -> list[tuple[str, list[tuple[int, GoalItem]]]]:
    """Goals under the plan's three headings, numbered through the whole plan."""
    numbered = list(enumerate(goals, start=1))
    keys = [*HEADING_ORDER, *sorted({g.heading for g in goals} - set(HEADING_ORDER))]
    return [(k, [(n, g) for n, g in numbered if g.heading == k]) for k in keys]


def goal_block(kit: Kit, number: int, goal: GoalItem, *, status: bool) -> Flowable:
    w, st = kit.w, kit.st
    parts: list[Flowable] = [
        Paragraph(f"<b>{esc(w('plan.goal', number=number))}</b> {esc(goal.text)}", st.body)
    ]
    notes = []
    if goal.answers:
        notes.append(w("plan.answers", answers="; ".join(goal.answers)))
    else:
        notes.append(w("plan.answers_nothing"))
    if status:
        progress = kit.label("goal_progress", goal.progress, goal.progress_label)
        notes.append(w("plan.progress", progress=progress))
    parts.append(Paragraph(esc(" · ".join(notes)), st.muted))
    if goal.actions:
        header = [
            w("col.action"),
            w.pick("col.who", kit.plain),
            w("col.by_when"),
            w("col.how_we_know"),
        ]
        fractions: tuple[float, ...] = (0.33, 0.2, 0.13, 0.34)
        if status:
            header.append(w("col.status"))
            fractions = (0.27, 0.2, 0.12, 0.28, 0.13)
        rows: list[list[str | Flowable]] = []
        for a in goal.actions:
            row: list[str | Flowable] = [
                a.what,
                a.owner or w("plan.no_owner"),
                w.short_date(a.due_on),
                a.how_we_know or "—",
            ]
            if status:
                row.append(kit.label("action_status", a.status, a.status_label))
            rows.append(row)
        parts.append(grid(kit, header, rows, [FRAME_WIDTH * f for f in fractions]))
    else:
        parts.append(nothing(kit, "plan.no_actions"))
    parts.append(Spacer(1, st.sizes.body))
    return KeepTogether(parts)


def plan_section(kit: Kit, *, status: bool) -> list[Flowable]:
    r, w = kit.record, kit.w
    out: list[Flowable] = [heading(kit, w.pick("section.plan", kit.plain, name=kit.name))]
    out.append(Paragraph(esc(w.pick("plan.intro", kit.plain)), kit.st.body))
    if not r.goals:
        return [*out, nothing(kit, "plan.none")]
    for _, goals in goals_by_heading(r.goals):
        if not goals:
            continue
        subheading = Paragraph(esc(goals[0][1].heading_label), kit.st.h2)
        out += keep_first([subheading], [goal_block(kit, n, g, status=status) for n, g in goals])
    referred = [c.name for c in r.contexts if c.referred_to_context_meeting]
    if referred:
        out.append(Paragraph(esc(w("plan.context_meetings")), kit.st.label))
        out.append(bullets(kit, referred))
    return out


def plan_gaps(kit: Kit) -> list[str]:
    """What quality assurance would ask of this plan, answered from the record.

    Does every unmet need and every unsafe context have a goal? Is every goal tied
    to something found? Does every action say who, by when and how we will know?
    """
    r, w = kit.record, kit.w
    answered = {name for goal in r.goals for name in goal.answers}
    gaps = [
        w("checks.need", need=n.label)
        for n in r.needs
        if n.status in ("unmet", "partly_met") and n.label not in answered
    ]
    gaps += [
        w("checks.context", context=c.name)
        for c in sorted(r.contexts, key=lambda c: -c.share)
        if c.safety in ("unsafe", "mixed") and c.name not in answered
    ]
    for _, goals in goals_by_heading(r.goals):
        for number, goal in goals:
            if not goal.answers:
                gaps.append(w("checks.goal", number=number))
            for a in goal.actions:
                missing = [
                    w(f"checks.missing_{key}")
                    for key, present in (
                        ("who", a.owner.strip()),
                        ("when", a.due_on),
                        ("measure", a.how_we_know.strip()),
                    )
                    if not present
                ]
                if missing:
                    what = " ".join(a.what.split()[:8])
                    gaps.append(
                        w("checks.action", number=number, action=what, missing=", ".join(missing))
                    )
    return gaps


def plan_checks_section(kit: Kit) -> list[Flowable]:
    w = kit.w
    out: list[Flowable] = [heading(kit, w("section.checks"))]
    gaps = plan_gaps(kit)
    if not kit.record.goals:
        return [*out, nothing(kit, "plan.none")]
    if not gaps:
        return [*out, Paragraph(esc(w("checks.all_good")), kit.st.body)]
    return [*out, Paragraph(esc(w("checks.intro")), kit.st.body), bullets(kit, gaps)]


def next_steps_pairs(kit: Kit) -> list[tuple[str, str]]:
    r, w = kit.record, kit.w
    steps = r.next_steps
    if steps is None:
        return []
    pairs = [
        (w("next.core_group"), upper_first(when(kit, steps.core_group_on, weekday=True))),
        (w("next.review"), upper_first(when(kit, steps.review_on, weekday=True))),
        (w("next.visits"), steps.visit_frequency or w("common.not_recorded")),
    ]
    if steps.transition_notes.strip():
        pairs.append((w("next.transition"), steps.transition_notes))
    return pairs


def next_steps_section(kit: Kit) -> list[Flowable]:
    w = kit.w
    out: list[Flowable] = [heading(kit, w.pick("section.next_steps", kit.plain))]
    pairs = next_steps_pairs(kit)
    return [*out, facts(kit, pairs) if pairs else nothing(kit)]


def minutes_section(
    kit: Kit, minutes: Sequence[MinuteItem] | None = None, *, level: int = 0
) -> list[Flowable]:
    w = kit.w
    minutes = kit.record.minutes if minutes is None else minutes
    out = before_table([heading(kit, w("section.minutes"), level=level)])
    if not minutes:
        return [*out, nothing(kit)]
    rows: list[list[str | Flowable]] = [[w.time(m.recorded_at), m.step, m.text] for m in minutes]
    header = [w("col.time"), w("col.step"), w("col.note")]
    return [*out, grid(kit, header, rows, [FRAME_WIDTH * f for f in (0.1, 0.25, 0.65)])]


def restricted_start(kit: Kit) -> list[Flowable]:
    """The page and marked heading restricted items start under, in any record."""
    w, st = kit.w, kit.st
    banner = card(
        [
            heading(kit, w("section.restricted"), restricted=True),
            Paragraph(esc(w("restricted.intro")), st.body),
        ],
        fill=RESTRICTED_LIGHT,
        edge=RESTRICTED,
    )
    # A page of its own, so a printed record can be split before any of it is handed on.
    return [PageBreak(), RestrictedStart(), banner]


def restricted_section(kit: Kit) -> list[Flowable]:
    """Restricted items, under their own marked heading, after everything the family may see."""
    w = kit.w
    restricted = kit.record.restricted
    out = restricted_start(kit)
    if not restricted:
        return [*out, nothing(kit, "restricted.none")]
    if restricted.partner_information:
        out += partner_information_section(kit, restricted.partner_information, level=1)
    if restricted.harm:
        out += harm_section(kit, restricted.harm, level=1)
    if restricted.links:
        out.append(heading(kit, w("restricted.links"), level=1))
        out += links_block(kit, restricted.links, "map.links")
    if restricted.minutes:
        out += minutes_section(kit, restricted.minutes, level=1)
    return out
