"""The sync server and its client against a real PostgreSQL (tests/helpers/postgres.py).

The server runs for real on 127.0.0.1: in a thread (once behind TLS with a
certificate made here), or as the ``roth-desktop-server`` command in its own
process; devices talk to it through ``HttpTarget`` with real rosters and real
sealed envelopes. Everyone named is fictional.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import http.client
import ipaddress
import json
import logging
import os
import socket
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import psycopg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from roth_desktop import __version__
from roth_desktop.sync import http_target
from roth_desktop.sync.device_keys import DeviceKeys
from roth_desktop.sync.envelope import EnvelopeHeader, parse_header, seal
from roth_desktop.sync.http_target import HttpTarget, SyncServerError
from roth_desktop.sync.request_auth import sign_request
from roth_desktop.sync.roster import Member, Roster, add_member, new_team, remove_member
from roth_desktop.sync.server.app import SyncServer
from roth_desktop.sync.server.main import main as server_main
from roth_desktop.sync.server.main import tls_context
from roth_desktop.sync.server.storage import (
    DEFAULT_APP_ROLE,
    PostgresStorage,
    SqliteStorage,
    Storage,
)
from tests.helpers.postgres import PostgresCluster

OWNER = "roth_sync_owner"
OWNER_PASSWORD = "owner-" + uuid.uuid4().hex
APP_PASSWORD = "app-" + uuid.uuid4().hex
# Fictional words that must never reach the server in readable form.
SECRET_PHRASES = ("Kai Brennan", "Fernleigh")


# -- fixtures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyncDatabase:
    cluster: PostgresCluster
    name: str

    def owner_conninfo(self) -> str:
        return self.cluster.conninfo(OWNER, OWNER_PASSWORD, self.name)

    def app_conninfo(self) -> str:
        return self.cluster.conninfo(DEFAULT_APP_ROLE, APP_PASSWORD, self.name)


@pytest.fixture
def sync_db(postgres_cluster: PostgresCluster, monkeypatch: pytest.MonkeyPatch) -> SyncDatabase:
    """A fresh database, made ready by the real ``init-db`` run as its owner."""
    cluster = postgres_cluster
    cluster.sql(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER}') THEN "
        f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'; END IF; END $$"
    )
    name = "roth_sync_" + uuid.uuid4().hex[:12]
    cluster.sql(f"CREATE DATABASE {name} OWNER {OWNER}")
    db = SyncDatabase(cluster, name)
    # The password travels in the environment, never on the command line.
    monkeypatch.setenv("ROTH_SYNC_DATABASE", db.owner_conninfo())
    assert server_main(["init-db"]) == 0
    monkeypatch.delenv("ROTH_SYNC_DATABASE")
    # init-db makes the role without a password; the administrator sets one.
    cluster.sql(f"ALTER ROLE {DEFAULT_APP_ROLE} PASSWORD '{APP_PASSWORD}'")
    return db


@pytest.fixture
def pg_storage(sync_db: SyncDatabase) -> Iterator[PostgresStorage]:
    storage = PostgresStorage(sync_db.app_conninfo())
    yield storage
    storage.close()


@contextmanager
def running(
    storage: Storage, *, tls: ssl.SSLContext | None = None, max_body: int | None = None
) -> Iterator[str]:
    """The real server on 127.0.0.1 at a free port, in a thread; yields its base URL."""
    server = SyncServer(("127.0.0.1", 0), storage, tls=tls)
    if max_body is not None:
        server.max_body = max_body
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    scheme = "https" if tls else "http"
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


SERVER_COMMAND = Path(sys.executable).with_name("roth-desktop-server")


@contextmanager
def served_by_command(database: str) -> Iterator[tuple[str, list[str]]]:
    """``roth-desktop-server serve`` in its own process; yields its URL and its log lines.

    The database address (with its password) travels in ROTH_SYNC_DATABASE.
    """
    server = subprocess.Popen(
        [str(SERVER_COMMAND), "serve", "--host", "127.0.0.1", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ROTH_SYNC_DATABASE": database},
    )
    assert server.stderr is not None
    log: list[str] = []
    drain = threading.Thread(target=lambda: log.extend(server.stderr or ()), daemon=True)
    try:
        line = ""
        while "listening on" not in line:
            line = server.stderr.readline()
            assert line, "the server stopped before listening"
            log.append(line)
        # Keep reading, or a full pipe would stall the server's logging.
        drain.start()
        yield line.rsplit(" ", 1)[-1].strip(), log
        server.terminate()
        assert server.wait(timeout=60) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        if drain.is_alive():
            drain.join()


@dataclass
class Device:
    device_id: str
    keys: DeviceKeys


@dataclass
class Team:
    rosters: list[Roster]
    team_key: bytes
    devices: list[Device]  # devices[0] is the administrator

    @property
    def team_id(self) -> str:
        return self.rosters[0].team_id

    @property
    def admin(self) -> Device:
        return self.devices[0]

    def target(self, url: str, device: Device, ca_file: Path | None = None) -> HttpTarget:
        return HttpTarget(
            url,
            team_id=self.team_id,
            device_id=device.device_id,
            device_keys=device.keys,
            ca_file=ca_file,
        )

    def publish_all(self, target: HttpTarget) -> None:
        for roster in self.rosters:
            target.publish_roster(roster.to_bytes(), roster.version)

    def remove(self, device: Device) -> Roster:
        roster, key = remove_member(
            self.rosters[-1], device.device_id, self.admin.keys, self.admin.device_id
        )
        self.rosters.append(roster)
        self.team_key = key
        return roster

    def envelope(
        self,
        device: Device,
        seq: int,
        payload: bytes,
        *,
        envelope_id: str | None = None,
        team_id: str | None = None,
        key_epoch: int | None = None,
    ) -> bytes:
        header = EnvelopeHeader.create(
            team_id=team_id or self.team_id,
            key_epoch=key_epoch or self.rosters[-1].key_epoch,
            device_id=device.device_id,
            seq=seq,
            deps={},
            record_ids=[f"young_person/{uuid.uuid5(uuid.NAMESPACE_URL, str(seq))}"],
            envelope_id=envelope_id,
        )
        return seal(header, payload, self.team_key, device.keys.signing)


def make_team(size: int) -> Team:
    admin = Device(str(uuid.uuid4()), DeviceKeys.generate())
    roster, team_key = new_team(
        "North Locality Team", admin.device_id, "Chair laptop 1", admin.keys
    )
    team = Team([roster], team_key, [admin])
    for number in range(2, size + 1):
        device = Device(str(uuid.uuid4()), DeviceKeys.generate())
        member = Member.for_keys(device.device_id, f"Laptop {number}", device.keys)
        team.rosters.append(add_member(team.rosters[-1], member, admin.keys, admin.device_id))
        team.devices.append(device)
    return team


def raw_request(
    url: str, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, dict[str, object]]:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request(method, path, body=body or None, headers=headers or {})
        response = conn.getresponse()
        data = response.read()
        return response.status, json.loads(data) if data else {}
    finally:
        conn.close()


def signed_headers(
    team: Team, device: Device, method: str, path: str, body: bytes = b"", ts: int | None = None
) -> dict[str, str]:
    authorization = sign_request(
        method,
        path,
        body,
        team_id=team.team_id,
        device_id=device.device_id,
        signing_key=device.keys.signing,
        ts=ts,
    )
    return {"Authorization": authorization}


def envelope_rows(db: SyncDatabase) -> list[tuple[str, str, int, bytes]]:
    with psycopg.connect(db.owner_conninfo()) as conn:
        rows = conn.execute(
            "SELECT envelope_id, device_id, seq, blob FROM roth_sync.envelope ORDER BY server_seq"
        ).fetchall()
    return [(row[0], row[1], row[2], bytes(row[3])) for row in rows]


# -- the database's own guard: SELECT and INSERT only --------------------------------------


def test_app_role_may_read_and_insert_but_never_change_or_delete(
    sync_db: SyncDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    # init-db again is harmless: same tables, same grants.
    monkeypatch.setenv("ROTH_SYNC_DATABASE", sync_db.owner_conninfo())
    assert server_main(["init-db"]) == 0

    with psycopg.connect(sync_db.app_conninfo(), autocommit=True) as app:
        app.execute(
            "INSERT INTO roth_sync.envelope (team_id, device_id, seq, envelope_id, blob) "
            "VALUES ('t', 'd', 1, 'e', '\\x00')"
        )
        app.execute("INSERT INTO roth_sync.roster (team_id, version, body) VALUES ('t', 1, 'x')")
        assert app.execute("SELECT count(*) FROM roth_sync.envelope").fetchone() == (1,)
        refused = [
            "UPDATE roth_sync.envelope SET blob = '\\x01'",
            "UPDATE roth_sync.roster SET body = 'y'",
            "DELETE FROM roth_sync.envelope",
            "DELETE FROM roth_sync.roster",
            "TRUNCATE roth_sync.envelope",
            "TRUNCATE roth_sync.roster",
            "DROP TABLE roth_sync.envelope",
            "ALTER TABLE roth_sync.envelope DISABLE TRIGGER ALL",
            "CREATE TABLE roth_sync.mine (x int)",
            # Nor may it choose its own place in the order or backdate a row.
            "INSERT INTO roth_sync.envelope (server_seq, team_id, device_id, seq, envelope_id,"
            " blob) OVERRIDING SYSTEM VALUE VALUES (99, 't', 'd', 2, 'e2', '\\x00')",
            "INSERT INTO roth_sync.envelope (team_id, device_id, seq, envelope_id, blob,"
            " received_at) VALUES ('t', 'd', 3, 'e3', '\\x00', '2001-01-01')",
            "INSERT INTO roth_sync.meta (key, value) VALUES ('schema_version', '0')",
        ]
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute(statement.encode())
        assert app.execute("SELECT count(*) FROM roth_sync.envelope").fetchone() == (1,)


def test_password_on_the_command_line_is_refused(
    sync_db: SyncDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert server_main(["serve", "--database", sync_db.app_conninfo()]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "password" in err and APP_PASSWORD not in err


def test_server_warns_when_its_role_could_delete(sync_db: SyncDatabase) -> None:
    owner = PostgresStorage(sync_db.owner_conninfo())
    app = PostgresStorage(sync_db.app_conninfo())
    try:
        assert owner.can_modify() and not app.can_modify()
    finally:
        owner.close()
        app.close()


# -- rosters -------------------------------------------------------------------------------


def test_roster_trusted_on_first_use_then_only_a_signed_successor(
    pg_storage: PostgresStorage,
) -> None:
    team = make_team(3)
    with running(pg_storage) as url:
        # The very first roster needs no credentials: nothing could check them yet.
        status, answer = raw_request(
            url, "POST", f"/v1/teams/{team.team_id}/rosters", team.rosters[0].to_bytes()
        )
        assert (status, answer) == (200, {"stored": True, "version": 1})
        admin = team.target(url, team.admin)
        team.publish_all(admin)
        team.publish_all(admin)  # again: idempotent
        assert admin.rosters() == [roster.to_bytes() for roster in team.rosters]

        # After that, nobody unauthenticated may publish, not even a true roster.
        status, _ = raw_request(
            url, "POST", f"/v1/teams/{team.team_id}/rosters", team.rosters[0].to_bytes()
        )
        assert status == 401

        # A member (not an admin) forges version 4 making itself an administrator.
        rogue = team.devices[2]
        last = team.rosters[-1]
        promoted = tuple(
            replace(m, admin=True) if m.device_id == rogue.device_id else m for m in last.members
        )
        unsigned = replace(
            last,
            version=last.version + 1,
            members=promoted,
            signed_by=rogue.device_id,
            signature=b"",
        )
        forged = replace(unsigned, signature=rogue.keys.signing.sign(unsigned.signed_bytes()))
        with pytest.raises(SyncServerError) as refused:
            team.target(url, rogue).publish_roster(forged.to_bytes(), forged.version)
        assert refused.value.status == 409
        assert "not signed by an active administrator" in str(refused.value)
        assert "\n" not in str(refused.value)

        # A true version 2 with one byte changed: its signature no longer holds.
        tampered = team.rosters[1].to_bytes().replace(b"Laptop 2", b"Laptop 9")
        with pytest.raises(SyncServerError) as changed:
            admin.publish_roster(tampered, 2)
        assert changed.value.status == 409
        assert admin.rosters() == [roster.to_bytes() for roster in team.rosters]

        # Another team's roster cannot be filed under this team.
        other = make_team(1)
        status, _ = raw_request(
            url,
            "POST",
            f"/v1/teams/{team.team_id}/rosters",
            other.rosters[0].to_bytes(),
            signed_headers(
                team,
                team.admin,
                "POST",
                f"/v1/teams/{team.team_id}/rosters",
                other.rosters[0].to_bytes(),
            ),
        )
        assert status == 400


def test_a_new_device_may_publish_the_roster_that_adds_it(pg_storage: PostgresStorage) -> None:
    team = make_team(2)
    with running(pg_storage) as url:
        admin = team.target(url, team.admin)
        assert admin.rosters() == []  # a team the server has never seen: nothing to take
        admin.publish_roster(team.rosters[0].to_bytes(), 1)
        newcomer = team.target(url, team.devices[1])
        # Not yet a member of anything the server holds: it is told nothing...
        assert newcomer.rosters() == []
        with pytest.raises(SyncServerError) as unknown:
            newcomer.pull(None)
        assert unknown.value.status == 401
        # ...but the roster that adds it follows version 1, so it may send it.
        newcomer.publish_roster(team.rosters[1].to_bytes(), 2)
        assert newcomer.rosters() == [roster.to_bytes() for roster in team.rosters]
        # A stranger cannot ride on a true roster that does not list it.
        stranger = Device(str(uuid.uuid4()), DeviceKeys.generate())
        later = team.remove(team.devices[1])
        with pytest.raises(SyncServerError) as refused:
            team.target(url, stranger).publish_roster(later.to_bytes(), later.version)
        assert refused.value.status == 401
        # Nor the device that roster removes.
        with pytest.raises(SyncServerError) as removed:
            newcomer.publish_roster(later.to_bytes(), later.version)
        assert removed.value.status == 403


def test_roster_history_can_arrive_after_a_later_roster(pg_storage: PostgresStorage) -> None:
    # A device enrolled at version 5 may reach a new server before the admin does;
    # the admin then publishes its history oldest first, as for a folder.
    team = make_team(5)
    with running(pg_storage) as url:
        late = team.target(url, team.devices[4])
        late.publish_roster(team.rosters[4].to_bytes(), 5)
        assert late.rosters() == [team.rosters[4].to_bytes()]
        admin = team.target(url, team.admin)
        team.publish_all(admin)
        assert late.rosters() == [roster.to_bytes() for roster in team.rosters]
        # A true roster that is not next is refused, not stored out of order.
        removal = team.remove(team.devices[1])
        after = team.remove(team.devices[2])
        with pytest.raises(SyncServerError) as gap:
            admin.publish_roster(after.to_bytes(), after.version)
        assert gap.value.status == 409
        admin.publish_roster(removal.to_bytes(), removal.version)
        admin.publish_roster(after.to_bytes(), after.version)
        assert len(late.rosters()) == 7


# -- pushing envelopes ---------------------------------------------------------------------


def test_push_is_idempotent_and_refuses_anything_else_under_the_same_name(
    sync_db: SyncDatabase, pg_storage: PostgresStorage
) -> None:
    team = make_team(2)
    me, other = team.devices
    with running(pg_storage) as url:
        team.publish_all(team.target(url, team.admin))
        mine = team.target(url, me)
        first = team.envelope(me, 1, b"first change")
        envelope_id = _envelope_id(first)
        mine.push(me.device_id, 1, envelope_id, first)
        mine.push(me.device_id, 1, envelope_id, first)
        assert [row[0] for row in envelope_rows(sync_db)] == [envelope_id]

        # Same envelope id, other bytes (here: the same header sealed again).
        again = team.envelope(me, 1, b"first change", envelope_id=envelope_id)
        assert again != first
        with pytest.raises(SyncServerError) as same_id:
            mine.push(me.device_id, 1, envelope_id, again)
        assert same_id.value.status == 409

        # Same device and sequence number under a new envelope id.
        other_id = team.envelope(me, 1, b"another first change")
        with pytest.raises(SyncServerError) as same_seq:
            mine.push(me.device_id, 1, _envelope_id(other_id), other_id)
        assert same_seq.value.status == 409

        # Another device's envelope sent with my credentials.
        theirs = team.envelope(other, 1, b"their change")
        with pytest.raises(SyncServerError) as not_mine:
            mine.push(me.device_id, 1, _envelope_id(theirs), theirs)
        assert not_mine.value.status == 403

        # My envelope with its signature broken, and one for another team.
        broken = bytearray(team.envelope(me, 2, b"second change"))
        broken[-1] ^= 1
        with pytest.raises(SyncServerError) as tampered:
            mine.push(me.device_id, 2, _envelope_id(bytes(broken)), bytes(broken))
        assert tampered.value.status == 400
        foreign = make_team(1)
        stray = team.envelope(me, 2, b"x", team_id=foreign.team_id)
        with pytest.raises(SyncServerError) as wrong_team:
            mine.push(me.device_id, 2, _envelope_id(stray), stray)
        assert wrong_team.value.status == 400

        assert [row[0] for row in envelope_rows(sync_db)] == [envelope_id]
        assert envelope_rows(sync_db)[0][3] == first


def _envelope_id(blob: bytes) -> str:
    return parse_header(blob).envelope_id


# -- credentials -------------------------------------------------------------------------------


def test_requests_without_valid_credentials_are_refused(pg_storage: PostgresStorage) -> None:
    team = make_team(2)
    me = team.devices[1]
    path = f"/v1/teams/{team.team_id}/envelopes?after=0&limit=10"
    with running(pg_storage) as url:
        team.publish_all(team.target(url, team.admin))
        assert (
            raw_request(url, "GET", path, headers=signed_headers(team, me, "GET", path))[0] == 200
        )

        assert raw_request(url, "GET", path)[0] == 401
        stale = signed_headers(team, me, "GET", path, ts=int(time.time()) - 301)
        assert raw_request(url, "GET", path, headers=stale)[0] == 401
        ahead = signed_headers(team, me, "GET", path, ts=int(time.time()) + 301)
        assert raw_request(url, "GET", path, headers=ahead)[0] == 401
        # Signed by a key the roster does not give this device.
        impostor = Device(me.device_id, DeviceKeys.generate())
        assert (
            raw_request(url, "GET", path, headers=signed_headers(team, impostor, "GET", path))[0]
            == 401
        )
        # A device the roster does not list at all.
        stranger = Device(str(uuid.uuid4()), DeviceKeys.generate())
        assert (
            raw_request(url, "GET", path, headers=signed_headers(team, stranger, "GET", path))[0]
            == 401
        )
        # Signed for another path, or replayed as it was.
        moved = signed_headers(team, me, "GET", path.replace("after=0", "after=5"))
        assert raw_request(url, "GET", path, headers=moved)[0] == 401
        once = signed_headers(team, me, "GET", path)
        assert raw_request(url, "GET", path, headers=once)[0] == 200
        status, answer = raw_request(url, "GET", path, headers=once)
        assert status == 401 and "replayed" in str(answer["error"])
        # A body other than the one signed.
        post = f"/v1/teams/{team.team_id}/envelopes"
        blob = team.envelope(me, 1, b"change")
        headers = signed_headers(team, me, "POST", post, blob)
        assert raw_request(url, "POST", post, blob[:-1] + b"\x00", headers)[0] == 401
        # Garbage in the header.
        assert raw_request(url, "GET", path, headers={"Authorization": "ROTH-Ed25519 x"})[0] == 401
        assert raw_request(url, "GET", path, headers={"Authorization": "Bearer abc"})[0] == 401


def test_a_removed_device_is_refused_at_its_next_request(pg_storage: PostgresStorage) -> None:
    team = make_team(3)
    leaving = team.devices[2]
    with running(pg_storage) as url:
        admin = team.target(url, team.admin)
        team.publish_all(admin)
        theirs = team.target(url, leaving)
        theirs.push(
            leaving.device_id, 1, _envelope_id(blob := team.envelope(leaving, 1, b"a")), blob
        )
        assert theirs.pull(None)[0] == [blob]

        removal = team.remove(leaving)
        admin.publish_roster(removal.to_bytes(), removal.version)
        for attempt in (lambda: theirs.pull(None), theirs.rosters):
            with pytest.raises(SyncServerError) as refused:
                attempt()
            assert refused.value.status == 403
            assert "removed" in str(refused.value)
        late = team.envelope(leaving, 2, b"b", key_epoch=1)
        with pytest.raises(SyncServerError) as refused_push:
            theirs.push(leaving.device_id, 2, _envelope_id(late), late)
        assert refused_push.value.status == 403
        # The rest of the team carries on.
        assert team.target(url, team.devices[1]).pull(None)[0] == [blob]


# -- pulling -------------------------------------------------------------------------------


def test_pull_pages_through_everything_after_the_cursor(
    pg_storage: PostgresStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http_target, "PAGE_LIMIT", 10)
    team = make_team(2)
    a, b = team.devices
    with running(pg_storage) as url:
        team.publish_all(team.target(url, team.admin))
        ta, tb = team.target(url, a), team.target(url, b)
        sent = []
        for seq in range(1, 26):
            device, target = (a, ta) if seq % 2 else (b, tb)
            blob = team.envelope(device, (seq + 1) // 2, os.urandom(50))
            target.push(device.device_id, (seq + 1) // 2, _envelope_id(blob), blob)
            sent.append(blob)

        blobs, cursor = tb.pull(None)
        assert blobs == sent
        assert tb.pull(cursor) == ([], cursor)
        more = [team.envelope(a, seq, os.urandom(50)) for seq in (14, 15, 16)]
        for seq, blob in zip((14, 15, 16), more, strict=True):
            ta.push(a.device_id, seq, _envelope_id(blob), blob)
        blobs, later = tb.pull(cursor)
        assert blobs == more and int(later) > int(cursor)

        # The page itself: "next" is the last server_seq, "more" while pages are full.
        path = f"/v1/teams/{team.team_id}/envelopes?after=0&limit=10"
        status, page = raw_request(url, "GET", path, headers=signed_headers(team, a, "GET", path))
        assert status == 200 and page["more"] is True
        listed = page["envelopes"]
        assert isinstance(listed, list) and len(listed) == 10
        assert page["next"] == listed[-1]["server_seq"]
        assert base64.b64decode(listed[0]["blob"]) == sent[0]
        for bad in ("limit=0", "limit=1001", "after=-1", "after=x", "after=1&after=2"):
            path = f"/v1/teams/{team.team_id}/envelopes?{bad}"
            assert (
                raw_request(url, "GET", path, headers=signed_headers(team, a, "GET", path))[0]
                == 400
            )


# -- many devices at once ------------------------------------------------------------------


def test_twenty_devices_pushing_at_once_store_every_envelope_exactly_once(
    sync_db: SyncDatabase,
) -> None:
    devices, per_device = 20, 500
    team = make_team(devices)
    sealed = {
        device.device_id: [
            team.envelope(device, seq, os.urandom(64 + (seq * 37) % 1500))
            for seq in range(1, per_device + 1)
        ]
        for device in team.devices
    }
    # The real command in its own process, as in production (and so the
    # clients' threads and the server's do not share one interpreter lock).
    with served_by_command(sync_db.app_conninfo()) as (url, _):
        team.publish_all(team.target(url, team.admin))
        start = threading.Barrier(devices)
        failures: list[BaseException] = []

        def push_all(device: Device) -> None:
            target = team.target(url, device)
            try:
                start.wait()
                for seq, blob in enumerate(sealed[device.device_id], start=1):
                    target.push(device.device_id, seq, _envelope_id(blob), blob)
            except BaseException as exc:  # reported below, in the test's thread
                failures.append(exc)
            finally:
                target.close()

        threads = [threading.Thread(target=push_all, args=(d,)) for d in team.devices]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []

        rows = envelope_rows(sync_db)
        expected = {
            _envelope_id(blob): hashlib.sha256(blob).hexdigest()
            for blobs in sealed.values()
            for blob in blobs
        }
        assert len(rows) == devices * per_device == len(expected)
        stored = {row[0]: hashlib.sha256(row[3]).hexdigest() for row in rows}
        assert len(stored) == len(rows)  # every id once
        assert stored == expected  # byte for byte
        # Each device's envelopes are in the server's order as it sent them.
        for device in team.devices:
            assert [row[2] for row in rows if row[1] == device.device_id] == list(
                range(1, per_device + 1)
            )
        # And a device pulling from scratch gets exactly what is stored, in order.
        blobs, _ = team.target(url, team.devices[5]).pull(None)
        assert [hashlib.sha256(b).hexdigest() for b in blobs] == [
            hashlib.sha256(row[3]).hexdigest() for row in rows
        ]


# -- TLS -----------------------------------------------------------------------------------


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Fictional Council Sync CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "sync.crt", folder / "sync.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_with_the_councils_own_certificate_authority(
    pg_storage: PostgresStorage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = _self_signed(tmp_path)
    team = make_team(2)
    with running(pg_storage, tls=tls_context(cert, key)) as url:
        assert url.startswith("https://")
        admin = team.target(url, team.admin, ca_file=cert)
        team.publish_all(admin)
        blob = team.envelope(team.admin, 1, b"over TLS")
        admin.push(team.admin.device_id, 1, _envelope_id(blob), blob)
        assert admin.pull(None)[0] == [blob]

        # Without the council's CA the certificate is not trusted, and says so.
        monkeypatch.delenv(http_target.CA_ENV, raising=False)
        with pytest.raises(SyncServerError) as untrusted:
            team.target(url, team.devices[1]).rosters()
        assert "not trusted" in str(untrusted.value) and http_target.CA_ENV in str(untrusted.value)
        # The same CA through the environment.
        monkeypatch.setenv(http_target.CA_ENV, str(cert))
        via_env = team.target(url, team.devices[1])
        assert via_env.pull(None)[0] == [blob]
        # A name the certificate does not carry is refused even with the CA.
        wrong_name = team.target(
            url.replace("127.0.0.1", "localhost"), team.devices[1], ca_file=cert
        )
        with pytest.raises(SyncServerError) as mismatch:
            wrong_name.rosters()
        assert "not trusted" in str(mismatch.value)


def test_addresses_must_be_https_except_on_this_computer() -> None:
    keys = DeviceKeys.generate()

    def target(address: str) -> HttpTarget:
        return HttpTarget(
            address, team_id=str(uuid.uuid4()), device_id=str(uuid.uuid4()), device_keys=keys
        )

    for address in ("http://sync.example.org", "http://192.0.2.10:8443", "ftp://x", "sync.org"):
        with pytest.raises(SyncServerError) as refused:
            target(address)
        message = str(refused.value)
        assert message.startswith("Sync server addresses must use https://")
        assert "\n" not in message
    with pytest.raises(SyncServerError):
        target("https://sync.example.org/roth")
    for address in ("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:80"):
        target(address)
    assert target("https://sync.example.org").description == "sync server https://sync.example.org"


def test_unreachable_server_is_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, never listening: connections are refused
        team = make_team(1)
        target = team.target(f"http://127.0.0.1:{port}", team.admin)
        with pytest.raises(SyncServerError) as refused:
            target.rosters()
    assert "cannot be reached" in str(refused.value) and "\n" not in str(refused.value)


# -- the HTTP surface ----------------------------------------------------------------------


def test_health_and_bad_requests_answer_briefly_in_json(pg_storage: PostgresStorage) -> None:
    team = make_team(1)
    with running(pg_storage, max_body=4096) as url:
        assert raw_request(url, "GET", "/v1/health") == (200, {"ok": True, "version": __version__})
        assert raw_request(url, "GET", "/nowhere")[0] == 404
        assert raw_request(url, "GET", "/v1/teams/../etc/rosters")[0] == 404
        assert raw_request(url, "GET", "/v1/teams/a.b/rosters")[0] == 400
        assert raw_request(url, "DELETE", f"/v1/teams/{team.team_id}/envelopes")[0] == 405
        status, answer = raw_request(url, "POST", f"/v1/teams/{team.team_id}/rosters", b"{not json")
        assert status == 400 and "damaged" in str(answer["error"])
        path = f"/v1/teams/{team.team_id}/envelopes"
        status, answer = raw_request(url, "POST", path, b"x" * 5000)
        assert status == 413
        # A request http.server itself refuses (too many headers) still gets JSON.
        host, port = url.removeprefix("http://").split(":")
        flood = b"".join(b"X-Filler-%d: x\r\n" % n for n in range(150))
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"GET /v1/health HTTP/1.1\r\n" + flood + b"\r\n")
            reply = sock.recv(4096)
        assert reply.startswith(b"HTTP/1.1 431") and b"application/json" in reply
        assert b"Traceback" not in reply


def test_nothing_readable_reaches_the_server_or_its_disk(
    postgres_cluster: PostgresCluster,
    sync_db: SyncDatabase,
    pg_storage: PostgresStorage,
    caplog: pytest.LogCaptureFixture,
) -> None:
    team = make_team(2)
    payloads = [
        json.dumps(
            {
                "table": "young_person",
                "fields": {"name": "Kai Brennan", "school": "Fernleigh Academy"},
                "minutes": f"Kai Brennan said Fernleigh felt safer ({n}).",
            }
        ).encode()
        for n in range(40)
    ]
    assert all(phrase.encode() in payloads[0] for phrase in SECRET_PHRASES)
    caplog.set_level(logging.DEBUG)
    with running(pg_storage) as url:
        admin = team.target(url, team.admin)
        team.publish_all(admin)
        blobs = [team.envelope(team.admin, n + 1, payload) for n, payload in enumerate(payloads)]
        for n, blob in enumerate(blobs, start=1):
            admin.push(team.admin.device_id, n, _envelope_id(blob), blob)
        assert admin.pull(None)[0] == blobs

    with psycopg.connect(sync_db.owner_conninfo()) as conn:
        stored = [bytes(row[0]) for row in conn.execute("SELECT blob FROM roth_sync.envelope")]
        stored += [bytes(row[0]) for row in conn.execute("SELECT body FROM roth_sync.roster")]
    assert len(stored) == len(blobs) + len(team.rosters)
    _assert_unreadable(b"".join(stored), "the server's tables")

    # Everything PostgreSQL has written: tables, TOAST, indexes and the WAL.
    postgres_cluster.sql("CHECKPOINT")
    found = 0
    for path in postgres_cluster.data_dir.rglob("*"):
        if path.is_file():
            _assert_unreadable(path.read_bytes(), str(path))
            found += 1
    assert found > 100

    # The server's log has routes and statuses, never contents.
    log_text = caplog.text.encode()
    _assert_unreadable(log_text, "the server log")
    assert base64.b64encode(blobs[0])[:40] not in log_text
    assert b"/envelopes" in log_text


def _assert_unreadable(data: bytes, where: str) -> None:
    lowered = data.lower()
    for phrase in SECRET_PHRASES:
        assert phrase.encode().lower() not in lowered, f"{phrase!r} readable in {where}"


# -- SQLite trial mode ---------------------------------------------------------------------


def test_sqlite_trial_round_trip_and_append_only(tmp_path: Path) -> None:
    database = tmp_path / "trial.db"
    assert server_main(["init-db", "--database", f"sqlite:///{database}"]) == 0
    storage = SqliteStorage(database)
    team = make_team(2)
    try:
        with running(storage) as url:
            admin, other = team.target(url, team.admin), team.target(url, team.devices[1])
            team.publish_all(admin)
            blobs = [team.envelope(team.admin, seq, os.urandom(100)) for seq in range(1, 6)]
            for seq, blob in enumerate(blobs, start=1):
                admin.push(team.admin.device_id, seq, _envelope_id(blob), blob)
                admin.push(team.admin.device_id, seq, _envelope_id(blob), blob)
            pulled, cursor = other.pull(None)
            assert pulled == blobs
            assert other.pull(cursor) == ([], cursor)
            assert other.rosters() == [roster.to_bytes() for roster in team.rosters]
            again = team.envelope(team.admin, 1, b"other bytes", envelope_id=_envelope_id(blobs[0]))
            with pytest.raises(SyncServerError) as conflict:
                admin.push(team.admin.device_id, 1, _envelope_id(again), again)
            assert conflict.value.status == 409
    finally:
        storage.close()

    with sqlite3.connect(database) as conn:
        for statement in (
            "UPDATE envelope SET blob = x'00'",
            "DELETE FROM envelope",
            "UPDATE roster SET body = x'00'",
            "DELETE FROM roster",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(statement)
        assert conn.execute("SELECT count(*) FROM envelope").fetchone() == (5,)


# -- the console command -------------------------------------------------------------------


def test_console_command_serves_until_terminated(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'trial.db'}"
    init = subprocess.run(
        [str(SERVER_COMMAND), "init-db", "--database", database],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    with served_by_command(database) as (url, log):
        assert raw_request(url, "GET", "/v1/health")[1]["ok"] is True
    assert any("trial mode" in line for line in log)

    bad = subprocess.run(
        [str(SERVER_COMMAND), "serve", "--database", "postgresql://someone:hunter2@127.0.0.1/x"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "hunter2" not in bad.stderr


# -- the real engine through the server ----------------------------------------------------


def test_two_workspaces_sync_through_the_server(
    tmp_path: Path, sync_db: SyncDatabase, pg_storage: PostgresStorage
) -> None:
    from datetime import date

    from roth_desktop.models import YoungPerson
    from roth_desktop.sync import engine
    from tests.helpers.sync_team import build_team

    team = build_team(tmp_path / "team", 2)
    with running(pg_storage) as url:
        # The enrolled device reaches the new server first: it is known to no
        # roster there yet, and makes itself known by publishing its own.
        with team.open(1) as member:
            assert engine.sync(member, target=url).rejected == []
        with team.open(0) as admin:
            with admin.session() as session:
                session.add(
                    YoungPerson(
                        first_name="Kai", last_name="Brennan", date_of_birth=date(2010, 3, 4)
                    )
                )
            report = engine.sync(admin, target=url)
            assert report.sent >= 1 and report.rejected == []
        with team.open(1) as member:
            report = engine.sync(member)  # the same server, remembered
            assert report.received >= 1 and report.rejected == []
            with member.session() as session:
                names = [(p.first_name, p.last_name) for p in session.query(YoungPerson)]
            assert names == [("Kai", "Brennan")]

    rows = envelope_rows(sync_db)
    assert rows
    _assert_unreadable(b"".join(row[3] for row in rows), "the server's envelopes")
