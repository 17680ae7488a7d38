"""Envelopes: a batch of changes, encrypted for the team and signed by its device.

Wire format (docs/sync.md)::

    b"ROTHENV1" | u32 header length | header (canonical JSON) | 12-byte nonce
                | u32 ciphertext length | AES-256-GCM ciphertext | 64-byte Ed25519 signature

The header is readable without keys, so a folder or server can route an envelope
(team, device, sequence number) without being able to read it. It is also the
AES-GCM associated data and lies under the signature, so nobody can re-route or
re-label an envelope without the receiver noticing.

Reading an envelope is layered so each party does only what it can:
:func:`parse_header` checks the framing alone (a server, or a folder scan that
must tell a file still being copied from a damaged one); :func:`verify_signature`
adds the sender's signature (a server that knows the roster); :func:`open_envelope`
does the whole check and decrypts (a device). Whether the sequence number is the
next one, or was already applied, is for the caller that knows what was applied.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from roth_desktop import __version__, framing
from roth_desktop.errors import EnvelopeIncomplete, EnvelopeRejected
from roth_desktop.framing import U32
from roth_desktop.keyfile import canonical_json
from roth_desktop.sync.roster import Roster, is_valid_id

__all__ = [
    "FORMAT",
    "MAGIC",
    "EnvelopeHeader",
    "EnvelopeIncomplete",
    "EnvelopeRejected",
    "open_envelope",
    "parse_header",
    "seal",
    "verify_signature",
]

MAGIC = b"ROTHENV1"
FORMAT = 1
NONCE_BYTES = 12
TAG_BYTES = 16
SIGNATURE_BYTES = 64
TEAM_KEY_BYTES = 32
# Generous ceilings, there only so a damaged length field is called damaged at
# once rather than waited on forever as a file "still arriving".
MAX_HEADER_BYTES = 16 * 1024 * 1024
MAX_CIPHERTEXT_BYTES = 1024 * 1024 * 1024
MAX_APP_VERSION_CHARS = 64

_FIELDS = frozenset(
    {
        "format",
        "app_version",
        "team_id",
        "key_epoch",
        "device_id",
        "seq",
        "envelope_id",
        "deps",
        "record_ids",
    }
)
_RECORD_ID = re.compile(r"[a-z][a-z0-9_]{0,59}/[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
_PRINTABLE = re.compile(r"[\x20-\x7e]+")

# Reasons, each the end of "Envelope … from device … was rejected: <reason>."
INCOMPLETE = "it is incomplete, cut short or still being copied"
NOT_AN_ENVELOPE = "it is not a ROTH Desktop envelope"
HEADER_DAMAGED = "its header is damaged"
NEWER_FORMAT = "it was written by a newer version of ROTH Desktop"
DAMAGED = "it is damaged"
TRAILING = "it has extra bytes after its signature"
TAMPERED = "it has been tampered with"
OTHER_TEAM = "it belongs to another team"
UNKNOWN_DEVICE = "its device is not on the team's roster"
REMOVED_DEVICE = "its device has been removed from the team"


def _is_count(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


@dataclass(frozen=True)
class EnvelopeHeader:
    format: int
    app_version: str
    team_id: str
    key_epoch: int
    device_id: str
    seq: int
    envelope_id: str
    deps: dict[str, int]  # the sender's applied sequence number per other device
    record_ids: tuple[str, ...]  # sorted "table/id" of every record the changes touch

    @classmethod
    def create(
        cls,
        *,
        team_id: str,
        key_epoch: int,
        device_id: str,
        seq: int,
        deps: Mapping[str, int],
        record_ids: Iterable[str],
        envelope_id: str | None = None,
    ) -> EnvelopeHeader:
        """A header for this app version, with a fresh envelope id and sorted record ids."""
        return cls(
            format=FORMAT,
            app_version=__version__,
            team_id=team_id,
            key_epoch=key_epoch,
            device_id=device_id,
            seq=seq,
            envelope_id=envelope_id or str(uuid.uuid4()),
            deps=dict(deps),
            record_ids=tuple(sorted(set(record_ids))),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "app_version": self.app_version,
            "team_id": self.team_id,
            "key_epoch": self.key_epoch,
            "device_id": self.device_id,
            "seq": self.seq,
            "envelope_id": self.envelope_id,
            "deps": dict(self.deps),
            "record_ids": list(self.record_ids),
        }

    def as_bytes(self) -> bytes:
        """Canonical JSON: the bytes on the wire, and the AES-GCM associated data."""
        return canonical_json(self.as_json())

    def problem(self) -> str | None:
        """Why this header could not be sent or accepted, or None if it is sound."""
        if self.format != FORMAT:
            return NEWER_FORMAT if _is_count(self.format, FORMAT + 1) else HEADER_DAMAGED
        deps_ok = isinstance(self.deps, dict) and all(
            is_valid_id(device) and _is_count(seq, 0) for device, seq in self.deps.items()
        )
        records_ok = (
            isinstance(self.record_ids, tuple)
            and all(
                isinstance(record, str) and _RECORD_ID.fullmatch(record) is not None
                for record in self.record_ids
            )
            and list(self.record_ids) == sorted(set(self.record_ids))
        )
        sound = (
            isinstance(self.app_version, str)
            and _PRINTABLE.fullmatch(self.app_version) is not None
            and len(self.app_version) <= MAX_APP_VERSION_CHARS
            and is_valid_id(self.team_id)
            and is_valid_id(self.device_id)
            and is_valid_id(self.envelope_id)
            and _is_count(self.key_epoch, 1)
            and _is_count(self.seq, 1)
            and deps_ok
            and records_ok
        )
        return None if sound else HEADER_DAMAGED


@dataclass(frozen=True)
class _Frame:
    header: EnvelopeHeader
    nonce: bytes
    ciphertext: bytes
    signed: bytes  # everything the signature covers
    signature: bytes

    def rejected(self, reason: str, device_name: str | None = None) -> EnvelopeRejected:
        return EnvelopeRejected(
            reason,
            envelope_id=self.header.envelope_id,
            device_id=self.header.device_id,
            seq=self.header.seq,
            device_name=device_name,
        )


def seal(
    header: EnvelopeHeader, payload: bytes, team_key: bytes, signing_key: Ed25519PrivateKey
) -> bytes:
    """Encrypt ``payload`` under the team key with the header as associated data, and sign."""
    problem = header.problem()
    if problem is not None:
        raise ValueError(f"cannot seal an envelope: {problem}")
    if len(team_key) != TEAM_KEY_BYTES:
        raise ValueError("a team key is 32 bytes")
    header_bytes = header.as_bytes()
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(team_key).encrypt(nonce, payload, header_bytes)
    if len(header_bytes) > MAX_HEADER_BYTES or len(ciphertext) > MAX_CIPHERTEXT_BYTES:
        raise ValueError("envelope too large; send the changes in smaller batches")
    signed = b"".join(
        (
            MAGIC,
            U32.pack(len(header_bytes)),
            header_bytes,
            nonce,
            U32.pack(len(ciphertext)),
            ciphertext,
        )
    )
    return signed + signing_key.sign(signed)


def _read_header(raw: bytes) -> EnvelopeHeader:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise EnvelopeRejected(HEADER_DAMAGED) from None
    if not isinstance(data, dict):
        raise EnvelopeRejected(HEADER_DAMAGED)
    # A later format may have other fields; say so rather than "damaged".
    if _is_count(data.get("format"), FORMAT + 1):
        raise EnvelopeRejected(NEWER_FORMAT)
    if set(data) != _FIELDS:
        raise EnvelopeRejected(HEADER_DAMAGED)
    deps, record_ids = data["deps"], data["record_ids"]
    if not isinstance(deps, dict) or not isinstance(record_ids, list):
        raise EnvelopeRejected(HEADER_DAMAGED)
    header = EnvelopeHeader(
        format=data["format"],
        app_version=data["app_version"],
        team_id=data["team_id"],
        key_epoch=data["key_epoch"],
        device_id=data["device_id"],
        seq=data["seq"],
        envelope_id=data["envelope_id"],
        deps=deps,
        record_ids=tuple(record_ids),
    )
    problem = header.problem()
    if problem is not None:
        raise EnvelopeRejected(problem)
    # Only one spelling of a header is accepted, so the bytes signed, the bytes
    # used as associated data and the header a caller is handed are the same thing.
    if header.as_bytes() != raw:
        raise EnvelopeRejected(HEADER_DAMAGED)
    return header


def _framing_error(problem: framing.Problem) -> EnvelopeRejected:
    """The framing's problems before the header is read, which carry no envelope's ids."""
    if problem is framing.Problem.INCOMPLETE:
        return EnvelopeIncomplete(INCOMPLETE)
    if problem is framing.Problem.FOREIGN:
        return EnvelopeRejected(NOT_AN_ENVELOPE)
    return EnvelopeRejected(HEADER_DAMAGED)


def _frame(blob: bytes) -> _Frame:
    size = len(blob)
    # An empty file, or the first bytes of one, may simply still be arriving.
    at, header_length = framing.header_span(blob, MAGIC, MAX_HEADER_BYTES, _framing_error)
    if size < at + header_length:
        raise EnvelopeIncomplete(INCOMPLETE)
    header = _read_header(blob[at : at + header_length])
    at += header_length

    def fail(kind: type[EnvelopeRejected], reason: str) -> EnvelopeRejected:
        return kind(
            reason, envelope_id=header.envelope_id, device_id=header.device_id, seq=header.seq
        )

    def framing_fail(problem: framing.Problem) -> EnvelopeRejected:
        if problem is framing.Problem.INCOMPLETE:
            return fail(EnvelopeIncomplete, INCOMPLETE)
        return fail(EnvelopeRejected, DAMAGED)

    if size < at + NONCE_BYTES + U32.size:
        raise fail(EnvelopeIncomplete, INCOMPLETE)
    nonce = blob[at : at + NONCE_BYTES]
    at += NONCE_BYTES
    ciphertext_length = framing.read_length(blob, at, TAG_BYTES, MAX_CIPHERTEXT_BYTES, framing_fail)
    at += U32.size
    end = at + ciphertext_length + SIGNATURE_BYTES
    if size < end:
        raise fail(EnvelopeIncomplete, INCOMPLETE)
    if size > end:
        raise fail(EnvelopeRejected, TRAILING)
    signed_end = at + ciphertext_length
    return _Frame(
        header=header,
        nonce=nonce,
        ciphertext=blob[at:signed_end],
        signed=blob[:signed_end],
        signature=blob[signed_end:],
    )


def parse_header(blob: bytes) -> EnvelopeHeader:
    """The header of a whole, well-framed envelope; no keys needed, nothing verified.

    Raises EnvelopeIncomplete if the bytes end early (a file still being copied
    in), and EnvelopeRejected if they are malformed or run on past the signature.
    """
    return _frame(bytes(blob)).header


def _check_signature(frame: _Frame, public_key: bytes, device_name: str | None = None) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(frame.signature, frame.signed)
    except (InvalidSignature, ValueError):
        raise frame.rejected(TAMPERED, device_name) from None


def verify_signature(blob: bytes, public_key: bytes) -> EnvelopeHeader:
    """The header, once the signature is proved to be by ``public_key`` (raw Ed25519)."""
    frame = _frame(bytes(blob))
    _check_signature(frame, public_key)
    return frame.header


def open_envelope(
    blob: bytes, *, team_id: str, roster: Roster, team_keys: Mapping[int, bytes]
) -> tuple[EnvelopeHeader, bytes]:
    """Check an envelope through and through and return its header and decrypted payload.

    Refused whole (EnvelopeRejected, with the reason) when it is incomplete,
    malformed, from another team, from a device the roster does not list or has
    removed, not signed by that device, under a key epoch not held here, or
    altered so that AES-GCM fails.
    """
    frame = _frame(bytes(blob))
    header = frame.header
    if header.team_id != team_id:
        raise frame.rejected(OTHER_TEAM)
    member = roster.member(header.device_id)
    if member is None:
        raise frame.rejected(UNKNOWN_DEVICE)
    if member.removed:
        raise frame.rejected(REMOVED_DEVICE, member.name)
    _check_signature(frame, member.sign_public, member.name)
    team_key = team_keys.get(header.key_epoch)
    if team_key is None:
        raise frame.rejected(
            f"it is sealed under team key epoch {header.key_epoch}, which this device "
            "does not hold",
            member.name,
        )
    try:
        payload = AESGCM(team_key).decrypt(frame.nonce, frame.ciphertext, header.as_bytes())
    except (InvalidTag, ValueError):
        raise frame.rejected(TAMPERED, member.name) from None
    return header, payload
