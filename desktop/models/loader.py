"""The bulk write path shared by the importer and the demo generator.

One `BulkLoad` is one transaction: households the load brings that are already in the store are
moved to history (household_version) and replaced; the village's other households are kept, unless
the caller says the load is the whole village (`whole_villages`), then they are moved to history
too. A household whose content comes back unchanged keeps its version, import and status, and
leaves no history row (finish(): an identical re-import changes nothing). Rows stream in through
DBAPI executemany (the ORM is
~10x slower for this, see ../shared/perf/floors.md §2), then the engine evaluates the new rows and
the per-village counts are refreshed. The caller owns the transaction: an exception anywhere,
including Cancelled, leaves the store exactly as it was.

Households wait in a stage table until their members are in. Each member batch also counts the
member facts of its households (engine.CompiledSet.member_facts) while those rows are still in the
page cache, into a facts table shaped like the engine's temp.mf: the evaluation and the report
summaries then read no member rows. Both are ordinary tables of the (encrypted) store, created and
dropped inside the load's transaction: memory stays flat however large the load (a TEMP table
would live in RAM, temp_store=MEMORY), nothing unencrypted touches the disk, and the pages they
free are reused.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import sqlcipher3
from sqlalchemy import Connection, text

from desktop.models import areas, audit, corrections, engine, events, surveys
from desktop.models.db import raw
from desktop.models.fields import MONEY
from desktop.models.schema import household as household_table
from desktop.models.schema import member as member_table
from desktop.models import summary as report_summary

# Built after a load into an empty store rather than maintained row by row (about 2x faster). Table.indexes
# is a set whose order changes from run to run; a fixed order keeps time and memory figures reproducible.
_DEFERRED_INDEXES = sorted((i for t in (household_table, member_table) for i in t.indexes
                            if i.name != "ix_household_village"), key=lambda index: str(index.name))
_INDEX_CACHE = -8192  # KiB of page cache while they are built
_LOAD_CACHE = -16384  # KiB of page cache during a load (small_cache)

HOUSEHOLD_COLUMNS = (
    "id", "survey_year", "province", "district", "tambon", "village", "house_no", "house_sort", "house_code",
    "head_name", "head_sort", *MONEY, "answers", "collector", "survey_date", "version", "import_id",
)
MEMBER_COLUMNS = (
    "household_id", "seq", "pid", "pid_rev", "title", "first_name", "last_name", "sex", "birth_date", "age",
    "age_months", "relation", "education", "occupation", "health", "self_reliant", "in_school",
)
STAGE, FACTS = "main.bulk_stage_household", "main.bulk_member_facts"  # exist only inside a load's transaction
_SAME = "main.bulk_unchanged"  # households that came back unchanged, inside finish() only
_HH_INSERT = f"INSERT INTO {STAGE}({', '.join(HOUSEHOLD_COLUMNS)}) VALUES ({', '.join('?' * len(HOUSEHOLD_COLUMNS))})"
_M_INSERT = f"INSERT INTO member({', '.join(MEMBER_COLUMNS)}) VALUES ({', '.join('?' * len(MEMBER_COLUMNS))})"
_HH_JSON = ", ".join(f"'{c}', h.{c}" for c in ("house_no", "house_code", "head_name", "n_members", *MONEY, "answers",
                                               "results", "collector", "survey_date", "status", "village"))
_M_JSON = ", ".join(f"'{c}', m.{c}" for c in MEMBER_COLUMNS[1:] if c != "pid_rev")


@dataclass
class VillagePlan:
    """What a load does to one village: households added, changed, unchanged, and the store's
    households of the village that the load does not bring (`missing`: kept, or `removed` when the
    load is the whole village)."""

    village: int
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    missing: int = 0
    removed: int = 0
    new_village: bool = False  # set by the importer: the store did not know this village


@dataclass
class LoadSummary:
    import_id: int
    households: int = 0
    members: int = 0
    villages: int = 0
    replaced: int = 0
    village_codes: set[int] = field(default_factory=set)
    confirmed: int = 0  # corrections the load confirmed / found not applied (desktop/models/corrections.py)
    not_applied: int = 0
    plan: dict[int, VillagePlan] = field(default_factory=dict)  # village -> what the load did there

    @property
    def unchanged(self) -> int:
        return sum(p.unchanged for p in self.plan.values())


class BulkLoad:
    """Use inside `store.begin()`: start(), add_households()/add_members() any number of times, finish()."""

    def __init__(self, conn: Connection, survey_year: int, source: str, *,
                 whole_villages: bool | frozenset[int] = False, keep_unchanged: bool = False):
        """whole_villages: True (every village of the load) or the village codes whose households
        missing from the load are moved to history; by default they are kept.
        keep_unchanged: a household loaded again with the same content is left as it was (finish())."""
        self.conn = conn
        self.whole_villages = whole_villages
        self.keep_unchanged = keep_unchanged
        self.dbapi = raw(conn)
        self.survey = surveys.ensure(conn, survey_year)
        self.year = survey_year
        self.source = source
        self._summary: LoadSummary | None = None  # made by start()
        self._year_was_empty = True
        self._defer_indexes = False
        survey = self.survey
        self._member_facts = engine.compile_set(survey.indicator_set, survey_year, survey.layout).member_facts
        # the facts of the households given (a JSON list), counted again from all their member rows
        self._facts_sql = (f"INSERT OR REPLACE INTO {FACTS} SELECT m.household_id, {self._member_facts} FROM member m"
                           " WHERE m.household_id IN (SELECT value FROM json_each(?)) GROUP BY m.household_id")

    @property
    def summary(self) -> LoadSummary:
        """What the load did so far (after start())."""
        if self._summary is None:
            raise RuntimeError("BulkLoad.start() was not called")
        return self._summary

    def start(self) -> int:
        batch_uuid = str(uuid.uuid4())
        now = events.clock().isoformat(timespec="seconds")
        self.conn.execute(
            text(
                "INSERT INTO import_batch(uuid, created_at, officer, source, survey_year, households, members)"
                " VALUES (:u, :t, :o, :s, :y, 0, 0)"
            ),
            {"u": batch_uuid, "t": now, "o": events.officer_json(self.conn), "s": self.source, "y": self.year},
        )
        import_id = self.conn.execute(text("SELECT id FROM import_batch WHERE uuid = :u"), {"u": batch_uuid}).scalar_one()
        self._summary = LoadSummary(import_id=import_id)
        self._year_was_empty = not self.conn.execute(
            text("SELECT 1 FROM household WHERE survey_year = :y LIMIT 1"), {"y": self.year}
        ).first()
        self._drop_work_tables(STAGE, FACTS)
        self.dbapi.execute(f"CREATE TABLE {STAGE}(id INTEGER PRIMARY KEY, {', '.join(HOUSEHOLD_COLUMNS[1:])})")
        names = [d[0] for d in self.dbapi.execute(f"SELECT {self._member_facts} FROM member m LIMIT 0").description]
        self.dbapi.execute(f"CREATE TABLE {FACTS}(hid INTEGER PRIMARY KEY, {', '.join(names)})")
        self._defer_indexes = not self.conn.execute(text("SELECT 1 FROM household LIMIT 1")).first()
        if self._defer_indexes:
            for index in _DEFERRED_INDEXES:
                index.drop(self.conn)
        return import_id

    def replace_area(self, area_code: str) -> None:
        """Move every household of the year inside an area to history first (a full reload of it)."""
        if self._year_was_empty:
            return
        lo, hi = int(area_code.ljust(8, "0")), int(area_code.ljust(8, "9"))
        self.summary.replaced += self._archive(
            "h.survey_year = :y AND h.village BETWEEN :lo AND :hi", {"y": self.year, "lo": lo, "hi": hi}
        )
        self.summary.village_codes |= set(
            self.conn.execute(text("SELECT CAST(village AS INTEGER) FROM area_stat WHERE survey_year = :y AND"
                                   " CAST(village AS INTEGER) BETWEEN :lo AND :hi"), {"y": self.year, "lo": lo, "hi": hi}
                              ).scalars()
        )

    def add_households(self, rows: Sequence[tuple]) -> None:
        """Rows in HOUSEHOLD_COLUMNS order (import_id is overwritten)."""
        summary = self.summary
        summary.village_codes |= {r[5] for r in rows}
        if not self._year_was_empty:
            ids = json.dumps([r[0] for r in rows])
            summary.replaced += self._archive("h.id IN (SELECT value FROM json_each(:ids))", {"ids": ids})
        iid = summary.import_id
        self.dbapi.executemany(_HH_INSERT, [r[:-1] + (iid,) for r in rows])
        summary.households += len(rows)

    def add_members(self, rows: Sequence[tuple]) -> None:
        """Rows in MEMBER_COLUMNS order; their households must be in this load.

        If the insert fails (e.g. a household and seq already there) nothing else is recorded."""
        self.dbapi.executemany(_M_INSERT, rows)
        self._add_facts(rows)
        self.summary.members += len(rows)

    def add_members_checked(self, rows: Sequence[tuple]) -> bool:
        """add_members, unless a row's household and seq is already there: then no row is added
        (the ones before it are taken out again) and the answer is False."""
        dbapi = self.dbapi
        before = dbapi.total_changes
        try:
            dbapi.executemany(_M_INSERT, rows)
        except sqlcipher3.IntegrityError:
            added = dbapi.total_changes - before  # executemany stops at the failing row
            if added:
                dbapi.executemany("DELETE FROM member WHERE household_id = ? AND seq = ?",
                                  [row[:2] for row in rows[:added]])
            return False
        self._add_facts(rows)
        self.summary.members += len(rows)
        return True

    def households_with_members(self) -> int:
        """How many of this load's households have member rows."""
        return self.dbapi.execute(f"SELECT count(*) FROM {FACTS}").fetchone()[0]

    def _add_facts(self, rows: Sequence[tuple]) -> None:
        self.dbapi.execute(self._facts_sql, (json.dumps(sorted({row[0] for row in rows})),))

    @property
    def year_was_empty(self) -> bool:
        """The store held no household of this survey year when the load started."""
        return self._year_was_empty

    @property
    def defers_indexes(self) -> bool:
        """True for a load into a store without households: all member rows are then this load's,
        and the secondary indexes are built by finish()."""
        return self._defer_indexes

    def _archive(self, where: str, params: dict) -> int:
        """Copy matching households (with members) to history, then delete them."""
        params = {**params, "new": self.summary.import_id}
        moved = self.conn.execute(
            text(
                "INSERT INTO household_version(household_id, version, import_id, replaced_by_import, data)"
                f" SELECT h.id, h.version, h.import_id, :new, json_object({_HH_JSON}, 'members',"
                f" (SELECT json_group_array(json_object({_M_JSON})) FROM member m WHERE m.household_id = h.id))"
                f" FROM household h WHERE {where} AND h.import_id <> :new"
            ),
            params,
        ).rowcount
        if moved:
            self.conn.execute(
                text(
                    "DELETE FROM member WHERE household_id IN"
                    f" (SELECT h.id FROM household h WHERE {where} AND h.import_id <> :new)"
                ),
                params,
            )
            self.conn.execute(text(f"DELETE FROM household AS h WHERE {where} AND h.import_id <> :new"), params)
        return max(moved, 0)

    def _whole(self, village: int) -> bool:
        whole = self.whole_villages
        return whole if isinstance(whole, bool) else village in whole

    def _plan_villages(self) -> None:
        """Per village of the load: added / already there, and the store's households it does not
        bring (moved to history for a whole village). Households the load brings were moved to
        history by add_households, so what the year still holds in these villages is missing."""
        summary = self.summary
        plan = summary.plan = {v: VillagePlan(v) for v in sorted(summary.village_codes)}
        iid = summary.import_id
        for village, n in self.dbapi.execute(f"SELECT village, count(*) FROM {STAGE} GROUP BY village"):
            plan[village].added = n
        if self._year_was_empty:
            return
        for village, n in self.dbapi.execute(
                f"SELECT s.village, count(*) FROM {STAGE} s JOIN household_version v ON v.household_id = s.id"
                " AND v.replaced_by_import = ? GROUP BY s.village", (iid,)):
            plan[village].added -= n
            plan[village].changed = n  # until finish() finds the unchanged ones
        villages = json.dumps(sorted(plan))
        for village, n in self.dbapi.execute(
                "SELECT village, count(*) FROM household WHERE survey_year = ? AND village IN"
                " (SELECT value FROM json_each(?)) AND import_id <> ? GROUP BY village", (self.year, villages, iid)):
            if self._whole(village):
                plan[village].removed = n
                summary.replaced += self._archive("h.survey_year = :y AND h.village = :v",
                                                  {"y": self.year, "v": village})
            else:
                plan[village].missing = n

    def _keep_unchanged(self) -> None:
        """A household that came back exactly as it was (same values, same members) keeps its
        version, import and status, and its history row goes: nothing about it changed."""
        if self._year_was_empty or not self.keep_unchanged:
            return
        iid = self.summary.import_id
        self._drop_work_tables(_SAME)
        self.dbapi.execute(f"CREATE TABLE {_SAME}(hid INTEGER PRIMARY KEY, vid, version, import_id, status, village)")
        self.dbapi.execute(
            f"INSERT INTO {_SAME} SELECT h.id, v.id, v.version, v.import_id, json_extract(v.data, '$.status'),"
            " h.village FROM household h JOIN household_version v ON v.household_id = h.id"
            " AND v.replaced_by_import = ? WHERE h.import_id = ?"
            f" AND json_remove(v.data, '$.status') = json_remove(json_object({_HH_JSON}, 'members',"
            f" (SELECT json_group_array(json_object({_M_JSON})) FROM member m WHERE m.household_id = h.id)),"
            " '$.status')", (iid, iid))
        for village, n in self.dbapi.execute(f"SELECT village, count(*) FROM {_SAME} GROUP BY village").fetchall():
            plan = self.summary.plan[village]
            plan.unchanged, plan.changed = n, plan.changed - n
            self.summary.replaced -= n
        self.dbapi.execute(f"UPDATE household AS h SET version = s.version, import_id = s.import_id, status = s.status"
                           f" FROM {_SAME} s WHERE h.id = s.hid")
        self.dbapi.execute(f"DELETE FROM household_version WHERE id IN (SELECT vid FROM {_SAME})")
        self._drop_work_tables(_SAME)

    def finish(self) -> LoadSummary:
        summary = self.summary
        params = {"iid": summary.import_id}
        survey = self.survey
        self._plan_villages()
        engine.insert_evaluated(self.conn, survey.indicator_set, self.year, survey.layout, STAGE, HOUSEHOLD_COLUMNS,
                                facts=FACTS)
        with_members = self.households_with_members()
        self._drop_work_tables(STAGE)
        self.conn.execute(
            text(
                "UPDATE household AS h SET version = 1 + (SELECT max(v.version) FROM household_version v"
                " WHERE v.household_id = h.id) WHERE h.import_id = :iid AND h.id IN"
                " (SELECT household_id FROM household_version WHERE replaced_by_import = :iid)"
            ),
            params,
        )
        areas.refresh_stats(self.conn, self.year, sorted(summary.village_codes))
        self.conn.info[engine.MEMBER_FACTS] = (FACTS, summary.import_id, self._member_facts,
                                             self._year_was_empty)  # see engine
        try:
            report_summary.refresh(self.conn, self.year, sorted(summary.village_codes))
        finally:
            self.conn.info.pop(engine.MEMBER_FACTS, None)
        self._drop_work_tables(FACTS)
        if self._defer_indexes:  # after the work tables, whose pages they take; nothing above needs them
            self._create_indexes()
        summary.confirmed, summary.not_applied = corrections.reconcile(self.conn, summary.import_id)
        self._keep_unchanged()  # after reconcile: a correction still not seen upstream is "not applied"
        self._analyze(with_members if self._defer_indexes else None)
        summary.villages = len(summary.village_codes)
        self.conn.execute(
            text("UPDATE import_batch SET households = :h, members = :m WHERE id = :iid"),
            {"h": summary.households, "m": summary.members, **params},
        )
        audit.append(
            self.conn,
            "import",
            target=str(self.year),
            detail={"source": self.source, "households": summary.households, "members": summary.members,
                    "villages": summary.villages, "replaced": summary.replaced, "unchanged": summary.unchanged,
                    "removed": sum(p.removed for p in summary.plan.values()), "import_id": summary.import_id},
        )
        return summary

    def _create_indexes(self) -> None:
        """CREATE INDEX sorts every key in memory (temp_store=MEMORY: ~130 MB for 3,000,000 members);
        a smaller page cache meanwhile leaves the sort the memory the cache held (a scan and a sort
        need little cache), so the peak does not grow by both."""
        with small_cache(self.conn, _INDEX_CACHE):
            for index in _DEFERRED_INDEXES:
                index.create(self.conn)

    def _analyze(self, households: int | None) -> None:
        """Planner statistics (sampled): decide between index-order scans and candidate lookups in searches.

        ANALYZE reads the whole member table for its key's line (analysis_limit does not shorten
        that). After a first load (`households`: how many have member rows, every member row being
        this load's) the line is known, so it is written as ANALYZE would write it, and everything
        else is analyzed as usual.
        """
        dbapi = self.dbapi
        dbapi.execute("PRAGMA analysis_limit = 2000")
        if not households:
            dbapi.execute("ANALYZE")
            return
        for (name,) in dbapi.execute(
            "SELECT name FROM sqlite_schema WHERE (type = 'table' AND name NOT LIKE 'sqlite%' AND name <> 'member')"
            " OR (type = 'index' AND tbl_name = 'member' AND sql IS NOT NULL) ORDER BY name"
        ).fetchall():
            dbapi.execute(f'ANALYZE "{name}"')
        rows = self.summary.members
        dbapi.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'member' AND idx = 'member'")
        dbapi.execute("INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES ('member', 'member', ?)",
                      (f"{rows} {(rows + households - 1) // households} 1",))
        dbapi.execute("ANALYZE sqlite_schema")  # load the statistics

    def _drop_work_tables(self, *tables: str) -> None:
        """Their pages go back to the free list without being overwritten first (secure_delete,
        SQLCipher's default): everything in them is in household now."""
        secure = self.dbapi.execute("PRAGMA secure_delete").fetchone()[0]
        self.dbapi.execute("PRAGMA secure_delete = 0")
        try:
            for table in tables:
                self.dbapi.execute(f"DROP TABLE IF EXISTS {table}")
        finally:
            self.dbapi.execute(f"PRAGMA secure_delete = {int(secure)}")


@contextlib.contextmanager
def small_cache(conn: Connection, kib: int = _LOAD_CACHE):
    """A smaller page cache for a load (restored after): it streams rows in key order and scans,
    so a large cache buys little time, while every MB of it adds to the load's peak memory."""
    dbapi = raw(conn)
    cache = dbapi.execute("PRAGMA cache_size").fetchone()[0]
    dbapi.execute(f"PRAGMA cache_size = {int(kib)}")
    try:
        yield
    finally:
        dbapi.execute(f"PRAGMA cache_size = {int(cache)}")


def chunks(rows: Iterable, size: int = 5000):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
