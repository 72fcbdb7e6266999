"""Getting the report on the screen out of it: PDF, Excel and CSV files, print preview and printing.

Files are rendered in the reader pool into a hidden part-file beside the target and moved into place
only when complete. A report that lists households (report.personal_data) is only written, or printed,
together with an audit entry ("report.export") in the writer's transaction.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QObject, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from desktop.models.errors import DiskFull, UserError
from desktop.reports.model import Report
from desktop.views import file_dialogs, settings
from desktop.views.pdf_preview import PdfPreviewDialog, prepare_printer, print_pdf

SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx", "csv": ".csv"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportOutput", text)


def file_stems() -> dict[str, str]:
    return {
        "population": tr("Population report"),
        "indicators": tr("Indicator results report"),
        "income": tr("Income and expenses report"),
        "failing-income": tr("Households failing the income indicator"),
    }


def default_file_name(report: Report, fmt: str) -> str:
    """e.g. รายงานผลตัวชี้วัด-520101-2567.pdf"""
    stem = file_stems().get(report.kind, report.kind)
    return f"{stem}-{report.area_code}-{report.survey_year}{SUFFIXES[fmt]}"


def _file_filter(fmt: str) -> str:
    return {"pdf": tr("PDF files (*.pdf)"), "xlsx": tr("Excel workbooks (*.xlsx)"), "csv": tr("CSV files (*.csv)")}[fmt]


def _write(report: Report, path: Path, fmt: str, thai_digits: bool) -> None:
    try:
        if fmt == "pdf":
            from desktop.reports import pdf

            pdf.render(report, path, thai_digits=thai_digits)
        else:
            from desktop.reports import tabular

            (tabular.write_xlsx if fmt == "xlsx" else tabular.write_csv)(report, path)
    except OSError as err:
        path.unlink(missing_ok=True)
        if err.errno == errno.ENOSPC:
            raise DiskFull() from err
        raise UserError(tr("The file could not be written (%1). Choose another folder and try again.")
                        .replace("%1", err.strerror or str(err))) from err
    except BaseException:
        path.unlink(missing_ok=True)
        raise


class ReportOutput(QObject):
    """Owned by a ReportView; reads its report, runner, store and Thai-digits box."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.preview_dialog: PdfPreviewDialog | None = None
        self._temp: tempfile.TemporaryDirectory | None = None  # removed at exit even if Qt objects are not
        self._pdfs: dict[tuple[int, bool], Path] = {}
        self._serial = 0

    def report_changed(self, _report: Report | None) -> None:
        """A new report (or none): close its preview and drop the rendered copies."""
        self._serial += 1
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        for path in self._pdfs.values():
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass  # still open (Windows); the temporary folder goes at exit
        self._pdfs.clear()

    def _thai_digits(self) -> bool:
        return self.view.thai_digits_box.isChecked()

    # files -------------------------------------------------------------------------------------------------

    def default_folder(self) -> Path:
        saved = settings.REPORT_FOLDER.get()
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or QDir.homePath())

    def save(self, fmt: str) -> None:
        report = self.view.report
        if report is None:
            return
        suggested = self.default_folder() / default_file_name(report, fmt)
        chosen, _filter = file_dialogs.save_file_name(self.view, tr("Save the report"), str(suggested),
                                                      _file_filter(fmt))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != SUFFIXES[fmt]:
            target = target.with_name(target.name + SUFFIXES[fmt])
        settings.REPORT_FOLDER.set(str(target.parent))
        part = target.with_name(f".{target.stem}.part{SUFFIXES[fmt]}")
        thai_digits = self._thai_digits()

        def render(progress, cancel):
            cancel()
            _write(report, part, fmt, thai_digits)
            if not report.personal_data:
                os.replace(part, target)
            return part

        def rendered(_part) -> None:
            if report.personal_data:
                self._audited(report, fmt, target.name, part, target)
            else:
                self._saved(target)

        self.view.runner.read(render, title=tr("Writing the report…"), show_progress=True, on_done=rendered,
                              on_cancel=lambda: part.unlink(missing_ok=True))

    def _audited(self, report: Report, fmt: str, name: str, part: Path | None = None, target: Path | None = None,
                 then=None) -> None:
        """Record the export in the audit log and (with part/target) move the file into place, in one job."""
        store = self.view.store
        detail = {"kind": report.kind, "survey_year": report.survey_year, "format": fmt, "file": name}

        def job(progress, cancel):
            from desktop.models import audit

            try:
                with store.begin() as conn:
                    audit.append(conn, "report.export", target=report.area_code, detail=detail)
                    if part is not None:
                        os.replace(part, target)
            except BaseException:
                if part is not None:
                    part.unlink(missing_ok=True)
                raise

        done = then or (lambda _r: self._saved(target))
        self.view.runner.write(job, title=tr("Writing the report…"), on_done=done)

    def _saved(self, target: Path) -> None:
        self.view.status_message.emit(tr("Saved %1").replace("%1", str(target)))

    # preview and print ---------------------------------------------------------------------------------------

    def with_pdf(self, then) -> None:
        """Render the report once per Thai-digit setting into a temporary PDF, then call then(path)."""
        report = self.view.report
        if report is None:
            return
        thai_digits = self._thai_digits()
        key = (self._serial, thai_digits)
        cached = self._pdfs.get(key)
        if cached is not None and cached.exists():
            then(cached)
            return
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="bmn-report-")
        path = Path(self._temp.name) / f"report-{self._serial}-{int(thai_digits)}.pdf"
        serial = self._serial

        def render(progress, cancel):
            cancel()
            _write(report, path, "pdf", thai_digits)
            return path

        def rendered(result: Path) -> None:
            if serial == self._serial:
                self._pdfs[key] = result
                then(result)
            else:
                result.unlink(missing_ok=True)

        self.view.runner.read(render, title=tr("Preparing the report for printing…"), show_progress=True,
                              on_done=rendered)

    def preview(self) -> None:
        self.with_pdf(self._open_preview)

    def _open_preview(self, path: Path) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        title = self.view.report.title if self.view.report else ""
        dialog = PdfPreviewDialog(path, title, self.view.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.print_requested.connect(lambda: self.print_file(path))
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        dialog.show()

    def print_report(self) -> None:
        self.with_pdf(self.print_file)

    def ask_printer(self, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, self.view.window())
        dialog.setWindowTitle(tr("Print the report"))
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_file(self, path: Path) -> None:
        report = self.view.report
        if report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, path, report.title)
        if not self.ask_printer(printer):
            return

        def job(progress, cancel):
            return print_pdf(path, printer, progress, cancel)

        def printed(pages: int) -> None:
            self.view.status_message.emit(tr("Sent %1 page(s) to the printer.").replace("%1", str(pages)))

        def start(_result=None) -> None:
            self.view.runner.read(job, title=tr("Printing…"), show_progress=True, on_done=printed)

        if report.personal_data:  # recorded before a page leaves
            self._audited(report, "print", printer.printerName() or printer.outputFileName(), then=start)
        else:
            start()
