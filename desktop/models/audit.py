"""Append-only, hash-chained audit log.

Each entry's hash covers its content and the previous entry's hash; the newest hash is also kept in
`meta` so that removing entries from the end is detected, not only edits in the middle.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models import events

GENESIS = "0" * 64


def _digest(prev_hash: str, entry_uuid: str, at: str, officer: str, action: str, target: str, detail: str) -> str:
    payload = json.dumps([prev_hash, entry_uuid, at, officer, action, target, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(conn: Connection, action: str, target: str = "", detail: dict | None = None) -> str:
    """Write one entry in the caller's transaction; returns its hash."""
    from desktop.models import meta

    prev = meta.get(conn, "audit_head") or GENESIS
    entry_uuid = str(uuid.uuid4())
    at = events.now()
    officer = events.officer_json(conn)
    detail_json = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    digest = _digest(prev, entry_uuid, at, officer, action, target, detail_json)
    conn.execute(
        text(
            "INSERT INTO audit_entry(uuid, at, officer, action, target, detail, prev_hash, hash)"
            " VALUES (:u, :at, :o, :a, :t, :d, :p, :h)"
        ),
        {"u": entry_uuid, "at": at, "o": officer, "a": action, "t": target, "d": detail_json, "p": prev, "h": digest},
    )
    meta.put(conn, "audit_head", digest)
    return digest


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    broken_at: int | None = None  # seq of the first bad entry
    reason: str = ""


def verify(conn: Connection) -> Verdict:
    from desktop.models import meta

    prev = GENESIS
    count = 0
    rows = conn.execute(
        text("SELECT seq, uuid, at, officer, action, target, detail, prev_hash, hash FROM audit_entry ORDER BY seq")
    )
    for seq, entry_uuid, at, officer, action, target, detail, prev_hash, digest in rows:
        if prev_hash != prev:
            return Verdict(False, count, seq, "previous-hash link does not match (an entry before it was removed or changed)")
        if _digest(prev_hash, entry_uuid, at, officer, action, target, detail) != digest:
            return Verdict(False, count, seq, "content does not match its hash (the entry was edited)")
        prev = digest
        count += 1
    head = meta.get(conn, "audit_head", GENESIS)
    if head != prev:
        return Verdict(False, count, count + 1, "entries after the last one were removed")
    return Verdict(True, count)


def recent(conn: Connection, limit: int = 50) -> list[dict]:
    rows = conn.execute(
        text("SELECT seq, at, officer, action, target, detail FROM audit_entry ORDER BY seq DESC LIMIT :n"), {"n": limit}
    ).mappings()
    return [dict(r) for r in rows]
