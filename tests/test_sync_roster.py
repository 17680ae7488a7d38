"""The team roster: signed, versioned, and only ever changed by an active admin."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roth_desktop.errors import RosterRejected
from roth_desktop.sync.device_keys import DeviceKeys
from roth_desktop.sync.roster import (
    Member,
    Roster,
    add_member,
    new_team,
    remove_member,
    unwrap_team_key,
    verify_next,
)

ADMIN_ID = "0c1d2e3f-0000-4000-8000-00000000000a"
LAPTOP_ID = "0c1d2e3f-0000-4000-8000-00000000000b"
OFFICE_ID = "0c1d2e3f-0000-4000-8000-00000000000c"
DEPUTY_ID = "0c1d2e3f-0000-4000-8000-00000000000d"


@dataclass(frozen=True)
class Team:
    """A team of three: an admin's laptop, a second laptop, and an office PC."""

    admin: DeviceKeys
    laptop: DeviceKeys
    office: DeviceKeys
    first: Roster  # v1: the admin alone
    with_laptop: Roster  # v2
    full: Roster  # v3: all three, epoch 1
    key: bytes  # epoch 1


@cache
def team() -> Team:
    """Built once per module run: key pairs and rosters are costly enough to share."""
    admin, laptop, office = DeviceKeys.generate(), DeviceKeys.generate(), DeviceKeys.generate()
    first, key = new_team("Fernleigh Conference Team", ADMIN_ID, "Chair-Laptop", admin)
    with_laptop = add_member(first, Member.for_keys(LAPTOP_ID, "Laptop-2", laptop), admin, ADMIN_ID)
    full = add_member(with_laptop, Member.for_keys(OFFICE_ID, "Office-PC", office), admin, ADMIN_ID)
    return Team(admin, laptop, office, first, with_laptop, full, key)


def resign(roster: Roster, keys: DeviceKeys, signer: str, **changes: Any) -> Roster:
    """A roster changed at will and properly signed by ``keys``: what a rogue signer makes."""
    unsigned = replace(roster, signed_by=signer, signature=b"", **changes)
    return replace(unsigned, signature=keys.signing.sign(unsigned.signed_bytes()))


def test_a_new_team_has_one_admin_and_a_key_only_it_can_unwrap() -> None:
    t = team()
    assert (t.first.version, t.first.key_epoch) == (1, 1)
    assert t.first.is_admin(ADMIN_ID)
    assert len(t.key) == 32
    assert unwrap_team_key(t.first, ADMIN_ID, t.admin.box) == t.key
    with pytest.raises(RosterRejected, match="cannot read team key epoch 1"):
        unwrap_team_key(t.first, ADMIN_ID, t.laptop.box)
    verify_next(None, t.first)


def test_a_roster_survives_its_file_unchanged() -> None:
    t = team()
    again = Roster.from_bytes(t.full.to_bytes())
    assert again == t.full
    assert again.signed_bytes() == t.full.signed_bytes()
    assert [m.name for m in again.members] == ["Chair-Laptop", "Laptop-2", "Office-PC"]


def test_adding_devices_keeps_the_epoch_and_each_step_is_accepted() -> None:
    t = team()
    verify_next(t.first, t.with_laptop)
    verify_next(t.with_laptop, t.full)
    assert (t.full.version, t.full.key_epoch) == (3, 1)
    assert t.full.active(LAPTOP_ID) and t.full.active(OFFICE_ID)
    assert not t.full.is_admin(LAPTOP_ID)


def test_removing_a_device_rotates_the_key_beyond_its_reach() -> None:
    t = team()
    after, new_key = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    verify_next(t.full, after)
    assert (after.version, after.key_epoch) == (4, 2)
    assert not after.active(LAPTOP_ID)
    assert new_key != t.key
    assert unwrap_team_key(after, ADMIN_ID, t.admin.box) == new_key
    assert unwrap_team_key(after, OFFICE_ID, t.office.box) == new_key
    with pytest.raises(RosterRejected, match="cannot read team key epoch 2"):
        unwrap_team_key(after, LAPTOP_ID, t.laptop.box)
    # Nor by pretending to be someone still on the team.
    with pytest.raises(RosterRejected):
        unwrap_team_key(after, OFFICE_ID, t.laptop.box)
    assert LAPTOP_ID not in after.wrapped_keys


def test_a_sealed_key_moved_to_another_device_does_not_open() -> None:
    t = team()
    after, _ = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    swapped = dict(after.wrapped_keys)
    swapped[OFFICE_ID] = after.wrapped_keys[ADMIN_ID]
    with pytest.raises(RosterRejected):
        unwrap_team_key(replace(after, wrapped_keys=swapped), OFFICE_ID, t.office.box)


def test_a_skipped_version_is_refused() -> None:
    t = team()
    with pytest.raises(RosterRejected, match="does not follow version 1"):
        verify_next(t.first, t.full)


def test_a_repeated_version_is_refused() -> None:
    t = team()
    with pytest.raises(RosterRejected, match="does not follow version 2"):
        verify_next(t.with_laptop, t.with_laptop)


def test_a_lowered_epoch_is_refused() -> None:
    t = team()
    after, _ = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    lowered = resign(after, t.admin, ADMIN_ID, version=5, key_epoch=1)
    with pytest.raises(RosterRejected, match="lowers the team key epoch"):
        verify_next(after, lowered)


def test_a_skipped_epoch_is_refused() -> None:
    t = team()
    after, _ = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    jumped = resign(after, t.admin, ADMIN_ID, version=4, key_epoch=3)
    with pytest.raises(RosterRejected, match="skips a team key epoch"):
        verify_next(t.full, jumped)


def test_a_roster_signed_by_a_member_who_is_not_admin_is_refused() -> None:
    t = team()
    rogue = resign(t.full, t.laptop, LAPTOP_ID, version=4, team_name="Taken Over")
    with pytest.raises(RosterRejected, match="not signed by an active administrator"):
        verify_next(t.full, rogue)
    # And the helpers themselves refuse to let a non-admin sign.
    with pytest.raises(RosterRejected, match="Only an active administrator"):
        remove_member(t.full, OFFICE_ID, t.laptop, LAPTOP_ID)


def test_a_roster_signed_by_a_removed_admin_is_refused() -> None:
    t = team()
    deputy = DeviceKeys.generate()
    two_admins = add_member(
        t.full, Member.for_keys(DEPUTY_ID, "Deputy-Laptop", deputy, admin=True), t.admin, ADMIN_ID
    )
    admin_gone, _ = remove_member(two_admins, ADMIN_ID, deputy, DEPUTY_ID)
    verify_next(two_admins, admin_gone)
    by_old_admin = resign(admin_gone, t.admin, ADMIN_ID, version=admin_gone.version + 1)
    with pytest.raises(RosterRejected, match="not signed by an active administrator"):
        verify_next(admin_gone, by_old_admin)
    with pytest.raises(RosterRejected, match="Only an active administrator"):
        add_member(admin_gone, Member.for_keys(LAPTOP_ID, "x", t.laptop), t.admin, ADMIN_ID)


def test_a_removed_device_never_comes_back() -> None:
    t = team()
    after, _ = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    revived = tuple(
        replace(m, removed=False) if m.device_id == LAPTOP_ID else m for m in after.members
    )
    back = resign(after, t.admin, ADMIN_ID, version=5, members=revived)
    with pytest.raises(RosterRejected, match="brings back device Laptop-2"):
        verify_next(after, back)
    with pytest.raises(RosterRejected, match="already in the team roster"):
        add_member(after, Member.for_keys(LAPTOP_ID, "Laptop-2", t.laptop), t.admin, ADMIN_ID)


def test_a_device_cannot_be_dropped_from_the_history() -> None:
    t = team()
    dropped = tuple(m for m in t.full.members if m.device_id != OFFICE_ID)
    forged = resign(t.full, t.admin, ADMIN_ID, version=4, members=dropped)
    with pytest.raises(RosterRejected, match="drops device Office-PC"):
        verify_next(t.full, forged)


def test_removing_a_device_without_a_new_key_is_refused() -> None:
    t = team()
    marked = tuple(replace(m, removed=m.device_id == LAPTOP_ID) for m in t.full.members)
    wrapped = {k: v for k, v in t.full.wrapped_keys.items() if k != LAPTOP_ID}
    same_key = resign(t.full, t.admin, ADMIN_ID, version=4, members=marked, wrapped_keys=wrapped)
    with pytest.raises(RosterRejected, match="without making a new team key"):
        verify_next(t.full, same_key)


def test_a_device_s_keys_cannot_be_swapped() -> None:
    t = team()
    impostor = DeviceKeys.generate()
    swapped = tuple(
        replace(m, sign_public=impostor.sign_public) if m.device_id == OFFICE_ID else m
        for m in t.full.members
    )
    forged = resign(t.full, t.admin, ADMIN_ID, version=4, members=swapped)
    with pytest.raises(RosterRejected, match="changes the keys of device Office-PC"):
        verify_next(t.full, forged)


def test_a_roster_from_another_team_is_refused() -> None:
    t = team()
    other_admin = DeviceKeys.generate()
    other_first, _ = new_team("Elmbrook Team", ADMIN_ID, "Chair-Laptop", other_admin)
    other_second = add_member(
        other_first, Member.for_keys(LAPTOP_ID, "Laptop-2", t.laptop), other_admin, ADMIN_ID
    )
    assert other_first.team_id != t.first.team_id
    with pytest.raises(RosterRejected, match="belongs to another team"):
        verify_next(t.first, other_second)


def test_a_roster_changed_after_signing_is_refused() -> None:
    t = team()
    document = json.loads(t.with_laptop.to_bytes())
    document["team_name"] = "Renamed Team"
    edited = Roster.from_bytes(json.dumps(document).encode())
    with pytest.raises(RosterRejected, match="signature does not match"):
        verify_next(t.first, edited)
    with pytest.raises(RosterRejected, match="signature does not match"):
        verify_next(None, replace(t.first, team_name="Renamed Team"))


def test_first_use_needs_an_admin_it_lists_and_matches_a_trusted_roster() -> None:
    t = team()
    self_made = resign(t.full, t.office, OFFICE_ID)
    with pytest.raises(RosterRejected, match="not signed by an administrator it lists"):
        verify_next(None, self_made)
    verify_next(None, t.full, trusted_first=t.full)
    with pytest.raises(RosterRejected, match="not the roster this device was enrolled with"):
        verify_next(None, t.with_laptop, trusted_first=t.full)


def test_the_last_admin_cannot_be_removed() -> None:
    t = team()
    with pytest.raises(RosterRejected, match="last administrator"):
        remove_member(t.full, ADMIN_ID, t.admin, ADMIN_ID)


def test_an_admin_must_sign_with_the_keys_the_roster_lists() -> None:
    t = team()
    with pytest.raises(RosterRejected, match="not the administrator's keys"):
        remove_member(t.full, OFFICE_ID, t.laptop, ADMIN_ID)


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d.pop("signature"),
        lambda d: d.update(format="roth-desktop-keyfile"),
        lambda d: d.update(version="3"),
        lambda d: d.update(version=0),
        lambda d: d.update(team_id="../../elsewhere"),
        lambda d: d["members"][0].update(sign_public="c2hvcnQ="),
        lambda d: d["members"][1].update(device_id=ADMIN_ID),
        lambda d: d["members"][0].update(admin="yes"),
        lambda d: d["members"][0].update(admin=False),
        lambda d: d.update(signed_by="0c1d2e3f-ffff"),
        lambda d: d.update(wrapped_keys={OFFICE_ID: "bm90IGEga2V5"}),
        lambda d: d.update(members={}),
    ],
)
def test_a_malformed_roster_is_refused(edit: Any) -> None:
    document = json.loads(team().full.to_bytes())
    edit(document)
    with pytest.raises(RosterRejected):
        Roster.from_bytes(json.dumps(document).encode())


def test_a_roster_from_a_newer_app_says_so() -> None:
    document = json.loads(team().full.to_bytes())
    document["format_version"] = 2
    with pytest.raises(RosterRejected, match="newer version"):
        Roster.from_bytes(json.dumps(document).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_a_roster_or_refused_plainly(data: bytes) -> None:
    try:
        Roster.from_bytes(data)
    except RosterRejected as exc:
        assert str(exc).endswith(".")


@settings(max_examples=100, deadline=None)
@given(position=st.integers(min_value=0), value=st.integers(min_value=32, max_value=126))
def test_any_single_character_change_never_yields_a_roster_that_is_accepted(
    position: int, value: int
) -> None:
    t = team()
    data = bytearray(t.with_laptop.to_bytes())
    position %= len(data)
    if data[position] == value:
        return
    data[position] = value
    try:
        edited = Roster.from_bytes(bytes(data))
    except RosterRejected:
        return
    # Some edits change nothing signed (JSON whitespace); any that do are caught.
    if edited == t.with_laptop:
        verify_next(t.first, edited)
    else:
        with pytest.raises(RosterRejected):
            verify_next(t.first, edited)
