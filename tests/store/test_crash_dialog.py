"""An exception nobody caught, raised in a slot of the window, is logged and shown with "Copy details"."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from desktop import logs
from desktop.views import app as app_setup
from desktop.views.crash_dialog import CrashDialog, ExceptHook


def _crash_dialogs() -> list[CrashDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]


@pytest.fixture
def hook():
    app_setup.install_language("th")
    saved = sys.excepthook, threading.excepthook
    installed = ExceptHook()
    installed.install()
    yield installed
    sys.excepthook, threading.excepthook = saved
    for dialog in _crash_dialogs():
        dialog.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_with_copy_details(qtbot, hook):
    button = QPushButton("go")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise RuntimeError("slot went wrong")

    button.clicked.connect(broken_slot)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_crash_dialogs()), timeout=5000)
    dialog = _crash_dialogs()[0]
    assert "RuntimeError: slot went wrong" in dialog.details and "broken_slot" in dialog.details
    assert dialog.copy_button.text() == "คัดลอกรายละเอียด"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "RuntimeError: slot went wrong" in QGuiApplication.clipboard().text()
    logged = logs.log_path().read_text(encoding="utf-8")
    assert "RuntimeError: slot went wrong" in logged and "broken_slot" in logged


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_thread_reaches_the_dialog(qtbot, hook):
    def work() -> None:
        raise ValueError("thread went wrong")

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(_crash_dialogs()), timeout=5000)
    assert "ValueError: thread went wrong" in _crash_dialogs()[0].details
    assert "ValueError: thread went wrong" in logs.log_path().read_text(encoding="utf-8")
