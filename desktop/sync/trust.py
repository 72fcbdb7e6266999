"""Whom a laptop trusts (docs/sync.md, Trust): its own events signed with its key, other laptops' events
passed on with their author's signature, and the province's list of vouched device keys.

- The province key is pinned at the first sync with a server (meta `sync_province_key`); a later list signed
  with another key is refused (SyncRefused in the client), never silently accepted.
- The newest signed key list is kept in the store (meta `sync_keylist`) for offline bundle imports.
- A bundle is applied only from keys in that list (not revoked), and each event only if its own signature
  is valid and made by a vouched key whose officer covers the event's area.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from desktop.models import meta
from desktop.sync import signing

PROVINCE_KEY_META = "sync_province_key"
KEYLIST_META = "sync_keylist"
AREA_KINDS = ("certification", "certification.reopen", "certification.roster", "visit.log", "backcheck.sample",
              "backcheck.answer")


class KeyMismatch(Exception):
    """The server's key list is signed with another province key than the one pinned here."""


def own_key(conn: Connection):
    from desktop.sync import bundle

    return bundle.signing_key(conn)


def sign_for_sending(conn: Connection, events: list[dict]) -> list[dict]:
    """Events as they go on the wire or into a bundle: this laptop's own events signed with its key; other
    laptops' events with their author's signature as received (unsigned if none was kept)."""
    from desktop.sync import outbox

    own, key = outbox.store_id(conn), None
    relayed = dict_of_relays(conn, [e["uuid"] for e in events if e.get("origin") and e["origin"] != own])
    out = []
    for e in events:
        wire_event = {k: e[k] for k in signing.EVENT_FIELDS}
        if e.get("origin") and e["origin"] != own:
            author, signature = relayed.get(e["uuid"], ("", ""))
            out.append({**wire_event, "author": author, "signature": signature} if author else wire_event)
            continue
        if key is None:
            key = own_key(conn)
        out.append(signing.sign_event(key, wire_event))
    return out


def dict_of_relays(conn: Connection, uuids: list[str]) -> dict[str, tuple[str, str]]:
    if not uuids:
        return {}
    return {u: (a, s) for u, a, s in conn.execute(
        text("SELECT uuid, author, signature FROM sync_relay WHERE uuid IN (SELECT value FROM json_each(:u))"),
        {"u": json.dumps(uuids)})}


def keep_relay(conn: Connection, event: dict) -> None:
    conn.execute(text("INSERT OR REPLACE INTO sync_relay(uuid, author, signature) VALUES (:u, :a, :s)"),
                 {"u": event["uuid"], "a": event["author"], "s": event["signature"]})


# --- the province's key list -----------------------------------------------------------------------

def accept_keylist(conn: Connection, signed: dict) -> dict:
    """Check a key list from the server against the pinned province key (pinning it the first time) and
    keep it; returns its document. Raises KeyMismatch if it is signed by another key or not signed."""
    pinned = meta.get(conn, PROVINCE_KEY_META)
    key = signed.get("province_key") if isinstance(signed, dict) else None
    if not isinstance(key, str) or (pinned and key != pinned) or not signing.keylist_valid(signed, key):
        raise KeyMismatch(str(key)[:16])
    if not pinned:
        meta.put(conn, PROVINCE_KEY_META, key)
    meta.put(conn, KEYLIST_META, json.dumps(signed, ensure_ascii=False, sort_keys=True))
    return signed["doc"]


def vouched(conn: Connection) -> dict[str, dict] | None:
    """{public key: {officer, officer_id, areas, revoked, store_id}} from the kept list, checked again against
    the pinned key; None if this laptop has no (valid) list yet."""
    pinned = meta.get(conn, PROVINCE_KEY_META)
    stored = meta.get(conn, KEYLIST_META)
    if not pinned or not stored:
        return None
    signed = json.loads(stored)
    if not signing.keylist_valid(signed, pinned):
        return None
    return {k["public_key"]: k for k in signed["doc"].get("keys", []) if isinstance(k, dict) and "public_key" in k}


def event_areas(event: dict, village_of) -> list[str]:
    """The area codes an event is about (a household's village, an area record's target), for the author's
    scope check; `village_of(household id)` looks a household up here."""
    p = event.get("payload") or {}
    kind = event.get("kind")
    if isinstance(p.get("household"), int):
        village = p.get("village") or village_of(p["household"])
        return [str(village)] if village else []
    if kind in AREA_KINDS:
        return [str(c) for c in (event.get("target"), p.get("area"), p.get("area_code")) if c]
    return []


def author_of(event: dict, keys: dict[str, dict], village_of) -> dict | None:
    """The vouched key entry of the event's author if its signature is valid, the key is not revoked and its
    officer covers what the event is about; else None."""
    author = signing.event_signed_by(event)
    entry = keys.get(author or "")
    if entry is None or entry.get("revoked"):
        return None
    areas = entry.get("areas") or []
    if any(not any(code.startswith(a) for a in areas) for code in event_areas(event, village_of)):
        return None
    return entry
