"""A small demo store, made once per module by `main.py demo` (copied for each test that changes it)."""

from __future__ import annotations

import shutil

import pytest

from tests.store.helpers import run_cli


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-master")
    path = folder / "demo.db"
    done = run_cli(folder, "demo", "--db", str(path), "--households", "300")
    assert done.returncode == 0, done.stderr
    assert not path.with_name("demo.db-wal").exists()  # closed cleanly: the .db alone is the store
    return path


@pytest.fixture
def demo_copy(demo_master, tmp_path):
    path = tmp_path / "store" / "demo.db"
    path.parent.mkdir()
    shutil.copy2(demo_master, path)  # a closed store: no process holds it
    return path
