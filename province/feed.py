"""Events flow down: `GET /v1/feed` gives a laptop the records other laptops made inside its officer's areas.

Certifications (with the server's verdict), re-openings, rosters, visits, back-check samples and answers,
corrections and their reverts: every accepted (or needs-re-check) event of those kinds, oldest first, paged by
the server's event sequence (`events.seq`). A page scans at most `limit` events after the cursor and returns
those in scope, so a page costs the same whatever the officer's scope; `more` says whether to ask again from
`next_cursor`. Events the asking laptop made itself (origin = its store id) are left out.

An event's area: a correction's household village; a certification's `area` (the numeric range it covers);
otherwise the area code it names (`area_code`, `area`, or the target). A visit, sample or back-check answer is
also in scope where its villages are (a province visit to a district's villages reaches that district's laptop).
Certifications, their re-openings and rosters of an area that contains the officer's (the province seen from a
district) are in scope too: the lock and the status board need them. An อปท. code (not numeric) is placed by
the certifications of that อปท.
"""

# No "from __future__ import annotations": FastAPI reads the endpoint annotations at run time.

import json
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Query
from sqlalchemy import Connection, bindparam, text

from province import auth
from province.db import ServerDB

FEED_KINDS = ("certification", "certification.reopen", "certification.roster", "visit.log", "backcheck.sample",
              "backcheck.answer", "correction.record", "correction.revert")
UPWARD_KINDS = ("certification", "certification.reopen", "certification.roster")
SHOWN_STATES = ("accepted", "needs_recheck")
MAX_LIMIT = 5000


def _numeric(code) -> str:
    code = str(code or "")
    return code if code.isdigit() and len(code) in (2, 4, 6, 8) else ""


class _Places:
    """Finds the numeric area of an event; the อปท. codes and certification uuids it needs are read once."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._by_code: dict[str, str] | None = None
        self._by_uuid: dict[str, str] = {}

    def _laos(self) -> dict[str, str]:
        if self._by_code is None:
            self._by_code = {}
            for (payload,) in self.conn.execute(text("SELECT payload FROM events WHERE kind = 'certification'")):
                p = json.loads(payload)
                if not _numeric(p.get("area_code")) and _numeric(p.get("area")):
                    self._by_code[str(p.get("area_code"))] = p["area"]
                if p.get("uuid") and _numeric(p.get("area")):
                    self._by_uuid[str(p["uuid"])] = p["area"]
        return self._by_code

    def area(self, kind: str, target: str, payload: dict, village) -> str:
        if kind.startswith("correction."):
            return _numeric(village) or _numeric(payload.get("village"))
        if kind == "certification":
            return _numeric(payload.get("area"))
        code = payload.get("area_code") or payload.get("area") or target
        if _numeric(code):
            return str(code)
        laos = self._laos()
        if kind == "certification.reopen" and payload.get("certification") in self._by_uuid:
            return self._by_uuid[payload["certification"]]
        return laos.get(str(code), "")


def touched(kind: str, payload: dict, village) -> list[str]:
    """The villages a monitoring event is about (a province visit to a district's villages is the district's
    business too): a visit's villages, a sample's villages, an answer's household village."""
    if kind == "visit.log":
        return [str(v) for v in payload.get("villages") or []]
    if kind == "backcheck.sample":
        return [str(v) for v in (payload.get("households") or {})]
    if kind == "backcheck.answer" and village is not None:
        return [str(village)]
    return []


def in_scope(who: auth.Officer, kind: str, area: str, villages: list[str] = ()) -> bool:
    if not area:
        return False
    if who.covers(area) or any(who.covers(v) for v in villages if _numeric(v)):
        return True
    return kind in UPWARD_KINDS and any(mine.startswith(area) for mine in who.areas)


def read(conn: Connection, who: auth.Officer, cursor: int, limit: int, store_id: str = "") -> dict:
    """One page: {"events": [...], "next_cursor", "more"}; each event with its office and the server's answer."""
    rows = conn.execute(text(
        "SELECT e.seq, e.uuid, e.kind, e.target, e.payload, e.origin, e.store_id, e.officer_id, e.status, e.answer,"
        " e.received_at, e.client_created_at, h.village FROM events e LEFT JOIN household h ON h.id = e.household_id"
        " WHERE e.seq > :c AND e.kind IN :kinds AND e.status IN :states ORDER BY e.seq LIMIT :n").bindparams(
        bindparam("kinds", expanding=True), bindparam("states", expanding=True)),
        {"c": cursor, "kinds": list(FEED_KINDS), "states": list(SHOWN_STATES), "n": limit}).all()
    places, offices, out = _Places(conn), {}, []
    for r in rows:
        if store_id and (r.origin or r.store_id) == store_id:
            continue
        payload = json.loads(r.payload)
        area = places.area(r.kind, r.target, payload, r.village)
        if not in_scope(who, r.kind, area, touched(r.kind, payload, r.village)):
            continue
        if r.officer_id not in offices:
            found = auth.by_id(conn, r.officer_id)
            offices[r.officer_id] = {"officer_id": r.officer_id, "name": found.name if found else "",
                                     "areas": list(found.areas) if found else []}
        answer = json.loads(r.answer or "{}")
        out.append({"seq": r.seq, "uuid": r.uuid, "kind": r.kind, "target": r.target, "payload": payload,
                    "area": area, "origin": r.origin or r.store_id, "office": offices[r.officer_id],
                    "status": r.status, "server_fingerprint": answer.get("server_fingerprint", ""),
                    "received_at": r.received_at, "created_at": r.client_created_at})
    return {"events": out, "next_cursor": rows[-1].seq if rows else cursor, "more": len(rows) == limit}


def install(app: FastAPI, db: ServerDB, officer: Callable[..., auth.Officer]) -> None:
    """Adds GET /v1/feed to the app (officer: the app's bearer-token dependency)."""

    @app.get("/v1/feed", tags=["sync"])
    def feed(who: Annotated[auth.Officer, Depends(officer)],
             cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 1000,
             store_id: Annotated[str, Query(max_length=64)] = "") -> dict:
        with db.read() as conn:
            return read(conn, who, cursor, limit, store_id)
