"""The encrypted store: unreadable without the key, wrong key refused, older schemas upgraded."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from desktop.models import db, migrate
from desktop.models.errors import StoreMissing, UserError, WrongPassphrase
from tests.conftest import PASSPHRASE


def test_store_file_is_not_readable_by_plain_sqlite(store, db_path):
    with store.begin() as conn:
        conn.execute(text("INSERT INTO meta(key, value) VALUES ('probe', 'ลับมาก')"))
    store.close()
    assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert not db.is_plain_sqlite(db_path)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path).execute("SELECT * FROM meta").fetchall()
    assert b"\xe0\xb8\xa5\xe0\xb8\xb1\xe0\xb8\x9a" not in db_path.read_bytes()  # "ลับ" in UTF-8


def test_wrong_passphrase_is_refused_and_changes_nothing(store, db_path):
    store.close()
    before = db_path.read_bytes()
    with pytest.raises(WrongPassphrase) as err:
        db.open_store(db_path, "not-the-passphrase")
    assert "รหัสผ่าน" in str(err.value)
    assert db_path.read_bytes() == before
    reopened = db.open_store(db_path, PASSPHRASE)
    reopened.close()


def test_missing_store_and_short_passphrase(tmp_path):
    with pytest.raises(StoreMissing):
        db.open_store(tmp_path / "none.db", PASSPHRASE)
    with pytest.raises(UserError):
        db.open_store(tmp_path / "new.db", "short", create=True)
    assert not (tmp_path / "new.db").exists()


def test_new_store_is_at_head_and_seeded_with_areas(store):
    assert migrate.current_revision(store) == migrate.HEAD
    with store.read() as conn:
        provinces = conn.execute(text("SELECT count(*) FROM area WHERE level = 1")).scalar()
        lampang = conn.execute(text("SELECT name_th FROM area WHERE code = '52'")).scalar()
    assert provinces >= 76
    assert lampang == "ลำปาง"


def test_head_constant_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(migrate.alembic_config()).get_current_head() == migrate.HEAD


def test_older_schema_is_backed_up_then_upgraded(db_path):
    old = db.Store(db_path, db.engine_for(db_path, PASSPHRASE))
    migrate.upgrade_to(old, "0001")
    with old.begin() as conn:
        conn.execute(text(
            "INSERT INTO household(id, survey_year, province, district, tambon, village, house_no, house_sort,"
            " house_code, head_name) VALUES (256752010000011, 2567, 52, 5201, 520101, 52010101, '1', '1',"
            " '52010000011', 'สมชาย ใจดี')"))
        conn.execute(text(
            "INSERT INTO member(household_id, seq, pid, first_name, last_name, sex, birth_date, age, age_months)"
            " VALUES (256752010000011, 1, '3100600445635', 'สมชาย', 'ใจดี', 'M', '1980-01-01', 44, 528)"))
    old.close()

    upgraded = db.open_store(db_path, PASSPHRASE)
    try:
        assert migrate.current_revision(upgraded) == migrate.HEAD
        assert migrate.last_backup is not None and migrate.last_backup.exists()
        assert migrate.last_backup.name.startswith("store.") and migrate.last_backup.suffix == ".bak"
        with upgraded.read() as conn:
            row = conn.execute(text("SELECT head_name, head_sort FROM household")).one()
            pid_rev = conn.execute(text("SELECT pid_rev FROM member")).scalar()
            stat = conn.execute(text("SELECT households, members FROM area_stat")).one()
        assert row.head_name == "สมชาย ใจดี" and row.head_sort.startswith("สมชาย")
        assert pid_rev == "3100600445635"[::-1]
        assert tuple(stat) == (1, 0)
    finally:
        upgraded.close()
    backup = db.open_store(migrate.last_backup, PASSPHRASE)  # the backup is the old schema, upgraded on open
    backup.close()


def test_key_is_derived_once_and_given_to_every_connection(store, db_path, monkeypatch):
    store.close()
    reopened = db.open_store(db_path, PASSPHRASE)
    keying = reopened.engine.pool._creator.__self__
    assert keying.raw_key and keying.raw_key.startswith("x'")  # the derived key with the file's salt
    passphrase_connects = []
    original = db._raw_connect

    def spy(path, passphrase, *, raw_key=None, **flags):
        if raw_key is None:
            passphrase_connects.append(path)
        return original(path, passphrase, raw_key=raw_key, **flags)

    monkeypatch.setattr(db, "_raw_connect", spy)
    held = [reopened.engine.connect() for _ in range(5)]  # more than the pool held: new connections
    assert all(c.execute(text("SELECT count(*) FROM meta")).scalar() > 0 for c in held)
    for c in held:
        c.close()
    assert passphrase_connects == []  # none of them derived the key again
    reopened.close()


def test_new_store_and_wrong_passphrase_fall_back_to_the_passphrase(tmp_path):
    path = tmp_path / "new.db"
    keying = db.Keying(path, PASSPHRASE)
    keying.connect().close()  # no file yet: no salt to derive from, SQLCipher keys it from the passphrase
    assert keying.raw_key is None
    created = db.open_store(path, PASSPHRASE, create=True)
    created.close()
    later = db.Keying(path, PASSPHRASE)
    later.connect().close()
    assert later.raw_key and later.raw_key.startswith("x'")
    wrong = db.Keying(path, "not-the-passphrase")
    with pytest.raises(WrongPassphrase):
        wrong.connect()
    assert wrong.raw_key is False  # the derived key failed, the passphrase gave the definitive answer
