"""The bulk write path shared by the importer and the demo generator.

One `BulkLoad` is one transaction: households of every village the load touches are moved to
history (household_version) and replaced, rows stream in through DBAPI executemany (the ORM is
~10x slower for this, see ../shared/perf/floors.md §2), then the engine evaluates the new rows and
the per-village counts are refreshed. The caller owns the transaction: an exception anywhere,
including Cancelled, leaves the store exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from sqlalchemy import Connection, text

from desktop.models import areas, audit, corrections, engine, meta, surveys
from desktop.models.db import raw
from desktop.models.schema import household as household_table
from desktop.models.schema import member as member_table
from desktop.models import summary as report_summary

# Built after a load into an empty store rather than maintained row by row (about 2x faster).
_DEFERRED_INDEXES = [i for t in (household_table, member_table) for i in t.indexes if i.name != "ix_household_village"]

HOUSEHOLD_COLUMNS = (
    "id", "survey_year", "province", "district", "tambon", "village", "house_no", "house_sort", "house_code",
    "head_name", "head_sort", "inc_main", "inc_second", "inc_other", "inc_produce", "exp_production",
    "exp_necessary", "exp_unnecessary", "exp_debt", "answers", "collector", "survey_date", "version", "import_id",
)
MEMBER_COLUMNS = (
    "household_id", "seq", "pid", "pid_rev", "title", "first_name", "last_name", "sex", "birth_date", "age",
    "age_months", "relation", "education", "occupation", "health", "self_reliant", "in_school",
)
_HH_INSERT = f"INSERT INTO temp.stage_household({', '.join(HOUSEHOLD_COLUMNS)}) VALUES ({', '.join('?' * len(HOUSEHOLD_COLUMNS))})"
_M_INSERT = f"INSERT INTO member({', '.join(MEMBER_COLUMNS)}) VALUES ({', '.join('?' * len(MEMBER_COLUMNS))})"
_HH_JSON = ", ".join(f"'{c}', h.{c}" for c in ("house_no", "house_code", "head_name", "n_members", "inc_main",
                                               "inc_second", "inc_other", "inc_produce", "exp_production",
                                               "exp_necessary", "exp_unnecessary", "exp_debt", "answers",
                                               "results", "collector", "survey_date", "status", "village"))
_M_JSON = ", ".join(f"'{c}', m.{c}" for c in MEMBER_COLUMNS[1:] if c != "pid_rev")


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


class BulkLoad:
    """Use inside `store.begin()`: start(), add_households()/add_members() any number of times, finish()."""

    def __init__(self, conn: Connection, survey_year: int, source: str):
        self.conn = conn
        self.dbapi = raw(conn)
        self.survey = surveys.ensure(conn, survey_year)
        self.year = survey_year
        self.source = source
        self.summary: LoadSummary | None = None
        self._year_was_empty = True

    def start(self) -> int:
        batch_uuid = str(uuid.uuid4())
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.conn.execute(
            text(
                "INSERT INTO import_batch(uuid, created_at, officer, source, survey_year, households, members)"
                " VALUES (:u, :t, :o, :s, :y, 0, 0)"
            ),
            {"u": batch_uuid, "t": now, "o": meta.get(self.conn, "profile", "{}"), "s": self.source, "y": self.year},
        )
        import_id = self.conn.execute(text("SELECT id FROM import_batch WHERE uuid = :u"), {"u": batch_uuid}).scalar()
        self.summary = LoadSummary(import_id=import_id)
        self._year_was_empty = not self.conn.execute(
            text("SELECT 1 FROM household WHERE survey_year = :y LIMIT 1"), {"y": self.year}
        ).first()
        self.conn.execute(text("DROP TABLE IF EXISTS temp.stage_household"))
        self.conn.execute(
            text(f"CREATE TEMP TABLE stage_household AS SELECT {', '.join(HOUSEHOLD_COLUMNS)} FROM household WHERE 0")
        )
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
        new_villages = {r[5] for r in rows} - summary.village_codes
        if new_villages:
            summary.village_codes |= new_villages
            if not self._year_was_empty:
                for village in sorted(new_villages):
                    summary.replaced += self._archive("h.survey_year = :y AND h.village = :v", {"y": self.year, "v": village})
        if not self._year_was_empty:
            ids = json.dumps([r[0] for r in rows])
            summary.replaced += self._archive("h.id IN (SELECT value FROM json_each(:ids))", {"ids": ids})
        iid = summary.import_id
        self.dbapi.executemany(_HH_INSERT, [r[:-1] + (iid,) for r in rows])
        summary.households += len(rows)

    def add_members(self, rows: Sequence[tuple]) -> None:
        """Rows in MEMBER_COLUMNS order; their households must be in this load."""
        self.dbapi.executemany(_M_INSERT, rows)
        self.summary.members += len(rows)

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

    def finish(self) -> LoadSummary:
        summary = self.summary
        params = {"iid": summary.import_id}
        survey = self.survey
        engine.insert_evaluated(
            self.conn, survey.indicator_set, self.year, survey.layout, "temp.stage_household", HOUSEHOLD_COLUMNS
        )
        self.conn.execute(text("DROP TABLE temp.stage_household"))
        if self._defer_indexes:
            for index in _DEFERRED_INDEXES:
                index.create(self.conn)
        self.conn.execute(
            text(
                "UPDATE household AS h SET version = 1 + (SELECT max(v.version) FROM household_version v"
                " WHERE v.household_id = h.id) WHERE h.import_id = :iid AND h.id IN"
                " (SELECT household_id FROM household_version WHERE replaced_by_import = :iid)"
            ),
            params,
        )
        areas.refresh_stats(self.conn, self.year, sorted(summary.village_codes))
        report_summary.refresh(self.conn, self.year, sorted(summary.village_codes))
        summary.confirmed, summary.not_applied = corrections.reconcile(self.conn, summary.import_id)
        # planner statistics (sampled): decide between index-order scans and candidate lookups in searches
        self.conn.exec_driver_sql("PRAGMA analysis_limit = 2000")
        self.conn.exec_driver_sql("ANALYZE")
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
                    "villages": summary.villages, "replaced": summary.replaced, "import_id": summary.import_id},
        )
        return summary


def chunks(rows: Iterable, size: int = 5000):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
