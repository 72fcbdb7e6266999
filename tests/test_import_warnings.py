"""Warnings to confirm (issue 15): a value that is unusual but may be right is no problem. It is listed with
its file, row, column and a Thai explanation, and the import is applied only when the officer confirms
(Choices.accept_warnings, `main.py import --accept-warnings`); without it the store is unchanged.
An age over 120 stays a problem. The fast path and the checking path give the same warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

import main
from desktop.cli.importing import problem_line
from desktop.importers import limits, national, rowchecks, vectorrows
from desktop.messages import msg
from desktop.models import dates, db, indicators
from tests.conftest import PASSPHRASE
from tests.fixtures import bmnfiles as F
from tests.test_import_fastpath import contents, load as load_counted
from tests.test_import_preview import fingerprint

REFERENCE = dt.date.fromisoformat(indicators.bundled(indicators.period_for_year(F.YEAR)).reference_date(F.YEAR))
OLD = "01/01/2462"  # 105 at the reference date of 2567 (1 January 2567)


def load(store, tmp_path, hh, mm, stem="data", **choices):
    paths = F.write_pair(tmp_path, hh, mm, stem=stem)
    return national.import_files(store, paths, choices=national.Choices(**choices))


def found(items) -> list[tuple]:
    return [(p.file, p.row, p.column, p.value, p.message) for p in items]


def old_warning(age: int, file: str, row: int, value: str) -> tuple:
    return (file, row, "birth_date", value,
            msg("imp_warn_old", age=age, limit=100, reference=dates.long_date(REFERENCE, "th")))


def big_household(n: int) -> tuple[list[dict], list[dict]]:
    hh, mm = F.sample(1, members_per=n)
    for m in mm:
        m["birth_date"] = "01/05/2530"  # the sample's dates are made for up to 9 members
    return hh, mm


def households(store) -> int:
    with store.read() as conn:
        return conn.execute(text("SELECT count(*) FROM household")).scalar()


def test_the_thresholds_are_declared_once():
    assert (limits.WARN_AGE, limits.MAX_AGE, limits.WARN_MEMBERS, limits.WARN_INCOME) == (100, 120, 20, 10_000_000)
    assert rowchecks.WARN_AGE is limits.WARN_AGE and rowchecks.MAX_AGE is limits.MAX_AGE
    assert vectorrows.MAX_AGE_MONTHS == 101 * 12 - 1  # 100 years and 11 months: older goes to the checks


# --- each warning, where it is ------------------------------------------------------------------------


def test_a_member_over_100_is_a_warning_with_file_row_column_and_message(store, tmp_path):
    hh, mm = F.sample(2)
    mm[2]["birth_date"] = OLD  # household 2, first member: members file row 4
    result = load(store, tmp_path, hh, mm)
    assert result.ok and result.problem_count == 0 and result.problems == []
    assert found(result.warnings) == [old_warning(105, "data-members.csv", 4, OLD)]
    assert result.warning_count == 1
    assert "อายุ 105 ปี" in result.warnings[0].message and "ตรวจวันเกิด" in result.warnings[0].message
    assert not result.applied and result.needs_confirmation and households(store) == 0


@pytest.mark.parametrize("birth, age", [("01/01/2447", 120), ("02/01/2466", 100), ("01/01/2467", 100)])
def test_the_age_bounds(store, tmp_path, birth, age):
    hh, mm = F.sample(1)
    mm[1]["birth_date"] = birth
    result = load(store, tmp_path, hh, mm)
    assert result.ok
    if age > limits.WARN_AGE:
        assert found(result.warnings) == [old_warning(age, "data-members.csv", 3, birth)]
        assert not result.applied
    else:  # 100 years and some days: not over 100
        assert result.warnings == [] and result.applied


def test_an_age_of_121_is_still_a_problem_not_a_warning(store, tmp_path):
    hh, mm = F.sample(2)
    mm[1]["birth_date"] = "01/01/2446"
    result = load(store, tmp_path, hh, mm, accept_warnings=True)
    assert not result.ok and not result.applied
    assert found(result.problems) == [("data-members.csv", 3, "birth_date", "01/01/2446", msg("imp_too_old", age=121))]
    assert result.warnings == [] and households(store) == 0


def test_more_than_20_member_rows_is_a_warning(store, tmp_path):
    hh, mm = big_household(21)
    result = load(store, tmp_path, hh, mm)
    assert result.ok and result.problem_count == 0
    assert found(result.warnings) == [("data-households.csv", 2, "house_code", "52010000001",
                                       msg("imp_warn_members", n=21, limit=20))]
    assert not result.applied and households(store) == 0
    twenty = load(store, tmp_path, *big_household(20), stem="twenty")
    assert twenty.warnings == [] and twenty.applied


def test_a_yearly_income_over_ten_million_is_a_warning_expenses_do_not_count(store, tmp_path):
    hh, mm = F.sample(3)
    hh[1].update(inc_main=9_000_000, inc_second=1000, inc_other=0, inc_produce=1_000_000)  # 10,001,000
    hh[2].update(inc_main=9_998_000, inc_second=0, inc_other=0, inc_produce=2000)  # exactly 10,000,000
    hh[0].update(exp_necessary=50_000_000)  # an expense: not income
    result = load(store, tmp_path, hh, mm)
    assert result.ok
    assert found(result.warnings) == [("data-households.csv", 3, "inc_main", "9000000",
                                       msg("imp_warn_income", total=10_001_000, limit=10_000_000))]
    assert "10,001,000 บาท" in result.warnings[0].message
    assert not result.applied and households(store) == 0


# --- confirmation -------------------------------------------------------------------------------------


def test_store_unchanged_without_confirmation_and_applied_with_it(store, tmp_path):
    assert load(store, tmp_path, *F.sample(2), stem="first").applied
    before = fingerprint(store)
    hh, mm = F.sample(2, start=10)
    mm[0]["birth_date"] = OLD
    hh[1]["inc_other"] = 20_000_000
    waiting = load(store, tmp_path, hh, mm, stem="unusual")
    assert waiting.ok and not waiting.applied and waiting.needs_confirmation and waiting.waiting_warnings
    assert [w.column for w in waiting.warnings] == ["inc_other", "birth_date"]  # households file first
    assert waiting.summary is not None and waiting.summary.households == 2  # worked out in full, then rolled back
    assert fingerprint(store) == before
    preview = load(store, tmp_path, hh, mm, stem="unusual", preview=True, accept_warnings=True)
    assert not preview.applied and fingerprint(store) == before
    confirmed = load(store, tmp_path, hh, mm, stem="unusual", accept_warnings=True)
    assert confirmed.ok and confirmed.applied and not confirmed.needs_confirmation
    assert found(confirmed.warnings) == found(waiting.warnings)
    with store.read() as conn:
        assert conn.execute(text("SELECT age FROM member WHERE birth_date = '1919-01-01'")).scalar() == 105
        assert conn.execute(text("SELECT inc_other FROM household WHERE house_code = '52010000011'")).scalar() \
            == 20_000_000
    assert households(store) == 4


def test_warnings_are_shown_beside_problems_and_accepting_them_does_not_import(store, tmp_path):
    hh, mm = F.sample(2)
    mm[0]["birth_date"] = OLD
    hh[1]["house_no"] = "12-Jan"  # a problem
    result = load(store, tmp_path, hh, mm, accept_warnings=True)
    assert not result.ok and not result.applied and not result.needs_confirmation
    assert found(result.problems) == [("data-households.csv", 3, "house_no", "12-Jan", msg("imp_csv_date", value="12-Jan"))]
    assert found(result.warnings) == [old_warning(105, "data-members.csv", 2, OLD)]
    assert households(store) == 0


def test_new_villages_and_warnings_each_need_their_confirmation(store, tmp_path):
    assert load(store, tmp_path, *F.sample(2), stem="first").applied
    hh, mm = F.sample(1, village="52010110", start=20)
    mm[0]["birth_date"] = OLD
    only_villages = load(store, tmp_path, hh, mm, stem="new", allow_new_villages=True)
    only_warnings = load(store, tmp_path, hh, mm, stem="new", accept_warnings=True)
    assert not only_villages.applied and only_villages.needs_confirmation and only_villages.waiting_warnings
    assert not only_warnings.applied and only_warnings.needs_confirmation and not only_warnings.waiting_warnings
    both = load(store, tmp_path, hh, mm, stem="new", allow_new_villages=True, accept_warnings=True)
    assert both.applied and households(store) == 3


# --- the fast path and the checking path agree ---------------------------------------------------------


def unusual_files(tmp_path) -> list:
    hh, mm = F.sample(6, members_per=2)
    mm[1]["birth_date"] = OLD  # 105: a warning
    mm[5]["birth_date"] = "31/12/2466"  # 100 years and a day: no warning
    mm[7]["birth_date"] = "01/01/2447"  # 120: a warning
    hh[3].update(inc_second=11_000_000)
    big_h, big_m = F.sample(1, start=50, members_per=22)
    for m in big_m:
        m["birth_date"] = "01/05/2530"
    return F.write_pair(tmp_path, hh + big_h, mm + big_m, stem="unusual")


def test_fast_and_checking_paths_give_the_same_warnings_and_rows(tmp_path):
    paths = unusual_files(tmp_path)
    fast_store, fast, fast_checked = load_counted(tmp_path, "fast", paths)
    slow_store, slow, slow_checked = load_counted(tmp_path, "slow", paths, fast=False)
    try:
        assert fast.ok and slow.ok and fast.warning_count == 4
        assert found(fast.warnings) == found(slow.warnings)
        assert [(w.file, w.row, w.column) for w in fast.warnings] == [
            ("unusual-households.csv", 5, "inc_second"), ("unusual-households.csv", 8, "house_code"),
            ("unusual-members.csv", 3, "birth_date"), ("unusual-members.csv", 9, "birth_date")]
        assert fast_checked == 2  # the fast path hands only the two members over 100 to the checks
        assert slow_checked == 7 + 34
    finally:
        fast_store.close()
        slow_store.close()
    stores = []
    for name in ("fast-ok", "slow-ok"):
        store = db.open_store(tmp_path / f"{name}.db", PASSPHRASE, create=True)
        stores.append(store)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(national._Job, "_fast_members", lambda job, src: None)
            mp.setattr(national._Job, "_fast_households", lambda job, src: None)
            slow_ok = national.import_files(stores[1], paths, choices=national.Choices(accept_warnings=True))
        fast_ok = national.import_files(stores[0], paths, choices=national.Choices(accept_warnings=True))
        assert fast_ok.applied and slow_ok.applied
        assert contents(stores[0]) == contents(stores[1])
    finally:
        for store in stores:
            store.close()


# --- command line -------------------------------------------------------------------------------------


def test_cli_lists_the_warnings_and_imports_with_accept_warnings(db_path, env_passphrase, tmp_path, capsys):
    hh, mm = F.sample(2)
    mm[3]["birth_date"] = OLD
    paths = [str(p) for p in F.write_pair(tmp_path, hh, mm)]
    db_args = ["--db", str(db_path)]
    warning = national.Problem(*old_warning(105, "data-members.csv", 5, OLD))
    assert main.main(["import", *paths, *db_args]) == 3
    out = capsys.readouterr().out
    assert msg("imp_warnings_head", n=1) in out
    assert "  " + problem_line(warning) in out
    assert "data-members.csv แถว 5 คอลัมน์ birth_date: อายุ 105 ปี" in out
    assert msg("imp_warnings_confirm") in out and "--accept-warnings" in out
    assert main.main(["import", *paths, *db_args, "--preview"]) == 0
    out = capsys.readouterr().out
    assert msg("imp_preview_head") in out and problem_line(warning) in out and msg("imp_warnings_confirm") in out
    assert main.main(["import", *paths, *db_args, "--accept-warnings"]) == 0
    out = capsys.readouterr().out
    assert msg("imp_warnings_accepted", n=1) in out and problem_line(warning) not in out
    store = db.open_store(db_path, PASSPHRASE)
    try:
        assert households(store) == 2
    finally:
        store.close()


def test_cli_shows_warnings_with_problems(db_path, env_passphrase, tmp_path, capsys):
    hh, mm = F.sample(2)
    mm[3]["birth_date"] = OLD
    mm[0]["sex"] = "X"
    paths = [str(p) for p in F.write_pair(tmp_path, hh, mm)]
    assert main.main(["import", *paths, "--db", str(db_path), "--accept-warnings"]) == 1
    out = capsys.readouterr().out
    assert msg("imp_failed", n=1) in out and msg("imp_warnings_head", n=1) in out
    assert problem_line(national.Problem(*old_warning(105, "data-members.csv", 5, OLD))) in out


def test_the_report_file_lists_problems_then_warnings_each_marked(db_path, env_passphrase, tmp_path, capsys):
    """--report (and the window's "Save problem list…") gives the tambon both lists: what to fix, what to check."""
    import csv

    hh, mm = F.sample(2)
    mm[3]["birth_date"] = OLD
    mm[0]["sex"] = "X"
    paths = [str(p) for p in F.write_pair(tmp_path, hh, mm)]
    report = tmp_path / "report.csv"
    assert main.main(["import", *paths, "--db", str(db_path), "--report", str(report)]) == 1
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["file", "row", "column", "value", "problem", "kind"]
    assert [(r[0], r[2], r[5]) for r in rows[1:]] == [("data-members.csv", "sex", msg("imp_kind_problem")),
                                                      ("data-members.csv", "birth_date", msg("imp_kind_warning"))]
    assert rows[2][4] == old_warning(105, "data-members.csv", 5, OLD)[4]
