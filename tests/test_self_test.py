"""``roth-desktop --self-test``: passes on a working install, fails loudly on a broken one.

The frozen build runs the same command (tests/test_frozen_app.py); here it runs
from the virtualenv, and each check is broken on purpose to prove it can fail.
"""

from __future__ import annotations

import io
import os
import sys
import types
from pathlib import Path

import pytest

from roth_desktop import schema_migrations, self_test
from roth_desktop.conference import content_pack
from roth_desktop.conference.content_pack import ContentPackError
from roth_desktop.self_test import CORE_CHECKS, Result
from tests.helpers.common import run_cli

CHECK_NAMES = [name for name, _ in CORE_CHECKS] + ["qt", "welsh"]


def _lines(text: str) -> dict[str, str]:
    """Each check's name -> its whole line, in the order printed."""
    found = {}
    for line in text.splitlines():
        status, _, rest = line.partition(" ")
        name = rest.strip().split(":", 1)[0]
        assert status in ("ok", "FAIL"), line
        found[name] = line
    return found


def test_the_command_passes_every_check_and_leaves_nothing_behind(
    isolated_dirs: dict[str, Path],
) -> None:
    result = run_cli("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(CHECK_NAMES)  # one line per check, nothing else on stdout
    assert all(line.startswith("ok    ") for line in lines), result.stdout
    assert list(_lines(result.stdout)) == CHECK_NAMES
    assert "main window created offscreen" in _lines(result.stdout)["qt"]
    assert "Welsh UI translations load (&Ffeil)" in _lines(result.stdout)["welsh"]
    # Its own config, state and temporary folders, all gone afterwards: the user's
    # config and state (here the test's) were never written, and the temp dir is empty.
    for name in ("config", "state", "tmp"):
        assert list(isolated_dirs[name].iterdir()) == [], name


def test_help_lists_the_self_test() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "--self-test" in result.stdout


def test_result_lines_are_aligned_words_a_script_can_grep() -> None:
    assert Result("qt", True, "main window created offscreen").line() == (
        "ok    qt: main window created offscreen"
    )
    assert Result("sqlcipher", False, "no").line() == "FAIL  sqlcipher: no"


def _run_core() -> tuple[int, dict[str, str]]:
    out = io.StringIO()
    code = self_test.run(out=out)
    return code, _lines(out.getvalue())


def test_a_broken_content_pack_is_a_failed_check_and_a_non_zero_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> content_pack.ContentPack:
        raise ContentPackError("The content pack at roth-default could not be read as JSON.")

    monkeypatch.setattr(content_pack, "default_pack", broken)
    before = {k: os.environ.get(k) for k in self_test.ISOLATED_VARIABLES}
    code, lines = _run_core()
    assert code == 1
    assert lines["content packs"] == (
        "FAIL  content packs: The content pack at roth-default could not be read as JSON."
    )
    # Only that check failed, and the environment is as it was.
    assert [n for n, line in lines.items() if line.startswith("FAIL")] == ["content packs"]
    assert {k: os.environ.get(k) for k in self_test.ISOLATED_VARIABLES} == before


def test_migrations_that_cannot_be_found_fail_the_migration_check(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "no-migrations"
    empty.mkdir()
    try:
        with monkeypatch.context() as patch:
            patch.setattr(schema_migrations, "files", lambda _package: empty)
            schema_migrations.script_directory.cache_clear()
            code, lines = _run_core()
    finally:
        schema_migrations.script_directory.cache_clear()  # the real ones for later tests
    assert code == 1
    assert lines["migrations"].startswith("FAIL  migrations: no Alembic env.py and revisions")
    # A workspace cannot be made without its schema either; the rest still pass.
    assert lines["sqlcipher"].startswith("FAIL  sqlcipher: ")
    assert lines["pdf"].startswith("ok    pdf: ")
    assert lines["content packs"].startswith("ok    content packs: ")


def test_an_importable_keyrings_alt_fails_the_keyring_check(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A stand-in keyrings.alt on the path: importable is already too much.
    package = tmp_path / "site" / "keyrings" / "alt"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    try:
        result = self_test.run_check("keyring", self_test.check_keyring, tmp_path)
    finally:
        for name in ("keyrings.alt", "keyrings"):
            sys.modules.pop(name, None)
    assert result.line() == (
        "FAIL  keyring: keyrings.alt is importable: its backends keep secrets in plain text"
    )


def test_a_plain_text_backend_on_offer_fails_the_keyring_check(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Named like keyrings.alt's file backend, which writes passwords to a file as they are.
    plaintext = types.new_class("PlaintextKeyring")
    plaintext.__module__ = "keyrings.alt.file"
    import keyring.backend

    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [plaintext()])
    result = self_test.run_check("keyring", self_test.check_keyring, tmp_path)
    assert result.line() == (
        "FAIL  keyring: an untrusted keyring backend is available: "
        "keyrings.alt.file.PlaintextKeyring"
    )


def test_the_version_check_names_a_missing_metadata_mismatch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # What a frozen build without copy_metadata("roth-desktop") would show.
    monkeypatch.setattr(self_test, "__version__", "0.0.0+source")
    result = self_test.run_check("version", self_test.check_version, tmp_path)
    assert not result.ok
    assert "0.0.0+source" in result.detail
