"""Per-device credentials for the sync server: every request is signed.

A device already holds an Ed25519 key that the team's roster vouches for, so
the server needs no passwords or tokens of its own: each HTTP request carries

    Authorization: ROTH-Ed25519 team=<id>,device=<id>,ts=<unix>,nonce=<random>,sig=<b64>

where ``sig`` signs ``"{method}\\n{path_with_query}\\n{ts}\\n{nonce}\\n{sha256(body)}"``.
The server accepts it only from an active member of the latest roster it holds,
within five minutes of its own clock, and only once (the nonce), so a captured
request cannot be replayed and a removed device is refused at its next request.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
import threading
import time
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from roth_desktop.errors import RothError
from roth_desktop.sync.roster import Roster, is_valid_id

SCHEME = "ROTH-Ed25519"
# The refusal a client may act on: no roster the server holds lists this device
# (the team has none there yet, or the device was enrolled since).
UNKNOWN_DEVICE = "unknown_device"
# How far a request's clock may be from the server's. Laptops drift; five
# minutes tolerates that and still bounds how long a nonce must be remembered.
MAX_SKEW_SECONDS = 300
# Ids (roster.is_valid_id) and nonces are held to characters that cannot break
# the header's "key=value," framing or a URL path segment.
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")


class AuthError(RothError):
    """A request's credentials were refused.

    ``status`` is the HTTP status the server answers with: 401 when the request
    is not proven to come from a known device, 403 when it does but that device
    is not an active member of the team.
    """

    def __init__(self, message: str, status: int = 401, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass(frozen=True)
class Credentials:
    team_id: str
    device_id: str
    ts: int
    nonce: str
    signature: bytes


def signed_message(method: str, path_with_query: str, ts: int, nonce: str, body: bytes) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"{method.upper()}\n{path_with_query}\n{ts}\n{nonce}\n{digest}".encode()


def sign_request(
    method: str,
    path_with_query: str,
    body: bytes,
    *,
    team_id: str,
    device_id: str,
    signing_key: Ed25519PrivateKey,
    ts: int | None = None,
    nonce: str | None = None,
) -> str:
    """The ``Authorization`` header value for one request."""
    if not is_valid_id(team_id) or not is_valid_id(device_id):
        raise AuthError("The team or device id cannot be used in a request.")
    when = int(time.time()) if ts is None else ts
    once = secrets.token_urlsafe(18) if nonce is None else nonce
    signature = signing_key.sign(signed_message(method, path_with_query, when, once, body))
    sig = base64.b64encode(signature).decode("ascii")
    return f"{SCHEME} team={team_id},device={device_id},ts={when},nonce={once},sig={sig}"


def parse_authorization(header: str | None) -> Credentials:
    if not header:
        raise AuthError("The request is not signed.")
    scheme, _, params = header.strip().partition(" ")
    if scheme != SCHEME:
        raise AuthError(f"The request is not signed with {SCHEME}.")
    fields: dict[str, str] = {}
    for part in params.split(","):
        # partition on the first '=' only: base64 signatures end in '='.
        key, sep, value = part.strip().partition("=")
        if not sep or key in fields:
            raise AuthError("The request's signature header is malformed.")
        fields[key] = value
    if set(fields) != {"team", "device", "ts", "nonce", "sig"}:
        raise AuthError("The request's signature header is malformed.")
    if not (is_valid_id(fields["team"]) and is_valid_id(fields["device"])):
        raise AuthError("The request's signature header is malformed.")
    if _NONCE.fullmatch(fields["nonce"]) is None or not fields["ts"].isdigit():
        raise AuthError("The request's signature header is malformed.")
    try:
        signature = base64.b64decode(fields["sig"], validate=True)
    except (binascii.Error, ValueError):
        raise AuthError("The request's signature header is malformed.") from None
    if len(signature) != 64:
        raise AuthError("The request's signature header is malformed.")
    return Credentials(
        team_id=fields["team"],
        device_id=fields["device"],
        ts=int(fields["ts"]),
        nonce=fields["nonce"],
        signature=signature,
    )


class NonceCache:
    """Nonces seen within the clock window, per device; thread-safe.

    In memory on purpose: a nonce only has to be remembered while its
    timestamp is still acceptable, and a restarted server refuses nothing that
    the window would not (a replay would need to arrive within five minutes of
    the original *and* across the restart, which is the accepted gap).
    """

    def __init__(self, window: int = MAX_SKEW_SECONDS) -> None:
        self._window = window
        self._seen: dict[tuple[str, str, str], int] = {}
        self._lock = threading.Lock()
        self._next_prune = 0.0

    def first_use(self, team_id: str, device_id: str, nonce: str, ts: int, now: float) -> bool:
        """Record the nonce; False if it was already used."""
        key = (team_id, device_id, nonce)
        with self._lock:
            if now >= self._next_prune:
                # A nonce outlives its request by the window either side of now.
                oldest = now - 2 * self._window
                self._seen = {k: t for k, t in self._seen.items() if t >= oldest}
                self._next_prune = now + 30
            if key in self._seen:
                return False
            self._seen[key] = ts
            return True


def verify_request(
    method: str,
    path_with_query: str,
    body: bytes,
    header: str | None,
    *,
    team_id: str,
    roster: Roster | None,
    nonces: NonceCache,
    now: float | None = None,
) -> str:
    """The id of the device that signed this request, or AuthError.

    ``roster`` is the latest roster the server holds for ``team_id``.
    """
    creds = parse_authorization(header)
    if creds.team_id != team_id:
        raise AuthError("The request is signed for another team.")
    clock = time.time() if now is None else now
    if abs(clock - creds.ts) > MAX_SKEW_SECONDS:
        raise AuthError(
            "The request's time is more than five minutes from the server's; "
            "check this computer's clock."
        )
    member = roster.member(creds.device_id) if roster is not None else None
    if member is None:
        raise AuthError(
            "This device is not known to the sync server for this team.", code=UNKNOWN_DEVICE
        )
    try:
        Ed25519PublicKey.from_public_bytes(member.sign_public).verify(
            creds.signature, signed_message(method, path_with_query, creds.ts, creds.nonce, body)
        )
    except (InvalidSignature, ValueError):
        raise AuthError("The request's signature does not match this device's key.") from None
    # Only a request proven to come from the device learns that it was removed.
    assert roster is not None
    if not roster.active(creds.device_id):
        raise AuthError("This device has been removed from the team.", status=403)
    if not nonces.first_use(creds.team_id, creds.device_id, creds.nonce, creds.ts, clock):
        raise AuthError("The request was already received once (replayed).")
    return creds.device_id
