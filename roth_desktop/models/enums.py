"""Fixed vocabularies of the domain, with the words people see for each."""

from __future__ import annotations

import enum


class Labelled(enum.StrEnum):
    @property
    def label(self) -> str:
        # Keyed by enum type as well as value: a StrEnum member equals its string, so
        # AttendeeRole.ADVOCATE and VoiceChannel.ADVOCATE would share one plain-dict key.
        return LABELS.get((type(self), self.value), self.value.replace("_", " ").capitalize())


class Pathway(Labelled):
    ROTH = "roth_child_protection"
    TRADITIONAL = "traditional_child_protection"
    CHILD_IN_NEED = "child_in_need"
    EARLY_HELP = "early_help"
    CLOSED = "closed"


class ConferenceKind(Labelled):
    INITIAL = "initial"
    REVIEW = "review"
    TRANSFER_IN = "transfer_in"


class ConferenceStatus(Labelled):
    DRAFT = "draft"
    AGREED = "agreed"


class AttendanceStatus(Labelled):
    INVITED = "invited"
    ATTENDED = "attended"
    PART_ATTENDED = "part_attended"
    APOLOGIES = "apologies"
    DID_NOT_ATTEND = "did_not_attend"


class AttendeeRole(Labelled):
    YOUNG_PERSON = "young_person"
    PARENT_CARER = "parent_carer"
    FAMILY_NETWORK = "family_network"
    ADVOCATE = "advocate"
    CHAIR = "chair"
    SOCIAL_WORKER = "social_worker"
    PROFESSIONAL = "professional"
    COMMUNITY_PARTNER = "community_partner"
    MINUTE_TAKER = "minute_taker"


class AgencyKind(Labelled):
    SOCIAL_CARE = "social_care"
    EDUCATION = "education"
    POLICE = "police"
    HEALTH = "health"
    YOUTH_JUSTICE = "youth_justice"
    YOUTH_WORK = "youth_work"
    HOUSING = "housing"
    COMMUNITY = "community"
    OTHER = "other"


class Gender(Labelled):
    FEMALE = "female"
    MALE = "male"
    ANOTHER = "another_gender"
    NOT_STATED = "not_stated"
    NOT_KNOWN = "not_known"


_LABELLED: list[tuple[enum.Enum, str]] = [
    (Pathway.ROTH, "ROTH child protection"),
    (Pathway.TRADITIONAL, "Child protection (family)"),
    (Pathway.CHILD_IN_NEED, "Child in need"),
    (Pathway.EARLY_HELP, "Early help"),
    (Pathway.CLOSED, "Closed"),
    (ConferenceKind.INITIAL, "Initial conference"),
    (ConferenceKind.REVIEW, "Review conference"),
    (ConferenceKind.TRANSFER_IN, "Transfer-in conference"),
    (AttendanceStatus.PART_ATTENDED, "Attended part"),
    (AttendanceStatus.DID_NOT_ATTEND, "Did not attend"),
    (AttendeeRole.PARENT_CARER, "Parent or carer"),
    (AttendeeRole.FAMILY_NETWORK, "Family or friend"),
    (AgencyKind.EDUCATION, "School or college"),
    (AgencyKind.YOUTH_JUSTICE, "Youth justice"),
    (AgencyKind.YOUTH_WORK, "Youth work"),
    (AgencyKind.SOCIAL_CARE, "Children's social care"),
    (Gender.ANOTHER, "Another gender"),
    (Gender.NOT_STATED, "Prefers not to say"),
    (Gender.NOT_KNOWN, "Not known"),
]


# -- the live conference -------------------------------------------------------------------


class Safety(Labelled):
    UNKNOWN = "unknown"
    SAFE = "safe"
    MIXED = "mixed"
    UNSAFE = "unsafe"


class ProfileKind(Labelled):
    STRENGTH = "strength"
    INTEREST = "interest"
    MATTERS = "matters"
    DESCRIBED_AS = "described_as"


class VoiceSpeaker(Labelled):
    YOUNG_PERSON = "young_person"
    PARENT_CARER = "parent_carer"
    FAMILY_NETWORK = "family_network"


class VoiceChannel(Labelled):
    IN_PERSON = "in_person"
    PARTICIPANT_SCREEN = "participant_screen"
    LETTER = "letter"
    DRAWING = "drawing"
    # A message, a text or an app such as Mind Of My Own: many young people say
    # more this way than across a table.
    APP = "app"
    ADVOCATE = "advocate"
    WORKER = "worker"


class VoiceKind(Labelled):
    VIEW = "view"
    WISH = "wish"
    CORRECTION = "correction"
    SAFETY_EFFORT = "safety_effort"


class InfoNature(Labelled):
    FACT = "fact"
    OPINION = "opinion"
    REPORTED = "reported"


class NeedStatus(Labelled):
    NOT_ASSESSED = "not_assessed"
    UNMET = "unmet"
    PARTLY_MET = "partly_met"
    MET = "met"


class HarmTiming(Labelled):
    SUFFERED = "suffered"
    LIKELY = "likely"


class HarmCategory(Labelled):
    PHYSICAL = "physical"
    EMOTIONAL = "emotional"
    SEXUAL = "sexual"
    NEGLECT = "neglect"
    MULTIPLE = "multiple"


class ConferenceOutcome(Labelled):
    ROTH_PLAN = "roth_plan"
    TRADITIONAL_PLAN = "traditional_plan"
    CHILD_IN_NEED = "child_in_need"
    EARLY_HELP = "early_help"
    NO_FURTHER_ACTION = "no_further_action"

    @property
    def pathway(self) -> Pathway:
        return OUTCOME_PATHWAY[self]


class ViewPosition(Labelled):
    AGREES = "agrees"
    DISAGREES = "disagrees"
    NOT_SURE = "not_sure"


class PlanHeading(Labelled):
    NEEDS = "needs"
    GUARDIANSHIP = "guardianship"
    ENVIRONMENT = "environment"


class GoalProgress(Labelled):
    NEW = "new"
    CARRIED_FORWARD = "carried_forward"
    PROGRESSING = "progressing"
    ACHIEVED = "achieved"
    STOPPED = "stopped"


class ActionStatus(Labelled):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"


class TransitionRoute(Labelled):
    """Where a route to adult support stands for a young person nearing 18."""

    NOT_RELEVANT = "not_relevant"
    TO_DISCUSS = "to_discuss"
    REFERRED = "referred"
    IN_PLACE = "in_place"


class DeadlineKind(Labelled):
    """Things that fall due on a case, each computed from the record, never typed in."""

    INITIAL_CONFERENCE = "initial_conference"
    CORE_GROUP = "core_group"
    INTERIM_REVIEW = "interim_review"
    REVIEW = "review"
    VISIT = "visit"
    ACTION = "action"
    TURNS_18 = "turns_18"


OUTCOME_PATHWAY: dict[ConferenceOutcome, Pathway] = {
    ConferenceOutcome.ROTH_PLAN: Pathway.ROTH,
    ConferenceOutcome.TRADITIONAL_PLAN: Pathway.TRADITIONAL,
    ConferenceOutcome.CHILD_IN_NEED: Pathway.CHILD_IN_NEED,
    ConferenceOutcome.EARLY_HELP: Pathway.EARLY_HELP,
    ConferenceOutcome.NO_FURTHER_ACTION: Pathway.CLOSED,
}

_LABELLED.extend(
    [
        (Safety.UNKNOWN, "Not yet known"),
        (ProfileKind.MATTERS, "What matters to them"),
        (ProfileKind.DESCRIBED_AS, "How people describe them"),
        (VoiceSpeaker.PARENT_CARER, "Parent or carer"),
        (VoiceSpeaker.FAMILY_NETWORK, "Family or friend"),
        (VoiceChannel.PARTICIPANT_SCREEN, "Typed on the shared screen"),
        (VoiceChannel.LETTER, "Letter or written words"),
        (VoiceChannel.APP, "Through an app or message"),
        (VoiceChannel.ADVOCATE, "Through an advocate"),
        (VoiceChannel.WORKER, "Through a worker"),
        (VoiceKind.WISH, "What they want to happen"),
        (VoiceKind.CORRECTION, "Correction to a report"),
        (VoiceKind.SAFETY_EFFORT, "Their own safety efforts"),
        (InfoNature.REPORTED, "Reported (say by whom)"),
        (NeedStatus.PARTLY_MET, "Partly met"),
        (HarmTiming.SUFFERED, "Harm already suffered"),
        (HarmTiming.LIKELY, "Likely harm"),
        (ConferenceOutcome.ROTH_PLAN, "ROTH child protection plan"),
        (ConferenceOutcome.TRADITIONAL_PLAN, "Child protection plan (traditional)"),
        (ConferenceOutcome.NO_FURTHER_ACTION, "No further action"),
        (ViewPosition.AGREES, "Agrees"),
        (ViewPosition.DISAGREES, "Disagrees (dissent)"),
        (PlanHeading.NEEDS, "The young person's needs"),
        (PlanHeading.GUARDIANSHIP, "Guardianship in places and groups outside the family"),
        (PlanHeading.ENVIRONMENT, "The wider environment"),
        (GoalProgress.CARRIED_FORWARD, "Carried forward"),
        (TransitionRoute.NOT_RELEVANT, "Not relevant"),
        (TransitionRoute.TO_DISCUSS, "To discuss"),
        (TransitionRoute.REFERRED, "Referred"),
        (TransitionRoute.IN_PLACE, "In place"),
        (DeadlineKind.INITIAL_CONFERENCE, "Initial conference"),
        (DeadlineKind.CORE_GROUP, "First core group"),
        (DeadlineKind.INTERIM_REVIEW, "Interim review"),
        (DeadlineKind.REVIEW, "Review conference"),
        (DeadlineKind.VISIT, "Visit"),
        (DeadlineKind.ACTION, "Plan action"),
        (DeadlineKind.TURNS_18, "Turns 18"),
    ]
)

LABELS: dict[tuple[type[enum.Enum], str], str] = {
    (type(member), member.value): text for member, text in _LABELLED
}
