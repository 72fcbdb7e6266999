"""The bundled indicator sets load and say what the domain notes say; parse() rejects bad files."""

from __future__ import annotations

import copy
import json
from collections import Counter

import pytest

from desktop.models.indicators import IndicatorSetError, load_file, parse
from desktop.paths import indicators_dir

OLD, NEW = "2560-2564", "2566-2570"


def _path(period: str):
    return indicators_dir() / f"{period}.json"


@pytest.fixture(scope="module")
def old():
    return load_file(_path(OLD))


@pytest.fixture(scope="module")
def new():
    return load_file(_path(NEW))


def _category_counts(ind_set) -> list[int]:
    counts = Counter(i.category for i in ind_set.indicators)
    return [counts[c.no] for c in ind_set.categories]


def test_both_bundled_sets_load(old, new):
    assert old.period == OLD
    assert new.period == NEW
    for s in (old, new):
        assert s.title_th
        assert [c.no for c in s.categories] == [1, 2, 3, 4, 5]
        assert all(i.name_th and i.name_en for i in s.indicators)


def test_2560_2564_structure(old):
    assert len(old.indicators) == 31
    assert [i.no for i in old.indicators] == list(range(1, 32))
    assert _category_counts(old) == [7, 7, 5, 4, 8]
    assert [c.name_th for c in old.categories] == ["สุขภาพ", "สภาพแวดล้อม", "การศึกษา", "การมีงานทำและรายได้", "ค่านิยม"]
    assert old.provisional is False
    assert old.survey_years == (2560, 2561, 2562, 2563, 2564)


def test_2560_2564_income_is_22_at_38000(old):
    income = old.income_indicator()
    assert income is not None and income.no == 22
    assert income.rule == "income" and income.unit == "household"
    assert income.answer_codes() == []
    assert {y: old.threshold(y) for y in old.survey_years} == {y: 38000 for y in range(2560, 2565)}


def test_2560_2564_29_is_chronically_ill(old):
    ind = old.by_no(29)
    assert ind.unit == "person" and ind.rule == "answer"
    assert ind.target == {"health": "C"}
    assert "เรื้อรัง" in ind.name_th
    assert old.by_no(28).target == {"health": "D"}


def test_2560_2564_targets(old):
    assert old.by_no(1).target == {"age_months": [0, 11]}
    assert old.by_no(20).target == {"age": [15, 59], "exclude": ["in_school", "dependent"]}
    assert old.by_no(21).target == {"age": [60, None], "exclude": ["dependent"]}
    assert old.by_no(17).target_given and old.by_no(18).target_given
    assert old.by_no(17).answer_codes() == ["17", "17t"]


def test_2566_2570_structure(new):
    assert len(new.indicators) == 38
    assert [i.no for i in new.indicators] == list(range(1, 39))
    assert _category_counts(new) == [12, 8, 5, 6, 7]
    assert [c.name_th for c in new.categories] == ["สุขภาพ", "ความเป็นอยู่", "การศึกษา", "เศรษฐกิจ", "การเข้าถึงบริการรัฐ"]
    assert new.survey_years == (2566, 2567, 2568, 2569, 2570)


def test_2566_2570_is_provisional_and_says_so(new):
    assert new.provisional is True
    assert "ฉบับร่าง" in new.title_th
    raw = json.loads(_path(NEW).read_text(encoding="utf-8"))
    assert "ชุดตัวชี้วัดฉบับร่าง" in raw["note_th"]
    assert "draft" in raw["note_en"].lower()
    assert all(a["th"] and a["en"] for a in raw["assumptions"])
    assert any("40,000" in th for th, _en in new.assumptions)


def test_2566_2570_income_is_29_at_40000(new):
    income = new.income_indicator()
    assert income is not None and income.no == 29
    assert income.category == 4 and income.unit == "household"
    assert {y: new.threshold(y) for y in new.survey_years} == {y: 40000 for y in range(2566, 2571)}


def test_2566_2570_self_care_sub_items(new):
    ind = new.by_no(8)
    assert ind.unit == "household"
    assert [s.code for s in ind.sub_items] == ["8.1", "8.2", "8.3", "8.4"]
    assert ind.answer_codes() == ["8.1", "8.2", "8.3", "8.4"]
    assert all(s.name_th and s.name_en for s in ind.sub_items)


@pytest.mark.parametrize("period", [OLD, NEW])
def test_answer_codes_unique(period):
    layout = load_file(_path(period)).answer_layout()
    assert len(layout) == len(set(layout))


# --- parse() rejects bad input ---------------------------------------------------------------


@pytest.fixture()
def raw():
    return json.loads(_path(OLD).read_text(encoding="utf-8"))


def _error(data) -> str:
    with pytest.raises(IndicatorSetError) as err:
        parse(data, "bad.json")
    return str(err.value)


def test_parse_accepts_the_unmodified_file(raw):
    assert len(parse(copy.deepcopy(raw), "ok.json").indicators) == 31


def test_rejects_unknown_unit(raw):
    raw["indicators"][3]["unit"] = "village"
    msg = _error(raw)
    assert "bad.json" in msg and "unit must be one of" in msg and "(4)" in msg


def test_rejects_duplicate_number(raw):
    raw["indicators"][4]["no"] = 4
    assert "number 4 appears twice" in _error(raw)


def test_rejects_undefined_category(raw):
    raw["indicators"][0]["category"] = 9
    assert "category 9 is not defined" in _error(raw)


def test_rejects_person_indicator_without_target(raw):
    del raw["indicators"][5]["target"]  # #6, persons aged 35+
    assert "person indicator needs a target population" in _error(raw)


@pytest.mark.parametrize("key", ["period", "title_th", "survey_years", "income_threshold", "categories", "indicators"])
def test_rejects_missing_key(raw, key):
    del raw[key]
    assert f"missing key '{key}'" in _error(raw)


def test_rejects_missing_indicator_field(raw):
    del raw["indicators"][2]["unit"]
    assert "indicator #3" in _error(raw)


def test_lists_every_problem(raw):
    raw["indicators"][3]["unit"] = "village"
    raw["indicators"][0]["category"] = 9
    msg = _error(raw)
    assert "unit must be one of" in msg and "category 9 is not defined" in msg


def test_rejects_missing_threshold_year(raw):
    del raw["income_threshold"]["2563"]
    assert "no income threshold for survey year 2563" in _error(raw)


def test_rejects_repeated_answer_codes(raw):
    raw["indicators"][3]["sub_items"] = [{"code": "5", "name_th": "ซ้ำ"}]
    assert "answer codes repeat" in _error(raw)
