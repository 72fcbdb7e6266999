"""The correction notice (หนังสือแจ้งแก้ไขข้อมูล จปฐ.) as PDF, and the same list as XLSX for the keying person.

Thai text goes through thai_text (ThaiText flowables and shaped canvas text), like the review reports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.models import dates
from desktop.models.correction_lists import CorrectionList

SECRET = "ลับ — ข้อมูลส่วนบุคคล"
TITLE = "หนังสือแจ้งแก้ไขข้อมูลความจำเป็นพื้นฐาน (จปฐ.)"
ADDRESSEE = "คณะทำงานระดับตำบล / องค์กรปกครองส่วนท้องถิ่น"
HEADERS = ("ที่", "บ้านเลขที่", "รหัสบ้าน", "สมาชิก", "รายการ", "ค่าเดิม", "ค่าที่ถูกต้อง", "เหตุผล")


def _rows(cl: CorrectionList) -> list[list[str]]:
    return [[str(n), i.house_no, i.house_code, i.member, i.label, i.old_value, i.new_value, i.reason]
            for n, i in enumerate(cl.items, 1)]


def render_notice_pdf(correction_list: CorrectionList, path, thai_digits: bool = True) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    from desktop.reports.thai_text import FONT, FONT_BOLD, ThaiText, draw_text, register_fonts

    register_fonts()
    cl = correction_list
    digits = (lambda s: s.translate(dates.THAI_DIGITS)) if thai_digits else (lambda s: s)
    path = Path(path)
    page = landscape(A4)

    def marks(canv, doc):
        canv.saveState()
        canv.setFillColor(colors.HexColor("#B00020"))
        draw_text(canv, page[0] - 15 * mm, page[1] - 10 * mm, SECRET, FONT_BOLD, 11, "RIGHT")
        draw_text(canv, 15 * mm, 8 * mm, SECRET, FONT, 8)
        canv.setFillColor(colors.grey)
        draw_text(canv, page[0] - 15 * mm, 8 * mm, digits(f"{cl.ref_no}  หน้า {doc.page}"), FONT, 8, "RIGHT")
        canv.restoreState()

    issued = dt.date.fromisoformat(cl.issued_at)
    story = [
        ThaiText(digits(f"ที่ {cl.ref_no}"), font=FONT, size=12),
        ThaiText(dates.thai_date(issued, thai_digits=thai_digits), font=FONT, size=12, align="RIGHT"),
        Spacer(1, 3 * mm),
        ThaiText(TITLE, font=FONT_BOLD, size=16, align="CENTER"),
        Spacer(1, 3 * mm),
        ThaiText(f"เรียน  {ADDRESSEE} {cl.area_name} (รหัส {digits(cl.area_code)})", font=FONT, size=12),
    ]
    span = ""
    if cl.date_from or cl.date_to:
        lo = dates.thai_date(dt.date.fromisoformat(cl.date_from), thai_digits=thai_digits) if cl.date_from else "..."
        hi = dates.thai_date(dt.date.fromisoformat(cl.date_to), thai_digits=thai_digits) if cl.date_to else "..."
        span = f" ที่บันทึกระหว่าง {lo} ถึง {hi}"
    story += [
        Spacer(1, 2 * mm),
        ThaiText(f"ตามที่ได้ตรวจสอบข้อมูลความจำเป็นพื้นฐาน (จปฐ.) แล้วพบข้อมูลที่ต้องแก้ไข{span}"
                 f" จำนวน {digits(str(len(cl.items)))} รายการ ดังตารางด้านล่าง จึงเรียนมาเพื่อโปรดแก้ไขข้อมูลในระบบ"
                 " และแจ้งผลกลับ", font=FONT, size=12),
        Spacer(1, 4 * mm),
    ]
    widths = [10 * mm, 18 * mm, 38 * mm, 38 * mm, 40 * mm, 33 * mm, 33 * mm, 57 * mm]
    data = [[ThaiText(h, font=FONT_BOLD, size=10) for h in HEADERS]]
    for row in _rows(cl):
        data.append([ThaiText(digits(v) if k in (0, 1, 2, 3) else v, font=FONT, size=10) for k, v in enumerate(row)])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    story += [table, Spacer(1, 12 * mm)]
    sign = [
        "ลงชื่อ ..........................................................",
        f"({cl.officer.name or '..........................................'})",
        f"ตำแหน่ง {cl.officer.position or '..........................................'}",
    ]
    story.append(Table([[ThaiText(s, font=FONT, size=12, align="CENTER")] for s in sign], colWidths=[100 * mm],
                       hAlign="RIGHT"))
    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=f"{TITLE} {cl.ref_no}", author=cl.officer.name)
    doc.build(story, onFirstPage=marks, onLaterPages=marks)
    return path


def write_xlsx(correction_list: CorrectionList, path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    cl = correction_list
    wb = Workbook()
    ws = wb.active
    ws.title = "แก้ไขข้อมูล"
    ws.append([SECRET])
    ws.append([f"{TITLE} ที่ {cl.ref_no} วันที่ {dates.thai_date(dt.date.fromisoformat(cl.issued_at))}"])
    ws.append([f"พื้นที่ {cl.area_name} ({cl.area_code})"])
    ws.append(list(HEADERS))
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for row in _rows(cl):
        ws.append(row)
    for col, width in zip("ABCDEFGH", (6, 12, 16, 24, 28, 20, 20, 36)):
        ws.column_dimensions[col].width = width
    path = Path(path)
    wb.save(path)
    return path
