"""One broadcast for the whole window: `data_changed(changes, initiator)` after every write that committed.

The runner emits it (`Runner.write(..., changes=...)`); the main window, the report view, the monitoring
board and the certification board subscribe and refresh what concerns them, so no controller reaches into
another screen to refresh it (style.md change 2; Anki's `operation_did_execute`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.models.changes import Changes


class AppEvents(QObject):
    data_changed = Signal(object, object)  # Changes, the initiator (the object that asked for the write) or None

    def announce(self, changes: Changes, initiator: object = None) -> None:
        if changes.any():
            self.data_changed.emit(changes, initiator)
