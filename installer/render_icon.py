"""Render the icon's one source, installer/roth-desktop.svg, into the files packaging needs.

    python installer/render_icon.py OUT_DIR

writes OUT_DIR/roth-desktop.png (256 px, for the Linux .desktop entry) and
OUT_DIR/roth-desktop.ico (16 to 256 px, for the Windows executable and Inno Setup).

The pictures are made at build time rather than committed: the SVG stays the only
thing a person edits, and no binary drifts out of step with it. Qt's own SVG
renderer (QtSvg ships in PySide6-Essentials) does the drawing, so nothing beyond
the app's dependencies is needed. The ICO is written here, not by Qt's ico plugin,
because that plugin stores a single size and Windows wants several.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

# No display is needed to draw into an image; set before Qt reads it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SOURCE = Path(__file__).resolve().with_name("roth-desktop.svg")
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An uncompressed 32-bit icon image: what every Windows tool reads for small sizes."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    # Rows bottom-up, each pixel B, G, R, A (Format_ARGB32 in little-endian memory order).
    rows = [bytes(argb.constScanLine(y))[: size * 4] for y in range(size - 1, -1, -1)]
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    # The AND mask is unused with an alpha channel but must be there: all zero,
    # one bit a pixel, each row padded to four bytes.
    mask = bytes(((size + 31) // 32) * 4 * size)
    return header + b"".join(rows) + mask


def ico_bytes(renderer: QSvgRenderer) -> bytes:
    # 256 px as PNG (Vista and later read it, and it keeps the file small); smaller as DIB.
    images = [
        png_bytes(render(renderer, s)) if s == 256 else dib_bytes(render(renderer, s))
        for s in ICO_SIZES
    ]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = 0 if size == 256 else size  # 0 means 256 in an icon directory
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(images)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: render_icon.py OUT_DIR", file=sys.stderr)
        return 2
    out_dir = Path(argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication(argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icon: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    (out_dir / "roth-desktop.png").write_bytes(png_bytes(render(renderer, 256)))
    (out_dir / "roth-desktop.ico").write_bytes(ico_bytes(renderer))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
