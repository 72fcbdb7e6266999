"""Offline bundles: unsent events in a signed file, for a USB stick or a chat app.

File layout (docs/sync.md):

    MAGIC (12 bytes) | Ed25519 public key (32) | body length (8, big-endian) | body | signature (64)

body = gzip(msgpack({"format": 1, "store_id", "created_at", "officer", "events": [...]})); the signature covers
everything before it. Any changed byte makes the signature fail (or the file unreadable) and the bundle is
refused with a clear message; nothing is applied from it. The laptop's key pair is made once and kept in
the (encrypted) store's meta table; the public key travels in the bundle and is registered on the server
with the officer when the laptop syncs online, so the server knows whose events a bundle carries.

Importing applies each event with the same rules as a sync (de-duplicated by UUID; a household event
whose base no longer matches becomes a conflict), so importing the same bundle twice changes nothing.
"""

from __future__ import annotations

import gzip
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import msgpack
from sqlalchemy import Connection

from desktop.models import audit, meta
from desktop.models.errors import UserError
from desktop.sync import conflicts, feed, local, outbox, wire
from desktop.sync.messages import msg

MAGIC = b"BMN-BUNDLE\x00\x01"
FORMAT = 2  # 2: each event carries its author's key and signature (format 1 files: no event is trusted)
READABLE = (1, 2)
KEY_META = "sync_signing_key"
MAX_BODY = 256 * 1024 * 1024  # decompressed
_HEAD = len(MAGIC) + 32 + 8


class BundleError(UserError):
    def __init__(self, key: str, **values):
        super().__init__(msg(key, **values))
        self.key = key


@dataclass(frozen=True)
class Bundle:
    store_id: str
    public_key: str  # hex
    created_at: str
    officer: dict
    events: list[dict]


# --- keys ----------------------------------------------------------------------------------------

def signing_key(conn: Connection):
    """This laptop's Ed25519 key, made on first use and kept in meta (the store is encrypted)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stored = meta.get(conn, KEY_META)
    if stored:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
    key = Ed25519PrivateKey.generate()
    meta.put(conn, KEY_META, _raw_private(key).hex())
    audit.append(conn, "sync.key_created", target=outbox.store_id(conn), detail={"public_key": _raw_public(key).hex()})
    return key


def public_key_hex(conn: Connection) -> str:
    return _raw_public(signing_key(conn)).hex()


def _raw_private(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def _raw_public(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --- writing -------------------------------------------------------------------------------------

def build(conn: Connection, events: list[dict]) -> bytes:
    from desktop.sync import trust

    key = signing_key(conn)
    body = gzip.compress(msgpack.packb({
        "format": FORMAT, "store_id": outbox.store_id(conn), "created_at": outbox.now(),
        "officer": json.loads(meta.get(conn, "profile", "{}") or "{}"),
        "events": trust.sign_for_sending(conn, events),
    }, use_bin_type=True), compresslevel=6)
    signed = MAGIC + _raw_public(key) + struct.pack(">Q", len(body)) + body
    return signed + key.sign(signed)


def export(store, out: Path | str) -> tuple[int, Path, str]:
    """Write every pending event to a signed file; returns (events, path, public key). The outbox is not
    changed: the events stay pending until a server acknowledges them."""
    out = Path(out)
    with store.begin() as conn:  # a write: the key may be created on first use
        events = []
        after = 0
        while True:
            part = outbox.pending(conn, 5000, after)
            if not part:
                break
            events += part
            after = part[-1]["seq"]
        if not events:
            raise BundleError("bundle_empty")
        data = build(conn, events)
        key = public_key_hex(conn)
        audit.append(conn, "bundle.export", target=str(out.name), detail={"events": len(events), "bytes": len(data)})
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)  # never a half-written bundle under the real name
    finally:
        tmp.unlink(missing_ok=True)
    return len(events), out, key


# --- reading -------------------------------------------------------------------------------------

def read(data: bytes) -> Bundle:
    """Check the signature, then decode; raises BundleError (nothing is trusted before the check)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if len(data) < _HEAD + 64 or not data.startswith(MAGIC):
        raise BundleError("bundle_not_bundle")
    public = data[len(MAGIC):len(MAGIC) + 32]
    (length,) = struct.unpack(">Q", data[len(MAGIC) + 32:_HEAD])
    if _HEAD + length + 64 != len(data):
        raise BundleError("bundle_tampered")
    signed, signature = data[:-64], data[-64:]
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, signed)
    except (InvalidSignature, ValueError):
        raise BundleError("bundle_tampered") from None
    try:
        raw = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[_HEAD:_HEAD + length], MAX_BODY)
        doc = msgpack.unpackb(raw, raw=False, strict_map_key=False)
    except (zlib.error, ValueError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError) as err:
        raise BundleError("bundle_unreadable", error=str(err)) from None
    if not isinstance(doc, dict) or doc.get("format") not in READABLE or not isinstance(doc.get("events"), list):
        raise BundleError("bundle_unreadable", error="format")
    events = []
    for e in doc["events"]:
        if not (isinstance(e, dict) and isinstance(e.get("uuid"), str) and isinstance(e.get("kind"), str)
                and isinstance(e.get("payload"), dict)):
            raise BundleError("bundle_unreadable", error="event")
        events.append({"uuid": e["uuid"], "kind": e["kind"], "target": str(e.get("target") or ""),
                       "payload": e["payload"], "created_at": str(e.get("created_at") or ""),
                       "origin": str(e.get("origin") or doc.get("store_id") or ""),
                       "author": str(e.get("author") or ""), "signature": str(e.get("signature") or "")})
    return Bundle(str(doc.get("store_id") or ""), public.hex(), str(doc.get("created_at") or ""),
                  officer if isinstance(officer := doc.get("officer"), dict) else {}, events)


def read_file(path: Path | str) -> Bundle:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise BundleError("bundle_unreadable", error=err.strerror or str(err)) from None
    return read(data)


@dataclass(frozen=True)
class ImportResult:
    store_id: str
    public_key: str
    new: int
    skipped: int
    conflicts: int
    own: bool = False
    signer: dict | None = None  # the vouched key entry of the file's signer: officer, areas, store_id
    unverified: int = 0  # events left out: bad signature, unknown or revoked author, outside the author's areas


def check_signer(conn: Connection, bundle: Bundle) -> tuple[dict, dict[str, dict]]:
    """The signer's vouched entry and the whole list; refuses (BundleError) a file this laptop cannot trust:
    no key list yet (never synced), or a signer the province has not vouched for (or has revoked)."""
    from desktop.sync import trust

    keys = trust.vouched(conn)
    if keys is None:
        raise BundleError("bundle_no_keylist")
    signer = keys.get(bundle.public_key)
    if signer is None or signer.get("revoked"):
        audit.append(conn, "bundle.refused", target=bundle.store_id, detail={"public_key": bundle.public_key})
        raise BundleError("bundle_unknown_signer", signer=bundle.public_key[:16])
    return signer, keys


def describe_signer(result: ImportResult) -> str:
    s = result.signer or {}
    return msg("bundle_signed_by", officer=s.get("officer", "?"), store=s.get("store_id", result.store_id),
               signer=result.public_key[:16])


def import_summary(result: ImportResult) -> str:
    """What an import did, who signed the file, and what was left out: for the CLI and the window."""
    if result.own:
        return msg("bundle_own")
    lines = [msg("bundle_imported", store=result.store_id, new=result.new, skipped=result.skipped,
                 conflicts=result.conflicts), describe_signer(result)]
    if result.unverified:
        lines.append(msg("bundle_unverified", n=result.unverified))
    return "\n".join(lines)


def export_summary(n: int, path, key: str) -> str:
    return msg("bundle_written", n=n, path=path, public=key[:16]) + "\n" + msg("bundle_personal")


def import_file(store, path: Path | str) -> ImportResult:
    """Apply another laptop's bundle here (one transaction) if the province vouched for its signer; each
    event only if its own author's signature is valid and its author covers it. Applied events are kept
    pending, with their author's signature, so this laptop relays them at its next sync."""
    from desktop.sync import trust

    bundle = read_file(path)
    refused: BundleError | None = None
    with store.begin() as conn:
        if bundle.store_id and bundle.store_id == outbox.store_id(conn):
            return ImportResult(bundle.store_id, bundle.public_key, 0, len(bundle.events), 0, own=True)
        try:
            signer, keys = check_signer(conn, bundle)
        except BundleError as err:
            refused = err  # the refusal is kept in the audit log (committed), then raised
    if refused is not None:
        raise refused
    with store.begin() as conn:
        new = skipped = clashes = unverified = 0
        authored: list[tuple[dict, dict]] = []
        own_key = public_key_hex(conn)
        for event in bundle.events:
            author = trust.author_of(event, keys, lambda hid: local.village_of(conn, hid))
            if author is None or author["public_key"] == own_key:
                unverified += author is None
                skipped += author is not None
                continue
            if outbox.has_event(conn, event["uuid"]):
                skipped += 1
                continue
            clashes += _apply_here(conn, event)
            outbox.insert_foreign(conn, event)
            trust.keep_relay(conn, event)
            authored.append((event, author))
            new += 1
        feed.project_bundle(conn, authored)  # their records, as their offices' (desktop/sync/feed.py)
        audit.append(conn, "bundle.import", target=bundle.store_id,
                     detail={"public_key": bundle.public_key, "signer": signer.get("officer"), "new": new,
                             "skipped": skipped, "unverified": unverified, "conflicts": clashes,
                             "officer": bundle.officer})
    return ImportResult(bundle.store_id, bundle.public_key, new, skipped, clashes, signer=signer, unverified=unverified)


def _apply_here(conn: Connection, event: dict) -> int:
    """A household event from another laptop changes the household here when its base still matches;
    otherwise a conflict is recorded. Other kinds are only relayed. Returns 1 for a conflict."""
    if event["kind"] not in outbox.HOUSEHOLD_KINDS:
        return 0
    p = event["payload"]
    hid = p.get("household")
    changes = p.get("set") if event["kind"] == "household.set" else {"status": p.get("status")}
    if not isinstance(hid, int) or not isinstance(changes, dict) or any(f not in wire.SETTABLE for f in changes):
        return 0
    mine = local.snapshots(conn, [hid]).get(hid)
    if mine is None:
        return 0
    base = p.get("base") or {}
    clash = wire.field_conflicts(mine, base, changes)
    if clash:
        theirs = {**mine, **changes}
        conflicts.record(conn, hid, "bundle", {**mine, **base}, mine, theirs, clash, event_uuid=event["uuid"])
        return 1
    diff = {f: v for f, v in changes.items() if mine.get(f) != v}
    if diff:
        conflicts.set_fields(conn, hid, diff)
    return 0
