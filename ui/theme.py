"""Stylesheets, loaded from versioned files in resources/styles."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtWidgets import QApplication


def apply_theme(app: QApplication, name: str = "standard") -> None:
    sheet = files("resources").joinpath(f"styles/{name}.qss").read_text("utf-8")
    app.setStyleSheet(sheet)
