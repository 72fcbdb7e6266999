"""The bug path outside Qt: a rotating log file in the user data folder and faulthandler.

`setup()` is called once by main.py; `log_unexpected(err)` records a traceback and returns the log
path to name in the short message a person sees. A crash in C code (Qt, SQLite) still leaves a
Python stack in `faults.log` beside it (faulthandler). No personal data is logged on purpose: the
log holds tracebacks and store paths, not rows.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from typing import Any

LOG_NAME = "bmn-field-desk.log"
FAULT_NAME = "faults.log"
MAX_BYTES, BACKUPS = 1_000_000, 3

log = logging.getLogger("bmn")
_state: dict[str, Any] = {}


def log_dir() -> Path:
    from desktop.paths import user_data_dir

    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup() -> Path:
    """Log to a rotating file (once per process) and dump fatal-error stacks to faults.log."""
    path = log_path()
    if _state.get("path") == path:
        return path
    _close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    faults = open(path.with_name(FAULT_NAME), "a", encoding="utf-8")  # kept open for faulthandler
    faulthandler.enable(faults, all_threads=True)
    _state.update(path=path, faults=faults, handler=handler)
    threading.excepthook = _thread_excepthook
    return path


def _close() -> None:
    """Drop an earlier set-up (the user data folder changed: tests)."""
    handler = _state.pop("handler", None)
    if handler is not None:
        log.removeHandler(handler)
        handler.close()
    faults = _state.pop("faults", None)
    if faults is not None:
        faulthandler.disable()
        faults.close()
    _state.pop("path", None)


def log_unexpected(err: BaseException, where: str = "") -> Path:
    """Write err's traceback to the log; returns the log file's path."""
    path = setup()
    log.error("unexpected error%s", f" in {where}" if where else "", exc_info=(type(err), err, err.__traceback__))
    for handler in log.handlers:
        handler.flush()
    return path


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None and not isinstance(args.exc_value, SystemExit):
        log_unexpected(args.exc_value, where=f"thread {args.thread.name if args.thread else '?'}")
    sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)  # type: ignore[arg-type]
