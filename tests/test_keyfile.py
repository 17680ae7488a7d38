"""The key file: sealing, unwrapping, tampering, re-wrapping and organisation recovery."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from roth_desktop.errors import KeyFileDamagedError, PassphraseError, WrongPassphraseError
from roth_desktop.keyfile import (
    KEY_BYTES,
    MIN_PASSPHRASE_CHARS,
    KeyFile,
    check_new_passphrase,
    load_recovery_public_key,
)
from tests.conftest import PASSPHRASE

WORKSPACE_ID = "5d0f1c3e-9a43-4a4e-9f57-0c6a1b2d3e4f"
DAMAGED = r"damaged|changed"


@dataclass(frozen=True)
class Sealed:
    database_key: bytes
    keyfile: KeyFile
    data: bytes


@pytest.fixture(scope="module")
def sealed() -> Sealed:
    database_key = os.urandom(KEY_BYTES)
    keyfile = KeyFile.seal(WORKSPACE_ID, database_key, PASSPHRASE)
    return Sealed(database_key, keyfile, keyfile.to_bytes())


def _document(data: bytes) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(data)
    return document


def _encode(document: dict[str, Any], *, recompute_checksum: bool) -> bytes:
    if recompute_checksum:
        body = document["body"]
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
        document["sha256"] = hashlib.sha256(canonical).hexdigest()
    return json.dumps(document, indent=2, sort_keys=True).encode("utf-8")


def _private_pem(private: X25519PrivateKey) -> bytes:
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _public_pem(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


# -- round trip ---------------------------------------------------------------------------


def test_seal_then_unwrap_returns_the_database_key(sealed: Sealed) -> None:
    assert bytes(sealed.keyfile.unwrap(PASSPHRASE)) == sealed.database_key
    reread = KeyFile.from_bytes(sealed.data)
    assert reread == sealed.keyfile
    assert reread.workspace_id == WORKSPACE_ID
    assert bytes(reread.unwrap(PASSPHRASE)) == sealed.database_key


def test_the_file_holds_neither_the_key_nor_the_passphrase(sealed: Sealed) -> None:
    data = sealed.data
    assert sealed.database_key not in data
    assert base64.b64encode(sealed.database_key) not in data
    assert sealed.database_key.hex().encode() not in data
    assert PASSPHRASE.encode() not in data
    document = _document(data)
    assert document["body"]["kdf"]["name"] == "argon2id"
    assert document["body"]["sealed_key"]["alg"] == "AES-256-GCM"
    assert document["body"]["recovery"] is None


def test_each_seal_uses_a_fresh_salt_and_nonce() -> None:
    database_key = os.urandom(KEY_BYTES)
    first = KeyFile.seal(WORKSPACE_ID, database_key, PASSPHRASE)
    second = KeyFile.seal(WORKSPACE_ID, database_key, PASSPHRASE)
    assert first.kdf.salt != second.kdf.salt
    assert first.sealed.nonce != second.sealed.nonce
    assert first.sealed.ciphertext != second.sealed.ciphertext


# -- wrong passphrase and damage ----------------------------------------------------------


def test_wrong_passphrase_is_refused(sealed: Sealed) -> None:
    with pytest.raises(WrongPassphraseError, match="passphrase does not open"):
        sealed.keyfile.unwrap(PASSPHRASE + "x")


def test_flipping_any_byte_is_reported_as_damage(sealed: Sealed) -> None:
    data = sealed.data
    accepted = []
    for index in range(len(data)):
        for mask in (0x01, 0x80):
            tampered = data[:index] + bytes([data[index] ^ mask]) + data[index + 1 :]
            try:
                KeyFile.from_bytes(tampered)
            except KeyFileDamagedError as exc:
                assert "damaged" in str(exc) or "changed" in str(exc)
            else:
                accepted.append((index, mask))
    assert accepted == [], f"tampered key files accepted at (offset, mask) {accepted[:5]}"


@pytest.mark.parametrize(
    ("section", "field", "value"),
    [
        ("kdf", "iterations", 4),
        ("kdf", "lanes", 2),
        ("kdf", "memory_cost_kib", 32 * 1024),
        ("kdf", "salt", base64.b64encode(b"\x00" * 16).decode()),
        ("kdf", "name", "scrypt"),
        ("sealed_key", "nonce", base64.b64encode(b"\x01" * 12).decode()),
        ("body", "workspace_id", "another-workspace"),
    ],
)
def test_editing_a_field_is_reported_as_damage(
    sealed: Sealed, section: str, field: str, value: object
) -> None:
    document = _document(sealed.data)
    target = document["body"] if section == "body" else document["body"][section]
    target[field] = value
    with pytest.raises(KeyFileDamagedError, match=DAMAGED):
        KeyFile.from_bytes(_encode(document, recompute_checksum=False))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("iterations", 4),
        ("memory_cost_kib", 32 * 1024),
        ("salt", base64.b64encode(os.urandom(16)).decode()),
    ],
)
def test_edited_costs_with_a_recomputed_checksum_still_never_unwrap(
    sealed: Sealed, field: str, value: object
) -> None:
    # The checksum is no protection (anyone can recompute it); the AES-GCM
    # associated data is, so the right passphrase no longer unwraps anything.
    document = _document(sealed.data)
    document["body"]["kdf"][field] = value
    doctored = KeyFile.from_bytes(_encode(document, recompute_checksum=True))
    with pytest.raises((WrongPassphraseError, KeyFileDamagedError)):
        doctored.unwrap(PASSPHRASE)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"not json at all",
        b"\xff\xfe\x00garbage",
        b"[]",
        b"{}",
        b'{"body": 1, "sha256": "00"}',
        # the right checksum of an empty body
        b'{"body": {}, "sha256": "' + hashlib.sha256(b"{}").hexdigest().encode() + b'"}',
        b"null",
    ],
)
def test_json_garbage_is_reported_as_damage(garbage: bytes) -> None:
    with pytest.raises(KeyFileDamagedError, match=DAMAGED):
        KeyFile.from_bytes(garbage)


def test_a_truncated_key_file_is_reported_as_damage(sealed: Sealed) -> None:
    for length in (1, len(sealed.data) // 3, len(sealed.data) // 2, len(sealed.data) - 3):
        with pytest.raises(KeyFileDamagedError, match=DAMAGED):
            KeyFile.from_bytes(sealed.data[:length])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_cost_kib", 1024),
        ("memory_cost_kib", 8 * 1024 * 1024),
        ("iterations", 0),
        ("iterations", 11),
        ("iterations", float("inf")),
        ("lanes", 0),
        ("lanes", 17),
        ("salt", base64.b64encode(b"\x07" * 8).decode()),
        ("salt", base64.b64encode(b"\x07" * 65).decode()),
    ],
)
def test_out_of_range_costs_are_rejected_before_deriving(
    sealed: Sealed, field: str, value: object
) -> None:
    document = _document(sealed.data)
    document["body"]["kdf"][field] = value
    with pytest.raises(KeyFileDamagedError, match=DAMAGED):
        KeyFile.from_bytes(_encode(document, recompute_checksum=True))


def test_a_newer_format_version_is_refused(sealed: Sealed) -> None:
    document = _document(sealed.data)
    document["body"]["version"] = 2
    with pytest.raises(KeyFileDamagedError, match="newer version"):
        KeyFile.from_bytes(_encode(document, recompute_checksum=True))


# -- re-wrapping --------------------------------------------------------------------------


def test_rewrap_keeps_the_database_key_under_a_new_salt(sealed: Sealed) -> None:
    new_passphrase = "Fernleigh brand new passphrase"
    rewrapped = sealed.keyfile.rewrap(sealed.database_key, new_passphrase)
    assert rewrapped.workspace_id == sealed.keyfile.workspace_id
    assert rewrapped.kdf.salt != sealed.keyfile.kdf.salt
    assert rewrapped.sealed.ciphertext != sealed.keyfile.sealed.ciphertext
    assert bytes(KeyFile.from_bytes(rewrapped.to_bytes()).unwrap(new_passphrase)) == (
        sealed.database_key
    )
    with pytest.raises(WrongPassphraseError):
        rewrapped.unwrap(PASSPHRASE)


# -- organisation recovery ----------------------------------------------------------------


def test_recovery_key_unwraps_the_same_database_key() -> None:
    organisation = X25519PrivateKey.generate()
    public = load_recovery_public_key(_public_pem(organisation))
    assert public == organisation.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    database_key = os.urandom(KEY_BYTES)
    keyfile = KeyFile.from_bytes(
        KeyFile.seal(WORKSPACE_ID, database_key, PASSPHRASE, recovery_public_key=public).to_bytes()
    )
    assert keyfile.recovery is not None
    assert bytes(keyfile.unwrap_with_recovery_key(_private_pem(organisation))) == database_key
    assert bytes(keyfile.unwrap(PASSPHRASE)) == database_key

    stranger = X25519PrivateKey.generate()
    with pytest.raises(WrongPassphraseError, match="does not belong"):
        keyfile.unwrap_with_recovery_key(_private_pem(stranger))

    # Re-wrapping under a new passphrase keeps the organisation able to recover.
    rewrapped = keyfile.rewrap(database_key, "Fernleigh later passphrase")
    assert rewrapped.recovery is not None
    assert rewrapped.recovery.recipient_public_key == public
    assert bytes(rewrapped.unwrap_with_recovery_key(_private_pem(organisation))) == database_key


def test_recovery_needs_a_recovery_wrap_and_an_x25519_key(sealed: Sealed) -> None:
    with pytest.raises(KeyFileDamagedError, match="no organisation recovery key"):
        sealed.keyfile.unwrap_with_recovery_key(_private_pem(X25519PrivateKey.generate()))
    edwards = Ed25519PrivateKey.generate()
    edwards_public = edwards.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    with pytest.raises(KeyFileDamagedError, match="X25519"):
        load_recovery_public_key(edwards_public)
    with pytest.raises(KeyFileDamagedError, match="not a PEM public key"):
        load_recovery_public_key(
            b"-----BEGIN PUBLIC KEY-----\nbm9wZQ==\n-----END PUBLIC KEY-----\n"
        )


# -- new passphrases ----------------------------------------------------------------------


@pytest.mark.parametrize("passphrase", ["", "short", "x" * (MIN_PASSPHRASE_CHARS - 1)])
def test_short_new_passphrases_are_rejected(passphrase: str) -> None:
    with pytest.raises(PassphraseError, match=f"at least {MIN_PASSPHRASE_CHARS} characters"):
        check_new_passphrase(passphrase)


def test_a_long_enough_passphrase_is_accepted() -> None:
    check_new_passphrase("x" * MIN_PASSPHRASE_CHARS)
    check_new_passphrase(PASSPHRASE)


# -- the recovery block cannot be slipped in ----------------------------------------------


def test_an_injected_recovery_key_makes_the_file_unusable_and_never_receives_the_key(
    sealed: Sealed,
) -> None:
    """An attacker who can write the key file adds their own recovery recipient and
    recomputes the checksum. The passphrase wrap is bound to the (absent) recipient,
    so the edited file never unwraps, and no rewrap can seal the key to the attacker."""
    attacker = X25519PrivateKey.generate()
    planted = KeyFile.seal(
        WORKSPACE_ID,
        os.urandom(KEY_BYTES),
        "attacker passphrase",
        recovery_public_key=load_recovery_public_key(_public_pem(attacker)),
    )
    document = _document(sealed.data)
    document["body"]["recovery"] = _document(planted.to_bytes())["body"]["recovery"]
    tampered = KeyFile.from_bytes(_encode(document, recompute_checksum=True))
    with pytest.raises(WrongPassphraseError):
        tampered.unwrap(PASSPHRASE)


def test_a_swapped_recovery_recipient_is_refused(sealed: Sealed) -> None:
    organisation = X25519PrivateKey.generate()
    database_key = os.urandom(KEY_BYTES)
    genuine = KeyFile.seal(
        WORKSPACE_ID,
        database_key,
        PASSPHRASE,
        recovery_public_key=load_recovery_public_key(_public_pem(organisation)),
    )
    attacker = X25519PrivateKey.generate()
    document = _document(genuine.to_bytes())
    document["body"]["recovery"]["recipient_public_key"] = base64.b64encode(
        load_recovery_public_key(_public_pem(attacker))
    ).decode()
    tampered = KeyFile.from_bytes(_encode(document, recompute_checksum=True))
    with pytest.raises(WrongPassphraseError):
        tampered.unwrap(PASSPHRASE)
    assert genuine.unwrap(PASSPHRASE) == bytearray(database_key)
