"""Tables of the province server (SQLAlchemy Core); Alembic in province/migrations builds them.

Every change to a household takes the next number of one server-wide sequence (`household.seq`, from the
`counter` row); laptops pull "everything after N" per area. Writers take the counter row first, so
sequence numbers become visible in order and a cursor never skips a change that commits late.
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

from desktop.models.fields import MONEY

metadata = MetaData()
BIG_ID = BigInteger().with_variant(Integer(), "sqlite")  # SQLite: the rowid itself

officer = Table(
    "officer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False),
    Column("token_id", String(32), nullable=False, unique=True),  # the public half of the token, for lookup
    Column("token_salt", String, nullable=False),
    Column("token_hash", String, nullable=False),  # sha256(salt + secret): the secret itself is never stored
    Column("created_at", String, nullable=False),
    Column("active", SmallInteger, nullable=False, server_default="1"),
)

officer_area = Table(
    "officer_area",
    metadata,
    Column("officer_id", Integer, nullable=False),
    Column("area_code", String(8), nullable=False),
    PrimaryKeyConstraint("officer_id", "area_code"),
)

device = Table(  # a laptop (store id) and the public key its offline bundles are signed with
    "device",
    metadata,
    Column("store_id", String(64), primary_key=True),
    Column("officer_id", Integer, nullable=False),
    Column("public_key", String(64), nullable=False, unique=True),  # Ed25519, hex
    Column("registered_at", String, nullable=False),
    Column("revoked_at", String, nullable=True),  # a lost laptop's key: its events are refused from then on
)

server_meta = Table(  # generation (new after a restore), province signing key, challenge secret (migration 0002)
    "server_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

village = Table(
    "village",
    metadata,
    Column("code", Integer, primary_key=True, autoincrement=False),
    Column("name_th", String, nullable=False, server_default=""),
)

survey = Table(
    "survey",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("answer_layout", Text, nullable=False),  # comma-separated answer codes of household.answers
)

household = Table(
    "household",
    metadata,
    Column("id", BIG_ID, primary_key=True, autoincrement=False),  # survey year * 10^11 + house code
    Column("survey_year", Integer, nullable=False),
    Column("village", Integer, nullable=False),
    Column("house_no", String, nullable=False),
    Column("house_code", String, nullable=False),
    Column("head_name", String, nullable=False, server_default=""),
    *[Column(name, BigInteger, nullable=False, server_default="0") for name in MONEY],
    Column("answers", String, nullable=False, server_default=""),
    Column("collector", String, nullable=False, server_default=""),
    Column("survey_date", String, nullable=False, server_default=""),
    Column("status", SmallInteger, nullable=False, server_default="0"),
    Column("version", Integer, nullable=False, server_default="1"),  # content version: +1 per content change
    Column("seq", BigInteger, nullable=False),  # server sequence of the last change of any kind
    Column("deleted", SmallInteger, nullable=False, server_default="0"),  # removed by a national reload
    Column("n_members", Integer, nullable=False, server_default="0"),
    Column("members_hash", String, nullable=False, server_default=""),
    Column("members_version", Integer, nullable=False, server_default="1"),  # the version its members last changed at
    Column("content_hash", String, nullable=False, server_default=""),
)
Index("ix_household_seq", household.c.seq)
Index("ix_household_village_seq", household.c.village, household.c.seq)

member = Table(
    "member",
    metadata,
    Column("household_id", BigInteger, nullable=False),
    Column("seq", SmallInteger, nullable=False),
    Column("pid", String, nullable=False),
    Column("title", String, nullable=False, server_default=""),
    Column("first_name", String, nullable=False),
    Column("last_name", String, nullable=False),
    Column("sex", String(1), nullable=False),
    Column("birth_date", String, nullable=False),
    Column("relation", String, nullable=False, server_default=""),
    Column("education", String, nullable=False, server_default=""),
    Column("occupation", String, nullable=False, server_default=""),
    Column("health", String(1), nullable=False, server_default="N"),
    Column("self_reliant", SmallInteger, nullable=False, server_default="1"),
    Column("in_school", SmallInteger, nullable=False, server_default="0"),
    PrimaryKeyConstraint("household_id", "seq"),
)

events = Table(  # every event received, in arrival order; never updated
    "events",
    metadata,
    Column("seq", BIG_ID, primary_key=True, autoincrement=True),
    Column("uuid", String(36), nullable=False),
    Column("author", String(80), nullable=False, server_default=""),  # device key that signed it (or officer:<id>)
    Column("digest", String(64), nullable=False, server_default=""),  # sha256 of its canonical content
    Column("kind", String(64), nullable=False),
    Column("officer_id", Integer, nullable=False),  # its author's officer (whose areas judged it)
    Column("store_id", String(64), nullable=False, server_default=""),  # the laptop that sent it
    Column("origin", String(64), nullable=False, server_default=""),  # the laptop that made it
    Column("target", String, nullable=False, server_default=""),
    Column("household_id", BigInteger, nullable=True),
    Column("payload", Text, nullable=False),
    Column("client_created_at", String, nullable=False, server_default=""),  # device clock: information only
    Column("received_at", String, nullable=False),
    Column("via", String(16), nullable=False),  # push / bundle
    Column("status", String(16), nullable=False),  # accepted / conflict / rejected / needs_recheck
    Column("answer", Text, nullable=False),  # the ack sent back (JSON), repeated for duplicates
)
Index("ix_events_household", events.c.household_id)
Index("ux_events_uuid_author", events.c.uuid, events.c.author, unique=True)  # de-duplication: (uuid, author)

counter = Table(
    "counter",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

load_batch = Table(
    "load_batch",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", String, nullable=False),
    Column("source", Text, nullable=False),
    Column("households", Integer, nullable=False),
    Column("members", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
)
