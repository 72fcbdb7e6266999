"""Certification: working-group rosters, certifications and their re-open events (all append-only).

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_event",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("level", sa.String, nullable=False),
        sa.Column("area_code", sa.String, nullable=False),
        sa.Column("member_uuid", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False, server_default=""),
        sa.Column("position", sa.String, nullable=False, server_default=""),
        sa.Column("role", sa.String, nullable=False, server_default="member"),
        sa.Column("ord", sa.Integer, nullable=False, server_default="0"),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("officer", sa.Text, nullable=False),
    )
    op.create_index("ix_roster_event_area", "roster_event", ["level", "area_code"])
    op.create_table(
        "certification_event",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("area_code", sa.String, nullable=False),
        sa.Column("level", sa.String, nullable=False),
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("certified_at", sa.String, nullable=False),
        sa.Column("officer", sa.Text, nullable=False),
        sa.Column("roster", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String, nullable=False),
        sa.Column("short_code", sa.String, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("override_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("indicator_set", sa.String, nullable=False),
        sa.Column("provisional", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("place", sa.String, nullable=False, server_default=""),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("line_digests", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_certification_event_short_code", "certification_event", ["short_code"])
    op.create_index("ix_certification_event_area", "certification_event", ["survey_year", "area_code"])
    op.create_table(
        "certification_reopen",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("certification_uuid", sa.String, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("at", sa.String, nullable=False),
    )
    op.create_index("ix_certification_reopen_certification_uuid", "certification_reopen", ["certification_uuid"])


def downgrade() -> None:
    op.drop_table("certification_reopen")
    op.drop_table("certification_event")
    op.drop_table("roster_event")
