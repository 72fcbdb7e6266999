"""Report summary tables: what the four review reports need, kept per survey year and village.

- report_village: households, persons, the sums of the four income and four expense components, and
  persons by sex and single year of age (m0..m100, f0..f100; 100 = 100 or older), so that any age
  grouping can be summed later;
- report_indicator: per village and indicator, households with a result (P or F) and failing, and
  for person indicators the target persons and failing persons (the engine's own target/failing SQL);
- report_income_failing: the households failing the year's income indicator, with the columns the
  list shows, in list order (village, natural house order).

A province report then sums ~5,000 village rows instead of reading 1,000,000 households.
`refresh()` recomputes the villages an import touched (BulkLoad.finish calls it); `rebuild()` a
whole survey year (migration 0003; needed again whenever a year's results are re-evaluated).
Both write in the caller's transaction. Reports can also be built straight from household/member
rows (builders.build(..., from_rows=True), figures.*_from_rows); tests/reports checks both agree.
Household counts per indicator come from the stored results strings; they are as current as those.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from desktop.models import engine, surveys
from desktop.models.db import raw
from desktop.models.schema import REPORT_AGE_COLUMNS, REPORT_EXPENSE, REPORT_INCOME, REPORT_TOP_AGE

_MONEY = REPORT_INCOME + REPORT_EXPENSE
_VILLAGE_COLUMNS = ("survey_year", "village", "households", "persons", *_MONEY, *REPORT_AGE_COLUMNS)
_VILLAGE_INSERT = (
    f"INSERT INTO report_village({', '.join(_VILLAGE_COLUMNS)}) VALUES ({', '.join('?' * len(_VILLAGE_COLUMNS))})"
)
_INDICATOR_INSERT = (
    "INSERT INTO report_indicator(survey_year, village, indicator, households, households_failed, persons,"
    " persons_failed) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_TABLES = ("report_village", "report_indicator", "report_income_failing")
_AGE_SLOTS = REPORT_TOP_AGE + 1
_SEX_OFFSET = {"M": 0, "F": _AGE_SLOTS}
_AGE_VILLAGES = 100


def rebuild(conn: Connection, survey_year: int) -> None:
    """Recompute the summaries of every village of a survey year."""
    refresh(conn, survey_year, None)


def refresh(conn: Connection, survey_year: int, villages: list[int] | None) -> None:
    """Recompute the summaries of the given villages (None: all of the year). A village that has no
    households any more loses its rows."""
    if villages is not None and not villages:
        return
    if villages is None:
        scope, params = "h.survey_year = :y", {"y": survey_year}  # type: str, dict[str, object]
        for table in _TABLES:
            conn.execute(text(f"DELETE FROM {table} WHERE survey_year = :y"), params)
    else:
        scope = "h.survey_year = :y AND h.village IN (SELECT value FROM json_each(:v))"
        params = {"y": survey_year, "v": json.dumps([int(v) for v in villages])}
        for table in _TABLES:
            conn.execute(
                text(f"DELETE FROM {table} WHERE survey_year = :y AND village IN (SELECT value FROM json_each(:v))"),
                params,
            )
    survey = surveys.get(conn, survey_year)
    indicators = survey.indicator_set.indicators if survey is not None else ()
    village_rows, results = _households(conn, survey_year, scope, params, len(indicators))
    if not village_rows:
        return
    _ages(conn, params, village_rows)
    raw(conn).executemany(_VILLAGE_INSERT, list(village_rows.values()))
    if indicators and survey is not None:
        _indicators(conn, survey, scope, params, results)
        _income_failing(conn, survey, scope, params)


def _households(conn: Connection, year: int, scope: str, params: dict, width: int) -> tuple[dict, dict]:
    """One pass over the households: per village the report_village row (ages still 0) and the results
    strings of all its households end to end (each padded or cut to `width`)."""
    sums = ", ".join(f"sum(h.{c})" for c in _MONEY)
    results = f"group_concat(substr(h.results || '{'-' * width}', 1, {width}), '')" if width else "''"
    rows, strings = {}, {}
    for village, households, persons, *money, joined in conn.execute(
        text(f"SELECT h.village, count(*), sum(h.n_members), {sums}, {results} FROM household h WHERE {scope}"
             " GROUP BY h.village"),
        params,
    ):
        rows[village] = [year, village, households, persons or 0, *money, *([0] * (2 * _AGE_SLOTS))]
        strings[village] = joined
    return rows, strings


def _ages(conn: Connection, params: dict, rows: dict) -> None:
    """Persons by village, sex and age, a hundred villages at a time: GROUP BY sorts all its input
    rows in memory (temp_store=MEMORY keeps everything off the disk), which for a province at once
    is every member (~150 MB for 3,000,000); the results are the same."""
    first_age = 4 + len(_MONEY)
    villages = sorted(rows)
    year = params["y"]
    for start in range(0, len(villages), _AGE_VILLAGES):
        part = json.dumps(villages[start:start + _AGE_VILLAGES])
        ages = raw(conn).execute(  # ~200 rows a village: the DBAPI cursor, not SQLAlchemy's rows
            f"SELECT h.village, m.sex, min(max(m.age, 0), {REPORT_TOP_AGE}) AS a, count(*) FROM household h"
            " JOIN member m ON m.household_id = h.id WHERE h.survey_year = ? AND h.village IN"
            " (SELECT value FROM json_each(?)) AND m.sex IN ('M', 'F') GROUP BY 1, 2, 3",
            (year, part),
        )
        for village, sex, age, count in ages:
            rows[village][first_age + _SEX_OFFSET[sex] + age] = count


def _indicators(conn: Connection, survey: surveys.Survey, scope: str, params: dict, results: dict) -> None:
    """Household counts come from the stored results strings (counted in Python, a slice per indicator);
    target and failing persons from the engine's SQL over the members, one pass for all indicators."""
    ind_set = survey.indicator_set
    width = len(ind_set.indicators)
    persons = _person_counts(conn, survey, scope, params)
    person_positions = [k for k, ind in enumerate(ind_set.indicators) if ind.unit == "person"]
    out = []
    for village, joined in results.items():
        found = persons.get(village)
        by_position = dict(zip(person_positions, zip(found[0::2], found[1::2]))) if found else {}
        for k, ind in enumerate(ind_set.indicators):
            column = joined[k::width]
            failed = column.count("F")
            target, failing = by_position.get(k, (0, 0))
            out.append((survey.year, village, ind.no, failed + column.count("P"), failed, target, failing))
    if out:
        raw(conn).executemany(_INDICATOR_INSERT, out)


def _person_counts(conn: Connection, survey: surveys.Survey, scope: str, params: dict) -> dict[int, tuple]:
    """{village: (target, failing, target, failing, ...)} for the person indicators, in set order."""
    ind_set = survey.indicator_set
    compiled = engine.compile_set(ind_set, survey.year, survey.layout)
    columns = []
    for k, ind in enumerate(ind_set.indicators):
        if ind.unit == "person":
            # the stored result is this very status expression, evaluated when the household was loaded
            status, slot = compiled.status[k], f"substr(h.results, {k + 1}, 1)"
            target, failing = compiled.target[k].replace(status, slot), compiled.failing[k].replace(status, slot)
            columns += [f"coalesce(sum({target}), 0)", f"coalesce(sum({failing}), 0)"]
    if not columns:
        return {}
    facts = engine._member_facts_table(conn, compiled, f"SELECT h.id FROM household h WHERE {scope}", params)
    try:
        return {
            village: tuple(values)
            for village, *values in conn.execute(
                text(f"SELECT h.village, {', '.join(columns)} FROM household h JOIN {facts} AS mf ON mf.hid = h.id"
                     f" WHERE {scope} GROUP BY h.village"),
                params,
            )
        }
    finally:
        conn.execute(text("DROP TABLE IF EXISTS temp.mf"))


def _income_failing(conn: Connection, survey: surveys.Survey, scope: str, params: dict) -> None:
    """The households whose stored result fails the set's income indicator, with what the list shows."""
    ind_set = survey.indicator_set
    indicator = ind_set.income_indicator()
    if indicator is None:
        return
    position = ind_set.indicators.index(indicator) + 1
    conn.execute(
        text(
            "INSERT INTO report_income_failing(survey_year, village, house_sort, household_id, house_no, house_code,"
            " head_name, members, income) SELECT h.survey_year, h.village, h.house_sort, h.id, h.house_no,"
            " h.house_code, h.head_name, h.n_members, h.inc_main + h.inc_second + h.inc_other + h.inc_produce"
            f" FROM household h WHERE {scope} AND substr(h.results, :position, 1) = 'F'"
        ),
        {**params, "position": position},
    )
