"""Issue 17 in the window: the first-run wizard starts a laptop from the province server; a demo store is marked
in the title and status bar, and File ▸ Remove the demo data takes it out; the certification dialog says which
levels certify that year."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from sqlalchemy import text

from desktop.models import demo_data
from desktop.views.first_run import FirstRunWizard
from desktop.views.main_window import MainWindow
from tests.sync import world
from tests.views import close_message_boxes


@pytest.fixture
def live_server(tmp_path):
    import uvicorn

    from province.app import create_app
    from province.db import ServerDB

    db = ServerDB(f"sqlite:///{tmp_path / 'province.db'}")
    db.upgrade()
    tokens = world.seed_server(db)
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", tokens
    server.should_exit = True
    thread.join(10)
    db.dispose()


def test_first_run_connects_to_the_province_server(qtbot, tmp_path, runner, live_server, memory_keyring):
    from desktop.models import db
    from tests.conftest import PASSPHRASE

    url, tokens = live_server
    wizard = FirstRunWizard(tmp_path / "new.db", runner)
    qtbot.addWidget(wizard)
    wizard.store = db.open_store(tmp_path / "new.db", PASSPHRASE, create=True)
    wizard.setStartId(2)  # passphrase and profile pages: tests/views/test_first_run.py
    wizard.show()
    page = wizard.data_page
    assert page.server_choice.text() == "เชื่อมต่อเซิร์ฟเวอร์จังหวัด (&C)"
    qtbot.mouseClick(page.server_choice, Qt.MouseButton.LeftButton, pos=QPoint(8, page.server_choice.height() // 2))
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert page.server_choice.isChecked()
    assert not finish.isEnabled()  # address and token needed
    qtbot.keyClicks(page.server_fields.server, url)
    qtbot.keyClicks(page.server_fields.token, tokens[0])
    assert finish.isEnabled()
    wizard.grab().save(str(tmp_path / "first-run-server.png"))
    with qtbot.waitSignal(wizard.accepted, timeout=60_000):
        qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    with wizard.store.read() as conn:
        villages = set(conn.execute(text("SELECT DISTINCT village FROM household")).scalars())
        assert villages == {52010101, 52010102}  # the officer's district (5201), nothing else
    wizard.store.close()


def _click_when_shown(object_name: str, button_text: str) -> None:
    def click():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == object_name and widget.isVisible():
                (button,) = [b for b in widget.buttons() if b.text() == button_text]
                button.click()
                return
        QTimer.singleShot(50, click)

    QTimer.singleShot(50, click)


def test_demo_store_is_marked_and_removed_from_the_menu(qtbot, demo_store, runner):
    window = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(window)
    window.show()
    window.open()
    (ctl,) = [f for f in window.features if type(f).__name__ == "DemoController"]
    assert "ข้อมูลสาธิต" in window.windowTitle() and ctl.banner.isVisible()
    assert ctl.remove_action in window.menuBar().actions()[0].menu().actions()
    _click_when_shown("removeDemoQuestion", "ลบข้อมูลสาธิต (&R)")
    with qtbot.waitSignal(ctl.removed, timeout=30_000) as removed:
        ctl.remove_action.trigger()
    assert removed.args[0] > 0
    assert "ข้อมูลสาธิต" not in window.windowTitle() and not ctl.banner.isVisible()
    assert not ctl.remove_action.isEnabled()
    with demo_store.read() as conn:
        assert not demo_data.is_demo(conn)
        assert conn.execute(text("SELECT count(*) FROM household")).scalar_one() == 0
    runner.wait()
    close_message_boxes()
