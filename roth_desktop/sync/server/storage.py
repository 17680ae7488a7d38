"""Where the sync server keeps rosters and envelopes: append-only tables.

The server never reads a record: it stores signed rosters and sealed envelopes
as opaque bytes and hands them back in the order it received them. Two backends:

- ``PostgresStorage`` for an organisation. ``init-db`` runs as the tables'
  owner and grants the server's own role only SELECT and INSERT, so even a
  compromised server process cannot rewrite or delete what devices sent.
- ``SqliteStorage`` for a trial on one machine. Triggers refuse UPDATE and
  DELETE; it is not meant for more than one server process.

Cursors are ``server_seq`` values. A reader must never see envelope N+1 of a
team committed while N is still in flight, or its cursor would skip N for
good, so writes to one team are serialised (a transaction-scoped advisory lock
on PostgreSQL, a single writer on SQLite): within a team, commit order is
sequence order.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from roth_desktop.errors import RothError

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow
    from psycopg_pool import ConnectionPool

SCHEMA = "roth_sync"
SCHEMA_VERSION = "1"
DEFAULT_APP_ROLE = "roth_sync_app"


class StorageError(RothError):
    """The database cannot be used as asked (unreachable, not initialised...)."""


class StorageConflict(RothError):
    """A write contradicts what is already stored (same id, other bytes)."""


@dataclass(frozen=True)
class Stored:
    """The outcome of an idempotent write."""

    server_seq: int
    new: bool  # False: identical bytes were already stored


# The first and the last stored (version, body) of a team's rosters.
RosterEnds = tuple[tuple[int, bytes], tuple[int, bytes]]
RosterCheck = Callable[[RosterEnds | None], None]


class Storage(Protocol):
    def latest_roster_version(self, team_id: str) -> int | None: ...

    def roster(self, team_id: str, version: int) -> bytes | None: ...

    def rosters(self, team_id: str) -> list[bytes]: ...

    def add_roster(self, team_id: str, version: int, body: bytes, check: RosterCheck) -> bool:
        """Store a roster version; True if new, False if identical bytes were there.

        ``check`` is called with the first and last stored (version, body), or
        None, while the team's roster writes are held, and raises to refuse; so
        two devices publishing at once cannot both extend the same version.
        """
        ...

    def add_envelope(
        self, team_id: str, device_id: str, seq: int, envelope_id: str, blob: bytes
    ) -> Stored: ...

    def envelopes_after(
        self, team_id: str, after: int, limit: int, max_bytes: int
    ) -> list[tuple[int, bytes]]:
        """Envelopes with server_seq > after, in order; stops at ``limit`` rows
        or once ``max_bytes`` is reached (always at least one row if any)."""
        ...

    def close(self) -> None: ...


def _ends(rows: Sequence[Sequence[Any]]) -> RosterEnds | None:
    if not rows:
        return None
    first, last = rows[0], rows[-1]
    return (int(first[0]), bytes(first[1])), (int(last[0]), bytes(last[1]))


def _already_stored(existing: Sequence[Any] | None, team_id: str, blob: bytes) -> Stored:
    """After an insert that did nothing: the same envelope again, or a clash."""
    if existing is None:
        raise StorageConflict(_conflict_message(same_id=False))
    if existing[1] != team_id or bytes(existing[2]) != blob:
        raise StorageConflict(_conflict_message(same_id=True))
    return Stored(server_seq=int(existing[0]), new=False)


def _conflict_message(same_id: bool) -> str:
    if same_id:
        return "An envelope with this id is already stored with different contents."
    return "This device already stored a different envelope under this sequence number."


# -- PostgreSQL ----------------------------------------------------------------------------


_PG_TABLES = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.roster (
    team_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    body BYTEA NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, version)
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.envelope (
    server_seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    envelope_id TEXT NOT NULL UNIQUE,
    blob BYTEA NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (team_id, device_id, seq)
);
CREATE INDEX IF NOT EXISTS envelope_team_seq ON {SCHEMA}.envelope (team_id, server_seq);
-- The blobs are ciphertext: compressing them only costs CPU.
ALTER TABLE {SCHEMA}.envelope ALTER COLUMN blob SET STORAGE EXTERNAL;
INSERT INTO {SCHEMA}.meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}')
    ON CONFLICT (key) DO NOTHING;
"""

_APP_INSERT_COLUMNS = {
    "roster": ("team_id", "version", "body"),
    "envelope": ("team_id", "device_id", "seq", "envelope_id", "blob"),
}

# Advisory-lock namespaces (first key) so roster and envelope writes of one team
# do not wait on each other.
_LOCK_ROSTER = 7301
_LOCK_ENVELOPE = 7302


def init_postgres(conninfo: str, app_role: str) -> list[str]:
    """Create the tables as their owner and grant ``app_role`` SELECT and INSERT only.

    Returns lines describing what was done. Runs in one transaction.
    """
    import psycopg
    from psycopg import sql

    notes: list[str] = []
    try:
        conn = psycopg.connect(conninfo, connect_timeout=15)
    except psycopg.OperationalError as exc:
        raise StorageError(f"Cannot connect to the database: {_first_line(exc)}") from None
    try:
        with conn:
            owner = conn.execute("SELECT current_user").fetchone()
            assert owner is not None
            if owner[0] == app_role:
                raise StorageError(
                    f"init-db must run as the tables' owner, not as the server's role {app_role!r}."
                )
            conn.execute(_PG_TABLES)
            role = sql.Identifier(app_role)
            exists = conn.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", (app_role,)
            ).fetchone()
            if exists is None:
                try:
                    # No password here: the password is never on a command line. The
                    # administrator sets one (\password) or uses peer/certificate auth.
                    conn.execute(
                        sql.SQL(
                            "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT"
                        ).format(role)
                    )
                except psycopg.errors.InsufficientPrivilege:
                    raise StorageError(
                        f"The role {app_role!r} does not exist and this owner may not create "
                        f"it; ask a database administrator to run: CREATE ROLE {app_role} LOGIN"
                    ) from None
                notes.append(f"created role {app_role} (set its password or peer auth yourself)")
            schema = sql.Identifier(SCHEMA)
            # Start from nothing, then give exactly what the server needs.
            conn.execute(
                sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}, PUBLIC").format(
                    schema, role
                )
            )
            conn.execute(
                sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}, PUBLIC").format(
                    schema, role
                )
            )
            conn.execute(sql.SQL("REVOKE ALL ON SCHEMA {} FROM PUBLIC").format(schema))
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, role))
            conn.execute(
                sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema, role)
            )
            # INSERT on the columns a device's data fills only: the server's
            # place in the order (server_seq) and the time received always come
            # from the database, so not even the server can backdate or reorder.
            for table, columns in _APP_INSERT_COLUMNS.items():
                conn.execute(
                    sql.SQL("GRANT INSERT ({}) ON {}.{} TO {}").format(
                        sql.SQL(", ").join(sql.Identifier(c) for c in columns),
                        schema,
                        sql.Identifier(table),
                        role,
                    )
                )
            conn.execute(
                sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, role)
            )
            notes.append(
                f"tables ready in schema {SCHEMA}; role {app_role} may SELECT and INSERT only"
            )
    except psycopg.Error as exc:
        raise StorageError(f"init-db failed: {_first_line(exc)}") from None
    return notes


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class PostgresStorage:
    def __init__(self, conninfo: str, *, min_size: int = 1, max_size: int = 10) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool, PoolTimeout

        self._psycopg = psycopg
        self._pool: ConnectionPool[psycopg.Connection[TupleRow]] = ConnectionPool(
            conninfo,
            min_size=min_size,
            max_size=max_size,
            open=False,
            # Reads need no transaction of their own; writes open one explicitly.
            kwargs={"connect_timeout": 15, "autocommit": True},
            timeout=30,
        )
        try:
            self._pool.open(wait=True, timeout=30)
        except PoolTimeout:
            self._pool.close()
            raise StorageError(
                "Cannot connect to the sync database (check the address, the role's "
                "password in ROTH_SYNC_DATABASE, a libpq service file or ~/.pgpass)."
            ) from None
        try:
            with self._pool.connection() as conn:
                row = conn.execute(
                    f"SELECT value FROM {SCHEMA}.meta WHERE key = 'schema_version'"
                ).fetchone()
        except psycopg.Error:
            self._pool.close()
            raise StorageError(
                "The sync database has no tables yet (or this role may not read them); "
                "run 'roth-desktop-server init-db' as the owner first."
            ) from None
        if row is None or row[0] != SCHEMA_VERSION:
            self._pool.close()
            raise StorageError("The sync database was made by another version of the server.")

    def can_modify(self) -> bool:
        """True if this role could UPDATE or DELETE the tables (it should not)."""
        with self._connection() as conn:
            row = conn.execute(
                "SELECT has_table_privilege(%s, 'UPDATE') OR has_table_privilege(%s, 'DELETE')"
                " OR has_table_privilege(%s, 'TRUNCATE')",
                (f"{SCHEMA}.envelope",) * 3,
            ).fetchone()
        return bool(row and row[0])

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[TupleRow]]:
        from psycopg_pool import PoolTimeout

        try:
            with self._pool.connection() as conn:
                yield conn
        except (self._psycopg.OperationalError, PoolTimeout) as exc:
            # A lost or refused connection is the operator's to fix; the
            # client only needs to know to try again later.
            raise StorageError(f"the database is unavailable ({type(exc).__name__})") from None

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[TupleRow]]:
        with self._connection() as conn, conn.transaction():
            yield conn

    def latest_roster_version(self, team_id: str) -> int | None:
        with self._connection() as conn:
            row = conn.execute(
                f"SELECT max(version) FROM {SCHEMA}.roster WHERE team_id = %s", (team_id,)
            ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def roster(self, team_id: str, version: int) -> bytes | None:
        with self._connection() as conn:
            row = conn.execute(
                f"SELECT body FROM {SCHEMA}.roster WHERE team_id = %s AND version = %s",
                (team_id, version),
            ).fetchone()
        return bytes(row[0]) if row else None

    def rosters(self, team_id: str) -> list[bytes]:
        with self._connection() as conn:
            rows = conn.execute(
                f"SELECT body FROM {SCHEMA}.roster WHERE team_id = %s ORDER BY version",
                (team_id,),
            ).fetchall()
        return [bytes(row[0]) for row in rows]

    def add_roster(self, team_id: str, version: int, body: bytes, check: RosterCheck) -> bool:
        with self._transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_LOCK_ROSTER, team_id))
            same = conn.execute(
                f"SELECT body FROM {SCHEMA}.roster WHERE team_id = %s AND version = %s",
                (team_id, version),
            ).fetchone()
            if same is not None:
                if bytes(same[0]) == body:
                    return False
                raise StorageConflict(
                    f"The server already holds a different roster version {version}."
                )
            rows = conn.execute(
                f"(SELECT version, body FROM {SCHEMA}.roster WHERE team_id = %s "
                "ORDER BY version LIMIT 1) UNION ALL "
                f"(SELECT version, body FROM {SCHEMA}.roster WHERE team_id = %s "
                "ORDER BY version DESC LIMIT 1)",
                (team_id, team_id),
            ).fetchall()
            check(_ends(rows))
            conn.execute(
                f"INSERT INTO {SCHEMA}.roster (team_id, version, body) VALUES (%s, %s, %s)",
                (team_id, version, body),
            )
        return True

    def add_envelope(
        self, team_id: str, device_id: str, seq: int, envelope_id: str, blob: bytes
    ) -> Stored:
        with self._transaction() as conn:
            conn.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_LOCK_ENVELOPE, team_id)
            )
            row = conn.execute(
                f"INSERT INTO {SCHEMA}.envelope (team_id, device_id, seq, envelope_id, blob) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING server_seq",
                (team_id, device_id, seq, envelope_id, blob),
            ).fetchone()
            if row is not None:
                return Stored(server_seq=int(row[0]), new=True)
            existing = conn.execute(
                f"SELECT server_seq, team_id, blob FROM {SCHEMA}.envelope WHERE envelope_id = %s",
                (envelope_id,),
            ).fetchone()
        return _already_stored(existing, team_id, blob)

    def envelopes_after(
        self, team_id: str, after: int, limit: int, max_bytes: int
    ) -> list[tuple[int, bytes]]:
        out: list[tuple[int, bytes]] = []
        total = 0
        with self._connection() as conn, conn.cursor() as cur:
            cur.execute(
                f"SELECT server_seq, blob FROM {SCHEMA}.envelope "
                "WHERE team_id = %s AND server_seq > %s ORDER BY server_seq LIMIT %s",
                (team_id, after, limit),
            )
            for seq, blob in cur:
                data = bytes(blob)
                if out and total + len(data) > max_bytes:
                    break
                out.append((int(seq), data))
                total += len(data)
        return out

    def close(self) -> None:
        self._pool.close()


# -- SQLite (trial, one machine) -----------------------------------------------------------


_SQLITE_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS roster (
    team_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    body BLOB NOT NULL,
    received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (team_id, version)
);
CREATE TABLE IF NOT EXISTS envelope (
    server_seq INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    envelope_id TEXT NOT NULL UNIQUE,
    blob BLOB NOT NULL,
    received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (team_id, device_id, seq)
);
CREATE INDEX IF NOT EXISTS envelope_team_seq ON envelope (team_id, server_seq);
CREATE TRIGGER IF NOT EXISTS roster_no_update BEFORE UPDATE ON roster
    BEGIN SELECT RAISE(ABORT, 'sync rosters are append-only'); END;
CREATE TRIGGER IF NOT EXISTS roster_no_delete BEFORE DELETE ON roster
    BEGIN SELECT RAISE(ABORT, 'sync rosters are append-only'); END;
CREATE TRIGGER IF NOT EXISTS envelope_no_update BEFORE UPDATE ON envelope
    BEGIN SELECT RAISE(ABORT, 'sync envelopes are append-only'); END;
CREATE TRIGGER IF NOT EXISTS envelope_no_delete BEFORE DELETE ON envelope
    BEGIN SELECT RAISE(ABORT, 'sync envelopes are append-only'); END;
"""


class SqliteStorage:
    """Trial mode: one file, one server process, one writer at a time."""

    def __init__(self, path: Path) -> None:
        try:
            self._conn = sqlite3.connect(
                str(path), check_same_thread=False, isolation_level=None, timeout=30
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.executescript(_SQLITE_TABLES)
            self._conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )
        except sqlite3.Error as exc:
            raise StorageError(f"Cannot open the trial database {path}: {exc}") from None
        # One connection shared by the server's threads, used under this lock:
        # trial mode trades concurrency for simplicity.
        self._lock = threading.Lock()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def latest_roster_version(self, team_id: str) -> int | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT max(version) FROM roster WHERE team_id = ?", (team_id,)
            ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def roster(self, team_id: str, version: int) -> bytes | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT body FROM roster WHERE team_id = ? AND version = ?", (team_id, version)
            ).fetchone()
        return bytes(row[0]) if row else None

    def rosters(self, team_id: str) -> list[bytes]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT body FROM roster WHERE team_id = ? ORDER BY version", (team_id,)
            ).fetchall()
        return [bytes(row[0]) for row in rows]

    def add_roster(self, team_id: str, version: int, body: bytes, check: RosterCheck) -> bool:
        with self._transaction() as conn:
            same = conn.execute(
                "SELECT body FROM roster WHERE team_id = ? AND version = ?", (team_id, version)
            ).fetchone()
            if same is not None:
                if bytes(same[0]) == body:
                    return False
                raise StorageConflict(
                    f"The server already holds a different roster version {version}."
                )
            rows = conn.execute(
                "SELECT * FROM (SELECT version, body FROM roster WHERE team_id = ? "
                "ORDER BY version LIMIT 1) UNION ALL SELECT * FROM (SELECT version, body "
                "FROM roster WHERE team_id = ? ORDER BY version DESC LIMIT 1)",
                (team_id, team_id),
            ).fetchall()
            check(_ends(rows))
            conn.execute(
                "INSERT INTO roster (team_id, version, body) VALUES (?, ?, ?)",
                (team_id, version, body),
            )
        return True

    def add_envelope(
        self, team_id: str, device_id: str, seq: int, envelope_id: str, blob: bytes
    ) -> Stored:
        with self._transaction() as conn:
            cur = conn.execute(
                "INSERT INTO envelope (team_id, device_id, seq, envelope_id, blob) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING server_seq",
                (team_id, device_id, seq, envelope_id, blob),
            )
            row = cur.fetchone()
            cur.close()
            if row is not None:
                return Stored(server_seq=int(row[0]), new=True)
            existing = conn.execute(
                "SELECT server_seq, team_id, blob FROM envelope WHERE envelope_id = ?",
                (envelope_id,),
            ).fetchone()
        return _already_stored(existing, team_id, blob)

    def envelopes_after(
        self, team_id: str, after: int, limit: int, max_bytes: int
    ) -> list[tuple[int, bytes]]:
        out: list[tuple[int, bytes]] = []
        total = 0
        with self._lock:
            cur = self._conn.execute(
                "SELECT server_seq, blob FROM envelope WHERE team_id = ? AND server_seq > ? "
                "ORDER BY server_seq LIMIT ?",
                (team_id, after, limit),
            )
            for seq, blob in cur:
                data = bytes(blob)
                if out and total + len(data) > max_bytes:
                    break
                out.append((int(seq), data))
                total += len(data)
            cur.close()
        return out

    def close(self) -> None:
        with self._lock:
            self._conn.close()


# -- choosing a backend --------------------------------------------------------------------


def sqlite_path(database: str) -> Path | None:
    """The file of a ``sqlite:PATH`` / ``sqlite:///abs/path`` address, else None."""
    if not database.startswith("sqlite:"):
        return None
    rest = database[len("sqlite:") :]
    if rest.startswith("//"):
        rest = rest[2:]
    if not rest:
        raise StorageError("A trial database address is sqlite:///path/to/file.db")
    return Path(rest)


def open_storage(database: str) -> Storage:
    path = sqlite_path(database)
    if path is not None:
        return SqliteStorage(path)
    return PostgresStorage(database)
