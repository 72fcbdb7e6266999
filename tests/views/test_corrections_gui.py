"""Corrections in the window: the dialog (edit, undo, save, validation), "as corrected" results, history, revert."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from desktop.models import audit, corrections, households, surveys
from desktop.views.correction_dialog import CorrectionDialog
from desktop.views.main_window import MainWindow
from tests.views import close_message_boxes, latest_year


class _Probe(Exception):
    pass


def elder_candidate(store) -> tuple[int, int, str, set[int]]:
    """(household id, member seq, new birth date in พ.ศ., indicators whose result changes) for a member aged
    50-59 who, born 70 years before the survey's reference date, moves into the 60+ group."""
    from sqlalchemy import text

    year = latest_year(store)
    with store.read() as conn:
        reference = dt.date.fromisoformat(surveys.get(conn, year).reference_date)
        ids = [r[0] for r in conn.execute(text("SELECT id FROM household WHERE survey_year = :y ORDER BY id LIMIT 60"),
                                          {"y": year})]
    born = reference.replace(year=reference.year - 70)
    for hid in ids:
        with store.read() as conn:
            found = households.detail(conn, hid)
        for member in found.members:
            if not 50 <= member.age <= 59:
                continue
            changed: set[int] = set()
            try:
                with store.begin() as conn:  # try it, then roll back
                    corrections.record(conn, hid, [corrections.Change("birth_date", born.isoformat(), member.seq)], "x")
                    after = corrections.evaluate_as_corrected(conn, hid)
                    changed = {a.indicator.no for a, b in zip(after, found.results) if a.status != b.status}
                    raise _Probe()
            except _Probe:
                pass
            if changed:
                return hid, member.seq, f"{born.day:02d}/{born.month:02d}/{born.year + 543}", changed
            break
    pytest.fail("the seeded demo has no member whose move into the 60+ group changes a result")


@pytest.fixture
def window(qtbot, demo_store, runner):
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)  # the common government laptop
    w.show()
    yield w
    runner.wait()
    close_message_boxes()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CorrectionDialog):
            widget.close()


def show(qtbot, window, store, hid: int) -> None:
    with store.read() as conn:
        village = str(households.detail(conn, hid).village)
    window.open(village)
    qtbot.waitUntil(lambda: window.model.complete, timeout=10_000)
    window.show_household(hid)
    assert window.detail.detail.id == hid


def n_corrections(store, hid: int) -> int:
    with store.read() as conn:
        return len(corrections.corrections_of(conn, hid))


def test_correct_birth_date_changes_result_then_revert(qtbot, window, demo_store, monkeypatch, tmp_path):
    hid, seq, born_be, changed = elder_candidate(demo_store)
    show(qtbot, window, demo_store, hid)
    before = window.detail.indicator_tree.results_text()
    dialog = window.corrections.open_dialog()
    assert dialog is not None and dialog.isVisible()
    original = dialog.value("birth_date", seq)
    # an edit, undone before saving, restores the field
    dialog.set_value("birth_date", born_be, seq)
    assert dialog.changed_keys() == [("birth_date", seq)]
    assert dialog.items[("birth_date", seq)].background(2).color().name() == "#fff1b8"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert dialog.value("birth_date", seq) == original
    assert dialog.items[("birth_date", seq)].text(2) == original
    assert dialog.changed_keys() == []
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.value("birth_date", seq) == born_be
    # typing into the cell is an undoable edit too
    item = dialog.items[("occupation", seq)]
    item.setText(2, "ค้าขาย")
    assert dialog.value("occupation", seq) == "ค้าขาย"
    dialog.undo_stack.undo()
    assert dialog.value("occupation", seq) != "ค้าขาย" and len(dialog.changed_keys()) == 1
    # the reason is required
    dialog.save()
    assert dialog.error_label.isVisible() and dialog.isVisible()
    dialog.reason_combo.setCurrentIndex(1)  # เอกสารทะเบียนบ้าน
    scan = tmp_path / "ทะเบียนบ้าน.png"
    image = QImage(120, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#dfe8f1"))
    assert image.save(str(scan))
    dialog.add_evidence([str(scan)])
    assert dialog.evidence_list.count() == 1 and not dialog.evidence_list.item(0).icon().isNull()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert n_corrections(demo_store, hid) == 1
    # the household table can show only households with a recorded correction
    combo = window.filter_bar.correction_combo
    combo.setCurrentIndex(combo.findData(corrections.RECORDED))
    qtbot.waitUntil(lambda: window.model.complete and window.model.rowCount() == 1, timeout=10_000)
    assert window.model.household_id(0) == hid
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.model.complete and window.model.rowCount() > 1, timeout=10_000)
    window.show_household(hid)
    with demo_store.read() as conn:
        recorded = next(e for e in audit.recent(conn) if e["action"] == "correction.record")
    assert json.loads(recorded["detail"])["evidence"] == ["ทะเบียนบ้าน.png"]
    # as imported the results are unchanged; as corrected they follow the new age
    assert window.detail.indicator_tree.results_text() == before
    window.corrections.as_corrected_action.setChecked(True)
    assert window.report_view.as_corrected_box.isChecked()
    after = window.detail.indicator_tree.results_text()
    assert {no for no in after if after[no] != before[no]} == changed
    # the household table shows the corrected results too
    row = window.model.row_of(hid)
    with demo_store.read() as conn:
        imported = households.rows_by_ids(conn, [hid])[0]
    shown = window.model.household(row)
    assert shown.results != imported.results
    assert "ตามที่แก้ไขแล้ว" in window.detail.title.text()
    members = window.detail.members
    row = next(r for r in range(members.rowCount()) if members.item(r, 0).text() == str(seq))
    assert members.item(row, 5).text() == born_be and int(members.item(row, 4).text()) >= 69
    # history: the import and the correction, with the field's before/after
    history = window.detail.history
    events = history.events_text()
    assert events[0].startswith("นำเข้า") and events[-1].startswith("แก้ไขข้อมูล")
    last = history.tree.topLevelItem(history.tree.topLevelItemCount() - 1)
    assert last.text(3) == "เอกสารทะเบียนบ้าน"
    assert last.child(0).text(0).startswith(f"สมาชิกลำดับที่ {seq}") and last.child(0).text(2) == "→ " + born_be
    assert last.text(2) == "สมศรี ใจดี"
    # revert from the history tab, with a reason
    monkeypatch.setattr(window.corrections, "ask_reason", lambda: "บันทึกผิดคน")
    history.tree.setCurrentItem(last)
    assert history.revert_button.isEnabled()
    history.revert_button.click()
    qtbot.waitUntil(lambda: len(window.detail.history.events_text()) == len(events) + 1, timeout=10_000)
    events = window.detail.history.events_text()
    assert events[-1] == "ยกเลิกการแก้ไข" and events[-2] == "แก้ไขข้อมูล · ยกเลิกแล้ว"
    assert window.detail.history.tree.topLevelItem(len(events) - 1).text(3) == "บันทึกผิดคน"
    with demo_store.read() as conn:
        assert [s.status for s in corrections.corrections_of(conn, hid)] == [corrections.REVERTED]
    assert window.detail.indicator_tree.results_text() == before
    assert not window.detail.history.revert_button.isEnabled()


def test_bad_national_id_keeps_dialog_open(qtbot, window, demo_store):
    with demo_store.read() as conn:
        hid = households.ordered_ids(conn, households.HouseholdFilter(latest_year(demo_store), "52"))[0]
    show(qtbot, window, demo_store, hid)
    window.activateWindow()
    qtbot.keyClick(window.detail, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.corrections.dialog is not None and window.corrections.dialog.isVisible())
    dialog = window.corrections.dialog
    dialog.set_value("pid", "1234567890123", 1)
    dialog.reason_combo.setEditText("สอบถามครัวเรือนซ้ำ")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not dialog.saving, timeout=10_000)
    assert "เลขประจำตัวประชาชน" in dialog.error_label.text() and "ไม่ถูกต้อง" in dialog.error_label.text()
    assert dialog.isVisible()
    assert n_corrections(demo_store, hid) == 0


def test_choice_fields_show_names_and_keep_codes(qtbot, window, demo_store):
    with demo_store.read() as conn:
        hid = households.ordered_ids(conn, households.HouseholdFilter(latest_year(demo_store), "52"))[0]
    show(qtbot, window, demo_store, hid)
    dialog = window.corrections.open_dialog()
    sex = dialog.value("sex", 1)
    other = "F" if sex == "M" else "M"
    assert dialog.items[("sex", 1)].text(1) == {"M": "ชาย (M)", "F": "หญิง (F)"}[sex]
    # choosing in the drop-down stores the code and shows the name
    item = dialog.items[("sex", 1)]
    index = dialog.tree.indexFromItem(item, 2)
    editor = dialog.tree.itemDelegateForColumn(2).createEditor(dialog.tree.viewport(), None, index)
    assert [editor.itemText(i) for i in range(editor.count())] == ["ชาย (M)", "หญิง (F)"]
    editor.setCurrentIndex(editor.findData(other))
    dialog.tree.itemDelegateForColumn(2).setModelData(editor, dialog.tree.model(), index)
    editor.deleteLater()
    assert dialog.value("sex", 1) == other and dialog.changed_keys() == [("sex", 1)]
    assert item.text(2) == {"M": "ชาย (M)", "F": "หญิง (F)"}[other]
    dialog.undo_stack.undo()
    assert dialog.value("sex", 1) == sex and item.text(2) == item.text(1)
    dialog.close()
