"""A bug in a command is logged with its traceback and named by a short Thai message with the log's path;
the window refuses to open a store a command is using."""

from __future__ import annotations

import subprocess
import sys
import time

from tests.conftest import PASSPHRASE
from tests.store.helpers import ROOT, cli_env, run_cli

BUGGY = """
import sys
import main
from desktop.cli import info

def broken(store):
    raise RuntimeError("a bug in summary")

info.summary = broken
sys.exit(main.main(sys.argv[1:]))
"""


def test_an_unexpected_error_in_a_command_is_logged_and_named_briefly(demo_copy, tmp_path):
    done = subprocess.run([sys.executable, "-c", BUGGY, "info", "--db", str(demo_copy)], cwd=ROOT,
                          env=cli_env(tmp_path), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1
    assert "ข้อผิดพลาดในโปรแกรมที่ไม่คาดคิด" in done.stderr and "Traceback" not in done.stderr
    log = tmp_path / "xdg" / "bmn-field-desk" / "logs" / "bmn-field-desk.log"
    assert str(log) in done.stderr
    logged = log.read_text(encoding="utf-8")
    assert "RuntimeError: a bug in summary" in logged and "def broken" not in logged and "in broken" in logged


def test_the_window_refuses_a_store_a_command_is_using(demo_copy, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from desktop.models import db;"
         f"s = db.open_store(sys.argv[1], {PASSPHRASE!r}); print('open', flush=True); time.sleep(60)", str(demo_copy)],
        cwd=ROOT, env=cli_env(tmp_path), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        started = time.monotonic()
        done = run_cli(tmp_path, "gui", "--db", str(demo_copy), "--screenshot", str(tmp_path / "shot.png"),
                       QT_QPA_PLATFORM="offscreen")
        assert done.returncode == 1
        assert "กำลังถูกใช้โดยคำสั่งอื่น" in done.stderr
        assert time.monotonic() - started < 60
        assert not (tmp_path / "shot.png").exists()
    finally:
        holder.kill()
        holder.wait()


def test_the_window_checks_after_an_unclean_shutdown_and_clears_the_marker(demo_copy, tmp_path):
    from desktop.models import store_files

    store_files.marker_path(demo_copy).write_text("1")  # the last window was killed
    done = run_cli(tmp_path, "gui", "--db", str(demo_copy), "--screenshot", str(tmp_path / "shot.png"),
                   QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "shot.png").exists()
    assert not store_files.marker_path(demo_copy).exists()
