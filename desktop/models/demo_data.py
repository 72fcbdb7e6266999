"""Demo data is demo: a store that holds the synthetic demo province says so, everywhere, and can lose it.

`main.py demo` (desktop/importers/demo.py) marks the store (meta `demo`: province, seed, year); the window title
and a banner, every report page and file (their source line), and the certification form (a red mark, and the
summary it keeps) say "ข้อมูลสาธิต". `remove` takes the demo households out (with their members and their history:
made-up people are not kept anywhere), recounts the villages and report summaries, and clears the mark; an
import of real data into a demo store asks first and removes the demo before it loads.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Connection, text

from desktop.models import audit, meta

META_KEY = "demo"
SOURCE_PREFIX = "demo "  # import_batch.source of the demo loads (desktop/importers/demo.py)
MARK_TH = "ข้อมูลสาธิต (สร้างขึ้น ไม่ใช่ข้อมูลจริง)"
MARK_EN = "DEMO DATA (made up, not real)"


def is_demo(conn: Connection) -> bool:
    """True while demo households are in the store (the mark is set by the demo and cleared by remove)."""
    return bool(meta.get(conn, META_KEY))


def mark(conn: Connection, detail: dict) -> None:
    meta.put(conn, META_KEY, json.dumps(detail, ensure_ascii=False, sort_keys=True))


def mark_text(english: bool = False) -> str:
    return MARK_EN if english else MARK_TH


def _demo_imports(conn: Connection) -> list[int]:
    return list(conn.execute(text("SELECT id FROM import_batch WHERE source LIKE :p"), {"p": SOURCE_PREFIX + "%"})
                .scalars())


def remove(conn: Connection) -> int:
    """Take every demo household out of the store (caller's transaction); returns how many were removed."""
    from desktop.models import areas, summary

    imports = json.dumps(_demo_imports(conn))
    rows = conn.execute(text("SELECT id, survey_year, village FROM household"
                             " WHERE import_id IN (SELECT value FROM json_each(:i))"), {"i": imports}).all()
    ids = json.dumps([r.id for r in rows])
    conn.execute(text("DELETE FROM member WHERE household_id IN (SELECT value FROM json_each(:h))"), {"h": ids})
    conn.execute(text("DELETE FROM household_version WHERE household_id IN (SELECT value FROM json_each(:h))"
                      " OR import_id IN (SELECT value FROM json_each(:i))"), {"h": ids, "i": imports})
    conn.execute(text("DELETE FROM report_income_failing WHERE household_id IN (SELECT value FROM json_each(:h))"),
                 {"h": ids})
    conn.execute(text("DELETE FROM household WHERE id IN (SELECT value FROM json_each(:h))"), {"h": ids})
    by_year: dict[int, set[int]] = defaultdict(set)
    for r in rows:
        by_year[r.survey_year].add(int(r.village))
    for year, villages in by_year.items():
        areas.refresh_stats(conn, year, sorted(villages))
        summary.refresh(conn, year, sorted(villages))
    conn.execute(text("DELETE FROM meta WHERE key = :k"), {"k": META_KEY})
    audit.append(conn, "demo.remove", target="", detail={"households": len(rows), "years": sorted(by_year)})
    return len(rows)
