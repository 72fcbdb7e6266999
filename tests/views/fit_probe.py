"""Run as a separate process (QT_SCALE_FACTOR must be set before Qt starts): open the window on a store at the
screen's size, select a household, print the sizes as JSON. Used by test_window_fit.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main(store_path: str, passphrase: str, area: str) -> None:
    from desktop.models import db
    from desktop.views import app as app_setup
    from desktop.views.launch import wait_until_loaded
    from desktop.views.main_window import MainWindow
    from desktop.views.runner import Runner

    qt = app_setup.make_app("th")
    runner = Runner(qt)
    store = db.open_store(Path(store_path), passphrase)
    window = MainWindow(store, runner, "th")
    window.open(area)
    window.show_on_screen()
    wait_until_loaded(window)
    window.table.select_row(0)
    wait_until_loaded(window)
    for _ in range(5):
        QApplication.processEvents()
    screen = qt.primaryScreen().availableGeometry()
    out = {"screen": [screen.width(), screen.height()], "maximised": window.isMaximized(),
           "window": [window.frameGeometry().width(), window.frameGeometry().height()],
           "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
           "household": window.detail.detail is not None,
           "review_right": window.detail.review_button.mapTo(window, window.detail.review_button.rect().topRight()).x()}
    runner.shutdown()
    store.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main(*sys.argv[1:4])
