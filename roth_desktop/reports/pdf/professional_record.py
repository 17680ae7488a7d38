"""The conference record for professionals: everything, restricted items marked apart.

Restricted items come last, under their own red heading, with a red band down
every page that holds them, so nobody mistakes them for shareable text and a
printed copy can be split before anything is handed on.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from roth_desktop.reports.pdf import sections as s


def story(kit: s.Kit) -> list[Flowable]:
    return [
        *s.title_block(kit, kit.w("title.professional"), s.conference_line(kit)),
        *s.details_section(kit),
        *s.attendance_section(kit),
        *s.picture_section(kit),
        *s.voices_section(kit),
        *s.safety_section(kit),
        *s.map_section(kit),
        *s.partner_information_section(kit),
        *s.needs_section(kit),
        *s.harm_section(kit),
        *s.decision_section(kit, views=True),
        *s.plan_section(kit, status=True),
        *s.plan_checks_section(kit),
        *s.next_steps_section(kit),
        *s.minutes_section(kit),
        *s.restricted_section(kit),
    ]
