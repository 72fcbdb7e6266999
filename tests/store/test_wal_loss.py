"""A write made in the window must never be lost because something in the window's process opened
the store's files (issue 20: the WAL-loss scenario).

The mechanism: POSIX advisory locks belong to the process, so closing *any* descriptor of store.db
and store.db-shm drops SQLite's locks; the next other process to close a connection then thinks it
is the last one and deletes the WAL that this process still writes into. Qt's stock file dialog
opens every file it lists (to sniff its type); so did the store's own salt reading (open()).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import text

from desktop.models import db
from desktop.views import file_dialogs
from tests.conftest import PASSPHRASE
from tests.store.helpers import ROOT, locks_held_on, run_cli, wal


@pytest.fixture
def held_store(tmp_path):
    """A store held open by this process (as the window holds it), with one committed write."""
    path = tmp_path / "data" / "store.db"
    store = db.open_store(path, PASSPHRASE, create=True)
    with store.begin() as conn:
        conn.execute(text("INSERT INTO meta(key, value) VALUES ('first', '1')"))
    yield store
    store.close()


def _show_listing(qtbot, dialog: QFileDialog, folder: Path) -> None:
    """Show the dialog on folder in detail view, wait until it lists the store, and paint it (icons, types)."""
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setDirectory(str(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(1500)  # QFileSystemModel gathers file info (and icons) on its own thread
    dialog.grab()
    QApplication.processEvents()
    dialog.close()


def _second_process_sees(tmp_path, path: Path) -> str:
    """Another process opens and closes the store (as any command does) and lists the meta keys."""
    code = "\n".join([
        "import sys", "from sqlalchemy import text", "from desktop.models import db",
        f"s = db.open_store(sys.argv[1], {PASSPHRASE!r})",
        "with s.read() as c:",
        "    print(sorted(k for (k,) in c.execute(text(\"SELECT key FROM meta WHERE key IN ('first', 'second')\"))))",
        "s.close()"])
    import subprocess
    import sys

    from tests.store.helpers import cli_env

    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, env=cli_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _other_process_closes_and_write_follows(tmp_path, store) -> str:
    info = run_cli(tmp_path, "info", "--db", str(store.path))
    assert info.returncode == 0, info.stderr
    with store.begin() as conn:
        conn.execute(text("INSERT INTO meta(key, value) VALUES ('second', '2')"))
    return _second_process_sees(tmp_path, store.path)


def test_the_stock_qt_file_dialog_loses_the_wal(qtbot, tmp_path, held_store):
    """The reproduction (why file_dialogs exists): Qt's own dialog on the store's folder, then a command."""
    _show_listing(qtbot, QFileDialog(None, "stock"), held_store.path.parent)
    assert locks_held_on(held_store.path) == []  # the dialog's sniffing dropped SQLite's locks
    seen = _other_process_closes_and_write_follows(tmp_path, held_store)
    assert not wal(held_store.path).exists()  # the command deleted the WAL this process writes into
    assert seen == "['first']"  # the second write went to an unlinked file: lost to everyone else


def test_the_app_file_dialog_on_the_store_folder_keeps_every_write(qtbot, tmp_path, held_store):
    _show_listing(qtbot, file_dialogs.make_dialog(None, "save", held_store.path.parent), held_store.path.parent)
    assert locks_held_on(held_store.path) != []
    seen = _other_process_closes_and_write_follows(tmp_path, held_store)
    assert wal(held_store.path).exists()
    assert seen == "['first', 'second']"


def test_opening_the_store_again_in_the_same_process_keeps_its_locks(tmp_path, held_store):
    """The salt is read through SQLite (PRAGMA cipher_salt), never by open(): SQLite's locks stay held."""
    before = locks_held_on(held_store.path)
    assert before
    again = db.open_store(held_store.path, PASSPHRASE)
    again.close()
    assert locks_held_on(held_store.path) == before


def test_the_save_dialog_lists_files_without_reading_them(qtbot, tmp_path, held_store):
    """The dialog still shows the folder's files, with a type from the name only."""
    dialog = file_dialogs.make_dialog(None, "save", held_store.path.parent)
    provider = dialog.iconProvider()
    from PySide6.QtCore import QFileInfo

    assert provider.type(QFileInfo(str(held_store.path))) == "DB File"
    assert not provider.icon(QFileInfo(str(held_store.path))).isNull()
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)


def test_every_file_dialog_in_the_views_goes_through_file_dialogs():
    static = re.compile(r"QFileDialog\.get(Save|Open|Existing)")
    offenders = [p.name for p in (ROOT / "desktop" / "views").glob("*.py")
                 if p.name != "file_dialogs.py" and static.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
