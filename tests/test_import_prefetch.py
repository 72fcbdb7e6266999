"""Reading a large CSV file in a reader process (desktop/importers/prefetch.py) gives exactly what
reading it in the importing process gives: the same rows, the same problems, cancel and read errors
handled the same; the importing process then loads neither pandas nor pyarrow. prefetch.MIN_BYTES is
lowered so the small test files take that way."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.importers import national, prefetch
from desktop.models import db
from desktop.models.errors import Cancelled
from tests.conftest import PASSPHRASE
from tests import test_import_fastpath
from tests.test_import_fastpath import YEAR, broken_files, contents, copy_files, problems

exported = test_import_fastpath.exported  # the exported files fixture, shared (used by name)


class Spy:
    """Counts the reader processes started."""

    def __init__(self, monkeypatch):
        self.started = 0
        enter = prefetch.Reader.__enter__

        def counted(reader):
            self.started += 1
            return enter(reader)

        monkeypatch.setattr(prefetch.Reader, "__enter__", counted)


def load(tmp_path, name, paths, *, beside: bool, **kwargs):
    store = db.open_store(tmp_path / f"{name}.db", PASSPHRASE, create=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prefetch, "MIN_BYTES", 0 if beside else 1 << 62)
        spy = Spy(mp)
        try:
            result = national.import_files(store, paths, year=YEAR, **kwargs)
        except BaseException:
            store.close()
            raise
    return store, result, spy.started


def test_rows_read_beside_are_the_rows_read_here(exported, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "BATCH", 700)
    monkeypatch.setattr(prefetch, "CHUNK", 450)  # messages and write batches do not line up
    here_store, here, here_started = load(tmp_path, "here", list(exported), beside=False)
    beside_store, beside, started = load(tmp_path, "beside", list(exported), beside=True)
    try:
        assert here.ok and beside.ok, beside.problems[:3]
        assert (here_started, started) == (0, 2)  # one reader process per file
        assert (here.summary.households, here.summary.members) == (beside.summary.households, beside.summary.members)
        assert contents(here_store) == contents(beside_store)
    finally:
        here_store.close()
        beside_store.close()


def test_problems_found_beside_are_the_problems_found_here(exported, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "BATCH", 600)
    paths = broken_files(exported, tmp_path)
    here_store, here, _ = load(tmp_path, "here", paths, beside=False)
    beside_store, beside, started = load(tmp_path, "beside", paths, beside=True)
    try:
        assert started >= 1
        assert not beside.ok and beside.problem_count >= 9
        assert (beside.problem_count, problems(beside)) == (here.problem_count, problems(here))
        with beside_store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 0
    finally:
        here_store.close()
        beside_store.close()


def test_a_file_unreadable_part_way_is_reported_at_the_same_row(exported, tmp_path):
    households, members = copy_files(exported, tmp_path)
    data = members.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 1
    members.write_bytes(data[:cut] + b"\xff\xfe broken\n" + data[cut:])  # not UTF-8 from here on
    here_store, here, _ = load(tmp_path, "here", [households, members], beside=False)
    beside_store, beside, started = load(tmp_path, "beside", [households, members], beside=True)
    try:
        assert started == 2 and not beside.ok
        assert problems(beside) == problems(here)
    finally:
        here_store.close()
        beside_store.close()


def test_cancel_while_reading_beside_changes_nothing(exported, tmp_path, monkeypatch):
    monkeypatch.setattr(prefetch, "CHUNK", 300)
    calls = []
    with pytest.raises(Cancelled):
        load(tmp_path, "cancelled", list(exported), beside=True, cancel=lambda: len(calls) > 3 or calls.append(1))
    store = db.open_store(tmp_path / "cancelled.db", PASSPHRASE)
    try:
        with store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 0
    finally:
        store.close()


def test_the_importing_process_loads_no_pandas_when_a_reader_process_reads(exported, tmp_path):
    """pandas and pyarrow hold ~100 MB: in the reader process, gone before the indexes are built."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from desktop.importers import national, prefetch\n"
        "from desktop.models import db\n"
        "prefetch.MIN_BYTES = 0\n"
        f"store = db.open_store({str(tmp_path / 'light.db')!r}, {PASSPHRASE!r}, create=True)\n"
        f"result = national.import_files(store, {[str(p) for p in exported]!r}, year={YEAR})\n"
        "print(result.applied, prefetch.Reader.peak_kb > 0, sorted(m for m in ('pandas', 'pyarrow', 'numpy')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=prefetch._ROOT).stdout.strip()
    assert out == "True True []"


def test_answers_are_read_as_the_engine_reads_them():
    from desktop.importers import columns as C
    from desktop.models import engine

    assert C.DIGITS36 == engine.DIGITS36
    assert all(C.format_answer(ch) == engine.decode_count(ch) for ch in engine.DIGITS36)


def test_a_reader_process_killed_part_way_is_a_problem_and_changes_nothing(exported, tmp_path, monkeypatch):
    import os
    import signal

    from desktop.messages import msg

    monkeypatch.setattr(prefetch, "CHUNK", 300)
    original = prefetch.Reader._batches

    def killed_after_two(reader):
        for n, batch in enumerate(original(reader)):
            if n == 2:
                os.kill(reader.proc.pid, signal.SIGKILL)  # as kill -9, or the system out of memory, would
            yield batch

    monkeypatch.setattr(prefetch.Reader, "_batches", killed_after_two)
    store, result, started = load(tmp_path, "killed", list(exported), beside=True)
    try:
        assert started >= 1 and not result.ok
        assert [p.message for p in result.problems if p.row is None] == [
            msg("imp_reader_stopped", detail=f"exit {-signal.SIGKILL}")]
        with store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 0
    finally:
        store.close()


def test_a_windows_874_file_read_beside_loads_what_utf8_loads(exported, tmp_path):
    utf8_store, utf8, _ = load(tmp_path, "utf8", list(exported), beside=True)
    thai = copy_files(exported, tmp_path)
    for path in thai:
        path.write_bytes(path.read_text(encoding="utf-8-sig").encode("cp874"))
    cp874_store, cp874, started = load(tmp_path, "cp874", thai, beside=True)
    try:
        assert utf8.ok and cp874.ok and started == 2, cp874.problems[:3]
        assert contents(utf8_store) == contents(cp874_store)
    finally:
        utf8_store.close()
        cp874_store.close()
