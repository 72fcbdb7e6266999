"""Buttons that undo, drop, overwrite or certify: never pressed by Enter (a scanner, a habit), only by a click
or their Alt+letter. Marked with the "destructive" property, which the tests check in every dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def never_on_enter(*buttons: QPushButton) -> None:
    for button in buttons:
        button.setAutoDefault(False)
        button.setDefault(False)
        button.setProperty("destructive", True)


def on_enter(button: QPushButton) -> None:
    """The harmless button Enter presses in this dialog (adding a row, looking something up)."""
    button.setAutoDefault(True)
    button.setDefault(True)
