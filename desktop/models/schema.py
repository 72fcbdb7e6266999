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
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
)

from desktop.models.fields import EXPENSE, INCOME, MONEY

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
    *[Column(name, Integer, nullable=False, server_default="0") for name in MONEY],  # whole baht
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

# Report summaries, one row per (survey year, village), kept by desktop/models/summary.py on every
# import so that a province report sums a few thousand rows instead of a million households.
REPORT_TOP_AGE = 100  # ages are kept in single years 0..99; the column for 100 holds everyone 100 or older
REPORT_INCOME, REPORT_EXPENSE = INCOME, EXPENSE  # the household's money columns, summed per village
REPORT_AGE_COLUMNS = tuple(f"{sex}{age}" for sex in ("m", "f") for age in range(REPORT_TOP_AGE + 1))

report_village = Table(
    "report_village",
    metadata,
    Column("survey_year", Integer, nullable=False),
    Column("village", Integer, nullable=False),
    Column("households", Integer, nullable=False),
    Column("persons", Integer, nullable=False),  # member rows (= sum of n_members), any sex
    *[Column(name, Integer, nullable=False, server_default="0") for name in REPORT_INCOME + REPORT_EXPENSE],  # sums
    *[Column(name, Integer, nullable=False, server_default="0") for name in REPORT_AGE_COLUMNS],  # m0..m100, f0..f100
    PrimaryKeyConstraint("survey_year", "village"),
    sqlite_with_rowid=False,
)

report_indicator = Table(
    "report_indicator",
    metadata,
    Column("survey_year", Integer, nullable=False),
    Column("village", Integer, nullable=False),
    Column("indicator", SmallInteger, nullable=False),  # the indicator's number in the year's set
    Column("households", Integer, nullable=False),  # households with a result (P or F)
    Column("households_failed", Integer, nullable=False),
    Column("persons", Integer, nullable=False),  # person indicators: target persons of those households
    Column("persons_failed", Integer, nullable=False),
    PrimaryKeyConstraint("survey_year", "village", "indicator"),
    sqlite_with_rowid=False,
)

# Sync with the province server (desktop/sync/, DESIGN.md §4, docs/sync.md); migration 0004.
SYNC_PENDING, SYNC_ACCEPTED, SYNC_CONFLICT, SYNC_REJECTED, SYNC_NEEDS_RECHECK = (
    "pending", "accepted", "conflict", "rejected", "needs_recheck")

outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True),  # local order of creation; sent in this order
    Column("uuid", String, nullable=False, unique=True),  # client-generated; the server de-duplicates by it
    Column("kind", String, nullable=False),  # household.status, profile.set, indicators.install, certification, ...
    Column("target", String, nullable=False, server_default=""),
    Column("payload", Text, nullable=False),  # JSON
    Column("created_at", String, nullable=False),  # device clock: information only
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it
    Column("state", String, nullable=False, server_default=SYNC_PENDING),
    Column("answer", Text, nullable=True),  # the server's ack (JSON)
    Column("acked_at", String, nullable=True),
)
Index("ix_outbox_state", outbox.c.state, outbox.c.seq)

outbox_household = Table(  # which households an event touches: a household with pending events is never overwritten
    "outbox_household",
    metadata,
    Column("household_id", BigInteger, nullable=False),
    Column("uuid", String, nullable=False),
    PrimaryKeyConstraint("household_id", "uuid"),
    sqlite_with_rowid=False,
)

sync_base = Table(  # a household as last known from the server, captured before its first unsent local change
    "sync_base",
    metadata,
    Column("household_id", BigInteger, primary_key=True, autoincrement=False),
    Column("data", Text, nullable=False),  # JSON
    Column("captured_at", String, nullable=False),
)

sync_cursor = Table(
    "sync_cursor",
    metadata,
    Column("server", String, nullable=False),
    Column("area", String, nullable=False),
    Column("cursor", BigInteger, nullable=False, server_default="0"),  # the server's sequence number
    Column("updated_at", String, nullable=False),
    PrimaryKeyConstraint("server", "area"),
)

sync_conflict = Table(
    "sync_conflict",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("household_id", BigInteger, nullable=False, index=True),
    Column("state", String, nullable=False, server_default="open"),  # open / resolved
    Column("source", String, nullable=False),  # pull / push / bundle
    Column("detected_at", String, nullable=False),
    Column("fields", Text, nullable=False),  # JSON {field: {"base": .., "mine": .., "theirs": ..}}
    Column("base", Text, nullable=False),  # JSON snapshots of the whole household
    Column("mine", Text, nullable=False),
    Column("theirs", Text, nullable=False),
    Column("event_uuid", String, nullable=True),  # the local event that met the other change
    Column("resolution", Text, nullable=True),  # JSON {"choice": .., "values": ..}
    Column("resolved_at", String, nullable=True),
)

sync_refetch = Table(  # households to download again in full at the next sync (e.g. "theirs" chosen offline)
    "sync_refetch",
    metadata,
    Column("household_id", BigInteger, primary_key=True, autoincrement=False),
)

sync_relay = Table(  # another laptop's event from a bundle: its author's key and signature, relayed unchanged (0008)
    "sync_relay",
    metadata,
    Column("uuid", String, primary_key=True),
    Column("author", String, nullable=False),
    Column("signature", String, nullable=False),
)

sync_quarantine = Table(  # events set aside after the server failed on them repeatedly: retried or dropped by a person
    "sync_quarantine",
    metadata,
    Column("uuid", String, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("set_aside_at", String, nullable=False),
)

# Households failing the year's income indicator, kept with the other report summaries (migration 0003)
# so that a province-wide list reads ~70,000 narrow rows in order instead of scanning every household.
report_income_failing = Table(
    "report_income_failing",
    metadata,
    Column("survey_year", Integer, nullable=False),
    Column("village", Integer, nullable=False),
    Column("house_sort", String, nullable=False),
    Column("household_id", BigInteger, nullable=False),
    Column("house_no", String, nullable=False),
    Column("house_code", String, nullable=False),
    Column("head_name", String, nullable=False),
    Column("members", Integer, nullable=False),
    Column("income", Integer, nullable=False),  # the four income components together
    PrimaryKeyConstraint("survey_year", "village", "house_sort", "household_id"),
    sqlite_with_rowid=False,
)

# Corrections requested by the reviewing officer (desktop/models/corrections.py, migration 0005): append-only
# events. kind 'correct' (one field of a household or member), 'revert' (ref_uuid = the correction undone) and
# 'status' (ref_uuid = the correction; status sent / confirmed / not_applied, with the list or import behind it).
correction_event = Table(
    "correction_event",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("set_uuid", String, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("household_id", BigInteger, nullable=False, index=True),
    Column("survey_year", Integer, nullable=False),
    Column("village", Integer, nullable=False),
    Column("member_seq", Integer, nullable=True),
    Column("field", String, nullable=False, server_default=""),
    Column("old_value", Text, nullable=True),
    Column("new_value", Text, nullable=True),
    Column("reason", Text, nullable=False, server_default=""),
    Column("ref_uuid", String, nullable=True, index=True),
    Column("status", String, nullable=True),
    Column("list_uuid", String, nullable=True),
    Column("import_id", Integer, nullable=True),
    Column("created_at", String, nullable=False),
    Column("officer", Text, nullable=False),
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it; "" here
    Column("office", Text, nullable=False, server_default=""),  # JSON: who sent it (other offices' records)
)

correction_evidence = Table(
    "correction_evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("set_uuid", String, nullable=False, index=True),
    Column("filename", String, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("thumbnail", LargeBinary, nullable=True),
    Column("created_at", String, nullable=False),
)

correction_list = Table(
    "correction_list",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("ref_no", String, nullable=False),
    Column("issued_at", String, nullable=False),
    Column("area_code", String, nullable=False),
    Column("date_from", String, nullable=True),
    Column("date_to", String, nullable=True),
    Column("officer", Text, nullable=False),
    Column("corrections", Text, nullable=False),  # JSON list of correction uuids
)

# Monitoring visits and back-checks (desktop/models/visits.py, backcheck.py; migration 0007): append-only events.
# A correction of a visit, a redraw of a sample or a corrected answer is a new row whose `supersedes` names the
# row it replaces; the current state is the rows nothing supersedes.
visit_event = Table(
    "visit_event",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("visit_id", String, nullable=False, index=True),  # the uuid of the visit's first event
    Column("supersedes", String, nullable=True, index=True),
    Column("survey_year", Integer, nullable=False),
    Column("level", String, nullable=False),  # district / province
    Column("area_code", String, nullable=False),  # the visiting office's district (4) or province (2) code
    Column("visit_date", String, nullable=False),  # ISO
    Column("villages", Text, nullable=False),  # JSON list of 8-digit village codes
    Column("visitors", Text, nullable=False),  # JSON [{"name": .., "position": ..}]
    Column("checklist", Text, nullable=False),  # JSON {key: true / false / null}
    Column("notes", Text, nullable=False, server_default=""),
    Column("withdrawn", SmallInteger, nullable=False, server_default="0"),
    Column("created_at", String, nullable=False),
    Column("officer", Text, nullable=False),
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it; "" here
    Column("office", Text, nullable=False, server_default=""),  # JSON: who sent it (other offices' records)
)

backcheck_sample = Table(
    "backcheck_sample",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("visit_id", String, nullable=False, index=True),
    Column("supersedes", String, nullable=True),
    Column("seed", String, nullable=False),
    Column("settings", Text, nullable=False),  # JSON: the sample part of the settings used
    Column("households", Text, nullable=False),  # JSON {village: [household ids]}
    Column("created_at", String, nullable=False),
    Column("officer", Text, nullable=False),
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it; "" here
    Column("office", Text, nullable=False, server_default=""),  # JSON: who sent it (other offices' records)
)

backcheck_answer = Table(
    "backcheck_answer",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("visit_id", String, nullable=False, index=True),
    Column("household_id", BigInteger, nullable=False, index=True),
    Column("supersedes", String, nullable=True),
    Column("village", Integer, nullable=False),
    Column("asked_on", String, nullable=False),  # ISO date of the re-interview
    Column("checker", String, nullable=False),
    Column("answers", Text, nullable=False),  # JSON {item key: value as text}
    Column("recorded", Text, nullable=False),  # JSON {item key: the record's value when compared}
    Column("created_at", String, nullable=False),
    Column("officer", Text, nullable=False),
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it; "" here
    Column("office", Text, nullable=False, server_default=""),  # JSON: who sent it (other offices' records)
)

# Certification (desktop/certify/, desktop/models/roster.py and locks.py, migration 0006): append-only events.
# roster_event: one change of a working-group roster of (level, area); the current roster is their fold.
roster_event = Table(
    "roster_event",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("level", String, nullable=False),  # tambon / lao / district / province
    Column("area_code", String, nullable=False),
    Column("member_uuid", String, nullable=False),  # the person's identity in this roster across edits
    Column("kind", String, nullable=False),  # set (add or change) / remove
    Column("name", String, nullable=False, server_default=""),
    Column("position", String, nullable=False, server_default=""),
    Column("role", String, nullable=False, server_default="member"),  # chair / secretary / member
    Column("ord", Integer, nullable=False, server_default="0"),
    Column("at", String, nullable=False),
    Column("officer", Text, nullable=False),
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it; "" here
    Column("office", Text, nullable=False, server_default=""),  # JSON: who sent it (other offices' records)
)
Index("ix_roster_event_area", roster_event.c.level, roster_event.c.area_code)

certification_event = Table(
    "certification_event",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("area_code", String, nullable=False),
    Column("level", String, nullable=False),  # tambon / lao / district / province
    Column("survey_year", Integer, nullable=False),
    Column("certified_at", String, nullable=False),  # ISO UTC
    Column("officer", Text, nullable=False),  # JSON of the officer profile
    Column("roster", Text, nullable=False),  # JSON: the members present [{name, position, role}]
    Column("fingerprint", String, nullable=False),
    Column("short_code", String, nullable=False, index=True),
    Column("summary", Text, nullable=False),  # JSON: the figures printed on the form
    Column("override_reason", Text, nullable=False, server_default=""),  # child areas not certified: why anyway
    Column("indicator_set", String, nullable=False),
    Column("provisional", SmallInteger, nullable=False, server_default="0"),
    Column("place", String, nullable=False, server_default=""),
    Column("households", Integer, nullable=False),
    Column("line_digests", LargeBinary, nullable=False),  # zlib(household id 8 bytes + line digest 8 bytes, ...)
    Column("verdict", String, nullable=False, server_default=""),  # the server's answer (migration 0009)
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it; "" here
    Column("office", Text, nullable=False, server_default=""),  # JSON: who sent it (other offices' records)
)
Index("ix_certification_event_area", certification_event.c.survey_year, certification_event.c.area_code)

certification_reopen = Table(
    "certification_reopen",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("uuid", String, nullable=False, unique=True),
    Column("certification_uuid", String, nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("by", Text, nullable=False),  # JSON of the officer profile
    Column("at", String, nullable=False),
    Column("origin", String, nullable=False, server_default=""),  # store id of the laptop that made it; "" here
    Column("office", Text, nullable=False, server_default=""),  # JSON: who sent it (other offices' records)
)
