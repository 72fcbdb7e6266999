"""CSV and XLSX renderings of reports built on the hand-made province (tests/reports/conftest.py)."""

from __future__ import annotations

import csv

import openpyxl

from desktop.reports import tabular
from desktop.reports.model import Column, Report, ReportTable
from tests.reports.conftest import build


def test_csv_has_bom_title_lines_and_bare_numbers(hand, tmp_path):
    report = build(hand, "indicators", "5201")
    path = tmp_path / "indicators.csv"
    tabular.write_csv(report, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "รายงานผลตัวชี้วัด จปฐ."
    assert lines[1] == "อำเภอเมืองลำปาง จังหวัดลำปาง (รหัส 5201)"
    assert lines[2].startswith("ปีสำรวจ 2567")
    assert "ชุดตัวชี้วัดฉบับร่าง (ยังไม่ใช่ชุดตัวชี้วัดทางการ)" in lines  # the draft set is marked
    for tbl in report.tables:  # a title line, then the headings
        at = lines.index(tbl.title)
        assert lines[at + 1] == ",".join(tabular.header_labels(tbl))
    # indicator 29 in 5201: H1 F, H2 P, H3 F, H4 P, H5 P -> 5 surveyed, 3 passed (60 %), 2 failed (40 %)
    rows = list(csv.reader(lines))
    row29 = next(r for r in rows if r[:1] == ["29"])
    assert row29[2:] == ["ครัวเรือน", "5", "3", "60.0", "2", "40.0"]
    assert any(line.startswith("29,") and line.endswith(",ครัวเรือน,5,3,60.0,2,40.0") for line in lines)  # unquoted
    assert lines[-1] == report.source


def test_csv_escapes_formula_like_text(hand, tmp_path):
    path = tmp_path / "failing.csv"
    tabular.write_csv(build(hand, "failing-income", "52"), path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    heads = [r[5] for r in rows if len(r) > 5 and r[0].isdigit()]
    assert heads == ["'=HYPERLINK(\"http://x\")", "นายหนึ่ง ใจดี", "'@หก"]
    assert "ลับ — ข้อมูลส่วนบุคคล" in [r[0] for r in rows if r]


def test_xlsx_one_sheet_per_table_numbers_percentages_and_escaping(hand, tmp_path):
    report = build(hand, "indicators", "52")
    path = tmp_path / "indicators.xlsx"
    tabular.write_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    assert len(report.tables) == 2  # a sheet per table, then the pass-rate chart's sheet (charts.py)
    assert book.sheetnames[2:] == ["กราฟร้อยละผ่านเกณฑ์"]
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "รายงานผลตัวชี้วัด จปฐ."
    assert sheet["A2"].value == "จังหวัดลำปาง (รหัส 52)" and sheet["A3"].value.startswith("ปีสำรวจ 2567")
    row29 = next(r for r in sheet.iter_rows() if r[0].value == 29)
    # province #29: 6 surveyed, 3 passed (50 %), 3 failed (50 %)
    assert [c.value for c in row29[3:]] == [6, 3, 0.5, 3, 0.5]
    assert all(c.data_type == "n" for c in row29[3:])
    assert row29[5].number_format == "0.0%" and row29[3].number_format == "#,##0"  # as on paper
    assert sheet.freeze_panes is not None
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width  # the wording is wide

    failing = tmp_path / "failing.xlsx"
    tabular.write_xlsx(build(hand, "failing-income", "52"), failing)
    sheet = openpyxl.load_workbook(failing).worksheets[0]
    data = [r for r in sheet.iter_rows() if isinstance(r[0].value, int)]
    assert [r[5].value for r in data] == ["'=HYPERLINK(\"http://x\")", "นายหนึ่ง ใจดี", "'@หก"]
    assert all(r[5].data_type == "s" for r in data)  # text, not a formula
    # H3: 2 members, 40,000 income, 20,000 per person, 40,000 short
    assert [c.value for c in data[0][6:]] == [2, 40_000, 20_000, 40_000]
    assert data[0][7].number_format == "#,##0"


def test_sheet_names_are_short_unique_and_legal(tmp_path):
    tables = [ReportTable("ตาราง/ที่:หนึ่ง [ยาวมาก] " * 3, [Column("a", "ก")]) for _ in range(3)]
    for t in tables:
        t.add(["=1+1"])
    report = Report("population", "ทดสอบ", "test", "52", [("52", "ลำปาง")], "จังหวัด", 2567, "2566-2570", "ชุด", False,
                    False, tables)
    path = tmp_path / "names.xlsx"
    tabular.write_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    assert len(set(book.sheetnames)) == 3
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in book.sheetnames)
    assert book.worksheets[0].cell(6, 1).value == "'=1+1"
