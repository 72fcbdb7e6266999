"""Monitoring: visits, back-check samples and back-check answers (append-only events).

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_event",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("visit_id", sa.String, nullable=False),
        sa.Column("supersedes", sa.String, nullable=True),
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("level", sa.String, nullable=False),
        sa.Column("area_code", sa.String, nullable=False),
        sa.Column("visit_date", sa.String, nullable=False),
        sa.Column("villages", sa.Text, nullable=False),
        sa.Column("visitors", sa.Text, nullable=False),
        sa.Column("checklist", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("withdrawn", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("officer", sa.Text, nullable=False),
    )
    op.create_index("ix_visit_event_visit_id", "visit_event", ["visit_id"])
    op.create_index("ix_visit_event_supersedes", "visit_event", ["supersedes"])
    op.create_table(
        "backcheck_sample",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("visit_id", sa.String, nullable=False),
        sa.Column("supersedes", sa.String, nullable=True),
        sa.Column("seed", sa.String, nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("households", sa.Text, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("officer", sa.Text, nullable=False),
    )
    op.create_index("ix_backcheck_sample_visit_id", "backcheck_sample", ["visit_id"])
    op.create_table(
        "backcheck_answer",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("visit_id", sa.String, nullable=False),
        sa.Column("household_id", sa.BigInteger, nullable=False),
        sa.Column("supersedes", sa.String, nullable=True),
        sa.Column("village", sa.Integer, nullable=False),
        sa.Column("asked_on", sa.String, nullable=False),
        sa.Column("checker", sa.String, nullable=False),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("recorded", sa.Text, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("officer", sa.Text, nullable=False),
    )
    op.create_index("ix_backcheck_answer_visit_id", "backcheck_answer", ["visit_id"])
    op.create_index("ix_backcheck_answer_household_id", "backcheck_answer", ["household_id"])


def downgrade() -> None:
    op.drop_table("backcheck_answer")
    op.drop_table("backcheck_sample")
    op.drop_table("visit_event")
