"""The domain model. Importing this package registers every table."""

from roth_desktop.models.agencies import Agency, Professional
from roth_desktop.models.assessments import Assessment, AssessmentShare, HandoverReceived
from roth_desktop.models.audit import AuditEntry
from roth_desktop.models.base import Base, Record
from roth_desktop.models.cases import Case, CaseProfessional, PathwayTransfer
from roth_desktop.models.conference_part import ConferencePart, Part, SharedPart
from roth_desktop.models.conferences import Attendance, Conference
from roth_desktop.models.context_map import ContextArea, ContextLink
from roth_desktop.models.decision import DecisionView
from roth_desktop.models.enums import (
    ActionStatus,
    AgencyKind,
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
    ConferenceOutcome,
    ConferenceStatus,
    DeadlineKind,
    Gender,
    GoalProgress,
    HarmCategory,
    HarmTiming,
    InfoNature,
    NeedStatus,
    Pathway,
    PlanHeading,
    ProfileKind,
    Safety,
    TransitionRoute,
    ViewPosition,
    VoiceChannel,
    VoiceKind,
    VoiceSpeaker,
)
from roth_desktop.models.harm import HarmEntry
from roth_desktop.models.minutes import MinuteEntry
from roth_desktop.models.missed_deadlines import MissedDeadline
from roth_desktop.models.needs import Need
from roth_desktop.models.partner_information import PartnerItem
from roth_desktop.models.people import FamilyMember, YoungPerson
from roth_desktop.models.plan import GoalLink, PlanAction, PlanGoal
from roth_desktop.models.sync import (
    SyncApplied,
    SyncConflict,
    SyncInbox,
    SyncOutbox,
    SyncPeer,
    SyncRejection,
    SyncRoster,
    SyncSecret,
    SyncSetting,
)
from roth_desktop.models.visits import Visit
from roth_desktop.models.voices import ProfileItem, Voice

RECORD_TYPES: dict[str, type[Record]] = {
    cls.__tablename__: cls
    for cls in (
        YoungPerson,
        FamilyMember,
        Agency,
        Professional,
        Case,
        CaseProfessional,
        PathwayTransfer,
        Assessment,
        AssessmentShare,
        Conference,
        Attendance,
        ProfileItem,
        Voice,
        ContextArea,
        ContextLink,
        PartnerItem,
        Need,
        HarmEntry,
        DecisionView,
        PlanGoal,
        GoalLink,
        PlanAction,
        MinuteEntry,
        Visit,
        MissedDeadline,
    )
}

__all__ = [
    "RECORD_TYPES",
    "ActionStatus",
    "Agency",
    "AgencyKind",
    "Assessment",
    "AssessmentShare",
    "Attendance",
    "AttendanceStatus",
    "AttendeeRole",
    "AuditEntry",
    "Base",
    "Case",
    "CaseProfessional",
    "Conference",
    "ConferenceKind",
    "ConferenceOutcome",
    "ConferencePart",
    "ConferenceStatus",
    "ContextArea",
    "ContextLink",
    "DeadlineKind",
    "DecisionView",
    "FamilyMember",
    "Gender",
    "GoalLink",
    "GoalProgress",
    "HandoverReceived",
    "HarmCategory",
    "HarmEntry",
    "HarmTiming",
    "InfoNature",
    "MinuteEntry",
    "MissedDeadline",
    "Need",
    "NeedStatus",
    "Part",
    "PartnerItem",
    "Pathway",
    "PathwayTransfer",
    "PlanAction",
    "PlanGoal",
    "PlanHeading",
    "Professional",
    "ProfileItem",
    "ProfileKind",
    "Record",
    "Safety",
    "SharedPart",
    "SyncApplied",
    "SyncConflict",
    "SyncInbox",
    "SyncOutbox",
    "SyncPeer",
    "SyncRejection",
    "SyncRoster",
    "SyncSecret",
    "SyncSetting",
    "TransitionRoute",
    "ViewPosition",
    "Visit",
    "Voice",
    "VoiceChannel",
    "VoiceKind",
    "VoiceSpeaker",
    "YoungPerson",
]
