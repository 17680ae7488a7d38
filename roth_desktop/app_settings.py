"""The app's own settings: typed, few, and never about a person.

Only the fields below exist; there is nowhere to put free text, so no name can
end up in the settings file by accident.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from roth_desktop.atomic_files import write_atomic
from roth_desktop.paths import config_dir
from roth_desktop.themes import THEMES, scale_or_default


@dataclass
class AppSettings:
    idle_lock_minutes: int = 5
    last_workspace: str = ""
    keyring_notice_shown: bool = False
    quick_unlock_workspaces: tuple[str, ...] = ()  # workspace ids, never names
    # The Government Security Classification line printed on every PDF page.
    protective_marking: str = "OFFICIAL-SENSITIVE"
    # How the app looks to the person using this laptop: the language of the main
    # window (each window can change its own), the theme and the text size.
    language: str = "en"
    theme: str = "standard"
    text_scale: int = 100  # per cent

    @staticmethod
    def path() -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> AppSettings:
        try:
            raw = json.loads(cls.path().read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        settings = cls()
        if isinstance(raw, dict):
            for f in fields(cls):
                if f.name in raw:
                    setattr(settings, f.name, raw[f.name])
        try:
            settings.quick_unlock_workspaces = tuple(
                str(w) for w in settings.quick_unlock_workspaces
            )
            settings.idle_lock_minutes = max(1, min(int(settings.idle_lock_minutes), 240))
            settings.last_workspace = str(settings.last_workspace)
            settings.keyring_notice_shown = bool(settings.keyring_notice_shown)
            settings.protective_marking = marking_or_default(settings.protective_marking)
            settings.language = settings.language if settings.language in ("en", "cy") else "en"
            settings.theme = settings.theme if settings.theme in THEMES else "standard"
            settings.text_scale = scale_or_default(settings.text_scale)
        except (TypeError, ValueError, OverflowError):
            return cls()  # a hand-edited or damaged file: start from the defaults
        return settings

    def save(self) -> None:
        self.path().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path(), json.dumps(asdict(self), indent=2).encode("utf-8"))


MARKING_PATTERN = re.compile(r"[A-Z][A-Z0-9 \-]{0,39}")


def marking_problem(text: str) -> str | None:
    """A marking is a short label in capitals (OFFICIAL, OFFICIAL-SENSITIVE…), never prose."""
    if not MARKING_PATTERN.fullmatch(text):
        return (
            "A protective marking is up to 40 capital letters, digits, spaces or hyphens, "
            "for example OFFICIAL-SENSITIVE."
        )
    return None


def marking_or_default(value: object) -> str:
    text = str(value)
    return text if marking_problem(text) is None else AppSettings.protective_marking
