"""File dialogs that never open the files they list.

Qt's widget file dialog asks QMimeDatabase for each listed file's type and icon, which opens and
reads the file. Inside the app process that is dangerous for the store: POSIX advisory locks belong
to the process, so closing any descriptor of `store.db` or `store.db-shm` drops SQLite's locks, and
the next other process to close a connection deletes the WAL the window still writes to (sqlite.org,
"How To Corrupt An SQLite Database File" §2.2; tests/store/test_wal_loss.py). Every QFileDialog in
the views goes through here: a non-native dialog (a native one may sniff in-process too) whose icon
provider answers from the name and kind of entry only. On Windows locks belong to handles, so the
native dialog is kept there.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the kind of entry (folder or file): no file is opened."""

    def icon(self, what) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            kind = QAbstractFileIconProvider.IconType.Folder if what.isDir() else QAbstractFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:  # type: ignore[override]
        if info.isDir():
            return "Folder"
        return f"{info.suffix().upper()} File" if info.suffix() else "File"


def default_folder() -> str:
    """Where a dialog opens when the caller names no folder: Documents (never the store's folder)."""
    from PySide6.QtCore import QDir, QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents or QDir.homePath()


def _native_ok() -> bool:
    return sys.platform == "win32"


def make_dialog(parent: QWidget | None, caption: str, directory: str | Path = "", filters: str = "") -> QFileDialog:
    """A QFileDialog that lists files without reading them; the caller sets the mode and runs it."""
    dialog = QFileDialog(parent, caption, str(directory or default_folder()), filters)
    options = QFileDialog.Option.DontUseCustomDirectoryIcons | QFileDialog.Option.DontResolveSymlinks
    if not _native_ok():
        options |= QFileDialog.Option.DontUseNativeDialog
        dialog._icon_provider = NameOnlyIconProvider()  # kept alive with the dialog
        dialog.setIconProvider(dialog._icon_provider)
    dialog.setOptions(options)
    return dialog


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return [], ""
    return dialog.selectedFiles(), dialog.selectedNameFilter()


def save_file_name(parent: QWidget | None, caption: str, directory: str | Path = "", filters: str = "") -> tuple[str, str]:
    """Like QFileDialog.getSaveFileName: (path or "", chosen filter)."""
    dialog = make_dialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    files, chosen = _run(dialog)
    return (files[0] if files else ""), chosen


def open_file_name(parent: QWidget | None, caption: str, directory: str | Path = "", filters: str = "") -> tuple[str, str]:
    """Like QFileDialog.getOpenFileName."""
    dialog = make_dialog(parent, caption, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    files, chosen = _run(dialog)
    return (files[0] if files else ""), chosen


def open_file_names(parent: QWidget | None, caption: str, directory: str | Path = "", filters: str = "") -> tuple[list[str], str]:
    """Like QFileDialog.getOpenFileNames."""
    dialog = make_dialog(parent, caption, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)
