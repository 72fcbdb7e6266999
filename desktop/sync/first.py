"""Start a new laptop from the province server (first-run wizard "เชื่อมต่อเซิร์ฟเวอร์จังหวัด", `main.py sync
--first`): an empty store, a server address and the officer's token; then one whole sync downloads the officer's
areas (households chunk by chunk, each with its cursor) and the other offices' records. No Qt.

Resumable: the store is marked `first_sync = started` before the download; a cancelled or cut first download
leaves the committed chunks and their cursors, and `--first` (or the wizard) may be run again on that store to
continue. Once done (`first_sync = done`), later syncs are plain syncs.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text

from desktop.models import meta
from desktop.models.errors import UserError
from desktop.sync import tokens
from desktop.sync.feed_messages import msg

FIRST_META = "first_sync"


def can_start(conn) -> bool:
    """An empty store, or one whose first download from the server was started and not finished."""
    state = meta.get(conn, FIRST_META)
    if state == "started":
        return True
    if state == "done":
        return False
    return conn.execute(text("SELECT 1 FROM household LIMIT 1")).first() is None


def start(store, server: str, token: str, *, progress: Callable | None = None, cancel: Callable[[], bool] | None = None,
          http=None, remember_token: bool = True, insecure_http: bool | None = None):
    """Download the officer's areas into an empty store; returns the SyncReport. UserError if the store holds data."""
    from desktop.sync.client import SyncClient

    from desktop.sync.client import check_server_url

    server = tokens.normalise_server(server)
    check_server_url(server, bool(insecure_http) or tokens.insecure_http_allowed())  # before the store is touched
    token = (token or "").strip()
    if not token:
        from desktop.sync.messages import msg as sync_msg

        raise UserError(sync_msg("no_token", server=server))
    with store.begin() as conn:
        if not can_start(conn):
            raise UserError(msg("first_not_empty"))
        meta.put(conn, FIRST_META, "started")
        meta.put(conn, tokens.SERVER_META, server)
    if remember_token:
        tokens.save(server, token)  # no keyring: the token is asked again next time (or BMN_SYNC_TOKEN)
    if insecure_http is None:
        insecure_http = tokens.insecure_http_allowed()
    client = SyncClient(store, server, token, progress=progress, cancel=cancel, http=http, insecure_http=insecure_http)
    try:
        report = client.sync()
    finally:
        client.close()
    with store.begin() as conn:
        meta.put(conn, FIRST_META, "done")
    return report


def counts(store) -> tuple[int, int]:
    """(households, other offices' records) now in the store: what the first download brought."""
    with store.read() as conn:
        households = conn.execute(text("SELECT count(*) FROM household")).scalar_one()
        records = sum(conn.execute(text(f"SELECT count(*) FROM {t} WHERE origin <> ''")).scalar_one()
                      for t in ("certification_event", "visit_event", "backcheck_answer", "correction_event"))
    return households, records
