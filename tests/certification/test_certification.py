"""Certification: fingerprint, child-first rule and override, lock, re-open, changed since certified, verify."""

from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import text

from desktop.certify import certification as cert
from desktop.certify import check as check
from desktop.models import corrections as corr
from desktop.models import db, meta, roster
from desktop.models.corrections import Change
from desktop.models.errors import UserError
from desktop.sync import local, wire
from tests.certification.helpers import YEAR, hid, load, rosters
from tests.conftest import PASSPHRASE

H = hid(52010101, 1)


@pytest.fixture
def district(store):
    load(store)
    rosters(store)
    return store


@pytest.fixture
def other_store(tmp_path):
    s = db.open_store(tmp_path / "other.db", PASSPHRASE, create=True)
    yield s
    s.close()


def fingerprint(store, area="5201"):
    with store.read() as conn:
        return local.fingerprint(conn, area, YEAR)


# ---------------------------------------------------------------- fingerprint

def test_fingerprint_is_independent_of_row_order_and_store(store, other_store):
    load(store)
    load(other_store, reverse=True)
    assert fingerprint(store) == fingerprint(other_store)
    with store.read() as conn:
        lines = list(local.fingerprint_lines(conn, "5201", YEAR).values())
    random.Random(4).shuffle(lines)
    assert wire.certification_fingerprint(lines) == fingerprint(store)
    assert len(wire.short_code(fingerprint(store))) == 8


@pytest.mark.parametrize("change", [Change("inc_main", "1"), Change("house_no", "9/9"), Change("first_name", "สมศรี", 1),
                                    Change("birth_date", "2000-01-01", 2), Change("answer:3", "0")])
def test_any_covered_field_change_changes_the_fingerprint_and_a_revert_restores_it(district, change):
    before = fingerprint(district)
    with district.begin() as conn:
        corr.record(conn, H, [change], reason="ตรวจ")
    changed = fingerprint(district)
    assert changed != before
    assert fingerprint(district, "520102") == fingerprint(district, "520102")  # other tambon untouched
    with district.begin() as conn:
        (state,) = corr.corrections_of(conn, H)
        corr.revert(conn, state.uuid, "ผิด")
    assert fingerprint(district) == before


def test_an_imported_change_and_a_review_mark_change_the_fingerprint(district):
    before = fingerprint(district)
    load(district, changed={H: 12345})
    assert fingerprint(district) != before
    load(district)
    again = fingerprint(district)
    assert again == before
    from desktop.models import households

    with district.begin() as conn:
        households.set_status(conn, [H], 1)
    assert fingerprint(district) != again


def test_lao_fingerprint_covers_only_its_villages(district):
    with district.read() as conn:
        cov = cert.coverage(conn, "L5201011")
        assert (cov.range_code, cov.villages) == ("520101", (52010101,))
        assert len(local.fingerprint_lines(conn, cov.range_code, YEAR, cov.villages)) == 3


# ---------------------------------------------------------------- child-first, override, certify

def test_district_waits_for_its_tambons_unless_overridden_with_a_reason(district):
    with district.begin() as conn:
        with pytest.raises(UserError, match="520101.*520102|ยังไม่ได้รับรองพื้นที่ระดับล่าง"):
            cert.certify(conn, "5201", YEAR)
        assert conn.execute(text("SELECT count(*) FROM certification_event")).scalar() == 0
        u = cert.certify(conn, "5201", YEAR, override_reason="ประชุมด่วนก่อนส่งจังหวัด", place="ที่ว่าการอำเภอ")
        c = cert.get(conn, u)
    assert c.override_reason == "ประชุมด่วนก่อนส่งจังหวัด"
    assert [code for code, _name in c.summary["missing_children"]] == ["520101", "520102"]


def test_tambons_first_then_district_then_province(district):
    with district.begin() as conn:
        cert.certify(conn, "L5201011", YEAR)
        cert.certify(conn, "L5201012", YEAR)  # tambon 520101 is covered by its two อปท.
        assert cert.missing_children(conn, "5201", YEAR) == ["520102"]
        cert.certify(conn, "520102", YEAR)
        u = cert.certify(conn, "5201", YEAR)
        cert.certify(conn, "52", YEAR)
        c = cert.get(conn, u)
        events = conn.execute(text("SELECT kind, payload FROM outbox WHERE kind LIKE 'certification%' ORDER BY seq")).all()
        audits = conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'certification.certify'")).scalar()
    assert (c.level, c.households, c.status, c.override_reason) == ("district", 9, cert.ACTIVE, "")
    assert c.summary["households"] == 9 and c.summary["persons"] == 18 and c.summary["villages"] == 3
    assert [r["role"] for r in c.roster] == ["chair", "secretary"]
    district_event = [json.loads(p) for k, p in events if k == "certification"][3]
    assert district_event["area"] == "5201" and district_event["survey_year"] == YEAR
    assert district_event["fingerprint"] == c.fingerprint == fingerprint(district)
    lao_event = [json.loads(p) for k, p in events if k == "certification"][0]
    assert lao_event["area"] == "520101" and lao_event["villages"] == [52010101]
    assert audits == 5


def test_cannot_certify_twice_nor_without_anyone_present(district):
    with district.begin() as conn:
        with pytest.raises(UserError, match="อย่างน้อย 1 คน"):
            cert.certify(conn, "520102", YEAR, present=[])
        with pytest.raises(UserError, match="ไม่มีในรายชื่อคณะทำงาน: nobody"):
            cert.certify(conn, "520102", YEAR, present=["nobody"])
        members = roster.current(conn, "tambon", "520102")
        u = cert.certify(conn, "520102", YEAR, present=[members[0].member_uuid])
        assert [r["name"] for r in cert.get(conn, u).roster] == [members[0].name]
        with pytest.raises(UserError, match="รับรองแล้ว"):
            cert.certify(conn, "520102", YEAR)
    with district.read() as conn:
        with pytest.raises(UserError):
            cert.certify(conn, "520199", YEAR)  # no households


# ---------------------------------------------------------------- lock and re-open

def test_certified_data_is_locked_until_reopened(district):
    with district.begin() as conn:
        u = cert.certify(conn, "520101", YEAR)
        with pytest.raises(UserError, match="รับรองแล้ว"):
            corr.record(conn, H, [Change("inc_main", "1")], reason="ตรวจ")
        corr.record(conn, hid(52010201, 1), [Change("inc_main", "1")], reason="อีกตำบล")  # not covered
        with pytest.raises(UserError, match="เหตุผล"):
            cert.reopen(conn, u, "  ")
        r = cert.reopen(conn, u, "พบรายได้ผิด")
        assert cert.get(conn, u).status == cert.SUPERSEDED and cert.get(conn, u).reopen["uuid"] == r
        corr.record(conn, H, [Change("inc_main", "1")], reason="ตรวจ")
        with pytest.raises(UserError, match="ยกเลิกไปแล้ว"):
            cert.reopen(conn, u, "อีกครั้ง")
        kinds = conn.execute(text("SELECT kind FROM outbox WHERE kind LIKE 'certification.reopen'")).scalars().all()
    assert kinds == ["certification.reopen"]


def test_reopen_needs_the_level_or_above_and_the_parent_first(district):
    with district.begin() as conn:
        tambon = cert.certify(conn, "520102", YEAR)
        dist = cert.certify(conn, "5201", YEAR, override_reason="ทดสอบ")
        with pytest.raises(UserError, match="ระดับบนรับรองไว้แล้ว"):
            cert.reopen(conn, tambon, "แก้")
        meta.set_officer(conn, meta.Officer("ผู้ประสานตำบล", "พัฒนากร", "tambon", "520102"))
        with pytest.raises(UserError, match="ยกเลิกการรับรองของ 5201 ไม่ได้"):
            cert.reopen(conn, dist, "แก้")
        meta.set_officer(conn, meta.Officer("พัฒนาการอำเภอ", "พัฒนาการอำเภอ", "district", "5201"))
        cert.reopen(conn, dist, "แก้")
        cert.reopen(conn, tambon, "แก้")
        assert {c.status for c in cert.find(conn, survey_year=YEAR)} == {cert.SUPERSEDED}


# ---------------------------------------------------------------- changed since certified, board, verify

def test_changed_since_certified_lists_households_with_field_diffs(district):
    with district.begin() as conn:
        u = cert.certify(conn, "520101", YEAR)
        assert check.compare(conn, cert.get(conn, u)).changed == []
    load(district, changed={H: 77000})  # a later import replaces the tambon's data
    with district.begin() as conn:
        result = check.compare(conn, cert.get(conn, u))
        assert not result.unchanged
        (hh,) = result.changed
        assert (hh.household_id, hh.change, hh.house_no) == (H, check.CHANGED, "1")
        assert [(d[1], d[2], d[4], d[5]) for d in hh.diffs] == [("import", "รายได้จากอาชีพหลัก", "50000", "77000")]
        rows = {r.code: r for r in check.board(conn, "5201", YEAR)}
        assert (rows["520101"].state, rows["520101"].changed) == (check.STALE, 1)
        assert rows["520102"].state == check.MISSING and rows["5201"].state == check.MISSING
        from desktop.models import households

        other = hid(52010102, 2)
        households.set_status(conn, [other], 1)  # a review mark: no field history, but the status is kept
        result = check.compare(conn, cert.get(conn, u))
        (marked,) = [c for c in result.changed if c.household_id == other]
        assert [(d[2], d[4], d[5]) for d in marked.diffs] == [(check.STATUS_FIELD, "นำเข้าแล้ว", "ตรวจแล้ว")]
        assert marked.note == ""


def test_verify_by_short_code_or_qr_content(district, other_store):
    with district.begin() as conn:
        c = cert.get(conn, cert.certify(conn, "520102", YEAR))
        typed = c.short_code.lower()[:4] + "-" + c.short_code.lower()[4:]
        assert check.verify(conn, typed).as_certified
        assert check.verify(conn, c.qr_content).found
        assert not check.verify(conn, "ZZZZZZZZ").found
        with pytest.raises(UserError):
            check.verify(conn, "not a code!")
    load(other_store)  # another laptop with the same data but not the certification: the QR is enough
    with other_store.read() as conn:
        verdict = check.verify(conn, c.qr_content)
    assert not verdict.found and verdict.as_certified
    load(other_store, changed={hid(52010201, 2): 1})
    with other_store.read() as conn:
        assert not check.verify(conn, c.qr_content).as_certified


def test_roster_edits_are_events_and_the_fold_is_the_current_roster(store):
    with store.begin() as conn:
        a = roster.set_member(conn, "district", "5201", "นาย ก", "นายอำเภอ", roster.CHAIR)
        b = roster.set_member(conn, "district", "5201", "นาง ข", "ปลัดอำเภอ")
        roster.set_member(conn, "district", "5201", "นาง ข สกุลใหม่", "ปลัดอำเภอ", member_uuid=b)
        c = roster.set_member(conn, "district", "5201", "นาย ค", "พัฒนาการอำเภอ", roster.SECRETARY)
        roster.remove_member(conn, "district", "5201", a)
        with pytest.raises(UserError):
            roster.set_member(conn, "district", "5201", " ", "x")
        now = roster.current(conn, "district", "5201")
        assert [(m.name, m.role) for m in now] == [("นาง ข สกุลใหม่", "member"), ("นาย ค", "secretary")]
        assert now[1].member_uuid == c
        assert [e["kind"] for e in roster.history(conn, "district", "5201")] == ["set", "set", "set", "set", "remove"]


def test_short_code_and_digest_blob_formats():
    import struct
    import zlib

    fp = "0123456789abcdef" * 4
    assert wire.short_code(fp) == "04HMASW9" and wire.short_code("f" * 64) == "ZZZZZZZZ"
    assert wire.normal_short_code(" 04hm-asw9 ") == "04HMASW9" and wire.normal_short_code("O4HM-ASWg") == "04HMASWG"
    lines = {7: "7:aa:", 3: "3:bb:cc"}
    packed = check.pack_digests(lines, {7: 1})
    assert check.unpack_digests(packed) == {3: (wire.line_digest("3:bb:cc"), 0), 7: (wire.line_digest("7:aa:"), 1)}
    legacy = zlib.compress(b"".join(struct.pack(">q8s", h, bytes.fromhex(wire.line_digest(l))) for h, l in lines.items()))
    assert check.unpack_digests(legacy)[7] == (wire.line_digest("7:aa:"), None)
