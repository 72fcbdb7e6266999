"""`make bench`: every benchmark in one run; prints a table and writes docs/performance.md.

Each benchmark runs in its own process (bench.common.in_child) and prints one JSON line; this module
only collects and renders them. Generated data is cached in bench/.cache (the 1,000,000-household
demo province is generated once, then exported once as the import's CSV).

Size knobs (environment variables) for a quicker run; the defaults are what issues 3 and 9 ask:
  BMN_BENCH_SIZES="15000,200000,1000000"  import sizes (households); each against sqlite3 executemany
                                          and the sqlite3 shell's .import of the same CSV
  BMN_BENCH_LOOKUP=1000000                store for the table/search latencies and the start-up
  BMN_BENCH_REPORTS="200000,1000000"      stores for the four reports
  BMN_BENCH_PDF_RUNS=5                    runs of the 100-page PDF
  BMN_BENCH_STARTUP_RUNS="3,5"            cold and warm runs of the start-up (cold needs root)
  BMN_BENCH_COLD=0                        never drop the OS page cache (start-up then warm only)
  BMN_BENCH_SYNC=100000                   households of the sync benchmark (0: skip it)
  BMN_BENCH_SYNC_LOAD=100                 clients of bench/bench_sync_load.py if it exists (0: skip it)
  BMN_BENCH_SKIP="startup,sync"           parts to leave out: import, lookup, reports, pdf, pack, startup, sync,
                                          sync_load
  (pack: the meeting pack of one demo district of ~15,000 households, bench/bench_pack.py)
  BMN_BENCH_ONLY="lookup"                 run only these parts and take the others from the last run
                                          (bench/.cache/last-run.json), then write the document again
A quick look: BMN_BENCH_SIZES=15000 BMN_BENCH_LOOKUP=200000 BMN_BENCH_REPORTS=200000 BMN_BENCH_SYNC=5000
BMN_BENCH_SYNC_LOAD=10 python bench/run_bench.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import CACHE, ROOT, in_child, machine  # noqa: E402
from bench.render import render  # noqa: E402


def env_sizes(name: str, default: str) -> list[int]:
    return [int(s) for s in os.environ.get(name, default).split(",") if s.strip()]


def attempt(label: str, module: str, *args: str) -> dict:
    """A benchmark's result, or {"failed": why} so that one broken part does not lose the others."""
    try:
        return in_child(module, *args)
    except Exception as err:  # noqa: BLE001 - reported in the document
        print(f"{label} failed: {err}", file=sys.stderr)
        return {"failed": str(err).strip().splitlines()[-1][:300] if str(err).strip() else type(err).__name__}


def main() -> None:
    skip = {s.strip() for s in os.environ.get("BMN_BENCH_SKIP", "").split(",") if s.strip()}
    only = {s.strip() for s in os.environ.get("BMN_BENCH_ONLY", "").split(",") if s.strip()}
    lookup_size = int(os.environ.get("BMN_BENCH_LOOKUP", "1000000"))
    results: dict = {"machine": machine(), "date": dt.date.today().isoformat()}
    if only:
        last_run = CACHE / "last-run.json"  # none yet: the other parts are simply not in the document
        last = json.loads(last_run.read_text(encoding="utf-8")) if last_run.exists() else {}
        results.update({k: v for k, v in last.items() if k not in ("machine", "date")})
        parts = {"import", "lookup", "reports", "pdf", "pack", "startup", "sync", "sync_load"}
        skip |= parts - only
        results["rerun"] = sorted(set(last.get("rerun", [])) | (only & parts))
    if "import" not in skip:
        results["imports"] = [attempt(f"import {n}", "bench_import", str(n))
                              for n in env_sizes("BMN_BENCH_SIZES", "15000,200000,1000000")]
    if "lookup" not in skip:
        results["lookup"] = attempt("lookup", "bench_lookup", str(lookup_size))
    if "reports" not in skip:
        results["reports"] = [attempt(f"reports {n}", "bench_reports", str(n))
                              for n in env_sizes("BMN_BENCH_REPORTS", "200000,1000000")]
    if "pdf" not in skip:
        results["pdf"] = attempt("pdf", "bench_pdf", "--runs", os.environ.get("BMN_BENCH_PDF_RUNS", "5"))
    if "pack" not in skip:
        results["pack"] = attempt("pack", "bench_pack", "15000")
    if "startup" not in skip:
        cold, warm = os.environ.get("BMN_BENCH_STARTUP_RUNS", "3,5").split(",")
        results["startup"] = attempt("startup", "bench_startup", str(lookup_size), "--cold-runs", cold,
                                     "--warm-runs", warm)
    sync_size = int(os.environ.get("BMN_BENCH_SYNC", "100000"))
    if "sync" not in skip and sync_size:
        events = min(20_000, sync_size // 5)  # bench_sync's defaults at 100,000, scaled down for a quick run
        clients = max(2, min(100, (sync_size - events) // 200))  # its load test needs 200 households a client
        results["sync"] = attempt("sync", "bench_sync", "--households", str(sync_size), "--events", str(events),
                                  "--clients", str(clients))
    load_clients = int(os.environ.get("BMN_BENCH_SYNC_LOAD", "100"))
    if "sync_load" not in skip and load_clients:
        if (ROOT / "bench" / "bench_sync_load.py").exists():
            results["sync_load"] = attempt("sync load", "bench_sync_load", "--clients", str(load_clients))
        else:
            results["sync_load"] = {"failed": "bench/bench_sync_load.py does not exist yet"}
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / "last-run.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    report = render(results)
    print(report)
    (ROOT / "docs" / "performance.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
