"""The runner: one writer thread, results on the GUI thread, progress after 300 ms, cancel, errors."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop.models.errors import Cancelled, WrongPassphrase
from desktop.views.progress import JobProgressDialog
from tests.views import close_message_boxes


def dialogs() -> list[JobProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, JobProgressDialog) and w.isVisible()]


def test_writes_run_one_at_a_time_on_one_thread(qtbot, runner):
    threads, active, overlap = set(), [0], []

    def job(progress, cancel):
        active[0] += 1
        overlap.append(active[0])
        threads.add(threading.get_ident())
        time.sleep(0.02)
        active[0] -= 1
        return threading.get_ident()

    results = []
    handles = [runner.write(job, on_done=results.append, show_progress=False) for _ in range(5)]
    qtbot.waitUntil(lambda: len(results) == 5, timeout=5000)
    assert len(threads) == 1 and max(overlap) == 1
    assert threading.get_ident() not in threads
    assert all(h.outcome == "done" for h in handles)


def test_results_arrive_on_the_gui_thread(qtbot, runner):
    seen = []
    runner.read(lambda p, c: 42, on_done=lambda r: seen.append((r, QThread.currentThread() is QApplication.instance().thread())))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, True)]


def test_quick_job_shows_no_progress_dialog(qtbot, runner):
    done = []
    runner.write(lambda p, c: 1, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(400)
    assert dialogs() == []


def test_slow_job_shows_progress_and_can_be_cancelled(qtbot, runner):
    started = threading.Event()

    def job(progress, cancel):
        started.set()
        for i in range(400):
            progress(i, 400)
            time.sleep(0.01)
        return "finished"

    done, cancelled = [], []
    handle = runner.write(job, title="งานยาว", on_done=done.append, on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: bool(dialogs()), timeout=3000)
    dialog = dialogs()[0]
    assert dialog.labelText() == "งานยาว"
    qtbot.waitUntil(lambda: dialog.maximum() == 400 and dialog.value() > 0, timeout=3000)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "ยกเลิก")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert handle.outcome == "cancelled" and done == []
    qtbot.waitUntil(lambda: dialogs() == [])


def test_cancel_callable_raises_cancelled(qtbot, runner):
    outcome = []

    def job(progress, cancel):
        while True:
            cancel()
            time.sleep(0.005)

    handle = runner.write(job, show_progress=False, on_cancel=lambda: outcome.append("c"))
    handle.cancel()
    qtbot.waitUntil(lambda: outcome == ["c"], timeout=3000)
    assert issubclass(Cancelled, Exception)


def test_user_error_shows_its_thai_message(qtbot, runner):
    def job(progress, cancel):
        raise WrongPassphrase()

    with qtbot.waitSignal(runner.error_reported, timeout=3000) as blocker:
        runner.write(job)
    assert blocker.args == [WrongPassphrase().message]
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and boxes[0].text() == WrongPassphrase().message
    close_message_boxes()


def test_other_errors_show_the_crash_dialog_and_are_logged(qtbot, runner):
    from desktop import logs
    from desktop.views.crash_dialog import CrashDialog

    def job(progress, cancel):
        raise ZeroDivisionError("boom")

    with qtbot.waitSignal(runner.error_reported, timeout=3000) as blocker:
        runner.read(job)
    assert blocker.args[0].startswith("เกิดข้อผิดพลาด")
    crashes = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]
    assert "ZeroDivisionError: boom" in crashes[0].details and "in job" in crashes[0].details
    assert "ZeroDivisionError: boom" in logs.log_path().read_text(encoding="utf-8")
    crashes[0].close()
