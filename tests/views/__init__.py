"""Shared set-up for the view tests: a small demo store (made once per session, copied per test), a runner.

Test modules import the fixtures they use from here (`from tests.views import demo_store, ...`).
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import PASSPHRASE

DEMO_HOUSEHOLDS = 600
DEMO_DISTRICTS = 2


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


def close_message_boxes() -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


def area_codes(store, level_length: int) -> list[str]:
    from desktop.models import areas, surveys

    with store.read() as conn:
        year = surveys.latest_year(conn)
        return [n.code for n in areas.tree(conn, year) if len(n.code) == level_length]


def latest_year(store) -> int:
    from desktop.models import surveys

    with store.read() as conn:
        return surveys.latest_year(conn)
