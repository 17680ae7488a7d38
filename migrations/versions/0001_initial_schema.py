"""initial schema: people, agencies, cases, conferences, audit

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 11:14:56.025793
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "social_care",
                "education",
                "police",
                "health",
                "youth_justice",
                "youth_work",
                "housing",
                "community",
                "other",
                name="agencykind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency")),
        sa.UniqueConstraint("name", name=op.f("uq_agency_name")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_entry_hash")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_audit_entry_prev_hash")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_record_id"), ["record_id"], unique=False)

    op.create_table(
        "young_person",
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column(
            "gender",
            sa.Enum(
                "female",
                "male",
                "another_gender",
                "not_stated",
                "not_known",
                name="gender",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("ethnicity_code", sa.String(length=8), nullable=False),
        sa.Column("nhs_number", sa.String(length=12), nullable=False),
        sa.Column("local_id", sa.String(length=40), nullable=False),
        sa.Column("first_language", sa.String(length=60), nullable=False),
        sa.Column("communication_needs", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_young_person")),
    )
    op.create_table(
        "case_episode",
        sa.Column("young_person_id", sa.String(length=36), nullable=False),
        sa.Column(
            "pathway",
            sa.Enum(
                "roth_child_protection",
                "traditional_child_protection",
                "child_in_need",
                "early_help",
                "closed",
                name="pathway",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("strategy_discussion_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_person.id"],
            name=op.f("fk_case_episode_young_person_id_young_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_episode")),
    )
    with op.batch_alter_table("case_episode", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_episode_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "family_member",
        sa.Column("young_person_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relationship_to_young_person", sa.String(length=60), nullable=False),
        sa.Column("parental_responsibility", sa.Boolean(), nullable=False),
        sa.Column("plan_partner", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_person.id"],
            name=op.f("fk_family_member_young_person_id_young_person"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_member")),
    )
    with op.batch_alter_table("family_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_member_young_person_id"), ["young_person_id"], unique=False
        )

    op.create_table(
        "professional",
        sa.Column("agency_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("job_title", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_professional_agency_id_agency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_professional")),
    )
    with op.batch_alter_table("professional", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_professional_agency_id"), ["agency_id"], unique=False)

    op.create_table(
        "case_professional",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("professional_id", sa.String(length=36), nullable=False),
        sa.Column("role_in_case", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_episode.id"], name=op.f("fk_case_professional_case_id_case_episode")
        ),
        sa.ForeignKeyConstraint(
            ["professional_id"],
            ["professional.id"],
            name=op.f("fk_case_professional_professional_id_professional"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_professional")),
    )
    with op.batch_alter_table("case_professional", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_professional_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_professional_professional_id"), ["professional_id"], unique=False
        )

    op.create_table(
        "conference",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "initial",
                "review",
                "transfer_in",
                name="conferencekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("chair_id", sa.String(length=36), nullable=True),
        sa.Column(
            "status",
            sa.Enum("draft", "agreed", name="conferencestatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_episode.id"], name=op.f("fk_conference_case_id_case_episode")
        ),
        sa.ForeignKeyConstraint(
            ["chair_id"], ["professional.id"], name=op.f("fk_conference_chair_id_professional")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference")),
    )
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conference_case_id"), ["case_id"], unique=False)

    op.create_table(
        "pathway_transfer",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column(
            "from_pathway",
            sa.Enum(
                "roth_child_protection",
                "traditional_child_protection",
                "child_in_need",
                "early_help",
                "closed",
                name="pathway",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "to_pathway",
            sa.Enum(
                "roth_child_protection",
                "traditional_child_protection",
                "child_in_need",
                "early_help",
                "closed",
                name="pathway",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("transferred_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_episode.id"], name=op.f("fk_pathway_transfer_case_id_case_episode")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pathway_transfer")),
    )
    with op.batch_alter_table("pathway_transfer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pathway_transfer_case_id"), ["case_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "young_person",
                "parent_carer",
                "family_network",
                "advocate",
                "chair",
                "social_worker",
                "professional",
                "community_partner",
                "minute_taker",
                name="attendeerole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("professional_id", sa.String(length=36), nullable=True),
        sa.Column("family_member_id", sa.String(length=36), nullable=True),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "invited",
                "attended",
                "part_attended",
                "apologies",
                "did_not_attend",
                name="attendancestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("arrived_at", sa.DateTime(), nullable=True),
        sa.Column("left_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_attendance_conference_id_conference"),
        ),
        sa.ForeignKeyConstraint(
            ["family_member_id"],
            ["family_member.id"],
            name=op.f("fk_attendance_family_member_id_family_member"),
        ),
        sa.ForeignKeyConstraint(
            ["professional_id"],
            ["professional.id"],
            name=op.f("fk_attendance_professional_id_professional"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendance_conference_id"), ["conference_id"], unique=False
        )
    # The audit trail is append-only at the database level too, so even a
    # direct SQL session with the key cannot quietly rewrite history.
    op.execute(
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_conference_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("pathway_transfer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pathway_transfer_case_id"))

    op.drop_table("pathway_transfer")
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conference_case_id"))

    op.drop_table("conference")
    with op.batch_alter_table("case_professional", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_professional_professional_id"))
        batch_op.drop_index(batch_op.f("ix_case_professional_case_id"))

    op.drop_table("case_professional")
    with op.batch_alter_table("professional", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_professional_agency_id"))

    op.drop_table("professional")
    with op.batch_alter_table("family_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_member_young_person_id"))

    op.drop_table("family_member")
    with op.batch_alter_table("case_episode", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_episode_young_person_id"))

    op.drop_table("case_episode")
    op.drop_table("young_person")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_record_id"))

    op.drop_table("audit_entry")
    op.drop_table("agency")
