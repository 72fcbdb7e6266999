"""Issue 14, attack 3: a server restored from a backup. Laptops notice (new generation id, or sequence
numbers lower than they saw), send again what the server lacks and download everything again, keeping
their own unsent work. The documented procedures (docs/deployment.md) are the ones run here: SQLite
`serve admin backup` / `serve admin restore`, and PostgreSQL pg_dump / pg_restore + `serve admin new-generation`.
Before issue 14 the laptop never re-sent acknowledged events and its cursors only moved forward: the first
test failed on its receipts (the server lacked the laptop's reviews, the laptop lacked later changes)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.sync import world
from tests.sync.test_trust import ids_of, local, server, set_status, synced


def reopen(province):
    """The server process started again over its (restored) database."""
    from province.app import create_app
    from province.db import ServerDB
    from province.inprocess import InProcessTransport

    province.close()
    db = ServerDB(province.db.url)
    app = create_app(db)
    return world.Province(db, app, province.tokens, InProcessTransport(app))


def scenario(province, laptop_factory, restore):
    """a and b review; a backup; a reviews more and syncs; the server goes back to the backup; b syncs new
    work (re-using sequence numbers a has seen); a syncs with one unsent review. Returns (province, a, b, ids)."""
    a, b = laptop_factory("a"), laptop_factory("b")
    synced(province, a)
    synced(province, b)
    ids = ids_of(a)
    backup = restore("backup", province)
    set_status(a, ids[:2], 2)
    assert synced(province, a).push.accepted == 2
    province = restore("restore", province, backup)
    set_status(b, [ids[3]], 3)
    assert synced(province, b).push.accepted == 1
    set_status(a, [ids[4]], 1)  # unsent work when a meets the restored server
    report = synced(province, a)
    assert [server(province, h) for h in ids[:5]] == [2, 2, 0, 3, 1]
    assert [local(a, h) for h in ids[:5]] == [2, 2, 0, 3, 1]
    assert report.receipt_equal and not report.open_conflicts and report.push.resent >= 2
    assert synced(province, b).receipt_equal and [local(b, h) for h in ids[:5]] == [2, 2, 0, 3, 1]
    return province, a, b, ids


def test_sqlite_file_put_back_without_telling_anyone_is_detected(tmp_path, laptop_factory):
    """A plain copy of the database file put back (no new generation): the sequence numbers went back."""
    province = world.Province.create(f"sqlite:///{tmp_path / 'province.db'}")
    path = tmp_path / "province.db"

    def restore(step, p, backup=None):
        if step == "backup":
            out = tmp_path / "copy.db"
            src, dst = sqlite3.connect(path), sqlite3.connect(out)
            src.backup(dst)
            src.close()
            dst.close()
            return out
        p.close()
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        shutil.copy(backup, path)
        return reopen(p)

    province, *_ = scenario(province, laptop_factory, restore)
    province.close()


def test_sqlite_backup_and_restore_commands(tmp_path, laptop_factory):
    """`serve admin backup` while it runs, `serve admin restore` with the server stopped: a new generation."""
    import main

    url = f"sqlite:///{tmp_path / 'province.db'}"
    province = world.Province.create(url)
    generations = []

    def restore(step, p, backup=None):
        from province import server_meta

        if step == "backup":
            out = tmp_path / "backup.db"
            assert main.main(["serve", "admin", "backup", "--out", str(out), "--db", url]) == 0
            return out
        with p.db.read() as conn:
            generations.append(server_meta.generation(conn))
        p.close()
        assert main.main(["serve", "admin", "restore", str(backup), "--db", url]) == 0
        p = reopen(p)
        with p.db.read() as conn:
            generations.append(server_meta.generation(conn))
        return p

    province, a, _, _ = scenario(province, laptop_factory, restore)
    assert generations[0] != generations[1]
    with a.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'sync.recovery'")).scalar() == 1
    province.close()


def _pg_bin(name: str) -> str:
    import pgserver

    return str(Path(pgserver.__file__).parent / "pginstall" / "bin" / name)


def test_postgresql_pg_dump_and_pg_restore(pg_url, tmp_path, laptop_factory):
    """The PostgreSQL procedure of docs/deployment.md: pg_dump -Fc, pg_restore --clean, new-generation."""
    import main
    from tests.sync.conftest import _TABLES

    from province.db import ServerDB

    db = ServerDB(pg_url, pool_size=2)
    db.upgrade()
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(_TABLES)} RESTART IDENTITY"))
        conn.execute(text("UPDATE counter SET value = 0"))
    db.dispose()
    province = world.Province.create(pg_url)
    dsn = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)

    def restore(step, p, backup=None):
        if step == "backup":
            out = tmp_path / "province.dump"
            subprocess.run([_pg_bin("pg_dump"), "-Fc", "-f", str(out), dsn], check=True)
            return out
        p.close()
        subprocess.run([_pg_bin("pg_restore"), "--clean", "--if-exists", "-d", dsn, str(backup)], check=True)
        assert main.main(["serve", "admin", "new-generation", "--db", pg_url]) == 0
        return reopen(p)

    province, *_ = scenario(province, laptop_factory, restore)
    province.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_server_syncs_fully(backend, tmp_path):
    from province.db import ServerDB

    db = ServerDB(tmp_path / "p.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: a power cut keeps commits
    db.dispose()
