"""The window on the common government laptop: 1366x768 at 100 % and 125 % scaling, remembered between runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.views import settings
from desktop.views.main_window import MainWindow
from tests.conftest import LAPTOP_SCREEN, PASSPHRASE


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scale", ["1", "1.25"])
def test_window_fits_the_laptop_screen_with_a_household_selected(demo_path, tmp_path, scale):
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={LAPTOP_SCREEN}", QT_SCALE_FACTOR=scale,
               XDG_CONFIG_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "tests.views.fit_probe", str(demo_path), PASSPHRASE, "520101"],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    screen_w, screen_h = sizes["screen"]
    assert (screen_w, screen_h) == ((1366, 768) if scale == "1" else (1093, 614))
    assert sizes["maximised"] and sizes["household"]
    assert sizes["window"][0] <= screen_w and sizes["window"][1] <= screen_h
    assert sizes["minimum"][0] <= screen_w, "some widget's minimum size is wider than the screen"
    assert sizes["review_right"] <= screen_w, "the review button is off the right edge"


@pytest.fixture
def make_window(qtbot, demo_store, runner):
    def make() -> MainWindow:
        w = MainWindow(demo_store, runner, "th")
        qtbot.addWidget(w)
        return w
    return make


def test_the_window_remembers_size_splitter_area_and_year(qtbot, make_window):
    first = make_window()
    first.open()
    first.show_on_screen()
    assert first.isMaximized()  # a 1366x768 screen: maximised the first time
    first.showNormal()
    first.setGeometry(40, 30, 1100, 650)
    first.splitter.setSizes([180, 600, 300])
    first.area_panel.tree.select("520102")
    qtbot.waitUntil(lambda: first.model.complete, timeout=10_000)
    sizes = first.splitter.sizes()
    first.close()
    second = make_window()
    second.open_last()
    second.show_on_screen()
    assert not second.isMaximized()
    assert (second.width(), second.height()) == (1100, 650)
    assert second.splitter.sizes() == sizes
    assert second.area_code == "520102" and second.year == first.year
    assert settings.LAST_AREA.get() == "520102"


def test_a_new_area_clears_the_search_and_says_so(qtbot, make_window):
    w = make_window()
    w.open("520101")
    w.show()
    qtbot.waitUntil(lambda: w.model.complete, timeout=10_000)
    all_rows = w.model.rowCount()
    w.filter_bar.search_edit.setFocus()
    qtbot.keyClicks(w.filter_bar.search_edit, "zzzz-nobody")
    qtbot.keyClick(w.filter_bar.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.model.complete and w.model.rowCount() == 0, timeout=10_000)
    w.area_panel.tree.select("520102")
    qtbot.waitUntil(lambda: w.model.complete and w.model.rowCount() > 0, timeout=10_000)
    assert w.filter_bar.search() == "" and not w.filter_bar.is_filtering()
    assert "ล้างคำค้น" in w.statusBar().currentMessage()
    assert all_rows > 0
