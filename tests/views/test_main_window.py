"""The review window: tree, table, detail pane, reveal (audited), mark reviewed, keyboard, language."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.models import audit, households, thaiid
from desktop.models.schema import STATUS_REVIEWED
from desktop.views.detail_tables import PID_COLUMN
from desktop.views.main_window import MainWindow
from tests.views import area_codes, close_message_boxes

MASKED = re.compile(r"^\d-\d{4}-xxxxx-xx-\d$")


@pytest.fixture
def window(qtbot, demo_store, runner):
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)  # the common government laptop
    w.show()
    yield w
    runner.wait()
    close_message_boxes()


def open_village(qtbot, window: MainWindow, store) -> str:
    village = area_codes(store, 8)[0]
    window.open(village)
    qtbot.waitUntil(lambda: window.model.complete, timeout=10_000)
    return village


def test_tree_shows_areas_with_household_counts(qtbot, window, demo_store):
    window.open("52")
    tree = window.area_panel.tree
    assert re.fullmatch(r"ลำปาง \(600\)", tree.label_of("52"))
    district = area_codes(demo_store, 4)[0]
    assert re.fullmatch(r".+ \(\d{1,3}(,\d{3})*\)", tree.label_of(district))
    assert window.area_code == "52"
    qtbot.waitUntil(lambda: window.model.complete, timeout=10_000)
    assert window.count_label.text() == "แสดง 600 ครัวเรือน"
    assert "สมศรี ใจดี" in window.officer_label.text() and "อำเภอ" in window.officer_label.text()
    assert str(demo_store.path) in window.path_label.text()


def test_enter_in_tree_selects_area(qtbot, window, demo_store):
    window.open("52")
    tree = window.area_panel.tree
    district = area_codes(demo_store, 4)[1]
    index = tree._items[district].index()
    tree.setFocus()
    tree.setCurrentIndex(index)
    assert window.area_code == "52"  # moving does not load
    with qtbot.waitSignal(tree.area_selected):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.area_code == district


def test_ctrl_f_focuses_search(qtbot, window, demo_store):
    open_village(qtbot, window, demo_store)
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.filter_bar.search_edit)


def test_search_box_is_debounced(qtbot, window, demo_store):
    open_village(qtbot, window, demo_store)
    before = window.model.rowCount()
    row = window.model.household(0)
    qtbot.keyClicks(window.filter_bar.search_edit, row.house_code)
    assert window.model.rowCount() == before  # not yet: waits ~250 ms after the last key
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)


def test_detail_shows_masked_ids_and_reveal_is_audited(qtbot, window, demo_store):
    open_village(qtbot, window, demo_store)
    window.table.select_row(0)
    pane = window.detail
    qtbot.waitUntil(lambda: pane.detail is not None)
    hid = pane.detail.id
    member = pane.detail.members[0]
    assert MASKED.match(pane.members.item(0, PID_COLUMN).text())
    assert pane.members.item(0, PID_COLUMN).text() == thaiid.masked(member.pid)
    assert int(pane.members.item(0, 5).text()[-4:]) > 2400  # birth date in พ.ศ.
    assert pane.banner.isVisible()  # 2566-2570 is a draft set
    assert pane.title.text().startswith("บ้านเลขที่ ")
    assert "ลำปาง" in pane.fields["area"].text()
    results = pane.indicator_tree.results_text()
    assert results and set(results.values()) <= {"ผ่าน", "ไม่ผ่าน", "ไม่เกี่ยวข้อง"}
    assert pane.money.rowCount() > 8
    pane.members.selectRow(0)
    qtbot.mouseClick(pane.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.members.item(0, PID_COLUMN).text() == thaiid.formatted(member.pid), timeout=5000)
    with demo_store.read() as conn:
        entries = audit.recent(conn, 5)
    assert entries[0]["action"] == "member.reveal_id"
    assert entries[0]["target"] == f"{hid}/{member.seq}"


def test_mark_reviewed_with_ctrl_r(qtbot, window, demo_store):
    open_village(qtbot, window, demo_store)
    table = window.table
    table.select_row(0)
    table.selectionModel().select(
        window.model.index(1, 0), table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows
    )
    ids = table.selected_ids()
    assert len(ids) == 2
    window.activateWindow()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    status_col = [c.key for c in window.model.columns].index("status")
    qtbot.waitUntil(lambda: window.model.data(window.model.index(1, status_col)) == "ตรวจแล้ว", timeout=5000)
    with demo_store.read() as conn:
        rows = households.rows_by_ids(conn, ids)
    assert {r.status for r in rows} == {STATUS_REVIEWED}
    assert window.detail.fields["status"].text() == "ตรวจแล้ว"


def test_filter_bar_lists_the_years_indicators(qtbot, window, demo_store):
    open_village(qtbot, window, demo_store)
    combo = window.filter_bar.failed_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0] == "ทุกตัวชี้วัด"
    assert any(t.startswith("ข้อ 29 ") for t in texts)
    index = next(i for i, t in enumerate(texts) if t.startswith("ข้อ 29 "))
    combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: window.model.complete)
    assert window.model.filter.failed_position == index  # position in set order = combo row


def test_english_language_switch(qtbot, demo_store, runner):
    from desktop.views import app

    app.make_app("en")
    w = MainWindow(demo_store, runner, "en")
    qtbot.addWidget(w)
    w.open("52")
    qtbot.waitUntil(lambda: w.model.complete, timeout=10_000)
    assert w.model.headerData(0, Qt.Orientation.Horizontal) == "House no."
    assert w.filter_bar.status_combo.itemText(1) == "Imported"
    assert w.count_label.text() == "600 households shown"
    assert [a.text() for a in w.menuBar().actions()][0] == "&File"
    w.show_household(w.model.household_id(0))
    surveyed, path = w.detail.fields["surveyed"].text(), w.detail.fields["area"].text()
    assert path.startswith("Lampang › ") and "(B.E.)" in surveyed  # English names and months
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in surveyed.split(" by ")[0])
    app.make_app("th")
    w2 = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w2)
    assert w2.model.headerData(0, Qt.Orientation.Horizontal) == "บ้านเลขที่"
