"""Background work: one writer thread for every database write, a small pool for heavy reads.

A job is a plain function `fn(progress, cancel)`: `progress(done, total)` reports how far it is and
`cancel()` raises desktop.models.errors.Cancelled once the person pressed Cancel (progress() checks
too), so the job's transaction rolls back. Results, errors and progress reach the GUI thread through
queued signals. A progress dialog appears only when a job runs longer than SHOW_AFTER_MS.

A write that declares `changes=` (desktop.models.changes.Changes) is broadcast on `runner.events.data_changed`
once it committed, before the caller's `on_done`, so every screen refreshes itself.
"""

from __future__ import annotations

import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop import logs
from desktop.models.changes import Changes
from desktop.models.errors import Cancelled, UserError, from_sqlite
from desktop.views import crash_dialog
from desktop.views import progress as progress_ui
from desktop.views.app_events import AppEvents

SHOW_AFTER_MS = 300
READERS = 2
JobFn = Callable[[Callable[[int, int | None], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Task(QRunnable):
    def __init__(self, fn: JobFn, signals: _Signals, stop: threading.Event):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.stop = stop
        self._last_emit = 0.0

    def cancel_check(self) -> bool:
        if self.stop.is_set():
            raise Cancelled()
        return False

    def report(self, done: int, total: int | None = None) -> None:
        self.cancel_check()
        now = time.monotonic()
        if now - self._last_emit >= 0.05 or (total and done >= total):
            self._last_emit = now
            self.signals.progressed.emit(int(done), int(total or 0))

    def run(self) -> None:
        try:
            result = self.fn(self.report, self.cancel_check)
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as err:  # noqa: BLE001 - every failure is shown, never lost in a thread
            self.signals.failed.emit(err, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)


class JobHandle(QObject):
    """Lives in the GUI thread; its slots run the caller's callbacks there."""

    finished = Signal()

    def __init__(self, runner: "Runner", title: str, on_done, on_error, on_cancel, show_progress: bool,
                 changes: Changes | None = None, initiator: object = None):
        super().__init__(runner)
        self.runner = runner
        self.title = title
        self.changes = changes
        self.initiator = initiator
        self.on_done = on_done
        self.on_error = on_error
        self.on_cancel = on_cancel
        self.stop = threading.Event()
        self.running = True
        self.outcome: str = ""
        self.result: Any = None
        self.dialog = None
        self._progress = (0, 0)
        self.signals = _Signals()
        self.signals.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.signals.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.signals.cancelled.connect(self._on_cancelled, Qt.ConnectionType.QueuedConnection)
        if show_progress:
            QTimer.singleShot(SHOW_AFTER_MS, self, self._show_dialog)

    def cancel(self) -> None:
        self.stop.set()

    @Slot()
    def _show_dialog(self) -> None:
        if self.running and self.dialog is None:
            self.dialog = progress_ui.JobProgressDialog(self.title, self.runner.parent_widget)
            self.dialog.canceled.connect(self.cancel)
            self.dialog.set_progress(*self._progress)
            self.dialog.show()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        if self.dialog is not None:
            self.dialog.set_progress(done, total)

    def _end(self, outcome: str) -> None:
        self.running = False
        self.outcome = outcome
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog = None
        self.runner._forget(self)

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        self.result = result
        self._end("done")
        if self.changes is not None:
            self.runner.events.announce(self.changes, self.initiator)
        if self.on_done is not None:
            self.on_done(result)
        self.finished.emit()

    @Slot(object, str)
    def _on_failed(self, err: BaseException, details: str) -> None:
        self._end("failed")
        if self.on_error is None or not self.on_error(err):
            self.runner.report_error(err, details)
        self.finished.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self._end("cancelled")
        if self.on_cancel is not None:
            self.on_cancel()
        self.runner.cancelled.emit(self.title)
        self.finished.emit()


class Runner(QObject):
    """`write(fn)` queues on the single writer thread; `read(fn)` on the reader pool."""

    cancelled = Signal(str)
    error_reported = Signal(str)  # the message shown to the person (tests and the status bar listen)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.readers = QThreadPool(self)
        self.readers.setMaxThreadCount(READERS)
        self.parent_widget: QWidget | None = None
        self.events = AppEvents(self)
        self._active: set[JobHandle] = set()

    def write(self, fn: JobFn, *, changes: Changes | None = None, initiator: object = None, **kw) -> JobHandle:
        """`changes`: what the write changes, broadcast on `events.data_changed` once it committed."""
        return self._submit(self.writer, fn, changes=changes, initiator=initiator, **kw)

    def read(self, fn: JobFn, **kw) -> JobHandle:
        return self._submit(self.readers, fn, show_progress=kw.pop("show_progress", False), **kw)

    def _submit(self, pool: QThreadPool, fn: JobFn, *, title: str = "", on_done=None, on_error=None,
                on_cancel=None, show_progress: bool = True, changes: Changes | None = None,
                initiator: object = None) -> JobHandle:
        handle = JobHandle(self, title, on_done, on_error, on_cancel, show_progress, changes, initiator)
        self._active.add(handle)
        task = _Task(fn, handle.signals, handle.stop)
        task.setAutoDelete(True)
        pool.start(task)
        return handle

    def _forget(self, handle: JobHandle) -> None:
        self._active.discard(handle)

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def report_error(self, err: BaseException, details: str = "") -> None:
        """A person's error (UserError, or a SQLite fault by its code) as its message; anything else is a
        bug: logged with its traceback and shown in the crash dialog with "Copy details"."""
        translated = from_sqlite(err)
        if isinstance(translated, UserError):
            if translated is not err:
                logs.log_unexpected(err, where="runner job (store fault)")
            message = progress_ui.show_error(self.parent_widget, translated, details)
        else:
            crash_dialog.show_crash(self.parent_widget, err, details, where="runner job")
            message = progress_ui.error_text(err)
        self.error_reported.emit(message)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until both pools are idle (shutdown, screenshots, tests); queued results still need events."""
        return self.writer.waitForDone(timeout_ms) and self.readers.waitForDone(timeout_ms)

    def shutdown(self) -> None:
        for handle in list(self._active):
            handle.cancel()
        self.wait()
