"""Search and tree counts: head-name sort key, reversed IDs for last-digit search, name indexes,
per-village counts.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

from desktop.models.sortkeys import thai_sort_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household") as batch:
        batch.add_column(sa.Column("head_sort", sa.String, nullable=False, server_default=""))
    op.add_column("member", sa.Column("pid_rev", sa.String, nullable=False, server_default=""))
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, head_name FROM household")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE household SET head_sort = :k WHERE id = :i"),
            [{"k": thai_sort_key(name), "i": hid} for hid, name in rows],
        )
    bind.execute(sa.text("UPDATE member SET pid_rev = pid"))
    pids = bind.execute(sa.text("SELECT household_id, seq, pid FROM member")).all()
    if pids:
        bind.execute(
            sa.text("UPDATE member SET pid_rev = :r WHERE household_id = :h AND seq = :s"),
            [{"r": p[::-1], "h": h, "s": s} for h, s, p in pids],
        )
    op.create_index("ix_household_head", "household", ["head_sort"])
    op.create_index("ix_member_pid_rev", "member", ["pid_rev"])
    op.create_index("ix_member_first_name", "member", ["first_name"])
    op.create_index("ix_member_last_name", "member", ["last_name"])
    op.create_table(
        "area_stat",
        sa.Column("survey_year", sa.Integer, nullable=False),
        sa.Column("village", sa.String, nullable=False),
        sa.Column("households", sa.Integer, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("survey_year", "village"),
    )
    bind.execute(
        sa.text(
            "INSERT INTO area_stat SELECT survey_year, CAST(village AS TEXT), count(*), sum(n_members)"
            " FROM household GROUP BY survey_year, village"
        )
    )
