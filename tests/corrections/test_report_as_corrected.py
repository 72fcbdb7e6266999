"""Reports as corrected equal a full recomputation over a store where the corrections were applied to the rows."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import main
from desktop.models import corrections as corr, engine, summary, surveys
from desktop.models.corrections import Change
from desktop.reports import builders
from tests.corrections.helpers import hh, hid, load, member

KINDS = ("population", "indicators", "income", "failing-income")


def _store(store):
    other = [hh(3, incomes=(10000, 0, 0, 0)), hh(4)]
    other = [r[:5] + (52010102,) + r[6:] for r in other]  # a second village that is not corrected
    load(store, [hh(1, incomes=(20000, 0, 0, 0)), hh(2)] + other,
         [member(1, 1, 40), member(1, 2, 5, birth="2014-01-01"), member(2, 1, 30), member(2, 2, 33),
          member(3, 1, 50), member(4, 1, 20, birth="1998-06-01")])
    with store.begin() as conn:
        corr.record(conn, hid(1), [Change("birth_date", "2000-01-01", 2), Change("inc_main", "90000"),
                                   Change("sex", "F", 1)], reason="ตรวจ")
        corr.record(conn, hid(2), [Change("answer:4", "0")], reason="ตรวจ")
        corr.record(conn, hid(2), [Change("inc_second", "5")], reason="ตรวจ")
        corr.revert(conn, corr.corrections_of(conn, hid(2))[-1].uuid, "ผิด")  # reverted: not applied


def _rows(report):
    return [(t.key, t.rows) for t in report.tables]


def _apply_directly(conn):
    """The corrections written into the rows themselves, then everything recomputed."""
    survey = surveys.get(conn, 2562)
    for household, members in (corr.corrected_values(conn, h) for h in (hid(1), hid(2))):
        conn.execute(text("UPDATE household SET inc_main = :inc_main, inc_second = :inc_second, answers = :answers"
                          " WHERE id = :id"), household)
        for m in members.values():
            conn.execute(text("UPDATE member SET sex = :sex, birth_date = :birth_date, age = :age, age_months = :age_months"
                              " WHERE household_id = :household_id AND seq = :seq"), m)
    engine.evaluate_scope(conn, survey.indicator_set, 2562, survey.layout, "h.survey_year = :y", {"y": 2562})
    summary.rebuild(conn, 2562)


@pytest.mark.parametrize("from_rows", [False, True])
def test_as_corrected_equals_recomputation(store, from_rows):
    _store(store)
    with store.read() as conn:
        imported = {k: _rows(builders.build(conn, k, "5201", 2562)) for k in KINDS}
        corrected = {k: builders.build(conn, k, "5201", 2562, as_corrected=True, from_rows=from_rows) for k in KINDS}
        # the temp tables are gone again
        assert {k: _rows(builders.build(conn, k, "5201", 2562)) for k in KINDS} == imported
    assert all(r.as_corrected for r in corrected.values())
    for kind in KINDS:  # every report sees a difference
        assert _rows(corrected[kind]) != imported[kind], kind
    with store.begin() as conn:
        _apply_directly(conn)
        recomputed = {k: _rows(builders.build(conn, k, "5201", 2562)) for k in KINDS}
    assert {k: _rows(r) for k, r in corrected.items()} == recomputed


def test_cli_report_as_corrected(store, db_path, env_passphrase, tmp_path):
    _store(store)
    store.close()
    out = tmp_path / "r.xlsx"
    assert main.main(["report", "indicators", "--area", "52", "--year", "2562", "--as-corrected", "--out", str(out),
                      "--db", str(db_path)]) == 0
    assert out.exists()
