"""รายงานผลตัวชี้วัด on the hand-made province (tests/reports/conftest.py)."""

from __future__ import annotations

from desktop.reports.model import GROUP, TOTAL
from tests.reports.conftest import SET, build, rows_by, table


def _by_no(tbl) -> dict[int, list]:
    return {row[0]: row for row, kind in zip(tbl.rows, tbl.row_kinds) if kind != GROUP}


def test_province_pass_fail_per_indicator(hand):
    report = build(hand, "indicators", "52")
    assert report.title == "รายงานผลตัวชี้วัด จปฐ." and report.provisional is True
    assert report.indicator_period == "2566-2570"
    main = table(report, "indicators")
    assert [c.key for c in main.columns] == ["no", "name", "unit", "surveyed", "passed", "passed_pct", "failed",
                                             "failed_pct"]
    rows = _by_no(main)
    # #6 household: P H1 H3 H4, F H2 H6; H5 and H7 unanswered -> 5 surveyed, 3 passed (60 %), 2 failed (40 %)
    assert rows[6][1:] == [SET.by_no(6).name_th, "ครัวเรือน", 5, 3, 60.0, 2, 40.0]
    # #9 persons 6+: H1 3 target 1 failing, H2 2/0, H3 unanswered (not counted), H4 2/1, H5 2/0 (M101 F50), H6 1/0
    #    -> 10 surveyed, 2 failed (20 %), 8 passed (80 %)
    assert rows[9][2:] == ["คน", 10, 8, 80.0, 2, 20.0]
    # #32 persons 60+: H2 2 target 2 failing, H4 1/0 (F60), H5 1/1 (M101) -> 4 surveyed, 3 failed (75 %)
    assert rows[32][2:] == ["คน", 4, 1, 25.0, 3, 75.0]
    # #29 income, 40,000 per person: H1 110,000 < 120,000 F; H2 100,000 >= 80,000 P; H3 40,000 < 80,000 F;
    #     H4 P; H5 150,000 >= 120,000 P; H6 0 < 40,000 F; H7 no members: no result -> 6 surveyed, 3 failed
    assert rows[29][2:] == ["ครัวเรือน", 6, 3, 50.0, 3, 50.0]
    # unanswered indicators: nothing surveyed, no percentage
    assert rows[1][3:] == [0, 0, None, 0, None] and rows[8][3:] == [0, 0, None, 0, None]
    assert len(rows) == len(SET.indicators)
    assert main.row_keys[main.row_kinds.index("data")] == {"area": "52", "indicator": 1}


def test_rows_are_grouped_by_category(hand):
    main = table(build(hand, "indicators", "52"), "indicators")
    groups = [(i, row[0]) for i, (row, kind) in enumerate(zip(main.rows, main.row_kinds)) if kind == GROUP]
    assert [label for _i, label in groups] == [f"หมวด {c.no} {c.name_th}" for c in SET.categories]
    assert all(main.rows[i][1:] == [None] * 7 for i, _label in groups)
    # every indicator sits under its own หมวด, in set order
    category = None
    for row, kind in zip(main.rows, main.row_kinds):
        if kind == GROUP:
            category = int(row[0].split()[1])
        else:
            assert SET.by_no(row[0]).category == category


def test_child_areas_by_indicator_failing_counts(hand):
    areas = table(build(hand, "indicators", "5201"), "areas")
    assert [c.key for c in areas.columns[:4]] == ["code", "name", "ind_1", "ind_2"]
    rows = rows_by(areas)
    # 520101 (H1–H4): #6 H2 = 1; #9 H1 1 + H4 1 = 2; #32 H2 2; #29 H1 H3 = 2. 520102 (H5): #32 1, others 0
    assert [(c, r["ind_6"], r["ind_9"], r["ind_32"], r["ind_29"]) for c, r in rows.items()] == [
        ("520101", 1, 2, 2, 2), ("520102", 0, 0, 1, 0), ("5201", 1, 2, 3, 2)]
    assert areas.row_kinds[-1] == TOTAL and areas.row_keys[0] == {"area": "520101"}
    province = rows_by(table(build(hand, "indicators", "52"), "areas"))
    # 5202 (H6 H7): #6 H6 = 1, #29 H6 = 1
    assert [(c, r["ind_6"], r["ind_9"], r["ind_32"], r["ind_29"]) for c, r in province.items()] == [
        ("5201", 1, 2, 3, 2), ("5202", 1, 0, 0, 1), ("52", 2, 2, 3, 3)]


def test_lao_and_village_levels(hand):
    lao = build(hand, "indicators", "L5201021")  # เทศบาล: village 52010201 = H5 only
    rows = _by_no(table(lao, "indicators"))
    assert rows[9][3:] == [2, 2, 100.0, 0, 0.0] and rows[32][3:] == [1, 0, 0.0, 1, 100.0]
    assert rows[29][3:] == [1, 1, 100.0, 0, 0.0]
    assert [r[:2] for r in table(lao, "areas").rows] == [["52010201", "หมู่ 1 บ้านสาม"], ["L5201021", "รวมเทศบาลตำบลทดสอบ"]]
    village = build(hand, "indicators", "52010101")  # H1–H3
    assert [t.key for t in village.tables] == ["indicators"]
    rows = _by_no(table(village, "indicators"))
    # #6: H1 P, H2 F, H3 P; #9: H1 3/1, H2 2/0 (H3 unanswered); #29: H1 F, H2 P, H3 F
    # the failing % is 100 − the passing % as printed (66.7): the pair adds up to 100.0
    assert rows[6][3:] == [3, 2, 66.67, 1, 33.3]
    assert rows[9][3:] == [5, 4, 80.0, 1, 20.0]
    assert rows[29][3:] == [3, 1, 33.33, 2, 66.7]
