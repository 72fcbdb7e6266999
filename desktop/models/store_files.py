"""The store as files: a consistent encrypted backup, the integrity check, the unclean-shutdown marker.

A store is `NAME.db` plus, while in use, `NAME.db-wal` (committed changes not yet folded into the
.db) and `NAME.db-shm` (an index of the WAL). `backup_to` writes one self-contained encrypted file
through SQLite's backup API with the store's own key, so the same passphrase opens it; the store file
itself is never opened or copied by plain file operations (docs/store.md: why).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from desktop.models import db
from desktop.models.errors import StoreDamaged, UserError, from_sqlite

CHECK_ROWS = 20  # problems kept from integrity_check


def backup_to(store: db.Store, target: Path | str) -> Path:
    """Write a consistent, encrypted copy of the store to target (a part-file renamed when complete)."""
    target = Path(target)
    part = target.with_name(f".{target.name}.part")
    keying = store.keying
    raw_key = keying.raw_key if keying and isinstance(keying.raw_key, str) else None
    passphrase = keying.passphrase if keying else ""
    part.unlink(missing_ok=True)
    try:
        with store.read() as conn:
            source = db.raw(conn)
            with contextlib.closing(sqlcipher3.connect(str(part), isolation_level=None)) as dest:
                dest.execute("PRAGMA cipher_log_level = NONE")
                dest.execute(db.key_pragma(passphrase, raw_key))
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one file: no -wal beside the copy
        os.replace(part, target)
    except sqlcipher3.Error as err:
        translated = from_sqlite(err, target)
        if translated is err:
            raise
        raise translated from err
    finally:
        part.unlink(missing_ok=True)
    return target


@dataclass
class CheckResult:
    ok: bool
    problems: list[str] = field(default_factory=list)
    cipher_problems: list[str] = field(default_factory=list)


def check(store: db.Store, *, full: bool = True) -> CheckResult:
    """SQLite's integrity_check (quick_check with full=False) and SQLCipher's page HMAC check."""
    problems: list[str] = []
    cipher: list[str] = []
    pragma = "integrity_check" if full else "quick_check"
    try:
        with store.read() as conn:
            rows = conn.exec_driver_sql(f"PRAGMA {pragma}({CHECK_ROWS})").fetchall()
            problems = [str(r[0]) for r in rows if str(r[0]) != "ok"]
            cipher = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()]
    except UserError as err:  # StoreDamaged / StoreIOError: the check itself could not read a page
        problems.append(err.message)
    return CheckResult(not problems and not cipher, problems, cipher)


def require_sound(store: db.Store) -> None:
    """quick_check and the page checksums; StoreDamaged (nothing written) if either finds a problem."""
    if not check(store, full=False).ok:
        raise StoreDamaged(store.path)


def marker_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".open")


def mark_open(store_path: Path) -> bool:
    """Note that the store is open; True if the marker was already there (the last session did not end
    cleanly: a crash, a kill or a power cut)."""
    marker = marker_path(store_path)
    was_there = marker.exists()
    try:
        marker.write_text(str(os.getpid()), encoding="ascii")
    except OSError:
        pass  # a read-only folder: nothing can be written, nothing to check later either
    return was_there


def mark_closed(store_path: Path) -> None:
    marker = marker_path(store_path)
    if marker.exists():  # (unlink on a read-only medium fails even for a missing file)
        marker.unlink()
