"""Monitoring visits in the main window: a "Monitoring" menu and centre tab (monitoring_board.py), the visit
dialog, drawing the sample, printing the sheets, entering answers (backcheck_entry.py), a discrepancy made a
correction in one click, the follow-up report, and the confidence figure on the status bar.

Installed by the main window (`install(window)`). Reads call desktop.models inside store.read() on the reader
pool; every write (visit, sample, answers, correction, files) runs on the window's single writer thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from desktop.models import dates
from desktop.models.changes import CORRECTION, VISIT, Changes
from desktop.views import file_dialogs
from desktop.views import progress as progress_ui
from desktop.views.backcheck_entry import BackcheckEntry
from desktop.views.monitoring_board import COLOURS, MonitoringBoard, percent_text
from desktop.views.visit_dialog import VisitDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("Monitoring", text)


def install(window) -> "VisitsController":
    return VisitsController(window)


def read_board(conn, year: int, area: str) -> dict:
    """Everything the board shows, as plain values (runs on a reader thread)."""
    from desktop.models import areas, backcheck, confidence, visits
    from desktop.models import monitoring_settings as ms

    settings = ms.load(conn)
    summary = confidence.summary(conn, year, area)
    rows = []
    for v in visits.visits(conn, year, area):
        sample = backcheck.current_sample(conn, v.visit_id)
        rows.append({"visit_id": v.visit_id, "date": v.date_be + (" · " + tr("planned") if v.planned else ""),
                     "level": visits.LEVEL_LABELS[v.level],
                     "code": v.short_code, "villages": len(v.villages),
                     "sampled": len(sample.all_ids()) if sample else 0,
                     "answered": len(backcheck.answers_of(conn, v.visit_id)),
                     "visitors": ", ".join(p.name for p in v.visitors)})
    top, districts = confidence.kpi_board(conn, year, area[:2]) if area else (None, [])
    codes = sorted({f.key for figs in summary.levels.values() for f in figs})
    return {"summary": summary, "settings": settings, "visits": rows, "names": areas.names_of(conn, codes),
            "kpi": [r for r in districts if r.area_code.startswith(area[:4])] + ([top] if top else [])}


class VisitsController(QObject):
    refreshed = Signal()  # the board shows fresh figures
    sample_loaded = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog: VisitDialog | None = None
        self.entry: BackcheckEntry | None = None
        self.board = MonitoringBoard(window)
        window.centre_tabs.addTab(self.board, tr("Monitoring"))
        self.status_label = QLabel(window)
        self.status_label.setObjectName("confidenceStatus")
        self.status_label.setContentsMargins(12, 0, 6, 0)
        window.statusBar().addPermanentWidget(self.status_label)
        menu = window.add_feature_menu(tr("&Monitoring"))
        for text, shortcut, slot in ((tr("&Log a visit…"), "Ctrl+Shift+L", self.open_visit_dialog),
                                     (tr("&Enter back-check answers…"), "Ctrl+Shift+B", self.open_entry),
                                     (tr("&Follow-up report…"), "Ctrl+Shift+U", self.write_report),
                                     (tr("Load monitoring &settings…"), "Ctrl+Shift+J", self.load_settings),
                                     (tr("Monitoring &board"), "Ctrl+Shift+M", self.show_board)):
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, run=slot: run())  # never the flag as `visit`
            menu.addAction(action)
        b = self.board
        b.log_button.clicked.connect(lambda: self.open_visit_dialog())
        b.edit_button.clicked.connect(self.edit_visit)
        b.sample_button.clicked.connect(self.draw_sample)
        b.sheets_button.clicked.connect(self.print_sheets)
        b.entry_button.clicked.connect(self.open_entry)
        b.correct_button.clicked.connect(self.raise_correction)
        b.report_button.clicked.connect(self.write_report)
        b.visit_selected.connect(self.load_sample)
        window.runner.events.data_changed.connect(self._data_changed)
        window.area_panel.tree.area_selected.connect(lambda *_: self.refresh())
        window.area_panel.year_changed.connect(lambda *_: self.refresh())
        self.refresh()

    # context ---------------------------------------------------------------------------------------------

    @property
    def area(self) -> str:
        return self.window.area_code or ""

    def show_board(self) -> None:
        self.window.centre_tabs.setCurrentWidget(self.board)
        self.refresh()

    def refresh(self) -> None:
        year, area, store = self.window.year, self.area, self.window.store
        if year is None:
            return

        def job(progress, cancel):
            with store.read() as conn:
                return read_board(conn, year, area)

        self.window.runner.read(job, on_done=self._show)

    def _show(self, data: dict) -> None:
        self.board.fill(data)
        summary, settings = data["summary"], data["settings"]
        colour = settings.kpi_colour(summary.overall.percent)
        self.status_label.setText(tr("Confidence %1").replace("%1", percent_text(summary.overall.percent)))
        self.status_label.setStyleSheet(f"color: {COLOURS[colour]}; font-weight: bold;")
        self.refreshed.emit()

    def load_sample(self, visit_id: str) -> None:
        store = self.window.store

        def job(progress, cancel):
            from desktop.models import confidence

            with store.read() as conn:
                return confidence.sampled_households(conn, visit_id) if visit_id else []

        self.window.runner.read(job, on_done=self._sample_shown)

    def _sample_shown(self, households) -> None:
        self.board.fill_sample(households)
        self.sample_loaded.emit()

    def _write(self, job, title: str, message: str, after=None, changes: Changes | None = VISIT) -> None:
        """The board refreshes itself on runner.events.data_changed (`changes`)."""
        def done(result):
            if after is not None:
                after(result)
            self.window.statusBar().showMessage(message, 5000)

        self.window.runner.write(job, title=title, on_done=done, changes=changes, initiator=self)

    def _data_changed(self, changes, _initiator) -> None:
        if changes.any("visits", "households", "corrections", "areas"):
            self.refresh()
            visit = self.board.current_visit()
            if visit:
                self.load_sample(visit)

    # visits --------------------------------------------------------------------------------------------------

    def open_visit_dialog(self, visit=None) -> VisitDialog | None:
        """A new visit, or with `visit` (visits.Visit) a corrected version of it."""
        from desktop.models import meta, visits
        from desktop.models import monitoring_settings as ms

        year = visit.survey_year if visit else self.window.year
        if year is None:
            self.window.statusBar().showMessage(tr("Import data first."), 5000)
            return None
        with self.window.store.read() as conn:
            officer = meta.officer(conn)
            scope = visit.area_code if visit else (self.area[:4] or officer.area_code[:4])
            villages = visits.villages_in(conn, year, scope)
            checklist = ms.load(conn).checklist
        self.dialog = VisitDialog(year, scope or officer.area_code, villages, checklist, officer, self.window)
        if visit is not None:
            self.dialog.prefill(visit)
        self.dialog.submitted.connect(self._log_visit)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def edit_visit(self) -> VisitDialog | None:
        from desktop.models import visits

        visit_id = self.board.current_visit()
        if not visit_id:
            return None
        with self.window.store.read() as conn:
            visit = visits.get(conn, visit_id)
        return self.open_visit_dialog(visit) if visit else None

    def _log_visit(self, values: dict) -> None:
        from desktop.models import visits

        store, dialog = self.window.store, self.dialog

        def job(progress, cancel):
            with store.begin() as conn:
                return visits.log(conn, **values)

        def after(_visit):
            if dialog is not None:
                dialog.accept()
            self.dialog = None

        self._write(job, tr("Saving the visit…"), tr("The visit was logged."), after)

    def draw_sample(self) -> None:
        from desktop.models import backcheck

        visit_id, store = self.board.current_visit(), self.window.store
        if not visit_id:
            return

        def job(progress, cancel):
            with store.begin() as conn:
                return backcheck.draw_sample(conn, visit_id)

        self._write(job, tr("Drawing the sample…"), tr("The sample was drawn."))

    def ask_path(self, title: str, name: str, pattern: str) -> Path | None:
        """A file to write (tests replace this)."""
        path, _ = file_dialogs.save_file_name(self.window, title, name, pattern)
        return Path(path) if path else None

    def print_sheets(self) -> None:
        from desktop.models import visits
        from desktop.reports import backcheck_sheets

        visit_id, store = self.board.current_visit(), self.window.store
        path = self.ask_path(tr("Save the back-check sheets"), "backcheck-sheets.pdf", "PDF (*.pdf)")
        if not visit_id or path is None:
            return

        def job(progress, cancel):
            with store.begin() as conn:
                visit = visits.get(conn, visit_id)
                sheets = backcheck_sheets.sheets_for(conn, visit_id)
                return backcheck_sheets.write(conn, visit, sheets, path)

        self._write(job, tr("Printing the sheets…"), tr("The sheets were saved."), changes=None)

    # answers ----------------------------------------------------------------------------------------------

    def open_entry(self) -> BackcheckEntry:
        from desktop.models import meta

        with self.window.store.read() as conn:
            checker = meta.officer(conn).name
        self.entry = BackcheckEntry(checker, dates.be_date(dt.date.today().isoformat()), self.window)
        self.entry.lookup_requested.connect(self.look_up)
        self.entry.submitted.connect(self._save_answers)
        self.entry.finished.connect(self._entry_closed)
        self.entry.open()
        return self.entry

    def _entry_closed(self) -> None:
        if self.entry is not None:
            self.entry.deleteLater()
            self.entry = None

    def look_up(self, code: str) -> None:
        from desktop.models import backcheck

        with self.window.store.read() as conn:
            form = backcheck.entry_form(conn, code)
        if self.entry is not None:
            self.entry.show_form(form)

    def _save_answers(self, visit_id, household_id, values: dict, checker: str, asked_on: str) -> None:
        from desktop.models import backcheck

        store, entry = self.window.store, self.entry

        def job(progress, cancel):
            with store.begin() as conn:
                return backcheck.record_answers(conn, visit_id, household_id, values, checker=checker,
                                                asked_on=asked_on)

        def after(_answer):
            if entry is not None and self.entry is entry:
                entry.saved(tr("Saved. Scan or type the next sheet's code."))

        self._write(job, tr("Saving the answers…"), tr("The back-check answers were saved."), after)

    def raise_correction(self) -> None:
        from desktop.models import backcheck_corrections

        h, store = self.board.current_household(), self.window.store
        if h is None or not h.answer_uuid:
            return

        def job(progress, cancel):
            with store.begin() as conn:
                return backcheck_corrections.raise_correction(conn, h.answer_uuid)

        def after(result):
            _set, proposal = result
            if proposal.by_hand:
                progress_ui.show_info(self.window, tr("Correct these by hand in the correction dialog:") + "\n"
                                      + "\n".join(proposal.by_hand))

        self._write(job, tr("Recording the correction…"), tr("The correction was recorded."), after,
                    changes=CORRECTION | VISIT)

    # settings --------------------------------------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        """A settings file to read (tests replace this)."""
        path, _ = file_dialogs.open_file_name(self.window, tr("Load monitoring settings"), "", "JSON (*.json)")
        return Path(path) if path else None

    def load_settings(self) -> None:
        """Replace the settings with an office's JSON file (docs/monitoring.md); a bad file changes nothing."""
        from desktop.models import monitoring_settings as ms

        path, store = self.ask_open_path(), self.window.store
        if path is None:
            return

        def job(progress, cancel):
            settings = ms.load_file(path)
            with store.begin() as conn:
                ms.save(conn, settings)

        self._write(job, tr("Loading the settings…"), tr("The monitoring settings were loaded."))

    # report ----------------------------------------------------------------------------------------------

    def write_report(self) -> None:
        from desktop.reports import files, followup_report

        year, area, store = self.window.year, self.area, self.window.store
        if year is None or not area:
            self.window.statusBar().showMessage(tr("Choose an area first."), 5000)
            return
        path = self.ask_path(tr("Save the follow-up report"), f"followup-{area}.pdf", "PDF (*.pdf);;Excel (*.xlsx)")
        if path is None:
            return
        fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "pdf"

        def job(progress, cancel):
            with store.read() as conn:
                report = followup_report.build(conn, year, area)
            return files.write(store, report, fmt, path, thai_digits=True)

        self._write(job, tr("Writing the follow-up report…"), tr("The follow-up report was saved."), changes=None)
