"""The assessment's own sections: about, visits, analysis, recommendation and sharing.

The parts an assessment shares with a conference (picture, voices, the map, partner
information, needs, harm) are shown by the console's own pages; the few wrappers
here only add what an assessment needs around them (the unasked-needs banner, and
wording hints on the texts the worker writes there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from roth_desktop.errors import ValidationError
from roth_desktop.models import Pathway
from roth_desktop.validation import format_date, format_datetime, today
from ui import record_specs
from ui.assessment.data import AssessmentView
from ui.assessment.language_hints import HintSource, LanguageHints
from ui.assessment.writing import WritingField
from ui.console.pages import NeedsPage, PartnerPage, SafetyPage, as_html
from ui.forms import FieldSpec, RecordForm
from ui.i18n import QT_TRANSLATE_NOOP, Translated, language_of
from ui.record_list import RecordList
from ui.record_table import Column, date_cell, record_table, selected_row, yes_no
from ui.store import Store
from ui.widgets import access_letters, button, mnemonic_texts, with_access_key


def _wrap(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Section(Translated, QWidget):
    """A section of the window; ``show_view`` redraws it from what was saved.

    Its own labels and buttons take Alt letters that nothing else showing in the
    window uses (as :class:`RecordForm` does for its fields), in either language.
    """

    def __init__(self, store: Store, hints: HintSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.hint_source = hints
        self.view: AssessmentView | None = None
        self._keyed: list[tuple[QLabel | QAbstractButton, str]] = []

    def keyed(self, widget: QLabel | QAbstractButton, text: str) -> None:
        self._keyed.append((widget, text))
        widget.setText(text.replace("&", "&&"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_keys()

    def refresh_keys(self) -> None:
        for widget, text in self._keyed:
            widget.setText(text.replace("&", "&&"))
        taken = access_letters(mnemonic_texts(self.window()))
        for widget, text in self._keyed:
            widget.setText(with_access_key(text, taken))

    def show_view(self, view: AssessmentView) -> None:
        self.view = view

    def sharing_notice(self, view: AssessmentView) -> str:
        """The line that says whether the family has seen this version."""
        last = view.last_share
        if last is None:
            return self.tr("Not shared with the family yet.")
        when = format_date(last["shared_on"])
        if view.changed_since_shared:
            return self.tr(
                "Changed since {who} saw it on {date}: share it again, or show them what changed."
            ).format(who=last["shared_with"], date=when)
        return self.tr("{who} saw this version on {date}.").format(
            who=last["shared_with"], date=when
        )

    def about_names(self, view: AssessmentView, family_sees: bool = False) -> dict[str, str]:
        """What a correction can be about, by its ``about`` value, in the window's language.

        With ``family_sees``, only what the family is shown: nothing restricted.
        """
        data = view.data
        code = language_of(self)
        names = {
            "analysis": self.tr("What is happening and why"),
            "explanations": self.tr("Other explanations considered"),
            "working_well": self.tr("What is working well"),
            "recommendation": self.tr("Recommendation"),
        }

        def short(value: Any) -> str:
            text = " ".join(str(value or "").split())
            return text if len(text) <= 50 else text[:49].rstrip() + "…"

        for row in data.picture:
            names[row["id"]] = self.tr("Picture: {item}").format(item=short(row["text"]))
        for row in data.voices:
            if row.get("kind") != "correction":
                names[row["id"]] = self.tr("Their words: {item}").format(item=short(row["words"]))
        for row in data.contexts:
            names[row["id"]] = self.tr("Context: {name}").format(name=row["name"])
        for row in data.partner_items:
            if family_sees and row.get("restricted"):
                continue
            names[row["id"]] = self.tr("Partner information: {item}").format(
                item=short(row["text"])
            )
        for row in data.needs:
            area = data.pack.need(row["area"])
            label = area.label(code) if area else str(row["area"])
            names[row["id"]] = self.tr("Need: {name}").format(name=label)
        for row in data.harm:
            if family_sees and row.get("restricted"):
                continue
            names[row["id"]] = self.tr("Harm: {item}").format(item=short(row["description"]))
        return names

    def save_field(self, form: RecordForm, field: str, value: Any) -> None:
        """One field of the assessment, saved with undo; a refusal shows beside the field."""
        if self.view is None:
            return

        def refused(error: BaseException) -> None:
            problems = error.problems if isinstance(error, ValidationError) else {}
            form.show_problems({field: problems.get(field) or str(error)})

        label = form.specs[field].label.lower() if field in form.specs else field
        self.store.set_field("assessment", self.view.id, field, value, label, failed=refused)


# -- about -------------------------------------------------------------------------------------


def _about_specs(professionals: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec("started_on", QT_TRANSLATE_NOOP("FieldSpec", "Started"), "date"),
        FieldSpec(
            "completed_on",
            QT_TRANSLATE_NOOP("FieldSpec", "Finished"),
            "date",
            help=QT_TRANSLATE_NOOP("FieldSpec", "Leave empty while you are still writing it"),
        ),
        FieldSpec(
            "author_id",
            QT_TRANSLATE_NOOP("FieldSpec", "Written by"),
            "choice",
            [("", QT_TRANSLATE_NOOP("FieldSpec", "Not recorded")), *professionals],
        ),
        FieldSpec(
            "address_young_person",
            QT_TRANSLATE_NOOP("FieldSpec", "Write to the young person (you, your)"),
            "bool",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec",
                "The family's version speaks to the young person: “your mum is worried that…”",
            ),
        ),
    ]


class AboutSection(Section):
    def __init__(self, store: Store, hints: HintSource, parent: QWidget | None = None) -> None:
        super().__init__(store, hints, parent)
        self.summary = _wrap("", self)
        self.summary.setObjectName("assessment_summary")
        self.form: RecordForm | None = None
        self._choices: list[tuple[str, str]] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.summary)
        self._layout.addStretch(1)

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        data = view.data
        if self._choices != data.professionals or self.form is None:
            if self.form is not None:
                self.form.hide()
                self.form.deleteLater()
            self._choices = list(data.professionals)
            self.form = RecordForm(_about_specs(self._choices), self)
            self.form.setObjectName("about_form")
            form = self.form
            self.form.field_edited.connect(lambda f, v: self.save_field(form, f, v))
            self._layout.insertWidget(1, self.form)
        values = dict(view.assessment)
        values["author_id"] = values.get("author_id") or ""
        self.form.set_values(values)
        text = self.tr(
            "A social worker's assessment of {name}, written before the conference and shared "
            "with the family. Each part saves as you write it; Ctrl+Z undoes."
        ).format(name=data.young_person)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)


# -- visits and conversations --------------------------------------------------------------------


class VisitsSection(Section):
    """The case's visits made for this assessment; a new one is the case's and the assessment's."""

    def __init__(self, store: Store, hints: HintSource, parent: QWidget | None = None) -> None:
        super().__init__(store, hints, parent)
        self.professionals: list[tuple[str, str]] = []
        self.visits = RecordList(
            store,
            self.tr("Visits and conversations"),
            "visit",
            self.tr("visit"),
            [
                Column("visited_on", self.tr("Date"), date_cell),
                Column("place", self.tr("Where")),
                Column("who_seen", self.tr("Who was seen")),
                Column("seen_alone", self.tr("Seen alone"), yes_no),
                Column("notes", self.tr("Notes")),
            ],
            lambda: record_specs.visit(self.professionals),
            self,
            object_name="assessment_visits",
        )
        self.visits.defaults = self._defaults
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrap(
                self.tr(
                    "Where you saw them and who was there: at home, at school, in a café. "
                    "Young people often say more away from home."
                ),
                self,
            )
        )
        layout.addWidget(self.visits, 1)

    def _defaults(self) -> dict[str, Any]:
        author = self.view.assessment.get("author_id") if self.view else None
        return {"visited_on": today(), "young_person_seen": True, "professional_id": author or ""}

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        self.professionals = [(i, name) for i, name in view.data.professionals]
        self.visits.fixed = {"assessment_id": view.id, "case_id": view.assessment["case_id"]}
        self.visits.set_rows(view.visits)


# -- the console's pages, with what an assessment adds around them ----------------------------


class SafetySection(Section):
    """The console's safe-and-unsafe page, with wording hints on "what makes it unsafe"."""

    def __init__(
        self, page: SafetyPage, store: Store, hints: HintSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hints, parent)
        self.page = page
        page.setParent(self)
        self.hints = LanguageHints(hints, self)
        self.hints.setObjectName("hints_makes_unsafe")
        field = page.form.widgets.get("makes_unsafe")
        box = page.form.errors["makes_unsafe"].parentWidget() if field else None
        box_layout = box.layout() if box is not None else None
        if isinstance(field, QPlainTextEdit) and box_layout is not None:
            box_layout.addWidget(self.hints)
            self.hints.watch(field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        self.page.show_data(view.data)
        self.hints.refresh()


class PartnerSection(Section):
    """The console's partner information page, with wording hints on the selected item."""

    def __init__(
        self, page: PartnerPage, store: Store, hints: HintSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hints, parent)
        self.page = page
        page.setParent(self)
        self.hints_title = QLabel(self)
        self.hints_title.setObjectName("partner_hints_title")
        self.hints = LanguageHints(hints, self)
        self.hints.setObjectName("hints_partner_item")
        page.items.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page, 1)
        layout.addWidget(self.hints_title)
        layout.addWidget(self.hints)

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        self.page.show_data(view.data)
        self._selected()

    def _selected(self) -> None:
        row = self.page.items.selected()
        self.hints.set_text(str(row.get("text") or "") if row else "")
        title = self.tr("Wording in the selected information:")
        self.hints_title.setText(f"<b>{as_html(title)}</b>")
        self.hints_title.setVisible(self.hints.isVisibleTo(self))


class NeedsSection(Section):
    """The console's needs checklist, with a gentle banner naming the areas nobody asked yet."""

    def __init__(
        self, page: NeedsPage, store: Store, hints: HintSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hints, parent)
        self.page = page
        page.setParent(self)
        self.banner = _wrap("", self)
        self.banner.setObjectName("unasked_needs")
        self.banner.setProperty("role", "notice")
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(page, 1)

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        self.page.show_data(view.data)
        code = self.page.code()
        names = [area.label(code) for area in view.unasked]
        if names:
            text = self.tr(
                "Not asked about yet: {areas}. Every area is asked every time, because the "
                "need nobody asked about is the one the plan misses."
            ).format(areas=", ".join(names))
            self.banner.setText(text)
            self.banner.setAccessibleName(text)
        self.banner.setVisible(bool(names))


# -- analysis and recommendation -----------------------------------------------------------------


class AnalysisSection(Section):
    def __init__(self, store: Store, hints: HintSource, parent: QWidget | None = None) -> None:
        super().__init__(store, hints, parent)
        self.fields = [
            WritingField(
                store,
                "analysis",
                self.tr("What is happening and why"),
                self.tr("What you think is happening for them, and why you think so"),
                hints,
                self,
            ),
            WritingField(
                store,
                "explanations",
                self.tr("Other explanations considered"),
                self.tr("What else could explain it, and why you think it does or does not"),
                hints,
                self,
            ),
            WritingField(
                store,
                "working_well",
                self.tr("What is working well"),
                self.tr("Strengths, safe people and places, what the family is already doing"),
                hints,
                self,
            ),
        ]
        layout = QVBoxLayout(self)
        for field in self.fields:
            self.keyed(field.label, field.title)
            layout.addWidget(field)
        layout.addStretch(1)

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        for field in self.fields:
            field.show_view(view)

    def field(self, name: str) -> WritingField:
        return next(f for f in self.fields if f.field == name)


def _pathway_specs() -> list[FieldSpec]:
    return [
        FieldSpec(
            "recommended_pathway",
            QT_TRANSLATE_NOOP("FieldSpec", "Recommended pathway"),
            "choice",
            [
                ("", QT_TRANSLATE_NOOP("FieldSpec", "Not decided yet")),
                *((p.value, p.label) for p in Pathway),
            ],
        )
    ]


class RecommendationSection(Section):
    def __init__(self, store: Store, hints: HintSource, parent: QWidget | None = None) -> None:
        super().__init__(store, hints, parent)
        self.form = RecordForm(_pathway_specs(), self)
        self.form.setObjectName("recommendation_form")
        self.form.field_edited.connect(
            lambda f, v: self.save_field(self.form, f, v or None)  # "" is not decided yet
        )
        self.targets_label = QLabel(self)
        self.targets = QListWidget(self)
        self.targets.setObjectName("plan_targets")
        self.targets.setAccessibleName(self.tr("Contexts and needs the plan should target"))
        self.targets.setAccessibleDescription(self.tr("Space ticks or unticks the one selected"))
        self.targets.itemChanged.connect(self._toggled)
        self.targets_label.setBuddy(self.targets)
        self.keyed(self.targets_label, self.tr("What the plan should target (tick with Space)"))
        self.text = WritingField(
            store,
            "recommendation",
            self.tr("Recommendation"),
            self.tr("What you recommend, and why, in words the family can follow"),
            hints,
            self,
        )
        self.keyed(self.text.label, self.text.title)
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.targets_label)
        layout.addWidget(self.targets)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        values = dict(view.assessment)
        values["recommended_pathway"] = values.get("recommended_pathway") or ""
        self.form.set_values(values)
        chosen = set(view.assessment.get("plan_targets") or [])
        code = language_of(self)
        wanted = [
            (self.tr("Context: {name}").format(name=c["name"]), c["id"]) for c in view.data.contexts
        ]
        for need in view.data.needs:
            area = view.data.pack.need(need["area"])
            label = area.label(code) if area else str(need.get("label", need["area"]))
            wanted.append((self.tr("Need: {name}").format(name=label), need["id"]))
        self._filling = True
        current = self.targets.currentRow()
        if [self._item_key(i) for i in range(self.targets.count())] != wanted:
            self.targets.clear()
            for text, target_id in wanted:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, target_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.targets.addItem(item)
        for index in range(self.targets.count()):
            item = self.targets.item(index)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if 0 <= current < self.targets.count():
            self.targets.setCurrentRow(current)  # ticking with Space keeps your place
        self._filling = False
        self.text.show_view(view)

    def _item_key(self, index: int) -> tuple[str, str]:
        item = self.targets.item(index)
        return (item.text(), str(item.data(Qt.ItemDataRole.UserRole)))

    def chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.targets.item(i) for i in range(self.targets.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _toggled(self, _item: QListWidgetItem) -> None:
        if self._filling or self.view is None:
            return
        self.store.set_field(
            "assessment", self.view.id, "plan_targets", self.chosen(), self.tr("plan targets")
        )


# -- sharing with the family -----------------------------------------------------------------------


class SharingSection(Section):
    """Each time the family saw it, what they said, and their corrections.

    Whether they have seen this version is said at the top of the window, on every part.
    """

    def __init__(
        self,
        store: Store,
        hints: HintSource,
        show_shared: Callable[[dict[str, Any]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, hints, parent)
        self._show_shared = show_shared
        self.shares_label = QLabel(self)
        self.shares, self.shares_model = record_table(
            self.tr("Times it was shared with the family"),
            [
                Column("shared_on", self.tr("Date"), date_cell),
                Column("shared_with", self.tr("With")),
                Column("how", self.tr("How")),
                Column("family_response", self.tr("What they said")),
            ],
            object_name="assessment_shares",
            parent=self,
        )
        self.shares.doubleClicked.connect(lambda _i: self.show_what_they_saw())
        self.shares_label.setBuddy(self.shares)
        self.keyed(self.shares_label, self.tr("Times it was shared with the family"))
        self.show_button = button(
            self.tr("Show what they saw"), "show_what_they_saw", self.show_what_they_saw
        )
        self.show_button.setParent(self)
        self.keyed(self.show_button, self.tr("Show what they saw"))
        self.corrections_label = QLabel(self)
        self.corrections, self.corrections_model = record_table(
            self.tr("The family's corrections"),
            [
                Column("who", self.tr("Who")),
                Column("about_label", self.tr("About")),
                Column("words", self.tr("Their words"), lambda w: f"“{w}”" if w else ""),
                Column("said_at", self.tr("When"), self._when),
            ],
            object_name="assessment_corrections",
            parent=self,
        )
        self.corrections_label.setBuddy(self.corrections)
        self.keyed(self.corrections_label, self.tr("The family's corrections"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.shares_label)
        layout.addWidget(self.shares, 2)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.corrections_label)
        layout.addWidget(self.corrections, 2)

    @staticmethod
    def _when(value: Any) -> str:
        return format_datetime(value) if value else ""

    def show_view(self, view: AssessmentView) -> None:
        super().show_view(view)
        keep = selected_row(self.shares)
        self.shares_model.set_rows(view.shares)
        rows = view.shares
        index = next((n for n, r in enumerate(rows) if keep and r["id"] == keep["id"]), None)
        if index is None and rows:
            index = len(rows) - 1
        if index is not None:
            self.shares.selectRow(index)
        self.show_button.setEnabled(bool(rows))
        names = self.about_names(view)
        self.corrections_model.set_rows(
            [{**c, "about_label": names.get(c["about"], "")} for c in view.corrections]
        )

    def selected_share(self) -> dict[str, Any] | None:
        return selected_row(self.shares)

    def show_what_they_saw(self) -> None:
        share = self.selected_share()
        if share is not None:
            self._show_shared(share)
