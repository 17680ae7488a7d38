"""What can stop a data return, each said in one sentence the person can act on."""

from roth_desktop.reports.audience import ReportError


class DataReturnError(ReportError):
    """The data return cannot be made as asked; nothing has been written."""


class PopulationFileError(DataReturnError):
    """The population file cannot be used; the message names the line and the problem."""
