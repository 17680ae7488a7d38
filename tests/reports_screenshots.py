"""Write the conference PDFs for the demo and render every page to PNG, to look at.

Not a test: a way to see what a chair, a family and a young person will hold.
    python -m tests.reports_screenshots [OUTDIR]      (default artifacts/pdf)

It builds a fresh demo workspace inside OUTDIR (removed at the end), then writes:
- all four PDFs for Mira's review (agreed; the richest conference in the demo),
  and her plan in Welsh;
- the draft that follows it (nothing recorded yet), as the professional record;
- her review's family copy as if it were still a draft, to check that the DRAFT
  watermark shows without hiding any text;
and renders each page with ``pdftoppm -r 60 -png`` beside its PDF.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

PASSPHRASE = "Fernleigh screenshots passphrase"


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "artifacts/pdf").resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = out / ".work"
    shutil.rmtree(work, ignore_errors=True)
    # Keep the demo's settings and state beside it, not in the developer's own folders.
    for name in ("CONFIG", "STATE"):
        folder = work / name.lower()
        folder.mkdir(parents=True)
        os.environ[f"ROTH_DESKTOP_{name}_DIR"] = str(folder)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is not installed (poppler-utils); PDFs will be written without PNGs.")

    # Imported after the environment is set, so nothing reads the real config folder.
    from roth_desktop.demo import create_demo
    from roth_desktop.reports.audience import Audience
    from roth_desktop.reports.conference_record import build_record, conference_ids
    from roth_desktop.reports.output import write_output
    from roth_desktop.reports.pdf import render_pdf, write_conference_pdf

    workspace = create_demo(work / "demo", PASSPHRASE)
    written: list[Path] = []
    try:
        with workspace.session() as session:
            records = [
                build_record(session, c, Audience.PROFESSIONAL) for c in conference_ids(session)
            ]
            mira = [r for r in records if r.young_person_first_name == "Mira"]
            review = next(r for r in mira if r.kind == "review" and r.agreed)
            draft = next(r for r in mira if not r.agreed)
            for audience in Audience:
                path = out / f"mira-review-{audience.value}.pdf"
                written.append(write_conference_pdf(session, review.conference_id, audience, path))
            path = out / "mira-review-young-person-cy.pdf"
            written.append(
                write_conference_pdf(
                    session, review.conference_id, Audience.YOUNG_PERSON, path, language="cy"
                )
            )
            path = out / "mira-next-review-draft-professional.pdf"
            written.append(
                write_conference_pdf(session, draft.conference_id, Audience.PROFESSIONAL, path)
            )
            family = build_record(session, review.conference_id, Audience.FAMILY)
            as_draft = dataclasses.replace(family, agreed=False, agreed_at=None)
            path = out / "mira-review-as-draft-family.pdf"
            written.append(write_output(path, render_pdf(as_draft), ".pdf"))
    finally:
        workspace.lock()
        shutil.rmtree(work, ignore_errors=True)

    for pdf in written:
        for old in out.glob(f"{pdf.stem}-*.png"):
            old.unlink()
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-r", "60", "-png", str(pdf), str(out / pdf.stem)], check=True
            )
        pages = sorted(out.glob(f"{pdf.stem}-*.png"))
        print(f"{pdf.name}: {len(pages)} page(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
