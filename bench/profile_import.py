"""Where an import's time goes: `main.py import` of the benchmark's cached files under pyinstrument.

    python -m bench.profile_import 200000          # or 15000, 1000000 (files from bench_import)

Writes docs/profile-import-N.txt: the call tree of the importing process (frames under 1 % of the
time hidden; SQLite's own work shows as the Python line that runs the statement), then the same
time by the statement's caller, flat. Not a benchmark: sampling adds a few per cent.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.bench_import import LOOKUP_SIZE
from bench.common import CACHE, PASSPHRASE, ROOT, demo_csv, remove_db


def profile(households: int) -> Path:
    from pyinstrument import Profiler

    from desktop.importers import national
    from desktop.models import db

    source = f"lookup-{households}" if households == LOOKUP_SIZE else None
    files = [Path(p) for p in demo_csv(households, f"import-{households}", source=source)]
    db_path = CACHE / "profile.db"
    remove_db(db_path)
    store = db.open_store(db_path, PASSPHRASE, create=True)
    profiler = Profiler(interval=0.005)
    start = time.perf_counter()
    profiler.start()
    result = national.import_files(store, files, year=2567)
    profiler.stop()
    seconds = time.perf_counter() - start
    store.close()
    remove_db(db_path)
    if not result.ok:
        raise SystemExit(f"import reported problems: {result.problems[:5]}")
    options = {"filter_threshold": 0.01}
    out = ROOT / "docs" / f"profile-import-{households}.txt"
    out.write_text(
        f"# main.py import of {result.summary.households:,} households and {result.summary.members:,} members:"
        f" {seconds:.1f} s (python -m bench.profile_import {households})\n\n"
        + profiler.output_text(unicode=True, processor_options=options)
        + "\n# The same, flat (time spent in each function itself)\n\n"
        + profiler.output_text(unicode=True, flat=True, processor_options=options),
        encoding="utf-8",
    )
    return out


if __name__ == "__main__":
    print(profile(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000))
