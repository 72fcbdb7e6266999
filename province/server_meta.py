"""The server's own settings row by row (table server_meta, migration 0002): its generation id, the
province signing key and the secret behind device-registration challenges.

The generation changes when the database is restored from a backup (`serve admin restore`, or
`serve admin new-generation` after a PostgreSQL restore): laptops that see a new generation send again
every event the server lacks and download everything again (docs/sync.md, Recovery).
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, text

from desktop.sync import signing


def get(conn: Connection, key: str) -> str | None:
    return conn.execute(text("SELECT value FROM server_meta WHERE key = :k"), {"k": key}).scalar()


def put(conn: Connection, key: str, value: str) -> None:
    if get(conn, key) is None:
        conn.execute(text("INSERT INTO server_meta(key, value) VALUES (:k, :v)"), {"k": key, "v": value})
    else:
        conn.execute(text("UPDATE server_meta SET value = :v WHERE key = :k"), {"k": key, "v": value})


def generation(conn: Connection) -> str:
    return get(conn, "generation") or ""


def new_generation(conn: Connection) -> str:
    value = uuid.uuid4().hex
    put(conn, "generation", value)
    return value


def province_key(conn: Connection):
    return signing.private_from_hex(get(conn, "province_key") or "")


def challenge_secret(conn: Connection) -> bytes:
    return bytes.fromhex(get(conn, "challenge_secret") or "")


def events_seq(conn: Connection) -> int:
    """The newest event number: a laptop that saw a higher one before is talking to a restored server."""
    return int(conn.execute(text("SELECT coalesce(max(seq), 0) FROM events")).scalar() or 0)
