"""What the sync panel of the window calls (no Qt): the remembered server, the outbox summary, one whole
sync or preview with a client made for the occasion, and the parsing of a value typed to settle a conflict.

The window runs `run_sync` on its writer thread; `cancel()` is checked between chunks and while waiting to
retry, so Cancel never waits for a whole back-off."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from sqlalchemy import Connection, text

from desktop.models import meta
from desktop.models.errors import UserError
from desktop.sync import outbox, tokens, wire
from desktop.sync.messages import msg

if TYPE_CHECKING:  # the client (httpx) is imported when a sync starts, not with the window
    from desktop.sync.client import Progress, SyncClient, SyncReport

ClientFactory = Callable[..., "SyncClient"]


def remembered_server(conn: Connection) -> str:
    return meta.get(conn, tokens.SERVER_META) or ""


def remember_server(conn: Connection, server: str) -> None:
    meta.put(conn, tokens.SERVER_META, tokens.normalise_server(server))


def outbox_summary(conn: Connection) -> dict:
    """{"pending": n, "by_kind": {kind: n}, "open_conflicts": n}: what would go up, without a server."""
    counts = outbox.counts(conn)
    return {"pending": counts["pending"], "by_kind": counts["pending_by_kind"], "open_conflicts": open_conflicts(conn)}


def refused_events(conn: Connection, limit: int = 200) -> list[dict]:
    """Events the server refused or wants checked again (newest first), with its reason in the current
    language and the household they are about: kept in the outbox, shown to the person, never dropped."""
    import json

    from desktop import messages

    lang = "en" if messages.language() == "en" else "th"
    out = []
    for r in conn.execute(text(
            "SELECT o.seq, o.kind, o.target, o.state, o.answer, o.acked_at, h.house_no, h.head_name, h.village"
            " FROM outbox o LEFT JOIN household h ON h.id = CAST(json_extract(o.payload, '$.household') AS INTEGER)"
            " WHERE o.state IN ('rejected', 'needs_recheck') ORDER BY o.seq DESC LIMIT :n"), {"n": limit}):
        answer = json.loads(r.answer or "{}")
        reason = answer.get("reason") if isinstance(answer.get("reason"), dict) else {}
        out.append({"seq": r.seq, "kind": r.kind, "target": r.target, "state": r.state, "acked_at": r.acked_at,
                    "reason": reason.get(lang) or reason.get("th") or reason.get("code") or "",
                    "household": {"house_no": r.house_no, "head_name": r.head_name, "village": r.village}
                    if r.house_no is not None else None})
    return out


def quarantined(conn: Connection) -> list[dict]:
    """Events set aside after the server failed on them repeatedly (sync panel, `sync quarantine list`)."""
    from desktop.sync import recovery

    return recovery.quarantined(conn)


def settle_quarantined(conn: Connection, event_uuid: str, action: str) -> bool:
    """"retry": back in line for the next sync; "drop": never sent (kept in the outbox as dropped)."""
    from desktop.sync import recovery

    if action not in ("retry", "drop"):
        raise ValueError(action)
    done = (recovery.retry if action == "retry" else recovery.drop)(conn, event_uuid)
    if not done:
        raise UserError(msg("quarantine_unknown", uuid=event_uuid))
    return done


def open_conflicts(conn: Connection) -> int:
    return int(conn.execute(text("SELECT count(*) FROM sync_conflict WHERE state = 'open'")).scalar() or 0)


def cancellable_sleep(cancel: Callable[[], bool] | None, step: float = 0.1) -> Callable[[float], None]:
    """time.sleep in small steps, asking `cancel()` (which may raise Cancelled) between them."""

    def sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            if cancel is not None and cancel():
                from desktop.models.errors import Cancelled

                raise Cancelled()
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(step, left))

    return sleep


def make_client(store, server: str, token: str, *, progress: Progress | None = None,
                cancel: Callable[[], bool] | None = None, **options) -> SyncClient:
    from desktop.sync.client import Retry, SyncClient

    options.setdefault("retry", Retry(sleep=cancellable_sleep(cancel)))
    options.setdefault("insecure_http", tokens.insecure_http_allowed())
    return SyncClient(store, server, token, progress=progress, cancel=cancel, **options)


def _token(server: str, token: str | None) -> str:
    token = (token or "").strip() or tokens.load(server)
    if not token:
        raise UserError(msg("no_token", server=server))
    return token


def _server(server: str) -> str:
    """The address as typed, normalised; UserError when it is not an http(s) address."""
    import httpx

    if not (server or "").strip():
        raise UserError(msg("no_server"))
    server = tokens.normalise_server(server)
    try:
        url = httpx.URL(server)
    except (httpx.InvalidURL, ValueError):
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host or " " in server:
        raise UserError(msg("bad_server", server=server))
    return server


def run_sync(store, server: str, token: str | None = None, *, progress: Progress | None = None,
             cancel: Callable[[], bool] | None = None, on_retry: Callable[[int, float], None] | None = None,
             factory: ClientFactory = make_client) -> SyncReport:
    """Push, pull, receipts (client.sync); the server is remembered first, so a failed try keeps it too."""
    server = _server(server)
    token = _token(server, token)
    with store.begin() as conn:
        remember_server(conn, server)
    client = factory(store, server, token, progress=progress, cancel=cancel, on_retry=on_retry)
    try:
        return client.sync()
    finally:
        client.close()


def run_preview(store, server: str, token: str | None = None, *, cancel: Callable[[], bool] | None = None,
                factory: ClientFactory = make_client) -> dict:
    """What would go up and come down (client.preview); changes nothing here or on the server."""
    server = _server(server)
    client = factory(store, server, _token(server, token), cancel=cancel)
    try:
        return client.preview()
    finally:
        client.close()


def parse_value(field: str, typed: str, label: str | None = None):
    """A value typed by a person to settle a conflict, in the field's type; UserError (naming the field by
    `label`, as the person sees it) when it cannot be."""
    typed = typed.strip()
    name = label or field
    if field not in wire.SETTABLE:
        raise UserError(msg("merge_not_typed", field=name))
    if field in wire.MONEY or field == "status":
        try:
            value = int(typed.replace(",", ""))
        except ValueError:
            raise UserError(msg("merge_not_number", field=name, value=typed)) from None
        if value < 0 or (field == "status" and value > wire.STATUS_MAX):
            raise UserError(msg("merge_not_number", field=name, value=typed))
        return value
    if field == "survey_date":
        from desktop.models import dates

        try:
            return dates.parse_date(typed).isoformat()  # dd/mm/yyyy in พ.ศ. as shown, or ISO
        except ValueError:
            raise UserError(msg("merge_not_date", field=name, value=typed)) from None
    if not typed:
        raise UserError(msg("merge_empty", field=name))
    return typed
