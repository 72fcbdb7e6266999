"""The Monitoring tab: log a visit, draw a sample, enter answers by sheet code, see the figure update, raise a
correction from a discrepancy, print sheets and the follow-up report."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from desktop.models import backcheck_items, corrections
from desktop.models import monitoring_settings as ms
from desktop.views.main_window import MainWindow
from desktop.views.visits_ui import VisitsController, tr
from tests.views import close_message_boxes


@pytest.fixture
def window(qtbot, demo_store, runner):
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    w.open()
    yield w
    runner.wait()
    close_message_boxes()
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() in ("visitDialog", "backcheckEntry"):
            widget.close()


def settle(qtbot, window) -> None:
    """Every queued read and write finished and its result shown (no late refill races the next click)."""
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)


def controller(window) -> VisitsController:
    return next(f for f in window.features if isinstance(f, VisitsController))


def fill_entry(entry, truth: dict[str, str], wrong_key: str) -> None:
    """Type the true values in the entry form, except one item made to differ."""
    for key, widget in entry.fields.items():
        value = truth.get(key, "")
        if key == wrong_key:
            value = str(int(value) * 2 + 1000)  # far outside the ±10 % tolerance
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)
    for r in range(entry.ages.rowCount()):
        entry.ages.item(r, 0).setText(truth.get(f"age:{r + 1}", ""))


def test_log_sample_enter_and_see_the_figure(qtbot, window, demo_store, tmp_path):
    ctl = controller(window)
    qtbot.waitUntil(lambda: ctl.board.confidence_label.text() != "-", timeout=10_000)
    window.centre_tabs.setCurrentWidget(ctl.board)
    assert ctl.board.visit_ids == []

    dialog = ctl.open_visit_dialog()
    dialog.set_villages_checked([dialog.village_list.item(0).data(Qt.ItemDataRole.UserRole)])
    dialog.visitors_edit.setPlainText("นายตรวจ ติดตาม | พัฒนากร")
    dialog.checks["working_group"].setChecked(True)
    with qtbot.waitSignal(ctl.refreshed, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: len(ctl.board.visit_ids) == 1, timeout=10_000)
    settle(qtbot, window)
    assert ctl.dialog is None  # accepted and closed

    ctl.board.visits_table.selectRow(0)
    with qtbot.waitSignal(ctl.sample_loaded, timeout=10_000):
        ctl.board.sample_button.click()
    qtbot.waitUntil(lambda: bool(ctl.board.households), timeout=10_000)
    settle(qtbot, window)
    first = ctl.board.households[0]
    assert ctl.board.sample_table.item(0, 3).text() == tr("not yet checked")

    with demo_store.read() as conn:
        truth = backcheck_items.recorded(conn, first.household_id, dt.date.today().isoformat(),
                                         ms.load(conn))
    entry = ctl.open_entry()
    entry.code_edit.setText(first.code.lower())  # a scanner may type lower case
    entry.code_edit.returnPressed.emit()
    assert first.house_code in entry.identity.text()
    assert all(not w.text() for w in entry.fields.values() if isinstance(w, QLineEdit))  # never pre-filled
    fill_entry(entry, truth, "income:inc_main")
    with qtbot.waitSignal(ctl.refreshed, timeout=10_000):
        entry.save_button.click()
    qtbot.waitUntil(lambda: ctl.board.households and ctl.board.households[0].answer_uuid is not None, timeout=10_000)
    settle(qtbot, window)
    compared = len(truth)
    expected = 100 * (compared - 1) / compared
    assert ctl.board.confidence_label.text() == tr("Confidence %1").replace("%1", f"{expected:.1f} %")
    assert ctl.board.confidence_label.property("kpiColour") == ("green" if expected >= 95 else "amber")
    assert ctl.status_label.text() == ctl.board.confidence_label.text()
    assert entry.code_edit.hasFocus() or entry.code_edit.text() == ""  # ready for the next sheet
    qtbot.wait(50)  # let the layouts take the new texts
    window.grab().save(str(tmp_path / "monitoring.png"))

    ctl.board.sample_table.selectRow(0)
    assert ctl.board.correct_button.isEnabled()
    with qtbot.waitSignal(ctl.refreshed, timeout=10_000):
        ctl.board.correct_button.click()
    settle(qtbot, window)
    with demo_store.read() as conn:
        states = corrections.corrections_of(conn, first.household_id)
    assert [(s.field, s.new_value) for s in states] == [("inc_main", str(int(truth["income:inc_main"]) * 2 + 1000))]
    assert states[0].reason.startswith("ตรวจสอบซ้ำระหว่างการติดตามอำเภอ")

    ctl.ask_path = lambda *a: tmp_path / "sheets.pdf"  # files change no data: nothing is refreshed
    ctl.board.sheets_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "sheets.pdf").exists() and not window.runner.busy, timeout=20_000)
    settle(qtbot, window)
    ctl.ask_path = lambda *a: tmp_path / "followup.xlsx"
    ctl.board.report_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "followup.xlsx").exists() and not window.runner.busy, timeout=20_000)


def test_unknown_code_and_bad_visit_keep_the_forms_open(qtbot, window):
    ctl = controller(window)
    qtbot.waitUntil(lambda: ctl.board.confidence_label.text() != "-", timeout=10_000)
    entry = ctl.open_entry()
    entry.code_edit.setText("ZZZ-1")
    entry.code_edit.returnPressed.emit()
    assert entry.identity.text() == tr("No sampled household has this code.") and not entry.save_button.isEnabled()
    dialog = ctl.open_visit_dialog()
    dialog.visitors_edit.setPlainText("")
    with qtbot.waitSignal(window.runner.error_reported, timeout=10_000) as blocker:
        dialog.save_button.click()
    assert "ต้องระบุหมู่บ้าน" in blocker.args[0] and dialog.isVisible()


def test_settings_file_and_keyboard_answers(qtbot, window, tmp_path):
    import json

    from PySide6.QtTest import QTest

    ctl = controller(window)
    qtbot.waitUntil(lambda: ctl.board.confidence_label.text() != "-", timeout=10_000)
    good = tmp_path / "s.json"
    good.write_text(json.dumps({"aggregation": "villages", "kpi_target": 90}), encoding="utf-8")
    ctl.ask_open_path = lambda: good
    with qtbot.waitSignal(ctl.refreshed, timeout=10_000):
        ctl.load_settings()
    assert ctl.board.detail_label.text().endswith(tr("mean of villages"))
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    ctl.ask_open_path = lambda: bad
    with qtbot.waitSignal(window.runner.error_reported, timeout=10_000) as blocker:
        ctl.load_settings()
    assert "b.json" in blocker.args[0]
    settle(qtbot, window)

    from desktop.views.backcheck_entry import BackcheckEntry

    entry = BackcheckEntry()
    qtbot.addWidget(entry)
    combo = entry._field_for(backcheck_items.Item("answer:6", "answer", "ข้อ 6", 2), "")
    QTest.keyClicks(combo, "0")  # the yes/no answer is picked by typing its digit
    assert combo.currentData() == "0"
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new key search, not "01"
    QTest.keyClicks(combo, "1")
    assert combo.currentData() == "1"


def test_correct_and_withdraw_a_visit(qtbot, window, demo_store):
    from desktop.models import visits

    ctl = controller(window)
    qtbot.waitUntil(lambda: ctl.board.confidence_label.text() != "-", timeout=10_000)
    dialog = ctl.open_visit_dialog()
    codes = [dialog.village_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(2)]
    dialog.set_villages_checked(codes[:1])
    dialog.notes_edit.setPlainText("ครั้งแรก")
    with qtbot.waitSignal(ctl.refreshed, timeout=10_000):
        dialog.save_button.click()
    settle(qtbot, window)
    ctl.board.visits_table.selectRow(0)
    edit = ctl.edit_visit()
    assert edit.notes_edit.toPlainText() == "ครั้งแรก" and edit.withdraw_box.isVisible()
    edit.set_villages_checked(codes)
    with qtbot.waitSignal(ctl.refreshed, timeout=10_000):
        edit.save_button.click()
    settle(qtbot, window)
    with demo_store.read() as conn:
        (current,) = visits.visits(conn, window.year, "52")
        assert list(current.villages) == sorted(codes) and len(visits.history(conn, current.visit_id)) == 2
    ctl.board.visits_table.selectRow(0)
    edit = ctl.edit_visit()
    edit.withdraw_box.setChecked(True)
    with qtbot.waitSignal(ctl.refreshed, timeout=10_000):
        edit.save_button.click()
    settle(qtbot, window)
    assert ctl.board.visit_ids == []
