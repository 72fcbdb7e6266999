"""The pass-rate chart of the indicator report, on paper (reportlab), in Excel (a native openpyxl chart)
and — through the same geometry — on the projector (desktop/views/projector_chart.py).

One bar per indicator, coloured by หมวด, with a bracket and "หมวด N" under each หมวด's bars so that the
grouping reads in black and white too. The value axis starts where the data is (`axis_floor`: the
lowest rate floored to 5 or 10 below it), not at 0, so that 84 % and 97 % look different; the bars are
still drawn from a 0 line and cut by a visible break band (two zig-zag lines across the plot, the usual
"axis break" mark), and the axis label under the break reads 0. A note under the chart says where the
axis starts. In Excel, where a break cannot be drawn, the axis title says it.

    groups = pass_rate_groups(report)            # [] unless the report has the per-indicator table
    geometry = layout(groups, width, height)     # bars, ticks, break band in points (origin bottom-left)
    drawing = pass_rate_drawing(groups, width)   # a reportlab Drawing (Thai shaped like pdf.py's text)
    add_xlsx_chart(book, report)                 # a sheet with the rates and a native bar chart
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from desktop.reports import numbers
from desktop.reports.model import GROUP, PCT, Report, ReportTable

COLOURS = ("#2e6fba", "#2e9e6a", "#d9822b", "#8e5bb5", "#c2444a", "#3a9fb0", "#8a7a35", "#5d6d7e")
CHART_TITLE = "ร้อยละที่ผ่านเกณฑ์ รายตัวชี้วัด (คน หรือ ครัวเรือน ตามหน่วยของตัวชี้วัด)"
CHART_TITLE_EN = "Passing each indicator (% of persons or households, by the indicator's unit)"
SHEET_TITLE = "กราฟร้อยละผ่านเกณฑ์"


@dataclass
class Bar:
    no: int
    rate: float | None  # percent; None: nobody in the indicator's target group
    name: str = ""


@dataclass
class BarGroup:
    no: int  # the หมวด number (0 when the table had no หมวด rows)
    name: str  # "หมวด 1 สุขภาพ"
    bars: list[Bar] = field(default_factory=list)

    @property
    def short(self) -> str:
        return f"หมวด {self.no}" if self.no else self.name


def indicator_table(report: Report) -> ReportTable | None:
    return next((t for t in report.tables if t.key == "indicators"), None)


def pass_rate_groups(report: Report | None) -> list[BarGroup]:
    """[หมวด with its indicators' pass rates] in table order; [] when the report has no indicator table."""
    table = indicator_table(report) if report is not None else None
    if table is None:
        return []
    keys = [c.key for c in table.columns]
    if "passed_pct" not in keys:
        return []
    rate_at, name_at = keys.index("passed_pct"), keys.index("name") if "name" in keys else None
    groups: list[BarGroup] = []
    for values, kind, key in zip(table.rows, table.row_kinds, table.row_keys):
        if kind == GROUP:
            groups.append(BarGroup(int(key.get("category") or 0), str(values[0] or "")))
        elif key.get("indicator") is not None:
            if not groups:
                groups.append(BarGroup(0, ""))
            rate = values[rate_at]
            name = str(values[name_at]) if name_at is not None and values[name_at] is not None else ""
            groups[-1].bars.append(Bar(int(key["indicator"]), None if rate is None else float(rate), name))
    return [g for g in groups if g.bars]


def axis_floor(rates: list[float | None]) -> float:
    """Where the value axis starts: the lowest rate floored to a multiple of 5 (a narrow spread) or 10,
    at least 2 points below it; 0 when the rates reach down near 0 anyway."""
    known = [r for r in rates if r is not None]
    if not known:
        return 0.0
    low = min(known)
    step = 5 if 100 - low <= 30 else 10
    floor = math.floor((low - 2) / step) * step
    return 0.0 if floor <= 20 else float(floor)


def tick_values(floor: float) -> list[float]:
    span = 100 - floor
    step = 2 if span <= 10 else 5 if span <= 30 else 10 if span <= 60 else 20
    return [floor + k * step for k in range(int(span // step) + 1)]


# ---------------------------------------------------------------------------------------- geometry

@dataclass
class BarBox:
    no: int
    group: int  # index into the groups
    rate: float | None
    x: float
    width: float
    top: float  # y of the bar's top (the floor line for a missing rate)


@dataclass
class Geometry:
    """Everything to draw, in points with the origin at the bottom-left of the chart area."""

    floor: float
    plot: tuple[float, float, float, float]  # x, y (the 0 line), width, height
    bars: list[BarBox]
    ticks: list[tuple[float, float]]  # (value, y)
    brackets: list[tuple[float, float, str]]  # (x0, x1, "หมวด N") under each หมวด
    break_band: tuple[float, float] | None  # (y0, y1) of the break across the plot; None: the axis starts at 0

    def y_of(self, value: float) -> float:
        _x, y, _w, h = self.plot
        if self.break_band is None:
            return y + h * value / 100
        low = self.break_band[1] + 3
        return low + (y + h - low) * (value - self.floor) / (100 - self.floor)


def layout(groups: list[BarGroup], width: float, height: float, *, left: float = 30, bottom: float = 30,
           top: float = 8, right: float = 6, gap: float = 0.25) -> Geometry:
    """Bars, ticks and the break band for a chart area of width × height (margins in points)."""
    bars_all = [b for g in groups for b in g.bars]
    floor = axis_floor([b.rate for b in bars_all])
    plot = (left, bottom, max(10.0, width - left - right), max(10.0, height - bottom - top))
    x0, y0, w, h = plot
    band = (y0 + 0.05 * h, y0 + 0.05 * h + max(4.0, 0.035 * h)) if floor > 0 else None
    geometry = Geometry(floor, plot, [], [], [], band)
    slots = len(bars_all) + max(0, len(groups) - 1) * 0.6  # a little space between หมวด
    slot = w / slots if slots else w
    x = x0
    for gi, group in enumerate(groups):
        start = x
        for bar in group.bars:
            top_y = geometry.y_of(bar.rate) if bar.rate is not None else geometry.y_of(floor)
            geometry.bars.append(BarBox(bar.no, gi, bar.rate, x + slot * gap / 2, slot * (1 - gap), top_y))
            x += slot
        geometry.brackets.append((start + slot * gap / 2, x - slot * gap / 2, group.short))
        x += slot * 0.6
    geometry.ticks = [(v, geometry.y_of(v)) for v in tick_values(floor)]
    return geometry


def floor_note(floor: float, *, marked: bool = True) -> str:
    """What the reader must know about the value axis (marked: the chart draws the break mark)."""
    if floor <= 0:
        return "แกนตั้งเริ่มที่ 0%"
    if not marked:
        return f"แกนตั้งเริ่มที่ {floor:g}% ไม่ใช่ 0"
    return f"แกนตั้งเริ่มที่ {floor:g}% ไม่ใช่ 0 (ช่วง 0–{floor:g}% ถูกตัดออก ดูเครื่องหมายตัดแกน ≈ ที่โคนแท่ง)"


# ---------------------------------------------------------------------------------------- reportlab

def pass_rate_drawing(groups: list[BarGroup], width: float, height: float = 190, *, size: float = 8,
                      digits=str):
    """The chart as a reportlab Drawing; Thai strings are shaped (thai_text) and drawn left-anchored."""
    from reportlab.graphics.shapes import Drawing, Group, Line, PolyLine, Polygon, Rect, String
    from reportlab.lib import colors

    from desktop.reports import thai_text as tt

    tt.register_fonts()
    legend_h = size * 1.8
    drawing = Drawing(width, height)
    geometry = layout(groups, width, height - legend_h, left=size * 3.6, bottom=size * 4.2)
    x0, y0, w, h = geometry.plot
    grey, grid = colors.HexColor("#555555"), colors.HexColor("#d5d9de")

    def text(x, y, value, font=tt.FONT, pt=size, anchor="start", colour=colors.black):
        value = digits(value)
        shift = {"start": 0, "middle": 0.5, "end": 1}[anchor] * tt.text_width(value, font, pt)
        drawing.add(String(x - shift, y, tt.shaped(value, font, pt), fontName=font, fontSize=pt, fillColor=colour))

    for value, y in geometry.ticks:
        drawing.add(Line(x0, y, x0 + w, y, strokeColor=grid, strokeWidth=0.4))
        text(x0 - 3, y - size * 0.35, f"{value:g}%", anchor="end", colour=grey)
    for box in geometry.bars:
        colour = colors.HexColor(COLOURS[box.group % len(COLOURS)])
        if box.rate is None:
            text(box.x + box.width / 2, geometry.y_of(geometry.floor) + 2, "–", anchor="middle", colour=grey)
            continue
        drawing.add(Rect(box.x, y0, box.width, box.top - y0, fillColor=colour, strokeColor=None))
        label = Group(String(0, 0, digits(numbers.text(box.rate, PCT)), fontName=tt.FONT, fontSize=size * 0.8,
                             fillColor=colors.black))
        label.transform = (0, 1, -1, 0, box.x + box.width / 2 + size * 0.3, box.top + 1.5)
        drawing.add(label)
        text(box.x + box.width / 2, y0 - size * 1.1, str(box.no), pt=size * 0.85, anchor="middle")
    if geometry.break_band is not None:
        b0, b1 = geometry.break_band
        drawing.add(Rect(x0 - 4, b0, w + 4, b1 - b0, fillColor=colors.white, strokeColor=None))
        for yy in (b0, b1):
            points = []
            for k in range(int((w + 4) // 4) + 1):
                points += [x0 - 4 + 4 * k, yy + (1.2 if k % 2 else -1.2)]
            drawing.add(PolyLine(points, strokeColor=colors.black, strokeWidth=0.7))
        text(x0 - 3, y0 - size * 0.35, "0%", anchor="end", colour=grey)
    drawing.add(Line(x0, y0, x0 + w, y0, strokeColor=colors.black, strokeWidth=0.6))
    drawing.add(Line(x0, y0, x0, y0 + h, strokeColor=colors.black, strokeWidth=0.6))
    bracket_y = y0 - size * 2.0
    for bx0, bx1, label in geometry.brackets:
        drawing.add(PolyLine([bx0, bracket_y + 3, bx0, bracket_y, bx1, bracket_y, bx1, bracket_y + 3],
                             strokeColor=grey, strokeWidth=0.6))
        text((bx0 + bx1) / 2, bracket_y - size * 1.1, label, pt=size * 0.9, anchor="middle")
    # legend: a swatch and the หมวด name, in one row above the plot
    lx, ly = x0, height - legend_h + size * 0.5
    for gi, group in enumerate(groups):
        colour = colors.HexColor(COLOURS[gi % len(COLOURS)])
        drawing.add(Polygon([lx, ly, lx + size, ly, lx + size, ly + size * 0.9, lx, ly + size * 0.9],
                            fillColor=colour, strokeColor=None))
        name = group.name or group.short
        text(lx + size * 1.3, ly + 0.5, name, pt=size * 0.9)
        lx += size * 2.2 + tt.text_width(digits(name), tt.FONT, size * 0.9)
    return drawing


def pdf_flowables(report: Report, width: float, digits=str) -> list:
    """The chart with its title and axis note, kept together; [] for reports without the indicator table."""
    groups = pass_rate_groups(report)
    if not groups:
        return []
    from reportlab.platypus import KeepTogether, Spacer

    from desktop.reports import thai_text as tt

    floor = axis_floor([b.rate for g in groups for b in g.bars])
    return [KeepTogether([
        tt.ThaiText(digits(CHART_TITLE), font=tt.FONT_BOLD, size=11, leading=15),
        Spacer(1, 2),
        pass_rate_drawing(groups, width, digits=digits),
        tt.ThaiText(digits(floor_note(floor)), size=9, leading=12),
    ]), Spacer(1, 10)]


# ---------------------------------------------------------------------------------------- Excel

def add_xlsx_chart(book, report: Report, sheet=None, next_row: int = 1) -> bool:
    """The rates per indicator (one column per หมวด, so each หมวด has its colour) and a native bar chart over
    them whose value axis starts at axis_floor: on a sheet of their own, or appended to `sheet` (a
    write-only sheet whose next row is `next_row`). False when the report has no indicator table."""
    groups = pass_rate_groups(report)
    if not groups:
        return False
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.shapes import GraphicalProperties
    from openpyxl.utils import get_column_letter

    from desktop.reports import xlsx_memory

    floor = axis_floor([b.rate for g in groups for b in g.bars])
    if sheet is None:
        sheet, next_row = xlsx_memory.create_sheet(book, SHEET_TITLE), 1
    sheet.append([CHART_TITLE])
    sheet.append([floor_note(floor, marked=False)])
    sheet.append(["ตัวชี้วัดที่"] + [g.name or g.short for g in groups])
    first = next_row + 3
    for gi, group in enumerate(groups):
        for bar in group.bars:
            row: list = [str(bar.no)] + [None] * len(groups)
            if bar.rate is not None:
                row[1 + gi] = cell = WriteOnlyCell(sheet, value=round(bar.rate / 100, 4))
                cell.number_format = "0.0%"
            sheet.append(row)
    last = first + sum(len(g.bars) for g in groups) - 1
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title = CHART_TITLE
    chart.y_axis.title = f"ร้อยละผ่านเกณฑ์ (แกนเริ่มที่ {floor:g}% ไม่ใช่ 0)" if floor else "ร้อยละผ่านเกณฑ์"
    chart.x_axis.title = "ตัวชี้วัดที่"
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = floor / 100, 1.0
    chart.y_axis.number_format = "0%"
    ticks = tick_values(floor)
    chart.y_axis.majorUnit = (ticks[1] - floor) / 100 if len(ticks) > 1 else 0.1
    chart.x_axis.delete = chart.y_axis.delete = False
    data = Reference(sheet, min_col=2, max_col=1 + len(groups), min_row=first - 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    for gi, series in enumerate(chart.series):
        series.graphicalProperties = GraphicalProperties(solidFill=COLOURS[gi % len(COLOURS)].lstrip("#"))
    chart.gapWidth = 40
    chart.legend.position = "t"
    chart.width, chart.height = 32, 12
    sheet.add_chart(chart, f"{get_column_letter(len(groups) + 3)}{next_row + 2}")
    return True
