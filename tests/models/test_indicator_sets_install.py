"""Loading an official indicator set: validation, XLSX, answer re-layout, re-evaluation, audit."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from desktop.importers import demo
from desktop.models import audit, indicator_sets, indicators, surveys
from desktop.models.indicators import IndicatorSetError
from desktop.paths import indicators_dir


def _bundled_data() -> dict:
    return json.loads((indicators_dir() / "2566-2570.json").read_text(encoding="utf-8"))


def _write(tmp_path, data: dict, name: str = "official.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _results(store) -> dict[int, str]:
    with store.read() as conn:
        return dict(conn.execute(text("SELECT id, results FROM household")).all())


def test_raising_the_threshold_fails_more_households_and_says_how_many(store, tmp_path):
    demo.generate(store, households=400, seed=2)
    before = _results(store)
    data = _bundled_data()
    data["income_threshold"] = {str(y): 60_000 for y in data["survey_years"]}
    data["provisional"] = False
    ind_set, raw = indicator_sets.read_file(_write(tmp_path, data))
    with store.begin() as conn:
        result = indicator_sets.install(conn, ind_set, raw, source="official.json")
    after = _results(store)
    changed = sum(before[k] != after[k] for k in before)
    assert result.households == 400 and result.changed == changed > 0
    position = [i.rule for i in ind_set.indicators].index("income")
    with store.read() as conn:
        survey = surveys.get(conn, 2567)
        low = conn.execute(text(
            "SELECT count(*) FROM household WHERE income_pp < 60000 AND n_members > 0"
            " AND (inc_main + inc_second + inc_other + inc_produce) < 60000 * n_members")).scalar()
        entries = audit.recent(conn)
    assert survey.indicator_set.provisional is False and survey.indicator_set.threshold(2567) == 60_000
    assert sum(r[position] == "F" for r in after.values()) == low
    assert entries[0]["action"] == "indicators.install"


def test_a_set_without_an_indicator_relays_out_the_answers(store, tmp_path):
    demo.generate(store, households=200, seed=3)
    with store.read() as conn:
        old = {r[0]: r[1] for r in conn.execute(text("SELECT id, answers FROM household"))}
        old_layout = surveys.get(conn, 2567).layout
    data = _bundled_data()
    data["indicators"] = [i for i in data["indicators"] if i["no"] != 1]
    ind_set, raw = indicator_sets.read_file(_write(tmp_path, data))
    with store.begin() as conn:
        indicator_sets.install(conn, ind_set, raw, source="x.json")
    with store.read() as conn:
        survey = surveys.get(conn, 2567)
        new = {r[0]: r[1] for r in conn.execute(text("SELECT id, answers FROM household"))}
        lengths = set(conn.execute(text("SELECT DISTINCT length(results) FROM household")).scalars())
    assert "1" not in survey.layout and len(survey.layout) < len(old_layout)
    keep = [old_layout.index(code) for code in survey.layout]
    assert all(new[h] == "".join(old[h][i] for i in keep) for h in old)
    assert lengths == {len(ind_set.indicators)}


def test_xlsx_set_loads_like_the_json(tmp_path):
    import openpyxl

    data = _bundled_data()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "set"
    sheet.append(["key", "value"])
    for key in ("format", "period", "title_th", "title_en", "provisional", "survey_years", "income_threshold"):
        value = data[key]
        sheet.append([key, json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict, bool)) else value])
    cats = book.create_sheet("categories")
    cats.append(["no", "name_th", "name_en"])
    for c in data["categories"]:
        cats.append([c["no"], c["name_th"], c.get("name_en", "")])
    inds = book.create_sheet("indicators")
    inds.append(["no", "category", "name_th", "name_en", "unit", "rule", "target", "sub_items"])
    for i in data["indicators"]:
        inds.append([i["no"], i["category"], i["name_th"], i.get("name_en", ""), i["unit"], i.get("rule", "answer"),
                     json.dumps(i["target"], ensure_ascii=False) if i.get("target") else None,
                     json.dumps(i["sub_items"], ensure_ascii=False) if i.get("sub_items") else None])
    path = tmp_path / "official.xlsx"
    book.save(path)
    from_xlsx, _ = indicator_sets.read_file(path)
    assert from_xlsx.answer_layout() == indicators.bundled("2566-2570").answer_layout()
    assert [i.name_th for i in from_xlsx.indicators] == [i.name_th for i in indicators.bundled("2566-2570").indicators]


def test_a_bad_file_is_refused_and_changes_nothing(store, tmp_path):
    demo.generate(store, households=100, seed=4)
    before = _results(store)
    data = _bundled_data()
    data["indicators"][0]["unit"] = "family"
    with pytest.raises(IndicatorSetError) as err:
        indicator_sets.read_file(_write(tmp_path, data))
    assert "unit" in str(err.value)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndicatorSetError):
        indicator_sets.read_file(tmp_path / "broken.json")
    assert _results(store) == before


def test_cli_load_and_list(store, db_path, tmp_path, env_passphrase, capsys):
    import main

    demo.generate(store, households=100, seed=5)
    store.close()
    data = _bundled_data()
    data["title_th"] = "ชุดตัวชี้วัดทางการ ทดสอบ"
    path = _write(tmp_path, data)
    assert main.main(["indicators", "load", str(path), "--db", str(db_path)]) == 0
    assert "100" in capsys.readouterr().out
    assert main.main(["indicators", "list", "--db", str(db_path)]) == 0
    assert "ชุดตัวชี้วัดทางการ ทดสอบ" in capsys.readouterr().out
    assert main.main(["--lang", "en", "indicators", "list", "--db", str(db_path)]) == 0
    english = capsys.readouterr().out
    assert "loaded into the store" in english and "bundled" in english and "ตัวชี้วัด," not in english
    bad = _write(tmp_path, {"period": "x"}, "bad.json")
    assert main.main(["indicators", "load", str(bad), "--db", str(db_path)]) == 1


def test_report_summaries_follow_the_new_set(store, tmp_path):
    from desktop.reports import builders

    demo.generate(store, households=300, seed=6)
    data = _bundled_data()
    data["income_threshold"] = {str(y): 70_000 for y in data["survey_years"]}
    ind_set, raw = indicator_sets.read_file(_write(tmp_path, data))
    with store.begin() as conn:
        indicator_sets.install(conn, ind_set, raw, source="official.json")
    with store.read() as conn:
        for kind in ("indicators", "failing-income"):
            fast = builders.build(conn, kind, "52", 2567)
            full = builders.build(conn, kind, "52", 2567, from_rows=True)
            assert [t.rows for t in fast.tables] == [t.rows for t in full.tables]
