"""Sync in the window: the panel against an in-process province server (SQLite), progress and receipts,
a dropped connection, Cancel, offline bundles, and the conflict list with the status-bar count."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from desktop.models import audit, households
from desktop.sync import outbox
from desktop.views import conflict_dialog, labels, sync_panel, sync_ui
from desktop.views.main_window import MainWindow
from desktop.views.sync_ui import SyncController
from tests.sync import world
from tests.views import close_message_boxes

SERVER = world.SERVER_URL
VILLAGE = 52010101


@pytest.fixture
def province(tmp_path):
    p = world.Province.create(f"sqlite:///{tmp_path / 'province.db'}")
    yield p
    p.close()


@pytest.fixture
def laptops(tmp_path):
    opened = []

    def make(name: str):
        store = world.open_laptop(tmp_path / f"laptop-{name}.db", store_id=f"laptop-{name}")
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def window(qtbot, laptops, runner, province):
    w = MainWindow(laptops("a"), runner, "th")
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    use_server(w, province)
    yield w
    runner.wait()
    close_message_boxes()
    for feature in w.features:
        if isinstance(feature, SyncController):
            for dialog in (feature.panel, feature.conflict_dialog):
                if dialog is not None:
                    dialog.close()


def controller_of(window) -> SyncController:
    return next(f for f in window.features if isinstance(f, SyncController))


def use_server(window, province, **options) -> None:
    def factory(store, server, token, *, progress=None, cancel=None, on_retry=None):
        return province.sync_client(store, token, progress=progress, cancel=cancel, on_retry=on_retry, **options)

    controller_of(window).client_factory = factory


def sync_from_panel(qtbot, window, token: str):
    controller = controller_of(window)
    panel = controller.open_panel()
    panel.server_edit.setText(SERVER)
    panel.token_edit.setText(token)
    stages = []
    controller._bridge.stage.connect(lambda s, d, t: stages.append(s))
    controller._bridge.stage.connect(lambda s, d, t: progress.append((s, d, t)))
    controller._bridge.retrying.connect(lambda text: stages.append(text))
    panel.sync_button.click()
    assert controller.running and not panel.sync_button.isEnabled() and panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    return panel, stages


progress: list[tuple[str, int, int]] = []  # every (stage, done, total) the last syncs reported


def local_status(store, hid: int) -> int:
    with store.read() as conn:
        return conn.execute(text("SELECT status FROM household WHERE id = :i"), {"i": hid}).scalar()


def village_ids(store) -> list[int]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT id FROM household WHERE village = :v ORDER BY id"),
                                 {"v": VILLAGE}).scalars())


def test_menu_and_hidden_count(window):
    controller = controller_of(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert controller.menu.title() in titles
    assert not controller.count_button.isVisible() and controller.refresh_count() == 0


def test_sync_now_shows_progress_and_receipts(qtbot, window, province, memory_keyring):
    progress.clear()
    panel, stages = sync_from_panel(qtbot, window, province.tokens[0])
    assert any(s.startswith("รับลง 5201") for s in stages) and "ตรวจรับ" in stages
    assert ("รับลง 5201", 14, 14) in progress  # the pull knows its total (asked before it starts)
    table = panel.receipt_table
    assert table.rowCount() == 2
    assert [table.item(r, 0).text().split()[0] for r in range(2)] == ["2567/52010101", "2567/52010102"]
    assert all(table.item(r, 3).text() == sync_panel.tr("Equal") for r in range(2))
    assert table.item(0, 1).text() == "8 / 8"
    assert "ตรงกับเซิร์ฟเวอร์ทั้ง 2 หมู่บ้าน" in panel.result_label.text()
    assert panel.sync_button.isEnabled() and not panel.cancel_button.isEnabled()
    # the token went to the keyring, the server into the store: a second panel needs neither typed again
    assert memory_keyring.get_password("bmn-field-desk", f"token:{SERVER}") == province.tokens[0]
    assert controller_of(window).remembered_server() == SERVER
    assert window.area_panel.tree.codes()  # the window shows what came down
    panel.token_edit.clear()
    panel.sync_button.click()
    qtbot.waitUntil(lambda: not controller_of(window).running, timeout=20_000)
    assert controller_of(window).last_report.receipt_equal


def test_preview_counts_what_goes_up_and_comes_down(qtbot, window, province):
    controller = controller_of(window)
    panel = controller.open_panel()
    panel.server_edit.setText(SERVER)
    panel.token_edit.setText(province.tokens[0])
    panel.preview()
    qtbot.waitUntil(lambda: "14" in panel.down_label.text(), timeout=10_000)
    assert "5201" in panel.down_label.text()
    assert panel.up_label.text() == "รายการค้างส่ง 0 รายการ"  # nothing to send yet (the window is in Thai)
    sync_from_panel(qtbot, window, province.tokens[0])
    with window.store.begin() as conn:
        households.set_status(conn, village_ids(window.store)[:2], 1)
    panel.refresh_local()
    assert panel.up_label.text() == "รายการค้างส่ง 2 รายการ (" + sync_panel.tr("Review status") + " 2)"


def test_dropped_connection_is_retried_then_reported_plainly(qtbot, window, province):
    use_server(window, province, faults={"drop_request": 1.0})
    panel, stages = sync_from_panel(qtbot, window, province.tokens[0])
    assert sum("ลองใหม่" in s for s in stages) == 5  # 6 attempts
    assert "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้" in panel.result_label.text() and "ข้อมูลยังอยู่ครบ" in panel.result_label.text()
    assert panel.sync_button.isEnabled()


def test_failure_with_the_panel_closed_still_reaches_the_person(qtbot, window, province):
    controller = controller_of(window)
    use_server(window, province, faults={"drop_request": 1.0})
    panel = controller.open_panel()
    panel.server_edit.setText(SERVER)
    panel.token_edit.setText(province.tokens[0])
    errors = []
    window.runner.error_reported.connect(errors.append)
    panel.sync_button.click()
    panel.close_button.click()
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    assert errors and "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้" in errors[-1]
    assert "เชื่อมต่อเซิร์ฟเวอร์ไม่ได้" in window.statusBar().currentMessage()


def test_cancel_keeps_committed_chunks_and_the_next_sync_finishes(qtbot, window, province):
    controller = controller_of(window)
    reached, go = threading.Event(), threading.Event()

    def factory(store, server, token, *, progress=None, cancel=None, on_retry=None):
        def hold_after_first_chunk(stage, done, total):  # runs on the writer thread
            progress(stage, done, total)
            if stage.startswith("รับลง") and not reached.is_set():
                reached.set()
                go.wait(10)

        return province.sync_client(store, token, progress=hold_after_first_chunk, cancel=cancel, pull_limit=3)

    controller.client_factory = factory
    panel = controller.open_panel()
    panel.server_edit.setText(SERVER)
    panel.token_edit.setText(province.tokens[0])
    panel.sync_button.click()
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    assert panel.isEnabled() and panel.cancel_button.isEnabled()  # the window answers while the sync works
    panel.cancel_button.click()
    go.set()
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    assert controller.job.outcome == "cancelled" and "หยุดซิงก์แล้ว" in panel.result_label.text()
    qtbot.waitUntil(lambda: "หยุดซิงก์แล้ว" in window.statusBar().currentMessage(), timeout=5_000)
    assert panel.sync_button.isEnabled() and not panel.cancel_button.isEnabled()
    store = window.store
    with store.read() as conn:
        got = conn.execute(text("SELECT count(*) FROM household")).scalar()
        cursor = conn.execute(text("SELECT cursor FROM sync_cursor")).scalar()
        assert audit.verify(conn).ok
    assert got == 3 and cursor  # the first chunk, committed with its cursor; nothing after Cancel
    use_server(window, province)
    panel.sync_button.click()
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    assert controller.last_report.receipt_equal and len(village_ids(store)) == 8


def make_conflict(qtbot, window, province, laptops) -> int:
    """Laptop b changes a household's status on the server; this window's laptop changed it too."""
    sync_from_panel(qtbot, window, province.tokens[0])
    other = laptops("b")
    client = province.sync_client(other)
    client.sync()
    hid = village_ids(other)[0]
    with other.begin() as conn:
        households.set_status(conn, [hid], 1)
    client.sync()
    client.close()
    with window.store.begin() as conn:
        households.set_status(conn, [hid], 2)
    sync_from_panel(qtbot, window, province.tokens[0])
    return hid


def test_conflict_count_list_and_typed_merge(qtbot, window, province, laptops):
    controller = controller_of(window)
    hid = make_conflict(qtbot, window, province, laptops)
    assert controller.count_button.isVisible()
    assert controller.count_button.text() == sync_ui.tr("Conflicts: %1").replace("%1", "1")
    controller.count_button.click()
    dialog = controller.conflict_dialog
    assert dialog.isVisible() and dialog.list_table.rowCount() == 1
    assert dialog.list_table.item(0, 3).text().startswith(str(VILLAGE))
    fields = dialog.fields_table
    assert fields.rowCount() == 1
    expected = [conflict_dialog.tr("Review status")] + [labels.status_name(s) for s in (0, 2, 1)]  # base, mine, theirs
    assert [fields.item(0, c).text() for c in range(4)] == expected
    dialog.choose("status", "typed", "ไม่ใช่ตัวเลข")
    dialog.settle()
    assert "ไม่ใช่จำนวนเต็ม" in dialog.message_label.text()
    assert controller.refresh_count() == 1 and local_status(window.store, hid) == 2  # nothing changed
    window.show_household(hid)  # the officer has the household open while deciding
    dialog.choose("status", "typed", "3")
    dialog.settle()
    qtbot.waitUntil(lambda: not controller.count_button.isVisible(), timeout=10_000)
    assert local_status(window.store, hid) == 3 and dialog.list_table.rowCount() == 0
    assert window.detail.detail.id == hid and window.detail.detail.status == 3  # still open, now up to date
    with window.store.read() as conn:
        kinds = [e["kind"] for e in outbox.pending(conn)]
    assert kinds[-2:] == ["household.set", "conflict.resolved"]
    sync_from_panel(qtbot, window, province.tokens[0])
    assert controller.last_report.receipt_equal and controller.last_report.push.rejected == 0


def test_conflict_settled_with_mine(qtbot, window, province, laptops):
    controller = controller_of(window)
    hid = make_conflict(qtbot, window, province, laptops)
    dialog = controller.open_conflicts()
    dialog.choose_all("mine")
    assert dialog.decision(dialog.current()) == {"choice": "mine"}
    dialog.settle()
    qtbot.waitUntil(lambda: not controller.count_button.isVisible(), timeout=10_000)  # after the write's on_done
    assert local_status(window.store, hid) == 2 and controller.open_conflict_count() == 0
    assert dialog.list_table.rowCount() == 0


def test_bundle_export_and_import_from_the_window(qtbot, window, province, tmp_path):
    controller = controller_of(window)
    sync_from_panel(qtbot, window, province.tokens[0])
    with window.store.begin() as conn:
        households.set_status(conn, village_ids(window.store)[:2], 1)
    out = tmp_path / "a.bmnbundle"
    messages = []
    window.statusBar().messageChanged.connect(lambda m: m and messages.append(m))
    handle = controller.export_bundle(out)
    qtbot.waitUntil(lambda: not handle.running, timeout=10_000)
    assert out.exists() and "เขียนชุดข้อมูล 2 รายการ" in messages[-1]
    handle = controller.import_bundle(out)
    qtbot.waitUntil(lambda: not handle.running, timeout=10_000)
    assert "มาจากเครื่องนี้เอง" in messages[-1]
    data = bytearray(out.read_bytes())
    data[100] ^= 1
    bad = tmp_path / "bad.bmnbundle"
    bad.write_bytes(bytes(data))
    controller.panel.hide()
    errors = []
    window.runner.error_reported.connect(errors.append)
    handle = controller.import_bundle(bad)
    qtbot.waitUntil(lambda: not handle.running, timeout=10_000)
    assert "ถูกแก้ไขหรือเสียหาย" in messages[-1]
    assert errors and "ถูกแก้ไขหรือเสียหาย" in errors[-1]  # no panel open: a message box as well


def edit_fields(store, hid: int, sets: dict) -> None:
    """A household.set event as a feature would make it: recorded with its base, then applied."""
    from desktop.sync import conflicts

    with store.begin() as conn:
        outbox.record(conn, "household.set", {"set": sets}, hid)
        conflicts.set_fields(conn, hid, sets)


def household_row(store, hid: int) -> tuple:
    with store.read() as conn:
        return tuple(conn.execute(text("SELECT inc_main, head_name FROM household WHERE id = :i"), {"i": hid}).one())


def test_conflict_settled_field_by_field(qtbot, window, province, laptops):
    controller = controller_of(window)
    sync_from_panel(qtbot, window, province.tokens[0])
    other = laptops("b")
    client = province.sync_client(other)
    client.sync()
    hid = village_ids(other)[1]
    edit_fields(other, hid, {"inc_main": 61_000, "head_name": "นายบี"})
    assert client.sync().push.accepted == 1
    client.close()
    edit_fields(window.store, hid, {"inc_main": 72_000, "head_name": "นายเอ"})
    sync_from_panel(qtbot, window, province.tokens[0])
    dialog = controller.open_conflicts()
    fields = {dialog.fields_table.item(r, 0).data(Qt.ItemDataRole.UserRole): r
              for r in range(dialog.fields_table.rowCount())}
    assert set(fields) == {"inc_main", "head_name"}
    assert dialog.fields_table.item(fields["inc_main"], 2).text() == "72,000"
    assert dialog.fields_table.item(fields["inc_main"], 3).text() == "61,000"
    dialog.choose("inc_main", "theirs")
    dialog.choose("head_name", "typed", "นายเอ บี")
    assert dialog.decision(dialog.current()) == {"values": {"inc_main": 61_000, "head_name": "นายเอ บี"}}
    dialog.settle()
    qtbot.waitUntil(lambda: not controller.count_button.isVisible(), timeout=10_000)
    assert household_row(window.store, hid) == (61_000, "นายเอ บี")
    sync_from_panel(qtbot, window, province.tokens[0])
    report = controller.last_report
    assert report.receipt_equal and report.push.conflict == 0 and report.open_conflicts == 0
    with province.db.read() as conn:
        assert tuple(conn.execute(text("SELECT inc_main, head_name FROM household WHERE id = :i"),
                                  {"i": hid}).one()) == (61_000, "นายเอ บี")


def test_refused_events_are_listed_with_their_reason(qtbot, window, province):
    sync_from_panel(qtbot, window, province.tokens[0])
    with window.store.begin() as conn:  # a certification whose fingerprint the server does not share
        outbox.record(conn, "certification", {"area": "5201", "survey_year": 2567, "fingerprint": "stale"}, "5201")
    panel, _ = sync_from_panel(qtbot, window, province.tokens[0])
    assert controller_of(window).last_report.push.needs_recheck == 1
    table = panel.refused_table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == sync_panel.tr("Certifications") and table.item(0, 1).text() == "5201"
    assert table.item(0, 2).text() == sync_panel.tr("Needs re-check") and "5201" in table.item(0, 3).text()
    assert "ตรวจสอบใหม่" in table.item(0, 3).text()
    assert panel.tabs.tabText(1).endswith("(1)")


def test_token_is_kept_in_the_keyring_or_the_panel_says_why_not(window, province, memory_keyring, monkeypatch):
    from desktop.sync import tokens

    panel = controller_of(window).open_panel()
    panel.server_edit.setText("province.test")
    panel.token_edit.setText(province.tokens[1])
    assert panel.save_token()
    assert memory_keyring.get_password("bmn-field-desk", f"token:{SERVER}") == province.tokens[1]
    assert panel.token_edit.text() == "" and panel.token_edit.placeholderText() == sync_panel.tr(
        "Saved in the system keyring")
    monkeypatch.setattr(tokens, "save", lambda server, token: False)  # a machine without a keyring
    panel.token_edit.setText(province.tokens[0])
    assert not panel.save_token()
    said = panel.result_label.text()  # an officer is never told to set an environment variable
    assert "ที่เก็บรหัสผ่าน" in said and "BMN_" not in said and panel.token_edit.text() == province.tokens[0]


def test_events_set_aside_are_listed_and_can_be_retried_or_dropped(qtbot, window, province):
    from PySide6.QtCore import Qt

    from desktop.sync import recovery

    sync_from_panel(qtbot, window, province.tokens[0])
    ids = village_ids(window.store)[:2]
    with window.store.begin() as conn:
        households.set_status(conn, ids, 2)
        first, second = [e["uuid"] for e in outbox.pending(conn)]
        for u in (first, second):  # what the sync does after the server failed on them alone (tests/sync)
            recovery.set_aside(conn, u, "เซิร์ฟเวอร์ขัดข้องซ้ำ (HTTP 500)")
    panel = controller_of(window).open_panel()
    panel.refresh_local()
    table = panel.quarantine_table
    assert table.rowCount() == 2 and "HTTP 500" in table.item(0, 2).text()
    assert panel.tabs.tabText(2).endswith("(2)")
    table.selectRow(0)
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10_000)
    qtbot.mouseClick(panel.drop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() == 0, timeout=10_000)
    assert not panel.drop_button.isEnabled()
    with window.store.read() as conn:
        states = dict(conn.execute(text("SELECT uuid, state FROM outbox WHERE uuid IN (:a, :b)"),
                                   {"a": first, "b": second}).all())
    assert states == {first: "pending", second: "dropped"}
    sync_from_panel(qtbot, window, province.tokens[0])  # the retried one goes; the dropped one comes back
    assert local_status(window.store, ids[0]) == 2 and local_status(window.store, ids[1]) == 0
