"""A review starts from the last conference and says what has changed since."""

from __future__ import annotations

from sqlalchemy import select

from roth_desktop.conference import running, weights
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.conference.review_changes import changes_since_previous
from roth_desktop.models import (
    Conference,
    ConferenceKind,
    ConferenceStatus,
    Need,
    NeedStatus,
    Safety,
    YoungPerson,
)
from roth_desktop.workspace import Workspace


def _upcoming_review(workspace: Workspace) -> str:
    with workspace.session() as session:
        mira = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Amira")).one()
        (case,) = mira.cases
        (review,) = [
            c
            for c in case.conferences
            if c.kind == ConferenceKind.REVIEW and c.status == ConferenceStatus.DRAFT
        ]
        running.begin(session, review.id, default_pack())
        return review.id


def test_a_fresh_review_starts_where_the_last_one_ended(demo_workspace: Workspace) -> None:
    review_id = _upcoming_review(demo_workspace)
    with demo_workspace.session() as session:
        review = session.get_one(Conference, review_id)
        assert review.previous_conference_id is not None
        lines = changes_since_previous(session, review_id, default_pack())
    # Nothing on the map or in the needs has moved yet: only the last plan's results show.
    assert not any("influence" in line or "now " in line for line in lines), lines


def test_changes_to_the_map_and_needs_are_listed(demo_workspace: Workspace) -> None:
    review_id = _upcoming_review(demo_workspace)
    with demo_workspace.session() as session:
        areas = running.contexts_of(session, review_id)
        target = areas[0]
        shares = weights.set_share({a.id: a.weight for a in areas}, target.id, target.weight + 1500)
        running.set_shares(session, review_id, shares)
        target.safety = Safety.SAFE if target.safety != Safety.SAFE else Safety.UNSAFE
        need = session.scalars(select(Need).where(Need.conference_id == review_id)).first()
        assert need is not None
        need.status = NeedStatus.MET if need.status != NeedStatus.MET else NeedStatus.UNMET
        session.flush()
        lines = changes_since_previous(session, review_id, default_pack())
        name = target.name
    assert any(line.startswith(f"{name}: influence") for line in lines), lines
    assert any(line.startswith(f"{name}: now ") for line in lines), lines
    assert any("(was " in line and not line.startswith(name) for line in lines), lines


def test_an_initial_conference_has_nothing_to_compare(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        tyler = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Tyler")).one()
        conference = tyler.cases[0].conferences[0]
        running.begin(session, conference.id, default_pack())
        assert changes_since_previous(session, conference.id, default_pack()) == []
