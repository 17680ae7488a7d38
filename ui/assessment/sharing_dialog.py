"""Recording that the family saw the assessment, their corrections, and what they were shown.

Sharing keeps the family's version exactly as they saw it (``AssessmentShare.shown``),
so "Show what they saw" reads that stored copy, never today's text. A correction
is the family's own words beside the part it is about; it never edits the
worker's text. Both are saved on the worker and can be undone (Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from roth_desktop.errors import ValidationError
from roth_desktop.validation import format_date, today
from ui.assessment import data as assessment_data
from ui.assessment.data import AssessmentView
from ui.forms import FieldSpec, RecordDialog
from ui.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Translated, language_of
from ui.store import Store

Submit = Callable[[dict[str, Any], Callable[[], None], Callable[[BaseException], None]], None]


def _share_specs() -> list[FieldSpec]:
    return [
        FieldSpec("shared_on", QT_TRANSLATE_NOOP("FieldSpec", "Date shared"), "date"),
        FieldSpec(
            "shared_with",
            QT_TRANSLATE_NOOP("FieldSpec", "Who with"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "e.g. Tyler and his mum"),
        ),
        FieldSpec(
            "how",
            QT_TRANSLATE_NOOP("FieldSpec", "How"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "e.g. Read together at home, or sent by post"),
        ),
        FieldSpec(
            "family_response",
            QT_TRANSLATE_NOOP("FieldSpec", "What they said"),
            "multiline",
            help=QT_TRANSLATE_NOOP("FieldSpec", "Their response, in their words"),
        ),
        # What they saw is kept in the language they saw it in.
        FieldSpec(
            "language",
            QT_TRANSLATE_NOOP("FieldSpec", "Language they read it in"),
            "choice",
            list(LANGUAGES),
        ),
    ]


class SharingDialogs(Translated, QObject):
    """Opens the sharing and correction dialogs over ``window``, in its language."""

    def __init__(self, store: Store, window: QWidget) -> None:
        super().__init__(window)
        self.store = store
        self.window = window

    def record_sharing(self, view: AssessmentView) -> RecordDialog:
        assessment_id = view.id

        def submit(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            shared_on, with_, how, said, language = (
                values["shared_on"],
                values["shared_with"],
                values["how"],
                values["family_response"],
                values.get("language") or "en",
            )
            self.store.run(
                self.tr("record sharing with the family"),
                lambda s: assessment_data.share(
                    s, assessment_id, shared_on, with_, how, said, language
                ),
                assessment_data.take_back("assessment_share"),
                failed=failed,
                done=lambda _id: done(),
            )

        last = view.last_share
        defaults = {
            "shared_on": today(),
            "shared_with": last["shared_with"] if last else "",
            "how": last["how"] if last else "",
            "language": language_of(self.window),
        }
        return self._open(
            self.tr("Record sharing with the family"), _share_specs(), defaults, submit
        )

    def add_correction(
        self, view: AssessmentView, about_names: dict[str, str], about: str = ""
    ) -> RecordDialog:
        assessment_id = view.id
        who = [("", self.tr("{name} (the young person)").format(name=view.first_name))]
        specs = [
            FieldSpec(
                "family_member_id",
                QT_TRANSLATE_NOOP("FieldSpec", "Whose words"),
                "choice",
                [*who, *view.data.family],
            ),
            FieldSpec(
                "about",
                QT_TRANSLATE_NOOP("FieldSpec", "Which part it corrects"),
                "choice",
                list(about_names.items()),
            ),
            FieldSpec(
                "words",
                QT_TRANSLATE_NOOP("FieldSpec", "Their words"),
                "multiline",
                help=QT_TRANSLATE_NOOP("FieldSpec", "Exactly as they said it"),
            ),
        ]
        problem = self.tr("Write down what they said, in their words.")

        def submit(
            values: dict[str, Any],
            done: Callable[[], None],
            failed: Callable[[BaseException], None],
        ) -> None:
            words = str(values["words"])
            if not words.strip():
                failed(ValidationError({"words": problem}))
                return
            part, member = str(values["about"]), values["family_member_id"] or None
            self.store.run(
                self.tr("add a family correction"),
                lambda s: assessment_data.correct(s, assessment_id, part, words, member),
                assessment_data.take_back("voice"),
                failed=failed,
                done=lambda _id: done(),
            )

        chosen = about if about in about_names else next(iter(about_names), "")
        return self._open(
            self.tr("Add a family correction"), specs, {"about": chosen, "words": ""}, submit
        )

    def _open(
        self, title: str, specs: list[FieldSpec], values: dict[str, Any], submit: Submit
    ) -> RecordDialog:
        dialog = RecordDialog(title, specs, submit, values, self.window)
        dialog.setObjectName("assessment_dialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog


class SharedView(Translated, QDialog):
    """What the family was shown, from the copy kept when it was shared: read only."""

    def __init__(self, share: dict[str, Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("what_they_saw")
        title = self.tr("What the family saw on {date}").format(
            date=format_date(share.get("shared_on"))
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(720, 760)
        self.text = QTextBrowser(self)
        self.text.setObjectName("shown_text")
        self.text.setAccessibleName(title)
        self.text.setOpenLinks(False)
        self.text.setHtml(self.html(share))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def plain_text(self) -> str:
        return self.text.toPlainText()

    def html(self, share: dict[str, Any]) -> str:
        shown = share.get("shown") if isinstance(share.get("shown"), dict) else {}
        assert isinstance(shown, dict)
        out: list[str] = []
        name = str(shown.get("young_person_name") or "")
        out.append(f"<h2>{escape(name)}</h2>")
        line = self.tr("Shared on {date} with {who}. This is the copy kept that day.").format(
            date=format_date(share.get("shared_on")), who=share.get("shared_with") or ""
        )
        out.append(f"<p><i>{escape(line)}</i></p>")
        if not shown:
            out.append(f"<p>{escape(self.tr('No copy was kept of what they saw.'))}</p>")
            return "".join(out)
        corrections = [c for c in shown.get("corrections") or [] if isinstance(c, dict)]

        def section(title: str, body: str) -> None:
            if body:
                out.append(f"<h3>{escape(title)}</h3>{body}")

        def text(key: str) -> str:
            words = str(shown.get(key) or "").strip()
            paragraphs = "".join(f"<p>{escape(p)}</p>" for p in words.split("\n") if p.strip())
            said = "".join(
                "<p style='margin-left:16px'><b>"
                + escape(self.tr("{name} said:").format(name=c.get("who", "")))
                + f"</b> “{escape(str(c.get('words', '')))}”</p>"
                for c in corrections
                if c.get("section") == key
            )
            return paragraphs + said

        def items(key: str, show: Callable[[dict[str, Any]], str]) -> str:
            rows = [r for r in shown.get(key) or [] if isinstance(r, dict)]
            lines = "".join(f"<li>{show(r)}</li>" for r in rows if show(r))
            return f"<ul>{lines}</ul>" if lines else ""

        def e(row: dict[str, Any], key: str) -> str:
            return escape(str(row.get(key) or ""))

        section(self.tr("What is happening and why"), text("analysis"))
        section(self.tr("Other explanations considered"), text("explanations"))
        section(self.tr("What is working well"), text("working_well"))
        pathway = str(shown.get("recommended_pathway_label") or "")
        recommendation = (f"<p><b>{escape(pathway)}</b></p>" if pathway else "") + text(
            "recommendation"
        )
        section(self.tr("Recommendation"), recommendation)
        section(
            self.tr("What the plan should target"),
            items("plan_targets", lambda r: e(r, "name")),
        )
        section(
            self.tr("Picture"),
            items(
                "picture",
                lambda r: e(r, "text") + (f" ({e(r, 'said_by')})" if r.get("said_by") else ""),
            ),
        )
        section(
            self.tr("Their words"),
            items("voices", lambda r: f"<b>{e(r, 'who')}:</b> “{e(r, 'words')}”"),
        )
        section(
            self.tr("Visits and conversations"),
            items(
                "visits",
                lambda r: ", ".join(
                    escape(str(v))
                    for v in (
                        _day(r.get("visited_on")),
                        r.get("place"),
                        r.get("who_seen"),
                    )
                    if v
                ),
            ),
        )
        section(
            self.tr("Where safe and unsafe"),
            items(
                "contexts",
                lambda r: (
                    f"<b>{e(r, 'name')}</b>: {e(r, 'safety_label')}, {e(r, 'percent')}"
                    + (f"<br>{e(r, 'makes_safe')}" if r.get("makes_safe") else "")
                    + (f"<br>{e(r, 'makes_unsafe')}" if r.get("makes_unsafe") else "")
                ),
            ),
        )
        section(
            self.tr("Partner information"),
            items("partner_information", lambda r: f"<b>{e(r, 'agency')}:</b> {e(r, 'text')}"),
        )
        section(
            self.tr("Needs"),
            items(
                "needs",
                lambda r: (
                    f"<b>{e(r, 'label')}</b>: {e(r, 'status_label')}"
                    + (f". {e(r, 'summary')}" if r.get("summary") else "")
                ),
            ),
        )
        section(
            self.tr("Harm"),
            items(
                "harm",
                lambda r: f"<b>{e(r, 'label')}</b> ({e(r, 'timing_label')}): {e(r, 'description')}",
            ),
        )
        others = [c for c in corrections if c.get("section") not in assessment_data.SECTIONS]
        section(
            self.tr("The family's corrections"),
            "<ul>"
            + "".join(
                f"<li><b>{escape(self.tr('{name} said:').format(name=c.get('who', '')))}</b> "
                f"“{escape(str(c.get('words', '')))}”"
                + (f" ({escape(str(c['item']))})" if c.get("item") else "")
                + "</li>"
                for c in others
            )
            + "</ul>"
            if others
            else "",
        )
        return "".join(out)


def _by(who: str) -> str:
    return f" ({who})" if who else ""


def _day(value: Any) -> str:
    """A stored ISO date as people read it."""
    text = str(value or "")
    parts = text[:10].split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if len(parts) == 3 else text
