"""Where the app keeps its own small files (never personal data).

Settings and the unlock-throttle state live outside any workspace, in the
user's per-platform folders. Tests and portable installs point them elsewhere
with ROTH_DESKTOP_CONFIG_DIR and ROTH_DESKTOP_STATE_DIR.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _platform_dir(kind: str) -> Path:
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return base / "ROTH Desktop" / kind
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "ROTH Desktop" / kind
    xdg = "XDG_CONFIG_HOME" if kind == "config" else "XDG_STATE_HOME"
    default = home / (".config" if kind == "config" else ".local/state")
    return Path(os.environ.get(xdg, default)) / "roth-desktop"


def config_dir() -> Path:
    override = os.environ.get("ROTH_DESKTOP_CONFIG_DIR")
    return Path(override) if override else _platform_dir("config")


def state_dir() -> Path:
    override = os.environ.get("ROTH_DESKTOP_STATE_DIR")
    return Path(override) if override else _platform_dir("state")
