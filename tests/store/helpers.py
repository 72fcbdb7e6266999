"""Shared by the store-fault tests: run main.py in another process, see this process's locks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, BMN_DB_PASSPHRASE=PASSPHRASE, XDG_DATA_HOME=str(tmp_path / "xdg"), PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


def run_cli(tmp_path: Path, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=cli_env(tmp_path, **extra),
                          capture_output=True, text=True, timeout=timeout)


def locks_held_on(path: Path, pid: int | None = None) -> list[str]:
    """This process's POSIX/flock locks on the file at path, from /proc/locks."""
    pid = pid or os.getpid()
    st = os.stat(path)
    inode = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    with open("/proc/locks", encoding="ascii") as f:
        return [line.split(":", 1)[1].strip() for line in f if f" {pid} " in line and inode in line]


def wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")
