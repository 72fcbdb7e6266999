"""The province server recomputes a certification's fingerprint over its households and the correction
events it received: the same value as the laptop's when both hold the same data (SQLite and PostgreSQL servers, the
fixtures of tests/sync)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from desktop.certify import certification as cert
from desktop.models import corrections as corr
from desktop.models import roster
from desktop.models.corrections import Change
from desktop.sync import local
from tests.sync import world
from tests.sync.conftest import pg_url, server_url  # noqa: F401 (fixtures)

YEAR = 2567


@pytest.fixture
def province(server_url):  # noqa: F811
    p = world.Province.create(server_url)
    yield p
    p.close()


@pytest.fixture
def laptop(tmp_path):
    store = world.open_laptop(tmp_path / "laptop.db", store_id="laptop-cert")
    yield store
    store.close()



def last_answer(store, kind: str) -> tuple[str, dict]:
    with store.read() as conn:
        row = conn.execute(text("SELECT state, answer FROM outbox WHERE kind = :k ORDER BY seq DESC"), {"k": kind}).first()
    return row.state, json.loads(row.answer)


def test_server_recomputes_the_fingerprint_with_corrections_and_reverts(province, laptop):
    province.sync_once(laptop)
    with laptop.begin() as conn:
        hid = conn.execute(text("SELECT id FROM household WHERE village = 52010101 ORDER BY id LIMIT 1")).scalar()
        kept = corr.record(conn, hid, [Change("inc_main", "123"), Change("first_name", "สมศรี", 1)], reason="ตรวจ")
        undone = corr.record(conn, hid, [Change("exp_debt", "500")], reason="ตรวจ")
        corr.revert(conn, corr.corrections_of(conn, hid)[-1].uuid, "ผิด")
        roster.set_member(conn, "tambon", "520101", "นายประธาน", "กำนัน", roster.CHAIR)
        first = cert.certify(conn, "520101", YEAR)
    assert kept and undone
    report = province.sync_once(laptop)
    state, answer = last_answer(laptop, "certification")
    assert state == "accepted", answer
    with laptop.read() as conn:
        assert answer["server_fingerprint"] == cert.get(conn, first).fingerprint == local.fingerprint(conn, "520101", YEAR)
    with laptop.begin() as conn:  # re-opened, corrected again, certified again: the server follows
        cert.reopen(conn, first, "แก้อีก")
        corr.record(conn, hid, [Change("inc_main", "456")], reason="ตรวจซ้ำ")
        second = cert.certify(conn, "520101", YEAR)
        assert cert.get(conn, second).fingerprint != cert.get(conn, first).fingerprint
    province.sync_once(laptop)
    assert last_answer(laptop, "certification")[0] == "accepted"
    assert last_answer(laptop, "certification.reopen")[0] == "accepted"
    assert report.push.accepted >= 1


def test_server_fingerprint_of_some_villages_only(province, laptop):
    from province import households

    province.sync_once(laptop)
    with laptop.read() as conn:
        mine = local.fingerprint(conn, "520101", YEAR, villages=[52010102])
        whole = local.fingerprint(conn, "520101", YEAR)
    with province.db.read() as conn:
        assert households.fingerprint(conn, "520101", YEAR, villages=[52010102]) == mine
        assert households.fingerprint(conn, "520101", YEAR) == whole != mine
