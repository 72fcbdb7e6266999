"""Files as Excel leaves them: every value Excel changed is a problem with file, row and column, and a
rejected file leaves the store exactly as it was (tests/test_import_preview.fingerprint)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop.importers import columns as C
from desktop.importers import national
from desktop.messages import msg
from desktop.models import dates
from tests.fixtures import bmnfiles as F
from tests.test_import_preview import fingerprint

HH_SHEET, M_SHEET = "ครัวเรือน", "สมาชิก"


@pytest.fixture
def held(store, tmp_path):
    """A store already holding a village (4 households), and the fingerprint to compare with."""
    hh, mm = F.sample(4)
    assert national.import_files(store, F.write_pair(tmp_path, hh, mm, stem="held")).applied
    return fingerprint(store)


def xlsx_with(tmp_path, change, name="excel.xlsx", n=3):
    """A workbook written by openpyxl from sample rows, then `change(households_sheet, members_sheet)`."""
    hh, mm = F.sample(n, start=11)
    path = F.write_xlsx(tmp_path / name, hh, mm)
    book = openpyxl.load_workbook(path)
    change(book[HH_SHEET], book[M_SHEET])
    book.save(path)
    return path


def col(name: str, kind: str = C.HOUSEHOLD) -> int:
    columns = F.household_columns() if kind == C.HOUSEHOLD else F.member_columns()
    return columns.index(name) + 1


def rejected(store, path, before, **kw):
    result = national.import_files(store, [path], **kw)
    assert not result.ok and not result.applied
    assert fingerprint(store) == before
    return [(p.file, p.row, p.column, p.value, p.message) for p in result.problems]


def test_house_number_excel_made_a_date_of(store, tmp_path, held):
    def change(hh, _):
        cell = hh.cell(row=3, column=col("house_no"), value=dt.datetime(2024, 1, 12))
        cell.number_format = "d/m/yyyy"
    path = xlsx_with(tmp_path, change)
    assert rejected(store, path, held) == [
        (f"excel.xlsx [{HH_SHEET}]", 3, "house_no", "2024-01-12", msg("imp_excel_date", value="2024-01-12", guess="12/1"))]


def test_date_cells_in_date_columns_are_fine(store, tmp_path):
    def change(hh, mm):
        hh.cell(row=2, column=col("survey_date"), value=dt.datetime(2024, 2, 15)).number_format = "dd/mm/yyyy"
        mm.cell(row=2, column=col("birth_date", C.MEMBER), value=dt.datetime(1978, 5, 1)).number_format = "d mmm yy"
    result = national.import_files(store, [xlsx_with(tmp_path, change)])
    assert result.ok and result.applied, result.problems


@pytest.mark.parametrize("column, error", [("inc_main", "#DIV/0!"), ("head_name", "#N/A"), ("q1", "#REF!")])
def test_error_cells(store, tmp_path, held, column, error):
    def change(hh, _):
        cell = hh.cell(row=2, column=col(column), value=error)
        assert cell.data_type == "e"  # an error cell, as Excel writes one
    assert rejected(store, xlsx_with(tmp_path, change), held) == [
        (f"excel.xlsx [{HH_SHEET}]", 2, column, error, msg("imp_excel_error", value=error))]


def test_formula_without_cached_value_is_not_zero_baht(store, tmp_path, held):
    def change(hh, _):
        hh.cell(row=4, column=col("inc_main"), value="=1000*12")  # openpyxl saves no cached value
    path = xlsx_with(tmp_path, change)
    assert rejected(store, path, held) == [
        (f"excel.xlsx [{HH_SHEET}]", 4, "inc_main", "", msg("imp_excel_formula"))]


def test_a_formula_in_a_column_not_read_is_ignored(store, tmp_path):
    def change(hh, _):
        extra = hh.max_column + 1
        hh.cell(row=1, column=extra, value="หมายเหตุ")
        hh.cell(row=2, column=extra, value="=A1")
    assert national.import_files(store, [xlsx_with(tmp_path, change)]).applied


def write_rows(tmp_path, hh, mm, stem="bad"):
    return F.write_pair(tmp_path, hh, mm, stem=stem)


@pytest.mark.parametrize("value, codes", [("นาย\x00สมชาย", "U+0000"), ("นาย\x07สม\x1bชาย", "U+0007, U+001B")])
def test_control_characters(store, tmp_path, held, value, codes):
    hh, mm = F.sample(2, start=11)
    hh[1]["head_name"] = value
    paths = write_rows(tmp_path, hh, mm)
    result = national.import_files(store, paths)
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (3, "head_name", msg("imp_control_chars", codes=codes))]
    assert "\x00" not in result.problems[0].value and fingerprint(store) == held


def test_text_over_the_length_limit(store, tmp_path, held):
    hh, mm = F.sample(2, start=11)
    hh[0]["head_name"] = "ก" * 10_000
    mm[1]["first_name"] = "ข" * 121
    result = national.import_files(store, write_rows(tmp_path, hh, mm))
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "head_name", msg("imp_too_long", n=10_000, limit=200)),
        (3, "first_name", msg("imp_too_long", n=121, limit=120))]
    assert fingerprint(store) == held


@pytest.mark.parametrize("shown", ["12-Jan", "1-Dec-24", "12/1/2024", "12 ม.ค."])
def test_csv_of_a_sheet_that_made_a_date_of_the_house_number(store, tmp_path, held, shown):
    hh, mm = F.sample(2, start=11)
    hh[1]["house_no"] = shown
    result = national.import_files(store, write_rows(tmp_path, hh, mm))
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (3, "house_no", msg("imp_csv_date", value=shown))]
    assert fingerprint(store) == held


def test_excel_error_text_in_a_csv(store, tmp_path, held):
    hh, mm = F.sample(2, start=11)
    hh[0]["inc_second"], mm[0]["last_name"] = "#VALUE!", "#N/A"
    result = national.import_files(store, write_rows(tmp_path, hh, mm))
    assert sorted((p.file.split("-")[1], p.row, p.column, p.message) for p in result.problems) == [
        ("households.csv", 2, "inc_second", msg("imp_excel_error", value="#VALUE!")),
        ("members.csv", 2, "last_name", msg("imp_excel_error", value="#N/A"))]
    assert fingerprint(store) == held


def test_birth_after_the_reference_date_and_implausible_age(store, tmp_path, held):
    hh, mm = F.sample(2, start=11)
    mm[0]["birth_date"] = "01/03/2567"  # after 1 January 2567, the reference date of 2567
    mm[3]["birth_date"] = "01/01/2410"  # 157 years old
    result = national.import_files(store, write_rows(tmp_path, hh, mm))
    reference = dates.long_date(dt.date(2024, 1, 1), "th")
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (2, "birth_date", msg("imp_birth_after_reference", value="01/03/2567", reference=reference)),
        (5, "birth_date", msg("imp_too_old", age=157))]
    assert fingerprint(store) == held


def test_person_count_above_the_members(store, tmp_path, held):
    hh, mm = F.sample(2, start=11)
    layout = F.layout()
    kinds = dict(zip(layout, C.answer_kinds(F.indicators.bundled(F.indicators.period_for_year(F.YEAR)), layout)))
    count_code = next(code for code in layout if kinds[code] == C.COUNT)
    hh[1][f"q{count_code}"] = 5  # two members
    result = national.import_files(store, write_rows(tmp_path, hh, mm))
    assert [(p.row, p.column, p.value, p.message) for p in result.problems] == [
        (3, f"q{count_code}", "5", msg("imp_count_over_members", value=5, members=2))]
    assert fingerprint(store) == held


def test_same_id_in_another_village_of_the_same_year(store, tmp_path, held):
    hh, mm = F.sample(2, village="52010201", start=31)
    mm[2]["pid"] = F.make_pid(1 * 10 + 2)  # a member of house 52010000001 in the store
    result = national.import_files(store, write_rows(tmp_path, hh, mm))
    assert [(p.row, p.column, p.message) for p in result.problems] == [
        (4, "pid", msg("imp_pid_in_store", value=mm[2]["pid"], house="52010000001", village=52010101))]
    assert fingerprint(store) == held


def test_a_person_moving_house_inside_a_whole_village_is_no_duplicate(store, tmp_path, held):
    hh, mm = F.sample(4)
    moved = [m for m in mm if m["house_code"] != "52010000004"]
    moved.append(dict(mm[-1], house_code="52010000003", seq=3))  # from house 4 to house 3
    result = national.import_files(store, write_rows(tmp_path, hh[:3], moved, stem="moved"),
                                   choices=national.Choices(whole_villages=True))
    assert result.applied, result.problems

