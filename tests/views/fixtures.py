"""Fixtures of the GUI tests (tests/views, tests/certification, tests/visits): a small demo store (made once per
session, copied per test), the Thai application, a runner. A pytest plugin, named in tests/conftest.py, so
that test modules use them by name without importing them.
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import PASSPHRASE
from tests.views import DEMO_DISTRICTS, DEMO_HOUSEHOLDS


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A closed store file with a small demo province (Lampang, 52)."""
    from desktop.importers import demo
    from desktop.models import db, meta

    path = tmp_path_factory.mktemp("demo") / "template.db"
    store = db.open_store(path, PASSPHRASE, create=True)
    try:
        demo.generate(store, households=DEMO_HOUSEHOLDS, districts=DEMO_DISTRICTS)
        with store.begin() as conn:
            meta.set_officer(conn, meta.Officer("สมศรี ใจดี", "นักวิชาการพัฒนาชุมชน", "district", "5201"))
    finally:
        store.close()
    return path


@pytest.fixture
def demo_path(tmp_path, demo_template):
    path = tmp_path / "store.db"
    shutil.copy2(demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_path):
    from desktop.models import db

    store = db.open_store(demo_path, PASSPHRASE)
    yield store
    store.close()


@pytest.fixture
def thai_app(qapp):
    from desktop.views import app

    app.make_app("th")
    yield qapp
    app.install_language("th")


@pytest.fixture
def runner(thai_app):
    from desktop.views.runner import Runner

    r = Runner()
    yield r
    r.shutdown()
    thai_app.processEvents()
