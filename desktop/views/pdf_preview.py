"""Print preview of a rendered report PDF (QPdfView), and printing a PDF page by page onto a QPrinter.

QPdfDocument.render gives ARGB with a transparent background (stack-notes §5), so each page is painted
onto a white image at 300 dpi before it goes to the printer. `print_pdf` uses no widgets and may run in
a worker thread (QPainter on QImage and QPrinter is allowed there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import UserError
from desktop.views import screen_fit

PRINT_DPI = 300
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


def tr(text: str) -> str:
    return QCoreApplication.translate("PdfPreview", text)


def _open_document(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise UserError(tr("The report PDF could not be opened: %1").replace("%1", str(path)))
    return document


def pdf_is_landscape(path: Path) -> bool:
    document = _open_document(path)
    try:
        size = document.pagePointSize(0)
        return size.width() > size.height()
    finally:
        document.close()


def page_image(document: QPdfDocument, page: int, dpi: int = PRINT_DPI) -> QImage:
    """One page at `dpi` on a white background (RGB32)."""
    points = document.pagePointSize(page)
    size = QSize(max(1, round(points.width() / 72 * dpi)), max(1, round(points.height() / 72 * dpi)))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, document.render(page, size))
    painter.end()
    return image


def print_pdf(path: Path, printer: QPrinter, progress: Callable[[int, int], None] | None = None,
              cancel: Callable[[], bool] | None = None, dpi: int = PRINT_DPI) -> int:
    """Print every page (or the printer's page range) of a PDF; returns the number of pages sent."""
    document = _open_document(Path(path))
    try:
        first, last = 1, document.pageCount()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(last, max(printer.toPage(), printer.fromPage()))
        pages = list(range(first - 1, last))
        printer.setFullPage(True)  # the PDF carries its own margins
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(tr("The printer could not be opened. Check that it is switched on and try again."))
        try:
            for done, page in enumerate(pages):
                if cancel is not None:
                    cancel()
                if done:
                    printer.newPage()
                image = page_image(document, page, dpi)
                area = QRectF(painter.viewport())
                scale = min(area.width() / image.width(), area.height() / image.height())
                target = QRectF(area.x(), area.y(), image.width() * scale, image.height() * scale)
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, image)
                if progress is not None:
                    progress(done + 1, len(pages))
        finally:
            painter.end()
        return len(pages)
    finally:
        document.close()


def prepare_printer(printer: QPrinter, path: Path, title: str) -> None:
    """Orientation from the PDF's first page, a document name for the print queue."""
    landscape = pdf_is_landscape(path)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setDocName(title)
    printer.setFullPage(True)


class PdfPreviewDialog(QDialog):
    """The rendered report as it will print: page navigation, zoom, Print."""

    print_requested = Signal()

    def __init__(self, path: Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(tr("Print preview — %1").replace("%1", title))
        screen_fit.fit(self, 900, 1000)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setMinimum(1)
        self.page_count_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        self.prev_button = self._tool(tr("◀ Previous"), QKeySequence.StandardKey.MoveToPreviousPage,
                                      self.previous_page)
        self.next_button = self._tool(tr("Next ▶"), QKeySequence.StandardKey.MoveToNextPage, self.next_page)
        page_label = QLabel(tr("&Page:"), self)
        page_label.setBuddy(self.page_spin)
        for widget in (self.prev_button, page_label, self.page_spin, self.page_count_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(24)
        bar.addWidget(self._tool(tr("Zoom out"), QKeySequence.StandardKey.ZoomOut, self.zoom_out))
        bar.addWidget(self.zoom_label)
        bar.addWidget(self._tool(tr("Zoom in"), QKeySequence.StandardKey.ZoomIn, self.zoom_in))
        bar.addWidget(self._tool(tr("Fit &width"), None, self.fit_width))
        bar.addWidget(self._tool(tr("Whole p&age"), None, self.fit_page))
        bar.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(tr("P&rint…"), self)
        self.print_button.setObjectName("previewPrintButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QPushButton(tr("&Close"), self), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_requested)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.page_spin.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.view.zoomFactorChanged.connect(self._zoom_changed)
        self.view.zoomModeChanged.connect(lambda _mode: self._zoom_changed(self.view.zoomFactor()))
        self.document.statusChanged.connect(self._status_changed)
        self.document.load(str(path))
        self._status_changed(self.document.status())

    def _tool(self, text: str, key, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(False)
        if key is not None:
            button.setShortcut(QKeySequence(key))
        button.clicked.connect(slot)
        return button

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        count = self.document.pageCount() if status == QPdfDocument.Status.Ready else 0
        self.page_spin.setMaximum(max(count, 1))
        self.page_count_label.setText(tr("of %1").replace("%1", str(count)))
        self._page_changed(self.view.pageNavigator().currentPage())
        self._zoom_changed(self.view.zoomFactor())

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        count = self.document.pageCount()
        if 0 <= page < count and page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def _page_changed(self, page: int) -> None:
        count = self.document.pageCount()
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < count)

    def _zoom_changed(self, factor: float) -> None:
        custom = self.view.zoomMode() == QPdfView.ZoomMode.Custom
        self.zoom_label.setText(f"{round(factor * 100)}%" if custom else "")

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._zoom_changed(factor)

    def zoom_in(self) -> None:
        current = self.view.zoomFactor()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.view.zoomFactor()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
