"""รายงานประชากร on the hand-made province (tests/reports/conftest.py): values worked out by hand."""

from __future__ import annotations

import pytest

from desktop.models.errors import UserError
from desktop.reports import population
from desktop.reports.model import TOTAL
from tests.reports.conftest import build, column, rows_by, table


def test_province_overview_and_default_age_groups(hand):
    report = build(hand, "population", "52")
    assert (report.kind, report.title, report.level_name, report.survey_year) == ("population", "รายงานประชากร", "จังหวัด", 2567)
    assert report.area_path == [("52", "ลำปาง")]
    assert report.provisional is True and report.personal_data is False and report.as_corrected is False
    assert [t.key for t in report.tables] == ["overview", "age", "areas"]
    # 7 households (H7 has no members); males: H1 M40 M10, H2 M70, H3 M0, H5 M5 M101 = 6;
    # females: H1 F38, H2 F65, H3 F25, H4 F19 F60, H5 F50, H6 F13 = 7; 13 / 7 = 1.857…
    assert table(report, "overview").rows == [[7, 6, 7, 13, 1.86]]
    ages = table(report, "age")
    assert column(ages, "age_group") == ["0–5 ปี", "6–12 ปี", "13–18 ปี", "19–25 ปี", "26–49 ปี", "50–59 ปี",
                                         "60 ปีขึ้นไป", "รวม"]
    # 0–5: M0 M5 | 6–12: M10 | 13–18: F13 | 19–25: F25 F19 | 26–49: M40 F38 | 50–59: F50 | 60+: M70 M101 F65 F60
    assert column(ages, "male") == [2, 1, 0, 0, 1, 0, 2, 6]
    assert column(ages, "female") == [0, 0, 1, 2, 1, 1, 2, 7]
    assert column(ages, "persons") == [2, 1, 1, 2, 2, 1, 4, 13]
    # share of 13 persons: 2/13 = 15.385 %, 1/13 = 7.692 %, 4/13 = 30.769 %; rounded to 1 decimal so that they add
    # up to the 100.0 printed below them (largest remainder: 15.3+7.6+7.6+15.3+15.3+7.6+30.7 = 99.4, the 6 tenths
    # left go to the largest remainders, .923 ×3 then .846 ×3)
    assert column(ages, "persons_pct") == [15.4, 7.7, 7.7, 15.4, 15.4, 7.7, 30.7, 100.0]
    assert sum(column(ages, "persons_pct")[:-1]) == pytest.approx(100.0)
    assert ages.row_kinds[-1] == TOTAL


def test_province_lists_its_districts(hand):
    areas = table(build(hand, "population", "52"), "areas")
    rows = rows_by(areas)
    assert list(rows) == ["5201", "5202", "52"]
    assert areas.row_kinds[-1] == TOTAL and areas.row_keys[0] == {"area": "5201"}
    # 5201: H1–H5 = 5 households, 3+2+2+2+3 = 12 persons (M6 F6); 5202: H6 H7 = 2 households, 1 person (F13)
    assert rows["5201"] == {"code": "5201", "name": "เมืองลำปาง", "households": 5, "households_pct": 71.4,
                            "male": 6, "female": 6, "persons": 12, "persons_pct": 92.3, "avg_persons": 2.4}
    assert rows["5202"] == {"code": "5202", "name": "แม่เมาะ", "households": 2, "households_pct": 28.6,
                            "male": 0, "female": 1, "persons": 1, "persons_pct": 7.7, "avg_persons": 0.5}
    assert rows["52"]["name"] == "รวมจังหวัดลำปาง"
    assert [rows["52"][k] for k in ("households", "male", "female", "persons", "avg_persons")] == [7, 6, 7, 13, 1.86]


def test_district_lists_tambons(hand):
    rows = rows_by(table(build(hand, "population", "5201"), "areas"))
    # 520101: H1–H4, 4 households, 9 persons (M40 M10 M70 M0 | F38 F65 F25 F19 F60); 520102: H5, 3 persons (M5 M101 F50)
    assert [(c, r["households"], r["male"], r["female"], r["persons"], r["households_pct"], r["persons_pct"],
             r["avg_persons"]) for c, r in rows.items()] == [
        ("520101", 4, 4, 5, 9, 80.0, 75.0, 2.25),
        ("520102", 1, 2, 1, 3, 20.0, 25.0, 3.0),
        ("5201", 5, 6, 6, 12, 100.0, 100.0, 2.4),
    ]


def test_tambon_and_lao_list_villages_and_a_village_has_no_child_table(hand):
    tambon = rows_by(table(build(hand, "population", "520101"), "areas"))
    # 52010101: H1–H3, 3 households, 7 persons (M4 F3); 52010102: H4, 2 persons (F19 F60)
    assert [(c, r["name"], r["households"], r["male"], r["female"], r["avg_persons"]) for c, r in tambon.items()] == [
        ("52010101", "หมู่ 1 บ้านหนึ่ง", 3, 4, 3, 2.33), ("52010102", "หมู่ 2 บ้านสอง", 1, 0, 2, 2.0),
        ("520101", "รวมตำบลเวียงเหนือ", 4, 4, 5, 2.25)]
    lao = build(hand, "population", "L5201011")
    assert (lao.level_name, lao.area_code) == ("อปท.", "L5201011")
    assert lao.area_path == [("52", "ลำปาง"), ("5201", "เมืองลำปาง"), ("L5201011", "อบต.ทดสอบ")]
    assert table(lao, "areas").rows == table(build(hand, "population", "520101"), "areas").rows[:2] + [
        ["L5201011", "รวมอบต.ทดสอบ", 4, 100.0, 4, 5, 9, 100.0, 2.25]]
    village = build(hand, "population", "52010101")
    assert [t.key for t in village.tables] == ["overview", "age"]
    assert village.area_path[-1] == ("52010101", "หมู่ 1 บ้านหนึ่ง")
    assert table(village, "overview").rows == [[3, 4, 3, 7, 2.33]]


def test_configured_age_groups(hand):
    ages = table(build(hand, "population", "52", age_groups=[(0, 14), (15, 59), (60, None)]), "age")
    # 0–14: M0 M5 M10 F13 | 15–59: M40 F38 F25 F19 F50 | 60+: M70 M101 F65 F60
    assert [row[:4] for row in ages.rows] == [["0–14 ปี", 3, 1, 4], ["15–59 ปี", 1, 4, 5], ["60 ปีขึ้นไป", 2, 2, 4],
                                              ["รวม", 6, 7, 13]]
    partial = table(build(hand, "population", "52", age_groups=[(0, 17)]), "age")
    # 0–17: M0 M5 M10 F13; the other 9 persons (M3 F6) are shown as "อายุอื่น ๆ" so the total still holds
    assert [row[:4] for row in partial.rows] == [["0–17 ปี", 3, 1, 4], ["อายุอื่น ๆ", 3, 6, 9], ["รวม", 6, 7, 13]]
    assert population.parse_age_groups("0-5, 6-12,60-") == [(0, 5), (6, 12), (60, None)]
    assert population.parse_age_groups("60+") == [(60, None)]
    for bad in ("5", "a-b", "10-5", "0-100", ""):
        with pytest.raises(UserError):
            population.parse_age_groups(bad)


def test_areas_and_years_that_do_not_exist(hand):
    for area in ("99", "520", "L999", ""):
        with pytest.raises(UserError):
            build(hand, "population", area)
    with pytest.raises(UserError):
        build(hand, "population", "52", 2560)  # no such survey year in the store
    with pytest.raises(UserError):
        build(hand, "nonsense", "52")


def test_latest_year_is_the_default_and_as_corrected_is_accepted(two_years):
    from desktop.reports import builders

    with two_years.read() as conn:
        report = builders.build(conn, "population", "52", None, as_corrected=True)
    assert report.survey_year == 2567 and report.as_corrected is False
    assert any("การแก้ไข" in note for note in report.notes)
