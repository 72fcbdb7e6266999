"""First-run choice "connect to the province server": the server address and the officer's token, then the first
download of the officer's area (desktop/sync/first.py) on the runner, with its progress and Cancel. A cancelled
or cut download keeps what arrived; Finish again (or `main.py sync --first`) continues from there."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget


class ServerFields(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.server = QLineEdit(self)
        self.server.setObjectName("firstServer")
        self.server.setPlaceholderText("https://bmn.province.example")
        self.token = QLineEdit(self)
        self.token.setObjectName("firstToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText("bmn1.…")
        note = QLabel(self.tr("The province's administrator gives you the address and your token. Your area's "
                              "households and the other offices' records are downloaded; a cut download "
                              "continues where it stopped."), self)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Server &address:"), self.server)
        form.addRow(self.tr("Officer &token:"), self.token)
        form.addRow("", note)

    def ready(self) -> bool:
        return bool(self.server.text().strip()) and bool(self.token.text().strip())


def download_job(store, server: str, token: str):
    """The runner job: the first download; returns the SyncReport."""

    def job(progress, cancel):
        from desktop.sync import first

        return first.start(store, server, token, progress=lambda _stage, done, total: progress(done, total or 0),
                           cancel=cancel)

    return job
