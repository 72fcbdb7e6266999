"""The progress dialog of long jobs and the error boxes every job failure ends in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.models.errors import UserError


def tr(text: str) -> str:
    return QCoreApplication.translate("Progress", text)


class JobProgressDialog(QProgressDialog):
    """Busy bar until the job reports a total; Cancel asks the job to stop."""

    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(title or tr("Working…"), tr("Cancel"), 0, 0, parent)
        self.setWindowTitle(tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            if self.maximum() != total:
                self.setMaximum(total)
            self.setValue(min(done, total))

    def finish(self) -> None:
        self.canceled.disconnect()
        self.close()
        self.deleteLater()


_open_boxes: set[QMessageBox] = set()  # parentless boxes must outlive the function that opened them


def _open(box: QMessageBox) -> None:
    _open_boxes.add(box)
    box.finished.connect(lambda _result, b=box: _open_boxes.discard(b))
    box.open()


def error_text(err: BaseException) -> str:
    if isinstance(err, UserError):
        return err.message
    return tr("Something went wrong and the work was not finished. Nothing half-done was saved. "
              "Please try again; if it happens again, send the details below to the district office.")


def show_error(parent: QWidget | None, err: BaseException, details: str = "") -> str:
    """A non-blocking message box: the user's own message for UserError, a generic one with details otherwise."""
    message = error_text(err)
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(tr("BMN Field Desk"))
    box.setText(message)
    if isinstance(err, UserError):
        box.setIcon(QMessageBox.Icon.Warning)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setDetailedText(details or f"{type(err).__name__}: {err}")
    box.setObjectName("errorBox")
    _open(box)
    return message


def show_info(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, tr("BMN Field Desk"), text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open(box)
    return box
