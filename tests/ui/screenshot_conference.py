"""Run a demo conference in real windows and save the console and the family's screen.

Run under Xvfb with QT_QPA_PLATFORM=xcb:
    python -m tests.ui.screenshot_conference DEMO_DIR PASSPHRASE_FILE OUT_DIR STEP [STEP...]
It unlocks, opens Mira's upcoming review (which starts from her last conference),
opens the family's screen, and for each step saves console-STEP.png and
family-STEP.png.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tests.ui.screenshot_cases import later, when_cases_listed
from tests.ui.screenshot_main_window import finish, unlocked_app
from ui.console.window import ConsoleWindow
from ui.main_window import MainWindow


def main() -> int:
    folder, passphrase_file, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    steps = sys.argv[4:] or ["weighting"]
    app, controller = unlocked_app(folder, passphrase_file)
    state: dict[str, object] = {"code": 1}

    def open_case(window: MainWindow) -> None:
        row = next(r for r in window.case_list.model.rows if "Haddad" in r.name)
        window.case_list.select(row.young_person_id)
        later(800, open_console)

    def open_console() -> None:
        window = controller.window
        assert window is not None
        view = window.case_view
        drafts = [n for n, c in enumerate(view.conferences.model.rows) if c["status"] == "draft"]
        view.conferences.view.selectRow(drafts[-1])
        console = view.run_conference()
        assert console is not None
        console.resize(1400, 860)
        console.move(0, 0)
        state["console"] = console
        later(1500, open_screen)

    def open_screen() -> None:
        console = state["console"]
        assert isinstance(console, ConsoleWindow)
        console.show_participant_screen()
        screen = console.participant
        assert isinstance(screen, QWidget)
        screen.resize(1280, 800)
        later(800, lambda: shoot(0))

    def shoot(n: int) -> None:
        console = state["console"]
        assert isinstance(console, ConsoleWindow)
        if n >= len(steps):
            state["code"] = 0
            finish(app, controller, 0)
            return
        console.go_to(steps[n])

        def save() -> None:
            screen = console.participant
            assert isinstance(screen, QWidget)
            prefix = os.environ.get("ROTH_SHOT_PREFIX", "")
            ok = console.grab().save(str(out / f"{prefix}console-{steps[n]}.png"))
            ok &= screen.grab().save(str(out / f"{prefix}family-{steps[n]}.png"))
            if not ok:
                app.exit(1)
                return
            shoot(n + 1)

        later(1500, save)

    later(100, lambda: when_cases_listed(app, controller, open_case))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
