"""Household data as corrected: the applied corrections (recorded, sent, not applied) on top of the imported
rows, re-evaluated by the indicator engine's own SQL in TEMP shadow tables."""

from __future__ import annotations

import datetime as dt
import json
from contextlib import contextmanager

from sqlalchemy import Connection, text

from desktop.models import dates, engine, surveys
from desktop.models.correction_fields import ANSWER_PREFIX, FIELDS, raw_value
from desktop.models.correction_states import APPLIED_STATUSES, CorrectionState, corrections_of, read_states, statuses


def household_row(conn: Connection, hid: int, schema: str = "main") -> dict | None:
    row = conn.execute(text(f"SELECT * FROM {schema}.household WHERE id = :id"), {"id": hid}).mappings().first()
    return dict(row) if row else None



def member_rows(conn: Connection, hid: int, schema: str = "main") -> dict[int, dict]:
    rows = conn.execute(text(f"SELECT * FROM {schema}.member WHERE household_id = :id ORDER BY seq"), {"id": hid}).mappings()
    return {r["seq"]: dict(r) for r in rows}



def _overlay(states: list[CorrectionState]) -> dict[tuple[int | None, str], str]:
    out: dict[tuple[int | None, str], str] = {}
    for s in states:  # in recording order: the latest wins
        if s.status in APPLIED_STATUSES:
            out[(s.member_seq, s.field)] = s.new_value
    return out



def _apply(household: dict, members: dict[int, dict], overlay: dict, layout: list[str], reference_date: str) -> None:
    for (seq, name), value in overlay.items():
        if seq is None:
            if name.startswith(ANSWER_PREFIX):
                code = name[len(ANSWER_PREFIX):]
                if code in layout:
                    answers = list((household.get("answers") or "").ljust(len(layout), "-"))
                    answers[layout.index(code)] = _answer_char(value)
                    household["answers"] = "".join(answers)
            else:
                household[name] = int(value) if FIELDS[name].kind == "int" else value
                if name in ("house_no", "head_name"):
                    from desktop.models.sortkeys import house_sort_key, thai_sort_key

                    sort_column, key = ("house_sort", house_sort_key) if name == "house_no" else ("head_sort", thai_sort_key)
                    household[sort_column] = key(value)
        elif seq in members:
            m = members[seq]
            if name in ("self_reliant", "in_school"):
                m[name] = int(value)
            else:
                m[name] = value
            if name == "pid":
                m["pid_rev"] = value[::-1]
            if name == "birth_date":
                m["age"], m["age_months"] = dates.age_at(dt.date.fromisoformat(value), dt.date.fromisoformat(reference_date))



def _answer_char(value: str) -> str:
    if value in ("", "-"):
        return "-"
    return engine.encode_count(int(value))



def corrected_values(conn: Connection, household_id: int) -> tuple[dict, dict[int, dict]] | None:
    """(household row, {seq: member row}) with the applied corrections on top; None if no such household."""
    household = household_row(conn, household_id)
    if household is None:
        return None
    members = member_rows(conn, household_id)
    survey = surveys.require(conn, household["survey_year"])
    _apply(household, members, _overlay(corrections_of(conn, household_id)), survey.layout, survey.reference_date)
    return household, members



def current_value(conn: Connection, household_id: int, name: str, member_seq: int | None = None) -> str:
    found = corrected_values(conn, household_id)
    if found is None:
        return ""
    household, members = found
    survey = surveys.require(conn, household["survey_year"])
    row = household if member_seq is None else members.get(member_seq, {})
    return raw_value(row, name, survey.layout)



def shadow_tables(conn: Connection, survey_year: int, household_ids: list[int], scope_sql: str | None = None,
                  params: dict | None = None) -> None:
    """TEMP copies of household/member (which shadow the main tables for unqualified SQL on this connection)
    holding the given households (or those matching scope_sql over h) with their corrections applied and
    re-evaluated by the engine."""
    drop_shadow_tables(conn)
    ids = json.dumps([int(h) for h in household_ids])
    where, p = (scope_sql, dict(params or {})) if scope_sql else ("h.id IN (SELECT value FROM json_each(:ids))", {"ids": ids})
    conn.execute(text(f"CREATE TEMP TABLE household AS SELECT h.* FROM main.household h WHERE {where}"), p)
    conn.execute(text("CREATE TEMP TABLE member AS SELECT m.* FROM main.member m"
                      " WHERE m.household_id IN (SELECT id FROM temp.household)"))
    conn.execute(text("CREATE INDEX temp.ix_shadow_member ON member(household_id, seq)"))
    survey = surveys.require(conn, survey_year)
    by_house = statuses(conn, household_ids)
    for hid in household_ids:
        household = household_row(conn, hid, "temp")
        if household is None:
            continue
        members = member_rows(conn, hid, "temp")
        _apply(household, members, _overlay(by_house.get(hid, [])), survey.layout, survey.reference_date)
        cols = [c for c in household if c != "id"]
        conn.execute(text(f"UPDATE temp.household SET {', '.join(f'{c} = :{c}' for c in cols)} WHERE id = :id"), household)
        for m in members.values():
            mcols = [c for c in m if c not in ("household_id", "seq")]
            conn.execute(text(f"UPDATE temp.member SET {', '.join(f'{c} = :{c}' for c in mcols)}"
                              " WHERE household_id = :household_id AND seq = :seq"), m)
    engine.evaluate_scope(conn, survey.indicator_set, survey_year, survey.layout, "h.survey_year = :y", {"y": survey_year})



def drop_shadow_tables(conn: Connection) -> None:
    for table in ("household", "member", *_SUMMARY_TABLES):
        conn.execute(text(f"DROP TABLE IF EXISTS temp.{table}"))



_SUMMARY_TABLES = ("report_village", "report_indicator", "report_income_failing")



@contextmanager
def corrected_view(conn: Connection, survey_year: int, *, all_households: bool = False):
    """Inside the block, unqualified SQL on `conn` sees the year's data as corrected: TEMP tables shadow
    household/member (the villages with applied corrections, or every household of the year with
    all_households=True) and the report summaries (copies of the year's, the corrected villages recomputed by
    summary.refresh). Yields the number of corrected households (0: nothing differs, no tables made)."""
    from desktop.models import summary

    hids = sorted({s.household_id for s in read_states(conn, "c.survey_year = :y", {"y": survey_year})
                   if s.status in APPLIED_STATUSES})
    if not hids:
        yield 0
        return
    villages = sorted(set(conn.execute(text("SELECT DISTINCT village FROM household WHERE id IN"
                                            " (SELECT value FROM json_each(:ids))"), {"ids": json.dumps(hids)}).scalars()))
    try:
        scope = "h.survey_year = :y" + ("" if all_households else " AND h.village IN (SELECT value FROM json_each(:v))")
        shadow_tables(conn, survey_year, hids, scope, {"y": survey_year, "v": json.dumps(villages)})
        for table in _SUMMARY_TABLES:
            conn.execute(text(f"CREATE TEMP TABLE {table} AS SELECT * FROM main.{table} WHERE survey_year = :y"),
                         {"y": survey_year})
        summary.refresh(conn, survey_year, villages)
        yield len(hids)
    finally:
        drop_shadow_tables(conn)



def corrected_rows(conn: Connection, rows: list) -> list:
    """Household table rows (households.HouseholdRow) with applied corrections on top: the corrected
    households of the page are re-evaluated by the engine in shadow tables; the others are returned as they are."""
    if not rows:
        return rows
    by_house = statuses(conn, [r.id for r in rows])
    changed = [hid for hid, states in by_house.items() if any(s.status in APPLIED_STATUSES for s in states)]
    if not changed:
        return rows
    from desktop.models import households

    year = conn.execute(text("SELECT survey_year FROM household WHERE id = :i"), {"i": changed[0]}).scalar_one()
    try:
        shadow_tables(conn, year, changed)
        fixed = {r.id: r for r in households.rows_by_ids(conn, changed)}  # unqualified SQL sees the shadow tables
    finally:
        drop_shadow_tables(conn)
    return [fixed.get(r.id, r) for r in rows]



def evaluate_as_corrected(conn: Connection, household_id: int) -> list[engine.IndicatorResult]:
    """The household's indicator results with its corrections applied, through the engine's own SQL."""
    household = household_row(conn, household_id)
    if household is None:
        return []
    survey = surveys.require(conn, household["survey_year"])
    try:
        shadow_tables(conn, survey.year, [household_id])
        return engine.evaluate_household(conn, survey.indicator_set, survey.year, survey.layout, household_id)
    finally:
        drop_shadow_tables(conn)
