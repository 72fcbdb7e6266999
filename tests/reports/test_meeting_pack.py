"""The meeting pack: contents, page count and bookmarks of its PDF, figures equal to the single reports, the
attendance sheet, the XLSX and the command line (hand-made province of tests/reports/conftest.py, and a
small demo district)."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest
from pypdf import PdfReader

import main
from desktop.models import areas, roster
from desktop.models.errors import UserError
from desktop.reports import builders, meeting_pack, pack_pdf, pack_xlsx, pdf
from desktop.reports.model import KINDS
from tests.reports.conftest import YEAR
from tests.reports.test_charts import plain

MEETING = meeting_pack.Meeting("การประชุมทดสอบ", dt.date(2024, 7, 15), "ห้องประชุมอำเภอ")
WORKING_GROUP = [("นายประธาน ทดสอบ", "นายอำเภอ", roster.CHAIR), ("นางสมาชิก หนึ่ง", "พัฒนาการอำเภอ", roster.MEMBER),
                 ("นายเลขา สอง", "นักวิชาการพัฒนาชุมชน", roster.SECRETARY)]


def with_roster(store, area="5201"):
    with store.begin() as conn:
        for name, position, role in WORKING_GROUP:
            roster.set_member(conn, roster.DISTRICT, area, name, position, role)


def build_pack(store, area="5201", **kw):
    with store.read() as conn:
        return meeting_pack.build(conn, area, YEAR, meeting=MEETING, **kw)


def test_district_pack_has_the_area_then_its_tambons_and_laos(hand):
    pack = build_pack(hand)
    # 5201: tambons 520101 (H1–H4), 520102 (H5); อปท. เทศบาลตำบลทดสอบ (ท) before อบต.ทดสอบ (อ) in Thai order
    assert [(s.code, s.group) for s in pack.sections] == [
        ("5201", ""), ("520101", "ตำบล"), ("520102", "ตำบล"), ("L5201021", "อปท."), ("L5201011", "อปท.")]
    assert all(list(s.reports) == list(KINDS) for s in pack.sections)
    assert pack.personal_data  # the failing-income lists
    assert not any("failing-income" in s.reports for s in build_pack(hand, lists=False).sections)


def test_figures_equal_the_single_reports(hand):
    pack = build_pack(hand)
    with hand.read() as conn:
        for section, kind, report in pack.reports():
            single = builders.build(conn, kind, section.code, YEAR)
            assert [t.rows for t in report.tables] == [t.rows for t in single.tables], (section.code, kind)
    rows = {r.code: r for r in pack.summary}
    # 5201: 5 households, 12 members; #29 failing: H1 and H3 (and the list has the same two)
    assert (rows["5201"].households, rows["5201"].members, rows["5201"].failing_income) == (5, 12, 2)
    assert (rows["L5201021"].households, rows["L5201021"].members, rows["L5201021"].failing_income) == (1, 3, 0)
    for section in pack.sections:
        listed = section.reports["failing-income"].tables[0]
        assert rows[section.code].failing_income == len(listed.rows) - 1  # the list's rows, without its total


def test_summary_status_comes_from_the_caller(hand):
    pack = build_pack(hand, status_of=lambda conn, code, year: f"สถานะ {code}")
    assert [r.status for r in pack.summary] == [f"สถานะ {s.code}" for s in pack.sections]
    assert meeting_pack.status_text(None) == "ยังไม่รับรอง"


def test_pdf_pages_and_bookmarks(hand, tmp_path):
    with_roster(hand)
    pack = build_pack(hand)
    path = pack_pdf.render(pack, tmp_path / "pack.pdf")
    reader = PdfReader(path)
    # cover, 1 page of contents, 1 summary page, each report as many pages as its own PDF, 1 attendance page
    singles = []
    for section, kind, report in pack.reports():
        single = PdfReader(pdf.render(report, tmp_path / f"{section.code}-{kind}.pdf"))
        singles.append(len(single.pages))
    assert len(reader.pages) == 1 + 1 + 1 + sum(singles) + 1
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["ปก", "สารบัญ", "สรุปภาพรวม", "อำเภอเมืองลำปาง", "รายงานรายตำบล", "รายงานรายอปท.",
                      "ใบลงชื่อผู้เข้าประชุม"]
    tambons = outline[outline.index(next(i for i in outline if getattr(i, "title", "") == "รายงานรายตำบล")) + 1]
    assert [i.title for i in tambons if not isinstance(i, list)] == ["ตำบลเวียงเหนือ", "ตำบลหัวเวียง"]
    # every report bookmark points at the page its report starts on
    starts, page = [], 3
    for count in singles:
        starts.append(page)
        page += count
    report_marks = [reader.get_destination_page_number(i) for i in _leaves(outline) if i.title in
                    {r.title for _s, _k, r in pack.reports()}]
    assert report_marks == starts
    assert reader.get_destination_page_number(outline[-1]) == len(reader.pages) - 1
    attendance = plain(reader.pages[-1].extract_text())
    for name, _position, _role in WORKING_GROUP:
        assert plain(name) in attendance
    assert plain("ลายมือชื่อ") in attendance
    cover = plain(reader.pages[0].extract_text())
    assert plain("15 กรกฎาคม 2567") in cover and plain("ห้องประชุมอำเภอ") in cover  # the date in พ.ศ.


def _leaves(items):
    for item in items:
        if isinstance(item, list):
            yield from _leaves(item)
        else:
            yield item


def test_xlsx_has_a_sheet_per_report_and_the_attendance_sheet(hand, tmp_path):
    with_roster(hand)
    pack = build_pack(hand)
    book = openpyxl.load_workbook(pack_xlsx.write_xlsx(pack, tmp_path / "pack.xlsx"))
    assert book.sheetnames[0] == "สรุปภาพรวม" and book.sheetnames[-1] == "ใบลงชื่อ"
    assert book.sheetnames[1:-1] == [pack_xlsx.sheet_name(s.code, k) for s, k, _r in pack.reports()]
    sheet = book[pack_xlsx.sheet_name("5201", "indicators")]
    (chart,) = sheet._charts
    first_category = chart.series[0].cat.strRef.f if chart.series[0].cat.strRef else chart.series[0].cat.numRef.f
    row = int(re.search(r"\$A\$(\d+):", first_category).group(1))
    assert sheet.cell(row, 1).value == "1"  # the chart reads the rates written for it
    names = [r[1] for r in book["ใบลงชื่อ"].iter_rows(min_row=5, values_only=True) if r[1]]
    assert names == [name for name, _p, _r in WORKING_GROUP]
    summary = {r[0]: r for r in book["สรุปภาพรวม"].iter_rows(values_only=True) if r and r[0]}
    assert summary["อำเภอเมืองลำปาง"][1:3] == (5, 12)


def test_cli_pack_writes_pdf_and_xlsx_and_audits(hand, db_path, env_passphrase, tmp_path, capsys):
    out, xlsx = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    assert main.main(["pack", "--area", "5201", "--year", "2567", "--out", str(out), "--xlsx", str(xlsx),
                      "--date", "2024-07-15", "--place", "ที่ว่าการอำเภอ", "--db", str(db_path)]) == 0
    assert len(PdfReader(out).pages) > 20 and openpyxl.load_workbook(xlsx).sheetnames[0] == "สรุปภาพรวม"
    assert "ข้อมูลส่วนบุคคล" in capsys.readouterr().out
    assert not list(tmp_path.glob(".*part*"))
    assert main.main(["pack", "--area", "5201", "--out", str(tmp_path / "p.pdf"), "--date", "15/7/2567",
                      "--db", str(db_path)]) == 1
    assert "วันที่ประชุม" in capsys.readouterr().err
    assert main.main(["pack", "--area", "5201", "--out", str(tmp_path / "p.xlsx"), "--db", str(db_path)]) == 1
    assert main.main(["pack", "--area", "9999", "--out", str(tmp_path / "p.pdf"), "--db", str(db_path)]) == 1
    assert not (tmp_path / "p.pdf").exists()


def test_unknown_area_is_a_user_error(hand):
    with pytest.raises(UserError):
        build_pack(hand, "5299")


@pytest.fixture(scope="module")
def demo_district(tmp_path_factory):
    from desktop.importers import demo
    from desktop.models import db
    from tests.conftest import PASSPHRASE

    store = db.open_store(tmp_path_factory.mktemp("pack") / "demo.db", PASSPHRASE, create=True)
    demo.generate(store, households=300, districts=1)
    with_roster(store)
    yield store
    store.close()


def test_demo_district_every_child_area_present(demo_district):
    pack = build_pack(demo_district, lists=False)
    with demo_district.read() as conn:
        tambons = {n.code for n in areas.tree(conn, YEAR) if n.parent == "5201"}
        laos = {lao.code for lao in areas.laos_within(conn, "5201")}
    assert {s.code for s in pack.sections if s.group == "ตำบล"} == tambons
    assert {s.code for s in pack.sections if s.group == "อปท."} == laos
    assert [m.name for m in pack.roster] == [name for name, _p, _r in WORKING_GROUP]
    total = pack.summary[0]
    assert total.households == sum(r.households for r in pack.summary if r.group == "ตำบล")
    assert total.households == sum(r.households for r in pack.summary if r.group == "อปท.")
