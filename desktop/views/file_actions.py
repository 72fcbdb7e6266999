"""The File menu's hand-over work: export the area's households in the import format, issue the correction
notice (หนังสือแจ้งแก้ไขข้อมูล จปฐ.) to the working group, and reprint one issued earlier.

The same models and files as `main.py export` and `main.py corrections list`; every write runs on the
window's single writer thread, and issuing marks the corrections sent in the same transaction as the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog

from desktop.messages import msg
from desktop.models import dates
from desktop.models.changes import Changes
from desktop.views import file_dialogs
from desktop.views import progress as progress_ui

PDF_OR_XLSX = "PDF (*.pdf);;Excel (*.xlsx)"
CSV_OR_XLSX = "CSV (*.csv);;Excel (*.xlsx)"


def tr(text: str) -> str:
    return QCoreApplication.translate("FileActions", text)


def save_path(parent, title: str, suggested: str, pattern: str) -> Path | None:
    folder = Path(file_dialogs.default_folder())
    path, _filter = file_dialogs.save_file_name(parent, title, folder / suggested, pattern)
    return Path(path) if path else None


def suffix_format(path: Path, default: str) -> str:
    return path.suffix.lower().lstrip(".") if path.suffix.lower() in (".pdf", ".xlsx", ".csv") else default


class FileActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
                ("export", tr("E&xport the area's households…"), "Ctrl+Shift+E", self.export_area),
                ("notice", tr("Issue the &correction notice…"), "Ctrl+Shift+N", self.issue_notice),
                ("reprint", tr("&Reprint a correction notice…"), "Ctrl+Alt+N", self.reprint_notice)):
            action = QAction(text, window)
            action.setObjectName(f"file_{key}")
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.actions[key] = action

    def _area(self) -> str | None:
        if not self.window.area_code or self.window.year is None:
            self.window.statusBar().showMessage(tr("Choose an area first."), 5000)
            return None
        return self.window.area_code

    def _done(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)
        progress_ui.show_info(self.window, text)

    # export ------------------------------------------------------------------------------------------------

    def export_area(self) -> None:
        from desktop.importers import export

        area, year, store = self._area(), self.window.year, self.window.store
        path = save_path(self.window, tr("Export the area's households"), f"bmn-{area}-{year}.xlsx",
                         CSV_OR_XLSX) if area else None
        if path is None:
            return
        fmt = suffix_format(path, "csv")

        def job(progress, cancel):
            return export.write_area(store, area, year, fmt, path)

        self.window.runner.write(job, title=tr("Exporting…"), on_done=lambda r: self._done(msg(
            "exp_done", households=r.households, members=r.members, paths=", ".join(str(p) for p in r.paths))))

    # the correction notice -----------------------------------------------------------------------------------

    def issue_notice(self) -> None:
        """All corrections of the area not yet sent (or not applied by a later import), marked sent: one official
        letter per tambon/อปท. working group, with the office's own letter number (ที่) as the officer types it."""
        from desktop.models import correction_letters, correction_lists
        from desktop.reports import correction_notice

        area, store = self._area(), self.window.store
        if area is None:
            return
        letter_no, ok = QInputDialog.getText(self.window, tr("Issue the correction notice"),
                                             tr("Letter number (ที่) as your office numbers it; leave empty to "
                                                "fill in by hand:"))
        if not ok:
            return
        path = save_path(self.window, tr("Issue the correction notice"), f"correction-notice-{area}.pdf",
                         PDF_OR_XLSX)
        if path is None:
            return
        fmt = suffix_format(path, "pdf")

        def job(progress, cancel):
            with store.begin() as conn:  # the file is written inside: a failed write leaves nothing marked sent
                issued = correction_lists.issue_list(conn, area)
                details = correction_letters.with_details(correction_letters.details_of(conn, issued),
                                                          letter_no=letter_no.strip() or None)
                correction_letters.save_details(conn, issued.uuid, details)
                write_notice(correction_notice, correction_notice.prepare(conn, issued, details=details), path, fmt)
            return issued

        self.window.runner.write(job, title=tr("Issuing the correction notice…"), changes=Changes(corrections=True),
                                 initiator=self, on_done=lambda issued: self._issued(issued, path))

    def _issued(self, issued, path: Path) -> None:
        self._done(tr("Notice %1 issued: %2 correction(s), saved to %3. It holds personal data: keep it safe "
                      "under the PDPA.").replace("%1", issued.ref_no).replace("%2", f"{len(issued.items):,}")
                   .replace("%3", str(path)))

    def reprint_notice(self) -> None:
        from desktop.models import correction_letters, correction_lists
        from desktop.reports import correction_notice

        area, store = self._area(), self.window.store
        if area is None:
            return
        with store.read() as conn:
            notices = correction_lists.issued_notices(conn, area)
        if not notices:
            self.window.statusBar().showMessage(tr("No correction notice was issued for this area yet."), 8000)
            return
        names = [tr("%1 · %2 · %3 correction(s)").replace("%1", n.ref_no).replace("%2", dates.be_date(n.issued_at))
                 .replace("%3", f"{n.corrections:,}") for n in notices]
        picked, ok = QInputDialog.getItem(self.window, tr("Reprint a correction notice"), tr("Notice:"), names, 0,
                                          False)
        if not ok:
            return
        notice = notices[names.index(picked)]
        path = save_path(self.window, tr("Reprint a correction notice"), f"correction-notice-{notice.area_code}.pdf",
                         PDF_OR_XLSX)
        if path is None:
            return
        fmt = suffix_format(path, "pdf")

        def job(progress, cancel):
            with store.read() as conn:  # the same letters again, with where each correction stands now
                again = correction_letters.find(conn, notice.uuid)
                letters = correction_notice.prepare(conn, again, details=correction_letters.details_of(conn, again),
                                                    with_status=True)
            write_notice(correction_notice, letters, path, fmt)
            return again

        self.window.runner.read(job, title=tr("Reprinting the notice…"), show_progress=True, on_done=lambda again:
                                self._done(tr("Notice %1 reprinted to %2.").replace("%1", again.ref_no)
                                           .replace("%2", str(path))))


def write_notice(correction_notice, letters, path: Path, fmt: str) -> None:
    if fmt == "xlsx":
        correction_notice.write_xlsx(letters, path)
    else:
        correction_notice.render_notice_pdf(letters, path)


def install(window) -> FileActions:
    return FileActions(window)
