"""The folder target: any folder the team shares (OneDrive, SharePoint, a share, a USB stick).

    <folder>/<team>/devices/<device>/<seq:010d>.rothenv   envelopes, one file each
    <folder>/<team>/roster/<version:06d>.json             the team's signed rosters

Each device writes only files under its own name, and each file once, to a
temporary name first and then renamed, so a file-sync tool never sees two writers
of one file and never copies a half-written one. A file the tool is still
bringing down is incomplete; it is skipped, with everything after it from that
device, until it is whole.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from roth_desktop.atomic_files import write_atomic
from roth_desktop.errors import RothError
from roth_desktop.sync.envelope import EnvelopeIncomplete, EnvelopeRejected, parse_header

ENVELOPE_NAME = re.compile(r"^(\d{10})\.rothenv$")
ROSTER_NAME = re.compile(r"^(\d{6})\.json$")


class SyncTargetError(RothError):
    pass


class FolderTarget:
    def __init__(self, root: Path, team_id: str) -> None:
        self.root = root
        self.team_dir = root / team_id
        self.description = f"folder:{root}"
        self.incomplete: list[str] = []  # files skipped this time, for the report

    def _ready(self) -> None:
        if not self.root.is_dir():
            raise SyncTargetError(f"The sync folder {self.root} is not there or is not a folder.")

    def publish_roster(self, roster: bytes, version: int) -> None:
        self._ready()
        path = self.team_dir / "roster" / f"{version:06d}.json"
        if path.exists():
            return  # rosters are signed and never change; another device got there first
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, roster, mode=0o644)

    def rosters(self) -> list[bytes]:
        self._ready()
        folder = self.team_dir / "roster"
        if not folder.is_dir():
            return []
        names = sorted(p.name for p in folder.iterdir() if ROSTER_NAME.match(p.name))
        return [(folder / name).read_bytes() for name in names]

    def push(self, device_id: str, seq: int, envelope_id: str, blob: bytes) -> None:
        self._ready()
        path = self.team_dir / "devices" / device_id / f"{seq:010d}.rothenv"
        if path.exists():
            if path.read_bytes() == blob:
                return  # pushed before a crash, or twice: nothing to do
            raise SyncTargetError(
                f"The sync folder already holds a different envelope {seq} for this device "
                f"({path}); another copy of this workspace may be syncing as the same device."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, blob, mode=0o644)
        del envelope_id

    def pull(self, cursor: str | None) -> tuple[list[bytes], str]:
        """Whole envelopes after the cursor ({device: last seq read, with none missing})."""
        self._ready()
        seen: dict[str, int] = json.loads(cursor) if cursor else {}
        blobs: list[bytes] = []
        self.incomplete = []
        devices = self.team_dir / "devices"
        if not devices.is_dir():
            return [], json.dumps(seen, sort_keys=True)
        for device_dir in sorted(devices.iterdir()):
            if not device_dir.is_dir():
                continue
            last = seen.get(device_dir.name, 0)
            numbered = sorted(
                (int(m.group(1)), entry.name)
                for entry in os.scandir(device_dir)
                if (m := ENVELOPE_NAME.match(entry.name))
            )
            for seq, name in numbered:
                if seq <= last:
                    continue
                blob = (device_dir / name).read_bytes()
                try:
                    parse_header(blob)
                except EnvelopeIncomplete:
                    self.incomplete.append(f"{device_dir.name}/{name}")
                    break  # wait for it; later ones from this device depend on it
                except EnvelopeRejected:
                    pass  # the engine rejects it and says why
                blobs.append(blob)
                if seq == last + 1:
                    # The cursor moves only past an unbroken run: a file-sync tool may
                    # bring envelope 3 down before 2, and 2 must still be read later.
                    last = seq
            seen[device_dir.name] = last
        return blobs, json.dumps(seen, sort_keys=True)
