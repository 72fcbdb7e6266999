"""A small province for sync tests, the fuzzer and benchmarks: a server database seeded from checked
sample files, laptops (encrypted stores) made by copying a template, and a fault-injecting transport.

Laptop stores use a raw SQLCipher key (x'..'): no key derivation, so a laptop opens in milliseconds.
"""

from __future__ import annotations

import atexit
import random
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import httpx

RAW_KEY = "x'" + "5a" * 32 + "'"
SERVER_URL = "http://province.test"
VILLAGES = (("52010101", 1, 8), ("52010102", 20, 6), ("52020101", 40, 5))  # village, first house, households

_cache: dict = {}


def workdir() -> Path:
    if "dir" not in _cache:
        _cache["dir"] = Path(tempfile.mkdtemp(prefix="bmn-sync-"))
        atexit.register(shutil.rmtree, _cache["dir"], True)
    return _cache["dir"]


def sample_files(target: Path, villages=VILLAGES, *, income_bump: int = 0, renamed_member: str = "") -> list[Path]:
    from tests.fixtures import bmnfiles

    households, members = [], []
    for village, start, n in villages:
        h, m = bmnfiles.sample(n, village=village, start=start)
        households += h
        members += m
    for h in households:
        h["inc_main"] += income_bump
    if renamed_member:
        members[0]["first_name"] = renamed_member
    target.mkdir(parents=True, exist_ok=True)
    return [bmnfiles.write_csv(target / "households.csv", households, bmnfiles.household_columns()),
            bmnfiles.write_csv(target / "members.csv", members, bmnfiles.member_columns(), kind="member")]


def empty_store_template() -> Path:
    if "empty" not in _cache:
        from desktop.models import db

        path = workdir() / "empty-template.db"
        db.open_store(path, RAW_KEY, create=True).close()
        _cache["empty"] = path
    return _cache["empty"]


def source_store() -> Path:
    """An encrypted store holding the sample households, checked by the desktop importer."""
    if "source" not in _cache:
        from desktop.importers import national

        path = workdir() / "source.db"
        shutil.copy(empty_store_template(), path)
        store = open_laptop(path)
        result = national.import_files(store, sample_files(workdir() / "files"))
        assert result.ok, result.problems[:5]
        store.close()
        _cache["source"] = path
    return _cache["source"]


def open_laptop(path: Path, store_id: str | None = None):
    from desktop.models import db, meta

    if not path.exists():
        shutil.copy(empty_store_template(), path)
    store = db.open_store(path, RAW_KEY)
    if store_id:
        with store.begin() as conn:
            meta.put(conn, "store_id", store_id)
    return store


def seed_server(server_db, officers=(("อำเภอเมือง", ["5201"]), ("อำเภอแจ้ห่ม", ["5202"]), ("จังหวัด", ["52"]))) -> list[str]:
    """Load the sample households into a server database; returns one token per officer."""
    from province import auth, load

    source = open_laptop(source_store())
    try:
        with source.read() as conn:
            load.copy_store(server_db, conn, "sample files")
    finally:
        source.close()
    tokens = []
    with server_db.write() as conn:
        for name, areas in officers:
            tokens.append(auth.add_officer(conn, name, areas)[1])
    return tokens


class FaultyTransport(httpx.BaseTransport):
    """Drops requests or their replies, delivers some twice, and holds some back to deliver them later
    (after newer ones), on a seeded random generator. The server is whatever `inner` reaches."""

    def __init__(self, inner: httpx.BaseTransport, seed: int = 0, *, drop_request: float = 0.0,
                 drop_reply: float = 0.0, duplicate: float = 0.0, delay: float = 0.0):
        self.inner = inner
        self.rng = random.Random(seed)
        self.p = {"drop_request": drop_request, "drop_reply": drop_reply, "duplicate": duplicate, "delay": delay}
        self.held: list[httpx.Request] = []
        self.counts = {k: 0 for k in self.p}

    def _hit(self, name: str) -> bool:
        if self.p[name] and self.rng.random() < self.p[name]:
            self.counts[name] += 1
            return True
        return False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        def copy() -> httpx.Request:
            return httpx.Request(request.method, request.url, headers=request.headers, content=body)

        if self._hit("drop_request"):
            raise httpx.ConnectError("fault: request dropped", request=request)
        if self._hit("delay"):
            self.held.append(copy())  # arrives at the server later, after newer requests
            raise httpx.ReadTimeout("fault: request held back", request=request)
        response = self.inner.handle_request(copy())
        if self._hit("duplicate"):
            self.inner.handle_request(copy()).read()
        self.release(keep=1)
        if self._hit("drop_reply"):
            raise httpx.ReadError("fault: reply lost", request=request)
        return response

    def release(self, keep: int = 0) -> None:
        """Deliver held-back requests (their replies go nowhere), leaving the newest `keep` held."""
        while len(self.held) > keep:
            self.inner.handle_request(self.held.pop(0)).read()

    def close(self) -> None:
        self.release()


@dataclass
class Province:
    """A server database with its app, reachable in-process."""

    db: object
    app: object
    tokens: list[str]
    transport: object
    clients: list = field(default_factory=list)

    @classmethod
    def create(cls, url, **app_options) -> "Province":
        from province.app import create_app
        from province.db import ServerDB
        from province.inprocess import InProcessTransport

        db = ServerDB(url)
        db.upgrade()
        tokens = seed_server(db)
        app = create_app(db, **app_options)
        return cls(db, app, tokens, InProcessTransport(app))

    def http(self, faults: dict | None = None, seed: int = 0) -> httpx.Client:
        # always wrapped: closing a client must not close the shared in-process transport
        client = httpx.Client(transport=FaultyTransport(self.transport, seed, **(faults or {})), base_url=SERVER_URL)
        self.clients.append(client)
        return client

    def sync_client(self, store, token: str | None = None, *, faults: dict | None = None, seed: int = 0, **options):
        from desktop.sync.client import Retry, SyncClient

        options.setdefault("retry", Retry(attempts=6, sleep=lambda _s: None))
        options.setdefault("insecure_http", True)  # in-process: nothing crosses a network
        return SyncClient(store, SERVER_URL, token or self.tokens[0], http=self.http(faults, seed), **options)

    def sync_once(self, store, **options):
        """One full sync of a laptop (a fresh client, closed afterwards); returns its report."""
        client = self.sync_client(store, **options)
        try:
            return client.sync()
        finally:
            client.close()

    def close(self) -> None:
        for c in self.clients:
            c.close()
        self.transport.close()
        self.db.dispose()
