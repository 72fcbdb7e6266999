"""Errors a user can cause, each carrying a message they can act on (in the current language).

SQLite failures are told apart by their result code (`sqlite_errorcode` on sqlite3 and sqlcipher3
exceptions), never by message text: `from_sqlite` turns FULL, READONLY, BUSY/LOCKED, IOERR,
CORRUPT and NOTADB into the store errors below; any other code is a bug and stays as it is.
"""

from __future__ import annotations

from desktop.messages import msg, register

register({
    "store_read_only": (
        "ฐานข้อมูล {path} อยู่บนสื่อหรือโฟลเดอร์ที่เขียนไม่ได้: เปิดให้อ่านได้อย่างเดียว บันทึกสิ่งใดไม่ได้"
        " หากต้องการแก้ไข ให้คัดลอกไฟล์ฐานข้อมูลไปไว้ในโฟลเดอร์ที่เขียนได้ก่อน",
        "The store {path} is on a medium or folder that cannot be written: it is open for reading only and"
        " nothing can be saved. To make changes, copy the store to a writable folder first.",
    ),
    "store_read_only_wal": (
        "ฐานข้อมูล {path} อยู่บนสื่อที่เขียนไม่ได้ และมีการเปลี่ยนแปลงล่าสุดค้างอยู่ในไฟล์ {path}-wal"
        " ซึ่งอ่านจากที่นี่ไม่ได้: คัดลอกไฟล์ฐานข้อมูลพร้อมไฟล์ -wal ไปไว้ในโฟลเดอร์ที่เขียนได้แล้วเปิดจากที่นั่น",
        "The store {path} is on a medium that cannot be written, and its newest changes are in {path}-wal,"
        " which cannot be read from here: copy the store together with its -wal file to a writable folder"
        " and open it there.",
    ),
    "store_busy": (
        "ฐานข้อมูลกำลังถูกใช้งานโดยงานอื่น (เช่น การนำเข้าข้อมูล): ยังไม่ได้บันทึกสิ่งใด รอให้งานนั้นเสร็จแล้วลองใหม่",
        "The store is busy with other work (an import, for example): nothing was saved. Wait until it"
        " finishes and try again.",
    ),
    "store_in_use_window": (
        "ฐานข้อมูล {path} เปิดอยู่ในหน้าต่าง BMN Field Desk: ปิดหน้าต่างก่อน หรือทำงานนี้จากเมนูในหน้าต่าง",
        "The store {path} is open in the BMN Field Desk window: close the window first, or do this from"
        " its menus.",
    ),
    "store_in_use_command": (
        "ฐานข้อมูล {path} กำลังถูกใช้โดยคำสั่งอื่นหรือหน้าต่างอื่น: รอให้เสร็จหรือปิดก่อน แล้วเปิดใหม่",
        "The store {path} is in use by a command or another window: wait for it to finish or close it,"
        " then open the store again.",
    ),
    "store_damaged": (
        "ฐานข้อมูล {path} เสียหาย: ไม่ได้บันทึกสิ่งใดเพิ่ม ตรวจสอบด้วยคำสั่ง main.py check"
        " แล้วกู้คืนจากไฟล์สำรอง (ดู README หัวข้อการสำรองข้อมูล)",
        "The store {path} is damaged: nothing more was saved. Check it with `main.py check` and restore"
        " it from a backup (see the README on backups).",
    ),
    "store_io_error": (
        "อ่านหรือเขียนฐานข้อมูล {path} ไม่ได้ (ดิสก์หรือแฟลชไดรฟ์มีปัญหา หรือถูกถอดออก):"
        " ไม่ได้บันทึกสิ่งใด ตรวจสอบสื่อแล้วลองใหม่",
        "Cannot read or write the store {path} (the disk or USB drive failed or was removed): nothing"
        " was saved. Check the medium and try again.",
    ),
    "store_too_new": (
        "ฐานข้อมูล {path} สร้างโดย BMN Field Desk รุ่นที่ใหม่กว่านี้ (โครงสร้างรุ่น {revision}):"
        " ไม่ได้เปิดหรือเปลี่ยนแปลงสิ่งใด กรุณาติดตั้งโปรแกรมรุ่นล่าสุด",
        "The store {path} was made by a newer BMN Field Desk (schema {revision}): nothing was opened or"
        " changed. Please install the latest version.",
    ),
})

# primary SQLite result codes (sqlite3.h); extended codes carry the primary one in the low byte
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 5, 6, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26


class UserError(Exception):
    """Something the user can fix; `str(err)` is the message to show them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WrongPassphrase(UserError):
    def __init__(self) -> None:
        super().__init__(msg("wrong_passphrase"))


class NotAStore(UserError):
    def __init__(self, path: object) -> None:
        super().__init__(msg("not_a_store", path=path))


class StoreMissing(UserError):
    def __init__(self, path: object) -> None:
        super().__init__(msg("store_missing", path=path))


class DiskFull(UserError):
    def __init__(self) -> None:
        super().__init__(msg("disk_full"))


class StoreReadOnly(UserError):
    """The store (or its folder) cannot be written: opened for reading only, or a write was refused."""

    def __init__(self, path: object = "", *, pending_wal: bool = False) -> None:
        super().__init__(msg("store_read_only_wal" if pending_wal else "store_read_only", path=path))


class StoreBusy(UserError):
    def __init__(self) -> None:
        super().__init__(msg("store_busy"))


class StoreInUse(UserError):
    """Another program holds the store (the window while a command runs, or the reverse)."""

    def __init__(self, path: object, by_window: bool) -> None:
        super().__init__(msg("store_in_use_window" if by_window else "store_in_use_command", path=path))


class StoreDamaged(UserError):
    def __init__(self, path: object = "") -> None:
        super().__init__(msg("store_damaged", path=path))


class StoreIOError(UserError):
    def __init__(self, path: object = "") -> None:
        super().__init__(msg("store_io_error", path=path))


class StoreTooNew(UserError):
    def __init__(self, path: object, revision: str) -> None:
        super().__init__(msg("store_too_new", path=path, revision=revision))


class Cancelled(Exception):
    """Raised inside long work when the user cancels; the transaction rolls back."""


def sqlite_code(err: BaseException) -> int | None:
    """The primary SQLite result code of err (or of the DBAPI error SQLAlchemy wraps), else None."""
    for candidate in (err, getattr(err, "orig", None), err.__cause__):
        code = getattr(candidate, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
    return None


def from_sqlite(err: BaseException, path: object = "") -> BaseException:
    """The store error for a SQLite failure a person can act on; err itself for anything else."""
    code = sqlite_code(err)
    if code == SQLITE_FULL:
        return DiskFull()
    if code == SQLITE_READONLY:
        return StoreReadOnly(path)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreBusy()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return StoreIOError(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreDamaged(path)
    if isinstance(err, OSError) and err.errno == 28:  # ENOSPC while writing beside the store
        return DiskFull()
    return err
