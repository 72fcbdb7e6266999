"""Windows and dialogs sized to the screen they open on (a 1366x768 laptop at 100 % or 125 %)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN_W, MARGIN_H = 24, 48  # room for the frame and a taskbar the screen geometry may not report
SMALL_SCREEN = (1600, 900)  # at or below this the main window opens maximised


def available(widget: QWidget | None = None) -> QRect:
    screen = None
    if widget is not None:
        anchor = widget.parentWidget() or widget
        screen = anchor.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit(widget: QWidget, width: int, height: int) -> None:
    """resize(width, height), but never larger than the available screen geometry."""
    area = available(widget)
    widget.resize(min(width, area.width() - MARGIN_W), min(height, area.height() - MARGIN_H))


def is_small(widget: QWidget | None = None) -> bool:
    area = available(widget)
    return area.width() <= SMALL_SCREEN[0] or area.height() <= SMALL_SCREEN[1]
