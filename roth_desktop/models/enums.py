"""Fixed vocabularies of the domain, with the words people see for each."""

from __future__ import annotations

import enum


class Labelled(enum.StrEnum):
    @property
    def label(self) -> str:
        return LABELS.get(self, self.value.replace("_", " ").capitalize())


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


LABELS: dict[enum.Enum, str] = {
    Pathway.ROTH: "ROTH child protection",
    Pathway.TRADITIONAL: "Child protection (family)",
    Pathway.CHILD_IN_NEED: "Child in need",
    Pathway.EARLY_HELP: "Early help",
    Pathway.CLOSED: "Closed",
    ConferenceKind.INITIAL: "Initial conference",
    ConferenceKind.REVIEW: "Review conference",
    ConferenceKind.TRANSFER_IN: "Transfer-in conference",
    AttendanceStatus.PART_ATTENDED: "Attended part",
    AttendanceStatus.DID_NOT_ATTEND: "Did not attend",
    AttendeeRole.PARENT_CARER: "Parent or carer",
    AttendeeRole.FAMILY_NETWORK: "Family or friend",
    AgencyKind.EDUCATION: "School or college",
    AgencyKind.YOUTH_JUSTICE: "Youth justice",
    AgencyKind.YOUTH_WORK: "Youth work",
    AgencyKind.SOCIAL_CARE: "Children's social care",
    Gender.ANOTHER: "Another gender",
    Gender.NOT_STATED: "Prefers not to say",
    Gender.NOT_KNOWN: "Not known",
}
