"""What changed, broadcast: a write that commits announces its Changes once, before its own on_done; a failed or
cancelled write announces nothing; the main window and the report view refresh themselves on it."""

from __future__ import annotations

from desktop.models.changes import CORRECTION, REVIEW, Changes
from desktop.models.errors import Cancelled, UserError
from desktop.views.main_window import MainWindow
from tests.views import close_message_boxes


def test_changes_combine_and_say_what_changed():
    both = REVIEW | Changes(visits=True)
    assert both.households and both.summaries and both.visits and not both.certifications
    assert both.any("visits") and not both.any("conflicts", "areas")
    assert not Changes().any() and Changes.everything().any("indicators")


def test_a_committed_write_is_announced_once_before_its_on_done(qtbot, runner):
    heard, order = [], []
    runner.events.data_changed.connect(lambda changes, initiator: (heard.append((changes, initiator)),
                                                                   order.append("broadcast")))
    marker = object()
    runner.write(lambda p, c: 7, changes=CORRECTION, initiator=marker, on_done=lambda _r: order.append("on_done"),
                 show_progress=False)
    qtbot.waitUntil(lambda: "on_done" in order, timeout=5000)
    assert heard == [(CORRECTION, marker)] and order == ["broadcast", "on_done"]


def test_failed_cancelled_and_undeclared_writes_announce_nothing(qtbot, runner):
    heard = []
    runner.events.data_changed.connect(lambda changes, initiator: heard.append(changes))

    def refuse(progress, cancel):
        raise UserError("ไม่ได้")

    def stop(progress, cancel):
        raise Cancelled()

    handles = [runner.write(refuse, changes=REVIEW, show_progress=False),
               runner.write(stop, changes=REVIEW, show_progress=False),
               runner.write(lambda p, c: None, show_progress=False)]
    qtbot.waitUntil(lambda: all(not h.running for h in handles), timeout=5000)
    close_message_boxes()
    assert [h.outcome for h in handles] == ["failed", "cancelled", "done"] and heard == []


def test_the_window_and_reports_refresh_themselves_on_a_broadcast(qtbot, demo_store, runner):
    window = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(window)
    window.show()
    window.open("520101")
    qtbot.waitUntil(lambda: window.model.complete, timeout=10_000)
    window.table.select_row(0)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=10_000)
    hid = window.detail.detail.id
    from desktop.models import households

    with demo_store.begin() as conn:  # a change the window did not make itself (as a sync or another dialog)
        households.set_status(conn, [hid])
    assert window.detail.fields["status"].text() != "ตรวจแล้ว"
    window.report_view._stale = False
    runner.events.announce(REVIEW, None)
    qtbot.waitUntil(lambda: window.detail.fields["status"].text() == "ตรวจแล้ว", timeout=10_000)
    assert window.report_view._stale or window.report_view.loading  # rebuilt now or when shown
