"""Backups of the server database and restoring one (docs/deployment.md).

SQLite: `serve admin backup --out FILE` copies the live database with SQLite's online backup (consistent
while the server runs); `serve admin restore FILE` (server stopped) puts a backup in place and gives the
server a new generation id. PostgreSQL: pg_dump / pg_restore (docs/deployment.md), then
`serve admin new-generation`. Laptops that see the new generation (or sequence numbers lower than they
saw) send again everything the restored server lacks and download everything again (docs/sync.md).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from province import server_meta
from province.db import ServerDB


def sqlite_path(db: ServerDB) -> Path:
    if not db.is_sqlite or ":///" not in db.url:
        raise ValueError("not an SQLite server database: use pg_dump / pg_restore (docs/deployment.md)")
    return Path(db.url.split(":///", 1)[1])


def backup_sqlite(db: ServerDB, out: Path) -> Path:
    """A consistent copy of the live SQLite database (written to out.part, synced, then renamed)."""
    out = Path(out)
    tmp = out.with_name(out.name + ".part")
    source = sqlite3.connect(sqlite_path(db))
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, out)
    return out


def restore_sqlite(db: ServerDB, backup: Path) -> str:
    """Replace the (stopped) server's SQLite database by a backup; returns the new generation id."""
    path = sqlite_path(db)
    db.dispose()
    check = sqlite3.connect(Path(backup))
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ValueError(f"{backup}: the backup is damaged")
    finally:
        check.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    tmp = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, tmp)
    os.replace(tmp, path)
    restored = ServerDB(db.url, pool_size=1)
    try:
        restored.upgrade()
        return new_generation(restored)
    finally:
        restored.dispose()


def new_generation(db: ServerDB) -> str:
    with db.write() as conn:
        return server_meta.new_generation(conn)
