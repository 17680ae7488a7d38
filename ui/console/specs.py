"""Which fields each piece of conference content shows, in the words a chair uses."""

from __future__ import annotations

from roth_desktop.conference.console_data import ConsoleData
from roth_desktop.models import (
    ActionStatus,
    ConferenceOutcome,
    GoalProgress,
    HarmCategory,
    InfoNature,
    NeedStatus,
    PlanHeading,
    ProfileKind,
    Safety,
    ViewPosition,
    VoiceChannel,
    VoiceKind,
    VoiceSpeaker,
)
from ui.forms import FieldSpec
from ui.record_specs import choices_of

NONE = ("", "(none)")
YES_NO = [("", "Not decided yet"), ("yes", "Yes"), ("no", "No")]


def profile_item() -> list[FieldSpec]:
    return [
        FieldSpec("kind", "Kind", "choice", choices_of(ProfileKind)),
        FieldSpec("text", "What", "multiline", help="In the words people used"),
        FieldSpec("said_by", "Said by", help="Who described them this way"),
    ]


def voice(data: ConsoleData) -> list[FieldSpec]:
    return [
        FieldSpec("speaker", "Whose words", "choice", choices_of(VoiceSpeaker)),
        FieldSpec(
            "family_member_id",
            "Which parent or carer",
            "choice",
            [NONE, *data.family],
            help="Each parent or carer keeps their own voice",
        ),
        FieldSpec("channel", "How they were given", "choice", choices_of(VoiceChannel)),
        FieldSpec("relayed_by", "Passed on by", help="The advocate or worker, if not in person"),
        FieldSpec("kind", "What it is", "choice", choices_of(VoiceKind)),
        FieldSpec("words", "Their words", "multiline", help="Verbatim: exactly as they said it"),
    ]


def context_area() -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name", help="A place, group or space: e.g. Fernleigh bus station"),
        FieldSpec("safety", "Safe or unsafe", "choice", choices_of(Safety)),
        FieldSpec("makes_safe", "What makes it safe", "multiline"),
        FieldSpec("makes_unsafe", "What makes it unsafe", "multiline"),
        FieldSpec("guardians", "Guardians and trusted adults", "multiline"),
        FieldSpec(
            "peer_initials",
            "Peers (initials only)",
            help="Other young people are recorded by initials only, e.g. J.B., KT",
        ),
        FieldSpec(
            "referred_to_context_meeting",
            "Refer to a context meeting",
            "bool",
            help="For a place, group or school where safety must be built with others",
        ),
    ]


def context_link(data: ConsoleData) -> list[FieldSpec]:
    contexts = [(c["id"], c["name"]) for c in data.contexts]
    return [
        FieldSpec("source_id", "From", "choice", contexts),
        FieldSpec("target_id", "Affects", "choice", contexts),
        FieldSpec("label", "How", help="e.g. exclusion → more time in the town centre"),
        FieldSpec("restricted", "Restricted", "bool", help="Keep off the family's screen"),
    ]


def partner_item(data: ConsoleData) -> list[FieldSpec]:
    contexts = [NONE, *((c["id"], c["name"]) for c in data.contexts)]
    return [
        FieldSpec("agency_id", "Agency", "choice", [NONE, *data.agencies]),
        FieldSpec("context_id", "About which context", "choice", contexts),
        FieldSpec("nature", "Fact, opinion or reported", "choice", choices_of(InfoNature)),
        FieldSpec("source", "Source", help="Who reported it, for reported information"),
        FieldSpec(
            "agency_decision",
            "The agency's own decision",
            "bool",
            help="e.g. an exclusion or an arrest",
        ),
        FieldSpec("text", "Information", "multiline"),
        FieldSpec(
            "restricted",
            "Restricted",
            "bool",
            help="Never shown on the family's screen or in their copy "
            "(police material, other young people)",
        ),
    ]


def harm_entry(data: ConsoleData) -> list[FieldSpec]:
    types = [(h.key, h.label("en")) for h in data.pack.harm_types]
    return [
        FieldSpec("harm_type", "Type of harm", "choice", types),
        FieldSpec("description", "What", "multiline"),
        FieldSpec("restricted", "Restricted", "bool", help="Keep off the family's screen"),
    ]


def decision() -> list[FieldSpec]:
    return [
        FieldSpec("significant_harm", "At risk of significant harm", "choice", YES_NO),
        FieldSpec("harm_category", "Category", "choice", [NONE, *choices_of(HarmCategory)]),
        FieldSpec(
            "outside_home",
            "Outside the home",
            "bool",
            help="The harm comes mainly from outside the family",
        ),
        FieldSpec("outcome", "Pathway", "choice", [NONE, *choices_of(ConferenceOutcome)]),
        FieldSpec("young_person_view", "The young person's view", "multiline"),
        FieldSpec("family_view", "The family's view", "multiline"),
    ]


def decision_view() -> list[FieldSpec]:
    return [
        FieldSpec("name", "Name"),
        FieldSpec("organisation", "Agency or role"),
        FieldSpec("position", "View", "choice", choices_of(ViewPosition)),
        FieldSpec("reasons", "Reasons", "multiline", help="Always record the reasons for dissent"),
    ]


def plan_goal() -> list[FieldSpec]:
    return [
        FieldSpec("heading", "Heading", "choice", choices_of(PlanHeading)),
        FieldSpec("text", "Goal", "multiline", help="What will be different, in plain words"),
        FieldSpec("progress", "Progress", "choice", choices_of(GoalProgress)),
    ]


def plan_action(data: ConsoleData) -> list[FieldSpec]:
    return [
        FieldSpec("what", "What", "multiline"),
        FieldSpec("agency_id", "Agency", "choice", [NONE, *data.agencies]),
        FieldSpec("professional_id", "Professional", "choice", [NONE, *data.professionals]),
        FieldSpec("person", "Or person", help="A parent, coach or anyone not in the list"),
        FieldSpec("due_on", "By when", "date"),
        FieldSpec("how_we_know", "How we will know", "multiline"),
        FieldSpec("status", "Status", "choice", choices_of(ActionStatus)),
    ]


def next_steps() -> list[FieldSpec]:
    return [
        FieldSpec("core_group_on", "Core group meets", "date"),
        FieldSpec("review_on", "Review conference", "date", help="Often 6 weeks"),
        FieldSpec("visit_frequency", "Visits", help="e.g. Weekly"),
        FieldSpec(
            "transition_notes",
            "Transition planning",
            "multiline",
            help="For a young person of 17 or over: support beyond 18",
        ),
    ]


def need(data: ConsoleData, area_key: str) -> list[FieldSpec]:
    specs = [
        FieldSpec("status", "Met?", "choice", choices_of(NeedStatus)),
        FieldSpec("summary", "Summary", "multiline"),
    ]
    area = data.pack.need(area_key)
    for question in area.questions if area else ():
        name = f"q__{question.key}"
        label = question.label("en")
        if question.type == "bool":
            specs.append(FieldSpec(name, label, "choice", [("", "Not asked"), *YES_NO[1:]]))
        elif question.type == "choice":
            choices = [(c.key, c.label("en")) for c in question.choices]
            specs.append(FieldSpec(name, label, "choice", [("", "Not asked"), *choices]))
        elif question.type == "date":
            specs.append(FieldSpec(name, label, "date"))
        else:
            specs.append(FieldSpec(name, label, "text"))
    specs += [
        FieldSpec("responsible", "Who is responsible"),
        FieldSpec("responsible_agency_id", "Responsible agency", "choice", [NONE, *data.agencies]),
        FieldSpec("escalation", "Escalation", "multiline", help="If it is not met in time"),
    ]
    return specs
