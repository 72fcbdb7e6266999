"""Bad links: dropped requests and replies are retried with back-off; when the server stays out of reach
the officer gets a plain Thai message and nothing local is lost."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import text

from desktop.models import households
from desktop.sync import outbox
from desktop.sync.client import Retry, SyncClient, SyncOffline
from tests.sync import world


def test_retries_with_exponential_backoff_then_succeeds(province, laptop_factory):
    store = laptop_factory()
    pauses = []
    client = province.sync_client(store, faults={"drop_request": 0.3, "drop_reply": 0.3}, seed=7,
                                  retry=Retry(attempts=12, sleep=pauses.append))
    report = client.sync()
    client.close()
    assert report.receipt_equal and pauses
    ordered = sorted(pauses)
    assert ordered[0] < 0.6 and max(pauses) <= 20.0  # starts at ~0.5 s, doubles, capped


def test_offline_keeps_everything_and_says_so(laptop_factory, province):
    store = laptop_factory()
    client = province.sync_client(store)
    client.sync()
    client.close()
    with store.begin() as conn:
        ids = list(conn.execute(text("SELECT id FROM household LIMIT 2")).scalars())
        households.set_status(conn, ids, 1)

    def unreachable(request):
        raise httpx.ConnectError("no route to host", request=request)

    pauses = []
    dead = SyncClient(store, world.SERVER_URL, province.tokens[0],
                      http=httpx.Client(transport=httpx.MockTransport(unreachable), base_url=world.SERVER_URL),
                      retry=Retry(attempts=4, sleep=pauses.append), insecure_http=True)
    with pytest.raises(SyncOffline) as err:
        dead.sync()
    dead.close()
    assert "ข้อมูลยังอยู่ครบ จะส่งใหม่เมื่อเชื่อมต่อได้" in str(err.value)
    assert len(pauses) == 3 and pauses[0] < pauses[1] * 1.5
    with store.read() as conn:
        assert outbox.counts(conn)["pending"] == 2
    client = province.sync_client(store)
    assert client.sync().push.accepted == 2
    client.close()


def test_lost_ack_is_retried_as_duplicate(province, laptop_factory):
    store = laptop_factory()
    client = province.sync_client(store)
    client.sync()
    with store.begin() as conn:
        ids = list(conn.execute(text("SELECT id FROM household LIMIT 3")).scalars())
        households.set_status(conn, ids, 2)

    def crash_after_server_answered(stage, conn):
        if stage == "push":
            raise KeyboardInterrupt("killed before the acks were stored")

    client.before_commit = crash_after_server_answered
    with pytest.raises(KeyboardInterrupt):
        client.push()
    with store.read() as conn:
        assert outbox.counts(conn)["pending"] == 3  # server applied them; this laptop does not know yet
    client.before_commit = None
    report = client.sync()
    client.close()
    assert report.push.accepted == 3 and report.receipt_equal
    with province.db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 3
