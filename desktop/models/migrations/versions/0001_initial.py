"""Initial store: areas, surveys, households, members, imports, history, audit log.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _money(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer, nullable=False, server_default="0")


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.String, primary_key=True), sa.Column("value", sa.Text, nullable=False))
    op.create_table(
        "area",
        sa.Column("code", sa.String, primary_key=True),
        sa.Column("level", sa.SmallInteger, nullable=False),
        sa.Column("parent", sa.String, nullable=True, index=True),
        sa.Column("name_th", sa.String, nullable=False),
        sa.Column("name_en", sa.String, nullable=False, server_default=""),
        sa.Column("lao_code", sa.String, nullable=True),
    )
    op.create_table(
        "lao",
        sa.Column("code", sa.String, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("name_th", sa.String, nullable=False),
        sa.Column("tambon_code", sa.String, nullable=False, index=True),
    )
    op.create_table(
        "survey",
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("period", sa.String, nullable=False),
        sa.Column("reference_date", sa.String, nullable=False),
        sa.Column("answer_layout", sa.Text, nullable=False),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=False),
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("province", sa.Integer, nullable=False),
        sa.Column("district", sa.Integer, nullable=False),
        sa.Column("tambon", sa.Integer, nullable=False),
        sa.Column("village", sa.Integer, nullable=False),
        sa.Column("house_no", sa.String, nullable=False),
        sa.Column("house_sort", sa.String, nullable=False),
        sa.Column("house_code", sa.String, nullable=False),
        sa.Column("head_name", sa.String, nullable=False, server_default=""),
        sa.Column("n_members", sa.Integer, nullable=False, server_default="0"),
        *[_money(n) for n in ("inc_main", "inc_second", "inc_other", "inc_produce")],
        *[_money(n) for n in ("exp_production", "exp_necessary", "exp_unnecessary", "exp_debt", "income_pp")],
        sa.Column("answers", sa.String, nullable=False, server_default=""),
        sa.Column("results", sa.String, nullable=False, server_default=""),
        sa.Column("n_failed", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("collector", sa.String, nullable=False, server_default=""),
        sa.Column("survey_date", sa.String, nullable=False, server_default=""),
        sa.Column("status", sa.SmallInteger, nullable=False, server_default="0"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("import_id", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_household_village", "household", ["survey_year", "village", "house_sort"])
    op.create_index("ix_household_house_no", "household", ["house_no"])
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
        sa.Column("age", sa.SmallInteger, nullable=False),
        sa.Column("age_months", sa.Integer, nullable=False),
        sa.Column("relation", sa.String, nullable=False, server_default=""),
        sa.Column("education", sa.String, nullable=False, server_default=""),
        sa.Column("occupation", sa.String, nullable=False, server_default=""),
        sa.Column("health", sa.String(1), nullable=False, server_default="N"),
        sa.Column("self_reliant", sa.SmallInteger, nullable=False, server_default="1"),
        sa.Column("in_school", sa.SmallInteger, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("household_id", "seq"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("officer", sa.String, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
    )
    op.create_table(
        "household_version",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("household_id", sa.BigInteger, nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("import_id", sa.Integer, nullable=False),
        sa.Column("replaced_by_import", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("uuid", sa.String, nullable=False, unique=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("officer", sa.Text, nullable=False),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("target", sa.String, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String, nullable=False),
        sa.Column("hash", sa.String, nullable=False),
    )
