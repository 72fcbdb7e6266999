"""Sync tests run against both server databases: a real PostgreSQL (pgserver, one per session, stopped
at the end) and the embedded SQLite default."""

from __future__ import annotations


import pytest
from sqlalchemy import text

from tests.sync import world

BACKENDS = ("sqlite", "postgresql")
_TABLES = ("officer", "officer_area", "device", "village", "survey", "household", "member", "events", "load_batch")


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory):
    pgserver = pytest.importorskip("pgserver")
    srv = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    try:
        yield srv.get_uri().replace("postgresql://", "postgresql+psycopg://", 1)
    finally:
        srv.cleanup()


@pytest.fixture(params=BACKENDS)
def server_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'province.db'}"
    url = request.getfixturevalue("pg_url")
    from province.db import ServerDB

    db = ServerDB(url, pool_size=2)
    db.upgrade()
    with db.engine.begin() as conn:  # a clean server for every test
        conn.execute(text(f"TRUNCATE {', '.join(_TABLES)} RESTART IDENTITY"))
        conn.execute(text("UPDATE counter SET value = 0"))
    db.dispose()
    return url


@pytest.fixture
def province(server_url):
    p = world.Province.create(server_url)
    yield p
    p.close()


@pytest.fixture
def laptop_factory(tmp_path):
    opened = []

    def make(name: str = "a"):
        store = world.open_laptop(tmp_path / f"laptop-{name}.db", store_id=f"laptop-{name}")
        opened.append(store)
        return store

    yield make
    for s in opened:
        s.close()
