"""Which fields each record's form shows, in the words people use."""

from __future__ import annotations

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.models import (
    AgencyKind,
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
    ConferenceStatus,
    Gender,
    Pathway,
    TransitionRoute,
)
from roth_desktop.models.enums import Labelled
from ui.forms import FieldSpec


def choices_of(enum_cls: type[Labelled]) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum_cls]


def young_person() -> list[FieldSpec]:
    ethnicity = [(c.code, c.label) for c in ethnicity_codes().codes]
    return [
        FieldSpec("first_name", "First name"),
        FieldSpec("last_name", "Last name"),
        FieldSpec("preferred_name", "Preferred name", help="What they like to be called"),
        FieldSpec("date_of_birth", "Date of birth", "date"),
        FieldSpec("gender", "Gender", "choice", choices_of(Gender)),
        FieldSpec(
            "ethnicity_code",
            "Ethnicity",
            "choice",
            ethnicity,
            help="DfE ethnicity code, as the young person describes themself",
        ),
        FieldSpec("first_language", "First language"),
        FieldSpec(
            "communication_needs",
            "Communication needs",
            "multiline",
            help="What helps them take part: interpreter, short questions, breaks",
        ),
        FieldSpec("nhs_number", "NHS number", help="Optional; 10 digits"),
        FieldSpec("local_id", "Local ID", help="The case management system's reference"),
    ]


NEW_YOUNG_PERSON = ("first_name", "last_name", "preferred_name", "date_of_birth", "gender")


def family_member() -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name"),
        FieldSpec(
            "relationship_to_young_person",
            "Relationship",
            help="How they are related to the young person, e.g. Mum, Grandad, Foster carer",
        ),
        FieldSpec("parental_responsibility", "Has parental responsibility", "bool"),
        FieldSpec(
            "plan_partner",
            "Partner in the plan",
            "bool",
            help="Parents and carers are partners in a ROTH plan, not its subject",
        ),
        FieldSpec("phone", "Phone"),
        FieldSpec("email", "Email"),
        FieldSpec("address", "Address", "multiline"),
        FieldSpec("notes", "Notes", "multiline"),
    ]


def case() -> list[FieldSpec]:
    return [
        FieldSpec(
            "pathway",
            "Pathway",
            "choice",
            choices_of(Pathway),
            read_only=True,
            help="Change the pathway with Transfer pathway, so the reason is kept",
        ),
        FieldSpec("opened_on", "Opened on", "date"),
        FieldSpec(
            "strategy_discussion_on",
            "Strategy discussion",
            "date",
            help="The initial conference is due within 15 working days of this",
        ),
        FieldSpec("closed_on", "Closed on", "date"),
    ]


def new_case() -> list[FieldSpec]:
    pathway = FieldSpec("pathway", "Pathway", "choice", choices_of(Pathway))
    return [pathway, *[spec for spec in case() if spec.name != "pathway"]]


def transfer() -> list[FieldSpec]:
    return [
        FieldSpec("to_pathway", "Move to", "choice", choices_of(Pathway)),
        FieldSpec("transferred_on", "Date of transfer", "date"),
        FieldSpec(
            "reason",
            "Reason",
            "multiline",
            help="For example: the home is now the main source of risk",
        ),
    ]


def conference(chairs: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec("kind", "Type", "choice", choices_of(ConferenceKind)),
        FieldSpec("starts_at", "Date and time", "datetime"),
        FieldSpec("location", "Where"),
        FieldSpec("chair_id", "Chair", "choice", [("", "Not chosen yet"), *chairs]),
        FieldSpec(
            "status",
            "Status",
            "choice",
            choices_of(ConferenceStatus),
            help="Agreed once the conference has taken place and the record is final",
        ),
        FieldSpec(
            "interim_review_reason",
            "Interim review reason",
            "multiline",
            help="For a complex case: why an interim review at 15 working days is needed. "
            "Leave empty if none.",
        ),
    ]


def attendance() -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name"),
        FieldSpec("role", "Role", "choice", choices_of(AttendeeRole)),
        FieldSpec("organisation", "Organisation"),
        FieldSpec("status", "Attendance", "choice", choices_of(AttendanceStatus)),
        FieldSpec("arrived_at", "Arrived", "datetime", help="Only if they came late"),
        FieldSpec("left_at", "Left", "datetime", help="Only if they left early"),
    ]


def case_professional(professionals: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec("professional_id", "Professional", "choice", professionals),
        FieldSpec("role_in_case", "Their part in this case", help="e.g. School, Police, Health"),
    ]


def professional(agencies: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name"),
        FieldSpec("job_title", "Job title"),
        FieldSpec("agency_id", "Agency", "choice", agencies),
        FieldSpec("email", "Email"),
        FieldSpec("phone", "Phone"),
    ]


def agency() -> list[FieldSpec]:
    return [
        FieldSpec("name", "Agency name"),
        FieldSpec("kind", "Kind", "choice", choices_of(AgencyKind)),
    ]


def visit(professionals: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec(
            "visited_on",
            "Date of visit",
            "date",
            help="The day of the visit; the next one falls due from it",
        ),
        FieldSpec("place", "Where", help="e.g. Home, school, the youth club, a café"),
        FieldSpec("who_seen", "Who was seen", help="e.g. The young person and Mum"),
        FieldSpec(
            "young_person_seen",
            "Young person seen",
            "bool",
            help="Untick if they were not seen: a visit without them does not count",
        ),
        FieldSpec("seen_alone", "Seen alone", "bool", help="Seen without a parent or carer"),
        FieldSpec(
            "professional_id",
            "Visited by",
            "choice",
            [("", "Not recorded"), *professionals],
        ),
        FieldSpec("notes", "Notes", "multiline"),
    ]


ROUTE_CHOICES = [("", "Not decided yet"), *choices_of(TransitionRoute)]


def transition() -> list[FieldSpec]:
    return [
        FieldSpec(
            "transition_adult_services",
            "Adult services",
            "choice",
            ROUTE_CHOICES,
            help="Adult social care or adult safeguarding after 18",
        ),
        FieldSpec(
            "transition_leaving_care",
            "Leaving care",
            "choice",
            ROUTE_CHOICES,
            help="Leaving care support, for a young person who has been looked after",
        ),
        FieldSpec(
            "transition_send",
            "SEND 0–25",
            "choice",
            ROUTE_CHOICES,
            help="Special educational needs support, which can continue to 25",
        ),
        FieldSpec(
            "continues_past_18",
            "Plan continues past 18",
            "bool",
            help="Only where the local authority's timescales policy allows it",
        ),
        FieldSpec(
            "continues_past_18_reason",
            "Why it continues",
            "multiline",
            help="Why the plan continues past 18 and which policy allows it",
        ),
    ]
