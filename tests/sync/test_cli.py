"""The command line: serve (and its admin commands), sync, bundle; over real HTTP on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

import main
from desktop.models import households
from desktop.sync import tokens
from tests.sync import world

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("BMN_DB_PASSPHRASE", world.RAW_KEY)
    monkeypatch.delenv(tokens.ENV_VAR, raising=False)
    monkeypatch.delenv(tokens.SERVER_ENV, raising=False)


@pytest.fixture
def live_server(tmp_path):
    """The app under uvicorn in a thread on a free loopback port; stopped after the test."""
    import uvicorn

    from province.app import create_app
    from province.db import ServerDB

    db = ServerDB(tmp_path / "province.db")
    db.upgrade()
    tokens_ = world.seed_server(db)
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", tokens_, db
    server.should_exit = True
    thread.join(10)
    db.dispose()


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_admin_commands(tmp_path, capsys, env):
    db = str(tmp_path / "server.db")
    code, out, _ = run(capsys, "serve", "admin", "add-officer", "--name", "นายทดสอบ", "--area", "5201", "--area", "5202",
                       "--db", db)
    assert code == 0 and "โทเค็น" in out
    token = out.strip().splitlines()[-1]
    assert token.startswith("bmn1.")
    files = world.sample_files(tmp_path / "files")
    code, out, _ = run(capsys, "serve", "admin", "load", *map(str, files), "--db", db)
    assert code == 0 and "19" in out
    code, out, _ = run(capsys, "serve", "admin", "load", *map(str, files), "--db", db)
    assert code == 0 and "เปลี่ยน 0" in out  # the same files again: nothing changes
    bad = tmp_path / "bad.csv"
    bad.write_text("house_code,village_code\n1,2\n", encoding="utf-8")
    code, out, _ = run(capsys, "serve", "admin", "load", str(bad), "--db", db)
    assert code == 1
    code, out, _ = run(capsys, "serve", "admin", "list-officers", "--db", db)
    assert code == 0 and '"areas": [\n      "5201",\n      "5202"' in out


def test_sync_login_sync_and_bundles_over_http(live_server, tmp_path, capsys, env, memory_keyring):
    url, tokens_, server_db = live_server
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    for path, name in ((a, "a"), (b, "b")):
        world.open_laptop(path, store_id=f"laptop-{name}").close()
    code, out, _ = run(capsys, "sync", "login", "--server", url, "--token", tokens_[0])
    assert code == 0 and memory_keyring.items[("bmn-field-desk", f"token:{url}")] == tokens_[0]
    code, out, _ = run(capsys, "sync", "preview", "--server", url, "--db", str(a))
    assert code == 0 and "14" in out
    code, out, _ = run(capsys, "sync", "--server", url, "--db", str(a))
    assert code == 0 and "ตรงกับเซิร์ฟเวอร์ทั้ง 2 หมู่บ้าน" in out, out
    code, out, _ = run(capsys, "sync", "--db", str(b), "--server", url)
    assert code == 0
    store = world.open_laptop(a)
    with store.begin() as conn:
        hid = conn.execute(text("SELECT min(id) FROM household")).scalar()
        households.set_status(conn, [hid], 1)
    store.close()
    bundle = tmp_path / "a.bmnbundle"
    code, out, _ = run(capsys, "bundle", "export", "--out", str(bundle), "--db", str(a))
    assert code == 0 and bundle.exists()
    code, out, _ = run(capsys, "bundle", "import", str(bundle), "--db", str(b))
    assert code == 0 and "ใหม่ 1" in out
    code, out, _ = run(capsys, "bundle", "import", str(bundle), "--db", str(b))
    assert code == 0 and "ใหม่ 0" in out and "มีอยู่แล้ว 1" in out
    data = bytearray(bundle.read_bytes())
    data[len(data) // 3] ^= 0x20
    (tmp_path / "bad.bmnbundle").write_bytes(bytes(data))
    code, out, err = run(capsys, "bundle", "import", str(tmp_path / "bad.bmnbundle"), "--db", str(b))
    assert code == 1 and "ถูกแก้ไขหรือเสียหาย" in err
    code, out, err = run(capsys, "serve", "admin", "import-bundle", str(bundle), "--db", str(server_db.url))
    assert code == 0 and '"accepted": 1' in out, err
    code, out, _ = run(capsys, "sync", "--db", str(b), "--server", url, "--lang", "en")
    assert code == 0 and "all 2 villages match" in out
    code, out, _ = run(capsys, "sync", "status", "--db", str(a), "--json")
    assert code == 0 and '"pending": 1' in out
    code, out, _ = run(capsys, "sync", "--db", str(a))  # the server URL was remembered
    assert code == 0
    code, out, _ = run(capsys, "sync", "conflicts", "--db", str(a))
    assert code == 0 and "ไม่มีข้อขัดแย้ง" in out


def test_sync_without_a_server_says_so(tmp_path, capsys, env, memory_keyring, monkeypatch):
    from desktop.sync import client as client_module

    path = tmp_path / "a.db"
    world.open_laptop(path).close()
    code, _, err = run(capsys, "sync", "--db", str(path), "--server", "http://127.0.0.1:9")
    assert code == 1 and "ยังไม่มีโทเค็น" in err
    monkeypatch.setenv(tokens.ENV_VAR, "bmn1.x.y")
    fast = client_module.Retry(attempts=2, sleep=lambda _s: None)
    monkeypatch.setattr(client_module, "Retry", lambda: fast)  # no back-off pauses in a test
    code, _, err = run(capsys, "sync", "--db", str(path), "--server", "http://127.0.0.1:9")
    assert code == 1 and "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้" in err and "ข้อมูลยังอยู่ครบ" in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_starts_and_stops(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve", "--db", str(tmp_path / "s.db"), "--port",
                             str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).json()["ok"] is True
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(10)


def test_add_officer_refuses_bad_areas_and_names(tmp_path, capsys, env):
    db = str(tmp_path / "server.db")
    code, out, err = run(capsys, "serve", "admin", "add-officer", "--name", "นายทดสอบ", "--area", "521", "--db", db)
    assert code == 1 and "2, 4, 6 หรือ 8 หลัก" in out + err and "521" in out + err
    code, out, err = run(capsys, "serve", "admin", "add-officer", "--name", "  ", "--area", "5201", "--db", db)
    assert code == 1 and "ต้องระบุชื่อเจ้าหน้าที่" in out + err
    code, out, _ = run(capsys, "serve", "admin", "list-officers", "--db", db)
    assert code == 0 and out.strip() == "[]"  # nothing was added


def test_resolve_with_merged_values(tmp_path, capsys, env):
    from desktop.sync import conflicts

    province = world.Province.create(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        paths = {name: tmp_path / f"{name}.db" for name in "ab"}
        stores = {name: world.open_laptop(path, store_id=f"laptop-{name}") for name, path in paths.items()}
        for store in stores.values():
            province.sync_client(store).sync()
        with stores["a"].read() as conn:
            hid = conn.execute(text("SELECT min(id) FROM household")).scalar()
        for name, status in (("a", 1), ("b", 2)):
            with stores[name].begin() as conn:
                households.set_status(conn, [hid], status)
            province.sync_client(stores[name]).sync()
        with stores["b"].read() as conn:
            (conflict,) = conflicts.list_conflicts(conn)
        stores["b"].close()
        code, _, err = run(capsys, "sync", "resolve", "--db", str(paths["b"]), "--id", str(conflict.id),
                           "--set", "status=x")
        assert code == 1 and "ไม่ใช่จำนวนเต็ม" in err
        code, _, err = run(capsys, "sync", "resolve", "--db", str(paths["b"]), "--id", "999", "--choice", "mine")
        assert code == 1 and "999" in err
        code, out, err = run(capsys, "sync", "resolve", "--db", str(paths["b"]), "--id", str(conflict.id),
                             "--set", "status=3", "--set", "inc_main=52,000")
        assert code == 0 and "status=3" in out, err
        store = world.open_laptop(paths["b"])
        with store.read() as conn:
            assert conn.execute(text("SELECT status, inc_main FROM household WHERE id = :i"), {"i": hid}).one() \
                == (3, 52000)
            assert conflicts.list_conflicts(conn) == []
        assert province.sync_client(store).sync().receipt_equal
        store.close()
        stores["a"].close()
    finally:
        province.close()
