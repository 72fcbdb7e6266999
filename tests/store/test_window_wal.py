"""The issue's journey in the window: "Save PDF…" into the store's folder, then a command on the same
store. The dialog must leave SQLite's locks in place, and the command must refuse while the window
holds the store, so the window's WAL is never deleted under it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.models import store_lock
from desktop.views import app as app_setup
from desktop.views.main_window import MainWindow
from tests.store.helpers import locks_held_on, run_cli, wal
from tests.views.test_report_view import open_report, tambon


@pytest.fixture
def window(qtbot, demo_store, runner, tmp_path, monkeypatch):
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(app_setup, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    lock = store_lock.acquire(demo_store.path, exclusive=True)  # as launch.start claims it
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    runner.wait()
    store_lock.release(lock)


def test_save_dialog_in_the_store_folder_then_a_command_keeps_the_window_wal(qtbot, window, demo_store, tmp_path):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    assert wal(demo_store.path).exists()
    listed = []

    def browse_store_folder_then_cancel() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.setDirectory(str(demo_store.path.parent))
        qtbot.wait(1500)  # the file system model lists (and would sniff) the folder's files
        dialog.grab()
        listed.append(dialog.directory().absolutePath())
        dialog.reject()

    QTimer.singleShot(300, browse_store_folder_then_cancel)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(listed), timeout=15_000)
    assert listed == [str(demo_store.path.parent)]
    assert locks_held_on(demo_store.path) != []  # SQLite's locks survive the dialog
    command = run_cli(tmp_path, "info", "--db", str(demo_store.path))
    assert command.returncode == 1 and "เปิดอยู่ในหน้าต่าง" in command.stderr
    assert wal(demo_store.path).exists()
