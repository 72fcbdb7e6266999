"""Rounding once (desktop/reports/numbers.py) and what every spreadsheet file does with text and numbers."""

from __future__ import annotations

import csv
from decimal import Decimal
from fractions import Fraction

import openpyxl
import pandas as pd

from desktop.reports import numbers, tabular
from desktop.reports.model import MONEY, PCT, TEXT, Column, Report, ReportTable


def test_rounded_once_from_the_exact_value():
    # 87.4449…: rounding to 2 decimals first (87.45) and then to 1 printed 87.5 (issue 18, district 5201 #15)
    assert numbers.text(Fraction(874449, 10000), PCT) == "87.4"
    assert numbers.text(Fraction(8745, 100), PCT) == "87.5"  # a true tie goes away from zero
    assert numbers.text(Fraction(332271, 2), MONEY) == "166,136" and numbers.text(Fraction(332269, 2), MONEY) == "166,135"
    assert numbers.text(Fraction(-5, 2), MONEY) == "-3"
    assert numbers.shown(None, PCT) is None and numbers.text(7, "int") == "7"


def test_shares_add_up_to_100_and_the_pair_too():
    assert numbers.shares([1, 1, 1]) == [Decimal("33.4"), Decimal("33.3"), Decimal("33.3")]
    for parts in ([2, 1, 1, 2, 2, 1, 4], [17, 3, 980], [1, 0, 0], list(range(1, 40))):
        assert sum(numbers.shares(parts)) == 100
    assert numbers.shares([0, 0]) == [None, None]
    passing = Fraction(87449, 1000)  # 87.449 % passing, 12.551 % failing: printed 87.4 and 12.6 (not 12.6 + 87.5)
    assert numbers.text(passing, PCT) == "87.4" and numbers.text(numbers.complement(passing), PCT) == "12.6"
    assert numbers.complement(None) is None


def test_a_value_is_never_printed_on_the_wrong_side_of_its_threshold():
    just_under = Fraction(79_999, 2)  # 39,999.50 baht per person fails 40,000
    assert numbers.text(numbers.against_threshold(just_under, 40_000), MONEY) == "39,999.50"
    assert numbers.text(numbers.against_threshold(Fraction(39_999_996, 1000), 40_000), MONEY) == "39,999.99"
    assert numbers.against_threshold(Fraction(30_001, 1), 40_000) == 30_001  # no conflict: exact, rounded when shown
    assert numbers.text(numbers.against_threshold(Fraction(40_000, 1), 40_000), MONEY) == "40,000"
    assert numbers.text(numbers.against_threshold(94.96, 95, PCT), PCT) == "94.96"  # KPI: never "95.0" while failing


def _report(rows) -> Report:
    table = ReportTable("รายชื่อ", [Column("house_no", "บ้านเลขที่", TEXT), Column("head", "หัวหน้า", TEXT),
                                    Column("pct", "ร้อยละ", PCT), Column("pp", "ต่อคน", MONEY)])
    for row in rows:
        table.add(row)
    return Report("failing-income", "รายงาน", "report", "52", [("52", "ลำปาง")], "จังหวัด", 2567, "2566-2570",
                  "ชุด", False, True, [table])


ROWS = [["1/1", "=SUM(A1:A2)", Fraction(2, 3) * 100, Fraction(79_999, 2)],
        ["12-3", "+66 81", Decimal("12.6"), numbers.against_threshold(Fraction(79_999, 2), 40_000)],
        ["007", "@หก", None, 5], ["12", "นายหนึ่ง ใจดี", Fraction(100), Fraction(1, 2)]]


def test_csv_text_is_never_a_formula_a_date_or_a_number(tmp_path):
    path = tmp_path / "r.csv"
    tabular.write_csv(_report(ROWS), path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    data = [r for r in rows if len(r) == 4 and r[0] != "บ้านเลขที่"]
    # house numbers a spreadsheet would turn into dates or numbers keep a leading quote, formulas too
    assert [r[0] for r in data] == ["'1/1", "'12-3", "'007", "12"]
    assert [r[1] for r in data] == ["'=SUM(A1:A2)", "'+66 81", "'@หก", "นายหนึ่ง ใจดี"]
    # numbers as printed: rounded once, to the places the paper shows
    assert [r[2] for r in data] == ["66.7", "12.6", "", "100.0"] and [r[3] for r in data] == ["40000", "39999.50", "5", "1"]
    frame = pd.read_csv(path, header=None, names=range(4), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert {"'1/1", "'12-3", "'007"} <= set(frame[0])  # text, never a date


def test_xlsx_text_cells_stay_text_and_numbers_numbers(tmp_path):
    path = tmp_path / "r.xlsx"
    tabular.write_xlsx(_report(ROWS), path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    data = [r for r in sheet.iter_rows() if r[0].value in ("1/1", "12-3", "007", "12")]
    assert [r[0].data_type for r in data] == ["s"] * 4  # "1/1" is a text cell: no quote needed, never a date
    assert [r[1].value for r in data] == ["'=SUM(A1:A2)", "'+66 81", "'@หก", "นายหนึ่ง ใจดี"]
    assert all(r[1].data_type == "s" for r in data)
    assert [r[2].value for r in data] == [0.667, 0.126, None, 1.0]
    assert [r[3].value for r in data] == [40000, 39999.5, 5, 1]
    assert data[1][3].number_format == "#,##0.00" and data[0][3].number_format == "#,##0"
    frame = pd.read_excel(path, engine="calamine", header=None, dtype=object)
    assert "1/1" in set(frame[0])
