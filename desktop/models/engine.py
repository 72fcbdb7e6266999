"""The one evaluation engine: an indicator set compiled to SQL expressions.

A household's answers are a string with one character per answer code of the survey's layout
('-' = no answer; household questions '1' yes / '0' no; person questions the number of target
members who fail, 0-9 then A-Z). Target populations are counted from members (ages at the survey's
reference date, health, schooling) in one GROUP BY, so a whole province evaluates at SQLite speed,
and a single household (the detail pane) goes through exactly the same expressions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models.indicators import Indicator, IndicatorSet

DIGITS36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PASS, FAIL, NOT_APPLICABLE = "P", "F", "-"


def encode_count(n: int | None) -> str:
    if n is None:
        return "-"
    return DIGITS36[min(max(n, 0), 35)]


def decode_count(ch: str) -> int | None:
    pos = DIGITS36.find(ch)
    return None if pos < 0 else pos


def _target_condition(target: dict) -> str:
    """SQL condition over a member row (alias m) for a target population."""
    parts = []
    if "age" in target:
        lo, hi = target["age"]
        parts.append(f"m.age >= {int(lo)}" + (f" AND m.age <= {int(hi)}" if hi is not None else ""))
    if "age_months" in target:
        lo, hi = target["age_months"]
        parts.append(f"m.age_months >= {int(lo)}" + (f" AND m.age_months <= {int(hi)}" if hi is not None else ""))
    if "health" in target:
        parts.append(f"m.health = '{target['health']}'")
    if "sex" in target:
        parts.append(f"m.sex = '{target['sex']}'")
    for flag in target.get("exclude", []):
        parts.append("m.in_school = 0" if flag == "in_school" else "NOT (m.health = 'D' AND m.self_reliant = 0)")
    return " AND ".join(f"({p})" for p in parts) or "1"


@dataclass(frozen=True)
class CompiledSet:
    """SQL pieces for one indicator set and survey year."""

    member_facts: str  # SELECT list over member m grouped by household: n, t0, t1, ...
    status: list[str]  # per indicator: 'P' / 'F' / '-' (over h and mf)
    target: list[str]  # per indicator: target count (persons or 1 household)
    failing: list[str]  # per indicator: failing count
    income_pp: str


def income_per_person(total_income: int, n_members: int) -> int:
    """Whole baht per person per year, as the engine's SQL computes it (integer division; 0 with no members)."""
    return 0 if n_members <= 0 else int(total_income) // int(n_members)


def compile_set(ind_set: IndicatorSet, survey_year: int, layout: list[str]) -> CompiledSet:
    position = {code: i + 1 for i, code in enumerate(layout)}
    conditions: dict[str, str] = {}
    for ind in ind_set.indicators:
        spec = {k: v for k, v in ind.target.items() if k != "given"}
        if spec:
            conditions.setdefault(_target_condition(spec), f"t{len(conditions)}")
    facts = ", ".join(["count(*) AS n"] + [f"sum({cond}) AS {alias}" for cond, alias in conditions.items()])
    total_income = "(h.inc_main + h.inc_second + h.inc_other + h.inc_produce)"
    income_pp = f"(CASE WHEN coalesce(mf.n, 0) = 0 THEN 0 ELSE {total_income} / mf.n END)"
    status, target, failing = [], [], []
    for ind in ind_set.indicators:
        spec = {k: v for k, v in ind.target.items() if k != "given"}
        members_in_target = f"mf.{conditions[_target_condition(spec)]}" if spec else None
        s, t, f = _indicator_sql(ind, position, members_in_target, ind_set, survey_year, total_income)
        status.append(s)
        target.append(t)
        failing.append(f)
    return CompiledSet(facts, status, target, failing, income_pp)


def _slot(position: dict[str, int], code: str) -> str:
    if code not in position:
        return "'-'"  # the survey's answers have no such question: never answered
    return f"substr(h.answers, {position[code]}, 1)"


def _count(position: dict[str, int], code: str) -> str:
    return f"(instr('{DIGITS36}', {_slot(position, code)}) - 1)"


def _indicator_sql(ind: Indicator, position, members_in_target, ind_set, survey_year, total_income):
    """(status, target, failing) SQL for one indicator; status is kept to one substr() where possible,
    since it is evaluated for every household of a province on import."""
    if ind.rule == "income":
        threshold = int(ind_set.threshold(survey_year))
        s = (
            f"(CASE WHEN coalesce(mf.n, 0) = 0 THEN '-' WHEN {total_income} < {threshold} * mf.n"
            " THEN 'F' ELSE 'P' END)"
        )
        return s, f"({s} <> '-')", f"({s} = 'F')"
    if ind.unit == "person":
        answer = _slot(position, ind.code)
        if ind.target_given:
            given = _slot(position, f"{ind.no}t")
            has_target, tgt = f"{given} NOT IN ('-', '0')", _count(position, f"{ind.no}t")
        else:
            has_target, tgt = f"{members_in_target} > 0", members_in_target
        s = f"(CASE WHEN {has_target} THEN (CASE {answer} WHEN '-' THEN '-' WHEN '0' THEN 'P' ELSE 'F' END) ELSE '-' END)"
        fail = _count(position, ind.code)
        return s, f"(CASE WHEN {s} = '-' THEN 0 ELSE {tgt} END)", f"(CASE WHEN {s} = '-' THEN 0 ELSE min({fail}, {tgt}) END)"
    codes = ind.answer_codes()
    if len(codes) == 1:
        s = f"(CASE {_slot(position, codes[0])} WHEN '1' THEN 'P' WHEN '0' THEN 'F' ELSE '-' END)"
    else:
        answers = " || ".join(_slot(position, c) for c in codes)
        s = f"(CASE WHEN instr({answers}, '0') THEN 'F' WHEN instr({answers}, '1') THEN 'P' ELSE '-' END)"
    if members_in_target:
        s = f"(CASE WHEN {members_in_target} > 0 THEN {s} ELSE '-' END)"
    return s, f"({s} <> '-')", f"({s} = 'F')"


MEMBER_FACTS = "bulk_member_facts"  # conn.info key: a load's member facts table, while BulkLoad.finish runs


def _member_facts_table(conn: Connection, compiled: CompiledSet, ids_sql: str, params: dict) -> str:
    """temp.mf: member_facts per household of ids_sql that has members; returns the table to join as mf.

    During a bulk load's finish (conn.info[MEMBER_FACTS] = (table, import id, member_facts, first of
    its year)) the load's own facts table already holds exactly these rows for its households: they
    are copied rather than counted again from every member, when all households asked for are the
    load's. When the load is the first of its year, every household of the year is the load's: its
    table is then joined as it is (returned instead of temp.mf).
    """
    conn.execute(text("DROP TABLE IF EXISTS temp.mf"))
    loaded = conn.info.get(MEMBER_FACTS)
    if loaded is not None and loaded[2] == compiled.member_facts and loaded[3]:
        return loaded[0]
    if loaded is not None and loaded[2] == compiled.member_facts and not conn.execute(
        text(f"SELECT 1 FROM household x WHERE x.id IN ({ids_sql}) AND x.import_id <> :mf_import LIMIT 1"),
        {**params, "mf_import": loaded[1]},
    ).first():
        source = f"SELECT * FROM {loaded[0]} WHERE hid IN ({ids_sql})"
    else:
        source = (f"SELECT m.household_id AS hid, {compiled.member_facts} FROM member m"
                  f" WHERE m.household_id IN ({ids_sql}) GROUP BY m.household_id")
    conn.execute(text(f"CREATE TEMP TABLE mf AS {source}"), params)
    conn.execute(text("CREATE UNIQUE INDEX temp.ix_mf ON mf(hid)"))
    return "temp.mf"


def _evaluated(compiled: CompiledSet, source: str, scope_sql: str, columns: str = "h.id AS id") -> str:
    """A MATERIALIZED CTE `s` with n, ipp, r per household (otherwise SQLite inlines r several times)."""
    # concat() builds the string once; a chain of || copies it at every step (~2x slower here)
    results = f"concat({', '.join(compiled.status)})" if compiled.status else "''"
    return (
        f"WITH s AS MATERIALIZED (SELECT {columns}, coalesce(mf.n, 0) AS n, {compiled.income_pp} AS ipp,"
        f" {results} AS r FROM {source} h LEFT JOIN mf ON mf.hid = h.id WHERE {scope_sql})"
    )


def insert_evaluated(conn: Connection, ind_set: IndicatorSet, survey_year: int, layout: list[str],
                     stage: str, columns: tuple[str, ...], facts: str | None = None) -> None:
    """Move staged households into the household table with their results: each row is written once.

    `facts` names a table shaped like temp.mf (hid INTEGER PRIMARY KEY, then member_facts) that
    already holds the staged households' member facts; without it they are counted first (temp.mf).
    With a stage keyed by `id INTEGER PRIMARY KEY` this is one pass over it in id order, appending
    to household in that order: no sort and no temporary table beyond the facts.
    """
    compiled = compile_set(ind_set, survey_year, layout)
    if facts is None:
        _member_facts_table(conn, compiled, f"SELECT id FROM {stage}", {})
    results = f"concat({', '.join(compiled.status)})" if compiled.status else "''"
    cols = ", ".join(columns)
    # concat() builds the string once (a chain of || copies it at every step); OFFSET keeps the
    # subquery a co-routine, never flattened into the outer query, so r is computed once per row
    conn.execute(
        text(
            f"INSERT INTO household({cols}, n_members, income_pp, results, n_failed)"
            f" SELECT {cols}, n, ipp, r, length(r) - length(replace(r, 'F', '')) FROM"
            f" (SELECT {', '.join('h.' + c for c in columns)}, coalesce(mf.n, 0) AS n, {compiled.income_pp} AS ipp,"
            f" {results} AS r FROM {stage} h LEFT JOIN {facts or 'temp.mf'} mf ON mf.hid = h.id"
            " ORDER BY h.id LIMIT -1 OFFSET 0)"
        )
    )
    if facts is None:
        conn.execute(text("DROP TABLE temp.mf"))


def evaluate_scope(conn: Connection, ind_set: IndicatorSet, survey_year: int, layout: list[str], scope_sql: str, params: dict) -> None:
    """Recompute n_members, income_pp, results and n_failed for households matching scope_sql (over h)."""
    compiled = compile_set(ind_set, survey_year, layout)
    _member_facts_table(conn, compiled, f"SELECT h.id FROM household h WHERE {scope_sql}", params)
    conn.execute(
        text(
            _evaluated(compiled, "household", scope_sql)
            + " UPDATE household SET n_members = s.n, income_pp = s.ipp, results = s.r,"
            " n_failed = length(s.r) - length(replace(s.r, 'F', '')) FROM s WHERE household.id = s.id"
        ),
        params,
    )
    conn.execute(text("DROP TABLE temp.mf"))


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    status: str  # P / F / -
    target: int
    failing: int
    answers: dict[str, str]  # answer code -> raw answer character


def evaluate_household(conn: Connection, ind_set: IndicatorSet, survey_year: int, layout: list[str], hid: int) -> list[IndicatorResult]:
    """Each indicator's result for one household, from the same SQL as the bulk evaluation."""
    compiled = compile_set(ind_set, survey_year, layout)
    columns = ", ".join(f"{s}, {t}, {f}" for s, t, f in zip(compiled.status, compiled.target, compiled.failing))
    row = conn.execute(
        text(
            f"SELECT h.answers, {columns} FROM household h LEFT JOIN (SELECT m.household_id AS hid,"
            f" {compiled.member_facts} FROM member m WHERE m.household_id = :id) mf ON mf.hid = h.id WHERE h.id = :id"
        ),
        {"id": hid},
    ).one()
    answers_text = row[0]
    answer_at = {code: (answers_text[i] if i < len(answers_text) else "-") for i, code in enumerate(layout)}
    out = []
    for k, ind in enumerate(ind_set.indicators):
        status, tgt, fail = row[1 + 3 * k], row[2 + 3 * k], row[3 + 3 * k]
        raw = {c: answer_at.get(c, "-") for c in ind.answer_codes()}
        out.append(IndicatorResult(ind, status, int(tgt or 0), int(fail or 0), raw))
    return out
