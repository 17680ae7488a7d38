"""An organisation recovery key rescues a workspace whose passphrase is forgotten."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from roth_desktop.workspace import Workspace

CLI = str(Path(sys.executable).parent / "roth-desktop")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def _org_keys(folder: Path) -> tuple[Path, Path]:
    private = X25519PrivateKey.generate()
    private_pem = folder / "org-recovery.pem"
    public_pem = folder / "org-recovery.pub.pem"
    private_pem.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    public_pem.write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return private_pem, public_pem


def test_forgotten_passphrase_is_recovered_with_the_organisation_key(tmp_path: Path) -> None:
    private_pem, public_pem = _org_keys(tmp_path)
    forgotten = tmp_path / "forgotten"
    forgotten.write_text("a passphrase nobody remembers", encoding="utf-8")
    new = tmp_path / "new"
    new.write_text("a fresh passphrase for the chair", encoding="utf-8")
    folder = tmp_path / "ws"

    made = _run(
        "create",
        "--workspace",
        str(folder),
        "--passphrase-file",
        str(forgotten),
        "--recovery-public-key",
        str(public_pem),
    )
    assert made.returncode == 0, made.stderr
    db_before = (folder / "workspace.db").read_bytes()

    recovered = _run(
        "recover",
        "--workspace",
        str(folder),
        "--recovery-key-file",
        str(private_pem),
        "--new-passphrase-file",
        str(new),
    )
    assert recovered.returncode == 0, recovered.stderr
    assert (folder / "workspace.db").read_bytes() == db_before  # only the key was re-wrapped
    Workspace.open(folder, "a fresh passphrase for the chair").lock()
    checked = _run("check", "--workspace", str(folder), "--passphrase-file", str(new))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    old = _run("check", "--workspace", str(folder), "--passphrase-file", str(forgotten))
    assert old.returncode == 1
    assert old.stderr.strip() == "roth-desktop: That passphrase does not open this workspace."


def test_another_organisations_key_cannot_recover(tmp_path: Path) -> None:
    _, public_pem = _org_keys(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    other_private, _ = _org_keys(other)
    secret = tmp_path / "secret"
    secret.write_text("the chair's passphrase", encoding="utf-8")
    folder = tmp_path / "ws"
    assert (
        _run(
            "create",
            "--workspace",
            str(folder),
            "--passphrase-file",
            str(secret),
            "--recovery-public-key",
            str(public_pem),
        ).returncode
        == 0
    )
    key_before = (folder / "workspace.key").read_bytes()
    refused = _run(
        "recover",
        "--workspace",
        str(folder),
        "--recovery-key-file",
        str(other_private),
        "--new-passphrase-file",
        str(secret),
    )
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "does not belong to this workspace" in refused.stderr
    assert (folder / "workspace.key").read_bytes() == key_before


def test_workspace_without_recovery_key_says_so(tmp_path: Path) -> None:
    private_pem, _ = _org_keys(tmp_path)
    secret = tmp_path / "secret"
    secret.write_text("the chair's passphrase", encoding="utf-8")
    folder = tmp_path / "ws"
    assert (
        _run("create", "--workspace", str(folder), "--passphrase-file", str(secret)).returncode == 0
    )
    refused = _run(
        "recover",
        "--workspace",
        str(folder),
        "--recovery-key-file",
        str(private_pem),
        "--new-passphrase-file",
        str(secret),
    )
    assert refused.returncode == 1
    assert "no organisation recovery key" in refused.stderr
