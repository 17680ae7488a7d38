"""``roth-desktop check``: is this workspace whole, current and honest?

Read-only from start to finish, so checking a damaged workspace never makes it
worse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from roth_desktop import audit
from roth_desktop.database import make_engine
from roth_desktop.errors import RothError
from roth_desktop.schema_migrations import head_revision
from roth_desktop.workspace import (
    DATABASE_FILE,
    Workspace,
    check_revision,
    inspect_database,
    unwrap_throttled,
    wipe_key,
)


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_workspace(folder: Path, passphrase: str) -> list[CheckResult]:
    key = unwrap_throttled(Workspace.read_keyfile(folder), passphrase)
    results = [CheckResult("key file", True, "the passphrase unwraps the database key")]
    try:
        db_path = folder / DATABASE_FILE
        try:
            state = inspect_database(db_path, key)
        except RothError as exc:
            return [*results, CheckResult("database", False, str(exc))]
        results.append(
            CheckResult(
                "database", True, "SQLCipher: every page authenticates and quick_check is ok"
            )
        )
        try:
            check_revision(state.revision)
        except RothError as exc:
            return [*results, CheckResult("schema", False, str(exc))]
        head = head_revision()
        if state.revision != head:
            results.append(
                CheckResult(
                    "schema",
                    False,
                    f"at {state.revision or 'no revision'}, the latest is {head}: "
                    "run 'roth-desktop migrate'",
                )
            )
            return results
        results.append(CheckResult("schema", True, f"at the latest revision ({head})"))
        engine = make_engine(db_path, key, read_only=True)
        try:
            with Session(engine) as session:
                report = audit.verify(session)
        finally:
            engine.dispose()
        if report.ok:
            results.append(
                CheckResult(
                    "audit trail",
                    True,
                    f"{report.entries} entries, hash chain intact, replay matches every record",
                )
            )
        else:
            results.append(CheckResult("audit trail", False, " ".join(report.problems)))
        return results
    finally:
        wipe_key(key)
