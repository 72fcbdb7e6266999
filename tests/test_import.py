"""Import of household/member files (desktop/importers/national.py, `main.py import`)."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from sqlalchemy import text

import main
from desktop import messages
from desktop.importers import columns as C
from desktop.importers import chunks, national
from desktop.messages import msg
from desktop.models import audit, dates
from desktop.models.errors import Cancelled
from desktop.models.sortkeys import house_sort_key, thai_sort_key
from tests.fixtures import bmnfiles as F

TABLES = ("household", "member", "household_version", "import_batch", "area", "lao", "survey", "area_stat",
          "audit_entry", "meta")


def snapshot(store) -> dict:
    with store.read() as conn:
        return {t: sorted(map(tuple, conn.execute(text(f"SELECT * FROM {t}")).all()), key=repr) for t in TABLES}


def do_import(store, tmp_path, households, members, *, stem="data", **kw):
    paths = F.write_pair(tmp_path, households, members, stem=stem, **{k: kw.pop(k) for k in ("encoding", "thai")
                                                                      if k in kw})
    return national.import_files(store, paths, **kw)


def found(result) -> list[tuple]:
    return [(p.file, p.row, p.column, p.message) for p in result.problems]


def count(store, table: str) -> int:
    with store.read() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


# --- clean files -----------------------------------------------------------------------------------


def test_clean_csv_loads_everything(store, tmp_path):
    hh, mm = F.sample(3)
    result = do_import(store, tmp_path, hh, mm)
    assert result.ok and result.problem_count == 0 and result.problems == []
    s = result.summary
    assert (s.households, s.members, s.villages, s.replaced) == (3, 6, 1, 0)
    with store.read() as conn:
        h = conn.execute(text("SELECT * FROM household WHERE house_code = '52010000001'")).mappings().one()
        assert (h["province"], h["district"], h["tambon"], h["village"]) == (52, 5201, 520101, 52010101)
        assert h["house_sort"] == house_sort_key("1/1") and h["head_sort"] == thai_sort_key(hh[0]["head_name"])
        assert h["survey_date"] == "2024-02-15" and h["n_members"] == 2 and h["inc_main"] == 50001
        assert len(h["answers"]) == len(F.layout()) and h["results"]
        m = conn.execute(text("SELECT * FROM member WHERE household_id = :h AND seq = 1"), {"h": h["id"]}).mappings().one()
        assert m["pid"] == mm[0]["pid"] and m["pid_rev"] == mm[0]["pid"][::-1]
        assert m["birth_date"] == "1978-05-01"
        assert (m["age"], m["age_months"]) == dates.age_at(dt.date(1978, 5, 1), dt.date(2024, 1, 1))
        assert conn.execute(text("SELECT name_th, lao_code FROM area WHERE code = '52010101'")).one() == (
            "บ้านทดสอบ", "L520101")
        assert conn.execute(text("SELECT kind, name_th, tambon_code FROM lao")).one() == ("อบต.", "อบต.ทดสอบ", "520101")
        assert audit.recent(conn, 1)[0]["action"] == "import"


def test_answers_are_encoded_as_the_engine_reads_them(store, tmp_path):
    hh, mm = F.sample(1)
    mm += [dict(mm[1], seq=seq, pid=F.make_pid(100 + seq)) for seq in range(3, 13)]  # 12 members: a count of 12
    layout = F.layout()
    for code in layout:
        hh[0][f"q{code}"] = ""
    hh[0]["q6"], hh[0]["q8.2"], hh[0]["q7"], hh[0]["q1t"], hh[0]["q1"] = "1", "0", "12", "2", "1"
    assert do_import(store, tmp_path, hh, mm).ok
    with store.read() as conn:
        answers = conn.execute(text("SELECT answers FROM household")).scalar()
    at = dict(zip(layout, answers))
    assert (at["6"], at["8.2"], at["8.1"], at["7"], at["1t"], at["1"]) == ("1", "0", "-", "C", "2", "1")


def test_cp874_file_with_thai_headers(store, tmp_path):
    hh, mm = F.sample(2)
    paths = F.write_pair(tmp_path, hh, mm, encoding="cp874", thai=True)
    assert paths[0].read_bytes()[:3] != b"\xef\xbb\xbf"
    assert "ปีสำรวจ".encode("cp874") in paths[0].read_bytes()
    result = national.import_files(store, paths)
    assert result.ok, found(result)
    with store.read() as conn:
        assert conn.execute(text("SELECT head_name FROM household ORDER BY id")).scalars().first() == hh[0]["head_name"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8"])
def test_utf8_with_and_without_bom(store, tmp_path, encoding):
    hh, mm = F.sample(2)
    paths = F.write_pair(tmp_path, hh, mm, encoding=encoding)
    assert (paths[0].read_bytes()[:3] == b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    result = national.import_files(store, paths)
    assert result.ok, found(result)
    assert count(store, "member") == 4


def test_xlsx_with_both_sheets_and_excel_types(store, tmp_path):
    hh, mm = F.sample(2)
    for m in mm:  # as Excel would hold them: numbers and real dates
        m["birth_date"] = dt.datetime(1980, 5, 17)
        m["seq"] = int(m["seq"])
        m["pid"] = int(m["pid"])
    for h in hh:
        h["house_code"] = int(h["house_code"])
        h["village_code"] = int(h["village_code"])
    path = F.write_xlsx(tmp_path / "bmn.xlsx", hh, mm, thai=True)
    result = national.import_files(store, [path])
    assert result.ok, found(result)
    assert result.summary.households == 2 and result.summary.members == 4
    with store.read() as conn:
        assert set(conn.execute(text("SELECT birth_date FROM member")).scalars()) == {"1980-05-17"}


def test_xlsx_problem_names_the_sheet(store, tmp_path):
    hh, mm = F.sample(2)
    mm[3]["sex"] = "X"
    result = national.import_files(store, [F.write_xlsx(tmp_path / "bmn.xlsx", hh, mm)])
    assert not result.ok
    assert found(result) == [("bmn.xlsx [สมาชิก]", 5, "sex", msg("imp_bad_choice", value="X", choices=C.SEX_CHOICES))]


def test_header_variants_are_accepted(store, tmp_path):
    hh, mm = F.sample(2)
    names = F.household_columns()
    variants = {"house_code": "House Code", "village_code": "VILLAGE-CODE", "head_name": "ชื่อหัวหน้าครัวเรือน",
                "survey_year": "ปีสำรวจ (survey_year)", "q8.1": "Q 8.1", "q1t": "ข้อ 1t"}
    with open(tmp_path / "h.csv", "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([variants.get(n, n) for n in names])
        out.writerows([[h[n] for n in names] for h in hh])
    F.write_csv(tmp_path / "m.csv", mm, F.member_columns(), thai=True, kind=C.MEMBER)
    result = national.import_files(store, [tmp_path / "m.csv", tmp_path / "h.csv"])  # any order
    assert result.ok, found(result)


def test_extra_columns_blank_lines_and_spaces_are_tolerated(store, tmp_path):
    hh, mm = F.sample(2)
    hh[0]["note"] = "หมายเหตุ"
    hh[1]["inc_main"] = " 12,000 "
    hh[1]["inc_other"] = ""
    mm[0]["sex"] = "ชาย"
    mm[1]["sex"] = "2"
    mm[1]["health"] = "ป่วยเรื้อรัง"
    mm[1]["self_reliant"] = "ไม่ได้"
    mm[0]["pid"] = C.escape_text(mm[0]["pid"][:1] + "-" + mm[0]["pid"][1:5] + "-" + mm[0]["pid"][5:])
    paths = F.write_pair(tmp_path, hh, mm)
    F.write_csv(paths[0], hh, F.household_columns() + ["note"])
    with open(paths[1], "a", encoding="utf-8", newline="") as f:
        f.write("\r\n,,,\r\n")
    result = national.import_files(store, paths)
    assert result.ok, found(result)
    with store.read() as conn:
        assert conn.execute(text("SELECT inc_main, inc_other FROM household WHERE house_code = '52010000002'")).one() == (
            12000, 0)
        assert conn.execute(text("SELECT sex, health, self_reliant FROM member WHERE seq = 2 ORDER BY household_id")
                            ).first() == ("F", "C", 0)


def test_text_cells_lose_the_anti_formula_quote(store, tmp_path):
    hh, mm = F.sample(1)
    hh[0]["head_name"] = C.escape_text("=HYPERLINK(1)")
    hh[0]["house_no"] = C.escape_text("-")
    mm[0]["first_name"] = C.escape_text("@me")
    assert hh[0]["head_name"] == "'=HYPERLINK(1)"
    assert do_import(store, tmp_path, hh, mm).ok
    with store.read() as conn:
        assert conn.execute(text("SELECT head_name, house_no FROM household")).one() == ("=HYPERLINK(1)", "-")
        assert "@me" in conn.execute(text("SELECT first_name FROM member")).scalars().all()


# --- every kind of problem, with file, row and column ----------------------------------------------

HH, MM = "data-households.csv", "data-members.csv"


def _cases():
    """(name, change(hh, mm) -> None, expected problems as (file, row, column, message))."""
    p0 = F.make_pid(11)
    bad_pid = p0[:12] + str((int(p0[12]) + 1) % 10)
    return [
        ("required value", lambda h, m: h[1].update(head_name=""),
         [(HH, 3, "head_name", msg("imp_required"))]),
        ("not a whole number", lambda h, m: h[0].update(inc_main="12.5"),
         [(HH, 2, "inc_main", msg("imp_not_int", value="12.5"))]),
        ("negative money", lambda h, m: h[2].update(exp_debt="-5"),
         [(HH, 4, "exp_debt", msg("imp_negative", value="-5"))]),
        ("national ID check digit", lambda h, m: m[0].update(pid=bad_pid),
         [(MM, 2, "pid", msg("imp_bad_pid", value=bad_pid))]),
        ("house code length", lambda h, m: h[0].update(house_code="5201000001"),
         [(HH, 2, "house_code", msg("imp_bad_house_code", value="5201000001", province="52")),
          (MM, 2, "house_code", msg("imp_orphan_member", value="52010000001")),
          (MM, 3, "house_code", msg("imp_orphan_member", value="52010000001"))]),
        ("house code province", lambda h, m: [x.update(house_code="53010000001") for x in (h[0], m[0], m[1])],
         [(HH, 2, "house_code", msg("imp_bad_house_code", value="53010000001", province="52"))]),
        ("tambon does not exist", lambda h, m: h[0].update(village_code="52999901"),
         [(HH, 2, "village_code", msg("imp_bad_village", value="52999901"))]),
        ("village code length", lambda h, m: h[0].update(village_code="520101"),
         [(HH, 2, "village_code", msg("imp_bad_village", value="520101"))]),
        ("birth date", lambda h, m: m[1].update(birth_date="31/02/2520"),
         [(MM, 3, "birth_date", msg("imp_bad_date", value="31/02/2520"))]),
        ("birth date in the future", lambda h, m: m[1].update(birth_date="01/01/2600"),
         [(MM, 3, "birth_date", msg("imp_future_date", value="01/01/2600"))]),
        ("sex", lambda h, m: m[2].update(sex="X"),
         [(MM, 4, "sex", msg("imp_bad_choice", value="X", choices=C.SEX_CHOICES))]),
        ("health", lambda h, m: m[2].update(health="Z"),
         [(MM, 4, "health", msg("imp_bad_choice", value="Z", choices=C.HEALTH_CHOICES))]),
        ("household answer", lambda h, m: h[0].update({"q8.3": "2"}),
         [(HH, 2, "q8.3", msg("imp_bad_answer", value="2"))]),
        ("person answer", lambda h, m: h[1].update(q7="36"),
         [(HH, 3, "q7", msg("imp_bad_answer", value="36"))]),
        ("duplicate house code", lambda h, m: h[2].update(house_code="52010000001"),
         [(HH, 4, "house_code", msg("imp_dup_house", value="52010000001", other="2")),
          (MM, 6, "house_code", msg("imp_orphan_member", value="52010000003")),
          (MM, 7, "house_code", msg("imp_orphan_member", value="52010000003"))]),
        ("duplicate national ID", lambda h, m: m[3].update(pid=p0),
         [(MM, 2, "pid", msg("imp_dup_pid", value=p0, other="5")),
          (MM, 5, "pid", msg("imp_dup_pid", value=p0, other="2"))]),
        ("duplicate member number", lambda h, m: m[1].update(seq="1"),
         [(MM, 3, "seq", msg("imp_dup_seq", value=1, house="52010000001"))]),
        ("member of no household", lambda h, m: m[5].update(house_code="52010000009"),
         [(MM, 7, "house_code", msg("imp_orphan_member", value="52010000009"))]),
        ("household without members", lambda h, m: [m.pop(5), m.pop(4)],
         [(HH, 4, "house_code", msg("imp_no_members", value="52010000003"))]),
        ("survey year of another set", lambda h, m: [x.update(survey_year=2590) for x in h + m],
         [(HH, 2, "survey_year", msg("imp_bad_year", value=2590))]),
        ("mixed survey years", lambda h, m: h[1].update(survey_year=2566),
         [(HH, 3, "survey_year", msg("imp_mixed_years", value=2566, year=2567))]),
        ("member survey year", lambda h, m: m[0].update(survey_year=2566),
         [(MM, 2, "survey_year", msg("imp_mixed_years", value=2566, year=2567))]),
        ("local-government type", lambda h, m: h[0].update(lao_kind="จังหวัด"),
         [(HH, 2, "lao_kind", msg("imp_lao_kind", value="จังหวัด"))]),
        ("seq out of range", lambda h, m: m[0].update(seq="0"),
         [(MM, 2, "seq", msg("imp_range", lo=1, hi=999, value="0"))]),
    ]


CASES = _cases()


@pytest.mark.parametrize("name, change, expected", CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_reported_where_it_is(store, tmp_path, name, change, expected):
    hh, mm = F.sample(3)
    change(hh, mm)
    before = snapshot(store)
    result = do_import(store, tmp_path, hh, mm)
    assert not result.ok and result.summary is None
    assert found(result) == expected
    assert result.problem_count == len(expected)
    assert snapshot(store) == before


def test_missing_required_column_is_reported_once_at_the_header(store, tmp_path):
    hh, mm = F.sample(3)
    F.write_pair(tmp_path, hh, mm)
    F.write_csv(tmp_path / HH, hh, [c for c in F.household_columns() if c not in ("head_name", "q8.2")])
    F.write_csv(tmp_path / MM, mm, [c for c in F.member_columns() if c != "birth_date"], kind=C.MEMBER)
    result = national.import_files(store, [tmp_path / HH, tmp_path / MM])
    head = C.BY_NAME[C.HOUSEHOLD]["head_name"].label()
    birth = C.BY_NAME[C.MEMBER]["birth_date"].label()
    assert found(result) == [
        (HH, 1, head, msg("imp_missing_column", column=head)),
        (HH, 1, "q8.2", msg("imp_missing_column", column="q8.2")),
        (MM, 1, birth, msg("imp_missing_column", column=birth)),
    ]


def test_unknown_answer_column_and_duplicate_column(store, tmp_path):
    hh, mm = F.sample(1)
    hh[0]["q99"] = "1"
    F.write_pair(tmp_path, hh, mm)
    F.write_csv(tmp_path / HH, hh, F.household_columns() + ["q99", "house_no"])
    result = national.import_files(store, [tmp_path / HH, tmp_path / MM])
    assert found(result) == [
        (HH, 1, "house_no", msg("imp_dup_column", column="house_no")),
        (HH, 1, "q99", msg("imp_unknown_answer", column="q99", year=2567)),
    ]


def test_year_must_match_the_year_option(store, tmp_path):
    hh, mm = F.sample(2)
    result = do_import(store, tmp_path, hh, mm, year=2566)
    mismatch = msg("imp_year_mismatch", value=2567, year=2566)
    assert found(result) == [(HH, 2, "survey_year", mismatch), (HH, 3, "survey_year", mismatch)] + [
        (MM, row, "survey_year", mismatch) for row in (2, 3, 4, 5)]
    assert do_import(store, tmp_path, hh, mm, year=2567).ok


def test_year_option_without_an_indicator_set(store, tmp_path):
    hh, mm = F.sample(1)
    result = do_import(store, tmp_path, hh, mm, year=2599)
    assert ("", None, "--year", msg("imp_bad_year", value=2599)) in found(result)


def test_file_level_problems(store, tmp_path):
    (tmp_path / "notes.csv").write_text("name,comment\nก,ข\n", encoding="utf-8")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 60)
    (tmp_path / "bad.csv").write_bytes(b"survey_year,village_code\n\xff\xfe\xdb\xdc\n")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    hh, mm = F.sample(1)
    paths = F.write_pair(tmp_path, hh, [])
    files = [tmp_path / "notes.csv", tmp_path / "old.xls", tmp_path / "bad.csv", tmp_path / "empty.csv",
             tmp_path / "missing.csv", paths[0]]
    result = national.import_files(store, files)
    got = {(p.file, p.message) for p in result.problems}
    assert ("notes.csv", msg("imp_unknown_layout", n=2)) in got
    assert ("old.xls", msg("imp_unsupported")) in got
    assert ("bad.csv", msg("imp_encoding")) in got
    assert ("empty.csv", msg("imp_empty")) in got
    assert (str(tmp_path / "missing.csv"), msg("imp_no_file", path=tmp_path / "missing.csv")) in got
    assert ("", msg("imp_no_member_file")) in got
    only_members = national.import_files(store, [paths[1]])
    assert ("", None, "", msg("imp_no_households")) in found(only_members)


def test_problems_are_all_counted_but_only_some_kept(store, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "MAX_KEPT", 5)
    hh, mm = F.sample(12)
    for m in mm:
        m["sex"] = "?"
    result = do_import(store, tmp_path, hh, mm)
    assert result.problem_count == 24 and len(result.problems) == 5


# --- all or nothing --------------------------------------------------------------------------------


def test_one_bad_last_row_imports_nothing(store, tmp_path):
    hh, mm = F.sample(20)
    mm[-1]["birth_date"] = "99/99/2520"
    before = snapshot(store)
    result = do_import(store, tmp_path, hh, mm)
    assert found(result) == [(MM, len(mm) + 1, "birth_date", msg("imp_bad_date", value="99/99/2520"))]
    assert count(store, "household") == 0 and count(store, "member") == 0
    assert snapshot(store) == before


def test_failed_import_leaves_an_earlier_import_untouched(store, tmp_path):
    hh, mm = F.sample(5)
    assert do_import(store, tmp_path, hh, mm, stem="first").ok
    before = snapshot(store)
    hh2, mm2 = F.sample(5)
    for h in hh2:
        h["inc_main"] = 1
    mm2[-1]["pid"] = "1234567890123"
    result = do_import(store, tmp_path, hh2, mm2, stem="second")
    assert not result.ok
    assert snapshot(store) == before


def test_cancel_rolls_back(store, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "TICK", 1)
    monkeypatch.setattr(chunks, "BLOCK", 300)  # cancel is asked after every chunk: a few rows each
    hh, mm = F.sample(5)
    before = snapshot(store)
    calls = []
    with pytest.raises(Cancelled):
        do_import(store, tmp_path, hh, mm, cancel=lambda: len(calls) > 3 or calls.append(1))
    assert snapshot(store) == before


def test_progress_reaches_the_total(store, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "TICK", 1)
    monkeypatch.setattr(chunks, "BLOCK", 300)
    seen = []
    hh, mm = F.sample(5)
    assert do_import(store, tmp_path, hh, mm, progress=lambda done, total: seen.append((done, total))).ok
    assert len(seen) > 5
    assert all(0 <= d <= t for d, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1][0] == seen[-1][1]


def test_reimport_of_the_whole_village_keeps_history(store, tmp_path):
    hh, mm = F.sample(4)
    first = do_import(store, tmp_path, hh, mm, stem="first")
    assert first.ok
    hh2, mm2 = F.sample(4)
    hh2[0]["inc_main"] = 99999
    hh2.pop(3)  # house 4 moved away ...
    mm2 = [m for m in mm2 if m["house_code"] != "52010000004"]
    new_h, new_m = F.sample(1, start=5)  # ... and house 5 is new
    second = do_import(store, tmp_path, hh2 + new_h, mm2 + new_m, stem="second",
                       choices=national.Choices(whole_villages=True))
    assert second.ok and second.applied, found(second)
    plan = second.summary.plan[52010101]
    assert (plan.added, plan.changed, plan.unchanged, plan.missing, plan.removed) == (1, 1, 2, 0, 1)
    assert second.summary.replaced == 2  # house 1 changed, house 4 removed; houses 2 and 3 untouched
    with store.read() as conn:
        codes = conn.execute(text("SELECT house_code, version, inc_main, import_id FROM household ORDER BY house_code")).all()
        assert [c[0] for c in codes] == ["52010000001", "52010000002", "52010000003", "52010000005"]
        assert codes[0][1:] == (2, 99999, second.summary.import_id)
        assert codes[1][1:] == (1, 50002, first.summary.import_id)  # unchanged: as it was
        assert codes[3][1] == 1
        history = conn.execute(text(
            "SELECT household_id, version, import_id, replaced_by_import, data FROM household_version"
            " ORDER BY household_id")).all()
        assert [h.household_id % 100 for h in history] == [1, 4]
        assert {h.replaced_by_import for h in history} == {second.summary.import_id}
        assert {h.import_id for h in history} == {first.summary.import_id}
        assert '"inc_main":50001' in history[0].data.replace(" ", "")
        assert conn.execute(text("SELECT households, members FROM area_stat")).one() == (4, 8)
        assert count(store, "member") == 8


# --- command line ----------------------------------------------------------------------------------


def test_cli_exit_codes_and_summary(db_path, env_passphrase, tmp_path, capsys):
    hh, mm = F.sample(3)
    paths = F.write_pair(tmp_path, hh, mm)
    assert main.main(["import", *map(str, paths), "--db", str(db_path), "--year", "2567"]) == 0
    out = capsys.readouterr().out
    assert msg("imp_ok_plan", added=3, changed=0, unchanged=0, missing=0, removed=0, villages=1, members=6) in out
    mm[0]["sex"] = "X"
    bad = F.write_pair(tmp_path, hh, mm, stem="bad")
    assert main.main(["import", *map(str, bad), "--db", str(db_path)]) == 1
    out = capsys.readouterr().out
    assert msg("imp_failed", n=1) in out and "bad-members.csv" in out


def test_cli_english_report_and_problem_list(db_path, env_passphrase, tmp_path, capsys):
    hh, mm = F.sample(30)
    for m in mm:
        m["sex"] = "X"
    paths = F.write_pair(tmp_path, hh, mm)
    report = tmp_path / "problems.csv"
    status = main.main(["import", *map(str, paths), "--db", str(db_path), "--report", str(report), "--lang", "en"])
    assert status == 1
    out = capsys.readouterr().out
    assert "Problems found: 60. Nothing was imported" in out
    assert "data-members.csv row 2, column sex: 'X' is not one of" in out
    assert "... and 10 more" in out
    assert out.count("column sex") == 50
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["file", "row", "column", "value", "problem", "kind"]
    assert len(rows) == 61 and rows[1][:4] == ["data-members.csv", "2", "sex", "X"] and rows[1][5] == "problem"
    assert rows[1][4].startswith("'X' is not one of")
    messages.set_language("th")
    assert main.main(["--lang", "en", "import", *map(str, paths), "--db", str(db_path)]) == 1
    assert "Problems found: 60." in capsys.readouterr().out


def test_report_cells_cannot_run_as_formulas(tmp_path):
    problem = national.Problem("f.csv", 2, "head_name", "=1+1", "x")
    path = national.write_problem_report([problem], tmp_path / "r.csv", total=3)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][3] == "'=1+1"
    assert rows[2][4] == msg("imp_more", n=2)


def test_documented_sample_files_import(store):
    """tests/fixtures/sample-*.csv are the example of docs/import-format.md (English and Thai headers)."""
    from pathlib import Path

    folder = Path(__file__).parent / "fixtures"
    result = national.import_files(store, [folder / "sample-households.csv", folder / "sample-members.csv"])
    assert result.ok, found(result)
    with store.read() as conn:
        assert conn.execute(text("SELECT health, self_reliant, sex FROM member WHERE seq = 2 ORDER BY household_id"
                                 " DESC")).first() == ("D", 0, "F")
        assert conn.execute(text("SELECT count(*) FROM household WHERE results LIKE '%F%'")).scalar() == 2


def test_excel_unicode_text_and_semicolon_files(store, tmp_path):
    """Excel's "Unicode text" (UTF-16, tab-separated) and semicolon-separated CSV are read too."""
    hh, mm = F.sample(2)
    for name, rows, columns, encoding, delimiter in (
            ("h.txt", hh, F.household_columns(), "utf-16", "\t"), ("m.csv", mm, F.member_columns(), "utf-8", ";")):
        with open(tmp_path / name, "w", encoding=encoding, newline="") as f:
            out = csv.writer(f, delimiter=delimiter)
            out.writerow(columns)
            out.writerows([[r.get(c, "") for c in columns] for r in rows])
    result = national.import_files(store, [tmp_path / "h.txt", tmp_path / "m.csv"])
    assert result.ok, found(result)
    assert result.summary.members == 4
