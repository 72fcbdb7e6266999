"""XLSX read through calamine (xlsx_fast.py) gives the rows the streaming XML reader gives: the same
cells, numbers as typed, dates and Excel's conversions marked, error cells and formulas without a
cached value found by the byte scan; a big sheet is streamed instead."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from desktop.importers import national, readers, xlsx_fast
from tests.test_import_excel import HH_SHEET, col, xlsx_with


def every_kind_of_cell(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ข้อมูล"
    sheet["C2"] = "ชื่อตาราง"  # the used range starts at C2: rows and columns must keep their numbers
    sheet.append([None, None, "บ้านเลขที่", "รายได้", "วันที่", "หมายเหตุ"])
    sheet.append([None, None, "12/1", 12000, dt.datetime(2024, 1, 12), "นายสมชาย  ใจดี "])
    sheet.append([None, None, 52010000001, 1.5, dt.date(2567 - 543, 5, 1), True])
    sheet.append([])
    sheet.append([None, None, "#N/A", "=1000*12", None, False])
    sheet["I7"] = 0.1 + 0.2
    sheet["C6"].data_type = "e"
    sheet["F4"].number_format = "d/m/yyyy"
    sheet["E7"] = dt.time(12, 30)
    sheet["G7"] = "=A1"  # a formula outside the table's columns, not calculated either
    sheet["D8"] = -5
    sheet["H9"] = "ท้าย"
    other = book.create_sheet("อื่น")
    other.append(["x", 1])
    book.save(path)
    return path


def both(path):
    book = readers._Book(path)
    try:
        out = []
        for title, part in book.sheets():
            sheet = readers._Sheet(book, title, part)
            fast = [(n, list(c), getattr(c, "flags", {})) for n, c in sheet.rows(0)]
            streamed = [(n, list(c), getattr(c, "flags", {})) for n, c in readers._Sheet(book, title, part)._iter()
                        if any(c) and "".join(c).strip()]
            out.append((fast, streamed))
        return out
    finally:
        book.close()


def test_calamine_gives_the_streaming_readers_rows(tmp_path):
    path = every_kind_of_cell(tmp_path / "cells.xlsx")
    (fast, streamed), (fast2, streamed2) = both(path)
    assert fast == streamed and fast2 == streamed2
    rows = {n: (c, flags) for n, c, flags in fast}
    assert rows[4][0][2:] == ["12/1", "12000", "2024-01-12", "นายสมชาย  ใจดี "]
    assert rows[5][0][2:] == ["52010000001", "1.5", "2024-05-01", "1"]
    assert rows[7][0][2:7] == ["#N/A", "", "1899-12-30", "0", ""]
    assert rows[7][1] == {2: "error", 3: "formula", 4: "date", 6: "formula"}  # E7: a time, read as a date cell
    assert rows[4][1] == {4: "date"}
    assert rows[7][0][8] == "0.3" and rows[8][0][3] == "-5" and rows[9][0][7] == "ท้าย"
    assert 6 not in rows  # the blank row


def test_a_sheet_over_the_limit_is_streamed(tmp_path, monkeypatch):
    path = every_kind_of_cell(tmp_path / "cells.xlsx")
    monkeypatch.setattr(xlsx_fast, "MAX_PART", 0)
    called = []
    monkeypatch.setattr(xlsx_fast, "rows", lambda *a: called.append(a))
    ((fast, streamed), _) = both(path)
    assert fast == streamed and not called


def test_cells_with_a_namespace_prefix_are_found(tmp_path):
    """Some programs write <x:c>…<x:f>: the byte scan follows the sheet's own prefix."""
    plain = every_kind_of_cell(tmp_path / "cells.xlsx")
    prefixed = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(prefixed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode()
                text = text.replace('<worksheet xmlns="', '<x:worksheet xmlns:x="').replace("</worksheet>",
                                                                                         "</x:worksheet>")
                for tag in ("sheetData", "row", "c", "v", "f", "is", "t", "dimension", "sheetViews", "sheetView",
                            "selection", "sheetFormatPr", "pageMargins", "sheetPr", "outlinePr", "pageSetUpPr",
                            "cols", "col"):
                    text = text.replace(f"<{tag}>", f"<x:{tag}>").replace(f"<{tag} ", f"<x:{tag} ")
                    text = text.replace(f"</{tag}>", f"</x:{tag}>")
                data = text.encode()
            out.writestr(info, data)
    assert both(prefixed) == both(plain)


@pytest.mark.parametrize("limit", [xlsx_fast.MAX_PART, 0])
def test_the_import_reports_the_same_with_either_reader(store, tmp_path, monkeypatch, limit):
    monkeypatch.setattr(xlsx_fast, "MAX_PART", limit)

    def change(hh, _):
        hh.cell(row=3, column=col("house_no"), value=dt.datetime(2024, 1, 12)).number_format = "d/m/yyyy"
        hh.cell(row=2, column=col("inc_main"), value="#DIV/0!")
        hh.cell(row=4, column=col("inc_second"), value="=1000*12")
    result = national.import_files(store, [xlsx_with(tmp_path, change)])
    assert not result.ok
    assert [(p.row, p.column, p.value) for p in result.problems] == [
        (2, "inc_main", "#DIV/0!"), (3, "house_no", "2024-01-12"), (4, "inc_second", "")]
    assert all(p.file == f"excel.xlsx [{HH_SHEET}]" for p in result.problems)
