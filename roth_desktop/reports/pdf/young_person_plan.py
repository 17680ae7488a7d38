"""The plan written to the young person: "you", short sentences, big type, lots of air.

A fifteen-year-old reads this, or does not. So it talks to them by the name
they use, starts with who they are rather than what has gone wrong, puts their
own words before anyone else's, and says plainly what will change, who will
help, by when, and how everyone will know it is working. No harm
descriptions, no agency information, no votes: those are for the adults'
copies. The map is there, large, because it is the picture they saw in the room.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from roth_desktop.models.enums import AttendeeRole, GoalProgress
from roth_desktop.reports.conference_record import ContextItem, GoalItem
from roth_desktop.reports.pdf import sections as s
from roth_desktop.reports.pdf.styles import ACCENT_LIGHT


def story(kit: s.Kit) -> list[Flowable]:
    r, w = kit.record, kit.w
    subtitle = w("yp.subtitle", date=s.when(kit, r.starts_at.date(), weekday=True))
    return [
        *s.title_block(kit, w("title.young-person"), subtitle),
        _hello(kit),
        *s.picture_section(kit, you=True),
        *_told_us(kit),
        *_where_safe(kit),
        *_needs(kit),
        *_what_changes(kit),
        *_decided(kit),
        *_next(kit),
    ]


def _day(kit: s.Kit, day: date | None) -> str:
    """ "Saturday 26 September": the year only when it is not this conference's year."""
    this_year = day is None or day.year == kit.record.starts_at.year
    return kit.w.date(day, weekday=True, year=not this_year)


def _social_worker(kit: s.Kit) -> str:
    role = AttendeeRole.SOCIAL_WORKER.label
    return next((a.name for a in kit.record.attendance if a.role == role), "")


def _hello(kit: s.Kit) -> Flowable:
    w, st = kit.w, kit.st
    worker = _social_worker(kit)
    wrong = w("yp.wrong", worker=worker) if worker else w("yp.wrong_no_worker")
    return s.card(
        [
            Paragraph(s.esc(w("yp.hello", name=kit.name)), st.h2),
            Paragraph(s.esc(w("yp.intro")), st.body),
            Paragraph(s.esc(w("yp.intro_more")), st.body),
            Paragraph(s.esc(wrong), st.body),
        ],
        fill=ACCENT_LIGHT,
    )


def _told_us(kit: s.Kit) -> list[Flowable]:
    r, w = kit.record, kit.w
    theirs = [v for v in r.voices if v.speaker == "young_person"]
    lead: list[Flowable] = [
        s.heading(kit, w("yp.told_us")),
        Paragraph(s.esc(w("yp.told_us_intro")), kit.st.body),
    ]
    quotes: list[Flowable] = []
    for v in theirs:
        # Said to them, not about them: "What you want to happen", in either language.
        key = f"yp.voice_kind.{v.kind_code}"
        kind = w(key) if w.has(key) else v.kind
        quotes.append(s.quote(kit, v.words, f"— {v.who} · {kind}"))
    view = r.decision.young_person_view if r.decision else ""
    if view.strip():
        quotes.append(s.quote(kit, view, w("yp.about_the_plan")))
    if not quotes:
        quotes.append(s.nothing(kit, "yp.told_us_nothing"))
    return s.keep_first(lead, quotes)


def _context(kit: s.Kit, c: ContextItem) -> Flowable:
    index = kit.record.contexts.index(c)
    return s.context_block(kit, index, you=True)


def _where_safe(kit: s.Kit) -> list[Flowable]:
    r, w, st = kit.record, kit.w, kit.st
    lead: list[Flowable] = [
        s.heading(kit, w("yp.where_safe")),
        Paragraph(s.esc(w("yp.where_safe_intro")), st.body),
    ]
    out: list[Flowable] = []
    by_weight = sorted(r.contexts, key=lambda c: -c.share)
    for key, safeties in (
        ("yp.safe_places", ("safe",)),
        ("yp.harder_places", ("unsafe", "mixed")),
        ("yp.unknown_places", ("unknown",)),
    ):
        group = [c for c in by_weight if c.safety in safeties]
        if group:
            lead.append(Paragraph(s.esc(w(key)), st.h2))
            out += s.keep_first(lead, [_context(kit, c) for c in group])
            lead = []
    if not out:  # nothing recorded yet: the heading still says where this will go
        out = [*lead, s.nothing(kit)]
    intro = w("yp.map_intro")
    if r.map_before is not None:
        intro = f"{intro} {w('yp.map_intro_review')}"
    map_lead: list[Flowable] = [
        s.heading(kit, w("yp.map"), level=1),
        Paragraph(s.esc(intro), st.body),
    ]
    return out + s.keep_first(map_lead, s.map_drawing(kit, large=True))


def _needs(kit: s.Kit) -> list[Flowable]:
    r, w = kit.record, kit.w
    out: list[Flowable] = [s.heading(kit, w("yp.needs"))]
    if not r.needs:
        return [*out, s.nothing(kit)]
    out.append(Paragraph(s.esc(w("yp.needs_intro")), kit.st.body))
    lines = []
    for need in r.needs:
        key = f"yp.need_status.{need.status}"
        status = w(key) if w.has(key) else need.status_label
        line = f"<b>{s.esc(need.label)}:</b> {s.esc(status)}"
        if need.summary.strip():
            line += f". {s.esc(need.summary)}"
        lines.append(line)
    out.append(s.bullets(kit, lines, markup=True))
    return out


def _goal_card(kit: s.Kit, number: int, goal: GoalItem) -> Flowable:
    w, st = kit.w, kit.st
    key = f"yp.progress.{goal.progress}"
    progress = w(key) if w.has(key) else ""
    title = f"<b>{s.esc(w('yp.goal', number=number))}</b>  {s.esc(goal.text)}"
    parts: list[Flowable] = [Paragraph(title, st.lead)]
    if progress:
        parts.append(Paragraph(f"<b>{s.esc(progress)}</b>", st.body))
    if goal.actions:
        parts.append(Paragraph(s.esc(w("yp.who_helps")), st.label))
        helpers = []
        for a in goal.actions:
            line = f"<b>{s.esc(a.owner or w('plan.no_owner'))}</b>: {s.esc(a.what)}"
            line += f" <b>{s.esc(w('yp.by', date=_day(kit, a.due_on)))}</b>"
            status_key = f"yp.action_status.{a.status}"
            if a.status != "not_started" and w.has(status_key):
                line += f" ({s.esc(w(status_key))})"
            helpers.append(line)
        parts.append(s.bullets(kit, helpers, markup=True))
        measures = [a.how_we_know for a in goal.actions if a.how_we_know.strip()]
        if measures:
            parts.append(Spacer(1, st.sizes.body * 0.3))
            parts.append(Paragraph(s.esc(w("yp.how_we_know")), st.label))
            parts.append(s.bullets(kit, measures))
    return KeepTogether([s.card(parts), Spacer(1, st.sizes.body)])


def _what_changes(kit: s.Kit) -> list[Flowable]:
    r, w, st = kit.record, kit.w, kit.st
    lead: list[Flowable] = [
        s.heading(kit, w("yp.what_changes")),
        Paragraph(s.esc(w("yp.what_changes_intro")), kit.st.body),
    ]
    if not r.goals:
        return [*lead, s.nothing(kit, "plan.none")]
    # Goals in the plan's heading order, numbered as in the adults' copies.
    numbered = [(n, g) for _, goals in s.goals_by_heading(r.goals) for n, g in goals]
    achieved = GoalProgress.ACHIEVED.label
    # What has already been achieved comes first, a line each rather than a card each:
    # it is good news, and the pages that follow are for what is still to do.
    done = [(n, g) for n, g in numbered if g.progress_label == achieved]
    blocks: list[Flowable] = [_goal_card(kit, n, g) for n, g in numbered if (n, g) not in done]
    if done:
        lines = [f"<b>{n}.</b> {s.esc(g.text)}" for n, g in done]
        blocks.insert(
            0,
            KeepTogether(
                s.card(
                    [
                        Paragraph(s.esc(w("yp.already_done")), st.h2),
                        Paragraph(s.esc(w("yp.already_done_intro")), st.body),
                        s.bullets(kit, lines, markup=True),
                    ],
                    fill=ACCENT_LIGHT,
                )
            ),
        )
    return s.keep_first(lead, blocks)


def _decided(kit: s.Kit) -> list[Flowable]:
    r, w = kit.record, kit.w
    d = r.decision
    out: list[Flowable] = [s.heading(kit, w("yp.decided"))]
    key = f"yp.outcome.{d.outcome}" if d else ""
    if d is None or not d.outcome or not w.has(key):
        return [*out, s.nothing(kit, "decision.none")]
    out.append(Paragraph(s.esc(w(key, name=kit.name)), kit.st.body))
    out.append(Paragraph(s.esc(w("yp.decided_more")), kit.st.body))
    return out


def _next(kit: s.Kit) -> list[Flowable]:
    r, w, st = kit.record, kit.w, kit.st
    out: list[Flowable] = [s.heading(kit, w("yp.next"))]
    steps = r.next_steps
    lines = []
    if steps is not None:
        if steps.core_group_on:
            lines.append(w("yp.next_core_group", date=_day(kit, steps.core_group_on)))
        if steps.review_on:
            lines.append(w("yp.next_review", date=_day(kit, steps.review_on)))
        if steps.visit_frequency.strip():
            lines.append(w("yp.next_visits", frequency=steps.visit_frequency.strip()))
    out.append(s.bullets(kit, lines) if lines else s.nothing(kit))
    if steps is not None and steps.transition_notes.strip():
        out.append(Paragraph(s.esc(w("yp.next_transition")), st.label))
        out.append(Paragraph(s.esc(steps.transition_notes), st.body))
    out.append(Spacer(1, st.sizes.body))
    out.append(
        KeepTogether(
            s.card(
                [
                    Paragraph(s.esc(w("yp.worried")), st.h2),
                    Paragraph(s.esc(w("yp.worried_text")), st.body),
                ]
            )
        )
    )
    return out
