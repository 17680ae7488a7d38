"""Quick unlock through the operating system's keyring, and only a real one.

Accepted: Windows Credential Manager, macOS Keychain, Secret Service (GNOME,
KeePassXC) and KWallet. Anything else, notably ``keyrings.alt`` whose file
backend keeps secrets in plain text, is refused, and the app runs on the
passphrase alone and says so once.
"""

from __future__ import annotations

import base64
from typing import Any

SERVICE = "ROTH Desktop workspace"

REAL_BACKENDS = frozenset(
    {
        ("keyring.backends.Windows", "WinVaultKeyring"),
        ("keyring.backends.macOS", "Keyring"),
        ("keyring.backends.SecretService", "Keyring"),
        ("keyring.backends.kwallet", "DBusKeyring"),
        ("keyring.backends.kwallet", "DBusKeyringKWallet4"),
    }
)

NO_KEYRING_NOTICE = (
    "This computer has no system keyring ROTH Desktop can trust, so quick unlock is "
    "off and the workspace opens with its passphrase only."
)


def is_real_backend(backend: object) -> bool:
    cls = type(backend)
    return (cls.__module__, cls.__qualname__) in REAL_BACKENDS


def os_keyring() -> Any | None:
    """The highest-priority real OS keyring that works here, or None."""
    try:
        from keyring.backend import get_all_keyring
    except ImportError:
        return None
    candidates = []
    for backend in get_all_keyring():
        if not is_real_backend(backend):
            continue
        try:
            priority = float(backend.priority)
        except Exception:  # a backend reports itself unusable by raising here
            continue
        if priority > 0:
            candidates.append((priority, backend))
    if not candidates:
        return None
    return max(candidates, key=lambda pair: pair[0])[1]


class QuickUnlock:
    def __init__(self, backend: Any) -> None:
        if not is_real_backend(backend):
            raise ValueError("quick unlock needs a real OS keyring backend")
        self._backend = backend

    @classmethod
    def available(cls) -> QuickUnlock | None:
        backend = os_keyring()
        return cls(backend) if backend is not None else None

    def remember(self, workspace_id: str, key: bytes) -> None:
        self._backend.set_password(SERVICE, workspace_id, base64.b64encode(key).decode("ascii"))

    def recall(self, workspace_id: str) -> bytearray | None:
        stored = self._backend.get_password(SERVICE, workspace_id)
        if not stored:
            return None
        try:
            return bytearray(base64.b64decode(stored, validate=True))
        except ValueError:
            return None

    def forget(self, workspace_id: str) -> None:
        try:
            self._backend.delete_password(SERVICE, workspace_id)
        except Exception:  # keyring raises PasswordDeleteError when nothing is stored
            return
