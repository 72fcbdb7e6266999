"""Issue 14 against the real server process on PostgreSQL: `main.py serve` (uvicorn) in its own process over
pgserver, laptops syncing over loopback HTTP. One scenario: a relay through another district's laptop,
another officer squatting a UUID, a forged bundle, poison events, and the documented restore (pg_dump,
server stopped, pg_restore, `serve admin new-generation`, server started) after which every laptop converges."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from desktop.models.errors import UserError
from desktop.sync import bundle, outbox, signing
from tests.sync import world
from tests.sync.test_recovery import _pg_bin
from tests.sync.test_trust import ids_of, local, raw_bundle, set_status

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db_url: str, log: Path):
        self.db_url, self.port, self.log = db_url, free_port(), log
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "main.py", "serve", "--db", self.db_url, "--port",
                                      str(self.port), "--rate", "0"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                     stderr=open(self.log, "ab"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError(f"server did not start: {self.log.read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(30)
            self.proc = None


@pytest.fixture
def live(pg_url, tmp_path):
    from province.db import ServerDB
    from tests.sync.conftest import _TABLES

    db = ServerDB(pg_url, pool_size=2)
    db.upgrade()
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(_TABLES)} RESTART IDENTITY"))
        conn.execute(text("UPDATE counter SET value = 0"))
    tokens = world.seed_server(db)
    server = Server(pg_url.replace("postgresql+psycopg://", "postgresql://", 1), tmp_path / "server.log")
    server.start()
    yield server, tokens, db
    server.stop()
    db.dispose()


def sync(server, store, token):
    from desktop.sync.client import Retry, SyncClient

    client = SyncClient(store, server.url, token, retry=Retry(attempts=3, sleep=lambda _s: None))
    try:
        return client.sync()
    finally:
        client.close()


def on_server(db, hid):
    with db.read() as conn:
        return conn.execute(text("SELECT status FROM household WHERE id = :i"), {"i": hid}).scalar()


def test_trust_and_restore_against_the_real_server_on_postgresql(live, laptop_factory, tmp_path):
    server, tokens, db = live
    a, a2, carrier = laptop_factory("a"), laptop_factory("a2"), laptop_factory("carrier")
    sync(server, a, tokens[0])
    sync(server, a2, tokens[0])
    sync(server, carrier, tokens[1])  # อำเภอแจ้ห่ม: relays, never covers 5201
    ids = ids_of(a)
    # a relay through the other district is judged by its author
    set_status(a, [ids[0]], 2)
    _, path, _ = bundle.export(a, tmp_path / "a.bmnbundle")
    assert bundle.import_file(carrier, path).new == 1
    assert sync(server, carrier, tokens[1]).push.accepted == 1 and on_server(db, ids[0]) == 2
    # another officer squats a pending UUID first: the owner's review still counts
    set_status(a, [ids[1]], 3)
    with a.read() as conn:
        pending = outbox.pending(conn)
    squat = [{"uuid": e["uuid"], "kind": "household.status", "target": "", "created_at": "", "origin": "s",
              "payload": {"household": ids_of(carrier, 52020101)[0], "status": 1, "base": {"status": 0}}}
             for e in pending]
    resp = httpx.post(f"{server.url}/v1/push", json={"store_id": "squatter", "events": squat},
                      headers={"Authorization": f"Bearer {tokens[2]}"})
    assert resp.status_code == 200
    report = sync(server, a, tokens[0])
    assert report.push.accepted == 2 and on_server(db, ids[1]) == 3  # the relayed one: duplicate of accepted
    # a forged bundle is refused; poison events are refused one by one, never 500
    forged = tmp_path / "forged.bmnbundle"
    forged.write_bytes(raw_bundle(signing.new_private(), [{
        "uuid": str(uuid.uuid4()), "kind": "household.status", "target": "", "created_at": "", "origin": "x",
        "payload": {"household": ids[2], "status": 3, "base": {"status": 0}}}]))
    with pytest.raises(UserError):
        bundle.import_file(a2, forged)
    poison = [{"uuid": str(uuid.uuid4()), "kind": "household.status", "target": t, "created_at": "", "origin": "",
               "payload": {"household": h, "status": 1, "base": {"status": 0}}}
              for t, h in (("a\x00b", ids[2]), ("", 2**70), ("", ids[2]))]
    poison[2]["payload"]["note"] = "\ud800"
    resp = httpx.post(f"{server.url}/v1/push", content=json.dumps({"store_id": "p", "events": poison}).encode(),
                      headers={"Authorization": f"Bearer {tokens[0]}", "Content-Type": "application/json"})
    assert resp.status_code == 200 and [x["status"] for x in resp.json()["acks"]] == ["rejected"] * 3
    with carrier.read() as conn:  # the carrier never heard about a 5201 household
        assert not [x for x in conn.execute(text("SELECT answer FROM outbox")).scalars() if x and '"current"' in x]
    # the documented restore: pg_dump; later work; stop, pg_restore, new-generation, start
    dump = tmp_path / "bmn.dump"
    subprocess.run([_pg_bin("pg_dump"), "-Fc", "-f", str(dump), server.db_url], check=True)
    set_status(a, [ids[3]], 1)
    assert sync(server, a, tokens[0]).push.accepted == 1
    server.stop()
    db.dispose()
    subprocess.run([_pg_bin("pg_restore"), "--clean", "--if-exists", "-d", server.db_url, str(dump)], check=True)
    import main

    assert main.main(["serve", "admin", "new-generation", "--db", server.db_url]) == 0
    server.start()
    assert on_server(db, ids[3]) == 0  # lost with the restore
    set_status(a2, [ids[4]], 2)
    assert sync(server, a2, tokens[0]).push.accepted == 1
    report = sync(server, a, tokens[0])
    assert report.push.resent >= 3 and report.receipt_equal
    for store in (a, a2):
        report = sync(server, store, tokens[0])
        assert report.receipt_equal and not report.open_conflicts
        assert [local(store, h) for h in ids[:5]] == [2, 3, 0, 1, 2]
    assert [on_server(db, h) for h in ids[:5]] == [2, 3, 0, 1, 2]
    assert sync(server, carrier, tokens[1]).receipt_equal
