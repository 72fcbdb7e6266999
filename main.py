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

COMMANDS = ("gui", "demo", "import", "export", "info", "audit", "indicators", "report", "sync", "serve", "bundle", "corrections", "certify", "visits", "pack")


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
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
