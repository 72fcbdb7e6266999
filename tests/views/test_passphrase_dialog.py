"""A wrong passphrase shows the store's Thai message, asks again and changes nothing."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.models import keys
from desktop.models.errors import WrongPassphrase
from desktop.views.passphrase_dialog import PassphraseDialog
from tests.conftest import PASSPHRASE


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def press_open(qtbot, dialog: PassphraseDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_wrong_then_right_passphrase(qtbot, demo_path, runner, memory_keyring):
    before = digest(demo_path)
    dialog = PassphraseDialog(demo_path, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edit, "not-the-passphrase")
    press_open(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == WrongPassphrase().message
    assert "รหัสผ่าน" in dialog.error.text()
    assert dialog.isVisible() and dialog.store is None
    assert dialog.edit.text() == ""  # ready for another try
    assert digest(demo_path) == before
    assert keys.from_keyring(demo_path) is None

    qtbot.keyClicks(dialog.edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        press_open(qtbot, dialog)
    assert dialog.store is not None
    assert keys.from_keyring(demo_path) == PASSPHRASE
    dialog.store.close()


def test_empty_passphrase_is_refused_without_opening(qtbot, demo_path, runner):
    dialog = PassphraseDialog(demo_path, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    press_open(qtbot, dialog)
    assert dialog.error.isVisible() and dialog.store is None
