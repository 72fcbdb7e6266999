"""The review window: area tree and year (left), households or reports (centre), one household (right)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.models import areas, households, lookups, meta, surveys
from desktop.models.changes import REVIEW, Changes
from desktop.models.households import HouseholdFilter
from desktop.views import app as app_setup
from desktop.views import (certification_ui, demo_ui, file_actions, import_wizard, labels, meeting_ui, progress,
                           screen_fit, settings, sync_ui, visits_ui)
from desktop.views.about_dialog import AboutDialog
from desktop.views.area_tree import AreaPanel
from desktop.views.corrections_ui import CorrectionsController
from desktop.views.detail_pane import DetailPane
from desktop.views.filter_bar import FilterBar
from desktop.views.household_model import HouseholdTableModel
from desktop.views.household_table import HouseholdTable
from desktop.views.indicator_dialog import IndicatorSetDialog
from desktop.views.report_view import ReportView, kind_names

# Feature controllers that add their own menus, tabs and status-bar widgets: each module has install(window).
FEATURES = (visits_ui, certification_ui, sync_ui, demo_ui, meeting_ui)


class MainWindow(QMainWindow):
    def __init__(self, store, runner, lang: str = "th"):
        super().__init__()
        self.store = store
        self.runner = runner
        self.lang = lang
        runner.parent_widget = self
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("%1 — BMN survey review").replace("%1", APP_NAME))
        self.year: int | None = None
        self.area_code: str | None = None
        self._indicator_positions: dict[int, int] = {}  # indicator number -> 1-based position in the year's set
        self._pending_household: int | None = None
        self._keep_filters = False
        self.area_panel = AreaPanel(self)
        self.filter_bar = FilterBar(self)
        self.model = HouseholdTableModel(store, runner, self)
        self.table = HouseholdTable(self.model, self)
        self.detail = DetailPane(self)
        self.area_title = QLabel(self)
        self.area_title.setObjectName("areaTitle")
        font = self.area_title.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.area_title.setFont(font)
        self.report_view = ReportView(store, runner, lang, self)
        households_page = QWidget(self)
        households_layout = QVBoxLayout(households_page)
        households_layout.setContentsMargins(0, 4, 0, 0)
        households_layout.addWidget(self.filter_bar)
        households_layout.addWidget(self.table, 1)
        self.centre_tabs = QTabWidget(self)
        self.centre_tabs.setObjectName("centreTabs")
        self.centre_tabs.setDocumentMode(True)
        self.centre_tabs.addTab(households_page, self.tr("Households"))
        self.centre_tabs.addTab(self.report_view, self.tr("Reports"))
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 6, 0, 6)
        centre_layout.addWidget(self.area_title)
        centre_layout.addWidget(self.centre_tabs, 1)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        for widget in (self.area_panel, centre, self.detail):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 720, 450])
        self.setCentralWidget(splitter)
        self.corrections = CorrectionsController(self)
        self.file_actions = file_actions.install(self)
        self._make_actions()
        self._make_status_bar()
        self._connect()
        self.features = [feature.install(self) for feature in FEATURES]
        for first, second in ((self.area_panel.year_combo, self.area_panel.tree),
                              (self.area_panel.tree, self.filter_bar.status_combo),
                              (self.filter_bar.search_edit, self.table), (self.table, self.detail.review_button)):
            self.setTabOrder(first, second)

    # set-up ----------------------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.review_action = QAction(self.tr("Mark &reviewed"), self)
        self.review_action.setShortcut(QKeySequence("Ctrl+R"))
        self.review_action.triggered.connect(self.mark_reviewed)
        self.search_action = QAction(self.tr("&Find household"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.triggered.connect(self.filter_bar.focus_search)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.file_menu = file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = import_wizard.import_action(self)
        file_menu.addAction(self.import_action)
        for action in self.file_actions.actions.values():
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("H&ousehold"))
        edit_menu.addAction(self.search_action)
        edit_menu.addAction(self.review_action)
        edit_menu.addAction(self.corrections.correct_action)
        self.report_menu = report_menu = self.menuBar().addMenu(self.tr("Re&ports"))
        for number, (kind, name) in enumerate(kind_names().items(), start=1):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=kind: self.open_report(k))
            report_menu.addAction(action)
        indicator_menu = self.menuBar().addMenu(self.tr("In&dicators"))
        load_set = QAction(self.tr("&Load a new indicator set…"), self)
        load_set.setShortcut(QKeySequence("Ctrl+Shift+K"))
        load_set.triggered.connect(self.load_indicator_set)
        indicator_menu.addAction(load_set)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.corrections.as_corrected_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        view_menu.addAction(self.corrections.as_corrected_action)
        view_menu.addSeparator()
        for text, key, step in ((self.tr("&Next pane"), "F6", 1), (self.tr("&Previous pane"), "Shift+F6", -1)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, s=step: self.focus_pane(s))
            view_menu.addAction(action)
        view_menu = self.menuBar().addMenu(self.tr("&Language"))
        for code, name in (("th", "ภาษาไทย"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            view_menu.addAction(action)
        self.help_menu = help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.setShortcut(QKeySequence("F1"))
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _make_status_bar(self) -> None:
        self.officer_label = QLabel(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.path_label = QLabel(str(self.store.path), self)
        self.path_label.setObjectName("pathLabel")
        bar = self.statusBar()
        self.officer_label.setObjectName("officerLabel")
        for label in (self.officer_label, self.count_label):
            label.setContentsMargins(6, 0, 12, 0)
        bar.addWidget(self.officer_label)
        bar.addWidget(self.count_label)
        bar.addPermanentWidget(self.path_label)

    def _connect(self) -> None:
        self.area_panel.tree.area_selected.connect(self.show_area)
        self.area_panel.year_changed.connect(self.set_year)
        self.filter_bar.changed.connect(self.apply_filter)
        self.table.current_household_changed.connect(self.show_household)
        self.detail.reveal_requested.connect(self.reveal_id)
        self.detail.mark_reviewed_requested.connect(self.mark_reviewed)
        self.model.loading_changed.connect(self._loading_changed)
        self.model.loaded.connect(self._update_count)
        self.model.loaded.connect(self._select_pending_household)
        self.centre_tabs.currentChanged.connect(self._centre_tab_changed)
        self.report_view.households_requested.connect(self.show_households)
        self.report_view.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.runner.events.data_changed.connect(self._data_changed)
        self.runner.cancelled.connect(lambda _t: self.statusBar().showMessage(self.tr("Cancelled: nothing was changed."), 5000))

    # opening and closing: the screen and what was shown last time ------------------------------------------

    def show_on_screen(self) -> None:
        """As it was left (geometry, maximised, splitter); the first time maximised on a laptop screen."""
        geometry = settings.WINDOW_GEOMETRY.get()
        if not geometry.isEmpty() and self.restoreGeometry(geometry):
            self.restoreState(settings.WINDOW_STATE.get())
            self.splitter.restoreState(settings.WINDOW_SPLITTER.get())
            self.show()
        elif screen_fit.is_small(self):
            self.showMaximized()
        else:
            screen_fit.fit(self, 1400, 860)
            self.show()

    def open_last(self, area: str | None = None, year: int | None = None) -> None:
        """open(), defaulting to the area and year shown when the window last closed."""
        self.open(area or settings.LAST_AREA.get() or None, year or settings.LAST_YEAR.get() or None)

    def save_layout(self) -> None:
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        settings.WINDOW_STATE.set(self.saveState())
        settings.WINDOW_SPLITTER.set(self.splitter.saveState())
        if self.area_code and self.year:
            settings.LAST_AREA.set(self.area_code)
            settings.LAST_YEAR.set(self.year)

    # opening ---------------------------------------------------------------------------------------------

    def open(self, area: str | None = None, year: int | None = None) -> None:
        """Show a survey year (default: the latest) and an area (default: the officer's, else the first)."""
        with self.store.read() as conn:
            years = surveys.years(conn)
            officer = meta.officer(conn)
        self.show_officer(officer)
        year = year if year in years else (years[-1] if years else None)
        self.area_panel.set_years(years, year)
        self.set_year(year, area or officer.area_code or None)

    def show_officer(self, officer: meta.Officer) -> None:
        level = labels.level_names().get(officer.level, officer.level)
        text = f"{officer.name} · {level}" if officer.name else self.tr("No officer profile")
        self.officer_label.setText(text)

    def set_year(self, year: int | None, area: str | None = None) -> None:
        self.year = year
        area = area or self.area_code
        if year is None:
            self.area_panel.tree.load([])
            self.area_title.setText(self.tr("No survey data yet"))
            self.report_view.set_context(None, None)
            return
        with self.store.read() as conn:
            nodes = areas.tree(conn, year)
            choices, _provisional = lookups.indicator_choices(conn, year)
        self.area_panel.tree.load(nodes, self.lang)
        self.filter_bar.set_indicators(choices, self.lang)
        self.model.set_indicator_numbers([c.no for c in choices])
        self._indicator_positions = {c.no: c.position for c in choices}
        codes = self.area_panel.tree.codes()
        target = area if area in codes else next((c for c in codes if area and c.startswith(area)), None)
        if target is None and codes:
            target = codes[0]
        if target:
            self.area_panel.tree.select(target)

    def show_area(self, code: str, count: int) -> None:
        if code != self.area_code and not self._keep_filters and self.filter_bar.is_filtering():
            self.filter_bar.reset()  # a new area starts unfiltered; say so, so that nothing seems missing
            self.statusBar().showMessage(self.tr("Another area: the search and filters were cleared."), 5000)
        self.area_code = code
        self.table.setColumnHidden(self.model.column_of("village"), len(code) >= 8)  # one village: one หมู่
        self.area_title.setText(self.area_panel.tree.label_of(code))
        self.apply_filter()
        self.report_view.set_context(code, self.year)

    def current_filter(self) -> HouseholdFilter | None:
        if self.year is None or not self.area_code:
            return None
        bar = self.filter_bar
        return HouseholdFilter(self.year, self.area_code, bar.status(), bar.failed_position(), bar.search(),
                               bar.correction())

    def apply_filter(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        self.detail.clear()
        self.model.set_filter(flt, size_hint=self.area_panel.tree.households_in(flt.area_code))
        self._update_count()

    # reports and drill-down ------------------------------------------------------------------------------

    def open_report(self, kind: str) -> None:
        self.report_view.set_kind(kind)
        self.centre_tabs.setCurrentWidget(self.report_view)

    def _centre_tab_changed(self, _index: int) -> None:
        self.detail.setVisible(self.centre_tabs.currentIndex() == 0)  # the household pane goes with the table

    def show_households(self, target: dict) -> None:
        """From a report: the households failing an indicator in an area, or one household, in the table."""
        area = str(target.get("area") or self.area_code or "")
        position = self._indicator_positions.get(int(target["indicator"])) if "indicator" in target else None
        bar = self.filter_bar
        widgets = (bar.status_combo, bar.failed_combo, bar.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        bar.status_combo.setCurrentIndex(0)
        bar.failed_combo.setCurrentIndex(max(bar.failed_combo.findData(position), 0) if position else 0)
        bar.search_edit.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self._pending_household = target.get("household")
        self.centre_tabs.setCurrentIndex(0)
        self._keep_filters = True  # the report's filter is the point of going there
        try:
            if not self.area_panel.tree.select(area):
                self.apply_filter()
        finally:
            self._keep_filters = False

    def _select_pending_household(self, *_args) -> None:
        hid, self._pending_household = self._pending_household, None
        row = self.model.row_of(hid) if hid is not None else -1
        if row >= 0:
            self.table.select_row(row)
            self.table.setFocus()

    def load_indicator_set(self) -> None:
        dialog = IndicatorSetDialog(self.store, self.runner, self)
        dialog.exec()  # a new set is broadcast as changed indicators: _data_changed reloads

    def _data_changed(self, changes: Changes, _initiator) -> None:
        """Any write anywhere: reload what this window shows, keeping the household that is open."""
        current = self.detail.detail.id if self.detail.detail is not None else None
        if changes.any("areas", "indicators"):
            self._pending_household = current
            self.open(self.area_code, self.year)
        elif changes.any("households", "corrections", "certifications", "conflicts"):
            self.model.invalidate_rows()
            if current is not None:
                self.show_household(current)

    # the selected household -------------------------------------------------------------------------------

    def show_household(self, hid: int | None) -> None:
        if hid is None:
            self.detail.clear()
            return
        with self.store.read() as conn:
            found = households.detail(conn, hid)
            path = areas.name_path(conn, str(found.village), self.lang) if found else []
            found, history = self.corrections.prepare(conn, found) if found else (None, [])
        if found is None:
            self.detail.clear()
        else:
            self.detail.show_household(found, path, self.lang)
            self.corrections.show(found, history)

    def reveal_id(self, hid: int, seq: int) -> None:
        store = self.store

        def job(progress, cancel):
            with store.begin() as conn:
                return households.reveal_pid(conn, hid, seq)

        self.runner.write(job, title=self.tr("Showing the ID…"), on_done=lambda pid: self._id_revealed(hid, seq, pid))

    def _id_revealed(self, hid: int, seq: int, pid: str) -> None:
        if self.detail.detail is not None and self.detail.detail.id == hid:
            self.detail.show_full_id(seq, pid)

    def mark_reviewed(self) -> None:
        ids = self.table.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select one or more households first."), 5000)
            return
        store = self.store

        def job(progress, cancel):
            with store.begin() as conn:
                return households.set_status(conn, ids)

        self.runner.write(job, title=self.tr("Marking households reviewed…"), on_done=self._reviewed,
                          changes=REVIEW, initiator=self)

    def _reviewed(self, changed: int) -> None:
        self.statusBar().showMessage(self.tr("Marked %1 household(s) reviewed.").replace("%1", f"{changed:,}"), 5000)

    # status and misc ---------------------------------------------------------------------------------------

    def _loading_changed(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Loading households…"))

    def _update_count(self, *_args) -> None:
        if self.model.complete:
            self.count_label.setText(self.tr("%1 households shown").replace("%1", f"{self.model.rowCount():,}"))

    def choose_language(self, lang: str) -> None:
        app_setup.save_language(lang)
        progress.show_info(self, self.tr("The language changes the next time the program starts."))

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def panes(self) -> list:
        """Where F6 moves the keyboard focus: the area tree, the centre (table or report), the household."""
        centre = self.table if self.centre_tabs.currentIndex() == 0 else self.centre_tabs.currentWidget()
        detail = self.detail.tabs if self.detail.tabs.isVisible() else self.detail
        return [self.area_panel.tree, centre] + ([detail] if self.detail.isVisible() else [])

    def focus_pane(self, step: int) -> None:
        panes = self.panes()
        focused = QApplication.focusWidget()
        current = next((i for i, p in enumerate(panes) if focused is p or (focused and p.isAncestorOf(focused))), -1)
        target = panes[(current + step) % len(panes)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_layout()
        self.runner.shutdown()
        super().closeEvent(event)

    def add_feature_menu(self, title: str):
        """A menu for a feature controller, placed before Help."""
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self.help_menu.menuAction(), menu)
        return menu
