"""Certification in the main window: a "Certification" menu (certify the current area, print or save the form,
re-open, the status board, the working-group roster, verify a code) and a status-bar mark for the area shown.

The main window calls install(window) and keeps the controller. Reads call desktop.certify.certification /
desktop.certify.check inside store.read() (or on the runner's readers when they may take a while); writes go
through the runner's writer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox

from desktop.models.changes import CERTIFICATION
from desktop.views import file_dialogs
from desktop.views.certification_board import CertificationBoard
from desktop.views.certification_dialog import CertifyDialog, RosterDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("Certification", text)


def install(window) -> "CertificationController":
    return CertificationController(window)


def certifiable(code: str | None) -> str | None:
    """The area certified from what the window shows: a village's tambon, else the area itself."""
    if not code:
        return None
    return code[:6] if len(code) == 8 else code


def board_area(code: str | None) -> str | None:
    """The board lists a district's tambons or a province's districts: a tambon or village shows its district."""
    if not code:
        return None
    return code if len(code) <= 4 else code[:4]


class CertificationController(QObject):
    certified = Signal(str)  # certification uuid
    reopened = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.store, self.runner = window.store, window.runner
        self.dialog: CertifyDialog | None = None
        self.roster_dialog: RosterDialog | None = None
        self.preview_dialog = None
        self.board: CertificationBoard | None = None
        self._temp: tempfile.TemporaryDirectory | None = None
        self.lao: tuple[str, str] | None = None  # (code, name) of a chosen อปท., until another area is selected
        menu = window.add_feature_menu(tr("Ce&rtification"))
        menu.setObjectName("certificationMenu")
        self.actions = {}
        for key, text, shortcut, slot in (
                ("certify", tr("&Certify this area…"), "Ctrl+Shift+T", self.open_certify),
                ("lao", tr("Choose a &local administration (LAO) of this area…"), "Ctrl+Shift+A", self.choose_lao),
                ("print", tr("&Print the certificate…"), "Ctrl+Shift+P", self.print_certificate),
                ("save", tr("&Save the certificate as PDF…"), "Ctrl+Alt+P", self.save_certificate),
                ("reopen", tr("&Re-open the certification…"), "Ctrl+Shift+O", self.reopen),
                ("board", tr("Certification status &board"), "Ctrl+Shift+G", self.show_board),
                ("roster", tr("Working &group roster…"), "Ctrl+Shift+W", self.open_roster),
                ("verify", tr("&Verify a certificate code…"), "Ctrl+Shift+V", self.verify)):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.setObjectName(f"certification_{key}")
            action.triggered.connect(lambda _checked=False, run=slot: run())  # never the flag as an argument
            menu.addAction(action)
            self.actions[key] = action
        self.status_label = QLabel(window)
        self.status_label.setObjectName("certificationStatus")
        self.status_label.setContentsMargins(12, 0, 6, 0)
        window.statusBar().addPermanentWidget(self.status_label)
        window.area_panel.tree.area_selected.connect(self._area_changed)
        window.area_panel.year_changed.connect(self._area_changed)
        self.runner.events.data_changed.connect(self._data_changed)

    # where and when ---------------------------------------------------------------------------------------

    @property
    def area(self) -> str | None:
        return self.lao[0] if self.lao else certifiable(self.window.area_code)

    @property
    def year(self) -> int | None:
        return self.window.year

    def _ready(self) -> bool:
        if self.area is None or self.year is None:
            self.window.statusBar().showMessage(tr("Select a tambon, district or province first."), 5000)
            return False
        return True

    def _area_changed(self, *_args) -> None:
        self.lao = None
        QTimer.singleShot(0, self.refresh)  # after the window has taken the new area

    def choose_lao(self, code: str | None = None) -> str | None:
        """Point the certification actions at an อปท. (a grouping of villages) inside the selected area;
        selecting another area in the tree points them back at it."""
        from desktop.models import areas

        within = certifiable(self.window.area_code)
        if within is None or self.year is None:
            self.window.statusBar().showMessage(tr("Select a tambon, district or province first."), 5000)
            return None
        with self.store.read() as conn:
            laos = areas.laos_within(conn, within)
        if not laos:
            self.window.statusBar().showMessage(tr("No local administration (LAO) in this area."), 5000)
            return None
        if code is None:
            names = [f"{lao.name} ({lao.code})" for lao in laos]
            picked, ok = QInputDialog.getItem(self.window, tr("Local administration (LAO)"),
                                              tr("Certify, print and re-open for:"), names, 0, False)
            if not ok:
                return None
            code = laos[names.index(picked)].code
        lao = next((lao for lao in laos if lao.code == code), None)
        if lao is None:
            return None
        self.lao = (lao.code, lao.name)
        self.window.statusBar().showMessage(
            tr("Certification now works on %1; select an area in the tree to go back.").replace("%1", lao.name), 8000)
        self.refresh()
        return lao.code

    def _data_changed(self, changes, _initiator) -> None:
        if changes.any("certifications", "households", "corrections", "areas"):
            self.refresh()

    def refresh(self) -> None:
        """The status-bar mark, and the board when it is open."""
        from desktop.certify import certification

        if self.area is None or self.year is None:
            self.status_label.clear()
            return
        with self.store.read() as conn:
            active = certification.active(conn, self.area, self.year)
        state = tr("Certified · %1").replace("%1", active.short_code) if active else tr("Not certified")
        self.status_label.setText(f"{self.lao[1]}: {state}" if self.lao else state)
        if self.board is not None:
            self.load_board()

    def current(self, *, active_only: bool = False):
        from desktop.certify import certification

        with self.store.read() as conn:
            found = certification.find(conn, survey_year=self.year, area_code=self.area, active_only=active_only)
        if not found:
            self.window.statusBar().showMessage(tr("This area has no certification for the year."), 5000)
            return None
        return found[0]

    # certify ----------------------------------------------------------------------------------------------

    def open_certify(self) -> None:
        """Gather what is being certified on a reader (a province takes seconds), then show the dialog."""
        from desktop.certify import certification
        from desktop.models import store_files

        if not self._ready():
            return
        store, area, year = self.store, self.area, self.year

        def job(progress, cancel):
            store_files.require_sound(store)  # never certify from a damaged store (StoreDamaged: its message)
            with store.read() as conn:
                return certification.preview(conn, area, year)

        self.runner.read(job, title=tr("Gathering what is being certified…"), show_progress=True,
                         on_done=self._show_certify)

    def _show_certify(self, preview) -> CertifyDialog:
        self.dialog = CertifyDialog(self.store, self.runner, preview, self.window)
        self.dialog.certified.connect(self._certified)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        return self.dialog

    def _certified(self, cert_uuid: str) -> None:
        self.dialog = None
        self.window.statusBar().showMessage(tr("Certified. Print the form for the working group to sign."), 8000)
        self.certified.emit(cert_uuid)

    # the form ---------------------------------------------------------------------------------------------

    def render(self, cert, path: Path, then) -> None:
        from desktop.reports import certificate_pdf

        def job(progress, cancel):
            return certificate_pdf.render(cert, path)

        self.runner.read(job, title=tr("Preparing the certificate…"), show_progress=True, on_done=then)

    def print_certificate(self):
        from desktop.views.pdf_preview import PdfPreviewDialog

        cert = self.current() if self._ready() else None
        if cert is None:
            return
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="bmn-certificate-")
        path = Path(self._temp.name) / f"certificate-{cert.uuid}.pdf"

        def opened(result: Path) -> None:
            if self.preview_dialog is not None:
                self.preview_dialog.close()
            dialog = PdfPreviewDialog(result, tr("Certificate %1").replace("%1", cert.short_code), self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.print_requested.connect(lambda: self.print_file(result, cert.short_code))
            dialog.destroyed.connect(lambda _obj=None: setattr(self, "preview_dialog", None))
            self.preview_dialog = dialog
            dialog.show()

        self.render(cert, path, opened)

    def print_file(self, path: Path, title: str) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desktop.views.pdf_preview import prepare_printer, print_pdf

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, path, title)
        if QPrintDialog(printer, self.window).exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.runner.read(lambda progress, cancel: print_pdf(path, printer, progress, cancel), title=tr("Printing…"),
                         show_progress=True)

    def save_certificate(self) -> None:
        cert = self.current() if self._ready() else None
        if cert is None:
            return
        suggested = str(Path.home() / f"certificate-{cert.area_code}-{cert.survey_year}-{cert.short_code}.pdf")
        chosen, _filter = file_dialogs.save_file_name(self.window, tr("Save the certificate"), suggested, "PDF (*.pdf)")
        if chosen:
            self.render(cert, Path(chosen), lambda p: self.window.statusBar().showMessage(
                tr("Saved %1").replace("%1", str(p)), 5000))

    # re-open ----------------------------------------------------------------------------------------------

    def ask_reason(self, cert) -> str | None:
        reason, ok = QInputDialog.getText(
            self.window, tr("Re-open the certification"),
            tr("Why is the certification %1 re-opened? Its data can be corrected again and it must be certified "
               "anew. (required)").replace("%1", cert.short_code), QLineEdit.EchoMode.Normal, "")
        return reason.strip() if ok and reason.strip() else None

    def reopen(self) -> None:
        from desktop.certify import certification

        cert = self.current(active_only=True) if self._ready() else None
        if cert is None:
            return
        reason = self.ask_reason(cert)
        if reason is None:
            return
        store = self.store

        def job(progress, cancel):
            with store.begin() as conn:
                return certification.reopen(conn, cert.uuid, reason)

        self.runner.write(job, title=tr("Re-opening…"), on_done=lambda _r: self.reopened.emit(cert.uuid),
                          changes=CERTIFICATION, initiator=self)

    # board ------------------------------------------------------------------------------------------------

    def show_board(self) -> CertificationBoard | None:
        if board_area(self.window.area_code) is None or self.year is None:
            self._ready()
            return None
        if self.board is None:
            self.board = CertificationBoard(self.window)
            self.board.refresh_requested.connect(self.load_board)
            self.board.selected.connect(self.load_changes)
            self.window.centre_tabs.addTab(self.board, tr("Certification"))
        self.window.centre_tabs.setCurrentWidget(self.board)
        self.load_board()
        return self.board

    def load_board(self) -> None:
        from desktop.certify import certification
        from desktop.certify import check as certification_check

        area, year, store = board_area(self.window.area_code), self.year, self.store
        if area is None or year is None:
            return

        def job(progress, cancel):
            with store.read() as conn:
                rows = certification_check.board(conn, area, year)
                title = certification.coverage(conn, area).description
            return title, rows, certification_check.counts(rows)

        self.runner.read(job, title=tr("Checking the certifications…"), show_progress=True,
                         on_done=lambda result: self.board is not None and self.board.show_rows(*result))

    def load_changes(self, cert_uuid: str) -> None:
        from desktop.certify import certification
        from desktop.certify import check as certification_check

        store = self.store

        def job(progress, cancel):
            with store.read() as conn:
                return certification_check.compare(conn, certification.get(conn, cert_uuid), limit=200)

        self.runner.read(job, title=tr("Comparing with the certified data…"), show_progress=True,
                         on_done=lambda check: self.board is not None and self.board.show_changes(check))

    # roster and verify ------------------------------------------------------------------------------------

    def open_roster(self) -> RosterDialog | None:
        from desktop.certify import certification
        from desktop.models import roster

        if not self._ready():
            return None
        with self.store.read() as conn:
            title = certification.coverage(conn, self.area).description
        self.roster_dialog = RosterDialog(self.store, self.runner, roster.level_of(self.area), self.area, title,
                                          self.window)
        self.roster_dialog.finished.connect(self.roster_dialog.deleteLater)
        self.roster_dialog.open()
        return self.roster_dialog

    def verify(self, code: str | None = None) -> str | None:
        from desktop.certify import check as certification_check
        from desktop.models.errors import UserError

        if code is None:
            code, ok = QInputDialog.getText(self.window, tr("Verify a certificate"),
                                            tr("Short code from the form, or the QR content:"))
            if not ok or not code.strip():
                return None
        try:
            with self.store.read() as conn:
                verdict = certification_check.verify(conn, code)
        except UserError as err:
            self.runner.report_error(err)
            return None
        if verdict.certification is None and not verdict.fingerprint:
            text = tr("No certification with this code in this store.")
        elif verdict.as_certified:
            text = tr("The data is still as certified.")
        elif verdict.check is not None:
            text = tr("The data changed since it was certified: %1 household(s).").replace(
                "%1", str(len(verdict.check.changed)))
        else:
            text = tr("The data here differs from what was certified.")
        QMessageBox.information(self.window, tr("Verify a certificate"), text)
        return text
