"""Applying households that came from the server, in the caller's transaction.

A chunk goes through the same replacement rules as an import (models.loader.BulkLoad): the old version
of a changed household, with its members, moves to household_version; the new row is evaluated by the
engine; village counts and report summaries follow. A household whose reviewed content did not change
(only its review status or record version moved) is updated in place: there is no new version to keep.

A household with unsent local events, or with a conflict still open, is never overwritten: the server's
change is merged field by field when it touches other fields than the local change (wire.three_way),
else it becomes a sync_conflict row for a person to settle.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop.models import areas, audit, dates, db, loader, meta, summary, surveys
from desktop.models.loader import BulkLoad
from desktop.models.sortkeys import house_sort_key, thai_sort_key
from desktop.sync import conflicts, local, outbox, wire

APPLYING_KEY = "sync_applying"  # while set, the sync_base_capture trigger ignores status writes

_ARCHIVE_HH = ", ".join(f"'{c}', h.{c}" for c in (
    "house_no", "house_code", "head_name", "n_members", *wire.MONEY, "answers", "results", "collector", "survey_date",
    "status", "village"))
_ARCHIVE_M = ", ".join(f"'{c}', m.{c}" for c in loader.MEMBER_COLUMNS[1:] if c != "pid_rev")


@dataclass
class ChunkResult:
    received: int = 0
    replaced: int = 0  # new content: old version kept in history
    updated: int = 0  # only status / record version changed
    deleted: int = 0
    merged: int = 0  # held households whose server change touched other fields: merged
    conflicts: int = 0  # held households with a change on both sides: recorded, not overwritten
    refetch: list[int] = field(default_factory=list)

    def add(self, other: "ChunkResult") -> None:
        for name in ("received", "replaced", "updated", "deleted", "merged", "conflicts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.refetch += other.refetch


def _remap(answers: str, source: list[str], target: list[str]) -> str:
    if source == target or not source:
        return answers
    by_code = dict(zip(source, answers))
    return "".join(by_code.get(code, "-") for code in target)


def _member_row(m: dict | tuple, reference: dt.date) -> tuple:
    d = dict(zip(wire.MEMBER_WIRE, m)) if not isinstance(m, dict) else m
    birth = dt.date.fromisoformat(d["birth_date"])
    age, months = dates.age_at(birth, reference)
    d = {**d, "pid_rev": d["pid"][::-1], "age": age, "age_months": months,
         "self_reliant": int(d["self_reliant"]), "in_school": int(d["in_school"])}
    return tuple(d[c] for c in loader.MEMBER_COLUMNS)


def _household_row(r: dict, answers: str) -> tuple:
    v = int(r["village"])
    d = {**r, "province": v // 1_000_000, "district": v // 10_000, "tambon": v // 100, "village": v,
         "house_sort": house_sort_key(r["house_no"]), "head_sort": thai_sort_key(r["head_name"]), "answers": answers,
         "import_id": 0}
    return tuple(d[c] for c in loader.HOUSEHOLD_COLUMNS)


def _local_member_rows(conn: Connection, ids: list[int]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = defaultdict(list)
    cols = ", ".join(loader.MEMBER_COLUMNS)
    for row in conn.execute(text(f"SELECT {cols} FROM member WHERE household_id IN (SELECT value FROM json_each(:ids))"
                                 " ORDER BY household_id, seq"), {"ids": json.dumps(ids)}):
        out[row[0]].append(tuple(row))
    return out


_PLAIN_FIELDS = ("village", "house_no", "head_name", *wire.MONEY, "collector", "survey_date")


def _same_content(old: dict, r: dict, server_layout: list[str]) -> bool:
    """True if a server row holds what this laptop already has, review status and version aside."""
    for f in _PLAIN_FIELDS:
        if old[f] != r[f]:
            return False
    mine = old["answers"]
    if isinstance(mine, dict):  # by answer code
        return mine == wire.answers_by_code(r["answers"], server_layout)
    if old.get("answers_layout") == server_layout:
        return mine == r["answers"]
    return wire.answers_by_code(mine, old.get("answers_layout") or []) == wire.answers_by_code(r["answers"], server_layout)


def apply_rows(conn: Connection, rows: list[dict], members: dict[int, list], layouts: dict[int, list[str]],
               villages: dict[str, str], source: str, mine: dict[int, dict] | None = None) -> ChunkResult:
    """Write server households as they are (no held check: the caller decided). `members` holds the
    MEMBER_WIRE rows of households whose members are new to this laptop; `mine` the local snapshots if the
    caller has them already."""
    result = ChunkResult(received=len(rows))
    if not rows:
        return result
    ids = [r["id"] for r in rows]
    if mine is None:
        mine = local.snapshots(conn, ids)
    meta.put(conn, APPLYING_KEY, "1")
    try:
        if villages:
            areas.ensure_villages(conn, {str(code): name for code, name in villages.items()})
        live = [r for r in rows if not r.get("deleted")]
        gone = [r["id"] for r in rows if r.get("deleted") and r["id"] in mine]
        in_place: list[dict] = []
        content: list[dict] = []
        replace: list[dict] = []
        for r in live:
            old = mine.get(r["id"])
            if old is None or old["survey_year"] != r["survey_year"] or r["id"] in members \
                    or old["members_hash"] != r.get("members_hash"):
                replace.append(r)  # new here, or new members: through BulkLoad, like an import
                continue
            (in_place if _same_content(old, r, layouts.get(r["survey_year"], [])) else content).append(r)
        if replace:
            result.refetch += _replace(conn, replace, members, layouts, mine, source)
            result.replaced += len(replace)
        if content:
            _update_content(conn, content, layouts, source, mine)
            result.replaced += len(content)
        fix = in_place + replace  # content rows got their status and version with the content
        if fix:  # the driver's executemany: SQLAlchemy's per-row parameter handling cost as much as the UPDATE
            db.raw(conn).executemany("UPDATE household SET status = ?, version = ? WHERE id = ?",
                                     [(int(r["status"]), int(r["version"]), r["id"]) for r in fix])
        result.updated += len(in_place)
        if gone:
            _delete(conn, gone, source)
            result.deleted += len(gone)
    finally:
        conn.execute(text("DELETE FROM meta WHERE key = :k"), {"k": APPLYING_KEY})
    return result


def _replace(conn: Connection, rows: list[dict], members: dict[int, list], layouts: dict[int, list[str]],
             mine: dict[int, dict], source: str) -> list[int]:
    """New content through BulkLoad, one load per survey year; returns households still missing members."""
    refetch = []
    kept = _local_member_rows(conn, [r["id"] for r in rows if r["id"] not in members])
    by_year: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        by_year[int(r["survey_year"])].append(r)
    for year, year_rows in sorted(by_year.items()):
        load = BulkLoad(conn, year, source)
        load.start()
        # a partial load: only these households are replaced, not the whole of their villages
        load.summary.village_codes |= {int(r["village"]) for r in year_rows}
        survey = load.survey
        reference = dt.date.fromisoformat(survey.reference_date)
        server_layout = layouts.get(year) or list(survey.layout)
        hh_rows, m_rows = [], []
        for r in year_rows:
            hh_rows.append(_household_row(r, _remap(r["answers"], server_layout, list(survey.layout))))
            if r["id"] in members:
                m_rows += [_member_row(m, reference) for m in members[r["id"]]]
            else:
                old = mine.get(r["id"])
                if old is None or old["members_hash"] != r.get("members_hash"):
                    refetch.append(r["id"])  # keep what we have; download the members at the next sync
                m_rows += kept.get(r["id"], [])
        for part in loader.chunks(hh_rows, 5000):
            load.add_households(part)
        for part in loader.chunks(m_rows, 20000):
            load.add_members(part)
        load.finish()
    if refetch:
        conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) VALUES (:h)"), [{"h": h} for h in refetch])
    return refetch


_STAGE_COLUMNS = ("id", "house_no", "house_sort", "head_name", "head_sort", *wire.MONEY, "answers", "collector",
                  "survey_date", "status", "version")
_SORT_KEY_OF = {"house_no": "house_sort", "head_name": "head_sort"}


def _changed_columns(rows: list[dict], answers: list[str], mine: dict[int, dict], layout: list[str]) -> list[str]:
    """The staged columns some row of the chunk changes (with id, status and version always): a national reload
    mostly moves one or two money columns, and leaving the rest (and their indexes) alone halves the write."""
    changed = {"id", "status", "version"}
    for r, a in zip(rows, answers):
        old = mine[r["id"]]
        for c in _PLAIN_FIELDS:
            if c != "village" and c not in changed and old[c] != r[c]:
                changed.add(c)
                if c in _SORT_KEY_OF:
                    changed.add(_SORT_KEY_OF[c])
        if "answers" not in changed and not _same_answers(old, a, layout):
            changed.add("answers")
    return [c for c in _STAGE_COLUMNS if c in changed]


def _same_answers(old: dict, answers: str, layout: list[str]) -> bool:
    """The local answers (snapshot) equal `answers` (in the local layout)."""
    mine = old["answers"]
    if isinstance(mine, dict):
        return mine == wire.answers_by_code(answers, layout)
    if old.get("answers_layout") == layout:
        return mine == answers
    return wire.answers_by_code(mine, old.get("answers_layout") or []) == wire.answers_by_code(answers, layout)


def _new_batch(conn: Connection, source: str, year: int, households: int) -> int:
    batch_uuid = str(uuid.uuid4())
    conn.execute(
        text("INSERT INTO import_batch(uuid, created_at, officer, source, survey_year, households, members)"
             " VALUES (:u, :t, :o, :s, :y, :n, 0)"),
        {"u": batch_uuid, "t": outbox.now(), "o": meta.get(conn, "profile", "{}"), "s": source, "y": year, "n": households},
    )
    return conn.execute(text("SELECT id FROM import_batch WHERE uuid = :u"), {"u": batch_uuid}).scalar_one()


def _archive(conn: Connection, where: str, params: dict, batch: int) -> None:
    """Copy households (with members) to household_version, in the import's format (models.loader)."""
    conn.execute(
        text("INSERT INTO household_version(household_id, version, import_id, replaced_by_import, data)"
             f" SELECT h.id, h.version, h.import_id, :b, json_object({_ARCHIVE_HH}, 'members',"
             f" (SELECT json_group_array(json_object({_ARCHIVE_M})) FROM member m WHERE m.household_id = h.id))"
             f" FROM household h WHERE {where}"),
        {**params, "b": batch},
    )


def _update_content(conn: Connection, rows: list[dict], layouts: dict[int, list[str]], source: str,
                    mine: dict[int, dict]) -> None:
    """New content for households whose members did not change: the old version goes to history, the
    row is updated in place and evaluated again (members are not rewritten)."""
    from desktop.models import engine

    by_year: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        by_year[int(r["survey_year"])].append(r)
    for year, year_rows in sorted(by_year.items()):
        survey = surveys.ensure(conn, year)
        server_layout = layouts.get(year) or list(survey.layout)
        batch = _new_batch(conn, source, year, len(year_rows))
        layout = list(survey.layout)
        answers = [_remap(r["answers"], server_layout, layout) for r in year_rows]
        columns = _changed_columns(year_rows, answers, mine, layout)
        plain = [c for c in columns if c not in ("answers", "status", "version", "house_sort", "head_sort")]
        staged = []
        for r, a in zip(year_rows, answers):
            d = {c: r[c] for c in plain}
            d.update(answers=a, status=int(r["status"]), version=int(r["version"]))
            if "house_sort" in columns or "head_sort" in columns:  # only when the text changed (~15 µs a key)
                old = mine[r["id"]]
                d["house_sort"] = house_sort_key(r["house_no"]) if r["house_no"] != old["house_no"] else None
                d["head_sort"] = thai_sort_key(r["head_name"]) if r["head_name"] != old["head_name"] else None
            staged.append(tuple(d[c] for c in columns))
        conn.execute(text("DROP TABLE IF EXISTS temp.sync_stage"))
        conn.execute(text(f"CREATE TEMP TABLE sync_stage({', '.join(columns)}, PRIMARY KEY(id))"))
        db.raw(conn).executemany(f"INSERT INTO temp.sync_stage VALUES ({', '.join('?' * len(columns))})", staged)
        scope = "h.id IN (SELECT id FROM temp.sync_stage)"
        _archive(conn, scope, {}, batch)
        sets = ", ".join(f"{c} = coalesce(s.{c}, household.{c})" if c.endswith("_sort") else f"{c} = s.{c}"
                         for c in columns[1:])
        conn.execute(text(f"UPDATE household SET {sets}, import_id = :b FROM temp.sync_stage s"
                          " WHERE household.id = s.id"), {"b": batch})
        engine.evaluate_scope(conn, survey.indicator_set, year, list(survey.layout),
                              f"h.survey_year = :y AND {scope}", {"y": year})
        villages = sorted({int(r["village"]) for r in year_rows})
        conn.execute(text("DROP TABLE temp.sync_stage"))
        _refresh_reports(conn, year, villages)
        audit.append(conn, "sync.replaced", target=str(year),
                     detail={"households": len(year_rows), "import_id": batch, "source": source})


def _delete(conn: Connection, ids: list[int], source: str) -> None:
    """Households the server removed: to history (like a replaced version), then out of the tables."""
    id_json = json.dumps(ids)
    years_villages = conn.execute(text("SELECT DISTINCT survey_year, village FROM household"
                                       " WHERE id IN (SELECT value FROM json_each(:ids))"), {"ids": id_json}).all()
    batch = _new_batch(conn, source + " (removed)", years_villages[0][0] if years_villages else 0, 0)
    _archive(conn, "h.id IN (SELECT value FROM json_each(:ids))", {"ids": id_json}, batch)
    conn.execute(text("DELETE FROM member WHERE household_id IN (SELECT value FROM json_each(:ids))"), {"ids": id_json})
    conn.execute(text("DELETE FROM household WHERE id IN (SELECT value FROM json_each(:ids))"), {"ids": id_json})
    by_year: dict[int, list[int]] = defaultdict(list)
    for year, village in years_villages:
        by_year[year].append(village)
    for year, villages in by_year.items():
        areas.refresh_stats(conn, year, sorted(villages))
        _refresh_reports(conn, year, sorted(villages))
    audit.append(conn, "sync.removed", target=str(len(ids)), detail={"households": ids[:200], "count": len(ids),
                                                                       "source": source})


def _refresh_reports(conn: Connection, year: int, villages: list[int]) -> None:
    summary.refresh(conn, year, villages)


def set_base(conn: Connection, snapshots_by_id: dict[int, dict]) -> None:
    """Remember households' server-known state (the base of later three-way comparisons)."""
    at = outbox.now()
    conn.execute(
        text("INSERT INTO sync_base(household_id, data, captured_at) VALUES (:h, :d, :t)"
             " ON CONFLICT(household_id) DO UPDATE SET data = excluded.data, captured_at = excluded.captured_at"),
        [{"h": hid, "d": json.dumps(s, ensure_ascii=False, sort_keys=True), "t": at} for hid, s in snapshots_by_id.items()],
    )


def base_snapshots(conn: Connection, ids: list[int], mine: dict[int, dict]) -> dict[int, dict]:
    """The server-known state of held households: sync_base (as captured), else the local row."""
    lays = local.layouts(conn)
    out = {}
    for hid, data in conn.execute(
        text("SELECT household_id, data FROM sync_base WHERE household_id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(ids)},
    ):
        snap = json.loads(data)
        if isinstance(snap.get("answers"), str):  # captured by the trigger: local layout, no members' digest
            year = snap.get("survey_year") or (mine.get(hid) or {}).get("survey_year")
            snap["answers"] = wire.answers_by_code(snap["answers"], lays.get(int(year or 0), []))
        snap.setdefault("members_hash", (mine.get(hid) or {}).get("members_hash"))
        out[hid] = snap
    for hid in ids:
        if hid not in out and hid in mine:
            out[hid] = mine[hid]
    return out


def apply_chunk(conn: Connection, rows: list[dict], members: dict[int, list], layouts: dict[int, list[str]],
                villages: dict[str, str], source: str, mine: dict[int, dict] | None = None) -> ChunkResult:
    """Apply one pulled chunk: plain rows replace, held rows merge or become conflicts. `mine`: local
    snapshots of the chunk's households, if the caller read them already (same transaction or just before
    it, with this laptop the only writer)."""
    ids = [r["id"] for r in rows]
    if mine is None:
        mine = local.snapshots(conn, ids)
    held = outbox.held(conn, ids)
    result = ChunkResult()
    plain = [r for r in rows if r["id"] not in held]
    merged_rows, new_bases = [], {}
    if held:
        open_ids = conflicts.open_households(conn, held)
        pending = outbox.pending_households(conn, held)
        mine = {**mine, **local.snapshots(conn, list(held))}  # fresh: a person may have changed them meanwhile
        bases = base_snapshots(conn, list(held), mine)
        intents = outbox.pending_intents(conn, held)
        for hid, (_fields, event_base) in intents.items():
            if hid in bases:
                bases[hid] = {**bases[hid], **event_base}
        for r in rows:
            hid = r["id"]
            if hid not in held or hid not in mine:
                if hid in held:
                    plain.append(r)  # unsent events for a household this laptop does not hold: nothing to protect
                continue
            theirs = local.snapshot_from_wire(r, layouts.get(r["survey_year"], []))
            if r.get("deleted"):
                theirs["deleted"] = True
            if members.get(hid):
                theirs["members_rows"] = [list(m) for m in members[hid]]
            if hid in open_ids:
                conflicts.update_theirs(conn, hid, theirs)
                result.conflicts += 1
                continue
            merged, clash = wire.three_way(wire.comparable(bases[hid]), wire.comparable(mine[hid]),
                                           wire.comparable(theirs), intents.get(hid, (set(), {}))[0])
            if r.get("deleted"):
                clash = {"deleted": {"base": False, "mine": False, "theirs": True}}
            if clash:
                conflicts.record(conn, hid, "pull", bases[hid], mine[hid], theirs, clash, event_uuid=pending.get(hid))
                result.conflicts += 1
                continue
            keep = {f: merged[f] for f in wire.SETTABLE if f in merged and merged[f] != wire.comparable(theirs).get(f)}
            merged_rows.append({**r, **keep})
            new_bases[hid] = theirs
            result.merged += 1
    applied = apply_rows(conn, plain + merged_rows, members, layouts, villages, source, mine)
    applied.merged, applied.conflicts = result.merged, result.conflicts
    applied.received = len(rows)
    if new_bases:
        for snap in new_bases.values():
            snap.pop("members_rows", None)
        set_base(conn, new_bases)
        # Kept "mine" on the promise that the unsent events will apply; if one of them reached the server
        # earlier (a relayed bundle, a lost reply) and was overtaken there, only a fresh look tells: the
        # household is downloaded again once its events are answered.
        conn.execute(text("INSERT OR IGNORE INTO sync_refetch(household_id) VALUES (:h)"),
                     [{"h": hid} for hid in new_bases])
    done = [r["id"] for r in plain]
    if done:
        conn.execute(text("DELETE FROM sync_base WHERE household_id IN (SELECT value FROM json_each(:ids))"),
                     {"ids": json.dumps(done)})
        conn.execute(text("DELETE FROM sync_refetch WHERE household_id IN (SELECT value FROM json_each(:ids))"
                          " AND household_id NOT IN (SELECT value FROM json_each(:missing))"),
                     {"ids": json.dumps(done), "missing": json.dumps(applied.refetch)})
    return applied


def layouts_of(chunk: dict) -> dict[int, list[str]]:
    return {int(y): (l.split(",") if isinstance(l, str) else list(l)) for y, l in (chunk.get("layouts") or {}).items()}


def ensure_surveys(conn: Connection, years) -> None:
    for year in years:
        surveys.ensure(conn, int(year))
