"""The projector view (F5 on the report tab): the meeting pack one screen at a time, full screen, in type
large enough to read from 5 m on a 1024×768 or 1920×1080 projector.

Screens: the title, the summary (a few areas a screen), then for the area and each child area its key
figures (households, members, income, the failing-income count; last year beside them when stored) and its
pass-rate chart (axis from where the data is, the 0-break drawn as a zig-zag band, desktop/reports/charts.py).
Right / Down / PageDown / Space: next screen; Left / Up / PageUp / Backspace: previous; Home / End. Esc
leaves (or closes the household list). Nothing personal is shown until asked: on a key-figures screen, "L"
(or a click on the failing count) asks, and Enter confirms, to list those households under a confidentiality
banner — a deliberate step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QWidget

from desktop.reports import charts
from desktop.reports.meeting_pack import Pack, summary_report
from desktop.reports.model import GROUP, TOTAL
from desktop.reports.numbers import format_value

TITLE, SUMMARY, FIGURES, CHART, HOUSEHOLDS = "title", "summary", "figures", "chart", "households"
SUMMARY_ROWS = 8
LIST_ROWS = 10
SECRET = "ลับ — ข้อมูลส่วนบุคคล"
INK, MUTED, RED, BAND = QColor("#111111"), QColor("#555555"), QColor("#b91c1c"), QColor("#ffffff")
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


def tr(text: str) -> str:
    return QCoreApplication.translate("Projector", text)


@dataclass
class Screen:
    kind: str
    title: str
    section: int = -1  # index into pack.sections
    rows: list = field(default_factory=list)  # SUMMARY: summary rows; HOUSEHOLDS: list rows


def screens(pack: Pack) -> list[Screen]:
    """The pack's screens in presenting order."""
    out = [Screen(TITLE, pack.meeting.title)]
    table = summary_report(pack).tables[0]
    rows = [(values, kind) for values, kind in zip(table.rows, table.row_kinds) if kind != GROUP]
    chunks = [rows[i:i + SUMMARY_ROWS] for i in range(0, len(rows), SUMMARY_ROWS)]
    for n, chunk in enumerate(chunks, 1):
        suffix = f" ({n}/{len(chunks)})" if len(chunks) > 1 else ""
        out.append(Screen(SUMMARY, f"สรุปภาพรวม{suffix}", rows=chunk))
    for index, section in enumerate(pack.sections):
        out.append(Screen(FIGURES, section.name, index))
        if "indicators" in section.reports:
            out.append(Screen(CHART, f"ร้อยละผ่านเกณฑ์รายตัวชี้วัด · {section.name}", index))
    return out


class ProjectorView(QWidget):
    """A top-level, full-screen window over a built Pack."""

    closed = Signal()

    def __init__(self, pack: Pack, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorView")
        self.setWindowTitle(tr("Projector"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)
        self.pack = pack
        self.pages = screens(pack)
        self.index = 0
        self.asking = False  # the households question is on screen
        self.household_page: Screen | None = None  # the list on screen (personal data)
        self._failing_rect = QRectF()

    # navigation --------------------------------------------------------------------------------------

    @property
    def page(self) -> Screen:
        return self.household_page or self.pages[self.index]

    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, index))
        self.asking, self.household_page = False, None
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.household_page is not None or self.asking:
                self.asking, self.household_page = False, None
                self.update()
            else:
                self.close()
        elif self.asking and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_households()
        elif self.household_page is not None and key in NEXT_KEYS | PREVIOUS_KEYS:
            self._turn_list(1 if key in NEXT_KEYS else -1)
        elif key in NEXT_KEYS:
            self.go(self.index + 1)
        elif key in PREVIOUS_KEYS:
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.pages) - 1)
        elif key == Qt.Key.Key_L and self.page.kind == FIGURES:
            self.ask_households()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.page.kind == FIGURES and self._failing_rect.contains(event.position()):
            self.ask_households()
        else:
            super().mousePressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.household_page = None  # nothing personal lingers
        self.closed.emit()
        super().closeEvent(event)

    # households: a deliberate step ------------------------------------------------------------------------

    def failing_list(self, section: int) -> list[list]:
        report = self.pack.sections[section].reports.get("failing-income")
        if report is None:
            return []
        table = report.tables[0]
        keys = [c.key for c in table.columns]
        return [[row[keys.index(k)] for k in ("house_no", "village", "head", "members", "income_pp")]
                for row, kind in zip(table.rows, table.row_kinds) if kind != TOTAL]

    def ask_households(self) -> None:
        self.asking = True
        self.update()

    def open_households(self, start: int = 0) -> None:
        section = self.pages[self.index].section
        rows = self.failing_list(section)
        self.asking = False
        self.household_page = Screen(HOUSEHOLDS, self.pack.sections[section].name, section,
                                     rows[start:start + LIST_ROWS])
        self.household_page.rows_start = start  # type: ignore[attr-defined]
        self.update()

    def _turn_list(self, step: int) -> None:
        start = getattr(self.household_page, "rows_start", 0) + step * LIST_ROWS
        if 0 <= start < len(self.failing_list(self.household_page.section)):
            self.open_households(start)

    # painting ------------------------------------------------------------------------------------------

    def unit(self) -> float:
        """The body text height in pixels: a 24th of the screen height (32 px at 768, 45 px at 1080)."""
        return max(18.0, self.height() / 24)

    def type_font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(QApplication.font())
        font.setPixelSize(round(self.unit() * scale))
        font.setBold(bold)
        return font

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = self.page
        margin = self.unit()
        area = QRectF(margin, margin, self.width() - 2 * margin, self.height() - 2 * margin)
        painter.setPen(INK)
        painter.setFont(self.type_font(1.35, True))
        heading = QRectF(area.left(), area.top(), area.width(), self.unit() * 1.9)
        if page.kind != TITLE:
            painter.drawText(heading, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, page.title)
        body = QRectF(area.left(), heading.bottom() + self.unit() * 0.4, area.width(),
                      area.bottom() - heading.bottom() - self.unit() * 1.6)
        {TITLE: self._paint_title, SUMMARY: self._paint_summary, FIGURES: self._paint_figures,
         CHART: self._paint_chart, HOUSEHOLDS: self._paint_households}[page.kind](painter, body)
        painter.setFont(self.type_font(0.6))
        painter.setPen(MUTED)
        footer = QRectF(area.left(), area.bottom() - self.unit(), area.width(), self.unit())
        position = "" if self.household_page else f"{self.index + 1}/{len(self.pages)}"
        painter.drawText(footer, Qt.AlignmentFlag.AlignRight, position)
        painter.drawText(footer, Qt.AlignmentFlag.AlignLeft, f"{self.pack.area_name} · ปี พ.ศ. {self.pack.year}"
                         + (" · ชุดตัวชี้วัดฉบับร่าง" if self.pack.provisional else ""))
        if self.asking:
            self._paint_question(painter)
        painter.end()

    def _paint_title(self, painter: QPainter, body: QRectF) -> None:
        m = self.pack.meeting
        lines = [(m.title, 1.5, True), (f"ข้อมูล จปฐ. ปี พ.ศ. {self.pack.year}", 1.2, False),
                 (self.pack.area_name, 1.2, False), (f"วันที่ {self.pack.date_text}", 1.0, False)]
        if m.place:
            lines.append((f"ณ {m.place}", 1.0, False))
        y = body.top() + body.height() * 0.15
        for text, scale, bold in lines:
            painter.setFont(self.type_font(scale, bold))
            height = self.unit() * scale * 2.4
            painter.drawText(QRectF(body.left(), y, body.width(), height),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
            y += height

    def _table(self, painter: QPainter, body: QRectF, headings: list[str], rows: list[list[str]],
               widths: list[float], bold_rows: set[int] = frozenset(), numeric: list[bool] | None = None,
               scale: float = 1.0) -> None:
        """Rows of text under headings; numeric columns (default: all but the first) are right-aligned."""
        numeric = numeric or [j > 0 for j in range(len(widths))]
        line = self.unit() * 1.55
        x_at = [body.left()]
        for w in widths[:-1]:
            x_at.append(x_at[-1] + w * body.width())
        painter.setFont(self.type_font(0.8, True))
        painter.setPen(MUTED)
        for x, w, text, number in zip(x_at, widths, headings, numeric):
            align = Qt.AlignmentFlag.AlignRight if number else Qt.AlignmentFlag.AlignLeft
            painter.drawText(QRectF(x, body.top(), w * body.width() - 8, line * 1.3),
                             align | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap, text)
        y = body.top() + line * 1.4
        painter.setPen(QPen(INK, 2))
        painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y))
        for r, row in enumerate(rows):
            painter.setFont(self.type_font(scale, r in bold_rows))
            for j, (x, w, text) in enumerate(zip(x_at, widths, row)):
                align = Qt.AlignmentFlag.AlignRight if numeric[j] else Qt.AlignmentFlag.AlignLeft
                painter.drawText(QRectF(x, y, w * body.width() - 8, line), align | Qt.AlignmentFlag.AlignVCenter,
                                 text)
            y += line

    def _paint_summary(self, painter: QPainter, body: QRectF) -> None:
        table = summary_report(self.pack).tables[0]
        keys = [c.key for c in table.columns]
        show = [keys.index(k) for k in ("name", "households", "members")] + \
            [i for i, k in enumerate(keys) if k.startswith("cat_")] + [keys.index("failing_income")]
        headings = ["พื้นที่", "ครัวเรือน", "สมาชิก"] + [table.columns[i].label for i in show[3:-1]] + ["ไม่ผ่านรายได้"]
        rows = [[format_value(values[i], table.columns[i].kind) for i in show] for values, _kind in self.page.rows]
        bold = {r for r, (_v, kind) in enumerate(self.page.rows) if kind == TOTAL}
        n_cat = len(show) - 4
        widths = [0.25, 0.11, 0.12] + [0.4 / max(1, n_cat)] * n_cat + [0.12]
        self._table(painter, body, headings, rows, widths, bold, scale=0.9)

    def _paint_figures(self, painter: QPainter, body: QRectF) -> None:
        row = self.pack.summary[self.page.section]
        section = self.pack.sections[self.page.section]
        income = section.reports.get("income")
        per_person = None
        if income is not None:
            summary = next(t for t in income.tables if t.key == "summary")
            per_person = next((r[2] for r in summary.rows if r[0] == "รายได้เฉลี่ย"), None)
        changes = _changes(section)
        lines = [("ครัวเรือน", f"{row.households:,}", changes.get("ครัวเรือน", "")),
                 ("สมาชิก (คน)", f"{row.members:,}", changes.get("สมาชิก (คน)", "")),
                 ("รายได้เฉลี่ยต่อคน (บาท/ปี)", format_value(per_person, "money"),
                  changes.get("รายได้เฉลี่ยต่อคน", ""))]
        y = body.top() + self.unit() * 0.5
        step = self.unit() * 2.2
        for label, value, change in lines:
            self._figure_line(painter, body, y, label, value, change)
            y += step
        self._failing_rect = QRectF(body.left(), y, body.width(), step)
        failing = f"{row.failing_income:,}"
        self._figure_line(painter, body, y, "ครัวเรือนไม่ผ่านเกณฑ์รายได้", failing, changes.get("failing", ""))
        painter.setFont(self.type_font(0.7))
        painter.setPen(MUTED)
        hint = "กด L เพื่อดูรายชื่อ (ข้อมูลส่วนบุคคล)" if "failing-income" in section.reports else ""
        painter.drawText(QRectF(body.left(), y + step * 0.75, body.width(), self.unit()), Qt.AlignmentFlag.AlignLeft,
                         hint)
        if row.status:
            painter.drawText(QRectF(body.left(), y + step * 1.5, body.width(), self.unit()),
                             Qt.AlignmentFlag.AlignLeft, f"การรับรอง: {row.status}")

    def _figure_line(self, painter, body, y, label, value, change) -> None:
        painter.setPen(INK)
        painter.setFont(self.type_font(1.1))
        painter.drawText(QRectF(body.left(), y, body.width() * 0.45, self.unit() * 2), Qt.AlignmentFlag.AlignVCenter,
                         label)
        painter.setFont(self.type_font(1.6, True))
        painter.drawText(QRectF(body.left() + body.width() * 0.4, y, body.width() * 0.22, self.unit() * 2),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, value)
        painter.setFont(self.type_font(0.85))
        painter.drawText(QRectF(body.left() + body.width() * 0.64, y, body.width() * 0.36, self.unit() * 2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, change)

    def _paint_chart(self, painter: QPainter, body: QRectF) -> None:
        report = self.pack.sections[self.page.section].reports["indicators"]
        paint_chart(painter, body, charts.pass_rate_groups(report), self.type_font(0.62), self.type_font(0.5))

    def _paint_households(self, painter: QPainter, body: QRectF) -> None:
        painter.setFont(self.type_font(0.9, True))
        painter.setPen(RED)
        painter.drawText(QRectF(body.left(), body.top() - self.unit() * 2.2, body.width(), self.unit() * 1.9),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, SECRET)
        painter.setPen(INK)
        rows = [[str(v) if not isinstance(v, (int, float)) else format_value(v, "int" if i == 3 else "money")
                 for i, v in enumerate(r)] for r in self.page.rows]
        self._table(painter, body.adjusted(0, self.unit() * 0.2, 0, 0),
                    ["บ้านเลขที่", "หมู่บ้าน", "หัวหน้าครัวเรือน", "สมาชิก", "รายได้ต่อคน"], rows,
                    [0.12, 0.27, 0.37, 0.1, 0.14], numeric=[False, False, False, True, True], scale=0.9)

    def _paint_question(self, painter: QPainter) -> None:
        box = QRectF(self.width() * 0.15, self.height() * 0.35, self.width() * 0.7, self.height() * 0.3)
        painter.setBrush(QColor("#fff4d6"))
        painter.setPen(QPen(RED, 3))
        painter.drawRect(box)
        painter.setFont(self.type_font(1.0, True))
        painter.drawText(box.adjusted(20, 20, -20, -20), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         "แสดงรายชื่อครัวเรือนที่ไม่ผ่านเกณฑ์รายได้? (ข้อมูลส่วนบุคคล)\nEnter = แสดง · Esc = ไม่แสดง")


def _changes(section) -> dict[str, str]:
    """Last year's arrows from the reports' comparison tables: {"ครัวเรือน": "▲ +120 (ปี 2566)", ...}."""
    out: dict[str, str] = {}
    for kind, key in (("population", "yoy_counts"), ("income", "yoy_money"), ("failing-income", "yoy_counts")):
        report = section.reports.get(kind)
        table = next((t for t in report.tables if t.key == key), None) if report else None
        if table is None:
            continue
        before = table.columns[2].label
        for row in table.rows:
            change = row[3]
            if change is None:
                continue
            name = "failing" if "ไม่ผ่านเกณฑ์" in row[0] else row[0]
            out[name] = f"{row[-1].split(' ')[0]} {float(change):+,.0f} (จาก{before})"
    return out


def paint_chart(painter: QPainter, box: QRectF, groups: list[charts.BarGroup], label_font: QFont,
                value_font: QFont) -> None:
    """The pass-rate chart of charts.layout in `box`: bars from the 0 line, axis from the floor, break band."""
    unit = label_font.pixelSize()
    chart_h = box.height() - unit * 3.0  # a legend row above, the axis note below
    geometry = charts.layout(groups, box.width(), chart_h, left=unit * 3.2, bottom=unit * 3.4, top=unit * 1.2)
    top = box.top() + unit * 1.6

    def y_of(y: float) -> float:  # chart points (origin bottom-left) -> widget pixels
        return top + chart_h - y

    x0, y0, w, h = geometry.plot
    left = box.left()
    slot = geometry.bars[1].x - geometry.bars[0].x if len(geometry.bars) > 1 else w
    number_font = QFont(label_font)  # two digits must fit under a bar
    number_font.setPixelSize(max(9, min(label_font.pixelSize(), int(slot * 0.6))))
    small_font = QFont(value_font)
    small_font.setPixelSize(max(9, min(value_font.pixelSize(), int(slot * 0.6))))
    painter.setFont(label_font)
    painter.setPen(QPen(QColor("#d5d9de"), 1))
    for value, y in geometry.ticks:
        painter.drawLine(QPointF(left + x0, y_of(y)), QPointF(left + x0 + w, y_of(y)))
        painter.setPen(MUTED)
        painter.drawText(QRectF(left, y_of(y) - unit, x0 - 6, 2 * unit),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}%")
        painter.setPen(QPen(QColor("#d5d9de"), 1))
    for bar in geometry.bars:
        colour = QColor(charts.COLOURS[bar.group % len(charts.COLOURS)])
        if bar.rate is not None:
            painter.fillRect(QRectF(left + bar.x, y_of(bar.top), bar.width, bar.top - y0), colour)
        painter.setPen(INK)
        painter.setFont(small_font)
        label = "–" if bar.rate is None else f"{bar.rate:.0f}"
        painter.drawText(QRectF(left + bar.x - 10, y_of(bar.top) - unit * 1.1, bar.width + 20, unit),
                         Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(number_font)
        painter.drawText(QRectF(left + bar.x - 10, y_of(y0) + 2, bar.width + 20, unit * 1.2),
                         Qt.AlignmentFlag.AlignCenter, str(bar.no))
    painter.setFont(label_font)
    if geometry.break_band is not None:
        b0, b1 = geometry.break_band
        painter.fillRect(QRectF(left + x0 - 6, y_of(b1), w + 6, b1 - b0), BAND)
        painter.setPen(QPen(INK, 2))
        for yy in (b0, b1):
            points = [QPointF(left + x0 - 6 + 8 * k, y_of(yy) + (3 if k % 2 else -3)) for k in range(int(w // 8) + 2)]
            painter.drawPolyline(QPolygonF(points))
        painter.setPen(MUTED)
        painter.drawText(QRectF(left, y_of(y0) - unit, x0 - 6, 2 * unit),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0%")
    painter.setPen(QPen(INK, 2))
    painter.drawLine(QPointF(left + x0, y_of(y0)), QPointF(left + x0 + w, y_of(y0)))
    painter.drawLine(QPointF(left + x0, y_of(y0)), QPointF(left + x0, y_of(y0 + h)))
    for bx0, bx1, label in geometry.brackets:
        painter.drawText(QRectF(left + bx0, y_of(y0) + unit * 1.3, bx1 - bx0, unit * 1.3),
                         Qt.AlignmentFlag.AlignCenter, label)
    painter.setPen(MUTED)
    legend_x = left + x0
    metrics = painter.fontMetrics()
    full = sum(metrics.horizontalAdvance(g.name or g.short) + unit * 2 for g in groups) <= w
    for gi, group in enumerate(groups):  # a legend above the plot (หมวด numbers only when names do not fit)
        colour = QColor(charts.COLOURS[gi % len(charts.COLOURS)])
        painter.fillRect(QRectF(legend_x, box.top() + unit * 0.3, unit * 0.8, unit * 0.8), colour)
        name = (group.name or group.short) if full else group.short
        width = painter.fontMetrics().horizontalAdvance(name)
        painter.drawText(QRectF(legend_x + unit, box.top(), width + 4, unit * 1.4), Qt.AlignmentFlag.AlignVCenter, name)
        legend_x += width + unit * 2
    painter.setFont(value_font)
    note = charts.floor_note(geometry.floor, marked=False)
    if geometry.floor:
        note += " — ช่วงที่ตัดออกคือแถบระหว่างเส้นซิกแซก"
    painter.drawText(QRectF(left, box.bottom() - unit * 1.3, box.width(), unit * 1.2), Qt.AlignmentFlag.AlignLeft,
                     note)
