"""One page per kind of agenda step. Each redraws from :class:`ConsoleData`.

A content pack chooses the order and wording of the steps; the kind says which
of these pages runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from html import escape
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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
from roth_desktop.timescales.policy import policy_or_defaults
from roth_desktop.validation import format_date
from ui.console import specs
from ui.console.map_editing import MapEditing
from ui.context_map import ContextMap, MapArea, MapLink
from ui.forms import RecordForm
from ui.record_list import RecordList
from ui.record_table import Column
from ui.store import Store

SHORT_HEADINGS = {"needs": "Needs", "guardianship": "Guardianship", "environment": "Environment"}


def _label(enum_cls: Any) -> Callable[[Any], str]:
    return lambda value: enum_cls(value).label if value else ""


def _yes(value: Any) -> str:
    return "Yes" if value else ""


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


def tri_state(value: Any) -> bool | None:
    """A yes / no / not yet choice as it is stored."""
    return {"yes": True, "no": False}.get(value)


def tri_choice(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


class StepPage(QWidget):
    """A page of the console; ``show_data`` redraws it, ``set_read_only`` for agreed records."""

    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__()
        self.store = store
        self.conference_id = conference_id
        self.data: ConsoleData | None = None
        self.lists: list[RecordList] = []
        self.forms: list[RecordForm] = []

    def record_list(
        self, title: str, table: str, noun: str, columns: list[Column], make_specs: Any
    ) -> RecordList:
        panel = RecordList(self.store, title, table, noun, columns, make_specs)
        self.lists.append(panel)
        return panel

    def _data(self) -> ConsoleData:
        """The data shown now (a dialog can only open once the page has been drawn)."""
        assert self.data is not None
        return self.data

    def show_data(self, data: ConsoleData) -> None:
        self.data = data
        for panel in self.lists:
            panel.fixed = {"conference_id": data.conference["id"]}

    def set_read_only(self, read_only: bool) -> None:
        for panel in self.lists:
            panel.set_read_only(read_only)
        for form in self.forms:
            form.setEnabled(not read_only)

    def save_field(
        self, form: RecordForm, table: str, record_id: str, field: str, value: Any
    ) -> None:
        def refused(error: BaseException) -> None:
            message = error.problems.get(field) if isinstance(error, ValidationError) else None
            problems = error.problems if isinstance(error, ValidationError) else {}
            form.show_problems({field: message or next(iter(problems.values()), str(error))})

        label = form.specs[field].label.lower() if field in form.specs else field
        self.store.set_field(table, record_id, field, value, label, failed=refused)


# -- welcome and the picture of the young person --------------------------------------------


class WelcomePage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.summary = _wrap("")
        self.summary.setObjectName("welcome_summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        c = data.conference
        present = [
            a["name"] for a in data.attendance if a["status"] in ("attended", "part_attended")
        ]
        apologies = [a["name"] for a in data.attendance if a["status"] == "apologies"]
        lines = [
            f"<h2>{data.young_person}</h2>",
            f"<p>{c['kind_label']}, {c['starts_at']:%d/%m/%Y at %H:%M}"
            + (f", {c['location']}" if c.get("location") else "")
            + "</p>",
            f"<p><b>In the room:</b> {', '.join(present) or 'mark arrivals in Attendance'}</p>",
        ]
        if apologies:
            lines.append(f"<p><b>Apologies:</b> {', '.join(apologies)}</p>")
        lines.append(
            "<p>This conference is about risks outside the home. It is not a judgement on "
            "parenting: parents and carers are partners in keeping the young person safe.</p>"
        )
        if data.conference.get("previous_conference_id"):
            changed = "".join(f"<li>{escape(line)}</li>" for line in data.changes)
            lines.append(
                "<h3>Since the last conference</h3>"
                + (f"<ul>{changed}</ul>" if changed else "<p>Nothing recorded as changed yet.</p>")
            )
        self.summary.setText("".join(lines))


class PicturePage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.items = self.record_list(
            "Picture of the young person",
            "profile_item",
            "detail",
            [
                Column("kind", "Kind", _label(ProfileKind)),
                Column("text", "What"),
                Column("said_by", "Said by"),
            ],
            specs.profile_item,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap("Strengths, interests, what matters to them, and how people describe them.")
        )
        layout.addWidget(self.items)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.items.set_rows(data.picture)


# -- voices ----------------------------------------------------------------------------------


class VoicesPage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.voices = self.record_list(
            "Voices: their own words",
            "voice",
            "words",
            [
                Column("who", "Who"),
                Column("kind", "What it is", _label(VoiceKind)),
                Column("words", "Their words", lambda w: f"“{w}”" if w else ""),
            ],
            lambda: specs.voice(self._data()),
        )
        self.voices.defaults = lambda: {"speaker": "young_person", "channel": "in_person"}
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                "Kept exactly as said, and marked as theirs. Corrections to reports and the "
                "family's own safety efforts belong here too. Words typed on the family's "
                "screen appear here as they are written."
            )
        )
        layout.addWidget(self.voices)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.voices.set_rows(data.voices)


# -- the map: safe and unsafe, and weighting -------------------------------------------------


class SafetyPage(StepPage):
    """Context by context: safe or unsafe, what makes it so, and who guards it."""

    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.map = ContextMap()
        self.map.setObjectName("safety_map")
        self.editing = MapEditing(store, self.map, conference_id, self)
        self.form = RecordForm(specs.context_area())
        self.form.setObjectName("context_form")
        self.forms.append(self.form)
        self.form.field_edited.connect(self._edited)
        self.map.selection_changed.connect(self._show_selected)
        self.add_button = QLabel(
            "Select a context on the map (click or arrow keys). Insert adds one, F2 renames, "
            "Delete removes."
        )
        self.add_button.setWordWrap(True)
        splitter = QSplitter()
        splitter.addWidget(self.map)
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setWidget(self.form)
        splitter.addWidget(side)
        splitter.setSizes([520, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(self.add_button)
        layout.addWidget(splitter, 1)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
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


def timeline_text(history: list[MapMoment]) -> str:
    """How each context's share moved across the conferences, as an accessible table."""
    if len(history) < 2:
        return "The timeline appears from the first review."
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
        body += f"<tr><td>{name}</td>{cells}</tr>"
    return f"<table cellspacing='6'><tr><th align='left'>Context</th>{head}</tr>{body}</table>"


class WeightingPage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.map = ContextMap()
        self.map.setObjectName("weighting_map")
        self.editing = MapEditing(store, self.map, conference_id, self)
        self.previous = ContextMap()
        self.previous.setObjectName("previous_map")
        self.previous.setAccessibleName("The map at the last conference")
        self.previous.set_editable(False)
        self.previous_box = QGroupBox("Last conference")
        box_layout = QVBoxLayout(self.previous_box)
        box_layout.addWidget(self.previous)
        self.timeline = _wrap("")
        self.timeline.setObjectName("weights_timeline")
        self.timeline.setAccessibleName("How the weights changed")
        self.links = self.record_list(
            "How contexts affect each other",
            "context_link",
            "link",
            [Column("source", "From"), Column("target", "Affects"), Column("label", "How")],
            lambda: specs.context_link(self._data()),
        )
        maps = QSplitter()
        maps.addWidget(self.map)
        maps.addWidget(self.previous_box)
        maps.setSizes([600, 360])
        lower = QHBoxLayout()
        lower.addWidget(self.links, 3)
        lower.addWidget(self.timeline, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                "Bigger areas have more influence on safety. Drag up or down on an area, use "
                "the mouse wheel, or select it and press + or −; the others adjust so the map "
                "always adds up to 100%. Press L to link two contexts."
            )
        )
        layout.addWidget(maps, 3)
        layout.addLayout(lower, 2)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.map.set_map(map_areas(data.contexts), map_links(data.links))
        previous = data.history[-2] if len(data.history) >= 2 else None
        self.previous_box.setVisible(previous is not None)
        if previous is not None:
            self.previous_box.setTitle(previous.label)
            self.previous.set_map([MapArea(i, n, s, w) for i, n, s, w in previous.areas])
        self.links.set_rows(data.links)
        self.timeline.setText(timeline_text(data.history))

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.map.set_editable(not read_only)


# -- partner information and harm -------------------------------------------------------------


class PartnerPage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.items = self.record_list(
            "Partner information",
            "partner_item",
            "information",
            [
                Column("agency", "Agency"),
                Column("context", "Context"),
                Column("nature", "Kind", _label(InfoNature)),
                Column("agency_decision", "Agency decision", _yes),
                Column("restricted", "Restricted", lambda v: "Restricted" if v else ""),
                Column("text", "Information"),
            ],
            lambda: specs.partner_item(self._data()),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                "Information, not intelligence: say whether it is fact, opinion or reported, and "
                "where it came from. Restricted items never reach the family's screen or copy."
            )
        )
        layout.addWidget(self.items)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.items.set_rows(data.partner_items)


class HarmPage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        columns = [
            Column("type_label", "Type"),
            Column("description", "What"),
            Column("restricted", "Restricted", lambda v: "Restricted" if v else ""),
        ]
        make = lambda: specs.harm_entry(self._data())  # noqa: E731 - shared by both lists
        self.suffered = self.record_list(
            "Harm already suffered", "harm_entry", "harm suffered", columns, make
        )
        self.likely = self.record_list("Likely harm", "harm_entry", "likely harm", columns, make)
        layout = QHBoxLayout(self)
        layout.addWidget(self.suffered)
        layout.addWidget(self.likely)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.suffered.fixed["timing"] = HarmTiming.SUFFERED.value
        self.likely.fixed["timing"] = HarmTiming.LIKELY.value
        self.suffered.set_rows([h for h in data.harm if h["timing"] == HarmTiming.SUFFERED])
        self.likely.set_rows([h for h in data.harm if h["timing"] == HarmTiming.LIKELY])


# -- decision and next steps -----------------------------------------------------------------


class DecisionPage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.form = RecordForm(specs.decision())
        self.form.setObjectName("decision_form")
        self.forms.append(self.form)
        self.form.field_edited.connect(self._edited)
        self.prompt = _wrap("")
        self.prompt.setObjectName("pathway_prompt")
        self.prompt.setProperty("role", "notice")
        self.views = self.record_list(
            "Each participant's view",
            "decision_view",
            "view",
            [
                Column("name", "Name"),
                Column("organisation", "Agency or role"),
                Column("position", "View", _label(ViewPosition)),
                Column("reasons", "Reasons"),
            ],
            specs.decision_view,
        )
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addWidget(self.prompt)
        layout.addLayout(left, 1)
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
    core_group_rule: str
    review: date
    review_rule: str


def conference_due(kind: ConferenceKind, held_on: date) -> DueDates:
    """First core group and review due dates after a conference, by the timescales policy."""
    policy, _problem = policy_or_defaults()
    review, review_rule = deadlines.review_due(policy, kind, held_on)
    return DueDates(
        deadlines.core_group_due(policy, kind, held_on),
        f"{policy.core_group_working_days} working days after the conference",
        review,
        review_rule,
    )


class NextStepsPage(StepPage):
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.form = RecordForm(specs.next_steps())
        self.form.setObjectName("next_steps_form")
        self.forms.append(self.form)
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
            if self._due_asked == asked:
                self._due = due
                self._show_due()

        self.store.read(lambda _s: conference_due(*asked), shown)

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
                f"First core group due by {format_date(due.core_group)} ({due.core_group_rule}).",
                typed.get("core_group_on"),
                due.core_group,
            )
        self._set_due(
            self.review_due,
            f"Review due by {format_date(due.review)} ({due.review_rule}).",
            typed.get("review_on"),
            due.review,
        )

    @staticmethod
    def _set_due(label: QLabel, text: str, typed: Any, due: date) -> None:
        if isinstance(typed, date) and typed > due:
            text += " The date above is after it is due."
        label.setText(text)
        label.setAccessibleName(text)
        label.show()

    def _edited(self, field: str, value: Any) -> None:
        if self.data is not None:
            self.save_field(self.form, "conference", self.data.conference["id"], field, value)


# -- needs -----------------------------------------------------------------------------------


class NeedsPage(StepPage):
    """The checklist, every area every time: each need met, partly met or unmet, and by whom."""

    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.inner = QWidget()
        self.inner_layout = QVBoxLayout(self.inner)
        self.need_forms: dict[str, RecordForm] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        for row in data.needs:
            form = self.need_forms.get(row["id"])
            if form is None:
                form = RecordForm(specs.need(data, row["area"]))
                form.setObjectName(f"need_{row['area']}")
                form.field_edited.connect(
                    lambda f, v, need_id=row["id"], form=form: self._edited(need_id, form, f, v)
                )
                box = QGroupBox(row["label"])
                box.setAccessibleName(row["label"])
                QVBoxLayout(box).addWidget(form)
                self.inner_layout.addWidget(box)
                self.need_forms[row["id"]] = form
                self.forms.append(form)
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
                form.show_problems({field: "Write a number, like 10 or 2.5."})
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
    def __init__(self, store: Store, conference_id: Callable[[], str | None]) -> None:
        super().__init__(store, conference_id)
        self.warnings = QListWidget()
        self.warnings.setObjectName("plan_warnings")
        self.warnings.setAccessibleName("Plan checks")
        self.warnings.setMaximumHeight(90)
        self.goals = self.record_list(
            "Goals",
            "plan_goal",
            "goal",
            [
                Column("heading", "Heading", lambda v: SHORT_HEADINGS.get(str(v), "")),
                Column("text", "Goal"),
                Column("answers", "Responds to"),
                Column("progress", "Progress", _label(GoalProgress)),
            ],
            specs.plan_goal,
        )
        self.goals.defaults = lambda: {"heading": "needs", "progress": "new"}
        self.goals.view.selectionModel().selectionChanged.connect(lambda *_: self._show_goal())
        self.links = QListWidget()
        self.links.setObjectName("goal_links")
        self.links.setAccessibleName("Needs and contexts this goal responds to")
        self.links.itemChanged.connect(self._link_toggled)
        self.action_list = self.record_list(
            "Actions for the selected goal",
            "plan_action",
            "action",
            [
                Column("what", "What"),
                Column("owner", "Who"),
                Column("due_on", "By when", _date),
                Column("how_we_know", "How we will know"),
                Column("status", "Status", _label(ActionStatus)),
            ],
            lambda: specs.plan_action(self._data()),
        )
        self.action_list.defaults = lambda: {"status": "not_started"}
        links_box = QVBoxLayout()
        links_label = QLabel("<b>Responds to</b> (tick every need and context)")
        links_label.setBuddy(self.links)
        links_box.addWidget(links_label)
        links_box.addWidget(self.links)
        middle = QHBoxLayout()
        middle.addWidget(self.goals, 3)
        middle.addLayout(links_box, 2)
        warnings_label = QLabel("<b>Plan checks</b>")
        warnings_label.setBuddy(self.warnings)
        layout = QVBoxLayout(self)
        layout.addWidget(warnings_label)
        layout.addWidget(self.warnings)
        layout.addLayout(middle, 3)
        layout.addWidget(self.action_list, 2)
        self._filling = False

    def show_data(self, data: ConsoleData) -> None:
        super().show_data(data)
        self.warnings.clear()
        for warning in data.warnings:
            self.warnings.addItem(warning.message)
        if not data.warnings:
            self.warnings.addItem("No gaps found: every goal is linked and every action owned.")
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
        self.links.clear()
        if goal is not None and data is not None:
            for need in data.needs:
                self._link_item(
                    f"Need: {need['label']}", need["id"], need["id"] in goal["need_ids"]
                )
            for area in data.contexts:
                self._link_item(
                    f"Context: {area['name']}", area["id"], area["id"] in goal["context_ids"]
                )
            self.action_list.fixed = {"conference_id": data.conference["id"], "goal_id": goal["id"]}
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
