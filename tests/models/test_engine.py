"""The evaluation engine on hand-made households: target populations, not-applicable cases,
sub-items, given targets and the income threshold boundary."""

from __future__ import annotations

import pytest

from desktop.models import engine, households, indicators, loader
from desktop.models.schema import household_id
from desktop.models.sortkeys import house_sort_key, thai_sort_key

YEAR = 2562  # 2560-2564 set: threshold 38,000; 3 = vaccination 0-12; 20 = work 15-59 excl. students/dependent
SET = indicators.bundled("2560-2564")
LAYOUT = SET.answer_layout()


def _answers(**by_code: str) -> str:
    return "".join(by_code.get(code, "-") for code in LAYOUT)


def _hh(seq: int, answers: str, incomes=(0, 0, 0, 0)) -> tuple:
    code = f"5201000{seq:04d}"
    return (household_id(YEAR, code), YEAR, 52, 5201, 520101, 52010101, str(seq), house_sort_key(str(seq)), code,
            "ทดสอบ", thai_sort_key("ทดสอบ"), *incomes, 0, 0, 0, 0, answers, "", "", 1, 0)


def _member(seq_hh: int, seq: int, age: int, *, health="N", self_reliant=1, in_school=0) -> tuple:
    hid = household_id(YEAR, f"5201000{seq_hh:04d}")
    return (hid, seq, "3100600445635", "5364450060013", "", "ก", "ข", "M", "1970-01-01", age, age * 12,
            "", "", "", health, self_reliant, in_school)


def _load(store, rows, members):
    with store.begin() as conn:
        load = loader.BulkLoad(conn, YEAR, "engine test")
        load.start()
        load.add_households(rows)
        load.add_members(members)
        load.finish()


def _results(store, seq: int) -> dict[int, engine.IndicatorResult]:
    with store.read() as conn:
        found = households.detail(conn, household_id(YEAR, f"5201000{seq:04d}"))
    return {r.indicator.no: r for r in found.results}


def test_person_indicator_counts_target_members_and_failures(store):
    # two children 0-12 (one not vaccinated), one adult
    _load(store, [_hh(1, _answers(**{"3": "1"}))], [_member(1, 1, 40), _member(1, 2, 5), _member(1, 3, 12)])
    r = _results(store, 1)[3]
    assert (r.status, r.target, r.failing) == ("F", 2, 1)


def test_no_target_members_means_not_applicable_even_with_an_answer(store):
    _load(store, [_hh(1, _answers(**{"3": "0"}))], [_member(1, 1, 40), _member(1, 2, 13)])
    r = _results(store, 1)[3]
    assert (r.status, r.target, r.failing) == ("-", 0, 0)


def test_target_age_edges_are_inclusive(store):
    # indicator 19: literacy 15-59; ages 14 and 60 are outside, 15 and 59 inside
    members = [_member(1, 1, 14), _member(1, 2, 15), _member(1, 3, 59), _member(1, 4, 60)]
    _load(store, [_hh(1, _answers(**{"19": "0"}))], members)
    assert _results(store, 1)[19].target == 2


def test_exclusions_students_and_dependent_disabled(store):
    members = [_member(1, 1, 30), _member(1, 2, 20, in_school=1), _member(1, 3, 40, health="D", self_reliant=0),
               _member(1, 4, 45, health="D", self_reliant=1)]
    _load(store, [_hh(1, _answers(**{"20": "1"}))], members)
    r = _results(store, 1)[20]
    assert (r.status, r.target, r.failing) == ("F", 2, 1)


def test_given_target_comes_from_the_answer(store):
    _load(store, [_hh(1, _answers(**{"17": "0", "17t": "2"})), _hh(2, _answers(**{"17": "0", "17t": "0"}))],
          [_member(1, 1, 40), _member(2, 1, 40)])
    assert (_results(store, 1)[17].status, _results(store, 1)[17].target) == ("P", 2)
    assert _results(store, 2)[17].status == "-"


def test_household_answers_pass_fail_and_unanswered(store):
    _load(store, [_hh(1, _answers(**{"4": "1", "5": "0"}))], [_member(1, 1, 40)])
    r = _results(store, 1)
    assert (r[4].status, r[5].status, r[8].status) == ("P", "F", "-")


@pytest.mark.parametrize("total, status", [(76_000, "P"), (75_999, "F"), (114_000, "P")])
def test_income_threshold_boundary(store, total, status):
    # two members: the threshold is 38,000 per person, so 76,000 in total passes exactly
    _load(store, [_hh(1, _answers(), incomes=(total, 0, 0, 0))], [_member(1, 1, 40), _member(1, 2, 38)])
    r = _results(store, 1)[22]
    assert r.status == status
    with store.read() as conn:
        row = households.first_page(conn, households.HouseholdFilter(YEAR, "52"))[0]
    assert row.income_pp == total // 2
    assert row.results[[i.no for i in SET.indicators].index(22)] == status


def test_income_sums_all_four_components(store):
    _load(store, [_hh(1, _answers(), incomes=(20_000, 10_000, 5_000, 3_000))], [_member(1, 1, 40)])
    assert _results(store, 1)[22].status == "P"


def test_sub_items_fail_when_any_fails():
    new = indicators.bundled("2566-2570")
    layout = new.answer_layout()
    compiled = engine.compile_set(new, 2567, layout)
    eight = [i.no for i in new.indicators].index(8)
    assert "8.1" in layout and "8.4" in layout
    assert "instr(" in compiled.status[eight]


def test_bulk_results_agree_with_single_household_evaluation(store):
    rows = [_hh(i, _answers(**{"3": str(i % 3), "4": str(i % 2), "20": "0", "17": "1", "17t": str(i % 2)}),
                incomes=(30_000 * i, 0, 0, 0)) for i in range(1, 7)]
    members = [_member(i, s, age) for i in range(1, 7) for s, age in enumerate((35, 8, 70)[: 1 + i % 3], start=1)]
    _load(store, rows, members)
    with store.read() as conn:
        for row in households.first_page(conn, households.HouseholdFilter(YEAR, "52")):
            single = households.detail(conn, row.id).results
            assert "".join(r.status for r in single) == row.results
            assert row.n_failed == row.results.count("F")


def test_count_encoding_round_trip():
    for n in range(36):
        assert engine.decode_count(engine.encode_count(n)) == n
    assert engine.encode_count(None) == "-" and engine.decode_count("-") is None
