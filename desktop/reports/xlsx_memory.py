"""Writing openpyxl workbooks without temporary files.

openpyxl writes every worksheet's XML to a NamedTemporaryFile in the system temp folder (for a write-only
sheet from its first row on, for a normal sheet while saving) and zips it afterwards; a process killed in
between leaves names, IDs and incomes there in plain XML. Here each worksheet writes to a buffer in memory
instead, and `save` zips the buffers: nothing personal touches a temporary file (issue 20).

    book = Workbook(write_only=True)
    sheet = xlsx_memory.create_sheet(book, "title")   # instead of book.create_sheet
    ...
    xlsx_memory.save(book, path)                      # instead of book.save
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter


class _MemoryWorksheetWriter(WorksheetWriter):
    def __init__(self, ws) -> None:
        super().__init__(ws, out=BytesIO())

    def cleanup(self) -> None:  # nothing on disk to remove
        pass


class _MemoryExcelWriter(ExcelWriter):
    def write_worksheet(self, ws) -> None:  # openpyxl's own, with the sheet's XML taken from memory
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if self.workbook.write_only:
            if not ws.closed:
                ws.close()
            if not isinstance(ws._writer, _MemoryWorksheetWriter):
                raise TypeError("a write-only sheet must come from xlsx_memory.create_sheet")
            writer = ws._writer
        else:
            writer = _MemoryWorksheetWriter(ws)
            writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def create_sheet(book: Workbook, title: str):
    """A new sheet whose rows are kept in memory (in a write-only book, from the first row on)."""
    sheet = book.create_sheet(title)
    if book.write_only:
        def get_writer() -> None:  # as openpyxl's: started at the first row, after widths and panes are set
            if sheet._writer is None:
                sheet._writer = _MemoryWorksheetWriter(sheet)
                sheet._writer.write_top()
        sheet._get_writer = get_writer
    return sheet


def save(book: Workbook, path: Path | str) -> None:
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        book.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
        _MemoryExcelWriter(book, archive).save()
