"""Tables of the local store (SQLAlchemy Core). Alembic migrations in migrations/ build them.

Codes are kept as TEXT for areas (leading digits matter to people) and as INTEGER columns on the
household for fast range filters. A household's id is derived from (survey year, house code), so
member rows can point at it while streaming, without a lookup table.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
)

metadata = MetaData()
ROWID_INTEGER = BigInteger().with_variant(Integer(), "sqlite")

# Review status of a household record (DESIGN.md §3).
STATUS_IMPORTED, STATUS_REVIEWED, STATUS_CORRECTION_REQUESTED, STATUS_CORRECTED_UPSTREAM, STATUS_CERTIFIED = range(5)

LEVEL_PROVINCE, LEVEL_DISTRICT, LEVEL_TAMBON, LEVEL_VILLAGE = 1, 2, 3, 4
LEVEL_BY_CODE_LENGTH = {2: LEVEL_PROVINCE, 4: LEVEL_DISTRICT, 6: LEVEL_TAMBON, 8: LEVEL_VILLAGE}


def household_id(survey_year: int, house_code: str | int) -> int:
    """Stable key: 2567 and house code 52010000011 -> 256752010000011 (fits in 64 bits)."""
    return survey_year * 100_000_000_000 + int(house_code)


meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

area = Table(
    "area",
    metadata,
    Column("code", String, primary_key=True),
    Column("level", SmallInteger, nullable=False),
    Column("parent", String, nullable=True, index=True),
    Column("name_th", String, nullable=False),
    Column("name_en", String, nullable=False, server_default=""),
    Column("lao_code", String, nullable=True),  # villages: the อปท. that governs them
)

lao = Table(
    "lao",
    metadata,
    Column("code", String, primary_key=True),
    Column("kind", String, nullable=False),  # "เทศบาล" or "อบต."
    Column("name_th", String, nullable=False),
    Column("tambon_code", String, nullable=False, index=True),
)

survey = Table(
    "survey",
    metadata,
    Column("year", Integer, primary_key=True),  # พ.ศ.
    Column("period", String, nullable=False),  # indicator set, e.g. "2566-2570"
    Column("reference_date", String, nullable=False),  # ISO date ages are computed at
    Column("answer_layout", Text, nullable=False),  # comma-separated answer codes of household.answers
)

household = Table(
    "household",
    metadata,
    # INTEGER (not BIGINT) in SQLite makes the id the rowid itself: one B-tree lookup instead of two
    Column("id", ROWID_INTEGER, primary_key=True, autoincrement=False),
    Column("survey_year", Integer, nullable=False),
    Column("province", Integer, nullable=False),
    Column("district", Integer, nullable=False),
    Column("tambon", Integer, nullable=False),
    Column("village", Integer, nullable=False),
    Column("house_no", String, nullable=False),
    Column("house_sort", String, nullable=False),
    Column("house_code", String, nullable=False),
    Column("head_name", String, nullable=False, server_default=""),
    Column("head_sort", String, nullable=False, server_default=""),
    Column("n_members", Integer, nullable=False, server_default="0"),
    Column("inc_main", Integer, nullable=False, server_default="0"),
    Column("inc_second", Integer, nullable=False, server_default="0"),
    Column("inc_other", Integer, nullable=False, server_default="0"),
    Column("inc_produce", Integer, nullable=False, server_default="0"),
    Column("exp_production", Integer, nullable=False, server_default="0"),
    Column("exp_necessary", Integer, nullable=False, server_default="0"),
    Column("exp_unnecessary", Integer, nullable=False, server_default="0"),
    Column("exp_debt", Integer, nullable=False, server_default="0"),
    Column("income_pp", Integer, nullable=False, server_default="0"),
    Column("answers", String, nullable=False, server_default=""),  # one character per answer code
    Column("results", String, nullable=False, server_default=""),  # P / F / - per indicator, set order
    Column("n_failed", SmallInteger, nullable=False, server_default="0"),
    Column("collector", String, nullable=False, server_default=""),
    Column("survey_date", String, nullable=False, server_default=""),
    Column("status", SmallInteger, nullable=False, server_default="0"),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("import_id", Integer, nullable=False, server_default="0"),
)
Index("ix_household_village", household.c.survey_year, household.c.village, household.c.house_sort)
Index("ix_household_house_no", household.c.house_no)
Index("ix_household_head", household.c.head_sort)

member = Table(
    "member",
    metadata,
    Column("household_id", BigInteger, nullable=False),
    Column("seq", SmallInteger, nullable=False),
    Column("pid", String, nullable=False),
    Column("pid_rev", String, nullable=False),  # reversed ID: "last digits" search uses an index
    Column("title", String, nullable=False, server_default=""),
    Column("first_name", String, nullable=False),
    Column("last_name", String, nullable=False),
    Column("sex", String(1), nullable=False),  # M / F
    Column("birth_date", String, nullable=False),  # ISO, Gregorian
    Column("age", SmallInteger, nullable=False),  # whole years at the survey's reference date
    Column("age_months", Integer, nullable=False),
    Column("relation", String, nullable=False, server_default=""),
    Column("education", String, nullable=False, server_default=""),
    Column("occupation", String, nullable=False, server_default=""),
    Column("health", String(1), nullable=False, server_default="N"),  # N normal, D disabled, C chronic
    Column("self_reliant", SmallInteger, nullable=False, server_default="1"),
    Column("in_school", SmallInteger, nullable=False, server_default="0"),
    PrimaryKeyConstraint("household_id", "seq"),
    sqlite_with_rowid=False,
)
Index("ix_member_pid_rev", member.c.pid_rev)
Index("ix_member_first_name", member.c.first_name)
Index("ix_member_last_name", member.c.last_name)

area_stat = Table(
    "area_stat",
    metadata,
    Column("survey_year", Integer, nullable=False),
    Column("village", String, nullable=False),
    Column("households", Integer, nullable=False),
    Column("members", Integer, nullable=False),
    PrimaryKeyConstraint("survey_year", "village"),
)

import_batch = Table(
    "import_batch",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("created_at", String, nullable=False),
    Column("officer", String, nullable=False),
    Column("source", Text, nullable=False),  # file names, or "demo ..."
    Column("survey_year", Integer, nullable=False),
    Column("households", Integer, nullable=False),
    Column("members", Integer, nullable=False),
)

household_version = Table(
    "household_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("household_id", BigInteger, nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("import_id", Integer, nullable=False),
    Column("replaced_by_import", Integer, nullable=False),
    Column("data", Text, nullable=False),  # JSON: household row and its members as they were
)

audit_entry = Table(
    "audit_entry",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("at", String, nullable=False),  # ISO UTC; information only
    Column("officer", Text, nullable=False),  # JSON of the officer profile at that moment
    Column("action", String, nullable=False),
    Column("target", String, nullable=False),
    Column("detail", Text, nullable=False),  # JSON
    Column("prev_hash", String, nullable=False),
    Column("hash", String, nullable=False),
)
