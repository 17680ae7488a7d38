"""A throwaway PostgreSQL cluster for the sync server's tests.

``postgres_cluster`` (session-scoped) runs initdb into a temporary folder and
starts PostgreSQL on 127.0.0.1 at a free port, with its socket in that folder,
password (SCRAM) authentication for every connection, and a superuser of its
own. As root, PostgreSQL refuses to run, so initdb and pg_ctl run as the
``postgres`` system user that Debian's package creates. Without the binaries
the tests are skipped on a workstation, and fail under CI (``CI=true``), where
``scripts/system-deps.sh`` must have installed them.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "roth_test_super"


@dataclass(frozen=True)
class PostgresCluster:
    bin_dir: Path
    root: Path
    data_dir: Path
    host: str
    port: int
    superuser: str
    superuser_password: str

    def conninfo(self, user: str, password: str, dbname: str = "postgres") -> str:
        return (
            f"postgresql://{user}:{password}@{self.host}:{self.port}/{dbname}"
            "?connect_timeout=15&sslmode=disable"
        )

    def superuser_conninfo(self, dbname: str = "postgres") -> str:
        return self.conninfo(self.superuser, self.superuser_password, dbname)

    def sql(self, statement: str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(self.superuser_conninfo(dbname), autocommit=True) as conn:
            conn.execute(statement.encode())


def binaries() -> Path | None:
    # Debian keeps the server programs off PATH, one folder per major version.
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI must have PostgreSQL: scripts/system-deps.sh installs it)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Runner:
    """Runs PostgreSQL's programs, as the ``postgres`` user when we are root."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.as_root = os.geteuid() == 0
        self.account: pwd.struct_passwd | None = None
        if self.as_root:
            try:
                self.account = pwd.getpwnam("postgres")
            except KeyError:
                _unavailable("running as root, but there is no 'postgres' user to run PostgreSQL")

    def own(self, path: Path) -> None:
        if self.account is not None:
            os.chown(path, self.account.pw_uid, self.account.pw_gid)

    def run(self, program: str, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / program), *args]
        if self.account is not None:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
            cwd="/",
        )


class ClusterError(RuntimeError):
    pass


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[test,server]')")
    bin_dir = binaries()
    if bin_dir is None:
        _unavailable("PostgreSQL's initdb and pg_ctl were not found")
        raise AssertionError("unreachable")
    try:
        with cluster_on_loopback(bin_dir) as cluster:
            yield cluster
    except ClusterError as error:
        pytest.fail(str(error))


@contextmanager
def cluster_on_loopback(bin_dir: Path) -> Iterator[PostgresCluster]:
    """Start a cluster for the tests or the benchmarks, and remove it afterwards."""
    runner = _Runner(bin_dir)
    # Under /tmp rather than pytest's own folder: as root that folder is 0700,
    # and the postgres user could not reach a cluster inside it.
    root = Path(tempfile.mkdtemp(prefix="roth-sync-pg-", dir="/tmp" if runner.as_root else None))
    data_dir = root / "data"
    password = secrets.token_hex(16)
    started = False
    try:
        runner.own(root)
        password_file = root / "superuser-password"
        password_file.write_text(password + "\n", encoding="utf-8")
        runner.own(password_file)
        made = runner.run(
            "initdb",
            [
                "-D",
                str(data_dir),
                "-U",
                SUPERUSER,
                f"--pwfile={password_file}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
                "--no-instructions",
            ],
        )
        password_file.unlink()
        if made.returncode != 0:
            raise ClusterError(f"initdb failed:\n{made.stderr}")
        port = 0
        for _ in range(3):  # another process may take the free port first
            port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root}"
            )
            start = runner.run(
                "pg_ctl",
                [
                    "-D",
                    str(data_dir),
                    "-l",
                    str(root / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    options,
                    "start",
                ],
            )
            if start.returncode == 0:
                started = True
                break
        if not started:
            log = (root / "server.log").read_text(errors="replace")[-2000:]
            raise ClusterError(f"PostgreSQL did not start:\n{start.stderr}\n{log}")
        yield PostgresCluster(
            bin_dir=bin_dir,
            root=root,
            data_dir=data_dir,
            host="127.0.0.1",
            port=port,
            superuser=SUPERUSER,
            superuser_password=password,
        )
    finally:
        if started:
            runner.run("pg_ctl", ["-D", str(data_dir), "-m", "fast", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)
