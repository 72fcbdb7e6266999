"""The household table model: Qt's model tester, paging, SQL sorting, filters and search."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.models import households
from desktop.models.households import HouseholdFilter
from desktop.models.schema import STATUS_REVIEWED
from desktop.views import household_model
from desktop.views.household_model import HouseholdTableModel
from tests.views import area_codes, latest_year


def column(model: HouseholdTableModel, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def shown(model: HouseholdTableModel, key: str) -> list[str]:
    col = column(model, key)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def load(qtbot, model: HouseholdTableModel, flt: HouseholdFilter, size_hint: int | None = None) -> None:
    model.set_filter(flt, size_hint)
    qtbot.waitUntil(lambda: model.complete, timeout=10_000)


@pytest.fixture
def model(demo_store, runner):
    m = HouseholdTableModel(demo_store, runner)
    QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return m


def province_filter(store, **kw) -> HouseholdFilter:
    return HouseholdFilter(latest_year(store), "52", **kw)


def test_model_passes_qt_model_tester_through_load_sort_and_filter(qtbot, model, demo_store, monkeypatch):
    monkeypatch.setattr(household_model, "PAGE", 50)  # several pages and cache evictions on 600 rows
    monkeypatch.setattr(household_model, "CACHE_PAGES", 3)
    flt = province_filter(demo_store)
    load(qtbot, model, flt)
    assert model.rowCount() == 600
    assert model.columnCount() == 8  # with the village (หมู่) column
    first_rows = shown(model, "house_code")
    assert len(set(first_rows)) == 600
    model.sort(column(model, "income_pp"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.complete, timeout=10_000)
    incomes = [int(v.replace(",", "")) for v in shown(model, "income_pp")]
    assert incomes == sorted(incomes, reverse=True)
    load(qtbot, model, province_filter(demo_store, search="zzz-nobody"))
    assert model.rowCount() == 0


def test_first_page_shows_at_once_then_full_list_arrives(qtbot, model, demo_store):
    flt = province_filter(demo_store)
    model.set_filter(flt)
    assert model.rowCount() == household_model.FIRST_PAGE  # shown before the id list is in
    assert not model.complete
    with qtbot.waitSignal(model.loaded, timeout=10_000) as blocker:
        pass
    assert blocker.args == [600]
    assert model.rowCount() == 600


def test_big_area_filtered_first_page_goes_to_the_reader(qtbot, model, demo_store):
    flt = province_filter(demo_store, status=0)
    model.set_filter(flt, size_hint=household_model.SYNC_LIMIT + 1)  # as for a province of a million
    assert model.rowCount() == 0
    qtbot.waitUntil(lambda: model.complete, timeout=10_000)
    assert model.rowCount() == 600


def test_stale_id_list_is_dropped(qtbot, model, demo_store):
    model.set_filter(province_filter(demo_store))
    village = area_codes(demo_store, 8)[0]
    load(qtbot, model, HouseholdFilter(latest_year(demo_store), village))
    qtbot.wait(200)  # the province's list also arrives; it must not replace the village's
    village_prefix = int(village)
    with demo_store.read() as conn:
        rows = households.rows_by_ids(conn, [model.household_id(r) for r in range(model.rowCount())])
    assert rows and all(r.village == village_prefix for r in rows)


def natural_key(house_no: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", house_no)]


def test_sort_by_house_number_is_natural_within_a_village(qtbot, model, demo_store):
    village = max(area_codes(demo_store, 8), key=lambda c: c)  # any village
    load(qtbot, model, HouseholdFilter(latest_year(demo_store), village))
    numbers = shown(model, "house")
    assert numbers == sorted(numbers, key=natural_key)
    model.sort(column(model, "house"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.complete)
    assert shown(model, "house") == sorted(numbers, key=natural_key, reverse=True)


def test_sort_by_head_follows_thai_dictionary_order(qtbot, model, demo_store):
    load(qtbot, model, province_filter(demo_store))
    model.sort(column(model, "head"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.complete)
    names = shown(model, "head")
    collator = QCollator(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    assert names == sorted(names, key=collator.sortKey)
    assert names != sorted(names)  # leading vowels (เ แ โ ใ ไ) make code-point order differ


def test_filter_by_status(qtbot, model, demo_store):
    with demo_store.read() as conn:
        ids = list(households.ordered_ids(conn, province_filter(demo_store)))[:7]
    with demo_store.begin() as conn:
        households.set_status(conn, ids, STATUS_REVIEWED)
    load(qtbot, model, province_filter(demo_store, status=STATUS_REVIEWED))
    assert sorted(model.household_id(r) for r in range(model.rowCount())) == sorted(ids)
    assert set(shown(model, "status")) == {"ตรวจแล้ว"}


def test_filter_by_failed_indicator(qtbot, model, demo_store):
    from desktop.models import lookups

    with demo_store.read() as conn:
        choices, _ = lookups.indicator_choices(conn, latest_year(demo_store))
    income = next(c for c in choices if c.no == 29)
    load(qtbot, model, province_filter(demo_store, failed_position=income.position))
    assert 0 < model.rowCount() < 600
    for r in range(model.rowCount()):
        row = model.household(r)
        assert row.results[income.position - 1] == "F"
        assert 29 in model.failed_numbers(row)
    tip = model.data(model.index(0, column(model, "failed")), Qt.ItemDataRole.ToolTipRole)
    assert "29" in tip


def _some_household(store):
    with store.read() as conn:
        hid = households.ordered_ids(conn, province_filter(store))[123]
        return households.detail(conn, hid)


def test_search_by_name_house_number_and_id_digits(qtbot, model, demo_store):
    target = _some_household(demo_store)
    member = target.members[0]
    load(qtbot, model, province_filter(demo_store, search=member.first_name))
    assert target.id in [model.household_id(r) for r in range(model.rowCount())]
    village = str(target.village)
    load(qtbot, model, HouseholdFilter(target.survey_year, village, search=target.house_no))
    assert target.id in [model.household_id(r) for r in range(model.rowCount())]
    assert target.house_no in shown(model, "house")  # digits also match house codes and ID endings
    load(qtbot, model, province_filter(demo_store, search=member.pid[-4:]))
    assert target.id in [model.household_id(r) for r in range(model.rowCount())]
    assert model.rowCount() < 20


def test_income_shows_thousands_separators(qtbot, model, demo_store):
    load(qtbot, model, province_filter(demo_store))
    model.sort(column(model, "income_pp"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.complete)
    top = model.data(model.index(0, column(model, "income_pp")))
    assert "," in top and top.replace(",", "").isdigit()
    align = model.data(model.index(0, column(model, "income_pp")), Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(align) & Qt.AlignmentFlag.AlignRight
