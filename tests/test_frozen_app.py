"""The frozen Linux build, as an IT team gets it: built by installer/build.sh, run
with nothing of the developer's environment, unpacked from its tarball.

Building takes minutes, so this runs in CI (CI=true) and locally with
ROTH_BUILD_FROZEN=1. An existing dist/roth-desktop is reused; delete dist/ to
test a fresh build.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import shutil
import stat
import struct
import subprocess
import tarfile
import tomllib
from pathlib import Path

import pytest

from roth_desktop import __version__
from roth_desktop.self_test import CORE_CHECKS
from tests.helpers.common import REPO

WANTED = os.environ.get("CI") == "true" or os.environ.get("ROTH_BUILD_FROZEN") == "1"
pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(
        not WANTED,
        reason="builds the PyInstaller bundle (minutes): runs when CI=true or ROTH_BUILD_FROZEN=1",
    ),
]

VERSION = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]
APP_DIR = REPO / "dist" / "roth-desktop"
APP = APP_DIR / "roth-desktop"
STEM = f"roth-desktop-{VERSION}-linux-{platform.machine()}"
TARBALL = REPO / "dist" / f"{STEM}.tar.gz"
PASSPHRASE = "Fernleigh frozen test passphrase"


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not (APP.is_file() and TARBALL.is_file()):
        built = subprocess.run(
            [str(REPO / "installer" / "build.sh")],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        assert built.returncode == 0, (built.stdout + built.stderr)[-4000:]
    assert APP.is_file() and TARBALL.is_file()
    return APP


def _clean_env(base: Path) -> dict[str, str]:
    """A fresh user on a fresh machine: no virtualenv, no Python, no display, an empty home."""
    for name in ("home", "tmp"):
        (base / name).mkdir(exist_ok=True)
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(base / "home"),
        "TMPDIR": str(base / "tmp"),
        "LANG": "C.UTF-8",
    }


def _run(
    command: list[str | Path], env: dict[str, str], cwd: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        env=env,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_the_frozen_self_test_passes_on_a_clean_environment(bundle: Path, tmp_path: Path) -> None:
    env = _clean_env(tmp_path)
    result = _run([bundle, "--self-test"], env, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    names = [line[6:].split(":", 1)[0] for line in lines]
    assert names == [name for name, _ in CORE_CHECKS] + ["qt", "welsh"]
    assert all(line.startswith("ok    ") for line in lines), result.stdout
    assert f"ROTH Desktop {__version__} (frozen)" in lines[0]
    assert "no plain-text backend" in next(line for line in lines if "keyring:" in line)
    # The temporary folder is gone and nothing was left in the user's settings.
    assert list((tmp_path / "tmp").iterdir()) == []
    home = tmp_path / "home"
    assert not (home / ".config" / "roth-desktop").exists()
    assert not (home / ".local" / "state" / "roth-desktop").exists()


def test_no_plain_text_keyring_is_anywhere_in_the_bundle(bundle: Path) -> None:
    importlib.invalidate_caches()  # build.sh may have installed PyInstaller just now
    from PyInstaller.archive.readers import pkg_archive_contents

    files = [p.relative_to(APP_DIR) for p in APP_DIR.rglob("*")]
    assert [p for p in files if any(part.startswith("keyrings") for part in p.parts)] == []
    # Compiled modules live inside the executable's archive, not as files: list them too.
    modules = pkg_archive_contents(str(bundle))
    assert "roth_desktop.self_test" in modules  # the listing does reach the modules
    assert "keyring.backends.SecretService" in modules  # the real OS keyring is there
    assert "jeepney" in modules and "secretstorage" in modules
    assert [m for m in modules if m.startswith("keyrings")] == []


def test_the_frozen_app_does_a_days_work_from_the_command_line(
    bundle: Path, tmp_path: Path
) -> None:
    """Beyond the self-test: the demo, the audit check, a Welsh PDF and the data return."""
    env = {
        **_clean_env(tmp_path),
        "ROTH_DESKTOP_CONFIG_DIR": str(tmp_path / "config"),
        "ROTH_DESKTOP_STATE_DIR": str(tmp_path / "state"),
    }
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    ws: list[str | Path] = ["--workspace", tmp_path / "workspace", "--passphrase-file", secret]
    assert _run([bundle, "--version"], env, tmp_path).stdout.strip() == f"roth-desktop {VERSION}"
    made = _run([bundle, "demo", *ws], env, tmp_path)
    assert made.returncode == 0, made.stderr
    checked = _run([bundle, "check", *ws], env, tmp_path)
    assert checked.returncode == 0, checked.stderr
    listed = _run([bundle, "list", *ws, "--json"], env, tmp_path)
    cases = [c for p in json.loads(listed.stdout)["young_people"] for c in p["cases"]]
    conference = next(c["id"] for case in cases for c in case["conferences"])
    pdf = tmp_path / "family.pdf"
    family = ["--conference", conference, "--audience", "family", "--language", "cy"]
    report = _run([bundle, "report", *ws, *family, "--out", pdf], env, tmp_path)
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and b"FontFile2" in pdf.read_bytes()
    workbook = tmp_path / "return.xlsx"
    span = ["--from", "2020-01-01", "--to", "2030-12-31"]
    data_return = _run(
        [bundle, "export", "data-return", *ws, *span, "--out", workbook], env, tmp_path
    )
    assert data_return.returncode == 0, data_return.stderr
    assert workbook.read_bytes().startswith(b"PK")  # an xlsx is a zip


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_tarball_holds_the_app_its_desktop_entry_and_icon(bundle: Path, tmp_path: Path) -> None:
    with tarfile.open(TARBALL) as archive:
        names = set(archive.getnames())
        for name in ("roth-desktop.desktop", "roth-desktop.png", "install.sh"):
            assert f"{STEM}/{name}" in names, name
        app = archive.getmember(f"{STEM}/roth-desktop/roth-desktop")
        assert app.isfile() and app.mode & stat.S_IXUSR
        archive.extractall(tmp_path, filter="tar")
    unpacked = tmp_path / STEM
    assert _png_size((unpacked / "roth-desktop.png").read_bytes()) == (256, 256)
    entry = (unpacked / "roth-desktop.desktop").read_text("utf-8")
    assert "Exec=roth-desktop\n" in entry and "Icon=roth-desktop\n" in entry
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        checked = subprocess.run(
            [validator, str(unpacked / "roth-desktop.desktop")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr


def test_install_sh_installs_the_unpacked_app_and_removes_it_again(
    bundle: Path, tmp_path: Path
) -> None:
    with tarfile.open(TARBALL) as archive:
        archive.extractall(tmp_path / "unpacked", filter="tar")
    root = tmp_path / "root"
    env = {
        **_clean_env(tmp_path),
        "PREFIX": str(root / "opt" / "roth-desktop"),
        "BINDIR": str(root / "bin"),
        "DATADIR": str(root / "share"),
    }
    install = tmp_path / "unpacked" / STEM / "install.sh"
    installed = _run([install], env, tmp_path)
    assert installed.returncode == 0, installed.stderr
    launcher = root / "bin" / "roth-desktop"
    assert _run([launcher, "--version"], env, tmp_path).stdout.strip() == f"roth-desktop {VERSION}"
    assert (root / "share" / "applications" / "roth-desktop.desktop").is_file()
    assert (
        root / "share" / "icons" / "hicolor" / "256x256" / "apps" / "roth-desktop.png"
    ).is_file()
    removed = _run([install, "--remove"], env, tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert not launcher.exists() and not (root / "opt" / "roth-desktop").exists()
