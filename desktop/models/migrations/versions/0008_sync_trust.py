"""Sync trust and recovery (issue 14): the author's signature kept with each relayed event (another
laptop's event from a bundle, passed on unchanged), and events set aside (quarantine) after the server
failed on them again and again.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_relay",
        sa.Column("uuid", sa.String, primary_key=True),
        sa.Column("author", sa.String, nullable=False),  # Ed25519 public key (hex) of the laptop that made it
        sa.Column("signature", sa.String, nullable=False),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("uuid", sa.String, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("set_aside_at", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_quarantine")
    op.drop_table("sync_relay")
