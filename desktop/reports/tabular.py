"""A `Report` as CSV (one file, the tables one after another) or XLSX (one sheet per table).

Numbers stay numbers: CSV writes them bare, XLSX as numeric cells with a number format; both hold
the figure as the paper prints it (rounded once, numbers.py); PCT values (percentages, 97.5 = 97.5 %)
become fractions with a % format in XLSX.

Every text cell of every spreadsheet file the reports write (these reports, the correction notice, the
back-check sheets) goes through `safe_text`:
- text that a spreadsheet would run as a formula (= + - @ …) gets a leading single quote
  (importers.columns.escape_text, the same rule as the household export);
- in CSV only, text that a spreadsheet would silently turn into a date or a number — house numbers
  such as "1/1" or "12-3", codes with a leading 0, 12 digits or more — gets the same leading quote.
  A CSV cell has no type, and the only other way to keep Excel from guessing (="1/1") is itself a
  formula; the quote is visible, harmless, and the same rule everywhere (XLSX cells are typed as
  text, so they need no quote).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from desktop.importers.columns import escape_text
from desktop.reports import charts, numbers
from desktop.reports.builders import area_description
from desktop.reports.model import (
    GROUP,
    PCT,
    TEXT,
    TOTAL,
    Report,
    ReportTable,
)
from desktop.reports.thai_words import cut

# what Excel turns into a date, a time or a number when it opens a CSV
SPREADSHEET_GUESS = re.compile(r"^\s*(\d+([/\-:]\d+)+|\d+\.\d+\.\d+|0\d+|\d{12,}|\d+[eE][+-]?\d+)\s*$")
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # what XLSX cannot hold (openpyxl's rule)


def safe_text(value: str, *, for_csv: bool = False) -> str:
    """A text cell as written to a spreadsheet file: never a live formula; in CSV never a guessed date or
    number ("1/1" stays "1/1" behind a leading quote); no control characters XLSX refuses."""
    value = _ILLEGAL.sub("", value)
    if for_csv and SPREADSHEET_GUESS.match(value):
        return "'" + value
    return escape_text(value)

PROVISIONAL = "ชุดตัวชี้วัดฉบับร่าง (ยังไม่ใช่ชุดตัวชี้วัดทางการ)"
CONFIDENTIAL = "ลับ — ข้อมูลส่วนบุคคล"
def number_cell(sheet, value, kind: str):
    """A write-only XLSX cell holding the figure as the paper prints it (rounded once; PCT as a fraction with a
    % format), with a number format of the same places; None stays an empty cell."""
    from openpyxl.cell import WriteOnlyCell

    figure = numbers.number(value, kind)
    if kind == PCT and figure is not None:  # 87.4 % → 0.874 (in decimal: no 0.8740000000000001)
        figure = float(numbers.shown(value, PCT) / 100)
    cell = WriteOnlyCell(sheet, value=figure)
    if figure is not None and kind in numbers.PLACES:
        cell.number_format = number_format(kind, numbers.places_of(value, kind))
    return cell


def number_format(kind: str, places: int) -> str:
    """The XLSX format that shows a figure with the places the paper shows."""
    decimals = "." + "0" * places if places else ""
    return f"0{decimals}%" if kind == PCT else f"#,##0{decimals}"


def heading_lines(report: Report) -> list[str]:
    """What every file starts with: title, area, survey year and indicator set, markings."""
    lines = [report.title, f"{area_description(report.area_path)} (รหัส {report.area_code})",
             f"ปีสำรวจ {report.survey_year} — {report.indicator_title}"]
    if report.provisional:
        lines.append(PROVISIONAL)
    if report.personal_data:
        lines.append(CONFIDENTIAL)
    return lines


def header_labels(table: ReportTable) -> list[str]:
    """One heading per column: "ผ่านเกณฑ์ ร้อยละ" where a spanning group sits above the label."""
    return [f"{c.group} {c.label}" if c.group else c.label for c in table.columns]


def _text(value) -> str:
    return safe_text(value, for_csv=True) if isinstance(value, str) else value


def _cell(value, kind: str):
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_text(value, for_csv=True)
    if isinstance(value, (list, tuple, dict)):  # not expected in a cell; keep the file well-formed
        return safe_text(str(value), for_csv=True)
    return numbers.shown(value, kind)


def write_csv(report: Report, path: Path | str) -> None:
    """UTF-8 with BOM (Excel opens Thai text correctly); a title line before each table."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        for line in heading_lines(report):
            out.writerow([_text(line)])
        for table in report.tables:
            out.writerow([])
            out.writerow([_text(table.title)])
            out.writerow([_text(label) for label in header_labels(table)])
            for row in table.rows:
                out.writerow([_cell(v, c.kind) for v, c in zip(row, table.columns)])
        out.writerow([])
        for note in report.notes:
            out.writerow([_text(note)])
        out.writerow([_text(report.source)])


def sheet_title(index: int, table: ReportTable, taken: set[str]) -> str:
    """"1 ประชากรจำแนกตามเพศและ": at most 31 characters, cut between words (else between clusters), never
    inside a cluster (no tone mark or vowel dropped off a letter)."""
    return unique_sheet_name(f"{index} {table.title}", taken, str(index))


def unique_sheet_name(text: str, taken: set[str], fallback: str = "sheet") -> str:
    bad = set('[]:*?/\\')
    clean = "".join(ch for ch in text if ch not in bad).strip()
    base = cut(clean, 31) or fallback
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = cut(clean, 31 - len(suffix)) + suffix, n + 1
    taken.add(title.lower())
    return title


def _widths(table: ReportTable) -> list[float]:
    """Character widths: the longest of the heading and the first few hundred values, within limits."""
    out = []
    for i, column in enumerate(table.columns):
        longest = max([len(column.label)] + [len(numbers.text(row[i], column.kind))
                                             for row in table.rows[:500] if i < len(row) and row[i] is not None])
        limit = 60 if column.kind == TEXT else 18
        out.append(min(limit, max(6.0, longest * (1.1 if column.kind == TEXT else 1.2) + 2)))
    return out


def write_xlsx(report: Report, path: Path | str) -> None:
    """One sheet per table: heading rows (title, area, year), column headings, the rows, then notes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from desktop.reports import xlsx_memory  # openpyxl only when a workbook is written (not at start-up)

    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    shade = {GROUP: PatternFill("solid", fgColor="E8EEF7"), TOTAL: PatternFill("solid", fgColor="F0F0F0")}
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    book = Workbook(write_only=True)
    taken: set[str] = set()

    def text_cell(sheet, value: str, font=None, fill=None, alignment=None):
        cell = WriteOnlyCell(sheet, value=safe_text(value))
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        return cell

    for index, table in enumerate(report.tables, start=1):
        sheet = xlsx_memory.create_sheet(book, sheet_title(index, table, taken))
        for i, width in enumerate(_widths(table), start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        heading = heading_lines(report)
        has_groups = any(c.group for c in table.columns)
        sheet.freeze_panes = f"A{len(heading) + 3 + has_groups}"  # before the first row: write-only sheets
        sheet.append([text_cell(sheet, heading[0], title_font)])
        for line in heading[1:]:
            sheet.append([text_cell(sheet, line)])
        sheet.append([text_cell(sheet, table.title, bold)])
        if has_groups:
            groups, previous = [], None
            for c in table.columns:
                groups.append(text_cell(sheet, c.group, bold, alignment=wrap) if c.group and c.group != previous else None)
                previous = c.group
            sheet.append(groups)
        sheet.append([text_cell(sheet, label, bold, alignment=wrap) for label in (c.label for c in table.columns)])
        kinds = [c.kind for c in table.columns]
        for r, row in enumerate(table.rows):
            kind = table.row_kinds[r] if r < len(table.row_kinds) else ""
            font, fill = (bold, shade[kind]) if kind in shade else (None, None)
            cells = []
            for value, col_kind in zip(row, kinds):
                if isinstance(value, str):
                    cells.append(text_cell(sheet, value, font, fill))
                    continue
                if isinstance(value, (list, tuple, dict)):
                    value = str(value)
                cell = number_cell(sheet, value, col_kind)  # as on paper: rounded once
                if font is not None:
                    cell.font, cell.fill = font, fill
                cells.append(cell)
            sheet.append(cells)
        sheet.append([])
        for note in report.notes + [report.source]:
            sheet.append([text_cell(sheet, note)])
    charts.add_xlsx_chart(book, report)  # the indicator report: its pass-rate chart on a sheet of its own
    if not report.tables:
        sheet = xlsx_memory.create_sheet(book, "report")
        for line in heading_lines(report) + report.notes:
            sheet.append([text_cell(sheet, line)])
    xlsx_memory.save(book, path)
