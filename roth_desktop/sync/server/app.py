"""The sync server's HTTP API: a small JSON service on the standard library.

    GET  /v1/health                                  no auth  {"ok": true, "version": ...}
    POST /v1/teams/{team}/rosters                    body: roster bytes
    GET  /v1/teams/{team}/rosters                    {"rosters": [b64, ...]} oldest first
    POST /v1/teams/{team}/envelopes                  body: envelope bytes (octet-stream)
    GET  /v1/teams/{team}/envelopes?after=N&limit=M  {"envelopes": [{"server_seq", "blob"}],
                                                      "next": N', "more": bool}

Every team request except the very first roster of a team is signed by a
device (``request_auth``). Envelopes go up as raw bytes, not base64 in JSON, so
the server hashes and stores exactly what the device signed. Errors are
``{"error": "<one sentence>"}`` with a 4xx/5xx status; a traceback never
reaches a client, and log lines carry method, path, status and sizes only,
never a roster's or an envelope's contents.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import socket
import ssl
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from roth_desktop import __version__
from roth_desktop.crash_report import safe_traceback
from roth_desktop.errors import RothError
from roth_desktop.sync.envelope import EnvelopeRejected, parse_header, verify_signature
from roth_desktop.sync.request_auth import AuthError, NonceCache, verify_request
from roth_desktop.sync.roster import Roster, RosterRejected, is_valid_id, verify_next
from roth_desktop.sync.server.storage import RosterEnds, Storage, StorageConflict, StorageError

log = logging.getLogger("roth_desktop.sync.server")

MAX_BODY_BYTES = 16 * 1024 * 1024
MAX_PAGE = 1000
# A page of envelopes stops growing past this many bytes of blobs, so one GET
# never has to hold a thousand large envelopes in memory at once.
MAX_PAGE_BYTES = 8 * 1024 * 1024
ROSTER_BEFORE_FIRST = "roster_before_first"
# A client that stops sending mid-request gives its thread back after this.
SOCKET_TIMEOUT_SECONDS = 60

_TEAM_PATH = re.compile(r"/v1/teams/(?P<team>[^/]+)/(?P<what>rosters|envelopes)")


class HttpError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code  # machine-readable, for the few refusals a client acts on


class RosterCache:
    """Parsed rosters by (team, version): stored rosters never change."""

    def __init__(self) -> None:
        self._parsed: dict[tuple[str, int], Roster] = {}
        self._lock = threading.Lock()

    def parse(self, team_id: str, version: int, body: bytes) -> Roster:
        found = self.get(team_id, version, lambda _team, _version: body)
        assert found is not None  # the body was given
        return found

    def get(
        self, team_id: str, version: int, load: Callable[[str, int], bytes | None]
    ) -> Roster | None:
        key = (team_id, version)
        with self._lock:
            found = self._parsed.get(key)
        if found is None:
            body = load(team_id, version)
            if body is None:
                return None
            found = Roster.from_bytes(body)
            with self._lock:
                self._parsed[key] = found
        return found


class SyncServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        storage: Storage,
        *,
        tls: ssl.SSLContext | None = None,
        max_body: int = MAX_BODY_BYTES,
    ) -> None:
        # An IPv6 literal such as "::" needs an IPv6 socket; names and IPv4 do not.
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.storage = storage
        self.tls = tls
        self.max_body = max_body
        self.nonces = NonceCache()
        self.roster_cache = RosterCache()
        super().__init__(address, SyncRequestHandler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # The TLS handshake happens here, in the request's own thread, so a
        # slow or silent client cannot hold up accept() for everyone else.
        request.settimeout(SOCKET_TIMEOUT_SECONDS)
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        try:
            wrapped = self.tls.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            log.info("TLS handshake with %s failed: %s", client_address[0], type(exc).__name__)
            return
        try:
            super().finish_request(wrapped, client_address)
        finally:
            wrapped.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver's default prints a full traceback with messages to stderr.
        log.warning("connection from %s ended with an error", client_address[0])

    # -- what each route does ------------------------------------------------------------

    def latest_roster(self, team_id: str) -> Roster | None:
        # Asked on every request, so that a removal takes effect at once; only
        # the version is read each time, the roster itself once.
        version = self.storage.latest_roster_version(team_id)
        if version is None:
            return None
        return self.roster_cache.get(team_id, version, self.storage.roster)

    def authenticate(
        self,
        team_id: str,
        method: str,
        target: str,
        body: bytes,
        header: str | None,
        roster: Roster | None = None,
    ) -> tuple[str, Roster]:
        """The signing device and the roster it is active in (the latest, unless given)."""
        if roster is None:
            roster = self.latest_roster(team_id)
        device = verify_request(
            method,
            target,
            body,
            header,
            team_id=team_id,
            roster=roster,
            nonces=self.nonces,
        )
        assert roster is not None  # verify_request refuses every device without one
        return device, roster

    def publish_roster(
        self, team_id: str, target: str, body: bytes, header: str | None
    ) -> dict[str, Any]:
        try:
            new = Roster.from_bytes(body)
        except RosterRejected as exc:
            raise HttpError(400, str(exc)) from None
        if new.team_id != team_id:
            raise HttpError(400, "The roster is for another team.")
        latest = self.latest_roster(team_id)
        if latest is not None:
            # Only a member may extend an existing team; the first roster is
            # trusted on first use (its own signature is still checked). A
            # device just enrolled is a member of the roster that adds it, which
            # it may reach the server with before the admin does: once that
            # roster is proved to follow the latest, its members may send it.
            signers = latest
            if new.version == latest.version + 1:
                try:
                    verify_next(latest, new)
                    signers = new
                except RosterRejected:
                    pass  # refused below, once the sender is known
            self.authenticate(team_id, "POST", target, body, header, roster=signers)

        def follows(ends: RosterEnds | None) -> None:
            if ends is None:
                verify_next(None, new)
                return
            (first_version, first_body), (last_version, last_body) = ends
            if new.version == last_version + 1:
                verify_next(self.roster_cache.parse(team_id, last_version, last_body), new)
            elif new.version == first_version - 1:
                # A history older than the first roster the server took on trust
                # (a device enrolled later published first): it must be signed by
                # an administrator it lists and be followed by the stored one, so
                # the chain stays whole and each device can check it from its own
                # trusted roster.
                verify_next(None, new)
                verify_next(new, self.roster_cache.parse(team_id, first_version, first_body))
            elif first_version <= new.version <= last_version:
                raise StorageConflict(
                    f"The server already holds a different roster version {new.version}."
                )
            elif new.version < first_version:
                # The client holds it back and sends it once the versions
                # between have arrived (HttpTarget.publish_roster).
                raise HttpError(
                    409,
                    f"Roster version {new.version} is older than version {first_version}, "
                    "the first the server holds; send the versions between first.",
                    code=ROSTER_BEFORE_FIRST,
                )
            else:
                raise RosterRejected(
                    f"Roster version {new.version} was refused: the server holds versions "
                    f"up to {last_version}, and it does not follow on from them."
                )

        try:
            added = self.storage.add_roster(team_id, new.version, body, follows)
        except RosterRejected as exc:
            raise HttpError(409, str(exc)) from None
        log.info(
            "team %s roster version %d %s",
            team_id,
            new.version,
            "stored" if added else "was already stored",
        )
        return {"stored": added, "version": new.version}

    def list_rosters(self, team_id: str, target: str, header: str | None) -> dict[str, Any]:
        self.authenticate(team_id, "GET", target, b"", header)
        return {"rosters": [_b64(body) for body in self.storage.rosters(team_id)]}

    def push_envelope(
        self, team_id: str, target: str, body: bytes, header: str | None
    ) -> dict[str, Any]:
        device_id, roster = self.authenticate(team_id, "POST", target, body, header)
        try:
            head = parse_header(body)
        except EnvelopeRejected as exc:
            raise HttpError(400, f"The envelope cannot be read: {exc.reason}.") from None
        if head.team_id != team_id:
            raise HttpError(400, "The envelope is for another team.")
        if head.device_id != device_id:
            raise HttpError(403, "A device may only send its own envelopes.")
        member = roster.member(device_id)
        assert member is not None  # authenticate() found it active
        try:
            verify_signature(body, member.sign_public)
        except EnvelopeRejected:
            raise HttpError(400, "The envelope's signature does not match this device.") from None
        stored = self.storage.add_envelope(team_id, device_id, head.seq, head.envelope_id, body)
        return {"stored": stored.new, "server_seq": stored.server_seq}

    def pull_envelopes(
        self, team_id: str, target: str, query: dict[str, list[str]], header: str | None
    ) -> dict[str, Any]:
        self.authenticate(team_id, "GET", target, b"", header)
        after = _int_param(query, "after", 0)
        limit = _int_param(query, "limit", MAX_PAGE)
        if after < 0 or not 1 <= limit <= MAX_PAGE:
            raise HttpError(400, f"'after' must be 0 or more and 'limit' 1 to {MAX_PAGE}.")
        rows = self.storage.envelopes_after(team_id, after, limit, MAX_PAGE_BYTES)
        return {
            "envelopes": [{"server_seq": seq, "blob": _b64(blob)} for seq, blob in rows],
            "next": rows[-1][0] if rows else after,
            # A short page can also mean the byte budget ran out, so say it plainly.
            "more": len(rows) == limit or sum(len(b) for _, b in rows) >= MAX_PAGE_BYTES,
        }


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _int_param(query: dict[str, list[str]], name: str, default: int) -> int:
    values = query.get(name)
    if not values:
        return default
    if len(values) != 1 or not values[0].isdigit() or len(values[0]) > 19:
        raise HttpError(400, f"'{name}' must be a whole number.")
    return int(values[0])


class SyncRequestHandler(BaseHTTPRequestHandler):
    server: SyncServer
    protocol_version = "HTTP/1.1"  # keep-alive: a sync pushes many envelopes
    # Headers and body go out in two writes; with Nagle's algorithm and the
    # client's delayed ACK each answer would wait about 40 ms.
    disable_nagle_algorithm = True
    server_version = "roth-sync"
    sys_version = ""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._refuse_method()

    def do_DELETE(self) -> None:
        self._refuse_method()

    def do_PATCH(self) -> None:
        self._refuse_method()

    def _refuse_method(self) -> None:
        self.close_connection = True
        self._send(405, {"error": "Method not allowed."})

    def _dispatch(self, method: str) -> None:
        target = self.path
        try:
            body = self._read_body() if method == "POST" else b""
            payload = self._route(method, target, body)
            self._send(200, payload)
        except HttpError as exc:
            answer = {"error": exc.message}
            if exc.code:
                answer["code"] = exc.code
            self._send(exc.status, answer)
        except AuthError as exc:
            answer = {"error": str(exc)}
            if exc.code:
                answer["code"] = exc.code
            self._send(exc.status, answer)
        except StorageConflict as exc:
            self._send(409, {"error": str(exc)})
        except StorageError as exc:
            log.error("storage: %s", exc)
            self._send(503, {"error": "The sync server cannot reach its database."})
        except RothError as exc:
            self._send(400, {"error": str(exc)})
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception as exc:
            # Messages withheld: a database error can quote the row it failed on.
            log.error(
                "internal error on %s %s\n%s", method, _path_only(target), safe_traceback(exc)
            )
            self.close_connection = True
            self._send(500, {"error": "The sync server failed; its log has the details."})

    def _route(self, method: str, target: str, body: bytes) -> dict[str, Any]:
        parts = urlsplit(target)
        if parts.path == "/v1/health":
            if method != "GET":
                raise HttpError(405, "Method not allowed.")
            return {"ok": True, "version": __version__}
        match = _TEAM_PATH.fullmatch(parts.path)
        if match is None:
            raise HttpError(404, "No such address on the sync server.")
        team_id = match["team"]
        if not is_valid_id(team_id):
            raise HttpError(400, "The team id is not valid.")
        try:
            query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
        except ValueError:
            raise HttpError(400, "The query string is malformed.") from None
        header = self.headers.get("Authorization")
        handlers: dict[tuple[str, str], Callable[[], dict[str, Any]]] = {
            ("POST", "rosters"): lambda: self.server.publish_roster(team_id, target, body, header),
            ("GET", "rosters"): lambda: self.server.list_rosters(team_id, target, header),
            ("POST", "envelopes"): lambda: self.server.push_envelope(team_id, target, body, header),
            ("GET", "envelopes"): lambda: self.server.pull_envelopes(
                team_id, target, query, header
            ),
        }
        handler = handlers.get((method, match["what"]))
        if handler is None:
            raise HttpError(405, "Method not allowed.")
        return handler()

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise HttpError(411, "Send the body with a Content-Length.")
        length_text = self.headers.get("Content-Length")
        if length_text is None or not length_text.isdigit():
            self.close_connection = True
            raise HttpError(411, "Send the body with a Content-Length.")
        length = int(length_text)
        if length > self.server.max_body:
            # The body stays unread, so this connection cannot be reused.
            self.close_connection = True
            raise HttpError(413, f"The body is larger than {self.server.max_body} bytes.")
        body = self.rfile.read(length)
        if len(body) != length:
            self.close_connection = True
            raise ConnectionError("body cut short")
        return body

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload, separators=(",", ":")).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)
        except (ConnectionError, TimeoutError, ssl.SSLError):
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # http.server calls this for requests it cannot parse; answer in JSON
        # like every other error, and never echo the request back.
        self.close_connection = True
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "Error"
        self._send(code, {"error": f"{phrase}."})

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # The path carries the team id and a cursor; no body is ever logged.
        log.info(
            "%s %s %s %s",
            self.client_address[0],
            getattr(self, "command", "") or "-",
            _path_only(getattr(self, "path", "")),
            code if not isinstance(code, HTTPStatus) else code.value,
        )

    def log_error(self, format: str, *args: Any) -> None:
        log.warning("%s %s", self.client_address[0], (format % args)[:200])

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.client_address[0], format % args)


def _path_only(target: str) -> str:
    return urlsplit(target).path[:200]
