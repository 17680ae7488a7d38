"""Putting a finished report where the person chose, and nowhere else.

A report is built in memory and written in one atomic step beside its target,
so a failure half-way leaves no partial file, and nothing is ever staged in a
temp folder where a copy of someone's record could be left behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from roth_desktop.atomic_files import write_atomic
from roth_desktop.reports.audience import ReportError


def _can_write(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def check_output_path(path: Path, suffix: str, *, siblings: tuple[Path, ...] = ()) -> Path:
    """Refuse, before any work is done, a target (or files written beside it) that
    cannot be written."""
    if path.suffix.lower() != suffix:
        raise ReportError(f"The file name must end in {suffix} ('{path.name}' does not).")
    folder = path.parent
    if not folder.is_dir():
        raise ReportError(f"The folder {folder} does not exist; choose one that does.")
    if not _can_write(folder):
        raise ReportError(f"ROTH Desktop cannot write to the folder {folder}; choose another.")
    for target in (path, *siblings):
        if target.is_dir():
            raise ReportError(f"{target.name} is a folder in {folder}; choose another name.")
    return path


def write_output(path: Path, data: bytes, suffix: str) -> Path:
    check_output_path(path, suffix)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ReportError(f"Could not write {path.name} ({exc.strerror}).") from None
    return path
