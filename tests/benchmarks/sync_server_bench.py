"""A real sync server on PostgreSQL for the sync benchmark (see bench_sync.py)."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from roth_desktop.sync.server.app import SyncServer
from roth_desktop.sync.server.storage import DEFAULT_APP_ROLE, PostgresStorage, init_postgres
from tests.helpers.postgres import binaries, cluster_on_loopback
from tests.helpers.sync_team import Team

Retarget = Callable[[Team], str]


@contextmanager
def server_for_benchmark(base: Path) -> Iterator[Retarget | None]:
    """Yield a function giving each team copy a fresh database and server, or None."""
    bin_dir = binaries()
    if bin_dir is None:
        yield None
        return
    del base
    with cluster_on_loopback(bin_dir) as cluster:
        app_password = secrets.token_hex(16)
        servers: list[tuple[SyncServer, threading.Thread, PostgresStorage]] = []

        def retarget(team: Team) -> str:
            name = "roth_bench_" + secrets.token_hex(6)
            cluster.sql(f"CREATE DATABASE {name}")
            init_postgres(cluster.superuser_conninfo(name), DEFAULT_APP_ROLE)
            cluster.sql(f"ALTER ROLE {DEFAULT_APP_ROLE} PASSWORD '{app_password}'")
            storage = PostgresStorage(cluster.conninfo(DEFAULT_APP_ROLE, app_password, name))
            server = SyncServer(("127.0.0.1", 0), storage, tls=None)
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            servers.append((server, thread, storage))
            del team
            return f"http://127.0.0.1:{server.server_address[1]}"

        try:
            yield retarget
        finally:
            for server, thread, storage in servers:
                server.shutdown()
                server.server_close()
                thread.join()
                storage.close()
