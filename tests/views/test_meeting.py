"""The meeting in the window: Reports ▸ Meeting pack… writes the pack's files; F5 on the report tab opens the
projector view, driven by key presses (pages advance, a failing count opens to its households only when
confirmed, Esc returns)."""

from __future__ import annotations

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from sqlalchemy import text

from desktop.views import projector as projector_module
from tests.views.test_report_view import open_report, tambon, window  # noqa: F401


def controller(window):  # noqa: F811
    return next(f for f in window.features if type(f).__name__ == "MeetingController")


def test_meeting_pack_from_the_menu(qtbot, window, demo_store, tmp_path, monkeypatch):  # noqa: F811
    area = tambon(demo_store)
    open_report(qtbot, window, "population", area)
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action = window.findChild(QAction, "meetingPackAction")
    assert action in window.report_menu.actions()
    action.trigger()
    meeting = controller(window)
    qtbot.waitUntil(lambda: meeting.dialog is not None and meeting.dialog.isVisible(), timeout=10_000)
    dialog = meeting.dialog
    assert dialog.title_edit.text().startswith("การประชุมคณะทำงาน")
    assert "25" in dialog.date_be.text()  # the date in พ.ศ. beside the picker
    qtbot.keyClicks(dialog.place_edit, "Meeting room 2")  # QTest types ASCII only
    qtbot.mouseClick(dialog.xlsx_box, Qt.MouseButton.LeftButton, pos=QPoint(6, dialog.xlsx_box.height() // 2))
    assert dialog.xlsx_box.isChecked()
    errors = []
    window.runner.error_reported.connect(errors.append)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: errors or (target.exists() and target.with_suffix(".xlsx").exists()
                                      and not window.runner.busy),
                    timeout=120_000)
    assert errors == []
    reader = PdfReader(target)
    assert [i.title for i in reader.outline if not isinstance(i, list)][:3] == ["ปก", "สารบัญ", "สรุปภาพรวม"]
    assert openpyxl.load_workbook(target.with_suffix(".xlsx")).sheetnames[0] == "สรุปภาพรวม"
    assert not list(tmp_path.glob(".*part*"))
    with demo_store.read() as conn:
        audited = conn.execute(text("SELECT detail FROM audit_entry WHERE action = 'report.export'")).scalars().all()
    assert any('"meeting-pack"' in d for d in audited)  # the household lists were in it


def open_projector(qtbot, window, area):  # noqa: F811
    view = open_report(qtbot, window, "indicators", area)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F5)
    meeting = controller(window)
    qtbot.waitUntil(lambda: meeting.projector is not None and meeting.projector.isVisible(), timeout=30_000)
    return meeting, meeting.projector


def test_projector_pages_move_with_keys_and_esc_returns(qtbot, window, demo_store):  # noqa: F811
    meeting, shown = open_projector(qtbot, window, tambon(demo_store))
    assert shown.isFullScreen() and shown.page.kind == projector_module.TITLE
    qtbot.keyClick(shown, Qt.Key.Key_Right)
    assert shown.index == 1 and shown.page.kind == projector_module.SUMMARY
    qtbot.keyClick(shown, Qt.Key.Key_PageDown)
    qtbot.keyClick(shown, Qt.Key.Key_Space)
    assert shown.index == 3
    qtbot.keyClick(shown, Qt.Key.Key_PageUp)
    assert shown.index == 2
    qtbot.keyClick(shown, Qt.Key.Key_End)
    assert shown.index == len(shown.pages) - 1 and shown.page.kind == projector_module.CHART
    qtbot.keyClick(shown, Qt.Key.Key_Right)  # past the end: stays
    assert shown.index == len(shown.pages) - 1
    qtbot.keyClick(shown, Qt.Key.Key_Home)
    assert shown.index == 0
    kinds = [p.kind for p in shown.pages]
    assert kinds.count(projector_module.CHART) == len(shown.pack.sections)  # one chart per area
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: meeting.projector is None, timeout=5_000)
    assert not any(isinstance(w, projector_module.ProjectorView) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_failing_count_opens_its_households_only_when_confirmed(qtbot, window, demo_store):  # noqa: F811
    meeting, shown = open_projector(qtbot, window, tambon(demo_store))
    figures = next(i for i, p in enumerate(shown.pages) if p.kind == projector_module.FIGURES)
    while shown.index < figures:
        qtbot.keyClick(shown, Qt.Key.Key_Down)
    assert shown.household_page is None
    qtbot.keyClick(shown, Qt.Key.Key_L)
    assert shown.asking and shown.household_page is None  # asked, nothing personal yet
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert not shown.asking and meeting.projector is shown  # Esc answers "no" and stays
    qtbot.keyClick(shown, Qt.Key.Key_L)
    qtbot.keyClick(shown, Qt.Key.Key_Return)
    listed = shown.household_page
    expected = shown.failing_list(shown.pages[figures].section)
    assert listed is not None and listed.kind == projector_module.HOUSEHOLDS
    assert listed.rows == expected[:projector_module.LIST_ROWS] and expected
    assert shown.pack.summary[shown.pages[figures].section].failing_income == len(expected)
    image = shown.grab().toImage()
    assert not image.isNull()
    qtbot.keyClick(shown, Qt.Key.Key_Escape)  # back to the figures, the list is gone
    assert shown.household_page is None and shown.index == figures
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: meeting.projector is None, timeout=5_000)
