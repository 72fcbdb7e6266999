"""Asking for the store's passphrase when neither BMN_DB_PASSPHRASE nor the keyring has it.

A wrong passphrase shows the store's own Thai message and asks again; nothing is opened or changed
(db.open_store fails on the first read, before any pool or migration exists).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.models import db, keys
from desktop.models.errors import UserError

ERROR_STYLE = "color: #b3261e; font-weight: bold;"


class PassphraseDialog(QDialog):
    def __init__(self, path: Path, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.runner = runner
        self.store: db.Store | None = None
        self.attempts = 0
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Open the store"))
        intro = QLabel(self.tr("Type the passphrase of the store:") + f"\n{self.path}", self)
        intro.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("passphraseEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Keep the passphrase in this computer's keyring"), self)
        self.remember.setChecked(True)
        self.error = QLabel(self)
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.edit, self.remember, self.error, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)

    def try_open(self) -> None:
        passphrase = self.edit.text()
        if not passphrase:
            self._show_error(self.tr("Type the passphrase first."))
            return
        self._busy(True)
        path = self.path

        def job(progress, cancel):
            return db.open_store(path, passphrase)

        self.runner.write(job, title=self.tr("Opening the store…"),
                          on_done=lambda store: self._opened(store, passphrase), on_error=self._failed)

    def _opened(self, store: db.Store, passphrase: str) -> None:
        self.store = store
        if self.remember.isChecked():
            keys.remember(self.path, passphrase)
        self.accept()

    def _failed(self, err: BaseException) -> bool:
        self.attempts += 1
        self._busy(False)
        if isinstance(err, UserError):
            self._show_error(err.message)
            self.edit.clear()
            self.edit.setFocus()
            return True
        return False  # a bug: the runner shows the generic error box

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _busy(self, busy: bool) -> None:
        self.edit.setEnabled(not busy)
        self.buttons.setEnabled(not busy)


def ask_and_open(path: Path, runner, parent: QWidget | None = None) -> db.Store | None:
    """Ask until the store opens or the person cancels (None)."""
    dialog = PassphraseDialog(path, runner, parent)
    dialog.exec()
    return dialog.store
