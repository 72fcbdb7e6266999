"""Export the households of an area in the import format (docs/import-format.md), CSV or XLSX.

What is written reads back, through national.import_files, as the same households and members.
Nothing personal goes to the system temp folder (openpyxl writes every worksheet there as plain XML,
so XLSX is written with XlsxWriter). An area up to IN_MEMORY_HOUSEHOLDS is built in memory and written
as a hidden part-file in the chosen folder at the end; a larger one streams into that part-file (XLSX
row data through a hidden scratch folder beside it), so memory stays flat. Files are renamed into
place only after the export is in the audit log (personal data). Ctrl-C or SIGTERM removes the
part-files; a `kill -9` can leave a hidden part-file, never outside the folder the officer chose.
Text cells that a spreadsheet would run as a formula (= + - @ …) get a leading single quote.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import text

from desktop.importers import columns as C
from desktop.messages import msg
from desktop.models import audit, dates, surveys
from desktop.models.errors import UserError

FORMATS = ("csv", "xlsx")
IN_MEMORY_HOUSEHOLDS = 50_000  # ~1 GB peak for XLSX at this size (measured 423 MB for 20,000 households)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XLSX cannot hold
HOUSEHOLD_SHEET, MEMBER_SHEET = "households", "members"
_MEMBER_FIELDS = ("seq", "pid", "title", "first_name", "last_name", "sex", "birth_date", "relation", "education",
                  "occupation", "health", "self_reliant", "in_school")


def household_header(layout: list[str]) -> list[str]:
    return [c.name for c in C.HOUSEHOLD_COLUMNS] + [f"{C.ANSWER_PREFIX}{code}" for code in layout]


def member_header() -> list[str]:
    return [c.name for c in C.MEMBER_COLUMNS]


def member_path(out_path: Path) -> Path:
    """The member file beside a CSV household file: out.csv -> out-members.csv."""
    return out_path.with_name(f"{out_path.stem}-members{out_path.suffix or '.csv'}")


def _range(code: str) -> tuple[int, int]:
    pad = 8 - len(code)
    return int(code + "0" * pad), int(code + "9" * pad)


def _be(iso: str) -> str:
    """Stored ISO date -> dd/mm/yyyy พ.ศ. (anything else is written as stored)."""
    try:
        return dates.be_date(iso) if iso else ""
    except ValueError:
        return C.escape_text(iso)


@dataclass(frozen=True)
class ExportResult:
    paths: list[Path]
    survey_year: int
    households: int
    members: int


def export_area(store, area_code: str, year: int | None, fmt: str, out_path: Path | str) -> list[Path]:
    """Write the area's households (and members) of a survey year; returns the files written."""
    return write_area(store, area_code, year, fmt, out_path).paths


def write_area(store, area_code: str, year: int | None, fmt: str, out_path: Path | str) -> ExportResult:
    """export_area with the figures: survey year used (default: the latest), households, members."""
    code = str(area_code).strip()
    if not (code.isdigit() and len(code) in (2, 4, 6, 8)):
        raise UserError(msg("exp_bad_area", area=code))
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise UserError(msg("exp_bad_format", fmt=fmt))
    out_path = Path(out_path)
    targets = [out_path, member_path(out_path)] if fmt == "csv" else [out_path]
    parts = [t.with_name(f".{t.name}.part") for t in targets]
    scratch = out_path.with_name(f".{out_path.name}.scratch")
    try:
        with store.read() as conn:
            year, households, members = _write(conn, code, year, fmt, parts, scratch)
        with store.begin() as conn:
            audit.append(conn, "export", target=code, detail={
                "survey_year": year, "format": fmt, "households": households, "members": members,
                "files": [t.name for t in targets]})
        for part, target in zip(parts, targets):
            os.replace(part, target)
    except OSError as err:
        raise UserError(msg("exp_write_error", error=err)) from err
    finally:
        for part in parts:
            part.unlink(missing_ok=True)
        if scratch.exists():
            shutil.rmtree(scratch)
    return ExportResult(targets, year, households, members)


def _write_file(path: Path, content: bytes) -> None:
    with open(path, "wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())


def _write(conn, code: str, year: int | None, fmt: str, parts: list[Path], scratch: Path) -> tuple[int, int, int]:
    if year is None:
        year = surveys.latest_year(conn)
        if year is None:
            raise UserError(msg("exp_no_year"))
    survey = surveys.get(conn, year)
    if survey is None:
        raise UserError(msg("exp_no_survey", year=year))
    lo, hi = _range(code)
    params = {"y": year, "lo": lo, "hi": hi}
    count = conn.execute(
        text("SELECT count(*) FROM household WHERE survey_year = :y AND village BETWEEN :lo AND :hi"), params
    ).scalar()
    if not count:
        raise UserError(msg("exp_no_data", area=code, year=year))
    layout = list(survey.layout)
    counter = {"members": 0}
    hh_header, m_header = household_header(layout), member_header()
    hh_rows = _household_rows(conn, params, code, layout)
    m_rows = _member_rows(conn, params, counter)
    in_memory = count <= IN_MEMORY_HOUSEHOLDS
    if fmt == "csv":
        for part, header, rows in ((parts[0], hh_header, hh_rows), (parts[1], m_header, m_rows)):
            if in_memory:
                _write_file(part, _csv_bytes(header, rows))
            else:
                _stream_csv(part, header, rows)
    else:
        sheets = [(HOUSEHOLD_SHEET, hh_header, hh_rows), (MEMBER_SHEET, m_header, m_rows)]
        if in_memory:
            buffer = io.BytesIO()
            _write_xlsx(buffer, sheets, {"in_memory": True})
            _write_file(parts[0], buffer.getvalue())
        else:
            scratch.mkdir(exist_ok=True)
            _write_xlsx(str(parts[0]), sheets, {"constant_memory": True, "tmpdir": str(scratch)})
    return year, count, counter["members"]


def _villages(conn, code: str) -> dict[int, tuple]:
    lo, hi = _range(code)
    rows = conn.execute(
        text(
            "SELECT a.code, a.name_th, a.lao_code, l.kind, l.name_th FROM area a LEFT JOIN lao l ON l.code = a.lao_code"
            " WHERE a.level = 4 AND a.code BETWEEN :lo AND :hi"
        ),
        {"lo": str(lo), "hi": str(hi)},
    )
    return {int(c): (name or "", lao or "", kind or "", lao_name or "") for c, name, lao, kind, lao_name in rows}


def _household_rows(conn, params: dict, code: str, layout: list[str]) -> Iterator[list]:
    villages = _villages(conn, code)
    esc = C.escape_text
    result = conn.execute(
        text(
            "SELECT survey_year, village, house_no, house_code, head_name, inc_main, inc_second, inc_other,"
            " inc_produce, exp_production, exp_necessary, exp_unnecessary, exp_debt, collector, survey_date, answers"
            " FROM household WHERE survey_year = :y AND village BETWEEN :lo AND :hi ORDER BY village, house_sort, id"
        ),
        params,
    )
    width = len(layout)
    for r in result:
        name, lao, kind, lao_name = villages.get(r[1], ("", "", "", ""))
        answers = (r[15] or "").ljust(width, "-")[:width]
        yield [r[0], str(r[1]), esc(name), esc(lao), esc(kind), esc(lao_name), esc(r[2]), r[3], esc(r[4]),
               *r[5:13], esc(r[13] or ""), _be(r[14] or ""), *(C.format_answer(ch) for ch in answers)]


def _member_rows(conn, params: dict, counter: dict) -> Iterator[list]:
    fields = ", ".join(f"m.{f}" for f in _MEMBER_FIELDS)
    result = conn.execute(
        text(
            f"SELECT h.survey_year, h.house_code, {fields} FROM household h JOIN member m ON m.household_id = h.id"
            " WHERE h.survey_year = :y AND h.village BETWEEN :lo AND :hi ORDER BY h.village, h.house_sort, h.id, m.seq"
        ),
        params,
    )
    esc = C.escape_text
    for r in result:
        counter["members"] += 1
        (year, house_code, seq, pid, title, first, last, sex, birth, relation, education, occupation, health,
         self_reliant, in_school) = r
        yield [year, house_code, seq, pid, esc(title), esc(first), esc(last), sex, _be(birth), esc(relation),
               esc(education), esc(occupation), health, self_reliant, in_school]


def _csv_bytes(header: list[str], rows: Iterator[list]) -> bytes:
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer)
    out.writerow(header)
    out.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _stream_csv(path: Path, header: list[str], rows: Iterator[list]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(["" if v is None else v for v in row] for row in rows)


def _write_xlsx(target, sheets: list[tuple[str, list[str], Iterator[list]]], mode: dict) -> None:
    """The workbook through XlsxWriter: in memory, or row by row through files in a scratch folder the
    caller chose (never the system temp folder). Text stays text: no formulas, numbers or links are
    guessed from strings."""
    import xlsxwriter

    book = xlsxwriter.Workbook(target, {**mode, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    for title, header, rows in sheets:
        sheet = book.add_worksheet(title)
        sheet.write_row(0, 0, header)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, _ILLEGAL.sub("", value))
                else:
                    sheet.write_number(r, c, value)
    book.close()
