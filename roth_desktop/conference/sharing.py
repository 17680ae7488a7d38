"""Reading a conference's rows on one side of the restricted line.

Every view that leaves a professional's hands (the family screen, the family's
copy, the young person's plan, the exports, the family's assessment) reads restrictable rows through
:func:`rows_of`, which applies the line in the query itself: a restricted row
the family may not see is never loaded, so no later code can forget to drop it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from roth_desktop.models.base import Record
from roth_desktop.models.conference_part import Restrictable, SharedPart

R = TypeVar("R", bound=Record)


def rows_of(
    session: Session, cls: type[R], owner_id: str, *order: Any, restricted: bool = False
) -> list[R]:
    """The rows of ``cls`` of one conference (or, for shared parts, one assessment):
    shared ones, or with ``restricted=True`` only the restricted ones. Kinds that
    cannot be restricted are all shared."""
    if issubclass(cls, SharedPart):
        query = select(cls).where(cls.owned_by(owner_id))
    else:
        query = select(cls).where(cls.conference_id == owner_id)  # type: ignore[attr-defined,assignment]
    if issubclass(cls, Restrictable):
        query = query.where(cls.restricted.is_(restricted))
    elif restricted:
        return []
    return list(session.scalars(query.order_by(*order)))
