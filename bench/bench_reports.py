"""The four review reports for one district and for the whole province (default 200,000 and 1,000,000
households), from the summary tables, against a floor measured in the same run.

Floor (../shared/perf/floors.md §3 style): the same figures hand-written in plain DBAPI SQL over the
household/member rows of the same store (no summaries, no Report objects): Q2-style population by
child area × sex × age, Q1-style pass/fail pivot per indicator from the results string, Q3-style income
and expense sums, Q4-style list of households failing the income indicator. Each figure is the median
of 3 runs after a warm-up. Also timed: opening the store (runs migration 0003 on a store made before
the summaries existed, which fills them) and a full summary rebuild of the year (rolled back).

    python -m bench.bench_reports 200000 1000000
"""

from __future__ import annotations

import statistics
import sys
import time

from sqlalchemy import text

from bench.common import PASSPHRASE, demo_store, emit, peak_rss_mb

YEAR = 2567
TARGETS_S = {"district": 0.5, "province": 1.0}
RUNS = 3


def _median(fn) -> float:
    fn()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor_queries(survey, lo: int, hi: int, div: int) -> dict[str, list[str]]:
    """Plain SQL over household/member for the area [lo, hi], grouped by child area (village // div)."""
    ind_set = survey.indicator_set
    pivot = ", ".join(f"sum(substr(results, {k}, 1) = 'P'), sum(substr(results, {k}, 1) = 'F')"
                      for k in range(1, len(ind_set.indicators) + 1))
    where = f"survey_year = {YEAR} AND village BETWEEN {lo} AND {hi}"
    position = ind_set.indicators.index(ind_set.income_indicator()) + 1
    inc = "(inc_main + inc_second + inc_other + inc_produce)"
    exp = "(exp_production + exp_necessary + exp_unnecessary + exp_debt)"
    return {
        "population": [
            f"SELECT village / {div}, count(*), sum(n_members) FROM household WHERE {where} GROUP BY 1",
            f"SELECT h.village / {div}, m.sex, m.age, count(*) FROM household h JOIN member m ON m.household_id = h.id"
            f" WHERE h.{where.replace(' AND village', ' AND h.village')} GROUP BY 1, 2, 3",
        ],
        "indicators": [f"SELECT village / {div}, count(*), {pivot} FROM household WHERE {where} GROUP BY 1"],
        "income": [
            f"SELECT village / {div}, count(*), sum(n_members), sum({inc}), sum({exp}), sum(inc_main), sum(inc_second),"
            f" sum(inc_other), sum(inc_produce), sum(exp_production), sum(exp_necessary), sum(exp_unnecessary),"
            f" sum(exp_debt) FROM household WHERE {where} GROUP BY 1",
        ],
        "failing-income": [
            f"SELECT id, village, house_no, house_code, head_name, n_members, {inc} FROM household"
            f" WHERE {where} AND substr(results, {position}, 1) = 'F' ORDER BY village, house_sort",
        ],
    }


def measure(households: int, name: str) -> dict:
    from desktop.models import db, migrate, surveys
    from desktop.models.db import raw
    from desktop.models import summary
    from desktop.reports import builders
    from desktop.reports.model import KINDS

    path = demo_store(households, name)
    before = migrate.last_backup
    start = time.perf_counter()
    store = db.open_store(path, PASSPHRASE)
    out: dict = {"households": households, "open_s": round(time.perf_counter() - start, 2)}
    if migrate.last_backup is not None and migrate.last_backup != before:
        out["migrated"] = True  # open_s includes the backup copy and the migrations (0003 fills the summaries)
        migrate.last_backup.unlink(missing_ok=True)  # the cached bench store needs no backup
    try:
        with store.read() as conn:
            survey = surveys.get(conn, YEAR)
            district = conn.execute(text(
                "SELECT village / 10000 FROM report_village WHERE survey_year = :y GROUP BY 1"
                " ORDER BY abs(sum(households) - 15000) LIMIT 1"), {"y": YEAR}).scalar()
            district_households = conn.execute(text(
                "SELECT sum(households) FROM report_village WHERE survey_year = :y AND village / 10000 = :d"),
                {"y": YEAR, "d": district}).scalar()
            out["district"] = {"code": str(district), "households": district_households}
            dbapi = raw(conn)
            areas = {"district": (str(district), district * 10000, district * 10000 + 9999, 100),
                     "province": ("52", 52_000_000, 52_999_999, 10_000)}
            reports: dict = {}
            for kind in KINDS:
                reports[kind] = {}
                for level, (code, lo, hi, div) in areas.items():
                    ours = _median(lambda: builders.build(conn, kind, code, YEAR))
                    queries = floor_queries(survey, lo, hi, div)[kind]
                    floor = _median(lambda: [dbapi.execute(q).fetchall() for q in queries])
                    reports[kind][level] = {"ours_s": round(ours, 4), "floor_s": round(floor, 4),
                                            "ratio": round(ours / floor, 3) if floor else None,
                                            "target_s": TARGETS_S[level], "ok": ours <= TARGETS_S[level]}
            out["reports"] = reports
        with store.engine.connect() as conn:
            trans = conn.begin()
            start = time.perf_counter()
            summary.rebuild(conn, YEAR)
            out["summary_rebuild_s"] = round(time.perf_counter() - start, 2)
            trans.rollback()
    finally:
        store.close()
    out["peak_rss_mb"] = round(peak_rss_mb())
    return out


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [200_000, 1_000_000]
    for size in sizes:
        emit(measure(size, "lookup-1000000" if size == 1_000_000 else f"reports-{size}"))
