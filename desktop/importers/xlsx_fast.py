"""XLSX rows through calamine (Rust): the cell values with their types, about five times faster
than streaming the sheet's XML in Python, the sheet held in memory while it is read (~1.8 KB a
60-column row: sheets over MAX_PART of XML are streamed by readers._Sheet instead).

Calamine reads an error cell (#N/A, #DIV/0!) and a formula with no cached value as '' — exactly
the cells the import must not take as blank — so a byte scan of the sheet part (bytes.find, no
XML parsing of the rows) finds those cells, and they are marked as the streaming reader marks them
(readers.FlaggedRow). Cells come as the streaming reader gives them: numbers as typed (12000,
1.5), booleans 1/0, dates as ISO dates marked as dates; the tests compare both readers.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from typing import Callable, Iterator

import python_calamine

from desktop.importers.cellchecks import DATE_CELL, ERROR_CELL, FORMULA_CELL

MAX_PART = 256 << 20  # bytes of sheet XML (~140,000 rows of 60 columns) read through calamine at most
_CHUNK = 1 << 22
_ROOT = re.compile(rb"<(?:([\w.-]+):)?worksheet\b")
_REF = re.compile(rb"""\br\s*=\s*["']([A-Z]+)([0-9]+)["']""")
_ERROR = (b't="e"', b"t='e'")

Marks = dict[int, dict[int, tuple[str, str]]]  # row -> column -> (flag, cell text)


class Unsupported(Exception):
    """The sheet has cells this reader cannot place (no cell references): stream it instead."""


def number_text(value: float) -> str:
    """A number cell as an officer typed it: 52010000001, 12000, 1.5 (float noise rounded away)."""
    near = round(value)
    return str(near) if abs(value - near) < 1e-6 else repr(value)


def _text(value, epoch: dt.date) -> tuple[str, str | None]:
    """(cell text, DATE_CELL or None) for a value calamine gives that is not a str."""
    if value.__class__ is float:
        return number_text(value), None
    if value.__class__ is bool:
        return ("1" if value else "0"), None
    if value.__class__ is int:
        return str(value), None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), DATE_CELL
    if isinstance(value, dt.date):
        return value.isoformat(), DATE_CELL
    if isinstance(value, dt.timedelta):  # a duration format: the day it counts to, as a date cell
        return (epoch + dt.timedelta(days=value.days)).isoformat(), DATE_CELL
    if isinstance(value, dt.time):
        return epoch.isoformat(), DATE_CELL
    return str(value), None


def rows(path, title: str, book: zipfile.ZipFile, part: str, epoch: dt.date,
         on_total: Callable[[int], None]) -> Iterator[tuple[int, list[str], dict[int, str]]]:
    """Every row of the sheet: (row number, cells with trailing blanks dropped, {column: flag});
    on_total(rows) is told how many rows there are before the first comes."""
    marks = scan(book, part)
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        sheet = workbook.get_sheet_by_name(title)
        if sheet.start is None:
            return
        lead = [""] * sheet.start[1]  # rows come from row 1, columns from the first one used
        on_total((sheet.end or sheet.start)[0] + 1)
        for row_no, values in enumerate(sheet.iter_rows(), start=1):
            cells: list = lead + values
            flags: dict[int, str] = {}
            for pos, v in enumerate(cells):
                if v.__class__ is not str:
                    cells[pos], flag = _text(v, epoch)
                    if flag:
                        flags[pos] = flag
            for pos, (flag, text) in marks.get(row_no, {}).items():
                if pos >= len(cells):
                    cells.extend([""] * (pos + 1 - len(cells)))
                cells[pos] = text
                flags[pos] = flag
            while cells and cells[-1] == "" and len(cells) - 1 not in flags:
                cells.pop()
            yield row_no, cells, flags
    finally:
        workbook.close()


def scan(book: zipfile.ZipFile, part: str) -> Marks:
    """Error cells and formulas without a cached value of the sheet part: {row: {column: (flag, text)}}."""
    marks: Marks = {}
    with book.open(part) as f:
        data = f.read(_CHUNK)
        found = _ROOT.search(data)
        prefix = (found.group(1) + b":") if found and found.group(1) else b""
        while True:
            more = f.read(_CHUNK)
            data += more
            cut = data.rfind(b"<" + prefix + b"c") if more else len(data)
            if cut > 0:  # whole cells before the last cell's start
                _marks_in(data[:cut], prefix, marks)
                data = data[cut:]
            if not more:
                return marks


def _marks_in(data: bytes, prefix: bytes, marks: Marks) -> None:
    cell, end = b"<" + prefix + b"c", b"</" + prefix + b"c>"
    formula, value = b"<" + prefix + b"f", b"<" + prefix + b"v"
    candidates: set[int] = set()
    for needle in (*_ERROR, formula):
        at = data.find(needle)
        while at >= 0:
            after = data[at + len(needle):at + len(needle) + 1]
            if needle in _ERROR or after in (b">", b" ", b"/", b"\t", b"\n", b"\r"):
                begin = data.rfind(cell, 0, at)
                if begin >= 0:
                    candidates.add(begin)
            at = data.find(needle, at + 1)
    for begin in candidates:
        if data[begin + len(cell):begin + len(cell) + 1] not in (b" ", b"\t", b"\n", b"\r", b">"):
            continue  # another element whose name starts with c (<col>, <cfRule>)
        close = data.find(b">", begin)
        tag = data[begin:close + 1]
        body = b"" if tag.endswith(b"/>") else data[close + 1:data.find(end, close)]
        text = _value(body, value)
        is_error = any(e in tag for e in _ERROR)
        if not is_error and (text or formula not in body):
            continue
        ref = _REF.search(tag)
        if ref is None:
            raise Unsupported(f"cell without a reference: {tag[:60]!r}")
        column = 0
        for ch in ref.group(1).decode():
            column = column * 26 + ord(ch) - 64
        marks.setdefault(int(ref.group(2)), {})[column - 1] = (ERROR_CELL, text) if is_error else (FORMULA_CELL, "")


def _value(body: bytes, value: bytes) -> str:
    """The text of the cell's <v> element ('' when there is none or it is empty)."""
    at = body.find(value)
    if at < 0:
        return ""
    start = body.find(b">", at)
    if body[start - 1:start] == b"/":
        return ""
    return body[start + 1:body.find(b"<", start)].decode("utf-8", "replace")


def fits(book: zipfile.ZipFile, part: str) -> bool:
    """Whether the sheet is small enough to be read through calamine."""
    return book.getinfo(part).file_size <= MAX_PART
