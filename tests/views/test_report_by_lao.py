"""The report tab's "by LAO" switch: a district's reports list its อปท. instead of its tambons."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.models import areas
from tests.views.test_report_view import open_report, window  # noqa: F401


def test_by_lao_box_switches_the_child_areas(qtbot, window, demo_store):  # noqa: F811
    view = open_report(qtbot, window, "population", "5201")
    areas_table = next(t for t in view.report.tables if t.key == "areas")
    assert all(len(k["area"]) == 6 for k in areas_table.row_keys[:-1])  # tambons
    assert view.by_lao_box.isEnabled()
    qtbot.mouseClick(view.by_lao_box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.report is not None and not window.runner.busy
                    and next(t for t in view.report.tables if t.key == "areas").columns[1].label == "อปท.",
                    timeout=20_000)
    with demo_store.read() as conn:
        expected = {lao.code for lao in areas.laos_within(conn, "5201")}
    keys = {k["area"] for k in next(t for t in view.report.tables if t.key == "areas").row_keys[:-1]}
    assert keys == expected
    window.open("52010101")  # a village: nothing below it to group, the switch does not apply
    assert not view.by_lao_box.isEnabled()
