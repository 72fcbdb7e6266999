"""Store faults get a clear Thai message (English with --lang en), no traceback, and change nothing."""

from __future__ import annotations

import sqlcipher3
from sqlalchemy import text

from desktop.models import db, store_files, store_lock
from desktop.models.errors import StoreReadOnly
from tests.conftest import PASSPHRASE
from tests.store.helpers import run_cli

PAGE = 4096


def _damage_one_page(path, page_no: int) -> None:
    with open(path, "r+b") as f:  # the store is closed here: no process holds it
        f.seek(PAGE * (page_no - 1) + 200)
        f.write(b"\x00" * 64)


class _Opened:
    def __init__(self, path):
        self.path = path

    def __enter__(self):
        self.store = db.open_store(self.path, PASSPHRASE)
        return self.store

    def __exit__(self, *exc):
        self.store.close()


def _household_root_page(path) -> int:
    with _Opened(path) as store, store.read() as conn:
        return conn.execute(text("SELECT rootpage FROM sqlite_master WHERE name = 'household'")).scalar()


def test_check_says_a_sound_store_is_sound(demo_copy, tmp_path):
    done = run_cli(tmp_path, "check", "--db", str(demo_copy))
    assert done.returncode == 0, done.stderr
    assert "ไม่พบความเสียหาย" in done.stdout


def test_one_damaged_page_is_found_and_import_export_say_so_clearly(demo_copy, tmp_path):
    _damage_one_page(demo_copy, _household_root_page(demo_copy))
    check = run_cli(tmp_path, "check", "--db", str(demo_copy))
    assert check.returncode == 1
    assert "พบความเสียหาย" in check.stdout and "HMAC" in check.stdout
    english = run_cli(tmp_path, "--lang", "en", "check", "--db", str(demo_copy))
    assert "problem(s) found" in english.stdout
    out = tmp_path / "out" / "x.csv"
    out.parent.mkdir()
    export = run_cli(tmp_path, "export", "--db", str(demo_copy), "--area", "52", "--out", str(out))
    assert export.returncode == 1
    assert "เสียหาย" in export.stderr and "Traceback" not in export.stderr
    assert list(out.parent.iterdir()) == []


def test_certify_refuses_a_damaged_store(demo_copy, tmp_path):
    _damage_one_page(demo_copy, _household_root_page(demo_copy))
    done = run_cli(tmp_path, "certify", "--db", str(demo_copy), "--area", "5201", "--year", "2567")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "เสียหาย" in done.stderr and "Traceback" not in done.stderr


def test_a_store_from_a_newer_version_is_refused_without_a_backup(demo_copy, tmp_path):
    with _Opened(demo_copy) as store, store.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    before = sorted(p.name for p in demo_copy.parent.iterdir())
    for _attempt in range(2):
        done = run_cli(tmp_path, "info", "--db", str(demo_copy))
        assert done.returncode == 1
        assert "รุ่นที่ใหม่กว่า" in done.stderr and "0099" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in demo_copy.parent.iterdir()) == before  # no new .bak per attempt
    english = run_cli(tmp_path, "--lang", "en", "info", "--db", str(demo_copy))
    assert "made by a newer BMN Field Desk" in english.stderr


def test_a_store_on_a_read_only_medium_opens_for_reading(demo_copy, monkeypatch):
    """As a non-root user sees a read-only medium (os.access says no): the store opens read-only
    (SQLite mode=ro), reads work, a write is refused with its own message and the file is unchanged."""
    before = demo_copy.read_bytes()
    monkeypatch.setattr(db, "is_read_only", lambda path: True)
    store = db.open_store(demo_copy, PASSPHRASE)
    try:
        assert store.read_only
        with store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 300
        try:
            with store.begin() as conn:
                conn.execute(text("DELETE FROM household"))
            raise AssertionError("a write went through")
        except StoreReadOnly as err:
            assert "อ่านได้อย่างเดียว" in err.message
    finally:
        store.close()
    assert demo_copy.read_bytes() == before


def test_sqlite_readonly_error_is_mapped_by_its_code(demo_copy):
    """A write on a connection SQLite opened read-only fails with SQLITE_READONLY (8): the user error
    comes from that code, not from the message text."""
    conn = sqlcipher3.connect(f"file:{demo_copy}?mode=ro", uri=True)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    try:
        conn.execute("DELETE FROM household")
    except sqlcipher3.DatabaseError as err:
        from desktop.models.errors import from_sqlite

        assert err.sqlite_errorcode == 8
        assert isinstance(from_sqlite(err, demo_copy), StoreReadOnly)
    finally:
        conn.close()


def test_a_command_refuses_while_the_window_holds_the_store(demo_copy, tmp_path):
    key = store_lock.acquire(demo_copy, exclusive=True)  # what the window does at start
    try:
        done = run_cli(tmp_path, "info", "--db", str(demo_copy))
        assert done.returncode == 1
        assert "เปิดอยู่ในหน้าต่าง" in done.stderr and "Traceback" not in done.stderr
    finally:
        store_lock.release(key)
    assert run_cli(tmp_path, "info", "--db", str(demo_copy)).returncode == 0


def test_after_an_unclean_shutdown_a_command_checks_first(demo_copy, tmp_path):
    store_files.marker_path(demo_copy).write_text("1")  # the window was killed
    done = run_cli(tmp_path, "info", "--db", str(demo_copy))
    assert done.returncode == 0, done.stderr
    assert not store_files.marker_path(demo_copy).exists()  # checked and found sound
    store_files.marker_path(demo_copy).write_text("1")
    _damage_one_page(demo_copy, demo_copy.stat().st_size // PAGE // 2)
    damaged = run_cli(tmp_path, "info", "--db", str(demo_copy))
    assert damaged.returncode == 1
    assert "ปิดไม่เรียบร้อย" in damaged.stderr and "เสียหาย" in damaged.stderr
