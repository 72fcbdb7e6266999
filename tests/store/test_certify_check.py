"""Certifying in the window checks the store first: a damaged page stops it with the Thai message."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desktop.models import db
from desktop.views.certification_dialog import CertifyDialog
from desktop.views.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.store.test_faults import _damage_one_page
from tests.views import close_message_boxes


def _root_page(path, table: str) -> int:
    store = db.open_store(path, PASSPHRASE)
    try:
        with store.read() as conn:
            return conn.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).scalar()
    finally:
        store.close()


@pytest.fixture
def damaged_window(qtbot, demo_path, runner):
    _damage_one_page(demo_path, _root_page(demo_path, "household_version"))  # a table the window does not read
    store = db.open_store(demo_path, PASSPHRASE)
    w = MainWindow(store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    runner.wait()
    close_message_boxes()
    store.close()


def test_certify_action_on_a_damaged_store_says_so_and_opens_nothing(qtbot, damaged_window, runner):
    damaged_window.open("5201")
    qtbot.waitUntil(lambda: damaged_window.area_code == "5201")
    action = damaged_window.findChild(QAction, "certification_certify")
    with qtbot.waitSignal(runner.error_reported, timeout=20_000) as blocker:
        action.trigger()
    assert "เสียหาย" in blocker.args[0] and "main.py check" in blocker.args[0]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CertifyDialog) and w.isVisible()]
