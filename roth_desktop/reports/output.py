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


def check_output_path(path: Path, suffix: str) -> Path:
    """Refuse, before any work is done, a target that cannot be written."""
    if path.suffix.lower() != suffix:
        raise ReportError(f"The output file must end in {suffix}: {path.name}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"The folder {folder} does not exist; choose a folder that does.")
    if not os.access(folder, os.W_OK):
        raise ReportError(f"Cannot write to the folder {folder}; choose another.")
    if path.is_dir():
        raise ReportError(f"{path} is a folder; give a file name.")
    return path


def write_output(path: Path, data: bytes, suffix: str) -> Path:
    check_output_path(path, suffix)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ReportError(f"Could not write {path.name} ({exc.strerror}).") from None
    return path
