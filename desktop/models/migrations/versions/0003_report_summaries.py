"""Report summaries: per survey year and village, population by sex and single year of age, income and
expense sums, per-indicator counts, and the households failing the income indicator
(desktop/models/summary.py), filled for the data already stored.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

from desktop.models.schema import REPORT_AGE_COLUMNS, REPORT_EXPENSE, REPORT_INCOME

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _count(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer, nullable=False, server_default="0")


def upgrade() -> None:
    op.create_table(
        "report_village",
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("village", sa.Integer, nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("persons", sa.Integer, nullable=False),
        *[_count(name) for name in REPORT_INCOME + REPORT_EXPENSE],
        *[_count(name) for name in REPORT_AGE_COLUMNS],
        sa.PrimaryKeyConstraint("survey_year", "village"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "report_indicator",
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("village", sa.Integer, nullable=False),
        sa.Column("indicator", sa.SmallInteger, nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("households_failed", sa.Integer, nullable=False),
        sa.Column("persons", sa.Integer, nullable=False),
        sa.Column("persons_failed", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("survey_year", "village", "indicator"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "report_income_failing",
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("village", sa.Integer, nullable=False),
        sa.Column("house_sort", sa.String, nullable=False),
        sa.Column("household_id", sa.BigInteger, nullable=False),
        sa.Column("house_no", sa.String, nullable=False),
        sa.Column("house_code", sa.String, nullable=False),
        sa.Column("head_name", sa.String, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("income", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("survey_year", "village", "house_sort", "household_id"),
        sqlite_with_rowid=False,
    )
    from desktop.models import summary

    bind = op.get_bind()
    for year in bind.execute(sa.text("SELECT DISTINCT survey_year FROM household ORDER BY 1")).scalars().all():
        summary.rebuild(bind, year)


def downgrade() -> None:
    op.drop_table("report_income_failing")
    op.drop_table("report_indicator")
    op.drop_table("report_village")
