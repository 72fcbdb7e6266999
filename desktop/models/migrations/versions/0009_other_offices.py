"""Other offices' records: certifications, re-opens, rosters, visits, back-checks and corrections made on other
laptops arrive by sync (the server's feed) or in their signed bundles and are kept in the same tables as this
laptop's own, marked by `origin` (the store id of the laptop that made them; '' = this laptop) and `office`
(JSON: the officer and areas they came from). `certification_event.verdict`: the province server's answer
(accepted = verified, needs_recheck) when known.

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("certification_event", "certification_reopen", "roster_event", "visit_event", "backcheck_sample",
          "backcheck_answer", "correction_event")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("origin", sa.String, nullable=False, server_default=""))
        op.add_column(table, sa.Column("office", sa.Text, nullable=False, server_default=""))
    op.add_column("certification_event", sa.Column("verdict", sa.String, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("certification_event") as batch:
        batch.drop_column("verdict")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("office")
            batch.drop_column("origin")
