#!/usr/bin/env python3
"""BMN Field Desk command line. `python main.py` opens the review window; see --help for the rest.

Every capability that produces data or files is a sub-command here and in the GUI alike
(DESIGN.md §2); each sub-command lives in desktop/cli/<name>.py.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# PyThaiNLP writes a data folder in $HOME on import unless told not to; it needs none.
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

COMMANDS = ("gui", "demo", "import", "export", "info", "audit", "indicators", "report", "sync", "serve", "bundle", "corrections",
            "certify", "visits", "check", "backup", "pack")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="BMN Field Desk: review, correct, monitor and certify BMN (จปฐ.) household survey data offline.",
    )
    parser.add_argument("--lang", choices=("th", "en"), default=None, help="language of messages (default: th)")
    sub = parser.add_subparsers(dest="command")
    for name in COMMANDS:
        module = importlib.import_module(f"desktop.cli.{name.replace('import', 'importing')}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--lang"):
        argv.insert(0, "gui")
    if argv[:1] == ["--lang"] and len(argv) == 2:
        argv.append("gui")
    args = build_parser().parse_args(argv)
    from desktop import messages

    messages.set_language(args.lang or os.environ.get("BMN_LANG", "th"))
    if args.command is None:
        args = build_parser().parse_args(["gui", *argv])
    return run_guarded(args)


def _sigterm_unwinds() -> None:
    """SIGTERM (a shutdown, `kill`) unwinds like Ctrl-C: transactions roll back, part-files are removed."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def run_guarded(args: argparse.Namespace) -> int:
    """Run the sub-command: Ctrl-C is a clean "cancelled" (130); a store fault SQLite reported by code is
    its message; anything else is a bug, logged with its traceback and named by a short message."""
    from desktop import logs
    from desktop.cli import common
    from desktop.messages import msg
    from desktop.models.errors import UserError, from_sqlite

    logs.setup()
    _sigterm_unwinds()
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print(msg("cancelled"), file=sys.stderr)
        return 130
    except UserError as err:
        return common.fail(err)
    except Exception as err:  # noqa: BLE001 - the bug path: logged in full, shown short, never hidden
        path = logs.log_unexpected(err, where=f"main.py {args.command}")
        translated = from_sqlite(err)
        if isinstance(translated, UserError):
            return common.fail(translated)
        print(msg("unexpected_error", error=f"{type(err).__name__}: {err}", path=path), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
