"""Crash output that cannot carry personal data.

Exception messages can hold record values (a name in a failed INSERT, a path
with a young person's name in it), so crash reports keep only the exception's
type and the code locations it passed through: enough to fix the bug, nothing
about the people in the record.
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

from roth_desktop import __version__
from roth_desktop.paths import state_dir


def safe_traceback(exc: BaseException) -> str:
    lines = [f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)"]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def write_crash_report(exc: BaseException) -> Path:
    folder = state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "crash.log"
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"--- {stamp} ROTH Desktop {__version__}\n{safe_traceback(exc)}\n")
    return path
