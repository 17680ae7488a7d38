"""One thing a chair should look at before the plan is agreed, and where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanWarning:
    table: str
    record_id: str
    message: str
