"""A large area streams into hidden part-files in the chosen folder (flat memory), reads back the same as
the in-memory path, and never touches the system temp folder."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time

from openpyxl import load_workbook

from desktop.importers import export
from desktop.models import db
from tests.conftest import PASSPHRASE
from tests.store.helpers import ROOT, cli_env


def _export_both_ways(store, tmp_path, fmt, monkeypatch):
    written = {}
    for label, limit in (("memory", 10**9), ("stream", 10)):
        monkeypatch.setattr(export, "IN_MEMORY_HOUSEHOLDS", limit)
        folder = tmp_path / label
        folder.mkdir()
        result = export.write_area(store, "52", None, fmt, folder / f"out.{fmt}")
        assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in result.paths)  # nothing hidden left
        written[label] = result.paths
    return written


def test_streamed_exports_equal_the_in_memory_ones(demo_copy, tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    store = db.open_store(demo_copy, PASSPHRASE)
    try:
        (tmp_path / "csv").mkdir()
        (tmp_path / "xlsx").mkdir()
        csvs = _export_both_ways(store, tmp_path / "csv", "csv", monkeypatch)
        xlsxs = _export_both_ways(store, tmp_path / "xlsx", "xlsx", monkeypatch)
    finally:
        store.close()
    assert [p.read_bytes() for p in csvs["memory"]] == [p.read_bytes() for p in csvs["stream"]]
    books = [load_workbook(xlsxs[label][0], read_only=True) for label in ("memory", "stream")]
    for name in ("households", "members"):
        rows = [list(book[name].iter_rows(values_only=True)) for book in books]
        assert rows[0] == rows[1] and len(rows[0]) > 300
    assert list(temp.iterdir()) == []


KILLABLE = """
import sys
import main
from desktop.importers import export
export.IN_MEMORY_HOUSEHOLDS = 10
sys.exit(main.main(sys.argv[1:]))
"""


def test_a_killed_streaming_export_leaves_only_hidden_files_in_the_chosen_folder(demo_master, tmp_path):
    temp, out = tmp_path / "tmp", tmp_path / "out"
    temp.mkdir()
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", KILLABLE, "export", "--db", str(demo_master), "--area", "52",
                             "--format", "xlsx", "--out", str(out / "x.xlsx")], cwd=ROOT,
                            env=cli_env(tmp_path, TMPDIR=str(temp)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    while proc.poll() is None and not any(out.iterdir()):
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert list(temp.iterdir()) == []
    assert all(p.name.startswith(".") or p.name == "x.xlsx" for p in out.iterdir())
