"""Who a record is for, and what that lets it hold."""

from __future__ import annotations

import enum

from roth_desktop.errors import RothError


class ReportError(RothError):
    """A report or export that cannot be made as asked; the message says why."""


class Audience(enum.StrEnum):
    PROFESSIONAL = "professional"  # the conference record: everything, restricted marked apart
    FAMILY = "family"  # the family's copy: no restricted items, plain words
    YOUNG_PERSON = "young-person"  # the plan written to the young person
    PLAN = "plan"  # the plan alone, for the core group

    @property
    def sees_restricted(self) -> bool:
        return self is Audience.PROFESSIONAL

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Audience.PROFESSIONAL: "Conference record (professionals)",
    Audience.FAMILY: "Family copy",
    Audience.YOUNG_PERSON: "Young person's plan",
    Audience.PLAN: "Plan for the core group",
}

LANGUAGES = ("en", "cy")


def parse_audience(text: str, allowed: tuple[Audience, ...] = tuple(Audience)) -> Audience:
    try:
        audience = Audience(text)
    except ValueError:
        audience = None
    if audience is None or audience not in allowed:
        names = ", ".join(a.value for a in allowed)
        raise ReportError(f"'{text}' is not an audience this can be made for; choose {names}.")
    return audience


def parse_language(text: str) -> str:
    if text not in LANGUAGES:
        raise ReportError(f"'{text}' is not a language we write in; choose en or cy.")
    return text
