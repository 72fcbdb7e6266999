"""The server's HTTP surface: JSON errors in Thai and English, authentication, size and rate limits."""

from __future__ import annotations

import pytest

from tests.sync import world


@pytest.fixture
def small(tmp_path):
    p = world.Province.create(f"sqlite:///{tmp_path / 'p.db'}", rate=5, burst=3, max_body=2000)
    yield p
    p.close()


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_errors_are_json_in_thai_and_english(province):
    http = province.http()
    for resp, code, status in (
        (http.get("/v1/me"), "unauthorized", 401),
        (http.get("/v1/me", headers=_auth("bmn1.nope.nope")), "unauthorized", 401),
        (http.get("/v1/nothing"), "not_found", 404),
        (http.delete("/v1/push"), "method_not_allowed", 405),
        (http.get("/v1/pull", params={"area": "5x"}, headers=_auth(province.tokens[0])), "invalid_request", 422),
        (http.post("/v1/push", content=b"{not json", headers={**_auth(province.tokens[0]),
                                                               "Content-Type": "application/json"}),
         "invalid_request", 422),
    ):
        assert resp.status_code == status, resp.text
        error = resp.json()["error"]
        assert error["code"] == code and error["th"] and error["en"] and error["th"] != error["en"]


def test_health_and_openapi(province):
    http = province.http()
    assert http.get("/v1/health").json()["ok"] is True
    spec = http.get("/openapi.json").json()
    assert {"/v1/push", "/v1/pull", "/v1/receipt", "/v1/bundle", "/v1/fetch"} <= set(spec["paths"])


def test_request_size_limit(small):
    http = small.http()
    big = {"events": [{"uuid": "6f1de3c2-57a5-4a3b-9a3e-%012d" % i, "kind": "x", "payload": {}} for i in range(40)]}
    resp = http.post("/v1/push", json=big, headers=_auth(small.tokens[0]))
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large"


def test_rate_limit_per_token(small):
    http = small.http()
    codes = [http.get("/v1/me", headers=_auth(small.tokens[0])).status_code for _ in range(6)]
    assert codes[:3] == [200, 200, 200] and 429 in codes
    limited = http.get("/v1/me", headers=_auth(small.tokens[0]))
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    assert limited.json()["error"]["code"] == "rate_limited"
    assert http.get("/v1/me", headers=_auth(small.tokens[1])).status_code == 200  # another officer is not slowed


def test_tokens_are_stored_hashed(province):
    from sqlalchemy import text

    secret = province.tokens[0].split(".")[2]
    with province.db.read() as conn:
        rows = conn.execute(text("SELECT token_id, token_salt, token_hash FROM officer")).all()
    assert all(secret not in "".join(r) for r in rows)


def test_malformed_events_are_rejected_with_a_reason_not_stored_as_changes(province):
    http = province.http()
    events = [
        {"uuid": "00000000-0000-4000-8000-000000000001", "kind": "household.status", "payload": {"household": "x"}},
        {"uuid": "00000000-0000-4000-8000-000000000002", "kind": "household.set",
         "payload": {"household": 256752010000001, "set": {"answers": "1111"}}},
        {"uuid": "00000000-0000-4000-8000-000000000003", "kind": "household.status",
         "payload": {"household": 256752010000001, "status": 99}},
        {"uuid": "00000000-0000-4000-8000-000000000004", "kind": "teleport", "payload": {}},
        {"uuid": "00000000-0000-4000-8000-000000000005", "kind": "household.status",
         "payload": {"household": 999, "status": 1}},
    ]
    acks = http.post("/v1/push", json={"events": events}, headers=_auth(province.tokens[0])).json()["acks"]
    assert [a["status"] for a in acks] == ["rejected"] * 5
    assert [a["reason"]["code"] for a in acks] == ["bad_payload"] * 3 + ["unknown_kind", "unknown_household"]


def test_push_halves_its_chunks_when_the_server_says_too_large(tmp_path, laptop_factory):
    from sqlalchemy import text

    from desktop.models import households
    from desktop.sync import outbox

    p = world.Province.create(f"sqlite:///{tmp_path / 'p.db'}", max_body=3000)
    try:
        store = laptop_factory()
        client = p.sync_client(store, push_chunk=500)
        client.sync()
        with store.begin() as conn:
            ids = list(conn.execute(text("SELECT id FROM household ORDER BY id")).scalars())
            households.set_status(conn, ids, 1)
        pushed = client.push()
        assert pushed.sent == pushed.accepted == len(ids) == 14
        with store.read() as conn:
            assert outbox.counts(conn)["pending"] == 0
        client.close()
    finally:
        p.close()


def test_body_limit_without_content_length():
    """A chunked upload (no Content-Length) is cut off at the limit with the same JSON 413."""
    import asyncio
    import json

    from province.app import BodyLimit

    async def app(scope, receive, send):  # reads the whole body, as an endpoint would
        while (await receive()).get("more_body"):
            pass
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def run(chunks):
        parts = iter(chunks)
        sent = []

        async def receive():
            body = next(parts, b"")
            return {"type": "http.request", "body": body, "more_body": bool(body)}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "path": "/v1/push", "headers": [(b"transfer-encoding", b"chunked")]}
        await BodyLimit(app, default=1000)(scope, receive, send)
        return sent

    small = asyncio.run(run([b"x" * 400, b"x" * 400]))
    assert small[0]["status"] == 200
    big = asyncio.run(run([b"x" * 600, b"x" * 600, b"x" * 600]))
    assert big[0]["status"] == 413
    error = json.loads(big[1]["body"])["error"]
    assert error["code"] == "too_large" and error["th"] and error["en"]


def test_chunked_oversize_body_is_413_under_uvicorn(tmp_path):
    """Before issue 14 a chunked (no Content-Length) oversize push answered 400 under a real server."""
    import threading
    import time

    import httpx
    import uvicorn

    from province.app import create_app
    from province.db import ServerDB

    db = ServerDB(tmp_path / "p.db")
    db.upgrade()
    tokens_ = world.seed_server(db)
    server = uvicorn.Server(uvicorn.Config(create_app(db, max_body=2000, max_bundle=3000), host="127.0.0.1", port=0,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]

    def chunks(n):
        for _ in range(n):
            yield b"x" * 500

    try:
        for path in ("/v1/push", "/v1/bundle"):
            resp = httpx.post(f"http://127.0.0.1:{port}{path}", content=chunks(20),
                              headers={**_auth(tokens_[0]), "Content-Type": "application/json"})
            assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large", (path, resp.text)
        small = httpx.post(f"http://127.0.0.1:{port}/v1/push", content=iter([b'{"events": []}']),
                           headers={**_auth(tokens_[0]), "Content-Type": "application/json"})
        assert small.status_code == 200 and small.json() == {"acks": []}
    finally:
        server.should_exit = True
        thread.join(10)
        db.dispose()
