"""Officers, their tokens and their areas.

A token is `bmn1.<id>.<secret>`: the id finds the officer, the secret (32 random bytes) is checked against
sha256(salt + secret). The secret is random, not a password a person chose, so a salted hash is enough; the
token itself is shown once, when the officer is added, and never stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, text

from province.schema import officer, officer_area

TOKEN_PREFIX = "bmn1"
AREA_PATTERN = re.compile(r"^\d{2}(\d{2}){0,3}$")


@dataclass(frozen=True)
class Officer:
    id: int
    name: str
    areas: tuple[str, ...]

    def covers(self, code: str | int) -> bool:
        """True if an area code (or an 8-digit village) lies inside one of the officer's areas."""
        code = str(code)
        return any(code.startswith(a) for a in self.areas)


def _hash(salt: str, secret: str) -> str:
    return hashlib.sha256((salt + secret).encode("utf-8")).hexdigest()


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def add_officer(conn: Connection, name: str, areas: list[str]) -> tuple[int, str]:
    """Create an officer scoped to areas; returns (id, token). The token is not kept anywhere."""
    from desktop.models.errors import UserError
    from desktop.sync.messages import msg

    name = (name or "").strip()
    areas = [str(a).strip() for a in areas]
    bad = [a for a in areas if not AREA_PATTERN.match(a)]
    if not areas or bad:
        raise UserError(msg("bad_area", areas=", ".join(bad or areas) or "-"))
    if not name or len(name) > 200:
        raise UserError(msg("bad_officer_name"))
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    salt = secrets.token_hex(16)
    result = conn.execute(officer.insert().values(name=name, token_id=token_id, token_salt=salt,
                                                  token_hash=_hash(salt, secret), created_at=now(), active=1))
    officer_id = result.inserted_primary_key[0]
    conn.execute(officer_area.insert(), [{"officer_id": officer_id, "area_code": a} for a in sorted(set(areas))])
    return officer_id, f"{TOKEN_PREFIX}.{token_id}.{secret}"


def parse_token(token: str) -> tuple[str, str] | None:
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or not parts[2] or len(token) > 200:
        return None
    return parts[1], parts[2]


def by_token(conn: Connection, token: str) -> Officer | None:
    parsed = parse_token(token)
    if parsed is None:
        return None
    token_id, secret = parsed
    row = conn.execute(text("SELECT id, name, token_salt, token_hash, active FROM officer WHERE token_id = :t"),
                       {"t": token_id}).first()
    if row is None or not row.active or not hmac.compare_digest(_hash(row.token_salt, secret), row.token_hash):
        return None
    return by_id(conn, row.id)


def by_id(conn: Connection, officer_id: int) -> Officer | None:
    row = conn.execute(text("SELECT id, name, active FROM officer WHERE id = :i"), {"i": officer_id}).first()
    if row is None or not row.active:
        return None
    areas = tuple(conn.execute(text("SELECT area_code FROM officer_area WHERE officer_id = :i ORDER BY area_code"),
                               {"i": officer_id}).scalars())
    return Officer(row.id, row.name, areas)


def list_officers(conn: Connection) -> list[dict]:
    out = []
    for row in conn.execute(text("SELECT id, name, created_at, active FROM officer ORDER BY id")):
        areas = list(conn.execute(text("SELECT area_code FROM officer_area WHERE officer_id = :i ORDER BY area_code"),
                                  {"i": row.id}).scalars())
        devices = conn.execute(text("SELECT count(*) FROM device WHERE officer_id = :i"), {"i": row.id}).scalar()
        out.append({"id": row.id, "name": row.name, "areas": areas, "created_at": row.created_at,
                    "active": bool(row.active), "devices": devices})
    return out


def register_device(conn: Connection, officer_id: int, store_id: str, public_key: str) -> None:
    """Bind a laptop's bundle-signing key to an officer (again: the newest registration of a store wins)."""
    conn.execute(text("DELETE FROM device WHERE store_id = :s OR public_key = :k"), {"s": store_id, "k": public_key})
    conn.execute(text("INSERT INTO device(store_id, officer_id, public_key, registered_at) VALUES (:s, :o, :k, :t)"),
                 {"s": store_id, "o": officer_id, "k": public_key, "t": now()})


def device_officer(conn: Connection, public_key: str) -> tuple[Officer, str] | None:
    row = conn.execute(text("SELECT officer_id, store_id FROM device WHERE public_key = :k"), {"k": public_key}).first()
    if row is None:
        return None
    found = by_id(conn, row.officer_id)
    return (found, row.store_id) if found else None
