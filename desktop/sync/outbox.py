"""The outbox: every syncable change is an event row written in the same transaction as the change.

Features call `record(conn, kind, payload, target)`. An event keeps its client-generated UUID for ever; it
stays `pending` until the server acknowledges it (accepted, conflict, rejected or needs_recheck) and is
never deleted, so a dropped connection or a crash can only delay it. The server de-duplicates by UUID, so
sending an event twice is harmless.

Household events are one per household (each gets its own ack) and carry the base they were made on:
the value each field had just before the change, as this laptop last knew it. The server compares that
base with its own value (wire.field_conflicts), so a concurrent change elsewhere becomes a visible
conflict instead of a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Iterable

from sqlalchemy import Connection, text

from desktop.models.schema import SYNC_ACCEPTED, SYNC_CONFLICT, SYNC_NEEDS_RECHECK, SYNC_PENDING, SYNC_REJECTED
from desktop.sync import wire

HOUSEHOLD_KINDS = ("household.status", "household.set")
ACK_STATES = (SYNC_ACCEPTED, SYNC_CONFLICT, SYNC_REJECTED, SYNC_NEEDS_RECHECK)


def clock() -> dt.datetime:
    """The device clock (tests replace it to skew a laptop's time: created_at is information only)."""
    return dt.datetime.now(dt.timezone.utc)


def now(conn: Connection | None = None) -> str:
    return clock().isoformat(timespec="milliseconds")


def store_id(conn: Connection) -> str:
    return conn.execute(text("SELECT value FROM meta WHERE key = 'store_id'")).scalar() or ""


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
    changes = dict(payload.get("set") or {k: v for k, v in payload.items() if k in wire.SETTABLE})
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
        body = json.loads(payload)
        changes = body.get("set") or {k: v for k, v in body.items() if k in wire.SETTABLE}
        latest.setdefault(hid, {}).update(changes)
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


# --- reading and acknowledging -----------------------------------------------------------------

def pending(conn: Connection, limit: int = 500, after_seq: int = 0) -> list[dict]:
    rows = conn.execute(
        text("SELECT seq, uuid, kind, target, payload, created_at, origin FROM outbox"
             " WHERE state = 'pending' AND seq > :after AND uuid NOT IN (SELECT uuid FROM sync_quarantine)"
             " ORDER BY seq LIMIT :n"),
        {"after": after_seq, "n": limit},
    ).mappings()
    return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]


def counts(conn: Connection) -> dict:
    """{"pending": n, "accepted": n, ..., "pending_by_kind": {kind: n}}"""
    out = {state: 0 for state in (SYNC_PENDING, *ACK_STATES)}
    for state, n in conn.execute(text("SELECT state, count(*) FROM outbox GROUP BY state")):
        out[state] = n
    out["pending_by_kind"] = dict(conn.execute(
        text("SELECT kind, count(*) FROM outbox WHERE state = 'pending' GROUP BY kind ORDER BY kind")).all())
    return out


def held(conn: Connection, ids: Iterable[int]) -> set[int]:
    """Households that must not be overwritten: unsent events, or a conflict still open."""
    id_json = json.dumps(list(ids))
    return set(conn.execute(
        text("SELECT l.household_id FROM outbox_household l JOIN outbox o ON o.uuid = l.uuid"
             " WHERE o.state = 'pending' AND l.household_id IN (SELECT value FROM json_each(:ids))"
             " UNION SELECT household_id FROM sync_conflict WHERE state = 'open'"
             " AND household_id IN (SELECT value FROM json_each(:ids))"),
        {"ids": id_json},
    ).scalars())


def pending_households(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    """{household id: UUID of its newest unsent event} for the ids given."""
    return dict(conn.execute(
        text("SELECT l.household_id, o.uuid FROM outbox_household l JOIN outbox o ON o.uuid = l.uuid"
             " WHERE o.state = 'pending' AND l.household_id IN (SELECT value FROM json_each(:ids)) ORDER BY o.seq"),
        {"ids": json.dumps(list(ids))},
    ).all())


def pending_intents(conn: Connection, ids: Iterable[int]) -> dict[int, tuple[set[str], dict]]:
    """{household: (fields its unsent events set, the base each field had before the first of them)}."""
    out: dict[int, tuple[set[str], dict]] = {}
    for hid, payload in conn.execute(
        text("SELECT l.household_id, o.payload FROM outbox_household l JOIN outbox o ON o.uuid = l.uuid"
             " WHERE o.state = 'pending' AND l.household_id IN (SELECT value FROM json_each(:ids)) ORDER BY o.seq"),
        {"ids": json.dumps(list(ids))},
    ):
        body = json.loads(payload)
        changes = body.get("set") or {k: v for k, v in body.items() if k in wire.SETTABLE}
        fields, base = out.setdefault(hid, (set(), {}))
        for f in changes:
            if f not in fields and f in (body.get("base") or {}):
                base[f] = body["base"][f]
            fields.add(f)
    return out


def acknowledge(conn: Connection, acks: list[dict]) -> dict:
    """Store the server's answers (caller's transaction); conflicts become sync_conflict rows.
    Returns {"accepted": n, "conflict": n, "rejected": n, "needs_recheck": n, "conflict_households": [...]}"""
    from desktop.sync import conflicts

    at, own = now(conn), store_id(conn)
    result = {state: 0 for state in ACK_STATES}
    result["conflict_households"] = []
    touched: set[int] = set()
    known = {
        r.uuid: r for r in conn.execute(
            text("SELECT seq, uuid, kind, state, payload, origin FROM outbox WHERE uuid IN (SELECT value FROM json_each(:u))"),
            {"u": json.dumps([a["uuid"] for a in acks])})
    }
    for ack in acks:
        row = known.get(ack["uuid"])
        if row is None or row.state != SYNC_PENDING:
            continue  # an answer to something already settled (a replayed reply): nothing to do
        state = ack.get("original") if ack["status"] == "duplicate" else ack["status"]
        if state not in ACK_STATES:
            continue  # not an answer we understand: the event stays pending
        conn.execute(
            text("UPDATE outbox SET state = :s, answer = :a, acked_at = :t WHERE uuid = :u AND state = 'pending'"),
            {"s": state, "a": json.dumps(ack, ensure_ascii=False, sort_keys=True), "t": at, "u": ack["uuid"]},
        )
        result[state] += 1
        payload = json.loads(row.payload)
        hid = payload.get("household") if row.kind in HOUSEHOLD_KINDS else None
        if hid is None:
            continue
        touched.add(hid)
        if ack["status"] == "duplicate":
            # the server had this event already (a lost reply, another laptop relaying a bundle): it was
            # applied back then and the household may have moved on since; look at it again
            conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) VALUES (:h)"), {"h": hid})
        if state == SYNC_NEEDS_RECHECK and row.kind == "household.status":
            # reviewed against an older record: the server's record comes down, the officer reviews again
            conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) VALUES (:h)"), {"h": hid})
        if row.origin and row.origin != own and state in (SYNC_CONFLICT, SYNC_REJECTED):
            # another laptop's event relayed from a bundle: its officer settles it when their laptop
            # syncs; this laptop, which showed the change, downloads the server's version again
            conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) VALUES (:h)"), {"h": hid})
            continue
        if state == SYNC_CONFLICT and not _decided_later(conn, hid, row.seq):
            conflicts.from_ack(conn, hid, ack, payload, event_uuid=ack["uuid"])
            result["conflict_households"].append(hid)
    forget_settled_bases(conn, touched)
    return result


def _decided_later(conn: Connection, hid: int, seq: int) -> bool:
    """A person already settled a conflict on this household after the event was made (the event was sent
    late): the server's refusal is what they chose or overrode, not a new conflict."""
    return conn.execute(
        text("SELECT 1 FROM outbox_household l JOIN outbox o ON o.uuid = l.uuid WHERE l.household_id = :h"
             " AND o.kind = 'conflict.resolved' AND o.seq > :s LIMIT 1"), {"h": hid, "s": seq}).first() is not None


def forget_settled_bases(conn: Connection, ids: Iterable[int]) -> None:
    """A captured base is no longer needed once a household has no unsent events and no open conflict."""
    ids = list(ids)
    if not ids:
        return
    still = held(conn, ids)
    done = [h for h in ids if h not in still]
    if done:
        conn.execute(text("DELETE FROM sync_base WHERE household_id IN (SELECT value FROM json_each(:ids))"),
                     {"ids": json.dumps(done)})


def has_event(conn: Connection, event_uuid: str) -> bool:
    return conn.execute(text("SELECT 1 FROM outbox WHERE uuid = :u"), {"u": event_uuid}).first() is not None


def insert_foreign(conn: Connection, event: dict) -> None:
    """An event made on another laptop (from a bundle), kept pending here so that this laptop relays it."""
    conn.execute(
        text("INSERT OR IGNORE INTO outbox(uuid, kind, target, payload, created_at, origin, state)"
             " VALUES (:u, :k, :t, :p, :c, :o, 'pending')"),
        {"u": event["uuid"], "k": event["kind"], "t": event.get("target") or "",
         "p": json.dumps(event["payload"], ensure_ascii=False, sort_keys=True), "c": event.get("created_at") or "",
         "o": event.get("origin") or ""},
    )
    hid = event["payload"].get("household") if event["kind"] in HOUSEHOLD_KINDS else None
    if isinstance(hid, int):
        conn.execute(text("INSERT OR IGNORE INTO outbox_household(household_id, uuid) VALUES (:h, :u)"),
                     {"h": hid, "u": event["uuid"]})
