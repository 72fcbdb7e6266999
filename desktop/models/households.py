"""Reading households for the review window: filtered, ordered id lists, rows by id, one detail.

Nothing here loads an area into Python objects: the table asks for the ordered ids (8 bytes each,
fetched off the GUI thread for big areas), then for rows by id a page at a time.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop.models import audit, engine, events, indicators, surveys
from desktop.models.fields import EXPENSE, INCOME
from desktop.models.schema import STATUS_REVIEWED, household_id
from desktop.models.sortkeys import thai_sort_key

SORTS = {
    "house": "h.village, h.house_sort",
    "village": "h.village, h.house_sort",
    "house_code": "h.house_code",
    "head": "h.head_sort",
    "members": "h.n_members",
    "income_pp": "h.income_pp",
    "failed": "h.n_failed",
    "status": "h.status",
}


@dataclass(frozen=True)
class HouseholdFilter:
    survey_year: int
    area_code: str
    status: int | None = None
    failed_position: int | None = None  # 1-based position of an indicator in the set: households failing it
    search: str = ""
    correction: str | None = None  # households with a correction in this status ('any', 'open', 'recorded', ...)


def _area_range(code: str) -> tuple[int, int]:
    pad = 8 - len(code)
    return int(code + "0" * pad), int(code + "9" * pad)


FEW_NAME_MATCHES = 3000  # below this, look the members up first; above, scan households in table order


def _where(flt: HouseholdFilter, conn: Connection) -> tuple[str, str, dict]:
    """(FROM clause, WHERE clause, parameters) for a filter over household h."""
    lo, hi = _area_range(flt.area_code)
    clauses = ["h.survey_year = :year", "h.village BETWEEN :lo AND :hi"]
    params: dict = {"year": flt.survey_year, "lo": lo, "hi": hi}
    source = "household h"
    if flt.status is not None:
        clauses.append("h.status = :status")
        params["status"] = flt.status
    if flt.failed_position:
        clauses.append("substr(h.results, :fpos, 1) = 'F'")
        params["fpos"] = flt.failed_position
    if flt.correction:
        from desktop.models import corrections  # corrections builds on households

        condition, extra = corrections.status_condition(flt.correction)
        clauses.append(condition)
        params.update(extra)
    term = flt.search.strip()
    compact = term.replace("-", "").replace(" ", "")
    if compact.isdigit() or (term[:1].isdigit() and "/" in term):
        # few candidates: find them through their indexes first, then filter and sort (CROSS JOIN fixes the order)
        candidates, extra = _number_candidates(term, compact, flt.survey_year)
        source = f"({candidates}) AS c CROSS JOIN household h ON h.id = c.id"
        params.update(extra)
    elif term:
        members, extra = _name_members(term)
        params.update(extra)
        few = conn.execute(
            text(f"SELECT count(*) FROM (SELECT 1 FROM ({members}) LIMIT {FEW_NAME_MATCHES})"), extra
        ).scalar_one() < FEW_NAME_MATCHES
        if few:
            source = f"(SELECT DISTINCT household_id AS id FROM ({members})) AS c CROSS JOIN household h ON h.id = c.id"
        else:  # a common name: the first page fills after a short scan in display order
            clauses.append(f"EXISTS (SELECT 1 FROM ({members}) AS hit WHERE hit.household_id = h.id)")
    return source, " AND ".join(clauses), params


def _number_candidates(term: str, compact: str, year: int) -> tuple[str, dict]:
    """Households whose house number is (or starts with `term/`), whose house code is the number,
    or with a member whose ID ends with it (4 digits or more)."""
    parts = ["SELECT id FROM household WHERE house_no = :term",
             "SELECT id FROM household WHERE house_no >= :slash_lo AND house_no < :slash_hi"]
    params: dict = {"term": term, "slash_lo": term + "/", "slash_hi": term + "0"}
    if compact.isdigit() and len(compact) == 11:
        parts.append("SELECT :code_id AS id")
        params["code_id"] = household_id(year, compact)
    if compact.isdigit() and len(compact) >= 4:
        rev = compact[::-1]
        parts.append("SELECT household_id AS id FROM member WHERE pid_rev >= :rev AND pid_rev < :rev_end")
        params.update({"rev": rev, "rev_end": rev + ":"})
    return " UNION ".join(parts), params


def _name_members(term: str) -> tuple[str, dict]:
    """Members (household_id) whose first or last name starts with the term; two words: first and last."""
    words = term.split()
    params = {"n1": words[0], "n1_end": words[0] + "\uffff"}
    if len(words) > 1:
        params.update({"n2": words[1], "n2_end": words[1] + "\uffff"})
        return (
            "SELECT household_id FROM member WHERE first_name >= :n1 AND first_name < :n1_end"
            " AND last_name >= :n2 AND last_name < :n2_end",
            params,
        )
    return (
        "SELECT household_id FROM member WHERE first_name >= :n1 AND first_name < :n1_end"
        " UNION ALL SELECT household_id FROM member WHERE last_name >= :n1 AND last_name < :n1_end",
        params,
    )


def _order(sort: str, descending: bool) -> str:
    cols = SORTS[sort]
    if descending:
        cols = ", ".join(c + " DESC" for c in cols.split(", "))
    return f"{cols}, h.id" if sort != "house" else f"{cols}, h.id{' DESC' if descending else ''}"


def ordered_ids(conn: Connection, flt: HouseholdFilter, sort: str = "house", descending: bool = False) -> array:
    source, where, params = _where(flt, conn)
    ids = array("q")
    result = conn.execute(text(f"SELECT h.id FROM {source} WHERE {where} ORDER BY {_order(sort, descending)}"), params)
    for chunk in result.scalars().partitions(20_000):
        ids.extend(chunk)
    return ids


def count(conn: Connection, flt: HouseholdFilter) -> int:
    source, where, params = _where(flt, conn)
    return conn.execute(text(f"SELECT count(*) FROM {source} WHERE {where}"), params).scalar_one()


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    village: int
    house_no: str
    house_code: str
    head_name: str
    n_members: int
    income_pp: int
    n_failed: int
    results: str
    status: int


_ROW_COLUMNS = "h.id, h.village, h.house_no, h.house_code, h.head_name, h.n_members, h.income_pp, h.n_failed, h.results, h.status"


def first_page(conn: Connection, flt: HouseholdFilter, sort: str = "house", descending: bool = False, limit: int = 100) -> list[HouseholdRow]:
    source, where, params = _where(flt, conn)
    rows = conn.execute(
        text(f"SELECT {_ROW_COLUMNS} FROM {source} WHERE {where} ORDER BY {_order(sort, descending)} LIMIT :lim"),
        {**params, "lim": limit},
    )
    return [HouseholdRow(*r) for r in rows]


def rows_by_ids(conn: Connection, ids: list[int]) -> list[HouseholdRow]:
    """Rows in the order of ids (missing ids, e.g. replaced by an import meanwhile, are skipped)."""
    rows = conn.execute(
        text(f"SELECT {_ROW_COLUMNS} FROM household h WHERE h.id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(list(ids))},
    )
    found = {r[0]: HouseholdRow(*r) for r in rows}
    return [found[i] for i in ids if i in found]


@dataclass(frozen=True)
class Member:
    seq: int
    pid: str
    title: str
    first_name: str
    last_name: str
    sex: str
    birth_date: str
    age: int
    relation: str
    education: str
    occupation: str
    health: str
    self_reliant: bool
    in_school: bool

    @property
    def full_name(self) -> str:
        return f"{self.title}{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class HouseholdDetail:
    id: int
    survey_year: int
    village: int
    house_no: str
    house_code: str
    head_name: str
    status: int
    version: int
    collector: str
    survey_date: str
    income: dict[str, int]
    expense: dict[str, int]
    income_pp: int
    threshold: int | None
    members: list[Member] = field(default_factory=list)
    results: list[engine.IndicatorResult] = field(default_factory=list)
    provisional: bool = False
    period: str = ""
    indicator_set: indicators.IndicatorSet | None = None


def detail(conn: Connection, hid: int) -> HouseholdDetail | None:
    row = conn.execute(text("SELECT * FROM household WHERE id = :id"), {"id": hid}).mappings().first()
    if row is None:
        return None
    survey = surveys.require(conn, row["survey_year"])
    ind_set = survey.indicator_set
    members = [
        Member(r.seq, r.pid, r.title, r.first_name, r.last_name, r.sex, r.birth_date, r.age, r.relation, r.education,
               r.occupation, r.health, bool(r.self_reliant), bool(r.in_school))
        for r in conn.execute(text("SELECT * FROM member WHERE household_id = :id ORDER BY seq"), {"id": hid})
    ]
    threshold = ind_set.income_threshold.get(row["survey_year"]) if ind_set.income_indicator() else None
    return HouseholdDetail(
        id=hid, survey_year=row["survey_year"], village=row["village"], house_no=row["house_no"],
        house_code=row["house_code"], head_name=row["head_name"], status=row["status"], version=row["version"],
        collector=row["collector"], survey_date=row["survey_date"],
        income={k: row[k] for k in INCOME}, expense={k: row[k] for k in EXPENSE},
        income_pp=row["income_pp"], threshold=threshold, members=members,
        results=engine.evaluate_household(conn, ind_set, row["survey_year"], survey.layout, hid),
        provisional=ind_set.provisional, period=survey.period, indicator_set=ind_set,
    )


def reveal_pid(conn: Connection, hid: int, seq: int) -> str:
    """The full ID of one member; the reveal is written to the audit log (PDPA)."""
    pid = conn.execute(
        text("SELECT pid FROM member WHERE household_id = :h AND seq = :s"), {"h": hid, "s": seq}
    ).scalar_one()
    audit.append(conn, "member.reveal_id", target=f"{hid}/{seq}")
    return pid


def set_status(conn: Connection, ids: list[int], status: int = STATUS_REVIEWED) -> int:
    changed = conn.execute(
        text("UPDATE household SET status = :s WHERE id IN (SELECT value FROM json_each(:ids)) AND status <> :s"),
        {"s": status, "ids": json.dumps(list(ids))},
    ).rowcount
    if changed:
        audit.append(conn, "household.status", target=",".join(map(str, ids[:50])), detail={"status": status, "count": changed})
        events.record(conn, "household.status", {"status": status}, list(ids))  # same transaction as the change
    return changed


def head_sort_for(name: str) -> str:
    return thai_sort_key(name)
