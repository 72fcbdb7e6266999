"""Sync with the province server: outbox of events, households they touch, the last server-known state of
changed households, pull cursors, conflicts shown to people, households to download again (docs/sync.md).

Two triggers keep the outbox complete without every feature knowing about sync:
- `sync_base_capture`: before the first unsent change of a household's review status, its row as it was
  (the base of a three-way comparison) is kept in sync_base; later changes keep the first capture.
  Writes made by the sync itself set meta 'sync_applying' and are not captured.
- `sync_outbox_from_audit`: an officer-profile change or an indicator-set install writes its audit entry;
  the same transaction puts the event in the outbox, with the audit entry's UUID as the event's UUID.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BASE_FIELDS = ("village", "house_no", "house_code", "head_name", "inc_main", "inc_second", "inc_other", "inc_produce",
                "exp_production", "exp_necessary", "exp_unnecessary", "exp_debt", "answers", "collector", "survey_date",
                "status", "version", "survey_year")

CAPTURE_TRIGGER = f"""
CREATE TRIGGER sync_base_capture BEFORE UPDATE OF status ON household
WHEN OLD.status IS NOT NEW.status AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'sync_applying')
BEGIN
  INSERT OR IGNORE INTO sync_base(household_id, data, captured_at)
  VALUES (OLD.id, json_object({', '.join(f"'{c}', OLD.{c}" for c in _BASE_FIELDS)}),
          strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END
"""

OUTBOX_TRIGGER = """
CREATE TRIGGER sync_outbox_from_audit AFTER INSERT ON audit_entry
WHEN NEW.action IN ('profile.set', 'indicators.install')
BEGIN
  INSERT OR IGNORE INTO outbox(uuid, kind, target, payload, created_at, origin, state)
  VALUES (NEW.uuid, NEW.action, NEW.target,
          CASE NEW.action
            WHEN 'profile.set' THEN json_object('profile', json(NEW.detail))
            ELSE json_object('period', NEW.target, 'source', json_extract(NEW.detail, '$.source'),
                             'data', json((SELECT value FROM meta WHERE key = 'indicator_set:' || NEW.target)))
          END,
          NEW.at, coalesce((SELECT value FROM meta WHERE key = 'store_id'), ''), 'pending');
END
"""


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("target", sa.String, nullable=False, server_default=""),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("origin", sa.String, nullable=False, server_default=""),
        sa.Column("state", sa.String, nullable=False, server_default="pending"),
        sa.Column("answer", sa.Text, nullable=True),
        sa.Column("acked_at", sa.String, nullable=True),
    )
    op.create_index("ix_outbox_state", "outbox", ["state", "seq"])
    op.create_table(
        "outbox_household",
        sa.Column("household_id", sa.BigInteger, nullable=False),
        sa.Column("uuid", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("household_id", "uuid"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "sync_base",
        sa.Column("household_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("captured_at", sa.String, nullable=False),
    )
    op.create_table(
        "sync_cursor",
        sa.Column("server", sa.String, nullable=False),
        sa.Column("area", sa.String, nullable=False),
        sa.Column("cursor", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("updated_at", sa.String, nullable=False),
        sa.PrimaryKeyConstraint("server", "area"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("household_id", sa.BigInteger, nullable=False),
        sa.Column("state", sa.String, nullable=False, server_default="open"),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("detected_at", sa.String, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("base", sa.Text, nullable=False),
        sa.Column("mine", sa.Text, nullable=False),
        sa.Column("theirs", sa.Text, nullable=False),
        sa.Column("event_uuid", sa.String, nullable=True),
        sa.Column("resolution", sa.Text, nullable=True),
        sa.Column("resolved_at", sa.String, nullable=True),
    )
    op.create_index("ix_sync_conflict_household_id", "sync_conflict", ["household_id"])
    op.create_table(
        "sync_refetch",
        sa.Column("household_id", sa.BigInteger, primary_key=True, autoincrement=False),
    )
    op.execute(CAPTURE_TRIGGER)
    op.execute(OUTBOX_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS sync_outbox_from_audit")
    op.execute("DROP TRIGGER IF EXISTS sync_base_capture")
    for name in ("sync_refetch", "sync_conflict", "sync_cursor", "sync_base", "outbox_household", "outbox"):
        op.drop_table(name)
