"""The feed (GET /v1/feed, desktop/sync/feed.py): scope-filtered, paged by the server's event sequence, the asking
laptop's own events left out, written idempotently; a first download from the server resumes after a cancel."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.certify import certification as cert
from desktop.models import meta, roster, visits
from desktop.models.errors import Cancelled
from desktop.sync import feed, first
from province import auth
from province import feed as server_feed
from tests.sync import world

YEAR = 2567


@pytest.fixture
def province(tmp_path):
    p = world.Province.create(f"sqlite:///{tmp_path / 'province.db'}")
    yield p
    p.close()


def _visit(store, district: str, village: str) -> str:
    with store.begin() as conn:
        return visits.log(conn, survey_year=YEAR, level="district", area_code=district, visit_date="2026-11-01",
                          villages=[village], visitors=[visits.Visitor("นายติดตาม")]).visit_id


def test_scope_paging_and_own_events(province, laptop_factory, monkeypatch):
    a, b, top = laptop_factory("a"), laptop_factory("b"), laptop_factory("top")
    tokens = {"5201": province.tokens[0], "5202": province.tokens[1], "52": province.tokens[2]}
    for store, area in ((a, "5201"), (b, "5202"), (top, "52")):
        province.sync_once(store, token=tokens[area])
    visit_a = _visit(a, "5201", "52010101")
    visit_b = _visit(b, "5202", "52020101")
    with top.begin() as conn:  # the province certifies (override): districts see it (upward kinds)
        roster.set_member(conn, "province", "52", "นายจังหวัด", "ผู้ว่า", roster.CHAIR)
        province_cert = cert.certify(conn, "52", YEAR, override_reason="ทดสอบ")
        province_visit = visits.log(conn, survey_year=YEAR, level="province", area_code="52", visit_date="2026-11-03",
                                    villages=["52020101"], visitors=[visits.Visitor("นายจังหวัด")]).visit_id
    province.sync_once(a, token=tokens["5201"])
    province.sync_once(b, token=tokens["5202"])
    monkeypatch.setattr(feed, "PAGE", 1)  # one event per page: the cursor moves page by page
    province.sync_once(top, token=tokens["52"])
    province.sync_once(a, token=tokens["5201"])
    with a.read() as conn:
        seen = {v.visit_id for v in visits.visits(conn, YEAR)}
        assert seen == {visit_a}  # its own visit only; 5202's and the province's visit to 5202 are outside it
        assert cert.get(conn, province_cert).verdict == "accepted"
        assert conn.execute(text("SELECT count(*) FROM visit_event WHERE origin <> ''")).scalar_one() == 0
    province.sync_once(b, token=tokens["5202"])
    with b.read() as conn:  # the province's visit to one of its villages reaches the district: its KPI counts it
        assert {v.visit_id for v in visits.visits(conn, YEAR)} == {visit_b, province_visit}
    with top.read() as conn:
        assert {v.visit_id for v in visits.visits(conn, YEAR)} == {visit_a, visit_b, province_visit}
        offices = {r[0] for r in conn.execute(text("SELECT office FROM visit_event WHERE origin <> ''"))}
        assert all('"name"' in o for o in offices)
    with province.db.read() as conn:  # the server answers each officer with its own scope
        officer = auth.by_token(conn, tokens["5202"])
        page = server_feed.read(conn, officer, 0, 1000, "")
    kinds = sorted({(e["kind"], e["area"]) for e in page["events"]})
    assert {("visit.log", "5202"), ("visit.log", "52"), ("certification", "52")} <= set(kinds)
    assert all(area.startswith("5202") or area == "52" for _kind, area in kinds)
    assert all(e["payload"].get("villages") == ["52020101"] for e in page["events"] if e["kind"] == "visit.log")
    before = _counts(top)
    province.sync_once(top, token=tokens["52"])  # again: nothing new, nothing twice
    assert _counts(top) == before


def _counts(store) -> tuple:
    with store.read() as conn:
        return tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                     for t in ("visit_event", "certification_event", "roster_event"))


def test_first_download_resumes_after_cancel(province, laptop_factory):
    source = laptop_factory("source")
    province.sync_once(source, token=province.tokens[0])
    _visit(source, "5201", "52010101")
    province.sync_once(source, token=province.tokens[0])
    fresh = laptop_factory("fresh")
    calls = []

    def cancel_after_households() -> bool:
        calls.append(1)
        with fresh.read() as conn:
            return conn.execute(text("SELECT count(*) FROM household")).scalar_one() > 0

    with pytest.raises(Cancelled):
        first.start(fresh, world.SERVER_URL, province.tokens[0], cancel=cancel_after_households,
                    http=province.http(), remember_token=False, insecure_http=True)
    with fresh.read() as conn:
        assert meta.get(conn, first.FIRST_META) == "started"
        assert conn.execute(text("SELECT count(*) FROM visit_event")).scalar_one() == 0  # the feed was not reached
    report = first.start(fresh, world.SERVER_URL, province.tokens[0], http=province.http(), remember_token=False, insecure_http=True)
    assert report.receipt_equal
    with fresh.read() as conn:
        assert meta.get(conn, first.FIRST_META) == "done"
        assert conn.execute(text("SELECT count(*) FROM visit_event WHERE origin = 'laptop-source'")).scalar_one() == 1
    with pytest.raises(Exception, match="--first"):
        first.start(fresh, world.SERVER_URL, province.tokens[0], http=province.http(), remember_token=False, insecure_http=True)


def test_other_offices_records_are_read_only_here(province, laptop_factory):
    from desktop.models import corrections
    from desktop.models.errors import UserError

    district, top = laptop_factory("district"), laptop_factory("top")
    province.sync_once(district, token=province.tokens[0])
    province.sync_once(top, token=province.tokens[2])
    visit_id = _visit(district, "5201", "52010101")
    with district.begin() as conn:
        hid = conn.execute(text("SELECT id FROM household WHERE village = 52010101 ORDER BY id LIMIT 1")).scalar()
        corrections.record(conn, hid, [corrections.Change("inc_main", "4321")], reason="ตรวจ")
    province.sync_once(district, token=province.tokens[0])
    province.sync_once(top, token=province.tokens[2])
    with top.begin() as conn:
        theirs = visits.get(conn, visit_id)
        (correction,) = corrections.corrections_of(conn, hid)
        with pytest.raises(UserError, match="อำเภอเมือง"):
            visits.log(conn, survey_year=YEAR, level="district", area_code="5201", visit_date="2026-11-02",
                       villages=["52010101"], visitors=[visits.Visitor("นายแก้")], supersedes=theirs.uuid)
        with pytest.raises(UserError, match="อำเภอเมือง"):
            corrections.revert(conn, correction.uuid, "ไม่ใช่ของเรา")
