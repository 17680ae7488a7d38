"""The conference PDFs: what each audience may read, and that every file is sound.

The first promise is the one that matters most: restricted information (police
information about other young people, notes taken while the family were out)
is in the professional record and in no other copy, for any conference.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError
from pypdf.generic import DictionaryObject

from roth_desktop import __version__
from roth_desktop.reports.audience import Audience, ReportError
from roth_desktop.reports.conference_record import (
    ConferenceRecord,
    MapPicture,
    VoiceItem,
    build_record,
    conference_ids,
)
from roth_desktop.reports.pdf import render_pdf, write_conference_pdf
from roth_desktop.reports.pdf.page_template import PAGE_HEIGHT, TOP_MARGIN
from roth_desktop.reports.pdf.styles import styles_for
from roth_desktop.reports.pdf.wording import (
    parse_wording,
    strings_needing_review,
    wording_for,
)
from roth_desktop.workspace import Workspace

SHARED = (Audience.FAMILY, Audience.YOUNG_PERSON, Audience.PLAN)
MARKING = "OFFICIAL-SENSITIVE"


# -- helpers ---------------------------------------------------------------------------------


def squash(text: str) -> str:
    """Text with every run of whitespace as one space: lines wrap where layout decides."""
    return " ".join(text.split())


def pdf_text(data: bytes, password: str | None = None) -> str:
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return squash(" ".join(page.extract_text() for page in reader.pages))


def records(
    workspace: Workspace, audience: Audience, language: str = "en"
) -> Iterator[ConferenceRecord]:
    with workspace.session() as session:
        ids = conference_ids(session)
        found = [build_record(session, c, audience, language) for c in ids]
    yield from found


def find(workspace: Workspace, audience: Audience, first: str, kind: str, agreed: bool) -> Any:
    return next(
        r
        for r in records(workspace, audience)
        if r.young_person_first_name == first and r.kind == kind and r.agreed is agreed
    )


def restricted_phrases(record: ConferenceRecord) -> list[str]:
    """Every restricted text in a professional record, as it would read in a PDF."""
    r = record.restricted
    texts = [p.text for p in r.partner_information]
    texts += [h.description for h in r.harm]
    texts += [link.label for link in r.links]
    texts += [m.text for m in r.minutes]
    return [squash(t) for t in texts if t.strip()]


def header_lines(page: Any) -> list[str]:
    """The text drawn above the body frame: the marking and the page header."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        y = cm[5] + tm[5] * cm[3]
        if text.strip() and y > PAGE_HEIGHT - TOP_MARGIN + 2:
            found.append((y, text.strip()))

    page.extract_text(visitor_text=visit)
    return [text for _, text in found]


# -- what each audience may see --------------------------------------------------------------


def test_the_professional_record_holds_restricted_items_under_their_own_heading(
    demo_workspace: Workspace,
) -> None:
    record = find(demo_workspace, Audience.PROFESSIONAL, "Mira", "initial", True)
    phrases = restricted_phrases(record)
    assert any("R.T." in p for p in phrases)  # the police information about another child
    text = pdf_text(render_pdf(record))
    assert "Restricted information — not for the family" in text
    assert "RESTRICTED — NOT FOR THE FAMILY" in text  # the band down each restricted page
    for phrase in phrases:
        assert phrase in text
    # Restricted items come after everything shareable, not mixed in with it.
    heading = text.index("Restricted information — not for the family")
    assert all(text.index(p) > heading for p in phrases)
    # Peers' initials are professional-only, and printed here.
    assert "Peers (initials only): J.B., KT" in text


def test_no_restricted_text_reaches_any_other_copy_of_any_conference(
    demo_workspace: Workspace,
) -> None:
    professional = list(records(demo_workspace, Audience.PROFESSIONAL))
    every_phrase = sorted({p for r in professional for p in restricted_phrases(r)})
    assert len(every_phrase) >= 8, every_phrase  # the demo really has restricted items
    peers = {r.conference_id: [c.peer_initials for c in r.contexts] for r in professional}
    checked = 0
    for audience in SHARED:
        for language in ("en", "cy"):
            for record in records(demo_workspace, audience, language):
                assert not record.restricted
                text = pdf_text(render_pdf(record))
                for phrase in every_phrase:
                    assert phrase not in text, (audience, record.young_person_name, phrase)
                assert "R.T." not in text
                for marker in ("Restricted information", "RESTRICTED", "initials only"):
                    assert marker not in text
                for marker in ("Gwybodaeth gyfyngedig", "CYFYNGEDIG", "llythrennau cyntaf"):
                    assert marker not in text
                # Other young people, by the initials recorded for them: neither the list
                # nor any one of them (the demo's shared wording never names a peer).
                for listed in peers[record.conference_id]:
                    for initials in (listed, *listed.split(", ")):
                        if initials and "." in initials:
                            assert initials not in text, (audience, initials)
                checked += 1
    assert checked == 3 * 2 * len(professional)


def test_the_young_persons_plan_talks_to_them(demo_workspace: Workspace) -> None:
    record = find(demo_workspace, Audience.YOUNG_PERSON, "Mira", "review", True)
    text = pdf_text(render_pdf(record))
    assert "Hi Mira," in text
    for heading in (
        "About you",
        "What you told us",
        "Where you feel safe",
        "Your map",
        "What will change",
        "Who will help and by when",
        "How we will know it's working",
        "What happens next",
    ):
        assert heading in text, heading
    # Their own words, verbatim, before anyone else's; none of the adults' machinery.
    assert "Westgate is better. Nobody there knows about before." in text
    assert "What the agencies told the meeting" not in text
    assert "Harm" not in text


def test_type_is_large_enough_for_each_reader() -> None:
    def sizes(audience: Audience) -> list[float]:
        st = styles_for(audience)
        return [getattr(st, f.name).fontSize for f in dataclasses.fields(st) if f.name != "sizes"]

    assert min(sizes(Audience.FAMILY)) >= 11
    assert min(sizes(Audience.YOUNG_PERSON)) >= 13
    assert styles_for(Audience.YOUNG_PERSON).body.fontSize >= 14


def test_user_text_with_markup_characters_prints_literally(demo_workspace: Workspace) -> None:
    record = find(demo_workspace, Audience.FAMILY, "Mira", "review", True)
    words = 'I said <b>& not bold</b> & <font size="40">big</font> &amp; <br/>'
    voice = VoiceItem(
        "Mira <Haddad> & co", "young_person", "View", "In person", words, record.starts_at
    )
    record = dataclasses.replace(record, voices=(voice,), young_person_first_name="Mi<ra>&")
    text = pdf_text(render_pdf(record))
    assert squash(words) in text
    assert "Mira <Haddad> & co" in text
    assert "A picture of Mi<ra>&" in text


def test_very_long_text_and_a_crowded_map_still_render(demo_workspace: Workspace) -> None:
    """A voice of several pages, forty contexts and a goal with many actions: no layout error."""
    for audience in Audience:
        record = find(demo_workspace, audience, "Mira", "review", True)
        long_words = " ".join(["word"] * 2500) + " " + "x" * 300  # and one unbreakable word
        voice = dataclasses.replace(record.voices[0], words=long_words)
        contexts = tuple(
            dataclasses.replace(record.contexts[0], id=str(n), name=f"Place {n} with a long name")
            for n in range(40)
        )
        areas = tuple((c.name, "mixed", 100 + 10 * n) for n, c in enumerate(contexts))
        goal = dataclasses.replace(
            record.goals[0], text="goal " * 150, actions=record.goals[0].actions * 25
        )
        crowded = dataclasses.replace(
            record,
            voices=(voice, voice),
            contexts=contexts,
            map_now=MapPicture("Now", areas),
            map_before=MapPicture("Before", areas[:20]),
            goals=(goal,),
        )
        reader = PdfReader(io.BytesIO(render_pdf(crowded)))
        assert len(reader.pages) > 5


# -- the page --------------------------------------------------------------------------------


def test_headers_carry_initials_title_and_page_x_of_y_never_the_name(
    demo_workspace: Workspace,
) -> None:
    for audience in Audience:
        record = find(demo_workspace, audience, "Mira", "review", True)
        reader = PdfReader(io.BytesIO(render_pdf(record, marking=MARKING)))
        total = len(reader.pages)
        assert total > 1
        title = wording_for("en")(f"title.{audience.value}")
        for number, page in enumerate(reader.pages, start=1):
            header = " ".join(header_lines(page))
            assert record.initials in header and title in header, header
            for name in ("Mira", "Amira", "Haddad"):
                assert name not in header, (audience, number, header)
            text = squash(page.extract_text())
            assert f"Page {number} of {total}" in text
            assert text.count(MARKING) >= 2  # top and bottom of the page


def test_the_draft_watermark_shows_until_the_conference_is_agreed(
    demo_workspace: Workspace,
) -> None:
    draft = find(demo_workspace, Audience.PROFESSIONAL, "Mira", "review", False)
    agreed = find(demo_workspace, Audience.PROFESSIONAL, "Mira", "review", True)
    for page in PdfReader(io.BytesIO(render_pdf(draft))).pages:
        assert "DRAFT" in page.extract_text()
    for page in PdfReader(io.BytesIO(render_pdf(agreed))).pages:
        assert "DRAFT" not in page.extract_text()
    welsh = dataclasses.replace(draft, language="cy")
    assert "DRAFFT" in pdf_text(render_pdf(welsh))


def test_metadata_and_outline(demo_workspace: Workspace) -> None:
    record = find(demo_workspace, Audience.PROFESSIONAL, "Mira", "review", True)
    reader = PdfReader(io.BytesIO(render_pdf(record)))
    meta = reader.metadata
    assert meta is not None
    assert meta.title is not None and meta.title.startswith(f"Conference record: {record.initials}")
    assert "Haddad" not in meta.title
    assert meta.author == f"ROTH Desktop {__version__}"
    assert meta.creator == f"ROTH Desktop {__version__}"
    assert meta.producer is not None and "ROTH Desktop" in meta.producer
    assert meta.subject and "professionals" in meta.subject
    assert "Risk Outside the Home" in str(meta.get("/Keywords"))

    entries: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None
                entries.setdefault(item.title, page)

    walk(reader.outline)
    expected = [
        "Conference details",
        "Attendance",
        "A picture of Mira",
        "Voices",
        "Safe and unsafe, context by context",
        "Context weighting",
        "Information from partner agencies",
        "Needs",
        "Harm",
        "Decision",
        "The plan",
        "Checks on the plan",
        "Next steps",
        "Minutes",
        "Restricted information — not for the family",
    ]
    for title in expected:
        assert title in entries, (title, entries)
    pages = [entries[t] for t in expected]
    assert pages == sorted(pages)  # in order, and each pointing at its own page
    assert pages[-1] == len(reader.pages) - 1 > pages[0] == 0


def test_fonts_are_embedded_and_welsh_survives(demo_workspace: Workspace) -> None:
    record = find(demo_workspace, Audience.YOUNG_PERSON, "Mira", "review", True)
    welsh = build_welsh(demo_workspace, record.conference_id, Audience.YOUNG_PERSON)
    data = render_pdf(welsh)
    reader = PdfReader(io.BytesIO(data))
    seen = set()
    for page in reader.pages:
        fonts: Any = page["/Resources"]["/Font"]  # type: ignore[index]
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # an embedded TrueType
    assert seen and all("DejaVuSans" in name for name in seen), seen
    text = pdf_text(data)
    assert "Dŷn ni wedi ysgrifennu" in text  # ŷ
    assert "y tu allan i'r tŷ" in text
    assert "Dy gynllun di" in text
    plan = build_welsh(demo_workspace, record.conference_id, Audience.PLAN)
    assert "Cynllun ar gyfer y grŵp craidd" in pdf_text(render_pdf(plan))  # ŵ


def build_welsh(workspace: Workspace, conference_id: str, audience: Audience) -> ConferenceRecord:
    with workspace.session() as session:
        return build_record(session, conference_id, audience, "cy")


# -- the file --------------------------------------------------------------------------------


def qpdf_check(path: Path, password: str | None = None) -> None:
    # Required, not skipped: make test installs qpdf (scripts/system-deps.sh), and a PDF
    # that only our own reader accepts is not one a family's phone will open.
    assert shutil.which("qpdf"), "qpdf is missing: run make test, which installs it"
    args = ["qpdf", "--check", *([f"--password={password}"] if password else []), str(path)]
    result = subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, (path.name, result.stdout, result.stderr)
    assert "No syntax or stream encoding errors found" in result.stdout


def test_every_pdf_passes_qpdf_check(demo_workspace: Workspace, tmp_path: Path) -> None:
    with demo_workspace.session() as session:
        ids = conference_ids(session)
        for n, conference_id in enumerate(ids):
            for audience in Audience:
                path = tmp_path / f"{n}-{audience.value}.pdf"
                write_conference_pdf(session, conference_id, audience, path)
                qpdf_check(path)
        welsh = write_conference_pdf(
            session, ids[-1], Audience.FAMILY, tmp_path / "cy.pdf", language="cy"
        )
        locked = write_conference_pdf(
            session, ids[-1], Audience.FAMILY, tmp_path / "locked.pdf", password="sesame"
        )
    qpdf_check(welsh)
    qpdf_check(locked, "sesame")


def test_a_password_protected_pdf_opens_only_with_its_password(
    demo_workspace: Workspace,
) -> None:
    record = find(demo_workspace, Audience.FAMILY, "Mira", "review", True)
    data = render_pdf(record, password="correct horse")
    assert b"Westgate" not in data

    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted
    with pytest.raises((FileNotDecryptedError, PdfReadError)):
        reader.pages[0].extract_text()

    wrong = PdfReader(io.BytesIO(data))
    assert not wrong.decrypt("battery staple")
    with pytest.raises((FileNotDecryptedError, PdfReadError)):
        wrong.pages[0].extract_text()

    right = PdfReader(io.BytesIO(data))
    assert right.decrypt("correct horse")
    assert "Family copy" in right.pages[0].extract_text()
    # AES-256 (V5, R6), not ReportLab's RC4; the outline and metadata survive it.
    encryption = right.trailer["/Encrypt"].get_object()
    assert isinstance(encryption, DictionaryObject)
    assert (int(encryption["/V"]), int(encryption["/R"])) == (5, 6)  # type: ignore[call-overload]
    assert right.outline and right.metadata is not None and right.metadata.title


def test_write_conference_pdf_writes_atomically_where_asked(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    progress: list[tuple[int, str]] = []
    with demo_workspace.session() as session:
        conference_id = conference_ids(session)[0]
        out = write_conference_pdf(
            session,
            conference_id,
            Audience.PLAN,
            tmp_path / "plan.pdf",
            progress=lambda percent, message: progress.append((percent, message)),
        )
        with pytest.raises(ReportError, match=r"\.pdf"):
            write_conference_pdf(session, conference_id, Audience.PLAN, tmp_path / "plan.txt")
    assert out == tmp_path / "plan.pdf"
    assert out.read_bytes().startswith(b"%PDF-")
    assert out.stat().st_mode & 0o077 == 0  # readable by the owner only
    assert not list(tmp_path.glob(".plan.pdf*"))  # no half-written file left beside it
    percents = [p for p, _ in progress]
    assert percents == sorted(percents) and percents[-1] == 100
    assert all(message for _, message in progress)


# -- the wording -----------------------------------------------------------------------------


def test_the_wording_file_has_english_and_welsh_for_every_string() -> None:
    en, cy = wording_for("en"), wording_for("cy")
    assert en("page.page_of", page=2, total=7) == "Page 2 of 7"
    assert cy("page.page_of", page=2, total=7) == "Tudalen 2 o 7"
    assert strings_needing_review()  # the Welsh still owed a translator's eye is flagged
    with pytest.raises(ReportError):
        wording_for("fr")
    with pytest.raises(ReportError, match="both English and Welsh"):
        parse_wording({"strings": {"x": {"en": "Only English"}}})
    with pytest.raises(ReportError, match="blanks"):
        parse_wording({"strings": {"x": {"en": "On {date}", "cy": "Ar"}}})


def test_every_wording_key_the_pdfs_use_exists() -> None:
    source = "".join(
        p.read_text("utf-8")
        for p in (Path(__file__).parents[1] / "roth_desktop/reports/pdf").glob("*.py")
    )
    used = set(re.findall(r'w(?:\.pick)?\(\s*"([a-z_.-]+)"', source))
    assert len(used) > 60
    en = wording_for("en")
    missing = sorted(key for key in used if not en.has(key))
    assert not missing, missing
