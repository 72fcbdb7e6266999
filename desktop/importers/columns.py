"""The household/member file layout (docs/import-format.md): column names, header matching, cell values.

One definition serves the importer (header variants → canonical names, value parsing) and the
exporter (canonical header, value formatting), so an export always reads back as the same data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.importers import cellchecks
from desktop.messages import msg
from desktop.models import dates
from desktop.models.dates import ARABIC_DIGITS
from desktop.models.fields import MONEY
from desktop.models.indicators import IndicatorSet
from desktop.models.sortkeys import house_sort_key, thai_sort_key

HOUSEHOLD, MEMBER = "household", "member"


@dataclass(frozen=True)
class Column:
    name: str  # canonical (English) header, written by the exporter
    th: str  # Thai header
    required: bool = False
    aliases: tuple[str, ...] = ()

    def label(self) -> str:
        return f"{self.name} ({self.th})"


MONEY_COLUMNS = MONEY  # declared once, in desktop/models/fields.py

HOUSEHOLD_COLUMNS = (
    Column("survey_year", "ปีสำรวจ", True, ("year", "ปี", "ปีที่สำรวจ", "ปีข้อมูล")),
    Column("village_code", "รหัสหมู่บ้าน", True, ("village", "village_id", "รหัสหมู่บ้าน/ชุมชน")),
    Column("village_name", "ชื่อหมู่บ้าน", False, ("ชื่อหมู่บ้าน/ชุมชน", "หมู่บ้าน")),
    Column("lao_code", "รหัส อปท.", False, ("lao", "รหัสองค์กรปกครองส่วนท้องถิ่น")),
    Column("lao_kind", "ประเภท อปท.", False, ("lao_type", "ประเภทองค์กรปกครองส่วนท้องถิ่น")),
    Column("lao_name", "ชื่อ อปท.", False, ("อปท.", "ชื่อองค์กรปกครองส่วนท้องถิ่น")),
    Column("house_no", "บ้านเลขที่", True, ("house_number", "address_no", "เลขที่บ้าน", "เลขที่")),
    Column("house_code", "รหัสประจำบ้าน", True, ("house_id", "รหัสบ้าน")),
    Column("head_name", "ชื่อหัวหน้าครัวเรือน", True, ("head", "หัวหน้าครัวเรือน", "ชื่อ-สกุลหัวหน้าครัวเรือน")),
    Column("inc_main", "รายได้จากอาชีพหลัก", True, ("income_main",)),
    Column("inc_second", "รายได้จากอาชีพรอง", True, ("income_second", "income_secondary")),
    Column("inc_other", "รายได้อื่น", True, ("income_other", "รายได้อื่นๆ")),
    Column("inc_produce", "รายได้จากการผลิตเพื่อบริโภคเอง", True, ("income_produce", "มูลค่าผลผลิตเพื่อบริโภค")),
    Column("exp_production", "รายจ่ายเพื่อการผลิต", True, ("expense_production", "ต้นทุนการผลิต")),
    Column("exp_necessary", "รายจ่ายที่จำเป็น", True, ("expense_necessary", "รายจ่ายเพื่อการอุปโภคบริโภคที่จำเป็น")),
    Column("exp_unnecessary", "รายจ่ายที่ไม่จำเป็น", True, ("expense_unnecessary",
                                                           "รายจ่ายเพื่อการอุปโภคบริโภคที่ไม่จำเป็น")),
    Column("exp_debt", "รายจ่ายชำระหนี้", True, ("expense_debt", "การชำระหนี้สิน")),
    Column("collector", "ผู้จัดเก็บข้อมูล", False, ("ผู้จัดเก็บ", "ผู้เก็บข้อมูล")),
    Column("survey_date", "วันที่สำรวจ", False, ("date", "วันที่จัดเก็บ", "วันที่เก็บข้อมูล")),
)

MEMBER_COLUMNS = (
    Column("survey_year", "ปีสำรวจ", False, ("year", "ปี", "ปีที่สำรวจ", "ปีข้อมูล")),
    Column("house_code", "รหัสประจำบ้าน", True, ("house_id", "รหัสบ้าน")),
    Column("seq", "ลำดับ", True, ("no", "member_no", "ลำดับที่", "ลำดับสมาชิก")),
    Column("pid", "เลขประจำตัวประชาชน", True, ("citizen_id", "national_id", "id_card", "เลขบัตรประชาชน",
                                               "เลขบัตรประจำตัวประชาชน")),
    Column("title", "คำนำหน้า", False, ("prefix", "คำนำหน้าชื่อ")),
    Column("first_name", "ชื่อ", True, ("firstname", "name")),
    Column("last_name", "นามสกุล", True, ("lastname", "surname", "สกุล")),
    Column("sex", "เพศ", True, ("gender",)),
    Column("birth_date", "วันเกิด", True, ("birthdate", "dob", "date_of_birth", "วันเดือนปีเกิด")),
    Column("relation", "ความสัมพันธ์", False, ("relationship", "ความเกี่ยวพันกับหัวหน้าครัวเรือน",
                                              "ความสัมพันธ์กับหัวหน้าครัวเรือน")),
    Column("education", "การศึกษา", False, ("ระดับการศึกษา",)),
    Column("occupation", "อาชีพ", False, ("job",)),
    Column("health", "สถานะทางกาย", False, ("สุขภาพ", "สภาพร่างกาย", "health_status")),
    Column("self_reliant", "ช่วยเหลือตนเองได้", False, ("self_care", "ช่วยเหลือตัวเองได้")),
    Column("in_school", "กำลังศึกษา", False, ("student", "กำลังเรียน", "เรียนอยู่")),
)

COLUMNS = {HOUSEHOLD: HOUSEHOLD_COLUMNS, MEMBER: MEMBER_COLUMNS}
BY_NAME = {kind: {c.name: c for c in cols} for kind, cols in COLUMNS.items()}
ANSWER_PREFIX = "q"

_SQUEEZE = re.compile(r"[\s_\-]+")
_ANSWER = re.compile(r"^(?:q|ข้อ)(\d+[0-9a-z.]*)$")


def norm(text: object) -> str:
    """Header (or choice) text compared without case, spaces, '_' or '-'."""
    return _SQUEEZE.sub("", str(text).replace("\ufeff", "").strip().lstrip("'").lower())


_LOOKUP = {kind: {norm(a): c.name for c in cols for a in (c.name, c.th, *c.aliases)} for kind, cols in COLUMNS.items()}


def _candidates(header: str) -> list[str]:
    """'ปีสำรวจ (survey_year)' may be matched by either part."""
    out = [norm(header)]
    if "(" in header and header.rstrip().endswith(")"):
        before, _, inside = header.rstrip()[:-1].partition("(")
        out += [norm(before), norm(inside)]
    return out


@dataclass
class HeaderMap:
    kind: str | None
    labels: list[str]  # header cells as written in the file
    index: dict[str, int]  # canonical column -> position
    answers: dict[str, int]  # answer code -> position
    duplicates: list[int]  # positions of repeated columns

    def label(self, name: str) -> str:
        pos = self.index.get(name)
        if pos is not None:
            return self.labels[pos]
        return BY_NAME[self.kind][name].label() if self.kind and name in BY_NAME[self.kind] else name

    def missing(self) -> list[Column]:
        return [c for c in COLUMNS[self.kind] if c.required and c.name not in self.index]


def detect_kind(cells: list[str]) -> str | None:
    names = {c for h in cells for c in _candidates(h)}
    if any(_LOOKUP[MEMBER].get(n) == "pid" for n in names):
        return MEMBER
    if any(_LOOKUP[HOUSEHOLD].get(n) == "village_code" for n in names):
        return HOUSEHOLD
    return None


def map_header(cells: list[str], kind: str | None = None) -> HeaderMap:
    """Our columns in a header row; `kind` when known (a mapping profile's), else detected."""
    kind = kind or detect_kind(cells)
    result = HeaderMap(kind, [str(c).replace("\ufeff", "").strip() for c in cells], {}, {}, [])
    if kind is None:
        return result
    lookup = _LOOKUP[kind]
    for pos, header in enumerate(cells):
        cands = _candidates(header)
        name = next((lookup[c] for c in cands if c in lookup), None)
        if name is not None:
            target, key = result.index, name
        else:
            match = next((m for m in (_ANSWER.match(c) for c in cands) if m), None) if kind == HOUSEHOLD else None
            if match is None:
                continue  # extra columns (notes, …) are ignored
            target, key = result.answers, match.group(1)
        if key in target:
            result.duplicates.append(pos)
        else:
            target[key] = pos
    return result


# --- cell values -------------------------------------------------------------------------------

FORMULA_START = frozenset("=+-@\t\r")


def escape_text(value: str) -> str:
    """A text cell that a spreadsheet would run as a formula gets a leading single quote.

    Text that already looks escaped ("'=…") gets one more, so that unescape_text gives it back.
    """
    if value and (value[0] in FORMULA_START or (value[0] == "'" and value.lstrip("'")[:1] in FORMULA_START)):
        return "'" + value
    return value


def unescape_text(value: str) -> str:
    """Undo escape_text: one leading quote before a formula character (or before more quotes of one)."""
    if len(value) > 1 and value[0] == "'" and value.lstrip("'")[:1] in FORMULA_START:
        return value[1:]
    return value


_WHOLE = re.compile(r"^\d+(?:\.0*)?$")
_NEGATIVE = re.compile(r"^-\d+(?:\.0*)?$")


class NegativeNumber(ValueError):
    pass


def parse_whole(value: str) -> int:
    """'12,000', '12000.0', '๑๒๐๐๐' -> 12000; raises NegativeNumber or ValueError."""
    text = value.replace(",", "").replace(" ", "").translate(ARABIC_DIGITS)
    if _WHOLE.match(text):
        return int(text.split(".")[0])
    if _NEGATIVE.match(text):
        raise NegativeNumber(value)
    raise ValueError(value)


def digits_only(value: str) -> str:
    """House codes and IDs may be typed with spaces or hyphens."""
    return value.replace("-", "").replace(" ", "").translate(ARABIC_DIGITS)


SEX = {"m": "M", "f": "F", "ชาย": "M", "หญิง": "F", "1": "M", "2": "F", "male": "M", "female": "F",
       "ช": "M", "ญ": "F", "ช.": "M", "ญ.": "F"}
SEX_CHOICES = "M/F, ชาย/หญิง, 1/2"
HEALTH = {"": "N", "n": "N", "d": "D", "c": "C", "ปกติ": "N", "พิการ": "D", "ผู้พิการ": "D", "ป่วยเรื้อรัง": "C",
          "ผู้ป่วยเรื้อรัง": "C", "normal": "N", "disabled": "D", "chronic": "C", "chronicallyill": "C"}
HEALTH_CHOICES = "N/D/C, ปกติ/พิการ/ป่วยเรื้อรัง"
FLAG = {"1": 1, "0": 0, "y": 1, "n": 0, "yes": 1, "no": 0, "true": 1, "false": 0, "ได้": 1, "ไม่ได้": 0,
        "ใช่": 1, "ไม่ใช่": 0, "1.0": 1, "0.0": 0}
FLAG_CHOICES = "1/0, ได้/ไม่ได้, ใช่/ไม่ใช่"
LAO_KIND = {"เทศบาล": "เทศบาล", "เทศบาลตำบล": "เทศบาล", "เทศบาลเมือง": "เทศบาล", "เทศบาลนคร": "เทศบาล",
            "ทต.": "เทศบาล", "ทม.": "เทศบาล", "ทน.": "เทศบาล", "municipality": "เทศบาล",
            "อบต.": "อบต.", "อบต": "อบต.", "องค์การบริหารส่วนตำบล": "อบต.", "sao": "อบต.", "tao": "อบต."}


def choice(table: dict, value: str):
    """The canonical value, or None when the value is not one of the table's spellings."""
    found = table.get(value)
    return found if found is not None else table.get(norm(value).translate(ARABIC_DIGITS))


# --- indicator answers ---------------------------------------------------------------------------

YESNO, COUNT = "yesno", "count"
_YESNO_MAP = {"": "-", "-": "-", "1": "1", "0": "0"}
# engine.DIGITS36, declared again so that the importers' tables need no engine (a test checks they agree)
DIGITS36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_COUNT_MAP = {"": "-", "-": "-", **{str(i): DIGITS36[i] for i in range(36)}}
ANSWER_MAPS = {YESNO: _YESNO_MAP, COUNT: _COUNT_MAP}


def answer_kinds(ind_set: IndicatorSet, layout: list[str]) -> list[str]:
    """Per answer code of the layout: household question (1/0) or a count of persons (0-35)."""
    kinds: dict[str, str] = {}
    for ind in ind_set.indicators:
        for code in ind.answer_codes():
            is_target = code == f"{ind.no}t"
            kinds[code] = COUNT if ind.unit == "person" or is_target else YESNO
    return [kinds.get(code, COUNT) for code in layout]


def parse_answer(kind: str, value: str) -> str | None:
    """Answer character for a cell, or None if the value is not allowed."""
    value = unescape_text(value.strip())
    found = ANSWER_MAPS[kind].get(value)
    if found is not None:
        return found
    try:
        number = parse_whole(value)
    except ValueError:
        return None
    return ANSWER_MAPS[kind].get(str(number))


def format_answer(ch: str) -> int | None:
    """Stored answer character -> the number written in a file (None = blank)."""
    if ch == "-" or ch == "":
        return None
    pos = DIGITS36.find(ch)
    return None if pos < 0 else pos


# --- one row -------------------------------------------------------------------------------------

MIN_YEAR, MAX_YEAR = 1850, 2200  # ค.ศ.: a two-digit or mistyped year is a problem, not a date


class RowCheck:
    """One data row; `ok` turns False at the first problem (the row is then checked but not loaded)."""

    __slots__ = ("problems", "src", "row_no", "cells", "n", "ok", "index", "reported")

    def __init__(self, job, src, row_no: int, cells: list[str]):
        self.problems = job.problems
        self.src = src
        self.row_no = row_no
        self.cells = cells  # as read: cell() strips them and removes an export's anti-formula quote
        self.n = len(cells)
        self.ok = True
        self.index = src.header.index
        self.reported: set[int] = set()  # positions with a problem: one problem a cell

    def cell(self, name: str) -> str | None:
        """The cell text, '' past the end of a short row, None when the file has no such column."""
        pos = self.index.get(name)
        if pos is None:
            return None
        if pos >= self.n:
            return ""
        value = self.cells[pos].strip()
        return unescape_text(value) if value[:1] == "'" else value

    def bad(self, name: str, value: object, message: str) -> None:
        self.ok = False
        pos = self.index.get(name)
        if pos is not None:
            if pos in self.reported:
                return
            self.reported.add(pos)
        self.problems.add(self.src.label, self.row_no, self.src.header.label(name), value, message)

    def bad_at(self, pos: int, value: object, message: str) -> None:
        self.ok = False
        if pos in self.reported:
            return
        self.reported.add(pos)
        self.problems.add(self.src.label, self.row_no, self.src.header.labels[pos], value, message)

    def text(self, name: str, required: bool = False) -> str:
        value = self.cell(name)
        if value is None:
            if required:
                self.ok = False  # the missing column was reported once, at the header
            return ""
        if required and not value:
            self.bad(name, value, msg("imp_required"))
        elif value:
            problem = cellchecks.text_problem(name, value)
            if problem:
                self.bad(name, cellchecks.shown(value), problem)
        return value

    def integer(self, name: str, *, required: bool = True, lo: int | None = None, hi: int | None = None) -> int | None:
        value = self.text(name, required)
        if not value:
            return None
        try:
            number = parse_whole(value)
        except NegativeNumber:
            number = -1
        except ValueError:
            self.bad(name, value, msg("imp_not_int", value=value))
            return None
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            self.bad(name, value, msg("imp_range", lo=lo, hi=hi, value=value))
            return None
        return number

    def money(self, name: str) -> int:
        """Whole baht ≥ 0; blank is 0."""
        value = self.cell(name)
        if value is None:
            self.ok = False
            return 0
        if not value:
            return 0
        if value.isascii() and value.isdigit():
            return int(value)
        try:
            return parse_whole(value)
        except NegativeNumber:
            self.bad(name, value, msg("imp_negative", value=value))
        except ValueError:
            self.bad(name, cellchecks.shown(value), cellchecks.text_problem(name, value) or msg("imp_not_int", value=value))
        return 0

    def date(self, name: str, required: bool = False) -> dt.date | None:
        value = self.text(name, required)
        if not value:
            return None
        try:
            day = dates.parse_date(value)
            if MIN_YEAR <= day.year <= MAX_YEAR:
                return day
        except (ValueError, TypeError, OverflowError):
            pass
        self.bad(name, value, msg("imp_bad_date", value=value))
        return None

    def choice(self, name: str, table: dict, choices: str, *, required: bool = False, default=None):
        value = self.cell(name)
        if value is None:
            if required:
                self.ok = False
            return default
        if not value:
            if required:
                self.bad(name, value, msg("imp_required"))
                return default
            found = table.get("")
            return default if found is None else found
        found = choice(table, value)
        if found is None:
            self.bad(name, cellchecks.shown(value),
                     cellchecks.text_problem(name, value) or msg("imp_bad_choice", value=value, choices=choices))
            return default
        return found

    def loose_answers(self) -> str:
        """Answer cells checked without a survey layout (the year is unknown or has no indicator set)."""
        n = len(self.cells)
        for pos in self.src.header.answers.values():
            value = self.cells[pos].strip() if pos < n else ""
            if parse_answer(COUNT, value) is None:
                self.bad_at(pos, value, msg("imp_bad_answer", value=value))
        return ""


# --- the fast path: cells already in canonical form --------------------------------------------------
# The importer tries these first and falls back to RowCheck for anything they do not accept, so a
# value is either taken exactly as RowCheck would take it or left to RowCheck (which reports it).
# A text cell is taken as it is when cell() would not change it: `c.strip() is c` (strip returns
# the very same string when there is nothing to strip) and no "'" (an export's anti-formula quote).


def fast_choices(table: dict, blank=None) -> dict:
    """Spelling -> value for the spellings choice() maps as they are; `blank` is what '' gives."""
    spellings = {s for k in table for s in (k, k.upper(), k.title(), k.capitalize())}
    out = {s: choice(table, s) for s in spellings if s and s == s.strip() and s[0] != "'"}
    out = {s: v for s, v in out.items() if v is not None}
    if blank is not None:
        out[""] = blank
    return out


FAST_SEX = fast_choices(SEX)
FAST_HEALTH = fast_choices(HEALTH, blank=HEALTH[""])
FAST_SELF_RELIANT = fast_choices(FLAG, blank=1)  # RowCheck.choice(..., default=1)
FAST_IN_SCHOOL = fast_choices(FLAG, blank=0)
FAST_LAO_KIND = fast_choices(LAO_KIND)


class Bounded(dict):
    """A dict used as a cache that stops growing at `size` entries (values repeat in a survey)."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def keep(self, key, value):
        if len(self) < self.size:
            self[key] = value
        return value


_DATES = Bounded(1 << 16)


def fast_date(value: str) -> tuple[dt.date, str] | None:
    """(date, ISO text) for dd/mm/yyyy or yyyy-mm-dd in ASCII digits, read as RowCheck.date reads
    them (a year above 2400 is พ.ศ.), or None for anything else (RowCheck.date decides)."""
    found = _DATES.get(value)
    if found is not None or value in _DATES:
        return found
    day = None
    if len(value) == 10 and value.isascii():
        if value[2] == "/" and value[5] == "/":
            d, m, y = value[:2], value[3:5], value[6:]
        elif value[4] == "-" and value[7] == "-":
            y, m, d = value[:4], value[5:7], value[8:]
        else:
            y = m = d = ""
        if (d + m + y).isdigit():
            year = int(y)
            if year > 2400:
                year -= dates.BE_OFFSET
            if MIN_YEAR <= year <= MAX_YEAR:
                try:
                    day = dt.date(year, int(m), int(d))
                except ValueError:
                    pass
    return _DATES.keep(value, (day, day.isoformat()) if day is not None else None)


# the weighted sum of a national ID's first 12 digits, three digits at a time
PID_PARTS = tuple({f"{n:03d}": sum(int(c) * w for c, w in zip(f"{n:03d}", range(13 - 3 * k, 10 - 3 * k, -1)))
                    for n in range(1000)} for k in range(4))
_P0, _P1, _P2, _P3 = PID_PARTS


def fast_pid_ok(pid: str) -> bool:
    """13 ASCII digits with a valid check digit (thaiid.is_valid for an ID that needs no cleaning)."""
    if len(pid) != 13 or not (pid.isdigit() and pid.isascii()):
        return False
    total = _P0[pid[:3]] + _P1[pid[3:6]] + _P2[pid[6:9]] + _P3[pid[9:12]]
    return (11 - total % 11) % 10 == ord(pid[12]) - 48


def fast_house_sort_key(house_no: str) -> str:
    """sortkeys.house_sort_key for a house number that needs no stripping."""
    if house_no.isascii():
        if house_no.isdigit():
            return house_no.zfill(8)
        parts = house_no.split("/")
        if all(p.isdigit() for p in parts):
            return "/".join(p.zfill(8) for p in parts)
    return house_sort_key(house_no)


MARKS = frozenset("\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c")  # sortkeys._SECONDARY
_WORD_KEYS = Bounded(1 << 16)


def word_sort_key(word: str) -> tuple[str, str]:
    """(primary, secondary) parts of a word's sort key (sortkeys.thai_sort_key), cached."""
    found = _WORD_KEYS.get(word)
    if found is None:
        key = thai_sort_key(word)
        half = (len(key) - 1) // 2  # primary, separator, one secondary character per primary one
        found = _WORD_KEYS.keep(word, (key[:half], key[half + 1:]))
    return found


def fast_thai_sort_key(text: str) -> str:
    """sortkeys.thai_sort_key, word by word through a cache (names repeat).

    The key of words joined by spaces is the words' keys joined (a space is a letter with no mark),
    unless a word starts with a mark, which belongs to the space before it.
    """
    words = text.split(" ")
    if len(words) == 2:  # first and last name
        first, last = words
        if last[:1] not in MARKS:
            p1, s1 = word_sort_key(first)
            p2, s2 = word_sort_key(last)
            return f"{p1} {p2}\x01{s1}\x02{s2}"
    if len(words) > 1 and any(w[:1] in MARKS for w in words[1:]):
        return thai_sort_key(text)
    keys = [word_sort_key(w) for w in words]
    return " ".join(k[0] for k in keys) + "\x01" + "\x02".join(k[1] for k in keys)


# The cells the column-by-column fast path (vectorrows.py) reads; a source without one of them has none.
FAST_HOUSEHOLD_FIELDS = ("survey_year", "village_code", "village_name", "lao_code", "lao_kind", "lao_name", "house_no",
                         "house_code", "head_name", *MONEY_COLUMNS, "collector", "survey_date")
FAST_MEMBER_FIELDS = ("house_code", "seq", "pid", "title", "first_name", "last_name", "sex", "birth_date", "relation",
                      "education", "occupation", "health", "self_reliant", "in_school")
