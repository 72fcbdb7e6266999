"""Bar chart of the indicators report: the pass rate of each indicator, one coloured bar set per หมวด.

QtCharts (PySide6-Addons, already shipped for QtPdf) draws it natively in the app font. The bars are a
stacked series with one QBarSet per หมวด, each holding the rates of its own indicators and zero elsewhere,
so every indicator gets a full-width bar in its หมวด colour on a shared axis of indicator numbers.
Hovering a bar names the indicator; clicking it asks for the households failing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from desktop.reports import charts
from desktop.reports.model import GROUP, PCT, TEXT, Report, ReportTable
from desktop.views.report_table_model import is_failing_column

COLOURS = ("#2e6fba", "#2e9e6a", "#d9822b", "#8e5bb5", "#c2444a", "#3a9fb0", "#8a7a35", "#5d6d7e")


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportChart", text)


@dataclass
class Bar:
    no: int
    rate: float | None  # None: nobody in the indicator's target group
    name: str = ""


@dataclass
class BarGroup:
    name: str
    bars: list[Bar] = field(default_factory=list)


def indicator_table(report: Report) -> ReportTable | None:
    """The per-indicator table: the first whose rows are keyed by indicator."""
    for table in report.tables:
        if any(key.get("indicator") is not None for key in table.row_keys):
            return table
    return None


def _rate_column(table: ReportTable) -> int | None:
    pcts = [i for i, c in enumerate(table.columns) if c.kind == PCT and not is_failing_column(c)]
    passing = [i for i in pcts if "pass" in f"{table.columns[i].key} {table.columns[i].label_en}".lower()
               or "ผ่าน" in f"{table.columns[i].group} {table.columns[i].label}"]
    return (passing or pcts or [None])[0]


def _name_column(table: ReportTable) -> int | None:
    texts = [i for i, c in enumerate(table.columns) if c.kind == TEXT]
    named = [i for i in texts if "name" in table.columns[i].key]
    return (named or texts[-1:] or [None])[0]


def pass_rates(report: Report) -> list[BarGroup]:
    """[หมวด with its indicators' pass rates] in table order; empty when the report has no such table."""
    table = indicator_table(report)
    rate_col = _rate_column(table) if table else None
    if table is None or rate_col is None:
        return []
    name_col = _name_column(table)
    groups: list[BarGroup] = []
    for row, values in enumerate(table.rows):
        kind = table.row_kinds[row] if row < len(table.row_kinds) else ""
        key = table.row_keys[row] if row < len(table.row_keys) else {}
        if kind == GROUP:
            groups.append(BarGroup(next((str(v) for v in values if v not in (None, "")), "")))
        elif key.get("indicator") is not None:
            if not groups:
                groups.append(BarGroup(""))
            rate = values[rate_col]
            name = str(values[name_col]) if name_col is not None and values[name_col] is not None else ""
            groups[-1].bars.append(Bar(int(key["indicator"]), float(rate) if rate is not None else None, name))
    return [g for g in groups if g.bars]


class PassRateChart(QChartView):
    indicator_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passRateChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.groups: list[BarGroup] = []
        self.series: QStackedBarSeries | None = None
        self._bars: dict[int, Bar] = {}
        self._order: list[int] = []
        self.setChart(QChart())

    def bar_sets(self) -> list[QBarSet]:
        return list(self.series.barSets()) if self.series is not None else []

    def set_report(self, report: Report | None) -> None:
        self.set_groups(pass_rates(report) if report is not None else [])

    def set_groups(self, groups: list[BarGroup]) -> None:
        self.groups = groups
        self._bars = {bar.no: bar for g in groups for bar in g.bars}
        self._order = [bar.no for g in groups for bar in g.bars]
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        base = QApplication.font()
        title_font = QFont(base)
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        title = tr("Passing each indicator (% of persons or households, by the indicator's unit)")
        chart.setTitle(title if groups else "")
        self.series = QStackedBarSeries() if groups else None
        if self.series is not None:
            self._fill(chart, groups, base)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _fill(self, chart: QChart, groups: list[BarGroup], font: QFont) -> None:
        order = self._order
        self.series.setBarWidth(0.8)
        for number, group in enumerate(groups):
            bar_set = QBarSet(group.name or tr("Category %1").replace("%1", str(number + 1)))
            colour = QColor(COLOURS[number % len(COLOURS)])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.setPen(QPen(Qt.PenStyle.NoPen))
            rates = {bar.no: bar.rate or 0.0 for bar in group.bars}
            bar_set.append([rates.get(no, 0.0) for no in order])
            bar_set.hovered.connect(self._hovered)
            bar_set.clicked.connect(self._clicked)
            self.series.append(bar_set)
        chart.addSeries(self.series)
        axis_x = QBarCategoryAxis()
        axis_x.append([str(no) for no in order])
        axis_x.setLabelsFont(font)
        axis_x.setTitleText(tr("Indicator no."))
        axis_x.setTitleFont(font)
        axis_x.setGridLineVisible(False)
        axis_y = QValueAxis()
        floor = charts.axis_floor([bar.rate for g in groups for bar in g.bars])  # where the data is, not 0
        axis_y.setRange(floor, 100)
        axis_y.setTickCount(len(charts.tick_values(floor)))
        axis_y.setTitleText(tr("%, axis from %1% (not 0)").replace("%1", f"{floor:g}") if floor else "%")
        axis_y.setTitleFont(font)
        axis_y.setLabelFormat("%d%%")
        axis_y.setLabelsFont(font)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(axis_x)
        self.series.attachAxis(axis_y)
        legend = chart.legend()
        legend.setFont(font)
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)

    def bar_at(self, index: int) -> Bar | None:
        return self._bars.get(self._order[index]) if 0 <= index < len(self._order) else None

    def bar_text(self, bar: Bar) -> str:
        if bar.rate is None:
            text = tr("No. %1: nobody in the target group").replace("%1", str(bar.no))
        else:
            text = tr("No. %1: %2% pass").replace("%1", str(bar.no)).replace("%2", f"{bar.rate:.1f}")
        return f"{text}\n{bar.name}" if bar.name else text

    def _hovered(self, status: bool, index: int) -> None:
        bar = self.bar_at(index)
        if status and bar is not None:
            text = self.bar_text(bar) + "\n" + tr("Click to list the households failing it")
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    def _clicked(self, index: int) -> None:
        bar = self.bar_at(index)
        if bar is not None:
            self.indicator_clicked.emit(bar.no)
