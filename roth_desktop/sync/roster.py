"""The team roster: which devices belong to the team, their public keys, and who admits them.

Each roster is signed by an administrator listed as active in the roster before
it, and versions follow one another without gaps, so a shared folder or server
can withhold a roster but never forge or reorder one. A device accepts the first
roster it sees only from a trusted hand (its enrolment file, or the admin device
that made the team), then checks each next one with :func:`verify_next`.

Rules a new roster must keep (checked by :func:`verify_next`):

- devices are only ever added or marked removed, never dropped from the list,
  and a removed device never comes back (it must be enrolled afresh, with a new
  id and new keys);
- a device's keys never change (its old envelopes were checked against them);
- removing a device starts a new key epoch, with the new team key sealed to
  every remaining device, so nothing sealed afterwards is readable by it;
- the key epoch never goes down, never skips, and one epoch has one key.

The team key of an epoch is sealed to each member's X25519 key as keyfile.py
seals the database key to a recovery key: an ephemeral X25519 exchange, HKDF-SHA256
and AES-256-GCM, with the team, epoch, device and recipient key bound in as
associated data so a sealed key cannot be moved to another device or epoch.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from roth_desktop.errors import RosterRejected
from roth_desktop.keyfile import b64, canonical_json, unb64
from roth_desktop.sync.device_keys import DeviceKeys

__all__ = [
    "FORMAT",
    "Member",
    "Roster",
    "RosterRejected",
    "add_member",
    "is_valid_id",
    "new_team",
    "remove_member",
    "unwrap_team_key",
    "verify_next",
]

FORMAT = "roth-desktop-roster"
FORMAT_VERSION = 1
TEAM_KEY_BYTES = 32
MAX_NAME_CHARS = 80

_WRAP_INFO = b"roth-desktop team key wrap v1"
# ephemeral X25519 public key | GCM nonce | sealed 32-byte key with its 16-byte tag
_WRAPPED_BYTES = 32 + 12 + TEAM_KEY_BYTES + 16

# Team, device and envelope ids name folders on a shared drive and on the server,
# so they are held to letters, digits and dashes (a UUID fits): no dots or
# slashes that could climb out of a folder.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,35}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def _valid_name(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value.strip()) == len(value) <= MAX_NAME_CHARS
        and _CONTROL.search(value) is None
    )


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class Member:
    device_id: str
    name: str
    sign_public: bytes  # raw Ed25519 public key, 32 bytes
    box_public: bytes  # raw X25519 public key, 32 bytes
    admin: bool = False
    removed: bool = False

    @classmethod
    def for_keys(cls, device_id: str, name: str, keys: DeviceKeys, admin: bool = False) -> Member:
        return cls(device_id, name, keys.sign_public, keys.box_public, admin=admin)

    def as_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "name": self.name,
            "sign_public": b64(self.sign_public),
            "box_public": b64(self.box_public),
            "admin": self.admin,
            "removed": self.removed,
        }

    @classmethod
    def from_json(cls, data: object) -> Member:
        if not isinstance(data, dict) or set(data) != {
            "device_id",
            "name",
            "sign_public",
            "box_public",
            "admin",
            "removed",
        }:
            raise ValueError("member has the wrong fields")
        admin, removed = data["admin"], data["removed"]
        if not isinstance(admin, bool) or not isinstance(removed, bool):
            raise ValueError("member flags must be true or false")
        return cls(
            device_id=data["device_id"],
            name=data["name"],
            sign_public=unb64(data["sign_public"]),
            box_public=unb64(data["box_public"]),
            admin=admin,
            removed=removed,
        )


@dataclass(frozen=True)
class Roster:
    team_id: str
    team_name: str
    version: int
    key_epoch: int
    members: tuple[Member, ...]
    # device id -> this epoch's team key sealed to that device's X25519 key (base64)
    wrapped_keys: dict[str, str] = field(default_factory=dict)
    signed_by: str = ""
    signature: bytes = b""

    def member(self, device_id: str) -> Member | None:
        for member in self.members:
            if member.device_id == device_id:
                return member
        return None

    def active(self, device_id: str) -> bool:
        member = self.member(device_id)
        return member is not None and not member.removed

    def active_members(self) -> tuple[Member, ...]:
        return tuple(member for member in self.members if not member.removed)

    def is_admin(self, device_id: str) -> bool:
        member = self.member(device_id)
        return member is not None and member.admin and not member.removed

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "team_id": self.team_id,
            "team_name": self.team_name,
            "version": self.version,
            "key_epoch": self.key_epoch,
            "members": [member.as_json() for member in self.members],
            "wrapped_keys": dict(self.wrapped_keys),
            "signed_by": self.signed_by,
        }

    def signed_bytes(self) -> bytes:
        """What the signature covers: canonical JSON of every field but the signature."""
        return canonical_json(self.body())

    def to_bytes(self) -> bytes:
        document = {**self.body(), "signature": b64(self.signature)}
        return json.dumps(document, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> Roster:
        """Read a roster's JSON and check its shape; :func:`verify_next` checks its trust."""
        try:
            document = json.loads(data.decode("utf-8"))
            if not isinstance(document, dict):
                raise ValueError("not an object")
            fields = {
                "format",
                "format_version",
                "team_id",
                "team_name",
                "version",
                "key_epoch",
                "members",
                "wrapped_keys",
                "signed_by",
                "signature",
            }
            if document.get("format") != FORMAT or set(document) != fields:
                raise ValueError("not a roster")
            if document["format_version"] != FORMAT_VERSION:
                raise RosterRejected(
                    "The team roster was written by a newer version of ROTH Desktop; "
                    "update this app to keep syncing."
                )
            members = document["members"]
            wrapped = document["wrapped_keys"]
            if not isinstance(members, list) or not isinstance(wrapped, dict):
                raise ValueError("members or wrapped keys have the wrong type")
            roster = cls(
                team_id=document["team_id"],
                team_name=document["team_name"],
                version=document["version"],
                key_epoch=document["key_epoch"],
                members=tuple(Member.from_json(item) for item in members),
                wrapped_keys=wrapped,
                signed_by=document["signed_by"],
                signature=unb64(document["signature"]),
            )
        except RosterRejected:
            raise
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            raise RosterRejected(
                "The team roster is damaged or is not a ROTH Desktop roster."
            ) from None
        _check_shape(roster)
        return roster


def _refused(roster: Roster, why: str) -> RosterRejected:
    version = roster.version if _is_count(roster.version) else "?"
    return RosterRejected(f"Roster version {version} was refused: {why}.")


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _check_shape(roster: Roster) -> None:
    """Everything that can be checked about a roster without the one before it."""
    if not is_valid_id(roster.team_id) or not _valid_name(roster.team_name):
        raise _refused(roster, "its team id or name is not valid")
    if not _is_count(roster.version) or not _is_count(roster.key_epoch):
        raise _refused(roster, "its version or key epoch is not a positive whole number")
    seen: set[str] = set()
    for member in roster.members:
        if not is_valid_id(member.device_id) or member.device_id in seen:
            raise _refused(roster, "it lists a device id that is not valid or is repeated")
        seen.add(member.device_id)
        if not _valid_name(member.name):
            raise _refused(roster, f"device {member.device_id[:8]} has no valid name")
        if len(member.sign_public) != 32 or len(member.box_public) != 32:
            raise _refused(roster, f"device {member.device_id[:8]} has keys of the wrong length")
    if not any(member.admin and not member.removed for member in roster.members):
        raise _refused(roster, "it leaves the team without an active administrator")
    if roster.member(roster.signed_by) is None:
        raise _refused(roster, "it is signed by a device it does not list")
    if len(roster.signature) != 64:
        raise _refused(roster, "its signature has the wrong length")
    for device_id, sealed in roster.wrapped_keys.items():
        if not roster.active(device_id):
            raise _refused(roster, "it seals the team key to a device that is not active")
        try:
            size = len(unb64(sealed))
        except ValueError:
            size = -1
        if size != _WRAPPED_BYTES:
            raise _refused(roster, "a sealed team key in it is damaged")


def _signature_holds(roster: Roster, public_key: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            roster.signature, roster.signed_bytes()
        )
    except (InvalidSignature, ValueError):
        return False
    return True


# -- sealing a team key to a device ---------------------------------------------------
def _wrap_aad(team_id: str, key_epoch: int, device_id: str, recipient: bytes) -> bytes:
    binding = {"purpose": "team key", "team_id": team_id, "key_epoch": key_epoch}
    return canonical_json({**binding, "device_id": device_id}) + recipient


def _wrap_cipher_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    hkdf = HKDF(hashes.SHA256(), length=32, salt=None, info=_WRAP_INFO + ephemeral + recipient)
    return hkdf.derive(shared)


def _wrap(team_key: bytes, team_id: str, key_epoch: int, member: Member) -> str:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(member.box_public))
    cipher_key = _wrap_cipher_key(shared, ephemeral_public, member.box_public)
    nonce = os.urandom(12)
    aad = _wrap_aad(team_id, key_epoch, member.device_id, member.box_public)
    sealed = AESGCM(cipher_key).encrypt(nonce, team_key, aad)
    return b64(ephemeral_public + nonce + sealed)


def unwrap_team_key(roster: Roster, device_id: str, box_private: X25519PrivateKey) -> bytes:
    """This device's copy of the roster's team key (the key of ``roster.key_epoch``)."""
    cannot = RosterRejected(
        f"This device cannot read team key epoch {roster.key_epoch} from roster version "
        f"{roster.version}: no copy of it is sealed to this device's keys."
    )
    member = roster.member(device_id)
    sealed = roster.wrapped_keys.get(device_id)
    own_public = _raw_public(box_private.public_key())
    if member is None or member.removed or sealed is None or own_public != member.box_public:
        raise cannot
    try:
        raw = unb64(sealed)
        ephemeral_public, nonce, ciphertext = raw[:32], raw[32:44], raw[44:]
        shared = box_private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        cipher_key = _wrap_cipher_key(shared, ephemeral_public, own_public)
        aad = _wrap_aad(roster.team_id, roster.key_epoch, device_id, own_public)
        return AESGCM(cipher_key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError):
        raise cannot from None


# -- making rosters -------------------------------------------------------------------
def _signed(roster: Roster, admin: DeviceKeys, admin_device_id: str) -> Roster:
    unsigned = replace(roster, signed_by=admin_device_id, signature=b"")
    signed = replace(unsigned, signature=admin.signing.sign(unsigned.signed_bytes()))
    _check_shape(signed)
    return signed


def _require_admin(roster: Roster, admin: DeviceKeys, admin_device_id: str) -> None:
    member = roster.member(admin_device_id)
    if member is None or not member.admin or member.removed:
        raise RosterRejected("Only an active administrator of the team can change its roster.")
    if member.sign_public != admin.sign_public:
        raise RosterRejected(
            "These keys are not the administrator's keys listed in the team roster."
        )


def _wrap_all(
    team_key: bytes, team_id: str, key_epoch: int, members: Iterable[Member]
) -> dict[str, str]:
    return {
        member.device_id: _wrap(team_key, team_id, key_epoch, member)
        for member in members
        if not member.removed
    }


def new_team(
    team_name: str, admin_device_id: str, admin_name: str, admin_keys: DeviceKeys
) -> tuple[Roster, bytes]:
    """Roster version 1 with this device as its only administrator, and the epoch 1 key."""
    team_id = str(uuid.uuid4())
    team_key = os.urandom(TEAM_KEY_BYTES)
    admin = Member.for_keys(admin_device_id, admin_name, admin_keys, admin=True)
    roster = Roster(
        team_id=team_id,
        team_name=team_name,
        version=1,
        key_epoch=1,
        members=(admin,),
        wrapped_keys=_wrap_all(team_key, team_id, 1, [admin]),
    )
    return _signed(roster, admin_keys, admin_device_id), team_key


def add_member(roster: Roster, member: Member, admin: DeviceKeys, admin_device_id: str) -> Roster:
    """The next roster, listing one more device; the key epoch stays the same.

    The new device gets the team keys in its enrolment file, so nothing is sealed
    to it here.
    """
    _require_admin(roster, admin, admin_device_id)
    if roster.member(member.device_id) is not None:
        raise RosterRejected(
            "That device id is already in the team roster; a new device needs a new id."
        )
    if member.removed:
        raise RosterRejected("A device cannot join the team already marked as removed.")
    following = replace(roster, version=roster.version + 1, members=(*roster.members, member))
    return _signed(following, admin, admin_device_id)


def remove_member(
    roster: Roster, device_id: str, admin: DeviceKeys, admin_device_id: str
) -> tuple[Roster, bytes]:
    """The next roster, with the device marked removed and a new team key for the rest.

    Returns the roster and the new key (of epoch ``roster.key_epoch + 1``).
    """
    _require_admin(roster, admin, admin_device_id)
    leaving = roster.member(device_id)
    if leaving is None or leaving.removed:
        raise RosterRejected("That device is not an active member of the team.")
    members = tuple(replace(m, removed=True) if m is leaving else m for m in roster.members)
    if not any(m.admin and not m.removed for m in members):
        raise RosterRejected(
            "The team's last administrator cannot be removed; make another device "
            "an administrator first."
        )
    team_key = os.urandom(TEAM_KEY_BYTES)
    epoch = roster.key_epoch + 1
    following = replace(
        roster,
        version=roster.version + 1,
        key_epoch=epoch,
        members=members,
        wrapped_keys=_wrap_all(team_key, roster.team_id, epoch, members),
    )
    return _signed(following, admin, admin_device_id), team_key


# -- accepting rosters ----------------------------------------------------------------
def verify_next(current: Roster | None, new: Roster, trusted_first: Roster | None = None) -> None:
    """Accept ``new`` as the roster after ``current``, or raise RosterRejected.

    With no current roster, ``new`` is taken on first use: it must be well formed
    and signed by an active administrator it lists. If ``trusted_first`` is given
    (a roster from a trusted hand, such as the enrolment file), ``new`` must be
    that very roster instead.
    """
    _check_shape(new)
    if current is None:
        if trusted_first is not None and (
            new.signed_bytes() != trusted_first.signed_bytes()
            or new.signature != trusted_first.signature
        ):
            raise _refused(new, "it is not the roster this device was enrolled with")
        signer = new.member(new.signed_by)
        if signer is None or not new.is_admin(signer.device_id):
            raise _refused(new, "it is not signed by an administrator it lists")
        if not _signature_holds(new, signer.sign_public):
            raise _refused(new, "its signature does not match, so it was changed after signing")
        return

    if new.team_id != current.team_id:
        raise _refused(new, "it belongs to another team")
    if new.version != current.version + 1:
        raise _refused(new, f"it does not follow version {current.version}, the last one accepted")
    signer = current.member(new.signed_by)
    if signer is None or not current.is_admin(signer.device_id):
        raise _refused(
            new, f"it is not signed by an active administrator of version {current.version}"
        )
    # The signer's key comes from the roster already trusted, not from the new one,
    # so a roster cannot vouch for itself with a key it just put in.
    if not _signature_holds(new, signer.sign_public):
        raise _refused(new, "its signature does not match, so it was changed after signing")
    _check_succession(current, new)


def _check_succession(current: Roster, new: Roster) -> None:
    newly_removed = False
    for before in current.members:
        after = new.member(before.device_id)
        if after is None:
            raise _refused(new, f"it drops device {before.name} from the team's history")
        if (after.sign_public, after.box_public) != (before.sign_public, before.box_public):
            raise _refused(new, f"it changes the keys of device {before.name}")
        if before.removed and not after.removed:
            raise _refused(new, f"it brings back device {before.name}, which was removed")
        newly_removed = newly_removed or (after.removed and not before.removed)
    for member in new.members:
        if current.member(member.device_id) is None and member.removed:
            raise _refused(new, "it adds a device already marked as removed")

    if new.key_epoch < current.key_epoch:
        raise _refused(new, "it lowers the team key epoch")
    if new.key_epoch > current.key_epoch + 1:
        raise _refused(new, "it skips a team key epoch")
    if new.key_epoch == current.key_epoch:
        if newly_removed:
            raise _refused(new, "it removes a device without making a new team key")
        # One epoch, one key: the sealed copies stay exactly as first published.
        if new.wrapped_keys != current.wrapped_keys:
            raise _refused(new, "it changes the team key without starting a new epoch")
    else:
        active = {member.device_id for member in new.active_members()}
        if set(new.wrapped_keys) != active:
            raise _refused(new, "its new team key is not sealed to every active device")
