"""Visits, samples and answers are append-only events with audit and outbox entries; bad input changes nothing."""

from __future__ import annotations

import json

import pytest

from desktop.models import audit, backcheck, backcheck_corrections, corrections, visits
from desktop.models.errors import UserError
from tests.visits import helpers as H


def count(conn, table: str) -> int:
    return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def kinds(conn) -> list[str]:
    return [r[0] for r in conn.exec_driver_sql("SELECT kind FROM outbox ORDER BY seq")]


def test_each_write_has_audit_and_outbox(store):
    H.load(store)
    with store.begin() as conn:
        v = H.visit(conn)
        backcheck.draw_sample(conn, v.visit_id, seed="7")
        backcheck.record_answers(conn, v.visit_id, H.hid(1), H.CHECKED[1], checker="ก", asked_on=H.ASKED_ON)
    with store.read() as conn:
        assert kinds(conn) == ["visit.log", "backcheck.sample", "backcheck.answer"]
        actions = [r["action"] for r in audit.recent(conn, 3)]
        assert actions == ["backcheck.answer", "backcheck.sample", "visit.log"]
        assert audit.verify(conn).ok
        sample_event = json.loads(conn.exec_driver_sql(
            "SELECT payload FROM outbox WHERE kind = 'backcheck.sample'").scalar())
        assert sample_event["seed"] == "7" and sample_event["settings"]["sample_mode"] == "fixed"
        assert sorted(sample_event["households"]) == [str(H.VILLAGE_A), str(H.VILLAGE_B)]


def test_visit_correction_is_a_new_event(store):
    H.load(store)
    with store.begin() as conn:
        first = H.visit(conn)
        second = visits.log(conn, survey_year=H.YEAR, level="district", area_code="5201", visit_date="02/11/2568",
                            villages=[str(H.VILLAGE_A)], visitors=[visits.Visitor("นายตรวจ")], supersedes=first.uuid)
        assert second.visit_id == first.visit_id and second.visit_date == "2025-11-02"
        assert count(conn, "visit_event") == 2
        assert [v.visit_date for v in visits.visits(conn, H.YEAR, "52")] == ["2025-11-02"]
        with pytest.raises(UserError, match="แก้ไขไปแล้ว"):
            visits.log(conn, survey_year=H.YEAR, level="district", area_code="5201", visit_date="2025-11-03",
                       villages=[str(H.VILLAGE_A)], visitors=[visits.Visitor("x")], supersedes=first.uuid)


def test_bad_visit_lists_every_problem_and_writes_nothing(store):
    H.load(store)
    with store.begin() as conn:
        before = count(conn, "audit_entry")
        with pytest.raises(UserError) as err:
            visits.log(conn, survey_year=H.YEAR, level="tambon", area_code="52", visit_date="31/02/2568",
                       villages=["99999999"], visitors=[], checklist={"nope": True})
        text = str(err.value)
        for part in ("ระดับการติดตาม", "อ่านวันที่ติดตาม", "ไม่พบหมู่บ้านรหัส 99999999", "ผู้ติดตาม", "nope"):
            assert part in text
        assert count(conn, "visit_event") == 0 and count(conn, "audit_entry") == before


def test_short_code_finds_visit_and_household(store):
    visit = H.worked(store)
    with store.read() as conn:
        code = backcheck.short_code(visit, "52010000003")
        assert backcheck.find_by_code(conn, "bmnbc:" + code.lower()) == (visit, H.hid(3))
        assert backcheck.find_by_code(conn, visit.short_code + "-52019999999") is None
        assert backcheck.find_by_code(conn, "nonsense") is None


def test_answers_are_validated(store):
    H.load(store)
    with store.begin() as conn:
        v = H.visit(conn)
        backcheck.draw_sample(conn, v.visit_id, seed="1")
        with pytest.raises(UserError) as err:
            backcheck.record_answers(conn, v.visit_id, H.hid(1), {"members": "two", "answer:6": "5", "age:1": "200",
                                                                  "bogus": "1"}, checker="", asked_on="2099-01-01")
        for part in ("members", "answer:6", "อายุเกิน", "bogus", "ผู้ตรวจสอบซ้ำ", "อนาคต"):
            assert part in str(err.value)
        assert count(conn, "backcheck_answer") == 0


def test_redraw_refused_after_answers(store):
    visit = H.worked(store)
    with store.begin() as conn:
        with pytest.raises(UserError, match="สุ่มตัวอย่างไว้แล้ว"):
            backcheck.draw_sample(conn, visit.visit_id)
        with pytest.raises(UserError, match="สุ่มใหม่ไม่ได้"):
            backcheck.draw_sample(conn, visit.visit_id, replace=True)


def test_discrepancy_becomes_a_correction(store):
    visit = H.worked(store)
    with store.read() as conn:
        answer = next(a for a in backcheck.answers_of(conn, visit.visit_id) if a.household_id == H.hid(1))
        prop = backcheck_corrections.proposal(conn, answer.uuid)
    assert {(c.field, c.new_value) for c in prop.changes} == {("answer:13", "0"), ("inc_second", "12000")}
    assert prop.by_hand and "อายุสมาชิกลำดับที่ 2" in prop.by_hand[0]
    assert prop.reason.startswith("ตรวจสอบซ้ำระหว่างการติดตามอำเภอ 1 พฤศจิกายน 2568") and visit.short_code in prop.reason
    with store.begin() as conn:
        set_uuid, _ = backcheck_corrections.raise_correction(conn, answer.uuid)
        assert corrections.current_value(conn, H.hid(1), "inc_second") == "12000"
        raised = backcheck_corrections.raised_for(conn, visit)
        assert {s.set_uuid for s in raised} == {set_uuid} and len(raised) == 2
        again = backcheck_corrections.proposal(conn, answer.uuid)
        assert again.changes == [] and len(again.already) == 2
        with pytest.raises(UserError, match="ไม่มีรายการ"):
            backcheck_corrections.raise_correction(conn, answer.uuid)


def test_confidence_uses_record_at_answer_time(store):
    """A correction raised afterwards does not change an answer's comparison (its recorded values are kept)."""
    from desktop.models import confidence

    visit = H.worked(store)
    with store.begin() as conn:
        answer = next(a for a in backcheck.answers_of(conn, visit.visit_id) if a.household_id == H.hid(1))
        backcheck_corrections.raise_correction(conn, answer.uuid)
        s = confidence.summary(conn, H.YEAR, "52")
    assert (s.overall.compared, s.overall.matched) == (26, 21)


def test_code_typed_with_thai_digits(store):
    visit = H.worked(store)
    code = backcheck.short_code(visit, "52010000002").translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    with store.read() as conn:
        assert backcheck.find_by_code(conn, code) == (visit, H.hid(2))


def test_withdrawn_visit_takes_no_answers(store):
    visit = H.worked(store)
    with store.begin() as conn:
        visits.log(conn, survey_year=H.YEAR, level="district", area_code="5201", visit_date=visit.visit_date,
                   villages=list(visit.villages), visitors=list(visit.visitors), supersedes=visit.uuid, withdrawn=True)
        assert visits.visits(conn, H.YEAR, "52") == []
        with pytest.raises(UserError):
            backcheck.record_answers(conn, visit.visit_id, H.hid(1), {"members": "2"}, checker="ก",
                                     asked_on=H.ASKED_ON)


def test_an_answer_code_beyond_the_settings_is_compared_too(store):
    """The fixture re-asks codes 6 and 13; an answer for another code typed anyway is compared with the record
    when the record has one (14 is "0" on the record; 8.1 is blank there: not compared)."""
    from desktop.models import confidence

    H.load(store)
    with store.begin() as conn:
        v = H.visit(conn)
        backcheck.draw_sample(conn, v.visit_id, seed="3")
        answer = backcheck.record_answers(conn, v.visit_id, H.hid(1), {"answer:6": "1", "answer:8.1": "1", "answer:14": "1"},
                                          checker="ก", asked_on=H.ASKED_ON)
        assert answer.recorded["answer:14"] == "0" and "answer:8.1" not in answer.recorded
        comps = confidence.comparisons(conn, H.YEAR, "52")
    assert [(c.key, c.match) for c in comps] == [("answer:6", True), ("answer:14", False)]


def test_verify_reports_a_village_whose_households_changed(store):
    visit = H.worked(store)
    with store.begin() as conn:
        sample = backcheck.current_sample(conn, visit.visit_id)
        assert backcheck.verify(conn, sample) == {}
        conn.exec_driver_sql(f"DELETE FROM household WHERE id = {H.hid(2)}")  # as a later import could
        diff = backcheck.verify(conn, sample)
        conn.rollback()
    assert diff == {str(H.VILLAGE_A): ([H.hid(1), H.hid(2)], [H.hid(1)])}


def test_a_planned_visit_is_not_yet_done(store):
    """A visit logged ahead can be sampled and printed before the trip; the KPI counts it once its date came."""
    import datetime as dt

    from desktop.models import confidence

    H.load(store)
    ahead = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    with store.begin() as conn:
        v = H.visit(conn, day=ahead)
        assert v.planned
        backcheck.draw_sample(conn, v.visit_id, seed="5")
        _top, rows = confidence.kpi_board(conn, H.YEAR, "52")
        assert rows[0].visits_done == 0 and "วางแผนไว้ 1 ครั้ง" in rows[0].missing[0]
        with pytest.raises(UserError, match="เกิน 1 ปี"):
            H.visit(conn, day=(dt.date.today() + dt.timedelta(days=400)).isoformat())
