"""The window's bug path: any uncaught exception (a slot, a thread, the runner) is logged with its
traceback (desktop/logs.py) and shown in a dialog whose "Copy details" button puts the whole report on
the clipboard, for the officer to paste into a message to the district office."""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop import logs


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_file: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(tr("BMN Field Desk: a program error"))
        self.details = details
        intro = QLabel(tr("The program hit an error it did not expect, and the last piece of work was not finished."
                          " Work saved before it is kept. The details were written to %1. Press \"Copy details\""
                          " and send them to the district office.").replace("%1", log_file), self)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(details, self)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        self.copy_button = QPushButton(tr("Copy details"), self)
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("Copied"))


def show_crash(parent: QWidget | None, err: BaseException, details: str = "", where: str = "") -> CrashDialog:
    """Log err (details: its formatted traceback, if already made) and show the dialog (non-blocking)."""
    log_file = logs.log_unexpected(err, where=where)
    text = details or "".join(traceback.format_exception(type(err), err, err.__traceback__))
    dialog = CrashDialog(text, str(log_file), parent)
    _open_dialogs.add(dialog)  # a dialog without a parent lives as long as Python holds it
    dialog.finished.connect(lambda _result, d=dialog: _open_dialogs.discard(d))
    dialog.open()
    return dialog


_open_dialogs: set[CrashDialog] = set()


class _Relay(QObject):
    """Carries an exception from any thread to the GUI thread."""

    raised = Signal(object, str)


class ExceptHook:
    """sys.excepthook and threading.excepthook for the window: log, then show CrashDialog."""

    def __init__(self, parent_widget=None):
        self.parent_widget = parent_widget
        self.shown: list[CrashDialog] = []
        self._relay = _Relay()
        self._relay.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        logs.setup()
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def _excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._relay.raised.emit(exc, "".join(traceback.format_exception(exc_type, exc, tb)))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        details = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        self._relay.raised.emit(args.exc_value, details)

    @Slot(object, str)
    def _show(self, err: BaseException, details: str) -> None:
        parent = self.parent_widget() if callable(self.parent_widget) else self.parent_widget
        self.shown.append(show_crash(parent, err, details))
