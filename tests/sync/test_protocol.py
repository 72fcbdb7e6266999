"""The sync protocol end to end (laptop stores <-> the server app in-process), on PostgreSQL and SQLite."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from desktop.models import audit, households, meta
from desktop.sync import bundle, conflicts, outbox, wire
from desktop.sync.client import SyncRefused
from tests.sync import world

VILLAGE = 52010101


def local_ids(store, village: int = VILLAGE) -> list[int]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT id FROM household WHERE village = :v ORDER BY id"), {"v": village}).scalars())


def local_status(store, hid: int) -> int:
    with store.read() as conn:
        return conn.execute(text("SELECT status FROM household WHERE id = :i"), {"i": hid}).scalar()


def server_row(province, hid: int) -> dict:
    with province.db.read() as conn:
        return dict(conn.execute(text("SELECT * FROM household WHERE id = :i"), {"i": hid}).mappings().one())


def server_events(province) -> list[dict]:
    with province.db.read() as conn:
        return [dict(r) for r in conn.execute(text("SELECT uuid, kind, status, via FROM events ORDER BY seq")).mappings()]


def set_status(store, ids, status):
    with store.begin() as conn:
        return households.set_status(conn, ids, status)


def synced(province, store, token=None, **options):
    client = province.sync_client(store, token, **options)
    try:
        return client.sync()
    finally:
        client.close()


def test_first_sync_downloads_the_area_and_receipts_match(province, laptop_factory):
    store = laptop_factory()
    report = synced(province, store)
    assert report.pull.received == 14  # the two villages of district 5201, not 5202
    assert report.receipt_equal and [r["key"] for r in report.receipts] == ["2567/52010101", "2567/52010102"]
    assert local_ids(store, 52020101) == []
    with store.read() as conn:
        assert audit.verify(conn).ok
        assert conn.execute(text("SELECT count(*) FROM member")).scalar() == 28


def test_push_ack_and_dedup(province, laptop_factory):
    store = laptop_factory()
    synced(province, store)
    ids = local_ids(store)[:3]
    set_status(store, ids, 1)
    with store.read() as conn:
        pending = outbox.pending(conn)
    assert [e["kind"] for e in pending] == ["household.status"] * 3
    assert all(e["payload"]["base"] == {"status": 0} for e in pending)
    report = synced(province, store)
    assert report.push.accepted == 3 and report.receipt_equal
    assert all(server_row(province, h)["status"] == 1 for h in ids)
    # the same request again (a reply that was lost): duplicates, nothing applied twice
    client = province.http()
    body = {"store_id": "laptop-a", "events": [{k: e[k] for k in ("uuid", "kind", "target", "payload", "created_at",
                                                                   "origin")} for e in pending]}
    seq_before = server_row(province, ids[0])["seq"]
    acks = client.post("/v1/push", json=body, headers={"Authorization": f"Bearer {province.tokens[0]}"}).json()["acks"]
    assert [(a["status"], a["original"]) for a in acks] == [("duplicate", "accepted")] * 3
    assert server_row(province, ids[0])["seq"] == seq_before
    assert len(server_events(province)) == 3
    with store.read() as conn:
        assert outbox.counts(conn)["accepted"] == 3 and outbox.counts(conn)["pending"] == 0


def test_outbox_is_written_with_the_change_or_not_at_all(laptop_factory):
    store = laptop_factory()
    with store.begin() as conn:
        conn.execute(text("INSERT INTO survey(year, period, reference_date, answer_layout) VALUES (2567, '2566-2570', '2024-01-01', '')"))
    store_src = world.open_laptop(world.source_store())
    try:
        with store_src.read() as conn:
            hid = conn.execute(text("SELECT id FROM household LIMIT 1")).scalar()
        with pytest.raises(RuntimeError):
            with store_src.begin() as conn:
                households.set_status(conn, [hid], 2)
                assert outbox.counts(conn)["pending"] == 1
                raise RuntimeError("crash before commit")
        with store_src.read() as conn:
            assert outbox.counts(conn)["pending"] == 0
            assert conn.execute(text("SELECT status FROM household WHERE id = :i"), {"i": hid}).scalar() == 0
    finally:
        store_src.close()


def test_profile_changes_and_indicator_installs_become_events(laptop_factory, tmp_path):
    from desktop.models import indicator_sets, indicators
    from desktop.paths import indicators_dir

    store = laptop_factory()
    with store.begin() as conn:
        meta.set_officer(conn, meta.Officer("นางสาวทดสอบ ระบบ", "นักวิชาการ", "district", "5201"))
    period = indicators.bundled_periods()[0]
    ind_set, data = indicator_sets.read_file(indicators_dir() / f"{period}.json")
    with store.begin() as conn:
        indicator_sets.install(conn, ind_set, data, "test")
    with store.read() as conn:
        events = outbox.pending(conn)
        audit_uuids = set(conn.execute(text("SELECT uuid FROM audit_entry")).scalars())
    kinds = [e["kind"] for e in events]
    assert kinds == ["profile.set", "indicators.install"]
    assert events[0]["payload"]["profile"]["name"] == "นางสาวทดสอบ ระบบ"
    assert events[1]["payload"]["period"] == period and events[1]["payload"]["data"]["period"] == period
    assert {e["uuid"] for e in events} <= audit_uuids  # the audit entry and the event share their UUID


def test_correction_events_are_kept_on_the_server(province, laptop_factory):
    store = laptop_factory()
    synced(province, store)
    hid = local_ids(store)[0]
    with store.begin() as conn:
        (event_uuid,) = outbox.record(conn, "correction.record", {"set_uuid": "s1", "reason": "ทดสอบ", "changes": []}, hid)
    assert synced(province, store).push.accepted == 1
    assert [e["kind"] for e in server_events(province)] == ["correction.record"]


def test_pull_in_chunks_resumes_after_a_cut(province, laptop_factory):
    store = laptop_factory()
    client = province.sync_client(store, pull_limit=3)
    commits = []

    def cut_third(stage, conn):
        commits.append(stage)
        if stage == "pull" and len(commits) == 3:
            raise KeyboardInterrupt("killed between chunk and commit")

    client.before_commit = cut_third
    with pytest.raises(KeyboardInterrupt):
        client.pull("5201")
    with store.read() as conn:
        cursor = conn.execute(text("SELECT cursor FROM sync_cursor")).scalar()
        have = conn.execute(text("SELECT count(*) FROM household")).scalar()
    assert have == 6  # two chunks committed, the third rolled back
    with province.db.read() as conn:
        sixth = conn.execute(text("SELECT seq FROM household WHERE village BETWEEN 52010000 AND 52019999"
                                  " ORDER BY seq LIMIT 1 OFFSET 5")).scalar()
    assert cursor == sixth
    client.before_commit = None
    result = client.pull("5201")
    assert result.received == 8
    report = client.sync()
    client.close()
    assert report.receipt_equal and report.pull.received == 0
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM household_version")).scalar() == 0  # nothing loaded twice
        assert audit.verify(conn).ok


def test_cancel_between_chunks_keeps_what_was_committed(province, laptop_factory):
    from desktop.models.errors import Cancelled

    store = laptop_factory()
    asked = []
    client = province.sync_client(store, pull_limit=5, cancel=lambda: len(asked) > 1)
    client.before_commit = lambda stage, conn: asked.append(stage)
    with pytest.raises(Cancelled):
        client.pull("5201")
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 10
    client.cancel = None
    assert client.pull("5201").received == 4
    client.close()


def test_scope_is_enforced(province, laptop_factory):
    store = laptop_factory()
    synced(province, store)
    http = province.http()
    auth = {"Authorization": f"Bearer {province.tokens[0]}"}  # district 5201
    assert http.get("/v1/pull", params={"area": "5202"}, headers=auth).status_code == 403
    assert http.get("/v1/receipt", params={"area": "52"}, headers=auth).status_code == 403
    other = world.open_laptop(world.source_store())
    try:
        with other.read() as conn:
            foreign = conn.execute(text("SELECT id FROM household WHERE village = 52020101")).scalars().all()
    finally:
        other.close()
    body = http.post("/v1/fetch", json={"ids": foreign}, headers=auth).content
    assert wire.records(wire.unpack(body)["households"]) == []
    event = {"uuid": "6f1de3c2-57a5-4a3b-9a3e-111111111111", "kind": "household.status", "target": str(foreign[0]),
             "payload": {"household": foreign[0], "status": 1, "base": {"status": 0}}}
    ack = http.post("/v1/push", json={"events": [event]}, headers=auth).json()["acks"][0]
    assert ack["status"] == "rejected" and ack["reason"]["code"] == "outside_area" and ack["reason"]["th"]
    assert server_row(province, foreign[0])["status"] == 0
    # the district 5202 officer may
    ack = http.post("/v1/push", json={"events": [{**event, "uuid": "6f1de3c2-57a5-4a3b-9a3e-222222222222"}]},
                    headers={"Authorization": f"Bearer {province.tokens[1]}"}).json()["acks"][0]
    assert ack["status"] == "accepted"
    with pytest.raises(SyncRefused):
        province.sync_client(store).pull("5202")


def test_concurrent_edit_becomes_a_visible_conflict_then_resolves(province, laptop_factory):
    a, b = laptop_factory("a"), laptop_factory("b")
    synced(province, a)
    synced(province, b)
    hid = local_ids(a)[0]
    set_status(a, [hid], 1)
    synced(province, a)
    set_status(b, [hid], 2)
    report = synced(province, b)
    assert report.push.conflict == 1 and report.open_conflicts == 1
    assert local_status(b, hid) == 2  # never overwritten
    assert server_row(province, hid)["status"] == 1
    with b.read() as conn:
        (c,) = conflicts.list_conflicts(conn)
    assert c.household_id == hid and c.fields["status"] == {"base": 0, "mine": 2, "theirs": 1}
    # a later pull does not overwrite it either
    assert synced(province, b).open_conflicts == 1 and local_status(b, hid) == 2
    with b.begin() as conn:
        conflicts.resolve(conn, c.id, choice="mine")
    report = synced(province, b)
    assert report.push.accepted == 2 and report.open_conflicts == 0 and report.receipt_equal  # set + resolved
    assert server_row(province, hid)["status"] == 2
    assert synced(province, a).receipt_equal and local_status(a, hid) == 2
    with b.read() as conn:
        assert audit.verify(conn).ok
        actions = list(conn.execute(text("SELECT action FROM audit_entry WHERE action LIKE 'sync.%'")).scalars())
    assert "sync.conflict" in actions and "sync.resolve" in actions


def test_pull_never_overwrites_unsent_work(province, laptop_factory):
    a, b = laptop_factory("a"), laptop_factory("b")
    synced(province, a)
    synced(province, b)
    hid, other = local_ids(a)[:2]
    set_status(a, [hid, other], 3)
    synced(province, a)
    set_status(b, [hid], 1)  # unsent
    client = province.sync_client(b)
    result = client.pull("5201")
    client.close()
    assert result.conflicts == 1 and local_status(b, hid) == 1 and local_status(b, other) == 3
    with b.read() as conn:
        (c,) = conflicts.list_conflicts(conn)
        assert c.source == "pull" and c.fields["status"]["theirs"] == 3
    with b.begin() as conn:
        conflicts.resolve(conn, c.id, choice="theirs")
    assert local_status(b, hid) == 3
    report = synced(province, b)
    assert report.receipt_equal and report.open_conflicts == 0
    assert server_row(province, hid)["status"] == 3


def test_server_content_change_merges_with_a_local_status_change(province, laptop_factory, tmp_path):
    from province import load

    store = laptop_factory()
    synced(province, store)
    hid = local_ids(store)[0]
    set_status(store, [hid], 1)  # unsent
    result = load.load_files(province.db, world.sample_files(tmp_path / "v2", income_bump=1000))
    assert result.ok and result.changed == 19
    client = province.sync_client(store)
    pulled = client.pull("5201")
    assert pulled.merged == 1 and pulled.conflicts == 0
    with store.read() as conn:
        inc, status, version = conn.execute(text("SELECT inc_main, status, version FROM household WHERE id = :i"),
                                            {"i": hid}).one()
        assert conn.execute(text("SELECT count(*) FROM household_version")).scalar() == 14  # old versions kept
    assert (status, version) == (1, 2) and inc == server_row(province, hid)["inc_main"]
    report = client.sync()
    client.close()
    # the review was made against version 1; the national reload made version 2: it must be reviewed again
    # (issue 14, attack 7), and the laptop gets the server's record back
    assert report.push.needs_recheck == 1 and report.push.accepted == 0 and report.receipt_equal
    assert server_row(province, hid)["status"] == 0
    with store.read() as conn:
        assert local_status(store, hid) == 0
        assert "ต้องตรวจใหม่" in json.loads(conn.execute(text(
            "SELECT answer FROM outbox WHERE state = 'needs_recheck'")).scalar())["reason"]["th"]


def test_changed_members_are_downloaded_unchanged_ones_are_not(province, laptop_factory, tmp_path):
    from province import load

    def pull_counting(store):
        client = province.sync_client(store)
        paths = []
        send = client.transport.request
        client.transport.request = lambda method, path, **kw: paths.append(path) or send(method, path, **kw)
        try:
            return client.pull("5201"), paths
        finally:
            client.close()

    store = laptop_factory()
    synced(province, store)
    assert load.load_files(province.db, world.sample_files(tmp_path / "v2", renamed_member="ใหม่")).changed == 1
    pulled, paths = pull_counting(store)
    assert (pulled.received, pulled.replaced, paths.count("/v1/fetch")) == (1, 1, 1)
    with store.read() as conn:
        assert conn.execute(text("SELECT first_name FROM member ORDER BY household_id, seq LIMIT 1")).scalar() == "ใหม่"
    assert synced(province, store).receipt_equal
    assert load.load_files(province.db, world.sample_files(tmp_path / "v3", renamed_member="ใหม่",
                                                           income_bump=7)).changed == 19
    pulled, paths = pull_counting(store)
    assert (pulled.received, pulled.replaced, paths.count("/v1/fetch")) == (14, 14, 0)  # members unchanged
    assert synced(province, store).receipt_equal


def test_bundle_export_import_is_idempotent_and_signed(province, laptop_factory, tmp_path):
    a, b = laptop_factory("a"), laptop_factory("b")
    synced(province, a)
    synced(province, b)
    ids = local_ids(a)[:2]
    set_status(a, ids, 1)
    n, path, key = bundle.export(a, tmp_path / "a.bmnbundle")
    assert n == 2 and len(key) == 64
    first = bundle.import_file(b, path)
    second = bundle.import_file(b, path)
    assert (first.new, first.skipped, second.new, second.skipped) == (2, 0, 0, 2)
    assert [local_status(b, h) for h in ids] == [1, 1]
    assert bundle.import_file(a, path).own
    # b relays a's events; a's own later sync gets "duplicate (accepted)" for them
    assert synced(province, b).push.accepted == 2
    report = synced(province, a)
    assert report.push.accepted == 2 and report.receipt_equal
    assert len(server_events(province)) == 2
    # any changed byte: refused, with a Thai message, nothing applied
    data = bytearray(path.read_bytes())
    for position in (5, 20, len(data) // 2, len(data) - 1):
        bad = tmp_path / f"bad-{position}.bmnbundle"
        changed = bytearray(data)
        changed[position] ^= 0x01
        bad.write_bytes(bytes(changed))
        with pytest.raises(bundle.BundleError) as err:
            bundle.import_file(b, bad)
        assert "ไม่ได้นำเข้าสิ่งใด" in str(err.value)


def test_bundle_upload_to_the_server(province, laptop_factory, tmp_path):
    a = laptop_factory("a")
    synced(province, a)  # registers the laptop's key with its officer
    ids = local_ids(a)[:3]
    set_status(a, ids, 2)
    _, path, _ = bundle.export(a, tmp_path / "a.bmnbundle")
    http = province.http()
    auth = {"Authorization": f"Bearer {province.tokens[2]}"}  # uploaded by the province officer
    answer = http.post("/v1/bundle", content=path.read_bytes(), headers=auth).json()
    assert answer["counts"] == {"accepted": 3} and answer["officer"]["name"] == "อำเภอเมือง"
    again = http.post("/v1/bundle", content=path.read_bytes(), headers=auth).json()
    assert again["counts"] == {"duplicate": 3}
    assert [server_row(province, h)["status"] for h in ids] == [2, 2, 2]
    tampered = bytearray(path.read_bytes())
    tampered[-10] ^= 0xFF
    refused = http.post("/v1/bundle", content=bytes(tampered), headers=auth)
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "bad_bundle"
    report = synced(province, a)
    assert report.push.accepted == 3 and report.receipt_equal


def test_certification_mismatch_needs_recheck(province, laptop_factory, tmp_path):
    from desktop.sync import local
    from province import load

    store = laptop_factory()
    synced(province, store)
    with store.begin() as conn:
        fp = local.fingerprint(conn, "520101", 2567)
        outbox.record(conn, "certification", {"area": "520101", "survey_year": 2567, "fingerprint": fp}, "520101")
    assert synced(province, store).push.accepted == 1
    with store.begin() as conn:  # certified what this laptop holds...
        stale = local.fingerprint(conn, "520101", 2567)
        outbox.record(conn, "certification", {"area": "520101", "survey_year": 2567, "fingerprint": stale}, "520101")
    assert load.load_files(province.db, world.sample_files(tmp_path / "v2", income_bump=5)).ok  # ...which moved on
    client = province.sync_client(store)
    pushed = client.push()
    client.close()
    assert pushed.needs_recheck == 1
    with store.read() as conn:
        row = conn.execute(text("SELECT state, answer FROM outbox WHERE kind = 'certification' ORDER BY seq DESC")).first()
    assert row.state == "needs_recheck" and json.loads(row.answer)["reason"]["code"] == "needs_recheck"


def test_pluggable_fingerprint(server_url, laptop_factory):
    calls = []

    def always(conn, area, year):
        calls.append((area, year))
        return "fixed"

    p = world.Province.create(server_url, fingerprint=always)
    try:
        store = laptop_factory()
        with store.begin() as conn:
            outbox.record(conn, "certification", {"area": "5201", "survey_year": 2567, "fingerprint": "fixed"}, "5201")
        assert synced(p, store).push.accepted == 1 and calls == [("5201", 2567)]
    finally:
        p.close()


def test_preview_counts_without_changing_anything(province, laptop_factory):
    store = laptop_factory()
    client = province.sync_client(store)
    first = client.preview()
    assert first["down"] == {"5201": {"households": 14, "removed": 0}} and first["up"]["events"] == 0
    client.sync()
    set_status(store, local_ids(store)[:2], 1)
    second = client.preview()
    client.close()
    assert second["up"] == {"events": 2, "by_kind": {"household.status": 2}} and second["held"] == 2
    assert second["down"]["5201"]["households"] == 0


def test_receipt_names_what_differs(province, laptop_factory):
    store = laptop_factory()
    synced(province, store)
    with store.begin() as conn:  # a change the server never heard of (not through an event)
        conn.execute(text("UPDATE household SET head_name = 'ผิด' WHERE id = :i"), {"i": local_ids(store)[0]})
    client = province.sync_client(store)
    receipts = client.receipt("5201")
    client.close()
    by_key = {r["key"]: r for r in receipts}
    assert by_key["2567/52010101"]["differs"] == ["content"] and by_key["2567/52010102"]["equal"]


def test_server_removal_is_pulled_into_history(province, laptop_factory, tmp_path):
    from province import load

    store = laptop_factory()
    synced(province, store)
    fewer = tuple((v, s, n - 1 if v == "52010101" else n) for v, s, n in world.VILLAGES)
    assert load.load_files(province.db, world.sample_files(tmp_path / "fewer", fewer)).removed == 1
    report = synced(province, store)
    assert report.pull.deleted == 1 and report.receipt_equal
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM household_version")).scalar() == 1
        assert audit.verify(conn).ok
