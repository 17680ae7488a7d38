"""Open Tyler's demo assessment in a real window and save a screenshot of its analysis.

Run under Xvfb with QT_QPA_PLATFORM=xcb:
    python -m tests.ui.screenshot_assessment DEMO_DIR PASSPHRASE_FILE OUT.png [PART...]
It unlocks, opens Tyler Marsh's case, opens his assessment from the Assessments
tab, adds a sentence with a loaded word to the analysis (so a wording hint shows
beside his mum's correction) and saves the window. Each PART named ("sharing",
"needs"...) is saved too, as OUT-PART.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.ui.screenshot_cases import later, when_cases_listed
from tests.ui.screenshot_main_window import finish, unlocked_app
from ui.assessment.sections import AnalysisSection
from ui.assessment.window import AssessmentWindow
from ui.main_window import MainWindow


def main() -> int:
    folder, passphrase_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    parts = sys.argv[4:]
    app, controller = unlocked_app(folder, passphrase_file)
    state: dict[str, object] = {"code": 1}

    def open_case(window: MainWindow) -> None:
        window.show_cases()
        row = next(r for r in window.case_list.model.rows if r.name == "Tyler Marsh")
        window.case_list.select(row.young_person_id)
        window.case_view.tabs.setCurrentWidget(window.case_view.assessments)
        later(1000, open_assessment)

    def open_assessment() -> None:
        window = controller.window
        assert window is not None
        opened = window.case_view.assessments.open_selected()
        if opened is None:
            finish(app, controller, 1)
            return
        opened.resize(1400, 900)
        opened.move(0, 0)
        state["window"] = opened
        later(1500, write)

    def write() -> None:
        window = state["window"]
        assert isinstance(window, AssessmentWindow)
        analysis = window.go_to("analysis")
        assert isinstance(analysis, AnalysisSection)
        box = analysis.field("analysis").box
        box.setPlainText(box.toPlainText() + " Mum claimed he was home by ten on Friday.")
        box.clearFocus()
        later(2500, shoot)

    def shoot() -> None:
        window = state["window"]
        assert isinstance(window, AssessmentWindow)
        ok = window.grab().save(str(out))
        state["code"] = 0 if ok else 1
        later(0, lambda: more(0))

    def more(n: int) -> None:
        window = state["window"]
        assert isinstance(window, AssessmentWindow)
        if n >= len(parts):
            finish(app, controller, int(str(state["code"])))
            return
        window.go_to(parts[n])

        def save() -> None:
            if not window.grab().save(str(out.with_name(f"{out.stem}-{parts[n]}.png"))):
                state["code"] = 1
            more(n + 1)

        later(1200, save)

    later(0, lambda: when_cases_listed(app, controller, open_case))
    app.exec()
    return int(str(state["code"]))


if __name__ == "__main__":
    raise SystemExit(main())
