"""How long-running work (reports, exports, the calendar) says how far it has got.

A callback taking a percentage and a step in words; the app relays it from the
storage worker to a progress dialog, the command line ignores it.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, str], None]


def no_progress(_percent: int, _step: str) -> None:
    """For callers with nobody to tell."""
