"""Errors a person can act on.

Each carries one plain sentence meant for the chair or social worker; the UI and
the command line show ``str(error)`` and nothing else (no traceback, no values
from the record, so nothing personal leaks into a terminal or a log).
"""


class RothError(Exception):
    """Base for every error whose message is safe and meant to be shown."""


class WorkspaceError(RothError):
    """The workspace cannot be opened or used as asked."""


class NotAWorkspaceError(WorkspaceError):
    pass


class WorkspaceExistsError(WorkspaceError):
    pass


class MissingKeyFileError(WorkspaceError):
    pass


class KeyFileDamagedError(WorkspaceError):
    pass


class WrongPassphraseError(WorkspaceError):
    pass


class DatabaseDamagedError(WorkspaceError):
    pass


class NewerWorkspaceError(WorkspaceError):
    pass


class OutdatedWorkspaceError(WorkspaceError):
    pass


class WorkspaceLockedError(WorkspaceError):
    pass


class PassphraseError(RothError):
    """A new passphrase does not meet the rules, or cannot be read."""


class ValidationError(RothError):
    """A record would break a rule (for example a date of birth in the future).

    ``problems`` maps a field name to its message so forms can show each one
    beside its field.
    """

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(" ".join(problems.values()))
