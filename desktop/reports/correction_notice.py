"""The correction notice (หนังสือแจ้งแก้ไขข้อมูล จปฐ.) as Thai official letters, PDF and XLSX.

    render_notice_pdf(letters, path, thai_digits=True) -> Path
    write_xlsx(letters, path) -> Path

`letters` (NoticeLetters, built by `prepare(conn, the_list, ...)`) holds one letter per working group the
list goes to (desktop/models/correction_letters.py: a village governed by an อปท. goes to that อปท.'s
working group, any other to its tambon's). Each letter follows the external-letter layout of
ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ: space for the Garuda at the top (offices print on their own
Garuda paper), ที่ (the office's own number, as the officer typed it) left and the sending office
(ส่วนราชการ) right, the date in พ.ศ., เรื่อง, เรียน, สิ่งที่ส่งมาด้วย, the body, ขอแสดงความนับถือ, signature,
name and position, and the office that owns the matter at the foot. Body and headings are Sarabun 11 pt,
the size of TH Sarabun 16 pt (stack-notes §2); nothing is printed larger. The list of corrections
follows as the letter's attachment (landscape), with a village column, and on a reprint the status of
each correction and the tally (sent / confirmed / not applied). Pages are numbered "หน้า x/y" within
each letter; the closing and the signature are kept with the last paragraph (never alone on a page).

Digits: the document's digits (Thai by default) everywhere except what a person types back: house codes,
national ID values and the list's reference number stay Arabic.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm, mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.models import correction_letters as letters_model
from desktop.models import corrections, dates
from desktop.models.correction_letters import LetterDetails, Recipient, Tally
from desktop.models.correction_lists import CorrectionList, ListItem
from desktop.reports import thai_text as tt
from desktop.reports.thai_words import thai_digits

SECRET = "ลับ — ข้อมูลส่วนบุคคล"
BODY = 11  # Sarabun 11 pt ≈ TH Sarabun 16 pt, the official body size
SUBJECT = "ขอให้แก้ไขข้อมูลความจำเป็นพื้นฐาน (จปฐ.)"
GROUP = "ประธานคณะทำงานบริหารการจัดเก็บข้อมูล จปฐ. ระดับ{level} {name}"
ATTACHMENT = "บัญชีรายการข้อมูล จปฐ. ที่ต้องแก้ไข"
HEADERS = ("ลำดับ", "หมู่บ้าน", "บ้านเลขที่", "รหัสบ้าน", "สมาชิก", "รายการ", "ค่าเดิม", "ค่าที่ถูกต้อง", "เหตุผล")
STATUS_HEADER = "สถานะ"
NAME_FIELDS = ("head_name", "first_name", "last_name", "title")
TYPED_BACK = ("pid",)  # fields whose values are codes a person types back: never Thai digits
LEFT, RIGHT, TOP, BOTTOM = 3 * cm, 2 * cm, 2.5 * cm, 2 * cm
DOTS = "............................................"


@dataclass(frozen=True)
class NoticeLetters:
    """Everything the notice prints: the issued list, its letter details, one letter per recipient."""

    the_list: CorrectionList
    details: LetterDetails
    recipients: list[Recipient]
    villages: dict[int, str]
    survey_year: int | None
    tally: Tally | None = None  # a reprint after later imports: where the corrections stand now
    statuses: dict[str, str] = field(default_factory=dict)  # correction uuid -> status label (reprint)
    tally_date: str = ""


def prepare(conn, the_list: CorrectionList, *, details: LetterDetails | None = None,
            with_status: bool = False) -> NoticeLetters:
    details = details or letters_model.details_of(conn, the_list)
    tally, statuses = None, {}
    if with_status:
        tally = letters_model.tally(conn, the_list)
        states = corrections.read_states(conn, "c.uuid IN (SELECT value FROM json_each(:u))",
                                         {"u": _json([i.correction_uuid for i in the_list.items])})
        statuses = {s.uuid: corrections.STATUS_LABELS[s.status] for s in states}
    year = the_list.items[0].household_id // 100_000_000_000 if the_list.items else None
    return NoticeLetters(the_list, details, letters_model.recipients(conn, the_list.items),
                         letters_model.village_names(conn, the_list.items), year, tally, statuses,
                         dt.date.today().isoformat() if with_status else "")


def _json(values) -> str:
    import json

    return json.dumps(list(values))


class _Digits:
    def __init__(self, thai: bool):
        self.thai = thai

    def __call__(self, text) -> str:
        text = str(text)
        return thai_digits(text) if self.thai else text


def value_text(item: ListItem, value: str, d: _Digits) -> str:
    """An old or new value as printed: baht with separators, codes as typed, the rest in the document's digits."""
    if item.field in TYPED_BACK:
        return value
    spec = corrections.FIELDS.get(item.field)
    if spec is not None and spec.kind == "int" and value.lstrip("-").isdigit():
        value = f"{int(value):,}"
    return d(value)


def tally_text(tally: Tally, on: str, d: _Digits) -> str:
    when = dates.thai_date(dt.date.fromisoformat(on), thai_digits=d.thai)
    text = (f"สถานะ ณ วันที่ {when}: ส่งแจ้งแล้ว (รอนำเข้าครั้งถัดไป) {tally.sent:,} รายการ"
            f"  แก้ไขแล้ว (ยืนยันจากการนำเข้า) {tally.confirmed:,} รายการ  ยังไม่แก้ไข {tally.not_applied:,} รายการ")
    return d(text + (f"  ยกเลิก {tally.reverted:,} รายการ" if tally.reverted else ""))


def recipient_line(recipient: Recipient) -> str:
    level = "องค์กรปกครองส่วนท้องถิ่น" if recipient.kind == "lao" else "ตำบล"
    return GROUP.format(level=level, name=recipient.name)


def rows(letters: NoticeLetters, recipient: Recipient, d: _Digits) -> list[list[str]]:
    """The attachment's rows: house codes stay Arabic (people key them upstream)."""
    out = []
    for n, i in enumerate(recipient.items, 1):
        row = [d(n), d(letters.villages.get(i.village, i.village)), d(i.house_no), i.house_code, d(i.member),
               d(i.label), value_text(i, i.old_value, d), value_text(i, i.new_value, d), d(i.reason)]
        if letters.statuses:
            row.append(letters.statuses.get(i.correction_uuid, ""))
        out.append(row)
    return out


# ---------------------------------------------------------------- PDF


class _LetterStart(Flowable):
    """Marks the page where letter `index` starts, so that pages are numbered within each letter."""

    def __init__(self, index: int):
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def draw(self):
        self.canv._letter_index = self.index


class _NumberedCanvas(Canvas):
    """Holds the pages until the end, then numbers them "หน้า x/y" within each letter."""

    def __init__(self, *args, marks, **kwargs):
        super().__init__(*args, **kwargs)
        self._marks = marks
        self._held: list[dict] = []
        self._letter_index = 0

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        letter_of = [state["_letter_index"] for state in self._held]
        for n, state in enumerate(self._held):
            self.__dict__.update(state)
            letter = letter_of[n]
            self._marks(self, letter_of[: n + 1].count(letter), letter_of.count(letter))
            super().showPage()
        super().save()


def _marks(d: _Digits, ref_no: str):
    def draw(canv, page: int, total: int) -> None:
        width = canv._pagesize[0]
        canv.saveState()
        canv.setFillColor(colors.HexColor("#555555"))
        tt.draw_text(canv, width - RIGHT, 1.2 * cm, d(f"หน้า {page}/{total}"), tt.FONT, 9, "RIGHT")
        tt.draw_text(canv, LEFT, 1.2 * cm, f"รายการที่ {ref_no}", tt.FONT, 8)  # typed back: Arabic digits
        if page > 1:  # the attachment lists people
            canv.setFillColor(colors.HexColor("#B00020"))
            tt.draw_text(canv, width / 2, canv._pagesize[1] - 1.2 * cm, SECRET, tt.FONT_BOLD, 10, "CENTER")
        canv.restoreState()
    return draw


def _p(text: str, *, bold: bool = False, align: str = "LEFT", size: float = BODY, names: bool = False,
       indent: float = 0.0):
    return tt.ThaiText(text, font=tt.FONT_BOLD if bold else tt.FONT, size=size, leading=size * 1.45, align=align,
                       names=names, indent=indent)


def _labelled(label: str, text: str, width: float) -> Table:
    """"เรื่อง  ขอให้แก้ไข…": the label in bold, the text wrapped beside it (a hanging indent)."""
    label_w = tt.text_width(label, tt.FONT_BOLD, BODY) + 4 * mm
    t = Table([[_p(label, bold=True), _p(text)]], colWidths=[label_w, width - label_w])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm)]))
    return t


def _letter(letters: NoticeLetters, recipient: Recipient, d: _Digits, width: float) -> list:
    cl, det = letters.the_list, letters.details
    issued = dt.date.fromisoformat(cl.issued_at)
    when = dates.thai_date(issued, thai_digits=d.thai)
    office = [_p(d(det.office or DOTS))] + [_p(d(line)) for line in det.office_address.splitlines()]
    head = Table([[_p(d(f"ที่ {det.letter_no or DOTS}")), office]], colWidths=[width / 2, width / 2])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (1, 0), (1, 0), 1.2 * cm)]))
    households = len({i.household_id for i in recipient.items})
    moo = sorted({i.village for i in recipient.items})
    villages = ", ".join(letters.villages.get(v, str(v)) for v in moo)
    year = f" ปี {letters.survey_year}" if letters.survey_year else ""
    body = (f"ตามที่ {det.office or 'สำนักงาน'} ได้ตรวจสอบข้อมูลความจำเป็นพื้นฐาน (จปฐ.){year} ของ{recipient.name}"
            f" แล้ว พบข้อมูลที่ต้องแก้ไข จำนวน {len(recipient.items):,} รายการ ใน {households:,} ครัวเรือน"
            f" ได้แก่ {villages} รายละเอียดตามสิ่งที่ส่งมาด้วย")
    close = ("จึงเรียนมาเพื่อโปรดแจ้งผู้มีสิทธิ์แก้ไขข้อมูลในระบบ ดำเนินการแก้ไขข้อมูลให้ถูกต้อง"
             " และแจ้งผลการดำเนินการให้ทราบด้วย จะขอบคุณยิ่ง")
    indent = 2.5 * cm  # first-line indent of a paragraph in a Thai official letter
    signer = det.signer or cl.officer.name
    position = det.position or cl.officer.position
    sign = Table([[_p("ขอแสดงความนับถือ", align="CENTER")], [Spacer(1, 14 * mm)],
                  [_p(f"({signer or DOTS})", align="CENTER", names=True)],
                  [_p(d(position or DOTS), align="CENTER")]], colWidths=[width / 2])
    sign.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    sign.hAlign = "RIGHT"
    owner = [_p(d(det.office or DOTS), size=BODY - 1)]
    if det.phone:
        owner.append(_p(d(f"โทร. {det.phone}"), size=BODY - 1))
    return [
        Spacer(1, 2.2 * cm),  # the Garuda of the office's letter paper
        head, Spacer(1, 3 * mm),
        Table([["", _p(d(when))]], colWidths=[width / 2 - 1 * cm, width / 2 + 1 * cm],
              style=[("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        Spacer(1, 3 * mm),
        _labelled("เรื่อง", d(SUBJECT + year), width),
        _labelled("เรียน", d(recipient_line(recipient)), width),
        _labelled("สิ่งที่ส่งมาด้วย", d(f"{ATTACHMENT} จำนวน 1 ชุด ({len(recipient.items):,} รายการ)"), width),
        Spacer(1, 2 * mm),
        _p(d(body), indent=indent), Spacer(1, 2 * mm),
        KeepTogether([_p(d(close), indent=indent), Spacer(1, 6 * mm), sign]),  # never a signature alone on a page
        Spacer(1, 10 * mm),
        *owner,
    ]


def _attachment(letters: NoticeLetters, recipient: Recipient, d: _Digits, width: float) -> list:
    cl, det = letters.the_list, letters.details
    when = dates.thai_date(dt.date.fromisoformat(cl.issued_at), thai_digits=d.thai)
    heading = [_p(d(ATTACHMENT), bold=True, align="CENTER"),
               _p(d(f"แนบท้ายหนังสือที่ {det.letter_no or DOTS} ลงวันที่ {when}"), align="CENTER"),
               _p(d(f"ถึง {recipient_line(recipient)}"), align="CENTER")]
    if letters.tally is not None:
        mine = letters_model.Tally(*(sum(1 for i in recipient.items
                                         if letters.statuses.get(i.correction_uuid) == corrections.STATUS_LABELS[s])
                                     for s in (corrections.SENT, corrections.CONFIRMED, corrections.NOT_APPLIED,
                                               corrections.REVERTED)))
        heading.append(_p(tally_text(mine, letters.tally_date, d), bold=True, align="CENTER"))
    headers = list(HEADERS) + ([STATUS_HEADER] if letters.statuses else [])
    weights = [0.6, 1.3, 0.95, 1.25, 1.3, 1.5, 1.35, 1.35, 1.5] + ([0.9] if letters.statuses else [])
    widths = [width * w / sum(weights) for w in weights]
    size = 9.5
    data = [[tt.ThaiText(h, font=tt.FONT_BOLD, size=size, align="CENTER") for h in headers]]
    for item, row in zip(recipient.items, rows(letters, recipient, d)):
        # village, member and a name's values: names break only at spaces
        names = {1, 4} | ({6, 7} if item.field in NAME_FIELDS else set())
        data.append([tt.ThaiText(v, size=size, names=k in names) for k, v in enumerate(row)])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa3ad")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [*heading, Spacer(1, 4 * mm), table]


def render_notice_pdf(letters: NoticeLetters, path, thai_digits: bool = True) -> Path:
    """All the letters of one issued list in one PDF (each letter: page 1 portrait, its attachment landscape)."""
    tt.register_fonts()
    d = _Digits(thai_digits)
    path = Path(path)
    part = path.with_name(path.name + ".part")
    portrait_w = A4[0] - LEFT - RIGHT
    wide = landscape(A4)
    wide_w = wide[0] - 2 * RIGHT
    templates = [PageTemplate("letter", [Frame(LEFT, BOTTOM, portrait_w, A4[1] - TOP - BOTTOM, id="letter",
                                               leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)],
                              pagesize=A4),
                 PageTemplate("list", [Frame(RIGHT, BOTTOM, wide_w, wide[1] - 2 * BOTTOM - 2 * mm, id="list",
                                             leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)],
                              pagesize=wide)]
    story: list = []
    for k, recipient in enumerate(letters.recipients):
        if k:
            story += [NextPageTemplate("letter"), PageBreak()]
        story += [_LetterStart(k), *_letter(letters, recipient, d, portrait_w)]
        story += [NextPageTemplate("list"), PageBreak(), *_attachment(letters, recipient, d, wide_w)]
    cl = letters.the_list
    doc = BaseDocTemplate(str(part), pagesize=A4, pageTemplates=templates, initialFontName=tt.FONT,
                          title=f"หนังสือแจ้งแก้ไขข้อมูล จปฐ. {cl.ref_no}", author=letters.details.signer or "",
                          creator="BMN Field Desk")
    try:
        doc.build(story, canvasmaker=partial(_NumberedCanvas, marks=_marks(d, cl.ref_no)))
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


# ---------------------------------------------------------------- XLSX


def write_xlsx(letters: NoticeLetters, path) -> Path:
    """One sheet per letter: the letter's heading lines, then its list with the village column (and, on a
    reprint, each correction's status). Every text cell goes through tabular.safe_text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from desktop.reports import xlsx_memory
    from desktop.reports.tabular import safe_text, unique_sheet_name

    d = _Digits(False)
    cl, det = letters.the_list, letters.details
    when = dates.thai_date(dt.date.fromisoformat(cl.issued_at))
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for recipient in letters.recipients:
        ws = xlsx_memory.create_sheet(book, unique_sheet_name(recipient.name, taken))
        lines = [SECRET, f"{ATTACHMENT} แนบท้ายหนังสือที่ {det.letter_no or '-'} ลงวันที่ {when}",
                 f"ถึง {recipient_line(recipient)}", f"จาก {det.office}", f"รายการที่ {cl.ref_no}"]
        if letters.tally is not None:
            lines.append(tally_text(letters.tally, letters.tally_date, d))
        for line in lines:
            ws.append([safe_text(line)])
        headers = list(HEADERS) + ([STATUS_HEADER] if letters.statuses else [])
        ws.append(headers)
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in rows(letters, recipient, d):
            ws.append([int(row[0])] + [safe_text(v) for v in row[1:]])
        ws.freeze_panes = f"A{len(lines) + 2}"
        for col, width in zip("ABCDEFGHIJ", (7, 22, 11, 15, 24, 28, 18, 18, 32, 14)):
            ws.column_dimensions[col].width = width
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        xlsx_memory.save(book, part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path
