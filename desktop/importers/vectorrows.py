"""The import's fast path, a chunk at a time: rows whose cells are already canonical, checked and
converted column by column (pyarrow compute over the chunk's columns, numpy for the ID check
digit and dates), with Python called once per distinct value where a value needs it (sort keys).

What `export` writes and what the national system exports (plain digits, M/F, dd/mm/yyyy, no stray
spaces) is taken here; any other row is left to the checking path (national._Job.household_row /
member_row), which accepts the same values the same way and reports the rest: both paths give the
same rows and problems (tests/test_import_fastpath.py). A taker is made once per source, after the
survey is known: `take(chunk, start)` -> (pending items of the rows taken, in row order; a bool
array over chunk rows start.. telling which were taken).
"""

from __future__ import annotations

from itertools import repeat
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from desktop.importers import cellchecks
from desktop.importers import columns as C
from desktop.importers.chunks import Chunk
from desktop.importers.limits import WARN_AGE
from desktop.models.dates import BE_OFFSET

Taker = Callable[[Chunk, int], tuple[list, np.ndarray]]

# Text taken as it is: printable ASCII but for "'" (an export's anti-formula quote) and "#" (an Excel
# error value), and Thai letters, with no space at either end; anything else (control characters,
# other scripts, stray spaces) is left to the checking path, which cleans or reports it.
_P = r"\x21\x22\x24-\x26\x28-\x7e\x{0e01}-\x{0e3a}\x{0e3f}-\x{0e5b}"
_TEXT = rf"^(?:[{_P}](?:[{_P} ]*[{_P}])?)?$"
_FILLED = rf"^[{_P}](?:[{_P} ]*[{_P}])?$"
_HOUSE_NO = r"^[0-9]{1,6}(?:/[0-9]{1,5})?$"  # anything else may be a date Excel made of it
_SEQ = r"^0*[1-9][0-9]{0,2}$"  # 1..999
MAX_AGE_MONTHS = (WARN_AGE + 1) * 12 - 1  # WARN_AGE years and 11 months: older goes to member_row (a warning)
_PID_WEIGHTS = np.arange(13, 1, -1, dtype=np.int64)

HOUSEHOLD_TEXTS = ("village_name", "lao_code", "lao_name", "collector")
MEMBER_TEXTS = ("title", "relation", "education", "occupation")


# --- column helpers ------------------------------------------------------------------------------


def _np(mask: pa.Array) -> np.ndarray:
    return mask.to_numpy(zero_copy_only=False)


def _matches(arr: pa.Array, pattern: str) -> np.ndarray:
    return _np(pc.match_substring_regex(arr, pattern))


def _text_ok(arr: pa.Array, name: str, *, filled: bool = False) -> np.ndarray:
    """Plain text of the column's allowed length (cellchecks.MAX_LENGTH)."""
    limit = cellchecks.MAX_LENGTH.get(name, cellchecks.MAX_TEXT)
    return _matches(arr, _FILLED if filled else _TEXT) & (_np(pc.utf8_length(arr)) <= limit)


class _Mapped:
    """A choice table (spelling -> value) applied to a column; a spelling not in it is not taken."""

    def __init__(self, table: dict):
        self.keys = pa.array(list(table), type=pa.large_string())
        self.values = np.array(list(table.values()), dtype=object)
        self.texts = pa.array([str(v) for v in table.values()])  # answer characters, joined per row

    def __call__(self, arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
        """(value of each row, or None; taken mask)"""
        at = pc.index_in(arr, value_set=self.keys)
        ok = _np(at.is_valid())
        out = np.full(len(arr), None, dtype=object)
        out[ok] = self.values[_np(at.filter(at.is_valid())).astype(np.int64)]
        return out, ok


def _answer_chars(arr: pa.Array, mapped: _Mapped) -> tuple[pa.Array, np.ndarray]:
    at = pc.index_in(arr, value_set=mapped.keys)
    return mapped.texts.take(at), _np(at.is_valid())


class _Remembered:
    """convert() of each row's value, called once per distinct value of the chunk, and once per
    distinct value of the file for values that repeat across chunks (up to `keep` of them)."""

    def __init__(self, convert: Callable[[str], object], keep: int = 0):
        self.convert = convert
        self.known = C.Bounded(keep)

    def __call__(self, arr: pa.Array) -> np.ndarray:
        encoded = pc.dictionary_encode(arr)
        known, convert = self.known, self.convert
        results = np.empty(len(encoded.dictionary), dtype=object)
        results[:] = [known[v] if v in known else known.keep(v, convert(v)) for v in encoded.dictionary.to_pylist()]
        return results[_np(encoded.indices).astype(np.int64)]


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def thai_sort_keys(names: pa.Array) -> pa.Array | np.ndarray:
    """columns.fast_thai_sort_key of every name, word by word over the column: each distinct word's
    key once (columns.py caches them across chunks), joined per name by pyarrow. A name with a later
    word that starts with a mark (the mark belongs to the space before it) gets the whole-text key."""
    words = pc.split_pattern(names, " ")
    flat = pc.list_flatten(words)
    encoded = pc.dictionary_encode(flat)
    distinct = encoded.dictionary.to_pylist()
    pairs = [C.word_sort_key(w) for w in distinct]
    at = encoded.indices
    offsets = words.offsets
    lists = type(words).from_arrays
    primary = pc.binary_join(lists(offsets, pa.array([p for p, _ in pairs], pa.large_string()).take(at)), _large(" "))
    secondary = pc.binary_join(lists(offsets, pa.array([s for _, s in pairs], pa.large_string()).take(at)), _large("\x02"))
    keys = pc.binary_join_element_wise(primary, secondary, _large("\x01"))
    marked = np.array([w[:1] in C.MARKS for w in distinct], dtype=bool)[_np(at).astype(np.int64)]
    starts = np.asarray(offsets)[:-1]
    lengths = np.diff(np.asarray(offsets))
    later = np.ones(len(flat), dtype=bool)
    later[starts[lengths > 0]] = False
    odd = np.unique(np.repeat(np.arange(len(names)), lengths)[marked & later])
    if not len(odd):
        return keys
    out = np.array(keys.to_pylist(), dtype=object)
    texts = names.take(pa.array(odd)).to_pylist()
    out[odd] = [C.fast_thai_sort_key(text) for text in texts]
    return out


_DMY, _YMD = r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def dates(arr: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """columns.fast_date over a column: (year ค.ศ., month, day, read) — dd/mm/yyyy or yyyy-mm-dd
    in ASCII digits, a year above 2400 is พ.ศ., a real date between MIN_YEAR and MAX_YEAR."""
    dmy, ymd = _matches(arr, _DMY), _matches(arr, _YMD)
    read = dmy | ymd
    which = pa.array(dmy)

    def part(dmy_at: int, ymd_at: int, size: int) -> np.ndarray:
        text = pc.if_else(which, pc.utf8_slice_codeunits(arr, dmy_at, dmy_at + size),
                          pc.utf8_slice_codeunits(arr, ymd_at, ymd_at + size))
        return _ints(pc.if_else(pa.array(read), text, "0"))

    year, month, day = part(6, 0, 4), part(3, 5, 2), part(0, 8, 2)
    year = np.where(year > 2400, year - BE_OFFSET, year)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    in_month = _MONTH_DAYS[np.clip(month, 0, 12)] + ((month == 2) & leap)
    read &= (C.MIN_YEAR <= year) & (year <= C.MAX_YEAR) & (1 <= month) & (month <= 12) & (1 <= day) & (day <= in_month)
    return year, month, day, read


def iso_dates(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> pa.Array:
    """yyyy-mm-dd of each date."""
    def padded(values: np.ndarray, width: int) -> pa.Array:
        return pc.utf8_lpad(pc.cast(pa.array(values), pa.large_string()), width, "0")

    return pc.binary_join_element_wise(padded(year, 4), padded(month, 2), padded(day, 2), _large("-"))


def _ints(arr: pa.Array) -> np.ndarray:
    """Whole numbers of a column of digits ('' is 0)."""
    return _np(pc.cast(pc.if_else(pc.equal(arr, ""), "0", arr), pa.int64()))


def pid_valid(pids: pa.Array) -> np.ndarray:
    """13 ASCII digits with a valid check digit (thaiid.is_valid for an ID that needs no cleaning)."""
    ok = _matches(pids, r"^[0-9]{13}$").copy()
    if ok.any():
        chosen = pids.filter(pa.array(ok))  # large_string: int64 offsets, every value 13 bytes
        offsets = np.frombuffer(chosen.buffers()[1], dtype=np.int64)[chosen.offset:chosen.offset + len(chosen) + 1]
        data = np.frombuffer(chosen.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]]
        digits = data.reshape(-1, 13).astype(np.int64) - 48
        check = (11 - (digits[:, :12] @ _PID_WEIGHTS[:12]) % 11) % 10
        ok[ok] = check == digits[:, 12]
    return ok


class _Columns:
    """The chunk's columns from row `start` on, by field name."""

    def __init__(self, chunk: Chunk, start: int, index: dict[str, int]):
        self.chunk, self.start, self.index = chunk, start, index

    def __call__(self, name: str) -> pa.Array:
        return self.at(self.index[name])

    def at(self, pos: int) -> pa.Array:
        arr = self.chunk.column(pos)
        return arr.slice(self.start) if self.start else arr


def in_row_order(chunk: Chunk, start: int, items: list, taken: np.ndarray) -> tuple[list, bool]:
    """(rows of chunk[start:] in row order, whether all were taken): a taker's items for the rows it
    took, (None, row number, cells) for the others, which the checking path must see (cells as read: a
    readers.FlaggedRow keeps its marks)."""
    if len(items) == len(taken):
        return items, True
    taken_items = iter(items)
    return [next(taken_items) if was_taken else (None, int(chunk.numbers[k]), chunk.cells(k))
            for k, was_taken in enumerate(taken.tolist(), start=start)], False


def _taken_rows(ok: np.ndarray, *columns) -> list:
    """Each column (list, numpy array or pyarrow array) cut to the taken rows, as Python lists."""
    out = []
    mask = pa.array(ok)
    for column in columns:
        if isinstance(column, (pa.Array, pa.ChunkedArray)):
            out.append(column.filter(mask).to_pylist())
        else:
            out.append(column[ok].tolist())
    return out


# --- households ----------------------------------------------------------------------------------


def household_taker(job, src) -> Taker | None:
    """The fast path for this household source, or None if it cannot have one."""
    index = src.header.index
    if id(src) in job.broken or any(name not in index for name in C.FAST_HOUSEHOLD_FIELDS):
        return None
    positions = job.answer_positions(src)  # reports missing / unknown answer columns, once
    if id(src) in job.broken or None in positions:
        return None
    width = max(*(index[name] for name in C.FAST_HOUSEHOLD_FIELDS), *positions) + 1
    answer_maps = {kind: _Mapped(C.ANSWER_MAPS[kind]) for kind in set(job.kinds)}
    answers_of = [(pos, answer_maps[kind]) for kind, pos in zip(job.kinds, positions)]
    tambons = pa.array(sorted(job.tambons), type=pa.large_string())
    lao_kinds = _Mapped(C.FAST_LAO_KIND)
    year, year_text, base, s = job.year, str(job.year), job.year * 100_000_000_000, job.src_index[id(src)]

    house_keys = _Remembered(C.fast_house_sort_key, 1 << 12)

    def take(chunk: Chunk, start: int) -> tuple[list, np.ndarray]:
        n = len(chunk) - start
        if chunk.width < width:
            return [], np.zeros(n, dtype=bool)
        col = _Columns(chunk, start, index)
        ok = chunk.plain[start:].copy()
        ok &= _np(pc.equal(col("survey_year"), year_text))
        village, house_code = col("village_code"), col("house_code")
        ok &= _matches(village, r"^[0-9]{8}$") & _np(pc.is_in(pc.utf8_slice_codeunits(village, 0, 6), value_set=tambons))
        ok &= _matches(house_code, r"^[0-9]{11}$")
        ok &= _np(pc.equal(pc.utf8_slice_codeunits(house_code, 0, 2), pc.utf8_slice_codeunits(village, 0, 2)))
        house_no, head = col("house_no"), col("head_name")
        ok &= _matches(house_no, _HOUSE_NO) & _text_ok(head, "head_name", filled=True)
        texts = {name: col(name) for name in HOUSEHOLD_TEXTS}
        for name, arr in texts.items():
            ok &= _text_ok(arr, name)
        money = [col(name) for name in C.MONEY_COLUMNS]
        for arr in money:
            ok &= _matches(arr, r"^[0-9]{0,15}$")
        lao_kind_text = col("lao_kind")
        kind, kind_ok = lao_kinds(lao_kind_text)
        blank_kind = _np(pc.equal(lao_kind_text, ""))
        ok &= kind_ok | blank_kind
        has_lao = ~_np(pc.equal(texts["lao_code"], ""))
        ok &= ~has_lao | (kind_ok & ~_np(pc.equal(texts["lao_name"], "")))
        survey_date = col("survey_date")
        no_day = _np(pc.equal(survey_date, ""))
        day_year, day_month, day_of_month, day_read = dates(survey_date)
        ok &= day_read | no_day
        chars = []
        for pos, mapped in answers_of:
            arr, found = _answer_chars(col.at(pos), mapped)
            chars.append(arr)
            ok &= found
        if not ok.any():
            return [], ok
        answers = pc.binary_join_element_wise(*chars, "")
        v = _np(pc.cast(pc.if_else(pa.array(ok), village, "0"), pa.int64()))
        hid = base + _np(pc.cast(pc.if_else(pa.array(ok), house_code, "0"), pa.int64()))
        day = pc.if_else(pa.array(no_day), _large(""), iso_dates(day_year, day_month, day_of_month))
        house_key = house_keys(house_no)
        head_key = thai_sort_keys(head)
        amounts = [_ints(pc.if_else(pa.array(ok), arr, "0")) for arr in money]
        numbers = chunk.numbers[start:]
        (hid_l, v_l, house_no_l, house_key_l, code_l, head_l, head_key_l, answers_l, collector_l, day_l, village_l,
         vname_l, lao_code_l, kind_l, lao_name_l, row_l, *amount_l) = _taken_rows(
            ok, hid, v, house_no, house_key, house_code, head, head_key, answers, texts["collector"], day, village,
            texts["village_name"], texts["lao_code"], np.where(blank_kind, None, kind), texts["lao_name"], numbers,
            *amounts)
        v_arr = v[ok]
        rows = zip(hid_l, repeat(year), (v_arr // 1_000_000).tolist(), (v_arr // 10_000).tolist(),
                   (v_arr // 100).tolist(), v_l, house_no_l, house_key_l, code_l, head_l, head_key_l, *amount_l,
                   answers_l, collector_l, day_l, repeat(1), repeat(0))
        places = zip(village_l, vname_l, lao_code_l, kind_l, lao_name_l)
        return list(zip(hid_l, repeat(s), row_l, rows, places)), ok

    return take


# --- members -------------------------------------------------------------------------------------


def member_taker(job, src) -> Taker | None:
    """Like household_taker, for member rows."""
    index = src.header.index
    if id(src) in job.broken or any(name not in index for name in C.FAST_MEMBER_FIELDS):
        return None
    year_at = index.get("survey_year")
    width = max(index[name] for name in (*C.FAST_MEMBER_FIELDS, *(("survey_year",) if year_at is not None else ()))) + 1
    year_text, base, s = str(job.year), job.year * 100_000_000_000, job.src_index[id(src)]
    ref = job.reference
    latest = min(job.today, ref)  # a later birth date is reported by member_row
    ref_months, ref_day = ref.year * 12 + ref.month, ref.day
    sexes, healths = _Mapped(C.FAST_SEX), _Mapped(C.FAST_HEALTH)
    reliant, school = _Mapped(C.FAST_SELF_RELIANT), _Mapped(C.FAST_IN_SCHOOL)

    latest_day = latest.year * 10_000 + latest.month * 100 + latest.day

    def births(arr: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(year, month, day, age in months, taken): a later birth date or an older age is member_row's."""
        year, month, day, read = dates(arr)
        months = ref_months - year * 12 - month - (ref_day < day)
        read &= (year * 10_000 + month * 100 + day <= latest_day) & (months <= MAX_AGE_MONTHS)
        return year, month, day, months, read

    def take(chunk: Chunk, start: int) -> tuple[list, np.ndarray]:
        n = len(chunk) - start
        if chunk.width < width:
            return [], np.zeros(n, dtype=bool)
        col = _Columns(chunk, start, index)
        ok = chunk.plain[start:].copy()
        if year_at is not None:
            ok &= _np(pc.equal(col("survey_year"), year_text))
        house_code, seq, pid = col("house_code"), col("seq"), col("pid")
        ok &= _matches(house_code, r"^[0-9]{11}$") & _matches(seq, _SEQ) & pid_valid(pid)
        first, last = col("first_name"), col("last_name")
        ok &= _text_ok(first, "first_name", filled=True) & _text_ok(last, "last_name", filled=True)
        texts = {name: col(name) for name in MEMBER_TEXTS}
        for name, arr in texts.items():
            ok &= _text_ok(arr, name)
        chosen = []
        for name, mapped in (("sex", sexes), ("health", healths), ("self_reliant", reliant), ("in_school", school)):
            values, found = mapped(col(name))
            chosen.append(values)
            ok &= found
        year, month, day, age_months, born_ok = births(col("birth_date"))
        ok &= born_ok
        if not ok.any():
            return [], ok
        mask = pa.array(ok)
        hid = base + _np(pc.cast(pc.if_else(mask, house_code, "0"), pa.int64()))
        seq_n = _np(pc.cast(pc.if_else(mask, seq, "1"), pa.int64()))
        iso = iso_dates(year[ok], month[ok], day[ok]).to_pylist()
        months = age_months[ok]
        (hid_l, seq_l, pid_l, rev_l, title_l, first_l, last_l, rel_l, edu_l, occ_l, code_l, row_l,
         sex_l, health_l, reliant_l, school_l) = _taken_rows(
            ok, hid, seq_n, pid, pc.utf8_reverse(pid), texts["title"], first, last, texts["relation"],
            texts["education"], texts["occupation"], house_code, chunk.numbers[start:], *chosen)
        rows = zip(hid_l, seq_l, pid_l, rev_l, title_l, first_l, last_l, sex_l, iso, (months // 12).tolist(),
                   months.tolist(), rel_l, edu_l, occ_l, health_l, reliant_l, school_l)
        return list(zip(hid_l, seq_l, repeat(s), row_l, rows, code_l)), ok

    return take
