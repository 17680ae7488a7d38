"""The "Words we use" window: every glossary term and its plain meaning, searchable.

It opens beside the window it was asked from (non-modal, so the conference carries
on), in that window's language: a family's Welsh screen gets Welsh words and
meanings. Type to filter (accents optional: "grwp" finds "grŵp"); Down or Enter
moves from the search box to the list; the meaning of the chosen word shows in
large type beside it, and a screen reader hears the meaning with each word.
Escape closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.glossary import GlossaryEntry, glossary
from ui.i18n import Translated, language_of

KEY_ROLE = Qt.ItemDataRole.UserRole
# Larger than the window's own text, which already follows the app's text-size setting.
TEXT_SCALE = 1.25
TERM_SCALE = 1.6


def _scaled(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


class GlossaryView(Translated, QDialog):
    keeps_its_window = True  # stays open when the main window is rebuilt in another language

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui_language = language_of(parent)
        self.setObjectName("glossary_view")
        self.setModal(False)
        self.entries: list[GlossaryEntry] = []

        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("glossary_search")
        self.search.setClearButtonEnabled(True)
        self.search.setFont(_scaled(self.font(), TEXT_SCALE))
        self.search_label.setBuddy(self.search)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)

        self.count = QLabel()
        self.count.setObjectName("glossary_count")

        self.list = QListWidget()
        self.list.setObjectName("glossary_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setFont(_scaled(self.font(), TEXT_SCALE))
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(220)
        self.list.currentItemChanged.connect(self._show_current)

        self.term = QLabel()
        self.term.setObjectName("glossary_term")
        self.term.setFont(_scaled(self.font(), TERM_SCALE, bold=True))
        self.term.setWordWrap(True)
        self.term.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning = QLabel()
        self.meaning.setObjectName("glossary_meaning")
        self.meaning.setFont(_scaled(self.font(), TEXT_SCALE))
        self.meaning.setWordWrap(True)
        self.meaning.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Readable by keyboard too: Tab reaches the meaning, and its text can be selected.
        self.meaning.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.meaning.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        # Enter in the search box or the list must never close the window by surprise.
        self.close_button.setAutoDefault(False)
        self.close_button.setDefault(False)
        self.buttons.rejected.connect(self.reject)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        detail = QVBoxLayout()
        detail.addWidget(self.term)
        detail.addWidget(self.meaning, 1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(detail, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.count)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.meaning)
        self.setTabOrder(self.meaning, self.close_button)
        self.resize(760, 480)

        self.retranslate()
        self._fill()

    # -- language --------------------------------------------------------------------------

    def theme_changed(self) -> None:
        """The text size changed while this window is open (ui.theme.apply_theme calls this)."""
        base = QApplication.font()
        self.search.setFont(_scaled(base, TEXT_SCALE))
        self.list.setFont(_scaled(base, TEXT_SCALE))
        self.term.setFont(_scaled(base, TERM_SCALE, bold=True))
        self.meaning.setFont(_scaled(base, TEXT_SCALE))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Words we use"))
        self.setAccessibleName(self.tr("Words we use"))
        self.setAccessibleDescription(
            self.tr("Words used in the conference, and what they mean in plain words.")
        )
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Type a word to find it"))
        self.search.setAccessibleName(self.tr("Search the words"))
        self.search.setAccessibleDescription(
            self.tr("Type part of a word or its meaning. Press Down to go to the list.")
        )
        for clear in self.search.findChildren(QToolButton):  # Qt's clear button
            clear.setAccessibleName(self.tr("Clear the search"))
        self.list.setAccessibleName(self.tr("Words"))
        self.list.setAccessibleDescription(
            self.tr("Choose a word with the arrow keys to see what it means.")
        )
        self.term.setAccessibleName(self.tr("Word"))
        self.meaning.setAccessibleName(self.tr("What it means"))
        self.count.setAccessibleName(self.tr("How many words are shown"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the list of words"))
        self._update_count()

    def set_language(self, code: str) -> None:
        """Show the words and the window's own text in another language."""
        if code == self.ui_language:
            return
        key = self.current_key()
        self.ui_language = code
        self.retranslate()
        self._fill()
        if key:
            self.select(key)

    # -- the list --------------------------------------------------------------------------

    def _fill(self) -> None:
        self.entries = list(glossary(self.ui_language))
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(entry.term)
            item.setData(KEY_ROLE, entry.key)
            # A screen reader hears the meaning with the word, without leaving the list.
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.term)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, entry.meaning)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())

    def _entry(self, item: QListWidgetItem | None) -> GlossaryEntry | None:
        if item is None:
            return None
        key = item.data(KEY_ROLE)
        return next((e for e in self.entries if e.key == key), None)

    def visible_keys(self) -> list[str]:
        """The keys of the words the filter shows, in order."""
        return [
            str(self.list.item(row).data(KEY_ROLE))
            for row in range(self.list.count())
            if not self.list.item(row).isHidden()
        ]

    def current_key(self) -> str | None:
        entry = self._entry(self.list.currentItem())
        return entry.key if entry else None

    def _filter(self, text: str) -> None:
        first: QListWidgetItem | None = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            entry = self._entry(item)
            shown = entry is not None and entry.matches(text)
            item.setHidden(not shown)
            if shown and first is None:
                first = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            if first is None:
                self.list.setCurrentRow(-1)
                self._show_current(None, None)
            else:
                self.list.setCurrentItem(first)
        self._update_count()

    def _update_count(self) -> None:
        shown = len(self.visible_keys()) if self.list.count() else 0
        if shown or not self.search.text().strip():
            self.count.setText(self.tr("Words shown: {count}").format(count=shown))
        else:
            self.count.setText(
                self.tr("No words match “{text}”. Try fewer letters.").format(
                    text=self.search.text().strip()
                )
            )
        self.count.setAccessibleDescription(self.count.text())

    def _show_current(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        entry = self._entry(current)
        self.term.setText(entry.term if entry else "")
        self.meaning.setText(entry.meaning if entry else "")
        self.meaning.setAccessibleDescription(entry.meaning if entry else "")
        self.term.setAccessibleDescription(entry.term if entry else "")
        if current is not None:
            current.setSelected(True)

    def select(self, key: str) -> bool:
        """Show and select the entry called ``key``, clearing a filter that hides it."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KEY_ROLE) == key:
                if item.isHidden():
                    self.search.clear()
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    # -- keyboard --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down, Page Down or Enter in the search box goes to the list of words.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (
                Qt.Key.Key_Down,
                Qt.Key.Key_PageDown,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                if self.list.currentItem() is not None:
                    self.list.setFocus(Qt.FocusReason.TabFocusReason)
                return True  # Enter must not close the window
        return super().eventFilter(watched, event)


def show_glossary(parent: QWidget, key: str | None = None) -> GlossaryView:
    """Open "Words we use" beside ``parent`` (non-modal), at the entry ``key`` if given.

    A glossary already open for this window is brought back rather than opened twice,
    and follows the window's language if that has changed.
    """
    view = next(
        (child for child in parent.findChildren(GlossaryView) if child.parent() is parent),
        None,
    )
    if view is None:
        view = GlossaryView(parent)
    else:
        view.set_language(language_of(parent))
    if key is not None:
        view.select(key)
    view.show()
    view.raise_()
    view.activateWindow()
    if key is None:
        view.search.setFocus(Qt.FocusReason.OtherFocusReason)
    else:
        view.list.setFocus(Qt.FocusReason.OtherFocusReason)
    return view
