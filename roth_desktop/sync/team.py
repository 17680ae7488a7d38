"""A workspace's place in its sync team: create, invite, enrol, remove a device.

The signed roster says who is in the team (docs/sync.md). This module keeps the
rosters a workspace has accepted, its team keys and its device keys, and is the
one place those change.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.errors import RothError
from roth_desktop.models import SyncRoster
from roth_desktop.sync import changelog, settings, team_keys
from roth_desktop.sync.device_keys import DeviceKeys, load_device_keys, store_device_keys
from roth_desktop.sync.enrolment import Enrolment, read_enrolment, write_enrolment
from roth_desktop.sync.roster import (
    Member,
    Roster,
    RosterRejected,
    add_member,
    new_team,
    remove_member,
    unwrap_team_key,
    verify_next,
)

INVITE_LIFETIME = timedelta(days=3)


class TeamError(RothError):
    pass


class RemovedFromTeam(TeamError):
    pass


def in_team(session: Session) -> bool:
    return settings.get(session, settings.TEAM_ID) is not None


def current_roster(session: Session) -> Roster:
    row = session.scalars(select(SyncRoster).order_by(SyncRoster.version.desc()).limit(1)).first()
    if row is None:
        raise TeamError("This workspace is not in a sync team yet.")
    return Roster.from_bytes(row.body.encode("utf-8"))


def _save_roster(session: Session, roster: Roster) -> None:
    session.add(SyncRoster(version=roster.version, body=roster.to_bytes().decode("utf-8")))


def _me(session: Session) -> str:
    return changelog.device_id(session.connection())


def _admin(session: Session, workspace_id: str) -> tuple[Roster, str, DeviceKeys]:
    roster = current_roster(session)
    me = _me(session)
    member = roster.member(me)
    if member is None or not member.admin or member.removed:
        raise TeamError("Only an admin device of the team can do that.")
    return roster, me, load_device_keys(session, workspace_id, me)


def create_team(
    session: Session, workspace_id: str, team_name: str, device_name: str, target: str | None
) -> Roster:
    """Make a new team with this device as its first admin, and the team key (epoch 1)."""
    if in_team(session):
        raise TeamError("This workspace is already in a sync team.")
    if not team_name.strip() or not device_name.strip():
        raise TeamError("Give the team and this device a name.")
    me = _me(session)
    keys = DeviceKeys.generate()
    store_device_keys(session, workspace_id, me, keys)
    roster, key = new_team(team_name.strip(), me, device_name.strip(), keys)
    _save_roster(session, roster)
    team_keys.save_team_key(session, roster.key_epoch, key)
    settings.put(session, settings.TEAM_ID, roster.team_id)
    settings.put(session, settings.TEAM_NAME, roster.team_name)
    settings.put(session, settings.DEVICE_NAME, device_name.strip())
    if target:
        settings.put(session, settings.TARGET, target)
    return roster


def invite(session: Session, workspace_id: str, device_name: str, code: str) -> tuple[str, bytes]:
    """Add a new device to the roster; return its id and its enrolment file's bytes."""
    roster, me, keys = _admin(session, workspace_id)
    if not device_name.strip():
        raise TeamError("Give the new device a name.")
    new_id = str(uuid.uuid4())
    new_keys = DeviceKeys.generate()
    member = Member(
        device_id=new_id,
        name=device_name.strip(),
        sign_public=new_keys.sign_public,
        box_public=new_keys.box_public,
        admin=False,
        removed=False,
    )
    grown = add_member(roster, member, keys, me)
    _save_roster(session, grown)
    data = write_enrolment(
        code=code,
        roster=grown,
        device_id=new_id,
        device_name=member.name,
        device_keys=new_keys,
        team_keys=team_keys.team_keys(session),
        target=settings.get(session, settings.TARGET),
        expires_at=datetime.now(UTC) + INVITE_LIFETIME,
    )
    return new_id, data


def enrol(session: Session, workspace_id: str, data: bytes, code: str) -> Enrolment:
    """Join a team from an enrolment file and its one-time code."""
    if in_team(session):
        raise TeamError("This workspace is already in a sync team.")
    enrolment = read_enrolment(data, code)
    verify_next(None, enrolment.roster)
    if not enrolment.roster.active(enrolment.device_id):
        raise TeamError("The enrolment file's roster does not list this device.")
    # The admin chose this device's id so the roster could name it in advance.
    settings.put(session, settings.DEVICE_ID, enrolment.device_id)
    store_device_keys(session, workspace_id, enrolment.device_id, enrolment.device_keys)
    _save_roster(session, enrolment.roster)
    for epoch, key in enrolment.team_keys.items():
        team_keys.save_team_key(session, epoch, key)
    settings.put(session, settings.TEAM_ID, enrolment.roster.team_id)
    settings.put(session, settings.TEAM_NAME, enrolment.roster.team_name)
    settings.put(session, settings.DEVICE_NAME, enrolment.device_name)
    if enrolment.target:
        settings.put(session, settings.TARGET, enrolment.target)
    return enrolment


def remove_device(session: Session, workspace_id: str, device_id: str) -> Roster:
    """Remove a device and rotate the team key, so it cannot read what comes next."""
    roster, me, keys = _admin(session, workspace_id)
    matches = [m for m in roster.members if m.device_id.startswith(device_id) and not m.removed]
    if len(matches) != 1:
        raise TeamError(f"No single active device in the team matches {device_id!r}.")
    if matches[0].device_id == me:
        raise TeamError("A device cannot remove itself; ask another admin.")
    smaller, key = remove_member(roster, matches[0].device_id, keys, me)
    _save_roster(session, smaller)
    team_keys.save_team_key(session, smaller.key_epoch, key)
    return smaller


def take_rosters(session: Session, bodies: list[bytes]) -> list[str]:
    """Accept newer signed rosters from the target, in order, checking each link.

    A roster that fails its check is not taken, and said so: anyone who can write
    to a shared folder can put a file there, but not one that verifies.
    """
    problems: list[str] = []
    current = current_roster(session)
    me = _me(session)
    newer: dict[int, Roster] = {}
    for body in bodies:
        try:
            roster = Roster.from_bytes(body)
        except RosterRejected:
            continue  # not ours to judge further; the chain check below ignores it
        if roster.team_id == current.team_id and roster.version > current.version:
            newer.setdefault(roster.version, roster)
    for version in sorted(newer):
        if version != current.version + 1:
            break  # a gap: wait for the missing version
        roster = newer[version]
        try:
            verify_next(current, roster)
        except RosterRejected as error:
            problems.append(f"A team roster at the sync target was refused: {error}")
            break
        _save_roster(session, roster)
        if roster.key_epoch > current.key_epoch and roster.active(me):
            keys = load_device_keys(session, _workspace_id(session), me)
            team_keys.save_team_key(
                session, roster.key_epoch, unwrap_team_key(roster, me, keys.box)
            )
        current = roster
    member = current.member(me)
    if member is not None and member.removed:
        raise RemovedFromTeam(
            "This device has been removed from the team, so it can no longer sync."
        )
    return problems


def _workspace_id(session: Session) -> str:
    workspace_id = session.info.get("workspace_id")
    if not isinstance(workspace_id, str):
        raise TeamError("The workspace's id is not known to this session.")
    return workspace_id
