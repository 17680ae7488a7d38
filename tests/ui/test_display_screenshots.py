"""The app at 200% text and in high contrast, in real windows under Xvfb.

The pictures land in artifacts/ for a person to look at for clipped text (the
closing note says who looked). The automated check for clipping is in
test_text_scaling.py; this one proves the windows really render that way.
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
LOOKS = {
    "large-": {"ROTH_SHOT_SCALE": "200"},
    "contrast-": {"ROTH_SHOT_THEME": "high-contrast", "ROTH_SHOT_SCALE": "150"},
    "welsh-": {"ROTH_SHOT_LANGUAGE": "cy"},
}

needs_xvfb = pytest.mark.skipif(
    shutil.which("xvfb-run") is None,
    reason="xvfb-run is not installed (make test installs it via system-deps)",
)


def _run(script: list[str], extra: dict[str, str]) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", **extra}
    subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, *script],
        check=True,
        env=env,
        timeout=180,
        cwd=REPO,
    )


def _dark_share(image: QImage) -> float:
    pixels = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 9)
        for y in range(0, image.height(), 9)
    ]
    return sum(p < 60 for p in pixels) / len(pixels)


@pytest.mark.xvfb
@needs_xvfb
@pytest.mark.parametrize("look", sorted(LOOKS))
def test_main_window_and_conference_in_each_look(
    look: str, demo_folder: Path, tmp_path: Path
) -> None:
    passphrase = tmp_path / "pass"
    passphrase.write_text(PASSPHRASE, encoding="utf-8")
    out_dir = REPO / "artifacts"
    out_dir.mkdir(exist_ok=True)
    main = out_dir / f"{look}main-window.png"
    shots = [main] + [out_dir / f"{look}{who}-safety.png" for who in ("console", "family")]
    for shot in shots:
        shot.unlink(missing_ok=True)
    env = {**LOOKS[look], "ROTH_SHOT_PREFIX": look}
    _run(
        [
            str(REPO / "tests/ui/screenshot_main_window.py"),
            *(str(demo_folder), str(passphrase), str(main), "0"),
        ],
        env,
    )
    _run(
        [
            *("-m", "tests.ui.screenshot_conference"),
            *(str(demo_folder), str(passphrase), str(out_dir), "safety"),
        ],
        env,
    )
    for shot in shots:
        image = QImage(str(shot))
        assert not image.isNull(), shot.name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
        assert len(colours) > 20, f"{shot.name} is blank"
    if look == "contrast-":
        # High contrast is light on black: most of each window is dark.
        assert all(_dark_share(QImage(str(s))) > 0.5 for s in shots)
