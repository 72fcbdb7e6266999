"""Applying pushed (or bundled) events on the server; one ack per event.

- A UUID seen before gets `duplicate` with the first answer repeated (`original`): a retry is harmless.
- Household events are compare-and-set per field (desktop.sync.wire.field_conflicts): the event carries
  the value each field had when the officer changed it; if the server's value moved elsewhere meanwhile,
  the ack is `conflict` with the server's current household, and nothing is changed.
- Anything outside the officer's areas, unknown households or kinds, malformed content: `rejected` with a
  reason in Thai and English. Rejected events are kept like the others (never silently dropped).
- `certification` events carry a fingerprint of the data they certify; the server recomputes it over its
  own data with a pluggable function. A mismatch answers `needs_recheck`, never a silent accept.

All events of one request are applied in one transaction, and the whole request is repeated safely if its
answer is lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Connection, text

from desktop.sync import wire
from province import households
from province.auth import AREA_PATTERN, Officer, now
from province.db import ServerDB
from province.errors import message
from province.schema import events as event_table

Fingerprint = Callable[[Connection, str, int], str]
HOUSEHOLD_KINDS = ("household.status", "household.set")
RECORD_ONLY_KINDS = ("profile.set", "indicators.install")
# records about an area (target: its code; monitoring: desktop/models/visits.py): refused outside the author's areas
AREA_RECORD_KINDS = ("certification.reopen", "certification.roster", "visit.log", "backcheck.sample",
                     "backcheck.answer")
AREA_KEYS = ("area", "area_code", "village")
# kept as records (the province sees them); the household must be inside the officer's areas
HOUSEHOLD_RECORD_KINDS = ("conflict.resolved", "correction.record", "correction.revert")
MAX_TEXT = 300
MAX_MONEY = 10**10

_SELECT = ", ".join(wire.HOUSEHOLD_WIRE)


@dataclass(frozen=True)
class Incoming:
    uuid: str
    kind: str
    target: str
    payload: dict
    created_at: str = ""
    origin: str = ""
    author: str = ""  # the public key of the laptop that made it (hex), with its signature
    signature: str = ""

    def as_dict(self) -> dict:
        return {"uuid": self.uuid, "kind": self.kind, "target": self.target, "payload": self.payload,
                "created_at": self.created_at, "origin": self.origin, "author": self.author,
                "signature": self.signature}


def _ack(ev: Incoming, status: str, **extra) -> dict:
    return {"uuid": ev.uuid, "status": status, **extra}


def _reject(ev: Incoming, code: str, **values) -> dict:
    return _ack(ev, "rejected", reason=message(code, **values))


def _valid_value(field: str, value) -> str | None:
    if field == "status":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= wire.STATUS_MAX:
            return f"status must be a whole number 0..{wire.STATUS_MAX}"
    elif field in wire.MONEY:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_MONEY:
            return f"{field} must be a whole number of baht 0..{MAX_MONEY}"
    elif not isinstance(value, str) or len(value) > MAX_TEXT:
        return f"{field} must be text of at most {MAX_TEXT} characters"
    return None


def _household_changes(ev: Incoming) -> tuple[int, dict, dict] | str:
    """(household id, changes, base) or the reason the content is malformed."""
    p = ev.payload
    hid = p.get("household")
    if not isinstance(hid, int) or isinstance(hid, bool) or hid <= 0:
        return "household must be a household id"
    changes = p.get("set") if ev.kind == "household.set" else {"status": p.get("status")}
    if not isinstance(changes, dict) or not changes:
        return "nothing to change"
    base = p.get("base") or {}
    if not isinstance(base, dict):
        return "base must be an object"
    for f, value in changes.items():
        if f not in wire.SETTABLE:
            return f"{f} cannot be set"
        problem = _valid_value(f, value)
        if problem:
            return problem
    return hid, changes, {k: v for k, v in base.items() if k in wire.SETTABLE}


class Batch:
    """One request's events inside one write transaction; household rows are read once and written once."""

    def __init__(self, conn: Connection, officer: Officer, fingerprint: Fingerprint):
        self.conn = conn
        self.officer = officer
        self.fingerprint = fingerprint
        self.layouts = households.layouts(conn)
        self.rows: dict[int, dict | None] = {}
        self.changed: dict[int, dict] = {}
        self.seq = None

    def load(self, ids: list[int]) -> None:
        from sqlalchemy import bindparam

        want = sorted(set(ids) - set(self.rows))
        for part in range(0, len(want), 1000):
            chunk = want[part:part + 1000]
            found = {r[0]: dict(zip(wire.HOUSEHOLD_WIRE, r)) for r in self.conn.execute(
                text(f"SELECT {_SELECT} FROM household WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)),
                {"ids": chunk})}
            for hid in chunk:
                self.rows[hid] = found.get(hid)

    def next_seq(self) -> int:
        if self.seq is None:
            self.seq = self.conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar_one()
        self.seq += 1
        return self.seq

    def apply(self, ev: Incoming) -> dict:
        if ev.kind in HOUSEHOLD_KINDS:
            return self.household(ev)
        if ev.kind in HOUSEHOLD_RECORD_KINDS:
            hid = ev.payload.get("household")
            row = self.rows.get(hid) if isinstance(hid, int) else None
            if row is not None and not self.officer.covers(row["village"]):
                return _reject(ev, "outside_area", household=hid)
            return _ack(ev, "accepted")
        if ev.kind in RECORD_ONLY_KINDS:
            return _ack(ev, "accepted")
        if ev.kind in AREA_RECORD_KINDS:
            return self.area_record(ev)
        if ev.kind == "certification":
            return self.certification(ev)
        return _reject(ev, "unknown_kind", kind=ev.kind[:64])

    def area_record(self, ev: Incoming) -> dict:
        codes = [ev.target, *(str(ev.payload[k]) for k in AREA_KEYS if isinstance(ev.payload.get(k), (str, int))
                              and not isinstance(ev.payload.get(k), bool))]
        if not ev.target or any(not AREA_PATTERN.match(c) for c in codes):
            return _reject(ev, "bad_payload", detail="the target must be an area code (2, 4, 6 or 8 digits)")
        outside = next((c for c in codes if not self.officer.covers(c)), None)
        if outside is not None:
            return _ack(ev, "rejected", reason=message("forbidden_area", area=outside,
                                                       areas=", ".join(self.officer.areas)))
        return _ack(ev, "accepted")

    def household(self, ev: Incoming) -> dict:
        parsed = _household_changes(ev)
        if isinstance(parsed, str):
            return _reject(ev, "bad_payload", detail=parsed)
        hid, changes, base = parsed
        row = self.rows.get(hid)
        if row is None or row["deleted"]:
            if row is not None and not self.officer.covers(row["village"]):
                return _reject(ev, "outside_area", household=hid)
            return _reject(ev, "unknown_household", household=hid)
        if not self.officer.covers(row["village"]):
            return _reject(ev, "outside_area", household=hid)
        made_on = ev.payload.get("version")  # the record version the review was made against
        if ev.kind == "household.status" and isinstance(made_on, int) and not isinstance(made_on, bool) \
                and made_on < int(row["version"]):
            return _ack(ev, "needs_recheck", current=households.as_answer(self.conn, row),
                        reason=message("record_changed", household=hid, version=made_on, current=row["version"]))
        clash = wire.field_conflicts(row, base, changes)
        if clash:
            return _ack(ev, "conflict", current=households.as_answer(self.conn, row), fields=clash,
                        reason=message("conflict", household=hid, fields=", ".join(sorted(clash))))
        diff = {f: v for f, v in changes.items() if row[f] != v}
        if diff:
            row.update(diff)
            if any(f != "status" for f in diff):
                row["version"] = int(row["version"]) + 1
            row["seq"] = self.next_seq()
            row["content_hash"] = households.digest(self.conn, row, self.layouts)
            self.changed[hid] = row
        return _ack(ev, "accepted")

    def certification(self, ev: Incoming) -> dict:
        p = ev.payload
        area, year, claimed = p.get("area"), p.get("survey_year"), p.get("fingerprint")
        if not isinstance(area, str) or not AREA_PATTERN.match(area) or not isinstance(year, int) \
                or isinstance(year, bool) or not isinstance(claimed, str) or len(claimed) > 200:
            return _reject(ev, "bad_payload", detail="certification needs area, survey_year and fingerprint")
        if not self.officer.covers(area):
            return _ack(ev, "rejected", reason=message("forbidden_area", area=area, areas=", ".join(self.officer.areas)))
        villages = p.get("villages")  # an อปท. certifies these villages inside `area`
        if villages is not None and (not isinstance(villages, list) or not villages or not all(
                isinstance(v, int) and not isinstance(v, bool) and str(v).startswith(area) for v in villages)):
            return _reject(ev, "bad_payload", detail="villages must be village codes inside area")
        self.flush()  # the fingerprint sees the changes made earlier in this request
        actual = self.fingerprint(self.conn, area, year, **({"villages": villages} if villages else {}))
        if actual != claimed:
            return _ack(ev, "needs_recheck", server_fingerprint=actual, reason=message("needs_recheck", area=area))
        return _ack(ev, "accepted", server_fingerprint=actual)

    def flush(self) -> None:
        if not self.changed:
            return
        cols = [c for c in (*wire.SETTABLE, "version", "seq", "content_hash")]
        assignments = ", ".join(f"{c} = :{c}" for c in cols)
        self.conn.execute(text(f"UPDATE household SET {assignments} WHERE id = :id"),
                          [{**{c: row[c] for c in cols}, "id": hid} for hid, row in self.changed.items()])
        self.conn.execute(text("UPDATE counter SET value = :v WHERE name = 'household'"), {"v": self.seq})
        self.changed = {}


@dataclass
class Judged:
    """Who an event belongs to: its author's officer (whose areas judge it) and identity (dedup key)."""

    officer: Officer | None
    author: str
    ack: dict | None = None  # an answer given without storing the event (bad signature, unknown key, ...)


class Authors:
    """Works out each event's author: a signed event belongs to the officer its device key is registered to
    (not to whoever carried it); an unsigned one to the caller's own laptop."""

    def __init__(self, conn: Connection, caller: Officer, store_id: str):
        from province import auth

        self.conn, self.caller, self.auth = conn, caller, auth
        self.devices: dict[str, object] = {}
        self.officers: dict[int, Officer | None] = {caller.id: caller}
        own = auth.device_key_of_store(conn, caller.id, store_id) if store_id else None
        self.own_author = own or f"officer:{caller.id}"

    def judge(self, ev: Incoming) -> Judged:
        from desktop.sync import signing

        if not ev.signature and not ev.author:
            return Judged(self.caller, self.own_author)
        if ev.author not in self.devices:
            self.devices[ev.author] = self.auth.device_by_key(self.conn, ev.author)
        device = self.devices[ev.author]
        if device is None:  # not (yet) vouched for: kept pending by the carrier, never stored as refused
            return Judged(None, ev.author, _ack(ev, "unverified", reason=message("unknown_author")))
        if signing.event_signed_by(ev.as_dict()) != ev.author:
            return Judged(None, ev.author, _reject(ev, "bad_signature"))
        if device.revoked:
            return Judged(None, ev.author, _reject(ev, "device_revoked"))
        if device.officer_id not in self.officers:
            self.officers[device.officer_id] = self.auth.by_id(self.conn, device.officer_id)
        author = self.officers[device.officer_id]
        if author is None:
            return Judged(None, ev.author, _reject(ev, "device_revoked"))
        return Judged(author, ev.author)


def _household_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63


def for_caller(ack: dict, caller: Officer) -> dict:
    """An ack as the caller may see it: household data only for households inside the caller's areas."""
    current = ack.get("current")
    if isinstance(current, dict) and not caller.covers(current.get("village", "")):
        return {k: v for k, v in ack.items() if k != "current"}
    return ack


def _known(conn: Connection, uuids: list[str]) -> dict[tuple[str, str], tuple[str, dict]]:
    from sqlalchemy import bindparam

    known: dict[tuple[str, str], tuple[str, dict]] = {}
    for part in range(0, len(uuids), 1000):
        for u, author, dig, answer in conn.execute(
                text("SELECT uuid, author, digest, answer FROM events WHERE uuid IN :u").bindparams(
                    bindparam("u", expanding=True)), {"u": uuids[part:part + 1000]}):
            known[(u, author)] = (dig, json.loads(answer))
    return known


def push(db: ServerDB, officer: Officer, store_id: str, events: list[Incoming], *, via: str = "push",
         fingerprint: Fingerprint | None = None) -> list[dict]:
    """Apply events in order, in one transaction; returns one ack per event, in the same order.

    `officer` is the caller (token or bundle signer). Each event is judged by its author's areas; it is a
    duplicate only if the same author sent the same content under its UUID before; the same author with
    other content under a known UUID is refused (`uuid_reused`). Events that fail validation, carry a bad
    signature or come from an unknown key are answered without being stored, so they can never take a
    (uuid, author) slot from the real event."""
    from desktop.sync import signing
    from province import validate

    fingerprint = fingerprint or households.stand_in_fingerprint
    if not events:
        return []
    with db.write() as conn:
        known = _known(conn, sorted({ev.uuid for ev in events}))
        authors = Authors(conn, officer, store_id)
        batch = Batch(conn, officer, fingerprint)
        batch.load([ev.payload.get("household") for ev in events if _household_id(ev.payload.get("household"))])
        acks, rows, at = [], [], now()
        for ev in events:
            problem = validate.event_problem(ev)
            if problem:
                acks.append(_reject(ev, "bad_payload", detail=problem))
                continue
            judged = authors.judge(ev)
            if judged.ack is not None:
                acks.append(judged.ack)
                continue
            digest = signing.digest(ev.as_dict())
            seen = known.get((ev.uuid, judged.author)) or known.get((ev.uuid, ""))  # "": before authors
            if seen is not None:
                if seen[0] and seen[0] != digest:
                    acks.append(_reject(ev, "uuid_reused"))
                else:
                    acks.append(for_caller({**seen[1], "status": "duplicate", "original": seen[1]["status"]}, officer))
                continue
            if ev.kind == "certification" and rows:  # its fingerprint reads the correction events received before it
                conn.execute(event_table.insert(), rows)
                rows = []
            batch.officer = judged.officer
            ack = batch.apply(ev)
            known[(ev.uuid, judged.author)] = (digest, ack)
            acks.append(for_caller(ack, officer))
            hid = ev.payload.get("household")
            rows.append({
                "uuid": ev.uuid, "author": judged.author, "digest": digest, "kind": ev.kind[:64],
                "officer_id": judged.officer.id, "store_id": store_id[:64],
                "origin": ev.origin[:64], "target": ev.target, "household_id": hid if isinstance(hid, int)
                and not isinstance(hid, bool) and abs(hid) < 2**63 else None,
                "payload": households.json_dump(ev.payload), "client_created_at": ev.created_at[:64],
                "received_at": at, "via": via, "status": ack["status"], "answer": households.json_dump(ack),
            })
        batch.flush()
        if rows:
            conn.execute(event_table.insert(), rows)
    return acks
