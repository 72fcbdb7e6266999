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


def import_bytes(db: ServerDB, data: bytes, fingerprint=None) -> dict:
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
                                        e["created_at"][:64], e["origin"][:64]))
    for start in range(0, len(incoming), CHUNK):
        acks += events.push(db, officer, store_id, incoming[start:start + CHUNK], via="bundle", fingerprint=fingerprint)
    counts: dict[str, int] = {}
    for ack in acks:
        counts[ack["status"]] = counts.get(ack["status"], 0) + 1
    return {"store_id": store_id, "officer": {"id": officer.id, "name": officer.name}, "events": len(acks),
            "counts": counts, "acks": acks}
