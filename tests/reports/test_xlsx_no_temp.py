"""Report XLSX files never pass through the system temp folder (openpyxl writes each sheet's XML to a
temporary file by default: a killed process would leave names and incomes there in plain XML)."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.worksheet import _writer

from desktop.reports import tabular
from tests.reports.conftest import build


@pytest.fixture
def no_temp_files(monkeypatch):
    def refuse(suffix=""):
        raise AssertionError("openpyxl asked for a temporary file")
    monkeypatch.setattr(_writer, "create_temporary_file", refuse)


@pytest.mark.parametrize("kind", ["population", "indicators", "income", "failing-income"])
def test_report_xlsx_is_built_in_memory(hand, tmp_path, no_temp_files, kind):
    report = build(hand, kind, "5201")
    path = tmp_path / f"{kind}.xlsx"
    tabular.write_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) >= len(report.tables)
    first = book[book.sheetnames[0]]
    assert first["A1"].value == report.title


def test_the_guard_sees_openpyxls_own_save(hand, tmp_path, no_temp_files):
    book = openpyxl.Workbook()
    book.active.append(["นายทดสอบ"])
    with pytest.raises(AssertionError, match="temporary file"):
        book.save(tmp_path / "plain.xlsx")
