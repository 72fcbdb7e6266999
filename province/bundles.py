"""Offline bundles arriving at the server (upload, or `serve admin import-bundle`): the signature is
checked first (desktop.sync.bundle.read), the signing key must be registered to an officer, and the events
go through the same push rules with that officer's areas, so importing a bundle twice changes nothing."""

from __future__ import annotations

import uuid

from desktop.sync import bundle as bundle_format
from province import auth, events
from province.db import ServerDB
from province.errors import ApiError, message

CHUNK = 1000


def import_bytes(db: ServerDB, data: bytes, fingerprint=None, caller: auth.Officer | None = None) -> dict:
    """Apply a bundle with the push rules; each event is judged by its author (its own signature), the
    file's signer only carries them. With `caller` (an upload), the answer lists acks only for the caller's
    own events (others are counted), so an upload never shows another officer's households."""
    try:
        b = bundle_format.read(data)
    except bundle_format.BundleError as err:
        raise ApiError(400, "bad_bundle", detail=f"{err.key}: {err.message}") from None
    with db.read() as conn:
        found = auth.device_officer(conn, b.public_key)
    if found is None:
        raise ApiError(403, "unknown_device")
    officer, store_id = found
    incoming, acks = [], []
    for e in b.events:
        try:
            event_uuid = str(uuid.UUID(e["uuid"]))
        except ValueError:
            acks.append({"uuid": e["uuid"][:64], "status": "rejected",
                         "reason": message("bad_payload", detail="uuid is not a UUID")})
            continue
        incoming.append(events.Incoming(event_uuid, e["kind"][:64], e["target"][:300], e["payload"],
                                        e["created_at"][:64], e["origin"][:64], e.get("author", "")[:64],
                                        e.get("signature", "")[:128]))
    for start in range(0, len(incoming), CHUNK):
        acks += events.push(db, officer, store_id, incoming[start:start + CHUNK], via="bundle", fingerprint=fingerprint)
    counts: dict[str, int] = {}
    for ack in acks:
        counts[ack["status"]] = counts.get(ack["status"], 0) + 1
    total = len(acks)
    if caller is not None:
        acks = _callers_own(db, caller, officer, incoming, acks)
    return {"store_id": store_id, "officer": {"id": officer.id, "name": officer.name}, "events": total,
            "counts": counts, "acks": acks}


def _callers_own(db: ServerDB, caller: auth.Officer, signer: auth.Officer, incoming: list, acks: list[dict]) -> list[dict]:
    by_uuid = {ev.uuid: ev for ev in incoming}
    owners: dict[str, int | None] = {}
    with db.read() as conn:
        for ev in incoming:
            if ev.author and ev.author not in owners:
                device = auth.device_by_key(conn, ev.author)
                owners[ev.author] = device.officer_id if device else None
    out = []
    for ack in acks:
        ev = by_uuid.get(ack["uuid"])
        owner = (owners.get(ev.author) if ev.author else signer.id) if ev is not None else None
        if owner == caller.id:
            out.append(events.for_caller(ack, caller))
    return out
