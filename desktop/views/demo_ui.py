"""Demo data is demo, in the window: the title and a red status-bar mark say ข้อมูลสาธิต while the store holds
the demo province, and File ▸ "Remove the demo data…" (asked first) takes it out on the writer thread
(desktop/models/demo_data.py), then the window reloads without it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.models import demo_data


def tr(text: str) -> str:
    return QCoreApplication.translate("DemoUi", text)


class DemoController(QObject):
    removed = Signal(int)  # households removed

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.base_title = window.windowTitle()
        self.banner = QLabel(window)
        self.banner.setObjectName("demoBanner")
        self.banner.setStyleSheet("QLabel { color: white; background: #B00020; padding: 1px 6px; font-weight: bold; }")
        window.statusBar().addPermanentWidget(self.banner)
        self.remove_action = QAction(tr("Remove the &demo data…"), window)
        self.remove_action.setObjectName("removeDemoAction")
        self.remove_action.triggered.connect(self.ask_and_remove)
        file_menu = window.menuBar().actions()[0].menu()
        file_menu.insertAction(file_menu.actions()[-1] if file_menu.actions() else None, self.remove_action)
        self.show_mark()

    def is_demo(self) -> bool:
        with self.window.store.read() as conn:
            return demo_data.is_demo(conn)

    def show_mark(self) -> None:
        demo = self.is_demo()
        mark = tr("DEMO DATA (made up, not real)")
        self.window.setWindowTitle(f"{self.base_title} — {mark}" if demo else self.base_title)
        self.banner.setText(mark)
        self.banner.setVisible(demo)
        self.remove_action.setEnabled(demo)

    def ask_and_remove(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Remove the demo data"),
                          tr("Remove every made-up household of the demo from this store? Data imported from the "
                             "national system or received from the server stays."), parent=self.window)
        yes = box.addButton(tr("&Remove the demo data"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("removeDemoQuestion")
        box.exec()
        if box.clickedButton() is yes:
            self.remove()

    def remove(self) -> None:
        store = self.window.store

        def job(progress, cancel):
            with store.begin() as conn:
                return demo_data.remove(conn)

        self.window.runner.write(job, title=tr("Removing the demo data…"), on_done=self._removed)

    def _removed(self, count: int) -> None:
        self.show_mark()
        self.window.open(None, None)
        self.removed.emit(count)


def install(window) -> DemoController:
    return DemoController(window)
