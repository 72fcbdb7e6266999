"""`main.py check`: is the store sound? SQLite's integrity_check and SQLCipher's page check (HMAC).

Exit status: 0 sound; 1 damaged (what was found is listed) or not openable; 2 wrong passphrase.
Also run by `certify` before certifying and by every command after the window did not close cleanly.
"""

from __future__ import annotations

import argparse

from desktop import messages
from desktop.cli import common
from desktop.messages import msg

SHOWN = 10

messages.register({
    "check_ok": (
        "ตรวจฐานข้อมูล {path} แล้ว: ไม่พบความเสียหาย ทุกหน้าอ่านได้และรหัสตรวจสอบการเข้ารหัสถูกต้อง",
        "Checked the store {path}: no damage found; every page reads and its encryption checksum is right.",
    ),
    "check_damaged": (
        "ตรวจฐานข้อมูล {path} แล้ว: พบความเสียหาย {n} รายการ อย่าใช้ฐานข้อมูลนี้รับรองข้อมูล"
        " ให้กู้คืนจากไฟล์สำรองล่าสุด (main.py backup) หรือนำเข้าข้อมูลใหม่ในฐานข้อมูลใหม่",
        "Checked the store {path}: {n} problem(s) found. Do not certify from this store: restore the latest"
        " backup (main.py backup) or import the data again into a new store.",
    ),
    "check_cipher": ("หน้าที่รหัสตรวจสอบการเข้ารหัสไม่ตรง: {detail}", "page whose encryption checksum fails: {detail}"),
})


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="check the store for damage (integrity and encryption checksums)")
    common.add_db_option(p)
    p.add_argument("--quick", action="store_true", help="quick_check instead of the full integrity_check")
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages (default: th)")
    p.set_defaults(run=run)


def run(args) -> int:
    from desktop.models import store_files

    store = common.open_store(args, check_unclean=False)
    try:
        result = store_files.check(store, full=not args.quick)
    finally:
        store.close()
    if result.ok:
        store_files.mark_closed(store.path)
        print(msg("check_ok", path=store.path))
        return 0
    found = result.problems + [msg("check_cipher", detail=c) for c in result.cipher_problems]
    print(msg("check_damaged", path=store.path, n=len(found)))
    for line in found[:SHOWN]:
        print("  " + line)
    return 1
