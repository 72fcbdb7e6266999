#!/usr/bin/env python3
"""Longer runs of the sync fuzzer (tests/sync/fuzz.py): four laptops of two officers, one server, a faulty
link, and the attacks of issue 14 (relays, UUID squatting, forged and re-signed bundles, poison events,
restores to an earlier backup).

usage: bench/sync_fuzz.py [--examples 200] [--steps 40] [--seed N]
Prints one JSON line (bench.common.emit): examples run, time, and what the runs exercised (events by
answer, conflicts, fault injections). A failure prints Hypothesis's shrunk reproduction and exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import emit  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=200)
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--seed", type=int, default=None)
    a = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from hypothesis import HealthCheck, settings
    from hypothesis.stateful import run_state_machine_as_test

    from tests.sync import fuzz

    stats = {"examples": 0, "steps": 0, "events": {}, "conflicts": 0, "faults": {}, "rules": {}}

    original_teardown = fuzz.SyncMachine.teardown

    def counting_teardown(self):
        from sqlalchemy import text

        stats["examples"] += 1
        with self.province.db.read() as conn:
            for status, n in conn.execute(text("SELECT status, count(*) FROM events GROUP BY status")):
                stats["events"][status] = stats["events"].get(status, 0) + n
            seen = {"relayed": "store_id = 'laptop-3' AND officer_id = 1", "squatted": "store_id = 'squatter'"}
            for name, where in seen.items():
                n = conn.execute(text(f"SELECT count(*) FROM events WHERE {where}")).scalar()
                stats["rules"][name] = stats["rules"].get(name, 0) + n
        for store in self.laptops:
            with store.read() as conn:
                stats["conflicts"] += conn.execute(text("SELECT count(*) FROM sync_conflict")).scalar()
                for action in ("sync.recovery", "sync.quarantine", "bundle.refused"):
                    n = conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = :a"), {"a": action}).scalar()
                    stats["rules"][action] = stats["rules"].get(action, 0) + n
        for transport in self.late:
            for name, n in transport.counts.items():
                stats["faults"][name] = stats["faults"].get(name, 0) + n
        original_teardown(self)

    fuzz.SyncMachine.teardown = counting_teardown
    if a.seed is not None:
        from hypothesis import seed as hseed

        fuzz.SyncMachine.TestCase = hseed(a.seed)(fuzz.SyncMachine.TestCase)
    start = time.perf_counter()
    try:
        run_state_machine_as_test(fuzz.SyncMachine, settings=settings(
            max_examples=a.examples, stateful_step_count=a.steps, deadline=None, database=None,
            suppress_health_check=list(HealthCheck)))
        ok = True
    except Exception as err:  # noqa: BLE001 - reported (with Hypothesis's steps), then the exit status says it
        import traceback

        print("".join(traceback.format_exception(err))[-20000:], file=sys.stderr)
        ok = False
    emit({"bench": "sync_fuzz", "ok": ok, "seconds": round(time.perf_counter() - start, 1), **stats})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
