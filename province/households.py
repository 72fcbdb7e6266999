"""Households on the server: what a pull, a fetch and a receipt read, and how content digests are kept.

Rows travel as desktop.sync.wire.HOUSEHOLD_WIRE columns. A pull gives households (not members) changed
after a cursor, with each household's members' digest: a laptop asks for the members (fetch) only of
households whose members it does not already hold, so a change of status or income costs one row.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable

from sqlalchemy import Connection, text

from desktop.sync import wire
from province.auth import Officer

_HH_COLS = ", ".join(wire.HOUSEHOLD_WIRE)
_M_COLS = ", ".join(wire.MEMBER_WIRE)
MAX_LIMIT = 20_000


def area_range(code: str) -> tuple[int, int]:
    return int(code.ljust(8, "0")), int(code.ljust(8, "9"))


def layouts(conn: Connection) -> dict[int, list[str]]:
    return {y: (l.split(",") if l else []) for y, l in conn.execute(text("SELECT year, answer_layout FROM survey"))}


def _village_names(conn: Connection, codes: Iterable[int]) -> dict[int, str]:
    codes = sorted(set(codes))
    if not codes:
        return {}
    rows = conn.execute(text("SELECT code, name_th FROM village WHERE code IN :c").bindparams(
        _expanding("c")), {"c": codes})
    return dict(rows.all())


def _expanding(name: str):
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)


def _chunk(conn: Connection, rows: list[tuple], **extra) -> dict:
    years = sorted({r[1] for r in rows})
    lays = layouts(conn)
    return {
        "protocol": wire.PROTOCOL,
        "households": wire.table(wire.HOUSEHOLD_WIRE, rows),
        "layouts": {str(y): ",".join(lays.get(y, [])) for y in years},
        "villages": {str(k): v for k, v in _village_names(conn, (r[2] for r in rows)).items()},
        **extra,
    }


def pull(conn: Connection, area: str, cursor: int, limit: int) -> dict:
    """Households of an area changed after `cursor`, oldest change first, at most `limit`."""
    lo, hi = area_range(area)
    limit = max(1, min(limit, MAX_LIMIT))
    rows = [tuple(r) for r in conn.execute(
        text(f"SELECT {_HH_COLS} FROM household WHERE seq > :c AND village BETWEEN :lo AND :hi ORDER BY seq LIMIT :n"),
        {"c": cursor, "lo": lo, "hi": hi, "n": limit})]
    next_cursor = rows[-1][wire.HOUSEHOLD_WIRE.index("seq")] if rows else cursor
    return _chunk(conn, rows, area=area, cursor=cursor, next_cursor=next_cursor, more=len(rows) == limit)


def fetch(conn: Connection, officer: Officer, ids: list[int]) -> dict:
    """Whole households with their members, for ids inside the officer's areas (others are left out)."""
    ids = sorted(set(int(i) for i in ids))[:MAX_LIMIT]
    rows = []
    for part in range(0, len(ids), 1000):
        rows += [tuple(r) for r in conn.execute(
            text(f"SELECT {_HH_COLS} FROM household WHERE id IN :ids").bindparams(_expanding("ids")),
            {"ids": ids[part:part + 1000]})]
    rows = [r for r in rows if officer.covers(r[2])]
    rows.sort(key=lambda r: r[0])
    keep = [r[0] for r in rows]
    members = []
    for part in range(0, len(keep), 1000):
        members += [tuple(m) for m in conn.execute(
            text(f"SELECT {_M_COLS} FROM member WHERE household_id IN :ids ORDER BY household_id, seq").bindparams(
                _expanding("ids")), {"ids": keep[part:part + 1000]})]
    return _chunk(conn, rows, members=wire.table(wire.MEMBER_WIRE, members))


def count_after(conn: Connection, area: str, cursor: int) -> dict:
    lo, hi = area_range(area)
    row = conn.execute(text("SELECT count(*), coalesce(sum(deleted), 0) FROM household"
                            " WHERE seq > :c AND village BETWEEN :lo AND :hi"), {"c": cursor, "lo": lo, "hi": hi}).one()
    return {"households": int(row[0]) - int(row[1]), "removed": int(row[1])}


def receipt(conn: Connection, area: str, year: int | None = None) -> dict[str, dict]:
    """{"<year>/<village>": {"households", "members", "hash"}} over the households the server holds."""
    lo, hi = area_range(area)
    where = "deleted = 0 AND village BETWEEN :lo AND :hi" + (" AND survey_year = :y" if year else "")
    pairs: dict[str, list] = defaultdict(list)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for hid, y, v, n, digest in conn.execute(
            text(f"SELECT id, survey_year, village, n_members, content_hash FROM household WHERE {where}"),
            {"lo": lo, "hi": hi, "y": year}):
        key = f"{y}/{v}"
        pairs[key].append((int(hid), digest))
        counts[key][0] += 1
        counts[key][1] += int(n)
    return {key: {"households": counts[key][0], "members": counts[key][1], "hash": wire.village_digest(pairs[key])}
            for key in sorted(pairs)}


def _active_corrections(conn: Connection, lo: int, hi: int, year: int) -> dict[int, str]:
    """{household id: wire.corrections_digest} from the correction.record / correction.revert events received
    (accepted) for the households of a village range and year; payloads are the laptop's event details."""
    recorded: dict[int, dict[str, tuple]] = defaultdict(dict)
    reverted: set[str] = set()
    for kind, hid, payload in conn.execute(
            text("SELECT e.kind, e.household_id, e.payload FROM events e JOIN household h ON h.id = e.household_id"
                 " WHERE e.kind IN ('correction.record', 'correction.revert') AND e.status = 'accepted'"
                 " AND h.survey_year = :y AND h.village BETWEEN :lo AND :hi ORDER BY e.seq"),
            {"y": year, "lo": lo, "hi": hi}):
        body = json.loads(payload)
        if kind == "correction.revert":
            reverted.add(str(body.get("reverts")))
            continue
        for change in body.get("changes") or []:
            recorded[int(hid)][str(change.get("uuid"))] = (change.get("uuid"), change.get("field"),
                                                           change.get("member_seq"), change.get("new"))
    return {hid: wire.corrections_digest(c for u, c in changes.items() if u not in reverted)
            for hid, changes in recorded.items()}


def fingerprint(conn: Connection, area: str, year: int, villages: Iterable[int] | None = None) -> str:
    """The certification fingerprint (desktop.sync.wire.certification_fingerprint) over the households the server
    holds in an area and year (or only the given villages: an อปท.), as corrected by the correction events
    received: the same lines a laptop computes with desktop.sync.local.fingerprint."""
    lo, hi = area_range(area)
    wanted = None if villages is None else {int(v) for v in villages}
    corrections = _active_corrections(conn, lo, hi, year)
    lines = [wire.fingerprint_line(hid, digest, corrections.get(int(hid), ""))
             for hid, village, digest in conn.execute(
                 text("SELECT id, village, content_hash FROM household WHERE deleted = 0 AND survey_year = :y"
                      " AND village BETWEEN :lo AND :hi"), {"y": year, "lo": lo, "hi": hi})
             if wanted is None or int(village) in wanted]
    return wire.certification_fingerprint(lines)


stand_in_fingerprint = fingerprint  # the name app.py and events.py were written against


def current(conn: Connection, hid: int) -> dict | None:
    row = conn.execute(text(f"SELECT {_HH_COLS} FROM household WHERE id = :i"), {"i": hid}).first()
    return dict(zip(wire.HOUSEHOLD_WIRE, row)) if row is not None else None


def as_answer(conn: Connection, row: dict) -> dict:
    """A household as sent back in a conflict ack: wire fields plus the answer layout of its year."""
    out = {k: (int(v) if isinstance(v, bool) else v) for k, v in row.items()}
    out["layout"] = layouts(conn).get(int(row["survey_year"]), [])
    return out


def digest(conn: Connection, row: dict, layout_cache: dict | None = None) -> str:
    lays = layout_cache if layout_cache is not None else layouts(conn)
    return wire.household_digest(row, lays.get(int(row["survey_year"]), []), row["members_hash"])


def json_dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
