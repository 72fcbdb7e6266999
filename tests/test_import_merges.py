"""Merged header cells read from the sheet (issue 15): a merged group title over sub-headers, a
header cell merged over two header rows, a title over the table; built with openpyxl as Excel leaves
them (the text in the top-left cell only, the ranges in <mergeCells> after the rows)."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from desktop.importers import columns as C
from desktop.importers import mapping, national, readers
from desktop.models import db
from tests.conftest import PASSPHRASE
from tests.fixtures import bmnfiles as F
from tests.test_export import areas_of, rows
from tests.test_import_mapping import HH_FOREIGN, M_FOREIGN, TITLE

INCOME = ("รายได้ (บาท/ปี)", (("inc_main", "อาชีพหลัก"), ("inc_second", "อาชีพรอง"), ("inc_other", "อื่นๆ"),
                              ("inc_produce", "ผลิตเพื่อบริโภคเอง")))
EXPENSE = ("รายจ่าย (บาท/ปี)", (("exp_production", "เพื่อการผลิต"), ("exp_necessary", "จำเป็น"),
                                ("exp_unnecessary", "ไม่จำเป็น"), ("exp_debt", "ชำระหนี้")))
ANSWERS = "ตัวชี้วัดที่"
OCCUPATION = "อาชีพหลัก"  # the head's occupation: its header only in the lower row, right of the expense group
AFTER = ("collector", "survey_date")  # also only in the lower row


@pytest.fixture(autouse=True)
def mappings_dir(tmp_path, monkeypatch):
    folder = tmp_path / "mappings"
    monkeypatch.setenv("BMN_MAPPINGS_DIR", str(folder))
    return folder


def merged_report(path, hh, mm):
    """A web report saved as Excel: a title merged over the table (row 1), an empty row, group titles
    merged over their sub-headers (row 3: income, expense, indicator numbers 1 | 1t | 2 …) above
    row 4; single headers merged down over rows 3-4, except four whose header is in row 4 only."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ครัวเรือน"
    singles = [(name, header) for name, header in HH_FOREIGN.items() if name not in AFTER]
    columns: list[tuple[str | None, str, str]] = [(name, header, "") for name, header in singles]  # (ours, row 3, row 4)
    groups = []
    for group, members in (INCOME, EXPENSE, (ANSWERS, tuple((f"q{c}", c) for c in F.layout()))):
        groups.append((len(columns) + 1, len(columns) + len(members)))
        columns += [(name, group if i == 0 else "", sub) for i, (name, sub) in enumerate(members)]
        if group == EXPENSE[0]:
            columns.append((None, "", OCCUPATION))
            columns += [(name, "", HH_FOREIGN[name]) for name in AFTER]
    sheet.append([TITLE])
    sheet.append([])
    sheet.append([top for _, top, _ in columns])
    sheet.append([low for _, _, low in columns])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for col, (_, top, low) in enumerate(columns, start=1):
        if top and not low:
            sheet.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    for first, last in groups:
        sheet.merge_cells(f"{get_column_letter(first)}3:{get_column_letter(last)}3")
    for row in hh:
        sheet.append([row.get(name) if name else "ทำนา" for name, _, _ in columns])
    members = book.create_sheet("สมาชิก")
    members.append(list(M_FOREIGN.values()))
    for row in mm:
        members.append([row.get(name) for name in M_FOREIGN])
    book.save(path)
    return path


def test_head_rows_fill_merged_cells_across_and_down(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["รายงาน"])
    sheet.append(["ที่อยู่", None, "รายได้", None, "หมายเหตุ"])
    sheet.append(["บ้านเลขที่", "หมู่ที่", "อาชีพหลัก", "อาชีพรอง"])
    sheet.append(["1", "2", "3", "4", "5"])
    for ref in ("A1:E1", "A2:B2", "C2:D2", "E2:E3"):
        sheet.merge_cells(ref)
    book.save(tmp_path / "m.xlsx")
    head = readers.head_rows(tmp_path / "m.xlsx")
    assert [cells for _, cells in head] == [["รายงาน"] * 5, ["ที่อยู่", "ที่อยู่", "รายได้", "รายได้", "หมายเหตุ"],
                                           ["บ้านเลขที่", "หมู่ที่", "อาชีพหลัก", "อาชีพรอง", "หมายเหตุ"],
                                           ["1", "2", "3", "4", "5"]]
    assert head[0][1].groups == ()  # a title, not a group
    assert head[1][1].groups == ((0, 1), (2, 3)) and head[2][1].down == frozenset({4})
    labels, row_no, joined = next(mapping.readings(head[1:]))
    assert (labels, row_no, joined) == (["ที่อยู่ บ้านเลขที่", "ที่อยู่ หมู่ที่", "รายได้ อาชีพหลัก", "รายได้ อาชีพรอง",
                                         "หมายเหตุ"], 3, True)


def test_merge_ranges_are_found_after_the_rows_with_any_prefix(tmp_path):
    """The second pass reads only <mergeCells>, which follows <sheetData>, in any namespace prefix."""
    data = (b'<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>'
            b'mergeCells &lt;mergeCell ref="Z1:Z9"/&gt;</x:t></x:is></x:c></x:row></x:sheetData>'
            b'<x:mergeCells count="2"><x:mergeCell ref="B2:D2"/><x:mergeCell ref=\'a3:A4\'/></x:mergeCells>'
            b'</x:worksheet>')
    assert readers._merge_start(data) == data.index(b"<x:mergeCells") + 3
    assert readers._MERGE_REF.findall(data) == [b"B2:D2", b"a3:A4"]


def test_merged_report_imports_and_equals_our_layout(store, tmp_path):
    hh, mm = F.sample(4)
    path = merged_report(tmp_path / "report.xlsx", hh, mm)
    (label, head), (member_label, member_head) = readers.sheet_heads(path)
    header, kind, proposal = mapping.best_guess(head)
    assert (header.row, kind) == (4, C.HOUSEHOLD)
    labels = header.labels
    assert labels[labels.index("บ้านเลขที่")] == "บ้านเลขที่"  # merged down over both header rows
    assert f"{INCOME[0]} อาชีพหลัก" in labels and f"{EXPENSE[0]} ชำระหนี้" in labels
    assert f"{ANSWERS} 8.1" in labels and f"{ANSWERS} 23t" in labels
    after = labels.index(f"{EXPENSE[0]} ชำระหนี้") + 1  # right of the expense group, not merged into it
    assert labels[after:after + 3] == [OCCUPATION, "ผู้บันทึก", "วันที่บันทึก"]
    assert proposal.get(labels.index(OCCUPATION)) is None
    assert {proposal[labels.index(f"{ANSWERS} {code}")] for code in F.layout()} == {f"q{c}" for c in F.layout()}
    member_header, member_kind, member_proposal = mapping.best_guess(member_head)
    profiles = [mapping.profile_from(label, kind, header.labels, proposal),
                mapping.profile_from(member_label, member_kind, member_header.labels, member_proposal)]
    result = national.import_files(store, [path], mappings=profiles)
    assert result.ok and result.applied, result.problems
    ours = db.open_store(tmp_path / "ours.db", PASSPHRASE, create=True)
    try:
        assert national.import_files(ours, F.write_pair(tmp_path, hh, mm)).applied
        assert rows(store) == rows(ours) and areas_of(store) == areas_of(ours)
    finally:
        ours.close()


def test_numbers_under_a_merged_group_are_sub_headers_not_data(tmp_path):
    """"8.1" alone could be a value of a data row; under a merged "ตัวชี้วัดที่" it names an answer.
    Without the merges the indicator columns are not recognised."""
    path = merged_report(tmp_path / "report.xlsx", *F.sample(1))
    (_, head), _ = readers.sheet_heads(path)
    plain = [(row_no, list(cells)) for row_no, cells in head]  # the same rows without their merges
    assert not any(name.startswith("q") for name in mapping.best_guess(plain)[2].values())
    assert sum(name.startswith("q") for name in mapping.best_guess(head)[2].values()) == len(F.layout())


def test_unrecognised_table_is_offered_with_its_widest_row_as_header():
    head = [(1, ["รายงานพิเศษ"]), (2, ["คอลัมน์ ก", "คอลัมน์ ข", "คอลัมน์ ค"]), (3, ["1", "2", "3"]),
            (4, ["4", "5", "6"])]
    table = mapping.foreign_table("x.csv", head, ())
    assert table is not None and not table.recognised
    assert (table.header.row, table.kind, table.proposal, table.rows) == (2, C.HOUSEHOLD, {}, [["1", "2", "3"],
                                                                                            ["4", "5", "6"]])


def test_choices_hold_every_column_and_every_answer_of_the_year():
    offered = [c.value for c in mapping.choices(C.HOUSEHOLD, F.YEAR)]
    assert offered == [c.name for c in C.COLUMNS[C.HOUSEHOLD]] + [f"q{code}" for code in F.layout()]
    assert [c.value for c in mapping.choices(C.MEMBER, F.YEAR)] == [c.name for c in C.COLUMNS[C.MEMBER]]
