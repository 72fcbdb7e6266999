"""Every UI string has a Thai translation; the compiled .qm is current and loads; the pinned PySide6
keeps Python's reference counts (6.12.0 did not, and aborted the interpreter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.paths import resources_dir
from desktop.views import i18n_catalog


def test_every_view_string_has_a_thai_translation():
    translations = i18n_catalog.read_ts()
    missing = [(ctx, src) for ctx, sources in i18n_catalog.extract().items() for src in sources
               if not translations.get((ctx, src))]
    assert missing == [], "run python -m desktop.views.i18n_catalog, translate, then pyside6-lrelease"
    assert len(translations) > 150


def test_compiled_translation_is_current_and_loads(thai_app, tmp_path):
    qm = resources_dir() / "i18n" / "bmn_th.qm"
    ts = resources_dir() / "i18n" / "bmn_th.ts"
    fresh = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), "run: make translations"
    assert QCoreApplication.translate("Labels", "Certified") == "รับรองแล้ว"
    assert QCoreApplication.translate("Labels", "Correction requested") == "ขอแก้ไข"
    assert QCoreApplication.translate("Labels", "Corrected upstream") == "แก้ไขแล้วในระบบ"


class _Sender(QObject):
    fired = Signal(int)


def test_signals_keep_python_reference_counts():
    """PySide6 6.12.0 dropped a reference to True per emit(); on Python 3.11 that aborts the process."""
    sender = _Sender()
    sender.fired.connect(lambda value: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(2000):
        sender.fired.emit(i)
    assert (sys.getrefcount(True), sys.getrefcount(None)) == before


def test_qt_catalogue_is_current_and_qts_own_dialogs_speak_thai(thai_app, tmp_path, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLabel, QMessageBox

    ts, qm = resources_dir() / "i18n" / "qt_th.ts", resources_dir() / "i18n" / "qt_th.qm"
    fresh = tmp_path / "qt.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), "run: make translations"
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert {box.button(b).text() for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
                                           QMessageBox.StandardButton.Cancel)} == {"ใช่ (&Y)", "ไม่ (&N)", "ยกเลิก"}
    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()
    texts = {b.text() for b in ask.findChildren(QDialogButtonBox)[0].buttons()}
    assert texts == {"ตกลง", "ยกเลิก"}
    ask.close()
    files = QFileDialog(None, "t")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(files)
    labels = {label.text() for label in files.findChildren(QLabel)}
    assert {"ค้นใน (&L):", "ชื่อไฟล์ (&N):", "ชนิดไฟล์ (&T):"} <= labels
    assert {b.text() for b in files.findChildren(QDialogButtonBox)[0].buttons()} == {"บันทึก (&S)", "ยกเลิก"}
