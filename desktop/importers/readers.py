"""Streaming row sources: CSV (UTF-8 with or without BOM, UTF-16, Windows-874) and XLSX sheets.

Rows come in bounded chunks (chunks.py: a CSV file's blocks parsed by pandas' pyarrow engine; XLSX
rows streamed with zipfile + ElementTree.iterparse and gathered), so memory does not grow with the
file (an XLSX file's shared-strings table, its list of distinct texts, is held).
Each source knows its header (columns.HeaderMap), the file row of every data row (the header is
row 1 when it is the first line, as a spreadsheet numbers rows), and how far reading has got,
for progress. Cells arrive as text as read (XLSX numbers and dates converted to text); the row
checker strips them and removes an export's anti-formula quote when it uses them.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterator, Sequence
from xml.etree import ElementTree

import python_calamine

from desktop.importers import xlsx_fast
from desktop.importers.cellchecks import DATE_CELL, ERROR_CELL, FORMULA_CELL
from desktop.importers.columns import HeaderMap, map_header, unescape_text
from desktop.importers.mapping import HEAD_ROWS, HeadCells, Profile, best_guess, locate_header
from desktop.messages import msg

if TYPE_CHECKING:  # chunks.py loads pandas and pyarrow: imported where chunks are read
    from desktop.importers.chunks import Chunk

Report = Callable[[str, "int | None", str, str, str], None]  # file, row, column, value, message
_CHUNK = 1 << 20


class ReadError(Exception):
    """A file stops being readable part-way (e.g. a NUL byte); `row` is where, if known."""

    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.message = message
        self.row = row


@dataclass
class Source:
    """One table: a CSV file or one sheet of a workbook."""

    label: str
    header: HeaderMap
    header_row: int
    weight: float  # share of the import's progress total (bytes, or a sheet's share of its file)
    reader: "_CsvFile | _Sheet" = field(repr=False)
    profile: str | None = None  # the mapping profile that read its header, if any

    @property
    def kind(self) -> str | None:
        return self.header.kind

    def chunks(self) -> Iterator[Chunk]:
        """The data rows in chunks (chunks.py)."""
        return self.reader.chunks(self.header_row)

    def fraction(self) -> float:
        return self.reader.fraction()


def _clean(value: str) -> str:
    return unescape_text(value.strip())


# --- CSV -------------------------------------------------------------------------------------------


def detect_encoding(path: Path) -> str | None:
    """utf-8-sig / utf-16 by BOM, else utf-8 if the whole file decodes, else cp874 (not tis_620), else None."""
    with open(path, "rb") as f:
        head = f.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        f.seek(0)
        guess = _utf16_without_bom(f.read(_CHUNK))
        for encoding in ((guess,) if guess else ()) + ("utf-8", "cp874"):
            f.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while chunk := f.read(_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
                return encoding
            except UnicodeDecodeError:
                continue
    return None


def _utf16_without_bom(start: bytes) -> str | None:
    """utf-16-le / -be for text saved as "Unicode text" without a BOM: the digits, commas and line
    ends of a CSV each have a zero byte, on the odd (little-endian) or even (big-endian) side; Thai
    letters have 0x0E there, so a Thai file still shows plenty of zeros."""
    n = len(start) // 2 * 2
    if n < 4:
        return None
    odd, even = start[1:n:2].count(0), start[0:n:2].count(0)
    if odd > n // 8 and even == 0:
        return "utf-16-le"
    if even > n // 8 and odd == 0:
        return "utf-16-be"
    return None


class _CsvFile:
    def __init__(self, path: Path, encoding: str):
        self.path = path
        self.encoding = encoding
        self.size = max(path.stat().st_size, 1)
        self.pos = 0
        self.raw: IO[bytes] | None = None  # the open file while rows() reads it
        self.delimiter = ","

    def _records(self, raw) -> Iterator[list[str]]:
        text = io.TextIOWrapper(raw, encoding=self.encoding, newline="")
        return csv.reader(text, delimiter=self.delimiter)

    def head_rows(self) -> list[tuple[int, list[str]]]:
        """The first non-empty rows (where the header is looked for), cells cleaned."""
        with open(self.path, "rb") as raw:
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="")
            for line in text:
                if line.strip():
                    counts = {d: line.count(d) for d in (",", ";", "\t")}
                    self.delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
                    break
        head = []
        with open(self.path, "rb") as raw:
            try:
                for row_no, cells in enumerate(self._records(raw), start=1):
                    cells = [_clean(c) for c in cells]
                    if any(cells):
                        head.append((row_no, cells))
                        if len(head) >= HEAD_ROWS:
                            break
            except csv.Error as err:
                raise ReadError(msg("imp_read_error", error=err)) from err
        return head

    def rows(self, header_row: int) -> Iterator[tuple[int, list[str]]]:
        """The data rows one by one, read by the csv module (the start of a file a reader process
        reads the rest of: prefetch.py)."""
        with open(self.path, "rb") as raw:
            self.raw = raw
            row_no = 0
            try:
                for row_no, cells in enumerate(self._records(raw), start=1):
                    if row_no > header_row and any(c.strip() for c in cells):
                        yield row_no, cells
            except csv.Error as err:
                raise ReadError(msg("imp_read_error", error=err), row_no + 1) from err
            except UnicodeDecodeError as err:
                raise ReadError(msg("imp_encoding"), row_no + 1) from err
            finally:
                self.raw = None

    def chunks(self, header_row: int) -> Iterator[Chunk]:
        from desktop.importers import chunks as chunking

        with open(self.path, "rb") as raw:
            self.raw = raw  # fraction() asks it where it is
            try:
                yield from chunking.csv_chunks(raw, self.encoding, self.delimiter, header_row)
            except chunking.BlockError as err:
                message = msg("imp_encoding") if err.kind == "encoding" else msg("imp_read_error", error=err.detail)
                raise ReadError(message, err.row) from err
            finally:
                self.raw = None
        self.pos = self.size

    def fraction(self) -> float:
        raw = self.raw
        if raw is not None and not raw.closed:
            self.pos = raw.tell()
        return min(self.pos / self.size, 1.0)


class FlaggedRow(list):
    """A sheet row with cells Excel converted: `flags` = {position: DATE_CELL (a date-typed cell, given
    as an ISO date), ERROR_CELL (#N/A, #DIV/0!, ...) or FORMULA_CELL (a formula with no cached value,
    given as '')}. Rows without such cells are plain lists: the fast path (vectorrows.py) takes only those."""

    flags: dict[int, str]


# --- XLSX ------------------------------------------------------------------------------------------
# A lean streaming reader (zipfile + ElementTree.iterparse): openpyxl's read-only mode builds a rich
# text object per inline string and scans a sheet without a stored dimension twice, about 10x slower.

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DIGITS = "0123456789"
# built-in number formats that show dates (incl. the Thai ว/ด/ปปปป ones, 71-81)
_DATE_FORMAT_IDS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59), *range(71, 82)])
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.|general|e[+-]', re.IGNORECASE)
_DATE_LETTERS = re.compile(r"[dmyb\u0e27\u0e14\u0e1b]")  # d m y b(uddhist) ว ด ป


def is_date_format(code: str) -> bool:
    return bool(_DATE_LETTERS.search(_FORMAT_NOISE.sub("", code.split(";")[0]).lower()))


def _column_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n - 1


def _number(text: str) -> str:
    """Cell numbers as an officer typed them: 52010000001, 12000, 1.5 (float noise rounded away)."""
    if "." not in text and "E" not in text and "e" not in text:
        return text
    return xlsx_fast.number_text(float(text))


class _Book:
    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path)
        self.names = set(self.zip.namelist())
        root_tag = ElementTree.fromstring(self.zip.read("xl/workbook.xml")).tag
        self.ns = root_tag[: root_tag.index("}") + 1] if root_tag.startswith("{") else _MAIN  # transitional or strict
        self.v, self.inline, self.t = self.ns + "v", self.ns + "is", self.ns + "t"
        self.strings = self._shared_strings()
        date_styles, self.epoch = self._styles()
        self.date_style_names = frozenset(str(i) for i in date_styles)  # the s="…" attribute values

    def close(self) -> None:
        self.zip.close()

    def _xml(self, name: str):
        return ElementTree.fromstring(self.zip.read(name)) if name in self.names else None

    def _shared_strings(self) -> list[str]:
        out: list[str] = []
        if "xl/sharedStrings.xml" not in self.names:
            return out
        si, t = self.ns + "si", self.t
        with self.zip.open("xl/sharedStrings.xml") as f:
            for _, el in ElementTree.iterparse(f):
                if el.tag == si:
                    out.append("".join(x.text or "" for x in el.iter(t)))
                    el.clear()
        return out

    def _styles(self) -> tuple[frozenset[int], dt.date]:
        root = self._xml("xl/styles.xml")
        book = self._xml("xl/workbook.xml")
        props = book.find(self.ns + "workbookPr") if book is not None else None
        is_1904 = props is not None and props.get("date1904") in ("1", "true")
        epoch = dt.date(1904, 1, 1) if is_1904 else dt.date(1899, 12, 30)
        if root is None:
            return frozenset(), epoch
        custom = {int(f.get("numFmtId")): f.get("formatCode", "") for f in root.iter(self.ns + "numFmt")}
        xfs = root.find(self.ns + "cellXfs")
        dates = set()
        for i, xf in enumerate(xfs if xfs is not None else []):
            fmt = int(xf.get("numFmtId", "0"))
            if fmt in _DATE_FORMAT_IDS or (fmt in custom and is_date_format(custom[fmt])):
                dates.add(i)
        return frozenset(dates), epoch

    def sheets(self) -> list[tuple[str, str]]:
        """(title, part name) of the worksheets, in workbook order."""
        book = self._xml("xl/workbook.xml")
        rels = self._xml("xl/_rels/workbook.xml.rels")
        targets = {}
        for rel in rels.iter(_PKG_REL + "Relationship") if rels is not None else []:
            if rel.get("Type", "").endswith("/worksheet"):
                target = rel.get("Target", "")
                targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out = []
        for sheet in book.iter(self.ns + "sheet"):
            part = targets.get(next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None))
            if part:
                out.append((sheet.get("name", ""), part))
        return out

    def number(self, text: str, style: str | None) -> str:
        try:
            if style in self.date_style_names:
                return (self.epoch + dt.timedelta(days=int(float(text)))).isoformat()
            return _number(text)
        except (ValueError, OverflowError):
            return text  # reported by the column's own check

    def cell(self, el, kind: str | None) -> str:
        """A cell's text, for any cell type (shared or inline string, boolean, ISO date, number)."""
        if kind == "inlineStr":
            found = el.find(self.inline)
            return "".join(t.text or "" for t in found.iter(self.t)) if found is not None else ""
        v = el.find(self.v)
        text = v.text if v is not None and v.text is not None else ""
        if not text:
            return ""
        if kind == "s":
            index = int(text) if text.isdigit() else -1
            return self.strings[index] if 0 <= index < len(self.strings) else ""
        if kind in ("str", "e"):
            return text
        if kind == "b":
            return "1" if text == "1" else "0"
        if kind == "d":
            return text[:10]
        return self.number(text, el.get("s"))


_MERGE_TAG = b"mergeCell"
_MERGE_REF = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)[\"']")


def _merge_start(data: bytes) -> int:
    """Where the `<mergeCells>` tag (any namespace prefix) starts in the bytes, or -1."""
    at = data.find(_MERGE_TAG + b"s")
    while at > 0 and data[at - 1:at] not in (b"<", b":"):
        at = data.find(_MERGE_TAG + b"s", at + 1)
    return at if at > 0 else -1


def _cell_ref(ref: str) -> tuple[int, int]:
    """"C12" -> (12, 2); (0, 0) when the text is not a cell reference."""
    letters = ref.upper().rstrip(_DIGITS)
    digits = ref[len(letters):]
    return (int(digits), _column_index(letters)) if letters and digits.isdigit() else (0, 0)


def _fill_merges(rows: dict[int, list[str]], merges: list[tuple[int, int, int, int]],
                 last: int) -> dict[int, HeadCells]:
    """The rows (up to `last`) with each merged cell's text in every cell it covers, as HeadCells:
    a merge across columns is a group of its top row (unless it is the row's only text, a title)
    and every merge marks the columns it fills below its top row."""
    out = {row_no: HeadCells(cells) for row_no, cells in rows.items()}
    groups: dict[int, list[tuple[int, int]]] = {}
    down: dict[int, set[int]] = {}
    for top, left, bottom, right in merges:
        text = rows.get(top, [])[left] if left < len(rows.get(top, [])) else ""
        for row_no in range(top, min(bottom, last) + 1):
            cells = out.setdefault(row_no, HeadCells())
            if len(cells) <= right:
                cells.extend([""] * (right + 1 - len(cells)))
            for col in range(left, right + 1):
                if not cells[col]:
                    cells[col] = text
            if right > left and text:
                groups.setdefault(row_no, []).append((left, right))
            if row_no > top:
                down.setdefault(row_no, set()).update(range(left, right + 1))
    for row_no, cells in out.items():
        spans = groups.get(row_no, [])
        filled = [pos for pos, text in enumerate(cells) if text]
        if len(spans) == 1 and spans[0][0] == 0 and filled and filled[-1] <= spans[0][1]:
            spans = []  # a title merged over the table
        cells.groups = tuple(sorted(spans))
        cells.down = frozenset(down.get(row_no, ()))
    return out


class _Sheet:
    def __init__(self, book: _Book, title: str, part: str):
        self.book = book
        self.title = title
        self.part = part
        self.size = max(book.zip.getinfo(part).file_size, 1)
        self.stream: IO[bytes] | None = None
        self.row_no = 0
        self.rows_in_all = 0  # when read through calamine (fraction())

    def _iter(self) -> Iterator[tuple[int, list[str]]]:
        """Every row, empty ones included as []: (row number, cells).

        Only "end" events (half the Python work of start+end); a finished row is cleared, which
        leaves an empty element of ~64 bytes per row behind (at most the sheet limit of 1,048,576 rows).
        """
        try:
            yield from self._parse()
        except (ElementTree.ParseError, zipfile.BadZipFile, EOFError, zlib.error, KeyError) as err:
            raise ReadError(msg("imp_read_error", error=f"{type(err).__name__}: {err}"), self.row_no + 1) from err
        finally:
            self.stream = None

    def _parse(self) -> Iterator[tuple[int, list[str]]]:
        book = self.book
        row_no = 0
        c_tag, row_tag, v_tag, f_tag = book.ns + "c", book.ns + "row", book.v, book.ns + "f"
        dates = book.date_style_names
        columns: dict[str, int] = {}
        with book.zip.open(self.part) as f:
            self.stream = f
            cells: list[str] = []
            flags: dict[int, str] = {}  # what Excel did to a cell: see FlaggedRow
            for _, el in ElementTree.iterparse(f):
                tag = el.tag
                if tag == c_tag:
                    kind = el.get("t")
                    flag = None
                    if kind is None or kind == "n":
                        v = el.find(v_tag)
                        value = v.text if v is not None else None
                        if value and (el.get("s") in dates or "." in value or "E" in value or "e" in value):
                            if el.get("s") in dates:
                                flag = DATE_CELL
                            value = book.number(value, el.get("s"))
                    else:
                        value = book.cell(el, kind)
                        if kind == "d":
                            flag = DATE_CELL
                        elif kind == "e":
                            flag = ERROR_CELL
                    if not value and el.find(f_tag) is not None:
                        flag = FORMULA_CELL  # a formula the program that wrote the file never calculated
                    ref = el.get("r")
                    if not ref:
                        if flag:
                            flags[len(cells)] = flag
                        cells.append(value or "")  # cells without a reference come in column order
                    elif value or flag:
                        letters = ref.rstrip(_DIGITS)
                        pos = columns.get(letters)
                        if pos is None:
                            pos = columns[letters] = _column_index(letters)
                        if flag:
                            flags[pos] = flag
                        if pos > len(cells):
                            cells.extend([""] * (pos - len(cells)))
                        if pos == len(cells):
                            cells.append(value or "")
                        else:
                            cells[pos] = value or ""
                elif tag == row_tag:
                    r = el.get("r")
                    row_no = self.row_no = int(r) if r else row_no + 1
                    if flags:
                        cells = FlaggedRow(cells)
                        cells.flags = flags
                        flags = {}
                    yield row_no, cells
                    cells = []
                    el.clear()

    def head_rows(self) -> list[tuple[int, list[str]]]:
        """The first non-empty rows, merged cells filled in (HeadCells: see mapping.HeadCells)."""
        read: dict[int, list[str]] = {}
        filled = 0
        for row_no, cells in self._iter():
            read[row_no] = [_clean(c) for c in cells]
            filled += any(read[row_no])
            if filled >= HEAD_ROWS or row_no > 2 * HEAD_ROWS:
                break
        if not read:
            return []
        last = max(read)
        head = _fill_merges(read, [m for m in self.merges() if m[0] <= last], last)
        return [(row_no, cells) for row_no, cells in sorted(head.items()) if any(cells)]

    def merges(self) -> list[tuple[int, int, int, int]]:
        """The sheet's merged ranges: (first row, first column, last row, last column), rows as in
        the sheet, columns from 0. `<mergeCells>` follows `<sheetData>`, so this is a second pass over
        the part that only looks for it (bytes.find over the inflated stream, no XML parsing of the
        rows; a `<` inside cell text is escaped, so the tag cannot occur in the rows)."""
        found = bytearray()
        keep = len(_MERGE_TAG) + 16  # a tag cut between two chunks
        try:
            with self.book.zip.open(self.part) as f:
                tail = b""
                while chunk := f.read(_CHUNK):
                    if found:
                        found += chunk
                        continue
                    data = tail + chunk
                    at = _merge_start(data)
                    if at >= 0:
                        found += data[max(at - 16, 0):]
                    tail = data[-keep:]
        except (zipfile.BadZipFile, EOFError, zlib.error, KeyError) as err:
            raise ReadError(msg("imp_read_error", error=f"{type(err).__name__}: {err}")) from err
        out = []
        for ref in _MERGE_REF.findall(bytes(found)):
            first, _, last = ref.decode("ascii", "replace").partition(":")
            top, left = _cell_ref(first)
            bottom, right = _cell_ref(last or first)
            if top and bottom:
                out.append((min(top, bottom), min(left, right), max(top, bottom), max(left, right)))
        return out

    def rows(self, header_row: int) -> Iterator[tuple[int, list[str]]]:
        """The data rows: through calamine when the sheet fits (xlsx_fast.py), else streamed."""
        source = self._calamine() if xlsx_fast.fits(self.book.zip, self.part) else self._iter()
        for row_no, cells in source:
            if row_no > header_row and any(cells) and "".join(cells).strip():
                yield row_no, cells

    def _calamine(self) -> Iterator[tuple[int, list[str]]]:
        try:
            read = xlsx_fast.rows(self.book.path, self.title, self.book.zip, self.part, self.book.epoch,
                                  self._set_total)
            first = next(read, None)  # the scan runs here: a sheet calamine cannot place is streamed
        except xlsx_fast.Unsupported:
            yield from self._iter()
            return
        except (python_calamine.CalamineError, zipfile.BadZipFile, EOFError, zlib.error, KeyError) as err:
            raise ReadError(msg("imp_read_error", error=f"{type(err).__name__}: {err}")) from err
        self.stream = None
        for row_no, cells, flags in itertools.chain([first] if first else [], read):
            self.row_no = row_no
            if flags:
                cells = FlaggedRow(cells)
                cells.flags = flags
            yield row_no, cells

    def chunks(self, header_row: int) -> Iterator[Chunk]:
        from desktop.importers import chunks as chunking

        return chunking.gather(self.rows(header_row))

    def _set_total(self, rows: int) -> None:
        self.rows_in_all = rows

    def fraction(self) -> float:
        stream = self.stream
        if stream is not None:
            return min(stream.tell() / self.size, 1.0)
        return min(self.row_no / self.rows_in_all, 1.0) if self.rows_in_all else 1.0


# --- opening ---------------------------------------------------------------------------------------

XLSX_MAGIC, OLE_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


def head_rows(path: Path, sheet: int = 0) -> list[tuple[int, list[str]]]:
    """The first non-empty rows of a CSV file or of a workbook's sheet (the mapping step shows them).
    Raises ReadError (or OSError) when the file cannot be read."""
    path = Path(path)
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic == XLSX_MAGIC:
        book = _Book(path)
        try:
            sheets = [_Sheet(book, title, part) for title, part in book.sheets()]
            heads = [h for h in (s.head_rows() for s in sheets) if h]
            return heads[min(sheet, len(heads) - 1)] if heads else []
        finally:
            book.close()
    encoding = detect_encoding(path)
    if encoding is None:
        raise ReadError(msg("imp_encoding"))
    return _CsvFile(path, encoding).head_rows()


def sheet_heads(path: Path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    """(table label, first rows) of each non-empty table of a file: one for a CSV, one a sheet."""
    path = Path(path)
    with open(path, "rb") as f:
        magic = f.read(4)
    if magic != XLSX_MAGIC:
        return [(path.name, head_rows(path))]
    book = _Book(path)
    try:
        out = []
        for title, part in book.sheets():
            head = _Sheet(book, title, part).head_rows()
            if head:
                out.append((f"{path.name} [{title}]", head))
        return out
    finally:
        book.close()


@contextlib.contextmanager
def open_sources(paths: list[Path], report: Report, given: Sequence[Profile] = (),
                 saved: Sequence[Profile] = ()) -> Iterator[list[Source]]:
    """Every readable table of the files, in the order given; unreadable files are reported.
    given / saved: mapping profiles for headers that are not ours (mapping.locate_header)."""
    sources: list[Source] = []
    books: list[_Book] = []
    opener = _Opener(report, sources, books, list(given), list(saved))
    try:
        for path in paths:
            opener.open(Path(path))
        yield sources
    finally:
        for book in books:
            book.close()


@dataclass
class _Opener:
    report: Report
    sources: list[Source]
    books: list
    given: list[Profile]
    saved: list[Profile]

    def open(self, path: Path) -> None:
        name, report = path.name, self.report
        try:
            with open(path, "rb") as f:
                magic = f.read(4)
        except FileNotFoundError:
            report(str(path), None, "", "", msg("imp_no_file", path=path))
            return
        except OSError as err:
            report(name, None, "", "", msg("imp_read_error", error=err))
            return
        if magic == OLE_MAGIC:
            report(name, None, "", "", msg("imp_unsupported"))
            return
        try:
            if magic == XLSX_MAGIC:
                self._workbook(path)
            else:
                self._csv(path)
        except ReadError as err:
            report(name, err.row, "", "", err.message)
        except Exception as err:  # noqa: BLE001 - a damaged workbook raises many kinds of error
            report(name, None, "", "", msg("imp_read_error", error=f"{type(err).__name__}: {err}"))

    def _csv(self, path: Path) -> None:
        encoding = detect_encoding(path)
        if encoding is None:
            self.report(path.name, None, "", "", msg("imp_encoding"))
            return
        reader = _CsvFile(path, encoding)
        head = reader.head_rows()
        if not head:
            self.report(path.name, None, "", "", msg("imp_empty"))
        elif not self._add(path.name, head, reader.size, reader):
            self.report(path.name, head[0][0], "", "", msg("imp_unknown_layout", n=len(head)))

    def _workbook(self, path: Path) -> None:
        book = _Book(path)
        self.books.append(book)
        sheets = [_Sheet(book, title, part) for title, part in book.sheets()]
        size = max(path.stat().st_size, 1)
        total = sum(s.size for s in sheets) or 1
        found = False
        for sheet in sheets:
            head = sheet.head_rows()
            if not head:
                continue  # empty sheets (Excel's default "Sheet2", …) are skipped
            label = f"{path.name} [{sheet.title}]"
            if self._add(label, head, size * sheet.size / total, sheet):
                found = True
            elif best_guess(head) is not None:  # a household or member table in another layout
                self.report(label, head[0][0], "", "", msg("imp_unknown_layout", n=len(head)))
                found = True
            # other sheets (notes, pivots) are skipped
        if not found:
            self.report(path.name, None, "", "", msg("imp_unknown_layout", n=HEAD_ROWS))

    def _add(self, label, head, weight, reader) -> bool:
        """The table's source if its header is found (problems in the header are reported)."""
        header = locate_header(head, self.given, self.saved)
        if header is None:
            return False
        profile = header.profile
        columns = map_header(header.cells, profile.kind if profile else None)
        if columns.kind is None:
            return False
        if profile is not None:
            columns.labels = [text.replace("\ufeff", "") for text in header.labels]  # the file's own names
        report = self.report
        for pos in columns.duplicates:
            report(label, header.row, columns.labels[pos], columns.labels[pos],
                   msg("imp_dup_column", column=columns.labels[pos]))
        for column in columns.missing():
            report(label, header.row, column.label(), "", msg("imp_missing_column", column=column.label()))
        self.sources.append(Source(label, columns, header.row, float(weight), reader,
                                   profile.name if profile else None))
        return True
