"""Files in another layout: find the header row, propose a column mapping, keep it as a named profile.

An office's files come from the national system's web reports or from a spreadsheet passed on by
the province: a title row or two above the header, a two-level header with merged group cells
("รายได้" over "อาชีพหลัก | อาชีพรอง"), other column names. `locate_header` finds the header among
the first rows (ours, or one a profile knows); `propose` suggests which of our columns each header
cell is, from Thai and English synonyms; a `Profile` (JSON, docs/import-format.md) records what the
officer confirmed and is used again, without asking, when the same headers come again.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from desktop.importers import columns as C

HEAD_ROWS = 30  # rows looked at for the header
PROFILE_DIR = "import-mappings"  # under paths.user_data_dir()

# header words seen in exports and spreadsheets, beyond the aliases of columns.py (compared by C.norm)
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    C.HOUSEHOLD: {
        "survey_year": ("ปีที่จัดเก็บ", "ปี พ.ศ.", "ปีงบประมาณ", "survey year"),
        "village_code": ("รหัสหมู่", "รหัสหมู่บ้าน/ชุมชน", "village code", "vill code", "vcode", "หมู่บ้านรหัส"),
        "village_name": ("ชื่อหมู่บ้าน/ชุมชน", "ชื่อชุมชน", "village name"),
        "house_no": ("บ้านเลขที่", "เลขที่บ้าน", "house no", "house number", "address no"),
        "house_code": ("รหัสประจำบ้าน", "เลขรหัสประจำบ้าน", "รหัสบ้าน (11 หลัก)", "house code", "hcode", "house id"),
        "head_name": ("ชื่อหัวหน้าครัวเรือน", "ชื่อ-สกุลหัวหน้าครัวเรือน", "ชื่อ-นามสกุลหัวหน้าครัวเรือน",
                      "หัวหน้าครัวเรือน", "ชื่อ-สกุล หัวหน้าครอบครัว", "head of household", "head name"),
        "inc_main": ("รายได้อาชีพหลัก", "รายได้ อาชีพหลัก", "รายได้จากอาชีพหลัก (บาท/ปี)", "main income", "รายได้"),
        "inc_second": ("รายได้อาชีพรอง", "รายได้ อาชีพรอง", "อาชีพรอง", "second income"),
        "inc_other": ("รายได้อื่นๆ", "รายได้ อื่นๆ", "รายได้ อื่น", "other income"),
        "inc_produce": ("รายได้ ผลิตเพื่อบริโภค", "ผลิตเพื่อบริโภคเอง", "มูลค่าผลผลิตที่บริโภค", "produce income"),
        "exp_production": ("รายจ่าย เพื่อการผลิต", "รายจ่ายการผลิต", "ต้นทุน", "production expense"),
        "exp_necessary": ("รายจ่าย จำเป็น", "รายจ่ายจำเป็น", "รายจ่าย ที่จำเป็น", "necessary expense"),
        "exp_unnecessary": ("รายจ่าย ไม่จำเป็น", "รายจ่ายไม่จำเป็น", "รายจ่าย ที่ไม่จำเป็น", "unnecessary expense"),
        "exp_debt": ("รายจ่าย ชำระหนี้", "ชำระหนี้", "หนี้สิน", "debt payment"),
        "collector": ("ผู้บันทึก", "ผู้สำรวจ", "collector"),
        "survey_date": ("วันที่สำรวจ", "วันที่บันทึก", "survey date"),
    },
    C.MEMBER: {
        "house_code": ("รหัสประจำบ้าน", "เลขรหัสประจำบ้าน", "house code", "hcode"),
        "seq": ("ลำดับที่สมาชิก", "ลำดับคน", "seq", "member no"),
        "pid": ("เลขประจำตัวประชาชน", "เลขประจำตัวประชาชน 13 หลัก", "เลขบัตรประชาชน", "เลขบัตร", "citizen id",
                "national id", "pid", "id card"),
        "title": ("คำนำหน้าชื่อ", "คำนำหน้านาม", "title"),
        "first_name": ("ชื่อ", "ชื่อตัว", "first name", "given name"),
        "last_name": ("นามสกุล", "ชื่อสกุล", "last name", "family name"),
        "sex": ("เพศ", "sex", "gender"),
        "birth_date": ("วันเกิด", "วัน/เดือน/ปีเกิด", "ว/ด/ป เกิด", "วันเดือนปีเกิด", "birth date", "date of birth"),
        "relation": ("ความสัมพันธ์", "ความเกี่ยวข้องกับหัวหน้าครัวเรือน", "relation"),
        "education": ("การศึกษา", "ระดับการศึกษาสูงสุด", "education"),
        "occupation": ("อาชีพ", "อาชีพหลัก", "occupation"),
        "health": ("สถานะทางกาย", "สุขภาพ", "ความพิการ", "health"),
        "self_reliant": ("ช่วยเหลือตนเองได้", "self reliant"),
        "in_school": ("กำลังศึกษา", "กำลังเรียน", "in school"),
    },
}
# an indicator answer: "q8.1", "ข้อ 8.1", or a number under a merged "ตัวชี้วัดที่" group cell
_ANSWER = re.compile(r"^(?:q|ข้อ|ข้อที่|ตัวชี้วัด|ตัวชี้วัดที่|ตัวชี้วัดข้อที่)(\d+[0-9a-z.]*)$")
_UNITS = re.compile(r"\((?:บาท[^)]*|ปี|คน|13 ?หลัก|11 ?หลัก|วว/ดด/ปปปป[^)]*)\)")


def _words(kind: str) -> dict[str, str]:
    """Normalised header text -> column, exact words first."""
    out: dict[str, str] = {}
    for column in C.COLUMNS[kind]:
        for text in (column.name, column.th, *column.aliases, *SYNONYMS[kind].get(column.name, ())):
            out.setdefault(C.norm(text), column.name)
    return out


WORDS = {kind: _words(kind) for kind in C.COLUMNS}


def _clean(header: str) -> str:
    return C.norm(_UNITS.sub("", str(header)))


def propose(cells: list[str], kind: str | None = None) -> tuple[str | None, dict[int, str]]:
    """(kind, position -> our column or q<code>) for a header row; cells not recognised are left out."""
    if kind is None:
        kind = guess_kind(cells)
    if kind is None:
        return None, {}
    words = WORDS[kind]
    found: dict[int, str] = {}
    taken: set[str] = set()
    for pos, cell in enumerate(cells):  # exact words
        name = words.get(_clean(cell)) or words.get(C.norm(cell))
        if name is None and kind == C.HOUSEHOLD:
            answer = _ANSWER.match(_clean(cell))
            name = C.ANSWER_PREFIX + answer.group(1) if answer else None
        if name and name not in taken:
            found[pos] = name
            taken.add(name)
    for pos, cell in enumerate(cells):  # then the longest known word the header contains
        text = _clean(cell)
        if pos in found or len(text) < 2:
            continue
        hits = sorted(((len(w), n) for w, n in words.items() if len(w) >= 3 and w in text and n not in taken),
                      reverse=True)
        if hits:
            found[pos] = hits[0][1]
            taken.add(hits[0][1])
    return kind, found


def guess_kind(cells: list[str]) -> str | None:
    texts = {_clean(c) for c in cells if str(c).strip()}
    if texts & {w for w, n in WORDS[C.MEMBER].items() if n == "pid"} or any("ประชาชน" in t for t in texts):
        return C.MEMBER
    household = {n for t in texts for w, n in WORDS[C.HOUSEHOLD].items() if w == t}
    if "village_code" in household or {"house_no", "head_name"} <= household or any("หัวหน้าครัวเรือน" in t for t in texts):
        return C.HOUSEHOLD
    return None


# --- profiles ------------------------------------------------------------------------------------


@dataclass
class Profile:
    """A named mapping: header text in the file -> our column (or q<code>), for one kind of table."""

    name: str
    kind: str
    columns: dict[str, str]  # header text as in the file -> our column name
    headers: list[str] = field(default_factory=list)  # the whole header row, to recognise the same file again

    def matches(self, cells: list[str], *, exact: bool) -> bool:
        present = {C.norm(c) for c in cells if str(c).strip()}
        if exact:
            return present == {C.norm(h) for h in self.headers if h.strip()}
        return bool(self.columns) and {C.norm(h) for h in self.columns} <= present

    def translate(self, cells: list[str]) -> list[str]:
        """The header row in our column names ('' for columns the profile does not use)."""
        by_norm = {C.norm(h): name for h, name in self.columns.items()}
        return [by_norm.get(C.norm(c), "") for c in cells]

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "kind": self.kind, "columns": self.columns, "headers": self.headers},
                          ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> Profile:
        data = json.loads(text)
        kind = data.get("kind")
        if kind not in C.COLUMNS or not isinstance(data.get("columns"), dict):
            raise ValueError("a mapping profile needs kind (household or member) and columns")
        known = {c.name for c in C.COLUMNS[kind]}
        bad = [n for n in data["columns"].values() if n not in known and not str(n).startswith(C.ANSWER_PREFIX)]
        if bad:
            raise ValueError(f"unknown columns in the mapping profile: {', '.join(map(str, bad))}")
        return cls(str(data.get("name", "")), kind, {str(k): str(v) for k, v in data["columns"].items()},
                   [str(h) for h in data.get("headers", [])])


def profile_from(name: str, kind: str, cells: list[str], chosen: dict[int, str]) -> Profile:
    return Profile(name, kind, {str(cells[pos]).strip(): col for pos, col in sorted(chosen.items())},
                   [str(c).strip() for c in cells])


def profile_dir() -> Path:
    """Where saved profiles live: BMN_MAPPINGS_DIR, else import-mappings in the user data folder."""
    folder = os.environ.get("BMN_MAPPINGS_DIR")
    if folder:
        return Path(folder)
    from desktop import paths

    return paths.user_data_dir() / PROFILE_DIR


def load_profiles(folder: Path | None) -> list[Profile]:
    if folder is None or not folder.is_dir():
        return []
    return [Profile.from_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def save_profile(folder: Path, profile: Profile) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w\-]+", "_", profile.name, flags=re.UNICODE).strip("_") or "mapping"
    path = folder / f"{stem}.json"
    tmp = path.with_suffix(".json.part")
    tmp.write_text(profile.to_json(), encoding="utf-8")
    tmp.replace(path)
    return path


# --- the header row ------------------------------------------------------------------------------


@dataclass
class Header:
    row: int  # file row of the (last) header row: data starts below it
    labels: list[str]  # the header as the file shows it (a two-level header joined: "รายได้ อาชีพหลัก")
    cells: list[str]  # what map_header reads: our names where a profile translated them, else labels
    profile: Profile | None = None


def locate_header(head: list[tuple[int, list[str]]], given: Sequence[Profile] = (),
                  saved: Sequence[Profile] = ()) -> Header | None:
    """The header among the first non-empty rows: ours (known column names), a given profile's (its
    columns are all present), a saved profile's (the very same header row), or a two-level header
    whose group cells (merged in the sheet) stand over the columns of the row below."""
    for labels, row_no, _joined in readings(head):
        for profile in given:
            if profile.matches(labels, exact=False):
                return Header(row_no, labels, profile.translate(labels), profile)
        for profile in saved:
            if profile.matches(labels, exact=True):
                return Header(row_no, labels, profile.translate(labels), profile)
        if C.detect_kind(labels) is not None:
            return Header(row_no, labels, labels)
    return None


def readable_as_is(head: list[tuple[int, list[str]]], saved: Sequence[Profile]) -> bool:
    """The header is ours with every required column, or a saved profile's: no mapping step needed."""
    header = locate_header(head, (), saved)
    if header is None:
        return False
    return header.profile is not None or not C.map_header(header.cells).missing()


def best_guess(head: list[tuple[int, list[str]]]) -> tuple[Header, str, dict[int, str]] | None:
    """For the mapping step: the reading of the first rows where most header cells are recognised,
    with its kind and proposed mapping (None when no row looks like a header)."""
    best, score = None, (0, False)
    for labels, row_no, joined in readings(head):
        kind, proposal = propose(labels)
        if kind is not None and (len(proposal), not joined) > score:
            best, score = (Header(row_no, labels, labels), kind, proposal), (len(proposal), not joined)
    return best


def readings(head: list[tuple[int, list[str]]]):
    """(labels, last header row, joined) for each row as a header: a row joined with the one below
    it when that one reads as its sub-headers, then the row alone."""
    for i, (row_no, cells) in enumerate(head):
        if i + 1 < len(head) and head[i + 1][0] == row_no + 1:
            sub_no, sub = head[i + 1]
            if _looks_like_sub_header(cells, sub):
                yield _join(cells, sub), sub_no, True
        yield [str(c).strip() for c in cells], row_no, False


class HeadCells(list):
    """A head row of a sheet whose merged cells the reader knows (XLSX): a merged cell's text is in
    every column and row it covers. `groups`: (first, last) column of each merge across several
    columns of this row, other than a title over the whole row; `down`: columns whose text comes
    from a merge that starts on a row above (a header cell merged over two header rows)."""

    groups: tuple[tuple[int, int], ...] = ()
    down: frozenset[int] = frozenset()


def _groups(cells: list[str]) -> tuple[tuple[int, int], ...] | None:
    """The row's merged group cells, or None when the reader did not say (CSV, a sheet without
    merges in this row): then a group cell is taken to run over the blanks to its right."""
    groups = getattr(cells, "groups", ())
    return groups or None


def _looks_like_sub_header(cells: list[str], sub: list[str]) -> bool:
    texts = [str(c).strip() for c in sub]
    filled = [t for t in texts if t]
    if len(filled) < 2:
        return False
    groups = _groups(cells)
    if groups is not None:  # merged group cells say so, even over numbers (indicator 1 | 2 | 3 …)
        return any(texts[pos] for first, last in groups for pos in range(first, min(last + 1, len(texts))))
    if any(_is_number(t) for t in filled):
        return False
    gaps = sum(1 for pos, t in enumerate(texts) if t and (pos >= len(cells) or not str(cells[pos]).strip()))
    return gaps >= 1  # a sub-header under a merged group cell, which is blank after its first column


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[\d,.\-/ ]+", text))


def _join(cells: list[str], sub: list[str]) -> list[str]:
    """Each column's group cell joined with its sub-header below ("รายได้ อาชีพหลัก"); a column
    without sub-header, or one header cell merged over both rows, keeps its own text. Where the
    reader knew the merges, a group covers exactly its merged columns; else a group cell is carried
    over the blanks to its right (a merged cell keeps its text in its first column only)."""
    known = _groups(cells) is not None
    down: frozenset[int] = getattr(sub, "down", frozenset())
    out, group = [], ""
    for pos in range(max(len(cells), len(sub))):
        top = str(cells[pos]).strip() if pos < len(cells) else ""
        low = str(sub[pos]).strip() if pos < len(sub) else ""
        if pos in down:
            out.append(top or low)
            continue
        if top or known:
            group = top
        elif not low:
            group = ""
        out.append(f"{group} {low}".strip() if low else top)
    return out


# --- the mapping step (the wizard's page shows and edits this) -----------------------------------

FIRST_ROWS = 3  # rows below the header shown beside each column


@dataclass
class ForeignTable:
    """A table whose header is not ours and no saved profile knows, as the mapping step offers it."""

    label: str
    header: Header
    kind: str
    proposal: dict[int, str]  # position -> our column or q<code>, as far as the header words tell
    rows: list[list[str]]  # the first rows below the header
    recognised: bool  # False: no header word was known; the header row and kind are a guess

    def survey_year(self) -> int | None:
        """The survey year the first rows name (in the column proposed as survey_year), if any."""
        pos = next((p for p, name in self.proposal.items() if name == "survey_year"), None)
        years = [int(r[pos]) for r in self.rows if pos is not None and pos < len(r) and str(r[pos]).strip().isdigit()]
        return max(set(years), key=years.count) if years else None


def foreign_table(label: str, head: list[tuple[int, list[str]]], saved: Sequence[Profile]) -> ForeignTable | None:
    """What the mapping step shows for a table (None when the table needs no mapping or is empty):
    the best reading of its header, or, when no header word is known, its widest text row."""
    if not head or readable_as_is(head, saved):
        return None
    guess = best_guess(head)
    if guess is not None:
        header, kind, proposal = guess
        recognised = True
    else:
        row_no, cells = max(head, key=lambda r: sum(1 for c in r[1] if str(c).strip() and not _is_number(str(c))))
        labels = [str(c).strip() for c in cells]
        header, kind, proposal, recognised = Header(row_no, labels, labels), C.HOUSEHOLD, {}, False
    rows = [list(cells) for row_no, cells in head if row_no > header.row][:FIRST_ROWS]
    return ForeignTable(label, header, kind, proposal, rows, recognised)


@dataclass(frozen=True)
class Choice:
    """One entry of a column's list in the mapping step: our column, or an indicator answer."""

    value: str  # our column name or q<code>
    code: str  # the column name, or the answer code ("8.1", "23t")
    text: str  # Thai name of the column, or the indicator's (sub-item's) wording
    target: bool = False  # an answer that counts the indicator's target persons


def choices(kind: str, survey_year: int | None = None) -> list[Choice]:
    """Everything a column can be mapped to: every column of the kind and, for households, every
    answer of the survey year's indicator layout (the newest bundled set when the year is unknown)."""
    out = [Choice(c.name, c.name, c.th) for c in C.COLUMNS[kind]]
    if kind != C.HOUSEHOLD:
        return out
    from desktop.models import indicators

    periods = indicators.bundled_periods()
    try:
        period = indicators.period_for_year(survey_year) if survey_year else periods[-1]
    except KeyError:  # a year no bundled set covers: offer the newest set's answers
        period = periods[-1]
    for ind in indicators.bundled(period).indicators:
        subs = {s.code: s.name_th for s in ind.sub_items}
        for code in ind.answer_codes():
            out.append(Choice(C.ANSWER_PREFIX + code, code, subs.get(code, ind.name_th), code == f"{ind.no}t"))
    return out
