"""Back-check sheets (แบบตรวจสอบข้อมูลซ้ำ): one A4 page per sampled household of a visit.

The items to re-ask are printed blank — never the recorded answers — with a QR code and a short code naming
the visit and the household, so the entry form opens the right household when the code is typed or scanned.
The household is named on paper by village, house number, house code and head's name; no ID numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text

from desktop.models import areas, backcheck, backcheck_items, dates, surveys, visits
from desktop.models import monitoring_settings as ms
from desktop.models.errors import UserError
from desktop.models.monitoring_messages import msg

SECRET = "ลับ — ข้อมูลส่วนบุคคล"
TITLE = "แบบตรวจสอบข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ซ้ำ"
MIN_MEMBER_ROWS = 8  # blank member rows; more only when the record has more members


@dataclass(frozen=True)
class Sheet:
    code: str  # short code: visit + house code
    household_id: int
    village_name: str
    area_line: str  # tambon, district, province
    house_no: str
    house_code: str
    head_name: str
    member_rows: int
    items: list[backcheck_items.Item]
    visit_line: str
    survey_year: int


def sheets_for(conn: Connection, visit_id: str) -> list[Sheet]:
    visit = visits.get(conn, visit_id)
    sample = backcheck.current_sample(conn, visit_id) if visit else None
    if sample is None:
        raise UserError(msg("mon_sheets_no_sample"))
    survey = surveys.get(conn, visit.survey_year)
    settings = ms.load(conn)
    items = backcheck_items.sheet_items(survey, settings)
    visit_line = (f"การติดตามระดับ{visits.LEVEL_LABELS[visit.level]} วันที่ "
                  f"{dates.thai_date(dt.date.fromisoformat(visit.visit_date))}")
    out = []
    for village in sorted(sample.households):
        path = areas.name_path(conn, village)
        names = {len(c): n for c, n in path}
        area_line = f"ตำบล{names.get(6, '')} อำเภอ{names.get(4, '')} จังหวัด{names.get(2, '')}"
        for hid in sample.households[village]:
            row = conn.execute(text("SELECT house_no, house_code, head_name, (SELECT count(*) FROM member m"
                                    " WHERE m.household_id = h.id) AS n FROM household h WHERE h.id = :id"),
                               {"id": hid}).first()
            if row is None:
                continue  # no longer in the store (a later import removed it)
            out.append(Sheet(backcheck.short_code(visit, row.house_code), hid, names.get(8, village), area_line,
                             row.house_no, row.house_code, row.head_name, max(MIN_MEMBER_ROWS, row.n), items,
                             visit_line, visit.survey_year))
    return out


def _qr(code: str, size: float):
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(backcheck.QR_PREFIX + code)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _page(sheet: Sheet, d, styles) -> list:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle

    from desktop.reports.thai_text import FONT, FONT_BOLD, ThaiText

    def t(value, bold=False, size=11, align="LEFT"):
        return ThaiText(value, font=FONT_BOLD if bold else FONT, size=size, align=align)

    ident = Table([
        [t(TITLE, True, 15), _qr(sheet.code, 26 * mm)],
        [t(d(f"ปี พ.ศ. {sheet.survey_year} · {sheet.visit_line}"), size=10), ""],
        [t(d(f"หมู่บ้าน {sheet.village_name}  {sheet.area_line}")), t(sheet.code, True, 8, "CENTER")],
        [t(d(f"บ้านเลขที่ {sheet.house_no}   รหัสบ้าน {sheet.house_code}   หัวหน้าครัวเรือน {sheet.head_name}"), True),
         ""],
    ], colWidths=[144 * mm, 36 * mm])
    ident.setStyle(TableStyle([("SPAN", (1, 0), (1, 1)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOX", (0, 0), (-1, -1), 0.6, colors.black), ("ALIGN", (1, 0), (1, -1), "CENTER")]))
    story = [ident, Spacer(1, 3 * mm),
             t("ผู้ตรวจสอบถามผู้ให้ข้อมูลใหม่ทุกข้อ แล้วกรอกคำตอบที่ได้ (แบบนี้ไม่แสดงข้อมูลเดิม)", size=10),
             Spacer(1, 2 * mm), t(d("1. สมาชิกในครัวเรือน"), True, 12),
             t("จำนวนสมาชิกทั้งหมด .............. คน  (เรียงลำดับสมาชิกโดยเริ่มจากหัวหน้าครัวเรือน)", size=11)]
    half = (sheet.member_rows + 1) // 2
    head = [t(h, True, 10, "CENTER") for h in ("ที่", "ชื่อ - สกุล", "อายุ (ปี)")] * 2
    rows = [head] + [[t(d(str(r + 1)), size=10, align="CENTER"), "", "",
                      t(d(str(r + 1 + half)), size=10, align="CENTER") if r + 1 + half <= sheet.member_rows else "",
                      "", ""] for r in range(half)]
    members = Table(rows, colWidths=[12 * mm, 60 * mm, 18 * mm] * 2, rowHeights=[None] + [7.5 * mm] * half)
    members.setStyle(styles["grid"])
    story += [members, Spacer(1, 3 * mm)]
    answers = [i for i in sheet.items if i.kind == "answer"]
    if answers:
        story.append(t(d("2. ตัวชี้วัด (ทำเครื่องหมาย X ในช่องคำตอบ หรือเขียนจำนวนคน)"), True, 12))
        rows = [[t("ข้อ / คำถาม", True, 10), t("ใช่", True, 10, "CENTER"), t("ไม่ใช่", True, 10, "CENTER")]]
        spans = []
        for n, a in enumerate(answers, 1):
            rows.append([t(d(a.label), size=10), t("........ คน", size=10, align="CENTER") if a.count else "", ""])
            if a.count:
                spans.append(("SPAN", (1, n), (2, n)))
        table = Table(rows, colWidths=[144 * mm, 18 * mm, 18 * mm])
        table.setStyle(styles["grid"])
        if spans:
            table.setStyle(TableStyle(spans))
        story += [table, Spacer(1, 3 * mm)]
    incomes = [i for i in sheet.items if i.kind == "income"]
    if incomes:
        story.append(t(d("3. รายได้ของครัวเรือนในรอบปี"), True, 12))
        rows = [[t(i.label, size=10), t("........................ บาท", size=10)] for i in incomes]
        table = Table(rows, colWidths=[110 * mm, 70 * mm])
        table.setStyle(styles["grid"])
        story += [table, Spacer(1, 4 * mm)]
    sign = Table([[t("ผู้ตรวจสอบ ...................................................", size=11),
                   t("วันที่ตรวจสอบ ........ / ........ / ............", size=11)],
                  [t("ผู้ให้ข้อมูล ...................................................", size=11), ""]],
                 colWidths=[100 * mm, 80 * mm])
    story.append(sign)
    return story


def render_pdf(sheets: list[Sheet], path, thai_digits: bool = True) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate, TableStyle

    from desktop.reports.thai_text import FONT, FONT_BOLD, draw_text, register_fonts
    from desktop.reports.thai_words import thai_digits as to_thai_digits

    if not sheets:
        raise UserError(msg("mon_sheets_empty"))
    register_fonts()
    d = to_thai_digits if thai_digits else (lambda s: s)  # codes in the text keep their Arabic digits
    styles = {"grid": TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])}
    path = Path(path)

    def marks(canv, doc):
        canv.saveState()
        canv.setFillColor(colors.HexColor("#B00020"))
        draw_text(canv, A4[0] - 15 * mm, A4[1] - 9 * mm, SECRET, FONT_BOLD, 10, "RIGHT")
        canv.setFillColor(colors.grey)
        sheet = sheets[doc.page - 1] if doc.page <= len(sheets) else sheets[-1]
        draw_text(canv, 15 * mm, 8 * mm, sheet.code + d(f"  แผ่นที่ {doc.page}/{len(sheets)}"), FONT, 8)
        canv.restoreState()

    story = []
    for n, sheet in enumerate(sheets):
        if n:
            story.append(PageBreak())
        story += _page(sheet, d, styles)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm,
                            bottomMargin=14 * mm, title=TITLE)
    doc.build(story, onFirstPage=marks, onLaterPages=marks)
    return path


def write(conn: Connection, visit: visits.Visit, sheets: list[Sheet], path, thai_digits: bool = True) -> Path:
    """Render beside the target, then move into place and audit the export (caller's transaction): a failed
    render leaves neither a file nor an entry. The sheets name households: personal data."""
    import errno
    import os

    from desktop.models import audit
    from desktop.models.errors import DiskFull

    path = Path(path)
    part = path.with_name(f".{path.stem}.part{path.suffix}")
    try:
        render_pdf(sheets, part, thai_digits=thai_digits)
        audit.append(conn, "report.export", target=visit.area_code,
                     detail={"kind": "backcheck-sheets", "visit_id": visit.visit_id, "format": "pdf",
                             "file": path.name, "households": len(sheets)})
        os.replace(part, path)
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise DiskFull() from err
        raise UserError(msg("mon_write_error", error=err.strerror or err)) from err
    finally:
        part.unlink(missing_ok=True)
    return path
