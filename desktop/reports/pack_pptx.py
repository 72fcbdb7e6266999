"""The meeting pack as PowerPoint slides (python-pptx), for offices that present and archive meetings as
PPTX: a title slide, the summary (a native table, 12 areas a slide so it reads from the back of the room),
and one native bar chart of pass rates per area (the pack's area and each child area).

Font: every run names Tahoma for Latin and for complex scripts (Thai is a complex script in OOXML: the
`a:cs` typeface). A PPTX names fonts, it does not carry them, and python-pptx cannot embed one; Tahoma has
Thai glyphs and ships with every Windows since XP and with macOS, so the slides look the same on the
meeting-room laptop. Sarabun / TH Sarabun New (the official letter fonts) are missing on many machines
and PowerPoint would substitute something unpredictable; Leelawadee UI reads well but is missing on
Windows 7 and macOS. The value axis starts where the data is (charts.axis_floor); a slide cannot draw an
axis break, so a "≈" label at the axis foot and the axis title say where it starts.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.reports import charts
from desktop.reports.meeting_pack import Pack, summary_report
from desktop.reports.model import GROUP, TEXT

FONT = "Tahoma"
ROWS_PER_SLIDE = 8  # with the two-line header this fills a 16:9 slide at 16 pt (looked at, rendered)
SUMMARY_KEYS = ("name", "households", "members", "failing_income", "confidence", "status")


def write_pptx(pack: Pack, path: Path | str) -> Path:
    from pptx import Presentation
    from pptx.util import Emu

    path = Path(path)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(12192000), Emu(6858000)  # 16:9
    _title_slide(deck, pack)
    _summary_slides(deck, pack)
    for section in pack.sections:
        report = section.reports.get("indicators")
        if report is not None:
            _chart_slide(deck, section.name, report)
    if pack.demo:  # every slide of a demo store says so
        from desktop.models import demo_data

        for slide in deck.slides:
            _text_box(slide, 300000, deck.slide_height - 400000, deck.slide_width - 600000, 300000,
                      [(demo_data.MARK_TH, 14, True)])  # below the table (it ends 6.0 M EMU down)
    part = path.with_name(path.name + ".part")
    try:
        deck.save(str(part))
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


def set_font(run, size_pt: float, bold: bool = False) -> None:
    """Tahoma for Latin and Thai (a:latin and a:cs) at the given size."""
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    run.font.size = Pt(size_pt)
    run.font.bold = bold
    run.font.name = FONT
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        found = rpr.find(qn(tag))
        if found is None:
            found = rpr.makeelement(qn(tag), {})
            rpr.append(found)
        found.set("typeface", FONT)


def _text_box(slide, left, top, width, height, lines: list[tuple[str, float, bool]], align=None):
    from pptx.util import Emu

    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    for i, (text, size, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        set_font(run, size, bold)
    return box


def _blank(deck):
    return deck.slides.add_slide(deck.slide_layouts[6])


def _title_slide(deck, pack: Pack) -> None:
    from pptx.enum.text import PP_ALIGN

    slide = _blank(deck)
    m = pack.meeting
    lines = [(m.title, 32, True), (f"ข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ปี พ.ศ. {pack.year}", 26, False),
             (pack.area_name, 26, False), (f"วันที่ {pack.date_text}", 24, False)]
    if m.place:
        lines.append((f"ณ {m.place}", 24, False))
    if pack.provisional:
        lines.append(("ชุดตัวชี้วัดฉบับร่าง — ผลยังไม่ใช่ผลทางการ", 20, True))
    _text_box(slide, 600000, 1300000, deck.slide_width - 1200000, 4500000, lines, PP_ALIGN.CENTER)


def _summary_slides(deck, pack: Pack) -> None:
    from pptx.util import Emu

    table = summary_report(pack).tables[0]
    keys = [c.key for c in table.columns]
    show = [i for i, k in enumerate(keys) if k in SUMMARY_KEYS or k.startswith("cat_")]
    rows = [(values, kind) for values, kind in zip(table.rows, table.row_kinds) if kind != GROUP]
    pages = [rows[i:i + ROWS_PER_SLIDE] for i in range(0, len(rows), ROWS_PER_SLIDE)]
    for n, page in enumerate(pages, 1):
        slide = _blank(deck)
        suffix = f" ({n}/{len(pages)})" if len(pages) > 1 else ""
        _text_box(slide, 400000, 200000, deck.slide_width - 800000, 700000,
                  [(f"สรุปภาพรวม {pack.area_name} ปี {pack.year}{suffix}", 28, True)])
        shape = slide.shapes.add_table(len(page) + 1, len(show), Emu(400000), Emu(1000000),
                                       Emu(deck.slide_width - 800000), Emu(5000000))
        grid = shape.table
        # the area name and the certification status ("ยังไม่รับรอง") on one line; the figures share the rest
        grid.columns[0].width, grid.columns[len(show) - 1].width = Emu(2700000), Emu(1500000)
        rest = (deck.slide_width - 800000 - 2700000 - 1500000) // (len(show) - 2)
        for j in range(1, len(show) - 1):
            grid.columns[j].width = Emu(rest)
        for j, i in enumerate(show):
            column = table.columns[i]
            _cell(grid.cell(0, j), column.label if not column.group else column.label.replace("หมวด ", "หมวด"), 14, True)
        for r, (values, _kind) in enumerate(page, 1):
            for j, i in enumerate(show):
                column = table.columns[i]
                _cell(grid.cell(r, j), _format(values[i], column.kind), 16, r == 1 and n == 1,
                      right=column.kind != TEXT)


def _format(value, kind: str) -> str:
    from desktop.reports.numbers import format_value

    return format_value(value, kind)


def _cell(cell, text: str, size: float, bold: bool = False, *, right: bool = False) -> None:
    from pptx.enum.text import PP_ALIGN

    frame = cell.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    run = paragraph.add_run()
    run.text = text
    set_font(run, size, bold)


def _chart_slide(deck, area_name: str, report) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Emu, Pt

    groups = charts.pass_rate_groups(report)
    if not groups:
        return
    floor = charts.axis_floor([b.rate for g in groups for b in g.bars])
    slide = _blank(deck)
    _text_box(slide, 400000, 150000, deck.slide_width - 800000, 700000,
              [(f"ร้อยละผ่านเกณฑ์รายตัวชี้วัด · {area_name}", 26, True)])
    data = CategoryChartData(number_format="0.0")
    bars = [b for g in groups for b in g.bars]
    data.categories = [str(b.no) for b in bars]
    for group in groups:
        mine = {b.no: b.rate for b in group.bars}
        data.add_series(group.name or group.short, [mine.get(b.no) for b in bars])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_STACKED, Emu(400000), Emu(850000),
                                   Emu(deck.slide_width - 800000), Emu(5500000), data)
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    chart.plots[0].gap_width = 40
    chart.plots[0].overlap = 100
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = floor, 100
    ticks = charts.tick_values(floor)
    axis.major_unit = ticks[1] - floor if len(ticks) > 1 else 10
    axis.has_title = True
    axis.axis_title.text_frame.text = (f"ร้อยละ (แกนเริ่มที่ {floor:g}% ไม่ใช่ 0)" if floor else "ร้อยละ")
    for run in axis.axis_title.text_frame.paragraphs[0].runs:
        set_font(run, 16)
    for ax in (axis, chart.category_axis):
        ax.tick_labels.font.size = Pt(16)
        ax.tick_labels.font.name = FONT
    chart.legend.font.size = Pt(16)
    chart.legend.font.name = FONT
    for gi, series in enumerate(chart.plots[0].series):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(charts.COLOURS[gi % len(charts.COLOURS)].lstrip("#"))
    if floor:
        _text_box(slide, 250000, 5900000, 1600000, 500000, [(f"≈ เริ่มที่ {floor:g}%", 14, True)])
