"""The meeting pack as one XLSX: a summary sheet, a sheet per report (its tables one under another; the
indicator reports with their native pass-rate chart), and the attendance sheet.

Numbers stay numbers (PCT as fractions with a % format, as tabular.py does); text that a spreadsheet would
run as a formula is neutralised (importers.columns.escape_text). Sheet names: "<area code> <report>", at
most 31 characters, never cut inside a Thai cluster (the names are short by construction).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.importers.columns import escape_text
from desktop.reports import charts, xlsx_memory
from desktop.reports.meeting_pack import BLANK_ROWS, KIND_SHORT, Pack, summary_report
from desktop.reports.model import GROUP, TOTAL, Report
from desktop.reports.tabular import header_labels, heading_lines, number_cell


def sheet_name(code: str, kind: str) -> str:
    return f"{code} {KIND_SHORT[kind]}".replace("/", "-")[:31]


def write_xlsx(pack: Pack, path: Path | str) -> Path:
    """Write the workbook at `path` (atomically) and return it."""
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook(write_only=True)
    _report_sheet(book, "สรุปภาพรวม", summary_report(pack))
    for section, kind, report in pack.reports():
        _report_sheet(book, sheet_name(section.code, kind), report)
    _roster_sheet(book, pack)
    part = path.with_name(path.name + ".part")
    try:
        xlsx_memory.save(book, part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


def _text(sheet, value: str, bold: bool = False):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", escape_text(value)))
    if bold:
        cell.font = Font(bold=True)
    return cell


def _report_sheet(book, name: str, report: Report) -> None:

    sheet = xlsx_memory.create_sheet(book, name)
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 40
    rows = 0
    for line in heading_lines(report):
        sheet.append([_text(sheet, line, rows == 0)])
        rows += 1
    for table in report.tables:
        sheet.append([])
        sheet.append([_text(sheet, table.title, True)])
        sheet.append([_text(sheet, label, True) for label in header_labels(table)])
        rows += 3
        for values, kind in zip(table.rows, table.row_kinds):
            cells = []
            for value, column in zip(values, table.columns):
                if isinstance(value, str):
                    cells.append(_text(sheet, value, kind in (GROUP, TOTAL)))
                    continue
                cells.append(number_cell(sheet, value, column.kind))  # the figure as printed, rounded once
            sheet.append(cells)
            rows += 1
    sheet.append([])
    for note in [*report.notes, report.source]:
        sheet.append([_text(sheet, note)])
    rows += 1 + len(report.notes) + 1
    sheet.append([])
    charts.add_xlsx_chart(book, report, sheet, rows + 2)


def _roster_sheet(book, pack: Pack) -> None:
    sheet = xlsx_memory.create_sheet(book, "ใบลงชื่อ")
    for column, width in zip("ABCD", (8, 36, 44, 24)):
        sheet.column_dimensions[column].width = width
    sheet.append([_text(sheet, "ใบลงชื่อผู้เข้าประชุม", True)])
    sheet.append([_text(sheet, pack.meeting.title)])
    sheet.append([_text(sheet, f"วันที่ {pack.date_text}" + (f" ณ {pack.meeting.place}" if pack.meeting.place else ""))])
    sheet.append([_text(sheet, label, True) for label in ("ลำดับ", "ชื่อ-สกุล", "ตำแหน่ง", "ลายมือชื่อ")])
    for n, member in enumerate(pack.roster, 1):
        position = member.position + (f" ({member.role_label})" if member.role != "member" else "")
        sheet.append([n, _text(sheet, member.name), _text(sheet, position), None])
    for n in range(len(pack.roster) + 1, len(pack.roster) + 1 + BLANK_ROWS):
        sheet.append([n, None, None, None])
