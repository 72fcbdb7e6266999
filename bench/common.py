"""Shared pieces of the benchmarks: cached data, one measurement per child process, result tables.

Benchmarks are not tests: they print figures and ratios against a baseline measured in the same run
(../shared/perf/floors.md explains each floor). Generated data lives in bench/.cache/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("BMN_BENCH_CACHE", ROOT / "bench" / ".cache"))
PASSPHRASE = "bench-passphrase"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def peak_rss_mb() -> float:
    """This process's own peak resident memory: VmHWM of its memory map (Linux). getrusage's
    ru_maxrss is kept across exec, so a child started from a large parent (one that has just made
    the benchmark's data) would report the parent's peak as its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_child(module: str, *args: str) -> dict:
    """Run `python -m bench.<module> args` in a fresh process; it prints one JSON line last."""
    out = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(f"{module} {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def emit(result: dict) -> None:
    """The result as the last line of output, with this process's peak memory unless it gives its own."""
    result.setdefault("peak_mb", round(peak_rss_mb()))
    print(json.dumps(result, ensure_ascii=False))


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def latency_ms(fn, inputs: list, warmup: int = 2) -> dict:
    for item in inputs[:warmup]:
        fn(item)
    times = []
    for item in inputs:
        start = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "n": len(times)}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {cpu}, {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def demo_store(households: int, name: str) -> Path:
    """A cached encrypted store with a demo province of the given size."""
    path = CACHE / f"{name}.db"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    from desktop.importers import demo
    from desktop.models import db

    partial = CACHE / f"{name}.partial.db"
    remove_db(partial)
    store = db.open_store(partial, PASSPHRASE, create=True)
    try:
        demo.generate(store, households=households, seed=2025, year=2567)
    finally:
        store.close()
    for suffix in ("-wal", "-shm"):
        if Path(str(partial) + suffix).exists():
            Path(str(partial) + suffix).rename(str(path) + suffix)
    partial.rename(path)
    return path


def demo_csv(households: int, name: str, source: str | None = None) -> list[Path]:
    """The demo province exported in the national import format (households + members CSV).

    source: the cached demo store to export (default f"{name}-source"); the 1,000,000-household
    import reuses the lookup benchmark's store rather than generating the province twice."""
    out = CACHE / f"{name}.csv"
    members = CACHE / f"{name}-members.csv"
    if out.exists() and members.exists():
        return [out, members]
    from desktop.importers import export
    from desktop.models import db

    store = db.open_store(demo_store(households, source or f"{name}-source"), PASSPHRASE)
    try:
        return export.export_area(store, "52", 2567, "csv", out)
    finally:
        store.close()
