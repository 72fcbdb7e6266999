"""Signatures that bind an event to its author, and the province's signed list of vouched device keys.

- Every event a laptop sends (pushed or in a bundle) carries `author` (the Ed25519 public key, hex, of the
  laptop that made it) and `signature` over its canonical form (uuid, kind, target, payload, created_at,
  origin as sorted compact JSON). A laptop relaying another laptop's event passes the author's signature
  on unchanged, so the server and other laptops judge the event by its author, never by its carrier.
- `digest` (sha256 of the canonical form) is what de-duplication compares: the same UUID from the same
  author with another digest is a different event and is refused as such.
- The server hands out the keys it has vouched for (device -> officer, areas, revoked) as a document signed
  with the province key; laptops pin that key at the first sync and keep the list for offline bundle imports.
- Device registration proves possession: the laptop signs a server challenge with the key it registers.

Used by both sides (desktop.sync and province); no Qt, no database.
"""

from __future__ import annotations

import hashlib
import json

EVENT_FIELDS = ("uuid", "kind", "target", "payload", "created_at", "origin")
DEVICE_CONTEXT = b"bmn-device-v1|"
KEYLIST_CONTEXT = b"bmn-keylist-v1|"


def canonical(event: dict) -> bytes:
    doc = {k: event.get(k, "" if k != "payload" else {}) for k in EVENT_FIELDS}
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def digest(event: dict) -> str:
    return hashlib.sha256(canonical(event)).hexdigest()


def private_from_hex(value: str):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(value))


def new_private():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def private_hex(key) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption()).hex()


def public_hex(key) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def verify_bytes(public: str, signature: str, data: bytes) -> bool:
    """True if `signature` (hex) is `public`'s (hex) over data; any malformed input is simply False."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(bytes.fromhex(signature), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def sign_event(key, event: dict) -> dict:
    """The event with `author` and `signature` set (a copy)."""
    return {**event, "author": public_hex(key), "signature": key.sign(canonical(event)).hex()}


def event_signed_by(event: dict) -> str | None:
    """The author's public key if the event's signature is valid, else None."""
    author, signature = event.get("author"), event.get("signature")
    if not isinstance(author, str) or not isinstance(signature, str):
        return None
    return author if verify_bytes(author, signature, canonical(event)) else None


def device_message(challenge: str, store_id: str, public_key: str) -> bytes:
    return DEVICE_CONTEXT + f"{challenge}|{store_id}|{public_key}".encode("utf-8", "surrogatepass")


def keylist_bytes(doc: dict) -> bytes:
    return KEYLIST_CONTEXT + json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sign_keylist(key, doc: dict) -> dict:
    return {"doc": doc, "province_key": public_hex(key), "signature": key.sign(keylist_bytes(doc)).hex()}


def keylist_valid(signed: dict, province_key: str) -> bool:
    return (isinstance(signed, dict) and signed.get("province_key") == province_key
            and isinstance(signed.get("doc"), dict)
            and verify_bytes(province_key, str(signed.get("signature", "")), keylist_bytes(signed["doc"])))
