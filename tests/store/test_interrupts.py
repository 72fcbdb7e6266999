"""Two writers, Ctrl-C, a killed export, a backup: the store stays whole and nothing personal is left."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

from sqlalchemy import text

from desktop.models import db
from desktop.models.errors import StoreBusy
from tests.conftest import PASSPHRASE
from tests.store.helpers import ROOT, cli_env, run_cli


def _count(path, sql="SELECT count(*) FROM household") -> int:
    store = db.open_store(path, PASSPHRASE)
    try:
        with store.read() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        store.close()


def _hold_write(path, seconds: float, started: threading.Event) -> None:
    """Another writer: a write transaction left open for `seconds` (as a long import is)."""
    store = db.open_store(path, PASSPHRASE)
    try:
        with store.begin() as conn:
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('holder', 'x')"))
            started.set()
            time.sleep(seconds)
    finally:
        store.close()


def test_a_second_writer_waits_for_the_first_instead_of_failing(demo_copy):
    """The second write begins with BEGIN IMMEDIATE after reading nothing: it waits (busy_timeout)."""
    started = threading.Event()
    holder = threading.Thread(target=_hold_write, args=(demo_copy, 1.5, started))
    holder.start()
    started.wait(10)
    store = db.open_store(demo_copy, PASSPHRASE)
    try:
        with store.begin() as conn:
            conn.execute(text("SELECT count(*) FROM household")).scalar()  # read first, then write
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('second', 'y')"))
    finally:
        store.close()
        holder.join()
    assert _count(demo_copy, "SELECT count(*) FROM meta WHERE key IN ('holder', 'second')") == 2


def test_a_writer_that_waits_too_long_gets_a_clear_message(demo_copy, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    started = threading.Event()
    holder = threading.Thread(target=_hold_write, args=(demo_copy, 2.0, started))
    holder.start()
    started.wait(10)
    store = db.open_store(demo_copy, PASSPHRASE)
    try:
        with store.begin() as conn:
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('late', 'z')"))
        raise AssertionError("the second write did not wait for the first")
    except StoreBusy as err:
        assert "รอให้งานนั้นเสร็จ" in err.message
    finally:
        store.close()
        holder.join()
    assert _count(demo_copy, "SELECT count(*) FROM meta WHERE key = 'late'") == 0


def test_ctrl_c_during_the_database_phase_exits_130_and_changes_nothing(tmp_path):
    path = tmp_path / "new.db"
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(path), "--households", "40000"],
                            cwd=ROOT, env=cli_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not path.with_name("new.db-wal").exists():
        time.sleep(0.05)
    time.sleep(1.0)  # inside the demo's write transaction
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "ยกเลิกแล้ว" in err and "Traceback" not in err
    assert _count(path) == 0


def test_a_killed_export_leaves_nothing_personal_in_the_temp_folder(demo_master, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("xlsx", "csv"):
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "export", "--db", str(demo_master), "--area", "52",
                                 "--format", fmt, "--out", str(out / f"x.{fmt}")], cwd=ROOT,
                                env=cli_env(tmp_path, TMPDIR=str(temp)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        while proc.poll() is None and not any(temp.iterdir()):
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)  # the moment anything reaches the temp folder (or at the end)
        proc.communicate(timeout=30)
        assert list(temp.iterdir()) == []  # openpyxl used to leave openpyxl.* XML files here
        leftovers = [p.name for p in out.iterdir() if p.name.endswith(".part")]
        assert leftovers == [] or proc.returncode == -signal.SIGKILL and all(n.startswith(".") for n in leftovers)
    done = run_cli(tmp_path, "export", "--db", str(demo_master), "--area", "52", "--format", "xlsx",
                   "--out", str(out / "done.xlsx"), TMPDIR=str(temp))
    assert done.returncode == 0, done.stderr
    assert list(temp.iterdir()) == []


def test_sigterm_during_an_export_removes_the_part_files(demo_master, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "export", "--db", str(demo_master), "--area", "52",
                             "--out", str(out / "x.csv")], cwd=ROOT, env=cli_env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3.0)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err
    assert [p.name for p in out.iterdir() if ".part" in p.name] == []


def test_backup_is_one_encrypted_file_that_opens_with_the_same_passphrase(demo_copy, tmp_path):
    store = db.open_store(demo_copy, PASSPHRASE)  # held open, as another command holds it
    try:
        with store.begin() as conn:
            conn.execute(text("INSERT INTO meta(key, value) VALUES ('only-in-wal', 'ข้อมูล')"))
        assert demo_copy.with_name("demo.db-wal").stat().st_size > 0  # the newest write is in the WAL
        backup = tmp_path / "usb" / "backup.db"
        backup.parent.mkdir()
        done = run_cli(tmp_path, "backup", "--db", str(demo_copy), "--out", str(backup))
        assert done.returncode == 0, done.stderr
        assert "สำรองฐานข้อมูลแล้ว" in done.stdout
    finally:
        store.close()
    assert sorted(p.name for p in backup.parent.iterdir()) == ["backup.db"]  # one file
    assert not db.is_plain_sqlite(backup)
    tables = ("household", "member", "meta", "audit_entry", "area")
    for table in tables:
        sql = f"SELECT count(*) FROM {table}"
        assert _count(backup, sql) == _count(demo_copy, sql)
    assert _count(backup, "SELECT count(*) FROM meta WHERE key = 'only-in-wal'") == 1
