"""Loading national exports into the server with the desktop importer's own checks.

The files go through desktop.importers.national.import_files into a throw-away encrypted store (every
row checked, all or nothing, the same problem list as on a laptop); the checked households and members
are then copied into the server's tables in one transaction. As on a laptop, a load replaces the
villages it contains: a household whose content changed gets a new version and a new sequence number
(and goes back to "imported" for review), an unchanged one is left alone (laptops do not download it
again), and a household no longer in its village's file is marked removed.
"""

from __future__ import annotations

import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from sqlalchemy import bindparam, text

from desktop.sync import wire
from province import households
from province.auth import now
from province.db import ServerDB
from province.schema import household as household_table
from province.schema import load_batch
from province.schema import member as member_table

_LOCAL_HH = ("id", "survey_year", "village", "house_no", "house_code", "head_name", *wire.MONEY, "answers", "collector",
             "survey_date")
VILLAGE_BATCH = 200


@dataclass
class LoadResult:
    ok: bool
    households: int = 0
    members: int = 0
    changed: int = 0
    removed: int = 0
    problems: list = field(default_factory=list)
    problem_count: int = 0


def load_files(db: ServerDB, paths: Iterable[Path | str], *, year: int | None = None, progress=None) -> LoadResult:
    from desktop.importers import national
    from desktop.models import db as store_db

    paths = [Path(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="bmn-load-") as tmp:
        store = store_db.open_store(Path(tmp) / "check.db", secrets.token_urlsafe(24), create=True)
        try:
            checked = national.import_files(store, paths, year=year, progress=progress)
            if not checked.ok:
                return LoadResult(False, problems=checked.problems, problem_count=checked.problem_count)
            with store.read() as local:
                return copy_store(db, local, ", ".join(p.name for p in paths))
        finally:
            store.close()


def copy_store(db: ServerDB, local, source: str) -> LoadResult:
    """Copy every household of a (checked) local store into the server, village by village, one transaction."""
    result = LoadResult(True)
    villages = [v for (v,) in local.execute(text("SELECT DISTINCT village FROM household ORDER BY village"))]
    names = dict(local.execute(text("SELECT CAST(code AS INTEGER), name_th FROM area WHERE level = 4")).all())
    lays = {y: l for y, l in local.execute(text("SELECT year, answer_layout FROM survey"))}
    with db.write() as conn:
        for year, layout in lays.items():
            conn.execute(text("DELETE FROM survey WHERE year = :y"), {"y": year})
            conn.execute(text("INSERT INTO survey(year, answer_layout) VALUES (:y, :l)"), {"y": year, "l": layout})
        server_layouts = households.layouts(conn)
        seq = conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar_one()
        for start in range(0, len(villages), VILLAGE_BATCH):
            part = villages[start:start + VILLAGE_BATCH]
            seq = _copy_villages(conn, local, part, server_layouts, seq, result)
            _upsert_villages(conn, {v: names.get(v, "") for v in part})
        conn.execute(text("UPDATE counter SET value = :v WHERE name = 'household'"), {"v": seq})
        conn.execute(load_batch.insert().values(created_at=now(), source=source, households=result.households,
                                                members=result.members, changed=result.changed,
                                                removed=result.removed))
    return result


def _upsert_villages(conn, names: dict[int, str]) -> None:
    conn.execute(text("DELETE FROM village WHERE code IN :c").bindparams(bindparam("c", expanding=True)),
                 {"c": list(names)})
    conn.execute(text("INSERT INTO village(code, name_th) VALUES (:c, :n)"),
                 [{"c": c, "n": n} for c, n in names.items()])


def _copy_villages(conn, local, villages: list[int], lays: dict, seq: int, result: LoadResult) -> int:
    cols = ", ".join(_LOCAL_HH)
    incoming = {r[0]: dict(zip(_LOCAL_HH, r)) for r in local.execute(
        text(f"SELECT {cols} FROM household WHERE village IN (SELECT value FROM json_each(:v))"),
        {"v": _json(villages)})}
    members: dict[int, list[tuple]] = {}
    for m in local.execute(text(f"SELECT {', '.join('m.' + c for c in wire.MEMBER_WIRE)} FROM member m"
                                " JOIN household h ON h.id = m.household_id"
                                " WHERE h.village IN (SELECT value FROM json_each(:v)) ORDER BY m.household_id, m.seq"),
                           {"v": _json(villages)}):
        members.setdefault(m[0], []).append(tuple(m))
    select = "SELECT id, village, status, version, deleted, members_hash, members_version, content_hash FROM household"
    existing = {r.id: r for r in conn.execute(
        text(f"{select} WHERE village IN :v").bindparams(bindparam("v", expanding=True)), {"v": villages})}
    moved = [hid for hid in incoming if hid not in existing]  # households that were in another village before
    for part in _parts(moved):
        existing.update({r.id: r for r in conn.execute(
            text(f"{select} WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)), {"ids": part})})
    new_rows, member_rows, replace_members = [], [], []
    for hid, hh in incoming.items():
        ms = members.get(hid, [])
        result.households += 1
        result.members += len(ms)
        hh["members_hash"] = wire.members_digest(ms)
        hh["n_members"] = len(ms)
        old = existing.get(hid)
        layout = lays.get(int(hh["survey_year"]), [])
        if old is not None and not old.deleted:
            same = wire.household_digest({**hh, "status": old.status}, layout, hh["members_hash"]) == old.content_hash
            if same:
                continue
        seq += 1
        hh.update(status=0, version=(old.version + 1) if old is not None else 1, seq=seq, deleted=0)
        hh["content_hash"] = wire.household_digest(hh, layout, hh["members_hash"])
        new_rows.append(hh)
        result.changed += 1
        if old is None or old.members_hash != hh["members_hash"] or old.deleted:
            hh["members_version"] = hh["version"]
            replace_members.append(hid)
            member_rows += [dict(zip(wire.MEMBER_WIRE, m)) for m in ms]
        else:
            hh["members_version"] = old.members_version
    gone = [hid for hid, old in existing.items() if hid not in incoming and not old.deleted and old.village in villages]
    if new_rows:
        ids = [r["id"] for r in new_rows]
        _delete_in(conn, "household", "id", ids)
        conn.execute(household_table.insert(), new_rows)
    if replace_members:
        _delete_in(conn, "member", "household_id", replace_members)
        if member_rows:
            conn.execute(member_table.insert(), member_rows)
    if gone:
        updates = []
        for hid in gone:
            seq += 1
            updates.append({"i": hid, "s": seq})
        conn.execute(text("UPDATE household SET deleted = 1, seq = :s WHERE id = :i"), updates)
        _delete_in(conn, "member", "household_id", gone)
        result.removed += len(gone)
    return seq


def _parts(ids: list, size: int = 1000):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _delete_in(conn, table: str, column: str, ids: list) -> None:
    for part in _parts(ids):
        conn.execute(text(f"DELETE FROM {table} WHERE {column} IN :ids").bindparams(bindparam("ids", expanding=True)),
                     {"ids": part})


def _json(values) -> str:
    import json

    return json.dumps(list(values))
