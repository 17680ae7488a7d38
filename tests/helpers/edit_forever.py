"""Edit a workspace forever, for the crash-safety test (which kills it with SIGKILL).

    python edit_forever.py WORKSPACE PASSPHRASE_FILE

Each transaction adds one fictional family member ("Test Relative N") to the
first young person and commits; only then is the new record's id printed and
flushed, so every id on stdout is one the database promised to keep.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from roth_desktop.models import FamilyMember, YoungPerson
from roth_desktop.workspace import Workspace


def main(folder: Path, passphrase_file: Path) -> None:
    passphrase = passphrase_file.read_text(encoding="utf-8").removesuffix("\n")
    workspace = Workspace.open(folder, passphrase, actor="Crash test")
    with workspace.session() as session:
        first = session.scalars(select(YoungPerson.id).order_by(YoungPerson.id)).first()
    assert first is not None, "the workspace has no young person"
    n = 0
    while True:
        n += 1
        with workspace.session() as session:
            member = FamilyMember(
                young_person_id=first,
                name=f"Test Relative {n}",
                relationship_to_young_person="Cousin",
                notes="x" * (n % 700),
            )
            session.add(member)
        print(member.id, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
