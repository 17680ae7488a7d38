"""Joining a team: enrolment files, one-time codes, and where a device keeps its keys."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from roth_desktop.errors import DeviceKeysError, EnrolmentError, TeamKeyError
from roth_desktop.keyfile import canonical_json
from roth_desktop.models import SyncSecret
from roth_desktop.sync import settings
from roth_desktop.sync.device_keys import (
    KEYRING_SERVICE,
    DeviceKeys,
    load_device_keys,
    store_device_keys,
)
from roth_desktop.sync.enrolment import (
    CODE_ALPHABET,
    new_code,
    normalise_code,
    read_enrolment,
    write_enrolment,
)
from roth_desktop.sync.roster import Member, add_member, remove_member, unwrap_team_key
from roth_desktop.sync.team_keys import current_epoch, current_team_key, save_team_key, team_keys
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.common import REPO
from tests.test_sync_roster import ADMIN_ID, team

NEW_DEVICE_ID = "0c1d2e3f-0000-4000-8000-00000000000e"
CODE = "7K2M-Q9TX-40BD"
TARGET = "folder:/srv/shared/fernleigh-sync"
EXPIRES = datetime(2031, 3, 14, 17, 30, tzinfo=UTC)
BEFORE_EXPIRY = EXPIRES - timedelta(days=1)


@cache
def invitation() -> tuple[bytes, DeviceKeys, Any]:
    """An enrolment file for a new device "Visit-Tablet", sealed under CODE."""
    t = team()
    keys = DeviceKeys.generate()
    roster = add_member(
        t.full, Member.for_keys(NEW_DEVICE_ID, "Visit-Tablet", keys), t.admin, ADMIN_ID
    )
    data = write_enrolment(
        code=CODE,
        roster=roster,
        device_id=NEW_DEVICE_ID,
        device_name="Visit-Tablet",
        device_keys=keys,
        team_keys={1: t.key},
        target=TARGET,
        expires_at=EXPIRES,
    )
    return data, keys, roster


def rewrite(data: bytes, **changes: Any) -> bytes:
    """The file with fields changed and its checksum recomputed, as a careful forger would."""
    document = json.loads(data)
    document.update(changes)
    body = {k: v for k, v in document.items() if k != "sha256"}
    document["sha256"] = hashlib.sha256(canonical_json(body)).hexdigest()
    return json.dumps(document).encode()


# -- codes --------------------------------------------------------------------------------
def test_codes_are_three_groups_of_four_crockford_characters_and_never_repeat() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(rf"[{CODE_ALPHABET}]{{4}}(-[{CODE_ALPHABET}]{{4}}){{2}}", code)
    # 200 codes of 12 characters use every character of the alphabet.
    assert set("".join(codes).replace("-", "")) == set(CODE_ALPHABET)


def test_a_code_is_read_however_it_is_typed() -> None:
    for typed in ("7K2M-Q9TX-40BD", "7k2mq9tx40bd", " 7k2m q9tx 4obd ", "7K2M-Q9TX-4OBD"):
        assert normalise_code(typed) == "7K2MQ9TX40BD"
    for wrong in ("7K2M-Q9TX", "7K2M-Q9TX-40BD-1234", "7K2M-Q9TX-40B!", "UUUU-UUUU-UUUU"):
        with pytest.raises(EnrolmentError, match="not in the right form"):
            normalise_code(wrong)


# -- enrolment files ----------------------------------------------------------------------
def test_the_right_code_opens_everything_the_new_device_needs() -> None:
    data, keys, roster = invitation()
    enrolment = read_enrolment(data, CODE, now=BEFORE_EXPIRY)
    assert enrolment.device_id == NEW_DEVICE_ID
    assert enrolment.device_name == "Visit-Tablet"
    assert enrolment.device_keys.to_bytes() == keys.to_bytes()
    assert enrolment.team_keys == {1: team().key}
    assert enrolment.roster == roster
    assert enrolment.target == TARGET
    assert enrolment.expires_at == EXPIRES
    # The roster it brings lists this device with the keys it brings.
    member = enrolment.roster.member(NEW_DEVICE_ID)
    assert member is not None and member.sign_public == enrolment.device_keys.sign_public


def test_the_code_typed_lowercase_without_dashes_opens_it() -> None:
    data, keys, _ = invitation()
    enrolment = read_enrolment(data, "7k2mq9tx4obd", now=BEFORE_EXPIRY)
    assert enrolment.device_keys.to_bytes() == keys.to_bytes()


def test_nothing_secret_is_readable_in_the_file() -> None:
    data, keys, roster = invitation()
    document = json.loads(data)
    assert set(document) == {
        "format",
        "version",
        "team_id",
        "kdf",
        "nonce",
        "ciphertext",
        "sha256",
    }
    assert document["format"] == "roth-desktop-enrolment"
    assert document["team_id"] == roster.team_id
    assert document["kdf"]["name"] == "argon2id"
    for secret in (keys.to_bytes(), team().key, keys.to_bytes()[:16]):
        assert secret not in data
    assert b"Visit-Tablet" not in data and TARGET.encode() not in data


def test_a_wrong_code_does_not_open_it() -> None:
    data, _, _ = invitation()
    with pytest.raises(EnrolmentError, match="does not open this enrolment file"):
        read_enrolment(data, "7K2M-Q9TX-40BE", now=BEFORE_EXPIRY)


def test_an_expired_file_is_refused_even_with_the_right_code() -> None:
    data, _, _ = invitation()
    with pytest.raises(EnrolmentError, match="expired on 14 March 2031 at 17:30 UTC"):
        read_enrolment(data, CODE, now=EXPIRES)
    with pytest.raises(EnrolmentError, match="expired"):
        read_enrolment(data, CODE, now=EXPIRES.replace(tzinfo=None) + timedelta(seconds=1))


def test_a_file_damaged_in_transit_is_called_damaged() -> None:
    data, _, _ = invitation()
    document = json.loads(data)
    ciphertext = document["ciphertext"]
    document["ciphertext"] = ("A" if ciphertext[0] != "A" else "B") + ciphertext[1:]
    with pytest.raises(EnrolmentError, match="damaged"):
        read_enrolment(json.dumps(document).encode(), CODE, now=BEFORE_EXPIRY)


@pytest.mark.parametrize(
    "field",
    ["ciphertext", "nonce", "team_id", "salt", "memory"],
)
def test_a_tampered_file_does_not_open(field: str) -> None:
    data, _, _ = invitation()
    document = json.loads(data)
    if field in {"ciphertext", "nonce"}:
        value = document[field]
        changes = {field: ("A" if value[0] != "A" else "B") + value[1:]}
    elif field == "team_id":
        changes = {"team_id": "0c1d2e3f-0000-4000-8000-0000000000ee"}
    elif field == "salt":
        changes = {"kdf": {**document["kdf"], "salt": "AAAAAAAAAAAAAAAAAAAAAA=="}}
    else:  # a weaker cost, to make guessing the code cheap
        changes = {"kdf": {**document["kdf"], "memory_cost_kib": 8 * 1024}}
    with pytest.raises(EnrolmentError, match="does not open this enrolment file"):
        read_enrolment(rewrite(data, **changes), CODE, now=BEFORE_EXPIRY)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json at all",
        b"[]",
        b'{"format": "roth-desktop-keyfile", "version": 1}',
        b'{"format": "roth-desktop-enrolment", "version": 1}',
    ],
)
def test_a_foreign_or_broken_file_is_called_damaged(data: bytes) -> None:
    with pytest.raises(EnrolmentError, match="not a ROTH Desktop enrolment file"):
        read_enrolment(data, CODE, now=BEFORE_EXPIRY)


def test_a_file_from_a_newer_app_says_so() -> None:
    data, _, _ = invitation()
    with pytest.raises(EnrolmentError, match="newer version"):
        read_enrolment(rewrite(data, version=2), CODE, now=BEFORE_EXPIRY)


def test_a_file_truncated_on_the_way_is_called_damaged() -> None:
    data, _, _ = invitation()
    for length in (0, 10, len(data) // 2, len(data) - 3):
        with pytest.raises(EnrolmentError, match="damaged"):
            read_enrolment(data[:length], CODE, now=BEFORE_EXPIRY)


def test_the_new_device_can_read_the_next_team_key_sealed_to_it() -> None:
    data, _, roster = invitation()
    enrolment = read_enrolment(data, CODE, now=BEFORE_EXPIRY)
    t = team()
    after, new_key = remove_member(roster, t.full.members[1].device_id, t.admin, ADMIN_ID)
    assert unwrap_team_key(after, NEW_DEVICE_ID, enrolment.device_keys.box) == new_key


# -- device keys --------------------------------------------------------------------------
class PlainFileKeyring:
    """Stands in for keyrings.alt: a backend that is not a real OS keyring."""

    priority = 1.0

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))


def test_device_keys_survive_their_64_byte_form() -> None:
    keys = DeviceKeys.generate()
    again = DeviceKeys.from_bytes(keys.to_bytes())
    assert len(keys.to_bytes()) == 64
    assert (again.sign_public, again.box_public) == (keys.sign_public, keys.box_public)
    with pytest.raises(DeviceKeysError, match="damaged"):
        DeviceKeys.from_bytes(keys.to_bytes()[:63])


def test_a_keyring_that_is_not_real_is_refused_and_the_workspace_keeps_the_keys(
    empty_workspace: Workspace,
) -> None:
    fake = PlainFileKeyring()
    keys = DeviceKeys.generate()
    workspace_id = empty_workspace.workspace_id
    with empty_workspace.session() as session:
        where = store_device_keys(session, workspace_id, NEW_DEVICE_ID, keys, keyring=fake)
    assert where == "workspace"
    assert fake.stored == {}
    with empty_workspace.session() as session:
        assert settings.get(session, "device_keys_in") == "workspace"
        assert settings.get_secret(session, "device_keys") == keys.to_bytes()
        loaded = load_device_keys(session, workspace_id, NEW_DEVICE_ID, keyring=fake)
    assert loaded.to_bytes() == keys.to_bytes()
    # The database file on disk is SQLCipher: the private keys are not in it as they are.
    database = (empty_workspace.folder / "workspace.db").read_bytes()
    assert keys.to_bytes()[:32] not in database


def test_with_no_keyring_the_workspace_keeps_the_keys(empty_workspace: Workspace) -> None:
    keys = DeviceKeys.generate()
    with empty_workspace.session() as session:
        assert store_device_keys(session, "ws", NEW_DEVICE_ID, keys, keyring=None) == "workspace"
    with empty_workspace.session() as session:
        loaded = load_device_keys(session, "ws", NEW_DEVICE_ID, keyring=None)
    assert loaded.box_public == keys.box_public


def test_missing_device_keys_are_reported_plainly(empty_workspace: Workspace) -> None:
    with empty_workspace.session() as session:
        with pytest.raises(DeviceKeysError, match="no sync keys yet"):
            load_device_keys(session, "ws", NEW_DEVICE_ID, keyring=None)
        # Recorded as in the keyring, but no real keyring is reachable now.
        settings.put(session, "device_keys_in", "keyring")
        with pytest.raises(DeviceKeysError, match="not available now"):
            load_device_keys(session, "ws", NEW_DEVICE_ID, keyring=PlainFileKeyring())
        # Recorded as in the workspace, but the secret row is gone.
        settings.put(session, "device_keys_in", "workspace")
        with pytest.raises(DeviceKeysError, match="missing from the workspace"):
            load_device_keys(session, "ws", NEW_DEVICE_ID, keyring=None)


# -- team keys ----------------------------------------------------------------------------
def test_team_keys_are_kept_by_epoch_in_the_workspace(empty_workspace: Workspace) -> None:
    first, second = os.urandom(32), os.urandom(32)
    with empty_workspace.session() as session:
        assert team_keys(session) == {}
        with pytest.raises(TeamKeyError, match="no team key yet"):
            current_epoch(session)
        save_team_key(session, 1, first)
        save_team_key(session, 2, second)
        # Another secret beside them is not taken for a team key.
        settings.put_secret(session, "device_keys", os.urandom(64))
    with empty_workspace.session() as session:
        assert team_keys(session) == {1: first, 2: second}
        assert current_epoch(session) == 2
        assert current_team_key(session) == (2, second)
        assert session.get(SyncSecret, "team_key:1") is not None
    with pytest.raises(ValueError):
        save_team_key_in(empty_workspace, 0, first)
    with pytest.raises(ValueError):
        save_team_key_in(empty_workspace, 3, first[:16])


def save_team_key_in(workspace: Workspace, epoch: int, key: bytes) -> None:
    with workspace.session() as session:
        save_team_key(session, epoch, key)


# -- a real keyring -----------------------------------------------------------------------
KEYRING_SESSION = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])

    from roth_desktop.errors import DeviceKeysError
    from roth_desktop.quick_unlock import os_keyring
    from roth_desktop.sync import settings
    from roth_desktop.sync.device_keys import (
        KEYRING_SERVICE, DeviceKeys, keyring_username, load_device_keys, store_device_keys,
    )
    from roth_desktop.workspace import Workspace
    from tests.helpers.secret_service_session import start_keyring

    start_keyring()
    backend = os_keyring()
    print(f"backend {type(backend).__module__}", flush=True)
    keys = DeviceKeys.generate()
    with Workspace.open(sys.argv[2], sys.argv[3]) as workspace:
        with workspace.session() as session:
            settings.put_secret(session, "device_keys", b"an older copy")
            print("stored in", store_device_keys(session, workspace.workspace_id, "dev-1", keys))
        with workspace.session() as session:
            print("workspace copy", settings.get_secret(session, "device_keys"))
            loaded = load_device_keys(session, workspace.workspace_id, "dev-1")
            print("loaded same", loaded.to_bytes() == keys.to_bytes())
        print("secret", keys.to_bytes().hex(), flush=True)
        backend.delete_password(KEYRING_SERVICE, keyring_username(workspace.workspace_id, "dev-1"))
        with workspace.session() as session:
            try:
                load_device_keys(session, workspace.workspace_id, "dev-1")
            except DeviceKeysError as exc:
                print("after delete:", exc)
    """
)


@pytest.mark.skipif(
    shutil.which("dbus-run-session") is None or shutil.which("gnome-keyring-daemon") is None,
    reason="needs dbus-daemon and gnome-keyring (make test installs them via system-deps)",
)
def test_device_keys_round_trip_through_a_real_keyring(
    empty_workspace: Workspace, tmp_path: Path
) -> None:
    folder = empty_workspace.folder
    empty_workspace.lock()
    home = tmp_path / "keyring-home"
    (home / "run").mkdir(parents=True, mode=0o700)
    script = tmp_path / "keyring_session.py"
    script.write_text(KEYRING_SESSION, encoding="utf-8")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_RUNTIME_DIR": str(home / "run"),
    }
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(script), str(REPO), str(folder), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "backend keyring.backends.SecretService" in lines
    assert "stored in keyring" in lines
    # One home for the keys: the older workspace copy was removed.
    assert "workspace copy None" in lines
    assert "loaded same True" in lines
    assert (
        "after delete: This device's sync keys are no longer in the system keyring; "
        "enrol it again with a new invitation."
    ) in lines
    secret = bytes.fromhex(next(x for x in lines if x.startswith("secret ")).split()[1])
    # The keyring keeps them encrypted: neither the raw nor the base64 form is on disk.
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret[:32] not in data
            assert base64.b64encode(secret)[:40] not in data
    assert KEYRING_SERVICE == "ROTH Desktop sync"
