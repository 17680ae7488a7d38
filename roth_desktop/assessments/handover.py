"""Handing an assessment over as an encrypted file, until sync reaches the chair.

The social worker writes the assessment offline; the chair needs it before the
conference. Where the two are not (yet) in the same sync team, or sync has not
reached the chair, the worker exports a *handover file* and the chair imports it.

File format (docs/sync.md, "Handing over an assessment")::

    b"ROTHHOV1" | u32 header length | header (canonical JSON) | SHA-256 of the header
                | 12-byte nonce | u32 ciphertext length | AES-256-GCM ciphertext

The header is readable without keys and holds no personal data: format, handover
id, when and by which version it was made, the schema revision, the assessment id
and how it is protected. It is the AES-GCM associated data, so changing any of it
makes opening fail. The SHA-256 beside it protects nothing by itself (anyone can
recompute it); it tells a changed or damaged header apart from a wrong passphrase.

Protection is one of two:

- a passphrase: Argon2id (the key file's own :class:`KdfParams`) with a fresh salt,
  then HKDF-SHA256 into the encryption key and a separate *check* value kept in the
  header, so a wrong passphrase is told apart from a changed file;
- the sync team's key: the header names the team and key epoch, and the encryption
  key is derived from that epoch's team key with HKDF-SHA256.

The payload is zlib-compressed JSON of every row the assessment needs: the
assessment, its shared parts, its shares and visits, and the case, young person,
family, agencies and professionals they refer to. Nothing is ever written in
the clear: the file is built in memory and written in one atomic step.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import uuid
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from roth_desktop import __version__, audit, framing
from roth_desktop.audit import plain
from roth_desktop.errors import RothError
from roth_desktop.framing import U32
from roth_desktop.keyfile import KEY_BYTES, KdfParams, canonical_json, check_new_passphrase
from roth_desktop.models import (
    Agency,
    Assessment,
    AssessmentShare,
    Case,
    ContextArea,
    ContextLink,
    FamilyMember,
    HandoverReceived,
    HarmEntry,
    Need,
    PartnerItem,
    Professional,
    ProfileItem,
    Record,
    SharedPart,
    Visit,
    Voice,
    YoungPerson,
)
from roth_desktop.reports.output import check_output_path, write_output
from roth_desktop.schema_migrations import head_revision, known_revisions
from roth_desktop.sync import settings, team_keys
from roth_desktop.sync.merge import from_plain
from roth_desktop.workspace import Workspace

MAGIC = b"ROTHHOV1"
FORMAT = 1
SUFFIX = ".rothhandover"
PASSPHRASE = "passphrase"
TEAM_KEY = "team_key"
NONCE_BYTES = 12
TAG_BYTES = 16
DIGEST_BYTES = 32
MAX_HEADER_BYTES = 64 * 1024
MAX_CIPHERTEXT_BYTES = 1024 * 1024 * 1024
MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024
ACTOR = "handover import"

# Header texts (ids, versions, a time) are short and printable: a UI may show them.
_PRINTABLE = re.compile(r"[\x21-\x7e]{1,64}")
_KEY_INFO = b"roth-desktop handover key v1"
_CHECK_INFO = b"roth-desktop handover passphrase check v1"
_TEAM_INFO = b"roth-desktop handover team key v1"
_FIELDS = frozenset(
    {
        "format",
        "handover_id",
        "made_at",
        "app_version",
        "schema_revision",
        "assessment_id",
        "protection",
    }
)

# What a receiving workspace keeps as it is when it already has it (the chair may
# hold the case through sync), in the order they are written.
_DEPENDENCIES: tuple[type[Record], ...] = (YoungPerson, FamilyMember, Agency, Professional, Case)
# The assessment's own shared parts, links before what they join.
_PARTS: tuple[type[SharedPart], ...] = (
    ContextArea,
    ContextLink,
    ProfileItem,
    Voice,
    PartnerItem,
    Need,
    HarmEntry,
)
# Rows that name the assessment in their ``assessment_id``.
_MEMBERS: tuple[type[Record], ...] = (Visit, AssessmentShare, *_PARTS)
# What a handover creates, or replaces when an earlier one of the same assessment came.
_OWN: tuple[type[Record], ...] = (Assessment, *_MEMBERS)
_TYPES: dict[str, type[Record]] = {cls.__tablename__: cls for cls in (*_DEPENDENCIES, *_OWN)}

# Each refusal, one sentence a chair can act on; nothing is changed by any of them.
NOT_A_HANDOVER = "This is not a ROTH Desktop handover file. Nothing has been changed."
INCOMPLETE = (
    "This handover file is incomplete: it was cut short, or is still being copied. "
    "Copy it again; nothing has been changed."
)
DAMAGED = (
    "This handover file is damaged, so it cannot be read. Ask for it to be sent again; "
    "nothing has been changed."
)
TAMPERED = (
    "This handover file has been changed or damaged since it was made, so it cannot be "
    "trusted. Ask for it to be sent again; nothing has been changed."
)
WRONG_PASSPHRASE = "That passphrase does not open this handover file. Nothing has been changed."
NEEDS_PASSPHRASE = (
    "This handover file is protected by a passphrase; give the passphrase it was made with."
)
NO_TEAM = (
    "This handover file is protected with a sync team's key, but this workspace is not in "
    "a sync team. Ask for it to be made with a passphrase instead; nothing has been changed."
)
OTHER_TEAM = (
    "This handover file is protected with the key of another sync team, so this workspace "
    "cannot open it. Ask for it to be made with a passphrase instead; nothing has been changed."
)
MISSING_EPOCH = (
    "This handover file is protected with a team key this workspace does not hold yet; "
    "sync, then import it again. Nothing has been changed."
)
NEWER = (
    "This handover file was made by a newer version of ROTH Desktop; update ROTH Desktop "
    "before importing it. Nothing has been changed."
)
UNREADABLE = (
    "This handover file holds records this version of ROTH Desktop cannot read; it was "
    "probably made by a newer version. Update ROTH Desktop before importing it. "
    "Nothing has been changed."
)
MISSING_RECORDS = (
    "This handover file lacks records its assessment needs, so it was not imported. "
    "Nothing has been changed; ask for a new handover file."
)
ALREADY_IMPORTED = (
    "This handover file has already been imported into this workspace. Nothing has been changed."
)
CASE_CLASH = (
    "This handover's case is recorded in this workspace for a different young person, so it "
    "was not imported. Nothing has been changed; check with the worker who sent it."
)
RECORD_CLASH = (
    "This handover holds records that clash with different records in this workspace, so it "
    "was not imported. Nothing has been changed; check with the worker who sent it."
)
NOT_HANDED_OVER = (
    "This workspace already holds this assessment (it was written here, or came by sync), "
    "so a handover cannot replace it. Nothing has been changed."
)
OLDER = (
    "This handover was made before this workspace's copy of the assessment was last "
    "changed, so importing it could undo later work. Nothing has been changed; ask for "
    "a new handover file."
)
ONE_PROTECTION = "Protect the handover with a passphrase or with the team key: one of the two."
EXPORT_NO_TEAM = (
    "This workspace is not in a sync team, so it cannot protect a handover with the team "
    "key; use a passphrase instead."
)


class HandoverError(RothError):
    """A handover file cannot be made or imported as asked; nothing was changed."""


# -- the header ---------------------------------------------------------------------


@dataclass(frozen=True)
class HandoverHeader:
    """What anyone can read without a key: ids, versions and the protection."""

    format: int
    handover_id: str
    made_at: datetime  # UTC
    app_version: str
    schema_revision: str
    assessment_id: str
    protection: str  # PASSPHRASE or TEAM_KEY
    kdf: KdfParams | None = None  # passphrase: Argon2id salt and costs
    check: bytes | None = None  # passphrase: tells a wrong passphrase from a changed file
    team_id: str | None = None  # team key: whose team
    key_epoch: int | None = None  # team key: which of its keys

    @property
    def protected_by(self) -> str:
        """How the UI says it: "protected by a passphrase"."""
        return "a passphrase" if self.protection == PASSPHRASE else "the sync team's key"

    def as_json(self) -> dict[str, Any]:
        protection: dict[str, Any] = {"kind": self.protection}
        if self.protection == PASSPHRASE:
            assert self.kdf is not None and self.check is not None
            protection["kdf"] = self.kdf.as_json()
            protection["check"] = self.check.hex()
        else:
            protection["team_id"] = self.team_id
            protection["key_epoch"] = self.key_epoch
        return {
            "format": self.format,
            "handover_id": self.handover_id,
            "made_at": self.made_at.isoformat(timespec="microseconds"),
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "assessment_id": self.assessment_id,
            "protection": protection,
        }

    def as_bytes(self) -> bytes:
        """Canonical JSON: the bytes in the file, and the AES-GCM associated data."""
        return canonical_json(self.as_json())

    @classmethod
    def from_bytes(cls, raw: bytes) -> HandoverHeader:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            raise HandoverError(DAMAGED) from None
        if not isinstance(data, dict):
            raise HandoverError(DAMAGED)
        version = data.get("format")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
            raise HandoverError(NEWER)
        if version != FORMAT or set(data) != _FIELDS:
            raise HandoverError(DAMAGED)
        try:
            header = cls._parse(data)
        except (KeyError, TypeError, ValueError, OverflowError):
            raise HandoverError(DAMAGED) from None
        # One spelling only: the bytes checked, the associated data and the header
        # handed to a caller are the same thing.
        if header.as_bytes() != raw:
            raise HandoverError(DAMAGED)
        return header

    @classmethod
    def _parse(cls, data: dict[str, Any]) -> HandoverHeader:
        texts = ("handover_id", "app_version", "schema_revision", "assessment_id", "made_at")
        if not all(_PRINTABLE.fullmatch(data[name]) for name in texts):
            raise ValueError("header text missing or not printable")
        made_at = datetime.fromisoformat(data["made_at"])
        if made_at.utcoffset() is None:
            raise ValueError("made_at without a time zone")
        protection = data["protection"]
        if not isinstance(protection, dict):
            raise ValueError("protection is not an object")
        common = {
            "format": FORMAT,
            "handover_id": str(uuid.UUID(data["handover_id"])),
            "made_at": made_at,
            "app_version": data["app_version"],
            "schema_revision": data["schema_revision"],
            "assessment_id": data["assessment_id"],
        }
        kind = protection.get("kind")
        if kind == PASSPHRASE and set(protection) == {"kind", "kdf", "check"}:
            kdf = protection["kdf"]
            if not isinstance(kdf, dict):
                raise ValueError("kdf is not an object")
            check = bytes.fromhex(protection["check"])
            if len(check) != KEY_BYTES:
                raise ValueError("check has the wrong length")
            return cls(**common, protection=PASSPHRASE, kdf=KdfParams.from_json(kdf), check=check)
        if kind == TEAM_KEY and set(protection) == {"kind", "team_id", "key_epoch"}:
            team_id, epoch = protection["team_id"], protection["key_epoch"]
            if not isinstance(team_id, str) or not _PRINTABLE.fullmatch(team_id):
                raise ValueError("team id missing or not printable")
            if not isinstance(epoch, int) or isinstance(epoch, bool) or epoch < 1:
                raise ValueError("key epoch out of range")
            return cls(**common, protection=TEAM_KEY, team_id=team_id, key_epoch=epoch)
        raise ValueError("unknown protection")


@dataclass(frozen=True)
class _Sealed:
    header: HandoverHeader
    header_bytes: bytes
    nonce: bytes
    ciphertext: bytes


_FRAMING_PROBLEMS = {
    framing.Problem.INCOMPLETE: INCOMPLETE,
    framing.Problem.FOREIGN: NOT_A_HANDOVER,
    framing.Problem.DAMAGED: DAMAGED,
}


def _framing_error(problem: framing.Problem) -> HandoverError:
    return HandoverError(_FRAMING_PROBLEMS[problem])


def _unframe(blob: bytes) -> _Sealed:
    """Check the framing and the header's checksum; no keys needed."""
    if not blob:
        raise HandoverError(NOT_A_HANDOVER)  # an empty file someone chose is not arriving
    size = len(blob)
    at, header_length = framing.header_span(blob, MAGIC, MAX_HEADER_BYTES, _framing_error)
    if size < at + header_length + DIGEST_BYTES + NONCE_BYTES + U32.size:
        raise HandoverError(INCOMPLETE)
    header_bytes = blob[at : at + header_length]
    at += header_length
    digest = blob[at : at + DIGEST_BYTES]
    at += DIGEST_BYTES
    if not hmac.compare_digest(hashlib.sha256(header_bytes).digest(), digest):
        raise HandoverError(TAMPERED)
    header = HandoverHeader.from_bytes(header_bytes)
    nonce = blob[at : at + NONCE_BYTES]
    at += NONCE_BYTES
    ciphertext_length = framing.read_length(
        blob, at, TAG_BYTES, MAX_CIPHERTEXT_BYTES, _framing_error
    )
    at += U32.size
    if size < at + ciphertext_length:
        raise HandoverError(INCOMPLETE)
    if size > at + ciphertext_length:
        raise HandoverError(DAMAGED)
    return _Sealed(header, header_bytes, nonce, blob[at:])


def _read_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise HandoverError(NOT_A_HANDOVER) from None
    except OSError as exc:
        raise HandoverError(f"Cannot read {path} ({exc.strerror}).") from None


def read_header(path: Path) -> HandoverHeader:
    """A handover file's header, checked but not opened (no keys needed)."""
    return _unframe(_read_file(path)).header


# -- keys -----------------------------------------------------------------------------


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(material)


def _passphrase_keys(kdf: KdfParams, passphrase: str) -> tuple[bytes, bytes]:
    """(encryption key, check value) from one Argon2id derivation."""
    master = kdf.derive(passphrase)
    return _hkdf(master, _KEY_INFO), _hkdf(master, _CHECK_INFO)


def _team_cipher_key(team_key: bytes) -> bytes:
    # Its own key, not the team key itself: envelopes and handovers never share one.
    return _hkdf(team_key, _TEAM_INFO)


def seal(header: HandoverHeader, key: bytes, payload: Mapping[str, Any]) -> bytes:
    """The whole file: ``payload`` compressed and encrypted under ``key``."""
    header_bytes = header.as_bytes()
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise ValueError("handover header too large")
    nonce = os.urandom(NONCE_BYTES)
    plaintext = zlib.compress(canonical_json(payload), 9)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, header_bytes)
    if len(ciphertext) > MAX_CIPHERTEXT_BYTES:
        raise HandoverError("This assessment is too large to hand over as one file.")
    return b"".join(
        (
            MAGIC,
            U32.pack(len(header_bytes)),
            header_bytes,
            hashlib.sha256(header_bytes).digest(),
            nonce,
            U32.pack(len(ciphertext)),
            ciphertext,
        )
    )


def _open_payload(sealed: _Sealed, key: bytes) -> dict[str, Any]:
    try:
        compressed = AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, sealed.header_bytes)
    except InvalidTag:
        raise HandoverError(TAMPERED) from None
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(compressed, MAX_PAYLOAD_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise HandoverError(UNREADABLE)
        data = json.loads(raw.decode("utf-8"))
    except (zlib.error, ValueError, RecursionError):
        raise HandoverError(UNREADABLE) from None
    if not isinstance(data, dict):
        raise HandoverError(UNREADABLE)
    return data


def _import_key(session: Session, header: HandoverHeader, passphrase: str | None) -> bytes:
    if header.protection == PASSPHRASE:
        assert header.kdf is not None and header.check is not None
        if passphrase is None:
            raise HandoverError(NEEDS_PASSPHRASE)
        key, check = _passphrase_keys(header.kdf, passphrase)
        if not hmac.compare_digest(check, header.check):
            raise HandoverError(WRONG_PASSPHRASE)
        return key
    team_id = settings.get(session, settings.TEAM_ID)
    if team_id is None:
        raise HandoverError(NO_TEAM)
    if team_id != header.team_id:
        raise HandoverError(OTHER_TEAM)
    assert header.key_epoch is not None
    team_key = team_keys.team_keys(session).get(header.key_epoch)
    if team_key is None:
        raise HandoverError(MISSING_EPOCH)
    return _team_cipher_key(team_key)


# -- exporting ------------------------------------------------------------------------


def _table(cls: type[Record]) -> Table:
    table = cls.__table__
    assert isinstance(table, Table)
    return table


def _rows(session: Session, cls: type[Record], column: str, values: Iterable[str]) -> list[Any]:
    wanted = sorted(set(values))
    if not wanted:
        return []
    table = _table(cls)
    found: list[Any] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.extend(
            session.execute(
                select(table).where(table.c[column].in_(chunk)).order_by(table.c.id)
            ).mappings()
        )
    return found


def _plain_rows(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [{key: plain(value) for key, value in row.items()} for row in rows]


def _gather(session: Session, assessment_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every row the assessment needs, as JSON-safe values, by table."""
    found: dict[str, list[Any]] = {}
    own = _rows(session, Assessment, "id", [assessment_id])
    if not own:
        raise HandoverError(f"There is no assessment {assessment_id} in this workspace.")
    assessment = own[0]
    found["assessment"] = own
    for cls in _MEMBERS:
        found[cls.__tablename__] = _rows(session, cls, "assessment_id", [assessment_id])
    case = _rows(session, Case, "id", [assessment["case_id"]])
    found["case_episode"] = case
    young_person_id = case[0]["young_person_id"]
    found["young_person"] = _rows(session, YoungPerson, "id", [young_person_id])
    found["family_member"] = _rows(session, FamilyMember, "young_person_id", [young_person_id])
    professional_ids = [assessment["author_id"]] + [v["professional_id"] for v in found["visit"]]
    professionals = _rows(session, Professional, "id", [p for p in professional_ids if p])
    found["professional"] = professionals
    agency_ids = [p["agency_id"] for p in professionals]
    agency_ids += [n["responsible_agency_id"] for n in found["need"]]
    agency_ids += [i["agency_id"] for i in found["partner_item"]]
    found["agency"] = _rows(session, Agency, "id", [a for a in agency_ids if a])
    return {name: _plain_rows(rows) for name, rows in found.items()}


def export_handover(
    workspace: Workspace,
    assessment_id: str,
    out: Path,
    *,
    passphrase: str | None = None,
    use_team_key: bool = False,
) -> Path:
    """Write ``assessment_id`` to ``out`` (``.rothhandover``), encrypted one way only."""
    if (passphrase is not None) == use_team_key:
        raise HandoverError(ONE_PROTECTION)
    out = Path(out)
    handover_id = str(uuid.uuid4())
    made_at = datetime.now(UTC)
    common: dict[str, Any] = {
        "format": FORMAT,
        "handover_id": handover_id,
        "made_at": made_at,
        "app_version": __version__,
        "schema_revision": head_revision(),
        "assessment_id": assessment_id,
    }
    # Everything that can be refused without the records is refused first.
    check_output_path(out, SUFFIX)
    if passphrase is not None:
        check_new_passphrase(passphrase)
    with workspace.session() as session:
        tables = _gather(session, assessment_id)
        if passphrase is not None:
            kdf = KdfParams.fresh()
            key, check = _passphrase_keys(kdf, passphrase)
            header = HandoverHeader(**common, protection=PASSPHRASE, kdf=kdf, check=check)
        else:
            team_id = settings.get(session, settings.TEAM_ID)
            if team_id is None:
                raise HandoverError(EXPORT_NO_TEAM)
            epoch, team_key = team_keys.current_team_key(session)
            key = _team_cipher_key(team_key)
            header = HandoverHeader(**common, protection=TEAM_KEY, team_id=team_id, key_epoch=epoch)
    payload = {
        "format": FORMAT,
        "handover_id": handover_id,
        "assessment_id": assessment_id,
        "tables": tables,
    }
    return write_output(out, seal(header, key, payload), SUFFIX)


# -- importing ------------------------------------------------------------------------


@dataclass(frozen=True)
class HandoverImported:
    """What an import did, for the screen."""

    handover_id: str
    assessment_id: str
    case_id: str
    young_person_name: str
    counts: dict[str, int]  # the assessment's own rows written, by table
    added: dict[str, int]  # rows it depends on that were new here, by table
    kept: int  # rows it depends on that were already here, kept as they were
    removed: int  # rows of an earlier handover of it that this version no longer has
    replaced: bool  # an earlier handover of the same assessment was replaced

    @property
    def records(self) -> int:
        return sum(self.counts.values())


@dataclass
class _Payload:
    """The decrypted rows, in Python values, by table; checked for shape."""

    assessment_id: str
    tables: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def rows(self, cls: type[Record]) -> dict[str, dict[str, Any]]:
        return self.tables.setdefault(cls.__tablename__, {})

    def one(self, cls: type[Record], record_id: str) -> dict[str, Any]:
        row = self.rows(cls).get(record_id)
        if row is None or len(self.rows(cls)) != 1:
            raise HandoverError(UNREADABLE)
        return row


def _convert(header: HandoverHeader, data: dict[str, Any]) -> _Payload:
    tables = data.get("tables")
    if (
        data.get("format") != FORMAT
        or data.get("handover_id") != header.handover_id
        or data.get("assessment_id") != header.assessment_id
        or not isinstance(tables, dict)
    ):
        raise HandoverError(UNREADABLE)
    payload = _Payload(header.assessment_id)
    for name, rows in tables.items():
        cls = _TYPES.get(name)
        if cls is None or not isinstance(rows, list):
            raise HandoverError(UNREADABLE)
        table = _table(cls)
        known = set(table.columns.keys())
        converted = payload.rows(cls)
        for row in rows:
            if not isinstance(row, dict) or not set(row) <= known:
                raise HandoverError(UNREADABLE)
            record_id = row.get("id")
            if not isinstance(record_id, str) or not record_id or record_id in converted:
                raise HandoverError(UNREADABLE)
            try:
                converted[record_id] = {k: from_plain(table, k, v) for k, v in row.items()}
            except (ValueError, TypeError, KeyError):
                raise HandoverError(UNREADABLE) from None
    assessment = payload.one(Assessment, payload.assessment_id)
    case = payload.one(Case, assessment["case_id"])
    payload.one(YoungPerson, case["young_person_id"])
    owner = payload.assessment_id
    for cls in _MEMBERS:
        for row in payload.rows(cls).values():
            if row.get("assessment_id") != owner or row.get("conference_id") is not None:
                raise HandoverError(UNREADABLE)
    for member in payload.rows(FamilyMember).values():
        if member.get("young_person_id") != case["young_person_id"]:
            raise HandoverError(UNREADABLE)
    return payload


def _held(session: Session, cls: type[Record], ids: Iterable[str]) -> dict[str, Any]:
    """The rows of ``cls`` this workspace already holds among ``ids``, by id."""
    return {row["id"]: row for row in _rows(session, cls, "id", ids)}


def _owned(session: Session, assessment_id: str) -> dict[str, dict[str, Record]]:
    """The assessment's own records this workspace holds, by table and id."""
    found: dict[str, dict[str, Record]] = {}
    for cls in _OWN:
        table = _table(cls)
        column = table.c.id if cls is Assessment else table.c.assessment_id
        found[cls.__tablename__] = {
            obj.id: obj for obj in session.scalars(select(cls).where(column == assessment_id))
        }
    return found


class _Plan:
    """What the import will do, worked out (and refused) before anything is written."""

    def __init__(self, session: Session, header: HandoverHeader, payload: _Payload) -> None:
        self.session = session
        self.header = header
        self.payload = payload
        self.assessment_id = payload.assessment_id
        self.case_id: str = payload.one(Assessment, self.assessment_id)["case_id"]
        self.young_person_id: str = payload.one(Case, self.case_id)["young_person_id"]
        self.owned = _owned(session, self.assessment_id)
        self.replacing = bool(self.owned["assessment"])
        self.new_dependencies: dict[str, list[dict[str, Any]]] = {}
        self.kept = 0
        self.agency_ids: dict[str, str] = {}  # the file's agency id -> the one here
        self._known: dict[tuple[str, str], bool] = {}

    # -- the checks ------------------------------------------------------------------
    def check(self) -> None:
        session = self.session
        held_case = session.get(Case, self.case_id)
        if held_case is not None and held_case.young_person_id != self.young_person_id:
            raise HandoverError(CASE_CLASH)
        self._check_dependencies()
        self._check_own_records()
        if self.replacing:
            self._check_replaceable()

    def _check_dependencies(self) -> None:
        for cls in _DEPENDENCIES:
            rows = self.payload.rows(cls)
            held = _held(self.session, cls, rows)
            fresh = []
            for record_id, row in rows.items():
                here = held.get(record_id)
                if here is None:
                    if cls is Agency and self._same_name_agency(row):
                        continue
                    fresh.append(row)
                    continue
                self.kept += 1
                if cls is FamilyMember and here["young_person_id"] != row["young_person_id"]:
                    raise HandoverError(RECORD_CLASH)
            self.new_dependencies[cls.__tablename__] = fresh

    def _same_name_agency(self, row: dict[str, Any]) -> bool:
        """An agency this workspace holds under another id but the same name: use that one."""
        name = str(row.get("name") or "").strip().lower()
        here = self.session.scalar(select(Agency.id).where(func.lower(Agency.name) == name))
        if here is None:
            return False
        self.agency_ids[row["id"]] = here
        self.kept += 1
        return True

    def _check_own_records(self) -> None:
        for cls in _OWN:
            name = cls.__tablename__
            ids = self.payload.rows(cls)
            clashing = set(_held(self.session, cls, ids)) - set(self.owned[name])
            if clashing:
                raise HandoverError(RECORD_CLASH)

    def _check_replaceable(self) -> None:
        here = self.owned["assessment"][self.assessment_id]
        assert isinstance(here, Assessment)
        if here.case_id != self.case_id:
            raise HandoverError(RECORD_CLASH)
        came_by_handover = self.session.scalar(
            select(HandoverReceived.handover_id)
            .where(HandoverReceived.assessment_id == self.assessment_id)
            .limit(1)
        )
        if came_by_handover is None:
            raise HandoverError(NOT_HANDED_OVER)
        latest = max(
            (
                obj.updated_at
                for rows in self.owned.values()
                for obj in rows.values()
                if not _kept_here(obj)
            ),
            default=self.made_at,
        )
        if self.made_at < latest:
            raise HandoverError(OLDER)

    @property
    def made_at(self) -> datetime:
        """When the file was made, as the naive UTC the records' bookkeeping uses."""
        return self.header.made_at.astimezone(UTC).replace(tzinfo=None)

    # -- links -----------------------------------------------------------------------
    def _exists(self, table: str, record_id: str) -> bool:
        if record_id in self.payload.tables.get(table, {}):
            return table != "agency" or record_id not in self.agency_ids
        key = (table, record_id)
        if key not in self._known:
            cls = _TYPES.get(table)
            self._known[key] = cls is not None and self.session.get(cls, record_id) is not None
        return self._known[key]

    def resolve_links(self, cls: type[Record], row: dict[str, Any]) -> dict[str, Any]:
        """The row with agencies matched by name, and links to what is nowhere cleared.

        A nullable link to a record neither in the file nor here (a map area carried
        from a conference the chair does not hold) is cleared; a required one means
        the file is not whole.
        """
        resolved = dict(row)
        for fk in _table(cls).foreign_keys:
            column, target = fk.parent.key, fk.column.table.name
            value = resolved.get(column)
            if value is None:
                continue
            if target == "agency" and value in self.agency_ids:
                value = resolved[column] = self.agency_ids[value]
            if not self._exists(target, value):
                if not fk.parent.nullable:
                    raise HandoverError(MISSING_RECORDS)
                resolved[column] = None
        return resolved

    # -- writing ---------------------------------------------------------------------
    def write(self) -> tuple[dict[str, int], dict[str, int], int]:
        session = self.session
        # A record and what it links to are written in one transaction in whichever
        # order the unit of work picks; the links are checked once, at commit.
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        added: dict[str, int] = {}
        for cls in _DEPENDENCIES:
            rows = self.new_dependencies.get(cls.__tablename__, [])
            for row in rows:
                session.add(cls(**self.resolve_links(cls, row)))
            if rows:
                added[cls.__tablename__] = len(rows)
            session.flush()
        wanted = {
            cls.__tablename__: {
                record_id: self.resolve_links(cls, row)
                for record_id, row in self.payload.rows(cls).items()
            }
            for cls in _OWN
        }
        wanted["assessment"][self.assessment_id]["updated_at"] = self.made_at
        removed = self._remove_missing(wanted)
        counts: dict[str, int] = {}
        for cls in _OWN:
            name = cls.__tablename__
            for record_id, values in wanted[name].items():
                held = self.owned[name].get(record_id)
                if held is None:
                    session.add(cls(**values))
                else:
                    _assign(held, values)
            if wanted[name]:
                counts[name] = len(wanted[name])
            session.flush()
        return counts, added, removed

    def _remove_missing(self, wanted: dict[str, dict[str, dict[str, Any]]]) -> int:
        """Remove what an earlier handover brought and this one no longer has."""
        session = self.session
        gone = [
            obj
            for name, held in self.owned.items()
            for record_id, obj in held.items()
            if record_id not in wanted[name] and not _kept_here(obj)
        ]
        if not gone:
            return 0
        # Links kept first, so removing a map area takes only its own links with it.
        for record_id, obj in self.owned["context_link"].items():
            if record_id in wanted["context_link"]:
                _assign(obj, wanted["context_link"][record_id])
        session.flush()
        for obj in gone:
            if obj not in session.deleted:
                session.delete(obj)
        session.flush()
        return len(gone)


def _kept_here(obj: Record) -> bool:
    """What the family was shown, and what they said back, recorded on this laptop.

    A later handover from the worker never removes these, and recording them here does
    not make the worker's later version look older than the chair's copy.
    """
    return isinstance(obj, AssessmentShare) or (isinstance(obj, Voice) and obj.corrects_something)


def _assign(obj: Record, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if key != "id" and getattr(obj, key) != value:
            setattr(obj, key, value)


def import_handover(
    workspace: Workspace, path: Path, *, passphrase: str | None = None
) -> HandoverImported:
    """Import a handover file: all of it, in one audited transaction, or nothing.

    Records this workspace already holds (the case, the young person, family,
    agencies, professionals) are kept as they are; the assessment's own records are
    created, or replace those of an earlier handover of the same assessment.
    """
    sealed = _unframe(_read_file(path))
    header = sealed.header
    with workspace.session() as session:
        session.info[audit.ACTOR_KEY] = f"{workspace.actor} ({ACTOR})"
        key = _import_key(session, header, passphrase)
        opened = _open_payload(sealed, key)
        # Only now is the header known to be the one the file was made with.
        if header.schema_revision not in known_revisions():
            raise HandoverError(NEWER)
        if session.get(HandoverReceived, header.handover_id) is not None:
            raise HandoverError(ALREADY_IMPORTED)
        payload = _convert(header, opened)
        plan = _Plan(session, header, payload)
        plan.check()
        counts, added, removed = plan.write()
        session.add(
            HandoverReceived(handover_id=header.handover_id, assessment_id=plan.assessment_id)
        )
        young_person = session.get(YoungPerson, plan.young_person_id)
        assert young_person is not None
        name = young_person.display_name
    return HandoverImported(
        handover_id=header.handover_id,
        assessment_id=plan.assessment_id,
        case_id=plan.case_id,
        young_person_name=name,
        counts=counts,
        added=added,
        kept=plan.kept,
        removed=removed,
        replaced=plan.replacing,
    )
