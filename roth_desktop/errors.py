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


class SyncError(RothError):
    """Sync cannot go ahead as asked (keys, roster, enrolment or an envelope)."""


class EnvelopeRejected(SyncError):
    """An envelope was refused whole; nothing in it was applied.

    The message names the envelope and says why in one sentence; ``reason`` is
    that why on its own (for the rejections list), and the identifiers are
    whatever could be read before the envelope was refused.
    """

    def __init__(
        self,
        reason: str,
        *,
        envelope_id: str | None = None,
        device_id: str | None = None,
        seq: int | None = None,
        device_name: str | None = None,
    ) -> None:
        self.reason = reason
        self.envelope_id = envelope_id
        self.device_id = device_id
        self.seq = seq
        super().__init__(_envelope_sentence(reason, envelope_id, device_id, seq, device_name))


class EnvelopeIncomplete(EnvelopeRejected):
    """The envelope's bytes end early: cut short, or still being copied in."""


def _envelope_sentence(
    reason: str,
    envelope_id: str | None,
    device_id: str | None,
    seq: int | None,
    device_name: str | None,
) -> str:
    # Identifiers are shortened as people read them (like a commit hash): long
    # enough to find the file, short enough to fit one line.
    subject = f"Envelope {envelope_id[:8]}…" if envelope_id else "An envelope"
    sender = device_name or (device_id[:8] if device_id else None)
    if sender is not None:
        subject += f" from device {sender}"
        if seq is not None:
            subject += f" (#{seq})"
    return f"{subject} was rejected: {reason}."


class RosterRejected(SyncError):
    """A team roster is malformed, or does not follow from the one before it."""


class EnrolmentError(SyncError):
    """An enrolment file cannot be read with this code, or is no longer valid."""


class DeviceKeysError(SyncError):
    """This device's sync keys are missing or cannot be read."""


class TeamKeyError(SyncError):
    """The workspace does not hold the team key that is needed."""
