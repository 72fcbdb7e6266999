"""The report view: tables per kind, spans, the pass-rate chart, drill-down to households, PDF / preview / print."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from desktop.models import areas, audit, households, lookups
from desktop.models.households import HouseholdFilter
from desktop.reports.model import GROUP, KINDS, TOTAL
from desktop.views import file_dialogs
from desktop.views.main_window import MainWindow
from desktop.views.report_output import default_file_name
from desktop.views.report_table_model import KEY_ROLE
from tests.views import close_message_boxes, latest_year


@pytest.fixture
def window(qtbot, demo_store, runner):
    w = MainWindow(demo_store, runner, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)  # the common government laptop
    w.show()
    yield w
    runner.wait()
    close_message_boxes()


def open_report(qtbot, window: MainWindow, kind: str, area: str):
    window.open(area)
    qtbot.waitUntil(lambda: window.model.complete, timeout=10_000)
    window.open_report(kind)
    view = window.report_view
    qtbot.waitUntil(lambda: view.report is not None and view.report.kind == kind and not window.runner.busy,
                    timeout=20_000)
    return view


def tambon(store) -> str:
    """The demo tambon with the most villages."""
    with store.read() as conn:
        nodes = areas.tree(conn, latest_year(store))
    return max((n.code for n in nodes if len(n.code) == 6),
               key=lambda code: (sum(n.parent == code for n in nodes), code))


def expected_rows(store, kind: str, area: str) -> dict[str, int]:
    """Row counts per table key, from the store itself: child villages, indicators, failing households."""
    year = latest_year(store)
    with store.read() as conn:
        villages = sum(1 for n in areas.tree(conn, year) if n.parent == area)
        choices, _provisional = lookups.indicator_choices(conn, year)
        income = next(c.position for c in choices if c.no == 29)
        failing = len(households.ordered_ids(conn, HouseholdFilter(year, area, failed_position=income)))
    categories = len({c.category for c in choices})
    return {
        "population": {"areas": villages + 1},
        "indicators": {"indicators": len(choices) + categories, "areas": villages + 1},
        "income": {"areas": villages + 1},
        "failing-income": {"households": failing + 1},
    }[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_shows_its_tables(qtbot, window, demo_store, kind):
    area = tambon(demo_store)
    view = open_report(qtbot, window, kind, area)
    report = view.report
    assert report.area_code == area and report.survey_year == latest_year(demo_store)
    assert window.centre_tabs.currentWidget() is view and not window.detail.isVisible()
    assert len(view.tables) == len(report.tables) >= 1
    for table_view, table in zip(view.tables, report.tables):
        assert table_view.model().rowCount() == len(table.rows)
        assert table_view.model().columnCount() == len(table.columns)
    counts = {t.key: view.tables[i].model().rowCount() for i, t in enumerate(report.tables)}
    for key, rows in expected_rows(demo_store, kind, area).items():
        assert counts[key] == rows, key
    for table_view in view.tables:
        model = table_view.model()
        for row in range(model.rowCount()):
            if model.row_kind(row) == TOTAL:
                assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).bold()
    assert view.banner.isVisible() == report.provisional
    assert view.personal_label.isVisible() == report.personal_data
    assert view.chart.isVisible() == (kind == "indicators")


def test_indicator_rows_group_spans_and_formatting(qtbot, window, demo_store):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    with demo_store.read() as conn:
        choices, _provisional = lookups.indicator_choices(conn, view.year)
    categories = sorted({c.category for c in choices})
    table_view = view.tables[0]
    model = table_view.model()
    groups = [r for r in range(model.rowCount()) if model.row_kind(r) == GROUP]
    assert len(groups) == len(categories)
    assert model.rowCount() - len(groups) == len(choices)
    for row in groups:
        assert table_view.columnSpan(row, 0) == model.columnCount()
        assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).bold()
    data_row = groups[0] + 1
    pct = next(c for c, col in enumerate(model.table.columns) if col.kind == "pct")
    assert model.data(model.index(data_row, pct)).count(".") == 1
    assert len(model.data(model.index(data_row, pct)).split(".")[1]) == 1
    alignment = model.data(model.index(data_row, pct), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_chart_has_one_bar_set_per_category(qtbot, window, demo_store):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    with demo_store.read() as conn:
        choices, _provisional = lookups.indicator_choices(conn, view.year)
    sets = view.chart.bar_sets()
    assert len(sets) == len({c.category for c in choices})
    assert all(s.count() == len(choices) for s in sets)
    assert view.chart.chart().axes(Qt.Orientation.Horizontal)[0].categories() == [str(c.no) for c in choices]
    assert view.chart.chart().legend().font().family() == "Sarabun"


def _failing_row(view):
    """The household indicator with the most failing households (person indicators count persons)."""
    model = view.tables[0].model()
    columns = [c.key for c in model.table.columns]
    fail, unit = columns.index("failed"), columns.index("unit")
    rows = [r for r in range(model.rowCount())
            if model.table.row_keys[r].get("indicator") and model.table.rows[r][unit] == "ครัวเรือน"]
    return model, max(rows, key=lambda r: model.table.rows[r][fail] or 0), fail


def test_double_click_on_a_failing_count_lists_those_households(qtbot, window, demo_store):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    model, row, fail = _failing_row(view)
    key = model.table.row_keys[row]
    expected = model.table.rows[row][fail]
    assert expected > 0
    table_view = view.tables[0]
    index = model.index(row, fail)
    table_view.scrollTo(index)
    centre = table_view.visualRect(index).center()
    qtbot.mousePress(table_view.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # double-click needs a press first
    qtbot.mouseDClick(table_view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: window.model.complete and window.centre_tabs.currentIndex() == 0, timeout=10_000)
    with demo_store.read() as conn:
        choices, _provisional = lookups.indicator_choices(conn, view.year)
    position = next(c.position for c in choices if c.no == key["indicator"])
    assert window.filter_bar.failed_position() == position
    assert window.current_filter().failed_position == position
    assert window.area_code == key["area"]
    assert window.model.rowCount() == expected
    assert all(window.model.household(r).results[position - 1] == "F" for r in range(window.model.rowCount()))


def test_pivot_cell_and_chart_bar_drill_down(qtbot, window, demo_store):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    pivot = view.tables[1].model()
    assert pivot.table.key == "areas"
    row = 0
    column = next(c for c in range(2, pivot.columnCount()) if pivot.table.rows[row][c])
    with qtbot.waitSignal(view.households_requested) as signal:
        view.tables[1].doubleClicked.emit(pivot.index(row, column))
    assert signal.args[0] == pivot.data(pivot.index(row, column), KEY_ROLE)
    assert signal.args[0] == {"area": pivot.table.row_keys[row]["area"],
                              "indicator": int(pivot.table.columns[column].key.split("_")[1])}
    window.open_report("indicators")
    qtbot.waitUntil(lambda: view.report is not None and not window.runner.busy, timeout=20_000)
    with qtbot.waitSignal(view.households_requested) as signal:
        view.chart.bar_sets()[0].clicked.emit(0)
    assert signal.args[0] == {"area": view.report.area_code, "indicator": view.chart.groups[0].bars[0].no}


def test_failing_income_row_selects_the_household(qtbot, window, demo_store):
    view = open_report(qtbot, window, "failing-income", tambon(demo_store))
    model = view.tables[0].model()
    assert model.rowCount() > 0
    key = model.table.row_keys[0]
    view.tables[0].doubleClicked.emit(model.index(0, 0))
    qtbot.waitUntil(lambda: window.table.selected_ids() == [key["household"]], timeout=10_000)
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.id == key["household"])


def test_save_pdf_writes_a_pdf(qtbot, window, demo_store, tmp_path, monkeypatch):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    asked = {}

    def fake_dialog(parent, caption, directory, file_filter):
        asked["directory"] = directory
        return str(target), file_filter

    monkeypatch.setattr(file_dialogs, "save_file_name", fake_dialog)
    view.thai_digits_box.setChecked(True)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    written = target.with_name("report.pdf")
    qtbot.waitUntil(lambda: written.exists() and not window.runner.busy, timeout=30_000)
    assert written.read_bytes()[:5] == b"%PDF-"
    assert asked["directory"].endswith(default_file_name(view.report, "pdf"))
    assert default_file_name(view.report, "pdf") == f"รายงานผลตัวชี้วัด-{view.area_code}-{view.year}.pdf"
    assert sorted(p.name for p in written.parent.iterdir()) == ["report.pdf"]  # no part-file left behind


def test_saving_a_household_list_is_audited(qtbot, window, demo_store, tmp_path, monkeypatch):
    view = open_report(qtbot, window, "failing-income", tambon(demo_store))
    assert view.report.personal_data
    target = tmp_path / "list.pdf"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a: (str(target), ""))
    view.output.save("pdf")
    qtbot.waitUntil(lambda: target.exists() and not window.runner.busy, timeout=30_000)
    with demo_store.read() as conn:
        entry = audit.recent(conn, 1)[0]
    assert entry["action"] == "report.export" and entry["target"] == view.area_code
    assert '"format": "pdf"' in entry["detail"] and "list.pdf" in entry["detail"]


def test_preview_dialog_shows_the_rendered_pdf(qtbot, window, demo_store):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.output.preview_dialog is not None, timeout=30_000)
    dialog = view.output.preview_dialog
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert dialog.document.pageCount() >= 1
    assert dialog.page_count_label.text().endswith(str(dialog.document.pageCount()))
    dialog.zoom_in()
    assert dialog.zoom_label.text().endswith("%")
    if dialog.document.pageCount() > 1:
        dialog.next_page()
        qtbot.waitUntil(lambda: dialog.page_spin.value() == 2)
    qtbot.wait(300)  # QPdfView renders asynchronously
    dialog.close()


def test_print_renders_pages_onto_the_printer(qtbot, window, demo_store, tmp_path, monkeypatch):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    out = tmp_path / "printed.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and not window.runner.busy, timeout=60_000)
    printed = QPdfDocument()
    printed.load(str(out))
    source = QPdfDocument()
    source.load(str(next(iter(view.output._pdfs.values()))))
    assert printed.pageCount() == source.pageCount() >= 1
    assert "หน้า" in window.statusBar().currentMessage() or "page" in window.statusBar().currentMessage()


def test_save_excel_and_csv(qtbot, window, demo_store, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    view = open_report(qtbot, window, "population", tambon(demo_store))
    for fmt, button in (("xlsx", view.xlsx_button), ("csv", view.csv_button)):
        target = tmp_path / f"population.{fmt}"
        monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, t=target: (str(t.with_suffix("")), ""))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda t=target: t.exists() and not window.runner.busy, timeout=30_000)
    assert len(load_workbook(tmp_path / "population.xlsx").sheetnames) == len(view.report.tables)
    assert view.report.tables[0].title in (tmp_path / "population.csv").read_text(encoding="utf-8-sig")
    assert window.statusBar().currentMessage().startswith("บันทึกแล้ว")


def test_chart_bars_are_the_pass_rates(qtbot, window, demo_store):
    view = open_report(qtbot, window, "indicators", tambon(demo_store))
    table = view.report.tables[0]
    rate = [c.key for c in table.columns].index("passed_pct")
    expected = {key["indicator"]: row[rate] or 0.0
                for row, key in zip(table.rows, table.row_keys) if "indicator" in key}
    order = [bar.no for group in view.chart.groups for bar in group.bars]
    totals = [sum(s.at(i) for s in view.chart.bar_sets()) for i in range(len(order))]
    assert dict(zip(order, totals)) == pytest.approx(expected)


def test_an_area_without_households_shows_why(qtbot, window, demo_store):
    view = open_report(qtbot, window, "population", tambon(demo_store))
    view.set_context("99", view.year)
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    assert view.report is None and view.status.isVisible()
    assert "99" in view.status.text() and not view.pdf_button.isEnabled()


def test_slow_build_shows_progress_and_can_be_cancelled(qtbot, window, demo_store, monkeypatch):
    import time

    from desktop.reports import builders
    from desktop.views.progress import JobProgressDialog

    view = open_report(qtbot, window, "population", tambon(demo_store))
    real_build = builders.build

    def slow_build(*args, **kw):
        time.sleep(0.8)
        return real_build(*args, **kw)

    monkeypatch.setattr(builders, "build", slow_build)
    window.open_report("income")
    assert view.loading
    qtbot.waitUntil(lambda: any(isinstance(w, JobProgressDialog) and w.isVisible()
                                for w in window.findChildren(JobProgressDialog)), timeout=5_000)
    dialog = next(w for w in window.findChildren(JobProgressDialog) if w.isVisible())
    dialog.canceled.emit()  # what its Cancel button does
    qtbot.waitUntil(lambda: not view.loading and not window.runner.busy, timeout=10_000)
    assert view.report is None and "ยกเลิก" in view.status.text()
    monkeypatch.setattr(builders, "build", real_build)
    view.status.linkActivated.emit("#")
    qtbot.waitUntil(lambda: view.report is not None and view.report.kind == "income", timeout=10_000)


def test_report_menu_shortcuts_and_indicator_menu(qtbot, window):
    import importlib.util

    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    reports = menus["รายงาน (&P)"]
    shortcuts = [a.shortcut().toString() for a in reports.actions()]
    assert shortcuts[:4] == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]
    assert shortcuts[4:] == ["", "", "F5"]  # a separator, the meeting pack, the projector (meeting_ui.py)
    has_dialog = importlib.util.find_spec("desktop.views.indicator_dialog") is not None
    assert ("ตัวชี้วัด (&D)" in menus) == has_dialog


def test_gui_command_opens_a_report_for_the_screenshot(qtbot, demo_path, env_passphrase, tmp_path, thai_app):
    import argparse

    from PySide6.QtGui import QImage

    from desktop.cli import gui

    parser = argparse.ArgumentParser()
    gui.add_parser(parser.add_subparsers(dest="command"))
    target = tmp_path / "report.png"
    args = parser.parse_args(["gui", "--db", str(demo_path), "--area", "5201", "--report", "indicators",
                              "--screenshot", str(target)])
    assert args.report == "indicators"
    assert args.run(args) == 0
    assert QImage(str(target)).width() == 1366


def test_printing_a_household_list_is_audited_first(qtbot, window, demo_store, tmp_path, monkeypatch):
    view = open_report(qtbot, window, "failing-income", tambon(demo_store))
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(view.output, "ask_printer", lambda printer: (
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat), printer.setOutputFileName(str(out)), True)[-1])
    view.output.print_report()
    qtbot.waitUntil(lambda: out.exists() and not window.runner.busy, timeout=60_000)
    with demo_store.read() as conn:
        entry = audit.recent(conn, 1)[0]
    assert entry["action"] == "report.export" and '"format": "print"' in entry["detail"]
    preview_pdf = next(iter(view.output._pdfs.values()))
    window.open_report("population")  # a new report drops the rendered copy
    qtbot.waitUntil(lambda: view.report is not None and view.report.kind == "population", timeout=10_000)
    assert not preview_pdf.exists()
