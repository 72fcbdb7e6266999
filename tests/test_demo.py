"""The synthetic demo province: reproducible, realistic enough, consistent with the engine, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import text

from desktop.importers import demo
from desktop.models import db, dates, engine, surveys, thaiid
from desktop.models.errors import Cancelled, UserError
from desktop.models.sortkeys import house_sort_key, thai_sort_key
from tests.conftest import PASSPHRASE

YEAR = 2567
LAMPANG_DISTRICTS = 13


def _rows(store, sql: str, **params) -> list:
    with store.read() as conn:
        return conn.execute(text(sql), params).all()


def _digest(store) -> str:
    """sha256 over every household and member row in key order (the import id is left out)."""
    h = hashlib.sha256()
    for row in _rows(store, "SELECT * FROM household ORDER BY id"):
        h.update(repr(tuple(v for k, v in row._mapping.items() if k != "import_id")).encode())
    for row in _rows(store, "SELECT * FROM member ORDER BY household_id, seq"):
        h.update(repr(tuple(row)).encode())
    return h.hexdigest()


@pytest.fixture
def other_store(tmp_path):
    s = db.open_store(tmp_path / "other.db", PASSPHRASE, create=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """One 3,000-household demo shared by the read-only checks."""
    s = db.open_store(tmp_path_factory.mktemp("demo") / "demo.db", PASSPHRASE, create=True)
    calls: list[tuple[int, int]] = []
    summary = demo.generate(s, households=3000, seed=3, progress=lambda done, total: calls.append((done, total)))
    s.test_summary, s.test_progress = summary, calls
    yield s
    s.close()


def test_same_seed_gives_identical_data_and_another_seed_does_not(store, other_store, tmp_path):
    demo.generate(store, households=400, seed=7)
    demo.generate(other_store, households=400, seed=7)
    assert _digest(store) == _digest(other_store)
    third = db.open_store(tmp_path / "third.db", PASSPHRASE, create=True)
    try:
        demo.generate(third, households=400, seed=8)
        assert _digest(third) != _digest(store)
    finally:
        third.close()


def test_requested_household_count_is_exact_and_spread_over_the_province(demo_store):
    assert demo_store.test_summary.households == 3000
    ((count, districts),) = _rows(demo_store, "SELECT count(*), count(DISTINCT district) FROM household")
    assert count == 3000
    assert districts == LAMPANG_DISTRICTS
    assert {c for (c,) in _rows(demo_store, "SELECT DISTINCT province FROM household")} == {52}


def test_progress_reaches_the_total(demo_store):
    calls = demo_store.test_progress
    assert calls[-1] == (3000, 3000)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_default_and_district_sizes(store):
    summary = demo.generate(store, districts=1, seed=2)
    assert 15_000 * 0.7 <= summary.households <= 15_000 * 1.3
    assert _rows(store, "SELECT DISTINCT district FROM household") == [(5201,)]
    per_tambon = _rows(store, "SELECT count(*) FROM area WHERE level = 4 GROUP BY parent")
    assert all(1 <= n <= 15 for (n,) in per_tambon)
    sizes = [n for (n,) in _rows(store, "SELECT households FROM area_stat")]
    assert 100 <= sum(sizes) / len(sizes) <= 250


def test_member_ids_are_valid_unique_and_follow_the_registration_rules(demo_store):
    rows = _rows(demo_store, "SELECT m.pid, m.pid_rev, m.birth_date, h.district FROM member m"
                             " JOIN household h ON h.id = m.household_id")
    pids = [r.pid for r in rows]
    assert len(set(pids)) == len(pids)
    for pid, pid_rev, birth, district in rows:
        assert thaiid.is_valid(pid), pid
        assert pid_rev == pid[::-1]
        assert pid[0] == ("1" if birth >= "1984-01-01" else "3")
        assert pid[1:5] == str(district)


def test_household_shape(demo_store):
    ((mean,),) = _rows(demo_store, "SELECT avg(n_members) FROM household")
    assert 2.3 <= mean <= 2.9
    ((lo, hi),) = _rows(demo_store, "SELECT min(n_members), max(n_members) FROM household")
    assert 1 <= lo and hi <= 8
    heads = _rows(demo_store, "SELECT count(*) FROM member WHERE seq = 1 AND relation = 'หัวหน้าครัวเรือน'")
    assert heads == [(3000,)]
    ((old, young),) = _rows(demo_store, "SELECT avg(age >= 60), avg(age < 15) FROM member")
    assert 0.15 <= old <= 0.27 and 0.08 <= young <= 0.25
    ((disabled, ill),) = _rows(demo_store, "SELECT avg(health = 'D'), avg(health = 'C') FROM member")
    assert 0.005 <= disabled <= 0.03 and 0.03 <= ill <= 0.10


def test_rows_are_internally_consistent(demo_store):
    ((reference,),) = _rows(demo_store, "SELECT reference_date FROM survey WHERE year = :y", y=YEAR)
    reference = dt.date.fromisoformat(reference)
    for m in _rows(demo_store, "SELECT * FROM member"):
        assert dates.age_at(dt.date.fromisoformat(m.birth_date), reference) == (m.age, m.age_months)
        assert m.sex in ("M", "F") and m.health in ("N", "D", "C")
        if m.age < 15:
            assert m.title == ("ด.ช." if m.sex == "M" else "ด.ญ.")
        else:
            assert m.title in (("นาย",) if m.sex == "M" else ("นาง", "นางสาว"))
        if m.in_school:
            assert m.occupation == "นักเรียน/นักศึกษา"
        if m.self_reliant == 0:
            assert m.health in ("D", "C")
    season = (f"{YEAR - 543 - 1}-12-01", f"{YEAR - 543}-02-29")
    for h in _rows(demo_store, "SELECT * FROM household"):
        assert h.id == YEAR * 100_000_000_000 + int(h.house_code)
        assert len(h.house_code) == 11 and h.house_code[:4] == str(h.district)
        assert str(h.village)[:6] == str(h.tambon) and str(h.tambon)[:4] == str(h.district)
        assert h.head_sort == thai_sort_key(h.head_name)
        assert h.house_sort == house_sort_key(h.house_no)
        assert season[0] <= h.survey_date <= season[1]
        assert h.version == 1 and h.collector
        assert min(h.inc_main, h.inc_second, h.inc_other, h.inc_produce, h.exp_production, h.exp_necessary,
                   h.exp_unnecessary, h.exp_debt) >= 0
    ((codes, houses),) = _rows(demo_store, "SELECT count(DISTINCT house_code), count(*) FROM household")
    assert codes == houses


def test_villages_sit_under_real_tambons_with_their_local_governments(demo_store):
    villages = _rows(demo_store, "SELECT v.code, v.parent, v.name_th, v.lao_code, t.level, l.tambon_code FROM area v"
                                 " LEFT JOIN area t ON t.code = v.parent LEFT JOIN lao l ON l.code = v.lao_code"
                                 " WHERE v.level = 4")
    assert len(villages) == demo_store.test_summary.villages
    for code, parent, name, lao, parent_level, lao_tambon in villages:
        assert len(code) == 8 and code[:6] == parent and parent_level == 3
        assert name.startswith("บ้าน")
        assert lao_tambon == parent, (code, lao)
    kinds = dict(_rows(demo_store, "SELECT kind, count(*) FROM lao GROUP BY kind"))
    assert kinds["เทศบาล"] == LAMPANG_DISTRICTS
    assert kinds["อบต."] >= 80


def test_person_indicators_are_answered_only_for_target_members(demo_store):
    """A person indicator whose target population is empty in a household evaluates to '-'."""
    with demo_store.read() as conn:
        survey = surveys.get(conn, YEAR)
        ind_set = survey.indicator_set
        checks = 0
        for pos, ind in enumerate(ind_set.indicators, start=1):
            spec = {k: v for k, v in ind.target.items() if k != "given"}
            if ind.unit != "person" or not spec or ind.target_given:
                continue
            cond = engine._target_condition(spec)
            rows = conn.execute(text(
                f"SELECT substr(h.results, {pos}, 1), (SELECT count(*) FROM member m WHERE m.household_id = h.id"
                f" AND {cond}) FROM household h")).all()
            for result, targets in rows:
                assert (result == "-") == (targets == 0), (ind.no, result, targets)
            checks += 1
        assert checks >= 10
        # household questions are always answered, given-count questions only with a count
        layout = survey.layout
        for (answers,) in conn.execute(text("SELECT answers FROM household")):
            assert len(answers) == len(layout)
            for ind in ind_set.indicators:
                if ind.unit == "household" and ind.rule == "answer" and not ind.target:
                    assert all(answers[layout.index(c)] in "01" for c in ind.answer_codes())
                if ind.target_given:
                    t = answers[layout.index(f"{ind.no}t")]
                    assert (answers[layout.index(ind.code)] == "-") == (t == "0")


def test_income_indicator_fails_for_a_realistic_share(demo_store):
    with demo_store.read() as conn:
        ind_set = surveys.get(conn, YEAR).indicator_set
    income = ind_set.income_indicator()
    pos = ind_set.indicators.index(income) + 1
    ((share,),) = _rows(demo_store, f"SELECT avg(substr(results, {pos}, 1) = 'F') FROM household")
    assert 0.03 <= share <= 0.12


def test_every_indicator_fails_sometimes_but_rarely(demo_store):
    with demo_store.read() as conn:
        n_ind = len(surveys.get(conn, YEAR).indicator_set.indicators)
    for pos in range(1, n_ind + 1):
        ((passed, failed),) = _rows(demo_store, f"SELECT sum(substr(results, {pos}, 1) = 'P'),"
                                                f" sum(substr(results, {pos}, 1) = 'F') FROM household")
        assert failed < passed, pos


def test_cancel_leaves_the_store_unchanged(store):
    with pytest.raises(Cancelled):
        demo.generate(store, households=800, cancel=lambda: True)
    assert _rows(store, "SELECT count(*) FROM household") == [(0,)]
    assert _rows(store, "SELECT count(*) FROM member") == [(0,)]
    assert _rows(store, "SELECT count(*) FROM area WHERE level = 4") == [(0,)]
    assert _rows(store, "SELECT count(*) FROM import_batch") == [(0,)]


def test_running_again_replaces_the_demo(store):
    demo.generate(store, households=300, seed=1)
    again = demo.generate(store, households=300, seed=1)
    assert again.replaced == 300
    assert _rows(store, "SELECT count(*), max(version) FROM household") == [(300, 2)]


def test_bad_requests_are_user_errors(store):
    with pytest.raises(UserError):
        demo.generate(store, province="99")
    with pytest.raises(UserError):
        demo.generate(store, households=0)
    with pytest.raises(UserError):
        demo.generate(store, households=10, year=2500)
    assert _rows(store, "SELECT count(*) FROM import_batch") == [(0,)]


def test_command_line_creates_the_demo_and_info_reads_it(tmp_path, env_passphrase, capsys):
    import main

    path = tmp_path / "cli.db"
    assert main.main(["demo", "--db", str(path), "--households", "500"]) == 0
    out = capsys.readouterr().out
    assert "จังหวัดลำปาง" in out and "500 ครัวเรือน" in out
    assert main.main(["info", "--db", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["years"][str(YEAR)]["households"] == 500
    assert info["years"][str(YEAR)]["districts"] == LAMPANG_DISTRICTS
    assert main.main(["info", "--db", str(path)]) == 0
    assert "ครัวเรือน 500" in capsys.readouterr().out
    assert main.main(["--lang", "en", "info", "--db", str(path)]) == 0
    english = capsys.readouterr().out
    assert f"Survey year {YEAR}" in english and "households 500" in english
    assert not any("\u0e00" <= ch <= "\u0e7f" for ch in english)  # no Thai left in the English lines


def test_command_line_in_english_and_its_errors(tmp_path, env_passphrase, capsys):
    import main

    path = tmp_path / "cli.db"
    with pytest.raises(SystemExit):  # --districts and --households exclude each other
        main.main(["demo", "--db", str(path), "--districts", "1", "--households", "5"])
    capsys.readouterr()
    assert main.main(["--lang", "en", "demo", "--db", str(path), "--households", "40", "--seed", "2"]) == 0
    assert "Created demo data for Lampang province: 40 households" in capsys.readouterr().out
    assert main.main(["demo", "--db", str(path), "--province", "99", "--households", "40"]) == 1
    assert "99" in capsys.readouterr().err


def test_answers_follow_any_indicator_set_and_layout():
    """Household questions with a target population and layouts in another order are handled too."""
    import random

    from desktop.models.indicators import parse

    ind_set = parse({
        "period": "test", "title_th": "ทดสอบ", "survey_years": [2567], "income_threshold": {"2567": 40000},
        "categories": [{"no": 1, "name_th": "หมวด"}],
        "indicators": [
            {"no": 1, "category": 1, "name_th": "ดูแลผู้สูงอายุ", "unit": "household", "target": {"age": [60, None]},
             "sub_items": [{"code": "1.1", "name_th": "ก"}, {"code": "1.2", "name_th": "ข"}]},
            {"no": 2, "category": 1, "name_th": "หญิง 15-49", "unit": "person", "target": {"age": [15, 49], "sex": "F"}},
            {"no": 3, "category": 1, "name_th": "ให้จำนวน", "unit": "person", "target": {"given": True}},
            {"no": 4, "category": 1, "name_th": "รายได้", "unit": "household", "rule": "income"},
            {"no": 5, "category": 1, "name_th": "ทั่วไป", "unit": "household"},
        ],
    })
    layout = list(reversed(ind_set.answer_layout()))  # 5, 3t, 3, 2, 1.2, 1.1
    answers = demo.Answers(ind_set, layout, random.Random(1))
    rnd = random.Random(2).random

    def counts(*members):
        return sum(answers.mask(m, m[0] * 12, "N", m[1], 0, 0) for m in members)

    young_man = counts((30, "M"))
    woman_and_elder = counts((30, "F"), (70, "M"))
    for _ in range(200):
        a = answers.make(rnd, young_man, 1, [])
        assert a[0] in "01" and a[3] == "-" and a[4:] == "--"
        b = answers.make(rnd, woman_and_elder, 2, [])
        assert b[3] in "01" and b[4] in "01" and b[5] in "01"
        assert (b[2] == "-") == (b[1] == "0")
    assert answers.make(rnd, young_man, 1, [len(ind_set.answer_layout()) - 1])[0] == "0"


def test_a_new_demo_replaces_the_earlier_demo_province(store):
    demo.generate(store, districts=1, seed=3)
    demo.generate(store, households=300, seed=4)
    with store.read() as conn:
        total = conn.execute(text("SELECT count(*) FROM household")).scalar()
        counted = conn.execute(text("SELECT sum(households) FROM area_stat")).scalar()
        history = conn.execute(text("SELECT count(*) FROM household_version")).scalar()
    assert total == counted == 300
    assert history > 300
