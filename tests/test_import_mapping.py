"""Files in other layouts: title rows, two-level headers with merged cells, foreign Thai headers,
UTF-16 with and without BOM; the proposed mapping, profiles given or saved, and the same data as our layout."""

from __future__ import annotations

import json

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

import main
from desktop.importers import columns as C
from desktop.importers import mapping, national, readers
from desktop.messages import msg
from desktop.models import db
from tests.conftest import PASSPHRASE
from tests.fixtures import bmnfiles as F
from tests.test_export import areas_of, rows
from tests.test_import_preview import fingerprint

TITLE = "รายงานข้อมูล จปฐ. ปี 2567 อำเภอเมืองลำปาง จังหวัดลำปาง"
# our column -> the foreign header; money columns sit under merged group cells
HH_FOREIGN = {"survey_year": "ปี พ.ศ.", "village_code": "รหัสหมู่", "village_name": "ชื่อหมู่บ้าน", "lao_code": "รหัส อปท.",
              "lao_kind": "ประเภท อปท.", "lao_name": "ชื่อ อปท.", "house_no": "บ้านเลขที่",
              "house_code": "เลขรหัสประจำบ้าน", "head_name": "ชื่อ-สกุล หัวหน้าครัวเรือน", "collector": "ผู้บันทึก",
              "survey_date": "วันที่บันทึก"}
GROUPS = (("รายได้ (บาท/ปี)", ("inc_main", "อาชีพหลัก"), ("inc_second", "อาชีพรอง"), ("inc_other", "อื่นๆ"),
           ("inc_produce", "ผลิตเพื่อบริโภคเอง")),
          ("รายจ่าย (บาท/ปี)", ("exp_production", "เพื่อการผลิต"), ("exp_necessary", "จำเป็น"),
           ("exp_unnecessary", "ไม่จำเป็น"), ("exp_debt", "ชำระหนี้")))
M_FOREIGN = {"seq": "ลำดับที่", "house_code": "เลขรหัสประจำบ้าน", "pid": "เลขบัตรประชาชน (13 หลัก)",
             "title": "คำนำหน้าชื่อ", "first_name": "ชื่อ", "last_name": "ชื่อสกุล", "sex": "เพศ",
             "birth_date": "วัน/เดือน/ปีเกิด", "relation": "ความเกี่ยวข้องกับหัวหน้าครัวเรือน",
             "education": "ระดับการศึกษาสูงสุด", "occupation": "อาชีพ", "health": "ความพิการ"}


@pytest.fixture(autouse=True)
def mappings_dir(tmp_path, monkeypatch):
    folder = tmp_path / "mappings"
    monkeypatch.setenv("BMN_MAPPINGS_DIR", str(folder))
    return folder


def foreign_workbook(path, hh, mm):
    """The national system's web report as an office downloads it: a merged title row, a two-level
    household header (merged group cells over the money columns), other header names and order."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ครัวเรือน"
    top, sub, order = [], [], []
    for name, header in HH_FOREIGN.items():
        top.append(header), sub.append(""), order.append(name)
    merges = []
    for group, *members in GROUPS:
        merges.append((len(top) + 1, len(top) + len(members)))
        for i, (name, header) in enumerate(members):
            top.append(group if i == 0 else ""), sub.append(header), order.append(name)
    for code in F.layout():
        top.append(f"ข้อ {code}"), sub.append(""), order.append(f"q{code}")
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(top))
    sheet.append(top)
    sheet.append(sub)
    for col, header in enumerate(top, start=1):
        if header and not sub[col - 1]:
            sheet.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    for first, last in merges:
        sheet.merge_cells(f"{get_column_letter(first)}2:{get_column_letter(last)}2")
    for row in hh:
        sheet.append([row.get(name) for name in order])
    members = book.create_sheet("สมาชิก")
    members.append([TITLE])
    members.append([])
    members.append(list(M_FOREIGN.values()))
    for row in mm:
        members.append([row.get(name) for name in M_FOREIGN])
    book.save(path)
    return path


def proposed_profiles(path):
    out = []
    for label, head in readers.sheet_heads(path):
        header, kind, proposal = mapping.best_guess(head)
        out.append(mapping.profile_from(label, kind, header.labels, proposal))
    return out


def test_foreign_layout_is_refused_with_a_hint_and_changes_nothing(store, tmp_path):
    before = fingerprint(store)
    path = foreign_workbook(tmp_path / "report.xlsx", *F.sample(3))
    result = national.import_files(store, [path])
    got = [(p.file, p.row, p.message) for p in result.problems]
    assert ("report.xlsx [ครัวเรือน]", 1, msg("imp_unknown_layout", n=6)) in got  # title, 2 header rows, 3 rows
    assert ("report.xlsx [สมาชิก]", 3, msg("imp_missing_column", column="house_code (รหัสประจำบ้าน)")) in got
    assert fingerprint(store) == before


def test_the_proposal_maps_every_column_of_the_foreign_layout(tmp_path):
    path = foreign_workbook(tmp_path / "report.xlsx", *F.sample(2))
    households, members = proposed_profiles(path)
    assert households.kind == C.HOUSEHOLD and members.kind == C.MEMBER
    expected = {**HH_FOREIGN, **{name: f"{group} {header}" for group, *cols in GROUPS for name, header in cols},
                **{f"q{code}": f"ข้อ {code}" for code in F.layout()}}
    assert households.columns == {header: name for name, header in expected.items()}
    assert members.columns == {header: name for name, header in M_FOREIGN.items()}


def test_mapped_foreign_file_equals_the_same_data_in_our_layout(store, tmp_path):
    hh, mm = F.sample(5)
    path = foreign_workbook(tmp_path / "report.xlsx", hh, mm)
    profiles = proposed_profiles(path)
    result = national.import_files(store, [path], mappings=profiles)
    assert result.ok and result.applied, result.problems
    assert result.profiles == {"report.xlsx [ครัวเรือน]": profiles[0].name, "report.xlsx [สมาชิก]": profiles[1].name}
    ours = db.open_store(tmp_path / "ours.db", PASSPHRASE, create=True)
    try:
        assert national.import_files(ours, F.write_pair(tmp_path, hh, mm)).applied
        assert rows(store) == rows(ours) and areas_of(store) == areas_of(ours)
    finally:
        ours.close()


def test_problems_in_a_mapped_file_name_its_own_columns_and_rows(store, tmp_path):
    hh, mm = F.sample(2)
    hh[1]["inc_second"] = "abc"
    path = foreign_workbook(tmp_path / "report.xlsx", hh, mm)
    result = national.import_files(store, [path], mappings=proposed_profiles(path))
    assert [(p.row, p.column) for p in result.problems] == [(5, "รายได้ (บาท/ปี) อาชีพรอง")]


def test_saved_profile_is_used_again_for_the_same_headers(store, tmp_path, mappings_dir):
    hh, mm = F.sample(3)
    path = foreign_workbook(tmp_path / "report.xlsx", hh, mm)
    for profile in proposed_profiles(path):
        mapping.save_profile(mappings_dir, profile)
    saved = mapping.load_profiles(mappings_dir)
    assert len(saved) == 2
    assert national.import_files(store, [path], saved_mappings=saved).applied
    other = hh[0].copy()
    other_headers = [c for c in saved[0].headers if c != "ผู้บันทึก"]  # another layout: not the same header row
    assert not saved[0].matches(other_headers, exact=True) and other


def test_cli_propose_then_import_with_mapping(db_path, env_passphrase, tmp_path, capsys):
    path = foreign_workbook(tmp_path / "report.xlsx", *F.sample(2))
    out = tmp_path / "hh.json"
    assert main.main(["import", str(path), "--propose-mapping", str(out)]) == 0
    profile = json.loads(out.read_text(encoding="utf-8"))
    assert profile["kind"] == "household" and profile["columns"]["บ้านเลขที่"] == "house_no"
    members = tmp_path / "m.json"
    members.write_text(proposed_profiles(path)[1].to_json(), encoding="utf-8")
    assert main.main(["import", str(path), "--db", str(db_path), "--mapping", str(out), "--mapping",
                      str(members)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "household", "columns": {"x": "no_such_column"}}', encoding="utf-8")
    assert main.main(["import", str(path), "--db", str(db_path), "--mapping", str(bad)]) == 1
    assert "no_such_column" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_title_rows_above_our_own_header(store, tmp_path, fmt):
    hh, mm = F.sample(2)
    if fmt == "csv":
        paths = F.write_pair(tmp_path, hh, mm)
        for p in paths:
            p.write_text(f"{TITLE},,\nพิมพ์เมื่อ 1/2/2567,,\n\n" + p.read_text(encoding="utf-8-sig"), encoding="utf-8-sig")
    else:
        path = F.write_xlsx(tmp_path / "t.xlsx", hh, mm)
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            sheet.insert_rows(1, 2)
            sheet["A1"] = TITLE
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
        book.save(path)
        paths = [path]
    result = national.import_files(store, paths)
    assert result.applied, result.problems
    hh[1]["inc_main"] = "x"
    if fmt == "csv":
        paths = F.write_pair(tmp_path, hh, mm, stem="bad")
        paths[0].write_text(f"{TITLE},,\n" + paths[0].read_text(encoding="utf-8-sig"), encoding="utf-8-sig")
        assert [p.row for p in national.import_files(store, paths).problems] == [4]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(store, tmp_path, encoding):
    hh, mm = F.sample(2)
    paths = F.write_pair(tmp_path, hh, mm, encoding=encoding, thai=True)
    has_bom = paths[0].read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert has_bom == (encoding == "utf-16")
    assert readers.detect_encoding(paths[0]) == ("utf-16" if has_bom else encoding)
    result = national.import_files(store, paths)
    assert result.applied, result.problems
