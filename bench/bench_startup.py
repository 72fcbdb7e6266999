"""Cold start to the first window with the 1,000,000-household store, against Qt alone (floors.md §5).

ours   = `python main.py gui --db <the lookup benchmark's 1M store>` (passphrase from BMN_DB_PASSPHRASE):
         process start -> the main window's first show event has been handled (the event loop has run
         once after it, so the window is on screen), then the process exits;
floor  = a process that only does `import PySide6.QtWidgets` and shows an empty QWidget, measured the same way.
Both with QT_QPA_PLATFORM=offscreen. "Cold" = the OS page cache dropped before each run (needs root:
writes /proc/sys/vm/drop_caches; BMN_BENCH_COLD=0 skips it); "warm" = after one unmeasured run.
Each run is a fresh process; the time is taken from just before it is started to the moment it prints.
Peak memory of each is its own (VmHWM, printed by the process itself).

    python -m bench.bench_startup [households=1000000] [--cold-runs 3] [--warm-runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import runpy
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import CACHE, PASSPHRASE, ROOT, demo_store, emit, machine

TARGET_S = 1.5
_FLOOR = (
    "import time, json, sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QWidget()\n"
    "w.show()\n"
    "def shown():\n"
    "    from bench.bench_startup import report\n"
    "    report()\n"
    "    app.quit()\n"
    "QTimer.singleShot(0, shown)\n"
    "app.exec()\n"
)


def peak_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def report() -> None:
    print(json.dumps({"shown": time.time(), "peak_mb": peak_mb()}), flush=True)


def window(db: str) -> None:
    """Child: main.py gui on the store; report once the main window's show event has been handled."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.views import main_window

    shown = main_window.MainWindow.showEvent

    def show_event(self, event):
        shown(self, event)
        if not getattr(self, "_bench_reported", False):
            self._bench_reported = True

            def done():
                report()
                QApplication.instance().exit(0)

            QTimer.singleShot(0, done)

    main_window.MainWindow.showEvent = show_event
    sys.argv = ["main.py", "gui", "--db", db]
    runpy.run_path(str(ROOT / "main.py"), run_name="__main__")


def drop_caches() -> bool:
    if os.environ.get("BMN_BENCH_COLD", "1") == "0" or not os.access("/proc/sys/vm/drop_caches", os.W_OK):
        return False
    subprocess.run(["sync"], check=False)
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")
    return True


def run_once(args: list[str]) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BMN_DB_PASSPHRASE=PASSPHRASE,
               PYTHONPATH=os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH")))))
    start = time.time()
    out = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"{args} failed:\n{out.stderr[-3000:]}")
    line = [x for x in out.stdout.splitlines() if x.startswith('{"shown"')][-1]
    shown = json.loads(line)
    return {"s": shown["shown"] - start, "peak_mb": shown["peak_mb"]}


def series(args: list[str], cold_runs: int, warm_runs: int) -> dict:
    cold = []
    for _ in range(cold_runs):
        if not drop_caches():
            break
        cold.append(run_once(args))
    run_once(args)  # warm-up (and any pending migration of the store, outside the figures)
    warm = [run_once(args) for _ in range(warm_runs)]
    every = cold + warm
    return {"cold_s": round(statistics.median(r["s"] for r in cold), 3) if cold else None,
            "warm_s": round(statistics.median(r["s"] for r in warm), 3),
            "cold_runs": [round(r["s"], 3) for r in cold], "warm_runs": [round(r["s"], 3) for r in warm],
            "peak_mb": round(max(r["peak_mb"] or 0 for r in every))}


def measure(households: int, cold_runs: int, warm_runs: int) -> dict:
    db = demo_store(households, f"lookup-{households}")
    run_once(["-m", "bench.bench_startup", "_window", str(db)])  # a migration, if one is due, happens here
    floor = series(["-c", _FLOOR], cold_runs, warm_runs)
    ours = series(["-m", "bench.bench_startup", "_window", str(db)], cold_runs, warm_runs)
    key = "cold_s" if ours["cold_s"] is not None else "warm_s"
    return {"bench": "startup", "machine": machine(), "households": households, "store_mb": round(db.stat().st_size / 1e6),
            "floor": floor, "ours": ours, "measure": key.split("_")[0], "target_s": TARGET_S,
            "ratio": round(ours[key] / floor[key], 2), "ok": ours[key] <= TARGET_S}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "_window":
        window(sys.argv[2])
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("households", type=int, nargs="?", default=1_000_000)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--warm-runs", type=int, default=5)
    a = ap.parse_args()
    emit(measure(a.households, a.cold_runs, a.warm_runs))


if __name__ == "__main__":
    CACHE.mkdir(parents=True, exist_ok=True)
    main()
