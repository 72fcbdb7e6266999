"""Corrections: append-only correction events, their evidence images, issued correction lists.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "correction_event",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("set_uuid", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("household_id", sa.BigInteger, nullable=False),
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("village", sa.Integer, nullable=False),
        sa.Column("member_seq", sa.Integer, nullable=True),
        sa.Column("field", sa.String, nullable=False, server_default=""),
        sa.Column("old_value", sa.Text, nullable=True),
        sa.Column("new_value", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("ref_uuid", sa.String, nullable=True),
        sa.Column("status", sa.String, nullable=True),
        sa.Column("list_uuid", sa.String, nullable=True),
        sa.Column("import_id", sa.Integer, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("officer", sa.Text, nullable=False),
    )
    op.create_index("ix_correction_event_set_uuid", "correction_event", ["set_uuid"])
    op.create_index("ix_correction_event_household_id", "correction_event", ["household_id"])
    op.create_index("ix_correction_event_ref_uuid", "correction_event", ["ref_uuid"])
    op.create_table(
        "correction_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("set_uuid", sa.String, nullable=False),
        sa.Column("filename", sa.String, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("thumbnail", sa.LargeBinary, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index("ix_correction_evidence_set_uuid", "correction_evidence", ["set_uuid"])
    op.create_table(
        "correction_list",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("ref_no", sa.String, nullable=False),
        sa.Column("issued_at", sa.String, nullable=False),
        sa.Column("area_code", sa.String, nullable=False),
        sa.Column("date_from", sa.String, nullable=True),
        sa.Column("date_to", sa.String, nullable=True),
        sa.Column("officer", sa.Text, nullable=False),
        sa.Column("corrections", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("correction_list")
    op.drop_table("correction_evidence")
    op.drop_table("correction_event")
