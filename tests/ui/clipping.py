"""Finds text a widget cannot show whole at its current size (for the text-size tests)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QRadioButton,
    QTabBar,
    QWidget,
)

SLACK = 1  # pixels of rounding


def _scrolls(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, (QAbstractItemView,)):
            return True
        parent = parent.parentWidget()
    return False


def clipped_text(root: QWidget) -> list[str]:
    """One line per visible label, button or tab whose text does not fit."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {widget.objectName() or ''!r}"
        if _scrolls(widget):
            continue  # inside a scroll area: the rest is a scroll away, not cut off
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    problems.append(f"{name}: needs {need}px high, has {widget.height()}px")
            else:
                hint = widget.minimumSizeHint()
                if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
                    problems.append(
                        f"{name} {widget.text()[:30]!r}: needs {hint.width()}x{hint.height()}, "
                        f"has {widget.width()}x{widget.height()}"
                    )
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            hint = (
                widget.sizeHint()
                if isinstance(widget, (QCheckBox, QRadioButton))
                else widget.minimumSizeHint()
            )
            if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
                problems.append(
                    f"{name} {widget.text()[:30]!r}: needs {hint.width()}x{hint.height()}, "
                    f"has {widget.width()}x{widget.height()}"
                )
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.tabRect(i).width() < widget.tabSizeHint(i).width() - SLACK:
                    problems.append(f"{name} tab {widget.tabText(i)!r} is squeezed")
    return problems
