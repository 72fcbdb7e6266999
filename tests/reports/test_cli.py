"""`main.py report`: exit codes, files written, audit of personal-data reports."""

from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import text

import main


def _run(db_path, *args) -> int:
    return main.main(["report", *args, "--db", str(db_path)])


def _audit(store) -> list[tuple]:
    with store.read() as conn:
        return conn.execute(text("SELECT action, target, detail FROM audit_entry WHERE action = 'report.export'")).all()


def test_csv_and_xlsx_reports(hand, db_path, env_passphrase, tmp_path, capsys):
    out = tmp_path / "pop.csv"
    assert _run(db_path, "population", "--area", "5201", "--year", "2567", "--format", "csv", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "รายงานประชากร" in out.read_text(encoding="utf-8-sig")
    printed = capsys.readouterr().out
    assert "รายงานประชากร" in printed and str(out) in printed
    xlsx = tmp_path / "ind.xlsx"
    assert _run(db_path, "indicators", "--area", "L5201011", "--out", str(xlsx)) == 0  # format from the suffix
    assert openpyxl.load_workbook(xlsx).worksheets[0]["A2"].value.startswith("อบต.ทดสอบ")
    assert _run(db_path, "income", "--area", "52", "--format", "xlsx", "--out", str(tmp_path / "inc.xlsx")) == 0
    assert not list(tmp_path.glob("*.part*")) and not list(tmp_path.glob(".*"))
    assert _audit(hand) == []  # no household is listed in these


def test_failing_income_list_is_audited(hand, db_path, env_passphrase, tmp_path, capsys):
    out = tmp_path / "failing.csv"
    assert _run(db_path, "failing-income", "--area", "52", "--out", str(out)) == 0
    assert "ข้อมูลส่วนบุคคล" in capsys.readouterr().out
    entries = _audit(hand)
    assert len(entries) == 1 and entries[0][1] == "52"
    assert '"kind": "failing-income"' in entries[0][2] and '"file": "failing.csv"' in entries[0][2]


def test_age_groups_option(hand, db_path, env_passphrase, tmp_path):
    out = tmp_path / "pop.csv"
    assert _run(db_path, "population", "--area", "52", "--age-groups", "0-14,15-59,60-", "--out", str(out)) == 0
    text_ = out.read_text(encoding="utf-8-sig")
    # 0–14: M0 M5 M10 F13 -> 3 males, 1 female, 4 persons (4/13 = 30.77 %); 15–59: 5, 60+: 4; shown as on
    # paper, to 1 decimal adding up to 100 (30.8 + 38.4 + 30.8)
    assert "0–14 ปี,3,1,4,30.8" in text_ and "15–59 ปี,1,4,5,38.4" in text_


def test_errors_exit_with_a_message_and_write_nothing(hand, db_path, env_passphrase, tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert _run(db_path, "population", "--area", "99", "--out", str(out)) == 1
    assert "ไม่มีครัวเรือนในพื้นที่ 99" in capsys.readouterr().err
    assert _run(db_path, "population", "--area", "5201", "--year", "2550", "--out", str(out)) == 1
    assert _run(db_path, "population", "--area", "abc", "--out", str(out)) == 1
    assert _run(db_path, "population", "--area", "52", "--out", str(tmp_path / "x.txt")) == 1
    assert "txt" in capsys.readouterr().err
    assert _run(db_path, "population", "--area", "52", "--age-groups", "9-1", "--out", str(out)) == 1
    assert not out.exists()
    with pytest.raises(SystemExit) as exit_:
        _run(db_path, "population", "--out", str(out))  # --area missing
    assert exit_.value.code == 2
    with pytest.raises(SystemExit):
        _run(db_path, "everything", "--area", "52", "--out", str(out))


def test_wrong_passphrase_exits_2(hand, db_path, monkeypatch, tmp_path):
    hand.close()
    monkeypatch.setenv("BMN_DB_PASSPHRASE", "not-the-right-one")
    assert _run(db_path, "population", "--area", "52", "--out", str(tmp_path / "x.csv")) == 2


def test_english_messages(hand, db_path, env_passphrase, tmp_path, capsys):
    assert main.main(["--lang", "en", "report", "income", "--area", "5201", "--out", str(tmp_path / "i.csv"),
                      "--db", str(db_path)]) == 0
    assert "Wrote Average income and expense report" in capsys.readouterr().out
    assert main.main(["--lang", "en", "report", "income", "--area", "99", "--out", str(tmp_path / "i.csv"),
                      "--db", str(db_path)]) == 1
    assert "No households in area 99" in capsys.readouterr().err


def test_pdf_goes_through_the_pdf_renderer(hand, db_path, env_passphrase, tmp_path):
    pytest.importorskip("desktop.reports.pdf")
    out = tmp_path / "ind.pdf"
    assert _run(db_path, "indicators", "--area", "5201", "--format", "pdf", "--thai-digits", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
