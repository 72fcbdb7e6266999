"""Province server: officers and their areas, devices, villages, surveys, households, members, events,
the change counter and load batches.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MONEY = ("inc_main", "inc_second", "inc_other", "inc_produce", "exp_production", "exp_necessary", "exp_unnecessary",
         "exp_debt")


def upgrade() -> None:
    op.create_table(
        "officer",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("token_id", sa.String(32), nullable=False, unique=True),
        sa.Column("token_salt", sa.String, nullable=False),
        sa.Column("token_hash", sa.String, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("active", sa.SmallInteger, nullable=False, server_default="1"),
    )
    op.create_table(
        "officer_area",
        sa.Column("officer_id", sa.Integer, nullable=False),
        sa.Column("area_code", sa.String(8), nullable=False),
        sa.PrimaryKeyConstraint("officer_id", "area_code"),
    )
    op.create_table(
        "device",
        sa.Column("store_id", sa.String(64), primary_key=True),
        sa.Column("officer_id", sa.Integer, nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False, unique=True),
        sa.Column("registered_at", sa.String, nullable=False),
    )
    op.create_table(
        "village",
        sa.Column("code", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name_th", sa.String, nullable=False, server_default=""),
    )
    op.create_table(
        "survey",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("answer_layout", sa.Text, nullable=False),
    )
    op.create_table(
        "household",
        sa.Column("id", BIG_ID, primary_key=True, autoincrement=False),
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("village", sa.Integer, nullable=False),
        sa.Column("house_no", sa.String, nullable=False),
        sa.Column("house_code", sa.String, nullable=False),
        sa.Column("head_name", sa.String, nullable=False, server_default=""),
        *[sa.Column(name, sa.BigInteger, nullable=False, server_default="0") for name in MONEY],
        sa.Column("answers", sa.String, nullable=False, server_default=""),
        sa.Column("collector", sa.String, nullable=False, server_default=""),
        sa.Column("survey_date", sa.String, nullable=False, server_default=""),
        sa.Column("status", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("n_members", sa.Integer, nullable=False, server_default="0"),
        sa.Column("members_hash", sa.String, nullable=False, server_default=""),
        sa.Column("members_version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("content_hash", sa.String, nullable=False, server_default=""),
    )
    op.create_index("ix_household_seq", "household", ["seq"])
    op.create_index("ix_household_village_seq", "household", ["village", "seq"])
    op.create_table(
        "member",
        sa.Column("household_id", sa.BigInteger, nullable=False),
        sa.Column("seq", sa.SmallInteger, nullable=False),
        sa.Column("pid", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("first_name", sa.String, nullable=False),
        sa.Column("last_name", sa.String, nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("birth_date", sa.String, nullable=False),
        sa.Column("relation", sa.String, nullable=False, server_default=""),
        sa.Column("education", sa.String, nullable=False, server_default=""),
        sa.Column("occupation", sa.String, nullable=False, server_default=""),
        sa.Column("health", sa.String(1), nullable=False, server_default="N"),
        sa.Column("self_reliant", sa.SmallInteger, nullable=False, server_default="1"),
        sa.Column("in_school", sa.SmallInteger, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("household_id", "seq"),
    )
    op.create_table(
        "events",
        sa.Column("seq", BIG_ID, primary_key=True, autoincrement=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
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
    op.create_index("ix_events_household", "events", ["household_id"])
    counter = op.create_table(
        "counter",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counter, [{"name": "household", "value": 0}])
    op.create_table(
        "load_batch",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("removed", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for name in ("load_batch", "counter", "events", "member", "household", "survey", "village", "device",
                 "officer_area", "officer"):
        op.drop_table(name)
