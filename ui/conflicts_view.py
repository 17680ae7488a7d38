"""The conflicts view: each version of a record changed on two laptops, side by side.

What a conflict is and how answers travel is in ``roth_desktop/sync/conflicts.py``
and docs/sync.md. This view only words them for a person and hands each answer to
the Store, so the answer is saved on the storage worker, audited, and undoable like
any other edit.

Everything the view shows is worked out on the worker in ``load_conflicts``: the
record's type in words, whose record it is, the field's label and every version as
text. Free text (minutes, a family's own words) is shown whole, each version in its
own box: merging two people's words line by line would put words in someone's mouth.

The view's words follow its window's language. ``load_conflicts`` runs on the
worker, so it is handed the window's :class:`~ui.i18n.Language`, looked up on the
UI thread; a compiled translation is only ever read, so reading it there is safe.
"""

from __future__ import annotations

import contextlib
import enum
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Date, DateTime, Table
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session

from roth_desktop import edits
from roth_desktop.errors import RothError
from roth_desktop.models import (
    RECORD_TYPES,
    Assessment,
    Case,
    Conference,
    Record,
    YoungPerson,
)
from roth_desktop.models.people import display_name
from roth_desktop.sync import changelog, conflicts, settings
from roth_desktop.sync.conflicts import ConflictGone, ConflictView
from roth_desktop.sync.merge import from_plain
from roth_desktop.sync.team import current_roster
from roth_desktop.validation import format_date, format_datetime
from ui import record_specs
from ui.forms import translate_words
from ui.i18n import QT_TRANSLATE_NOOP, Language, Translated, language, language_of
from ui.record_table import Column, record_table, selected_row
from ui.store import Store

CONTEXT = "ConflictsView"  # where this module's tables are filed for translators
NO_CONFLICTS = QT_TRANSLATE_NOOP("ConflictsView", "No conflicts to resolve.")
EMPTY = QT_TRANSLATE_NOOP("ConflictsView", "(empty)")

# The record types in the words people use. A type missing here still reads
# sensibly from its table name; this list only makes the common ones kinder.
RECORD_WORDS = {
    "young_person": QT_TRANSLATE_NOOP("ConflictsView", "Young person"),
    "family_member": QT_TRANSLATE_NOOP("ConflictsView", "Family member"),
    "agency": QT_TRANSLATE_NOOP("ConflictsView", "Agency"),
    "professional": QT_TRANSLATE_NOOP("ConflictsView", "Professional"),
    "case_episode": QT_TRANSLATE_NOOP("ConflictsView", "Case"),
    "case_professional": QT_TRANSLATE_NOOP("ConflictsView", "Professional on the case"),
    "pathway_transfer": QT_TRANSLATE_NOOP("ConflictsView", "Pathway transfer"),
    "conference": QT_TRANSLATE_NOOP("ConflictsView", "Conference"),
    "attendance": QT_TRANSLATE_NOOP("ConflictsView", "Attendance"),
    "profile_item": QT_TRANSLATE_NOOP("ConflictsView", "Profile"),
    "voice": QT_TRANSLATE_NOOP("ConflictsView", "Voice"),
    "context_area": QT_TRANSLATE_NOOP("ConflictsView", "Context on the map"),
    "context_link": QT_TRANSLATE_NOOP("ConflictsView", "Link on the map"),
    "partner_item": QT_TRANSLATE_NOOP("ConflictsView", "Partner information"),
    "need": QT_TRANSLATE_NOOP("ConflictsView", "Need"),
    "harm_entry": QT_TRANSLATE_NOOP("ConflictsView", "Harm"),
    "decision_view": QT_TRANSLATE_NOOP("ConflictsView", "View on the decision"),
    "plan_goal": QT_TRANSLATE_NOOP("ConflictsView", "Plan goal"),
    "goal_link": QT_TRANSLATE_NOOP("ConflictsView", "Goal link"),
    "plan_action": QT_TRANSLATE_NOOP("ConflictsView", "Plan action"),
    "minute_entry": QT_TRANSLATE_NOOP("ConflictsView", "Minute"),
    "visit": QT_TRANSLATE_NOOP("ConflictsView", "Visit"),
    "missed_deadline": QT_TRANSLATE_NOOP("ConflictsView", "Missed deadline"),
}

# Fields no form shows by that name; the forms' own labels cover the rest.
FIELD_WORDS = {
    ("minute_entry", "text"): QT_TRANSLATE_NOOP("ConflictsView", "Minute text"),
    ("voice", "words"): QT_TRANSLATE_NOOP("ConflictsView", "Their words"),
    ("profile_item", "text"): QT_TRANSLATE_NOOP("ConflictsView", "What was said"),
    ("conference", "young_person_view"): QT_TRANSLATE_NOOP("ConflictsView", "Young person's view"),
    ("conference", "family_view"): QT_TRANSLATE_NOOP("ConflictsView", "Family's view"),
}


# -- reading (on the worker) -------------------------------------------------------------
@dataclass(frozen=True)
class VersionShown:
    number: int  # 1 for the oldest
    value: Any  # as it travelled (plain JSON), ready to hand back to resolve_field
    text: str  # the whole value in words
    device: str  # the laptop it was written on, by its name in the team
    who: str  # "root on Chair laptop", in the window's language
    when: str  # local time, as every other time in the app
    shown: bool  # the record shows this version until someone chooses


@dataclass(frozen=True)
class ConflictRow:
    conflict: ConflictView
    record_words: str  # "Young person"
    whose: str  # "Kai Brennan (KB)", or "" when the record belongs to nobody in particular
    field_label: str  # "" for a whole-record conflict
    base_text: str  # "Before either change", in words
    versions: tuple[VersionShown, ...]
    free_text: bool
    what: str = ""  # the field's label, or "deleted on one laptop, changed on another"

    @property
    def deleted(self) -> bool:
        return self.conflict.kind == changelog.RECORD_CONFLICT

    @property
    def record(self) -> str:
        return f"{self.record_words}: {self.whose}" if self.whose else self.record_words

    @property
    def title(self) -> str:
        return f"{self.record}, {self.what or self.field_label}"


class _Words:
    """How one workspace's records read, looked up once per load, in one language."""

    def __init__(self, session: Session, lang: Language) -> None:
        self.session = session
        self.lang = lang
        specs = {
            "young_person": record_specs.young_person(),
            "family_member": record_specs.family_member(),
            "case_episode": record_specs.case() + record_specs.transition(),
            "conference": record_specs.conference([]),
            "attendance": record_specs.attendance(),
            "visit": record_specs.visit([]),
            "professional": record_specs.professional([]),
            "agency": record_specs.agency(),
        }
        self.labels = {table: {s.name: s.label for s in fields} for table, fields in specs.items()}
        self.choices = {
            (table, s.name): dict(s.choices)
            for table, fields in specs.items()
            for s in fields
            if s.choices
        }
        me = settings.get(session, settings.DEVICE_ID)
        try:
            roster = current_roster(session)
        except RothError:
            roster = None
        self.devices: dict[str, str] = {}
        if roster is not None:
            for member in roster.members:
                mine = (
                    self.lang.translate("ConflictsView", "{device} (this laptop)")
                    if member.device_id == me
                    else "{device}"
                )
                self.devices[member.device_id] = mine.format(device=member.name)

    def record_words(self, table: str) -> str:
        if table in RECORD_WORDS:
            return self.lang.translate(CONTEXT, RECORD_WORDS[table])
        return table.replace("_", " ").capitalize()

    def field_label(self, table: str, field: str) -> str:
        if (table, field) in FIELD_WORDS:
            return self.lang.translate(CONTEXT, FIELD_WORDS[(table, field)])
        label = self.labels.get(table, {}).get(field)
        if label:
            return translate_words(self.lang.code, label)  # as the record's form words it
        return field.removesuffix("_id").replace("_", " ").capitalize()

    def device(self, version: str) -> str:
        try:
            device_id = changelog.split_version(version)[2]
        except ValueError:
            return self.lang.translate("ConflictsView", "another laptop")
        unknown = self.lang.translate("ConflictsView", "laptop {device}")
        return self.devices.get(device_id, unknown.format(device=device_id[:8]))

    def value(self, table: Table, table_name: str, field: str, value: Any) -> str:
        """A stored value as people read it; free text stays whole, line breaks and all."""
        if value is None or value == "":
            return self.lang.translate(CONTEXT, EMPTY)
        if isinstance(value, bool):
            if value:
                return self.lang.translate("ConflictsView", "Yes")
            return self.lang.translate("ConflictsView", "No")
        choices = self.choices.get((table_name, field))
        if choices and str(value) in choices:
            return translate_words(self.lang.code, choices[str(value)])
        column = table.columns.get(field)
        if column is None:
            return str(value)
        if isinstance(column.type, SqlEnum) and column.type.enum_class is not None:
            enum_class: type[enum.Enum] = column.type.enum_class
            try:
                member = enum_class(value)
            except ValueError:
                return str(value)
            return translate_words(self.lang.code, str(getattr(member, "label", member.value)))
        if isinstance(column.type, DateTime) and isinstance(value, str):
            return format_datetime(datetime.fromisoformat(value))
        if isinstance(column.type, Date) and isinstance(value, str):
            return format_date(date.fromisoformat(value))
        if column.foreign_keys and isinstance(value, str):
            return self.linked(column, value)
        return str(value)

    def linked(self, column: Any, record_id: str) -> str:
        """A link to another record by that record's name, never its id."""
        target = next(iter(column.foreign_keys)).column.table.name
        cls = RECORD_TYPES.get(target)
        other = self.session.get(cls, record_id) if cls is not None else None
        if other is None:
            gone = self.lang.translate("ConflictsView", "a {record} no longer here")
            return gone.format(record=self.record_words(target).lower())
        name = getattr(other, "display_name", None) or getattr(other, "name", None)
        return str(name) if name else self.record_words(target)

    def whose(self, table_name: str, record_id: str, values: dict[str, Any]) -> str:
        """The young person a record is about: its own link, or its case's, conference's or
        assessment's."""
        cls = RECORD_TYPES.get(table_name)
        record = self.session.get(cls, record_id) if cls is not None else None
        found = dict(values)
        if record is not None:
            found.update(record.values())
        person: YoungPerson | None = None
        if table_name == "young_person":
            first, last = found.get("first_name") or "", found.get("last_name") or ""
            name = display_name(first, found.get("preferred_name") or "", last)
            initials = "".join(part[:1].upper() for part in (first, last) if part)
            return f"{name} ({initials})" if name else ""
        if found.get("young_person_id"):
            person = self.session.get(YoungPerson, found["young_person_id"])
        else:
            case_id = found.get("case_id")
            if not case_id and found.get("conference_id"):
                conference = self.session.get(Conference, found["conference_id"])
                case_id = conference.case_id if conference is not None else None
            if not case_id and found.get("assessment_id"):
                assessment = self.session.get(Assessment, found["assessment_id"])
                case_id = assessment.case_id if assessment is not None else None
            case = self.session.get(Case, case_id) if case_id else None
            person = case.young_person if case is not None else None
        if person is None:
            return ""
        return f"{person.display_name} ({person.initials})"


def _when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)  # as the clock on the wall shows
    return format_datetime(moment)


def _row(words: _Words, conflict: ConflictView) -> ConflictRow:
    cls = RECORD_TYPES[conflict.table_name]
    table = cls.__table__
    assert isinstance(table, Table)
    deleted = conflict.kind == changelog.RECORD_CONFLICT
    last = len(conflict.versions)
    versions = []
    for number, version in enumerate(conflict.versions, start=1):
        if deleted and isinstance(version.value, dict):
            text = "\n".join(
                f"{words.field_label(conflict.table_name, k)}: "
                f"{words.value(table, conflict.table_name, k, v)}"
                for k, v in version.value.items()
                if k in table.columns and k != "id" and k not in Record.BOOKKEEPING
            )
        else:
            text = words.value(table, conflict.table_name, conflict.field, version.value)
        device = words.device(version.version)
        # An actor named after the laptop says nothing twice.
        who = (
            device
            if version.actor in ("", device.split(" (")[0])
            else words.lang.translate("ConflictsView", "{actor} on {device}").format(
                actor=version.actor, device=device
            )
        )
        versions.append(
            VersionShown(
                number, version.value, text, device, who, _when(version.at), number == last
            )
        )
    values = conflict.versions[-1].value if deleted and conflict.versions else {}
    return ConflictRow(
        conflict=conflict,
        record_words=words.record_words(conflict.table_name),
        whose=words.whose(
            conflict.table_name, conflict.record_id, values if isinstance(values, dict) else {}
        ),
        field_label="" if deleted else words.field_label(conflict.table_name, conflict.field),
        base_text=""
        if deleted
        else words.value(table, conflict.table_name, conflict.field, conflict.base),
        versions=tuple(versions),
        free_text=conflict.free_text,
        what=words.lang.translate("ConflictsView", "deleted on one laptop, changed on another")
        if deleted
        else words.field_label(conflict.table_name, conflict.field),
    )


def load_conflicts(session: Session, lang: Language | None = None) -> list[ConflictRow]:
    """Every conflict, worded for a person (runs on the storage worker).

    ``lang`` is the window's language, looked up on the UI thread; English if not given.
    """
    found = conflicts.list_conflicts(session)
    if not found:
        return []
    words = _Words(session, lang or language("en"))
    return [_row(words, conflict) for conflict in found]


def _versions_words(row: ConflictRow, lang: Language) -> str:
    if row.deleted:
        version = row.versions[-1]
        changed = lang.translate(
            "ConflictsView", "Changed by {who}, {when}, after it was deleted elsewhere"
        )
        return changed.format(who=version.who, when=version.when)
    return "; ".join(f"{v.who}, {v.when}" for v in row.versions)


# -- answering (on the worker, through the Store) ----------------------------------------
@contextlib.contextmanager
def _still_open() -> Iterator[None]:
    """A conflict answered meanwhile (by a sync, or a record deleted since) is said calmly."""
    try:
        yield
    except ConflictGone as gone:
        raise RothError(str(gone)) from None


# -- the dialog --------------------------------------------------------------------------
def _read_only_box(text: str, name: str, description: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    # Read-only, but still reachable by Tab and readable line by line with the keys,
    # so a screen reader can go through a long minute word by word.
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByKeyboard
        | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setAccessibleDescription(description)
    return box


def _push(text: str, name: str, description: str, handler: Callable[[], object]) -> QPushButton:
    push = QPushButton(text)
    push.setObjectName(name)
    push.setAccessibleName(text.replace("&", "").rstrip("…"))
    push.setAccessibleDescription(description)
    push.setAutoDefault(True)  # Enter on the focused button presses it
    push.clicked.connect(lambda _checked=False: handler())
    return push


class MergeDialog(Translated, QDialog):
    """Write the text to keep, starting from one version: "Edit and keep…"."""

    def __init__(self, row: ConflictRow, start: VersionShown, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        title = self.tr("Write the version to keep: {field}").format(field=row.field_label)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumSize(640, 420)
        intro = QLabel(
            self.tr(
                "This starts from version {number} ({who}). Bring in what matters from the "
                "other versions; what you keep here replaces them all, on every laptop."
            ).format(number=start.number, who=start.who)
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(start.value if isinstance(start.value, str) else start.text)
        self.text.setObjectName("merge_text")
        self.text.setAccessibleName(
            self.tr("The {field} to keep").format(field=row.field_label.lower())
        )
        self.text.setAccessibleDescription(
            self.tr(
                "Edit freely; Tab moves on to the buttons. Nothing is saved until you choose Keep."
            )
        )
        self.text.setTabChangesFocus(True)
        buttons = QDialogButtonBox()
        self.keep_button = buttons.addButton(
            self.tr("&Keep this text"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_button.setObjectName("merge_keep")
        self.keep_button.setAccessibleName(self.tr("Keep this text"))
        self.keep_button.setAccessibleDescription(self.tr("Save this text as the one to keep"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("merge_cancel")
        cancel.setText(self.tr("Cancel"))  # Qt words its standard buttons in English only
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(
            self.tr("Close without keeping anything; the conflict stays")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.text.toPlainText()


class ConflictsDialog(Translated, QDialog):
    keeps_its_window = True  # stays open when the main window is rebuilt in another language
    """Every conflict in a list; the selected one's versions side by side beneath."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.setAccessibleName(self.tr("Sync conflicts"))
        self.setAccessibleDescription(
            self.tr(
                "Records changed on two laptops before they synced, with each version side by side."
            )
        )
        self.resize(1040, 700)
        self.rows: list[ConflictRow] = []
        self.loaded_once = False
        self.merge: MergeDialog | None = None
        self._generation = 0
        self._shown: ConflictRow | None = None

        intro = QLabel(
            self.tr(
                "When the same thing was changed on two laptops before they synced, every "
                "version is kept. Until you choose, the record shows the newest one. Whatever "
                "you choose goes to the other laptops at the next sync."
            )
        )
        intro.setObjectName("conflicts_intro")
        intro.setWordWrap(True)
        self.empty = QLabel(self.tr("Looking for conflicts…"))
        self.empty.setObjectName("conflicts_empty")
        self.empty.setProperty("role", "heading")
        self.empty.setAccessibleName(self.empty.text())

        self.table, self.model = record_table(
            self.tr("Conflicts"),
            [
                Column("record", self.tr("Record")),
                Column("what", self.tr("What")),
                Column("versions", self.tr("Changed by")),
            ],
        )
        self.table.setObjectName("conflicts_table")
        self.table.setAccessibleDescription(
            self.tr(
                "Arrow keys choose a conflict; its versions are shown beneath. "
                "Tab moves to the versions."
            )
        )
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.activated.connect(lambda _index: self._focus_versions())

        # The selected conflict.
        self.detail = QWidget()
        self.detail.setObjectName("conflict_detail")
        self.title = QLabel()
        self.title.setObjectName("conflict_title")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setObjectName("conflict_explain")
        self.explain.setWordWrap(True)
        self.base_label = QLabel(self.tr("Before either change:"))
        self.base_label.setObjectName("conflict_base_label")
        self.base_short = QLabel()
        self.base_short.setObjectName("conflict_base")
        self.base_short.setWordWrap(True)
        self.base_short.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.base_box = _read_only_box(
            "",
            self.tr("Before either change"),
            self.tr("The text both laptops started from, before either change."),
        )
        self.base_box.setObjectName("conflict_base_text")
        self.base_box.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        base_row = QHBoxLayout()
        base_row.addWidget(self.base_label)
        base_row.addWidget(self.base_short, 1)
        self.columns_box = QWidget()
        self.columns_box.setObjectName("conflict_versions")
        self.columns = QHBoxLayout(self.columns_box)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.version_boxes: list[QPlainTextEdit] = []
        self.keep_buttons: list[QPushButton] = []
        self.edit_buttons: list[QPushButton] = []
        self.restore_button = _push(
            self.tr("&Restore the record"),
            "conflict_restore",
            self.tr("Bring the record back with the changes made on the other laptop."),
            lambda: self.settle(restore=True),
        )
        self.leave_button = _push(
            self.tr("&Leave it deleted"),
            "conflict_leave_deleted",
            self.tr("Agree it stays deleted; the changes made on the other laptop are let go."),
            lambda: self.settle(restore=False),
        )
        record_buttons = QHBoxLayout()
        record_buttons.addWidget(self.restore_button)
        record_buttons.addWidget(self.leave_button)
        record_buttons.addStretch(1)
        self.detail_layout = QVBoxLayout(self.detail)
        self.detail_layout.setContentsMargins(0, 6, 0, 0)
        self.detail_layout.addWidget(self.title)
        self.detail_layout.addWidget(self.explain)
        self.detail_layout.addLayout(base_row)
        self.detail_layout.addWidget(self.base_box)
        self.detail_layout.addWidget(self.columns_box, 1)
        self.detail_layout.addLayout(record_buttons)
        self.detail_layout.addStretch(0)  # takes the room short values leave

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("conflicts_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([150, 480])

        self.message = QLabel()
        self.message.setObjectName("conflicts_message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("conflicts_close")
        self.close_button.setText(self.tr("Close"))  # Qt words it in English only
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setAccessibleDescription(
            self.tr("Close the conflicts view; unanswered conflicts wait here.")
        )
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        store.changed.connect(self.reload)
        self._show_selected()
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def _lang(self) -> Language:
        """This view's words (looked up here, on the UI thread)."""
        return language(language_of(self))

    def reload(self) -> None:
        self._generation += 1
        wanted = self._generation
        lang = self._lang()

        def shown(rows: list[ConflictRow]) -> None:
            if wanted == self._generation:
                self._render(rows)

        self.store.read(lambda session: load_conflicts(session, lang), shown)

    def _render(self, rows: list[ConflictRow]) -> None:
        keep = self.selected()
        self.rows = rows
        lang = self._lang()
        self.model.set_rows(
            [
                {
                    "row": row,
                    "record": row.record,
                    "what": self.tr("Deleted on one laptop, changed on another")
                    if row.deleted
                    else row.field_label,
                    "versions": _versions_words(row, lang),
                }
                for row in rows
            ]
        )
        self.empty.setVisible(not rows)
        self.splitter.setVisible(bool(rows))
        words = lang.translate(CONTEXT, NO_CONFLICTS) if not rows else ""
        self.empty.setText(words)
        self.empty.setAccessibleName(words)
        count = len(rows)
        self.setWindowTitle(
            self.tr("Sync conflicts")
            if not rows
            else self.tr("Sync conflicts ({count} to resolve)").format(count=count)
        )
        if rows:
            ids = [r.conflict.id for r in rows]
            index = ids.index(keep.conflict.id) if keep and keep.conflict.id in ids else 0
            # Quietly: the columns are built once, just below, not once per signal.
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.selectRow(index)
            self.table.selectionModel().blockSignals(blocked)
        self._show_selected()
        self.loaded_once = True
        if not rows:
            self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self) -> ConflictRow | None:
        row = selected_row(self.table)
        return row["row"] if row else None

    # -- the selected conflict -----------------------------------------------------------
    def _clear_columns(self) -> None:
        while self.columns.count():
            item = self.columns.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.version_boxes, self.keep_buttons, self.edit_buttons = [], [], []

    def _show_selected(self) -> None:
        row = self.selected()
        if row is not None and row == self._shown:
            # A reload after some other save: the same versions stay, and so does the
            # person's place in them (rebuilding would throw their focus away).
            return
        self._shown = row
        self._clear_columns()
        self.message.clear()
        self.detail.setVisible(row is not None)
        if row is None:
            return
        self.title.setText(row.title)
        self.title.setAccessibleName(row.title)
        deleted = row.deleted
        for widget in (self.base_label, self.base_short, self.base_box):
            widget.setVisible(not deleted)
        self.restore_button.setVisible(deleted)
        self.leave_button.setVisible(deleted)
        if deleted:
            explain = self.tr(
                "This {record} record was deleted on one laptop while it was being changed "
                "on another, so it is deleted for now. Below is the record as it was, with "
                "those changes. Restore it, or leave it deleted."
            ).format(record=row.record_words.lower())
        else:
            shown = row.versions[-1]
            explain = self.tr(
                "{count} versions. The record shows version {number} ({device}) until you choose."
            ).format(count=len(row.versions), number=shown.number, device=shown.device)
        self.explain.setText(explain)
        self.explain.setAccessibleName(explain)
        if not deleted:
            # Short values fit on one line; long free text gets a box of its own.
            long_base = row.free_text or "\n" in row.base_text or len(row.base_text) > 120
            self.base_short.setVisible(not long_base)
            self.base_box.setVisible(long_base)
            self.base_short.setText(row.base_text if not long_base else "")
            self.base_short.setAccessibleName(
                self.tr("Before either change: {text}").format(text=row.base_text)
            )
            self.base_box.setPlainText(row.base_text)
        for version in row.versions:
            self.columns.addWidget(self._column(row, version), 1)
        # Long text gets the height; a name or a date keeps its buttons right beneath it.
        tall = self._tall(row)
        layout = self.detail_layout
        layout.setStretch(layout.indexOf(self.columns_box), 1 if tall else 0)
        layout.setStretch(layout.count() - 1, 0 if tall else 1)
        self._tab_order()

    @staticmethod
    def _tall(row: ConflictRow) -> bool:
        return row.deleted or row.free_text or any("\n" in v.text for v in row.versions)

    def _column(self, row: ConflictRow, version: VersionShown) -> QWidget:
        total = len(row.versions)
        column = QFrame()
        column.setObjectName(f"version_{version.number}")
        column.setFrameShape(QFrame.Shape.StyledPanel)
        who, when, number = version.who, version.when, version.number
        if row.deleted:
            heading = self.tr("As it was, with the changes by {who}, {when}")
        elif version.shown:
            heading = self.tr("Version {number} of {total}: {who}, {when} (shown now)")
        else:
            heading = self.tr("Version {number} of {total}: {who}, {when}")
        heading = heading.format(who=who, when=when, number=number, total=total)
        label = QLabel(heading)
        label.setObjectName(f"version_{version.number}_heading")
        label.setWordWrap(True)
        label.setStyleSheet("font-weight: bold;")
        spoken = (
            self.tr("The record as it was, with the changes that could not be kept")
            if row.deleted
            else self.tr("Version {number} of {total}, from {device}").format(
                number=number, total=total, device=version.device
            )
        )
        box = _read_only_box(
            version.text,
            spoken,
            self.tr("Written by {who}, {when}. The whole value, read only.").format(
                who=who, when=when
            ),
        )
        box.setObjectName(f"version_{version.number}_text")
        if not self._tall(row):
            box.setFixedHeight(self.fontMetrics().lineSpacing() * 3)
        label.setBuddy(box)
        self.version_boxes.append(box)
        layout = QVBoxLayout(column)
        layout.addWidget(label)
        layout.addWidget(box, 1)
        if not row.deleted:
            keep = _push(
                self.tr("Keep this version"),
                f"version_{version.number}_keep",
                self.tr("Keep version {number}, from {device}, on every laptop.").format(
                    number=number, device=version.device
                ),
                lambda: self.keep(row, version),
            )
            keep.setAccessibleName(
                self.tr("Keep version {number}, from {device}").format(
                    number=number, device=version.device
                )
            )
            self.keep_buttons.append(keep)
            buttons = QHBoxLayout()
            buttons.addWidget(keep)
            if row.free_text:
                edit = _push(
                    self.tr("Edit and keep…"),
                    f"version_{version.number}_edit",
                    self.tr("Start from version {number} and write the text to keep.").format(
                        number=number
                    ),
                    lambda: self.edit_and_keep(row, version),
                )
                edit.setAccessibleName(
                    self.tr("Edit version {number} and keep it").format(number=number)
                )
                self.edit_buttons.append(edit)
                buttons.addWidget(edit)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        return column

    def _tab_order(self) -> None:
        """List, then each version and its buttons left to right, then Close."""
        chain: list[QWidget] = [self.table]
        if self.base_box.isVisibleTo(self):
            chain.append(self.base_box)
        for n, box in enumerate(self.version_boxes):
            chain.append(box)
            chain.extend(b for b in self.keep_buttons[n : n + 1])
            chain.extend(b for b in self.edit_buttons if b.objectName() == f"version_{n + 1}_edit")
        if self.restore_button.isVisibleTo(self):
            chain.extend([self.restore_button, self.leave_button])
        chain.append(self.close_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _focus_versions(self) -> None:
        if self.version_boxes:
            self.version_boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on the list opens the versions (``activated``); it must never fall
        # through to the dialog and press whichever button happens to be the default.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPushButton
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- answers ---------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        self.message.setText(str(error))
        self.message.setAccessibleName(str(error))
        self.reload()

    def keep(self, row: ConflictRow, version: VersionShown) -> None:
        label = self.tr("keep version {number} of {field}").format(
            number=version.number, field=row.field_label
        )
        self._resolve(row, version.value, label)

    def edit_and_keep(self, row: ConflictRow, version: VersionShown) -> MergeDialog:
        dialog = MergeDialog(row, version, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        label = self.tr("write the {field}").format(field=row.field_label.lower())
        dialog.accepted.connect(lambda: self._resolve(row, dialog.value(), label))
        self.merge = dialog
        dialog.open()
        return dialog

    def _resolve(self, row: ConflictRow, value: Any, label: str) -> None:
        conflict = row.conflict
        table, record_id, field = conflict.table_name, conflict.record_id, conflict.field
        cls = RECORD_TYPES[table]
        answered: list[bool] = []  # set once the first answer is saved

        def apply(session: Session) -> Any:
            record = session.get(cls, record_id)
            before = getattr(record, field) if record is not None else None
            if answered:
                # Redo after an undo: the conflict was settled the first time, so this
                # is the same value set again, as an ordinary edit.
                columns = cls.__table__
                assert isinstance(columns, Table)
                edits.set_field(session, table, record_id, field, from_plain(columns, field, value))
            else:
                with _still_open():
                    shown = [v.version for v in conflict.versions]
                    conflicts.resolve_field(session, conflict.id, value, seen=shown)
                answered.append(True)
            return before

        def revert(session: Session, before: Any) -> None:
            # Undo is an ordinary edit back to what was shown; the versions stay in the
            # audit trail, but the conflict does not come back: it has been answered.
            edits.set_field(session, table, record_id, field, before)

        self.message.clear()
        self.store.run(label, apply, revert, self._failed)

    def settle(self, restore: bool) -> None:
        row = self.selected()
        if row is None or not row.deleted:
            return
        conflict = row.conflict
        table, record_id = conflict.table_name, conflict.record_id
        self.message.clear()
        if restore:
            removed: edits.Snapshot = []  # what an undo took away, for a redo to bring back
            answered: list[bool] = []

            def apply(session: Session) -> None:
                if answered:
                    edits.restore_records(session, removed)
                    return
                with _still_open():
                    conflicts.settle_deleted(session, conflict.id, restore=True)
                answered.append(True)

            def revert(session: Session, _result: None) -> None:
                removed[:] = edits.delete_record(session, table, record_id)

            label = self.tr("restore the {record}").format(record=row.record_words.lower())
            self.store.run(label, apply, revert, self._failed)
        else:

            def leave(session: Session) -> None:
                with _still_open():
                    conflicts.settle_deleted(session, conflict.id, restore=False)

            # Not on the undo stack: agreeing it stays deleted changes no record, so
            # there is nothing on screen to undo; restoring it is still a new edit away.
            self.store.write(leave, failed=self._failed, undo_text=self.tr("leave it deleted"))
