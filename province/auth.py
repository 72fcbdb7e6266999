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
import time
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


class DeviceRefused(Exception):
    """A registration the server will not make: `code` is a province.errors message."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


CHALLENGE_SECONDS = 600


def make_challenge(conn: Connection, officer_id: int) -> str:
    """A challenge the laptop signs with the key it registers (proof of possession); valid 10 minutes,
    for this officer only. Stateless: an HMAC with the server's secret."""
    from province import server_meta

    expires = int(time.time()) + CHALLENGE_SECONDS
    body = f"{officer_id}.{expires}.{secrets.token_hex(16)}"
    mac = hmac.new(server_meta.challenge_secret(conn), body.encode(), hashlib.sha256).hexdigest()
    return f"{body}.{mac}"


def challenge_valid(conn: Connection, officer_id: int, challenge: str) -> bool:
    from province import server_meta

    parts = challenge.split(".")
    if len(parts) != 4 or parts[0] != str(officer_id) or not parts[1].isdigit():
        return False
    body = ".".join(parts[:3])
    mac = hmac.new(server_meta.challenge_secret(conn), body.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(mac, parts[3]) and int(parts[1]) >= time.time()


@dataclass(frozen=True)
class Device:
    public_key: str
    store_id: str
    officer_id: int
    revoked: bool


def device_by_key(conn: Connection, public_key: str) -> Device | None:
    row = conn.execute(text("SELECT public_key, store_id, officer_id, revoked_at FROM device WHERE public_key = :k"),
                       {"k": public_key}).first()
    return Device(row.public_key, row.store_id, row.officer_id, row.revoked_at is not None) if row else None


def device_key_of_store(conn: Connection, officer_id: int, store_id: str) -> str | None:
    return conn.execute(text("SELECT public_key FROM device WHERE store_id = :s AND officer_id = :o"
                             " AND revoked_at IS NULL"), {"s": store_id, "o": officer_id}).scalar()


def register_device(conn: Connection, officer_id: int, store_id: str, public_key: str) -> None:
    """Bind a laptop's key to an officer. A key (or a laptop) never moves to another officer, and a revoked
    key stays revoked: those raise DeviceRefused. The same laptop registering a new key replaces its old one."""
    key_row = device_by_key(conn, public_key)
    if key_row is not None:
        if key_row.revoked:
            raise DeviceRefused("device_revoked")
        if key_row.officer_id != officer_id:
            raise DeviceRefused("device_taken")
        if key_row.store_id == store_id:
            return
    store_row = conn.execute(text("SELECT officer_id, revoked_at FROM device WHERE store_id = :s"),
                             {"s": store_id}).first()
    if store_row is not None:
        if store_row.officer_id != officer_id:
            raise DeviceRefused("device_taken")
        if store_row.revoked_at is not None:
            raise DeviceRefused("device_revoked")
    conn.execute(text("DELETE FROM device WHERE store_id = :s OR public_key = :k"), {"s": store_id, "k": public_key})
    conn.execute(text("INSERT INTO device(store_id, officer_id, public_key, registered_at) VALUES (:s, :o, :k, :t)"),
                 {"s": store_id, "o": officer_id, "k": public_key, "t": now()})


def device_officer(conn: Connection, public_key: str) -> tuple[Officer, str] | None:
    row = device_by_key(conn, public_key)
    if row is None or row.revoked:
        return None
    found = by_id(conn, row.officer_id)
    return (found, row.store_id) if found else None


def revoke_device(conn: Connection, key_or_store: str) -> int:
    """Revoke a laptop's key (by public key or store id); returns how many keys were revoked."""
    return conn.execute(text("UPDATE device SET revoked_at = :t WHERE (public_key = :v OR store_id = :v)"
                             " AND revoked_at IS NULL"), {"v": key_or_store.strip().lower() if len(key_or_store) == 64
                                                          else key_or_store.strip(), "t": now()}).rowcount


def deactivate_officer(conn: Connection, officer_id: int) -> bool:
    """The officer's token stops working at once and their keys' events are refused from now on."""
    return conn.execute(text("UPDATE officer SET active = 0 WHERE id = :i AND active = 1"),
                        {"i": officer_id}).rowcount == 1


def new_token(conn: Connection, officer_id: int) -> str | None:
    """Revoke an officer's token by issuing a new one (printed once); the old one stops working at once."""
    token_id, secret, salt = secrets.token_hex(8), secrets.token_urlsafe(32), secrets.token_hex(16)
    done = conn.execute(text("UPDATE officer SET token_id = :t, token_salt = :s, token_hash = :h WHERE id = :i"),
                        {"t": token_id, "s": salt, "h": _hash(salt, secret), "i": officer_id}).rowcount
    return f"{TOKEN_PREFIX}.{token_id}.{secret}" if done else None


def vouched_keys(conn: Connection) -> list[dict]:
    """Every registered device key with its officer and areas (revoked keys and inactive officers marked)."""
    areas: dict[int, list[str]] = {}
    for officer_id, code in conn.execute(text("SELECT officer_id, area_code FROM officer_area ORDER BY area_code")):
        areas.setdefault(officer_id, []).append(code)
    out = []
    for row in conn.execute(text("SELECT d.public_key, d.store_id, d.officer_id, d.revoked_at, o.name, o.active"
                                 " FROM device d JOIN officer o ON o.id = d.officer_id ORDER BY d.public_key")):
        out.append({"public_key": row.public_key, "store_id": row.store_id, "officer_id": row.officer_id,
                    "officer": row.name, "areas": areas.get(row.officer_id, []),
                    "revoked": row.revoked_at is not None or not row.active})
    return out
