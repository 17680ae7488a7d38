"""The family's copy: what was shared with them in the room, in plain words.

Parents and carers are partners in a ROTH plan, not its subject, so the copy
opens by saying so, and tells them how to correct anything that is wrong. The
record it is built from holds no restricted items, no peers' initials and no
individual professionals' votes; this module could not print them if it tried.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from roth_desktop.reports.pdf import sections as s


def story(kit: s.Kit) -> list[Flowable]:
    w, st = kit.w, kit.st
    intro = [
        Paragraph(s.esc(w("family.intro", name=kit.name)), st.lead),
        Paragraph(s.esc(w("family.partners")), st.body),
        Paragraph(s.esc(w("family.corrections")), st.body),
    ]
    return [
        *s.title_block(kit, w("title.family"), s.conference_line(kit)),
        s.card(intro),
        *s.details_section(kit),
        *s.attendance_section(kit),
        *s.picture_section(kit),
        *s.voices_section(kit),
        *s.safety_section(kit),
        *s.map_section(kit),
        *s.partner_information_section(kit),
        *s.needs_section(kit),
        *s.harm_section(kit),
        *s.decision_section(kit, views=False),
        *s.plan_section(kit, status=True),
        *s.next_steps_section(kit),
    ]
