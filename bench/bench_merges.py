"""What reading the merged header cells costs on a big sheet (issue 15).

Writes a 200,000-row household sheet (title row, merged group cells over sub-headers, a header cell
merged over two rows; the mergeCells element after the rows, as Excel leaves it), then times: the
head rows with the merges, the merges pass alone, and reading every row. Prints seconds.

    .venv/bin/python -m bench.bench_merges [rows] [folder]
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

from openpyxl.utils import get_column_letter

from desktop.importers import readers

COLUMNS = 60

_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="ครัวเรือน" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def write(path: Path, rows: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in _PARTS.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            letters = [get_column_letter(c + 1) for c in range(COLUMNS)]
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><sheetData>')
            f.write(f'<row r="1">{_text("A1", "รายงานข้อมูล จปฐ.")}</row>'.encode())
            f.write(f'<row r="2">{_text("A2", "บ้านเลขที่")}{_text("B2", "รายได้ (บาท/ปี)")}</row>'.encode())
            f.write(('<row r="3">' + "".join(_text(f"{letters[c]}3", f"คอลัมน์ {c}") for c in range(1, COLUMNS))
                     + "</row>").encode())
            for r in range(4, rows + 4):
                f.write((f'<row r="{r}">' + "".join(f'<c r="{letters[c]}{r}"><v>{(r * 7 + c) % 100000}</v></c>'
                                                    for c in range(COLUMNS)) + "</row>").encode())
            f.write(f'</sheetData><mergeCells count="3"><mergeCell ref="A1:{letters[-1]}1"/><mergeCell ref="A2:A3"/>'
                    f'<mergeCell ref="B2:{letters[-1]}2"/></mergeCells></worksheet>'.encode())
    return path


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    rows = int(argv[0]) if argv else 200_000
    folder = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp())
    path = folder / f"merges-{rows}.xlsx"
    if not path.exists():
        write(path, rows)
    book = readers._Book(path)
    try:
        sheet = readers._Sheet(book, *book.sheets()[0])
        print(f"{rows:,} rows x {COLUMNS} columns: {path.stat().st_size / 1e6:.1f} MB zipped, "
              f"{sheet.size / 1e6:.1f} MB of sheet XML")
        head = sheet.head_rows()
        assert head[2][1][:2] == ["บ้านเลขที่", "คอลัมน์ 1"] and head[0][1].groups == () and head[1][1].groups
        print(f"merges pass alone: {min(_timed(sheet.merges) for _ in range(3)):.2f} s")
        print(f"head rows with merges: {min(_timed(sheet.head_rows) for _ in range(3)):.2f} s")
        print(f"every row: {_timed(lambda: sum(1 for _ in sheet.rows(3))):.2f} s")
    finally:
        book.close()


if __name__ == "__main__":
    main(sys.argv[1:])
