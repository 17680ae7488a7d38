"""The plan on its own, for the core group that carries it out between conferences.

Goals come with the needs and contexts they answer, and each action with who,
by when and how everyone will know it worked: the three questions sites ask
of every plan. The decision, with any dissent, sits in front of it so the
core group knows what it is working under.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from roth_desktop.reports.pdf import sections as s


def story(kit: s.Kit) -> list[Flowable]:
    return [
        *s.title_block(kit, kit.w("title.plan"), s.conference_line(kit)),
        *s.decision_section(kit, views=True),
        *s.plan_section(kit, status=True),
        *s.plan_checks_section(kit),
        *s.next_steps_section(kit),
    ]
