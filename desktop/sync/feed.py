"""Other offices' records on this laptop: events flow down (docs/sync.md, "Events flow down").

A sync asks the server's feed (`GET /v1/feed`) for what other laptops recorded inside this officer's areas —
certifications with the server's verdict, re-openings, rosters, visits, back-check samples and answers,
corrections and their reverts — page after page from a cursor kept in `sync_cursor` (area "feed"); each page
is written in one transaction together with its cursor, so a cut resumes where it stopped. An offline bundle
from another laptop brings the same records (`project_bundle`), without a verdict.

They go into the same tables as this laptop's own records, marked with `origin` (the laptop that made them)
and `office` (JSON: officer name and areas, or the bundle's officer profile), so the status board, the visit
KPI board, the confidence figure and a household's corrections count them without knowing where they came
from. Writing is idempotent (INSERT OR IGNORE by uuid; a verdict that arrives later is filled in).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text

from desktop.models import audit
from desktop.sync import outbox
from desktop.sync.feed_messages import msg

if TYPE_CHECKING:
    from desktop.sync.client import SyncClient

FEED_AREA = "feed"  # the sync_cursor row of the feed (beside the per-area household cursors)
PAGE = 1000
KINDS = ("certification", "certification.reopen", "certification.roster", "visit.log", "backcheck.sample",
         "backcheck.answer", "correction.record", "correction.revert")
VERIFIED, NEEDS_RECHECK = "accepted", "needs_recheck"


def pull(client: SyncClient) -> int:
    """Download the feed after this laptop's cursor; returns how many records were new here."""
    from desktop.sync.client import _set_cursor, get_cursor

    new = 0
    with client.store.read() as conn:
        cursor = get_cursor(conn, client.server, FEED_AREA)
        own = outbox.store_id(conn)
    while True:
        client._check_cancel()
        page = client.transport.request("GET", "/v1/feed", params={"cursor": cursor, "limit": PAGE, "store_id": own})
        with client.store.begin() as conn:
            added = sum(project(conn, e, e.get("office") or {}, e.get("status", "")) for e in page["events"])
            cursor = max(cursor, int(page["next_cursor"]))
            _set_cursor(conn, client.server, FEED_AREA, cursor)
            if page["events"]:
                audit.append(conn, "sync.feed", target=client.server,
                             detail={"received": len(page["events"]), "new": added, "cursor": cursor})
        new += added
        client._progress(msg("stage_feed"), new, None)
        if not page.get("more"):
            return new


def project_bundle(conn: Connection, authored: list[tuple[dict, dict]]) -> int:
    """Records from another laptop's bundle, each with its verified author (desktop/sync/trust.author_of: the
    vouched key's officer and areas): written as that office's, without a server verdict yet."""
    added = 0
    for event, author in authored:
        if event.get("kind") in KINDS:
            office = {"name": str(author.get("officer") or ""), "areas": list(author.get("areas") or []),
                      "via": "bundle"}
            added += project(conn, event, office, "")
    return added


def project(conn: Connection, event: dict, office: dict, status: str) -> int:
    """Write one record of another office (caller's transaction); 1 if it was new here, else 0."""
    kind, p = event.get("kind"), event.get("payload") or {}
    origin = str(event.get("origin") or "")
    if kind not in KINDS or not origin or origin == outbox.store_id(conn):
        return 0
    office_json = json.dumps(office, ensure_ascii=False, sort_keys=True)
    row = {"origin": origin, "office": office_json, "at": event.get("created_at") or ""}
    return _WRITERS[kind](conn, p, row, status)


def _done(result) -> int:
    return 1 if result.rowcount else 0


def _certification(conn: Connection, p: dict, row: dict, status: str) -> int:
    code = str(p.get("area_code") or p.get("area") or "")
    if status and conn.execute(text("SELECT 1 FROM certification_event WHERE uuid = :u"), {"u": p.get("uuid")}).first():
        conn.execute(text("UPDATE certification_event SET verdict = :v WHERE uuid = :u AND origin <> ''"),
                     {"v": status, "u": p.get("uuid")})  # a bundle brought it first; the server has spoken since
        return 0
    title = conn.execute(text("SELECT name_th FROM area WHERE code = :c UNION ALL SELECT name_th FROM lao"
                              " WHERE code = :c"), {"c": code}).scalar() or code
    year = int(p.get("survey_year") or 0)
    indicator_set = conn.execute(text("SELECT period FROM survey WHERE year = :y"), {"y": year}).scalar() or ""
    return _done(conn.execute(text(
        "INSERT OR IGNORE INTO certification_event(uuid, area_code, level, survey_year, certified_at, officer, roster,"
        " fingerprint, short_code, summary, override_reason, indicator_set, provisional, place, households,"
        " line_digests, verdict, origin, office) VALUES (:u, :a, :l, :y, :t, :o, :r, :f, :s, :sm, :ov, :i, 0, :pl, :h,"
        " x'', :v, :origin, :office)"),
        {"u": p.get("uuid"), "a": code, "l": p.get("level") or "", "y": year, "t": p.get("certified_at") or row["at"],
         "o": row["office"], "r": json.dumps(p.get("roster") or [], ensure_ascii=False),
         "f": p.get("fingerprint") or "", "s": p.get("short_code") or "",
         "sm": json.dumps({"area_title": title}, ensure_ascii=False), "ov": p.get("override_reason") or "",
         "i": str(indicator_set), "pl": p.get("place") or "", "h": int(p.get("households") or 0), "v": status, **row}))


def _reopen(conn: Connection, p: dict, row: dict, _status: str) -> int:
    return _done(conn.execute(text(
        "INSERT OR IGNORE INTO certification_reopen(uuid, certification_uuid, reason, by, at, origin, office)"
        " VALUES (:u, :c, :r, :office, :at, :origin, :office)"),
        {"u": p.get("uuid"), "c": p.get("certification"), "r": p.get("reason") or "", **row}))


def _roster(conn: Connection, p: dict, row: dict, _status: str) -> int:
    return _done(conn.execute(text(
        "INSERT OR IGNORE INTO roster_event(uuid, level, area_code, member_uuid, kind, name, position, role, ord, at,"
        " officer, origin, office) VALUES (:u, :l, :a, :m, :k, :n, :p, :r, :o, :at, :office, :origin, :office)"),
        {"u": p.get("uuid"), "l": p.get("level"), "a": p.get("area"), "m": p.get("member_uuid"), "k": p.get("kind"),
         "n": p.get("name") or "", "p": p.get("position") or "", "r": p.get("role") or "member",
         "o": int(p.get("ord") or 0), **row}))


def _visit(conn: Connection, p: dict, row: dict, _status: str) -> int:
    return _done(conn.execute(text(
        "INSERT OR IGNORE INTO visit_event(uuid, visit_id, supersedes, survey_year, level, area_code, visit_date,"
        " villages, visitors, checklist, notes, withdrawn, created_at, officer, origin, office) VALUES (:u, :vid,"
        " :sup, :y, :lvl, :a, :d, :vil, :who, :chk, :n, :w, :at, :office, :origin, :office)"),
        {"u": p.get("uuid"), "vid": p.get("visit_id"), "sup": p.get("supersedes"), "y": p.get("survey_year"),
         "lvl": p.get("level"), "a": p.get("area_code"), "d": p.get("visit_date"),
         "vil": json.dumps(p.get("villages") or []), "who": json.dumps(p.get("visitors") or [], ensure_ascii=False),
         "chk": json.dumps(p.get("checklist") or {}, sort_keys=True), "n": p.get("notes") or "",
         "w": int(bool(p.get("withdrawn"))), **row}))


def _sample(conn: Connection, p: dict, row: dict, _status: str) -> int:
    return _done(conn.execute(text(
        "INSERT OR IGNORE INTO backcheck_sample(uuid, visit_id, supersedes, seed, settings, households, created_at,"
        " officer, origin, office) VALUES (:u, :v, :s, :seed, :set, :h, :at, :office, :origin, :office)"),
        {"u": p.get("uuid"), "v": p.get("visit_id"), "s": p.get("supersedes"), "seed": str(p.get("seed") or ""),
         "set": json.dumps(p.get("settings") or {}, sort_keys=True),
         "h": json.dumps(p.get("households") or {}, sort_keys=True), **row}))


def _village_of(conn: Connection, household_id: int) -> int:
    found = conn.execute(text("SELECT village FROM household WHERE id = :h"), {"h": household_id}).scalar()
    return int(found) if found is not None else (household_id % 10**11) // 1000  # id = year·10¹¹ + house code


def _answer(conn: Connection, p: dict, row: dict, _status: str) -> int:
    hid = int(p.get("household") or 0)
    return _done(conn.execute(text(
        "INSERT OR IGNORE INTO backcheck_answer(uuid, visit_id, household_id, supersedes, village, asked_on, checker,"
        " answers, recorded, created_at, officer, origin, office) VALUES (:u, :v, :h, :s, :vil, :d, :c, :a, :r, :at,"
        " :office, :origin, :office)"),
        {"u": p.get("uuid"), "v": p.get("visit_id"), "h": hid, "s": p.get("supersedes"), "vil": _village_of(conn, hid),
         "d": p.get("asked_on") or "", "c": p.get("checker") or "", "a": json.dumps(p.get("answers") or {}, sort_keys=True),
         "r": json.dumps(p.get("recorded") or {}, sort_keys=True), **row}))


def _correction(conn: Connection, p: dict, row: dict, _status: str) -> int:
    hid = int(p.get("household") or 0)
    village = int(p.get("village") or _village_of(conn, hid))
    year = int(p.get("survey_year") or hid // 10**11)
    added = 0
    for change in p.get("changes") or []:
        added += _done(conn.execute(text(
            "INSERT OR IGNORE INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq,"
            " field, old_value, new_value, reason, created_at, officer, origin, office) VALUES (:u, :s, 'correct', :h,"
            " :y, :v, :m, :f, :o, :n, :r, :at, :office, :origin, :office)"),
            {"u": change.get("uuid"), "s": p.get("set_uuid"), "h": hid, "y": year, "v": village,
             "m": change.get("member_seq"), "f": change.get("field") or "", "o": change.get("old"),
             "n": change.get("new"), "r": p.get("reason") or "", **row}))
    return min(added, 1)


def _revert(conn: Connection, p: dict, row: dict, _status: str) -> int:
    undone = conn.execute(text("SELECT * FROM correction_event WHERE uuid = :u AND kind = 'correct'"),
                          {"u": p.get("reverts")}).mappings().first()
    if undone is None:
        return 0  # the correction it undoes is not here (outside this laptop's data)
    return _done(conn.execute(text(
        "INSERT OR IGNORE INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq,"
        " field, old_value, new_value, reason, ref_uuid, created_at, officer, origin, office) VALUES (:u, :u, 'revert',"
        " :h, :y, :v, :m, :f, :o, :n, :r, :ref, :at, :office, :origin, :office)"),
        {"u": p.get("uuid"), "h": undone["household_id"], "y": undone["survey_year"], "v": undone["village"],
         "m": undone["member_seq"], "f": undone["field"], "o": undone["new_value"], "n": undone["old_value"],
         "r": p.get("reason") or "", "ref": p.get("reverts"), **row}))


_WRITERS = {"certification": _certification, "certification.reopen": _reopen, "certification.roster": _roster,
            "visit.log": _visit, "backcheck.sample": _sample, "backcheck.answer": _answer,
            "correction.record": _correction, "correction.revert": _revert}
