"""The households failing the income indicator, on the hand-made province (tests/reports/conftest.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.models.errors import UserError
from desktop.models.schema import household_id
from desktop.reports.model import TOTAL
from tests.reports.conftest import build, house_code, load, table


def test_district_list_in_village_and_natural_house_order(hand):
    report = build(hand, "failing-income", "5201")
    assert report.personal_data is True and report.kind == "failing-income"
    assert report.title.startswith("รายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์ตัวชี้วัดที่ 29")
    households = table(report, "households")
    shortfall = households.columns[-1]
    assert shortfall.key == "shortfall" and "40,000 × สมาชิก − รายได้รวม" in shortfall.label
    # failing in 5201: H1 (house 12: 110,000 for 3 persons) and H3 (house 3/1: 40,000 for 2 persons), both in
    # village 52010101; natural order puts 3/1 before 12. Shortfall = 40,000 × members − income:
    # H3 80,000 − 40,000 = 40,000; H1 120,000 − 110,000 = 10,000
    assert households.rows == [
        [1, "3/1", house_code(3, "52010101"), "หมู่ 1 บ้านหนึ่ง", "เวียงเหนือ", "=HYPERLINK(\"http://x\")", 2, 40_000,
         20_000.0, 40_000],
        [2, "12", house_code(1, "52010101"), "หมู่ 1 บ้านหนึ่ง", "เวียงเหนือ", "นายหนึ่ง ใจดี", 3, 110_000, 36_666.67,
         10_000],
        [None, None, None, None, None, "รวม 2 ครัวเรือน", 5, 150_000, 30_000.0, 50_000],
    ]
    assert households.row_kinds == ["data", "data", TOTAL]
    assert households.row_keys[0] == {"area": "52010101", "household": household_id(2567, house_code(3, "52010101"))}


def test_province_adds_the_other_district_and_lao_level(hand):
    rows = table(build(hand, "failing-income", "52"), "households").rows
    # + H6 (village 52020101, house 7, one member, no income): shortfall 40,000
    assert [r[1] for r in rows[:-1]] == ["3/1", "12", "7"]
    assert rows[2][6:] == [1, 0, 0.0, 40_000]
    assert rows[-1][5:] == ["รวม 3 ครัวเรือน", 6, 150_000, 25_000.0, 90_000]
    lao = table(build(hand, "failing-income", "L5201011"), "households").rows
    assert [r[1] for r in lao[:-1]] == ["3/1", "12"]
    empty = build(hand, "failing-income", "52010102")  # H4 passes
    assert table(empty, "households").rows == [[None, None, None, None, None, "รวม 0 ครัวเรือน", 0, 0, None, 0]]
    assert any("ไม่มีครัวเรือน" in n for n in empty.notes)


def test_2560_2564_set_uses_indicator_22_and_38000(store):
    # one household of 2 persons with 75,999 in survey year 2562: 38,000 × 2 − 75,999 = 1 short
    load(store, 2562, [(1, "52010101", "4", "นายทดสอบ", (75_999, 0, 0, 0), (0, 0, 0, 0), {}, [("M", 40), ("F", 40)])])
    report = build(store, "failing-income", "52", 2562)
    assert "ตัวชี้วัดที่ 22" in report.title and report.provisional is False
    assert report.tables[0].rows[0][6:] == [2, 75_999, 37_999.5, 1]


def test_a_set_without_income_indicator_is_refused(hand, monkeypatch):
    from dataclasses import replace

    from desktop.models import surveys

    real = surveys.get

    def without_income(conn, year):
        survey = real(conn, year)
        ind_set = survey.indicator_set
        kept = tuple(i for i in ind_set.indicators if i.rule != "income")
        return replace(survey, indicator_set=replace(ind_set, indicators=kept))

    monkeypatch.setattr(surveys, "get", without_income)
    with pytest.raises(UserError):
        build(hand, "failing-income", "52")


def test_summary_copy_holds_the_failing_households_and_matches_the_rows(hand):
    with hand.read() as conn:
        held = conn.execute(text("SELECT village, house_no, members, income FROM report_income_failing"
                                 " ORDER BY village, house_sort")).all()
    # H3 (3/1) and H1 (12) in 52010101, H6 (7) in 52020101; H7 has no members, so no result
    assert [tuple(r) for r in held] == [(52010101, "3/1", 2, 40_000), (52010101, "12", 3, 110_000), (52020101, "7", 1, 0)]
    for area in ("52", "5201", "L5201011", "52020101"):
        assert build(hand, "failing-income", area).tables[0].rows == \
            build(hand, "failing-income", area, from_rows=True).tables[0].rows
