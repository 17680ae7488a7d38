"""The fonts every conference PDF embeds: DejaVu Sans, bundled with the app.

The PDF base fonts (Helvetica and friends) have no ŵ or ŷ, so a Welsh record
would print holes where those letters belong, and a reader without the font
would substitute something else. DejaVu covers Welsh and much more, and
ReportLab embeds only the glyphs a document uses.

Registration changes ReportLab's process-wide font table, so it happens once,
under a lock: two exports started together from different threads must not
register half a family each.
"""

from __future__ import annotations

import threading
from importlib.resources import files
from io import BytesIO

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "RothSans"
BOLD = "RothSans-Bold"
ITALIC = "RothSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Make the fonts known to ReportLab; safe to call from any thread, any number of times.

    Returns the regular face's name, for a caller that only wants a font to set text in.
    """
    global _registered
    with _lock:
        if _registered:
            return REGULAR
        folder = files("resources").joinpath("fonts")
        for name, filename in _FILES.items():
            # Read into memory so the fonts load the same from a wheel, a zip or a folder.
            data = BytesIO(folder.joinpath(filename).read_bytes())
            pdfmetrics.registerFont(TTFont(name, data))
        # No bold-italic face is bundled: bold is the closer match for emphasis in a heading.
        for bold, italic, face in (
            (0, 0, REGULAR),
            (1, 0, BOLD),
            (0, 1, ITALIC),
            (1, 1, BOLD),
        ):
            addMapping(REGULAR, bold, italic, face)
        _registered = True
        return REGULAR
