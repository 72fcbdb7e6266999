"""Values Excel changed on its own, and text no survey holds: each found, none stored.

- A date-typed cell in a column that is not a date (Excel turns a house number "12/1" into
  12 January); a CSV saved from such a sheet holds "12-Jan" or "12/1/2024" instead.
- Error cells (#N/A, #DIV/0!, ...) and formulas without a cached value (a file written by a
  program, never opened and saved in Excel: the value was never calculated, it reads as blank).
- Control characters (NUL and the like: invisible, dropped by exports, refused by PostgreSQL) and
  text longer than any survey value (a pasted paragraph breaks printed forms).

The XLSX reader marks converted cells (readers.FlaggedRow); text checks run in RowCheck.text().
"""

from __future__ import annotations

import re
import unicodedata

from desktop.importers import import_messages  # noqa: F401 - registers the messages used here
from desktop.messages import msg

DATE_CELL, ERROR_CELL, FORMULA_CELL = "date", "error", "formula"  # readers.FlaggedRow.flags

EXCEL_ERRORS = frozenset({"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA",
                          "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"})
DATE_COLUMNS = frozenset({"survey_date", "birth_date"})
# longest text a column may hold (Thai names run to ~60 characters; codes are checked by their own rules)
MAX_LENGTH = {"house_no": 40, "title": 60, "first_name": 120, "last_name": 120, "head_name": 200}
MAX_TEXT = 300  # any other text column
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
          r"ม\.?ค\.?|ก\.?พ\.?|มี\.?ค\.?|เม\.?ย\.?|พ\.?ค\.?|มิ\.?ย\.?|ก\.?ค\.?|ส\.?ค\.?|ก\.?ย\.?|ต\.?ค\.?|พ\.?ย\.?|ธ\.?ค\.?)")
# how Excel shows a date it made of "12/1" when the sheet is saved as CSV
_SHOWN_DATE = re.compile(rf"^(?:\d{{1,2}}[- ]{_MONTH}(?:[- ]\d{{2,4}})?|{_MONTH}[- ]\d{{1,4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})$",
                         re.IGNORECASE)
_CODE_LIKE = frozenset({"house_no", "village_code", "house_code", "lao_code", "pid", "seq"})


def flagged_cells(r, used: dict[int, str]) -> None:
    """Report what Excel did to the cells of this row that the import uses (position -> column name)."""
    flags = getattr(r.cells, "flags", None)
    if not flags:
        return
    for pos, flag in flags.items():
        name = used.get(pos)
        if name is None:
            continue  # a column the import does not read
        value = r.cells[pos] if pos < len(r.cells) else ""
        if flag == DATE_CELL and name not in DATE_COLUMNS:
            r.bad_at(pos, value, msg("imp_excel_date", value=value, guess=_guess_typed(value)))
        elif flag == FORMULA_CELL:
            r.bad_at(pos, "", msg("imp_excel_formula"))
        elif flag == ERROR_CELL and value not in EXCEL_ERRORS:
            r.bad_at(pos, value, msg("imp_excel_error", value=value))  # known error texts: text_problem


def _guess_typed(iso: str) -> str:
    """What was probably typed before Excel made a date of it: 2024-01-12 <- "12/1"."""
    try:
        _year, month, day = (int(p) for p in iso[:10].split("-"))
    except ValueError:
        return iso
    return f"{day}/{month}"


def text_problem(name: str, value: str) -> str | None:
    """Why a text cell cannot be stored as it is, or None."""
    if value in EXCEL_ERRORS:
        return msg("imp_excel_error", value=value)
    if not value.isprintable():
        bad = [ch for ch in value if unicodedata.category(ch) == "Cc"]
        if bad:
            return msg("imp_control_chars", codes=", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(bad)))
    limit = MAX_LENGTH.get(name, MAX_TEXT)
    if len(value) > limit:
        return msg("imp_too_long", n=len(value), limit=limit)
    if name in _CODE_LIKE and _SHOWN_DATE.match(value):
        return msg("imp_csv_date", value=value)
    return None


def shown(value: str, limit: int = 60) -> str:
    """A value as a problem list shows it: control characters visible, long text cut."""
    out = "".join(f"\\x{ord(ch):02x}" if unicodedata.category(ch) == "Cc" else ch for ch in value)
    return out if len(out) <= limit else out[:limit] + "…"
