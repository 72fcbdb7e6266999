"""`main.py backup --out FILE`: one consistent, encrypted copy of the store (same passphrase).

The copy is made by SQLite's backup API while the store stays usable, so it holds every committed
change, including those still in the -wal file; it is checked (quick_check) before it is reported.
Restore: close the window, move the old store and its -wal/-shm files aside, copy FILE to the
store's place (docs/store.md).
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from desktop import messages
from desktop.cli import common
from desktop.messages import msg
from desktop.models.errors import UserError

messages.register({
    "backup_done": (
        "สำรองฐานข้อมูลแล้ว: {path} ({size:,} ไบต์ เข้ารหัสด้วยรหัสผ่านเดียวกับฐานข้อมูล)",
        "Backed up the store to {path} ({size:,} bytes, encrypted with the store's passphrase).",
    ),
    "backup_same_file": (
        "ไฟล์สำรองต้องไม่ใช่ไฟล์ฐานข้อมูลเดิม: เลือกชื่อหรือโฟลเดอร์อื่น",
        "The backup must not be the store itself: choose another name or folder.",
    ),
    "backup_bad_copy": (
        "ไฟล์สำรอง {path} ตรวจแล้วไม่สมบูรณ์: ลบไฟล์นี้แล้วลองใหม่",
        "The backup {path} did not pass its check: delete it and try again.",
    ),
})


def add_parser(sub) -> None:
    p = sub.add_parser("backup", help="write one consistent encrypted backup file of the store")
    p.add_argument("--out", type=Path, required=True, help="backup file to write (e.g. on a USB drive)")
    common.add_db_option(p)
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages (default: th)")
    p.set_defaults(run=run)


def run(args) -> int:
    from desktop.models import db, store_files

    source = common.db_path(args)
    out = args.out
    if out.exists() and out.resolve() == source.resolve():
        raise UserError(msg("backup_same_file"))
    store = common.open_store(args)
    try:
        store.checkpoint()
        store_files.backup_to(store, out)
        passphrase = store.keying.passphrase if store.keying else ""
    finally:
        store.close()
    with contextlib.closing(db.Keying(out, passphrase, read_only=True).connect()) as copy:  # no lock file there
        if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise UserError(msg("backup_bad_copy", path=out))
    print(msg("backup_done", path=out, size=out.stat().st_size))
    return 0
