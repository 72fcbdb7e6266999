"""รายงานรายได้/รายจ่ายเฉลี่ย on the hand-made province (tests/reports/conftest.py)."""

from __future__ import annotations

from desktop.reports.model import TOTAL
from tests.reports.conftest import build, rows_by, table


def test_district_averages_per_household_and_per_person(hand):
    report = build(hand, "income", "5201")
    assert report.title == "รายงานรายได้และรายจ่ายเฉลี่ย" and [t.key for t in report.tables] == ["summary", "areas"]
    summary = table(report, "summary")
    assert [c.key for c in summary.columns] == ["item", "per_household", "per_person"]  # no earlier year stored
    # 5201 = H1–H5: 5 households, 12 persons
    # income: main 90,000 + 100,000 + 30,000 + 200,000 + 150,000 = 570,000; second 10,000; other 5,000 + 10,000 =
    # 15,000; produce 5,000; total 600,000 -> 120,000 per household, 50,000 per person
    # expense: production 20,000; necessary 50,000 + 60,000 + 30,000 + 100,000 + 90,000 = 330,000; unnecessary
    # 5,000 + 2,000 = 7,000; debt 5,000 + 10,000 = 15,000; total 372,000 -> 74,400 / household, 31,000 / person
    assert summary.rows == [
        ["รายได้จากอาชีพหลัก", 114_000.0, 47_500.0],
        ["รายได้จากอาชีพรอง", 2_000.0, 833.33],
        ["รายได้อื่น ๆ", 3_000.0, 1_250.0],
        ["มูลค่าผลผลิตที่ผลิตเพื่อบริโภคเอง", 1_000.0, 416.67],
        ["รายได้เฉลี่ย", 120_000.0, 50_000.0],
        ["รายจ่ายเพื่อการผลิต", 4_000.0, 1_666.67],
        ["รายจ่ายเพื่อการบริโภคที่จำเป็น", 66_000.0, 27_500.0],
        ["รายจ่ายเพื่อการบริโภคที่ไม่จำเป็น", 1_400.0, 583.33],
        ["รายจ่ายชำระหนี้สิน", 3_000.0, 1_250.0],
        ["รายจ่ายเฉลี่ย", 74_400.0, 31_000.0],
        ["คงเหลือ (รายได้ − รายจ่าย)", 45_600.0, 19_000.0],
    ]
    assert summary.row_kinds.count(TOTAL) == 3


def test_child_areas(hand):
    rows = rows_by(table(build(hand, "income", "5201"), "areas"))
    # 520101 = H1–H4: 4 households, 9 persons, income 450,000, expense 272,000
    #   -> per household 112,500 / 68,000 / 44,500; per person 50,000 / 30,222.22 / 19,777.78
    # 520102 = H5: 1 household, 3 persons, income 150,000, expense 100,000
    #   -> per household 150,000 / 100,000 / 50,000; per person 50,000 / 33,333.33 / 16,666.67
    assert [list(r.values())[2:] for r in rows.values()] == [
        [4, 9, 112_500.0, 68_000.0, 44_500.0, 50_000.0, 30_222.22, 19_777.78],
        [1, 3, 150_000.0, 100_000.0, 50_000.0, 50_000.0, 33_333.33, 16_666.67],
        [5, 12, 120_000.0, 74_400.0, 45_600.0, 50_000.0, 31_000.0, 19_000.0],
    ]


def test_household_without_members_counts_per_household_only(hand):
    rows = rows_by(table(build(hand, "income", "5202"), "areas"))
    # 520201 = H6 (1 person, no income) and H7 (no members, other income 5,000): 2 households, 1 person
    assert list(rows["520201"].values())[2:] == [2, 1, 2_500.0, 0.0, 2_500.0, 5_000.0, 0.0, 5_000.0]


def test_previous_year_beside_it(two_years):
    report = build(two_years, "income", "5201")
    summary = table(report, "summary")
    assert [c.key for c in summary.columns] == ["item", "per_household", "per_person", "per_household_prev",
                                                "per_person_prev"]
    assert summary.columns[3].group == "ปี 2566"
    # 2566: one household (village 52010101), 2 persons, income 60,000 main, expense 40,000 necessary
    assert summary.rows[4] == ["รายได้เฉลี่ย", 120_000.0, 50_000.0, 60_000.0, 30_000.0]
    assert summary.rows[-1] == ["คงเหลือ (รายได้ − รายจ่าย)", 45_600.0, 19_000.0, 20_000.0, 10_000.0]
    areas = table(report, "areas")
    prev = ["households_prev", "persons_prev", "person_income_prev", "person_income_change"]
    # 520101 now 50,000 per person, then 30,000: +66.67 %; 520102 had no households in 2566
    assert [[r[k] for k in prev] for r in rows_by(areas).values()] == [
        [1, 2, 30_000.0, 66.67], [None, None, None, None], [1, 2, 30_000.0, 66.67]]
    assert any("2566" in note for note in report.notes)
    earlier = build(two_years, "income", "5201", 2566)  # nothing before 2566: no comparison columns
    assert [c.key for c in earlier.tables[0].columns] == ["item", "per_household", "per_person"]
