"""Reading the local store the way sync needs it: snapshots of households for three-way comparison,
members' digests, per-village receipts and certification fingerprints."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable, Iterator

from sqlalchemy import Connection, text

from desktop.models import db
from desktop.sync import wire

_HH_SELECT = ("h.id, h.survey_year, h.village, h.house_no, h.house_code, h.head_name, "
              + ", ".join(f"h.{c}" for c in wire.MONEY) + ", h.answers, h.collector, h.survey_date, h.status, h.version")
_HH_KEYS = ("id", "survey_year", "village", "house_no", "house_code", "head_name", *wire.MONEY, "answers", "collector",
            "survey_date", "status", "version")
_M_SELECT = ", ".join(f"m.{c}" for c in wire.MEMBER_WIRE)


def area_range(code: str) -> tuple[int, int]:
    return int(code.ljust(8, "0")), int(code.ljust(8, "9"))


def layouts(conn: Connection) -> dict[int, list[str]]:
    return {y: (l.split(",") if l else []) for y, l in conn.execute(text("SELECT year, answer_layout FROM survey"))}


def members_by_household(conn: Connection, ids: Iterable[int]) -> dict[int, list[tuple]]:
    """{household id: member rows in MEMBER_WIRE order}."""
    out: dict[int, list[tuple]] = defaultdict(list)
    for row in conn.execute(
        text(f"SELECT {_M_SELECT} FROM member m WHERE m.household_id IN (SELECT value FROM json_each(:ids))"
             " ORDER BY m.household_id, m.seq"), {"ids": json.dumps(list(ids))}):
        out[row[0]].append(tuple(row))
    return out


_INT_MEMBER_COLUMNS = {"seq", "self_reliant", "in_school"}
_MEMBER_LINE = " || char(31) || ".join(
    f"CAST(m.{c} AS INTEGER)" if c in _INT_MEMBER_COLUMNS else f"m.{c}" for c in wire.MEMBER_WIRE[1:])


def members_hashes(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    """{household id: members' digest}, the canonical text built by SQLite (wire.member_line), hashed here."""
    rows = conn.execute(
        text(f"SELECT m.household_id, group_concat({_MEMBER_LINE}, char(30) ORDER BY m.seq) FROM member m"
             " WHERE m.household_id IN (SELECT value FROM json_each(:ids)) GROUP BY m.household_id"),
        {"ids": json.dumps(list(ids))})
    return {hid: wire.digest_text(line) for hid, line in rows}


def snapshots(conn: Connection, ids: Iterable[int], *, by_code: bool = True,
              server: dict[int, dict] | None = None) -> dict[int, dict]:
    """{household id: snapshot}: the household's fields, its answers (by answer code, or as stored with
    `answers_layout` when by_code is false), its members' digest.

    `server`: rows just pulled, by id. A household this laptop last received from the server at version v
    (written by sync, not waiting for its members) has the server's members of version v; if the server's
    members have not changed since (members_version <= v), its digest is the server's and is not
    recomputed, which spares reading every member of a big chunk."""
    ids = list(ids)
    if not ids:
        return {}
    lays = layouts(conn)
    out, trusted = {}, set()
    server = server or {}
    # the driver's cursor: a pull reads a whole chunk here, and SQLAlchemy's row objects doubled the cost
    for row in db.raw(conn).execute(
            f"SELECT {_HH_SELECT}, (b.source LIKE 'sync%' AND NOT EXISTS (SELECT 1 FROM sync_refetch r"
            " WHERE r.household_id = h.id)) FROM household h LEFT JOIN import_batch b ON b.id = h.import_id"
            " WHERE h.id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)):
        hh = dict(zip(_HH_KEYS, row))
        theirs = server.get(hh["id"])
        if row[-1] and theirs and theirs.get("members_version", 1 << 62) <= hh["version"] <= theirs.get("version", -1):
            hh["members_hash"] = theirs["members_hash"]
            trusted.add(hh["id"])
        layout = lays.get(hh["survey_year"], [])
        if by_code:
            hh["answers"] = wire.answers_by_code(hh["answers"], layout)
        else:
            hh["answers_layout"] = layout
        out[hh["id"]] = hh
    digests = members_hashes(conn, [h for h in out if h not in trusted])
    for hid, hh in out.items():
        if hid not in trusted:
            hh["members_hash"] = digests.get(hid, wire.EMPTY_MEMBERS)
    return out


def snapshot_from_wire(row: dict, layout: list[str]) -> dict:
    """A server household (wire dict) in the same shape as `snapshots` gives."""
    out = {k: row.get(k) for k in _HH_KEYS if k in row}
    out["answers"] = wire.answers_by_code(row.get("answers") or "", layout)
    out["members_hash"] = row.get("members_hash")
    for k in ("seq", "deleted"):
        if k in row:
            out[k] = row[k]
    return out


def comparable(snapshot: dict) -> dict:
    """Snapshot (answers already by code) reduced to the fields of the three-way rule."""
    return wire.comparable(snapshot)


def _household_rows(conn: Connection, lo: int, hi: int, year: int | None) -> Iterator[dict]:
    where = "h.village BETWEEN :lo AND :hi" + (" AND h.survey_year = :y" if year else "")
    for row in conn.execute(text(f"SELECT {_HH_SELECT} FROM household h WHERE {where} ORDER BY h.id"),
                            {"lo": lo, "hi": hi, "y": year}):
        yield dict(zip(_HH_KEYS, row))


def _member_groups(conn: Connection, lo: int, hi: int, year: int | None) -> Iterator[tuple[int, list[tuple]]]:
    where = "h.village BETWEEN :lo AND :hi" + (" AND h.survey_year = :y" if year else "")
    rows = conn.execute(text(f"SELECT {_M_SELECT} FROM member m JOIN household h ON h.id = m.household_id"
                             f" WHERE {where} ORDER BY m.household_id, m.seq"), {"lo": lo, "hi": hi, "y": year})
    current, group = None, []  # type: tuple[int | None, list[tuple]]
    for row in rows:
        if row[0] != current:
            if current is not None:
                yield current, group
            current, group = row[0], []
        group.append(tuple(row))
    if current is not None:
        yield current, group


def household_digests(conn: Connection, area: str, year: int | None = None) -> Iterator[tuple[dict, int, str]]:
    """(household row, member count, digest) for every household of an area, in id order."""
    lo, hi = area_range(area)
    lays = layouts(conn)
    groups = _member_groups(conn, lo, hi, year)
    pending = next(groups, None)
    for hh in _household_rows(conn, lo, hi, year):
        while pending is not None and pending[0] < hh["id"]:
            pending = next(groups, None)
        members = pending[1] if pending is not None and pending[0] == hh["id"] else []
        digest = wire.household_digest(hh, lays.get(hh["survey_year"], []), wire.members_digest(members))
        yield hh, len(members), digest


def receipt(conn: Connection, area: str, year: int | None = None) -> dict[str, dict]:
    """{"<year>/<village>": {"households", "members", "hash"}} for an area (what the server's /v1/receipt gives)."""
    pairs: dict[str, list] = defaultdict(list)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for hh, n_members, digest in household_digests(conn, area, year):
        key = f"{hh['survey_year']}/{hh['village']}"
        pairs[key].append((hh["id"], digest))
        counts[key][0] += 1
        counts[key][1] += n_members
    return {key: {"households": counts[key][0], "members": counts[key][1], "hash": wire.village_digest(pairs[key])}
            for key in sorted(pairs)}


def active_corrections(conn: Connection, area: str, year: int) -> dict[int, str]:
    """{household id: wire.corrections_digest of its corrections not reverted} for an area and year (one query)."""
    lo, hi = area_range(area)
    rows = conn.execute(
        text("SELECT c.household_id, c.uuid, c.field, c.member_seq, c.new_value FROM correction_event c"
             " WHERE c.kind = 'correct' AND c.survey_year = :y AND c.village BETWEEN :lo AND :hi AND NOT EXISTS"
             " (SELECT 1 FROM correction_event r WHERE r.kind = 'revert' AND r.ref_uuid = c.uuid)"),
        {"y": year, "lo": lo, "hi": hi})
    by_household: dict[int, list[tuple]] = defaultdict(list)
    for hid, *change in rows:
        by_household[int(hid)].append(tuple(change))
    return {hid: wire.corrections_digest(changes) for hid, changes in by_household.items()}


def fingerprint_lines(conn: Connection, area: str, year: int, villages: Iterable[int] | None = None) -> dict[int, str]:
    """{household id: wire.fingerprint_line} for every household of an area and year as corrected (or only
    those of the given villages inside the area: an อปท.)."""
    wanted = None if villages is None else {int(v) for v in villages}
    corrections = active_corrections(conn, area, year)
    out = {}
    for hh, _members, digest in household_digests(conn, area, year):
        if wanted is None or int(hh["village"]) in wanted:
            out[int(hh["id"])] = wire.fingerprint_line(hh["id"], digest, corrections.get(int(hh["id"]), ""))
    return out


def fingerprint(conn: Connection, area: str, year: int, villages: Iterable[int] | None = None) -> str:
    """The certification fingerprint of an area as this laptop holds it (what the server recomputes)."""
    return wire.certification_fingerprint(fingerprint_lines(conn, area, year, villages).values())


def village_of(conn: Connection, household_id: int) -> int | None:
    return conn.execute(text("SELECT village FROM household WHERE id = :i"), {"i": household_id}).scalar()
