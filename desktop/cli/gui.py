"""`main.py gui`: the review window (first start: the set-up wizard); --screenshot renders it to a PNG."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import common
from desktop.reports.model import KINDS


def add_parser(sub) -> None:
    p = sub.add_parser("gui", help="open the review window (the default command)")
    common.add_db_option(p)
    p.add_argument("--area", default=None, help="area code to open (2, 4, 6 or 8 digits; default: the officer's)")
    p.add_argument("--year", type=int, default=None, help="survey year in B.E. (default: the latest)")
    p.add_argument("--report", choices=KINDS, default=None, metavar="KIND",
                   help="open the reports tab on this report: " + ", ".join(KINDS))
    p.add_argument("--screenshot", type=Path, default=None, metavar="FILE.png",
                   help="render the window to a PNG (1366x768) and exit; works with QT_QPA_PLATFORM=offscreen")
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS,
                   help="language of the window (default: the saved setting, else Thai)")
    p.add_argument("--demo-if-empty", action="store_true",
                   help="with no store yet, the set-up wizard proposes the demo province (its default)")
    p.add_argument("--demo-households", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def run(args) -> int:
    from desktop.views import launch

    return launch.start(
        common.db_path(args), area=args.area, year=args.year, report=args.report, screenshot=args.screenshot,
        lang=getattr(args, "lang", None), demo_households=args.demo_households,
    )
