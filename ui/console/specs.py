"""Which fields each piece of conference content shows, in the words a chair uses.

Every function takes the console's language (``"en"`` or ``"cy"``) and returns
the fields already in it. The console's own words are marked
``QT_TRANSLATE_NOOP("ConsoleFields", ...)`` (lupdate files them in
``ui.console.specs.ts``) and looked up by :func:`_localised`; the labels of the
enums' choices are shared with every other window (the "Labelled" context of
``ui/record_specs.py``); words from the content pack (need questions, harm
types) come in the chosen language from the pack itself. Names from the records
(agencies, contexts, people) are never translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from roth_desktop.conference.console_data import ConsoleData
from roth_desktop.models import (
    ActionStatus,
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
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
from roth_desktop.models.enums import Labelled
from ui.forms import FieldSpec, translate_words
from ui.i18n import QT_TRANSLATE_NOOP, language

FIELDS = "ConsoleFields"

NONE = ("", QT_TRANSLATE_NOOP("ConsoleFields", "(none)"))
YES_NO = [
    ("", QT_TRANSLATE_NOOP("ConsoleFields", "Not decided yet")),
    ("yes", QT_TRANSLATE_NOOP("ConsoleFields", "Yes")),
    ("no", QT_TRANSLATE_NOOP("ConsoleFields", "No")),
]
NOT_ASKED = ("", QT_TRANSLATE_NOOP("ConsoleFields", "Not asked"))

# Every enum whose labels the console shows. Their words are translated in the
# "Labelled" context of ui/record_specs.py, shared with every other window.
SHOWN_ENUMS: tuple[type[Labelled], ...] = (
    ConferenceKind,
    AttendanceStatus,
    AttendeeRole,
    Safety,
    ProfileKind,
    VoiceSpeaker,
    VoiceChannel,
    VoiceKind,
    InfoNature,
    NeedStatus,
    HarmCategory,
    ConferenceOutcome,
    ViewPosition,
    PlanHeading,
    GoalProgress,
    ActionStatus,
)


def choice_label(member: Labelled, code: str) -> str:
    """An enum member's label in the language ``code``."""
    return translate_words(code, member.label)


def choices(enum_cls: type[Labelled], code: str) -> list[tuple[str, str]]:
    return [(member.value, choice_label(member, code)) for member in enum_cls]


def word(text: str, code: str) -> str:
    """One of the marked words above (or a pack's own word, unchanged)."""
    return language(code).translate(FIELDS, text)


_FIXED_CHOICES = frozenset({NONE[1], NOT_ASKED[1], *(text for _value, text in YES_NO)})


def _localised(specs: Sequence[FieldSpec], code: str) -> list[FieldSpec]:
    """Labels, help and the fixed choices in ``code``; names from the records stay as they are."""
    lang = language(code)
    return [
        replace(
            spec,
            label=lang.translate(FIELDS, spec.label),
            help=lang.translate(FIELDS, spec.help) if spec.help else "",
            choices=[
                (value, lang.translate(FIELDS, text) if text in _FIXED_CHOICES else text)
                for value, text in spec.choices
            ],
        )
        for spec in specs
    ]


def profile_item(code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec(
                "kind",
                QT_TRANSLATE_NOOP("ConsoleFields", "Kind"),
                "choice",
                choices(ProfileKind, code),
            ),
            FieldSpec(
                "text",
                QT_TRANSLATE_NOOP("ConsoleFields", "What"),
                "multiline",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "In the words people used"),
            ),
            FieldSpec(
                "said_by",
                QT_TRANSLATE_NOOP("ConsoleFields", "Said by"),
                help=QT_TRANSLATE_NOOP("ConsoleFields", "Who described them this way"),
            ),
        ],
        code,
    )


def voice(data: ConsoleData, code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec(
                "speaker",
                QT_TRANSLATE_NOOP("ConsoleFields", "Whose words"),
                "choice",
                choices(VoiceSpeaker, code),
            ),
            FieldSpec(
                "family_member_id",
                QT_TRANSLATE_NOOP("ConsoleFields", "Which parent or carer"),
                "choice",
                [NONE, *data.family],
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields", "Each parent or carer keeps their own voice"
                ),
            ),
            FieldSpec(
                "channel",
                QT_TRANSLATE_NOOP("ConsoleFields", "How they were given"),
                "choice",
                choices(VoiceChannel, code),
            ),
            FieldSpec(
                "relayed_by",
                QT_TRANSLATE_NOOP("ConsoleFields", "Passed on by"),
                help=QT_TRANSLATE_NOOP("ConsoleFields", "The advocate or worker, if not in person"),
            ),
            FieldSpec(
                "kind",
                QT_TRANSLATE_NOOP("ConsoleFields", "What it is"),
                "choice",
                choices(VoiceKind, code),
            ),
            FieldSpec(
                "words",
                QT_TRANSLATE_NOOP("ConsoleFields", "Their words"),
                "multiline",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "Verbatim: exactly as they said it"),
            ),
        ]
        # In the room words are stamped as they are said; a worker writing up a visit
        # records when they were said, which is often not when they are typed.
        + (
            [
                FieldSpec(
                    "said_at",
                    QT_TRANSLATE_NOOP("ConsoleFields", "When they said it"),
                    "datetime",
                )
            ]
            if data.owner_field == "assessment_id"
            else []
        ),
        code,
    )


def context_area(code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec(
                "name",
                QT_TRANSLATE_NOOP("ConsoleFields", "Name"),
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields", "A place, group or space: e.g. Fernleigh bus station"
                ),
            ),
            FieldSpec(
                "safety",
                QT_TRANSLATE_NOOP("ConsoleFields", "Safe or unsafe"),
                "choice",
                choices(Safety, code),
            ),
            FieldSpec(
                "makes_safe", QT_TRANSLATE_NOOP("ConsoleFields", "What makes it safe"), "multiline"
            ),
            FieldSpec(
                "makes_unsafe",
                QT_TRANSLATE_NOOP("ConsoleFields", "What makes it unsafe"),
                "multiline",
            ),
            FieldSpec(
                "guardians",
                QT_TRANSLATE_NOOP("ConsoleFields", "Guardians and trusted adults"),
                "multiline",
            ),
            FieldSpec(
                "peer_initials",
                QT_TRANSLATE_NOOP("ConsoleFields", "Peers (initials only)"),
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields",
                    "Other young people are recorded by initials only, e.g. J.B., KT",
                ),
            ),
            FieldSpec(
                "referred_to_context_meeting",
                QT_TRANSLATE_NOOP("ConsoleFields", "Refer to a context meeting"),
                "bool",
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields",
                    "For a place, group or school where safety must be built with others",
                ),
            ),
        ],
        code,
    )


def context_link(data: ConsoleData, code: str) -> list[FieldSpec]:
    contexts = [(c["id"], c["name"]) for c in data.contexts]
    return _localised(
        [
            FieldSpec("source_id", QT_TRANSLATE_NOOP("ConsoleFields", "From"), "choice", contexts),
            FieldSpec(
                "target_id", QT_TRANSLATE_NOOP("ConsoleFields", "Affects"), "choice", contexts
            ),
            FieldSpec(
                "label",
                QT_TRANSLATE_NOOP("ConsoleFields", "How"),
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields", "e.g. exclusion → more time in the town centre"
                ),
            ),
            FieldSpec(
                "restricted",
                QT_TRANSLATE_NOOP("ConsoleFields", "Restricted"),
                "bool",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "Keep off the family's screen"),
            ),
        ],
        code,
    )


def partner_item(data: ConsoleData, code: str) -> list[FieldSpec]:
    contexts = [NONE, *((c["id"], c["name"]) for c in data.contexts)]
    return _localised(
        [
            FieldSpec(
                "agency_id",
                QT_TRANSLATE_NOOP("ConsoleFields", "Agency"),
                "choice",
                [NONE, *data.agencies],
            ),
            FieldSpec(
                "context_id",
                QT_TRANSLATE_NOOP("ConsoleFields", "About which context"),
                "choice",
                contexts,
            ),
            FieldSpec(
                "nature",
                QT_TRANSLATE_NOOP("ConsoleFields", "Fact, opinion or reported"),
                "choice",
                choices(InfoNature, code),
            ),
            FieldSpec(
                "source",
                QT_TRANSLATE_NOOP("ConsoleFields", "Source"),
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields", "Who reported it, for reported information"
                ),
            ),
            FieldSpec(
                "agency_decision",
                QT_TRANSLATE_NOOP("ConsoleFields", "The agency's own decision"),
                "bool",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "e.g. an exclusion or an arrest"),
            ),
            FieldSpec("text", QT_TRANSLATE_NOOP("ConsoleFields", "Information"), "multiline"),
            FieldSpec(
                "restricted",
                QT_TRANSLATE_NOOP("ConsoleFields", "Restricted"),
                "bool",
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields",
                    "Never shown on the family's screen or in their copy "
                    "(police material, other young people)",
                ),
            ),
        ],
        code,
    )


def harm_entry(data: ConsoleData, code: str) -> list[FieldSpec]:
    types = [(h.key, h.label(code)) for h in data.pack.harm_types]
    return _localised(
        [
            FieldSpec(
                "harm_type", QT_TRANSLATE_NOOP("ConsoleFields", "Type of harm"), "choice", types
            ),
            FieldSpec("description", QT_TRANSLATE_NOOP("ConsoleFields", "What"), "multiline"),
            FieldSpec(
                "restricted",
                QT_TRANSLATE_NOOP("ConsoleFields", "Restricted"),
                "bool",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "Keep off the family's screen"),
            ),
        ],
        code,
    )


def decision(code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec(
                "significant_harm",
                QT_TRANSLATE_NOOP("ConsoleFields", "At risk of significant harm"),
                "choice",
                YES_NO,
            ),
            FieldSpec(
                "harm_category",
                QT_TRANSLATE_NOOP("ConsoleFields", "Category"),
                "choice",
                [NONE, *choices(HarmCategory, code)],
            ),
            FieldSpec(
                "outside_home",
                QT_TRANSLATE_NOOP("ConsoleFields", "Outside the home"),
                "bool",
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields", "The harm comes mainly from outside the family"
                ),
            ),
            FieldSpec(
                "outcome",
                QT_TRANSLATE_NOOP("ConsoleFields", "Pathway"),
                "choice",
                [NONE, *choices(ConferenceOutcome, code)],
            ),
            FieldSpec(
                "young_person_view",
                QT_TRANSLATE_NOOP("ConsoleFields", "The young person's view"),
                "multiline",
            ),
            FieldSpec(
                "family_view", QT_TRANSLATE_NOOP("ConsoleFields", "The family's view"), "multiline"
            ),
        ],
        code,
    )


def decision_view(code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec("name", QT_TRANSLATE_NOOP("ConsoleFields", "Name")),
            FieldSpec("organisation", QT_TRANSLATE_NOOP("ConsoleFields", "Agency or role")),
            FieldSpec(
                "position",
                QT_TRANSLATE_NOOP("ConsoleFields", "View"),
                "choice",
                choices(ViewPosition, code),
            ),
            FieldSpec(
                "reasons",
                QT_TRANSLATE_NOOP("ConsoleFields", "Reasons"),
                "multiline",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "Always record the reasons for dissent"),
            ),
        ],
        code,
    )


def plan_goal(code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec(
                "heading",
                QT_TRANSLATE_NOOP("ConsoleFields", "Heading"),
                "choice",
                choices(PlanHeading, code),
            ),
            FieldSpec(
                "text",
                QT_TRANSLATE_NOOP("ConsoleFields", "Goal"),
                "multiline",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "What will be different, in plain words"),
            ),
            FieldSpec(
                "progress",
                QT_TRANSLATE_NOOP("ConsoleFields", "Progress"),
                "choice",
                choices(GoalProgress, code),
            ),
        ],
        code,
    )


def plan_action(data: ConsoleData, code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec("what", QT_TRANSLATE_NOOP("ConsoleFields", "What"), "multiline"),
            FieldSpec(
                "agency_id",
                QT_TRANSLATE_NOOP("ConsoleFields", "Agency"),
                "choice",
                [NONE, *data.agencies],
            ),
            FieldSpec(
                "professional_id",
                QT_TRANSLATE_NOOP("ConsoleFields", "Professional"),
                "choice",
                [NONE, *data.professionals],
            ),
            FieldSpec(
                "person",
                QT_TRANSLATE_NOOP("ConsoleFields", "Or person"),
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields", "A parent, coach or anyone not in the list"
                ),
            ),
            FieldSpec("due_on", QT_TRANSLATE_NOOP("ConsoleFields", "By when"), "date"),
            FieldSpec(
                "how_we_know", QT_TRANSLATE_NOOP("ConsoleFields", "How we will know"), "multiline"
            ),
            FieldSpec(
                "status",
                QT_TRANSLATE_NOOP("ConsoleFields", "Status"),
                "choice",
                choices(ActionStatus, code),
            ),
        ],
        code,
    )


def next_steps(code: str) -> list[FieldSpec]:
    return _localised(
        [
            FieldSpec(
                "core_group_on", QT_TRANSLATE_NOOP("ConsoleFields", "Core group meets"), "date"
            ),
            FieldSpec(
                "review_on",
                QT_TRANSLATE_NOOP("ConsoleFields", "Review conference"),
                "date",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "Often 6 weeks"),
            ),
            FieldSpec(
                "visit_frequency",
                QT_TRANSLATE_NOOP("ConsoleFields", "Visits"),
                help=QT_TRANSLATE_NOOP("ConsoleFields", "e.g. Weekly"),
            ),
            FieldSpec(
                "transition_notes",
                QT_TRANSLATE_NOOP("ConsoleFields", "Transition planning"),
                "multiline",
                help=QT_TRANSLATE_NOOP(
                    "ConsoleFields", "For a young person of 17 or over: support beyond 18"
                ),
            ),
        ],
        code,
    )


def need(data: ConsoleData, area_key: str, code: str) -> list[FieldSpec]:
    before = _localised(
        [
            FieldSpec(
                "status",
                QT_TRANSLATE_NOOP("ConsoleFields", "Met?"),
                "choice",
                choices(NeedStatus, code),
            ),
            FieldSpec("summary", QT_TRANSLATE_NOOP("ConsoleFields", "Summary"), "multiline"),
        ],
        code,
    )
    not_asked = (NOT_ASKED[0], word(NOT_ASKED[1], code))
    yes_no = [not_asked, *((value, word(text, code)) for value, text in YES_NO[1:])]
    # The pack's questions come in the chosen language already.
    questions: list[FieldSpec] = []
    area = data.pack.need(area_key)
    for question in area.questions if area else ():
        name = f"q__{question.key}"
        label = question.label(code)
        if question.type == "bool":
            questions.append(FieldSpec(name, label, "choice", yes_no))
        elif question.type == "choice":
            options = [(c.key, c.label(code)) for c in question.choices]
            questions.append(FieldSpec(name, label, "choice", [not_asked, *options]))
        elif question.type == "date":
            questions.append(FieldSpec(name, label, "date"))
        else:
            questions.append(FieldSpec(name, label, "text"))
    after = _localised(
        [
            FieldSpec("responsible", QT_TRANSLATE_NOOP("ConsoleFields", "Who is responsible")),
            FieldSpec(
                "responsible_agency_id",
                QT_TRANSLATE_NOOP("ConsoleFields", "Responsible agency"),
                "choice",
                [NONE, *data.agencies],
            ),
            FieldSpec(
                "escalation",
                QT_TRANSLATE_NOOP("ConsoleFields", "Escalation"),
                "multiline",
                help=QT_TRANSLATE_NOOP("ConsoleFields", "If it is not met in time"),
            ),
        ],
        code,
    )
    return [*before, *questions, *after]
