"""The meeting pack (meeting_pack.Pack) as one PDF: cover, table of contents, summary, the four reports of the
area and of each child area (each laid out exactly as its single PDF, pdf.py, with its chart), and the
attendance/signature sheet. PDF bookmarks (outline) mirror the contents: area → report.

One pass: every page is held by the canvas until the end (pdf._MarkedCanvas), so the table of contents —
pages reserved after the cover — is drawn at the end, when every section's page is known, together with
the bookmarks and "หน้า n/N". A zero-size `_Mark` flowable at the start of each section tells the canvas
which report the following pages belong to (their running header and "ลับ" mark) and what to bookmark.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from functools import partial
from pathlib import Path
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from desktop.models.dates import thai_date
from desktop.reports import pdf
from desktop.reports import thai_text as tt
from desktop.reports.meeting_pack import KIND_SHORT, Pack, summary_report
from desktop.reports.model import KINDS, Report

TOC_ROWS = 34  # rows of the table of contents per page
TOC_ROW_H = 19
SIGN_ROW_H = 26
ROSTER_WIDTHS = (14 * mm, 62 * mm, 66 * mm, 40 * mm)


class _Mark(Flowable):
    """Zero-size: from here on the pages belong to `report` (None: a pack page titled `label`), and this page
    gets the bookmarks `outline` [(key, title, level)]."""

    def __init__(self, report: Report | None, label: str, outline: list[tuple[str, str, int]], tick=None):
        super().__init__()
        self.report, self.label, self.outline, self.tick = report, label, outline, tick
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        return 0, 0

    def draw(self):
        canv = self.canv
        canv._pack_section = (self.report, self.label)
        canv._pack_outline = canv._pack_outline + self.outline
        if self.tick is not None:
            self.tick()


class _PackCanvas(pdf._MarkedCanvas):
    def __init__(self, *args, pack: Pack, toc: list, toc_pages: int, thai_digits: bool, **kwargs):
        self._pack, self._toc, self._toc_pages, self._thai = pack, toc, toc_pages, thai_digits
        self._pack_section: tuple[Report | None, str] = (None, "")
        self._pack_outline: list[tuple[str, str, int]] = []
        super().__init__(*args, marks=None, **kwargs)

    def showPage(self):  # noqa: N802 (reportlab's name)
        super().showPage()
        self._pack_outline = []  # the held page keeps its own list

    def save(self):
        total = len(self._held)
        first_page = {key: n for n, state in enumerate(self._held, 1) for key, _t, _l in state["_pack_outline"]}
        printed = dt.date.today()
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            for key, title, level in self._pack_outline:
                self.bookmarkPage(key)
                self.addOutlineEntry(title, key, level, closed=level >= 1)
            if 2 <= number < 2 + self._toc_pages:
                self._draw_toc(number - 2, first_page)
            report, label = self._pack_section
            if number > 1:
                marks = pdf.page_marks(report, number, total, thai_digits=self._thai, printed=printed) if report \
                    else self._pack_marks(label, number, total, printed)
                self._draw_marks(marks)
            Canvas.showPage(self)
        Canvas.save(self)

    def _pack_marks(self, label: str, number: int, total: int, printed: dt.date) -> dict[str, str]:
        d = pdf._Digits(self._thai)
        return {"page": d(f"หน้า {number}/{total}"), "source": d(self._pack.meeting.title),
                "printed": "พิมพ์เมื่อ " + thai_date(printed, thai_digits=self._thai),
                "secret": "", "running": d(f"{label} · {self._pack.area_name} · ปี พ.ศ. {self._pack.year}"),
                "status": ""}

    def _draw_toc(self, page_index: int, first_page: dict[str, int]) -> None:
        d = pdf._Digits(self._thai)
        width, height = self._pagesize
        left, right = pdf.MARGIN_X, width - pdf.MARGIN_X
        y = height - pdf.MARGIN_TOP - 8 * mm
        if page_index == 0:
            self.setFillColor(colors.black)
            tt.draw_text(self, width / 2, y, "สารบัญ", tt.FONT_BOLD, pdf.TITLE_PT, "CENTER")
            y -= 10 * mm
        columns = [right - (len(KINDS) - k) * 30 * mm for k in range(len(KINDS))]
        self.setFont(tt.FONT_BOLD, 9)
        tt.draw_text(self, left, y, "เรื่อง / พื้นที่", tt.FONT_BOLD, 10)
        for x, kind in zip(columns, KINDS):
            tt.draw_text(self, x + 28 * mm, y, KIND_SHORT[kind], tt.FONT_BOLD, 9, "RIGHT")
        y -= 3 * mm
        self.setStrokeColor(pdf.GRID)
        self.line(left, y, right, y)
        for title, indent, keys in self._toc[page_index * TOC_ROWS:(page_index + 1) * TOC_ROWS]:
            y -= TOC_ROW_H * 0.75
            bold = not indent
            font = tt.FONT_BOLD if bold else tt.FONT
            shown = tt.fit_text(d(title), columns[0] - left - indent - 4, font, 10.5)
            tt.draw_text(self, left + indent, y, shown, font, 10.5)
            for x, key in zip(columns if len(keys) > 1 else columns[-1:], keys):
                page = first_page.get(key)
                if page is None:
                    continue
                tt.draw_text(self, x + 28 * mm, y, d(str(page)), tt.FONT, 10.5, "RIGHT")
                self.linkRect("", key, (x, y - 3, x + 28 * mm, y + 10), name=f"toc-{key}", relative=0, thickness=0)
            y -= TOC_ROW_H * 0.25


def _toc_rows(pack: Pack) -> list[tuple[str, float, list[str]]]:
    """(title, indent, [bookmark key per column]) per row of the table of contents."""
    rows: list[tuple[str, float, list[str]]] = [("สรุปภาพรวม", 0, ["summary"])]
    group = None
    for index, section in enumerate(pack.sections):
        if section.group and section.group != group:
            group = section.group
            rows.append((f"รายงานราย{section.group}", 0, [f"group-{group}"]))
        keys = [f"s{index}-{kind}" for kind in KINDS if kind in section.reports]
        rows.append((section.name if section.group else f"{section.name} (ภาพรวม)", 6 * mm if section.group else 0,
                     keys))
    rows.append(("ใบลงชื่อผู้เข้าประชุม", 0, ["roster"]))
    return rows


def render(pack: Pack, path: Path, *, thai_digits: bool = False, progress: Callable[[int, int], None] | None = None,
           cancel: Callable[[], object] | None = None) -> Path:
    """Write the pack's PDF at `path` (atomically) and return it."""
    tt.register_fonts()
    path = Path(path)
    d = pdf._Digits(thai_digits)
    toc = _toc_rows(pack)
    toc_pages = math.ceil(len(toc) / TOC_ROWS)
    story = _story(pack, d, toc_pages, progress, cancel)
    templates = [pdf._template(pdf.PORTRAIT), pdf._template(pdf.LANDSCAPE)]
    part = path.with_name(path.name + ".part")
    doc = BaseDocTemplate(str(part), pagesize=pdf.PAGE[pdf.PORTRAIT], pageTemplates=templates,
                          initialFontName=tt.FONT, title=d(pack.meeting.title), subject=d(pack.area_name),
                          author="BMN Field Desk", creator="BMN Field Desk")
    try:
        doc.build(story, canvasmaker=partial(_PackCanvas, pack=pack, toc=toc, toc_pages=toc_pages,
                                             thai_digits=thai_digits))
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


def _story(pack: Pack, d, toc_pages: int, progress, cancel) -> list:
    total = sum(1 for _ in pack.reports()) + 2
    done = [0]

    def tick():
        if cancel is not None:
            cancel()
        done[0] += 1
        if progress is not None:
            progress(done[0], total)

    story = _cover(pack, d)
    for page in range(toc_pages):  # drawn by the canvas at the end
        outline = [("toc", "สารบัญ", 0)] if page == 0 else []
        story += [PageBreak(), _Mark(None, "สารบัญ", outline), Spacer(1, 1)]
    story += _summary_part(summary_report(pack), d, tick)
    group = None
    for index, section in enumerate(pack.sections):
        level = 1 if section.group else 0
        for k, kind in enumerate(KINDS):
            report = section.reports.get(kind)
            if report is None:
                continue
            outline = []
            if k == 0:
                if section.group and section.group != group:
                    group = section.group
                    outline.append((f"group-{group}", f"รายงานราย{group}", 0))
                outline.append((f"area-{index}", section.name, level))
            outline.append((f"s{index}-{kind}", report.title, level + 1))
            story += _report_part(report, d, outline, tick)
    story += [NextPageTemplate(pdf.PORTRAIT), PageBreak(),
              _Mark(None, "ใบลงชื่อผู้เข้าประชุม", [("roster", "ใบลงชื่อผู้เข้าประชุม", 0)], tick)]
    story += roster_sheet(pack, d)
    return story


def _report_part(report: Report, d, outline, tick) -> list:
    flowables, first = pdf._story(report, d)
    return [NextPageTemplate(first), PageBreak(), _Mark(report, report.title, outline, tick), *flowables]


SUMMARY_PT, SUMMARY_LEADING = 8.2, 10.0
SUMMARY_WIDTHS = {"name": 104, "households": 44, "members": 44, "failing_income": 50, "confidence": 52}
CATEGORY_W = 30


def _summary_part(report: Report, d, tick) -> list:
    """The summary on one page for up to ~45 areas: the report heading, then a compact table."""
    table = report.tables[0]
    centred = partial(tt.ThaiText, align="CENTER")
    head = [centred(d(report.title), font=tt.FONT_BOLD, size=pdf.TITLE_PT, leading=pdf.TITLE_PT * 1.35),
            centred(d(pdf.area_line(report)), size=pdf.SUBTITLE_PT, leading=pdf.SUBTITLE_PT * 1.4),
            centred(d(f"ข้อมูล จปฐ. ปี พ.ศ. {report.survey_year} · {report.indicator_title}"), size=pdf.BODY_PT,
                    leading=pdf.BODY_PT * 1.4), Spacer(1, 3 * mm)]
    return [NextPageTemplate(pdf.PORTRAIT), PageBreak(),
            _Mark(report, report.title, [("summary", "สรุปภาพรวม", 0)], tick), *head, summary_table(table, d),
            Spacer(1, 3 * mm)] + [tt.ThaiText(d(note), size=8.5, leading=11) for note in report.notes]


def summary_table(table, d) -> Table:
    from desktop.reports.model import GROUP, PCT, TEXT, TOTAL

    cols = table.columns
    fixed = sum(SUMMARY_WIDTHS.get(c.key, CATEGORY_W if c.kind == PCT else 0) for c in cols)
    widths = [SUMMARY_WIDTHS.get(c.key, CATEGORY_W if c.kind == PCT else pdf.FRAME_W[pdf.PORTRAIT] - fixed)
              for c in cols]
    text = partial(tt.ThaiText, size=SUMMARY_PT, leading=SUMMARY_LEADING)
    group_cols = [j for j, c in enumerate(cols) if c.group]
    top = [text(d(c.label), font=tt.FONT_BOLD, align="CENTER") if not c.group else "" for c in cols]
    if group_cols:
        top[group_cols[0]] = text(d(cols[group_cols[0]].group), font=tt.FONT_BOLD, align="CENTER")
    bottom = [text(d(c.label), font=tt.FONT_BOLD, align="CENTER") if c.group else "" for c in cols]
    rows, style = [top, bottom], [("SPAN", (j, 0), (j, 1)) for j, c in enumerate(cols) if not c.group]
    if group_cols:
        style.append(("SPAN", (group_cols[0], 0), (group_cols[-1], 0)))
    for r, (values, kind) in enumerate(zip(table.rows, table.row_kinds), start=2):
        if kind == GROUP:
            rows.append([text(d(values[0]), font=tt.FONT_BOLD)] + [""] * (len(cols) - 1))
            style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), pdf.GROUP_FILL)]
            continue
        font = tt.FONT_BOLD if kind == TOTAL else tt.FONT
        cells = []
        for value, c in zip(values, cols):
            shown = d(pdf.format_value(value, c.kind))
            cells.append(text(shown, font=font) if c.kind == TEXT else shown)
        rows.append(cells)
        if kind == TOTAL:
            style += [("FONT", (0, r), (-1, r), tt.FONT_BOLD, SUMMARY_PT), ("BACKGROUND", (0, r), (-1, r), pdf.TOTAL_FILL)]
    style[:0] = [("FONT", (0, 0), (-1, -1), tt.FONT, SUMMARY_PT), ("GRID", (0, 0), (-1, -1), 0.3, pdf.GRID),
                 ("BACKGROUND", (0, 0), (-1, 1), pdf.HEAD_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                 ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                 ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5)]
    style += [("ALIGN", (j, 2), (j, -1), "RIGHT") for j, c in enumerate(cols) if c.kind != TEXT]
    out = Table(rows, colWidths=widths, repeatRows=2, hAlign="LEFT")
    out.setStyle(TableStyle(style))
    return out


def _cover(pack: Pack, d) -> list:
    centred = partial(tt.ThaiText, align="CENTER")
    m = pack.meeting
    out: list = [_Mark(None, "ปก", [("cover", "ปก", 0)]), Spacer(1, 45 * mm),
                 centred(d("ชุดเอกสารประกอบการประชุม"), font=tt.FONT_BOLD, size=22, leading=32),
                 centred(d(m.title), font=tt.FONT_BOLD, size=18, leading=26), Spacer(1, 8 * mm),
                 centred(d(f"ข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี พ.ศ. {pack.year}"), size=16, leading=24),
                 centred(d(pack.area_name), size=16, leading=24), Spacer(1, 14 * mm),
                 centred(d(f"วันที่ {thai_date(m.date or dt.date.today(), thai_digits=False)}"), size=15, leading=22)]
    if m.place:
        out.append(centred(d(f"ณ {m.place}"), size=15, leading=22))
    if pack.provisional:
        out += [Spacer(1, 10 * mm), centred(d(pdf.DRAFT + " — ผลตามตัวชี้วัดชุดนี้ยังไม่ใช่ผลทางการ"),
                                            font=tt.FONT_BOLD, size=13, leading=19)]
    if pack.personal_data:
        out += [Spacer(1, 6 * mm), centred(pdf.SECRET + " (รายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์รายได้)", font=tt.FONT_BOLD,
                                           size=13, leading=19, color=colors.HexColor("#b91c1c"))]
    return out


def roster_sheet(pack: Pack, d) -> list:
    """ลำดับ | ชื่อ-สกุล | ตำแหน่ง | ลายมือชื่อ: the roster (chair first, secretary last) and blank lines."""
    from desktop.reports.meeting_pack import BLANK_ROWS

    m = pack.meeting
    centred = partial(tt.ThaiText, align="CENTER")
    head = [centred(d("ใบลงชื่อผู้เข้าประชุม"), font=tt.FONT_BOLD, size=pdf.TITLE_PT, leading=pdf.TITLE_PT * 1.4),
            centred(d(m.title), size=pdf.SUBTITLE_PT, leading=pdf.SUBTITLE_PT * 1.4),
            centred(d(f"วันที่ {thai_date(m.date or dt.date.today())}" + (f" ณ {m.place}" if m.place else "")),
                    size=pdf.SUBTITLE_PT, leading=pdf.SUBTITLE_PT * 1.4), Spacer(1, 4 * mm)]
    cell = partial(tt.ThaiText, size=pdf.CELL_PT + 1, leading=(pdf.CELL_PT + 1) * 1.3)
    rows = [[cell(t, font=tt.FONT_BOLD, align="CENTER") for t in ("ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "ลายมือชื่อ")]]
    for n, member in enumerate(pack.roster, 1):
        position = member.position + (f" ({member.role_label})" if member.role != "member" else "")
        rows.append([d(str(n)), cell(d(member.name)), cell(d(position)), ""])
    for n in range(len(pack.roster) + 1, len(pack.roster) + 1 + BLANK_ROWS):
        rows.append([d(str(n)), "", "", ""])
    table = Table(rows, colWidths=ROSTER_WIDTHS, rowHeights=[None] + [SIGN_ROW_H] * (len(rows) - 1), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), tt.FONT, pdf.CELL_PT + 1), ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), pdf.HEAD_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER")]))
    return head + [table]
