"""Helpers shared by the GUI tests. Their fixtures (a small demo store made once per session and copied per
test, the Thai app, a runner) are in tests/views/fixtures.py, loaded for every test by tests/conftest.py.
"""

from __future__ import annotations

DEMO_HOUSEHOLDS = 600
DEMO_DISTRICTS = 2


def close_message_boxes() -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def area_codes(store, level_length: int) -> list[str]:
    from desktop.models import areas, surveys

    with store.read() as conn:
        year = surveys.latest_year(conn)
        return [n.code for n in areas.tree(conn, year) if len(n.code) == level_length]


def latest_year(store) -> int:
    from desktop.models import surveys

    with store.read() as conn:
        return surveys.latest_year(conn)
