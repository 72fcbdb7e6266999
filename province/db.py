"""The server's database: PostgreSQL (SQLAlchemy + psycopg 3) in production, an SQLite file by default.

`ServerDB.write()` is a transaction that first takes the change counter: on PostgreSQL with
SELECT ... FOR UPDATE, on SQLite with BEGIN IMMEDIATE. Writers therefore run one at a time, and sequence
numbers commit in the order they were handed out (a pull cursor never jumps over a late commit).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, create_engine, event, inspect, text

HEAD = "0002"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "province_alembic_version"


def default_url() -> str:
    from desktop.paths import user_data_dir

    return f"sqlite:///{user_data_dir() / 'province-server.db'}"


def normalise_url(url: str | Path | None) -> str:
    """postgresql://... -> postgresql+psycopg://...; a plain path -> an SQLite file; None -> the default file."""
    if not url:
        return default_url()
    url = str(url)
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


class ServerDB:
    def __init__(self, url: str | Path | None = None, *, pool_size: int = 8):
        self.url = normalise_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite:
            path = self.url.split(":///", 1)[1] if ":///" in self.url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(self.url, connect_args={"check_same_thread": False, "timeout": 30},
                                        pool_size=pool_size, max_overflow=pool_size)
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        else:
            self.engine = create_engine(self.url, pool_size=pool_size, max_overflow=2 * pool_size, pool_pre_ping=True)

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(bmn_write=True)
            with conn.begin():
                if not self.is_sqlite:
                    conn.execute(text("SELECT value FROM counter WHERE name = 'household' FOR UPDATE"))
                yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    def upgrade(self) -> None:
        """Create or upgrade the schema (Alembic, province/migrations, own version table)."""
        with self.engine.connect() as conn:
            if VERSION_TABLE in inspect(conn).get_table_names():
                if conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == HEAD:
                    return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN itself
    cur = dbapi_conn.cursor()
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "busy_timeout = 30000", "foreign_keys = OFF"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("bmn_write") else "BEGIN")


def next_seq(conn: Connection, n: int = 1) -> int:
    """Reserve n sequence numbers; returns the first (inside a write() transaction)."""
    last = conn.execute(text("UPDATE counter SET value = value + :n WHERE name = 'household' RETURNING value"),
                        {"n": n}).scalar_one()
    return last - n + 1


def current_seq(conn: Connection) -> int:
    return conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar_one()
