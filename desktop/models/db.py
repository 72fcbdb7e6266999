"""Opening the encrypted local store (SQLite + SQLCipher) through SQLAlchemy.

Every connection gets the key with PRAGMA key before anything else; a wrong key shows up as
"file is not a database" on the first read and is turned into WrongPassphrase. The DBAPI
connection runs in autocommit mode and SQLAlchemy emits BEGIN itself, so raw executemany calls
made inside `store.begin()` belong to the same transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from desktop.models.errors import DiskFull, NotAStore, StoreMissing, UserError, WrongPassphrase

MIN_PASSPHRASE = 8


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def _raw_connect(path: Path, passphrase: str, *, raw_key: str | None = None) -> sqlcipher3.Connection:
    """A keyed connection: the passphrase (SQLCipher derives the key), or raw_key, a derived key in SQLCipher's
    "x'key+salt'" form (no derivation)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{raw_key}"' if raw_key else f"PRAGMA key = {_quote(passphrase)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as err:
        conn.close()
        if "not a database" in str(err):
            raise WrongPassphrase() from None
        raise NotAStore(path) from err
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


# SQLCipher 4 defaults (PRAGMA cipher_default_kdf_iter / _kdf_algorithm); a store made otherwise falls back
KDF_ITERATIONS = 256_000
SALT_BYTES = 16


class Keying:
    """Connections to one store that pay the key derivation once.

    SQLCipher derives the page key from the passphrase with PBKDF2-HMAC-SHA512 (256,000 rounds, ~0.3 s) on
    every new connection, and the window opens several. Here it is derived once, from the passphrase and the
    salt in the file's first 16 bytes, and handed to each connection as a raw key. If the raw key does not
    open the file (a store made with other settings, or a wrong passphrase) the passphrase is used, which
    also gives the definitive WrongPassphrase."""

    def __init__(self, path: Path, passphrase: str):
        self.path, self.passphrase = path, passphrase
        self.raw_key: str | None | bool = None  # None: not derived yet; False: not usable for this file

    def _derive(self) -> str | bool | None:
        import hashlib

        try:
            with open(self.path, "rb") as f:
                salt = f.read(SALT_BYTES)
        except OSError:
            return None
        if len(salt) < SALT_BYTES:
            return None  # a new, still empty file: its salt is written with the first page
        key = hashlib.pbkdf2_hmac("sha512", self.passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
        return f"x'{key.hex()}{salt.hex()}'"

    def connect(self) -> sqlcipher3.Connection:
        if self.raw_key is None:
            self.raw_key = self._derive()
        if isinstance(self.raw_key, str) and self.raw_key:
            try:
                return _raw_connect(self.path, self.passphrase, raw_key=self.raw_key)
            except WrongPassphrase:
                self.raw_key = False
        return _raw_connect(self.path, self.passphrase)


@dataclass
class Store:
    """An open store: one engine, a connection per thread from its pool."""

    path: Path
    engine: Engine
    _closed: bool = field(default=False, repr=False)

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        """A write transaction; disk-full errors become DiskFull after the rollback."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except Exception as err:  # noqa: BLE001 - translated, then re-raised
            translated = translate_error(err)
            if translated is err:
                raise
            raise translated from err

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        if not self._closed:
            self.engine.dispose()
            self._closed = True


def translate_error(err: Exception) -> Exception:
    """The store's own error for a failed write (DiskFull for a full disk), or err itself."""
    text_ = str(getattr(err, "orig", err)).lower()
    if "database or disk is full" in text_ or "no space left" in text_:
        return DiskFull()
    return err


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
        conn.exec_driver_sql("BEGIN")

    return engine


def open_store(path: Path | str, passphrase: str, *, create: bool = False) -> Store:
    """Open (or with create=True, create) the store at path; upgrades older schemas."""
    from desktop.models import migrate

    path = Path(path)
    if not path.exists() and not create:
        raise StoreMissing(path)
    if create and not path.exists() and len(passphrase) < MIN_PASSPHRASE:
        from desktop.messages import msg

        raise UserError(msg("passphrase_too_short", n=MIN_PASSPHRASE))
    path.parent.mkdir(parents=True, exist_ok=True)
    is_new = not path.exists() or path.stat().st_size == 0
    keying = Keying(path, passphrase)
    keying.connect().close()  # fail fast on a wrong key, before any pool exists
    store = Store(path=path, engine=engine_for(path, passphrase, keying))
    try:
        migrate.upgrade(store, is_new=is_new)
    except Exception:
        store.close()
        raise
    return store


def is_plain_sqlite(path: Path | str) -> bool:
    """True if the stdlib sqlite3 (no key) can read the file: the store must never be like that."""
    try:
        with contextlib.closing(sqlite3.connect(str(path))) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False


def raw(conn: Connection) -> sqlcipher3.Connection:
    """The DBAPI connection under a SQLAlchemy connection, for executemany-speed bulk work."""
    return conn.connection.driver_connection


def scalar(conn: Connection, sql: str, **params: object) -> object:
    return conn.execute(text(sql), params).scalar()
