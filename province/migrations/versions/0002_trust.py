"""Province server: trust and recovery (issue 14).

- server_meta: the server's generation id (a new one after a restore from a backup), the province signing
  key (signs the list of vouched device keys) and the secret behind device-registration challenges.
- device.revoked_at: a lost laptop's key can be revoked (`serve admin revoke-device`).
- events: each event is bound to its author (device key) and content digest; de-duplication is by
  (uuid, author), so another officer's event under a known UUID never takes the original's place.

Revision ID: 0002
Revises: 0001
"""
import secrets
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
EVENT_COLUMNS = ("seq", "uuid", "kind", "officer_id", "store_id", "origin", "target", "household_id", "payload",
                 "client_created_at", "received_at", "via", "status", "answer")


def _events_table(name: str) -> None:
    op.create_table(
        name,
        sa.Column("seq", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("author", sa.String(80), nullable=False, server_default=""),
        sa.Column("digest", sa.String(64), nullable=False, server_default=""),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("officer_id", sa.Integer, nullable=False),
        sa.Column("store_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("origin", sa.String(64), nullable=False, server_default=""),
        sa.Column("target", sa.String, nullable=False, server_default=""),
        sa.Column("household_id", sa.BigInteger, nullable=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("client_created_at", sa.String, nullable=False, server_default=""),
        sa.Column("received_at", sa.String, nullable=False),
        sa.Column("via", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
    )


def upgrade() -> None:
    from desktop.sync import signing

    meta = op.create_table("server_meta", sa.Column("key", sa.String(64), primary_key=True),
                           sa.Column("value", sa.Text, nullable=False))
    op.bulk_insert(meta, [{"key": "generation", "value": uuid.uuid4().hex},
                          {"key": "province_key", "value": signing.private_hex(signing.new_private())},
                          {"key": "challenge_secret", "value": secrets.token_hex(32)}])
    op.add_column("device", sa.Column("revoked_at", sa.String, nullable=True))
    bind = op.get_bind()
    cols = ", ".join(EVENT_COLUMNS)
    if bind.dialect.name == "sqlite":  # an inline UNIQUE cannot be dropped: rebuild the table
        _events_table("events_new")
        op.execute(f"INSERT INTO events_new ({cols}) SELECT {cols} FROM events")
        op.drop_index("ix_events_household", "events")
        op.drop_table("events")
        op.rename_table("events_new", "events")
    else:
        op.execute("ALTER TABLE events DROP CONSTRAINT IF EXISTS events_uuid_key")
        op.add_column("events", sa.Column("author", sa.String(80), nullable=False, server_default=""))
        op.add_column("events", sa.Column("digest", sa.String(64), nullable=False, server_default=""))
        op.drop_index("ix_events_household", "events")
    op.create_index("ix_events_household", "events", ["household_id"])
    op.create_index("ux_events_uuid_author", "events", ["uuid", "author"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_events_uuid_author", "events")
    op.drop_column("events", "digest")
    op.drop_column("events", "author")
    op.drop_column("device", "revoked_at")
    op.drop_table("server_meta")
