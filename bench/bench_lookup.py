"""Household table first page and search latency on a large encrypted store (default 1,000,000).

Floor: the same first-page query hand-written against the same store through the bare DBAPI
connection (no SQLAlchemy, no row objects) in the same run. "Warm cache": the store file is read
once first, so that what ran before (the 1M import writes ~3 GB) does not leave it on disk only.

    python -m bench.bench_lookup 1000000
"""

from __future__ import annotations

import random
import sys

from sqlalchemy import text

from bench.common import PASSPHRASE, demo_store, emit, latency_ms, timed


def warm_file(path) -> None:
    """Read the file once (into the OS page cache; nothing is kept here)."""
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def measure(households: int) -> dict:
    from desktop.models import db, households as hh
    from desktop.models.db import raw

    path = demo_store(households, f"lookup-{households}")
    warm_file(path)
    store = db.open_store(path, PASSPHRASE)
    rng = random.Random(5)
    out: dict = {"households": households}
    with store.read() as conn:
        villages = [str(v) for v in conn.execute(text("SELECT DISTINCT village FROM household")).scalars()]
        sample_villages = rng.sample(villages, min(50, len(villages)))
        areas = {"province": ["52"], "district": sorted({v[:4] for v in sample_villages}),
                 "tambon": sorted({v[:6] for v in sample_villages}), "village": sample_villages}
        for level, codes in areas.items():
            out[f"first_page_{level}"] = latency_ms(
                lambda c: hh.first_page(conn, hh.HouseholdFilter(2567, c), limit=100), codes * max(1, 30 // len(codes)))
        dbapi = raw(conn)

        def floor_page(code: str) -> None:
            lo, hi = int(code.ljust(8, "0")), int(code.ljust(8, "9"))
            dbapi.execute(
                "SELECT id, village, house_no, house_code, head_name, n_members, income_pp, n_failed, results, status"
                " FROM household WHERE survey_year = 2567 AND village BETWEEN ? AND ? ORDER BY village, house_sort"
                " LIMIT 100", (lo, hi)).fetchall()

        out["floor_first_page_village"] = latency_ms(floor_page, sample_villages)
        names = list(conn.execute(text("SELECT first_name FROM member ORDER BY random() LIMIT 40")).scalars())
        pids = list(conn.execute(text("SELECT pid FROM member ORDER BY random() LIMIT 40")).scalars())
        houses = list(conn.execute(text("SELECT house_no FROM household ORDER BY random() LIMIT 40")).scalars())

        def search(term: str) -> None:
            hh.first_page(conn, hh.HouseholdFilter(2567, "52", search=term), limit=100)

        out["search_name_province"] = latency_ms(search, [n[:3] for n in names])
        out["search_id_last4_province"] = latency_ms(search, [p[-4:] for p in pids])
        out["search_id_last6_province"] = latency_ms(search, [p[-6:] for p in pids])
        out["search_house_no_province"] = latency_ms(search, houses)
        district = areas["district"][0]
        out["search_name_district"] = latency_ms(
            lambda t: hh.first_page(conn, hh.HouseholdFilter(2567, district, search=t), limit=100), [n[:3] for n in names])
        seconds, ids = timed(hh.ordered_ids, conn, hh.HouseholdFilter(2567, "52"))
        out["ordered_ids_province_s"] = round(seconds, 3)
        out["ordered_ids_count"] = len(ids)
        seconds, _ = timed(hh.ordered_ids, conn, hh.HouseholdFilter(2567, "52"), "head")
        out["ordered_ids_province_by_head_s"] = round(seconds, 3)
        out.update(qt_table(store, areas))
        page = list(ids[500_000:500_200]) if len(ids) > 500_200 else list(ids[:200])
        out["rows_by_ids_200"] = latency_ms(lambda _: hh.rows_by_ids(conn, page), list(range(20)))
    store.close()
    return out


def qt_table(store, areas: dict) -> dict:
    """The real table model, offscreen: time from choosing an area to its first row on screen, and
    until the full ordered list has arrived from the reader thread."""
    import time

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.models.households import HouseholdFilter
    from desktop.views.household_model import HouseholdTableModel
    from desktop.views.runner import Runner

    app = QApplication.instance() or QApplication([])
    runner = Runner()
    model = HouseholdTableModel(store, runner)
    first_ms, full_s = [], []
    model.set_filter(HouseholdFilter(2567, areas["village"][-1]))  # warm-up: the window has shown the tree by now
    for code in areas["province"] + areas["district"][:5] + areas["village"][:10]:
        loop = QEventLoop()
        model.loaded.connect(loop.quit)
        start = time.perf_counter()
        model.set_filter(HouseholdFilter(2567, code), size_hint=1_000_000 if len(code) == 2 else None)
        model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
        first_ms.append((time.perf_counter() - start) * 1000)
        if not model.complete:
            QTimer.singleShot(60_000, loop.quit)
            loop.exec()
        full_s.append(time.perf_counter() - start)
        model.loaded.disconnect(loop.quit)
    runner.shutdown()
    del app
    return {"qt_model_first_row_province_ms": round(first_ms[0], 2),
            "qt_model_first_row_other_ms": round(max(first_ms[1:]), 2),
            "qt_model_full_list_province_s": round(full_s[0], 2)}


if __name__ == "__main__":
    emit(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
