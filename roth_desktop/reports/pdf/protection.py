"""Password protection for a finished PDF: AES-256, with the owner password thrown away.

ReportLab's own encryption offers RC4 (long broken) or an AES-256 path through
the unmaintained ``pyaes`` package that writes an encryption dictionary strict
readers refuse. So the PDF is laid out unencrypted in memory and then
re-encrypted here by pypdf, whose AES comes from ``cryptography``. The
unencrypted bytes never leave memory.
"""

from __future__ import annotations

import secrets
from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions

# Printing and copying stay allowed: a screen reader needs the text, and a family
# may need a paper copy. Changing the record does not.
PERMISSIONS = (
    UserAccessPermissions.PRINT
    | UserAccessPermissions.PRINT_TO_REPRESENTATION
    | UserAccessPermissions.EXTRACT
    | UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS
)


def protect(pdf: bytes, password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    writer.encrypt(
        user_password=password,
        # Random and never kept: nobody can lift the restrictions, and the reader's
        # password is the only way in.
        owner_password=secrets.token_urlsafe(32),
        algorithm="AES-256",
        permissions_flag=PERMISSIONS,
    )
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
