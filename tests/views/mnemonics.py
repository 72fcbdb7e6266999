"""Alt+letter keys in a window: the menu bar's titles and every visible button, labelled field, tab and group
box. Two with the same letter in one window means Alt+letter opens the wrong thing."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabBar, QWidget

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def letter(text: str) -> str | None:
    found = _MNEMONIC.search(text or "")
    return found.group(1).lower() if found else None


def texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible thing in the window that can own an Alt+letter."""
    out: list[tuple[str, str]] = []
    if isinstance(window, QMainWindow):
        out += [("menu", a.text()) for a in window.menuBar().actions() if a.isVisible()]
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        if isinstance(w, QAbstractButton):
            out.append((type(w).__name__, w.text()))
        elif isinstance(w, QLabel) and w.buddy() is not None and w.buddy().isVisible():
            out.append(("label", w.text()))
        elif isinstance(w, QGroupBox):
            out.append(("group", w.title()))
        elif isinstance(w, QTabBar):
            out += [("tab", w.tabText(i)) for i in range(w.count()) if w.isTabVisible(i)]
    return out


def collisions(window: QWidget) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for where, text in texts(window):
        key = letter(text)
        if key:
            by_letter[key].append(f"{where}: {text}")
    return {k: v for k, v in by_letter.items() if len(v) > 1}
