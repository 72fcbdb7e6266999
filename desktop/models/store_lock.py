"""Who else has the store open: an advisory lock on `<store>.lock`, never on the store file itself.

Commands take the lock shared (several may run at once; SQLite orders their writes), the window takes
it exclusive, so a command refuses while the window is open and the reverse, with a message that says
which. Locks are BSD `flock` locks on their own file: they belong to the open file, so nothing that
opens and closes some other descriptor in this process can drop them (SQLite's own POSIX locks can
be dropped that way, which is how a WAL gets lost: docs/store.md). Inside one process every Store on
the same path shares one lock. On a read-only folder, where no lock file can be made, nobody can
write either and no lock is taken.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop.models.errors import StoreInUse

_guard = threading.Lock()
_held: dict[str, _Lock] = {}


@dataclass
class _Lock:
    fd: int
    exclusive: bool
    count: int


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


def _try(fd: int, exclusive: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover - locks there are per handle: no WAL loss to guard
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        if not exclusive:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return True
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except PermissionError:
        pass
    except OSError as err:
        if err.errno != 30:  # EROFS: a read-only medium
            raise
    try:
        return os.open(path, os.O_RDONLY)
    except OSError:
        return None  # read-only folder without a lock file: nobody can write here


def acquire(store_path: Path, *, exclusive: bool = False) -> str | None:
    """Take (or share, inside this process) the store's lock; returns a key for release(), or None when
    the folder allows no lock. Raises StoreInUse when another process holds it the other way."""
    key = str(Path(store_path).resolve())
    with _guard:
        held = _held.get(key)
        if held is not None:
            if exclusive and not held.exclusive:
                if not _try(held.fd, True):
                    raise StoreInUse(store_path, by_window=False)
                held.exclusive = True
            held.count += 1
            return key
        fd = _open(lock_path(Path(store_path)))
        if fd is None:
            return None
        if not _try(fd, exclusive):
            os.close(fd)
            raise StoreInUse(store_path, by_window=not exclusive)
        _held[key] = _Lock(fd, exclusive, 1)
        return key


def release(key: str | None) -> None:
    if key is None:
        return
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count <= 0:
            os.close(held.fd)  # closing the only descriptor releases the flock
            del _held[key]
