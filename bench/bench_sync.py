#!/usr/bin/env python3
"""Sync over loopback against floors.md §6: the province server (`main.py serve`, uvicorn) in a subprocess
on 127.0.0.1, a laptop store in this process.

1. first download of a province (N households with members) into an empty laptop;
2. the server changes all N households (a national reload: new income, new version), the laptop pulls
   and applies them (history kept, results re-evaluated) -- target <= 5 s and <= 7 MB on the wire for
   100,000 (floors.md §6: msgpack rows + gzip 5-6 MB, UPSERT 1-3 s); then the review status of all N
   changes on the server (other officers' work), pulled again (updated in place);
3. 20,000 events pushed (household review status), with their acks stored;
4. load: 100 clients pushing at once (threads, one token each): latency p50/p95, errors.

usage: python -m bench.bench_sync [--households 100000] [--events 20000] [--clients 100] [--requests 10] [--pg]
Prints one JSON line (bench.common.emit). Only 127.0.0.1 is used; the server process is always stopped.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.common import CACHE, PASSPHRASE, ROOT, demo_store, emit, machine, remove_db

TARGET_PULL_S = 5.0
TARGET_PAYLOAD_MB = 7.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def seed_server(url: str, households: int, clients: int) -> tuple[list[str], float]:
    from desktop.models import db as store_db
    from province import auth, load
    from province.db import ServerDB

    source = store_db.open_store(demo_store(households, f"sync-{households}-source"), PASSPHRASE)
    server = ServerDB(url)
    server.upgrade()
    try:
        start = time.perf_counter()
        with source.read() as conn:
            load.copy_store(server, conn, "bench demo")
        seconds = time.perf_counter() - start
        with server.write() as conn:
            tokens = [auth.add_officer(conn, f"bench {i}", ["52"])[1] for i in range(clients + 1)]
    finally:
        source.close()
        server.dispose()
    return tokens, seconds


def status_review(url: str, status: int = 3) -> int:
    """Every household's review status changes on the server (what other officers' syncs mostly bring)."""
    return national_reload(url, status_only=status)


def national_reload(url: str, status_only: int | None = None) -> int:
    """Every household gets new content on the server, as a reload of a new national export would do."""
    from sqlalchemy import text

    from desktop.sync import wire
    from province import households as server_households
    from province.db import ServerDB

    server = ServerDB(url)
    try:
        with server.write() as conn:
            layouts = server_households.layouts(conn)
            seq = conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar()
            rows = [dict(r) for r in conn.execute(text(f"SELECT {', '.join(wire.HOUSEHOLD_WIRE)} FROM household"
                                                       " WHERE deleted = 0 ORDER BY id")).mappings()]
            updates = []
            for r in rows:
                seq += 1
                if status_only is None:
                    r.update(inc_main=r["inc_main"] + 100, version=r["version"] + 1, status=0, seq=seq)
                else:
                    r.update(status=status_only, seq=seq)
                updates.append({"i": r["id"], "m": r["inc_main"], "v": r["version"], "s": seq, "st": r["status"],
                                "h": wire.household_digest(r, layouts[r["survey_year"]], r["members_hash"])})
            conn.execute(text("UPDATE household SET inc_main = :m, version = :v, status = :st, seq = :s,"
                              " content_hash = :h WHERE id = :i"), updates)
            conn.execute(text("UPDATE counter SET value = :v WHERE name = 'household'"), {"v": seq})
        return len(rows)
    finally:
        server.dispose()


def timed_pull(client) -> tuple[float, int, object]:
    before = client.transport.bytes_in
    start = time.perf_counter()
    result = client.pull("52")
    return time.perf_counter() - start, client.transport.bytes_in - before, result


def load_test(base: str, tokens: list[str], household_ids: list[int], requests: int, per_request: int) -> dict:
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(tokens))

    def worker(i: int, token: str) -> None:
        mine = household_ids[i * requests * per_request:(i + 1) * requests * per_request]
        with httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {token}"}) as http:
            barrier.wait()
            for r in range(requests):
                events = [{"uuid": str(uuid.uuid4()), "kind": "household.status", "target": str(h),
                           "payload": {"household": h, "status": 2, "base": {"status": 3}}}
                          for h in mine[r * per_request:(r + 1) * per_request]]
                start = time.perf_counter()
                try:
                    resp = http.post("/v1/push", json={"store_id": f"load-{i}", "events": events})
                    ok = resp.status_code == 200 and all(a["status"] == "accepted" for a in resp.json()["acks"])
                    problem = None if ok else f"HTTP {resp.status_code}: {resp.text[:200]}"
                except httpx.HTTPError as err:
                    problem = repr(err)
                with lock:
                    latencies.append(time.perf_counter() - start)
                    if problem:
                        errors.append(problem)

    threads = [threading.Thread(target=worker, args=(i, t)) for i, t in enumerate(tokens)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(600)
    wall = time.perf_counter() - start
    latencies.sort()
    return {"clients": len(tokens), "requests": len(latencies), "events_per_request": per_request,
            "wall_s": round(wall, 2), "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
            "max_ms": round(latencies[-1] * 1000, 1), "errors": len(errors), "first_error": errors[:1]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=100_000)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--requests", type=int, default=10, help="pushes per client in the load test")
    ap.add_argument("--per-request", type=int, default=20, help="events per push in the load test")
    ap.add_argument("--pull-limit", type=int, default=None, help="households per pulled chunk (default: the client's)")
    ap.add_argument("--pg", action="store_true", help="PostgreSQL (pgserver) instead of the SQLite default")
    a = ap.parse_args()

    from sqlalchemy import text

    from desktop.models import db as store_db
    from desktop.models import households as hh
    from desktop.sync.client import PULL_LIMIT, SyncClient

    work = CACHE / "sync"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    pg = None
    if a.pg:
        import pgserver

        pg = pgserver.get_server(Path(tempfile.mkdtemp(prefix="bmn-bench-pg-")), cleanup_mode="stop")
        url = pg.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
    else:
        url = f"sqlite:///{work / 'server.db'}"
    result: dict = {"bench": "sync", "machine": machine(), "server_db": "postgresql" if a.pg else "sqlite",
                    "households": a.households}
    proc = None
    laptop = work / "laptop.db"
    try:
        tokens, result["server_load_s"] = seed_server(url, a.households, a.clients)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve", "--db", url, "--host", "127.0.0.1",
                                 "--port", str(port), "--rate", "1000000"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        wait_ready(base, proc)
        remove_db(laptop)
        store = store_db.open_store(laptop, PASSPHRASE, create=True)
        client = SyncClient(store, base, tokens[0], pull_limit=a.pull_limit or PULL_LIMIT, push_chunk=1000)
        try:
            seconds, payload, pulled = timed_pull(client)
            result["first_pull"] = {"s": round(seconds, 2), "mb": round(payload / 1e6, 2),
                                    "households": pulled.received}
            result["changed"] = national_reload(url)
            seconds, payload, pulled = timed_pull(client)
            result["pull_changed"] = {"s": round(seconds, 2), "mb": round(payload / 1e6, 2),
                                      "households": pulled.received, "replaced": pulled.replaced,
                                      "target_s": TARGET_PULL_S, "target_mb": TARGET_PAYLOAD_MB,
                                      "ok": seconds <= TARGET_PULL_S and payload / 1e6 <= TARGET_PAYLOAD_MB}
            status_review(url)
            seconds, payload, pulled = timed_pull(client)
            result["pull_status_changed"] = {"s": round(seconds, 2), "mb": round(payload / 1e6, 2),
                                             "households": pulled.received, "updated_in_place": pulled.updated,
                                             "ok": seconds <= TARGET_PULL_S and payload / 1e6 <= TARGET_PAYLOAD_MB}
            with store.read() as conn:
                ids = list(conn.execute(text("SELECT id FROM household ORDER BY id")).scalars())
            start = time.perf_counter()
            with store.begin() as conn:
                hh.set_status(conn, ids[:a.events], 1)  # status 3 now: every household changes
            result["record_events_s"] = round(time.perf_counter() - start, 2)
            start = time.perf_counter()
            pushed = client.push()
            result["push"] = {"events": pushed.sent, "accepted": pushed.accepted,
                              "s": round(time.perf_counter() - start, 2)}
            receipts = client.receipt("52")
            result["receipt_villages_equal"] = sum(r["equal"] for r in receipts)
            result["receipt_villages"] = len(receipts)
        finally:
            client.close()
            store.close()
        spare = ids[a.events:]
        need = a.clients * a.requests * a.per_request
        if len(spare) < need:
            raise SystemExit(f"load test needs {need} households beyond the pushed ones")
        result["load"] = load_test(base, tokens[1:a.clients + 1], spare, a.requests, a.per_request)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if pg is not None:
            pg.cleanup()
        shutil.rmtree(work, ignore_errors=True)
    emit(result)
    print(json.dumps(result, ensure_ascii=False, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
