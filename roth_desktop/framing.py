"""Reading the byte framing the handover file and the sync envelope share.

Both start with their own magic bytes and a big-endian 32-bit header length, and
carry their ciphertext behind another such length. Reading those is the same for
both; what each format says when it fails is its own, so these functions name a
:class:`Problem` and the caller's ``fail`` turns it into that format's error.
"""

from __future__ import annotations

import enum
import struct
from collections.abc import Callable

U32 = struct.Struct(">I")


class Problem(enum.Enum):
    INCOMPLETE = "incomplete"  # the bytes end early: cut short, or still being copied in
    FOREIGN = "foreign"  # not this format at all
    DAMAGED = "damaged"  # a length out of its range


Fail = Callable[[Problem], Exception]


def read_length(blob: bytes, at: int, least: int, most: int, fail: Fail) -> int:
    """The 32-bit length at ``at``, which must lie in ``least``..``most``."""
    if len(blob) < at + U32.size:
        raise fail(Problem.INCOMPLETE)
    (length,) = U32.unpack_from(blob, at)
    if not least <= length <= most:
        raise fail(Problem.DAMAGED)
    return int(length)


def header_span(blob: bytes, magic: bytes, most: int, fail: Fail) -> tuple[int, int]:
    """Check the magic and read the header's length: where the header starts, and its length.

    The first bytes of the magic alone (an empty blob too) are incomplete, not foreign:
    the rest may still be arriving. The header is at least one byte and at most ``most``.
    """
    if len(blob) < len(magic):
        raise fail(Problem.INCOMPLETE if magic.startswith(blob) else Problem.FOREIGN)
    if blob[: len(magic)] != magic:
        raise fail(Problem.FOREIGN)
    length = read_length(blob, len(magic), 1, most, fail)
    return len(magic) + U32.size, length
