"""The status bar's word on sync: "Synced 10:42 · 3 changes to send · 1 conflict".

Read through the Store on the storage worker after every saved change and after
every sync, like every other view, so the UI thread never waits on the database.
Clicking the words opens the conflicts view when there are conflicts to resolve;
otherwise it says in the status bar where and as whom this laptop syncs.

The words follow the language of the window the status bar is in; the functions
take that language's code (English when not given, as the CLI and tests read them).
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from roth_desktop.sync.status import SyncStatus, sync_status
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language, language_of
from ui.store import Store

NOT_IN_TEAM = QT_TRANSLATE_NOOP("SyncStatus", "Not in a sync team")


def _plural(count: int, one: str, many: str) -> str:
    """``one`` and ``many`` are translated and hold ``{count}``."""
    return (one if count == 1 else many).format(count=count)


def status_words(status: SyncStatus, now: datetime | None = None, code: str = "en") -> str:
    """What the status bar says, in plain words; zero counts are left out."""
    words = language(code)
    if not status.in_team:
        return words.translate("SyncStatus", NOT_IN_TEAM)
    now = now or datetime.now(UTC)
    parts = []
    if status.last_sync is None:
        parts.append(words.translate("SyncStatus", "Not synced yet"))
    else:
        last = status.last_sync
        if last.tzinfo is None:
            last = last.replace(tzinfo=UTC)
        local, today = last.astimezone(), now.astimezone()
        # Today's time alone; an older sync says which day, so nobody mistakes it.
        when = f"{local:%H:%M}" if local.date() == today.date() else f"{local:%d/%m/%Y %H:%M}"
        parts.append(words.translate("SyncStatus", "Synced {when}").format(when=when))
    if status.pending_changes:
        parts.append(
            _plural(
                status.pending_changes,
                words.translate("SyncStatus", "{count} change to send"),
                words.translate("SyncStatus", "{count} changes to send"),
            )
        )
    if status.conflicts:
        parts.append(
            _plural(
                status.conflicts,
                words.translate("SyncStatus", "{count} conflict"),
                words.translate("SyncStatus", "{count} conflicts"),
            )
        )
    if status.held:
        parts.append(
            _plural(
                status.held,
                words.translate("SyncStatus", "{count} batch to confirm"),
                words.translate("SyncStatus", "{count} batches to confirm"),
            )
        )
    return " · ".join(parts)


def status_details(status: SyncStatus, code: str = "en") -> str:
    """The longer story, for the tooltip and for a click when there are no conflicts."""
    words = language(code)
    if not status.in_team:
        return words.translate(
            "SyncStatus",
            "This workspace is not in a sync team. Its records stay on this laptop until "
            "it joins one.",
        )
    unnamed = words.translate("SyncStatus", "unnamed")
    lines = [
        words.translate("SyncStatus", "Team: {team}; this laptop is {device}").format(
            team=status.team_name or unnamed, device=status.device_name or unnamed
        ),
        words.translate("SyncStatus", "Syncs through {target}").format(target=status.target)
        if status.target
        else words.translate("SyncStatus", "No sync target is set yet"),
    ]
    if status.last_problem:
        lines.append(
            words.translate("SyncStatus", "Last problem: {problem}").format(
                problem=status.last_problem
            )
        )
    return ". ".join(lines) + "."


class SyncStatusWidget(Translated, QWidget):
    """The sync words (a flat button) and a "Sync now" tool button, for the status bar."""

    conflicts_requested = Signal()
    details_requested = Signal(str)
    refreshed = Signal()  # after each read has been drawn (tests wait on it)

    def __init__(self, store: Store, sync_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_status_area")
        self.store = store
        self.status: SyncStatus | None = None
        self._generation = 0

        self.summary = QToolButton()
        self.summary.setObjectName("sync_status")
        self.summary.setAutoRaise(True)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary.clicked.connect(lambda _checked=False: self._clicked())

        self.sync_button = QToolButton()
        self.sync_button.setObjectName("sync_now_button")
        self.sync_button.setDefaultAction(sync_action)
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._words()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.sync_button)

        store.changed.connect(self.refresh)
        self.refresh()

    @property
    def text(self) -> str:
        return self.summary.text()

    def _words(self) -> None:
        """Everything this widget says, in its window's language."""
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setAccessibleDescription(
            self.tr("Send this laptop's changes to the team and bring in theirs.")
        )
        if self.status is not None:
            self._draw(self.status)
            return
        self.summary.setText(self.tr("Sync: checking…"))
        self.summary.setAccessibleName(self.tr("Sync status: checking"))
        self.summary.setAccessibleDescription(
            self.tr("Opens the conflicts view when there are conflicts to resolve.")
        )

    def changeEvent(self, event: QEvent) -> None:
        # Made before it is put in the status bar, it learns its window's language then.
        if event.type() == QEvent.Type.ParentChange and hasattr(self, "sync_button"):
            self._words()
        super().changeEvent(event)

    def refresh(self) -> None:
        self._generation += 1
        wanted = self._generation

        def shown(status: SyncStatus) -> None:
            if wanted == self._generation:  # a later read is on its way: skip this one
                self.show_status(status)

        self.store.read(sync_status, shown)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self._draw(status)
        self.refreshed.emit()

    def _draw(self, status: SyncStatus) -> None:
        code = language_of(self)
        words = status_words(status, code=code)
        details = status_details(status, code)
        self.summary.setText(words)
        self.summary.setToolTip(details)
        self.summary.setAccessibleName(self.tr("Sync status: {words}").format(words=words))
        self.summary.setAccessibleDescription(
            self.tr("Opens the conflicts view.") if status.conflicts else details
        )

    def _clicked(self) -> None:
        if self.status is not None and self.status.conflicts:
            self.conflicts_requested.emit()
        elif self.status is not None:
            self.details_requested.emit(status_details(self.status, language_of(self)))
