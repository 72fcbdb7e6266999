"""`main.py certify / certificate / verify / certification / roster`, and the form PDF (identical reprints)."""

from __future__ import annotations

import pytest

import main
from desktop.certify import certification as cert
from desktop.reports import certificate_pdf
from tests.certification.helpers import YEAR, hid, load, rosters
from tests.pdf_text import pdf_text
from tests.reports_pdf.fonts import all_embedded


@pytest.fixture
def district(store, db_path, env_passphrase):
    load(store)
    rosters(store)
    return store


def run(db_path, *argv) -> int:
    return main.main([*argv, "--db", str(db_path)])


def only_certification(store) -> cert.Certification:
    with store.read() as conn:
        (found,) = cert.find(conn)
    return found


def test_certify_preview_refusal_override_and_list(district, db_path, capsys):
    assert run(db_path, "certify", "--area", "5201", "--year", str(YEAR), "--preview") == 0
    out = capsys.readouterr().out
    assert "9 ครัวเรือน" in out and "520101" in out and "ประธาน 5201" in out
    assert run(db_path, "certify", "--area", "5201", "--year", str(YEAR)) == 1
    assert "ยังไม่ได้รับรองพื้นที่ระดับล่าง" in capsys.readouterr().err
    with district.read() as conn:
        assert cert.find(conn) == []
    assert run(db_path, "certify", "--area", "5201", "--year", str(YEAR), "--override-reason", "ด่วน",
               "--place", "ที่ว่าการอำเภอ") == 0
    c = only_certification(district)
    assert c.short_code in capsys.readouterr().out
    assert run(db_path, "certification", "list", "--year", str(YEAR)) == 0
    listed = capsys.readouterr().out
    assert c.uuid in listed and "รับรองแล้ว" in listed
    assert main.main(["--lang", "en", "certification", "list", "--db", str(db_path)]) == 0
    assert "  certified  " in capsys.readouterr().out
    assert main.main(["--lang", "en", "certification", "board", "--area", "5201", "--year", str(YEAR), "--db",
                      str(db_path)]) == 0
    board = capsys.readouterr().out
    assert "not certified" in board and "ยังไม่รับรอง" not in board


def test_certificate_reprints_identically_and_carries_the_form(district, db_path, tmp_path, capsys):
    with district.begin() as conn:
        cert.certify(conn, "520102", YEAR, place="ศาลาประชาคม")
    c = only_certification(district)
    assert run(db_path, "certificate", "--id", c.uuid, "--out", str(tmp_path / "a.pdf")) == 0
    assert run(db_path, "certificate", "--id", c.uuid, "--out", str(tmp_path / "b.pdf")) == 0
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert run(db_path, "certificate", "--id", "no-such", "--out", str(tmp_path / "c.pdf")) == 1
    assert not (tmp_path / "c.pdf").exists()
    all_embedded(tmp_path / "a.pdf")  # Sarabun embedded, no Helvetica named by reportlab's defaults (QR code too)
    text = pdf_text(tmp_path / "a.pdf")
    assert f"{c.short_code[:4]}-{c.short_code[4:]}" in text
    # Thai digits by default, except on the area code (people type it back: `certify --area 520102`)
    assert "๒๕๖๒" in text and "520102" in text and "๕๒๐๑๐๒" not in text


def test_form_lists_every_member_present_and_the_override(district, tmp_path):
    with district.begin() as conn:
        c = cert.get(conn, cert.certify(conn, "5201", YEAR, override_reason="เหตุผลพิเศษ"))
    flowables = certificate_pdf.story(c, thai_digits=False)

    def texts(items):
        for f in items:
            if hasattr(f, "text"):
                yield f.text
            for attr in ("_cellvalues", "_content"):
                for row in getattr(f, attr, None) or []:
                    yield from texts(row if isinstance(row, (list, tuple)) else [row])
            if isinstance(f, (list, tuple)):
                yield from texts(f)

    everything = "\n".join(texts(flowables))
    # the roster table: ลำดับ | ชื่อ-สกุล | ตำแหน่ง | ลายมือชื่อ, a row per member, the chair's role beside the position
    lines = everything.splitlines()
    assert "ลำดับ\nชื่อ-สกุล\nตำแหน่ง\nลายมือชื่อ" in everything
    assert "ประธาน 5201" in lines and "เลขา 5201" in lines and "ประธาน (ประธานคณะทำงาน)" in lines
    assert "เหตุผล: เหตุผลพิเศษ" in everything
    assert ("ฉบับร่าง" in everything) == c.provisional
    assert "ระดับอำเภอ" in everything and "2562" in everything


def test_verify_and_changes_on_the_command_line(district, db_path, capsys):
    with district.begin() as conn:
        c = cert.get(conn, cert.certify(conn, "520101", YEAR))
    assert run(db_path, "verify", c.short_code.lower()) == 0
    assert "ข้อมูลยังตรงกับที่รับรอง" in capsys.readouterr().out
    load(district, changed={hid(52010102, 3): 99999})
    assert run(db_path, "verify", c.qr_content) == 3
    out = capsys.readouterr().out
    assert "ข้อมูลเปลี่ยนไปจากที่รับรอง" in out and str(hid(52010102, 3)) in out and "99999" in out
    assert run(db_path, "certification", "changes", "--id", c.uuid) == 3
    assert run(db_path, "certification", "board", "--area", "5201", "--year", str(YEAR)) == 0
    assert "ข้อมูลเปลี่ยนหลังรับรอง (1)" in capsys.readouterr().out
    assert run(db_path, "verify", "ZZZZZZZZ") == 3
    assert run(db_path, "verify", "bad code!") == 1
    assert run(db_path, "certification", "reopen", "--id", c.uuid, "--reason", "นำเข้าใหม่") == 0
    assert run(db_path, "certification", "reopen", "--id", c.uuid, "--reason", "ซ้ำ") == 1


def test_roster_commands(store, db_path, env_passphrase, capsys):
    assert run(db_path, "roster", "add", "--level", "district", "--area", "5201", "--name", "นาย ก", "--position",
               "นายอำเภอ", "--role", "chair") == 0
    member = capsys.readouterr().out.split(": ")[-1].strip()
    assert run(db_path, "roster", "set", "--level", "district", "--area", "5201", "--member", member, "--name",
               "นาย ก ใหม่") == 0
    assert run(db_path, "roster", "list", "--level", "district", "--area", "5201") == 0
    assert "ประธานคณะทำงาน: นาย ก ใหม่ (นายอำเภอ)" in capsys.readouterr().out  # set keeps what it was not given
    assert main.main(["--lang", "en", "roster", "list", "--level", "district", "--area", "5201", "--db",
                      str(db_path)]) == 0
    assert "chair of the working group: นาย ก ใหม่" in capsys.readouterr().out
    assert run(db_path, "roster", "remove", "--level", "district", "--area", "5201", "--member", "nobody") == 1
    assert run(db_path, "roster", "add", "--level", "district", "--area", "5201", "--name", " ") == 1
    assert run(db_path, "roster", "history", "--level", "district", "--area", "5201") == 0
    assert capsys.readouterr().out.count("\n") == 2
