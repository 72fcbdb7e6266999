"""From `main.py gui` to a window: first-run wizard or passphrase, the main window, or a screenshot."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.models import db, keys, store_files, store_lock
from desktop.models.errors import StoreDamaged, UserError, WrongPassphrase
from desktop.views import app as app_setup
from desktop.views import crash_dialog
from desktop.views import progress as progress_ui
from desktop.views.first_run import FirstRunWizard
from desktop.views.main_window import MainWindow
from desktop.views.passphrase_dialog import PassphraseDialog
from desktop.views.progress import error_text
from desktop.views.runner import Runner

SCREENSHOT_SIZE = QSize(1366, 768)  # the common government laptop


def tr(text: str) -> str:
    return QCoreApplication.translate("Launch", text)


def open_existing(path: Path, runner: Runner) -> db.Store | None:
    """Passphrase from BMN_DB_PASSPHRASE or the keyring, else (or when it is wrong) the dialog."""
    passphrase, _origin = keys.resolve(path)
    first_error = None
    if passphrase:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return db.open_store(path, passphrase)
        except WrongPassphrase as err:
            first_error = err.message
        finally:
            QGuiApplication.restoreOverrideCursor()
    dialog = PassphraseDialog(path, runner)
    if first_error:
        dialog._show_error(first_error)
    dialog.exec()
    return dialog.store


def first_run(path: Path, runner: Runner, lang: str, demo_households: int | None) -> db.Store | None:
    wizard = FirstRunWizard(path, runner, lang=lang, demo_households=demo_households)
    accepted = wizard.exec() == QDialog.DialogCode.Accepted
    runner.wait()
    if accepted:
        return wizard.store
    if wizard.store is not None:
        wizard.store.close()
    return None


def wait_until_loaded(window: MainWindow, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    reports = window.report_view
    while time.monotonic() < deadline and (not window.model.complete or window.runner.busy or reports.loading):
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def save_screenshot(window: MainWindow, target: Path, size: QSize = SCREENSHOT_SIZE) -> bool:
    """Render the window at `size` with the first household selected and save it as PNG."""
    window.resize(size)
    window.show()
    wait_until_loaded(window)
    if window.model.rowCount() and window.detail.isVisible():
        window.table.select_row(0)
        window.table.setFocus()
    for _ in range(5):
        QApplication.processEvents()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(target), "PNG")


def _claim(path: Path) -> str | None:
    """The window holds the store's lock exclusively while open (commands then refuse, and the reverse)."""
    if path.exists() and db.is_read_only(path):
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    return store_lock.acquire(path, exclusive=True)


def _after_unclean_shutdown(store: db.Store) -> None:
    """The last window did not close cleanly (crash, kill, power cut): quick_check, and say so if damaged."""
    if store.read_only or not store_files.mark_open(store.path):
        return
    if not store_files.check(store, full=False).ok:
        progress_ui.show_error(None, StoreDamaged(store.path))


def start(path: Path, *, area: str | None = None, year: int | None = None, report: str | None = None,
          screenshot: Path | None = None, lang: str | None = None, demo_households: int | None = None) -> int:
    qt_app = app_setup.make_app(lang)
    lang = app_setup.current_language()
    runner = Runner(qt_app)
    hook = crash_dialog.ExceptHook(lambda: QApplication.activeWindow())
    hook.install()
    path = Path(path)
    try:
        lock = _claim(path)
    except UserError as err:  # another window or a command has the store
        print(err.message, file=sys.stderr)
        if not screenshot:
            QMessageBox.warning(None, tr("BMN Field Desk"), err.message)
        return 1
    try:
        return _run_window(path, runner, qt_app, lang, area=area, year=year, report=report, screenshot=screenshot,
                           demo_households=demo_households)
    finally:
        store_lock.release(lock)


def _run_window(path: Path, runner: Runner, qt_app, lang: str, *, area, year, report, screenshot,
                demo_households) -> int:
    try:
        if not path.exists():
            if screenshot:
                print(error_text(UserError(tr("No store at %1: create one first (main.py demo).")
                                           .replace("%1", str(path)))), file=sys.stderr)
                return 1
            store = first_run(path, runner, lang, demo_households)
        else:
            store = open_existing(path, runner)
    except UserError as err:
        print(err.message, file=sys.stderr)
        return 1
    if store is None:
        return 1
    clean_close = False
    try:
        _after_unclean_shutdown(store)
        window = MainWindow(store, runner, lang)
        window.open_last(area, year)
        if report:
            window.open_report(report)
        if screenshot:
            ok = save_screenshot(window, screenshot)
            window.close()
            return 0 if ok else 1
        window.show_on_screen()
        status = qt_app.exec()
        clean_close = True
        return status
    finally:
        runner.shutdown()
        store.close()
        if clean_close or screenshot:
            store_files.mark_closed(store.path)
