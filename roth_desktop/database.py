"""SQLAlchemy engines over SQLCipher, keyed with the raw 256-bit database key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool

# Applied to every connection. temp_store=MEMORY keeps sort and index scratch
# space off the disk (SQLCipher does not encrypt temp files); synchronous=FULL
# plus the rollback journal (encrypted by SQLCipher like the pages) is what
# makes a commit survive a killed process or a pulled plug.
CONNECTION_PRAGMAS = (
    "cipher_log_level = NONE",  # SQLCipher would print its own errors to stderr
    "foreign_keys = ON",
    "temp_store = MEMORY",
    "secure_delete = ON",
    "synchronous = FULL",
    "journal_mode = DELETE",
    "busy_timeout = 10000",
)


def raw_key_pragma(key: bytes | bytearray) -> str:
    # SQLCipher's raw-key form skips its own PBKDF2: the key is already random.
    return f"x'{bytes(key).hex()}'"


def make_engine(path: Path, key: bytes | bytearray, read_only: bool = False) -> Engine:
    if read_only:
        url = URL.create(
            "sqlite+pysqlcipher",
            password=raw_key_pragma(key),
            database=f"{path.resolve().as_uri()}?mode=ro",
            query={"uri": "true"},
        )
    else:
        url = URL.create("sqlite+pysqlcipher", password=raw_key_pragma(key), database=str(path))
    # NullPool: no connection (and so no keyed handle) outlives the work it did,
    # and locking only has to dispose of the engine. hide_parameters keeps
    # record values out of any error text that might reach a log.
    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below
        cursor = dbapi_connection.cursor()
        for pragma in CONNECTION_PRAGMAS[:1] if read_only else CONNECTION_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so the audit chain's
        # read-last-then-append can never interleave with another writer.
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def raw_connect(path: Path, key: bytes | bytearray, read_only: bool) -> Any:
    """A plain DB-API connection, for checks that must not change the file."""
    if read_only:
        connection = sqlcipher3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        connection = sqlcipher3.connect(str(path))
    connection.execute(f"PRAGMA {CONNECTION_PRAGMAS[0]}")
    connection.execute(f'PRAGMA key = "{raw_key_pragma(key)}"')
    connection.execute("PRAGMA temp_store = MEMORY")
    return connection


DatabaseError = sqlcipher3.DatabaseError
