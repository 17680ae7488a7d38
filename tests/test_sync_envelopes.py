"""Envelopes: sealed for the team, signed by the device, refused whole when anything is off."""

from __future__ import annotations

import struct
from dataclasses import replace
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roth_desktop.errors import RothError
from roth_desktop.sync import envelope
from roth_desktop.sync.device_keys import DeviceKeys
from roth_desktop.sync.envelope import (
    MAGIC,
    EnvelopeHeader,
    EnvelopeIncomplete,
    EnvelopeRejected,
    open_envelope,
    parse_header,
    seal,
    verify_signature,
)
from roth_desktop.sync.roster import remove_member, unwrap_team_key
from tests.test_sync_roster import ADMIN_ID, LAPTOP_ID, OFFICE_ID, Team, team

PAYLOAD = b'{"changes": [{"table": "minute_entry", "text": "Fictional minutes for Ivy Fenwick."}]}'
RECORDS = ("minute_entry/7d1c0a52-3b1e-4d8e-9a0f-000000000001", "young_person/7d1c-0002")


def header_for(t: Team, device_id: str = LAPTOP_ID, seq: int = 7, epoch: int = 1) -> EnvelopeHeader:
    return EnvelopeHeader.create(
        team_id=t.full.team_id,
        key_epoch=epoch,
        device_id=device_id,
        seq=seq,
        deps={ADMIN_ID: 12, OFFICE_ID: 0},
        record_ids=reversed(RECORDS),  # create() sorts them
        envelope_id="3f2a9c10-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
    )


@cache
def sealed() -> bytes:
    """One envelope from Laptop-2 (sequence 7), under epoch 1."""
    t = team()
    return seal(header_for(t), PAYLOAD, t.key, t.laptop.signing)


def open_as_team(blob: bytes) -> tuple[EnvelopeHeader, bytes]:
    t = team()
    return open_envelope(blob, team_id=t.full.team_id, roster=t.full, team_keys={1: t.key})


def reframe(blob: bytes, header: bytes) -> bytes:
    """The same nonce, ciphertext and signature behind a different header."""
    (old_length,) = struct.unpack_from(">I", blob, len(MAGIC))
    rest = blob[len(MAGIC) + 4 + old_length :]
    return MAGIC + struct.pack(">I", len(header)) + header + rest


def rejection(blob: bytes) -> EnvelopeRejected:
    with pytest.raises(EnvelopeRejected) as caught:
        open_as_team(blob)
    return caught.value


# -- whole envelopes -------------------------------------------------------------------
def test_a_sealed_envelope_opens_to_the_same_header_and_payload() -> None:
    t = team()
    blob = sealed()
    header, payload = open_as_team(blob)
    assert payload == PAYLOAD
    assert header == header_for(t)
    assert header.record_ids == tuple(sorted(RECORDS))
    assert parse_header(blob) == header
    assert verify_signature(blob, t.laptop.sign_public) == header


def test_the_wire_format_is_the_documented_one() -> None:
    blob = sealed()
    header = header_for(team()).as_bytes()
    assert blob.startswith(MAGIC + struct.pack(">I", len(header)) + header)
    at = len(MAGIC) + 4 + len(header) + 12
    (ciphertext_length,) = struct.unpack_from(">I", blob, at)
    assert len(blob) == at + 4 + ciphertext_length + 64
    assert ciphertext_length == len(PAYLOAD) + 16
    # Encrypted: the payload's words are nowhere in the bytes.
    assert b"Fenwick" not in blob and b"minutes" not in blob


def test_sealing_twice_gives_different_bytes_that_both_open() -> None:
    t = team()
    again = seal(header_for(t), PAYLOAD, t.key, t.laptop.signing)
    assert again != sealed()
    assert open_as_team(again)[1] == PAYLOAD


# -- damage and tampering -----------------------------------------------------------------
def _header_end() -> int:
    return len(MAGIC) + 4 + len(header_for(team()).as_bytes())


@pytest.mark.parametrize(
    "where",
    ["header first", "header middle", "header last", "nonce", "ciphertext", "tag", "signature"],
)
def test_a_changed_byte_anywhere_that_matters_is_tampering(where: str) -> None:
    blob = bytearray(sealed())
    header_end = _header_end()
    position = {
        "header first": len(MAGIC) + 4,
        "header middle": (len(MAGIC) + 4 + header_end) // 2,
        "header last": header_end - 1,
        "nonce": header_end + 5,
        "ciphertext": header_end + 12 + 4 + 3,
        "tag": len(blob) - 64 - 1,
        "signature": len(blob) - 10,
    }[where]
    for mask in (0x01, 0x20, 0x80):
        changed = bytearray(blob)
        changed[position] ^= mask
        caught = rejection(bytes(changed))
        assert not isinstance(caught, EnvelopeIncomplete)
        assert caught.reason in {envelope.TAMPERED, envelope.HEADER_DAMAGED}
        if where not in {"header first", "header middle", "header last"}:
            assert caught.reason == envelope.TAMPERED
            assert str(caught) == (
                "Envelope 3f2a9c10… from device Laptop-2 (#7) was rejected: "
                "it has been tampered with."
            )


@settings(max_examples=300, deadline=None)
@given(position=st.integers(min_value=0), mask=st.integers(min_value=1, max_value=255))
def test_any_single_byte_flip_is_rejected(position: int, mask: int) -> None:
    blob = bytearray(sealed())
    blob[position % len(blob)] ^= mask
    with pytest.raises(EnvelopeRejected):
        open_as_team(bytes(blob))
    with pytest.raises(EnvelopeRejected):
        verify_signature(bytes(blob), team().laptop.sign_public)


def test_every_truncation_is_incomplete() -> None:
    blob = sealed()
    for length in range(len(blob)):
        with pytest.raises(EnvelopeIncomplete) as caught:
            parse_header(blob[:length])
        assert isinstance(caught.value, EnvelopeRejected)
        assert "incomplete" in str(caught.value)
        with pytest.raises(EnvelopeIncomplete):
            open_as_team(blob[:length])


def test_incomplete_names_the_envelope_once_its_header_has_arrived() -> None:
    blob = sealed()
    with pytest.raises(EnvelopeIncomplete) as caught:
        parse_header(blob[: _header_end() + 20])
    assert caught.value.envelope_id == "3f2a9c10-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
    assert caught.value.seq == 7
    assert caught.value.device_id == LAPTOP_ID


def test_bytes_after_the_signature_are_refused() -> None:
    caught = rejection(sealed() + b"\x00")
    assert not isinstance(caught, EnvelopeIncomplete)
    assert caught.reason == envelope.TRAILING


def test_a_file_that_is_not_an_envelope_is_refused_at_once() -> None:
    for blob in (b"ROTHENV2" + sealed()[8:], b"%PDF-1.7", b"PK\x03\x04 zip"):
        caught = rejection(blob)
        assert not isinstance(caught, EnvelopeIncomplete)
        assert caught.reason == envelope.NOT_AN_ENVELOPE


def test_changed_record_ids_break_the_signature() -> None:
    t = team()
    blob = sealed()
    fewer = replace(header_for(t), record_ids=(RECORDS[0],))
    caught = rejection(reframe(blob, fewer.as_bytes()))
    assert caught.reason == envelope.TAMPERED
    more = replace(header_for(t), record_ids=tuple(sorted((*RECORDS, "need/extra-1"))))
    assert rejection(reframe(blob, more.as_bytes())).reason == envelope.TAMPERED


def test_a_changed_sequence_number_breaks_the_signature() -> None:
    t = team()
    replayed_as_later = replace(header_for(t), seq=8)
    assert rejection(reframe(sealed(), replayed_as_later.as_bytes())).reason == envelope.TAMPERED


def test_resigned_by_another_member_is_rejected() -> None:
    t = team()
    blob = sealed()
    resigned = blob[:-64] + t.office.signing.sign(blob[:-64])
    assert rejection(resigned).reason == envelope.TAMPERED
    # Nor can the office PC seal changes of its own in the laptop's name.
    forged = seal(header_for(t, seq=8), b"forged", t.key, t.office.signing)
    assert rejection(forged).reason == envelope.TAMPERED
    with pytest.raises(EnvelopeRejected):
        verify_signature(blob, t.office.sign_public)


def test_a_header_that_is_not_canonical_is_refused_even_when_signed() -> None:
    t = team()
    header = header_for(t).as_bytes().replace(b'"seq":7', b'"seq": 7')
    body = reframe(sealed(), header)[:-64]
    blob = body + t.laptop.signing.sign(body)
    with pytest.raises(EnvelopeRejected) as caught:
        parse_header(blob)
    assert caught.value.reason == envelope.HEADER_DAMAGED


def test_a_header_from_a_newer_app_says_so() -> None:
    t = team()
    header = header_for(t).as_bytes().replace(b'"format":1', b'"format":2')
    with pytest.raises(EnvelopeRejected, match="newer version of ROTH Desktop"):
        parse_header(reframe(sealed(), header))


def test_identifiers_that_could_name_another_folder_are_refused() -> None:
    t = team()
    sly = replace(header_for(t), device_id="../../roster")
    with pytest.raises(ValueError):
        seal(sly, PAYLOAD, t.key, t.laptop.signing)
    with pytest.raises(EnvelopeRejected) as caught:
        parse_header(reframe(sealed(), sly.as_bytes()))
    assert caught.value.reason == envelope.HEADER_DAMAGED


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.binary(max_size=300).map(lambda rest: MAGIC + rest))
def test_any_bytes_are_an_envelope_or_refused_plainly(data: bytes) -> None:
    try:
        parse_header(data)
    except EnvelopeRejected as exc:
        assert isinstance(exc, RothError)
        assert str(exc).endswith(".")


# -- who may send, and under which key -------------------------------------------------
def test_an_envelope_for_another_team_is_refused() -> None:
    t = team()
    caught = rejection(
        seal(replace(header_for(t), team_id="another-team-1"), PAYLOAD, t.key, t.laptop.signing)
    )
    assert caught.reason == envelope.OTHER_TEAM
    with pytest.raises(EnvelopeRejected, match="belongs to another team"):
        open_envelope(sealed(), team_id="another-team-1", roster=t.full, team_keys={1: t.key})


def test_an_envelope_from_a_device_not_on_the_roster_is_refused() -> None:
    t = team()
    stranger = DeviceKeys.generate()
    blob = seal(
        header_for(t, device_id="5e5e5e5e-0000-4000-8000-0000000000ff"),
        PAYLOAD,
        t.key,
        stranger.signing,
    )
    assert rejection(blob).reason == envelope.UNKNOWN_DEVICE
    # An older roster that does not list the office PC yet does not know it either.
    from_office = seal(header_for(t, device_id=OFFICE_ID), PAYLOAD, t.key, t.office.signing)
    with pytest.raises(EnvelopeRejected, match="not on the team's roster"):
        open_envelope(
            from_office, team_id=t.full.team_id, roster=t.with_laptop, team_keys={1: t.key}
        )


def test_an_envelope_from_a_removed_device_is_refused() -> None:
    t = team()
    after, new_key = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    with pytest.raises(EnvelopeRejected) as caught:
        open_envelope(
            sealed(), team_id=t.full.team_id, roster=after, team_keys={1: t.key, 2: new_key}
        )
    assert caught.value.reason == envelope.REMOVED_DEVICE
    assert "from device Laptop-2 (#7)" in str(caught.value)


def test_an_envelope_under_an_epoch_not_held_is_refused() -> None:
    t = team()
    after, new_key = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    blob = seal(
        header_for(t, device_id=ADMIN_ID, seq=13, epoch=2), PAYLOAD, new_key, t.admin.signing
    )
    with pytest.raises(EnvelopeRejected, match="epoch 2, which this device does not hold"):
        open_envelope(blob, team_id=t.full.team_id, roster=after, team_keys={1: t.key})
    # The holder of both keys reads it.
    _, payload = open_envelope(
        blob, team_id=t.full.team_id, roster=after, team_keys={1: t.key, 2: new_key}
    )
    assert payload == PAYLOAD


def test_a_removed_device_cannot_read_what_is_sealed_after_its_removal() -> None:
    t = team()
    after, new_key = remove_member(t.full, LAPTOP_ID, t.admin, ADMIN_ID)
    blob = seal(
        header_for(t, device_id=ADMIN_ID, seq=13, epoch=2), PAYLOAD, new_key, t.admin.signing
    )
    # The laptop has the new roster (it is public) but cannot unwrap the new key ...
    with pytest.raises(RothError):
        unwrap_team_key(after, LAPTOP_ID, t.laptop.box)
    # ... so it does not hold epoch 2; and the old key does not open it either.
    with pytest.raises(EnvelopeRejected, match="does not hold"):
        open_envelope(blob, team_id=t.full.team_id, roster=after, team_keys={1: t.key})
    with pytest.raises(EnvelopeRejected) as caught:
        open_envelope(blob, team_id=t.full.team_id, roster=after, team_keys={1: t.key, 2: t.key})
    assert caught.value.reason == envelope.TAMPERED
    # The payload is not in the bytes in any readable form.
    assert b"Fenwick" not in blob


def test_an_envelope_sealed_under_the_wrong_key_does_not_decrypt() -> None:
    t = team()
    blob = seal(header_for(t), PAYLOAD, bytes(32), t.laptop.signing)
    caught = rejection(blob)
    assert caught.reason == envelope.TAMPERED


def test_sealing_refuses_an_unsorted_header_or_a_short_key() -> None:
    t = team()
    unsorted = replace(header_for(t), record_ids=tuple(reversed(RECORDS)))
    with pytest.raises(ValueError):
        seal(unsorted, PAYLOAD, t.key, t.laptop.signing)
    with pytest.raises(ValueError):
        seal(header_for(t), PAYLOAD, t.key[:16], t.laptop.signing)
