"""Timescales that child protection practice counts in working days."""

from roth_desktop.timescales.working_days import UnknownRegionError, WorkingDayCalendar

__all__ = ["UnknownRegionError", "WorkingDayCalendar"]
