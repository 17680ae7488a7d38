"""The sync server as a target: the same five operations as the folder target.

Every request is signed with this device's Ed25519 key (``request_auth``);
there is no password or token to leak. Addresses must be ``https://``, with
the certificate always verified: against the system's trusted authorities, or
against a council's own CA given as ``ca_file`` or in ROTH_DESKTOP_SYNC_CA.
Plain ``http://`` is accepted only to this machine's loopback address, for
tests and for a trial server on the same computer.

Envelopes go up as raw bytes (application/octet-stream) and come down base64
in JSON pages; ``pull`` follows the pages to the end and returns one cursor.
Every failure is a SyncServerError (a SyncTargetError, as the folder target
raises) with one sentence fit to show a person.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import ipaddress
import json
import os
import socket
import ssl
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from roth_desktop.sync.device_keys import DeviceKeys
from roth_desktop.sync.folder_target import SyncTargetError
from roth_desktop.sync.request_auth import UNKNOWN_DEVICE, sign_request
from roth_desktop.sync.roster import is_valid_id

CA_ENV = "ROTH_DESKTOP_SYNC_CA"
PAGE_LIMIT = 1000
# The server's code for a roster older than the first one it holds.
ROSTER_BEFORE_FIRST = "roster_before_first"
# Large enough for a page of envelopes (the server caps pages near 8 MB of
# blobs, which base64 makes about 11 MB); anything bigger is not our server.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024


class SyncServerError(SyncTargetError):
    """The sync server cannot be used: unreachable, refused, or answered wrongly.

    ``status`` is the server's HTTP status when it answered at all, and
    ``code`` the server's machine-readable reason when it gave one.
    """

    def __init__(self, message: str, status: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def is_loopback(host: str) -> bool:
    """This computer only: the one place plain http is allowed, for tests and trials."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class HttpTarget:
    def __init__(
        self,
        url: str,
        *,
        team_id: str,
        device_id: str,
        device_keys: DeviceKeys,
        ca_file: Path | None = None,
        timeout: float = 30,
    ) -> None:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        if parts.scheme not in ("https", "http") or not host:
            raise SyncServerError(
                f"Sync server addresses must use https://, as in https://sync.example.org; "
                f"{url!r} is not one."
            )
        if parts.scheme == "http" and not is_loopback(host):
            raise SyncServerError(
                "Sync server addresses must use https:// (plain http:// is only for "
                "a server on this computer)."
            )
        if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
            # Requests are signed over their path: a prefix a proxy rewrites
            # would break every signature, so the address is host and port only.
            raise SyncServerError(
                "A sync server address is https://HOST or https://HOST:PORT, with no path."
            )
        try:
            port = parts.port
        except ValueError:
            raise SyncServerError("The sync server address has an invalid port.") from None
        if not is_valid_id(team_id) or not is_valid_id(device_id):
            raise SyncServerError("This device's team or device id is not valid.")
        self._https = parts.scheme == "https"
        self._host = host
        self._port = port or (443 if self._https else 80)
        self._team = team_id
        self._device = device_id
        self._keys = device_keys
        self._timeout = timeout
        self._context = self._tls_context(ca_file) if self._https else None
        self._local = threading.local()
        self._held_rosters: dict[int, bytes] = {}
        shown = f"{host}:{port}" if port else host
        self.description = f"sync server {parts.scheme}://{shown}"
        self._where = shown

    @staticmethod
    def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
        chosen = ca_file
        if chosen is None and os.environ.get(CA_ENV):
            chosen = Path(os.environ[CA_ENV])
        try:
            # With a CA file, trust that CA only (a council's internal one);
            # otherwise the system's authorities. Hostnames are always checked.
            context = ssl.create_default_context(cafile=str(chosen) if chosen else None)
        except (OSError, ssl.SSLError):
            raise SyncServerError(
                f"The certificate authority file {chosen} cannot be read as PEM."
            ) from None
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context

    # -- the target's operations ---------------------------------------------------------

    def publish_roster(self, roster_bytes: bytes, version: int) -> None:
        """Store one roster version on the server; publishing it again is harmless.

        A server first reached by a device enrolled later starts its chain at
        that device's roster, and takes older versions only newest first, each
        followed by the one it holds. So a version older than the server's
        first is held here, and sent as soon as the versions after it are in:
        publishing a team's rosters oldest first, as for a folder, still works.
        """
        try:
            self._publish_roster(roster_bytes, version)
        except SyncServerError as exc:
            if exc.code != ROSTER_BEFORE_FIRST:
                raise
            self._held_rosters[version] = roster_bytes
            return
        for older in sorted(self._held_rosters, reverse=True):
            try:
                self._publish_roster(self._held_rosters[older], older)
            except SyncServerError as exc:
                if exc.code != ROSTER_BEFORE_FIRST:
                    raise
                break
            del self._held_rosters[older]

    def _publish_roster(self, roster_bytes: bytes, version: int) -> None:
        answer = self._request("POST", self._path("rosters"), roster_bytes)
        if answer.get("version") != version:
            raise SyncServerError(
                f"The sync server stored roster version {answer.get('version')}, not {version}."
            )

    def rosters(self) -> list[bytes]:
        try:
            answer = self._request("GET", self._path("rosters"))
        except SyncServerError as exc:
            if exc.code != UNKNOWN_DEVICE:
                raise
            # No roster on the server lists this device yet: the team is new
            # there, or this device was enrolled since. Either way there is
            # nothing newer for it to take, and publishing its own rosters
            # next makes it known.
            return []
        listed = answer.get("rosters")
        if not isinstance(listed, list):
            raise self._garbled()
        return [self._unb64(item) for item in listed]

    def push(self, device_id: str, seq: int, envelope_id: str, blob: bytes) -> None:
        if device_id != self._device:
            # The server would refuse it too; saying so here names the real mistake.
            raise SyncServerError("A device can only send its own envelopes to the sync server.")
        self._request("POST", self._path("envelopes"), blob)

    def pull(self, cursor: str | None) -> tuple[list[bytes], str]:
        if cursor is not None and not cursor.isdigit():
            raise SyncServerError("The saved position on the sync server is not valid.")
        after = int(cursor) if cursor else 0
        blobs: list[bytes] = []
        while True:
            query = urlencode({"after": after, "limit": PAGE_LIMIT})
            answer = self._request("GET", f"{self._path('envelopes')}?{query}")
            page = answer.get("envelopes")
            following = answer.get("next")
            if not isinstance(page, list) or not isinstance(following, int):
                raise self._garbled()
            for item in page:
                if not isinstance(item, dict) or not isinstance(item.get("server_seq"), int):
                    raise self._garbled()
                blobs.append(self._unb64(item.get("blob")))
            if following < after or (page and following != page[-1]["server_seq"]):
                raise self._garbled()
            after = following
            if not page or not answer.get("more"):
                return blobs, str(after)

    # -- HTTP -------------------------------------------------------------------------

    def _path(self, what: str) -> str:
        return f"/v1/teams/{self._team}/{what}"

    def _connection(self) -> http.client.HTTPConnection:
        # One keep-alive connection per thread: http.client is not thread-safe.
        conn: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._context is not None:
                conn = http.client.HTTPSConnection(
                    self._host, self._port, timeout=self._timeout, context=self._context
                )
            else:
                conn = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
            self._local.conn = conn
        return conn

    def _drop_connection(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        self._drop_connection()

    def _request(self, method: str, path: str, body: bytes = b"") -> dict[str, Any]:
        # Every operation is idempotent (envelopes by id, rosters by version), so
        # a request on a keep-alive connection the server has since closed is
        # simply sent again once on a fresh one.
        for attempt in (1, 2):
            try:
                return self._exchange(method, path, body)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self._drop_connection()
                if attempt == 2:
                    raise SyncServerError(
                        f"The sync server at {self._where} closed the connection; try again later."
                    ) from None
            except ssl.SSLCertVerificationError as exc:
                self._drop_connection()
                raise SyncServerError(
                    f"The sync server at {self._where} is not trusted: {exc.verify_message}. "
                    f"If your organisation uses its own certificate authority, set {CA_ENV} "
                    "to its PEM file."
                ) from None
            except ssl.SSLError as exc:
                self._drop_connection()
                raise SyncServerError(
                    f"A secure connection to the sync server at {self._where} failed "
                    f"({exc.reason or type(exc).__name__})."
                ) from None
            except TimeoutError:
                self._drop_connection()
                raise SyncServerError(
                    f"The sync server at {self._where} did not answer in time."
                ) from None
            except (OSError, http.client.HTTPException) as exc:
                self._drop_connection()
                raise SyncServerError(
                    f"The sync server at {self._where} cannot be reached "
                    f"({_os_reason(exc)}); check the network and try again."
                ) from None
        raise AssertionError("unreachable")

    def _exchange(self, method: str, path: str, body: bytes) -> dict[str, Any]:
        authorization = sign_request(
            method,
            path,
            body,
            team_id=self._team,
            device_id=self._device,
            signing_key=self._keys.signing,
        )
        headers = {"Authorization": authorization, "Accept": "application/json"}
        if method == "POST":
            headers["Content-Type"] = "application/octet-stream"
        conn = self._connection()
        conn.request(method, path, body=body if method == "POST" else None, headers=headers)
        response = conn.getresponse()
        length = response.getheader("Content-Length")
        if length is not None and length.isdigit() and int(length) > MAX_RESPONSE_BYTES:
            self._drop_connection()
            raise self._garbled()
        raw = response.read(MAX_RESPONSE_BYTES + 1)
        if response.will_close:
            self._drop_connection()
        if len(raw) > MAX_RESPONSE_BYTES:
            self._drop_connection()
            raise self._garbled()
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            answer = None
        if response.status != 200:
            raise self._refusal(response.status, answer)
        if not isinstance(answer, dict):
            raise self._garbled()
        return answer

    def _refusal(self, status: int, answer: object) -> SyncServerError:
        said = answer.get("error") if isinstance(answer, dict) else None
        code = answer.get("code") if isinstance(answer, dict) else None
        # The server's sentence is shown as one short line, nothing else.
        reason = " ".join(said.split())[:300] if isinstance(said, str) and said else ""
        suffix = f": {reason}" if reason else "."
        where = self._where
        if status == 401:
            message = f"The sync server at {where} refused this device's credentials{suffix}"
        elif status == 403:
            message = f"The sync server at {where} refused this device{suffix}"
        elif status == 409:
            message = f"The sync server at {where} already holds something different{suffix}"
        elif status == 413:
            message = f"The sync server at {where} refused an envelope as too large."
        elif status in (502, 503, 504):
            message = f"The sync server at {where} is unavailable just now; try again later."
        else:
            message = f"The sync server at {where} answered HTTP {status}{suffix}"
        return SyncServerError(message, status=status, code=code if isinstance(code, str) else None)

    def _garbled(self) -> SyncServerError:
        return SyncServerError(
            f"The sync server at {self._where} sent an answer this app cannot read; "
            "is it a ROTH Desktop sync server?"
        )

    def _unb64(self, value: object) -> bytes:
        if not isinstance(value, str):
            raise self._garbled()
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise self._garbled() from None


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "address not found"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__
