"""Slow down repeated wrong passphrases.

Argon2id already makes each guess cost memory and time; on top of that, after a
few misses each further attempt waits, doubling up to a minute. The count is
kept per workspace id in the state folder, outside the workspace, so a wrong
passphrase never touches the workspace's own files, and a new process (the
command line) cannot reset it. The file holds workspace ids and counts only.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from roth_desktop.atomic_files import write_atomic

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 60.0


def delay_for(failures: int) -> float:
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))


class UnlockThrottle:
    def __init__(self, state_file: Path, sleep: Callable[[float], None] = time.sleep) -> None:
        self._file = state_file
        self._sleep = sleep

    def _load(self) -> dict[str, int]:
        try:
            data = json.loads(self._file.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): int(v) for k, v in data.items() if isinstance(v, int)}

    def _save(self, data: dict[str, int]) -> None:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self._file, json.dumps(data, sort_keys=True).encode("utf-8"))

    def failures(self, workspace_id: str) -> int:
        return self._load().get(workspace_id, 0)

    def wait_before_attempt(self, workspace_id: str) -> float:
        """Sleep as long as earlier failures require; return the seconds waited."""
        delay = delay_for(self.failures(workspace_id))
        if delay:
            self._sleep(delay)
        return delay

    def record_failure(self, workspace_id: str) -> None:
        data = self._load()
        data[workspace_id] = data.get(workspace_id, 0) + 1
        self._save(data)

    def record_success(self, workspace_id: str) -> None:
        data = self._load()
        if data.pop(workspace_id, None) is not None:
            self._save(data)
