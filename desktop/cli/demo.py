"""`main.py demo`: fill the store with a synthetic demo province (real districts, made-up people)."""

from __future__ import annotations

import sys
import time

from desktop.cli import common
from desktop.messages import language, msg
from desktop.models import areas
from desktop.models.errors import Cancelled, UserError

_DONE = (
    "สร้างข้อมูลตัวอย่าง จังหวัด{name}: {households:,} ครัวเรือน {members:,} คน {villages:,} หมู่บ้าน"
    " ใน {seconds:.1f} วินาที",
    "Created demo data for {name} province: {households:,} households, {members:,} people, {villages:,} villages"
    " in {seconds:.1f} s",
)
_PROGRESS = ("สร้างข้อมูลตัวอย่าง (ครัวเรือน)", "Creating demo households")


def add_parser(sub) -> None:
    p = sub.add_parser("demo", help="create a synthetic demo province (replaces its earlier demo villages)")
    common.add_db_option(p)
    p.add_argument("--province", default="52", help="2-digit province code (default: 52, Lampang)")
    size = p.add_mutually_exclusive_group()
    size.add_argument("--districts", type=int, metavar="N",
                      help="the first N districts of the province, about 15,000 households each")
    size.add_argument("--households", type=int, metavar="N",
                      help="exactly N households spread over all the province's districts")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data (default: 1)")
    p.add_argument("--year", type=int, default=2567, help="survey year in B.E. (default: 2567)")
    p.add_argument("--remove", action="store_true", help="remove the demo data from the store (real data stays)")
    p.set_defaults(run=run)


def _remove(store) -> int:
    from desktop.models import demo_data
    from desktop.sync.feed_messages import msg as feed_msg

    with store.begin() as conn:
        if not demo_data.is_demo(conn):
            print(feed_msg("demo_none"))
            return 0
        n = demo_data.remove(conn)
    print(feed_msg("demo_removed", n=n))
    return 0


def run(args) -> int:
    from desktop.importers import demo

    if args.remove:
        return common.with_store(args, _remove)
    english = language() == "en"
    try:
        store = common.open_store(args, create=True)
    except UserError as err:
        return common.fail(err)
    progress = common.TerminalProgress(_PROGRESS[english])
    started = time.perf_counter()
    try:
        summary = demo.generate(store, province=args.province, households=args.households, districts=args.districts,
                                seed=args.seed, year=args.year, progress=progress)
        seconds = time.perf_counter() - started
        with store.read() as conn:
            node = next((n for n in areas.tree(conn, args.year) if n.code == args.province), None)
    except UserError as err:
        progress.done()
        return common.fail(err)
    except (Cancelled, KeyboardInterrupt):
        progress.done()
        print(msg("cancelled"), file=sys.stderr)
        return 130
    finally:
        store.close()
    progress.done()
    name = node.name("en" if english else "th") if node else args.province
    print(_DONE[english].format(name=name, households=summary.households, members=summary.members,
                                villages=summary.villages, seconds=seconds))
    return 0
