"""The outbox, sync's half: reading pending events and storing the server's answers.

Events are written by desktop/models/events.py (`record`, in the same transaction as the change); this module
reads what is pending, counts it, tells which households are held, and acknowledges the server's replies:
accepted, conflict (a sync_conflict row for a person to settle), rejected or needs_recheck.
"""

from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy import Connection, text

from desktop.models.events import now, record, settable_changes, store_id
from desktop.models.schema import SYNC_ACCEPTED, SYNC_CONFLICT, SYNC_NEEDS_RECHECK, SYNC_PENDING, SYNC_REJECTED

__all__ = ["record", "now", "store_id"]  # the writer's names, for sync's own writes (conflicts, bundles)

HOUSEHOLD_KINDS = ("household.status", "household.set")
ACK_STATES = (SYNC_ACCEPTED, SYNC_CONFLICT, SYNC_REJECTED, SYNC_NEEDS_RECHECK)


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
    out: dict[str, object] = {state: 0 for state in (SYNC_PENDING, *ACK_STATES)}
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
        changes = settable_changes(body)
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
    result: dict = {state: 0 for state in ACK_STATES}
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
