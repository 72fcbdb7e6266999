"""Import of a national export (households + members CSV) against the plain sqlite3 floor.

floor  = stdlib csv.reader rows straight into sqlite3 executemany, one transaction per table, same
         rows, an unencrypted file, then comparable indexes (floors.md §2 "raw").
ours   = `main.py import` (national.import_files): validation, encryption, evaluation, history.
Each runs in a fresh process so peak memory is its own.

    python -m bench.bench_import 15000       # a district
    python -m bench.bench_import 200000      # a province
"""

from __future__ import annotations

import csv
import sqlite3
import sys
import time
from pathlib import Path

from bench.common import CACHE, PASSPHRASE, demo_csv, emit, in_child, peak_rss_mb, remove_db

FLOOR_INDEXES = (
    "CREATE INDEX f1 ON households(c0, c1, c5)",
    "CREATE INDEX f2 ON households(c5)",
    "CREATE INDEX f3 ON members(c1, c2)",
    "CREATE INDEX f4 ON members(c3)",
    "CREATE INDEX f5 ON members(c6)",
    "CREATE INDEX f6 ON members(c7)",
)


def floor(files: list[str]) -> dict:
    db_path = CACHE / "floor.db"
    remove_db(db_path)
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    start = time.perf_counter()
    rows = 0
    for table, path in zip(("households", "members"), files):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            cols = ", ".join(f"c{i}" for i in range(len(header)))
            con.execute(f"CREATE TABLE {table}({cols})")
            con.execute("BEGIN")
            before = con.total_changes
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(header))})", reader)
            rows += con.total_changes - before
            con.execute("COMMIT")
    for ddl in FLOOR_INDEXES:
        con.execute(ddl)
    con.execute("ANALYZE")
    con.close()
    return {"seconds": time.perf_counter() - start, "rows": rows, "peak_mb": peak_rss_mb()}


def ours(files: list[str]) -> dict:
    from desktop.importers import national
    from desktop.models import db

    db_path = CACHE / "ours.db"
    remove_db(db_path)
    store = db.open_store(db_path, PASSPHRASE, create=True)
    start = time.perf_counter()
    result = national.import_files(store, [Path(f) for f in files], year=2567)
    seconds = time.perf_counter() - start
    store.close()
    if not result.ok:
        raise SystemExit(f"import reported problems: {result.problems[:5]}")
    return {"seconds": seconds, "households": result.summary.households, "members": result.summary.members,
            "peak_mb": peak_rss_mb()}


def measure(households: int, runs: int = 1) -> dict:
    files = [str(p) for p in demo_csv(households, f"import-{households}")]
    best_floor = min((in_child("bench_import", "_floor", *files) for _ in range(runs)), key=lambda r: r["seconds"])
    best_ours = min((in_child("bench_import", "_ours", *files) for _ in range(runs)), key=lambda r: r["seconds"])
    return {"households": best_ours["households"], "members": best_ours["members"],
            "floor_s": round(best_floor["seconds"], 2), "floor_peak_mb": round(best_floor["peak_mb"]),
            "ours_s": round(best_ours["seconds"], 2), "ours_peak_mb": round(best_ours["peak_mb"]),
            "ratio": round(best_ours["seconds"] / best_floor["seconds"], 2)}


if __name__ == "__main__":
    if sys.argv[1] == "_floor":
        emit(floor(sys.argv[2:]))
    elif sys.argv[1] == "_ours":
        emit(ours(sys.argv[2:]))
    else:
        size = int(sys.argv[1])
        emit(measure(size, runs=3 if size <= 20_000 else 1))
