"""What every sub-command shares: the --db option, opening the store, progress on a terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from pathlib import Path

from desktop import messages
from desktop.messages import msg
from desktop.models import db, keys
from desktop.models.errors import StoreDamaged, UserError, WrongPassphrase

messages.register({
    "unexpected_error": (
        "เกิดข้อผิดพลาดในโปรแกรมที่ไม่คาดคิด: {error}\nบันทึกรายละเอียดไว้ที่ {path} กรุณาส่งไฟล์นี้ให้ผู้ดูแลระบบ",
        "An unexpected error in the program: {error}\nThe details are in {path}: please send that file to"
        " your administrator.",
    ),
    "unclean_check_failed": (
        "โปรแกรมปิดไม่เรียบร้อยครั้งก่อน และการตรวจฐานข้อมูลพบปัญหา:",
        "The program did not close cleanly last time, and checking the store found problems:",
    ),
})


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None, help="store file (default: the per-user data folder)")


def db_path(args: argparse.Namespace) -> Path:
    from desktop.paths import default_db_path

    return args.db or default_db_path()


def _ask_on_terminal() -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass("รหัสผ่านฐานข้อมูล / store passphrase: ")


def open_store(args: argparse.Namespace, *, create: bool = False, check_unclean: bool = True) -> db.Store:
    """Open (or create) the store named by --db, asking for the passphrase only if needed."""
    path = db_path(args)
    passphrase, origin = keys.resolve(path, _ask_on_terminal)
    if not passphrase:
        raise UserError(msg("passphrase_needed"))
    store = db.open_store(path, passphrase, create=create)
    if origin == "asked":
        keys.remember(path, passphrase)
    if check_unclean:
        try:
            _check_after_unclean_shutdown(store)
        except BaseException:
            store.close()
            raise
    return store


def _check_after_unclean_shutdown(store: db.Store) -> None:
    """The window left its open-marker (it crashed or was killed): quick_check before any work."""
    from desktop.models import store_files

    if not store_files.marker_path(store.path).exists():
        return
    result = store_files.check(store, full=False)
    if not result.ok:
        print(msg("unclean_check_failed"), file=sys.stderr)
        for line in result.problems + result.cipher_problems:
            print("  " + line, file=sys.stderr)
        raise StoreDamaged(store.path)
    store_files.mark_closed(store.path)


def with_store(args: argparse.Namespace, work, *, create: bool = False) -> int:
    """Open the store, run work(store) -> exit status, close it; user errors become their message."""
    try:
        store = open_store(args, create=create)
    except UserError as err:
        return fail(err)
    try:
        return work(store)
    except UserError as err:
        return fail(err)
    finally:
        store.close()


def fail(err: Exception) -> int:
    print(str(err), file=sys.stderr)
    return 2 if isinstance(err, WrongPassphrase) else 1


class TerminalProgress:
    """`progress(done, total)` callback printing at most ~4 lines a second to stderr."""

    def __init__(self, label: str, quiet: bool = False):
        self.label = label
        self.quiet = quiet or not sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None) -> None:
        now = time.monotonic()
        if self.quiet or now - self._last < 0.25:
            return
        self._last = now
        share = f" {100 * done // total}%" if total else ""
        print(f"\r{self.label}: {done:,}{share}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if not self.quiet:
            print(file=sys.stderr)
