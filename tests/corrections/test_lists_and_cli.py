"""Correction lists (issue marks sent), the notice PDF / XLSX, history, and the `corrections` CLI."""

from __future__ import annotations

from sqlalchemy import text

import main
from desktop.models import correction_lists, corrections as corr, meta
from desktop.models.corrections import Change
from desktop.reports import correction_notice
from tests.corrections.helpers import hid, standard

H1 = hid(1)


def _two_corrections(store):
    standard(store)
    with store.begin() as conn:
        meta.set_officer(conn, meta.Officer("นางสาวสมใจ ใจดี", "นักวิชาการพัฒนาชุมชน", "tambon", "520101"))
        corr.record(conn, H1, [Change("birth_date", "2000-01-01", 2), Change("inc_main", "60000")], reason="สูติบัตร")
        corr.record(conn, hid(2), [Change("head_name", "นายสมชาย รักดี")], reason="ตามทะเบียนบ้าน")


def test_issue_list_marks_sent_and_numbers_run(store):
    _two_corrections(store)
    with store.begin() as conn:
        issued = correction_lists.issue_list(conn, "520101")
        assert issued.ref_no.startswith("จปฐ. 52/") and issued.ref_no.endswith("/0001")
        assert len(issued.items) == 3
        assert {s.status for v in corr.statuses(conn, [H1, hid(2)]).values() for s in v} == {corr.SENT}
        assert corr.households_with_status(conn, 2562, "52", corr.SENT) == {H1, hid(2)}
        birth = next(i for i in issued.items if i.field == "birth_date")
        assert (birth.old_value, birth.new_value, birth.member.startswith("2.")) == ("01/01/2557", "01/01/2543", True)
        corr.record(conn, H1, [Change("inc_second", "5")], reason="ตรวจ")
        second = correction_lists.issue_list(conn, "5201", date_from="2000-01-01")
        assert second.ref_no.endswith("/0002") and len(second.items) == 1
        assert conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'correction.list'")).scalar() == 2


def test_history_has_import_and_correction_diffs(store):
    _two_corrections(store)
    with store.begin() as conn:
        first = corr.corrections_of(conn, H1)[0]
        corr.revert(conn, first.uuid, "ผิดคน")
        entries = corr.history(conn, H1)
    assert [e.kind for e in entries] == ["import", "correct", "revert"]
    diffs = {(d.member_seq, d.field): (d.before, d.after) for d in entries[1].diffs}
    assert diffs == {(2, "birth_date"): ("2014-01-01", "2000-01-01"), (None, "inc_main"): ("50000", "60000")}
    assert entries[1].diffs[0].label in ("วันเกิด", "รายได้จากอาชีพหลัก")


def test_notice_pdf_and_xlsx(store, tmp_path):
    _two_corrections(store)
    with store.begin() as conn:
        issued = correction_lists.issue_list(conn, "520101")
        letters = correction_notice.prepare(conn, issued)
    pdf = correction_notice.render_notice_pdf(letters, tmp_path / "notice.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"Sarabun" in data
    from openpyxl import load_workbook

    ws = load_workbook(correction_notice.write_xlsx(letters, tmp_path / "notice.xlsx")).worksheets[0]
    assert ws["A1"].value == "ลับ — ข้อมูลส่วนบุคคล"
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert len(rows) == 3 and rows[0][0] == 1  # the running number is a number, the village a column of its own
    assert all(r[1].startswith("หมู่ ") for r in rows)


def test_cli_list_and_show(store, db_path, env_passphrase, tmp_path, capsys):
    _two_corrections(store)
    store.close()
    out = tmp_path / "n.pdf"
    assert main.main(["corrections", "list", "--area", "520101", "--out", str(out), "--db", str(db_path)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "จปฐ. 52/" in capsys.readouterr().out
    # nothing left to send, a bad date, a bad format: user errors
    assert main.main(["corrections", "list", "--area", "520101", "--out", str(tmp_path / "x.pdf"), "--db", str(db_path)]) == 1
    assert main.main(["corrections", "list", "--area", "52", "--from", "2026-13-01", "--out", str(tmp_path / "x.xlsx"),
                      "--db", str(db_path)]) == 1
    assert main.main(["corrections", "list", "--area", "52", "--out", str(tmp_path / "x.txt"), "--db", str(db_path)]) == 1
    assert main.main(["corrections", "show", "--household", str(H1), "--db", str(db_path)]) == 0
    assert "ส่งแจ้งแล้ว" in capsys.readouterr().out
    assert main.main(["corrections", "show", "--household", "1", "--db", str(db_path)]) == 1
