"""A real window under Xvfb, saved as a PNG that a person looks at.

The picture lands in artifacts/ (ignored by git). The test checks it is a real
rendering of the main window, not a blank frame; looking at it is a person's
job, and the closing notes say who looked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.xvfb
@pytest.mark.skipif(
    shutil.which("xvfb-run") is None,
    reason="xvfb-run is not installed (make test installs it via system-deps)",
)
def test_main_window_screenshot_under_xvfb(demo_folder: Path, tmp_path: Path) -> None:
    passphrase = tmp_path / "pass"
    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    out_dir = REPO / "artifacts"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / "main-window.png"
    out.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1400x900x24",
            sys.executable,
            str(REPO / "tests/ui/screenshot_main_window.py"),
            str(demo_folder),
            str(passphrase),
            str(out),
            "4",
        ],
        check=True,
        env=env,
        timeout=120,
        cwd=REPO,
    )
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1400, 900)
    colours = {image.pixel(x, y) for x in range(0, 1400, 7) for y in range(0, 900, 7)}
    assert len(colours) > 20, "the screenshot is blank"


@pytest.mark.xvfb
@pytest.mark.skipif(
    shutil.which("xvfb-run") is None,
    reason="xvfb-run is not installed (make test installs it via system-deps)",
)
def test_console_and_family_screen_screenshots_mid_conference(
    demo_folder: Path, tmp_path: Path
) -> None:
    passphrase = tmp_path / "pass"
    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    out_dir = REPO / "artifacts"
    out_dir.mkdir(exist_ok=True)
    steps = ["weighting", "voices", "plan"]
    for step in steps:
        for who in ("console", "family"):
            (out_dir / f"{who}-{step}.png").unlink(missing_ok=True)
    subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1920x1080x24",
            sys.executable,
            "-m",  # run as a module from the checkout, so it can import tests.ui
            "tests.ui.screenshot_conference",
            str(demo_folder),
            str(passphrase),
            str(out_dir),
            *steps,
        ],
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        timeout=180,
        cwd=REPO,
    )
    for step in steps:
        for who in ("console", "family"):
            image = QImage(str(out_dir / f"{who}-{step}.png"))
            assert not image.isNull(), (who, step)
            colours = {
                image.pixel(x, y)
                for x in range(0, image.width(), 9)
                for y in range(0, image.height(), 9)
            }
            assert len(colours) > 20, f"{who}-{step}.png is blank"
