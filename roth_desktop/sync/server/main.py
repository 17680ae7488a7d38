"""``roth-desktop-server``: set up and run an organisation's sync server.

    roth-desktop-server init-db --database URL [--app-role NAME]
    roth-desktop-server serve   --database URL [--host H] [--port P]
                                [--tls-cert PEM --tls-key PEM]

``--database`` may be left out when ROTH_SYNC_DATABASE is set. It is a
PostgreSQL URL or libpq string (``postgresql://roth_sync_app@db/roth``,
``service=roth-sync``) or, for a trial on one machine, ``sqlite:///path/file.db``.
A password never goes on the command line, where other users can read it in the
process list: put it in ROTH_SYNC_DATABASE, a libpq service file or ~/.pgpass.
Errors are one line on stderr with a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import ssl
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from roth_desktop import __version__
from roth_desktop.errors import RothError
from roth_desktop.sync.http_target import is_loopback
from roth_desktop.sync.server.storage import (
    DEFAULT_APP_ROLE,
    SqliteStorage,
    StorageError,
    init_postgres,
    open_storage,
    sqlite_path,
)

PROG = "roth-desktop-server"
DATABASE_ENV = "ROTH_SYNC_DATABASE"
DEFAULT_PORT = 8443


class UsageError(RothError):
    pass


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG, description="The ROTH Desktop sync server for an organisation."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    database_help = (
        f"PostgreSQL URL or libpq string, or sqlite:///FILE for a trial "
        f"(default: ${DATABASE_ENV}); never with a password in it"
    )
    init = commands.add_parser(
        "init-db", help="as the database owner: create the tables and the server's role"
    )
    init.add_argument("--database", help=database_help)
    init.add_argument(
        "--app-role",
        default=DEFAULT_APP_ROLE,
        help=f"the role the server connects as, granted SELECT and INSERT only "
        f"(default {DEFAULT_APP_ROLE})",
    )

    serve = commands.add_parser("serve", help="run the server")
    serve.add_argument("--database", help=database_help)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port ({DEFAULT_PORT})")
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate chain for HTTPS")
    serve.add_argument("--tls-key", type=Path, help="PEM private key for HTTPS")
    return parser.parse_args(argv)


def database_address(given: str | None) -> str:
    if given is None:
        from_env = os.environ.get(DATABASE_ENV, "").strip()
        if not from_env:
            raise UsageError(f"Give --database or set {DATABASE_ENV}.")
        return from_env
    if sqlite_path(given) is None and _has_password(given):
        raise UsageError(
            "Do not put the database password on the command line; use "
            f"{DATABASE_ENV}, a libpq service file or ~/.pgpass."
        )
    return given


def _has_password(conninfo: str) -> bool:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return bool(conninfo_to_dict(conninfo).get("password"))
    except Exception as exc:  # psycopg.ProgrammingError: not a conninfo at all
        raise UsageError(f"The database address cannot be read ({type(exc).__name__}).") from None


def tls_context(cert: Path | None, key: Path | None) -> ssl.SSLContext | None:
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise UsageError("Give both --tls-cert and --tls-key, or neither.")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        raise UsageError(f"Cannot load the TLS certificate or key: {exc}") from None
    return context


def run_init_db(args: argparse.Namespace) -> int:
    database = database_address(args.database)
    path = sqlite_path(database)
    if path is not None:
        SqliteStorage(path).close()
        print(f"Trial database ready at {path} (one machine only).")
        return 0
    for line in init_postgres(database, args.app_role):
        print(line)
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from roth_desktop.sync.server.app import SyncServer

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr
    )
    log = logging.getLogger("roth_desktop.sync.server")
    database = database_address(args.database)
    tls = tls_context(args.tls_cert, args.tls_key)
    storage = open_storage(database)
    can_modify = getattr(storage, "can_modify", None)
    if callable(can_modify) and can_modify():
        log.warning(
            "this database role may UPDATE or DELETE sync data; run the server as the "
            "role that init-db granted SELECT and INSERT only"
        )
    if sqlite_path(database) is not None:
        log.warning("trial mode (SQLite): one machine, one server process only")
    if tls is None and not is_loopback(args.host):
        log.warning(
            "serving plain HTTP on %s: devices accept only https://, so put a TLS "
            "reverse proxy in front or give --tls-cert and --tls-key",
            args.host,
        )

    try:
        server = SyncServer((args.host, args.port), storage, tls=tls)
    except OSError as exc:
        storage.close()
        raise UsageError(f"Cannot listen on {args.host}:{args.port}: {exc.strerror}") from None

    def stop(signum: int, frame: FrameType | None) -> None:
        # shutdown() waits for serve_forever to return, so not from its own thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    scheme = "https" if tls else "http"
    log.info(
        "roth-desktop-server %s listening on %s://%s:%d",
        __version__,
        scheme,
        f"[{args.host}]" if ":" in args.host else args.host,
        server.server_address[1],
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        storage.close()
    log.info("stopped")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    try:
        if args.command == "init-db":
            return run_init_db(args)
        return run_serve(args)
    except (RothError, StorageError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:
        print(
            f"{PROG}: the server needs its extra packages: pip install 'roth-desktop[server]' "
            f"({exc.name} is missing)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
