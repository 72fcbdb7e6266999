"""Export in the import format (desktop/importers/export.py, `main.py export`) and the round trip."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from sqlalchemy import text

import main
from desktop.importers import columns as C
from desktop.importers import export, national
from desktop.messages import msg
from desktop.models import audit, db
from desktop.models.errors import UserError
from tests.conftest import PASSPHRASE
from tests.fixtures import bmnfiles as F

HOUSEHOLD_FIELDS = ("id", "survey_year", "province", "district", "tambon", "village", "house_no", "house_sort",
                    "house_code", "head_name", "head_sort", "n_members", "inc_main", "inc_second", "inc_other",
                    "inc_produce", "exp_production", "exp_necessary", "exp_unnecessary", "exp_debt", "income_pp",
                    "answers", "results", "n_failed", "collector", "survey_date")


def rows(store, where: str = "1") -> tuple[list, list]:
    with store.read() as conn:
        households = conn.execute(
            text(f"SELECT {', '.join(HOUSEHOLD_FIELDS)} FROM household h WHERE {where} ORDER BY id")).all()
        members = conn.execute(text(
            f"SELECT m.* FROM member m JOIN household h ON h.id = m.household_id WHERE {where}"
            " ORDER BY m.household_id, m.seq")).all()
    return [tuple(r) for r in households], [tuple(r) for r in members]


def areas_of(store) -> list:
    with store.read() as conn:
        return conn.execute(text(
            "SELECT a.code, a.name_th, a.lao_code, l.kind, l.name_th FROM area a LEFT JOIN lao l ON l.code = a.lao_code"
            " WHERE a.level = 4 ORDER BY a.code")).all()


@pytest.fixture
def filled(store, tmp_path):
    """Two villages in two tambons, with awkward text, blanks and formula-like cells."""
    hh, mm = F.sample(4)
    hh2, mm2 = F.sample(3, village="52010203", start=50)
    hh[1].update(head_name="=HYPERLINK(\"http://x\")", collector="", survey_date="", house_no="-", inc_other="")
    hh[2].update({"q8.1": "", "q7": "", "village_name": ""})
    mm[0].update(first_name="+66812345678", last_name="@user", title="")
    mm[1].update(health="D", self_reliant=0, in_school=1, relation="")
    for h in hh2:
        h.update(lao_code="L5201022", lao_kind="เทศบาล", lao_name="เทศบาลตำบลทดสอบ", village_name="บ้านสอง")
    result = national.import_files(store, F.write_pair(tmp_path, hh + hh2, mm + mm2, stem="source"))
    assert result.ok, result.problems
    return store


def fresh_store(tmp_path, name: str):
    return db.open_store(tmp_path / name, PASSPHRASE, create=True)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_gives_identical_households_and_members(filled, tmp_path, fmt):
    paths = export.export_area(filled, "52", None, fmt, tmp_path / f"out.{fmt}")
    assert paths == ([tmp_path / "out.csv", tmp_path / "out-members.csv"] if fmt == "csv" else [tmp_path / "out.xlsx"])
    assert not list(tmp_path.glob("*.part"))
    other = fresh_store(tmp_path, f"copy-{fmt}.db")
    try:
        result = national.import_files(other, paths)
        assert result.ok, result.problems
        assert (result.summary.households, result.summary.members, result.summary.villages) == (7, 14, 2)
        assert rows(other) == rows(filled)
        assert areas_of(other) == areas_of(filled)
        with other.read() as a, filled.read() as b:
            stats = "SELECT * FROM area_stat ORDER BY village"
            assert a.execute(text(stats)).all() == b.execute(text(stats)).all()
    finally:
        other.close()


def test_export_then_reimport_into_the_same_store_changes_nothing(filled, tmp_path):
    before = rows(filled)
    paths = export.export_area(filled, "5201", 2567, "csv", tmp_path / "same.csv")
    result = national.import_files(filled, paths)
    assert result.ok and not result.applied and result.summary.unchanged == 7
    assert rows(filled) == before


def test_area_levels_select_their_households(filled, tmp_path):
    for code, expected in (("52", 7), ("5201", 7), ("520101", 4), ("520102", 3), ("52010203", 3), ("53", 0)):
        if not expected:
            with pytest.raises(UserError, match="53"):
                export.export_area(filled, code, 2567, "csv", tmp_path / f"{code}.csv")
            assert not (tmp_path / f"{code}.csv").exists()
            continue
        result = export.write_area(filled, code, 2567, "csv", tmp_path / f"{code}.csv")
        assert result.households == expected
        with open(result.paths[0], encoding="utf-8-sig", newline="") as f:
            assert len(list(csv.reader(f))) == expected + 1


def test_bad_arguments(filled, tmp_path):
    for code in ("5", "abc", "520", "123456789"):
        with pytest.raises(UserError):
            export.export_area(filled, code, 2567, "csv", tmp_path / "x.csv")
    with pytest.raises(UserError):
        export.export_area(filled, "52", 2567, "pdf", tmp_path / "x.pdf")
    with pytest.raises(UserError, match="2560"):
        export.export_area(filled, "52", 2560, "csv", tmp_path / "x.csv")


def test_empty_store_has_no_latest_year(store, tmp_path):
    with pytest.raises(UserError) as err:
        export.export_area(store, "52", None, "xlsx", tmp_path / "x.xlsx")
    assert str(err.value) == msg("exp_no_year")


def test_csv_files_are_utf8_with_bom_and_escape_formulas(filled, tmp_path):
    paths = export.export_area(filled, "520101", 2567, "csv", tmp_path / "out.csv")
    for path in paths:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(paths[0], encoding="utf-8-sig", newline="") as f:
        households = list(csv.DictReader(f))
    assert households[0].keys() == set(export.household_header(F.layout())) | set()
    assert [h["head_name"] for h in households if h["house_code"] == "52010000002"] == ["'=HYPERLINK(\"http://x\")"]
    assert [h["house_no"] for h in households if h["house_code"] == "52010000002"] == ["'-"]
    house1 = next(h for h in households if h["house_code"] == "52010000001")
    assert house1["survey_date"] == "15/02/2567" and house1["village_code"] == "52010101"
    with open(paths[1], encoding="utf-8-sig", newline="") as f:
        members = list(csv.DictReader(f))
    first = next(m for m in members if m["house_code"] == "52010000001" and m["seq"] == "1")
    assert (first["first_name"], first["last_name"], first["birth_date"]) == ("'+66812345678", "'@user", "01/05/2521")
    for cell in (v for row in households + members for v in row.values()):
        assert cell == "" or cell[0] not in "=+-@"


def test_xlsx_sheets_types_and_escaping(filled, tmp_path):
    (path,) = export.export_area(filled, "52", 2567, "xlsx", tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["households", "members"]
    hh, mm = book["households"], book["members"]
    header = [c.value for c in hh[1]]
    assert header == export.household_header(F.layout())
    by_code = {row[7].value: {k: c for k, c in zip(header, row)} for row in hh.iter_rows(min_row=2)}
    first = by_code["52010000001"]
    assert first["survey_year"].value == 2567 and first["inc_main"].value == 50001
    assert first["village_code"].data_type == "s" and first["village_code"].value == "52010101"
    assert first["house_code"].data_type == "s" and first["q6"].value in (0, 1)
    m_header = [c.value for c in mm[1]]
    m_first = next({k: c for k, c in zip(m_header, row)} for row in mm.iter_rows(min_row=2)
                   if row[1].value == "52010000001" and row[2].value == 1)
    assert m_first["pid"].data_type == "s" and len(m_first["pid"].value) == 13
    assert m_first["seq"].value == 1 and m_first["first_name"].value == "'+66812345678"
    for row in list(hh.iter_rows()) + list(mm.iter_rows()):
        for cell in row:
            assert cell.data_type != "f"
    escaped = [c.value for c in hh["I"] if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert escaped == ["'=HYPERLINK(\"http://x\")"]


def test_export_is_audited(filled, tmp_path):
    export.export_area(filled, "520101", 2567, "xlsx", tmp_path / "out.xlsx")
    with filled.read() as conn:
        entry = audit.recent(conn, 1)[0]
        assert audit.verify(conn).ok
    assert entry["action"] == "export" and entry["target"] == "520101"
    assert '"households": 4' in entry["detail"] and '"members": 8' in entry["detail"]


def test_cli_export(filled, db_path, env_passphrase, tmp_path, capsys):
    out = tmp_path / "cli.csv"
    assert main.main(["export", "--area", "520101", "--format", "csv", "--out", str(out), "--db", str(db_path)]) == 0
    assert out.exists() and (tmp_path / "cli-members.csv").exists()
    assert msg("exp_done", households=4, members=8, paths=f"{out}, {tmp_path / 'cli-members.csv'}") in capsys.readouterr().out
    assert main.main(["export", "--area", "52", "--out", str(tmp_path / "cli.xlsx"), "--db", str(db_path),
                      "--year", "2567", "--lang", "en"]) == 0
    assert (tmp_path / "cli.xlsx").exists() and "Exported: households 7," in capsys.readouterr().out
    assert main.main(["export", "--area", "99", "--out", str(tmp_path / "none.csv"), "--db", str(db_path)]) == 1
    assert not (tmp_path / "none.csv").exists()


def test_escaping_round_trips_text_that_looks_escaped():
    for value in ("=1", "'=1", "''@x", "-", "'plain", "ok", ""):
        assert C.unescape_text(C.escape_text(value)) == value
        assert value == "" or C.escape_text(value)[0] not in "=+-@"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_demo_province_round_trip(store, tmp_path, fmt):
    from desktop.importers import demo

    demo.generate(store, households=300, seed=3)
    paths = export.export_area(store, "52", None, fmt, tmp_path / f"demo.{fmt}")
    other = fresh_store(tmp_path, "demo-copy.db")
    try:
        result = national.import_files(other, paths)
        assert result.ok, result.problems[:5]
        assert rows(other) == rows(store)
        assert areas_of(other) == areas_of(store)
    finally:
        other.close()
