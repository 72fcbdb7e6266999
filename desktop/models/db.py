"""Opening the encrypted local store (SQLite + SQLCipher) through SQLAlchemy.

Every connection gets the key with PRAGMA key before anything else; a wrong key shows up as
"file is not a database" on the first read and is turned into WrongPassphrase. The DBAPI
connection runs in autocommit mode and SQLAlchemy emits BEGIN itself, so raw executemany calls
made inside `store.begin()` belong to the same transaction.
"""

from __future__ import annotations

import contextlib
import logging
import os
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from desktop.models import store_lock
from desktop.models.errors import (
    SQLITE_NOTADB,
    NotAStore,
    StoreMissing,
    StoreReadOnly,
    UserError,
    WrongPassphrase,
    from_sqlite,
    sqlite_code,
)

MIN_PASSPHRASE = 8
BUSY_TIMEOUT_MS = 5000
WAL_SIZE_LIMIT = 16 * 1024 * 1024  # a WAL grown by a big import shrinks back to this when it restarts


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _uri(path: Path, read_only: bool, immutable: bool = False) -> str:
    uri = "file:" + urllib.parse.quote(str(Path(path).absolute()))
    if read_only:
        uri += "?mode=ro" + ("&immutable=1" if immutable else "")
    return uri


def _sqlite_connect(path: Path, read_only: bool = False, immutable: bool = False) -> sqlcipher3.Connection:
    return sqlcipher3.connect(_uri(path, read_only, immutable), uri=True, check_same_thread=False, isolation_level=None)


def key_pragma(passphrase: str, raw_key: str | None = None) -> str:
    return f'PRAGMA key = "{raw_key}"' if raw_key else f"PRAGMA key = {_quote(passphrase)}"


def _raw_connect(path: Path, passphrase: str, *, raw_key: str | None = None,
                 read_only: bool = False, immutable: bool = False) -> sqlcipher3.Connection:
    """A keyed connection: the passphrase (SQLCipher derives the key), or raw_key, a derived key in SQLCipher's
    "x'key+salt'" form (no derivation). A wrong key fails with SQLITE_NOTADB on the first read."""
    conn = _sqlite_connect(path, read_only, immutable)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(key_pragma(passphrase, raw_key))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as err:
        conn.close()
        code = sqlite_code(err)
        if code == SQLITE_NOTADB:
            raise WrongPassphrase() from None
        translated = from_sqlite(err, path)
        raise (translated if translated is not err else NotAStore(path)) from err
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    return conn


# SQLCipher 4 defaults (PRAGMA cipher_default_kdf_iter / _kdf_algorithm); a store made otherwise falls back
KDF_ITERATIONS = 256_000
SALT_BYTES = 16


def read_salt(path: Path, read_only: bool = False, immutable: bool = False) -> bytes | None:
    """The store's 16-byte salt, read by SQLCipher itself (PRAGMA cipher_salt; no key derivation happens).

    Never open() the store file in this process: closing any descriptor of it drops every POSIX lock
    SQLite holds on it, and another process may then delete the WAL this process still writes to
    (docs/store.md). A connection of the same SQLite library shares its descriptors and locks."""
    if not path.exists() or path.stat().st_size == 0:
        return None  # a new, still empty file: its salt is written with the first page
    with contextlib.closing(_sqlite_connect(path, read_only, immutable)) as conn:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA key = 'salt-only'")  # any key: the salt is read from the header, unkeyed
        row = conn.execute("PRAGMA cipher_salt").fetchone()
    if not row or not row[0]:
        return None
    salt = bytes.fromhex(row[0])
    return salt if len(salt) == SALT_BYTES else None


class Keying:
    """Connections to one store that pay the key derivation once.

    SQLCipher derives the page key from the passphrase with PBKDF2-HMAC-SHA512 (256,000 rounds, ~0.3 s) on
    every new connection, and the window opens several. Here it is derived once, from the passphrase and the
    store's salt (read_salt), and handed to each connection as a raw key. If the raw key does not
    open the file (a store made with other settings, or a wrong passphrase) the passphrase is used, which
    also gives the definitive WrongPassphrase."""

    def __init__(self, path: Path, passphrase: str, *, read_only: bool = False, immutable: bool = False):
        self.path, self.passphrase = path, passphrase
        self.read_only, self.immutable = read_only, immutable
        self.raw_key: str | None | bool = None  # None: not derived yet; False: not usable for this file

    def _derive(self) -> str | None:
        import hashlib

        try:
            salt = read_salt(self.path, self.read_only, self.immutable)
        except sqlcipher3.DatabaseError:
            return None  # not readable as a store: the passphrase path below gives the definitive error
        if salt is None:
            return None
        key = hashlib.pbkdf2_hmac("sha512", self.passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
        return f"x'{key.hex()}{salt.hex()}'"

    def connect(self) -> sqlcipher3.Connection:
        if self.raw_key is None:
            self.raw_key = self._derive()
        if isinstance(self.raw_key, str) and self.raw_key:
            try:
                return _raw_connect(self.path, self.passphrase, raw_key=self.raw_key, read_only=self.read_only,
                                    immutable=self.immutable)
            except WrongPassphrase:
                self.raw_key = False
        return _raw_connect(self.path, self.passphrase, read_only=self.read_only, immutable=self.immutable)


@dataclass
class Store:
    """An open store: one engine, a connection per thread from its pool.

    `begin()` is a write transaction started with BEGIN IMMEDIATE, so it waits (busy_timeout) for
    another writer up front instead of reading first and failing to upgrade; `read()` is a deferred
    read. SQLite failures a person can act on leave both as store errors (errors.from_sqlite)."""

    path: Path
    engine: Engine
    read_only: bool = False
    lock_key: str | None = field(default=None, repr=False)
    keying: Keying | None = field(default=None, repr=False)
    _closed: bool = field(default=False, repr=False)

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        if self.read_only:
            raise StoreReadOnly(self.path)
        try:
            with self.engine.connect() as conn:
                conn.info[WRITE_TRANSACTION] = True
                try:
                    with conn.begin():
                        yield conn
                finally:
                    conn.info.pop(WRITE_TRANSACTION, None)
        except Exception as err:  # noqa: BLE001 - translated when a person can act on it, else re-raised
            translated = translate_error(err, self.path)
            if translated is err:
                raise
            raise translated from err
        self._fold_big_wal()

    def _fold_big_wal(self) -> None:
        """After a big write (import, demo, pull) empty the WAL into the .db, so that a copy of the .db
        alone holds the data. The size comes from stat(): the WAL is never opened outside SQLite. The
        write is committed already: a failure here is logged, never reported as "nothing saved"."""
        wal = self.path.with_name(self.path.name + "-wal")
        if not wal.exists() or wal.stat().st_size <= WAL_SIZE_LIMIT:
            return
        try:
            self.checkpoint()
        except UserError as err:
            logging.getLogger("bmn").warning("checkpoint after a big write failed: %s", err)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except Exception as err:  # noqa: BLE001 - translated when a person can act on it, else re-raised
            translated = translate_error(err, self.path)
            if translated is err:
                raise
            raise translated from err

    def checkpoint(self) -> None:
        """Fold the WAL into the store file and empty it (after an import or the demo), so the .db alone
        holds the data. SQLite's autocheckpoint already folds big commits unless a reader holds old
        frames; TRUNCATE waits for readers (busy_timeout) and then empties the -wal file."""
        if self.read_only:
            return
        with self.read() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        if not self._closed:
            self.engine.dispose()
            self._closed = True
            store_lock.release(self.lock_key)


WRITE_TRANSACTION = "bmn_write_transaction"


def translate_error(err: Exception, path: object = "") -> Exception:
    """The store's own error for a SQLite failure a person can act on (by result code), or err itself."""
    if isinstance(err, UserError):
        return err
    translated = from_sqlite(err, path)
    return translated  # type: ignore[return-value]


def engine_for(path: Path, passphrase: str, keying: Keying | None = None) -> Engine:
    keying = keying or Keying(path, passphrase)
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3.dbapi2,  # the pysqlcipher dialect would re-key every connection from the URL
        creator=keying.connect,
        poolclass=QueuePool,  # connections reused across worker threads
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get(WRITE_TRANSACTION) else "BEGIN")

    return engine


def is_read_only(path: Path) -> bool:
    """True when the store file or its folder cannot be written (a CD, a locked USB stick, a read-only share)."""
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _first_connection(path: Path, passphrase: str, read_only: bool) -> Keying:
    """A Keying whose first connection worked (wrong keys fail here, before any pool exists). A read-only
    folder without the WAL's index file (-shm) can only be read as immutable, and only when no WAL
    holds changes that would then be missed."""
    keying = Keying(path, passphrase, read_only=read_only)
    try:
        keying.connect().close()
        return keying
    except (StoreReadOnly, NotAStore, UserError) as err:
        if isinstance(err, WrongPassphrase) or not read_only:
            raise
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreReadOnly(path, pending_wal=True) from err
    keying = Keying(path, passphrase, read_only=True, immutable=True)
    keying.connect().close()
    return keying


def open_store(path: Path | str, passphrase: str, *, create: bool = False, exclusive: bool = False) -> Store:
    """Open (or with create=True, create) the store at path; upgrades older schemas.

    Every store takes the store's process lock (store_lock): shared for commands, exclusive=True for
    the window. A store on a read-only medium opens for reading only (Store.read_only)."""
    from desktop.models import migrate

    path = Path(path)
    if not path.exists() and not create:
        raise StoreMissing(path)
    if create and not path.exists() and len(passphrase) < MIN_PASSPHRASE:
        from desktop.messages import msg

        raise UserError(msg("passphrase_too_short", n=MIN_PASSPHRASE))
    path.parent.mkdir(parents=True, exist_ok=True)
    read_only = path.exists() and is_read_only(path)
    is_new = not path.exists() or path.stat().st_size == 0
    lock_key = None if read_only else store_lock.acquire(path, exclusive=exclusive)
    try:
        keying = _first_connection(path, passphrase, read_only)
        store = Store(path=path, engine=engine_for(path, passphrase, keying), read_only=read_only, lock_key=lock_key,
                      keying=keying)
    except BaseException:
        store_lock.release(lock_key)
        raise
    try:
        migrate.upgrade(store, is_new=is_new)
    except BaseException:
        store.close()
        raise
    return store


def is_plain_sqlite(path: Path | str) -> bool:
    """True if SQLite without a key can read the file: the store must never be like that. (Through
    sqlcipher3, the same library as the store's connections: never a second SQLite in this process.)"""
    try:
        with contextlib.closing(_sqlite_connect(Path(path), read_only=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False


def raw(conn: Connection) -> sqlcipher3.Connection:
    """The DBAPI connection under a SQLAlchemy connection, for executemany-speed bulk work."""
    return conn.connection.driver_connection


def scalar(conn: Connection, sql: str, **params: object) -> object:
    return conn.execute(text(sql), params).scalar()
