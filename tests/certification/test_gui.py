"""Certification in the window: roster, certify a tambon then its district (override), print, re-open, and the
board's stale and re-opened marks."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.certify import certification
from desktop.models import households
from desktop.views.certification_dialog import CertifyDialog, RosterDialog
from desktop.views.certification_ui import tr
from desktop.views.main_window import MainWindow
from desktop.views.pdf_preview import PdfPreviewDialog
from tests.views import area_codes, close_message_boxes


@pytest.fixture
def window(qtbot, demo_store, runner):
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)  # the common government laptop
    w.show()
    yield w
    runner.wait()
    close_message_boxes()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (CertifyDialog, RosterDialog, PdfPreviewDialog)):
            widget.close()


def controller(window):
    (found,) = [f for f in window.features if type(f).__name__ == "CertificationController"]
    return found


def select(qtbot, window, code: str) -> None:
    window.open(code)
    qtbot.waitUntil(lambda: window.area_code == code)
    qtbot.wait(10)  # the controller refreshes after the window


def add_member(qtbot, dialog: RosterDialog, name: str, position: str, role_index: int) -> None:
    before = len(dialog.members)
    dialog.role_combo.setCurrentIndex(role_index)
    dialog.name_edit.setText(name)  # QTest.keyClicks cannot type Thai
    dialog.position_edit.setText(position)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: len(dialog.members) == before + 1)


def make_roster(qtbot, ctl, chair: str) -> None:
    dialog = ctl.open_roster()
    add_member(qtbot, dialog, chair, "ประธาน", 0)
    add_member(qtbot, dialog, "นางสาวเลขา ทดสอบ", "พัฒนากร", 2)
    assert dialog.table.rowCount() == 2
    dialog.accept()


def certify(qtbot, ctl, *, override: str = "") -> str:
    ctl.dialog = None
    ctl.open_certify()  # the preview is gathered on a reader thread
    qtbot.waitUntil(lambda: ctl.dialog is not None and ctl.dialog.isVisible(), timeout=20_000)
    dialog = ctl.dialog
    levels = dialog.findChild(QLabel, "levelsLabel").text()  # the demo is 2567: districts and the province certify
    assert levels.startswith("อำเภอ, จังหวัด (") and "ลป 0019.4/ว 14942" in levels
    dialog.place_edit.setText("ศาลาประชาคม")
    if override:
        assert not dialog.certify_button.isEnabled() and dialog.override_edit.isVisible()
        dialog.override_edit.setText(override)
    assert dialog.certify_button.isEnabled()
    with qtbot.waitSignal(ctl.certified, timeout=20_000) as blocker:
        dialog.certify_button.click()
    return blocker.args[0]


def test_certify_tambon_then_district_print_reopen_and_see_the_marks(qtbot, window, demo_store, monkeypatch,
                                                                      tmp_path):
    ctl = controller(window)
    tambon = next(c for c in area_codes(demo_store, 6) if c.startswith("5201"))
    select(qtbot, window, tambon)
    assert ctl.status_label.text() == tr("Not certified")
    make_roster(qtbot, ctl, "นายประธาน ตำบล")
    tambon_cert = certify(qtbot, ctl)
    with demo_store.read() as conn:
        short = certification.get(conn, tambon_cert).short_code
    qtbot.waitUntil(lambda: ctl.status_label.text() == tr("Certified · %1").replace("%1", short))

    select(qtbot, window, "5201")
    make_roster(qtbot, ctl, "นายอำเภอ ทดสอบ")
    district_cert = certify(qtbot, ctl)  # 2567: tambons do not certify (resources/certification_levels/2567.json)
    with demo_store.read() as conn:
        assert certification.get(conn, district_cert).override_reason == ""
        assert certification.get(conn, district_cert).summary["missing_children"] == []

    ctl.print_certificate()
    qtbot.waitUntil(lambda: ctl.preview_dialog is not None, timeout=20_000)
    qtbot.waitUntil(lambda: ctl.preview_dialog.document.pageCount() >= 1)
    ctl.preview_dialog.grab().save(str(tmp_path / "preview.png"))
    ctl.preview_dialog.close()

    board = ctl.show_board()
    qtbot.waitUntil(lambda: board.state_of(tambon) == "certified" and board.state_of("5201") == "certified",
                    timeout=20_000)
    with demo_store.begin() as conn:  # a review mark after certifying changes the certified data
        hid = conn.exec_driver_sql("SELECT id FROM household WHERE village LIKE ? AND status = 0 LIMIT 1",
                                   (tambon + "%",)).scalar()
        households.set_status(conn, [hid], 1)
    monkeypatch.setattr(ctl, "ask_reason", lambda cert: "พบข้อมูลเปลี่ยน")
    with qtbot.waitSignal(ctl.reopened, timeout=20_000):
        ctl.reopen()
    qtbot.waitUntil(lambda: board.state_of(tambon) == "stale" and board.state_of("5201") == "reopened",
                    timeout=20_000)
    row = next(i for i, r in enumerate(board.rows) if r.code == tambon)
    board.table.selectRow(row)
    qtbot.waitUntil(lambda: board.changes.topLevelItemCount() == 1, timeout=20_000)
    assert str(hid) in board.changes.topLevelItem(0).text(0)
    board.grab().save(str(tmp_path / "board.png"))
    with demo_store.read() as conn:
        assert certification.get(conn, district_cert).status == certification.SUPERSEDED
        assert certification.get(conn, tambon_cert).status == certification.ACTIVE


def test_verify_from_the_menu(qtbot, window, demo_store, monkeypatch):
    ctl = controller(window)
    tambon = next(c for c in area_codes(demo_store, 6) if c.startswith("5201"))
    select(qtbot, window, tambon)
    make_roster(qtbot, ctl, "นายประธาน ตำบล")
    cert_uuid = certify(qtbot, ctl)
    with demo_store.read() as conn:
        code = certification.get(conn, cert_uuid).short_code
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    assert ctl.verify(code.lower()) == tr("The data is still as certified.")
    assert ctl.verify("ZZZZZZZZ") == tr("No certification with this code in this store.")
    assert shown == [tr("The data is still as certified."), tr("No certification with this code in this store.")]


def test_certify_a_local_administration_chosen_in_the_window(qtbot, window, demo_store, monkeypatch):
    from desktop.models import areas

    ctl = controller(window)
    tambon = next(c for c in area_codes(demo_store, 6) if c.startswith("5201"))
    select(qtbot, window, "5201")
    with demo_store.read() as conn:
        laos = areas.laos_within(conn, "5201")
        lao = next(x for x in laos if x.tambon == tambon)
    assert laos and all(x.tambon.startswith("5201") for x in laos)
    assert ctl.actions["lao"].text() == "เลือก อปท. ในพื้นที่นี้ (&L)…"  # the Thai menu
    monkeypatch.setattr("desktop.views.certification_ui.QInputDialog.getItem",
                        lambda *args: (f"{lao.name} ({lao.code})", True))
    assert ctl.choose_lao() == lao.code  # picked from the list offered
    assert ctl.area == lao.code and ctl.status_label.text() == f"{lao.name}: {tr('Not certified')}"
    make_roster(qtbot, ctl, "นายกเทศมนตรี ทดสอบ")
    cert_uuid = certify(qtbot, ctl)
    with demo_store.read() as conn:
        cert = certification.get(conn, cert_uuid)
    assert cert.level == "lao" and cert.area_code == lao.code
    qtbot.waitUntil(lambda: ctl.status_label.text().startswith(f"{lao.name}: "))
    assert cert.short_code in ctl.status_label.text()
    select(qtbot, window, tambon)  # another area in the tree: the actions are the tambon's again
    assert ctl.lao is None and ctl.area == tambon
    assert ctl.status_label.text() == tr("Not certified")
    assert ctl.choose_lao("L-none") is None and ctl.lao is None
