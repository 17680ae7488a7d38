"""Which fields each record's form shows, in the words people use.

The words are English, marked for translation: field labels, help and fixed
choices in the "FieldSpec" context, every enum's label in "Labelled" (below, so
all of them are in one place for the translator; a test checks none is missing).
Forms and tables translate them into their window's language where they are
built (``ui.forms.translate_words``).
"""

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
from ui.i18n import QT_TRANSLATE_NOOP

# Every label of roth_desktop.models.enums (and DueState), as the enums word them.
ENUM_LABELS = (
    # Pathway
    QT_TRANSLATE_NOOP("Labelled", "ROTH child protection"),
    QT_TRANSLATE_NOOP("Labelled", "Child protection (family)"),
    QT_TRANSLATE_NOOP("Labelled", "Child in need"),
    QT_TRANSLATE_NOOP("Labelled", "Early help"),
    QT_TRANSLATE_NOOP("Labelled", "Closed"),
    # ConferenceKind
    QT_TRANSLATE_NOOP("Labelled", "Initial conference"),
    QT_TRANSLATE_NOOP("Labelled", "Review conference"),
    QT_TRANSLATE_NOOP("Labelled", "Transfer-in conference"),
    # ConferenceStatus
    QT_TRANSLATE_NOOP("Labelled", "Draft"),
    QT_TRANSLATE_NOOP("Labelled", "Agreed"),
    # AttendanceStatus
    QT_TRANSLATE_NOOP("Labelled", "Invited"),
    QT_TRANSLATE_NOOP("Labelled", "Attended"),
    QT_TRANSLATE_NOOP("Labelled", "Attended part"),
    QT_TRANSLATE_NOOP("Labelled", "Apologies"),
    QT_TRANSLATE_NOOP("Labelled", "Did not attend"),
    # AttendeeRole
    QT_TRANSLATE_NOOP("Labelled", "Young person"),
    QT_TRANSLATE_NOOP("Labelled", "Parent or carer"),
    QT_TRANSLATE_NOOP("Labelled", "Family or friend"),
    QT_TRANSLATE_NOOP("Labelled", "Advocate"),
    QT_TRANSLATE_NOOP("Labelled", "Chair"),
    QT_TRANSLATE_NOOP("Labelled", "Social worker"),
    QT_TRANSLATE_NOOP("Labelled", "Professional"),
    QT_TRANSLATE_NOOP("Labelled", "Community partner"),
    QT_TRANSLATE_NOOP("Labelled", "Minute taker"),
    # AgencyKind
    QT_TRANSLATE_NOOP("Labelled", "Children's social care"),
    QT_TRANSLATE_NOOP("Labelled", "School or college"),
    QT_TRANSLATE_NOOP("Labelled", "Police"),
    QT_TRANSLATE_NOOP("Labelled", "Health"),
    QT_TRANSLATE_NOOP("Labelled", "Youth justice"),
    QT_TRANSLATE_NOOP("Labelled", "Youth work"),
    QT_TRANSLATE_NOOP("Labelled", "Housing"),
    QT_TRANSLATE_NOOP("Labelled", "Community"),
    QT_TRANSLATE_NOOP("Labelled", "Other"),
    # Gender
    QT_TRANSLATE_NOOP("Labelled", "Female"),
    QT_TRANSLATE_NOOP("Labelled", "Male"),
    QT_TRANSLATE_NOOP("Labelled", "Another gender"),
    QT_TRANSLATE_NOOP("Labelled", "Prefers not to say"),
    QT_TRANSLATE_NOOP("Labelled", "Not known"),
    # Safety
    QT_TRANSLATE_NOOP("Labelled", "Not yet known"),
    QT_TRANSLATE_NOOP("Labelled", "Safe"),
    QT_TRANSLATE_NOOP("Labelled", "Mixed"),
    QT_TRANSLATE_NOOP("Labelled", "Unsafe"),
    # ProfileKind
    QT_TRANSLATE_NOOP("Labelled", "Strength"),
    QT_TRANSLATE_NOOP("Labelled", "Interest"),
    QT_TRANSLATE_NOOP("Labelled", "What matters to them"),
    QT_TRANSLATE_NOOP("Labelled", "How people describe them"),
    # VoiceSpeaker
    # VoiceChannel
    QT_TRANSLATE_NOOP("Labelled", "In person"),
    QT_TRANSLATE_NOOP("Labelled", "Typed on the shared screen"),
    QT_TRANSLATE_NOOP("Labelled", "Letter or written words"),
    QT_TRANSLATE_NOOP("Labelled", "Drawing"),
    QT_TRANSLATE_NOOP("Labelled", "Through an app or message"),
    QT_TRANSLATE_NOOP("Labelled", "Through an advocate"),
    QT_TRANSLATE_NOOP("Labelled", "Through a worker"),
    # VoiceKind
    QT_TRANSLATE_NOOP("Labelled", "View"),
    QT_TRANSLATE_NOOP("Labelled", "What they want to happen"),
    QT_TRANSLATE_NOOP("Labelled", "Correction to a report"),
    QT_TRANSLATE_NOOP("Labelled", "Their own safety efforts"),
    # InfoNature
    QT_TRANSLATE_NOOP("Labelled", "Fact"),
    QT_TRANSLATE_NOOP("Labelled", "Opinion"),
    QT_TRANSLATE_NOOP("Labelled", "Reported (say by whom)"),
    # NeedStatus
    QT_TRANSLATE_NOOP("Labelled", "Not assessed"),
    QT_TRANSLATE_NOOP("Labelled", "Unmet"),
    QT_TRANSLATE_NOOP("Labelled", "Partly met"),
    QT_TRANSLATE_NOOP("Labelled", "Met"),
    # HarmTiming
    QT_TRANSLATE_NOOP("Labelled", "Harm already suffered"),
    QT_TRANSLATE_NOOP("Labelled", "Likely harm"),
    # HarmCategory
    QT_TRANSLATE_NOOP("Labelled", "Physical"),
    QT_TRANSLATE_NOOP("Labelled", "Emotional"),
    QT_TRANSLATE_NOOP("Labelled", "Sexual"),
    QT_TRANSLATE_NOOP("Labelled", "Neglect"),
    QT_TRANSLATE_NOOP("Labelled", "Multiple"),
    # ConferenceOutcome
    QT_TRANSLATE_NOOP("Labelled", "ROTH child protection plan"),
    QT_TRANSLATE_NOOP("Labelled", "Child protection plan (traditional)"),
    QT_TRANSLATE_NOOP("Labelled", "No further action"),
    # ViewPosition
    QT_TRANSLATE_NOOP("Labelled", "Agrees"),
    QT_TRANSLATE_NOOP("Labelled", "Disagrees (dissent)"),
    QT_TRANSLATE_NOOP("Labelled", "Not sure"),
    # PlanHeading
    QT_TRANSLATE_NOOP("Labelled", "The young person's needs"),
    QT_TRANSLATE_NOOP("Labelled", "Guardianship in places and groups outside the family"),
    QT_TRANSLATE_NOOP("Labelled", "The wider environment"),
    # GoalProgress
    QT_TRANSLATE_NOOP("Labelled", "New"),
    QT_TRANSLATE_NOOP("Labelled", "Carried forward"),
    QT_TRANSLATE_NOOP("Labelled", "Progressing"),
    QT_TRANSLATE_NOOP("Labelled", "Achieved"),
    QT_TRANSLATE_NOOP("Labelled", "Stopped"),
    # ActionStatus
    QT_TRANSLATE_NOOP("Labelled", "Not started"),
    QT_TRANSLATE_NOOP("Labelled", "In progress"),
    QT_TRANSLATE_NOOP("Labelled", "Done"),
    QT_TRANSLATE_NOOP("Labelled", "Not done"),
    # TransitionRoute
    QT_TRANSLATE_NOOP("Labelled", "Not relevant"),
    QT_TRANSLATE_NOOP("Labelled", "To discuss"),
    QT_TRANSLATE_NOOP("Labelled", "Referred"),
    QT_TRANSLATE_NOOP("Labelled", "In place"),
    # DeadlineKind
    QT_TRANSLATE_NOOP("Labelled", "First core group"),
    QT_TRANSLATE_NOOP("Labelled", "Interim review"),
    QT_TRANSLATE_NOOP("Labelled", "Visit"),
    QT_TRANSLATE_NOOP("Labelled", "Plan action"),
    QT_TRANSLATE_NOOP("Labelled", "Turns 18"),
    # DueState
    QT_TRANSLATE_NOOP("Labelled", "Overdue"),
    QT_TRANSLATE_NOOP("Labelled", "Due today"),
    QT_TRANSLATE_NOOP("Labelled", "Due soon"),
    QT_TRANSLATE_NOOP("Labelled", "Upcoming"),
    QT_TRANSLATE_NOOP("Labelled", "Late: say why"),
)


def choices_of(enum_cls: type[Labelled]) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum_cls]


def young_person() -> list[FieldSpec]:
    ethnicity = [(c.code, c.label) for c in ethnicity_codes().codes]
    return [
        FieldSpec("first_name", QT_TRANSLATE_NOOP("FieldSpec", "First name")),
        FieldSpec("last_name", QT_TRANSLATE_NOOP("FieldSpec", "Last name")),
        FieldSpec(
            "preferred_name",
            QT_TRANSLATE_NOOP("FieldSpec", "Preferred name"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "What they like to be called"),
        ),
        FieldSpec("date_of_birth", QT_TRANSLATE_NOOP("FieldSpec", "Date of birth"), "date"),
        FieldSpec("gender", QT_TRANSLATE_NOOP("FieldSpec", "Gender"), "choice", choices_of(Gender)),
        FieldSpec(
            "ethnicity_code",
            QT_TRANSLATE_NOOP("FieldSpec", "Ethnicity"),
            "choice",
            ethnicity,
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "DfE ethnicity code, as the young person describes themself"
            ),
        ),
        FieldSpec("first_language", QT_TRANSLATE_NOOP("FieldSpec", "First language")),
        FieldSpec(
            "communication_needs",
            QT_TRANSLATE_NOOP("FieldSpec", "Communication needs"),
            "multiline",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "What helps them take part: interpreter, short questions, breaks"
            ),
        ),
        FieldSpec(
            "nhs_number",
            QT_TRANSLATE_NOOP("FieldSpec", "NHS number"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "Optional; 10 digits"),
        ),
        FieldSpec(
            "local_id",
            QT_TRANSLATE_NOOP("FieldSpec", "Local ID"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "The case management system's reference"),
        ),
    ]


NEW_YOUNG_PERSON = ("first_name", "last_name", "preferred_name", "date_of_birth", "gender")


def family_member() -> list[FieldSpec]:
    return [
        FieldSpec("name", QT_TRANSLATE_NOOP("FieldSpec", "Name")),
        FieldSpec(
            "relationship_to_young_person",
            QT_TRANSLATE_NOOP("FieldSpec", "Relationship"),
            help=QT_TRANSLATE_NOOP(
                "FieldSpec",
                "How they are related to the young person, e.g. Mum, Grandad, Foster carer",
            ),
        ),
        FieldSpec(
            "parental_responsibility",
            QT_TRANSLATE_NOOP("FieldSpec", "Has parental responsibility"),
            "bool",
        ),
        FieldSpec(
            "plan_partner",
            QT_TRANSLATE_NOOP("FieldSpec", "Partner in the plan"),
            "bool",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Parents and carers are partners in a ROTH plan, not its subject"
            ),
        ),
        FieldSpec("phone", QT_TRANSLATE_NOOP("FieldSpec", "Phone")),
        FieldSpec("email", QT_TRANSLATE_NOOP("FieldSpec", "Email")),
        FieldSpec("address", QT_TRANSLATE_NOOP("FieldSpec", "Address"), "multiline"),
        FieldSpec("notes", QT_TRANSLATE_NOOP("FieldSpec", "Notes"), "multiline"),
    ]


def case() -> list[FieldSpec]:
    return [
        FieldSpec(
            "pathway",
            QT_TRANSLATE_NOOP("FieldSpec", "Pathway"),
            "choice",
            choices_of(Pathway),
            read_only=True,
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Change the pathway with Transfer pathway, so the reason is kept"
            ),
        ),
        FieldSpec("opened_on", QT_TRANSLATE_NOOP("FieldSpec", "Opened on"), "date"),
        FieldSpec(
            "strategy_discussion_on",
            QT_TRANSLATE_NOOP("FieldSpec", "Strategy discussion"),
            "date",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "The initial conference is due within 15 working days of this"
            ),
        ),
        FieldSpec("closed_on", QT_TRANSLATE_NOOP("FieldSpec", "Closed on"), "date"),
    ]


def new_case() -> list[FieldSpec]:
    pathway = FieldSpec(
        "pathway", QT_TRANSLATE_NOOP("FieldSpec", "Pathway"), "choice", choices_of(Pathway)
    )
    return [pathway, *[spec for spec in case() if spec.name != "pathway"]]


def transfer() -> list[FieldSpec]:
    return [
        FieldSpec(
            "to_pathway", QT_TRANSLATE_NOOP("FieldSpec", "Move to"), "choice", choices_of(Pathway)
        ),
        FieldSpec("transferred_on", QT_TRANSLATE_NOOP("FieldSpec", "Date of transfer"), "date"),
        FieldSpec(
            "reason",
            QT_TRANSLATE_NOOP("FieldSpec", "Reason"),
            "multiline",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "For example: the home is now the main source of risk"
            ),
        ),
    ]


def conference(chairs: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec(
            "kind", QT_TRANSLATE_NOOP("FieldSpec", "Type"), "choice", choices_of(ConferenceKind)
        ),
        FieldSpec("starts_at", QT_TRANSLATE_NOOP("FieldSpec", "Date and time"), "datetime"),
        FieldSpec("location", QT_TRANSLATE_NOOP("FieldSpec", "Where")),
        FieldSpec(
            "chair_id",
            QT_TRANSLATE_NOOP("FieldSpec", "Chair"),
            "choice",
            [("", QT_TRANSLATE_NOOP("FieldSpec", "Not chosen yet")), *chairs],
        ),
        FieldSpec(
            "status",
            QT_TRANSLATE_NOOP("FieldSpec", "Status"),
            "choice",
            choices_of(ConferenceStatus),
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Agreed once the conference has taken place and the record is final"
            ),
        ),
        FieldSpec(
            "interim_review_reason",
            QT_TRANSLATE_NOOP("FieldSpec", "Interim review reason"),
            "multiline",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec",
                "For a complex case: why an interim review at 15 working days is needed. "
                "Leave empty if none.",
            ),
        ),
    ]


def attendance() -> list[FieldSpec]:
    return [
        FieldSpec("name", QT_TRANSLATE_NOOP("FieldSpec", "Name")),
        FieldSpec(
            "role", QT_TRANSLATE_NOOP("FieldSpec", "Role"), "choice", choices_of(AttendeeRole)
        ),
        FieldSpec("organisation", QT_TRANSLATE_NOOP("FieldSpec", "Organisation")),
        FieldSpec(
            "status",
            QT_TRANSLATE_NOOP("FieldSpec", "Attendance"),
            "choice",
            choices_of(AttendanceStatus),
        ),
        FieldSpec(
            "arrived_at",
            QT_TRANSLATE_NOOP("FieldSpec", "Arrived"),
            "datetime",
            help=QT_TRANSLATE_NOOP("FieldSpec", "Only if they came late"),
        ),
        FieldSpec(
            "left_at",
            QT_TRANSLATE_NOOP("FieldSpec", "Left"),
            "datetime",
            help=QT_TRANSLATE_NOOP("FieldSpec", "Only if they left early"),
        ),
    ]


def case_professional(professionals: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec(
            "professional_id",
            QT_TRANSLATE_NOOP("FieldSpec", "Professional"),
            "choice",
            professionals,
        ),
        FieldSpec(
            "role_in_case",
            QT_TRANSLATE_NOOP("FieldSpec", "Their part in this case"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "e.g. School, Police, Health"),
        ),
    ]


def professional(agencies: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec("name", QT_TRANSLATE_NOOP("FieldSpec", "Name")),
        FieldSpec("job_title", QT_TRANSLATE_NOOP("FieldSpec", "Job title")),
        FieldSpec("agency_id", QT_TRANSLATE_NOOP("FieldSpec", "Agency"), "choice", agencies),
        FieldSpec("email", QT_TRANSLATE_NOOP("FieldSpec", "Email")),
        FieldSpec("phone", QT_TRANSLATE_NOOP("FieldSpec", "Phone")),
    ]


def agency() -> list[FieldSpec]:
    return [
        FieldSpec("name", QT_TRANSLATE_NOOP("FieldSpec", "Agency name")),
        FieldSpec("kind", QT_TRANSLATE_NOOP("FieldSpec", "Kind"), "choice", choices_of(AgencyKind)),
    ]


def visit(professionals: list[tuple[str, str]]) -> list[FieldSpec]:
    return [
        FieldSpec(
            "visited_on",
            QT_TRANSLATE_NOOP("FieldSpec", "Date of visit"),
            "date",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "The day of the visit; the next one falls due from it"
            ),
        ),
        FieldSpec(
            "place",
            QT_TRANSLATE_NOOP("FieldSpec", "Where"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "e.g. Home, school, the youth club, a café"),
        ),
        FieldSpec(
            "who_seen",
            QT_TRANSLATE_NOOP("FieldSpec", "Who was seen"),
            help=QT_TRANSLATE_NOOP("FieldSpec", "e.g. The young person and Mum"),
        ),
        FieldSpec(
            "young_person_seen",
            QT_TRANSLATE_NOOP("FieldSpec", "Young person seen"),
            "bool",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Untick if they were not seen: a visit without them does not count"
            ),
        ),
        FieldSpec(
            "seen_alone",
            QT_TRANSLATE_NOOP("FieldSpec", "Seen alone"),
            "bool",
            help=QT_TRANSLATE_NOOP("FieldSpec", "Seen without a parent or carer"),
        ),
        FieldSpec(
            "professional_id",
            QT_TRANSLATE_NOOP("FieldSpec", "Visited by"),
            "choice",
            [("", QT_TRANSLATE_NOOP("FieldSpec", "Not recorded")), *professionals],
        ),
        FieldSpec("notes", QT_TRANSLATE_NOOP("FieldSpec", "Notes"), "multiline"),
    ]


ROUTE_CHOICES = [
    ("", QT_TRANSLATE_NOOP("FieldSpec", "Not decided yet")),
    *choices_of(TransitionRoute),
]


def transition() -> list[FieldSpec]:
    return [
        FieldSpec(
            "transition_adult_services",
            QT_TRANSLATE_NOOP("FieldSpec", "Adult services"),
            "choice",
            ROUTE_CHOICES,
            help=QT_TRANSLATE_NOOP("FieldSpec", "Adult social care or adult safeguarding after 18"),
        ),
        FieldSpec(
            "transition_leaving_care",
            QT_TRANSLATE_NOOP("FieldSpec", "Leaving care"),
            "choice",
            ROUTE_CHOICES,
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Leaving care support, for a young person who has been looked after"
            ),
        ),
        FieldSpec(
            "transition_send",
            QT_TRANSLATE_NOOP("FieldSpec", "SEND 0–25"),
            "choice",
            ROUTE_CHOICES,
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Special educational needs support, which can continue to 25"
            ),
        ),
        FieldSpec(
            "continues_past_18",
            QT_TRANSLATE_NOOP("FieldSpec", "Plan continues past 18"),
            "bool",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Only where the local authority's timescales policy allows it"
            ),
        ),
        FieldSpec(
            "continues_past_18_reason",
            QT_TRANSLATE_NOOP("FieldSpec", "Why it continues"),
            "multiline",
            help=QT_TRANSLATE_NOOP(
                "FieldSpec", "Why the plan continues past 18 and which policy allows it"
            ),
        ),
    ]
