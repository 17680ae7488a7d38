"""The domain model, v1. Importing this package registers every table."""

from roth_desktop.models.agencies import Agency, Professional
from roth_desktop.models.audit import AuditEntry
from roth_desktop.models.base import Base, Record
from roth_desktop.models.cases import Case, CaseProfessional, PathwayTransfer
from roth_desktop.models.conferences import Attendance, Conference
from roth_desktop.models.enums import (
    AgencyKind,
    AttendanceStatus,
    AttendeeRole,
    ConferenceKind,
    ConferenceStatus,
    Gender,
    Pathway,
)
from roth_desktop.models.people import FamilyMember, YoungPerson

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
        Conference,
        Attendance,
    )
}

__all__ = [
    "RECORD_TYPES",
    "Agency",
    "AgencyKind",
    "Attendance",
    "AttendanceStatus",
    "AttendeeRole",
    "AuditEntry",
    "Base",
    "Case",
    "CaseProfessional",
    "Conference",
    "ConferenceKind",
    "ConferenceStatus",
    "FamilyMember",
    "Gender",
    "Pathway",
    "PathwayTransfer",
    "Professional",
    "Record",
    "YoungPerson",
]
