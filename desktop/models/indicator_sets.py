"""Loading an official indicator set from a file into the store, and re-evaluating what uses it.

An officer receives the department's set as JSON (docs/indicator-format.md) or as an XLSX workbook
(sheets "set", "categories", "indicators"). Installing it keeps the file's content in the store,
re-lays out stored answers by answer code (a question the new set drops is dropped, a new one is
'-' until a re-import), re-evaluates every household of the survey years it covers, and says how
many households' results changed. The old content stays in the audit log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text

from desktop.models import audit, engine, indicators, meta
from desktop.models.indicators import IndicatorSet, IndicatorSetError


def read_file(path: Path | str) -> tuple[IndicatorSet, dict]:
    """(validated set, raw data) from a .json or .xlsx file; IndicatorSetError lists the problems."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        data = _from_xlsx(path)
    else:
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise IndicatorSetError(f"{path.name}: {err}") from err
    return indicators.parse(data, path.name), data


def _from_xlsx(path: Path) -> dict:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - any unreadable workbook is the same problem to the user
        raise IndicatorSetError(f"{path.name}: {err}") from err
    try:
        sheets = {ws.title.strip().lower(): [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
    finally:
        book.close()
    missing = [name for name in ("set", "categories", "indicators") if name not in sheets]
    if missing:
        raise IndicatorSetError(f"{path.name}: missing sheet(s) {', '.join(missing)}")
    data: dict = {}
    for row in sheets["set"]:
        if row and row[0] not in (None, "key"):
            data[str(row[0]).strip()] = _cell_value(row[1] if len(row) > 1 else None)
    data["categories"] = _records(sheets["categories"])
    data["indicators"] = _records(sheets["indicators"])
    return data


def _cell_value(value):
    """Cells holding JSON (lists, objects, true/false) are decoded; others stay as they are."""
    if isinstance(value, str) and value.strip()[:1] in "[{" or value in ("true", "false"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _records(rows: list[list]) -> list[dict]:
    if not rows:
        return []
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    out = []
    for row in rows[1:]:
        if not any(v not in (None, "") for v in row):
            continue
        record = {k: _cell_value(v) for k, v in zip(header, row) if k and v not in (None, "")}
        out.append(record)
    return out


@dataclass(frozen=True)
class InstallResult:
    period: str
    survey_years: list[int]
    households: int  # households re-evaluated
    changed: int  # of which the results string changed


def install(conn: Connection, ind_set: IndicatorSet, data: dict, source: str) -> InstallResult:
    """Store the set and re-evaluate the survey years that use it (caller's transaction)."""
    key = indicators.INSTALLED_PREFIX + ind_set.period
    previous = meta.get(conn, key)
    meta.put(conn, key, json.dumps(data, ensure_ascii=False, sort_keys=True))
    years = [y for y, p in conn.execute(text("SELECT year, period FROM survey")) if p == ind_set.period]
    years += [y for y in ind_set.survey_years if y not in years and _has_households(conn, y)]
    total = changed = 0
    for year in sorted(years):
        n, c = _reevaluate(conn, ind_set, year)
        total, changed = total + n, changed + c
    audit.append(conn, "indicators.install", target=ind_set.period,
                 detail={"source": source, "title": ind_set.title_th, "provisional": ind_set.provisional,
                         "years": years, "households": total, "changed": changed, "replaced": previous})
    return InstallResult(ind_set.period, sorted(years), total, changed)


def _has_households(conn: Connection, year: int) -> bool:
    return conn.execute(text("SELECT 1 FROM household WHERE survey_year = :y LIMIT 1"), {"y": year}).first() is not None


def _reevaluate(conn: Connection, ind_set: IndicatorSet, year: int) -> tuple[int, int]:
    old = conn.execute(text("SELECT answer_layout FROM survey WHERE year = :y"), {"y": year}).scalar()
    old_layout = old.split(",") if old else []
    new_layout = ind_set.answer_layout()
    if old_layout != new_layout:
        position = {code: i + 1 for i, code in enumerate(old_layout)}
        parts = [f"substr(answers, {position[c]}, 1)" if c in position else "'-'" for c in new_layout]
        conn.execute(text(f"UPDATE household SET answers = concat({', '.join(parts) or chr(39) * 2})"
                          " WHERE survey_year = :y"), {"y": year})
    conn.execute(
        text("INSERT INTO survey(year, period, reference_date, answer_layout) VALUES (:y, :p, :r, :l)"
             " ON CONFLICT(year) DO UPDATE SET period = excluded.period, reference_date = excluded.reference_date,"
             " answer_layout = excluded.answer_layout"),
        {"y": year, "p": ind_set.period, "r": ind_set.reference_date(year), "l": ",".join(new_layout)},
    )
    conn.execute(text("DROP TABLE IF EXISTS temp.before_eval"))
    conn.execute(text("CREATE TEMP TABLE before_eval AS SELECT id, results FROM household WHERE survey_year = :y"),
                 {"y": year})
    engine.evaluate_scope(conn, ind_set, year, new_layout, "h.survey_year = :y", {"y": year})
    total, changed = conn.execute(text(
        "SELECT count(*), coalesce(sum(h.results <> b.results), 0) FROM household h JOIN temp.before_eval b"
        " ON b.id = h.id")).one()
    conn.execute(text("DROP TABLE temp.before_eval"))
    _after_reevaluation(conn, year)
    return int(total), int(changed)


def _after_reevaluation(conn: Connection, year: int) -> None:
    """Summaries that depend on results (report tables) follow the new results."""
    from desktop.models import summary

    summary.rebuild(conn, year)
