"""The reports of the selected area and survey year: a chooser, the report's tables, the pass-rate chart,
and PDF / Excel / CSV / preview / print (desktop/views/report_output.py).

Building a report runs in the runner's reader pool (desktop.reports.builders.build inside store.read());
the view only shows the Report it gets back. Double-clicking a failing count, or clicking a bar, emits
`households_requested` with {"area", "indicator"} or {"area", "household"} for the main window.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import UserError
from desktop.reports.model import KINDS, Report
from desktop.views import settings
from desktop.views.detail_pane import BANNER_STYLE
from desktop.views.progress import error_text
from desktop.views.report_chart import PassRateChart
from desktop.views.report_output import ReportOutput
from desktop.views.report_table_view import ReportPage, ReportTableView

PERSONAL_STYLE = "QLabel { color: #b3261e; font-weight: bold; }"
MUTED_STYLE = "QLabel { color: #555555; }"
CHART_SPLIT = (0.58, 0.42)  # share of the height for the tables and the chart
AREA_PREFIX = {2: "จังหวัด", 4: "อำเภอ", 6: "ตำบล"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportView", text)


def area_line(report: Report) -> str:
    """"ตำบลแม่พริก อำเภอแม่พริก จังหวัดลำปาง": the area with its level name, then the areas above it."""
    if not report.area_path:
        return report.area_code
    *above, (_code, name) = report.area_path
    level = report.level_name
    main = name if name.startswith(level) else (f"{level} {name}" if level in ("หมู่บ้าน", "อปท.") else level + name)
    return " ".join([main, *(AREA_PREFIX.get(len(code), "") + n for code, n in reversed(above))])


def kind_names() -> dict[str, str]:
    return {
        "population": tr("Population"),
        "indicators": tr("Indicator results"),
        "income": tr("Average income and expenses"),
        "failing-income": tr("Households failing the income indicator"),
    }


class ReportView(QWidget):
    households_requested = Signal(dict)  # {"area", "indicator"} or {"area", "household"}
    report_shown = Signal(object)  # the Report now on screen
    status_message = Signal(str)

    def __init__(self, store, runner, lang: str = "th", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportView")
        self.store = store
        self.runner = runner
        self.lang = lang
        self.area_code: str | None = None
        self.year: int | None = None
        self.report: Report | None = None
        self._stale = True
        self._generation = 0
        self.loading = False  # a build is under way
        runner.events.data_changed.connect(self._data_changed)
        self.output = ReportOutput(self)
        self._make_widgets()

    # set-up ------------------------------------------------------------------------------------------

    def _make_widgets(self) -> None:
        bar = self._make_bar()
        self.banner = QLabel(tr("Draft indicator set (ชุดตัวชี้วัดฉบับร่าง): not yet confirmed; "
                                "do not certify with it"), self)
        self.banner.setObjectName("reportProvisionalBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.title = QLabel(self)
        self.title.setObjectName("reportTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.personal_label = QLabel(tr("Confidential — personal data"), self)
        self.personal_label.setStyleSheet(PERSONAL_STYLE)
        self.personal_label.setMinimumWidth(self.personal_label.sizeHint().width())
        self.personal_label.hide()
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setStyleSheet(MUTED_STYLE)
        self.status.linkActivated.connect(lambda _link: self.refresh())
        self._make_body()
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(MUTED_STYLE)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.personal_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addLayout(heading)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.notes)
        self._show_status(tr("Choose an area in the tree."))

    def _make_bar(self) -> QHBoxLayout:
        """Report chooser, Thai digits, and the output buttons."""
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("reportKindCombo")
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(12)
        for kind, name in kind_names().items():
            self.kind_combo.addItem(name, kind)
        kind_label = QLabel(tr("Repor&t:"), self)
        kind_label.setBuddy(self.kind_combo)
        self.thai_digits_box = QCheckBox(tr("Thai di&gits"), self)
        self.thai_digits_box.setObjectName("thaiDigitsBox")
        self.thai_digits_box.setToolTip(tr("Print numbers in Thai digits (๐๑๒…) in PDF and printouts"))
        self.thai_digits_box.setChecked(settings.REPORT_THAI_DIGITS.get())
        self.as_corrected_box = QCheckBox(tr("As corr&ected"), self)
        self.as_corrected_box.setObjectName("asCorrectedBox")
        self.as_corrected_box.setToolTip(tr("Build the report with the recorded corrections applied"))
        self.by_lao_box = QCheckBox(tr("By &LAO"), self)
        self.by_lao_box.setObjectName("byLaoBox")
        self.by_lao_box.setToolTip(tr("List the local administrations (LAO) of the area instead of its tambons"))
        # a tool bar: when the window is narrow, the buttons that do not fit move into its » menu
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("reportToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.output_actions: list[QAction] = []
        self.pdf_button = self._button(tr("Save PDF…"), "savePdfButton", lambda: self.output.save("pdf"),
                                       QKeySequence.StandardKey.Save)
        self.xlsx_button = self._button(tr("Save Excel…"), "saveXlsxButton", lambda: self.output.save("xlsx"))
        self.csv_button = self._button(tr("Save CSV…"), "saveCsvButton", lambda: self.output.save("csv"))
        self.preview_button = self._button(tr("Print preview"), "previewButton", self.output.preview)
        self.print_button = self._button(tr("Print…"), "printButton", self.output.print_report,
                                         QKeySequence.StandardKey.Print)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(kind_label)
        bar.addWidget(self.kind_combo)
        bar.addSpacing(12)
        bar.addWidget(self.thai_digits_box)
        bar.addWidget(self.as_corrected_box)
        bar.addWidget(self.by_lao_box)
        bar.addWidget(self.toolbar, 1)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.thai_digits_box.toggled.connect(settings.REPORT_THAI_DIGITS.set)
        self.as_corrected_box.toggled.connect(lambda _on: self.invalidate())
        self.by_lao_box.toggled.connect(lambda _on: self.invalidate())
        return bar

    def _make_body(self) -> None:
        """The tables one under another in a scroll area, and the chart below them."""
        self.scroll = ReportPage(self)
        self.scroll.drill_requested.connect(self.households_requested)
        self.chart = PassRateChart(self)
        self.chart.indicator_clicked.connect(self._bar_clicked)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

    def _button(self, text: str, name: str, slot, key=None) -> QToolButton:
        action = QAction(text, self)
        action.setIconText(text)  # keep the "…" that says a dialog follows
        action.setObjectName(name.replace("Button", "Action"))
        if key is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        if not self.output_actions:
            spacer = QWidget(self.toolbar)
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.toolbar.addWidget(spacer)
        self.toolbar.addAction(action)
        self.output_actions.append(action)
        button = self.toolbar.widgetForAction(action)
        button.setObjectName(name)
        button.setAutoRaise(False)  # look like the push buttons elsewhere in the window
        return button

    # what to show ------------------------------------------------------------------------------------------

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        """Choose a report kind (builds it if the view is showing and the kind changed)."""
        index = self.kind_combo.findData(kind if kind in KINDS else KINDS[0])
        if index != self.kind_combo.currentIndex():
            self.kind_combo.setCurrentIndex(index)  # refreshes
        elif self._stale and self.isVisible():
            self.refresh()

    def set_context(self, area_code: str | None, year: int | None) -> None:
        """Follow the tree and the year; building waits until the view is visible."""
        if (area_code, year) == (self.area_code, self.year) and not self._stale:
            return
        self.area_code, self.year = area_code, year
        self.by_lao_box.setEnabled(bool(area_code) and str(area_code).isdigit() and len(str(area_code)) in (2, 4, 6))
        self._stale = True
        if self.isVisible():
            self.refresh()

    def breakdown(self) -> str:
        """"lao" when the box is ticked and the area has อปท. below it (a province, district or tambon)."""
        code = self.area_code or ""
        return "lao" if self.by_lao_box.isChecked() and code.isdigit() and len(code) in (2, 4, 6) else "tambon"

    def set_as_corrected(self, on: bool) -> None:
        self.as_corrected_box.setChecked(on)  # rebuilds (if showing) when it changes

    def _data_changed(self, changes, _initiator) -> None:
        if changes.any("households", "corrections", "summaries", "areas", "indicators", "certifications"):
            self.invalidate()

    def invalidate(self) -> None:
        """The data changed (e.g. a new indicator set): build again now if showing, else when shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Build the chosen report for the area and year in the reader pool; the newest request wins."""
        self._generation += 1
        generation = self._generation
        if not self.area_code or self.year is None:
            self.loading = False
            self._set_report(None)
            self._show_status(tr("Choose an area in the tree."))
            return
        self._stale = False
        self.loading = True
        self._set_report(None)
        self._show_status(tr("Building the report…"))
        store, kind, area, year = self.store, self.kind(), self.area_code, self.year
        as_corrected = self.as_corrected_box.isChecked()
        by = self.breakdown()

        def build(progress, cancel):
            from desktop.reports import builders

            if generation != self._generation:
                return None  # superseded while queued (the person clicked on through the tree): skip the work
            cancel()
            with store.read() as conn:
                report = builders.build(conn, kind, area, year, as_corrected=as_corrected, by=by)
            cancel()
            return report

        self.runner.read(
            build, title=tr("Building the report…"), show_progress=True,
            on_done=lambda report: self._built(generation, report),
            on_error=lambda err: self._build_failed(generation, err),
            on_cancel=lambda: self._build_cancelled(generation))

    def _built(self, generation: int, report: Report | None) -> None:
        if generation == self._generation and report is not None:
            self.loading = False
            self._set_report(report)

    def _build_failed(self, generation: int, err: BaseException) -> bool:
        if generation != self._generation:
            return True
        self.loading = False
        self._stale = True
        self._show_status(html.escape(error_text(err)) + f' <a href="#">{tr("Try again")}</a>')
        return isinstance(err, UserError)  # other errors also get the runner's box with details

    def _build_cancelled(self, generation: int) -> None:
        if generation == self._generation:
            self.loading = False
            self._stale = True
            self._show_status(tr("The report was not built (cancelled).") + f' <a href="#">{tr("Build it")}</a>')

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.splitter.setVisible(not text)

    @property
    def tables(self) -> list[ReportTableView]:
        return self.scroll.tables

    # showing a report ----------------------------------------------------------------------------------------

    def _set_report(self, report: Report | None) -> None:
        self.report = report
        self.output.report_changed(report)
        self.scroll.clear()
        for action in self.output_actions:
            action.setEnabled(report is not None)
        self.banner.setVisible(bool(report and report.provisional))
        self.personal_label.setVisible(bool(report and report.personal_data))
        if report is None:
            self.title.clear()
            self.notes.clear()
            self.chart.set_report(None)
            return
        title = report.title_en if self.lang == "en" and report.title_en else report.title
        self.title.setText(tr("%1 · %2 (%3) · survey year %4").replace("%1", title)
                           .replace("%2", area_line(report)).replace("%3", report.area_code)
                           .replace("%4", str(report.survey_year)))
        self.scroll.show_tables(report.tables, self.lang, self.title.font())
        self.chart.set_report(report if report.kind == "indicators" else None)
        self.chart.setVisible(bool(self.chart.groups))
        if self.chart.groups:  # tables above, chart below: a little more room for the tables
            height = max(self.splitter.height(), 500)
            self.splitter.setSizes([round(height * CHART_SPLIT[0]), round(height * CHART_SPLIT[1])])
        self.notes.setText("\n".join([*report.notes, report.source]))
        self._show_status("" if report.tables else tr("Nothing to report for this area and year."))
        self.report_shown.emit(report)

    def _bar_clicked(self, number: int) -> None:
        if self.report is not None:
            self.households_requested.emit({"area": self.report.area_code, "indicator": number})
