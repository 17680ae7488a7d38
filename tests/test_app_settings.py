"""The settings file: typed, private, and forgiving of damage."""

from __future__ import annotations

import json

from roth_desktop.app_settings import AppSettings


def test_settings_round_trip_owner_only() -> None:
    settings = AppSettings(idle_lock_minutes=7, last_workspace="/srv/workspaces/team")
    settings.save()
    assert AppSettings.load().idle_lock_minutes == 7
    assert AppSettings.path().stat().st_mode & 0o077 == 0


def test_a_damaged_settings_file_falls_back_to_defaults() -> None:
    AppSettings.path().parent.mkdir(parents=True, exist_ok=True)
    for text in (
        '{"idle_lock_minutes": "soon"}',
        "{not json",
        '["a", "list"]',
        '{"idle_lock_minutes": 1e999}',
    ):
        AppSettings.path().write_text(text, encoding="utf-8")
        assert AppSettings.load() == AppSettings()


def test_out_of_range_values_are_clamped() -> None:
    AppSettings.path().parent.mkdir(parents=True, exist_ok=True)
    AppSettings.path().write_text(json.dumps({"idle_lock_minutes": 0, "unknown": "ignored"}))
    loaded = AppSettings.load()
    assert loaded.idle_lock_minutes == 1
    assert loaded == AppSettings(idle_lock_minutes=1)
