"""The certification form (แบบรับรองข้อมูล จปฐ.) as an A4 PDF to print and sign at the meeting.

    render(certification, Path("certificate.pdf"), thai_digits=True) -> Path

A Thai official-document layout: Sarabun 11 pt body (≈ TH Sarabun 16 pt), 2.5 cm left margin and 2 cm
elsewhere; heading with the level, area name and code and survey year พ.ศ.; the summary figures; the
certifying statement; place and date in Thai; one signature block per roster member present; the
indicator set (with "ฉบับร่าง" when provisional); a QR code with the fingerprint and short code.

Everything printed comes from the stored certification event, and the PDF is written with reportlab's
invariant mode (fixed creation date and document id), so printing the same certification twice gives the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import partial
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm, mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop import messages
from desktop.models import dates
from desktop.models.errors import UserError
from desktop.models.locks import Certification
from desktop.models.roster import LEVEL_LABELS, ROLE_LABELS
from desktop.reports import thai_text as tt
from desktop.reports.thai_words import thai_digits

messages.register({"cert_cannot_write": ("เขียนไฟล์ {path} ไม่ได้: {error}", "Cannot write {path}: {error}")})

BODY, HEAD, TITLE, SMALL = 11, 12, 14, 8.5
LEFT, OTHER = 2.5 * cm, 2 * cm
BANGKOK = dt.timezone(dt.timedelta(hours=7))
TITLE_TEXT = "แบบรับรองข้อมูลความจำเป็นพื้นฐาน (จปฐ.)"
DOTS = "........................................"
GRID = colors.HexColor("#9aa3ad")
DRAFT_RED = colors.HexColor("#B00020")


class _Digits:
    def __init__(self, thai: bool):
        self.thai = thai

    def __call__(self, value) -> str:
        text = str(value)
        return thai_digits(text) if self.thai else text


def _p(text: str, size: float = BODY, *, bold: bool = False, align: str = "LEFT", color=None) -> tt.ThaiText:
    return tt.ThaiText(text, font=tt.FONT_BOLD if bold else tt.FONT, size=size, align=align, color=color)


def certified_day(cert: Certification) -> dt.date:
    """The day of the meeting, in Thailand."""
    return dt.datetime.fromisoformat(cert.certified_at).astimezone(BANGKOK).date()


def spaced_code(short: str) -> str:
    return f"{short[:4]}-{short[4:]}"


def _qr(cert: Certification, size: float = 30 * mm) -> Drawing:
    widget = QrCodeWidget(cert.qr_content, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _heading(cert: Certification, d: _Digits, width: float) -> list:
    s = cert.summary
    level = LEVEL_LABELS.get(cert.level, cert.level)
    details = [
        _p(f"ระดับ{level}", HEAD, bold=True),
        _p(s.get("area_description", cert.area_code), HEAD),
        _p(f"รหัสพื้นที่ {cert.area_code}" + d(f"    ปีสำรวจ พ.ศ. {cert.survey_year}"), BODY),  # the code is typed back
        _p(d(f"ชุดตัวชี้วัด: {cert.indicator_set}"), BODY),
    ]
    if s.get("levels"):  # which levels certify that year (resources/certification_levels)
        from desktop.models import cert_levels

        names = ", ".join(cert_levels.LABELS[lv][0] for lv in cert_levels.ORDER if lv in s["levels"])
        details.append(_p(d(f"ปี พ.ศ. {cert.survey_year} รับรองข้อมูลระดับ: {names}"), BODY))
    if cert.provisional:
        details.append(_p("ฉบับร่าง: ชุดตัวชี้วัดนี้ยังไม่ใช่ฉบับประกาศใช้อย่างเป็นทางการ", BODY, bold=True,
                          color=DRAFT_RED))
    if s.get("demo"):
        from desktop.models import demo_data

        details.append(_p(f"{demo_data.MARK_TH}: ใช้รับรองจริงไม่ได้", HEAD, bold=True, color=DRAFT_RED))
    # the short code stays in Latin letters and Arabic digits: people type it into `verify`
    qr = Table([[_qr(cert)], [_p(f"รหัสยืนยัน {spaced_code(cert.short_code)}", SMALL + 1, bold=True, align="CENTER")]],
               colWidths=[36 * mm])
    qr.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 0),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    block = Table([[details, qr]], colWidths=[width - 38 * mm, 38 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    title = _p(d(f"{TITLE_TEXT} ปี พ.ศ. {cert.survey_year}"), TITLE, bold=True, align="CENTER")
    return [title, Spacer(1, 3 * mm), block]


def _summary_rows(cert: Certification, d: _Digits) -> list[tuple[str, str]]:
    s = cert.summary
    failed = ", ".join(str(n) for n in s.get("failed_indicators", []))
    rows = [
        ("จำนวนหมู่บ้านที่รับรอง", f"{s['villages']:,} หมู่บ้าน"),
        ("จำนวนครัวเรือน", f"{s['households']:,} ครัวเรือน"),
        ("จำนวนประชากร", f"{s['persons']:,} คน (ชาย {s['male']:,} คน หญิง {s['female']:,} คน)"),
        ("ตัวชี้วัดที่ไม่ผ่านเกณฑ์", f"{s['indicators_failed']:,} ตัวชี้วัด จาก {s['indicators']:,} ตัวชี้วัด"
                                  + (f" (ข้อ {failed})" if failed else "")),
        ("รายได้เฉลี่ยต่อคนต่อปี", f"{s['income_per_person']:,} บาท"),
        ("การแก้ไขข้อมูลที่ยังไม่ได้รับการยืนยัน", f"{s.get('open_corrections', 0):,} รายการ"),
        ("ครัวเรือนที่ยังไม่ได้ตรวจสอบ", f"{s.get('unreviewed', 0):,} ครัวเรือน"),
    ]
    return [(label, d(value)) for label, value in rows]


def _summary(cert: Certification, d: _Digits, width: float) -> list:
    data = [[_p("รายการ", bold=True), _p("จำนวน", bold=True)]]
    data += [[_p(label), _p(value)] for label, value in _summary_rows(cert, d)]
    table = Table(data, colWidths=[width * 0.42, width * 0.58])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), tt.pad_top(BODY)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), tt.pad_bottom(BODY, BODY * 1.3)),
    ]))
    note = "ตัวเลขจากข้อมูลตามที่แก้ไขแล้ว" + (d(f" (รวมการแก้ไข {cert.summary['corrected_households']:,} ครัวเรือน)")
                                             if cert.summary.get("corrected_households") else "")
    # the note stays with the table (never alone at the top of a page)
    return [_p("๑. ข้อมูลที่รับรอง" if d.thai else "1. ข้อมูลที่รับรอง", HEAD, bold=True), Spacer(1, 1 * mm),
            KeepTogether([table, _p(note, SMALL + 1, color=colors.HexColor("#555555"))])]


def _override(cert: Certification, d: _Digits) -> list:
    if not cert.override_reason:
        return []
    missing = ", ".join(f"{name} ({code})" for code, name in cert.summary.get("missing_children", []))
    box = Table([[[_p("รับรองโดยยกเว้นลำดับการรับรอง", bold=True),
                   _p(d(f"พื้นที่ระดับล่างที่ยังไม่ได้รับรอง: {missing or '-'}")),
                   _p(f"เหตุผล: {cert.override_reason}")]]])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, DRAFT_RED), ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FDF1F1"))]))
    return [Spacer(1, 3 * mm), box]


def _statement(cert: Certification, d: _Digits) -> list:
    level = LEVEL_LABELS.get(cert.level, cert.level)
    area = cert.summary.get("area_title", cert.area_code)
    day = certified_day(cert)
    when = d(f"วันที่ {day.day} {dates.MONTHS_TH[day.month - 1]} พ.ศ. {day.year + dates.BE_OFFSET}")
    place = cert.place or DOTS
    number = "๒." if d.thai else "2."
    return [
        Spacer(1, 4 * mm),
        _p(f"{number} การรับรอง", HEAD, bold=True),
        _p(d(f"คณะทำงานบริหารการจัดเก็บข้อมูล จปฐ. ระดับ{level} ได้ตรวจสอบข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี พ.ศ. {cert.survey_year} ของ{area}"
             f" จำนวน {cert.households:,} ครัวเรือน แล้ว ขอรับรองว่าข้อมูลดังกล่าวถูกต้องและครบถ้วน")),
        Spacer(1, 2 * mm),
        _p(f"ให้ไว้ ณ {place}  เมื่อ{when}", align="RIGHT"),
    ]


ROSTER_PT = 10.5
ROSTER_ROW = 8.5 * mm  # room to sign: 25 members and the heading fit on one A4 page


def _position(member: dict) -> str:
    """The member's position; the chair's and the secretary's role in the group after it (a member's is
    what the section heading says)."""
    role = member.get("role", "")
    position = member.get("position") or ""
    if role in ("chair", "secretary"):
        label = ROLE_LABELS.get(role, role)
        return f"{position} ({label})" if position else label
    return position


def _signatures(cert: Certification, d: _Digits, width: float) -> list:
    """The roster as the usual Thai attendance table: ลำดับ | ชื่อ-สกุล | ตำแหน่ง | ลายมือชื่อ, one row per member,
    kept on one page with its heading (up to about 25 members; a longer roster continues with its header)."""
    members = cert.roster or [{"name": "", "position": "", "role": "chair"}]
    size, leading = ROSTER_PT, ROSTER_PT * 1.3

    def cell(text: str, *, bold: bool = False, align: str = "LEFT", names: bool = False) -> tt.ThaiText:
        return tt.ThaiText(text, font=tt.FONT_BOLD if bold else tt.FONT, size=size, leading=leading, align=align,
                           names=names)

    data = [[cell(h, bold=True, align="CENTER") for h in ("ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "ลายมือชื่อ")]]
    for n, m in enumerate(members, 1):
        data.append([cell(d(n), align="CENTER"), cell(m.get("name") or "", names=True), cell(d(_position(m))), ""])
    widths = [1.4 * cm, width * 0.32, width * 0.40]
    widths.append(width - sum(widths))
    heights = [None] + [max(ROSTER_ROW, h) for h in _row_heights(data[1:], widths)]
    table = Table(data, colWidths=widths, repeatRows=1, rowHeights=heights)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), tt.pad_top(size)), ("BOTTOMPADDING", (0, 0), (-1, -1), tt.pad_bottom(size, leading)),
    ]))
    heading = _p("๓. คณะทำงานผู้รับรอง" if d.thai else "3. คณะทำงานผู้รับรอง", HEAD, bold=True)
    return [Spacer(1, 4 * mm), KeepTogether([heading, Spacer(1, 1.5 * mm), table])]


def _row_heights(rows: list[list], widths: list[float]) -> list[float]:
    """Each row's natural height (the tallest cell: lines × leading + padding)."""
    out = []
    for row in rows:
        tallest = 0.0
        for value, w in zip(row, widths):
            if isinstance(value, tt.ThaiText):
                lines = len(value.lines(w - 12))  # reportlab's default 6 pt left and right padding
                tallest = max(tallest, lines * value.leading)
        out.append(tallest + tt.pad_top(ROSTER_PT) + tt.pad_bottom(ROSTER_PT, ROSTER_PT * 1.3))
    return out


def _footer(cert: Certification, d: _Digits):
    """Draws the footer of page `page` of `total`; the codes stay in Arabic digits (they are typed back)."""
    def draw(canv, page: int, total: int) -> None:
        width = canv._pagesize[0]
        canv.saveState()
        canv.setFillColor(colors.HexColor("#555555"))
        text = f"รหัสยืนยัน {spaced_code(cert.short_code)}  ลายนิ้วมือข้อมูล {cert.fingerprint[:16]}…  การรับรอง {cert.uuid}"
        tt.draw_text(canv, LEFT, 1.2 * cm, tt.fit_text(text, width - LEFT - OTHER - 25 * mm, tt.FONT, SMALL),
                     tt.FONT, SMALL)
        tt.draw_text(canv, width - OTHER, 1.2 * cm, d(f"หน้า {page}/{total}"), tt.FONT, SMALL, "RIGHT")
        if cert.summary.get("demo"):  # every page of a demo store's form says so
            from desktop.models import demo_data

            canv.setFillColor(DRAFT_RED)
            tt.draw_text(canv, width / 2, 0.7 * cm, demo_data.MARK_TH, tt.FONT_BOLD, SMALL + 2, "CENTER")
        canv.restoreState()
    return draw


class _CountedCanvas(Canvas):
    """Holds the pages until the end so that every footer can say "หน้า n/N"."""

    def __init__(self, *args, footer, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held: list[dict] = []

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self._footer(self, number, len(self._held))
            super().showPage()
        super().save()


def story(cert: Certification, thai_digits: bool = True) -> list:
    d = _Digits(thai_digits)
    width = A4[0] - LEFT - OTHER
    body = _heading(cert, d, width) + [Spacer(1, 4 * mm)] + _summary(cert, d, width) + _override(cert, d)
    return body + [KeepTogether(_statement(cert, d))] + _signatures(cert, d, width)


def render(cert: Certification, path, *, thai_digits: bool = True) -> Path:
    """Write the form at `path` (atomically) and return it; the same certification gives the same bytes."""
    tt.register_fonts()
    path = Path(path)
    part = path.with_name(path.name + ".part")
    doc = SimpleDocTemplate(str(part), pagesize=A4, leftMargin=LEFT, rightMargin=OTHER, topMargin=OTHER,
                            bottomMargin=OTHER, title=f"{TITLE_TEXT} {cert.area_code} {cert.survey_year}",
                            author="BMN Field Desk", creator="BMN Field Desk", subject=cert.short_code, invariant=1)
    footer = _footer(cert, _Digits(thai_digits))
    try:
        doc.build(story(cert, thai_digits), canvasmaker=partial(_CountedCanvas, footer=footer))
        os.replace(part, path)
    except OSError as err:
        raise UserError(messages.msg("cert_cannot_write", path=path, error=err)) from err
    finally:
        part.unlink(missing_ok=True)
    return path
