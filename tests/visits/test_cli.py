"""`main.py visits ...` end to end on the hand-worked fixture: log, sample, sheets, answer, report, settings."""

from __future__ import annotations

import json

import main
from desktop.models import db
from tests.conftest import PASSPHRASE
from tests.visits import helpers as H


def run(db_path, *argv) -> int:
    return main.main(["visits", argv[0], "--db", str(db_path), *argv[1:]])


def test_visit_cycle_on_the_command_line(db_path, env_passphrase, tmp_path, capsys):
    store = db.open_store(db_path, PASSPHRASE, create=True)
    H.load(store)
    store.close()
    assert run(db_path, "log", "--level", "district", "--area", "5201", "--date", "01/11/2568",
               "--village", str(H.VILLAGE_A), "--village", str(H.VILLAGE_B), "--visitor", "นายตรวจ ติดตาม|พัฒนากร",
               "--check", "working_group=yes") == 0
    out = capsys.readouterr().out
    code = out.split("(รหัส ")[1][:6]
    assert run(db_path, "sample", "--visit", code, "--seed", "42") == 0
    assert "สุ่มตัวอย่างแล้ว 3 ครัวเรือน" in capsys.readouterr().out
    assert run(db_path, "sample", "--visit", code, "--verify") == 0
    assert run(db_path, "sheets", "--visit", code, "--out", str(tmp_path / "s.pdf")) == 0
    assert (tmp_path / "s.pdf").stat().st_size > 1000
    capsys.readouterr()
    args = [f"{k}={v}" for k, v in H.CHECKED[1].items()]
    assert run(db_path, "answer", "--code", f"{code}-52010000001", "--checker", "นางตรวจ", "--date", "2025-11-01",
               *args) == 0
    assert "ตรงกัน 6/9 รายการ" in capsys.readouterr().out
    assert run(db_path, "answer", "--code", f"{code}-52010000001", "--checker", "x", "--date", "2025-11-01",
               "members=abc") == 1
    assert "members" in capsys.readouterr().err
    assert run(db_path, "report", "--area", "52", "--out", str(tmp_path / "r.xlsx")) == 0
    assert "ความเชื่อมั่นของข้อมูล: 66.7% ผลเทียบเป้าหมาย: ต่ำกว่าเกณฑ์" in capsys.readouterr().out  # household 1 only: 6 of 9
    assert run(db_path, "list") == 0
    assert "ตัวอย่าง 3  ตรวจซ้ำแล้ว 1" in capsys.readouterr().out


def test_settings_load_and_bad_input(db_path, env_passphrase, tmp_path, capsys):
    db.open_store(db_path, PASSPHRASE, create=True).close()
    good = tmp_path / "s.json"
    good.write_text(json.dumps({"size_percent": 20, "aggregation": "villages"}), encoding="utf-8")
    assert run(db_path, "settings", "--load", str(good)) == 0
    assert '"aggregation": "villages"' in capsys.readouterr().out
    bad = tmp_path / "b.json"
    bad.write_text(json.dumps({"aggregation": "median"}), encoding="utf-8")
    assert run(db_path, "settings", "--load", str(bad)) == 1
    assert "aggregation" in capsys.readouterr().err
    assert run(db_path, "sample", "--visit", "ABCDEF") == 1
    assert "ไม่พบการติดตาม" in capsys.readouterr().err


def test_visit_corrected_from_the_command_line(db_path, env_passphrase, capsys):
    store = db.open_store(db_path, PASSPHRASE, create=True)
    H.load(store)
    store.close()
    base = ["--level", "district", "--area", "5201", "--village", str(H.VILLAGE_A), "--visitor", "ก|ข"]
    assert run(db_path, "log", "--date", "2025-11-01", *base) == 0
    capsys.readouterr()
    assert run(db_path, "list", "--long") == 0
    event = capsys.readouterr().out.split("event ")[1].split()[0]
    assert run(db_path, "log", "--date", "2025-11-02", "--supersedes", event, *base) == 0
    assert run(db_path, "log", "--date", "2025-11-03", "--supersedes", event, *base) == 1  # not the latest any more
    assert "แก้ไขไปแล้ว" in capsys.readouterr().err
    assert run(db_path, "list") == 0
    out = capsys.readouterr().out
    assert "2 พฤศจิกายน 2568" in out and "ปี 2567: 1 ครั้ง" in out
