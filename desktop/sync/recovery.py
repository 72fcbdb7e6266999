"""Recovery from a restored server, and events set aside (docs/sync.md, Recovery).

Restored server: after each sync the laptop remembers the server's generation id, its household sequence
and its newest event number (meta `sync_server:<url>`). A new generation, or either number lower than
remembered, means the server lost what it had acknowledged (restore from a backup, a rolled-back disk):
every event this laptop holds as answered goes back to pending so it is sent again (the server answers
`duplicate` for those it still has), and the pull cursors of that server are cleared so everything comes
down again; unsent work and open conflicts stay as they are (held households are never overwritten).

Quarantine: an event the server failed on again and again (HTTP 500 when sent alone) is set aside
(`sync_quarantine`) so that everything after it still goes; it stays in the outbox, shown in the sync panel
and `sync quarantine list`, until a person retries it (back in line) or drops it (answered `dropped` here,
never sent).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from desktop.models import audit, meta
from desktop.models.schema import SYNC_PENDING

STATE_PREFIX = "sync_server:"
RESEND_STATES = ("accepted", "rejected", "needs_recheck")
DROPPED = "dropped"


def remembered(conn: Connection, server: str) -> dict | None:
    value = meta.get(conn, STATE_PREFIX + server)
    return json.loads(value) if value else None


def remember(conn: Connection, server: str, me: dict) -> None:
    meta.put(conn, STATE_PREFIX + server, json.dumps(
        {"generation": me.get("generation", ""), "server_seq": int(me.get("server_seq") or 0),
         "events_seq": int(me.get("events_seq") or 0)}))


def restored(conn: Connection, server: str, me: dict) -> str | None:
    """Why the server looks restored ("generation", "server_seq", "events_seq"), or None."""
    before = remembered(conn, server)
    if before is None:
        return None
    if me.get("generation") and before.get("generation") and me["generation"] != before["generation"]:
        return "generation"
    for key in ("server_seq", "events_seq"):
        if int(me.get(key) or 0) < int(before.get(key) or 0):
            return key
    return None


def start(conn: Connection, server: str, why: str) -> int:
    """Put every answered event back in line and clear the server's pull cursors; returns how many events."""
    n = conn.execute(text("UPDATE outbox SET state = :p WHERE state IN (SELECT value FROM json_each(:s))"),
                     {"p": SYNC_PENDING, "s": json.dumps(RESEND_STATES)}).rowcount
    conn.execute(text("DELETE FROM sync_cursor WHERE server = :s"), {"s": server})
    meta.put(conn, STATE_PREFIX + server, "")
    audit.append(conn, "sync.recovery", target=server, detail={"why": why, "resend": n})
    return n


# --- quarantine ------------------------------------------------------------------------------------

def set_aside(conn: Connection, event_uuid: str, reason: str) -> None:
    from desktop.sync import outbox

    conn.execute(text("INSERT OR REPLACE INTO sync_quarantine(uuid, reason, set_aside_at) VALUES (:u, :r, :t)"),
                 {"u": event_uuid, "r": reason[:500], "t": outbox.now()})
    audit.append(conn, "sync.quarantine", target=event_uuid, detail={"reason": reason[:500]})


def quarantined(conn: Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(text(
        "SELECT o.seq, q.uuid, o.kind, o.target, q.reason, q.set_aside_at FROM sync_quarantine q"
        " JOIN outbox o ON o.uuid = q.uuid WHERE o.state = 'pending' ORDER BY o.seq")).mappings()]


def retry(conn: Connection, event_uuid: str) -> bool:
    """Back in line: sent again at the next sync."""
    done = conn.execute(text("DELETE FROM sync_quarantine WHERE uuid = :u"), {"u": event_uuid}).rowcount == 1
    if done:
        audit.append(conn, "sync.quarantine_retry", target=event_uuid, detail={})
    return done


def drop(conn: Connection, event_uuid: str) -> bool:
    """Never sent: the event stays in the outbox, answered `dropped` here (kept for the record)."""
    from desktop.sync import outbox

    if conn.execute(text("SELECT 1 FROM sync_quarantine WHERE uuid = :u"), {"u": event_uuid}).first() is None:
        return False
    conn.execute(text("UPDATE outbox SET state = :d, acked_at = :t, answer = :a WHERE uuid = :u AND state = 'pending'"),
                 {"d": DROPPED, "t": outbox.now(), "u": event_uuid,
                  "a": json.dumps({"status": DROPPED, "by": "officer"})})
    conn.execute(text("DELETE FROM sync_quarantine WHERE uuid = :u"), {"u": event_uuid})
    conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) SELECT household_id FROM outbox_household"
                      " WHERE uuid = :u"), {"u": event_uuid})  # the server's version comes down again
    audit.append(conn, "sync.quarantine_drop", target=event_uuid, detail={})
    return True
