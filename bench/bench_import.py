"""Import of a national export (households + members CSV) against the plain sqlite3 floor.

floor  = stdlib csv.reader rows straight into sqlite3 executemany, one transaction per table, same
         rows, an unencrypted file, then comparable indexes (floors.md §2 "raw").
cli    = the sqlite3 command-line shell's `.import --csv` of the same files into the same tables, then
         the same indexes (floors.md §2 "sqlite3 CLI .import": C only, no Python); skipped with a note
         when there is no `sqlite3` on PATH.
ours   = `main.py import` (national.import_files): validation, encryption, evaluation, history.
Each runs in a fresh process so peak memory is its own; ours counts its reader process too
(desktop/importers/prefetch.py): the largest sum of both sampled every 20 ms (or this process's own
peak if larger); the peak of each is given as well.

    python -m bench.bench_import 15000       # a district
    python -m bench.bench_import 200000      # a province
    python -m bench.bench_import 1000000     # the province of issue 9 (CSV exported from the lookup store)
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.common import CACHE, PASSPHRASE, demo_csv, emit, in_child, peak_rss_mb, remove_db

LOOKUP_SIZE = 1_000_000  # this size is exported from the lookup benchmark's cached store

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


def cli(files: list[str]) -> dict:
    """The sqlite3 shell: CREATE TABLE as the floor does, `.import --csv --skip 1` each file, indexes."""
    exe = shutil.which("sqlite3")
    if exe is None:
        return {"skipped": "no sqlite3 command-line shell on PATH"}
    db_path = CACHE / "cli.db"
    remove_db(db_path)
    lines = ["PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;"]
    for table, path in zip(("households", "members"), files):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            width = len(next(csv.reader(fh)))
        quoted = str(path).replace("'", "''")
        lines += [f"CREATE TABLE {table}({', '.join(f'c{i}' for i in range(width))});",
                  f".import --csv --skip 1 '{quoted}' {table}"]
    lines += [f"{ddl};" for ddl in FLOOR_INDEXES] + ["ANALYZE;"]
    with TreeMemory(include_self=False) as memory:
        start = time.perf_counter()
        subprocess.run([exe, str(db_path)], input="\n".join(lines) + "\n", text=True, check=True,
                       stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
    con = sqlite3.connect(db_path)
    rows = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("households", "members"))
    con.close()
    remove_db(db_path)
    return {"seconds": seconds, "rows": rows, "peak_mb": memory.peak_kb / 1024}


class TreeMemory:
    """Samples the resident memory of this process plus its children (the import's reader process)
    every 20 ms: their peaks come at different moments, so the sum of the two peaks overstates."""

    def __init__(self, include_self: bool = True):
        self.include_self = include_self
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss_kb(pid) -> int:
        """Proportional set size: a page two processes share counts half in each (a child between
        fork and exec shares all of this process's pages; its VmRSS would count them twice)."""
        for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
            try:
                for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                    if line.startswith(field):
                        return int(line.split()[1])
            except OSError:
                continue
        return 0

    def _sample(self) -> int:
        total = self._rss_kb("self") if self.include_self else 0
        for children in Path("/proc/self/task").glob("*/children"):
            try:
                total += sum(self._rss_kb(pid) for pid in children.read_text().split())
            except OSError:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak_kb = max(self.peak_kb, self._sample())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def ours(files: list[str]) -> dict:
    from desktop.importers import national, prefetch
    from desktop.models import db

    db_path = CACHE / "ours.db"
    remove_db(db_path)
    store = db.open_store(db_path, PASSPHRASE, create=True)
    with TreeMemory() as memory:
        start = time.perf_counter()
        result = national.import_files(store, [Path(f) for f in files], year=2567)
        seconds = time.perf_counter() - start
    store.close()
    if not result.ok:
        raise SystemExit(f"import reported problems: {result.problems[:5]}")
    reader_mb = prefetch.Reader.peak_kb / 1024
    return {"seconds": seconds, "households": result.summary.households, "members": result.summary.members,
            "peak_mb": max(memory.peak_kb / 1024, peak_rss_mb()), "peak_main_mb": peak_rss_mb(),
            "peak_reader_mb": reader_mb}


def measure(households: int, runs: int = 1) -> dict:
    source = f"lookup-{households}" if households == LOOKUP_SIZE else None
    files = [str(p) for p in demo_csv(households, f"import-{households}", source=source)]
    best_floor = min((in_child("bench_import", "_floor", *files) for _ in range(runs)), key=lambda r: r["seconds"])
    clis = [in_child("bench_import", "_cli", *files) for _ in range(runs)]
    best_ours = min((in_child("bench_import", "_ours", *files) for _ in range(runs)), key=lambda r: r["seconds"])
    out = {"households": best_ours["households"], "members": best_ours["members"],
           "floor_s": round(best_floor["seconds"], 2), "floor_peak_mb": round(best_floor["peak_mb"]),
           "ours_s": round(best_ours["seconds"], 2), "ours_peak_mb": round(best_ours["peak_mb"]),
           "ours_peak_main_mb": round(best_ours["peak_main_mb"]), "ours_peak_reader_mb": round(best_ours["peak_reader_mb"]),
           "ratio": round(best_ours["seconds"] / best_floor["seconds"], 2), "runs": runs}
    if "skipped" in clis[0]:
        out["cli_skipped"] = clis[0]["skipped"]
    else:
        best_cli = min(clis, key=lambda r: r["seconds"])
        out.update({"cli_s": round(best_cli["seconds"], 2), "cli_peak_mb": round(best_cli["peak_mb"]),
                    "ratio_cli": round(best_ours["seconds"] / best_cli["seconds"], 2)})
    return out


if __name__ == "__main__":
    if sys.argv[1] == "_floor":
        emit(floor(sys.argv[2:]))
    elif sys.argv[1] == "_cli":
        emit(cli(sys.argv[2:]))
    elif sys.argv[1] == "_ours":
        emit(ours(sys.argv[2:]))
    else:
        size = int(sys.argv[1])
        emit(measure(size, runs=3 if size <= 20_000 else 2 if size <= 200_000 else 1))
