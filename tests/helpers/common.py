"""Small helpers shared by the core tests: the CLI, folder snapshots, name scans."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from roth_desktop.demo import create_demo

ROTH_DESKTOP = Path(sys.executable).parent / "roth-desktop"
REPO = Path(__file__).resolve().parents[2]
ERROR_PREFIX = "roth-desktop: "


def run_cli(
    *args: str | Path, stdin_text: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script; stdin is empty (not a tty) unless given."""
    result = subprocess.run(
        [str(ROTH_DESKTOP), *(str(a) for a in args)],
        input=stdin_text if stdin_text is not None else "",
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )
    # The CLI's promise, whatever the command: never a traceback.
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result


def cli_demo(base: Path, passphrase: str) -> dict[str, Any]:
    """A demo workspace made by the command line, with its own config and state folders."""
    env = {
        "ROTH_DESKTOP_CONFIG_DIR": str(base / "config"),
        "ROTH_DESKTOP_STATE_DIR": str(base / "state"),
    }
    secret = base / "passphrase.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    folder = base / "workspace"
    made = run_cli("demo", "--workspace", folder, "--passphrase-file", secret, env=env)
    assert made.returncode == 0, made.stderr
    return {"folder": folder, "secret": secret, "env": env}


def assert_one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """A refusal: non-zero exit and exactly one line on stderr, prefixed."""
    assert result.returncode != 0, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {len(lines)}: {result.stderr!r}"
    assert lines[0].startswith(ERROR_PREFIX), lines[0]
    assert len(lines[0]) > len(ERROR_PREFIX) + 10, lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` (relative path) with its SHA-256."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_dir():
            found[rel + "/"] = "dir"
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def name_patterns(names: Iterable[str]) -> list[tuple[str, bytes]]:
    patterns = []
    for name in names:
        patterns.append((f"{name} (UTF-8)", name.encode("utf-8")))
        patterns.append((f"{name} (UTF-16-LE)", name.encode("utf-16-le")))
    return patterns


def files_under(*folders: Path) -> Iterator[Path]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                yield path


def names_found(files: Iterable[Path], names: Iterable[str]) -> list[str]:
    """'file: name (encoding)' for every fictional name found in a file's raw bytes."""
    patterns = name_patterns(names)
    hits: list[str] = []
    for path in files:
        data = path.read_bytes()
        hits.extend(f"{path}: {label}" for label, pattern in patterns if pattern in data)
    return hits


def build_demo_template(
    tmp_path_factory: pytest.TempPathFactory, passphrase: str, name: str = "demo-template"
) -> Path:
    """Create the fictional demo once, with its own state and config folders."""
    base = tmp_path_factory.mktemp(name)
    folder = base / "workspace"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        create_demo(folder, passphrase).lock()
    return folder


def copy_workspace(template: Path, destination: Path) -> Path:
    shutil.copytree(template, destination)
    return destination
