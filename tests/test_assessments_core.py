"""The assessment: the same parts as a conference, the conference starting from it,
what changed since, and the family's version kept as shown."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from roth_desktop import edits
from roth_desktop.assessments.conference_start import start_offer
from roth_desktop.assessments.sharing import (
    changed_since_shared,
    family_version,
    last_share,
    record_correction,
    share_with_family,
)
from roth_desktop.assessments.since_assessment import (
    changes_since_assessment,
    from_the_assessment,
)
from roth_desktop.assessments.writing import latest_assessment, start_assessment, unasked_needs
from roth_desktop.conference import running, weights
from roth_desktop.conference.console_data import load_assessment
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.conference.peer_mentions import peer_mentions
from roth_desktop.conference.review_changes import changes_since_previous
from roth_desktop.errors import ValidationError
from roth_desktop.models import (
    Assessment,
    AssessmentShare,
    Conference,
    ConferenceKind,
    ContextArea,
    GoalLink,
    HarmEntry,
    Need,
    NeedStatus,
    PartnerItem,
    PlanGoal,
    Safety,
    Visit,
    Voice,
    VoiceKind,
    YoungPerson,
)
from roth_desktop.workspace import Workspace

SHARED = (ContextArea, Need, HarmEntry, PartnerItem, Voice)


def _tyler(workspace: Workspace) -> tuple[str, str, str]:
    """Tyler's case, his upcoming initial conference and the demo's assessment of him."""
    with workspace.session() as session:
        tyler = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Tyler")).one()
        (case,) = tyler.cases
        (conference,) = case.conferences
        assessment = latest_assessment(session, case.id)
        assert assessment is not None
        return case.id, conference.id, assessment.id


def _snapshot(workspace: Workspace, assessment_id: str) -> dict[str, list[dict[str, object]]]:
    """Every row the assessment owns, as values, to prove it was left as written."""
    with workspace.session() as session:
        found: dict[str, list[dict[str, object]]] = {}
        assessment = session.get_one(Assessment, assessment_id)
        found["assessment"] = [assessment.values()]
        for cls in SHARED:
            rows = session.scalars(select(cls).where(cls.assessment_id == assessment_id))
            found[cls.__tablename__] = sorted(
                (r.values() for r in rows), key=lambda v: str(v["id"])
            )
        visits = session.scalars(select(Visit).where(Visit.assessment_id == assessment_id))
        found["visit"] = sorted((v.values() for v in visits), key=lambda v: str(v["id"]))
        return found


def test_the_demo_assessment_is_complete_with_a_restricted_item_and_a_correction(
    demo_workspace: Workspace,
) -> None:
    _, _, assessment_id = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        assessment = session.get_one(Assessment, assessment_id)
        assert assessment.completed_on is not None and assessment.analysis
        assert assessment.recommended_pathway is not None and assessment.plan_targets
        restricted = session.scalars(
            select(PartnerItem).where(
                PartnerItem.assessment_id == assessment_id, PartnerItem.restricted.is_(True)
            )
        ).all()
        assert len(restricted) == 1
        corrections = session.scalars(
            select(Voice).where(
                Voice.assessment_id == assessment_id, Voice.kind == VoiceKind.CORRECTION
            )
        ).all()
        assert {c.about for c in corrections} == {"analysis", "explanations"}
        assert unasked_needs(session, assessment_id, default_pack()) == []
        share = last_share(session, assessment_id)
        assert share is not None and share.shown
        assert not changed_since_shared(session, assessment_id)
        visits = session.scalars(select(Visit).where(Visit.assessment_id == assessment_id)).all()
        assert len(visits) == 3


def test_a_new_assessment_has_the_conference_layout_and_every_need_unasked(
    demo_workspace: Workspace,
) -> None:
    case_id, _, _ = _tyler(demo_workspace)
    pack = default_pack()
    with demo_workspace.session() as session:
        assessment = start_assessment(session, case_id, pack)
        areas = running.contexts_of(session, assessment.id)
        assert [a.context_key for a in areas] == [k.key for k in pack.contexts]
        assert sum(a.weight for a in areas) == weights.TOTAL
        assert [n.key for n in unasked_needs(session, assessment.id, pack)] == [
            n.key for n in pack.needs
        ]
        education = session.scalars(
            select(Need).where(Need.assessment_id == assessment.id, Need.area == "education")
        ).one()
        education.summary = "Mornings only."
        session.flush()
        assert "education" not in [n.key for n in unasked_needs(session, assessment.id, pack)]
        # The map is edited the same way as a conference's.
        added = running.add_context(session, assessment.id, "Chicken shop on Park Road")
        new = session.get_one(ContextArea, added.context_id)
        assert new.assessment_id == assessment.id and new.conference_id is None
        assert latest_assessment(session, case_id) is not None


def test_a_shared_part_belongs_to_exactly_one_owner(demo_workspace: Workspace) -> None:
    _, conference_id, assessment_id = _tyler(demo_workspace)
    for owners in ([conference_id, assessment_id], [None, None]):
        with pytest.raises(ValidationError) as refused, demo_workspace.session() as session:
            session.connection().exec_driver_sql(
                "INSERT INTO harm_entry (id, conference_id, assessment_id, harm_type, timing,"
                " description, restricted, created_at, updated_at) VALUES ('x', ?, ?,"
                " 'cce', 'likely', '', 0, '2026-01-01', '2026-01-01')",
                tuple(owners),
            )
        cause = refused.value.__cause__ or refused.value.__context__
        assert isinstance(cause, IntegrityError)
        assert "ck_harm_entry_one_owner" in str(cause), cause


def test_the_conference_starts_from_the_assessment_and_says_what_changed(
    demo_workspace: Workspace,
) -> None:
    _, conference_id, assessment_id = _tyler(demo_workspace)
    before = _snapshot(demo_workspace, assessment_id)
    pack = default_pack()
    with demo_workspace.session() as session:
        assert running.begin(session, conference_id, pack, assessment_id=assessment_id)
        conference = session.get_one(Conference, conference_id)
        assert conference.assessment_id == assessment_id
        copied = running.contexts_of(session, conference_id)
        originals = running.contexts_of(session, assessment_id)
        assert [(a.name, a.weight, a.safety) for a in copied] == [
            (a.name, a.weight, a.safety) for a in originals
        ]
        assert {a.carried_from_id for a in copied} == {a.id for a in originals}
        # Harm, partner information (restricted marker kept) and their words came too;
        # the family's corrections to the assessment's wording did not.
        harm = session.scalars(select(HarmEntry).where(HarmEntry.conference_id == conference_id))
        assert len(harm.all()) == 2
        items = session.scalars(
            select(PartnerItem).where(PartnerItem.conference_id == conference_id)
        ).all()
        assert sorted(i.restricted for i in items) == [False, False, True]
        assert all(i.context_id in {a.id for a in copied} for i in items)
        voices = session.scalars(select(Voice).where(Voice.conference_id == conference_id)).all()
        assert voices and all(v.kind != VoiceKind.CORRECTION for v in voices)
        assert changes_since_assessment(session, conference_id, pack) == []

        # The room moves things: school's influence grows, a need is met, harm is added.
        school = next(a for a in copied if a.context_key == "school")
        school_name = school.name
        shares = weights.set_share({a.id: a.weight for a in copied}, school.id, 3500)
        running.set_shares(session, conference_id, shares)
        school.safety = Safety.UNSAFE
        need = session.scalars(
            select(Need).where(Need.conference_id == conference_id, Need.area == "education")
        ).one()
        need.status = NeedStatus.PARTLY_MET
        session.add(
            HarmEntry(
                conference_id=conference_id,
                harm_type="weapons",
                timing="likely",
                description="Seen with a knife in a video",
            )
        )
        session.flush()
        lines = changes_since_assessment(session, conference_id, pack)
    assert f"{school_name}: influence 20% → 35%." in lines, lines
    assert f"{school_name}: now unsafe (was mixed)." in lines, lines
    assert "Education: partly met (was unmet)." in lines, lines
    assert "Harm, new since the assessment: Seen with a knife in a video" in lines, lines
    # The assessment itself is exactly as the worker wrote it.
    assert _snapshot(demo_workspace, assessment_id) == before


def test_an_assessment_of_another_case_cannot_start_a_conference(
    demo_workspace: Workspace,
) -> None:
    _, conference_id, _ = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        mira = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Amira")).one()
        other = start_assessment(session, mira.cases[0].id, default_pack())
        other_id = other.id
    with pytest.raises(edits.RecordGone), demo_workspace.session() as session:
        running.begin(session, conference_id, default_pack(), assessment_id=other_id)


def test_a_review_from_an_assessment_keeps_its_plan_linked(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        mira = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Amira")).one()
        (case,) = mira.cases
        upcoming = next(
            c for c in case.conferences if c.kind == ConferenceKind.REVIEW and not c.agreed_at
        )
        assessment = start_assessment(session, case.id, default_pack())
        assert running.begin(session, upcoming.id, default_pack(), assessment_id=assessment.id)
        conference = session.get_one(Conference, upcoming.id)
        assert conference.previous_conference_id is not None
        areas = {a.id for a in running.contexts_of(session, upcoming.id)}
        needs = {
            n.id for n in session.scalars(select(Need).where(Need.conference_id == upcoming.id))
        }
        goals = session.scalars(select(PlanGoal).where(PlanGoal.conference_id == upcoming.id)).all()
        assert goals, "the review carries forward the plan still being worked on"
        links = session.scalars(select(GoalLink).where(GoalLink.conference_id == upcoming.id)).all()
        assert links and all((k.context_id in areas) or (k.need_id in needs) for k in links)


def test_a_correction_sits_beside_the_worker_text_and_never_replaces_it(
    demo_workspace: Workspace,
) -> None:
    _, _, assessment_id = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        analysis = session.get_one(Assessment, assessment_id).analysis
        record_correction(session, assessment_id, "analysis", "That's not how it went.")
        assert session.get_one(Assessment, assessment_id).analysis == analysis
    with pytest.raises(ValidationError), demo_workspace.session() as session:
        record_correction(session, assessment_id, "nonsense", "Words")


def test_editing_after_sharing_keeps_what_the_family_was_shown(
    demo_workspace: Workspace,
) -> None:
    _, _, assessment_id = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        share = last_share(session, assessment_id)
        assert share is not None
        shown, share_id = share.shown, share.id
        edits.set_field(session, "assessment", assessment_id, "analysis", "Rewritten later.")
    with demo_workspace.session() as session:
        assert changed_since_shared(session, assessment_id)
        assert session.get_one(AssessmentShare, share_id).shown == shown
    with pytest.raises(ValidationError), demo_workspace.session() as session:
        edits.set_field(session, "assessment_share", share_id, "shown", {"changed": True})


def test_existing_conference_rows_migrated_keep_their_conference(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as session:
        for table in ("context_area", "need", "voice", "harm_entry", "partner_item"):
            orphans = session.connection().execute(
                text(
                    f"SELECT count(*) FROM {table} WHERE "
                    "(conference_id IS NULL) = (assessment_id IS NULL)"
                )
            )
            assert orphans.scalar() == 0, table


def test_a_review_from_an_assessment_compares_with_the_last_conference_by_context(
    demo_workspace: Workspace,
) -> None:
    pack = default_pack()
    with demo_workspace.session() as session:
        mira = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Amira")).one()
        (case,) = mira.cases
        upcoming = next(
            c for c in case.conferences if c.kind == ConferenceKind.REVIEW and not c.agreed_at
        )
        previous = running.previous_conference(session, upcoming)
        assert previous is not None
        assessment = start_assessment(session, case.id, pack)
        # The worker's map copies the last conference's names, so they pair up by name.
        for mine, theirs in zip(
            running.contexts_of(session, assessment.id),
            running.contexts_of(session, previous.id),
            strict=False,
        ):
            mine.name = theirs.name
        session.flush()
        running.begin(session, upcoming.id, pack, assessment_id=assessment.id)
        lines = changes_since_previous(session, upcoming.id, pack)
    names_new = {line.removeprefix("New on the map: ").split(" (")[0] for line in lines}
    names_gone = {line.removeprefix("No longer on the map: ").rstrip(".") for line in lines}
    assert not (names_new & names_gone), lines


def test_the_offer_skips_used_blank_and_older_assessments(demo_workspace: Workspace) -> None:
    case_id, conference_id, assessment_id = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        offer = start_offer(session, conference_id)
        assert offer is not None and offer.assessment_id == assessment_id
        assert offer.author == "Daniel Osei" and offer.young_person == "Tyler Marsh"
        # A slip of the mouse starts a new, empty assessment: it is not offered.
        start_assessment(session, case_id, default_pack())
        offer = start_offer(session, conference_id)
        assert offer is not None and offer.assessment_id == assessment_id
    with demo_workspace.session() as session:
        mira = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Amira")).one()
        (case,) = mira.cases
        upcoming = next(
            c for c in case.conferences if c.kind == ConferenceKind.REVIEW and not c.agreed_at
        )
        older = start_assessment(session, case.id, default_pack(), started_on=case.opened_on)
        older.analysis = "Written before the last conference."
        session.flush()
        assert start_offer(session, upcoming.id) is None
    with demo_workspace.session() as session:
        running.begin(session, conference_id, default_pack(), assessment_id=assessment_id)
        assert start_offer(session, conference_id) is None  # started: nothing to offer


def test_an_assessment_a_conference_started_from_stays_as_it_was(
    demo_workspace: Workspace,
) -> None:
    _, conference_id, assessment_id = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        running.begin(session, conference_id, default_pack(), assessment_id=assessment_id)
        area = running.contexts_of(session, assessment_id)[0].id
    for change in (
        lambda s: edits.set_field(s, "assessment", assessment_id, "analysis", "Rewritten."),
        lambda s: edits.set_field(s, "context_area", area, "weight", 100),
        lambda s: edits.delete_record(s, "context_area", area),
        lambda s: running.add_context(s, assessment_id, "Somewhere new"),
    ):
        with pytest.raises(ValidationError) as refused, demo_workspace.session() as session:
            change(session)
        assert "A conference has started from this assessment" in str(
            refused.value.problems["assessment"]
        )
    # The family can still correct it, and the worker's prompt choices still save.
    with demo_workspace.session() as session:
        record_correction(session, assessment_id, "recommendation", "We want him at college.")
        edits.set_field(session, "assessment", assessment_id, "dismissed_prompts", ["claimed"])
        lines = from_the_assessment(session, conference_id, default_pack())
        data = load_assessment(session, assessment_id)
    assert "Recommended: ROTH child protection." in lines
    assert any(line.startswith("The plan should target: ") for line in lines)
    assert any("corrected the recommendation: “We want him at college.”" in line for line in lines)
    assert all(not v["about"] for v in data.voices), "corrections sit beside, not in the list"


def test_a_peers_initials_in_the_assessments_family_text_are_caught(
    demo_workspace: Workspace,
) -> None:
    _, _, assessment_id = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        assert peer_mentions(session, assessment_id) == []
        edits.set_field(
            session, "assessment", assessment_id, "analysis", "J.B. meets you at the park."
        )
        found = peer_mentions(session, assessment_id)
    assert [(w.table, w.record_id) for w in found] == [("assessment", assessment_id)]
    assert "“J.B.” is a peer's initials" in found[0].message


def test_what_a_welsh_speaking_family_saw_is_kept_in_welsh(demo_workspace: Workspace) -> None:
    _, _, assessment_id = _tyler(demo_workspace)
    with demo_workspace.session() as session:
        share = share_with_family(
            session, assessment_id, shared_with="Tyler and Joanne", language="cy"
        )
        assert share.shown["language"] == "cy"
        assert share.shown != family_version(session, assessment_id, "en")
        # Compared in the language they read it in, nothing has changed since.
        assert not changed_since_shared(session, assessment_id)
