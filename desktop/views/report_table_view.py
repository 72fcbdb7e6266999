"""The tables of a report on screen: one QTableView per ReportTable, one after another in a scroll area.

Column widths fit the header and the values (sampled, so a 50,000-household list opens quickly); the widest
text column takes the spare width. GROUP rows span the table.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.model import GROUP, TOTAL, ReportTable
from desktop.views.report_table_model import KEY_ROLE, NUMERIC, ReportTableModel

WIDTH_SAMPLE_ROWS = 300  # column widths come from the first rows (and totals), not from a 50,000-row list
MAX_COLUMN_WIDTH = 380
MIN_TEXT_WIDTH = 110  # a name column narrowed this far at most when the figures would not fit
FIT_ROWS = 60  # tables up to this many rows are shown whole; longer ones scroll inside their own frame


class ReportTableView(QTableView):
    """Shows one ReportTableModel; emits `drill_requested(target)` on a double-click of a drillable cell."""

    drill_requested = Signal(dict)

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        for row in model.group_rows():
            self.setSpan(row, 0, 1, max(model.columnCount(), 1))
        self._widths = self._natural_widths(model)
        for col, width in enumerate(self._widths):
            self.setColumnWidth(col, width)
        texts = [c for c, column in enumerate(model.table.columns) if column.kind not in NUMERIC]
        # the widest text column (a name) takes the spare width when the table is narrower than the view
        self._filler = max(texts, key=lambda c: self._widths[c]) if texts else None
        self.doubleClicked.connect(self._double_clicked)

    def _natural_widths(self, model: ReportTableModel) -> list[int]:
        """Widest header line or value (first rows and totals), capped; group headings span, so they don't count."""
        metrics = self.fontMetrics()
        rows = [r for r in range(model.rowCount()) if model.row_kind(r) != GROUP]
        sample = rows[:WIDTH_SAMPLE_ROWS] + [r for r in rows[WIDTH_SAMPLE_ROWS:] if model.row_kind(r) == TOTAL]
        widths = []
        for col in range(model.columnCount()):
            header = model.headerData(col, Qt.Orientation.Horizontal)
            widest = max(metrics.horizontalAdvance(line) for line in header.split("\n")) + 24
            for row in sample:
                widest = max(widest, metrics.horizontalAdvance(model.data(model.index(row, col)) or "") + 16)
            widths.append(min(widest, MAX_COLUMN_WIDTH))
        return widths

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        spare = self.viewport().width() - sum(self._widths)
        if self._filler is not None and spare >= 0:
            self.setColumnWidth(self._filler, self._widths[self._filler] + spare)
        elif spare < 0:  # too wide: long texts give way (elided, whole in the tooltip) before figures scroll away
            texts = [c for c, column in enumerate(self.report_model().table.columns) if column.kind not in NUMERIC]
            for col in sorted(texts, key=lambda c: -self._widths[c]):
                give = min(-spare, max(self._widths[col] - MIN_TEXT_WIDTH, 0))
                self.setColumnWidth(col, self._widths[col] - give)
                spare += give
            for col in set(range(len(self._widths))) - set(texts):
                self.setColumnWidth(col, self._widths[col])

    def fit_height(self, max_rows: int) -> None:
        """As tall as the table (no inner vertical scrolling) up to `max_rows` rows."""
        rows = min(self.model().rowCount(), max_rows)
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        width = sum(self.columnWidth(c) for c in range(self.model().columnCount()))
        page = self.parentWidget().width() if self.parentWidget() is not None else 0
        if width > (page - 12 if page > 100 else 900):  # wider than the page: it scrolls sideways, room for the bar
            height += self.horizontalScrollBar().sizeHint().height()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if self.model().rowCount() > max_rows
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    def report_model(self) -> ReportTableModel:
        return self.model()

    def _double_clicked(self, index: QModelIndex) -> None:
        target = self.report_model().data(index, KEY_ROLE)
        if target:
            self.drill_requested.emit(target)


class ReportPage(QScrollArea):
    """The report's tables, each under its title, as on paper."""

    drill_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(0, 0, 6, 0)
        self.setWidget(self.page)
        self.tables: list[ReportTableView] = []

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_tables()

    def _fit_tables(self) -> None:
        """A long table scrolls in a frame no taller than the page, so its sideways bar stays on screen."""
        for view in self.tables:
            on_screen = (self.viewport().height() - 90) // view.verticalHeader().defaultSectionSize()
            view.fit_height(max_rows=max(8, min(FIT_ROWS, on_screen)))

    def clear(self) -> None:
        while self.page_layout.count():
            item = self.page_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.tables = []

    def show_tables(self, tables: list[ReportTable], lang: str, title_font: QFont) -> None:
        self.clear()
        for table in tables:
            caption = QLabel(table.title_en if lang == "en" and table.title_en else table.title, self.page)
            caption.setObjectName("reportTableTitle")
            caption.setWordWrap(True)
            caption.setFont(title_font)
            view = ReportTableView(ReportTableModel(table, lang), self.page)
            view.drill_requested.connect(self.drill_requested)
            self.tables.append(view)
            self.page_layout.addWidget(caption)
            self.page_layout.addWidget(view)
            self.page_layout.addSpacing(8)
        self.page_layout.addStretch(1)
        self._fit_tables()
        self.verticalScrollBar().setValue(0)
