"""Issue 14: the nine attacks on sync trust and recovery, each shown not to work any more.

Officers of the sample province (world.seed_server): token 0 = อำเภอเมือง (5201), token 1 = อำเภอแจ้ห่ม (5202),
token 2 = จังหวัด (52). Every test here failed on the code before issue 14 (noted per test)."""

from __future__ import annotations

import gzip
import json
import struct
import uuid

import msgpack
import pytest
from sqlalchemy import text

from desktop.models import households
from desktop.models.errors import UserError
from desktop.sync import bundle, outbox
from tests.sync import world

VILLAGE = 52010101


def synced(province, store, token=None, **options):
    client = province.sync_client(store, token, **options)
    try:
        return client.sync()
    finally:
        client.close()


def ids_of(store, village=VILLAGE) -> list[int]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT id FROM household WHERE village = :v ORDER BY id"), {"v": village}).scalars())


def local(store, hid: int, field: str = "status"):
    with store.read() as conn:
        return conn.execute(text(f"SELECT {field} FROM household WHERE id = :i"), {"i": hid}).scalar()


def server(province, hid: int, field: str = "status"):
    with province.db.read() as conn:
        return conn.execute(text(f"SELECT {field} FROM household WHERE id = :i"), {"i": hid}).scalar()


def set_status(store, ids, status):
    with store.begin() as conn:
        return households.set_status(conn, ids, status)


def outbox_state(store, event_uuid: str) -> tuple[str, dict]:
    with store.read() as conn:
        state, answer = conn.execute(text("SELECT state, answer FROM outbox WHERE uuid = :u"), {"u": event_uuid}).one()
    return state, json.loads(answer or "{}")


def raw_bundle(key, events: list[dict], store_id: str = "forger") -> bytes:
    """A bundle file signed by `key` with exactly these events (what a forger can write)."""
    from desktop.sync import signing

    body = gzip.compress(msgpack.packb({"format": 2, "store_id": store_id, "created_at": "", "officer": {},
                                        "events": events}, use_bin_type=True))
    public = bytes.fromhex(signing.public_hex(key))
    signed = bundle.MAGIC + public + struct.pack(">Q", len(body)) + body
    return signed + key.sign(signed)


def head_event(hid: int, head: str, base_head: str) -> dict:
    return {"uuid": str(uuid.uuid4()), "kind": "household.set", "target": str(hid), "created_at": "", "origin": "x",
            "payload": {"household": hid, "village": VILLAGE, "set": {"head_name": head, "inc_main": 1},
                        "base": {"head_name": base_head}}}


def push_raw(province, token: str, events: list[dict], store_id: str = "raw"):
    return province.http().post("/v1/push", json={"store_id": store_id, "events": events},
                                headers={"Authorization": f"Bearer {token}"})


# --- 1. bundle trust ---------------------------------------------------------------------------------

def test_bundle_signed_with_a_fresh_key_is_refused_and_changes_nothing(province, laptop_factory, tmp_path):
    """Before: bundle.read trusted the key inside the file: the head name and income were overwritten."""
    from desktop.sync import signing

    a = laptop_factory("a")
    synced(province, a)
    hid = ids_of(a)[0]
    head = local(a, hid, "head_name")
    forged = tmp_path / "forged.bmnbundle"
    forged.write_bytes(raw_bundle(signing.new_private(), [head_event(hid, "ผู้ปลอม", head)]))
    with pytest.raises(UserError) as err:
        bundle.import_file(a, forged)
    assert "จังหวัดไม่ได้รับรอง" in str(err.value) and "ไม่ได้นำเข้าสิ่งใด" in str(err.value)
    assert local(a, hid, "head_name") == head
    with a.read() as conn:
        assert outbox.counts(conn)["pending"] == 0


def test_a_vouched_signer_cannot_carry_events_outside_their_authors_areas(province, laptop_factory, tmp_path):
    """A colleague of another district (vouched key) re-signs a file with a forged event for our village, and
    one with an event of ours whose content was changed: neither is applied. Before: both were applied."""
    from desktop.sync import signing

    a, other, c = laptop_factory("a"), laptop_factory("other"), laptop_factory("c")
    synced(province, a)
    synced(province, other, province.tokens[1])  # อำเภอแจ้ห่ม (5202): vouched, but not for 5201
    hid = ids_of(a)[0]
    synced(province, c)  # a second laptop of อำเภอเมือง: its key list knows both keys
    head = local(a, hid, "head_name")
    with other.begin() as conn:
        other_key = bundle.signing_key(conn)
    own = signing.sign_event(other_key, head_event(hid, "ผู้ปลอม", head))  # signed by its real author, 5202
    set_status(a, [hid], 2)
    with a.begin() as conn:
        genuine = bundle.read(bundle.build(conn, outbox.pending(conn))).events[0]
    changed = {**genuine, "payload": {**genuine["payload"], "status": 3}}  # keeps a's signature: now invalid
    path = tmp_path / "resigned.bmnbundle"
    path.write_bytes(raw_bundle(other_key, [own, changed], store_id="laptop-other"))
    result = bundle.import_file(c, path)
    assert (result.new, result.unverified) == (0, 2)
    assert local(c, hid, "head_name") == head and local(c, hid) == 0
    assert result.signer["officer"] == "อำเภอแจ้ห่ม"
    assert "ลงนามโดย: อำเภอแจ้ห่ม" in bundle.import_summary(result)


def test_a_bundle_needs_the_province_key_list_and_shows_its_signer(province, laptop_factory, tmp_path):
    a, fresh, c = laptop_factory("a"), laptop_factory("fresh"), laptop_factory("c")
    synced(province, a)
    hid = ids_of(a)[0]
    set_status(a, [hid], 2)
    n, path, _ = bundle.export(a, tmp_path / "a.bmnbundle")
    with pytest.raises(UserError) as err:  # never synced: nothing to check signers against
        bundle.import_file(fresh, path)
    assert "ซิงก์ออนไลน์" in str(err.value)
    synced(province, c)
    result = bundle.import_file(c, path)
    assert (result.new, result.unverified) == (1, 0) and result.signer["officer"] == "อำเภอเมือง"
    assert local(c, hid) == 2


def test_a_server_with_another_province_key_is_refused(province, laptop_factory):
    from desktop.sync import signing
    from desktop.sync.client import SyncRefused
    from province import server_meta

    a = laptop_factory("a")
    synced(province, a)
    with province.db.write() as conn:  # a fake server (or a stolen DNS name) signs with its own key
        server_meta.put(conn, "province_key", signing.private_hex(signing.new_private()))
    with pytest.raises(SyncRefused) as err:
        synced(province, a)
    assert "กุญแจลงนามของจังหวัด" in str(err.value)


# --- 2. relays are judged by their author ---------------------------------------------------------------

def test_a_relayed_event_is_judged_by_its_author_and_never_lost(province, laptop_factory, tmp_path):
    """Before: the carrier (another district) got `rejected outside_area` stored under the UUID, and the
    author's own sync then got that refusal back as a duplicate: the review was lost for good."""
    a, carrier = laptop_factory("a"), laptop_factory("carrier")
    synced(province, a)
    synced(province, carrier, province.tokens[1])  # อำเภอแจ้ห่ม: does not cover 5201
    hid = ids_of(a)[0]
    set_status(a, [hid], 2)
    with a.read() as conn:
        event_uuid = outbox.pending(conn)[0]["uuid"]
    _, path, _ = bundle.export(a, tmp_path / "a.bmnbundle")
    assert bundle.import_file(carrier, path).new == 1
    report = synced(province, carrier, province.tokens[1])
    assert report.push.accepted == 1 and server(province, hid) == 2
    with province.db.read() as conn:
        officer = conn.execute(text("SELECT officer_id FROM events WHERE uuid = :u"), {"u": event_uuid}).scalar()
    assert officer == 1  # judged (and recorded) as อำเภอเมือง's event
    synced(province, a)
    assert outbox_state(a, event_uuid)[0] == "accepted" and local(a, hid) == 2


# --- 4. UUID squatting ---------------------------------------------------------------------------------

def test_another_officer_cannot_void_an_event_by_sending_its_uuid_first(province, laptop_factory):
    """Before: the squatter's event took the UUID and the owner's change came back `duplicate`, unapplied."""
    a = laptop_factory("a")
    synced(province, a)
    hid = ids_of(a)[0]
    set_status(a, [hid], 3)
    with a.read() as conn:
        mine = outbox.pending(conn)[0]
    other_hid = ids_of(a, 52010102)[0]
    squat = {"uuid": mine["uuid"], "kind": "household.status", "target": str(other_hid), "created_at": "",
             "origin": "squatter", "payload": {"household": other_hid, "status": 1, "base": {"status": 0}}}
    acks = push_raw(province, province.tokens[2], [squat]).json()["acks"]  # the province officer, first
    assert acks[0]["status"] == "accepted"
    report = synced(province, a)
    assert report.push.accepted == 1 and server(province, hid) == 3
    assert outbox_state(a, mine["uuid"])[0] == "accepted"
    # the same author sending other content under the UUID is refused as such, not taken as the original
    other = {**{k: mine[k] for k in ("uuid", "kind", "target", "created_at", "origin")},
             "payload": {**mine["payload"], "status": 1}}
    ack = push_raw(province, province.tokens[0], [other], store_id="laptop-a").json()["acks"][0]
    assert ack["status"] == "rejected" and ack["reason"]["code"] == "uuid_reused"
    assert server(province, hid) == 3


# --- 5. poison events -------------------------------------------------------------------------------------

POISON = [
    ("huge household id", {"household": 2**70, "status": 1}, ""),
    ("huge number in payload", {"household": 1, "status": 1, "note": 2**64}, ""),
    ("lone surrogate", {"household": 1, "status": 1, "note": "\ud800"}, ""),
    ("NUL in text", {"household": 1, "status": 1, "note": "a\x00b"}, ""),
    ("NUL in target", {"household": 1, "status": 1}, "a\x00b"),
]


@pytest.mark.parametrize("name, payload, target", POISON, ids=[p[0] for p in POISON])
def test_a_poison_event_is_rejected_alone_never_500(province, name, payload, target):
    """Before: HTTP 500 (SQLite OverflowError, UTF-8 encoding of surrogates, PostgreSQL NUL)."""
    with province.db.read() as conn:
        hid = conn.execute(text("SELECT min(id) FROM household WHERE village = :v"), {"v": VILLAGE}).scalar()
    poison = {"uuid": str(uuid.uuid4()), "kind": "household.status", "target": target, "created_at": "",
              "origin": "", "payload": {**payload, "base": {"status": 0}}}
    good = {"uuid": str(uuid.uuid4()), "kind": "household.status", "target": str(hid), "created_at": "",
            "origin": "", "payload": {"household": hid, "status": 2, "base": {"status": 0}}}
    body = json.dumps({"store_id": "raw", "events": [poison, good]}, ensure_ascii=True)  # \ud800 as an escape
    resp = province.http().post("/v1/push", content=body.encode(), headers={
        "Authorization": f"Bearer {province.tokens[0]}", "Content-Type": "application/json"})
    assert resp.status_code == 200, resp.text
    acks = resp.json()["acks"]
    assert acks[0]["status"] == "rejected" and acks[0]["reason"]["code"] == "bad_payload"
    assert acks[1]["status"] == "accepted" and server(province, hid) == 2


@pytest.mark.parametrize("status", [500, 422])
def test_an_event_the_server_keeps_failing_on_is_set_aside_and_the_rest_goes(province, laptop_factory, status):
    """Before: the 500 read as "offline" (a 422 stopped the sync): the same chunk first on every sync, nothing
    after it ever left."""
    import httpx

    a = laptop_factory("a")
    synced(province, a)
    ids = ids_of(a)[:3]
    set_status(a, ids, 1)
    with a.read() as conn:
        poison_uuid = outbox.pending(conn)[1]["uuid"]

    class Failing(httpx.BaseTransport):  # a server bug triggered by one event
        def handle_request(self, request):
            if request.url.path == "/v1/push" and poison_uuid.encode() in request.read():
                return httpx.Response(status, json={"error": {"code": "x", "th": "เสีย", "en": "broken"}})
            return province.transport.handle_request(request)

    from desktop.sync.client import Retry, SyncClient

    client = SyncClient(a, world.SERVER_URL, province.tokens[0], insecure_http=True,
                        http=httpx.Client(transport=Failing(), base_url=world.SERVER_URL),
                        retry=Retry(sleep=lambda _s: None))
    report = client.sync()
    client.close()
    assert (report.push.accepted, report.push.quarantined) == (2, 1)
    assert server(province, ids[0]) == 1 and server(province, ids[2]) == 1 and server(province, ids[1]) == 0
    from desktop.sync import recovery

    with a.read() as conn:
        listed = recovery.quarantined(conn)
    assert [q["uuid"] for q in listed] == [poison_uuid] and "พักไว้" in listed[0]["reason"]
    assert local(a, ids[1]) == 1  # still held: the officer's work is not overwritten
    with a.begin() as conn:
        assert recovery.retry(conn, poison_uuid)
    assert synced(province, a).push.accepted == 1 and server(province, ids[1]) == 1


# --- 6. replies carry only the caller's households ------------------------------------------------------------

def test_acks_never_carry_another_areas_household(province, laptop_factory, tmp_path):
    """Before: a relayed duplicate repeated the first answer with the whole household row, and /v1/bundle
    returned every ack of the file to whoever uploaded it."""
    a, a2, carrier = laptop_factory("a"), laptop_factory("a2"), laptop_factory("carrier")
    synced(province, a)
    synced(province, a2)
    synced(province, carrier, province.tokens[1])
    hid = ids_of(a)[0]
    set_status(a2, [hid], 3)
    synced(province, a2)
    set_status(a, [hid], 1)  # made on the old status: a conflict on the server
    _, path, _ = bundle.export(a, tmp_path / "a.bmnbundle")
    assert synced(province, a).push.conflict == 1
    head = local(a, hid, "head_name")
    bundle.import_file(carrier, path)
    synced(province, carrier, province.tokens[1])
    with carrier.read() as conn:
        answers = [r for r in conn.execute(text("SELECT answer FROM outbox WHERE answer IS NOT NULL")).scalars()]
    assert answers and all(head not in a for a in answers) and all('"current"' not in a for a in answers)
    resp = province.http().post("/v1/bundle", content=path.read_bytes(),
                                headers={"Authorization": f"Bearer {province.tokens[1]}"})
    assert resp.status_code == 200 and resp.json()["acks"] == [] and head not in resp.text


# --- 7. a review made against an older record ------------------------------------------------------------------

def test_a_review_of_an_older_record_answers_needs_recheck_and_is_shown(province, laptop_factory, tmp_path):
    """Before: the offline review was applied to the re-imported record with no conflict."""
    from desktop.sync import session
    from province import load

    a = laptop_factory("a")
    synced(province, a)
    hid = ids_of(a)[0]
    set_status(a, [hid], 2)
    assert load.load_files(province.db, world.sample_files(tmp_path / "v2", income_bump=500)).ok
    report = synced(province, a)
    assert report.push.needs_recheck == 1 and server(province, hid) == 0
    with a.read() as conn:
        shown = session.refused_events(conn)
    assert shown[0]["state"] == "needs_recheck" and "ต้องตรวจใหม่" in shown[0]["reason"]


# --- 8. devices and tokens ----------------------------------------------------------------------------------

def _register(province, token, key, store_id, challenge=None, signer=None):
    from desktop.sync import signing

    headers = {"Authorization": f"Bearer {token}"}
    http = province.http()
    if challenge is None:
        challenge = http.get("/v1/device/challenge", headers=headers).json()["challenge"]
    public = signing.public_hex(key)
    signature = (signer or key).sign(signing.device_message(challenge, store_id, public)).hex()
    return http.post("/v1/device", headers=headers, json={"store_id": store_id, "public_key": public,
                                                          "challenge": challenge, "signature": signature})


def test_a_device_key_needs_proof_and_never_moves_to_another_officer(province):
    """Before: POST /v1/device took any public key without proof and moved it between officers."""
    from desktop.sync import signing

    key = signing.new_private()
    bare = province.http().post("/v1/device", json={"store_id": "s1", "public_key": signing.public_hex(key)},
                                headers={"Authorization": f"Bearer {province.tokens[1]}"})
    assert bare.status_code == 422
    assert _register(province, province.tokens[0], key, "s1").status_code == 200
    wrong = _register(province, province.tokens[1], key, "s2", signer=signing.new_private())
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "bad_challenge"
    taken = _register(province, province.tokens[1], key, "s2")  # even with the private key: never moves
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "device_taken"
    other_officers_challenge = province.http().get("/v1/device/challenge", headers={
        "Authorization": f"Bearer {province.tokens[1]}"}).json()["challenge"]
    stolen = _register(province, province.tokens[0], signing.new_private(), "s3", challenge=other_officers_challenge)
    assert stolen.status_code == 403
    with province.db.read() as conn:
        assert conn.execute(text("SELECT officer_id FROM device WHERE store_id = 's1'")).scalar() == 1


def test_a_stranger_cannot_use_up_an_officers_rate_limit(tmp_path):
    """Before: the bucket was keyed on the unverified token id: wrong secrets locked the officer out."""
    province = world.Province.create(f"sqlite:///{tmp_path / 'p.db'}", rate=1, burst=3)
    try:
        token_id = province.tokens[0].split(".")[1]
        http = province.http()
        for _ in range(10):
            http.get("/v1/me", headers={"Authorization": f"Bearer bmn1.{token_id}.wrong-secret"})
        assert http.get("/v1/me", headers={"Authorization": f"Bearer {province.tokens[0]}"}).status_code == 200
    finally:
        province.close()


# --- 9. record-only kinds, and the transport -------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["visit.log", "backcheck.sample", "backcheck.answer", "certification.reopen",
                                  "certification.roster"])
def test_area_records_outside_the_authors_areas_are_refused(province, kind):
    """Before: accepted for any area."""
    event = {"uuid": str(uuid.uuid4()), "kind": kind, "target": "52020101", "created_at": "", "origin": "",
             "payload": {"area": "5202"}}
    inside = {**event, "uuid": str(uuid.uuid4()), "target": "5201", "payload": {"area": "5201"}}
    acks = push_raw(province, province.tokens[0], [event, inside]).json()["acks"]
    assert [a["status"] for a in acks] == ["rejected", "accepted"]


def test_plain_http_to_another_machine_is_refused_unless_asked_for(tmp_path):
    from desktop.sync.client import SyncClient, check_server_url

    with pytest.raises(UserError) as err:
        check_server_url("http://bmn.province.example")
    assert "https://" in str(err.value)
    check_server_url("http://127.0.0.1:8750")
    check_server_url("https://bmn.province.example")
    check_server_url("http://bmn.province.example", insecure_http=True)
    store = world.open_laptop(tmp_path / "l.db")
    try:
        with pytest.raises(UserError):
            SyncClient(store, "http://10.1.2.3:8750", "bmn1.x.y")
    finally:
        store.close()


def test_admin_revokes_tokens_deactivates_officers_and_revokes_lost_laptops(tmp_path, laptop_factory, capsys):
    """Before: no admin command for any of these (a lost laptop's key stayed good for ever)."""
    import main
    from desktop.sync.client import SyncRefused

    url = f"sqlite:///{tmp_path / 'p.db'}"
    province = world.Province.create(url)
    try:
        a, c = laptop_factory("a"), laptop_factory("c")
        synced(province, a)
        hid = ids_of(a)[0]
        set_status(a, [hid], 2)
        _, path, _ = bundle.export(a, tmp_path / "a.bmnbundle")  # the laptop is lost with this file on a stick
        assert main.main(["serve", "admin", "revoke-device", "laptop-a", "--db", url]) == 0
        synced(province, c)  # c's key list now marks a's key revoked
        with pytest.raises(UserError) as err:
            bundle.import_file(c, path)
        assert "ไม่ได้รับรอง" in str(err.value)
        with pytest.raises(SyncRefused) as refused:  # the lost laptop itself cannot register its key again
            synced(province, a)
        assert "เพิกถอน" in str(refused.value)
        upload = province.http().post("/v1/bundle", content=path.read_bytes(),
                                      headers={"Authorization": f"Bearer {province.tokens[2]}"})
        assert upload.status_code == 403 and server(province, hid) == 0
        capsys.readouterr()
        assert main.main(["serve", "admin", "revoke-token", "--officer", "1", "--db", url]) == 0
        new_token = capsys.readouterr().out.strip().split()[-1]
        me = lambda token: province.http().get("/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code  # noqa: E731
        assert (me(province.tokens[0]), me(new_token)) == (401, 200)
        assert main.main(["serve", "admin", "deactivate-officer", "--officer", "2", "--db", url]) == 0
        assert me(province.tokens[1]) == 401 and me(province.tokens[2]) == 200
    finally:
        province.close()
