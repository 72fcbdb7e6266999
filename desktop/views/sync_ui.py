"""Sync in the main window: a "Sync" menu, the sync panel (server, token, preview, sync now with progress
and Cancel, receipts), offline bundles, the conflict list and the conflict count on the status bar.

Installed by the main window (`install(window)`). Reads go through desktop.sync inside store.read();
every write (sync, bundle import/export, settling a conflict) runs on the window's single writer thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from desktop.models import areas
from desktop.models.changes import Changes
from desktop.models.errors import UserError
from desktop.sync import bundle, session, tokens
from desktop.sync.messages import msg
from desktop.views import file_dialogs
from desktop.views import progress as progress_ui

# a sync or a bundle may bring anything
SYNCED = Changes(households=True, corrections=True, visits=True, certifications=True, summaries=True, conflicts=True)
BUNDLE_FILTER = "BMN bundle (*.bmnbundle);;All files (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("Sync", text)


class _StageBridge(QObject):
    """Carries the client's (stage, done, total) from the writer thread to the GUI thread (queued)."""

    stage = Signal(str, int, int)
    retrying = Signal(str)  # the plain message: connection dropped, retry n in s seconds

    def report(self, stage: str, done: int, total: int | None) -> None:
        self.stage.emit(stage, int(done), int(total or 0))

    def retry(self, attempt: int, seconds: float) -> None:
        self.retrying.emit(msg("retrying", attempt=attempt, seconds=seconds))


class SyncController(QObject):
    conflicts_changed = Signal(int)  # open conflicts, after every sync, import and decision
    synced = Signal(object)  # the SyncReport

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.client_factory = session.make_client  # tests put an in-process server here
        self.job = None
        self.panel = None
        self.conflict_dialog = None
        self.last_report = None
        self._bridge = _StageBridge(self)
        self._make_menu()
        self.count_button = QPushButton(window)
        self.count_button.setObjectName("syncConflictCount")
        self.count_button.setFlat(True)
        self.count_button.setToolTip(tr("Households changed here and on the server: click to decide"))
        self.count_button.clicked.connect(self.open_conflicts)
        window.statusBar().addPermanentWidget(self.count_button)
        window.runner.events.data_changed.connect(self._data_changed)
        self.refresh_count()

    def _make_menu(self) -> None:
        menu = self.menu = self.window.add_feature_menu(tr("&Sync"))
        self.panel_action = QAction(tr("&Sync with the province server…"), self.window)
        self.panel_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.panel_action.triggered.connect(self.open_panel)
        self.conflicts_action = QAction(tr("&Conflicts…"), self.window)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.conflicts_action.setShortcut(QKeySequence("Ctrl+Shift+X"))
        self.export_action = QAction(tr("&Export offline bundle…"), self.window)
        self.export_action.setShortcut(QKeySequence("Ctrl+Alt+E"))
        self.export_action.triggered.connect(lambda: self.export_bundle())
        self.import_action = QAction(tr("&Import offline bundle…"), self.window)
        self.import_action.setShortcut(QKeySequence("Ctrl+Alt+I"))
        self.import_action.triggered.connect(lambda: self.import_bundle())
        for action in (self.panel_action, self.conflicts_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)

    # the conflict count -----------------------------------------------------------------------------------

    def open_conflict_count(self) -> int:
        with self.window.store.read() as conn:
            return session.open_conflicts(conn)

    def refresh_count(self) -> int:
        n = self.open_conflict_count()
        self.count_button.setText(tr("Conflicts: %1").replace("%1", f"{n:,}"))
        self.count_button.setVisible(n > 0)
        self.conflicts_changed.emit(n)
        return n

    # windows ---------------------------------------------------------------------------------------------

    def open_panel(self):
        from desktop.views.sync_panel import SyncPanel

        if self.panel is None:
            self.panel = SyncPanel(self, self.window)
        self.panel.refresh_local()
        self.panel.show()
        return self.panel

    def open_conflicts(self):
        from desktop.views.conflict_dialog import ConflictDialog

        if self.conflict_dialog is None:
            self.conflict_dialog = ConflictDialog(self, self.window)
        self.conflict_dialog.reload()
        self.conflict_dialog.show()
        return self.conflict_dialog

    # settings that live outside the store ----------------------------------------------------------------

    def remembered_server(self) -> str:
        with self.window.store.read() as conn:
            return session.remembered_server(conn)

    @staticmethod
    def has_token(server: str) -> bool:
        return bool(server.strip()) and bool(tokens.load(tokens.normalise_server(server)))

    @staticmethod
    def save_token(server: str, token: str) -> tuple[bool, str]:
        """Keep the token in the OS keyring; (kept, the message to show)."""
        server = tokens.normalise_server(server)
        if tokens.save(server, token):
            return True, msg("token_saved", server=server)
        return False, tr("This computer has no password store, so the token cannot be kept: it is used for this "
                         "sync only. Paste it again next time.")

    def refused_events(self) -> list[dict]:
        with self.window.store.read() as conn:
            return session.refused_events(conn)

    def outbox_summary(self) -> dict:
        with self.window.store.read() as conn:
            return session.outbox_summary(conn)

    def quarantined(self) -> list[dict]:
        with self.window.store.read() as conn:
            return session.quarantined(conn)

    def settle_quarantined(self, event_uuid: str, action: str):
        """Retry (back in line for the next sync) or drop (never sent) an event set aside; on the writer."""
        store = self.window.store

        def job(_progress, _cancel):
            with store.begin() as conn:
                return session.settle_quarantined(conn, event_uuid, action)

        def done(_result):
            self._tell(msg("quarantine_" + action, uuid=event_uuid))

        return self.window.runner.write(job, title=tr("Saving…"), on_done=done,
                                        on_error=lambda err: self._user_error(err, self._tell),
                                        changes=Changes(households=True, conflicts=True), initiator=self)

    # preview and sync ------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def preview(self, server: str, token: str, on_done, on_error):
        store, factory = self.window.store, self.client_factory

        def job(_progress, cancel):
            return session.run_preview(store, server, token, cancel=cancel, factory=factory)

        return self.window.runner.read(job, title=tr("Asking the server…"), on_done=on_done,
                                       on_error=lambda err: self._user_error(err, on_error))

    def start_sync(self, server: str, token: str):
        """Sync in the background; the panel follows `_bridge.stage` and the outcome callbacks."""
        if self.running:
            return self.job
        store, factory, bridge = self.window.store, self.client_factory, self._bridge

        def job(_progress, cancel):
            return session.run_sync(store, server, token, progress=bridge.report, cancel=cancel,
                                    on_retry=bridge.retry, factory=factory)

        self.job = self.window.runner.write(job, title=tr("Syncing…"), show_progress=False, on_done=self._synced,
                                            on_error=self._sync_failed, on_cancel=self._sync_cancelled)
        return self.job

    def cancel_sync(self) -> None:
        if self.running:
            self.job.cancel()

    def _synced(self, report) -> None:
        self.last_report = report
        self.announce(areas=report.pull.received > 0)
        if self.panel is not None:
            self.panel.show_report(report, self.village_names(report.receipts))
        self.window.statusBar().showMessage(summary(report), 10000)
        self.synced.emit(report)

    def _sync_failed(self, err: BaseException) -> bool:
        """In the panel and on the status bar; a message box too if the panel was closed meanwhile."""
        self.announce()  # chunks committed before the failure are kept: show them
        self.window.statusBar().showMessage(progress_ui.error_text(err), 15000)
        handled = self._user_error(err, self.panel.show_error if self.panel is not None else None)
        return handled and self.panel is not None and self.panel.isVisible()

    def _sync_cancelled(self) -> None:
        self.announce()
        text = msg("sync_cancelled")
        if self.panel is not None:
            self.panel.show_cancelled(text)
        # after the window's own "Cancelled: nothing was changed." (runner.cancelled): here chunks already
        # received are kept, so say so last
        QTimer.singleShot(0, self, lambda: self.window.statusBar().showMessage(text, 10000))

    def _user_error(self, err: BaseException, show) -> bool:
        """A UserError (offline, refused) is shown where the person looks; anything else also as a box."""
        if show is not None:
            show(window_text(err))
        return isinstance(err, UserError)

    def village_names(self, receipts: list[dict]) -> dict[str, str]:
        names = {}
        with self.window.store.read() as conn:
            for r in receipts:
                village = r["key"].split("/")[-1]
                path = areas.name_path(conn, village)
                names[r["key"]] = path[-1][1] if path else ""
        return names

    def announce(self, areas: bool = True) -> None:
        """Households may have come down or changed: every screen refreshes itself on data_changed.
        `areas`: the area tree too (new households or villages)."""
        self.window.runner.events.announce(SYNCED | Changes(areas=areas or self.window.year is None), self)

    def _data_changed(self, changes: Changes, _initiator) -> None:
        self.refresh_count()
        if self.conflict_dialog is not None and self.conflict_dialog.isVisible():
            self.conflict_dialog.reload()
        if self.panel is not None:
            self.panel.refresh_local()

    # offline bundles -------------------------------------------------------------------------------------

    def export_bundle(self, path: str | Path | None = None):
        if path is None:
            default = Path.home() / f"bmn-{dt.date.today().isoformat()}.bmnbundle"
            path, _ = file_dialogs.save_file_name(self.window, tr("Export offline bundle"), str(default),
                                                  BUNDLE_FILTER)
            if not path:
                return None
        store = self.window.store

        def job(_progress, _cancel):
            return bundle.export(store, path)

        return self.window.runner.write(job, title=tr("Writing the bundle…"), on_done=self._exported,
                                        on_error=self._bundle_failed)

    def _exported(self, result) -> None:
        n, path, key = result
        self._tell(bundle.export_summary(n, path, key))

    def import_bundle(self, path: str | Path | None = None):
        if path is None:
            path, _ = file_dialogs.open_file_name(self.window, tr("Import offline bundle"), str(Path.home()),
                                                  BUNDLE_FILTER)
            if not path:
                return None
        store = self.window.store

        def job(_progress, _cancel):
            return bundle.import_file(store, path)

        return self.window.runner.write(job, title=tr("Importing the bundle…"), on_done=self._imported,
                                        on_error=self._bundle_failed)

    def _imported(self, result) -> None:
        self.announce()
        self._tell(bundle.import_summary(result))

    def _bundle_failed(self, err: BaseException) -> bool:
        """Shown in the panel and the status bar; a message box too when the panel is not open."""
        handled = self._user_error(err, self._tell)
        return handled and self.panel is not None and self.panel.isVisible()

    def _tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)
        if self.panel is not None:
            self.panel.show_message(text)

    # conflicts -------------------------------------------------------------------------------------------

    def resolve(self, conflict_id: int, on_done, on_error, *, choice: str | None = None, values: dict | None = None):
        from desktop.sync import conflicts

        store = self.window.store

        def job(_progress, _cancel):
            with store.begin() as conn:
                return conflicts.resolve(conn, conflict_id, choice=choice, values=values)

        def done(events):
            self.window.statusBar().showMessage(tr("The conflict was settled; it is sent at the next sync."), 8000)
            on_done(events)

        return self.window.runner.write(job, title=tr("Settling the conflict…"), on_done=done,
                                        on_error=lambda err: self._user_error(err, on_error), initiator=self,
                                        changes=Changes(households=True, conflicts=True, summaries=True))


def window_text(err: BaseException) -> str:
    """The message for the window: a refused token says what to do here, not which command to run."""
    from desktop.sync.client import SyncRefused  # httpx is loaded when a sync starts, not with the window

    if isinstance(err, SyncRefused) and err.status == 401:
        return tr("The server refused the token: ask the province administrator for a new one and paste it in "
                  "the Token box.")
    return progress_ui.error_text(err)


def summary(report) -> str:
    p, q = report.push, report.pull
    return msg("sync_done", sent=p.sent, accepted=p.accepted, conflict=p.conflict, rejected=p.rejected,
               needs_recheck=p.needs_recheck, received=q.received, merged=q.merged, conflicts=q.conflicts)


def install(window) -> SyncController:
    return SyncController(window)
