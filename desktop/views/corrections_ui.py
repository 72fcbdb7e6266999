"""Corrections in the main window: the "as corrected" switch, the correction dialog (Ctrl+E), the history
tab and reverting. Kept out of main_window.py so the window only wires it in.

Reads go through desktop.models.corrections inside store.read(); writes through the runner's writer.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit

from desktop.models.changes import CORRECTION
from desktop.views.correction_dialog import CorrectionDialog, load_rows
from desktop.views.history_view import history_entries


def tr(text: str) -> str:
    return QCoreApplication.translate("Corrections", text)


def corrected_detail(conn, found):
    """The household as corrected: member fields and indicator results after the applied corrections."""
    from desktop.models import corrections

    values = corrections.corrected_values(conn, found.id)
    results = corrections.evaluate_as_corrected(conn, found.id)
    if values is None:
        return found
    from desktop.models import engine

    household, member_rows = values
    shown = {f.name for f in dataclasses.fields(found)} - {"id", "members", "results", "income", "expense"}
    changes = {k: v for k, v in household.items() if k in shown and v is not None}
    changes["income"] = {k: int(household.get(k) or 0) for k in found.income}
    changes["expense"] = {k: int(household.get(k) or 0) for k in found.expense}
    members = []
    for m in found.members:
        row = member_rows.get(m.seq) or {}
        fix = {f.name: row[f.name] for f in dataclasses.fields(m)
               if f.name not in ("seq", "pid") and f.name in row and row[f.name] is not None}
        if "self_reliant" in fix or "in_school" in fix:
            fix.update({k: bool(fix[k]) for k in ("self_reliant", "in_school") if k in fix})
        members.append(dataclasses.replace(m, **fix))
    changes["income_pp"] = engine.income_per_person(sum(changes["income"].values()), len(members))
    return dataclasses.replace(found, **changes, members=members, results=results)


def lock_reason(conn, household_id: int) -> str:
    """Why the household cannot be corrected now (an active certification covers it), or ""."""
    from desktop.models import corrections
    from desktop.models.errors import UserError

    try:
        corrections.check_not_certified(conn, household_id)
    except UserError as err:
        return err.message
    return ""


class CorrectionsController(QObject):
    changed = Signal(object)  # household id whose corrections changed

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog: CorrectionDialog | None = None
        self._lock = ""
        self.as_corrected_action = QAction(tr("Show data as &corrected"), window)
        self.as_corrected_action.setObjectName("asCorrectedAction")
        self.as_corrected_action.setCheckable(True)
        self.as_corrected_action.toggled.connect(self.set_as_corrected)
        self.correct_action = QAction(tr("Corr&ect data…"), window)
        self.correct_action.setShortcut(QKeySequence("Ctrl+E"))
        self.correct_action.triggered.connect(self.open_dialog)
        window.detail.correct_requested.connect(self.open_dialog)
        window.detail.history.revert_requested.connect(self.revert)
        box = getattr(window.report_view, "as_corrected_box", None)
        if box is not None:
            box.toggled.connect(self.as_corrected_action.setChecked)
            self.as_corrected_action.toggled.connect(box.setChecked)

    @property
    def as_corrected(self) -> bool:
        return self.as_corrected_action.isChecked()

    def set_as_corrected(self, on: bool) -> None:
        report_view = self.window.report_view
        if hasattr(report_view, "set_as_corrected"):
            report_view.set_as_corrected(on)
        self.window.model.set_as_corrected(on)
        self.refresh_current()

    def prepare(self, conn, found):
        """Called by the main window inside store.read(): (detail to show, history entries)."""
        entries = history_entries(conn, found)
        self._lock = lock_reason(conn, found.id)
        if self.as_corrected:
            found = corrected_detail(conn, found)
        return found, entries

    def show(self, found, entries) -> None:
        pane = self.window.detail
        pane.history.fill(entries)
        pane.set_locked(self._lock)
        self.correct_action.setEnabled(not self._lock)
        if self.as_corrected:
            pane.title.setText(pane.title.text() + " · " + tr("as corrected"))

    def current_id(self):
        detail = self.window.detail.detail
        return detail.id if detail is not None else None

    def refresh_current(self) -> None:
        hid = self.current_id()
        if hid is not None:
            self.window.show_household(hid)

    # the dialog -----------------------------------------------------------------------------------------

    def open_dialog(self) -> CorrectionDialog | None:
        detail = self.window.detail.detail
        if detail is None:
            self.window.statusBar().showMessage(tr("Select a household first."), 5000)
            return None
        if self.window.detail.locked:
            self.window.statusBar().showMessage(self.window.detail.locked, 8000)
            return None
        with self.window.store.read() as conn:
            rows = load_rows(conn, detail.id)
        title = tr("House no. %1 · house code %2 · %3").replace("%1", detail.house_no) \
            .replace("%2", detail.house_code).replace("%3", detail.head_name)
        self.dialog = CorrectionDialog(self.window.store, self.window.runner, detail.id, title, rows, self.window)
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def _saved(self, hid, _set_uuid) -> None:
        self.dialog = None
        self._after_change(hid, tr("The correction was saved."))

    def _after_change(self, hid, message: str) -> None:
        """The window, reports and boards refresh themselves on runner.events.data_changed."""
        self.window.statusBar().showMessage(message, 5000)
        self.changed.emit(hid)

    # reverting -------------------------------------------------------------------------------------------

    def ask_reason(self) -> str | None:
        reason, ok = QInputDialog.getText(self.window, tr("Revert correction"),
                                          tr("Why is this correction being reverted? (required)"),
                                          QLineEdit.EchoMode.Normal, "")
        return reason.strip() if ok and reason.strip() else None

    def revert(self, uuids: list[str]) -> None:
        from desktop.models import corrections

        reason = self.ask_reason()
        if reason is None:
            return
        hid, store = self.current_id(), self.window.store

        def job(progress, cancel):
            with store.begin() as conn:  # a whole set is reverted together or not at all
                return [corrections.revert(conn, u, reason) for u in uuids]

        self.window.runner.write(job, title=tr("Reverting the correction…"),
                                 on_done=lambda _r: self._after_change(hid, tr("The correction was reverted.")),
                                 changes=CORRECTION, initiator=self)
