"""Last year beside this year, against two survey years worked out by hand (tests/reports/conftest.py has 2567).

Survey year 2566 (same indicator set 2566–2570), district 5201:
    village 52010101  H1' house 12  M39 F37  income 60,000 main   expense 40,000 necessary  #6 = 0 (fail) #9 = 1
    village 52010201  H2' house 5   M49      income 90,000 main   expense 30,000 necessary  #6 = 1 (pass) #9 = 0
    -> 2 households, 3 members, income 150,000, expense 70,000
2567 (conftest): 5201 = H1–H5: 5 households, 12 members, income 600,000, expense 372,000.
"""

from __future__ import annotations

import pytest

from desktop.reports import yoy
from tests.reports.conftest import build, load, rows_by, table

YEAR_BEFORE = 2566
BEFORE = [
    (1, "52010101", "12", "นายหนึ่ง ใจดี", (60_000, 0, 0, 0), (0, 40_000, 0, 0), {"6": "0", "9": "1"},
     [("M", 39), ("F", 37)]),
    (5, "52010201", "5", "นายห้า ใจดี", (90_000, 0, 0, 0), (0, 30_000, 0, 0), {"6": "1", "9": "0"}, [("M", 49)]),
]


@pytest.fixture
def years(hand):
    load(hand, YEAR_BEFORE, BEFORE)
    return hand


def counts(report) -> dict:
    return {name: row[1:] for name, row in ((r[0], r) for r in table(report, "yoy_counts").rows)}


def test_population_households_and_members(years):
    rows = counts(build(years, "population", "5201"))
    # households 5 vs 2: +3 (+150 %); members 12 vs 3: +9 (+300 %)
    assert rows["ครัวเรือน"] == [5, 2, 3, 150.0, "▲ เพิ่มขึ้น"]
    assert rows["สมาชิก (คน)"] == [12, 3, 9, 300.0, "▲ เพิ่มขึ้น"]


def test_income_and_expense(years):
    report = build(years, "income", "5201")
    money = {r[0]: r[1:] for r in table(report, "yoy_money").rows}
    # income per household 600,000 / 5 = 120,000 vs 150,000 / 2 = 75,000: +45,000 (+60 %), better
    assert money["รายได้เฉลี่ยต่อครัวเรือน"] == [120_000.0, 75_000.0, 45_000.0, 60.0, "▲ ดีขึ้น"]
    # per person 600,000 / 12 = 50,000 vs 150,000 / 3 = 50,000: the same
    assert money["รายได้เฉลี่ยต่อคน"] == [50_000.0, 50_000.0, 0.0, 0.0, "= เท่าเดิม"]
    # expense per household 372,000 / 5 = 74,400 vs 70,000 / 2 = 35,000: +39,400 (+112.57 %), neutral
    assert money["รายจ่ายเฉลี่ยต่อครัวเรือน"] == [74_400.0, 35_000.0, 39_400.0, 112.57, "▲ เพิ่มขึ้น"]
    # per person 31,000 vs 70,000 / 3 = 23,333.33: +7,666.67 (+32.86 %)
    assert money["รายจ่ายเฉลี่ยต่อคน"] == [31_000.0, 23_333.33, 7_666.67, 32.86, "▲ เพิ่มขึ้น"]


def test_pass_rate_per_indicator_within_the_same_set(years):
    report = build(years, "indicators", "5201")
    rows = rows_by(table(report, "yoy_indicators"), "no")
    # #6 (households): 2567 H1 P, H2 F, H3 P, H4 P -> 3/4 = 75 %; 2566 H1' F, H2' P -> 50 %: +25 points
    assert [rows[6][k] for k in ("this", "before", "change", "direction")] == [75.0, 50.0, 25.0, "▲ ดีขึ้น"]
    # #9 (persons 6+): 2567 H1 3/1, H2 2/0, H4 2/1, H5 2/0 -> 7 of 9 pass = 77.78 %;
    # 2566 H1' 2/1, H2' 1/0 -> 2 of 3 = 66.67 %: +11.11 points
    assert [rows[9][k] for k in ("this", "before", "change", "direction")] == [77.78, 66.67, 11.11, "▲ ดีขึ้น"]
    # #32 (elderly cared for): nobody answered in 2566 -> no rate, nothing to compare
    assert rows[32]["before"] is None and rows[32]["change"] is None and rows[32]["direction"] == ""
    assert counts(report)["ครัวเรือน"][:2] == [5, 2]


def test_failing_income_count(years):
    rows = counts(build(years, "failing-income", "5201"))
    # #29 (40,000 per person): 2567 H1 and H3 fail -> 2; 2566 H1' 60,000 / 2 = 30,000 fails, H2' 90,000 passes -> 1
    assert rows["ครัวเรือนไม่ผ่านเกณฑ์ตัวชี้วัดที่ 29 (รายได้)"] == [2, 1, 1, 100.0, "▲ แย่ลง"]


def test_summary_and_full_recomputation_agree(years):
    fast = build(years, "indicators", "5201")
    slow = build(years, "indicators", "5201", from_rows=True)
    assert table(fast, "yoy_indicators").rows == table(slow, "yoy_indicators").rows


def test_different_indicator_sets_are_not_compared(hand):
    load(hand, 2564, [(1, "52010101", "12", "นายหนึ่ง ใจดี", (60_000, 0, 0, 0), (0, 40_000, 0, 0), {},
                       [("M", 39), ("F", 37)])])
    report = build(hand, "indicators", "5201")
    assert "yoy_indicators" not in [t.key for t in report.tables]
    assert any("2560-2564" in note and "เปรียบเทียบผลรายตัวชี้วัดไม่ได้" in note for note in report.notes)
    assert counts(report)["ครัวเรือน"] == [5, 1, 4, 400.0, "▲ เพิ่มขึ้น"]  # households still compared
    failing = build(hand, "failing-income", "5201")
    assert len(counts(failing)) == 2  # no failing-count row across sets


def test_no_earlier_year_no_comparison(hand):
    assert not [t for t in build(hand, "population", "5201").tables if t.key.startswith("yoy")]


@pytest.mark.parametrize("change, better, text", [
    (2.0, yoy.BETTER_UP, "▲ ดีขึ้น"), (-2.0, yoy.BETTER_UP, "▼ แย่ลง"), (-1, yoy.BETTER_DOWN, "▼ ดีขึ้น"),
    (0.001, yoy.NEUTRAL, "= เท่าเดิม"), (None, yoy.NEUTRAL, ""), (5, yoy.NEUTRAL, "▲ เพิ่มขึ้น")])
def test_direction_reads_without_colour(change, better, text):
    assert yoy.direction(change, better) == text
