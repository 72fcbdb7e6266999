"""The action sweep: on a demo store, in a 1366x768 window, trigger every menu action and press every enabled
button on every tab, closing each dialog that opens. Fails on an exception (pytest-qt captures those raised in
slots), on an error that is not the person's (a bug box), on any window or dialog larger than 1366x768, on the
main window growing past 1366 px after a household is selected, and on Alt+letter or shortcut collisions in the
window, its menus and every dialog that opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QPushButton, QWidget

from desktop.models.errors import UserError
from desktop.views import progress
from desktop.views.main_window import MainWindow
from tests.views import close_message_boxes
from tests.views.mnemonics import collisions, letter

SCREEN_W, SCREEN_H = 1366, 768
QUIT = "Ctrl+Q"  # Quit is triggered in its own test


class Sweep:
    """Watches every top-level window: sizes, Alt+letter collisions; closes what opened (also modal exec())."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.too_big: list[str] = []
        self.clashes: list[str] = []
        self.seen: set[str] = set()
        self.bugs: list[str] = []
        self.enter_presses: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.close_modal)
        self.timer.start()

    def check(self, widget: QWidget, where: str) -> None:
        name = widget.objectName() or type(widget).__name__
        frame = widget.frameGeometry()
        if frame.width() > SCREEN_W or frame.height() > SCREEN_H:
            self.too_big.append(f"{where}: {name} {frame.width()}x{frame.height()}")
        if name not in self.seen:
            self.seen.add(name)
            self.clashes += [f"{where}: {name} Alt+{k}: {v}" for k, v in collisions(widget).items()]
            for button in widget.findChildren(QPushButton):  # Enter presses the default: never a destructive one
                if button.property("destructive") and (button.isDefault() or button.autoDefault()):
                    self.enter_presses.append(f"{name}: {button.text()}")

    def close_modal(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.window:
            self.check(modal, "modal")
            modal.close()  # reject: the file, input and print dialogs answer "cancelled"

    def close_others(self, where: str) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not self.window and not isinstance(widget, QMenu):
                self.check(widget, where)
                widget.close()


def settle(qtbot, window: MainWindow) -> None:
    for _ in range(3):
        qtbot.wait(60)
        window.runner.wait()
        QApplication.processEvents()
    qtbot.waitUntil(lambda: not window.runner.busy and window.model.complete, timeout=20_000)


def menu_actions(window: MainWindow):
    for top in window.menuBar().actions():
        menu = top.menu()
        for action in menu.actions():
            if not action.isSeparator() and action.shortcut().toString() != QUIT:
                yield top.text(), action


def visible_buttons(window: MainWindow) -> list[QAbstractButton]:
    return [b for b in window.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()
            and b.window() is window and b.text()]


@pytest.fixture
def window(qtbot, demo_store, runner):
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(SCREEN_W, SCREEN_H)
    w.show()
    w.open()
    settle(qtbot, w)
    yield w
    runner.wait()
    close_message_boxes()


def select_first_household(qtbot, window: MainWindow) -> None:
    window.centre_tabs.setCurrentIndex(0)
    window.area_panel.tree.select("520101")  # a tambon: the village column shows
    settle(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.detail is not None, timeout=10_000)


def test_every_action_and_button_runs_and_every_window_fits_the_laptop(qtbot, window, monkeypatch):
    sweep = Sweep(window)
    shown_errors = []
    original = progress.show_error

    def record(parent, err, details=""):
        if not isinstance(err, UserError):
            sweep.bugs.append(f"{type(err).__name__}: {err}\n{details}")
        shown_errors.append(err)
        return original(parent, err, details)

    monkeypatch.setattr(progress, "show_error", record)
    select_first_household(qtbot, window)
    assert window.frameGeometry().width() <= SCREEN_W, "selecting a household made the window wider than the screen"
    assert window.table.isColumnHidden(window.model.column_of("village")) is False

    triggered = []
    for title, action in list(menu_actions(window)):
        if not action.isEnabled():
            continue
        action.trigger()
        triggered.append(f"{title} › {action.text()}")
        settle(qtbot, window)
        sweep.close_others(action.text())
        settle(qtbot, window)
        assert window.frameGeometry().width() <= SCREEN_W, f"wider than the screen after {action.text()}"
        assert window.isVisible(), f"the window closed after {action.text()}"
    assert len(triggered) >= 30

    pressed = []
    for index in range(window.centre_tabs.count()):
        window.centre_tabs.setCurrentIndex(index)
        if index == 0:
            select_first_household(qtbot, window)
        settle(qtbot, window)
        sweep.check(window, f"tab {index}")
        for button in visible_buttons(window):
            if not (button.isVisible() and button.isEnabled()):
                continue  # an earlier press changed the page
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            pressed.append(f"{window.centre_tabs.tabText(index)} › {button.text()}")
            settle(qtbot, window)
            sweep.close_others(button.text())
            settle(qtbot, window)
            assert window.frameGeometry().width() <= SCREEN_W, f"wider than the screen after {button.text()}"
            if window.centre_tabs.currentIndex() != index:
                window.centre_tabs.setCurrentIndex(index)
                settle(qtbot, window)
    assert len(pressed) >= 12, pressed
    sweep.timer.stop()
    assert sweep.bugs == []
    assert sweep.too_big == []
    assert sweep.enter_presses == []
    assert sweep.clashes == [], "\n".join(sweep.clashes)
    assert {"aboutDialog", "visitDialog", "backcheckEntry", "syncPanel"} <= sweep.seen


def test_menus_have_unique_alt_letters_and_the_window_unique_shortcuts(window):
    for top in window.menuBar().actions():
        letters = [letter(a.text()) for a in top.menu().actions() if letter(a.text())]
        assert len(letters) == len(set(letters)), f"{top.text()}: {letters}"
    keys = [a.shortcut().toString() for a in window.findChildren(__import__("PySide6.QtGui").QtGui.QAction)
            if not a.shortcut().isEmpty() and a.shortcutContext() != Qt.ShortcutContext.WidgetWithChildrenShortcut]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert len(keys) >= 25


def test_quit_closes_and_remembers_the_area_and_layout(qtbot, window):
    from desktop.views import settings

    window.area_panel.tree.select("520102")
    settle(qtbot, window)
    quit_action = next(a for top in window.menuBar().actions() for a in top.menu().actions()
                       if a.shortcut().toString() == QUIT)
    quit_action.trigger()
    assert not window.isVisible()
    assert settings.LAST_AREA.get() == "520102" and settings.LAST_YEAR.get() == window.year
    assert not settings.WINDOW_GEOMETRY.get().isEmpty() and not settings.WINDOW_SPLITTER.get().isEmpty()


def test_enter_in_the_roster_adds_and_never_removes_or_certifies(qtbot, window):
    window.area_panel.tree.select("520101")
    settle(qtbot, window)
    roster_action = next(a for top in window.menuBar().actions() for a in top.menu().actions()
                         if a.shortcut().toString() == "Ctrl+Shift+W")
    roster_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert dialog.objectName() == "rosterDialog"
    for name in ("นายหนึ่ง ทดสอบ", "นางสองสาม ทดสอบ"):
        dialog.name_edit.setText(name)
        dialog.position_edit.setText("กรรมการ")
        dialog.position_edit.setFocus()
        qtbot.keyClick(dialog.position_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=name: any(m.name == n for m in dialog.members), timeout=10_000)
    dialog.table.selectRow(0)
    dialog.name_edit.setFocus()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # the selected member stays
    settle(qtbot, window)
    assert len(dialog.members) >= 2 and dialog.isVisible()
    dialog.close()
