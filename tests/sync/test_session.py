"""desktop/sync/session.py: what the window's sync panel calls (server address, typed merge values,
the outbox summary, a sync that remembers its server)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.models import households
from desktop.models.errors import Cancelled, UserError
from desktop.sync import outbox, session
from tests.sync import world


@pytest.mark.parametrize("typed, expected", [("province.example:8750", "http://province.example:8750"),
                                              ("https://bmn.example/", "https://bmn.example")])
def test_server_addresses_are_normalised(typed, expected):
    assert session._server(typed) == expected


@pytest.mark.parametrize("typed", ["", "  ", "http://a b", "ftp://bmn.example"])
def test_bad_server_addresses_are_refused_plainly(typed):
    with pytest.raises(UserError) as err:
        session._server(typed)
    assert "เซิร์ฟเวอร์" in err.value.message


def test_typed_merge_values_take_the_field_type():
    assert session.parse_value("inc_main", " 12,500 ") == 12500
    assert session.parse_value("status", "3") == 3
    assert session.parse_value("survey_date", "17/05/2567") == "2024-05-17"
    assert session.parse_value("survey_date", "2024-05-17") == "2024-05-17"
    assert session.parse_value("head_name", " นางสมศรี ") == "นางสมศรี"
    for field, typed, words in (("inc_main", "สองพัน", "จำนวนเต็ม"), ("inc_main", "-5", "จำนวนเต็ม"),
                                ("status", "9", "จำนวนเต็ม"), ("survey_date", "31/02/2567", "วันที่"),
                                ("head_name", "  ", "ว่างไม่ได้"), ("answers", "1", "พิมพ์ค่าเองไม่ได้")):
        with pytest.raises(UserError) as err:
            session.parse_value(field, typed, "ป้าย")
        assert words in err.value.message and "ป้าย" in err.value.message


def test_cancellable_sleep_stops_early():
    calls = []

    def cancel():
        calls.append(1)
        if len(calls) > 2:
            raise Cancelled()
        return False

    with pytest.raises(Cancelled):
        session.cancellable_sleep(cancel, step=0.01)(30)
    assert len(calls) == 3


def test_run_sync_remembers_the_server_and_counts_the_outbox(province, laptop_factory):
    store = laptop_factory()

    def factory(store, server, token, **options):
        return province.sync_client(store, token, **options)

    with pytest.raises(UserError):  # no token typed, none in the keyring: nothing is tried
        session.run_sync(store, world.SERVER_URL, None, factory=factory)
    report = session.run_sync(store, world.SERVER_URL, province.tokens[0], factory=factory)
    assert report.receipt_equal
    with store.begin() as conn:
        assert session.remembered_server(conn) == world.SERVER_URL
        assert session.outbox_summary(conn) == {"pending": 0, "by_kind": {}, "open_conflicts": 0}
        ids = list(conn.execute(text("SELECT id FROM household ORDER BY id LIMIT 2")).scalars())
        households.set_status(conn, ids, 1)
        assert session.outbox_summary(conn) == {"pending": 2, "by_kind": {"household.status": 2}, "open_conflicts": 0}
    preview = session.run_preview(store, world.SERVER_URL, province.tokens[0], factory=factory)
    assert preview["up"]["events"] == 2 and preview["held"] == 2


def test_refused_events_name_the_household_and_the_reason(province, laptop_factory):
    store = laptop_factory()
    client = province.sync_client(store)
    client.sync()
    with store.begin() as conn:
        hid, house_no = conn.execute(text("SELECT id, house_no FROM household ORDER BY id LIMIT 1")).one()
        outbox.record(conn, "household.status", {"status": 99}, hid)  # no such review status: refused
        outbox.record(conn, "certification", {"area": "5202", "survey_year": 2567, "fingerprint": "x"}, "5202")
    assert client.push().rejected == 2
    client.close()
    with store.read() as conn:
        refused = session.refused_events(conn)
    assert [e["kind"] for e in refused] == ["certification", "household.status"]  # newest first
    assert refused[0]["household"] is None and "5202" in refused[0]["reason"]
    assert refused[1]["household"]["house_no"] == house_no and refused[1]["reason"]
    assert all(e["state"] == "rejected" for e in refused)
