"""The sync client: push the outbox, pull household changes, compare receipts. No Qt.

Every step is safe to cut at any point:
- push: events go in chunks; their acks are stored in one local transaction per chunk. A lost reply
  leaves the events pending, the retry gets `duplicate` answers, nothing happens twice.
- pull: a chunk and the new cursor are committed together, so a cut resumes where it stopped.
- requests that fail on the way (dropped connection, time-out, 502/503/504, 429) are retried with
  exponential back-off, a bounded number of times; then SyncOffline says that nothing was lost.
Device clocks play no part: order comes from the server's sequence numbers.
"""

from __future__ import annotations

import contextlib
import json
import random
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterator

import httpx
from sqlalchemy import Connection, text

from desktop.models import audit, db, meta
from desktop.models.errors import Cancelled, UserError
from desktop.sync import apply, bundle, feed, local, outbox, tokens, wire
from desktop.sync.messages import msg

Progress = Callable[[str, int, "int | None"], None]
WAL_AUTOCHECKPOINT = 1000  # pages: SQLite's default, what every store connection has
# Households per pulled chunk (one request, one local transaction). Measured over loopback with 100,000
# households (bench.bench_sync --pull-limit): 5,000 -> 10,000 made a first download 21.0 -> 16.3 s and a pull
# after a national reload 6.4 -> 5.3 s (fewer commits and per-chunk queries); 20,000 was no better for the
# reload (5.6 s). A chunk of 10,000 is ~1 MB on the wire; cancel still stops between chunks.
PULL_LIMIT = 10_000


class SyncOffline(UserError):
    """The server could not be reached (after retries); nothing local was lost."""

    def __init__(self, detail: str):
        super().__init__(msg("offline", detail=detail))


class ServerFailed(SyncOffline):
    """The server answered, again and again, with an internal error (500) to the same request: not a link
    problem. The push sends the chunk in halves and sets aside an event that fails alone."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class SyncRefused(UserError):
    """The server answered, and said no (bad token, outside the officer's areas, ...)."""

    def __init__(self, message: str, status: int = 0):
        super().__init__(message)
        self.status = status


@dataclass
class Retry:
    attempts: int = 6
    base: float = 0.5
    cap: float = 20.0
    sleep: Callable[[float], None] = time.sleep

    def delay(self, attempt: int) -> float:
        return min(self.cap, self.base * 2 ** attempt) * (0.5 + random.random() / 2)


RETRY_STATUS = {429, 502, 503, 504}
SERVER_FAILURES = 2  # HTTP 500 to the same request this often: the request itself is the problem
LOOPBACK = ("localhost", "127.0.0.1", "::1", "[::1]")


def check_server_url(server: str, insecure_http: bool = False) -> None:
    """Plain http:// only to this machine, or when explicitly allowed (--insecure-http): the token and
    households would otherwise cross the network readable by anyone on the way."""
    url = httpx.URL(server)
    if url.scheme == "http" and url.host not in LOOPBACK and not insecure_http:
        raise UserError(msg("insecure_http", server=server))


class Transport:
    """HTTP with bounded retries and user-facing errors."""

    def __init__(self, server: str, token: str, http: httpx.Client | None = None, retry: Retry | None = None,
                 on_retry: Callable[[int, float], None] | None = None):
        self.server = server.rstrip("/")
        self.http = http or httpx.Client(base_url=self.server, timeout=httpx.Timeout(120.0, connect=10.0))
        self.owns_http = http is None
        self.headers = {"Authorization": f"Bearer {token}", "User-Agent": "bmn-field-desk"}
        self.retry = retry or Retry()
        self.on_retry = on_retry
        self.bytes_in = 0
        self.bytes_out = 0

    def close(self) -> None:
        if self.owns_http:
            self.http.close()

    def request(self, method: str, path: str, *, payload: dict | None = None, content: bytes | None = None,
                params: dict | None = None, chunk: bool = False):
        last, failures = "", 0
        for attempt in range(self.retry.attempts):
            if attempt:
                pause = self.retry.delay(attempt - 1)
                if self.on_retry:
                    self.on_retry(attempt, pause)
                self.retry.sleep(pause)
            try:
                resp = self.http.request(method, path, json=payload, content=content, params=params, headers=self.headers)
                body = resp.content
            except httpx.TransportError as err:
                last = type(err).__name__
                continue
            self.bytes_in += len(body)
            self.bytes_out += len(resp.request.content or b"")
            if resp.status_code in RETRY_STATUS or resp.status_code >= 500:
                last = f"HTTP {resp.status_code}"
                if resp.status_code not in RETRY_STATUS:
                    failures += 1
                    if failures >= SERVER_FAILURES:
                        raise ServerFailed(last)
                if resp.status_code == 429:
                    try:
                        pause = min(float(resp.headers.get("Retry-After", "1")), self.retry.cap)
                    except ValueError:
                        pause = 1.0
                    self.retry.sleep(pause)
                continue
            if resp.status_code >= 400:
                raise self._refused(resp)
            try:
                return wire.unpack(body) if chunk else resp.json()
            except Exception:  # noqa: BLE001 - a truncated or garbled reply is a failed transfer: retry
                last = "bad reply"
                continue
        raise SyncOffline(last or "?")

    @staticmethod
    def _refused(resp: httpx.Response) -> SyncRefused:
        if resp.status_code == 401:
            return SyncRefused(msg("unauthorized"), 401)
        try:
            err = resp.json()["error"]
            detail = err["en"] if _lang() == "en" else err["th"]
        except Exception:  # noqa: BLE001
            detail = resp.text[:200]
        return SyncRefused(msg("forbidden", detail=detail), resp.status_code)


def _lang() -> str:
    from desktop import messages

    return messages.language()


@dataclass
class PushReport:
    sent: int = 0
    accepted: int = 0
    conflict: int = 0
    rejected: int = 0
    needs_recheck: int = 0
    quarantined: int = 0  # set aside: the server failed on them alone (sync quarantine list)
    resent: int = 0  # sent again after the server was restored from a backup
    conflict_households: list[int] = field(default_factory=list)


@dataclass
class SyncReport:
    server: str
    areas: list[str]
    push: PushReport
    pull: apply.ChunkResult
    receipts: list[dict]
    open_conflicts: int
    bytes_in: int = 0
    bytes_out: int = 0

    @property
    def receipt_equal(self) -> bool:
        return all(r["equal"] for r in self.receipts)


class SyncClient:
    def __init__(self, store, server: str, token: str, *, http: httpx.Client | None = None,
                 retry: Retry | None = None, progress: Progress | None = None, pull_limit: int = PULL_LIMIT,
                 push_chunk: int = 500, cancel: Callable[[], bool] | None = None,
                 on_retry: Callable[[int, float], None] | None = None, insecure_http: bool = False):
        check_server_url(server, insecure_http)
        self.store = store
        self.on_retry = on_retry  # (attempt, seconds before it): the window shows "retrying"; else a progress stage
        self.server = server.rstrip("/")
        self.transport = Transport(self.server, token, http, retry,
                                   on_retry=self._retrying)
        self.progress = progress
        self.pull_limit = pull_limit
        self.push_chunk = push_chunk
        self.cancel = cancel  # checked between chunks: every committed chunk stays, the rest waits
        self.before_commit: Callable[[str, Connection], None] | None = None  # tests: cut before a commit

    def close(self) -> None:
        self.transport.close()

    def _progress(self, stage: str, done: int, total: int | None) -> None:
        if self.progress:
            self.progress(stage, done, total)

    def _retrying(self, attempt: int, seconds: float) -> None:
        if self.on_retry is not None:
            self.on_retry(attempt, seconds)
        else:
            self._progress(msg("retrying", attempt=attempt, seconds=seconds), attempt, None)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()

    def _hook(self, stage: str, conn: Connection) -> None:
        if self.before_commit is not None:
            self.before_commit(stage, conn)

    # --- steps ----------------------------------------------------------------------------------

    def me(self) -> dict:
        return self.transport.request("GET", "/v1/me")

    def register(self) -> None:
        """Register this laptop's key with the officer, proving it holds the key (signs a server challenge)."""
        from desktop.sync import signing

        challenge = self.transport.request("GET", "/v1/device/challenge")["challenge"]
        with self.store.begin() as conn:
            key = bundle.signing_key(conn)
            store_id = outbox.store_id(conn)
        public = signing.public_hex(key)
        signature = key.sign(signing.device_message(challenge, store_id, public)).hex()
        self.transport.request("POST", "/v1/device", payload={"store_id": store_id, "public_key": public,
                                                             "challenge": challenge, "signature": signature})

    def keys(self) -> dict:
        """The province's signed list of vouched keys: checked against the pinned province key, kept here."""
        from desktop.sync import trust

        signed = self.transport.request("GET", "/v1/keys")
        with self.store.begin() as conn:
            try:
                return trust.accept_keylist(conn, signed)
            except trust.KeyMismatch:
                audit.append(conn, "sync.province_key_mismatch", target=self.server, detail={})
        raise SyncRefused(msg("province_key_changed", server=self.server))

    def recover_if_restored(self, me: dict) -> int:
        """A restored server (new generation, or numbers gone backwards): send again, download again."""
        from desktop.sync import recovery

        with self.store.begin() as conn:
            why = recovery.restored(conn, self.server, me)
            return recovery.start(conn, self.server, why) if why else -1

    def _remember(self) -> None:
        from desktop.sync import recovery

        me = self.me()
        with self.store.begin() as conn:
            recovery.remember(conn, self.server, me)

    def push(self) -> PushReport:
        report = PushReport()
        with self.store.read() as conn:
            total = outbox.counts(conn)["pending"]
            store_id = outbox.store_id(conn)
        after, size = 0, self.push_chunk
        while True:
            self._check_cancel()
            with self.store.read() as conn:
                batch = outbox.pending(conn, size, after)
            if not batch:
                break
            from desktop.sync import trust

            with self.store.begin() as conn:  # a write: the key is made on first use
                events = trust.sign_for_sending(conn, batch)
            try:
                answer = self.transport.request("POST", "/v1/push", payload={"store_id": store_id, "events": events})
            except SyncRefused as err:
                if err.status == 413 and len(batch) > 1:  # big events (indicator sets...): send fewer at a time
                    size = max(1, len(batch) // 2)
                    continue
                if err.status != 422:
                    raise
                failed = f"HTTP 422: {err}"  # an event the server cannot even parse: treated like a failing one
            except ServerFailed as err:
                failed = err.detail
            else:
                failed = ""
            if failed:  # the server fails on this chunk: halve it, set aside an event failing alone
                if len(batch) > 1:
                    size = max(1, len(batch) // 2)
                    continue
                self._set_aside(batch[0], failed[:300])
                report.quarantined += 1
                size = self.push_chunk
                continue
            with self.store.begin() as conn:
                result = outbox.acknowledge(conn, answer.get("acks") or [])
                audit.append(conn, "sync.push", target=self.server,
                             detail={k: v for k, v in result.items() if k != "conflict_households"})
                self._hook("push", conn)
            report.sent += len(batch)
            for state in outbox.ACK_STATES:
                setattr(report, state, getattr(report, state) + result[state])
            report.conflict_households += result["conflict_households"]
            after = batch[-1]["seq"]
            self._progress(msg("stage_push"), report.sent, total)
        if report.conflict_households:
            self._fill_theirs(report.conflict_households)
        return report

    def _set_aside(self, event: dict, detail: str) -> None:
        from desktop.sync import recovery

        with self.store.begin() as conn:
            recovery.set_aside(conn, event["uuid"], msg("quarantined_reason", detail=detail))

    def _fill_theirs(self, ids: list[int]) -> None:
        """Conflicts found by a push know the server's fields; download its members too, for "theirs"."""
        found = self.transport.request("POST", "/v1/fetch", payload={"ids": sorted(set(ids))}, chunk=True)
        members = _members_of(found)
        layouts = apply.layouts_of(found)
        rows = wire.records(found["households"])
        with self.store.begin() as conn:
            from desktop.sync import conflicts

            for r in rows:
                theirs = local.snapshot_from_wire(r, layouts.get(r["survey_year"], []))
                if r.get("deleted"):
                    theirs["deleted"] = True
                if members.get(r["id"]):
                    theirs["members_rows"] = [list(m) for m in members[r["id"]]]
                conflicts.update_theirs(conn, r["id"], theirs)

    def _apply(self, chunk: dict, stage: str, cursor: tuple[str, int] | None,
               downloaded: Callable[[], None] | None = None, rows: list[dict] | None = None) -> apply.ChunkResult:
        """`downloaded`: called once this chunk needs the network no more (its members fetched), before the
        local write: the pull asks for the next chunk then, so the server works while this laptop writes."""
        rows = wire.records(chunk["households"]) if rows is None else rows
        with self.store.read() as conn:  # this laptop is the only writer of its store: still true at the commit
            have = local.snapshots(conn, [r["id"] for r in rows], by_code=False, server={r["id"]: r for r in rows})
        need = [r["id"] for r in rows if not r.get("deleted")
                and (r["id"] not in have or have[r["id"]]["members_hash"] != r.get("members_hash"))]
        members = _members_of(self.transport.request("POST", "/v1/fetch", payload={"ids": need}, chunk=True)) if need else {}
        layouts = apply.layouts_of(chunk)
        if downloaded is not None:
            downloaded()
        with self._chunk_transaction() as conn:
            result = apply.apply_chunk(conn, rows, members, layouts, chunk.get("villages") or {}, f"sync {self.server}",
                                       have)
            if cursor is not None:
                _set_cursor(conn, self.server, cursor[0], cursor[1])
            if rows:
                audit.append(conn, "sync.pull", target=cursor[0] if cursor else "refetch",
                             detail={"received": result.received, "replaced": result.replaced,
                                     "updated": result.updated, "deleted": result.deleted, "merged": result.merged,
                                     "conflicts": result.conflicts, "cursor": cursor[1] if cursor else None})
            self._hook(stage, conn)
        return result

    @contextlib.contextmanager
    def _chunk_transaction(self) -> Iterator[Connection]:
        """A write transaction whose commit does not checkpoint the WAL. A chunk writes thousands of pages;
        SQLite's automatic checkpoint (every 1000 pages) copied them into the database file at every chunk's
        commit, about a third of a pull. The pull checkpoints beside its writes instead (_checkpoint)."""
        with self.store.read() as conn:  # held until the setting is restored: no other thread gets it meanwhile
            raw = db.raw(conn)
            raw.execute("PRAGMA wal_autocheckpoint = 0")
            try:
                with conn.begin():
                    yield conn
            except Exception as err:  # noqa: BLE001 - disk full: the store's own message, as store.begin gives
                translated = db.translate_error(err)  # what Store.begin does
                if translated is err:
                    raise
                raise translated from err
            finally:
                raw.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")

    def _checkpoint(self) -> None:
        """Copy what the pull committed from the WAL into the database file: in the background after each chunk
        (beside the next chunk's write) and once at the end. PASSIVE never waits for readers or the writer
        (what it leaves, the next checkpoint takes)."""
        try:
            with self.store.read() as conn:
                db.raw(conn).execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except Exception:  # noqa: BLE001 - nothing is lost: the WAL keeps it, the next automatic checkpoint copies it
            pass

    def refetch(self) -> apply.ChunkResult:
        with self.store.read() as conn:
            ids = list(conn.execute(text("SELECT household_id FROM sync_refetch ORDER BY 1")).scalars())
        total = apply.ChunkResult()
        for start in range(0, len(ids), self.pull_limit):
            part = ids[start:start + self.pull_limit]
            chunk = self.transport.request("POST", "/v1/fetch", payload={"ids": part}, chunk=True)
            fetched = {r[0] for r in wire.tuples(chunk["households"])}
            total.add(self._apply(chunk, "refetch", None))
            with self.store.begin() as conn:  # ids the server no longer has for us: stop asking
                gone = [h for h in part if h not in fetched]
                if gone:
                    conn.execute(text("DELETE FROM sync_refetch WHERE household_id IN (SELECT value FROM json_each(:i))"),
                                 {"i": json.dumps(gone)})
        return total

    def _expected(self, area: str) -> int | None:
        """How many households a pull of the area should bring (for a progress bar); asked only when
        someone watches the progress."""
        if self.progress is None:
            return None
        with self.store.read() as conn:
            cursor = get_cursor(conn, self.server, area)
        counts = self.transport.request("GET", "/v1/preview", params={"area": area, "cursor": cursor})
        return int(counts.get("households", 0)) + int(counts.get("removed", 0)) or None

    def _pull_chunk(self, area: str, cursor: int) -> tuple[dict, list[dict]]:
        chunk = self.transport.request("GET", "/v1/pull", params={"area": area, "cursor": cursor,
                                                                  "limit": self.pull_limit}, chunk=True)
        if chunk.get("protocol") != wire.PROTOCOL:
            raise SyncRefused(msg("protocol", detail=chunk.get("protocol")))
        return chunk, wire.records(chunk["households"])  # decoded here: in the background while a chunk is written

    def pull(self, area: str) -> apply.ChunkResult:
        """Chunk after chunk from the committed cursor. The next chunk is asked for (one background request,
        never two at once on the transport) while the current one is written; it is used only after that
        write committed, with the cursor committed with it, and dropped if the write fails or is cancelled."""
        total = apply.ChunkResult()
        expected = self._expected(area)
        self._check_cancel()
        with self.store.read() as conn:
            cursor = get_cursor(conn, self.server, area)
        ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull")
        flush = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-checkpoint")
        flushing: Future | None = None
        try:
            chunk, rows = self._pull_chunk(area, cursor)
            while rows:
                cursor = int(chunk["next_cursor"])
                following: list[Future] = []

                def ask_next(after: int = cursor, more: bool = bool(chunk.get("more"))) -> None:
                    if more:
                        following.append(ahead.submit(self._pull_chunk, area, after))

                total.add(self._apply(chunk, "pull", (area, cursor), ask_next, rows))
                if flushing is None or flushing.done():  # the committed chunks into the file, beside the next write
                    flushing = flush.submit(self._checkpoint)
                self._progress(msg("stage_pull", area=area), total.received,
                               max(expected, total.received) if expected else None)
                if not following:
                    break
                self._check_cancel()
                chunk, rows = following[0].result()
        finally:
            ahead.shutdown(wait=True, cancel_futures=True)  # no request left running on the transport
            flush.shutdown(wait=True)
            self._checkpoint()
        return total

    def receipt(self, area: str) -> list[dict]:
        server = self.transport.request("GET", "/v1/receipt", params={"area": area})["villages"]
        with self.store.read() as conn:
            mine = local.receipt(conn, area)
        return compare_receipts(mine, server)

    def preview(self) -> dict:
        with self.store.read() as conn:
            counts = outbox.counts(conn)
            held = conn.execute(text(
                "SELECT count(*) FROM (SELECT l.household_id FROM outbox_household l JOIN outbox o ON o.uuid = l.uuid"
                " WHERE o.state = 'pending' UNION SELECT household_id FROM sync_conflict WHERE state = 'open')")).scalar()
            open_conflicts = conn.execute(text("SELECT count(*) FROM sync_conflict WHERE state = 'open'")).scalar()
        cursors: dict[str, int] = {}
        me = self.me()
        down = {}
        for area in me["areas"]:
            with self.store.read() as conn:
                cursors[area] = get_cursor(conn, self.server, area)
            down[area] = self.transport.request("GET", "/v1/preview", params={"area": area, "cursor": cursors[area]})
        return {"server": self.server, "up": {"events": counts["pending"], "by_kind": counts["pending_by_kind"]},
                "down": down, "held": held, "open_conflicts": open_conflicts}

    def sync(self) -> SyncReport:
        me = self.me()
        self.register()
        self.keys()  # with this laptop's own key in it
        resent = self.recover_if_restored(me)
        pushed = self.push()
        pushed.resent = max(resent, 0)
        pulled = self.refetch()
        for area in me["areas"]:
            pulled.add(self.pull(area))
        feed.pull(self)  # other laptops' records in these areas (certifications, visits, back-checks, corrections)
        receipts: list = []
        for area in me["areas"]:
            self._progress(msg("stage_receipt"), len(receipts), len(me["areas"]))
            receipts += self.receipt(area)
        with self.store.begin() as conn:
            meta.put(conn, tokens.SERVER_META, self.server)
            open_conflicts = conn.execute(text("SELECT count(*) FROM sync_conflict WHERE state = 'open'")).scalar()
            differ = [r["key"] for r in receipts if not r["equal"]]
            audit.append(conn, "sync.receipt", target=self.server,
                         detail={"villages": len(receipts), "differ": len(differ), "examples": differ[:20],
                                 "open_conflicts": open_conflicts})
        self._remember()
        return SyncReport(self.server, list(me["areas"]), pushed, pulled, receipts, open_conflicts,
                          self.transport.bytes_in, self.transport.bytes_out)


def _members_of(chunk: dict) -> dict[int, list]:
    out: dict[int, list] = {}
    for m in wire.tuples(chunk.get("members")):
        out.setdefault(m[0], []).append(m)
    return out


def get_cursor(conn: Connection, server: str, area: str) -> int:
    value = conn.execute(text("SELECT cursor FROM sync_cursor WHERE server = :s AND area = :a"),
                         {"s": server, "a": area}).scalar()
    return int(value or 0)


def _set_cursor(conn: Connection, server: str, area: str, cursor: int) -> None:
    conn.execute(
        text("INSERT INTO sync_cursor(server, area, cursor, updated_at) VALUES (:s, :a, :c, :t)"
             " ON CONFLICT(server, area) DO UPDATE SET cursor = max(cursor, excluded.cursor),"
             " updated_at = excluded.updated_at"),
        {"s": server, "a": area, "c": cursor, "t": outbox.now()},
    )


def compare_receipts(mine: dict[str, dict], server: dict[str, dict]) -> list[dict]:
    """Per "<year>/<village>": equal, or which of households / members / content differ."""
    out = []
    for key in sorted(set(mine) | set(server)):
        a, b = mine.get(key), server.get(key)
        differs = []
        if a is None or b is None:
            differs = ["missing_here" if a is None else "missing_on_server"]
        else:
            differs = [k for k in ("households", "members") if a[k] != b[k]]
            if a["hash"] != b["hash"]:
                differs.append("content")
        out.append({"key": key, "local": a, "server": b, "equal": not differs, "differs": differs})
    return out


def preview(store, server: str, token: str, **kwargs) -> dict:
    """Counts of what would go up and come down, without changing anything."""
    client = SyncClient(store, server, token, **kwargs)
    try:
        return client.preview()
    finally:
        client.close()
