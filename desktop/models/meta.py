"""Small key/value facts about the store: its identity, the officer profile, settings."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, text

from desktop.models import events

LEVELS = ("tambon", "district", "province")  # tambon coordinator / district / province officer


@dataclass(frozen=True)
class Officer:
    name: str
    position: str
    level: str  # one of LEVELS
    area_code: str

    def as_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


NOBODY = Officer(name="", position="", level="", area_code="")


def get(conn: Connection, key: str, default: str | None = None) -> str | None:
    value = conn.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": key}).scalar()
    return default if value is None else value


def put(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        text("INSERT INTO meta(key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {"k": key, "v": value},
    )


def initialise(conn: Connection) -> None:
    put(conn, "store_id", str(uuid.uuid4()))
    put(conn, "created_at", events.clock().isoformat(timespec="seconds"))


def officer(conn: Connection) -> Officer:
    raw = get(conn, "profile")
    return Officer(**json.loads(raw)) if raw else NOBODY


def set_officer(conn: Connection, profile: Officer) -> None:
    """Save the profile and record the change in the audit log (same transaction)."""
    from desktop.models import audit

    if profile.level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}")
    put(conn, "profile", profile.as_json())
    audit.append(conn, "profile.set", target=profile.area_code, detail=asdict(profile))
