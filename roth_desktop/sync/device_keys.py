"""This device's two key pairs, and where their private halves are kept.

A device signs its envelopes with Ed25519 and receives team keys sealed to its
X25519 key. The private keys go into the operating system's keyring when it is a
real one (``quick_unlock.is_real_backend``), so they are guarded by the person's
login as well as by the workspace passphrase. Anything else, notably
``keyrings.alt`` whose file backend keeps secrets in plain text, is refused, and
the keys are kept inside the encrypted workspace instead (``sync_secret``). The
setting ``device_keys_in`` records which, so a keyring entry that later goes
missing is reported as missing rather than silently replaced by new keys (new
keys would no longer match the roster, and every envelope would be refused).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.orm import Session

from roth_desktop import quick_unlock
from roth_desktop.errors import DeviceKeysError
from roth_desktop.models import SyncSecret
from roth_desktop.sync import settings

KEYRING_SERVICE = "ROTH Desktop sync"
SECRET_KEY = "device_keys"
WHERE_SETTING = "device_keys_in"
IN_KEYRING = "keyring"
IN_WORKSPACE = "workspace"

_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw
_NO_ENCRYPTION = serialization.NoEncryption()


@dataclass
class DeviceKeys:
    signing: Ed25519PrivateKey
    box: X25519PrivateKey

    @classmethod
    def generate(cls) -> DeviceKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def sign_public(self) -> bytes:
        return self.signing.public_key().public_bytes(_RAW, _RAW_PUBLIC)

    @property
    def box_public(self) -> bytes:
        return self.box.public_key().public_bytes(_RAW, _RAW_PUBLIC)

    def to_bytes(self) -> bytes:
        """64 raw bytes: the Ed25519 seed, then the X25519 private key."""
        return self.signing.private_bytes(
            _RAW, _RAW_PRIVATE, _NO_ENCRYPTION
        ) + self.box.private_bytes(_RAW, _RAW_PRIVATE, _NO_ENCRYPTION)

    @classmethod
    def from_bytes(cls, data: bytes) -> DeviceKeys:
        if len(data) != 64:
            raise DeviceKeysError("This device's sync keys are damaged and cannot be read.")
        return cls(
            Ed25519PrivateKey.from_private_bytes(data[:32]),
            X25519PrivateKey.from_private_bytes(data[32:]),
        )


def keyring_username(workspace_id: str, device_id: str) -> str:
    return f"{workspace_id}:{device_id}"


def _real_keyring(keyring: Any | None) -> Any | None:
    """The backend to use: the OS keyring for "auto", an explicit one only if real."""
    backend = quick_unlock.os_keyring() if keyring == "auto" else keyring
    if backend is None or not quick_unlock.is_real_backend(backend):
        return None
    return backend


def store_device_keys(
    session: Session,
    workspace_id: str,
    device_id: str,
    keys: DeviceKeys,
    keyring: Any | None = "auto",
) -> str:
    """Keep the private keys in a real OS keyring if there is one, else in the workspace.

    Returns where they went: ``"keyring"`` or ``"workspace"``.
    """
    backend = _real_keyring(keyring)
    if backend is not None:
        encoded = base64.b64encode(keys.to_bytes()).decode("ascii")
        try:
            backend.set_password(
                KEYRING_SERVICE, keyring_username(workspace_id, device_id), encoded
            )
        except Exception:  # a locked or broken keyring: the workspace is still safe
            backend = None
    if backend is not None:
        # One home only: a second copy left in the workspace would outlive the
        # keyring entry someone deliberately deleted.
        stale = session.get(SyncSecret, SECRET_KEY)
        if stale is not None:
            session.delete(stale)
        settings.put(session, WHERE_SETTING, IN_KEYRING)
        return IN_KEYRING
    settings.put_secret(session, SECRET_KEY, keys.to_bytes())
    settings.put(session, WHERE_SETTING, IN_WORKSPACE)
    return IN_WORKSPACE


def load_device_keys(
    session: Session,
    workspace_id: str,
    device_id: str,
    keyring: Any | None = "auto",
) -> DeviceKeys:
    where = settings.get(session, WHERE_SETTING)
    if where == IN_WORKSPACE:
        stored = settings.get_secret(session, SECRET_KEY)
        if stored is None:
            raise DeviceKeysError(
                "This device's sync keys are missing from the workspace; "
                "enrol it again with a new invitation."
            )
        return DeviceKeys.from_bytes(stored)
    if where == IN_KEYRING:
        backend = _real_keyring(keyring)
        if backend is None:
            raise DeviceKeysError(
                "This device's sync keys are in the system keyring, which is not "
                "available now; log in to the desktop session and try again."
            )
        try:
            encoded = backend.get_password(
                KEYRING_SERVICE, keyring_username(workspace_id, device_id)
            )
        except Exception:  # locked, or the keyring service stopped
            encoded = None
        if not encoded:
            raise DeviceKeysError(
                "This device's sync keys are no longer in the system keyring; "
                "enrol it again with a new invitation."
            )
        try:
            raw = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise DeviceKeysError(
                "This device's sync keys are damaged and cannot be read."
            ) from None
        return DeviceKeys.from_bytes(raw)
    raise DeviceKeysError(
        "This workspace has no sync keys yet; create a team or enrol this device first."
    )
