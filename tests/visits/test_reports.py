"""Back-check sheets and the follow-up report: files written, sheets never carry the recorded answers."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.models import backcheck, backcheck_corrections
from desktop.reports import backcheck_sheets, files, followup_report
from tests.pdf_text import pdf_text
from tests.visits import helpers as H


def test_one_blank_sheet_per_household_with_its_code(store, tmp_path):
    visit = H.worked(store)
    with store.read() as conn:
        sheets = backcheck_sheets.sheets_for(conn, visit.visit_id)
    assert [s.household_id for s in sheets] == [H.hid(1), H.hid(2), H.hid(3)]
    out = backcheck_sheets.render_pdf(sheets, tmp_path / "sheets.pdf", thai_digits=False)
    text = pdf_text(out)
    assert text.count("\f") == 3  # one page each
    for s in sheets:
        assert s.code in text and s.house_code in text
    for s in sheets:
        text = text.replace(s.code, "").replace(s.house_code, "")
    for recorded in ("50000", "50,000", "100000", "10000", "5000"):  # incomes on the record: never printed
        assert recorded not in text.replace(" ", "")
    assert "3100600445635" not in text  # no ID numbers on paper


def test_sheets_need_a_sample(store, tmp_path):
    from desktop.models.errors import UserError

    H.load(store)
    with store.begin() as conn:
        visit = H.visit(conn)
        with pytest.raises(UserError, match="สุ่มตัวอย่าง"):
            backcheck_sheets.sheets_for(conn, visit.visit_id)


def test_followup_report_pdf_and_xlsx(store, tmp_path):
    visit = H.worked(store)
    with store.begin() as conn:
        answer = next(a for a in backcheck.answers_of(conn, visit.visit_id) if a.household_id == H.hid(1))
        backcheck_corrections.raise_correction(conn, answer.uuid)
    with store.read() as conn:
        report = followup_report.build(conn, H.YEAR, "52")
    keys = [t.key for t in report.tables]
    assert keys == ["overview", "areas", "indicators", "groups", "findings", "corrections", "kpi", "visits"]
    tables = {t.key: t for t in report.tables}
    overview = {row[0]: row[1:] for row in tables["overview"].rows}
    assert overview["ความเชื่อมั่นของข้อมูล"][1] == pytest.approx(80.77, abs=0.005)
    assert overview["ครัวเรือนตัวอย่าง"][0] >= overview["ครัวเรือนที่ตรวจสอบซ้ำแล้ว"][0] > 0
    assert len(tables["findings"].rows) == 5 and len(tables["corrections"].rows) == 2
    files.write(store, report, "pdf", tmp_path / "f.pdf")
    files.write(store, report, "xlsx", tmp_path / "f.xlsx")
    assert "80.8" in pdf_text(tmp_path / "f.pdf")
    book = openpyxl.load_workbook(tmp_path / "f.xlsx")
    assert len(book.sheetnames) == 8
    # counts and the confidence are numeric cells (a sum over districts works), the visit code is text
    cells = {r[0].value: r for r in book.worksheets[0].iter_rows() if r[0].value}
    assert cells["ครัวเรือนตัวอย่าง"][1].data_type == "n" and isinstance(cells["ครัวเรือนตัวอย่าง"][1].value, int)
    confidence = cells["ความเชื่อมั่นของข้อมูล"][2]
    assert confidence.data_type == "n" and confidence.value == pytest.approx(0.808) and confidence.number_format == "0.0%"
    visits = book.worksheets[-1]
    codes = [r[1].value for r in visits.iter_rows() if r[1].value and r[1].data_type == "s"]
    assert any(c.isascii() and any(ch.isdigit() for ch in c) for c in codes)
    with store.read() as conn:
        exports = conn.exec_driver_sql("SELECT count(*) FROM audit_entry WHERE action = 'report.export'").scalar()
    assert exports == 2  # the report lists households: each export is audited
