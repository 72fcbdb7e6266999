"""Confidence figures against the hand-worked fixture (tests/visits/helpers.py, docs/monitoring.md)."""

from __future__ import annotations

import pytest

from desktop.models import backcheck, confidence
from desktop.models import monitoring_settings as ms
from tests.visits import helpers as H

A, B = 100 * 14 / 17, 100 * 7 / 9  # village A: 17 compared, 14 match; village B: 9 compared, 7 match


@pytest.fixture
def worked(store):
    visit = H.worked(store)
    return store, visit


def figures(figs):
    return {f.key: (f.compared, f.matched, pytest.approx(f.percent)) for f in figs}


def test_item_weighted_figures_at_every_level(worked):
    store, _ = worked
    with store.read() as conn:
        s = confidence.summary(conn, H.YEAR, "52", mode="items")
    assert figures(s.levels["village"]) == {"52010101": (17, 14, A), "52010201": (9, 7, B)}
    assert figures(s.levels["tambon"]) == {"520101": (17, 14, A), "520102": (9, 7, B)}
    assert figures(s.levels["district"]) == {"5201": (26, 21, 100 * 21 / 26)}
    assert (s.overall.compared, s.overall.matched) == (26, 21)
    assert s.overall.percent == pytest.approx(80.769230769)


def test_mean_of_villages_figures(worked):
    store, _ = worked
    with store.read() as conn:
        s = confidence.summary(conn, H.YEAR, "52", mode="villages")
    mean = (A + B) / 2
    assert figures(s.levels["tambon"]) == {"520101": (17, 14, A), "520102": (9, 7, B)}
    assert figures(s.levels["district"]) == {"5201": (26, 21, mean)}
    assert s.overall.percent == pytest.approx(80.065359477)
    assert s.overall.villages == 2


def test_per_indicator_collector_class_and_kind(worked):
    store, _ = worked
    with store.read() as conn:
        s = confidence.summary(conn, H.YEAR, "52")
    assert figures(s.indicators) == {"6": (3, 3, 100.0), "13": (2, 1, 50.0)}
    assert [f.key for f in s.indicators] == ["6", "13"]  # numeric order
    assert figures(s.collectors) == {"สมชาย": (17, 14, A), "สมหญิง": (9, 7, B)}
    assert figures(s.classes) == {"1": (9, 7, 100 * 7 / 9), "2": (5, 4, 80.0), "3": (12, 10, 100 * 10 / 12)}
    assert figures(s.kinds) == {"members": (3, 2, 100 * 2 / 3), "age": (6, 5, 100 * 5 / 6),
                                "answer": (5, 4, 80.0), "income": (12, 10, 100 * 10 / 12)}
    wrong = {(c.household_id, c.key) for c in s.mismatches}
    assert wrong == {(H.hid(1), "age:2"), (H.hid(1), "answer:13"), (H.hid(1), "income:inc_second"),
                     (H.hid(3), "members"), (H.hid(3), "income:inc_other")}


def test_area_filter_and_tolerance_setting(worked):
    store, _ = worked
    with store.read() as conn:
        only_b = confidence.summary(conn, H.YEAR, "52010201")
    assert (only_b.overall.compared, only_b.overall.matched) == (9, 7)
    with store.begin() as conn:  # widen the income tolerance to 25 %: inc_second (20 % off) now matches
        settings = ms.load(conn)
        ms.save(conn, ms.from_dict({**__import__("json").loads(settings.to_json()), "tolerances": {
            "members": {"abs": 0}, "age": {"abs": 1}, "answer": {"abs": 0}, "income": {"pct": 25}}}))
        s = confidence.summary(conn, H.YEAR, "52")
    assert (s.overall.compared, s.overall.matched) == (26, 23)  # inc_other (20 % off) matches too


def test_a_corrected_answer_supersedes_and_changes_the_figure(worked):
    store, visit = worked
    with store.begin() as conn:
        values = dict(H.CHECKED[1], **{"answer:13": "1"})
        backcheck.record_answers(conn, visit.visit_id, H.hid(1), values, checker="นางตรวจ ซ้ำ", asked_on=H.ASKED_ON)
        s = confidence.summary(conn, H.YEAR, "52")
        rows = conn.exec_driver_sql("SELECT count(*) FROM backcheck_answer").scalar()
    assert rows == 4  # nothing updated: the old answer is still there, superseded
    assert (s.overall.compared, s.overall.matched) == (26, 22)


def test_kpi_board(worked):
    store, visit = worked
    with store.read() as conn:
        top, rows = confidence.kpi_board(conn, H.YEAR, "52")
    assert [r.area_code for r in rows] == ["5201"]
    row = rows[0]
    assert (row.visits_done, row.visits_required, row.sampled, row.answered) == (1, 1, 3, 3)
    assert row.colour == "red" and row.confidence.percent == pytest.approx(100 * 21 / 26)
    assert any("ต่ำกว่าร้อยละ 95" in m for m in row.missing)
    assert (top.visits_done, top.visits_required) == (0, 2)
    assert any("ยังขาดการติดตามระดับจังหวัด 2 ครั้ง" in m for m in top.missing)


def test_kpi_colours():
    s = ms.MonitoringSettings()
    assert [s.kpi_colour(p) for p in (95.0, 94.9, 90.0, 89.9, None)] == ["green", "amber", "amber", "red", "none"]
