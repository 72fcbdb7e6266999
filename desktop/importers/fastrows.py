"""The import's fast path: a reader per source for rows whose cells are already canonical.

What `export` writes and what the national system exports (plain digits, M/F, dd/mm/yyyy, no stray
spaces) is taken here with the fewest Python operations; any other row makes the reader answer
False and goes to the checking path (national._Job.household_row / member_row), which accepts the
same values the same way and reports the rest: both paths give the same rows and problems
(tests/test_import_fastpath.py). A reader is made once per source, after the survey is known.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Callable

from desktop.importers import columns as C
from desktop.importers.limits import WARN_AGE

# Text the fast path takes as it is: no "'" (an export's anti-formula quote), no "#" (an Excel error
# value), printable (no control characters), not longer than this in all (cellchecks.py checks
# each column's own limit); a house number of digits with at most one "/" (anything else may be a
# date Excel made of it). Rows from a sheet with converted cells (readers.FlaggedRow) are no plain lists.
FAST_TEXT = 200
_PLAIN_HOUSE_NO = re.compile(r"[0-9]{1,6}(?:/[0-9]{1,5})?").fullmatch
MAX_AGE_MONTHS = (WARN_AGE + 1) * 12 - 1  # WARN_AGE years and 11 months: older goes to member_row (a warning)


def plain_text(text: str) -> bool:
    return "'" not in text and "#" not in text and len(text) <= FAST_TEXT and text.isprintable()

HOUSEHOLD_FIELDS = ("survey_year", "village_code", "village_name", "lao_code", "lao_kind", "lao_name", "house_no",
                    "house_code", "head_name", *C.MONEY_COLUMNS, "collector", "survey_date")
MEMBER_FIELDS = ("house_code", "seq", "pid", "title", "first_name", "last_name", "sex", "birth_date", "relation",
                 "education", "occupation", "health", "self_reliant", "in_school")


def household_reader(job, src) -> Callable[[int, list[str]], bool] | None:
    """A reader for this source's canonical rows: True when it took the row, False when the
    row must go to household_row (nothing is recorded then). None if the source cannot have one.

    A row taken is appended to job.pending as (id, source, row, values, place) like household_row
    does; place = (village, village name, อปท. code, kind, name) is recorded by the flush, in row order."""
    index = src.header.index
    if id(src) in job.broken or any(name not in index for name in HOUSEHOLD_FIELDS):
        return None
    positions = job.answer_positions(src)  # reports missing / unknown answer columns, once
    if id(src) in job.broken or None in positions:
        return None
    pick = itemgetter(*(index[name] for name in HOUSEHOLD_FIELDS))
    pick_answers: Callable[[list[str]], tuple]
    if len(positions) > 1:
        pick_answers = itemgetter(*positions)
    else:  # itemgetter of one position gives the cell, not a tuple
        pick_answers = lambda cells: tuple(cells[pos] for pos in positions)  # noqa: E731
    maps = tuple(C.ANSWER_MAPS[kind] for kind in job.kinds)
    width = max(*(index[name] for name in HOUSEHOLD_FIELDS), *positions) + 1
    year, year_text, base = job.year, str(job.year), job.year * 100_000_000_000
    tambons = job.tambons
    s = job.src_index[id(src)]
    lao_kinds, fast_date = C.FAST_LAO_KIND, C.fast_date
    house_key, head_key, get = C.fast_house_sort_key, C.fast_thai_sort_key, dict.get
    plain_house_no, plain = _PLAIN_HOUSE_NO, plain_text

    def read(row_no: int, cells: list[str]) -> bool:
        if len(cells) < width or cells.__class__ is not list:
            return False
        (y, village, village_name, lao_code, lao_kind, lao_name, house_no, house_code, head,
         m1, m2, m3, m4, m5, m6, m7, m8, collector, survey_date) = pick(cells)
        if not (y == year_text and len(village) == 8 and village.isdigit() and village.isascii()
                and village[:6] in tambons and len(house_code) == 11 and house_code.isdigit()
                and house_code.isascii() and house_code[:2] == village[:2] and house_no and head
                and house_no.strip() is house_no and head.strip() is head
                and village_name.strip() is village_name and collector.strip() is collector
                and lao_code.strip() is lao_code and lao_name.strip() is lao_name
                and plain_house_no(house_no) and plain("".join((house_no, head, village_name, collector,
                                                                   lao_code, lao_name)))):
            return False
        money = m1 + m2 + m3 + m4 + m5 + m6 + m7 + m8
        if money and not (money.isdigit() and money.isascii()):
            return False
        kind = lao_kinds.get(lao_kind) if lao_kind else None
        if (lao_kind and kind is None) or (lao_code and not (kind and lao_name)):
            return False
        if survey_date:
            day = fast_date(survey_date)
            if day is None:
                return False
            survey_date = day[1]
        try:
            answers = "".join(map(get, maps, pick_answers(cells)))
        except TypeError:  # a cell that is not a plain answer
            return False
        v = int(village)
        hid = base + int(house_code)
        job.pending.append((hid, s, row_no, (
            hid, year, v // 1_000_000, v // 10_000, v // 100, v, house_no, house_key(house_no), house_code,
            head, head_key(head), int(m1) if m1 else 0, int(m2) if m2 else 0, int(m3) if m3 else 0,
            int(m4) if m4 else 0, int(m5) if m5 else 0, int(m6) if m6 else 0, int(m7) if m7 else 0,
            int(m8) if m8 else 0, answers, collector, survey_date, 1, 0), (village, village_name, lao_code, kind, lao_name)))
        return True

    return read


def member_reader(job, src) -> Callable[[int, list[str]], bool] | None:
    """Like household_reader, for member rows (member_row takes the rest)."""
    index = src.header.index
    if id(src) in job.broken or any(name not in index for name in MEMBER_FIELDS):
        return None
    pick = itemgetter(*(index[name] for name in MEMBER_FIELDS))
    year_at = index.get("survey_year")
    width = max(index[name] for name in (*MEMBER_FIELDS, *(("survey_year",) if year_at is not None else ()))) + 1
    year_text, base, s = str(job.year), job.year * 100_000_000_000, job.src_index[id(src)]
    ref = job.reference
    latest = min(job.today, ref).isoformat()  # a later birth date is reported by member_row
    ref_months, ref_day = ref.year * 12 + ref.month, ref.day
    plain = plain_text
    births = C.Bounded(1 << 16)  # birth date cell -> (ISO date, age in months), or None: dates repeat
    p0, p1, p2, p3 = C.PID_PARTS
    sexes, healths, reliant, school = C.FAST_SEX, C.FAST_HEALTH, C.FAST_SELF_RELIANT, C.FAST_IN_SCHOOL

    def birth_of(text: str) -> tuple[str, int] | None:
        found = C.fast_date(text)
        if found is None or found[1] > latest:  # ISO dates compare as text
            return births.keep(text, None)
        born, iso = found
        months = ref_months - born.year * 12 - born.month - (ref_day < born.day)
        return births.keep(text, (iso, months) if months <= MAX_AGE_MONTHS else None)

    def read(row_no: int, cells: list[str]) -> bool:
        if len(cells) < width or cells.__class__ is not list or (year_at is not None and cells[year_at] != year_text):
            return False
        (house_code, seq, pid, title, first, last, sex, birth, relation, education, occupation,
         health, self_reliant, in_school) = pick(cells)
        if not (len(house_code) == 11 and house_code.isdigit() and house_code.isascii()
                and seq.isdigit() and seq.isascii() and 0 < (n := int(seq)) < 1000
                and len(pid) == 13 and pid.isdigit() and pid.isascii()
                and (11 - (p0[pid[:3]] + p1[pid[3:6]] + p2[pid[6:9]] + p3[pid[9:12]]) % 11) % 10
                == ord(pid[12]) - 48
                and first and last and first.strip() is first and last.strip() is last
                and title.strip() is title and relation.strip() is relation
                and education.strip() is education and occupation.strip() is occupation
                and plain("".join((first, last, title, relation, education, occupation)))):
            return False
        sex, health = sexes.get(sex), healths.get(health)
        self_reliant, in_school = reliant.get(self_reliant), school.get(in_school)
        birth = births.get(birth) or (birth not in births and birth_of(birth))
        if sex is None or health is None or self_reliant is None or in_school is None or not birth:
            return False
        iso, months = birth
        hid = base + int(house_code)
        job.pending.append((hid, n, s, row_no, (
            hid, n, pid, pid[::-1], title, first, last, sex, iso, months // 12, months,
            relation, education, occupation, health, self_reliant, in_school), house_code))
        return True

    return read
