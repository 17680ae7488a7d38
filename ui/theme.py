"""Applies a colour theme and a text size to the whole app.

The colours come from ``resources/themes/<key>.json`` (see roth_desktop/themes.py,
which also checks their contrast); the stylesheet is a template in
``resources/styles/app.qss``. Text size scales the application font, so every
widget without a font of its own follows it; windows that size their own text
(the family screen, the map) implement ``set_text_scale`` and are told here.
"""

from __future__ import annotations

from importlib.resources import files
from string import Template

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from roth_desktop.themes import Theme, load_theme

_ROLES: dict[str, QPalette.ColorRole] = {
    "window": QPalette.ColorRole.Window,
    "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate_base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText,
    "tooltip_base": QPalette.ColorRole.ToolTipBase,
    "tooltip_text": QPalette.ColorRole.ToolTipText,
    "placeholder_text": QPalette.ColorRole.PlaceholderText,
    "link": QPalette.ColorRole.Link,
    "light": QPalette.ColorRole.Light,
    "midlight": QPalette.ColorRole.Midlight,
    "mid": QPalette.ColorRole.Mid,
    "dark": QPalette.ColorRole.Dark,
    "shadow": QPalette.ColorRole.Shadow,
}

_current: Theme = load_theme("standard")
_scale = 1.0
_base_point_size: float | None = None  # the system's own size, before any scaling


def colour(role: str) -> QColor:
    """A colour of the current theme, alpha included, for widgets that paint themselves."""
    r, g, b, a = _current.rgba(role)
    return QColor(r, g, b, a)


def css_colour(role: str) -> str:
    """A colour of the current theme for a widget's own style sheet."""
    return _css(_current, role)


def current_theme() -> Theme:
    return _current


def text_scale() -> float:
    return _scale


def palette_for(theme: Theme) -> QPalette:
    palette = QPalette()
    for key, role in _ROLES.items():
        r, g, b, a = theme.rgba(key)
        palette.setColor(role, QColor(r, g, b, a))
    # Greyed-out controls keep a readable (if quieter) colour in every theme.
    r, g, b, a = theme.rgba("mid")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(r, g, b, a))
    return palette


def stylesheet(theme: Theme, scale: float) -> str:
    template = Template(files("resources").joinpath("styles/app.qss").read_text("utf-8"))
    values: dict[str, object] = {key: _css(theme, key) for key in theme.colours}
    values.update(
        heading_pt=round(13 * scale, 1),
        big_pt=round(18 * scale, 1),
        pad_v=round(4 * scale),
        pad_h=round(12 * scale),
        focus_pad_v=max(0, round(4 * scale) - 2),
        focus_pad_h=max(0, round(12 * scale) - 2),
        indicator=round(16 * scale),
        check_image=_check_image(theme),
    )
    return template.substitute(values)


def _check_image(theme: Theme) -> str:
    """The tick drawn on the highlight colour: black on a light one, white on a dark one."""
    r, g, b, _a = theme.rgba("highlight")
    light = (0.299 * r + 0.587 * g + 0.114 * b) > 140
    name = "check-black.svg" if light else "check-white.svg"
    return str(files("resources").joinpath(f"styles/{name}")).replace("\\", "/")


def _css(theme: Theme, key: str) -> str:
    r, g, b, a = theme.rgba(key)
    return f"rgba({r}, {g}, {b}, {a})"


def apply_theme(app: QApplication, name: str = "standard", scale_percent: int = 100) -> None:
    """Colours, stylesheet and text size for every window, open or yet to open."""
    global _current, _scale, _base_point_size
    _current = load_theme(name)
    _scale = scale_percent / 100
    if _base_point_size is None:
        size = app.font().pointSizeF()
        _base_point_size = size if size > 0 else 10.0
    app.setStyle("Fusion")  # draws from the palette alone, the same on every platform
    app.setPalette(palette_for(_current))
    font = QFont(app.font())
    font.setPointSizeF(_base_point_size * _scale)
    app.setFont(font)
    app.setStyleSheet(stylesheet(_current, _scale))
    for widget in app.allWidgets():
        refresh = getattr(widget, "theme_changed", None)
        if callable(refresh):
            refresh()
        widget.update()
