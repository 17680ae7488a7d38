"""Enrolment files: how a new device joins the team, protected by a one-time code.

The administrator's device makes everything the new device needs: its id, both
of its key pairs, the roster that already lists its public keys (signed by the
admin), every team key, and the sync target. All of it is sealed in one file
under a key derived with Argon2id from a one-time code that is shown once on the
admin's screen and never stored. The file may travel any way (a shared folder,
a USB stick); the code travels another way (read out, or typed in person).

Why the admin generates the new device's keys, rather than the new device
generating them and asking to join (the more usual design):

- The roster naming the device and its public keys is signed before the device
  first syncs, so the first envelope it sends can be checked by every device. A
  "request to join" would need a round trip through the folder or server, which
  the design trusts with nothing, and an admin who is often offline.
- One file, one code, no network: it works at a desk with no connection.
- It grants the admin nothing new. An admin already holds the team key (which
  reads every record) and can add devices at will, so briefly holding the new
  device's private keys does not widen what an admin can do. They are held only
  in memory while the file is written: the file is the only place they are kept.

What protects the file is the code: 12 characters of Crockford base32, 60 bits
from ``secrets``, stretched with the workspace's own Argon2id costs
(``KdfParams.fresh()``), so guessing it offline from a copied file would take
on the order of 2^59 Argon2id runs. The expiry time, inside the sealed part so
it cannot be extended by editing the file, narrows the window further. Fields
that are not secret (format, team id, Argon2id salt and costs) are bound in as
associated data, so editing them makes the file fail to open.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from roth_desktop.errors import DeviceKeysError, EnrolmentError, RosterRejected
from roth_desktop.keyfile import KdfParams, b64, canonical_json, unb64
from roth_desktop.sync.device_keys import DeviceKeys
from roth_desktop.sync.roster import Roster, is_valid_id, verify_next

FORMAT = "roth-desktop-enrolment"
FORMAT_VERSION = 1
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
CODE_CHARS = 12
CODE_GROUP = 4
TEAM_KEY_BYTES = 32

# Crockford's reading rules: letters easily taken for digits are read as them.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED = str.maketrans("", "", "- \t")

_DAMAGED = (
    "This is not a ROTH Desktop enrolment file, or it has been damaged; "
    "ask the team's administrator for a new invitation."
)
_WRONG_CODE = (
    "That code does not open this enrolment file; check the code, or ask for a new "
    "invitation if the file may have been changed."
)
_BAD_CODE = (
    "That code is not in the right form: it is 12 letters and digits, "
    "shown as three groups of four such as 7K2M-Q9TX-4HBD."
)


def new_code() -> str:
    """A fresh one-time code, such as ``7K2M-Q9TX-4HBD`` (60 random bits)."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_CHARS))
    return "-".join(chars[i : i + CODE_GROUP] for i in range(0, CODE_CHARS, CODE_GROUP))


def normalise_code(code: str) -> str:
    """The code as it was made, whatever case, dashes or spaces it was typed with."""
    text = code.translate(_IGNORED).upper().translate(_READ_AS)
    if len(text) != CODE_CHARS or any(char not in CODE_ALPHABET for char in text):
        raise EnrolmentError(_BAD_CODE)
    return text


def _utc(moment: datetime) -> datetime:
    # Naive times in this app are UTC (models.base.utcnow).
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    device_name: str
    device_keys: DeviceKeys
    team_keys: dict[int, bytes]
    roster: Roster
    target: str | None
    expires_at: datetime  # aware, UTC


def _public_part(team_id: str, kdf: KdfParams) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "team_id": team_id,
        "kdf": kdf.as_json(),
    }


def write_enrolment(
    *,
    code: str,
    roster: Roster,
    device_id: str,
    device_name: str,
    device_keys: DeviceKeys,
    team_keys: dict[int, bytes],
    target: str | None,
    expires_at: datetime,
) -> bytes:
    """The enrolment file for a device the roster already lists, sealed under ``code``."""
    member = roster.member(device_id)
    if member is None or member.removed:
        raise ValueError("the roster must list the new device as active")
    if (member.sign_public, member.box_public) != (device_keys.sign_public, device_keys.box_public):
        raise ValueError("the roster lists other keys for this device")
    if roster.key_epoch not in team_keys:
        raise ValueError("the team key of the roster's epoch is needed")
    if any(len(key) != TEAM_KEY_BYTES for key in team_keys.values()):
        raise ValueError("a team key is 32 bytes")
    kdf = KdfParams.fresh()
    public = _public_part(roster.team_id, kdf)
    secret = {
        "device_id": device_id,
        "device_name": device_name,
        "device_keys": b64(device_keys.to_bytes()),
        "team_keys": {str(epoch): b64(key) for epoch, key in team_keys.items()},
        "roster": roster.to_bytes().decode("utf-8"),
        "target": target,
        "expires_at": _utc(expires_at).isoformat(),
    }
    nonce = os.urandom(12)
    key = kdf.derive(normalise_code(code))
    ciphertext = AESGCM(key).encrypt(nonce, canonical_json(secret), canonical_json(public))
    body = {**public, "nonce": b64(nonce), "ciphertext": b64(ciphertext)}
    # Like the key file's checksum: it tells accidental damage apart from a wrong
    # code. It protects nothing by itself; AES-GCM does.
    document = {**body, "sha256": hashlib.sha256(canonical_json(body)).hexdigest()}
    return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def _read_outer(data: bytes) -> tuple[dict[str, Any], KdfParams, bytes, bytes]:
    try:
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise EnrolmentError(_DAMAGED)
        if document.get("version") != FORMAT_VERSION:
            raise EnrolmentError(
                "This enrolment file was written by a newer version of ROTH Desktop; "
                "update this app and try again."
            )
        body = {key: value for key, value in document.items() if key != "sha256"}
        fields = {"format", "version", "team_id", "kdf", "nonce", "ciphertext"}
        if set(body) != fields or not is_valid_id(body["team_id"]):
            raise EnrolmentError(_DAMAGED)
        if document.get("sha256") != hashlib.sha256(canonical_json(body)).hexdigest():
            raise EnrolmentError(_DAMAGED)
        kdf = KdfParams.from_json(body["kdf"])
        nonce, ciphertext = unb64(body["nonce"]), unb64(body["ciphertext"])
        if len(nonce) != 12:
            raise EnrolmentError(_DAMAGED)
        public = _public_part(body["team_id"], kdf)
        # Re-serialised from what was read, so the associated data is exactly what
        # was sealed only if every public field is exactly as written.
        if public["kdf"] != body["kdf"]:
            raise EnrolmentError(_DAMAGED)
        return public, kdf, nonce, ciphertext
    except EnrolmentError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError):
        raise EnrolmentError(_DAMAGED) from None


def _read_secret(plaintext: bytes, team_id: str) -> Enrolment:
    try:
        secret = json.loads(plaintext.decode("utf-8"))
        device_id, device_name = secret["device_id"], secret["device_name"]
        target = secret["target"]
        if not isinstance(device_name, str) or not (target is None or isinstance(target, str)):
            raise ValueError("wrong types")
        keys = DeviceKeys.from_bytes(unb64(secret["device_keys"]))
        team_keys = {int(epoch): unb64(key) for epoch, key in secret["team_keys"].items()}
        roster = Roster.from_bytes(secret["roster"].encode("utf-8"))
        # The roster came sealed under the code with everything else, so it is
        # taken as this device's first trusted roster; it must still be whole.
        verify_next(None, roster)
        expires_at = _utc(datetime.fromisoformat(secret["expires_at"]))
    except (ValueError, KeyError, TypeError, AttributeError, DeviceKeysError, RosterRejected):
        raise EnrolmentError(_DAMAGED) from None
    member = roster.member(device_id) if isinstance(device_id, str) else None
    if (
        roster.team_id != team_id
        or member is None
        or member.removed
        or (member.sign_public, member.box_public) != (keys.sign_public, keys.box_public)
        or roster.key_epoch not in team_keys
        or any(len(key) != TEAM_KEY_BYTES for key in team_keys.values())
    ):
        raise EnrolmentError(_DAMAGED)
    return Enrolment(device_id, device_name, keys, team_keys, roster, target, expires_at)


def read_enrolment(data: bytes, code: str, now: datetime | None = None) -> Enrolment:
    """Open an enrolment file with its one-time code (any case, with or without dashes)."""
    public, kdf, nonce, ciphertext = _read_outer(data)
    key = kdf.derive(normalise_code(code))
    try:
        plaintext = AESGCM(key).decrypt(nonce, ciphertext, canonical_json(public))
    except InvalidTag:
        raise EnrolmentError(_WRONG_CODE) from None
    enrolment = _read_secret(plaintext, public["team_id"])
    moment = _utc(now) if now is not None else datetime.now(UTC)
    if moment >= enrolment.expires_at:
        raise EnrolmentError(
            f"This enrolment file expired on {enrolment.expires_at:%d %B %Y at %H:%M} UTC; "
            "ask the team's administrator for a new invitation."
        )
    return enrolment
