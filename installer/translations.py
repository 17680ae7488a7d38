"""Keep the UI's Qt translation files in step with the code, and compile them.

    python installer/translations.py update [FILE...]  # lupdate: add new strings, drop old ones
    python installer/translations.py release   # lrelease: .ts -> resources/translations/*.qm
    python installer/translations.py status    # counts: translated, needing review, missing

There is one ``.ts`` per UI source file (``ui/console/window.py`` ->
``resources/translations/cy/ui.console.window.ts``), so people translating
different windows never edit the same file. A translation still waiting for a
Welsh speaker's review is kept with ``type="unfinished"``: lrelease still ships
it (better than English on a Welsh screen), and ``status`` lists it.

The ``.qm`` is a build output (git-ignored); ``make install`` and the installer
build run ``release``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
TARGETS = ("cy",)


def _tool(name: str) -> str:
    """The PySide6 wrapper next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project first (make install).")
    return found


def sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def ts_for(source: Path, code: str) -> Path:
    dotted = ".".join(source.relative_to(ROOT).with_suffix("").parts)
    return TRANSLATIONS / code / f"{dotted}.ts"


def qm_for(code: str) -> Path:
    return TRANSLATIONS / f"roth_desktop_{code}.qm"


def lupdate(source: Path, ts: Path) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en_GB",
            "-target-language",
            ts.parent.name,
            str(source),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


def update(only: list[Path] | None = None) -> None:
    """lupdate every UI file (or just ``only``, so people on different windows never race)."""
    for code in TARGETS:
        if only:
            for source in only:
                lupdate(source.resolve(), ts_for(source.resolve(), code))
            continue
        wanted = set()
        for source in sources():
            ts = ts_for(source, code)
            lupdate(source, ts)
            if messages(ts):
                wanted.add(ts)
            else:
                ts.unlink()  # a file with no UI strings needs no translation file
        for stale in (TRANSLATIONS / code).glob("*.ts"):
            if stale not in wanted:
                stale.unlink()


def release(out_dir: Path | None = None) -> list[Path]:
    written = []
    for code in TARGETS:
        ts_files = sorted((TRANSLATIONS / code).glob("*.ts"))
        if not ts_files:
            continue
        out = (out_dir or TRANSLATIONS) / f"roth_desktop_{code}.qm"
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", *map(str, ts_files), "-qm", str(out)],
            check=True,
            capture_output=True,
        )
        written.append(out)
    return written


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    # type="unfinished" with a translation: it ships, but a Welsh speaker should check it
    needs_review: bool


def messages(ts: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            found.append(
                Message(name, message.findtext("source") or "", text, kind == "unfinished")
            )
    return found


def status() -> int:
    missing = 0
    for code in TARGETS:
        for ts in sorted((TRANSLATIONS / code).glob("*.ts")):
            found = messages(ts)
            empty = [m for m in found if not m.translation.strip()]
            review = [m for m in found if m.translation.strip() and m.needs_review]
            missing += len(empty)
            print(f"{ts.name}: {len(found)} strings, {len(review)} to review, {len(empty)} missing")
    return 1 if missing else 0


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "update":
        update([Path(a) for a in argv[2:]] or None)
        return status()
    if command == "release":
        for path in release():
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if command == "status":
        return status()
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
