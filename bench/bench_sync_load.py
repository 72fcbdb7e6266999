#!/usr/bin/env python3
"""Province server under load: N concurrent clients pushing events over loopback (issue 8, floors.md §6).

The server is `main.py serve` (uvicorn, one process, its default limits: 50 requests/s per token) in a
subprocess on 127.0.0.1, over the SQLite file default and over a PostgreSQL started with pgserver (both by
default, about 30 s on 2 cores; --backends sqlite for one). Each client is its own officer with its own
token, scoped to its own village; it pushes `--requests` pushes of `--per-request` review-status events
for households of that village (each event's base is the status the client last set, so every event is
accepted). Measured: latency per push (p50/p95/max), throughput (pushes/s, events/s), errors (anything but
200 with every event accepted). Checked afterwards: the server stored every event once, and a push into
another client's village is refused.

usage: python -m bench.bench_sync_load [--clients 100] [--requests 10] [--per-request 20]
                                       [--households 20000] [--backends sqlite,postgresql]
Prints one JSON line last (bench.common.emit). Only 127.0.0.1 is used; servers are always stopped.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.bench_sync import free_port, wait_ready
from bench.common import CACHE, PASSPHRASE, ROOT, demo_store, emit, machine


def seed(url: str, households: int, clients: int) -> list[dict]:
    """Load the demo province into the server; one officer per client, each with a village of its own."""
    from sqlalchemy import text

    from desktop.models import db as store_db
    from province import auth, load
    from province.db import ServerDB

    source = store_db.open_store(demo_store(households, f"sync-{households}-source"), PASSPHRASE)
    server = ServerDB(url)
    server.upgrade()
    try:
        with source.read() as conn:
            load.copy_store(server, conn, "bench demo")
        with server.write() as conn:
            rows = conn.execute(text("SELECT village, id, status FROM household WHERE deleted = 0"
                                     " ORDER BY village, id")).all()
            villages: dict[int, list[tuple[int, int]]] = {}
            for village, hid, status in rows:
                villages.setdefault(village, []).append((hid, status))
            if len(villages) < clients:
                raise SystemExit(f"{clients} clients need {clients} villages; the demo of {households:,}"
                                 f" households has {len(villages)}: use --households")
            chosen = sorted(villages, key=lambda v: -len(villages[v]))[:clients]
            out = []
            for i, village in enumerate(chosen):
                token = auth.add_officer(conn, f"load {i}", [str(village)])[1]
                out.append({"token": token, "village": village, "households": dict(villages[village])})
        return out
    finally:
        source.close()
        server.dispose()


def client_work(base: str, me: dict, requests: int, per_request: int, barrier: threading.Barrier,
                latencies: list, errors: list, lock: threading.Lock) -> int:
    """One officer's laptop: pushes back to back; returns the events it sent."""
    import httpx

    status = dict(me["households"])  # what this client believes the server holds
    ids = sorted(status)
    sent, at = 0, 0
    with httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {me['token']}"}) as http:
        barrier.wait()
        for _ in range(requests):
            events = []
            for _ in range(per_request):
                hid = ids[at % len(ids)]
                at += 1
                new = 1 if status[hid] != 1 else 2
                events.append({"uuid": str(uuid.uuid4()), "kind": "household.status", "target": str(hid),
                               "payload": {"household": hid, "status": new, "base": {"status": status[hid]}}})
                status[hid] = new
            start = time.perf_counter()
            try:
                resp = http.post("/v1/push", json={"store_id": f"load-{me['village']}", "events": events})
                acks = resp.json().get("acks", []) if resp.status_code == 200 else []
                ok = resp.status_code == 200 and len(acks) == len(events) and all(
                    a["status"] == "accepted" for a in acks)
                problem = None if ok else f"HTTP {resp.status_code}: {resp.text[:300]}"
            except (httpx.HTTPError, ValueError) as err:
                problem = repr(err)
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if problem:
                    errors.append(problem)
            sent += len(events)
    return sent


def scope_is_enforced(base: str, clients: list[dict]) -> bool:
    """Client 0 pushing a household of client 1's village: rejected, nothing stored."""
    import httpx

    other = next(iter(clients[1]["households"]))
    event = {"uuid": str(uuid.uuid4()), "kind": "household.status", "target": str(other),
             "payload": {"household": other, "status": 4, "base": {"status": 0}}}
    resp = httpx.post(f"{base}/v1/push", json={"store_id": "load-scope", "events": [event]},
                      headers={"Authorization": f"Bearer {clients[0]['token']}"}, timeout=30)
    return resp.status_code == 200 and resp.json()["acks"][0]["status"] == "rejected"


def stored_events(url: str) -> int:
    from sqlalchemy import text

    from province.db import ServerDB

    server = ServerDB(url)
    try:
        with server.read() as conn:
            return conn.execute(text("SELECT count(*) FROM events WHERE status = 'accepted'")).scalar()
    finally:
        server.dispose()


def run_load(url: str, a) -> dict:
    clients = seed(url, a.households, a.clients)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve", "--db", url, "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_ready(base, proc)
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        barrier = threading.Barrier(len(clients))
        sent = [0] * len(clients)

        def work(i: int) -> None:
            sent[i] = client_work(base, clients[i], a.requests, a.per_request, barrier, latencies, errors, lock)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(clients))]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(900)
        wall = time.perf_counter() - start
        scope_ok = scope_is_enforced(base, clients)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    latencies.sort()
    stored = stored_events(url)
    n = len(latencies)
    return {"clients": len(clients), "pushes": n, "events_per_push": a.per_request, "events_sent": sum(sent),
            "events_stored": stored, "lost": sum(sent) - stored if not errors else None,
            "wall_s": round(wall, 2), "pushes_per_s": round(n / wall, 1), "events_per_s": round(sum(sent) / wall),
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if n else None,
            "p95_ms": round(latencies[int(0.95 * (n - 1))] * 1000, 1) if n else None,
            "max_ms": round(latencies[-1] * 1000, 1) if n else None,
            "errors": len(errors), "first_error": errors[:1], "scope_enforced": scope_ok,
            "ok": not errors and stored == sum(sent) and scope_ok}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--requests", type=int, default=10, help="pushes per client")
    ap.add_argument("--per-request", type=int, default=20, help="events per push")
    ap.add_argument("--households", type=int, default=20_000, help="size of the demo province on the server")
    ap.add_argument("--backends", default="sqlite,postgresql",
                    help="comma-separated: sqlite, postgresql (pgserver; skipped when it is not installed)")
    a = ap.parse_args()
    backends = [b.strip() for b in a.backends.split(",") if b.strip()]
    if a.clients < 2 or any(b not in ("sqlite", "postgresql") for b in backends):
        raise SystemExit("need --clients >= 2 and --backends from sqlite, postgresql")
    result: dict = {"bench": "sync_load", "machine": machine(), "households": a.households, "clients": a.clients,
                    "requests_per_client": a.requests, "events_per_push": a.per_request, "backends": {}}
    for backend in backends:
        if backend == "postgresql" and importlib.util.find_spec("pgserver") is None:
            result["backends"][backend] = {"skipped": "pgserver is not installed", "ok": True}
            continue
        work = Path(tempfile.mkdtemp(prefix="bmn-load-", dir=CACHE if CACHE.exists() else None))
        pg = None
        try:
            if backend == "postgresql":
                import pgserver

                pg = pgserver.get_server(work / "pg", cleanup_mode="stop")
                url = pg.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
            else:
                url = f"sqlite:///{work / 'server.db'}"
            result["backends"][backend] = run_load(url, a)
        finally:
            if pg is not None:
                pg.cleanup()
            shutil.rmtree(work, ignore_errors=True)
    result["ok"] = all(r["ok"] for r in result["backends"].values())
    emit(result)


if __name__ == "__main__":
    main()
