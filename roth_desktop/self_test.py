"""``roth-desktop --self-test``: does this installation work, here, right now?

For IT teams and the frozen build's smoke test. Each check exercises the real
code path the app uses (the same workspace, migration, PDF and content-pack
functions), not a stand-in, so a frozen build that misses a data file, a hidden
import or a compiled extension fails here rather than in front of a chair.

Everything happens in a temporary folder that is deleted afterwards, with the
app's config and state folders pointed into it, so running the self-test never
writes to the user's own settings. The passphrases are random and thrown away,
and no record holds anything about a real person.

One line per check, ``ok    name: what was shown`` or ``FAIL  name: why``, and a
non-zero exit if any check failed. This module never imports Qt: the Qt check
lives in ``ui/self_test.py`` and is handed in by the launcher.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import secrets
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any, TextIO

from roth_desktop import __version__
from roth_desktop.errors import RothError

# A check takes its own scratch folder, returns what it saw, and raises on failure.
Check = Callable[[Path], str]

ISOLATED_VARIABLES = ("ROTH_DESKTOP_CONFIG_DIR", "ROTH_DESKTOP_STATE_DIR")
SQLITE_HEADER = b"SQLite format 3\x00"
# keyring's own backends that keep nothing: "fail" refuses every call, "null"
# forgets everything, and the chainer only forwards to the other backends, each of
# which is itself checked here.
STORES_NOTHING = frozenset(
    {
        ("keyring.backends.fail", "Keyring"),
        ("keyring.backends.null", "Keyring"),
        ("keyring.backends.chainer", "ChainerBackend"),
    }
)
# The real OS keyring each platform's build must carry (roth_desktop/quick_unlock.py
# accepts only these), with the modules its backend needs at run time.
PLATFORM_KEYRING: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "win32": ("keyring.backends.Windows", "WinVaultKeyring", ("win32ctypes.pywin32.win32cred",)),
    "darwin": ("keyring.backends.macOS", "Keyring", ()),
    "linux": ("keyring.backends.SecretService", "Keyring", ("secretstorage", "jeepney")),
}


class CheckFailed(Exception):
    """A check saw something wrong; the message is the one line a person reads."""


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok' if self.ok else 'FAIL':<6}{self.name}: {self.detail}"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "(no message)"
    if len(text) > 300:
        text = text[:297] + "..."
    # The app's own errors are written for people; anything else is named, so a
    # missing module or file in a frozen build says what it was.
    return text if isinstance(exc, CheckFailed | RothError) else f"{type(exc).__name__}: {text}"


def run_check(name: str, check: Check, scratch: Path) -> Result:
    folder = scratch / name.replace(" ", "-")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        detail = check(folder)
    except Exception as exc:  # any failure is reported as this check's line, never a traceback
        return Result(name, False, _one_line(exc))
    return Result(name, True, detail)


# -- the checks ----------------------------------------------------------------------------


def check_version(_scratch: Path) -> str:
    installed = importlib.metadata.version("roth-desktop")
    if installed != __version__:
        raise CheckFailed(f"the app says {__version__} but its metadata says {installed}")
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    return f"ROTH Desktop {__version__}{frozen}, Python {sys.version.split()[0]}"


def check_sqlcipher(scratch: Path) -> str:
    from sqlalchemy import text

    from roth_desktop.models import Agency, AgencyKind
    from roth_desktop.workspace import DATABASE_FILE, Workspace

    folder = scratch / "workspace"
    passphrase = secrets.token_urlsafe(24)
    name = f"Self-test agency {secrets.token_hex(4)}"
    with (
        Workspace.create(folder, passphrase, actor="self-test") as workspace,
        workspace.session() as s,
    ):
        agency = Agency(name=name, kind=AgencyKind.OTHER)
        s.add(agency)
        agency_id = agency.id
    header = (folder / DATABASE_FILE).read_bytes()[: len(SQLITE_HEADER)]
    if header == SQLITE_HEADER:
        raise CheckFailed("the workspace database was written as plain SQLite, not encrypted")
    with (
        Workspace.open(folder, passphrase, actor="self-test") as workspace,
        workspace.session() as s,
    ):
        found = s.get(Agency, agency_id)
        if found is None or found.name != name:
            raise CheckFailed("a record written to the encrypted workspace did not read back")
        cipher = s.execute(text("PRAGMA cipher_version")).scalar()
    return f"encrypted workspace created, reopened, a record read back (SQLCipher {cipher})"


def check_migrations(scratch: Path) -> str:
    from roth_desktop.database import make_engine
    from roth_desktop.schema_migrations import (
        alembic_config,
        head_revision,
        known_revisions,
        upgrade,
    )

    location = Path(alembic_config().get_main_option("script_location") or "")
    scripts = [p for p in (location / "versions").glob("*.py") if p.name != "__init__.py"]
    if not (location / "env.py").is_file() or not scripts:
        raise CheckFailed(f"no Alembic env.py and revisions on disk at {location}")
    revisions = known_revisions()
    head = head_revision()
    # A database of its own, so this check says whether migrations run even when
    # the workspace check above failed for another reason.
    engine = make_engine(scratch / "migrations.db", os.urandom(32))
    try:
        upgrade(engine)
        with engine.connect() as connection:
            current = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    if current != head:
        raise CheckFailed(f"a new database stopped at revision {current}, not the head {head}")
    return f"{len(revisions)} revisions found, a new encrypted database upgraded to {head}"


def _embedded_font_files(reader: Any) -> dict[str, bool]:
    """Each font the pages use, and whether its program is embedded in the file."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_table = resources.get_object().get("/Font") if resources else None
        for ref in (font_table.get_object() if font_table else {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants.get_object()[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = embedded
    return fonts


def check_pdf(_scratch: Path) -> str:
    from pypdf import PdfReader
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from roth_desktop.reports.pdf.fonts import REGULAR
    from roth_desktop.reports.pdf.page_template import Furniture, Metadata, build_pdf

    # Welsh letters the PDF base fonts lack: they print only if DejaVu is embedded.
    words = "Cynhadledd ŵyr a ŷd: self-test"
    style = ParagraphStyle("self-test", fontName=REGULAR, fontSize=11)
    furniture = Furniture(
        title="Self-test",
        initials="ST",
        marking="OFFICIAL",
        status="Draft: not yet agreed",
        watermark="DRAFT",
        page_of="Page {page} of {total}",
        restricted_band="Restricted",
    )
    metadata = Metadata(title="Self-test", subject="Self-test", keywords=(), lang="cy")
    password = secrets.token_urlsafe(12)
    pdf = build_pdf(lambda: [Paragraph(words, style)], furniture, metadata, password=password)
    reader = PdfReader(BytesIO(pdf))
    if not reader.is_encrypted or not reader.decrypt(password):
        raise CheckFailed("the password-protected PDF did not open with its password")
    fonts = _embedded_font_files(reader)
    ours = {name: embedded for name, embedded in fonts.items() if "DejaVu" in name}
    if not ours or not all(ours.values()):
        raise CheckFailed(f"the DejaVu fonts are not embedded (fonts used: {sorted(fonts)})")
    if "ŵyr" not in reader.pages[0].extract_text():
        raise CheckFailed("the Welsh text did not come back out of the PDF")
    producer = str(reader.metadata.get("/Producer", "")) if reader.metadata else ""
    if __version__ not in producer:
        raise CheckFailed(f"the PDF's producer is {producer!r}, without the app's version")
    faces = ", ".join(sorted(name.split("+")[-1].lstrip("/") for name in ours))
    return f"PDF with {faces} embedded; Welsh text read back; AES password opens it"


def check_content_packs(_scratch: Path) -> str:
    from roth_desktop.conference import content_pack

    pack = content_pack.default_pack()
    packs = content_pack.available_packs()
    untranslated = [step.key for step in pack.steps if not step.title.cy.strip()]
    if not pack.name.cy.strip() or untranslated:
        raise CheckFailed(f"the pack {pack.id} has no Welsh for {untranslated or ['its name']}")
    return (
        f"{pack.id} {pack.version}: {len(pack.steps)} steps in English and Welsh "
        f"({len(packs)} pack{'s' if len(packs) != 1 else ''} available)"
    )


def check_resources(_scratch: Path) -> str:
    from roth_desktop.code_lists import ethnicity_codes
    from roth_desktop.data_return.cin_factors import cin_factor_codes
    from roth_desktop.data_return.population import population_template
    from roth_desktop.language_prompts import load_terms, prompts_for
    from roth_desktop.reports.conference_json import load_schema
    from roth_desktop.reports.pdf.wording import wording_for

    ethnicity = ethnicity_codes()
    factors = cin_factor_codes()
    template = population_template()
    schema = load_schema()
    month = wording_for("cy").date(date(2026, 3, 1))
    if not ethnicity.codes or not factors.codes.codes or "population" not in template:
        raise CheckFailed("a code list or the population template is empty")
    if "$schema" not in schema or "2026" not in month:
        raise CheckFailed("the export schema or the report wording did not load")
    terms = load_terms()
    if not prompts_for("Mum claimed he was at home.", terms):
        raise CheckFailed("the assessment wording prompts did not load")
    return (
        f"code lists ({len(ethnicity.codes)} ethnicity, {len(factors.codes.codes)} CIN factors), "
        f"export schema, report wording, population template, {len(terms.terms)} wording prompts"
    )


def check_timescales(_scratch: Path) -> str:
    from roth_desktop.timescales.policy import default_policy
    from roth_desktop.timescales.working_days import WorkingDayCalendar

    default_policy()
    counts = []
    for region in ("england", "wales"):
        days = WorkingDayCalendar(region).bank_holidays(2026)
        if date(2026, 12, 25) not in days:
            raise CheckFailed(f"no bank holidays known for {region} in 2026")
        counts.append(f"{region} {len(days)}")
    return f"national policy loaded; bank holidays in 2026: {', '.join(counts)}"


def _class_key(obj: object) -> tuple[str, str]:
    cls = type(obj)
    return cls.__module__, cls.__qualname__


def check_keyring(_scratch: Path) -> str:
    from roth_desktop.quick_unlock import REAL_BACKENDS, is_real_backend

    try:
        importlib.import_module("keyrings.alt")
    except ImportError:
        pass
    else:
        raise CheckFailed("keyrings.alt is importable: its backends keep secrets in plain text")

    from keyring.backend import get_all_keyring

    seen = []
    for backend in get_all_keyring():
        key = _class_key(backend)
        if not (is_real_backend(backend) or key in STORES_NOTHING):
            raise CheckFailed(f"an untrusted keyring backend is available: {'.'.join(key)}")
        seen.append(f"{key[0].rsplit('.', 1)[-1]}.{key[1]}")

    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    expected = PLATFORM_KEYRING.get(platform)
    if expected is None:
        return f"no plain-text backend (available: {', '.join(sorted(seen)) or 'none'})"
    module_name, class_name, needs = expected
    module = importlib.import_module(module_name)
    for name in needs:
        importlib.import_module(name)
    if (module.__name__, getattr(module, class_name).__qualname__) not in REAL_BACKENDS:
        raise CheckFailed(f"{module_name}.{class_name} is not an accepted OS keyring")
    # keyring finds its backends through entry points: without its metadata the
    # module could be bundled and still never be offered.
    advertised = {ep.value for ep in importlib.metadata.entry_points(group="keyring.backends")}
    if module_name not in advertised:
        raise CheckFailed(f"keyring's entry points do not list {module_name}")
    return (
        f"no plain-text backend; {module_name.rsplit('.', 1)[-1]} bundled "
        f"(available here: {', '.join(sorted(seen)) or 'none'})"
    )


CORE_CHECKS: tuple[tuple[str, Check], ...] = (
    ("version", check_version),
    ("sqlcipher", check_sqlcipher),
    ("migrations", check_migrations),
    ("pdf", check_pdf),
    ("content packs", check_content_packs),
    ("resources", check_resources),
    ("timescales", check_timescales),
    ("keyring", check_keyring),
)


# -- running them --------------------------------------------------------------------------


@contextmanager
def scratch_environment() -> Iterator[Path]:
    """A temporary folder, deleted afterwards, holding the app's config and state too."""
    # ignore_cleanup_errors: on Windows a virus scanner may still hold a file for a
    # moment; what is left is fictional and keyed with a forgotten passphrase.
    with tempfile.TemporaryDirectory(
        prefix="roth-desktop-self-test-", ignore_cleanup_errors=True
    ) as tmp:
        base = Path(tmp)
        saved = {name: os.environ.get(name) for name in ISOLATED_VARIABLES}
        for name in ISOLATED_VARIABLES:
            folder = base / name.removeprefix("ROTH_DESKTOP_").lower()
            folder.mkdir()
            os.environ[name] = str(folder)
        try:
            yield base
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def run_checks(
    checks: Sequence[tuple[str, Check]], scratch: Path, out: TextIO | None = None
) -> list[Result]:
    """Run each check in turn, printing its line as soon as it is known."""
    stream = out if out is not None else sys.stdout
    results = []
    for name, check in checks:
        result = run_check(name, check, scratch)
        print(result.line(), file=stream, flush=True)
        results.append(result)
    return results


def run(extra: Sequence[tuple[str, Check]] = (), out: TextIO | None = None) -> int:
    """The core checks, then ``extra`` (the launcher adds Qt's); 0 only if every one passed."""
    with scratch_environment() as scratch:
        results = run_checks((*CORE_CHECKS, *extra), scratch, out)
    return 0 if all(r.ok for r in results) else 1
