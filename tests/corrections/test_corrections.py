"""Recording, validating, stacking and reverting corrections; as-corrected evaluation; reconciliation."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.models import corrections as corr
from desktop.models.corrections import Change, CorrectionError
from desktop.models.errors import UserError
from tests.corrections.helpers import hh, hid, load, member, standard

H1 = hid(1)


def _count(conn, table):
    return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_validation_lists_every_problem_in_thai_and_saves_nothing(store):
    standard(store)
    with store.begin() as conn:
        audits = _count(conn, "audit_entry")
        with pytest.raises(CorrectionError) as err:
            corr.record(conn, H1, [Change("pid", "1234567890123", 1), Change("birth_date", "01/01/2999", 2),
                                   Change("inc_main", "-5"), Change("sex", "X", 1), Change("answer:3", "40"),
                                   Change("answer:4", "7")], reason="")
        message = str(err.value)
        for part in ("เลขประจำตัวประชาชน", "อนาคต", "เต็มบาท", "เพศ", "0-35", "เหตุผล", "1 (ใช่"):
            assert part in message
        assert len(err.value.problems) == 7
        assert _count(conn, "correction_event") == 0 and _count(conn, "audit_entry") == audits


def test_record_stacks_and_revert_restores(store):
    standard(store)
    with store.begin() as conn:
        first = corr.record(conn, H1, [Change("inc_main", "60,000")], reason="สอบถามเจ้าของบ้าน")
        corr.record(conn, H1, [Change("inc_main", "70000")], reason="เอกสารใหม่")
        states = corr.corrections_of(conn, H1)
        assert [(s.old_value, s.new_value) for s in states] == [("50000", "60000"), ("60000", "70000")]
        assert states[0].set_uuid == first
        assert corr.current_value(conn, H1, "inc_main") == "70000"
        corr.revert(conn, states[1].uuid, reason="บันทึกผิด")
        assert corr.current_value(conn, H1, "inc_main") == "60000"
        assert corr.corrections_of(conn, H1)[1].status == corr.REVERTED
        with pytest.raises(CorrectionError):
            corr.revert(conn, states[1].uuid, reason="ซ้ำ")
        actions = list(conn.execute(text("SELECT action FROM audit_entry WHERE action LIKE 'correction.%'")).scalars())
        assert actions == ["correction.record", "correction.record", "correction.revert"]
        # the imported row itself is untouched
        assert conn.execute(text("SELECT inc_main FROM household WHERE id = :h"), {"h": H1}).scalar() == 50000


def test_evidence_is_stored_with_a_thumbnail_and_large_files_refused(store):
    import io

    from PIL import Image

    standard(store)
    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(buf, "PNG")
    with store.begin() as conn:
        with pytest.raises(CorrectionError):
            corr.record(conn, H1, [Change("head_name", "สมชาย")], "ตามบัตร", evidence=[("big.jpg", b"x" * (10 * 1024 * 1024 + 1))])
        corr.record(conn, H1, [Change("head_name", "สมชาย")], "ตามบัตร", evidence=[("card.png", buf.getvalue())])
        row = conn.execute(text("SELECT filename, length(data), thumbnail FROM correction_evidence")).one()
        assert row[0] == "card.png" and row[1] == len(buf.getvalue()) and row[2][:2] == b"\xff\xd8"


def test_birth_date_correction_moves_child_out_of_target_group(store):
    standard(store)
    with store.begin() as conn:
        before = {r.indicator.no: r.status for r in corr.evaluate_as_corrected(conn, H1)}
        assert before[3] == "F"
        corr.record(conn, H1, [Change("birth_date", "01/01/2543", 2)], reason="สูติบัตร")
        after = {r.indicator.no: r.status for r in corr.evaluate_as_corrected(conn, H1)}
        assert after[3] == "-"
        # the temp shadow tables are gone: the stored result is as imported
        assert conn.execute(text("SELECT substr(results, 3, 1) FROM household WHERE id = :h"), {"h": H1}).scalar() == "F"
        household, members = corr.corrected_values(conn, H1)
        assert members[2]["birth_date"] == "2000-01-01" and members[2]["age"] == 19


def test_certified_area_is_locked(store):
    from desktop.certify import certification
    from desktop.models import roster

    standard(store)
    with store.begin() as conn:
        roster.set_member(conn, "tambon", "520101", "นายประธาน ทดสอบ", "กำนัน", "chair")
        first = certification.certify(conn, "520101", 2562)
        certification.reopen(conn, first, "แก้รายได้")  # a re-opened certification locks nothing
        corr.record(conn, H1, [Change("inc_main", "1")], reason="ok")
        certification.certify(conn, "520101", 2562)
        roster.set_member(conn, "district", "5201", "นายอำเภอ ทดสอบ", "นายอำเภอ", "chair")
        certification.certify(conn, "5201", 2562)
        with pytest.raises(UserError, match="รับรองแล้ว"):
            corr.record(conn, H1, [Change("inc_main", "2")], reason="ok")


def test_reconcile_on_reimport_confirms_not_applied_and_missing(store):
    standard(store)
    with store.begin() as conn:
        corr.record(conn, H1, [Change("inc_main", "60000"), Change("first_name", "สมศรี", 1)], reason="ตรวจ")
        corr.record(conn, hid(2), [Change("house_no", "99")], reason="ตรวจ")
        corr.record(conn, H1, [Change("exp_debt", "100")], reason="ตรวจ")
    # the village keys in the income fix but not the name nor the debt; household 2 is gone
    summary = load(store, [hh(1, incomes=(60000, 0, 0, 0))], [member(1, 1, 40), member(1, 2, 5, birth="2014-01-01")])
    assert (summary.confirmed, summary.not_applied) == (1, 3)
    with store.read() as conn:
        by = {(s.household_id, s.field): s.status for v in corr.statuses(conn, [H1, hid(2)]).values() for s in v}
        assert by == {(H1, "inc_main"): corr.CONFIRMED, (H1, "first_name"): corr.NOT_APPLIED,
                      (hid(2), "house_no"): corr.NOT_APPLIED, (H1, "exp_debt"): corr.NOT_APPLIED}
        assert corr.households_with_status(conn, 2562, "5201", corr.NOT_APPLIED) == {H1, hid(2)}
        assert corr.households_with_status(conn, 2562, "52010101", corr.CONFIRMED) == {H1}


def test_evidence_listing_and_missing_member_and_revert_reason(store):
    standard(store)
    with store.begin() as conn:
        set_uuid = corr.record(conn, H1, [Change("answer:4", "0")], "ตรวจ", evidence=[("note.txt", b"not an image")])
        [ev] = corr.evidence_of(conn, H1)
        assert (ev.set_uuid, ev.filename, ev.size, ev.thumbnail) == (set_uuid, "note.txt", 12, None)
        assert corr.evidence_data(conn, ev.uuid) == b"not an image"
        assert corr.current_value(conn, H1, "answer:4") == "0"
        with pytest.raises(CorrectionError, match="ไม่มีสมาชิกลำดับนี้"):
            corr.record(conn, H1, [Change("first_name", "ก", 9)], "ตรวจ")
        with pytest.raises(CorrectionError, match="เหตุผล"):
            corr.revert(conn, corr.corrections_of(conn, H1)[0].uuid, " ")


def test_history_shows_reimport_diffs(store):
    standard(store)
    load(store, [hh(1, incomes=(55000, 0, 0, 0)), hh(2)],
         [member(1, 1, 40), member(1, 2, 5, birth="2014-01-01", first="ค"), member(2, 1, 30), member(2, 2, 33)])
    with store.read() as conn:
        entries = corr.history(conn, H1)
    assert [(e.kind, e.version) for e in entries] == [("import", 1), ("import", 2)]
    assert {(d.member_seq, d.field, d.before, d.after) for d in entries[1].diffs} == {
        (None, "inc_main", "50000", "55000"), (2, "first_name", "ก", "ค")}


def test_status_condition_filters_household_rows(store):
    standard(store)
    with store.begin() as conn:
        corr.record(conn, hid(2), [Change("inc_main", "1")], reason="ตรวจ")
        sql, params = corr.status_condition(corr.RECORDED)
        assert set(conn.execute(text(f"SELECT h.id FROM household h WHERE {sql}"), params).scalars()) == {hid(2)}
        sql, params = corr.status_condition("any")
        assert set(conn.execute(text(f"SELECT h.id FROM household h WHERE {sql}"), params).scalars()) == {hid(2)}
        sql, params = corr.status_condition(corr.SENT)
        assert not set(conn.execute(text(f"SELECT h.id FROM household h WHERE {sql}"), params).scalars())


def test_household_table_filters_by_correction_status(store):
    from desktop.models import households
    from tests.corrections.helpers import VILLAGE, YEAR

    standard(store)
    with store.begin() as conn:
        corr.record(conn, hid(2), [Change("inc_main", "1")], reason="ตรวจ")
    with store.read() as conn:
        def ids(status):
            flt = households.HouseholdFilter(YEAR, str(VILLAGE), correction=status)
            return list(households.ordered_ids(conn, flt)), households.count(conn, flt)

        assert ids(None) == ([hid(1), hid(2)], 2)
        assert ids("open") == ([hid(2)], 1)
        assert ids(corr.RECORDED) == ([hid(2)], 1)
        assert ids(corr.CONFIRMED) == ([], 0)


def test_corrected_rows_recompute_income_per_person_and_results(store):
    from desktop.models import households

    standard(store)
    with store.begin() as conn:
        corr.record(conn, hid(2), [Change("inc_main", "200000")], reason="ตรวจ")
    with store.read() as conn:
        imported = households.rows_by_ids(conn, [hid(1), hid(2)])
        fixed = corr.corrected_rows(conn, imported)
        assert fixed[0] == imported[0]  # no correction: the same row
        assert (imported[1].income_pp, fixed[1].income_pp) == (25000, 100000)
        assert "F" in imported[1].results and "F" not in fixed[1].results  # now passes the income indicator
        assert fixed[1].n_failed == imported[1].n_failed - 1
        # the shadow tables are gone: the connection sees the stored rows again
        assert households.rows_by_ids(conn, [hid(2)])[0].income_pp == 25000


def test_problems_are_in_english_when_asked(store):
    from desktop import messages

    standard(store)
    messages.set_language("en")
    try:
        with store.begin() as conn, pytest.raises(CorrectionError) as err:
            corr.record(conn, H1, [Change("inc_main", "-5"), Change("birth_date", "31/02/2600", 1)], reason="")
    finally:
        messages.set_language("th")
    text_en = str(err.value)
    assert text_en.startswith("The correction cannot be saved:")
    assert "Give the reason for the correction" in text_en and "must be whole baht" in text_en
    assert "cannot read the date '31/02/2600'" in text_en
