"""Reading in chunks (desktop/importers/chunks.py) gives the same store whatever the chunk size, the
csv module's way for quoted files, read errors at their exact row, and cancel leaves nothing."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import text

from desktop.importers import chunks, national
from desktop.models import db
from desktop.models.errors import Cancelled
from desktop.messages import msg
from tests import test_import_fastpath
from tests.conftest import PASSPHRASE
from tests.test_import_fastpath import YEAR, contents, copy_files, problems

exported = test_import_fastpath.exported  # the exported files fixture, shared (used by name)


def load(tmp_path, name, paths, **kwargs):
    store = db.open_store(tmp_path / f"{name}.db", PASSPHRASE, create=True)
    try:
        result = national.import_files(store, paths, year=YEAR, **kwargs)
    except BaseException:
        store.close()
        raise
    return store, result


def test_small_chunks_load_what_one_chunk_loads(exported, tmp_path, monkeypatch):
    whole_store, whole = load(tmp_path, "whole", list(exported))
    monkeypatch.setattr(chunks, "BLOCK", 5000)  # ~20 rows a chunk: rows of one household in two chunks
    monkeypatch.setattr(national, "BATCH", 700)  # and write batches that do not line up with them
    small_store, small = load(tmp_path, "small", list(exported))
    try:
        assert whole.ok and small.ok, small.problems[:3]
        assert contents(whole_store) == contents(small_store)
    finally:
        whole_store.close()
        small_store.close()


def test_a_file_with_every_cell_quoted_loads_the_same(exported, tmp_path):
    """Some programs quote every cell: the csv module reads such a file, to the same rows."""
    plain_store, plain = load(tmp_path, "plain", list(exported))
    quoted = copy_files(exported, tmp_path)
    for path in quoted:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, quoting=csv.QUOTE_ALL).writerows(rows)
    quoted_store, result = load(tmp_path, "quoted", quoted)
    try:
        assert plain.ok and result.ok, result.problems[:3]
        assert contents(plain_store) == contents(quoted_store)
    finally:
        plain_store.close()
        quoted_store.close()


@pytest.mark.parametrize("block", [4096, 1 << 21])
def test_a_file_unreadable_part_way_is_reported_at_its_row(exported, tmp_path, monkeypatch, block):
    monkeypatch.setattr(chunks, "BLOCK", block)
    households, members = copy_files(exported, tmp_path)
    data = members.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 1
    members.write_bytes(data[:cut] + b"\xff\xfe broken\n" + data[cut:])  # not UTF-8 on this line
    store, result = load(tmp_path, "broken", [households, members])
    try:
        row = data[:cut].count(b"\n") + 1
        assert not result.ok
        assert (members.name, row, "", "", msg("imp_encoding")) in problems(result)
        with store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 0
    finally:
        store.close()


def test_cancel_while_reading_changes_nothing(exported, tmp_path, monkeypatch):
    monkeypatch.setattr(chunks, "BLOCK", 20_000)
    calls = []
    with pytest.raises(Cancelled):
        load(tmp_path, "cancelled", list(exported), cancel=lambda: len(calls) > 3 or calls.append(1))
    store = db.open_store(tmp_path / "cancelled.db", PASSPHRASE)
    try:
        with store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 0
    finally:
        store.close()
