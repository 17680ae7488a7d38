"""F1 (or ?) in any window: the keys that work there, read from the window itself.

The list is built from the window's own actions each time it opens, so it can
never drift from what the keys really do; windows with a context map add the
map's keys. A button opens the glossary ("Words we use").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Translated, language, language_of

HELP_KEYS = ("F1", "?")


class HelpOverlay(Translated, QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("help_overlay")
        self.setWindowTitle(self.tr("Keys and help"))
        self.setAccessibleName(self.tr("Keys and help"))
        intro = QLabel(
            self.tr(
                "Everything in this window can be done with the keyboard. Tab moves to the "
                "next control and Shift+Tab back; Space or Enter presses a button; Alt with "
                "an underlined letter jumps to that control."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("help_keys")
        self.table.setAccessibleName(self.tr("Keys"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for keys, what in self.rows(window):
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox()
        self.glossary_button = buttons.addButton(
            self.tr("&Words we use…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.glossary_button.setObjectName("help_glossary")
        self.glossary_button.setAccessibleName(self.tr("Words we use"))
        self.glossary_button.clicked.connect(self.open_glossary)
        close = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("help_close")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)
        self.table.setFocus()

    def rows(self, window: QWidget) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        seen: set[str] = set()
        for action in window.findChildren(QAction):
            if _window_of(action) is not window:
                continue  # a window of its own inside this one (the family screen)
            keys = [k for k in action.shortcuts() if not k.isEmpty()]
            what = action.text().replace("&", "").rstrip("…").strip()
            if not keys or not what or what in seen:
                continue
            seen.add(what)
            shown = self.tr(" or ").join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys
            )
            found.append((shown, what))
        found.sort(key=lambda row: row[1].casefold())
        found.append(("F1 / ?", self.tr("This list of keys")))
        if _has_map(window):
            found.extend(self.map_rows())
        return found

    def map_rows(self) -> list[tuple[str, str]]:
        prefix = self.tr("On the map:")
        return [
            (keys, f"{prefix} {what}")
            for keys, what in (
                (self.tr("Arrow keys, Home, End"), self.tr("choose a context")),
                ("+ / −", self.tr("give the chosen context more or less weight (5%)")),
                (self.tr("Shift with + / −"), self.tr("change the weight by 1%")),
                (self.tr("N or Insert"), self.tr("add a context")),
                (self.tr("Enter or F2"), self.tr("rename the chosen context")),
                ("L", self.tr("link the chosen context to another")),
                ("Delete", self.tr("remove the chosen context")),
                ("Esc", self.tr("stop linking")),
                (self.tr("Menu key or Shift+F10"), self.tr("all actions for the context")),
            )
        ]

    def open_glossary(self) -> None:
        from ui.glossary_view import show_glossary

        show_glossary(self.parentWidget() or self)


def _window_of(action: QAction) -> QObject | None:
    """The window an action belongs to (a menu is a pop-up of its window, not one)."""
    node = action.parent()
    while node is not None:
        if isinstance(node, QWidget) and node.isWindow() and not isinstance(node, QMenu):
            return node
        node = node.parent()
    return None


def _has_map(window: QWidget) -> bool:
    from ui.context_map import ContextMap

    return bool(window.findChildren(ContextMap))


def show_help(window: QWidget) -> HelpOverlay:
    overlay = HelpOverlay(window)
    overlay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    overlay.show()
    overlay.raise_()
    overlay.activateWindow()
    return overlay


def install_help(window: QWidget) -> QAction:
    """Give ``window`` F1 and ? for this overlay."""
    action = QAction(window)
    action.setObjectName("action_help_overlay")
    action.setText(language(language_of(window)).translate("HelpOverlay", "Keys and help"))
    action.setShortcuts([QKeySequence(k) for k in HELP_KEYS])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _c=False: show_help(window))
    window.addAction(action)
    return action
