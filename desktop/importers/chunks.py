"""Rows in bounded chunks of pyarrow text columns (seen as pandas frames), for checks column by column.

A CSV file is read a block of about BLOCK bytes at a time (whole lines). A block without quotes,
blank lines or lone carriage returns is parsed by pyarrow's CSV reader (in C, one thread, every cell
kept as text: "007" stays "007"); any other block, and everything from the first quote on (a quoted
field may hold delimiters and line ends), is read by the csv module exactly as before, and its rows
are made into columns too when they are rectangular. XLSX rows (readers._Sheet) are gathered into
chunks the same way. Memory stays bounded by one chunk whatever the file's size.

A chunk knows the file row of each of its rows (a spreadsheet's numbering: the header is row 1
when it is the first line) and which rows may be taken column by column (`plain`): a row with
cells Excel converted (readers.FlaggedRow) or of another width is left to the checking path,
which gets its cells as a list (Chunk.cells, through the chunk's pandas frame), as the stream
reader gave them.
"""

from __future__ import annotations

import csv
import io
import itertools
import queue
import threading
from typing import IO, Callable, Generic, Iterable, Iterator, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

T = TypeVar("T")
BLOCK = 1 << 21  # bytes of CSV per chunk: ~4,000 household or ~14,000 member rows
ROWS = 8192  # rows per chunk where rows come one by one (XLSX, the csv module)
_TEXT = {pa.large_string(): pd.StringDtype("pyarrow", na_value=np.nan)}  # pandas' own text dtype, no copy
_FEW = 16  # fallback rows of a chunk fetched one by one; more are converted all at once


class Chunk:
    """`numbers`: file row of each row; `table`: the cells as pyarrow text columns 0..width-1 (None
    when the rows have no common shape), seen as a pandas frame by `frame`; `plain`: rows that may be
    taken column by column."""

    __slots__ = ("numbers", "table", "plain", "_frame", "_lists", "_asked")

    def __init__(self, numbers: np.ndarray, table: pa.Table | None, plain: np.ndarray | None = None,
                 lists: list | None = None):
        self.numbers = numbers
        self.table = table
        self.plain = plain
        self._frame: pd.DataFrame | None = None
        self._lists = lists
        self._asked = 0

    def __len__(self) -> int:
        return len(self.numbers)

    @property
    def width(self) -> int:
        return 0 if self.table is None else self.table.num_columns

    @property
    def frame(self) -> pd.DataFrame:
        """The cells as a pandas frame (pandas' pyarrow-backed text: the same arrays, no copy)."""
        if self._frame is None:
            assert self.table is not None
            self._frame = self.table.to_pandas(types_mapper=_TEXT.get)
            self._frame.columns = range(self.width)
        return self._frame

    def column(self, pos: int) -> pa.Array:
        """Column `pos` as one pyarrow string array."""
        assert self.table is not None
        column = self.table.column(pos)
        return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()

    def cells(self, i: int) -> list[str]:
        """Row i's cells as the checking path takes them (a few one by one, then all at once)."""
        if self._lists is None:
            self._asked += 1
            if self._asked <= _FEW:
                return self.frame.iloc[i].tolist()
            self._lists = _lists_of(self.frame)
        return self._lists[i]


def _lists_of(frame: pd.DataFrame) -> list[list[str]]:
    columns = [frame.iloc[:, j].tolist() for j in range(frame.shape[1])]
    return [list(row) for row in zip(*columns)]


def _table(columns: Iterable[Iterable[str]]) -> pa.Table:
    arrays = [pa.array(col, type=pa.large_string()) for col in columns]
    return pa.table(arrays, names=[str(j) for j in range(len(arrays))])


def from_rows(numbers: list[int], rows: list[list[str]]) -> Chunk:
    """A chunk of rows read one by one: the frame holds the rows of the most common width; rows of
    another width and rows with converted cells are not plain and keep their own lists."""
    n = len(rows)
    widths = [len(r) for r in rows]
    width = max(set(widths), key=widths.count) if rows else 0
    plain = np.fromiter((len(r) == width and r.__class__ is list for r in rows), dtype=bool, count=n)
    padded = rows if plain.all() else [r[:width] + [""] * (width - len(r)) for r in rows]
    table = _table(zip(*padded)) if width else None
    return Chunk(np.asarray(numbers, dtype=np.int64), table, plain, rows)


class ReadAhead(Generic[T]):
    """`with ReadAhead(chunks, prepare) as ahead: for chunk, prepared in ahead: ...`

    A thread reads the chunks (and `prepare`s each: the fast path's column checks) up to DEPTH ahead
    of their use. pyarrow parses and computes without the GIL and SQLite writes without it, so the
    next chunk is read while this one is written. An error in the thread is raised where the chunk
    would have come; leaving the block early stops the thread and closes the file."""

    DEPTH = 2

    def __init__(self, chunks: Iterator[Chunk], prepare: Callable[[Chunk], T]):
        self._chunks, self._prepare = chunks, prepare
        self._queue: queue.Queue = queue.Queue(self.DEPTH)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="import-read-ahead", daemon=True)

    def _run(self) -> None:
        try:
            for chunk in self._chunks:
                item = (chunk, self._prepare(chunk))
                while not self._stop.is_set():
                    try:
                        self._queue.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if self._stop.is_set():
                    return
            self._queue.put(_END)
        except BaseException as err:  # noqa: BLE001 - handed to the reading thread, which raises it
            self._queue.put(err)
        finally:
            close = getattr(self._chunks, "close", None)
            if close is not None:
                close()

    def __enter__(self) -> Iterator[tuple[Chunk, T]]:
        self._thread.start()
        return self._items()

    def _items(self) -> Iterator[tuple[Chunk, T]]:
        while True:
            item = self._queue.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def __exit__(self, *exc) -> None:
        self._stop.set()
        while self._thread.is_alive():
            try:
                self._queue.get(timeout=0.05)
            except queue.Empty:
                continue
        self._thread.join()


_END = object()


def release_memory() -> None:
    """Hand the memory of finished chunks back to the system: pyarrow's allocator keeps freed pages
    for reuse, and over a province's chunks that grows to ~100 MB."""
    pa.default_memory_pool().release_unused()
    pa.system_memory_pool().release_unused()  # malloc_trim: regex and numpy temporaries live in malloc's heap


def gather(rows: Iterable[tuple[int, list[str]]], size: int = ROWS) -> Iterator[Chunk]:
    """Rows (row number, cells) in chunks of `size`."""
    numbers: list[int] = []
    batch: list[list[str]] = []
    for row_no, cells in rows:
        numbers.append(row_no)
        batch.append(cells)
        if len(batch) >= size:
            yield from_rows(numbers, batch)
            numbers, batch = [], []
    if batch:
        yield from_rows(numbers, batch)


# --- CSV -----------------------------------------------------------------------------------------


class _Recoded:
    """A CSV file in another encoding (UTF-16, Windows-874), read as UTF-8 bytes."""

    def __init__(self, raw: IO[bytes], encoding: str):
        self.text = io.TextIOWrapper(raw, encoding=encoding, newline="")

    def read(self, n: int) -> bytes:
        return self.text.read(n // 2).encode("utf-8")

    def readline(self) -> bytes:
        return self.text.readline().encode("utf-8")

    def rest(self) -> IO[str]:
        return self.text


class _Utf8:
    def __init__(self, raw: IO[bytes], bom: bool):
        self.raw = raw
        if bom:
            raw.read(3)

    def read(self, n: int) -> bytes:
        return self.raw.read(n)

    def readline(self) -> bytes:
        return self.raw.readline()

    def rest(self) -> IO[str]:
        return io.TextIOWrapper(self.raw, encoding="utf-8", newline="")


class BlockError(Exception):
    """Reading stopped at `row` (1-based file row): `kind` is "encoding" or "csv" (with the csv error)."""

    def __init__(self, kind: str, row: int, detail: object = None):
        super().__init__(kind, row, detail)
        self.kind, self.row, self.detail = kind, row, detail


def csv_chunks(raw: IO[bytes], encoding: str, delimiter: str, header_row: int) -> Iterator[Chunk]:
    """The data rows after `header_row` of an open CSV file, in chunks (blank rows dropped)."""
    source = _source(raw, encoding)
    row_no = 0
    try:
        while row_no < header_row:
            line = source.readline()
            if b'"' in line or b"\r" in line[:-2]:  # a quoted header cell, old Mac line ends: the csv module reads
                raw.seek(0)
                yield from _csv_module_rows(_source(raw, encoding), b"", delimiter, 0, header_row)
                return
            if not line:
                return
            row_no += 1
        while True:
            block = source.read(BLOCK)
            if not block:
                return
            if not block.endswith(b"\n"):
                block += source.readline()
            if b'"' in block:
                yield from _csv_module_rows(source, block, delimiter, row_no, row_no)
                return
            chunk = _parsed(block, delimiter, row_no)
            if chunk is not None:
                row_no += _line_count(block)
            else:
                chunk, row_no = _split_lines(block, delimiter, row_no)
            if len(chunk):
                yield chunk
    except UnicodeDecodeError as err:
        raise BlockError("encoding", row_no + 1) from err


def _source(raw: IO[bytes], encoding: str) -> _Utf8 | _Recoded:
    if encoding in ("utf-8", "utf-8-sig"):
        return _Utf8(raw, encoding == "utf-8-sig")
    return _Recoded(raw, encoding)


def _line_count(block: bytes) -> int:
    return block.count(b"\n") + (0 if block.endswith(b"\n") else 1)


def _parsed(block: bytes, delimiter: str, row_no: int) -> Chunk | None:
    """The block parsed by pandas' pyarrow engine, or None when a line is not one plain record."""
    if b"\r" in block and block.count(b"\r") != block.count(b"\r\n"):
        return None  # a lone carriage return ends a record for the csv module, not for a line count
    if block.startswith((b"\n", b"\r\n")) or b"\n\n" in block or b"\n\r\n" in block:
        return None  # blank lines: pyarrow drops them, which would shift the row numbers
    width = block.count(delimiter.encode(), 0, block.index(b"\n") if b"\n" in block else len(block)) + 1
    try:
        table = pcsv.read_csv(
            io.BytesIO(block),
            read_options=pcsv.ReadOptions(column_names=[str(j) for j in range(width)], use_threads=False,
                                          block_size=len(block) + 1),
            parse_options=pcsv.ParseOptions(delimiter=delimiter, quote_char=False),
            convert_options=pcsv.ConvertOptions(column_types=dict.fromkeys(map(str, range(width)), pa.large_string()),
                                                strings_can_be_null=False))
    except pa.ArrowInvalid:
        return None  # rows of another width, bytes that are not UTF-8: read line by line
    n = _line_count(block)
    if table.num_rows != n:
        return None
    numbers = np.arange(row_no + 1, row_no + 1 + n, dtype=np.int64)
    keep = _not_blank(table)
    if not keep.all():
        table, numbers = table.filter(pa.array(keep)), numbers[keep]
    return Chunk(numbers, table, np.ones(len(numbers), dtype=bool))


def _not_blank(table: pa.Table) -> np.ndarray:
    """Rows with a cell that is not blank (the first cell usually decides)."""
    first = table.column(0)
    keep = np.array(pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(first)), 0), dtype=bool)
    rows = table.to_pylist() if not keep.all() else []
    for i in np.flatnonzero(~keep):
        keep[i] = any(c.strip() for c in rows[i].values())
    return keep


def _split_lines(block: bytes, delimiter: str, row_no: int) -> tuple[Chunk, int]:
    """A block without quotes, line by line as the csv module reads such lines (a lone carriage
    return ends a line too); the chunk and the last row number read."""
    numbers: list[int] = []
    rows: list[list[str]] = []
    for line in io.StringIO(_decoded(block, row_no), newline=""):
        row_no += 1
        cells = line.rstrip("\r\n").split(delimiter)
        if any(c.strip() for c in cells):
            numbers.append(row_no)
            rows.append(cells)
    return (from_rows(numbers, rows) if rows else Chunk(np.empty(0, dtype=np.int64), None)), row_no


def _decoded(block: bytes, row_no: int) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BlockError("encoding", row_no + block.count(b"\n", 0, err.start) + 1) from err


def _csv_module_rows(source, block: bytes, delimiter: str, skipped: int, header_row: int) -> Iterator[Chunk]:
    """From `block` (after `skipped` records) to the end of the file, as csv.reader reads it; rows
    up to header_row are not data."""
    row_no = skipped
    lines = io.StringIO(_decoded(block, row_no), newline="")
    records = csv.reader(itertools.chain(lines, source.rest()), delimiter=delimiter)
    numbers: list[int] = []
    rows: list[list[str]] = []
    try:
        for row_no, cells in enumerate(records, start=skipped + 1):
            if row_no > header_row and any(c.strip() for c in cells):
                numbers.append(row_no)
                rows.append(cells)
                if len(rows) >= ROWS:
                    yield from_rows(numbers, rows)
                    numbers, rows = [], []
    except csv.Error as err:
        if rows:
            yield from_rows(numbers, rows)
        raise BlockError("csv", row_no + 1, err) from err
    except UnicodeDecodeError as err:
        if rows:
            yield from_rows(numbers, rows)
        raise BlockError("encoding", row_no + 1) from err
    if rows:
        yield from_rows(numbers, rows)
