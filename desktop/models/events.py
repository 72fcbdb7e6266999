"""The outbox writer: every syncable change is an event row written in the same transaction as the change.

Features call `record(conn, kind, payload, target)`. An event keeps its client-generated UUID for ever; it
stays `pending` until the server acknowledges it (accepted, conflict, rejected or needs_recheck) and is
never deleted, so a dropped connection or a crash can only delay it. The server de-duplicates by UUID, so
sending an event twice is harmless. Reading and acknowledging events is the sync's half (desktop/sync/outbox.py).

Household events are one per household (each gets its own ack) and carry the base they were made on:
the value each field had just before the change, as this laptop last knew it. The server compares that
base with its own value (desktop.sync.wire.field_conflicts), so a concurrent change elsewhere becomes a
visible conflict instead of a silent overwrite.

Two SQL triggers (migration 0004_sync) also write here, so that those writes need not know about sync:
- `sync_base_capture`: before the first unsent change of a household's review status, its row as it was
  (the base of a three-way comparison) is kept in `sync_base`; later changes keep the first capture.
  Writes made by the sync itself set meta 'sync_applying' and are not captured.
- `sync_outbox_from_audit`: an officer-profile change or an indicator-set install writes its audit entry;
  the same transaction puts the event in the outbox, with the audit entry's UUID as the event's UUID.

Time: `clock()` is the one device clock of the app (tests replace it to skew a laptop's time; device
times are information only, ordering comes from the server), `now()` its ISO text, `stamp(conn)` the
uuid, time and officer every event row carries.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Iterable, NamedTuple

from sqlalchemy import Connection, text

from desktop.models.fields import SETTABLE


def clock() -> dt.datetime:
    """The device clock (tests replace it to skew a laptop's time: created_at is information only)."""
    return dt.datetime.now(dt.timezone.utc)


def now(conn: Connection | None = None) -> str:
    """The device clock as stored: ISO 8601, UTC, milliseconds."""
    return clock().isoformat(timespec="milliseconds")


class Stamp(NamedTuple):
    """What every event row carries: its own UUID, when (device clock) and who (the officer's profile JSON)."""

    uuid: str
    at: str
    officer: str


def stamp(conn: Connection) -> Stamp:
    return Stamp(str(uuid.uuid4()), now(), officer_json(conn))


def officer_json(conn: Connection) -> str:
    """The officer's profile as stored (JSON text, "{}" when none is set)."""
    value = conn.execute(text("SELECT value FROM meta WHERE key = 'profile'")).scalar()
    return "{}" if value is None else str(value)


def store_id(conn: Connection) -> str:
    return conn.execute(text("SELECT value FROM meta WHERE key = 'store_id'")).scalar() or ""


def settable_changes(payload: dict) -> dict:
    """The household fields an event sets: its "set" map, or (older events) the settable keys themselves."""
    return dict(payload.get("set") or {k: v for k, v in payload.items() if k in SETTABLE})


def _ids(target) -> list[int] | None:
    if isinstance(target, bool) or target is None or isinstance(target, str):
        return None
    if isinstance(target, int):
        return [target]
    return [int(t) for t in target]


def record(conn: Connection, kind: str, payload: dict, target: str | int | Iterable[int] | None = None) -> list[str]:
    """Put an event in the outbox (caller's transaction); returns the new event UUIDs.

    target: a household id or ids (one event per household, linked so that pulls never overwrite it while
    it is unsent), or a free text target (an area code, a period), or None."""
    ids = _ids(target)
    origin, created = store_id(conn), now(conn)
    if ids is None:
        event_uuid = str(uuid.uuid4())
        _insert(conn, [(event_uuid, kind, target or "", json.dumps(payload, ensure_ascii=False, sort_keys=True),
                        created, origin)])
        return [event_uuid]
    changes = settable_changes(payload)
    bases = _bases(conn, ids, list(changes))
    versions = _versions(conn, ids) if kind == "household.status" else {}
    rows, links, out = [], [], []
    for hid in ids:
        if hid not in bases:
            continue  # no such household here
        base, village, year = bases[hid]
        event_uuid = str(uuid.uuid4())
        body = {**payload, "household": hid, "village": village, "survey_year": year, "base": base}
        if hid in versions:  # the record version reviewed: a newer one on the server answers needs_recheck
            body["version"] = versions[hid]
        rows.append((event_uuid, kind, str(hid), json.dumps(body, ensure_ascii=False, sort_keys=True), created, origin))
        links.append({"h": hid, "u": event_uuid})
        out.append(event_uuid)
    _insert(conn, rows)
    if links:
        conn.execute(text("INSERT OR IGNORE INTO outbox_household(household_id, uuid) VALUES (:h, :u)"), links)
    return out


def _versions(conn: Connection, ids: list[int]) -> dict[int, int]:
    return {hid: int(v) for hid, v in conn.execute(
        text("SELECT id, version FROM household WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(ids)}) if v is not None}


def _insert(conn: Connection, rows: list[tuple]) -> None:
    if rows:
        conn.execute(
            text("INSERT INTO outbox(uuid, kind, target, payload, created_at, origin, state)"
                 " VALUES (:u, :k, :t, :p, :c, :o, 'pending')"),
            [{"u": u, "k": k, "t": t, "p": p, "c": c, "o": o} for u, k, t, p, c, o in rows],
        )


def _bases(conn: Connection, ids: list[int], fields: list[str]) -> dict[int, tuple[dict, int, int]]:
    """Per household: the value of each field just before this change, as this laptop knew it.

    The newest unsent event's value if there is one, else the server-known row captured before the first
    unsent change (sync_base), else the row itself (the change did not alter it)."""
    id_json = json.dumps(ids)
    current = {
        r[0]: dict(zip(["village", "survey_year", *fields], r[1:]))
        for r in conn.execute(
            text(f"SELECT id, village, survey_year{''.join(', ' + f for f in fields)} FROM household"
                 " WHERE id IN (SELECT value FROM json_each(:ids))"), {"ids": id_json})
    }
    captured = {
        hid: json.loads(data)
        for hid, data in conn.execute(
            text("SELECT household_id, data FROM sync_base WHERE household_id IN (SELECT value FROM json_each(:ids))"),
            {"ids": id_json})
    }
    latest: dict[int, dict] = {}
    for hid, payload in conn.execute(
        text("SELECT l.household_id, o.payload FROM outbox_household l JOIN outbox o ON o.uuid = l.uuid"
             " WHERE o.state = 'pending' AND l.household_id IN (SELECT value FROM json_each(:ids)) ORDER BY o.seq"),
        {"ids": id_json},
    ):
        latest.setdefault(hid, {}).update(settable_changes(json.loads(payload)))
    out = {}
    for hid, row in current.items():
        base = {}
        for f in fields:
            if f in latest.get(hid, {}):
                base[f] = latest[hid][f]
            elif hid in captured and f in captured[hid]:
                base[f] = captured[hid][f]
            else:
                base[f] = row[f]
        out[hid] = (base, row["village"], row["survey_year"])
    return out
