"""The workspace key file: the database key, wrapped.

The SQLCipher database is encrypted with 256 random bits. That key is never
stored as it is: it is sealed with AES-256-GCM under a key derived from the
user's passphrase with Argon2id (RFC 9106's second recommended setting), and,
when the local authority sets one, sealed a second time to the organisation's
X25519 recovery public key so a forgotten passphrase never loses statutory
records.

The file is small JSON. Everything that is not secret (format, workspace id,
Argon2id salt and costs) is bound into the AES-GCM associated data, so editing a
cost or salt makes unwrapping fail instead of silently weakening the key. A
SHA-256 checksum over the body lets us tell "the file was damaged or edited"
apart from "the passphrase is wrong"; it protects nothing by itself (anyone can
recompute it), AES-GCM does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from roth_desktop.errors import KeyFileDamagedError, PassphraseError, WrongPassphraseError

FORMAT = "roth-desktop-keyfile"
FORMAT_VERSION = 1
KEY_BYTES = 32
MIN_PASSPHRASE_CHARS = 10

# Bounds a key file's costs must sit in. The lower bounds stop a doctored file
# from making a weak key; the upper ones stop it from exhausting the laptop.
_MEMORY_KIB = (8 * 1024, 1024 * 1024)
_ITERATIONS = (1, 10)
_LANES = (1, 16)
_SALT_BYTES = (16, 64)
_RECOVERY_INFO = b"roth-desktop recovery wrap v1"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def canonical_json(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    iterations: int = 3
    lanes: int = 4
    memory_cost_kib: int = 64 * 1024

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(salt=os.urandom(16))

    def derive(self, passphrase: str) -> bytes:
        kdf = Argon2id(
            salt=self.salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_cost_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))

    def as_json(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "salt": b64(self.salt),
            "iterations": self.iterations,
            "lanes": self.lanes,
            "memory_cost_kib": self.memory_cost_kib,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("name") != "argon2id":
            raise ValueError("unknown key derivation")
        params = cls(
            salt=unb64(data["salt"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
            memory_cost_kib=int(data["memory_cost_kib"]),
        )
        checks = (
            (_SALT_BYTES, len(params.salt)),
            (_ITERATIONS, params.iterations),
            (_LANES, params.lanes),
            (_MEMORY_KIB, params.memory_cost_kib),
        )
        for (low, high), value in checks:
            if not low <= value <= high:
                raise ValueError("key derivation costs out of range")
        return params


@dataclass(frozen=True)
class SealedKey:
    nonce: bytes
    ciphertext: bytes

    def as_json(self) -> dict[str, str]:
        return {
            "alg": "AES-256-GCM",
            "nonce": b64(self.nonce),
            "ciphertext": b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SealedKey:
        if data.get("alg") != "AES-256-GCM":
            raise ValueError("unknown wrapping")
        sealed = cls(nonce=unb64(data["nonce"]), ciphertext=unb64(data["ciphertext"]))
        if len(sealed.nonce) != 12 or len(sealed.ciphertext) != KEY_BYTES + 16:
            raise ValueError("sealed key has the wrong shape")
        return sealed


@dataclass(frozen=True)
class RecoveryWrap:
    """The database key sealed to an organisation's X25519 recovery key."""

    recipient_public_key: bytes
    ephemeral_public_key: bytes
    sealed: SealedKey

    def as_json(self) -> dict[str, Any]:
        return {
            "alg": "X25519-HKDF-SHA256",
            "recipient_public_key": b64(self.recipient_public_key),
            "ephemeral_public_key": b64(self.ephemeral_public_key),
            "sealed": self.sealed.as_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoveryWrap:
        if data.get("alg") != "X25519-HKDF-SHA256":
            raise ValueError("unknown recovery wrapping")
        wrap = cls(
            recipient_public_key=unb64(data["recipient_public_key"]),
            ephemeral_public_key=unb64(data["ephemeral_public_key"]),
            sealed=SealedKey.from_json(data["sealed"]),
        )
        if len(wrap.recipient_public_key) != 32 or len(wrap.ephemeral_public_key) != 32:
            raise ValueError("recovery keys have the wrong length")
        return wrap


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise PassphraseError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE_CHARS} characters; "
            "a few ordinary words in a row work well."
        )


def load_recovery_public_key(pem: bytes) -> bytes:
    """Read an organisation recovery public key (PEM) and return its raw 32 bytes."""
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise KeyFileDamagedError("The recovery key file is not a PEM public key.") from exc
    if not isinstance(key, X25519PublicKey):
        raise KeyFileDamagedError("The recovery key must be an X25519 public key.")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _recovery_cipher_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=_RECOVERY_INFO + ephemeral + recipient,
    )
    return hkdf.derive(shared)


@dataclass(frozen=True)
class KeyFile:
    workspace_id: str
    kdf: KdfParams
    sealed: SealedKey
    recovery: RecoveryWrap | None = None

    # -- creating and re-wrapping -------------------------------------------------
    @classmethod
    def seal(
        cls,
        workspace_id: str,
        database_key: bytes,
        passphrase: str,
        recovery_public_key: bytes | None = None,
    ) -> KeyFile:
        kdf = KdfParams.fresh()
        header = cls._header(workspace_id, kdf, recovery_public_key)
        wrapping_key = kdf.derive(passphrase)
        nonce = os.urandom(12)
        sealed = SealedKey(nonce, AESGCM(wrapping_key).encrypt(nonce, database_key, header))
        recovery = None
        if recovery_public_key is not None:
            recovery = cls._seal_for_recovery(header, database_key, recovery_public_key)
        return cls(workspace_id, kdf, sealed, recovery)

    def rewrap(self, database_key: bytes, new_passphrase: str) -> KeyFile:
        """The same database key under a new passphrase (fresh salt); data untouched."""
        recipient = self.recovery.recipient_public_key if self.recovery else None
        return KeyFile.seal(self.workspace_id, database_key, new_passphrase, recipient)

    @staticmethod
    def _header(workspace_id: str, kdf: KdfParams, recovery_recipient: bytes | None) -> bytes:
        # The recovery recipient is bound in too: otherwise anyone who can write
        # the key file could add their own "recovery key", and the next passphrase
        # change would faithfully seal the database key to them.
        recipient = b64(recovery_recipient) if recovery_recipient is not None else None
        return canonical_json(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "workspace_id": workspace_id,
                "kdf": kdf.as_json(),
                "recovery_recipient": recipient,
            }
        )

    @staticmethod
    def _seal_for_recovery(header: bytes, database_key: bytes, recipient: bytes) -> RecoveryWrap:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
        key = _recovery_cipher_key(shared, ephemeral_public, recipient)
        nonce = os.urandom(12)
        sealed = SealedKey(nonce, AESGCM(key).encrypt(nonce, database_key, header + recipient))
        return RecoveryWrap(recipient, ephemeral_public, sealed)

    # -- opening ------------------------------------------------------------------
    def _passphrase_header(self) -> bytes:
        recipient = self.recovery.recipient_public_key if self.recovery else None
        return self._header(self.workspace_id, self.kdf, recipient)

    def unwrap(self, passphrase: str) -> bytearray:
        wrapping_key = self.kdf.derive(passphrase)
        try:
            key = AESGCM(wrapping_key).decrypt(
                self.sealed.nonce, self.sealed.ciphertext, self._passphrase_header()
            )
        except InvalidTag:
            raise WrongPassphraseError("That passphrase does not open this workspace.") from None
        return bytearray(key)

    def unwrap_with_recovery_key(self, private_key_pem: bytes) -> bytearray:
        if self.recovery is None:
            raise KeyFileDamagedError("This workspace has no organisation recovery key.")
        try:
            private = serialization.load_pem_private_key(private_key_pem, password=None)
        except (ValueError, TypeError) as exc:
            raise KeyFileDamagedError("The recovery private key file cannot be read.") from exc
        if not isinstance(private, X25519PrivateKey):
            raise KeyFileDamagedError("The recovery private key must be an X25519 key.")
        wrap = self.recovery
        shared = private.exchange(X25519PublicKey.from_public_bytes(wrap.ephemeral_public_key))
        key = _recovery_cipher_key(shared, wrap.ephemeral_public_key, wrap.recipient_public_key)
        header = self._passphrase_header() + wrap.recipient_public_key
        try:
            return bytearray(AESGCM(key).decrypt(wrap.sealed.nonce, wrap.sealed.ciphertext, header))
        except InvalidTag:
            raise WrongPassphraseError(
                "That recovery key does not belong to this workspace."
            ) from None

    # -- the file -----------------------------------------------------------------
    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "workspace_id": self.workspace_id,
            "kdf": self.kdf.as_json(),
            "sealed_key": self.sealed.as_json(),
            "recovery": self.recovery.as_json() if self.recovery else None,
        }
        document = {"body": body, "sha256": hashlib.sha256(canonical_json(body)).hexdigest()}
        return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        damaged = KeyFileDamagedError(
            "The workspace key file is damaged or has been changed, so the workspace "
            "cannot be opened. Nothing has been altered; restore the key file from a backup."
        )
        try:
            document = json.loads(data.decode("utf-8"))
            body = document["body"]
            if document["sha256"] != hashlib.sha256(canonical_json(body)).hexdigest():
                raise damaged
            if body["format"] != FORMAT:
                raise damaged
            if body["version"] != FORMAT_VERSION:
                raise KeyFileDamagedError(
                    "This key file was written by a newer version of ROTH Desktop."
                )
            sealed = SealedKey.from_json(body["sealed_key"])
            recovery = RecoveryWrap.from_json(body["recovery"]) if body["recovery"] else None
            workspace_id = body["workspace_id"]
            if not isinstance(workspace_id, str):
                raise damaged
            return cls(workspace_id, KdfParams.from_json(body["kdf"]), sealed, recovery)
        except KeyFileDamagedError:
            raise
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError, OverflowError):
            raise damaged from None
