"""The meeting in the main window: Reports ▸ "Meeting pack…" (ชุดเอกสารประชุม: PDF, optionally XLSX and
PowerPoint slides) and "Projector view" (F5 on the report tab), both for the area and year shown.

The pack is built and rendered in the runner's reader pool with progress and cancel; a pack with household
lists is moved into place together with its audit entry in the writer (as single reports are,
report_output.py). The projector shows a pack built the same way, in memory only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout)

from desktop.models.dates import thai_date
from desktop.views import app as app_setup
from desktop.views.projector import ProjectorView


def tr(text: str) -> str:
    return QCoreApplication.translate("Meeting", text)


def install(window) -> "MeetingController":
    return MeetingController(window)


def certification_status(conn, code: str, year: int) -> str:
    from desktop.certify import certification
    from desktop.reports.meeting_pack import status_text

    return status_text(certification.active(conn, code, year))


def pack_area(code: str | None) -> str | None:
    """A village's pack is its tambon's."""
    return code[:6] if code and code.isdigit() and len(code) == 8 else code


class MeetingDialog(QDialog):
    """Meeting title, date (shown in พ.ศ.), place, household lists yes/no, and the extra files."""

    def __init__(self, area_title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingPackDialog")
        self.setWindowTitle(tr("Meeting pack"))
        from desktop.reports.meeting_pack import default_title

        self.title_edit = QLineEdit(default_title(area_title), self)
        self.title_edit.setObjectName("meetingTitleEdit")
        self.title_edit.setMinimumWidth(460)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("meetingDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_be = QLabel(self)
        self.date_edit.dateChanged.connect(self._show_be)
        self._show_be()
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("meetingPlaceEdit")
        self.lists_box = QCheckBox(tr("Include the lists of households failing the income indicator "
                                      "(personal data)"), self)
        self.lists_box.setObjectName("meetingListsBox")
        self.lists_box.setChecked(True)
        self.xlsx_box = QCheckBox(tr("Also as an Excel workbook (a sheet per report)"), self)
        self.xlsx_box.setObjectName("meetingXlsxBox")
        self.pptx_box = QCheckBox(tr("Also as PowerPoint slides"), self)
        self.pptx_box.setObjectName("meetingPptxBox")
        form = QFormLayout()
        form.addRow(tr("&Meeting:"), self.title_edit)
        form.addRow(tr("&Date:"), self.date_edit)
        form.addRow("", self.date_be)
        form.addRow(tr("&Place:"), self.place_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for box in (self.lists_box, self.xlsx_box, self.pptx_box):
            layout.addWidget(box)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _show_be(self) -> None:
        self.date_be.setText(thai_date(self.date_edit.date().toPython()))

    def meeting(self):
        from desktop.reports.meeting_pack import Meeting

        return Meeting(self.title_edit.text().strip(), self.date_edit.date().toPython(),
                       self.place_edit.text().strip())


class MeetingController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.store, self.runner = window.store, window.runner
        self.dialog: MeetingDialog | None = None
        self.projector: ProjectorView | None = None
        self.pack_action = QAction(tr("Meeting &pack…"), window)
        self.pack_action.setObjectName("meetingPackAction")
        self.pack_action.triggered.connect(self.ask_pack)
        self.projector_action = QAction(tr("Pro&jector view"), window)
        self.projector_action.setObjectName("projectorAction")
        self.projector_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.projector_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.projector_action.triggered.connect(self.present)
        window.report_view.addAction(self.projector_action)  # F5 on the report tab
        menu = window.report_menu
        menu.addSeparator()
        menu.addAction(self.pack_action)
        menu.addAction(self.projector_action)

    def _area(self) -> tuple[str | None, int | None]:
        return pack_area(self.window.area_code), self.window.year

    def _no_area(self) -> bool:
        area, year = self._area()
        if area and year:
            return False
        self.window.statusBar().showMessage(tr("Choose an area in the tree first."), 5000)
        return True

    # the pack as files ---------------------------------------------------------------------------------

    def ask_pack(self) -> None:
        if self._no_area():
            return
        store, area = self.store, self._area()[0]

        def area_title(progress, cancel):
            from desktop.reports.builders import resolve_area

            with store.read() as conn:
                return resolve_area(conn, area).title

        self.runner.read(area_title, title=tr("Meeting pack"), on_done=self._open_dialog)

    def _open_dialog(self, area_title: str) -> None:
        self.dialog = MeetingDialog(area_title, self.window)
        self.dialog.accepted.connect(self._choose_file)
        self.dialog.open()

    def _choose_file(self) -> None:
        dialog = self.dialog
        area, year = self._area()
        folder = Path(app_setup.settings().value("reports/folder", "", type=str) or Path.home())
        suggested = folder / f"{tr('Meeting pack')}-{area}-{year}.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(self.window, tr("Save the meeting pack"), str(suggested),
                                                      tr("PDF files (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        outputs = {"pdf": target}
        if dialog.xlsx_box.isChecked():
            outputs["xlsx"] = target.with_suffix(".xlsx")
        if dialog.pptx_box.isChecked():
            outputs["pptx"] = target.with_suffix(".pptx")
        self.write_pack(area, year, dialog.meeting(), dialog.lists_box.isChecked(), outputs)

    def write_pack(self, area: str, year: int, meeting, lists: bool, outputs: dict[str, Path]) -> None:
        store = self.store

        def render(progress, cancel):
            from desktop.reports import meeting_pack, pack_files

            with store.read() as conn:
                pack = meeting_pack.build(conn, area, year, meeting=meeting, status_of=certification_status,
                                          lists=lists, cancel=cancel)
            return pack, pack_files.render_parts(pack, outputs, progress=progress, cancel=cancel)

        def move(result) -> None:
            pack, parts = result

            def job(progress, cancel):
                from desktop.reports import pack_files

                with store.begin() as conn:
                    return pack_files.finish(conn, pack, parts, outputs)

            self.runner.write(job, title=tr("Writing the meeting pack…"), on_done=self._written)

        self.runner.read(render, title=tr("Building the meeting pack…"), show_progress=True, on_done=move)

    def _written(self, paths: list[Path]) -> None:
        self.window.statusBar().showMessage(tr("Saved %1").replace("%1", ", ".join(str(p) for p in paths)), 10000)

    # the projector ---------------------------------------------------------------------------------------

    def present(self) -> None:
        if self._no_area():
            return
        area, year = self._area()
        store = self.store

        def build(progress, cancel):
            from desktop.reports import meeting_pack

            with store.read() as conn:
                return meeting_pack.build(conn, area, year, meeting=meeting_pack.Meeting(date=dt.date.today()),
                                          status_of=certification_status, progress=progress, cancel=cancel)

        self.runner.read(build, title=tr("Preparing the projector view…"), show_progress=True, on_done=self._show)

    def _show(self, pack) -> None:
        if self.projector is not None:
            self.projector.close()
        self.projector = ProjectorView(pack, self.window)
        self.projector.closed.connect(self._projector_closed)
        self.projector.showFullScreen()
        self.projector.activateWindow()
        self.projector.setFocus()

    def _projector_closed(self) -> None:
        self.projector = None
        self.window.activateWindow()
        self.window.report_view.setFocus()
