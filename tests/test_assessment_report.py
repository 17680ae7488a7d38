"""The social worker's assessment as PDFs: what the family may read, and how it speaks.

One fictional assessment of Kai (from the demo) is written into a real workspace: a
police item, a harm entry and a link between contexts are restricted, a context names
peers by initials, and Kai and his mum have corrected it. The family's copy must hold
none of what is restricted and none of the initials, must hold Kai's words exactly as
he gave them, and must print each correction beside what it corrects.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from roth_desktop.assessments.writing import start_assessment
from roth_desktop.conference.content_pack import default_pack
from roth_desktop.models import (
    Agency,
    AgencyKind,
    Assessment,
    AssessmentShare,
    ContextArea,
    ContextLink,
    FamilyMember,
    HarmEntry,
    HarmTiming,
    InfoNature,
    Need,
    NeedStatus,
    PartnerItem,
    Pathway,
    ProfileItem,
    ProfileKind,
    Safety,
    Visit,
    Voice,
    VoiceChannel,
    VoiceKind,
    VoiceSpeaker,
    YoungPerson,
)
from roth_desktop.models.base import Record
from roth_desktop.models.conference_part import Restrictable
from roth_desktop.reports.assessment_record import AssessmentRecord, build_assessment_record
from roth_desktop.reports.audience import Audience, ReportError
from roth_desktop.reports.pdf import render_assessment_pdf, write_assessment_pdf
from roth_desktop.reports.pdf.assessment_report import ANALYSIS_PARTS, Doc, shared_view
from roth_desktop.reports.pdf.sections import Kit
from roth_desktop.reports.pdf.styles import styles_for
from roth_desktop.reports.pdf.wording import wording_for
from roth_desktop.validation import today
from roth_desktop.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.helpers.common import assert_one_error_line, build_demo_template, run_cli, snapshot
from tests.test_conference_pdfs import pdf_text, qpdf_check, squash

KAI_IN_PERSON = "Nobody at the tram stop ever asks if I'm alright."
KAI_DRAWING = "A drawing of the skate park with a big sun over it & me on a board."
KAI_APP = "Please don't tell school about the group chat <3"
MUM_SAYS = "He is a good lad who looks after his little brother."

PEERS = "Q.Z., X.V."
RESTRICTED_PARTNER = (
    "Officers stopped an older boy, Q.Z., carrying a knife near Kai on the 3rd of March."
)
RESTRICTED_HARM = "Threatened with a knife by an older boy known to police."
RESTRICTED_LINK = "Police say Q.Z. meets him by the skate park toilets"
RESTRICTED = (RESTRICTED_PARTNER, RESTRICTED_HARM, RESTRICTED_LINK)

SHARED_PARTNER = "Kai has been on a part-time timetable since September."
ANALYSIS = "Since the summer Kai has spent his afternoons at the skate park with older lads."
KAI_CORRECTS_PLACE = "The skate park is fine in the day, it is the lane behind it."
MUM_CORRECTS_ANALYSIS = "He never stays out past ten, I make sure of it."
MUM_CORRECTS_POLICE = "That was not Kai that night, he was at home with me."
RESPONSE = "Carys said the school part is unfair on Kai."

YOU_HEADINGS = ("Your assessment", "Hi Kai,", "What you told us", "Where you feel safe", "Your map")


@dataclass
class Made:
    folder: Path
    assessment_id: str
    record: dict[Audience, AssessmentRecord] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)  # en-you, en-family, cy-you, professional
    plain: list[dict[str, Any]] = field(default_factory=list)
    changed_before_corrections: bool | None = None
    changed_after_corrections: bool | None = None
    loaded_restricted: list[Record] = field(default_factory=list)
    loaded_for_professional: list[Record] = field(default_factory=list)


def _write_assessment(session: Session) -> str:
    """Kai's assessment: fictional, with restricted items, peers' initials and a share."""
    kai = session.scalars(select(YoungPerson).where(YoungPerson.first_name == "Kai")).one()
    case = max(kai.cases, key=lambda c: c.opened_on)
    pack = default_pack()
    assessment = start_assessment(session, case.id, pack, started_on=today())
    assessment.address_young_person = True
    assessment.analysis = ANALYSIS
    assessment.explanations = "We thought about whether school alone explains it."
    assessment.working_well = "You skate every day and you look after your brother."
    assessment.recommended_pathway = Pathway.ROTH
    assessment.recommendation = "A plan that makes the skate park and the lane safer."
    owner = {"assessment_id": assessment.id}
    mum = FamilyMember(
        young_person_id=kai.id,
        name="Carys Brennan",
        relationship_to_young_person="Mum",
        parental_responsibility=True,
    )
    school = Agency(name="Harbourside High School", kind=AgencyKind.EDUCATION)
    police = Agency(name="Harbourside Police", kind=AgencyKind.POLICE)
    session.add_all([mum, school, police])
    session.flush()

    areas = {
        a.context_key: a
        for a in session.scalars(
            select(ContextArea).where(ContextArea.assessment_id == assessment.id)
        )
    }
    weights = {
        "home": 1500, "peers": 3000, "school": 1500, "places": 2000,
        "online": 1000, "relationships": 500, "community": 500,
    }  # fmt: skip
    for key, weight in weights.items():
        areas[key].weight = weight
    areas["peers"].safety = Safety.UNSAFE
    areas["peers"].peer_initials = PEERS
    areas["peers"].makes_unsafe = "Older lads who ask him to hold things."
    places = areas["places"]
    places.name = "Harbour Road skate park"
    places.safety = Safety.UNSAFE
    places.makes_unsafe = "No lights after six."
    places.guardians = "The skate park warden"
    areas["home"].safety = Safety.SAFE
    areas["home"].makes_safe = "Mum waits up for him."

    session.add_all(
        [
            ProfileItem(
                **owner, kind=ProfileKind.STRENGTH, text="Kind to his brother", said_by="Mum"
            ),
            ProfileItem(**owner, kind=ProfileKind.INTEREST, text="Skateboarding", said_by="Kai"),
            Voice(**owner, speaker=VoiceSpeaker.YOUNG_PERSON, words=KAI_IN_PERSON),
            Voice(
                **owner,
                speaker=VoiceSpeaker.YOUNG_PERSON,
                channel=VoiceChannel.DRAWING,
                words=KAI_DRAWING,
            ),
            Voice(
                **owner,
                speaker=VoiceSpeaker.YOUNG_PERSON,
                channel=VoiceChannel.APP,
                kind=VoiceKind.WISH,
                words=KAI_APP,
            ),
            Voice(
                **owner, speaker=VoiceSpeaker.PARENT_CARER, family_member_id=mum.id, words=MUM_SAYS
            ),
            ContextLink(
                **owner,
                source_id=areas["school"].id,
                target_id=places.id,
                label="half days at school → afternoons at the skate park",
            ),
            ContextLink(
                **owner,
                source_id=areas["peers"].id,
                target_id=places.id,
                label=RESTRICTED_LINK,
                restricted=True,
            ),
            PartnerItem(
                **owner, agency_id=school.id, context_id=areas["school"].id, text=SHARED_PARTNER
            ),
            HarmEntry(
                **owner,
                harm_type="missing",
                timing=HarmTiming.SUFFERED,
                description="Home after midnight twice in February.",
            ),
            HarmEntry(
                **owner,
                harm_type="weapons",
                timing=HarmTiming.LIKELY,
                description=RESTRICTED_HARM,
                restricted=True,
            ),
            Visit(
                case_id=case.id,
                visited_on=today(),
                place="Harbour Road café",
                who_seen="Kai and Carys",
                seen_alone=False,
                assessment_id=assessment.id,
            ),
        ]
    )
    police_item = PartnerItem(
        **owner,
        agency_id=police.id,
        context_id=places.id,
        nature=InfoNature.REPORTED,
        source="Night patrol officer",
        text=RESTRICTED_PARTNER,
        restricted=True,
    )
    session.add(police_item)
    education = session.scalars(
        select(Need).where(Need.assessment_id == assessment.id, Need.area == "education")
    ).one()
    education.status = NeedStatus.UNMET
    education.summary = "Half days only since September."
    assessment.plan_targets = [areas["peers"].id, places.id, education.id]
    session.flush()
    session.add(
        AssessmentShare(
            assessment_id=assessment.id,
            shared_on=today(),
            shared_with="Kai and Carys Brennan",
            how="Read together at home",
            family_response=RESPONSE,
            shown=build_assessment_record(session, assessment.id, Audience.FAMILY).to_plain(),
        )
    )
    session.flush()
    return assessment.id


def _correct(session: Session, assessment_id: str) -> None:
    """What Kai and his mum said when they read it: kept as theirs, beside the text."""
    mum = session.scalars(select(FamilyMember).where(FamilyMember.name == "Carys Brennan")).one()
    place = session.scalars(
        select(ContextArea).where(
            ContextArea.assessment_id == assessment_id, ContextArea.context_key == "places"
        )
    ).one()
    police = session.scalars(
        select(PartnerItem).where(
            PartnerItem.assessment_id == assessment_id, PartnerItem.restricted.is_(True)
        )
    ).one()
    own = {"assessment_id": assessment_id, "kind": VoiceKind.CORRECTION}
    parent = {"speaker": VoiceSpeaker.PARENT_CARER, "family_member_id": mum.id}
    session.add_all(
        [
            Voice(
                **own, speaker=VoiceSpeaker.YOUNG_PERSON, about=place.id, words=KAI_CORRECTS_PLACE
            ),
            Voice(**own, **parent, about="analysis", words=MUM_CORRECTS_ANALYSIS),
            Voice(**own, **parent, about=police.id, words=MUM_CORRECTS_POLICE),
        ]
    )


def _restricted_loaded(session: Session, found: list[Record]) -> None:
    @event.listens_for(session, "loaded_as_persistent")
    def loaded(_: Session, instance: object) -> None:
        if isinstance(instance, Restrictable) and instance.restricted:
            assert isinstance(instance, Record)
            found.append(instance)


def _render(workspace: Workspace, assessment_id: str, audience: Audience, language: str) -> str:
    with workspace.session() as session:
        record = build_assessment_record(session, assessment_id, audience, language)
    return pdf_text(render_assessment_pdf(record))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    folder = build_demo_template(tmp_path_factory, PASSPHRASE, "assessment-report")
    base = folder.parent
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROTH_DESKTOP_CONFIG_DIR", str(base / "config"))
        mp.setenv("ROTH_DESKTOP_STATE_DIR", str(base / "state"))
        workspace = Workspace.open(folder, PASSPHRASE)
        try:
            with workspace.session() as session:
                assessment_id = _write_assessment(session)
            result = Made(folder, assessment_id)
            with workspace.session() as session:
                record = build_assessment_record(session, assessment_id, Audience.PROFESSIONAL)
                result.changed_before_corrections = record.changed_since_shared
                _correct(session, assessment_id)
            with workspace.session() as session:
                # The family's corrections are theirs, not a change to what they saw...
                record = build_assessment_record(session, assessment_id, Audience.PROFESSIONAL)
                result.changed_after_corrections = record.changed_since_shared
                # ...but the worker adding to their text after sharing is.
                session.get_one(Assessment, assessment_id).working_well += " You make us laugh."
            with workspace.session() as session:
                _restricted_loaded(session, result.loaded_restricted)
                result.record[Audience.FAMILY] = build_assessment_record(
                    session, assessment_id, Audience.FAMILY
                )
            for _ in range(2):  # two sessions, so nothing is shared between the two reads
                with workspace.session() as session:
                    plain = build_assessment_record(session, assessment_id, Audience.FAMILY)
                    result.plain.append(plain.to_plain())
            with workspace.session() as session:
                _restricted_loaded(session, result.loaded_for_professional)
                result.record[Audience.PROFESSIONAL] = build_assessment_record(
                    session, assessment_id, Audience.PROFESSIONAL
                )
            result.text["en-you"] = _render(workspace, assessment_id, Audience.FAMILY, "en")
            result.text["cy-you"] = _render(workspace, assessment_id, Audience.FAMILY, "cy")
            result.text["professional"] = _render(
                workspace, assessment_id, Audience.PROFESSIONAL, "en"
            )
            with workspace.session() as session:
                session.get_one(Assessment, assessment_id).address_young_person = False
            result.text["en-family"] = _render(workspace, assessment_id, Audience.FAMILY, "en")
            with workspace.session() as session:
                session.get_one(Assessment, assessment_id).address_young_person = True
        finally:
            workspace.lock()
        yield result


FAMILY_TEXTS = ("en-you", "en-family", "cy-you")


# -- what the family may read ----------------------------------------------------------------


def test_the_family_copy_holds_nothing_restricted_and_no_initials(made: Made) -> None:
    for key in FAMILY_TEXTS:
        text = made.text[key]
        for phrase in RESTRICTED:
            assert squash(phrase) not in text, (key, phrase)
        for initials in ("Q.Z.", "X.V.", PEERS, "Harbourside Police", "Night patrol officer"):
            assert initials not in text, (key, initials)
        for marker in ("Restricted", "RESTRICTED", "initials only", "CYFYNGEDIG", "Cyfyngedig"):
            assert marker not in text, (key, marker)
    family = made.record[Audience.FAMILY]
    assert not family.restricted
    assert all(not c.peer_initials for c in family.contexts)
    assert not family.shares and family.changed_since_shared is None
    # Not dropped after reading: never read. No restricted row was loaded for the family.
    assert made.loaded_restricted == []
    assert len(made.loaded_for_professional) == 3  # the watch itself sees what is loaded


def test_the_family_copy_holds_kais_words_verbatim_with_how_he_gave_them(made: Made) -> None:
    text = made.text["en-you"]
    for words in (KAI_IN_PERSON, KAI_DRAWING, KAI_APP, MUM_SAYS):
        assert f"“{words}”" in text, words
    assert "— Kai · What you think · In person" in text
    assert "— Kai, drawing · What you think" in text
    assert "— Kai, through an app or message · What you want to happen" in text
    assert "— Carys Brennan (Mum) · View · In person" in text
    # His words come before his family's.
    assert text.index(KAI_APP) < text.index(MUM_SAYS)


def test_a_correction_is_printed_beside_what_it_corrects(made: Made) -> None:
    text = made.text["en-you"]
    beside_place = squash(
        f"People looking out for you: The skate park warden What you said about this: "
        f"“{KAI_CORRECTS_PLACE}” — Kai"
    )
    assert beside_place in text
    # Mum's correction of the analysis: after the worker's text, before the next part.
    analysis = text.index(ANALYSIS)
    mum = text.index(f"What your family said about this: “{MUM_CORRECTS_ANALYSIS}”")
    assert analysis < mum < text.index("What else could explain it")
    assert ANALYSIS in text  # the worker's text stays as written beside it
    # Her correction of the police item is hers to see, but not what it was about.
    other = text.index("Other things you and your family told us")
    assert other < text.index(MUM_CORRECTS_POLICE)
    # Written to the family rather than to Kai, every correction is "what you said".
    family = made.text["en-family"]
    assert f"What you said about this: “{MUM_CORRECTS_ANALYSIS}”" in family
    assert f"What you said about this: “{KAI_CORRECTS_PLACE}”" in family


def test_written_to_the_young_person_the_headings_say_you(made: Made) -> None:
    you, family = made.text["en-you"], made.text["en-family"]
    for heading in YOU_HEADINGS:
        assert heading in you, heading
        assert heading not in family, heading
    for heading in ("What you need", "What has happened to you, and what could happen"):
        assert heading in you
    assert "We think you need a plan to help keep you safe outside home." in you
    for heading in (
        "Assessment: family copy",
        "This is the social worker's assessment about Kai.",
        "What Kai told us",
        "Where Kai is safe and unsafe",
        "What Kai needs",
        "We think Kai needs a child protection plan because of risks outside the home.",
    ):
        assert heading in family, heading
    for text in (you, family):  # the plan's targets, by name
        assert "Harbour Road skate park" in text
        assert "School, college or training" in text


def test_the_welsh_family_copy_has_welsh_headings(made: Made) -> None:
    cy, welsh = made.text["cy-you"], wording_for("cy")
    for key in ("yp.assessment.title", "yp.told_us", "yp.where_safe", "yp.map", "yp.needs"):
        assert squash(welsh(key)) in cy, key
    assert "Beth ddwedaist ti am hyn:" in cy
    assert "What you told us" not in cy and "Where you feel safe" not in cy
    assert KAI_IN_PERSON in cy  # his words as he said them, in any language


def test_every_wording_the_assessment_asks_for_exists_in_both_languages(made: Made) -> None:
    """The copies pick their words by key at run time, so the keys are checked here."""
    keys = [
        "title", "worker", "voices.young_person", "voices.family", "visits", "analysis",
        *(f"analysis.{part}" for part in ANALYSIS_PARTS), "recommendation", "targets",
        "pathway.none", *(f"pathway.{p.value}" for p in Pathway), "correction",
        "corrections.other", "partner_information", "harm",
    ]  # fmt: skip
    base = made.record[Audience.FAMILY]
    for language in ("en", "cy"):
        w = wording_for(language)
        for audience, you in (
            (Audience.FAMILY, True),
            (Audience.FAMILY, False),
            (Audience.PROFESSIONAL, False),
        ):
            record = dataclasses.replace(base, audience=audience, address_young_person=you)
            doc = Doc(record, Kit(shared_view(record), w, styles_for(audience)))
            for key in keys:
                family_only = key in ("worker", "partner_information") or "pathway." in key
                if family_only and not doc.family:
                    continue  # said only to the family
                if key == "harm" and not doc.you:
                    continue  # the conference copies' own harm heading serves the others
                assert doc.say(key, name="Kai", worker="Ana").strip(), (language, you, key)
        for p in Pathway:
            assert w.has(f"pathway.{p.value}")


# -- what professionals read -----------------------------------------------------------------


def test_the_professional_copy_has_restricted_items_under_their_heading(made: Made) -> None:
    text = made.text["professional"]
    heading = text.index("Restricted information — not for the family")
    for phrase in RESTRICTED:
        assert text.index(squash(phrase)) > heading, phrase
    assert "RESTRICTED — NOT FOR THE FAMILY" in text
    assert f"Peers (initials only): {PEERS}" in text
    # The correction of a restricted item sits beside it, on the restricted pages.
    assert text.index(f"Family's correction: “{MUM_CORRECTS_POLICE}”") > heading


def test_the_professional_copy_has_the_sharing_history_and_knows_it_changed(made: Made) -> None:
    text = made.text["professional"]
    sharing = text.index("Sharing with the family")
    assert sharing < text.index(RESPONSE) < text.index("Restricted information")
    assert "Kai and Carys Brennan" in text and "Read together at home" in text
    assert f"Changed since the family saw it on {wording_for('en').date(today())}" in text
    # Unchanged by the family's corrections; changed once the worker edited after sharing.
    assert made.changed_before_corrections is False
    assert made.changed_after_corrections is False
    assert made.record[Audience.PROFESSIONAL].changed_since_shared is True


def test_to_plain_is_deterministic_and_json(made: Made) -> None:
    first, second = made.plain
    assert first == second
    assert json.dumps(first, sort_keys=False) == json.dumps(second, sort_keys=False)
    assert json.loads(json.dumps(first)) == first  # what a stored snapshot reads back as
    assert first["audience"] == "family" and first["format"] == 1
    for key in ("restricted", "shares", "changed_since_shared"):
        assert key not in first
    dumped = json.dumps(first, ensure_ascii=False)
    for phrase in (*RESTRICTED, "Q.Z."):
        assert phrase not in dumped
    assert KAI_IN_PERSON in dumped and KAI_CORRECTS_PLACE in dumped
    professional = made.record[Audience.PROFESSIONAL].to_plain()
    assert professional["shares"][0]["family_response"] == RESPONSE
    assert professional["restricted"]["harm"][0]["description"] == RESTRICTED_HARM


def test_only_professional_and_family_copies_can_be_made(made: Made, tmp_path: Path) -> None:
    workspace = Workspace.open(made.folder, PASSPHRASE)
    try:
        with workspace.session() as session:
            for audience in (Audience.YOUNG_PERSON, Audience.PLAN):
                with pytest.raises(ReportError, match="professional, family"):
                    build_assessment_record(session, made.assessment_id, audience)
            with pytest.raises(ReportError, match="no assessment with the id"):
                build_assessment_record(session, "no-such-assessment", Audience.FAMILY)
            out = write_assessment_pdf(
                session, made.assessment_id, Audience.FAMILY, tmp_path / "family.pdf"
            )
    finally:
        workspace.lock()
    qpdf_check(out)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.metadata is not None and reader.metadata.title is not None
    assert reader.metadata.title.startswith("Your assessment: KB")
    assert "Brennan" not in reader.metadata.title


# -- the command line ------------------------------------------------------------------------


def _cli(made: Made, *args: str | Path) -> Any:
    return run_cli(
        "report", "--workspace", made.folder, "--passphrase-file", made.folder.parent / "pp", *args
    )


@pytest.fixture
def passphrase(made: Made) -> None:
    (made.folder.parent / "pp").write_text(PASSPHRASE + "\n", encoding="utf-8")


@pytest.mark.usefixtures("passphrase")
def test_the_cli_writes_an_assessment_pdf(made: Made, tmp_path: Path) -> None:
    for audience in ("professional", "family"):
        out = tmp_path / f"{audience}.pdf"
        result = _cli(
            made, "--assessment", made.assessment_id, "--audience", audience, "--out", out
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert f"Wrote the assessment ({audience}) to {out}" in result.stdout
        text = pdf_text(out.read_bytes())
        assert KAI_IN_PERSON in text
        assert (RESTRICTED_HARM in text) is (audience == "professional")
    welsh = tmp_path / "cy.pdf"
    result = _cli(
        made, "--assessment", made.assessment_id, "--audience", "family", "--out", welsh,
        "--language", "cy",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Dy asesiad di" in pdf_text(welsh.read_bytes())


@pytest.mark.usefixtures("passphrase")
def test_the_cli_refuses_a_wrong_audience_and_both_or_neither_record(
    made: Made, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()

    def refused(*args: str | Path) -> str:
        before = snapshot(out)
        line = assert_one_error_line(_cli(made, *args, "--out", out / "a.pdf"))
        assert snapshot(out) == before, "a refusal must leave no file behind"
        return line

    line = refused("--assessment", made.assessment_id, "--audience", "young-person")
    assert "'young-person' is not an audience" in line and "choose professional, family" in line
    line = refused("--assessment", made.assessment_id, "--audience", "plan")
    assert "'plan' is not an audience" in line
    line = refused(
        "--assessment", made.assessment_id, "--conference", "c-1", "--audience", "family"
    )
    assert "not both" in line
    line = refused("--audience", "family")
    assert "--conference ID or --assessment ID" in line
    line = refused("--assessment", "no-such-assessment", "--audience", "family")
    assert "no assessment with the id no-such-assessment" in line
