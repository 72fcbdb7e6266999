"""Monitoring events travel to the province server and are kept there as records (record-only kinds)."""

from __future__ import annotations


import pytest
from sqlalchemy import text

from desktop.models import backcheck, visits
from tests.sync import world


@pytest.fixture
def province(tmp_path):
    p = world.Province.create(f"sqlite:///{tmp_path / 'province.db'}")
    yield p
    p.close()


@pytest.fixture
def laptop(tmp_path):
    store = world.open_laptop(tmp_path / "laptop.db", store_id="laptop-visits")
    yield store
    store.close()



def test_visit_sample_and_answer_are_accepted(province, laptop):
    province.sync_once(laptop)
    with laptop.begin() as conn:
        year = conn.execute(text("SELECT max(survey_year) FROM household")).scalar()
        v = visits.log(conn, survey_year=year, level="district", area_code="5201", visit_date="2025-11-01",
                       villages=["52010101"], visitors=[visits.Visitor("นายตรวจ")])
        sample = backcheck.draw_sample(conn, v.visit_id, seed="1")
        backcheck.record_answers(conn, v.visit_id, sample.all_ids()[0], {"members": "3"}, checker="ก",
                                 asked_on="2025-11-02")
    report = province.sync_once(laptop)
    assert report.push.accepted == 3
    with province.db.read() as conn:
        kinds = [r[0] for r in conn.execute(text("SELECT kind FROM events ORDER BY seq"))]
    assert kinds == ["visit.log", "backcheck.sample", "backcheck.answer"]
