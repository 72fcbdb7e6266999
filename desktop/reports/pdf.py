"""A `Report` as an A4 PDF: reportlab + the bundled Sarabun (embedded), Thai shaped and word-wrapped.

    render(report, Path("report.pdf"), thai_digits=False) -> Path

Layout: a heading block (title, area, survey year พ.ศ., indicator set, draft / as-corrected banners), each
table with repeated header rows, notes at the end. A table goes on portrait pages when its columns fit at their
natural width, else on landscape pages; a table too wide even for landscape is cut into column chunks that
each repeat the row-label columns (e.g. code and name). Every page carries the source, the print date,
"หน้า n/N" and — for reports that list people — "ลับ — ข้อมูลส่วนบุคคล", drawn once the page count is known
(`_MarkedCanvas`).

Speed (floors.md §4): only cells with Thai letters become `ThaiText` flowables (shaped, wrapped); numbers
stay plain strings; every distinct string is tokenised, shaped and measured once (thai_text's caches).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.models.dates import thai_date
from desktop.reports import charts
from desktop.reports.numbers import format_value
from desktop.reports import thai_text as tt
from desktop.reports.model import (
    CODE,
    DATA,
    DECIMAL,
    GROUP,
    INT,
    MONEY,
    PCT,
    TEXT,
    TOTAL,
    Report,
    ReportTable,
)
from desktop.reports.thai_words import thai_digits

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 14 * mm, 15 * mm, 16 * mm
PORTRAIT, LANDSCAPE = "portrait", "landscape"
PAGE = {PORTRAIT: A4, LANDSCAPE: landscape(A4)}
FRAME_W = {o: size[0] - 2 * MARGIN_X for o, size in PAGE.items()}
TITLE_PT, SUBTITLE_PT, BODY_PT, CELL_PT, SMALL_CELL_PT, MARK_PT = 16, 12, 11, 10, 9, 8.5
PAD_X = 3.5
PAD_TOP, PAD_BOTTOM = tt.pad_top(CELL_PT), tt.pad_bottom(CELL_PT, CELL_PT * 1.3)  # marks never touch the grid
TEXT_WRAP_CAP = 170  # a text column wider than this at its natural width may wrap rather than force landscape
NAME_PART_CAP = 130  # a name part wider than this may be cut (between clusters) rather than widen its column
HEAD_PREF = 80  # a number column may widen up to this so that its heading needs fewer lines
HEAD_FILL, GROUP_FILL, TOTAL_FILL, ZEBRA = (colors.HexColor(c) for c in ("#dde5ee", "#e9eef5", "#eeeeee", "#f6f7f9"))
GRID, GREY = colors.HexColor("#9aa3ad"), colors.HexColor("#555555")
DRAFT = "ชุดตัวชี้วัดฉบับร่าง"
CORRECTED = "ฉบับแก้ไขแล้ว (as corrected)"
SECRET = "ลับ — ข้อมูลส่วนบุคคล"
NUMERIC = (INT, PCT, MONEY, DECIMAL)
_AREA_PREFIX = {2: "จังหวัด", 4: "อำเภอ", 6: "ตำบล"}


def render(report: Report, path: Path, *, thai_digits: bool = False) -> Path:
    """Write the report as a PDF at `path` (atomically: a failed render leaves no file) and return it."""
    tt.register_fonts()
    path = Path(path)
    digits = _Digits(thai_digits)
    story, first = _story(report, digits)
    templates = [_template(first)] + [_template(o) for o in PAGE if o != first]
    partial_path = path.with_name(path.name + ".part")
    doc = BaseDocTemplate(str(partial_path), pagesize=PAGE[first], pageTemplates=templates, initialFontName=tt.FONT,
                          title=digits(report.title), subject=digits(area_line(report)), author="BMN Field Desk",
                          creator="BMN Field Desk")
    marks = partial(page_marks, report, thai_digits=thai_digits, printed=dt.date.today())
    try:
        doc.build(story, canvasmaker=partial(_MarkedCanvas, marks=marks))
        os.replace(partial_path, path)
    finally:
        partial_path.unlink(missing_ok=True)
    return path


class _Digits:
    """Every string in the document goes through this: Arabic digits become Thai digits when asked."""

    def __init__(self, thai: bool):
        self.thai = thai

    def __call__(self, text: str) -> str:
        return thai_digits(text) if self.thai else text


# ---------------------------------------------------------------- page marks (header and footer)

def page_marks(report: Report, page: int, total: int, *, thai_digits: bool, printed: dt.date) -> dict[str, str]:
    """The texts drawn around page `page` of `total` (empty string = not drawn)."""
    d = _Digits(thai_digits)
    return {
        "page": d(f"หน้า {page}/{total}"),
        "source": d(report.source),
        "printed": "พิมพ์เมื่อ " + thai_date(printed, thai_digits=thai_digits),
        "secret": SECRET if report.personal_data else "",
        "running": "" if page == 1 else d(f"{report.title} · {area_line(report)} · ปี พ.ศ. {report.survey_year}"),
        "status": " · ".join(s for s in (report.provisional and DRAFT, report.as_corrected and CORRECTED) if s)
        if page > 1 else "",
    }


def _draw_mark(canv, x, y, text, font, size, align="LEFT", color=GREY):
    if text:
        canv.setFillColor(color)
        tt.draw_text(canv, x, y, text, font, size, align)


class _MarkedCanvas(Canvas):
    """Holds the pages until the end so every page can say "หน้า n/N"."""

    def __init__(self, *args, marks, **kwargs):
        super().__init__(*args, **kwargs)
        self._marks = marks
        self._held: list[dict] = []

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held)
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self._draw_marks(self._marks(number, total))
            super().showPage()
        super().save()

    def _draw_marks(self, m: dict[str, str]) -> None:
        width, height = self._pagesize
        left, right, f, b = MARGIN_X, width - MARGIN_X, tt.FONT, tt.FONT_BOLD
        top = height - MARGIN_TOP + 3 * mm
        status_w = tt.text_width(m["status"], b, MARK_PT) + 6 * mm if m["status"] else 0
        _draw_mark(self, left, top, tt.fit_text(m["running"], right - left - status_w, f, MARK_PT), f, MARK_PT)
        _draw_mark(self, right, top, m["status"], b, MARK_PT, "RIGHT", colors.HexColor("#9a3412"))
        _draw_mark(self, width / 2, height - 7 * mm, m["secret"], b, 10, "CENTER", colors.HexColor("#b91c1c"))
        self.setStrokeColor(GRID)
        self.setLineWidth(0.4)
        line_y = MARGIN_BOTTOM - 3.5 * mm
        self.line(left, line_y, right, line_y)
        source_w = right - left - tt.text_width(m["page"], f, 9) - 6 * mm
        _draw_mark(self, left, line_y - 4.2 * mm, tt.fit_text(m["source"], source_w, f, MARK_PT), f, MARK_PT)
        _draw_mark(self, right, line_y - 4.2 * mm, m["page"], f, 9, "RIGHT", colors.black)
        _draw_mark(self, left, line_y - 8.4 * mm, m["printed"], f, MARK_PT)
        _draw_mark(self, width / 2, line_y - 8.4 * mm, m["secret"], b, MARK_PT, "CENTER", colors.HexColor("#b91c1c"))


def _template(orientation: str) -> PageTemplate:
    width, height = PAGE[orientation]
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM, id=orientation,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return PageTemplate(id=orientation, frames=[frame], pagesize=PAGE[orientation])


# ---------------------------------------------------------------- heading, notes, story

def area_line(report: Report) -> str:
    """"อำเภอเมืองลำปาง จังหวัดลำปาง": the area with its level name, then the areas above it."""
    if not report.area_path:
        return report.level_name
    *above, (_code, name) = report.area_path
    level = report.level_name
    if name.startswith((level, "หมู่")) or level == "อปท.":  # "หมู่ 3 บ้าน…", "เทศบาลตำบล…" say what they are
        main = name
    else:
        main = f"{level} {name}" if level == "หมู่บ้าน" else level + name
    rest = [(_AREA_PREFIX.get(len(code), "") + n) for code, n in reversed(above)]
    return " ".join([main, *rest])


def _heading(report: Report, d: _Digits) -> list:
    t = partial(tt.ThaiText, align="CENTER")
    indicator = report.indicator_title
    if report.indicator_period and _dashless(report.indicator_period) not in _dashless(indicator):
        indicator = f"{indicator} ({report.indicator_period})"
    out = [t(d(report.title), font=tt.FONT_BOLD, size=TITLE_PT, leading=TITLE_PT * 1.35),
           t(d(area_line(report)), size=SUBTITLE_PT, leading=SUBTITLE_PT * 1.4),
           t(d(f"ข้อมูล จปฐ. ปี พ.ศ. {report.survey_year} · ชุดตัวชี้วัด: {indicator}"), size=BODY_PT,
             leading=BODY_PT * 1.4)]
    if report.provisional:
        out += [Spacer(1, 2 * mm), _banner(d(DRAFT + " — ผลตามตัวชี้วัดชุดนี้ยังไม่ใช่ผลทางการ"), "#fff4d6", "#b7791f")]
    if report.as_corrected:
        out += [Spacer(1, 2 * mm), _banner(d(CORRECTED + " — รวมการแก้ไขข้อมูลที่บันทึกไว้แล้ว"), "#e3f2e8", "#2f855a")]
    return out + [Spacer(1, 4 * mm)]


def _dashless(text: str) -> str:
    return text.replace("–", "-").replace("—", "-")


def _banner(text: str, fill: str, line: str) -> Table:
    cell = tt.ThaiText(text, font=tt.FONT_BOLD, size=BODY_PT, leading=BODY_PT * 1.35, align="CENTER")
    banner = Table([[cell]], colWidths=[120 * mm])
    banner.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(fill)),
                                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(line)),
                                ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return banner


def _story(report: Report, d: _Digits) -> tuple[list, str]:
    parts = []  # (orientation, flowables) per table chunk
    notes = [d(f"{i}. {note}") for i, note in enumerate(report.notes, 1)]
    for k, table in enumerate(report.tables):
        # the notes end the last table, as rows of their own: never alone at the top of a page
        parts.extend(_TableLayout(table, d, notes if k == len(report.tables) - 1 else []).parts())
    first = parts[0][0] if parts else PORTRAIT
    story, current = _heading(report, d), first
    if not parts:
        story.append(tt.ThaiText("ไม่มีข้อมูล", size=BODY_PT))
    for index, (orientation, flowables) in enumerate(parts):
        if orientation != current:
            story += [NextPageTemplate(orientation), PageBreak()]
            current = orientation
        story += [*flowables, Spacer(1, 6 * mm)]
        if index == 0:  # the pass-rate chart right after the per-indicator table (indicator report only)
            story += charts.pdf_flowables(report, FRAME_W[current], d)
    if report.notes and not report.tables:
        story.append(CondPageBreak(40))
        story.append(tt.ThaiText("หมายเหตุ", font=tt.FONT_BOLD, size=BODY_PT, leading=BODY_PT * 1.4))
        for i, note in enumerate(report.notes, 1):
            story.append(tt.ThaiText(d(f"{i}. {note}"), size=BODY_PT, leading=BODY_PT * 1.4))
    return story, first


# ---------------------------------------------------------------- tables

@lru_cache(maxsize=4096)
def _heading_width(label: str, lines: int, size: float) -> float:
    """Narrowest width that sets a column heading on at most `lines` lines, breaking at words."""
    def fits(width: float) -> bool:
        return len(tt.break_lines(label, width, tt.FONT_BOLD, size)) <= lines

    ws = [w for w in tt.words(label)]
    spans = sorted({tt.text_width("".join(ws[i:j]).strip(), tt.FONT_BOLD, size)
                    for i in range(len(ws)) for j in range(i + 1, len(ws) + 1)})
    return next((w for w in spans if fits(w)), spans[-1] if spans else 0.0)


@dataclass
class _Col:
    index: int
    kind: str
    nat: float  # width without wrapping, padding included
    min: float  # narrowest acceptable width
    head: float  # preferred width, so that the heading takes few lines
    wraps: bool  # text with Thai or spaces: may wrap at words
    weight: float


class _TableLayout:
    """One ReportTable → [(orientation, [title, Table])…]: measured, oriented, chunked by columns if needed."""

    def __init__(self, table: ReportTable, d: _Digits, notes: list[str] | None = None):
        self.table, self.d, self.notes = table, d, notes or []
        self.size = CELL_PT if len(table.columns) <= 12 else SMALL_CELL_PT
        self.leading = round(self.size * 1.3, 1)
        self.kinds = table.row_kinds or [DATA] * len(table.rows)
        # codes a person types back (house codes, area codes) keep their Arabic digits
        self.cells = [[format_value(v, c.kind) if c.kind == CODE else d(format_value(v, c.kind))
                       for v, c in zip(row, table.columns)] for row in table.rows]
        self.cols = [self._measure(i) for i in range(len(table.columns))]

    def _spans(self, r: int) -> bool:
        """A GROUP row with nothing but its label spans the whole table."""
        return self.kinds[r] == GROUP and all(v is None or v == "" for v in self.table.rows[r][1:])

    def _measure(self, i: int) -> _Col:
        column = self.table.columns[i]
        size, pad = self.size, 2 * PAD_X + 0.5
        bold_rows = {r for r, k in enumerate(self.kinds) if k != DATA}
        values = {(self.cells[r][i], r in bold_rows) for r in range(len(self.cells)) if not self._spans(r)}
        widest = max((tt.text_width(v, tt.FONT_BOLD if b else tt.FONT, size) for v, b in values), default=0)
        label = self.d(column.label)
        word = max((tt.text_width(w, tt.FONT_BOLD, size) for w in tt.words(label) if not w.isspace()), default=0)
        wraps = column.kind == TEXT and any(tt.has_thai(v) or " " in v for v, _b in values)
        nat = max(widest, word) + pad
        if column.names:  # a name breaks only at its spaces: the column is at least as wide as a name part
            word = max([word] + [min(NAME_PART_CAP, tt.text_width(p, tt.FONT_BOLD if b else tt.FONT, size))
                                 for v, b in values for p in v.split()])
        if wraps:  # text wraps at words; its heading fits on one line once the text is wide enough
            return _Col(i, column.kind, nat, min(nat, max(word, 5 * size) + pad),
                        max(nat, _heading_width(label, 1, size) + pad), wraps, column.width)
        # numbers and codes never wrap; their heading takes up to 4 lines, ideally 2 or 3 within HEAD_PREF
        heads = [_heading_width(label, k, size) + pad for k in (2, 3, 4)]
        preferred = next((h for h in heads if h <= HEAD_PREF), heads[-1])
        return _Col(i, column.kind, max(nat, heads[-1]), max(nat, heads[-1]), max(nat, preferred), wraps,
                    column.width)

    def parts(self) -> list[tuple[str, list]]:
        cols = self.cols
        comfortable = sum(min(c.nat, TEXT_WRAP_CAP) if c.wraps else c.nat for c in cols)
        if comfortable <= FRAME_W[PORTRAIT]:
            return [(PORTRAIT, self._flowables(cols, FRAME_W[PORTRAIT], "", True))]
        width = FRAME_W[LANDSCAPE]
        chunks = self._chunks(width)
        n = len(chunks)
        return [(LANDSCAPE, self._flowables(chunk, width, f" (ส่วนที่ {k}/{n})" if n > 1 else "", k == n))
                for k, chunk in enumerate(chunks, 1)]

    def _chunks(self, width: float) -> list[list[_Col]]:
        """Column chunks that each fit `width` at their narrowest, each led by the row-label columns (the
        leading ungrouped text columns, e.g. code and name); a Column.group (one หมวด) stays in one chunk
        when it fits in one, and the chunks are balanced rather than filled greedily."""
        columns = self.table.columns
        n_lead = 0
        while n_lead < min(3, len(self.cols) - 1) and columns[n_lead].kind in (TEXT, CODE) and not columns[n_lead].group:
            n_lead += 1
        n_lead = max(n_lead, 1)
        lead, rest = self.cols[:n_lead], self.cols[n_lead:]
        room = width - sum(min(c.min, width * 0.3 / n_lead) for c in lead)
        if sum(c.min for c in rest) <= room:
            return [self.cols]
        runs: list[list[_Col]] = []
        for col in rest:
            group = columns[col.index].group
            if runs and group and columns[runs[-1][0].index].group == group:
                runs[-1].append(col)
            else:
                runs.append([col])
        chunks, cuts = _pack_runs(runs, room)
        limit = sum(c.min for c in rest) / len(chunks)
        while limit < room:  # the narrowest limit that needs no more chunks and cuts no more groups
            balanced, balanced_cuts = _pack_runs(runs, limit)
            if len(balanced) <= len(chunks) and balanced_cuts <= cuts:
                chunks = balanced
                break
            limit *= 1.03
        return [[*lead, *chunk] for chunk in chunks]

    @staticmethod
    def _fit(cols: list[_Col], width: float) -> list[float]:
        """Column widths filling `width`. Room to spare: first headings get their preferred width, then text
        columns take the rest by Column.width (numbers a little). Too narrow: text columns shrink from
        natural towards their minimum, numbers never."""
        nat = sum(c.nat for c in cols)
        text = [c for c in cols if c.wraps]
        if nat > width:
            give = sum(c.nat - c.min for c in text)
            for fixed in ("head", "nat"):  # number headings on fewer lines, unless that squeezes the text
                room = width - sum(getattr(c, fixed) for c in cols if not c.wraps) - sum(c.min for c in text)
                f = max(0.0, min(1.0, room / give)) if give else 0.0
                if f >= 0.4 or fixed == "nat":
                    return [c.min + (c.nat - c.min) * f if c.wraps else getattr(c, fixed) for c in cols]
        extra = width - nat
        want = sum(c.head - c.nat for c in cols)
        if want > 0:
            f = min(1.0, extra / want)
            cols = [replace(c, nat=c.nat + (c.head - c.nat) * f) for c in cols]
            nat, extra = sum(c.nat for c in cols), extra - want * f
        if not text:
            return [c.nat + extra * c.nat / nat for c in cols]
        fixed_nat = sum(c.nat for c in cols if not c.wraps) or 1
        fixed_share = min(extra * 0.4, fixed_nat * 0.5)
        weights = sum(c.weight for c in text) or 1
        widths = [c.nat + (extra - fixed_share) * c.weight / weights if c.wraps
                  else c.nat + fixed_share * c.nat / fixed_nat for c in cols]
        capped = [min(w, max(c.nat * 1.6, c.nat + 60)) if c.wraps else w for w, c in zip(widths, cols)]
        spare = sum(widths) - sum(capped)  # what a text column cannot use well goes to every column evenly
        return [w + spare * w / sum(capped) for w in capped]

    def _flowables(self, cols: list[_Col], width: float, suffix: str, last: bool) -> list:
        widths = self._fit(cols, width)
        title = tt.ThaiText(self.d(self.table.title + suffix), font=tt.FONT_BOLD, size=SUBTITLE_PT,
                            leading=SUBTITLE_PT * 1.4)
        table = self._table(cols, widths, self.notes if last else [])
        # start on a new page unless the title, the headings and two rows fit here (wrap measures only the
        # first rows of a long table, and a later wrap measures afresh)
        table.wrap(width, 300)
        need = title.wrap(width, 300)[1] + 1.5 * mm + sum(h for h in table._rowHeights[:table.repeatRows + 2] if h)
        return [CondPageBreak(need + 2), title, Spacer(1, 1.5 * mm), table]

    def _table(self, cols: list[_Col], widths: list[float], notes: list[str]) -> Table:
        columns = [self.table.columns[c.index] for c in cols]
        head, style = self._header(columns)
        nhead = len(head)
        size, leading = self.size, self.leading
        data = list(head)
        inner = [w - 2 * PAD_X for w in widths]
        # Body row heights are known here (lines × leading + padding, as reportlab would measure them); given
        # to the Table they spare it re-measuring every remaining row at each page break (O(rows²) otherwise).
        heights: list[float | None] = [None] * nhead
        pad = PAD_TOP + PAD_BOTTOM
        for r, (row, kind) in enumerate(zip(self.cells, self.kinds), start=nhead):
            values = [row[c.index] for c in cols]
            font = tt.FONT if kind == DATA else tt.FONT_BOLD
            if kind == GROUP and self._spans(r - nhead):
                label = tt.ThaiText(values[0], font=font, size=size, leading=leading)
                heights.append(len(label.lines(sum(inner) + 2 * PAD_X * (len(cols) - 1))) * leading + pad)
                style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), GROUP_FILL),
                          ("NOSPLIT", (0, r), (-1, min(r + 1, nhead + len(self.cells) - 1)))]  # heading + a row
                data.append([label] + [""] * (len(cols) - 1))
                continue
            lines = 1
            for j, v in enumerate(values):
                if v and (tt.has_thai(v) or tt.text_width(v, font, size) > inner[j]):
                    align = "RIGHT" if cols[j].kind in NUMERIC else "LEFT"
                    values[j] = tt.ThaiText(v, font=font, size=size, leading=leading, align=align,
                                            names=columns[j].names)
                    lines = max(lines, len(values[j].lines(inner[j])))
                elif "\n" in v:
                    lines = max(lines, v.count("\n") + 1)
            heights.append(lines * leading + pad)
            if kind != DATA:
                style += [("FONT", (0, r), (-1, r), tt.FONT_BOLD, size, leading)]
                style += [("BACKGROUND", (0, r), (-1, r), GROUP_FILL if kind == GROUP else TOTAL_FILL)]
            if kind == TOTAL:
                style += [("LINEABOVE", (0, r), (-1, r), 0.9, colors.black)]
            data.append(values)
        if len(data) == nhead:
            empty = tt.ThaiText("ไม่มีข้อมูล", size=size, leading=leading, align="CENTER")
            data.append([empty] + [""] * (len(cols) - 1))
            heights.append(leading + pad)
            style.append(("SPAN", (0, nhead), (-1, nhead)))
        body_end = len(data) - 1
        if notes:  # one spanning row without grid after the last row: kept with it by rowSplitRange below
            cell, height = _notes_cell(notes, sum(widths) - 2 * PAD_X)
            data.append([cell] + [""] * (len(cols) - 1))
            heights.append(height + PAD_TOP + 6 * mm)
            style += [("SPAN", (0, -1), (-1, -1)), ("TOPPADDING", (0, -1), (-1, -1), 6 * mm),
                      ("VALIGN", (0, -1), (-1, -1), "TOP")]
        style[:0] = [
            ("FONT", (0, 0), (-1, -1), tt.FONT, size, leading),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
            ("GRID", (0, 0), (-1, body_end), 0.3, GRID),
            ("BACKGROUND", (0, 0), (-1, nhead - 1), HEAD_FILL),
            ("LINEBELOW", (0, nhead - 1), (-1, nhead - 1), 0.8, colors.black),
            ("ROWBACKGROUNDS", (0, nhead), (-1, body_end), [colors.white, ZEBRA]),
        ] + [("ALIGN", (j, nhead), (j, -1), "RIGHT") for j, c in enumerate(cols) if c.kind in NUMERIC]
        # no page break that leaves fewer than 2 rows under the heading or fewer than 3 on the next page
        # (with notes: the notes and the last two rows stay together)
        split_range = (nhead + 2, -3 - bool(notes)) if len(data) > nhead + 6 + bool(notes) else (
            (nhead + 1, -2) if notes else None)
        table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=nhead, hAlign="LEFT",
                      rowSplitRange=split_range)
        table.setStyle(TableStyle(style))
        return table

    def _header(self, columns) -> tuple[list[list], list]:
        """One header row, or two when columns carry a spanning Column.group."""
        def label(text):
            return tt.ThaiText(self.d(text), font=tt.FONT_BOLD, size=self.size, leading=self.leading, align="CENTER")

        if not any(c.group for c in columns):
            return [[label(c.label) for c in columns]], []
        top, bottom, style = [], [], []
        j = 0
        while j < len(columns):
            group = columns[j].group
            if not group:
                top.append(label(columns[j].label))
                bottom.append("")
                style.append(("SPAN", (j, 0), (j, 1)))
                j += 1
                continue
            k = j
            while k < len(columns) and columns[k].group == group:
                top.append(label(group) if k == j else "")
                bottom.append(label(columns[k].label))
                k += 1
            if k - j > 1:
                style.append(("SPAN", (j, 0), (k - 1, 0)))
            j = k
        return [top, bottom], style


def _notes_cell(notes: list[str], width: float) -> tuple[list, float]:
    """The report's notes as one table cell (heading + numbered notes) and its height."""
    leading = BODY_PT * 1.4
    cell = [tt.ThaiText("หมายเหตุ", font=tt.FONT_BOLD, size=BODY_PT, leading=leading)]
    cell += [tt.ThaiText(note, size=BODY_PT, leading=leading) for note in notes]
    return cell, sum(len(t.lines(width)) for t in cell) * leading


def _pack_runs(runs: list[list[_Col]], limit: float) -> tuple[list[list[_Col]], int]:
    """Fill chunks up to `limit` with whole runs (column groups); a run wider than a chunk is cut.
    Returns the chunks and how many runs were cut."""
    chunks, cur, used, cuts = [], [], 0.0, 0
    for run in runs:
        if cur and used + sum(c.min for c in run) > limit:
            chunks.append(cur)
            cur, used = [], 0.0
        for k, col in enumerate(run):
            if cur and used + col.min > limit:
                chunks.append(cur)
                cur, used, cuts = [], 0.0, cuts + (k > 0)
            cur.append(col)
            used += col.min
    if cur:
        chunks.append(cur)
    return chunks, cuts
