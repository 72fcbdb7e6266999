"""The Monitoring tab: the confidence figure with its KPI colour, the year's visits, the selected visit's sample
and back-check state, confidence per area / indicator / collector, and the KPI board per district.

A plain widget: the controller (visits_ui.py) reads the data off the GUI thread and calls fill().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

COLOURS = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828", "none": "#616161"}


def tr(text: str) -> str:
    return QCoreApplication.translate("Monitoring", text)


def percent_text(value) -> str:
    return "-" if value is None else f"{value:.1f} %"


def _table(parent, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list], colours: list[str | None] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, (int, float)) or (isinstance(value, str) and value.endswith("%")):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if colours and colours[r] and c == len(row) - 1:
                item.setForeground(QColor(COLOURS[colours[r]]))
            table.setItem(r, c, item)


class MonitoringBoard(QWidget):
    visit_selected = Signal(str)  # visit id
    household_selected = Signal(object)  # SampledHousehold or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("monitoringBoard")
        self.visit_ids: list[str] = []
        self.sampled: dict[str, int] = {}  # visit id -> households drawn (0: no sample yet)
        self.households: list = []
        self.confidence_label = QLabel("-", self)
        self.confidence_label.setObjectName("confidenceLabel")
        font = self.confidence_label.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.confidence_label.setFont(font)
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.log_button = QPushButton(tr("Log &a visit…"), self)
        self.edit_button = QPushButton(tr("&Correct visit…"), self)
        self.sample_button = QPushButton(tr("Dra&w sample"), self)
        self.sheets_button = QPushButton(tr("Print shee&ts…"), self)
        self.entry_button = QPushButton(tr("Enter a&nswers…"), self)
        self.correct_button = QPushButton(tr("Ra&ise correction"), self)
        self.report_button = QPushButton(tr("Follow-&up report…"), self)
        for b in (self.edit_button, self.sample_button, self.sheets_button, self.correct_button):
            b.setEnabled(False)
        self.visits_table = _table(self, [tr("Date"), tr("Level"), tr("Code"), tr("Villages"), tr("Sample"),
                                          tr("Answered"), tr("Visitors")], "visitsTable")
        self.visits_table.itemSelectionChanged.connect(self._visit_changed)
        self.sample_table = _table(self, [tr("Village"), tr("House no."), tr("Sheet code"), tr("Result"),
                                          tr("Differs")], "sampleTable")
        self.sample_table.itemSelectionChanged.connect(self._household_changed)
        self.areas_table = _table(self, [tr("Area"), tr("Compared"), tr("Matching"), tr("Confidence")], "areasTable")
        self.indicators_table = _table(self, [tr("Indicator"), tr("Compared"), tr("Matching"), tr("Confidence")],
                                       "indicatorsTable")
        self.collectors_table = _table(self, [tr("Collector"), tr("Compared"), tr("Matching"), tr("Confidence")],
                                       "collectorsTable")
        self.kpi_table = _table(self, [tr("Area"), tr("Visits done / required"), tr("Sample"), tr("Answered"),
                                       tr("Confidence"), tr("Missing")], "kpiTable")
        tabs = QTabWidget(self)
        tabs.addTab(self.sample_table, tr("Sampled households"))
        tabs.addTab(self.areas_table, tr("By area"))
        tabs.addTab(self.indicators_table, tr("By indicator"))
        tabs.addTab(self.collectors_table, tr("By collector"))
        tabs.addTab(self.kpi_table, tr("KPI by district"))
        self.tabs = tabs
        # two rows (the visit, then its results) so that the tab fits beside the area tree and the detail pane
        visit_row, results_row = QHBoxLayout(), QHBoxLayout()
        for row, group in ((visit_row, (self.log_button, self.edit_button, self.sample_button, self.sheets_button)),
                           (results_row, (self.entry_button, self.correct_button, self.report_button))):
            for b in group:
                row.addWidget(b)
            row.addStretch(1)
        head = QHBoxLayout()
        head.addWidget(self.confidence_label)
        head.addWidget(self.detail_label, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.visits_table)
        splitter.addWidget(tabs)
        splitter.setSizes([180, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(visit_row)
        layout.addLayout(results_row)
        layout.addWidget(splitter, 1)

    # filling -------------------------------------------------------------------------------------------

    def fill(self, data: dict) -> None:
        """data: see VisitsController.read_board (plain values only)."""
        summary, settings = data["summary"], data["settings"]
        colour = settings.kpi_colour(summary.overall.percent)
        self.confidence_label.setText(tr("Confidence %1").replace("%1", percent_text(summary.overall.percent)))
        self.confidence_label.setStyleSheet(f"color: white; background: {COLOURS[colour]}; padding: 4px 10px;")
        self.confidence_label.setProperty("kpiColour", colour)
        self.detail_label.setText(
            tr("%1 of %2 items match · target %3 % · %4")
            .replace("%1", f"{summary.overall.matched:,}").replace("%2", f"{summary.overall.compared:,}")
            .replace("%3", f"{settings.kpi_target:g}")
            .replace("%4", tr("weighted by items") if summary.mode == "items" else tr("mean of villages")))
        current = self.current_visit()
        self.visit_ids = [v["visit_id"] for v in data["visits"]]
        self.sampled = {v["visit_id"]: v["sampled"] for v in data["visits"]}
        _fill(self.visits_table, [[v["date"], v["level"], v["code"], v["villages"], v["sampled"], v["answered"],
                                   v["visitors"]] for v in data["visits"]])
        names = data["names"]
        area_rows, colours = [], []
        for level in ("district", "tambon", "village"):
            for f in summary.levels.get(level, []):
                area_rows.append([f"{names.get(f.key, f.key)} ({f.key})", f.compared, f.matched,
                                  percent_text(f.percent)])
                colours.append(settings.kpi_colour(f.percent))
        _fill(self.areas_table, area_rows, colours)
        for table, figs in ((self.indicators_table, summary.indicators), (self.collectors_table, summary.collectors)):
            _fill(table, [[f.key, f.compared, f.matched, percent_text(f.percent)] for f in figs],
                  [settings.kpi_colour(f.percent) for f in figs])
        kpi = data["kpi"]
        _fill(self.kpi_table, [[r.name, f"{r.visits_done}/{r.visits_required}", r.sampled, r.answered,
                                percent_text(r.confidence.percent), "; ".join(r.missing) or tr("complete")]
                               for r in kpi], [None] * len(kpi))
        self.visits_table.blockSignals(True)  # one reload of the sample below, whatever the selection did
        if current in self.visit_ids:
            self.visits_table.selectRow(self.visit_ids.index(current))
        elif self.visit_ids:
            self.visits_table.selectRow(len(self.visit_ids) - 1)
        self.visits_table.blockSignals(False)
        self._visit_changed()

    def fill_sample(self, households: list) -> None:
        self.households = households
        rows = []
        for h in households:
            result = (tr("not yet checked") if h.answer_uuid is None
                      else tr("%1/%2 match").replace("%1", str(h.matched)).replace("%2", str(h.compared)))
            rows.append([h.village_name, h.house_no, h.code, result, ", ".join(h.mismatched_labels)])
        _fill(self.sample_table, rows)
        self.sheets_button.setEnabled(bool(households))
        self._household_changed()

    # selection ---------------------------------------------------------------------------------------------

    def current_visit(self) -> str | None:
        rows = self.visits_table.selectionModel().selectedRows()
        return self.visit_ids[rows[0].row()] if rows and rows[0].row() < len(self.visit_ids) else None

    def current_household(self):
        rows = self.sample_table.selectionModel().selectedRows()
        return self.households[rows[0].row()] if rows and rows[0].row() < len(self.households) else None

    def _visit_changed(self) -> None:
        visit = self.current_visit()
        # one sample per visit: a redraw (only before answers) is `main.py visits sample --redraw`
        self.sample_button.setEnabled(visit is not None and not self.sampled.get(visit))
        self.edit_button.setEnabled(visit is not None)
        self.visit_selected.emit(visit or "")

    def _household_changed(self) -> None:
        h = self.current_household()
        self.correct_button.setEnabled(bool(h and h.answer_uuid and h.mismatched))
        self.household_selected.emit(h)
