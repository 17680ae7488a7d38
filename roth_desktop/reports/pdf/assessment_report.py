"""The social worker's assessment as a PDF: the professionals' copy and the family's.

The family's copy is the assessment as the family are shown it, in the family copy's
large type. When the worker chose it, it is written to the young person: the headings
and the opening say "you" to them ("What you told us", "Where you feel safe"), and the
worker's own text, already written that way, is printed as written. A family's
correction is printed beside the item or section it corrects ("What you said about
this:"), never in place of the worker's words.

The professionals' copy adds what only they may read: peers' initials, each time the
assessment was shared and what the family said, whether it changed since they last
saw it, and the restricted items under their own marked heading on their own pages.

Both are laid out with the conference PDFs' section builders: the assessment holds the
same picture, voices, map, needs, harm and partner information a conference does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from roth_desktop.reports.assessment_record import AssessmentRecord, CorrectionItem
from roth_desktop.reports.conference_record import ConferenceRecord, VoiceItem
from roth_desktop.reports.pdf import sections as s
from roth_desktop.reports.pdf.page_template import FRAME_WIDTH
from roth_desktop.reports.pdf.styles import ACCENT_LIGHT, DISSENT_LIGHT

# The family's own words stand apart from the worker's: a warm panel, not the teal one.
CORRECTION_INK = "#7a5a0c"
CORRECTION_EDGE = colors.HexColor(CORRECTION_INK)
ANALYSIS_PARTS = ("analysis", "explanations", "working_well")


def shared_view(record: AssessmentRecord) -> ConferenceRecord:
    """The assessment's shared parts in the shape the section builders print.

    An assessment holds the very items a conference does (the picture, voices, map,
    partner information, needs and harm, restricted ones apart), so they are handed to
    the builders as a record of those alone; the conference's own parts stay empty.
    """
    return ConferenceRecord(
        audience=record.audience,
        language=record.language,
        pack=record.pack,
        conference_id="",
        case_id=record.case_id,
        kind="assessment",
        kind_label="Assessment",
        starts_at=datetime.combine(record.started_on, time()),
        location="",
        chair=record.author,
        agreed=record.completed,
        agreed_at=datetime.combine(record.completed_on, time()) if record.completed_on else None,
        young_person_name=record.young_person_name,
        young_person_first_name=record.young_person_first_name,
        initials=record.initials,
        date_of_birth=record.date_of_birth,
        age=record.age,
        picture=record.picture,
        voices=record.voices,
        contexts=record.contexts,
        links=record.links,
        map_now=record.map_now,
        partner_information=record.partner_information,
        needs=record.needs,
        harm=record.harm,
        restricted=record.restricted,
    )


@dataclass(frozen=True)
class Doc:
    """The assessment, and the kit the section builders print it with."""

    record: AssessmentRecord
    kit: s.Kit

    @property
    def family(self) -> bool:
        return not self.record.audience.sees_restricted

    @property
    def you(self) -> bool:
        """The family's copy, written to the young person."""
        return self.family and self.record.address_young_person

    def say(self, key: str, /, **values: object) -> str:
        """The wording for this copy: to the young person, to the family, or the default."""
        w = self.kit.w
        for prefix, applies in (
            ("yp.assessment.", self.you),
            ("family.assessment.", self.family),
            ("assessment.", True),
        ):
            if applies and w.has(prefix + key):
                return w(prefix + key, **values)
        return w(f"assessment.{key}", **values)  # missing everywhere: the error names it

    def title(self) -> str:
        return self.say("title")

    def status(self) -> str:
        r, w = self.record, self.kit.w
        if r.completed_on is not None:
            return w("assessment.status.finished", date=w.date(r.completed_on))
        return w("assessment.status.draft")

    def worker(self) -> str:
        return self.record.author or self.say("worker")


def story(doc: Doc) -> list[Flowable]:
    kit = doc.kit
    r = doc.record
    subtitle = kit.w(
        "assessment.subtitle", name=r.young_person_name, date=s.when(kit, r.started_on)
    )
    out: list[Flowable] = [*s.title_block(kit, doc.title(), subtitle)]
    if doc.family:
        out.append(_opening(doc))
    out += [
        *_details(doc),
        *_picture(doc),
        *_voices(doc),
        *_visits(doc),
        *_where_safe(doc),
        *_map(doc),
        *s.partner_information_section(
            kit,
            title=doc.say("partner_information") if doc.family else None,
            notes=_notes(doc, "partner_information", len(r.partner_information)),
        ),
        *s.needs_section(
            kit,
            title=kit.w("yp.needs") if doc.you else None,
            notes=_notes(doc, "needs", len(r.needs)),
        ),
        *s.harm_section(
            kit,
            title=doc.say("harm") if doc.you else None,
            notes=_notes(doc, "harm", len(r.harm)),
        ),
        *_analysis(doc),
        *_recommendation(doc),
        *_other_corrections(doc),
    ]
    if not doc.family:
        out += [*_sharing(doc), *_restricted(doc)]
    return out


# -- the family's corrections, beside what they correct --------------------------------------


def _label(doc: Doc, c: CorrectionItem) -> str:
    if doc.you and c.speaker != "young_person":
        return doc.kit.w("yp.assessment.correction.family")
    return doc.say("correction")


def note_markup(doc: Doc, corrections: Sequence[CorrectionItem]) -> str:
    """Corrections as markup to print under an item in a table cell or list."""
    return "".join(
        f"<br/><font color='{CORRECTION_INK}'>"
        f"<b>{s.esc(_label(doc, c))}</b></font> “{s.esc(c.words)}” "
        f"<font color='#52606d'>— {s.esc(c.who)}</font>"
        for c in corrections
    )


def note_cards(
    doc: Doc, corrections: Sequence[CorrectionItem], *, about: bool = False
) -> list[Flowable]:
    """Corrections as panels beside a block: the family's words, and who said them."""
    st, w = doc.kit.st, doc.kit.w
    out: list[Flowable] = []
    for c in corrections:
        label = _label(doc, c)
        if about and c.item:
            label = f"{w('assessment.about', item=c.item)} {label}"
        panel = s.card(
            [
                Paragraph(f"<b>{s.esc(label)}</b>", st.body),
                Paragraph(f"“{s.esc(c.words)}”", st.quote),
                Paragraph(s.esc(f"— {c.who}"), st.attribution),
            ],
            fill=DISSENT_LIGHT,
            edge=CORRECTION_EDGE,
        )
        out.append(KeepTogether([panel, Spacer(1, st.sizes.body * 0.5)]))
    return out


def _notes(doc: Doc, section: str, count: int) -> dict[int, str]:
    found = {n: doc.record.corrections_of(section, n) for n in range(count)}
    return {n: note_markup(doc, c) for n, c in found.items() if c}


# -- the sections ----------------------------------------------------------------------------


def _opening(doc: Doc) -> Flowable:
    """What this is, that it is not a judgement, and how to put right what is wrong."""
    kit, st = doc.kit, doc.kit.st
    w, name, worker = kit.w, kit.name, doc.worker()
    if doc.you:
        parts = [
            Paragraph(s.esc(w("yp.hello", name=name)), st.h2),
            Paragraph(s.esc(w("yp.assessment.intro", worker=worker)), st.body),
            Paragraph(s.esc(w("yp.assessment.family")), st.body),
            Paragraph(s.esc(w("yp.assessment.wrong", worker=worker)), st.body),
        ]
    else:
        parts = [
            Paragraph(s.esc(w("family.assessment.intro", name=name)), st.lead),
            Paragraph(s.esc(w("family.assessment.partners", name=name)), st.body),
            Paragraph(s.esc(w("family.assessment.wrong", worker=worker)), st.body),
        ]
    return s.card(parts, fill=ACCENT_LIGHT)


def _details(doc: Doc) -> list[Flowable]:
    r, kit = doc.record, doc.kit
    w = kit.w
    born = s.when(kit, r.date_of_birth)
    if r.age is not None and r.date_of_birth is not None:
        born = w("assessment.born_age", date=born, age=r.age)
    pairs = [
        (w("details.young_person"), r.young_person_name),
        (w("details.born"), born),
        (w("assessment.author"), r.author or w("common.not_recorded")),
        (w("assessment.started"), s.when(kit, r.started_on)),
        (
            w("assessment.finished"),
            s.when(kit, r.completed_on) if r.completed_on else w("assessment.not_finished"),
        ),
    ]
    if not doc.family:
        to = "you" if r.address_young_person else "family"
        pairs.append(
            (
                w("assessment.family_version"),
                w(f"assessment.family_version.{to}", name=r.young_person_first_name),
            )
        )
        pairs.append((w("assessment.sharing"), _share_status(doc)))
    return [s.heading(kit, w("assessment.details")), s.facts(kit, pairs)]


def _picture(doc: Doc) -> list[Flowable]:
    intro = doc.kit.w("yp.assessment.picture_intro") if doc.you else None
    notes = _notes(doc, "picture", len(doc.record.picture))
    return s.picture_section(doc.kit, you=doc.you, intro=intro, notes=notes)


def _voices(doc: Doc) -> list[Flowable]:
    """The young person's words first, verbatim, then the family's: each attributed."""
    r, kit = doc.record, doc.kit
    w = kit.w
    name = kit.name
    if doc.you:
        titles = (w("yp.told_us"), w("yp.assessment.voices.family"))
        intro = w("yp.told_us_intro")
    else:
        titles = (doc.say("voices.young_person", name=name), doc.say("voices.family"))
        intro = w("voices.intro")
    out: list[Flowable] = []
    for n, (title, theirs) in enumerate(zip(titles, (True, False), strict=True)):
        lead: list[Flowable] = [s.heading(kit, title, level=0 if n == 0 else 1)]
        if n == 0:
            lead.append(Paragraph(s.esc(intro), kit.st.body))
        blocks: list[Flowable] = []
        for index, v in enumerate(r.voices):
            if (v.speaker == "young_person") is theirs:
                blocks.append(s.quote(kit, v.words, _attribution(doc, v)))
                blocks += note_cards(doc, r.corrections_of("voices", index))
        if not blocks and n == 1:
            continue  # no family words: no empty heading for them
        out += s.keep_first(lead, blocks or [s.nothing(kit)])
    return out


def _attribution(doc: Doc, v: VoiceItem) -> str:
    """Who said it, what kind of thing it was, and how it was given: said, drawn, typed...

    How is already in who ("Tyler, drawing", "Tyler, through Jess") unless said in
    person. Written to the young person, their own words are "What you think".
    """
    kit = doc.kit
    own = f"yp.voice_kind.{v.kind_code}"
    if doc.you and v.speaker == "young_person" and kit.w.has(own):
        kind = kit.w(own)
    else:
        kind = kit.label("voice_kind", v.kind_code, v.kind)
    parts = [v.who, kind]
    if v.channel_code == "in_person":
        parts.append(kit.label("channel", v.channel_code, v.channel))
    return "— " + " · ".join(parts)


def _visits(doc: Doc) -> list[Flowable]:
    r, kit = doc.record, doc.kit
    w, st = kit.w, kit.st
    out = s.before_table([s.heading(kit, doc.say("visits"))])
    if not r.visits:
        return [*out, s.nothing(kit)]
    rows: list[Sequence[str | Flowable]] = []
    for n, v in enumerate(r.visits):
        who = s.esc(v.who_seen or w("common.not_recorded"))
        if not v.young_person_seen:
            who += f" ({s.esc(w('assessment.not_seen'))})"
        elif v.seen_alone:
            who += f" ({s.esc(w('assessment.seen_alone'))})"
        who += note_markup(doc, r.corrections_of("visits", n))
        rows.append([w.short_date(v.visited_on), Paragraph(who, st.cell), v.place or "—"])
    header = [w("assessment.col.date"), w("assessment.col.who_seen"), w("assessment.col.where")]
    widths = [FRAME_WIDTH * f for f in (0.2, 0.45, 0.35)]
    return [*out, s.grid(kit, header, rows, widths)]


def _where_safe(doc: Doc) -> list[Flowable]:
    """Context by context, biggest first, each with the family's words beside it."""
    r, kit = doc.record, doc.kit
    w = kit.w
    if doc.you:
        lead: list[Flowable] = [
            s.heading(kit, w("yp.where_safe")),
            Paragraph(s.esc(w("yp.where_safe_intro")), kit.st.body),
        ]
    else:
        lead = [s.heading(kit, w.pick("section.safety", kit.plain, name=kit.name))]
    if not r.contexts:
        return [*lead, s.nothing(kit)]
    blocks: list[Flowable] = []
    for n in sorted(range(len(r.contexts)), key=lambda n: -r.contexts[n].share):
        blocks.append(s.context_block(kit, n, you=doc.you))
        blocks += note_cards(doc, r.corrections_of("contexts", n))
    return s.keep_first(lead, blocks)


def _map(doc: Doc) -> list[Flowable]:
    r, kit = doc.record, doc.kit
    w = kit.w
    if doc.you:
        title, intro = w("yp.map"), w("yp.map_intro")
    else:
        title = w.pick("section.map", kit.plain)
        intro = w("map.intro.plain", name=kit.name) if doc.family else w("assessment.map_intro")
    lead: list[Flowable] = [s.heading(kit, title), Paragraph(s.esc(intro), kit.st.body)]
    link_notes = [c for n in range(len(r.links)) for c in r.corrections_of("links", n)]
    return [
        *s.keep_first(lead, s.map_drawing(kit, large=doc.you)),
        Spacer(1, 6),
        *s.links_block(kit, r.links, "map.links"),
        *note_cards(doc, link_notes, about=True),
    ]


def _analysis(doc: Doc) -> list[Flowable]:
    """The worker's analysis in its three parts, each with the family's words beside it."""
    r, kit = doc.record, doc.kit
    st = kit.st
    texts = {"analysis": r.analysis, "explanations": r.explanations, "working_well": r.working_well}
    out: list[Flowable] = []
    for key in ANALYSIS_PARTS:
        part: list[Flowable] = [Paragraph(s.esc(doc.say(f"analysis.{key}")), st.h2)]
        text = texts[key]
        part.append(Paragraph(s.esc(text), st.body) if text.strip() else s.nothing(kit))
        out += s.keep_first(part, note_cards(doc, r.corrections_of(key)))
    return s.keep_first([s.heading(kit, doc.say("analysis"))], out)


def _recommendation(doc: Doc) -> list[Flowable]:
    r, kit = doc.record, doc.kit
    w, st = kit.w, kit.st
    out: list[Flowable] = [s.heading(kit, doc.say("recommendation"))]
    if doc.family:
        key = f"pathway.{r.recommended_pathway}" if r.recommended_pathway else "pathway.none"
        out.append(Paragraph(s.esc(doc.say(key, name=kit.name)), st.lead))
    else:
        pathway = kit.label("pathway", r.recommended_pathway, r.recommended_pathway_label)
        pathway = pathway or w("assessment.pathway.none")
        out.append(s.facts(kit, [(w("assessment.pathway"), pathway)]))
        out.append(Spacer(1, 4))
    if r.recommendation.strip():
        out.append(Paragraph(s.esc(r.recommendation), st.body))
    if r.plan_targets:
        if doc.family:
            lines = [s.esc(t.name) for t in r.plan_targets]
        else:
            lines = [
                f"<b>{s.esc(w(f'assessment.target.{t.kind}'))}:</b> {s.esc(t.name)}"
                for t in r.plan_targets
            ]
        out.append(Paragraph(s.esc(doc.say("targets")), st.label))
        out.append(s.bullets(kit, lines, markup=True))
    elif not doc.family:
        out.append(s.nothing(kit, "assessment.targets.none"))
    return [*out, *note_cards(doc, r.corrections_of("recommendation"))]


def _other_corrections(doc: Doc) -> list[Flowable]:
    """Corrections about nothing this copy prints (or about the whole assessment)."""
    others = doc.record.corrections_of("")
    if not others:
        return []
    heading = s.heading(doc.kit, doc.say("corrections.other"))
    return s.keep_first([heading], note_cards(doc, others, about=True))


def _share_status(doc: Doc) -> str:
    r, w = doc.record, doc.kit.w
    if r.last_shared_on is None:
        return w("assessment.shared.never")
    key = "assessment.shared.changed" if r.changed_since_shared else "assessment.shared.same"
    return w(key, date=w.date(r.last_shared_on))


def _sharing(doc: Doc) -> list[Flowable]:
    """Each time the family saw it, and what they said: for professionals."""
    r, kit = doc.record, doc.kit
    w = kit.w
    out = s.before_table(
        [
            s.heading(kit, w("assessment.shares")),
            Paragraph(s.esc(_share_status(doc)), kit.st.body),
        ]
    )
    if not r.shares:
        return out
    rows: list[Sequence[str | Flowable]] = [
        [w.short_date(x.shared_on), x.shared_with, x.how or "—", x.family_response or "—"]
        for x in r.shares
    ]
    header = [
        w("assessment.col.date"),
        w("assessment.col.shared_with"),
        w("assessment.col.how"),
        w("assessment.col.response"),
    ]
    widths = [FRAME_WIDTH * f for f in (0.15, 0.22, 0.2, 0.43)]
    return [*out, s.grid(kit, header, rows, widths)]


def _restricted(doc: Doc) -> list[Flowable]:
    """Restricted items on their own marked pages, with any correction beside them."""
    r, kit = doc.record, doc.kit
    w = kit.w
    restricted = r.restricted
    out = s.restricted_start(kit)
    if not restricted:
        return [*out, s.nothing(kit, "assessment.restricted.none")]
    if restricted.partner_information:
        out += s.partner_information_section(
            kit,
            restricted.partner_information,
            level=1,
            notes=_notes(
                doc, "restricted.partner_information", len(restricted.partner_information)
            ),
        )
    if restricted.harm:
        out += s.harm_section(
            kit,
            restricted.harm,
            level=1,
            notes=_notes(doc, "restricted.harm", len(restricted.harm)),
        )
    if restricted.links:
        out.append(s.heading(kit, w("restricted.links"), level=1))
        out += s.links_block(kit, restricted.links, "map.links")
        notes = [
            c for n in range(len(restricted.links)) for c in r.corrections_of("restricted.links", n)
        ]
        out += note_cards(doc, notes, about=True)
    return out
