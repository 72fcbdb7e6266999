"""An officer's day, done the way a person does it: menu actions (QAction.trigger()), mouse clicks on the
window's own buttons and key presses; modal dialogs are answered by finding them on screen. A broken signal
connection anywhere along the way fails this test.

Open a demo district store, review, search, correct and revert, issue the correction notice, log a visit, draw a
sample, enter the back-check answers, see the confidence, make the roster, certify a tambon then the district
(the lock shows before editing), save the form as PDF, and sync with a province server on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.models import backcheck_items, corrections
from desktop.models import monitoring_settings as ms
from desktop.views.history_view import UUID_ROLE
from desktop.views.main_window import MainWindow
from tests.sync import world
from tests.views import close_message_boxes

TAMBON = "520101"


@pytest.fixture
def live_server(tmp_path):
    """The province app under uvicorn in a thread on a free loopback port (as tests/sync/test_cli.py)."""
    import uvicorn

    from province.app import create_app
    from province.db import ServerDB

    db = ServerDB(tmp_path / "province.db")
    db.upgrade()
    tokens = world.seed_server(db)
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", tokens
    server.should_exit = True
    thread.join(10)
    db.dispose()


@pytest.fixture
def window(qtbot, demo_store, runner):
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.open()
    yield w
    runner.wait()
    close_message_boxes()
    for widget in QApplication.topLevelWidgets():
        if widget is not w and widget.isVisible():
            widget.close()


# ---- acting like a person ---------------------------------------------------------------------------------

def settle(qtbot, window) -> None:
    qtbot.wait(30)
    qtbot.waitUntil(lambda: not window.runner.busy and window.model.complete, timeout=30_000)
    qtbot.wait(30)


def action(window, key: str) -> QAction:
    """The window's menu action with this shortcut (what the officer presses or clicks)."""
    found = [a for top in window.menuBar().actions() for a in top.menu().actions() if a.shortcut().toString() == key]
    assert len(found) == 1, key
    return found[0]


def answer_modal(kind, act) -> QTimer:
    """When a modal dialog of `kind` comes up (exec(): file, input and print dialogs), act on it."""
    timer = QTimer()

    def tick():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind):
            timer.stop()
            act(modal)

    timer.timeout.connect(tick)
    timer.start(50)
    return timer


def save_as(path):
    def act(dialog: QFileDialog) -> None:  # type the whole path in the name box, as a person may, and Save
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setText(str(path))
        dialog.accept()
    return act


def top_level(name: str) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.text() if hasattr(widget, "text") else widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_area(qtbot, window, code: str) -> None:
    tree = window.area_panel.tree
    index = tree._items[code].index()
    parent = index.parent()
    while parent.isValid():
        tree.expand(parent)
        parent = parent.parent()
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    qtbot.waitUntil(lambda: window.area_code == code, timeout=10_000)
    settle(qtbot, window)


def click_row(qtbot, table, row: int, column: int = 0) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def close_info_boxes(qtbot) -> list[str]:
    texts = []
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            texts.append(box.text())
            click(qtbot, box.buttons()[0])
    return texts


def correct_income(qtbot, window, amount: str) -> None:
    click(qtbot, window.detail.correct_button)
    qtbot.waitUntil(lambda: top_level("correctionDialog") is not None, timeout=10_000)
    dialog = top_level("correctionDialog")
    item = dialog.items[("inc_main", None)]
    dialog.tree.scrollToItem(item)
    dialog.tree.setCurrentItem(item, 2)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tree.editItem(item, 2)
    (editor,) = [e for e in dialog.tree.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, amount)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.changed_keys() == [("inc_main", None)], timeout=5000)  # committed (queued)
    dialog.reason_combo.setCurrentIndex(1)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: top_level("correctionDialog") is None, timeout=10_000)
    settle(qtbot, window)


def add_roster_member(qtbot, dialog, role: int, name: str, position: str) -> None:
    before = dialog.table.rowCount()
    dialog.role_combo.setCurrentIndex(role)
    dialog.name_edit.setText(name)  # QTest cannot type Thai
    dialog.position_edit.setText(position)
    click(qtbot, dialog.add_button)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == before + 1, timeout=10_000)


def roster_and_certify(qtbot, window, chair: str, override: str = "") -> None:
    action(window, "Ctrl+Shift+W").trigger()  # Certification → Working group roster…
    roster = top_level("rosterDialog") or QApplication.activeModalWidget()
    add_roster_member(qtbot, roster, 0, chair, "ประธาน")
    add_roster_member(qtbot, roster, 2, "นางสาวเลขา ทดสอบ", "พัฒนากร")
    roster.accept()
    action(window, "Ctrl+Shift+T").trigger()  # Certification → Certify this area…
    qtbot.waitUntil(lambda: top_level("certifyDialog") is not None, timeout=20_000)
    dialog = top_level("certifyDialog")
    dialog.place_edit.setText("ศาลาประชาคม")
    if override:
        dialog.override_edit.setText(override)
    click(qtbot, dialog.certify_button)
    qtbot.waitUntil(lambda: top_level("certifyDialog") is None, timeout=20_000)
    settle(qtbot, window)


# ---- the day ----------------------------------------------------------------------------------------------

def test_an_officers_day_in_the_window(qtbot, window, demo_store, tmp_path, live_server):
    url, tokens = live_server
    settle(qtbot, window)
    assert window.area_code == "5201"  # the officer's district

    # review: a tambon, the first household by keyboard, Mark reviewed
    click_area(qtbot, window, TAMBON)
    assert not window.table.isColumnHidden(window.model.column_of("village"))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=10_000)
    hid = window.detail.detail.id
    house_no = window.detail.detail.house_no
    click(qtbot, window.detail.review_button)
    qtbot.waitUntil(lambda: window.detail.fields["status"].text() == "ตรวจแล้ว", timeout=10_000)
    assert window.frameGeometry().width() <= 1366

    # search: Ctrl+F, the house number, Enter
    action(window, "Ctrl+F").trigger()
    assert window.filter_bar.search_edit.hasFocus()
    qtbot.keyClicks(window.filter_bar.search_edit, house_no)
    qtbot.keyClick(window.filter_bar.search_edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    shown = [window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())]
    assert shown and all(house_no in h for h in shown)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.id == hid, timeout=10_000)

    # correct, then revert with a reason, then correct again (this one goes on the notice)
    correct_income(qtbot, window, "123456")
    with demo_store.read() as conn:
        (first,) = corrections.corrections_of(conn, hid)
    assert first.new_value == "123456"
    history = window.detail.history
    qtbot.waitUntil(lambda: history.tree.topLevelItemCount() >= 2, timeout=10_000)
    tabs = window.detail.tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(tabs.indexOf(history)).center())
    assert tabs.currentWidget() is history
    item = next(history.tree.topLevelItem(i) for i in range(history.tree.topLevelItemCount())
                if history.tree.topLevelItem(i).data(0, UUID_ROLE))
    history.tree.scrollToItem(item)
    qtbot.mouseClick(history.tree.viewport(), Qt.MouseButton.LeftButton, pos=history.tree.visualItemRect(item).center())
    timer = answer_modal(QInputDialog, lambda d: (d.setTextValue("พิมพ์ตัวเลขผิด"), d.accept()))
    click(qtbot, window.detail.history.revert_button)
    settle(qtbot, window)
    timer.stop()
    with demo_store.read() as conn:
        assert [s.status for s in corrections.corrections_of(conn, hid)] == [corrections.REVERTED]
    correct_income(qtbot, window, "150000")

    # issue the correction notice to the working group (File menu), as PDF
    notice = tmp_path / "notice.pdf"
    number = answer_modal(QInputDialog, lambda d: (d.setTextValue("ลป 0019/771"), d.accept()))  # ที่, as typed
    timer = answer_modal(QFileDialog, save_as(notice))
    action(window, "Ctrl+Shift+N").trigger()
    qtbot.waitUntil(lambda: notice.exists(), timeout=20_000)
    settle(qtbot, window)
    timer.stop()
    number.stop()
    letter_text = "".join(page.extract_text() for page in PdfReader(notice).pages)
    assert "ลป ๐๐๑๙/๗๗๑" in letter_text and "ขอแสดงความนับถือ" in letter_text  # an official letter: Thai digits
    assert any("ออกหนังสือที่" in t for t in close_info_boxes(qtbot))
    with demo_store.read() as conn:
        assert [s.status for s in corrections.corrections_of(conn, hid)] == [corrections.REVERTED, corrections.SENT]

    # log a visit from the Monitoring menu (Ctrl+Shift+L): the bug this test was written for
    action(window, "Ctrl+Shift+L").trigger()
    qtbot.waitUntil(lambda: top_level("visitDialog") is not None, timeout=10_000)
    visit = top_level("visitDialog")
    visit.village_list.item(0).setCheckState(Qt.CheckState.Checked)
    visit.visitors_edit.setPlainText("นายตรวจ ติดตาม | พัฒนากร")
    click(qtbot, visit.save_button)
    qtbot.waitUntil(lambda: top_level("visitDialog") is None, timeout=10_000)
    settle(qtbot, window)

    # the board, the visit, draw the sample
    action(window, "Ctrl+Shift+M").trigger()
    board = window.centre_tabs.currentWidget()
    assert board.objectName() == "monitoringBoard"
    qtbot.waitUntil(lambda: board.visits_table.rowCount() == 1, timeout=10_000)
    click_row(qtbot, board.visits_table, 0)
    click(qtbot, board.sample_button)
    qtbot.waitUntil(lambda: bool(board.households), timeout=10_000)
    settle(qtbot, window)
    sampled = board.households[0]

    # enter the answers: type the sheet code, Enter (loads, never saves), fill, Ctrl+Enter
    with demo_store.read() as conn:
        truth = backcheck_items.recorded(conn, sampled.household_id, dt.date.today().isoformat(), ms.load(conn))
    click(qtbot, board.entry_button)
    qtbot.waitUntil(lambda: top_level("backcheckEntry") is not None, timeout=10_000)
    entry = top_level("backcheckEntry")
    entry.code_edit.setFocus()
    qtbot.keyClicks(entry.code_edit, sampled.code)
    qtbot.keyClick(entry.code_edit, Qt.Key.Key_Return)
    assert sampled.house_code in entry.identity.text() and entry.fields
    settle(qtbot, window)
    with demo_store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM backcheck_answer").scalar() == 0  # Enter saved nothing
    for key, widget in entry.fields.items():
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(truth.get(key, "")))
        else:
            widget.setText(truth.get(key, ""))
    for r in range(entry.ages.rowCount() if entry.ages is not None else 0):
        entry.ages.item(r, 0).setText(truth.get(f"age:{r + 1}", ""))
    qtbot.keyClick(entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: entry.form_data is None, timeout=10_000)
    settle(qtbot, window)
    entry.close()

    # the confidence figure on the status bar
    status = next(w for w in window.statusBar().findChildren(QWidget) if w.objectName() == "confidenceStatus")
    qtbot.waitUntil(lambda: "100.0 %" in status.text(), timeout=10_000)

    # roster and certify the tambon; the lock shows before any edit
    window.centre_tabs.setCurrentIndex(0)
    click_area(qtbot, window, TAMBON)
    roster_and_certify(qtbot, window, "นายประธาน ตำบล")
    cert_mark = next(w for w in window.statusBar().findChildren(QWidget) if w.objectName() == "certificationStatus")
    qtbot.waitUntil(lambda: cert_mark.text().startswith("รับรองแล้ว"), timeout=10_000)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=10_000)
    assert window.detail.lock_banner.isVisible() and "ยกเลิกการรับรอง" in window.detail.lock_banner.text()
    assert not window.detail.correct_button.isEnabled() and not window.corrections.correct_action.isEnabled()

    # then the district, before its other tambons (with the reason)
    click_area(qtbot, window, "5201")
    roster_and_certify(qtbot, window, "นายอำเภอ ทดสอบ", override="ตำบลอื่นยังไม่ประชุม")
    qtbot.waitUntil(lambda: cert_mark.text().startswith("รับรองแล้ว"), timeout=10_000)

    # the certification form as PDF (Certification → Save the certificate as PDF…)
    form = tmp_path / "certificate.pdf"
    timer = answer_modal(QFileDialog, save_as(form))
    action(window, "Ctrl+Alt+P").trigger()
    qtbot.waitUntil(lambda: form.exists() and form.stat().st_size > 1000, timeout=20_000)
    settle(qtbot, window)
    timer.stop()

    assert len(PdfReader(str(form)).pages) >= 1

    # sync with the province server on 127.0.0.1 (Sync → Sync with the province server…)
    action(window, "Ctrl+Shift+S").trigger()
    panel = top_level("syncPanel")
    panel.server_edit.setText(url)
    panel.token_edit.setText(tokens[0])
    click(qtbot, panel.sync_button)
    qtbot.waitUntil(lambda: panel.sync_button.isEnabled(), timeout=60_000)
    settle(qtbot, window)
    assert panel.stage_label.text() == "เสร็จแล้ว", panel.result_label.text()
    assert panel.receipt_table.rowCount() > 0
    with demo_store.read() as conn:
        unsent = conn.exec_driver_sql("SELECT count(*) FROM outbox WHERE state = 'pending'").scalar()
    assert unsent == 0
    panel.close()
    assert window.frameGeometry().width() <= 1366
