"""The chair's calendar as an iCalendar (.ics) file: conferences booked and reviews due.

A calendar leaves the encrypted workspace for Outlook, a phone or a cloud
service, so each entry carries the young person's initials and nothing else
about them: no name, no location (an address can be the family's home), no
notes. The chair opens ROTH Desktop for the rest.

Written by hand to RFC 5545 rather than with a library: the format is small, and
the tests read the result back with the ``icalendar`` parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from roth_desktop import __version__
from roth_desktop.models import DeadlineKind
from roth_desktop.progress import Progress, no_progress
from roth_desktop.reports.output import write_output
from roth_desktop.timescales.deadlines import (
    BookedConference,
    DueItem,
    DueState,
    booked_conferences,
    compute_due,
)
from roth_desktop.timescales.policy import TimescalePolicy

# Conference times are wall-clock times in England or Wales; calendars get UTC.
UK = ZoneInfo("Europe/London")
LOOK_AHEAD_DAYS = 365
CONFERENCE_HOURS = 2
# The deadlines a chair plans conferences around.
CALENDAR_KINDS = (
    DeadlineKind.INITIAL_CONFERENCE,
    DeadlineKind.CORE_GROUP,
    DeadlineKind.INTERIM_REVIEW,
    DeadlineKind.REVIEW,
)
NOTE = "Initials only, by design. Open ROTH Desktop for the details."


@dataclass(frozen=True)
class CalendarResult:
    path: Path
    conferences: int
    deadlines: int


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.replace(tzinfo=UK).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(uid: str, stamp: str, fields: Iterable[tuple[str, str]]) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        *(f"{k}:{v}" for k, v in fields),
        "END:VEVENT",
    ]


def _conference_event(conference: BookedConference, stamp: str) -> list[str]:
    ends = conference.starts_at + timedelta(hours=CONFERENCE_HOURS)
    return _event(
        f"conference-{conference.conference_id}@roth-desktop",
        stamp,
        [
            ("SUMMARY", _escape(f"{conference.kind.label} — {conference.initials}")),
            ("DTSTART", _utc(conference.starts_at)),
            ("DTEND", _utc(ends)),
            ("DESCRIPTION", _escape(NOTE)),
            ("CATEGORIES", "ROTH"),
            ("STATUS", "CONFIRMED"),
            ("TRANSP", "OPAQUE"),
        ],
    )


def _deadline_event(item: DueItem, stamp: str) -> list[str]:
    booked = f", booked {item.booked_on:%d/%m/%Y}" if item.booked_on else ", not booked yet"
    return _event(
        f"due-{item.kind.value}-{item.source_id}@roth-desktop",
        stamp,
        [
            ("SUMMARY", _escape(f"{item.kind.label} due — {item.initials}{booked}")),
            ("DTSTART;VALUE=DATE", f"{item.due_on:%Y%m%d}"),
            ("DTEND;VALUE=DATE", f"{item.due_on + timedelta(days=1):%Y%m%d}"),
            ("DESCRIPTION", _escape(f"The last day it is in time. {NOTE}")),
            ("CATEGORIES", "ROTH"),
            ("TRANSP", "TRANSPARENT"),
        ],
    )


def calendar_text(
    conferences: Iterable[BookedConference],
    deadlines: Iterable[DueItem],
    now: datetime,
) -> str:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//ROTH Desktop//ROTH Desktop {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:ROTH conferences and reviews",
    ]
    for conference in conferences:
        lines += _conference_event(conference, stamp)
    for item in deadlines:
        lines += _deadline_event(item, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_calendar(
    session: Session,
    out: Path,
    policy: TimescalePolicy,
    as_of: date,
    *,
    progress: Progress = no_progress,
) -> CalendarResult:
    """Booked conferences and conference deadlines from ``as_of`` for a year ahead."""
    end = as_of + timedelta(days=LOOK_AHEAD_DAYS)
    conferences = [c for c in booked_conferences(session, as_of, end) if not c.agreed]
    progress(30, "Finding the deadlines")
    report = compute_due(session, as_of, policy, horizon_days=LOOK_AHEAD_DAYS)
    deadlines = [
        item
        for item in report.items
        if item.kind in CALENDAR_KINDS and item.due_on >= as_of and item.state != DueState.LATE
    ]
    text = calendar_text(conferences, deadlines, datetime.now(UTC))
    path = write_output(out, text.encode("utf-8"), ".ics")
    progress(100, "Done")
    return CalendarResult(path, len(conferences), len(deadlines))
