"""One page per kind of agenda step. Each redraws from :class:`ConsoleData`.

A content pack chooses the order and wording of the steps; the kind says which
of these pages runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from html import escape
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.conference import running
from roth_desktop.conference.console_data import ConsoleData, MapMoment
from roth_desktop.conference.weights import percent_label
from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    ActionStatus,
    ConferenceKind,
    GoalProgress,
    HarmTiming,
    InfoNature,
    ProfileKind,
    Safety,
    ViewPosition,
    VoiceKind,
)
from roth_desktop.timescales import deadlines
from roth_desktop.timescales.policy import Interval, policy_or_defaults
from roth_desktop.validation import format_date
from ui.console import specs
from ui.console.map_editing import MapEditing
from ui.context_map import ContextMap, MapArea, MapLink
from ui.forms import RecordForm
from ui.i18n import Translated, language_of
from ui.record_list import RecordList
from ui.record_table import Column, label_of
from ui.store import Store

SAFETY_WORDS = ("safe", "unsafe", "mixed", "unknown")


def as_html(text: str) -> str:
    """People's words shown in rich text: never read as markup, apostrophes kept as they are."""
    return escape(text, quote=False)


def _date(value: Any) -> str:
    return format_date(value) if value else ""


def _wrap(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def map_areas(rows: list[dict[str, Any]]) -> list[MapArea]:
    return [
        MapArea(row["id"], row["name"], Safety(row["safety"]).value, row["weight"]) for row in rows
    ]


def map_links(rows: list[dict[str, Any]]) -> list[MapLink]:
    return [MapLink(r["id"], r["source_id"], r["target_id"], r["label"]) for r in rows]


def map_words(data: ConsoleData, code: str) -> dict[str, str]:
    """The pack's word for each safety level, so the map never relies on colour alone."""
    return {level: data.pack.term(level, code) for level in SAFETY_WORDS}


def tri_state(value: Any) -> bool | None:
    """A yes / no / not yet choice as it is stored."""
    return {"yes": True, "no": False}.get(value)


def tri_choice(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def is_alive(widget: QWidget) -> bool:
    """False once Qt has deleted the widget (the console rebuilt in another language)."""
    return shiboken6.isValid(widget)


class StepPage(Translated, QWidget):
    """A page of the console; ``show_data`` redraws it, ``set_read_only`` for agreed records.

    Built inside the console (``parent``), so its words are in the console's language.
    """

    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.conference_id = conference_id
        self.data: ConsoleData | None = None
        self.lists: list[RecordList] = []
        self.forms: list[RecordForm] = []

    def code(self) -> str:
        """The language this page speaks: its console's."""
        return language_of(self)

    def record_list(
        self, title: str, table: str, noun: str, columns: list[Column], make_specs: Any
    ) -> RecordList:
        panel = RecordList(self.store, title, table, noun, columns, make_specs, parent=self)
        self.lists.append(panel)
        return panel

    def add_form(self, form: RecordForm, labels_above: bool = False) -> None:
        """A form of this page: read-only with the record, and narrow enough for the page.

        A label too long to sit beside its field (Welsh labels often are) goes above
        it, so the fields are never cut off beside the map or the prompts; in a
        narrow side panel every label goes above its field.
        """
        self.forms.append(form)
        wrap = QFormLayout.RowWrapPolicy
        for rows in form.findChildren(QFormLayout):
            rows.setRowWrapPolicy(wrap.WrapAllRows if labels_above else wrap.WrapLongRows)

    def _data(self) -> ConsoleData:
        """The data shown now (a dialog can only open once the page has been drawn)."""
        assert self.data is not None
        return self.data

    def show_data(self, data: ConsoleData) -> None:
        self.data = data
        for panel in self.lists:
            panel.fixed = data.owner

    def set_read_only(self, read_only: bool) -> None:
        for panel in self.lists:
            panel.set_read_only(read_only)
        for form in self.forms:
            form.setEnabled(not read_only)

    def save_field(
        self, form: RecordForm, table: str, record_id: str, field: str, value: Any
    ) -> None:
        def refused(error: BaseException) -> None:
            if not is_alive(form):
                return  # the console was rebuilt meanwhile; the store reports it
            message = error.problems.get(field) if isinstance(error, ValidationError) else None
            problems = error.problems if isinstance(error, ValidationError) else {}
            form.show_problems({field: message or next(iter(problems.values()), str(error))})

        label = form.specs[field].label.lower() if field in form.specs else field
        self.store.set_field(table, record_id, field, value, label, failed=refused)


# -- welcome and the picture of the young person --------------------------------------------


class WelcomePage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.summary = _wrap("")
        self.summary.setObjectName("welcome_summary")
        self.summary.setAccessibleName(self.tr("About this conference"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        c = data.conference
        code = self.code()
        present = [
            a["name"] for a in data.attendance if a["status"] in ("attended", "part_attended")
        ]
        apologies = [a["name"] for a in data.attendance if a["status"] == "apologies"]
        kind = specs.choice_label(ConferenceKind(c["kind"]), code) if c.get("kind") else ""
        when = self.tr("{kind}, {date} at {time}").format(
            kind=kind, date=f"{c['starts_at']:%d/%m/%Y}", time=f"{c['starts_at']:%H:%M}"
        )
        if c.get("location"):
            when += f", {as_html(c['location'])}"
        in_room = as_html(", ".join(present)) or self.tr("mark arrivals in Attendance")
        in_room_label = self.tr("In the room:")
        apologies_label = self.tr("Apologies:")
        since_label = self.tr("Since the last conference")
        lines = [
            f"<h2>{as_html(data.young_person)}</h2>",
            f"<p>{when}</p>",
            f"<p><b>{in_room_label}</b> {in_room}</p>",
        ]
        if apologies:
            lines.append(f"<p><b>{apologies_label}</b> {as_html(', '.join(apologies))}</p>")
        lines.append(
            "<p>"
            + self.tr(
                "This conference is about risks outside the home. It is not a judgement on "
                "parenting: parents and carers are partners in keeping the young person safe."
            )
            + "</p>"
        )
        if data.conference.get("previous_conference_id"):
            changed = "".join(f"<li>{as_html(line)}</li>" for line in data.changes)
            nothing = self.tr("Nothing recorded as changed yet.")
            lines.append(
                f"<h3>{since_label}</h3>"
                + (f"<ul>{changed}</ul>" if changed else f"<p>{nothing}</p>")
            )
        if data.conference.get("assessment_id"):
            moved = "".join(f"<li>{as_html(line)}</li>" for line in data.since_assessment)
            still = self.tr(
                "Started from the social worker's assessment. Nothing has changed from it yet."
            )
            heading = self.tr("Since the assessment")
            lines.append(
                f"<h3>{heading}</h3>" + (f"<ul>{moved}</ul>" if moved else f"<p>{still}</p>")
            )
            if data.from_assessment:
                told = "".join(f"<li>{as_html(line)}</li>" for line in data.from_assessment)
                from_heading = self.tr("From the assessment")
                lines.append(f"<h3>{from_heading}</h3><ul>{told}</ul>")
        self.summary.setText("".join(lines))


class PicturePage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.items = self.record_list(
            self.tr("Picture of the young person"),
            "profile_item",
            self.tr("detail"),
            [
                Column("kind", self.tr("Kind"), label_of(ProfileKind)),
                Column("text", self.tr("What")),
                Column("said_by", self.tr("Said by")),
            ],
            lambda: specs.profile_item(self.code()),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                self.tr("Strengths, interests, what matters to them, and how people describe them.")
            )
        )
        layout.addWidget(self.items)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.items.set_rows(data.picture)


# -- voices ----------------------------------------------------------------------------------


class VoicesPage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.voices = self.record_list(
            self.tr("Voices: their own words"),
            "voice",
            self.tr("words"),
            [
                Column("who", self.tr("Who")),
                Column("kind", self.tr("What it is"), label_of(VoiceKind)),
                Column("words", self.tr("Their words"), lambda w: f"“{w}”" if w else ""),
            ],
            lambda: specs.voice(self._data(), self.code()),
        )
        self.voices.defaults = lambda: {"speaker": "young_person", "channel": "in_person"}
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                self.tr(
                    "Kept exactly as said, and marked as theirs. Corrections to reports and the "
                    "family's own safety efforts belong here too. Words typed on the family's "
                    "screen appear here as they are written."
                )
            )
        )
        layout.addWidget(self.voices)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.voices.set_rows(data.voices)


# -- the map: safe and unsafe, and weighting -------------------------------------------------


class SafetyPage(StepPage):
    """Context by context: safe or unsafe, what makes it so, and who guards it."""

    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.add_button = QLabel(
            self.tr(
                "Select a context on the map (click or arrow keys). N or Insert adds one, "
                "F2 renames, Delete removes. Tab moves to the selected context's details."
            ),
            self,
        )
        self.add_button.setWordWrap(True)
        # Made in the order Tab should visit them: the map, then the selected context's form.
        self.map = ContextMap(self)
        self.map.setObjectName("safety_map")
        self.editing = MapEditing(store, self.map, conference_id, self)
        self.form = RecordForm(specs.context_area(self.code()), self)
        self.form.setObjectName("context_form")
        self.add_form(self.form, labels_above=True)
        self.form.field_edited.connect(self._edited)
        self.map.selection_changed.connect(self._show_selected)
        splitter = QSplitter()
        splitter.addWidget(self.map)
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setWidget(self.form)
        # The scroll area itself never takes focus: Tab goes straight into the fields.
        side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter.addWidget(side)
        splitter.setSizes([520, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.add_button)
        layout.addWidget(splitter, 1)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.map.set_words(map_words(data, self.code()))
        self.map.set_map(map_areas(data.contexts), map_links(data.links))
        if self.map.selected_id() is None and data.contexts:
            self.map.select(data.contexts[0]["id"])
        self._show_selected(self.map.selected_id() or "")

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.map.set_editable(not read_only)

    def _selected_row(self) -> dict[str, Any] | None:
        chosen = self.map.selected_id()
        rows = self.data.contexts if self.data else []
        return next((row for row in rows if row["id"] == chosen), None)

    def _show_selected(self, _id: str) -> None:
        row = self._selected_row()
        self.form.setVisible(row is not None)
        if row is not None:
            self.form.set_values(row)

    def _edited(self, field: str, value: Any) -> None:
        row = self._selected_row()
        if row is not None:
            self.save_field(self.form, "context_area", row["id"], field, value)


class WeightingPage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        intro = _wrap(
            self.tr(
                "Bigger areas have more influence on safety. Drag up or down on an area, use "
                "the mouse wheel, or select it with the arrow keys and press + or −; the others "
                "adjust so the map always adds up to 100%. Press N to add a context and L to "
                "link two contexts."
            )
        )
        intro.setParent(self)
        self.map = ContextMap(self)
        self.map.setObjectName("weighting_map")
        self.editing = MapEditing(store, self.map, conference_id, self)
        self.previous_box = QGroupBox(self.tr("Last conference"), self)
        self.previous = ContextMap(self.previous_box)
        self.previous.setObjectName("previous_map")
        self.previous.setAccessibleName(self.tr("The map at the last conference"))
        self.previous.set_editable(False)
        box_layout = QVBoxLayout(self.previous_box)
        box_layout.addWidget(self.previous)
        self.links = self.record_list(
            self.tr("How contexts affect each other"),
            "context_link",
            self.tr("link"),
            [
                Column("source", self.tr("From")),
                Column("target", self.tr("Affects")),
                Column("label", self.tr("How")),
            ],
            lambda: specs.context_link(self._data(), self.code()),
        )
        self.timeline = _wrap("")
        self.timeline.setParent(self)
        self.timeline.setObjectName("weights_timeline")
        self.timeline.setAccessibleName(self.tr("How the weights changed"))
        maps = QSplitter()
        maps.addWidget(self.map)
        maps.addWidget(self.previous_box)
        maps.setSizes([600, 360])
        lower = QHBoxLayout()
        lower.addWidget(self.links, 3)
        lower.addWidget(self.timeline, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(maps, 3)
        layout.addLayout(lower, 2)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        words = map_words(data, self.code())
        self.map.set_words(words)
        self.map.set_map(map_areas(data.contexts), map_links(data.links))
        previous = data.history[-2] if len(data.history) >= 2 else None
        self.previous_box.setVisible(previous is not None)
        if previous is not None:
            self.previous_box.setTitle(self.moment_label(previous))
            self.previous.set_words(words)
            self.previous.set_map([MapArea(i, n, s, w) for i, n, s, w in previous.areas])
        self.links.set_rows(data.links)
        self.timeline.setText(self.timeline_text(data.history))

    def moment_label(self, moment: MapMoment) -> str:
        """ "Initial conference, 02/03/2026", with the kind in the console's language."""
        kind, _comma, when = moment.label.rpartition(", ")
        known = {k.label: k for k in ConferenceKind}
        if kind in known:
            return f"{specs.choice_label(known[kind], self.code())}, {when}"
        return moment.label

    def timeline_text(self, history: list[MapMoment]) -> str:
        """How each context's share moved across the conferences, as an accessible table."""
        if len(history) < 2:
            return self.tr("The timeline appears from the first review.")
        names: list[str] = []
        for moment in history:
            for _id, name, _safety, _share in moment.areas:
                if name not in names:
                    names.append(name)
        head = "".join(f"<th>{m.starts_at:%d/%m/%y}</th>" for m in history)
        body = ""
        for name in names:
            cells = ""
            for moment in history:
                share = next((s for _i, n, _s, s in moment.areas if n == name), None)
                cells += f"<td align='right'>{percent_label(share) if share else '–'}</td>"
            body += f"<tr><td>{as_html(name)}</td>{cells}</tr>"
        context = self.tr("Context")
        return (
            f"<table cellspacing='6'><tr><th align='left'>{context}</th>{head}</tr>{body}</table>"
        )

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.map.set_editable(not read_only)


# -- partner information and harm -------------------------------------------------------------


class PartnerPage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.items = self.record_list(
            self.tr("Partner information"),
            "partner_item",
            self.tr("information"),
            [
                Column("agency", self.tr("Agency")),
                Column("context", self.tr("Context")),
                Column("nature", self.tr("Kind"), label_of(InfoNature)),
                Column("agency_decision", self.tr("Agency decision"), lambda v: self._yes(v)),
                Column("restricted", self.tr("Restricted"), lambda v: self._restricted(v)),
                Column("text", self.tr("Information")),
            ],
            lambda: specs.partner_item(self._data(), self.code()),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                self.tr(
                    "Information, not intelligence: say whether it is fact, opinion or "
                    "reported, and where it came from. Restricted items never reach the "
                    "family's screen or copy."
                )
            )
        )
        layout.addWidget(self.items)

    def _yes(self, value: Any) -> str:
        return self.tr("Yes") if value else ""

    def _restricted(self, value: Any) -> str:
        return self.tr("Restricted") if value else ""

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.items.set_rows(data.partner_items)


class HarmPage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        columns = [
            Column("harm_type", self.tr("Type"), self._type_label),
            Column("description", self.tr("What")),
            Column(
                "restricted",
                self.tr("Restricted"),
                lambda v: self.tr("Restricted") if v else "",
            ),
        ]
        make = lambda: specs.harm_entry(self._data(), self.code())  # noqa: E731 - both lists
        self.suffered = self.record_list(
            self.tr("Harm already suffered"),
            "harm_entry",
            self.tr("harm suffered"),
            columns,
            make,
        )
        self.likely = self.record_list(
            self.tr("Likely harm"), "harm_entry", self.tr("likely harm"), columns, make
        )
        # One above the other: side by side, their buttons would widen the window.
        layout = QVBoxLayout(self)
        layout.addWidget(self.suffered)
        layout.addWidget(self.likely)

    def _type_label(self, key: Any) -> str:
        """The pack's name for the type of harm, in the console's language."""
        if self.data is None or not key:
            return str(key or "")
        return self.data.pack.harm_label(str(key), self.code())

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.suffered.fixed["timing"] = HarmTiming.SUFFERED.value
        self.likely.fixed["timing"] = HarmTiming.LIKELY.value
        self.suffered.set_rows([h for h in data.harm if h["timing"] == HarmTiming.SUFFERED])
        self.likely.set_rows([h for h in data.harm if h["timing"] == HarmTiming.LIKELY])


# -- decision and next steps -----------------------------------------------------------------


class DecisionPage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.form = RecordForm(specs.decision(self.code()), self)
        self.form.setObjectName("decision_form")
        self.add_form(self.form)
        self.form.field_edited.connect(self._edited)
        self.prompt = _wrap("")
        self.prompt.setParent(self)
        self.prompt.setObjectName("pathway_prompt")
        self.prompt.setProperty("role", "notice")
        self.views = self.record_list(
            self.tr("Each participant's view"),
            "decision_view",
            self.tr("view"),
            [
                Column("name", self.tr("Name")),
                Column("organisation", self.tr("Agency or role")),
                Column("position", self.tr("View"), label_of(ViewPosition)),
                Column("reasons", self.tr("Reasons")),
            ],
            lambda: specs.decision_view(self.code()),
        )
        # The decision above the views, so the page fits beside the agenda and the prompts.
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.prompt)
        layout.addWidget(self.views, 1)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        values = dict(data.conference)
        values["significant_harm"] = tri_choice(values.get("significant_harm"))
        for key in ("harm_category", "outcome"):
            values[key] = values.get(key) or ""
        self.form.set_values(values)
        self.prompt.setText(data.pathway_prompt)
        self.prompt.setVisible(bool(data.pathway_prompt))
        self.views.set_rows(data.views)

    def _edited(self, field: str, value: Any) -> None:
        if self.data is None:
            return
        if field == "significant_harm":
            value = tri_state(value)
        elif field in ("harm_category", "outcome"):
            value = value or None
        self.save_field(self.form, "conference", self.data.conference["id"], field, value)


class DueDates(NamedTuple):
    core_group: date | None  # None: this kind of conference starts no plan
    core_group_days: int  # working days after the conference
    review: date
    review_after: Interval  # after the conference
    held_on: date


def conference_due(kind: ConferenceKind, held_on: date) -> DueDates:
    """First core group and review due dates after a conference, by the timescales policy."""
    policy, _problem = policy_or_defaults()
    review, _rule = deadlines.review_due(policy, kind, held_on)
    interval = policy.first_review if kind in deadlines.OPENING_KINDS else policy.review_interval
    return DueDates(
        deadlines.core_group_due(policy, kind, held_on),
        policy.core_group_working_days,
        review,
        interval,
        held_on,
    )


class NextStepsPage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.form = RecordForm(specs.next_steps(self.code()), self)
        self.form.setObjectName("next_steps_form")
        self.add_form(self.form)
        self.form.field_edited.connect(self._edited)
        # The deadlines sit under the dates typed in, so a booking after its
        # deadline shows as exactly that. They are counted on the worker.
        self.core_group_due = self._due_line("core_group_on", "core_group_due")
        self.review_due = self._due_line("review_on", "review_due")
        self._due_asked: tuple[ConferenceKind, date] | None = None
        self._due: DueDates | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)

    def _due_line(self, field: str, name: str) -> QLabel:
        label = _wrap("")
        label.setObjectName(name)
        label.setProperty("role", "notice")
        label.hide()
        box = self.form.errors[field].parentWidget()
        box_layout = box.layout() if box is not None else None
        if box_layout is not None:
            box_layout.addWidget(label)
        return label

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.form.set_values(data.conference)
        kind, starts_at = data.conference.get("kind"), data.conference.get("starts_at")
        if kind is None or not isinstance(starts_at, datetime):
            return
        asked = (ConferenceKind(kind), starts_at.date())
        if asked == self._due_asked:
            self._show_due()
            return
        self._due_asked = asked

        def shown(due: DueDates) -> None:
            if is_alive(self) and self._due_asked == asked:
                self._due = due
                self._show_due()

        self.store.read(lambda _s: conference_due(*asked), shown)

    def _interval(self, interval: Interval) -> str:
        if interval.unit == "weeks":
            if interval.count == 1:
                return self.tr("1 week")
            return self.tr("{count} weeks").format(count=interval.count)
        if interval.count == 1:
            return self.tr("1 month")
        return self.tr("{count} months").format(count=interval.count)

    def _show_due(self) -> None:
        due, data = self._due, self.data
        if due is None or data is None:
            return
        typed = data.conference
        if due.core_group is None:
            self.core_group_due.hide()
        else:
            self._set_due(
                self.core_group_due,
                self.tr(
                    "First core group due by {date} ({days} working days after the conference)."
                ).format(date=format_date(due.core_group), days=due.core_group_days),
                typed.get("core_group_on"),
                due.core_group,
            )
        self._set_due(
            self.review_due,
            self.tr("Review due by {date} ({interval} after the conference on {held}).").format(
                date=format_date(due.review),
                interval=self._interval(due.review_after),
                held=format_date(due.held_on),
            ),
            typed.get("review_on"),
            due.review,
        )

    def _set_due(self, label: QLabel, text: str, typed: Any, due: date) -> None:
        if isinstance(typed, date) and typed > due:
            text += " " + self.tr("The date above is after it is due.")
        label.setText(text)
        label.setAccessibleName(text)
        label.show()

    def _edited(self, field: str, value: Any) -> None:
        if self.data is not None:
            self.save_field(self.form, "conference", self.data.conference["id"], field, value)


# -- needs -----------------------------------------------------------------------------------


class NeedsPage(StepPage):
    """The checklist, every area every time: each need met, partly met or unmet, and by whom."""

    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.inner = QWidget(self)
        self.inner_layout = QVBoxLayout(self.inner)
        self.need_forms: dict[str, RecordForm] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inner)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)

    def need_label(self, row: dict[str, Any]) -> str:
        """The pack's name for a need area, in the console's language."""
        area = self.data.pack.need(row["area"]) if self.data else None
        return area.label(self.code()) if area else str(row.get("label", row["area"]))

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        for row in data.needs:
            form = self.need_forms.get(row["id"])
            if form is None:
                label = self.need_label(row)
                box = QGroupBox(label, self.inner)
                box.setAccessibleName(label)
                form = RecordForm(specs.need(data, row["area"], self.code()), box)
                form.setObjectName(f"need_{row['area']}")
                form.field_edited.connect(
                    lambda f, v, need_id=row["id"], form=form: self._edited(need_id, form, f, v)
                )
                QVBoxLayout(box).addWidget(form)
                self.inner_layout.addWidget(box)
                self.need_forms[row["id"]] = form
                self.add_form(form)
            values = dict(row)
            for key, answer in (row.get("answers") or {}).items():
                values[f"q__{key}"] = tri_choice(answer) if isinstance(answer, bool) else answer
            for name, spec in form.specs.items():
                if name.startswith("q__") and name not in values:
                    values[name] = None if spec.kind == "date" else ""
            values["responsible_agency_id"] = row.get("responsible_agency_id") or ""
            form.set_values(values)

    def _question_type(self, area_key: str, question_key: str) -> str:
        area = self.data.pack.need(area_key) if self.data else None
        found = [q.type for q in (area.questions if area else ()) if q.key == question_key]
        return found[0] if found else "text"

    def _edited(self, need_id: str, form: RecordForm, field: str, value: Any) -> None:
        if self.data is None:
            return
        row = next((r for r in self.data.needs if r["id"] == need_id), None)
        if row is None:
            return
        if not field.startswith("q__"):
            self.save_field(form, "need", need_id, field, value)
            return
        key = field[3:]
        spec = form.specs[field]
        if spec.kind == "date":
            answer: Any = value.isoformat() if value else None
        elif spec.kind == "choice" and {c for c, _ in spec.choices} == {"", "yes", "no"}:
            answer = tri_state(value)
        elif self._question_type(row["area"], key) == "number":
            try:
                answer = float(value) if str(value).strip() else None
            except ValueError:
                form.show_problems({field: self.tr("Write a number, like 10 or 2.5.")})
                return
            if answer is not None and answer.is_integer():
                answer = int(answer)
        else:
            answer = value if value != "" else None
        self.store.run(
            f"answer {spec.label.lower()}",
            lambda s: running.set_answer(s, need_id, key, answer),
            lambda s, old: running.set_answer(s, need_id, key, old),
        )


# -- the plan --------------------------------------------------------------------------------


class PlanPage(StepPage):
    def __init__(
        self,
        store: Store,
        conference_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, conference_id, parent)
        self.short_headings = {
            "needs": self.tr("Needs"),
            "guardianship": self.tr("Guardianship"),
            "environment": self.tr("Environment"),
        }
        checks = self.tr("Plan checks")
        warnings_label = QLabel(f"<b>{checks}</b>", self)
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("plan_warnings")
        self.warnings.setAccessibleName(checks)
        self.warnings.setMaximumHeight(90)
        warnings_label.setBuddy(self.warnings)
        self.goals = self.record_list(
            self.tr("Goals"),
            "plan_goal",
            self.tr("goal"),
            [
                Column(
                    "heading", self.tr("Heading"), lambda v: self.short_headings.get(str(v), "")
                ),
                Column("text", self.tr("Goal")),
                Column("id", self.tr("Responds to"), self._answers),
                Column("progress", self.tr("Progress"), label_of(GoalProgress)),
            ],
            lambda: specs.plan_goal(self.code()),
        )
        self.goals.defaults = lambda: {"heading": "needs", "progress": "new"}
        self.goals.view.selectionModel().selectionChanged.connect(lambda *_: self._show_goal())
        links_label = QLabel(
            self.tr("<b>Responds to</b> (tick every need and context with Space)"), self
        )
        self.links = QListWidget(self)
        self.links.setObjectName("goal_links")
        self.links.setAccessibleName(self.tr("Needs and contexts this goal responds to"))
        self.links.itemChanged.connect(self._link_toggled)
        links_label.setBuddy(self.links)
        self.action_list = self.record_list(
            self.tr("Actions for the selected goal"),
            "plan_action",
            self.tr("action"),
            [
                Column("what", self.tr("What")),
                Column("owner", self.tr("Who")),
                Column("due_on", self.tr("By when"), _date),
                Column("how_we_know", self.tr("How we will know")),
                Column("status", self.tr("Status"), label_of(ActionStatus)),
            ],
            lambda: specs.plan_action(self._data(), self.code()),
        )
        self.action_list.defaults = lambda: {"status": "not_started"}
        links_box = QVBoxLayout()
        links_box.addWidget(links_label)
        links_box.addWidget(self.links)
        middle = QHBoxLayout()
        middle.addWidget(self.goals, 3)
        middle.addLayout(links_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(warnings_label)
        layout.addWidget(self.warnings)
        layout.addLayout(middle, 3)
        layout.addWidget(self.action_list, 2)
        self._filling = False

    def _answers(self, goal_id: Any) -> str:
        """The needs and contexts a goal answers, named in the console's language."""
        goal = next((g for g in (self.data.goals if self.data else []) if g["id"] == goal_id), None)
        if goal is None or self.data is None:
            return ""
        needs = {n["id"]: n for n in self.data.needs}
        contexts = {c["id"]: c["name"] for c in self.data.contexts}
        names = [self._need_label(needs[i]) for i in goal["need_ids"] if i in needs]
        names += [contexts[i] for i in goal["context_ids"] if i in contexts]
        return ", ".join(names)

    def _need_label(self, row: dict[str, Any]) -> str:
        area = self.data.pack.need(row["area"]) if self.data else None
        return area.label(self.code()) if area else str(row.get("label", row["area"]))

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.warnings.clear()
        for warning in data.warnings:
            self.warnings.addItem(warning.message)
        if not data.warnings:
            self.warnings.addItem(
                self.tr("No gaps found: every goal is linked and every action owned.")
            )
        self.goals.set_rows(data.goals)
        self._show_goal()

    def _goal(self) -> dict[str, Any] | None:
        chosen = self.goals.selected()
        if chosen is None or self.data is None:
            return None
        return next((g for g in self.data.goals if g["id"] == chosen["id"]), None)

    def _show_goal(self) -> None:
        goal = self._goal()
        data = self.data
        self._filling = True
        current = self.links.currentRow()
        self.links.clear()
        if goal is not None and data is not None:
            for need in data.needs:
                self._link_item(
                    self.tr("Need: {need}").format(need=self._need_label(need)),
                    need["id"],
                    need["id"] in goal["need_ids"],
                )
            for area in data.contexts:
                self._link_item(
                    self.tr("Context: {context}").format(context=area["name"]),
                    area["id"],
                    area["id"] in goal["context_ids"],
                )
            self.action_list.fixed = {"conference_id": data.conference["id"], "goal_id": goal["id"]}
            if 0 <= current < self.links.count():
                self.links.setCurrentRow(current)  # ticking with Space keeps your place
        self._filling = False
        self.action_list.set_rows(goal["actions"] if goal else [])
        self.action_list.setEnabled(goal is not None)
        self.links.setEnabled(goal is not None and self.goals.add_button.isEnabled())

    def _link_item(self, text: str, target_id: str, on: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, target_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.links.addItem(item)

    def _link_toggled(self, item: QListWidgetItem) -> None:
        goal = self._goal()
        if self._filling or goal is None or self.data is None:
            return
        target = item.data(Qt.ItemDataRole.UserRole)
        is_need = target in goal["need_ids"] or any(n["id"] == target for n in self.data.needs)
        if item.checkState() == Qt.CheckState.Checked:
            values = {
                "conference_id": self.data.conference["id"],
                "goal_id": goal["id"],
                ("need_id" if is_need else "context_id"): target,
            }
            self.store.create("goal_link", values, "goal link")
        elif (link_id := goal["link_ids"].get(target)) is not None:
            self.store.delete("goal_link", link_id, "goal link")


PAGES: dict[str, type[StepPage]] = {
    "welcome": WelcomePage,
    "picture": PicturePage,
    "voices": VoicesPage,
    "safety": SafetyPage,
    "weighting": WeightingPage,
    "partner_information": PartnerPage,
    "needs": NeedsPage,
    "harm": HarmPage,
    "decision": DecisionPage,
    "plan": PlanPage,
    "next_steps": NextStepsPage,
}
