"""`main.py import FILE...`: check household/member files and load them, all or nothing.

Exit status: 0 imported; 1 problems in the files (nothing imported) or a store error;
2 wrong passphrase; 130 interrupted (nothing imported).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import common
from desktop.messages import msg
from desktop.models.errors import Cancelled, UserError

SHOWN = 50  # problems printed; --report FILE has them all (up to the importer's cap)


def add_parser(sub) -> None:
    p = sub.add_parser("import", help="import household and member files (CSV or XLSX; see docs/import-format.md)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="household and member files (.csv or .xlsx)")
    common.add_db_option(p)
    p.add_argument("--year", type=int, default=None, help="survey year (พ.ศ.) the files must hold, e.g. 2567")
    p.add_argument("--report", type=Path, default=None, help="write every problem to this CSV file")
    p.add_argument("--replace-demo", action="store_true",
                   help="the store holds demo data: remove it first, then import (without it: refused)")
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages (default: th)")
    p.set_defaults(run=run)


def problem_line(p) -> str:
    if p.row is None and not p.column:
        return msg("imp_problem_file", file=p.file or "-", message=p.message)
    return msg("imp_problem_line", file=p.file or "-", row=p.row if p.row is not None else "-",
               column=p.column or "-", message=p.message)


def run(args) -> int:
    from desktop.importers import national

    try:
        store = common.open_store(args, create=True)
    except UserError as err:
        return common.fail(err)
    progress = common.TerminalProgress(msg("imp_progress"))
    try:
        _demo_first(store, args.replace_demo)
        result = national.import_files(store, args.files, year=args.year, progress=progress)
        year = _batch_year(store, result.summary.import_id) if result.ok else None
    except (Cancelled, KeyboardInterrupt):
        progress.done()
        print(msg("cancelled"), file=sys.stderr)
        return 130
    except UserError as err:
        progress.done()
        return common.fail(err)
    finally:
        store.close()
    progress.done()
    if args.report:
        national.write_problem_report(result.problems, args.report, total=result.problem_count)
    if result.ok:
        s = result.summary
        print(msg("imp_ok", households=s.households, members=s.members, villages=s.villages, replaced=s.replaced))
        print(msg("imp_batch", import_id=s.import_id, year=year))
        if getattr(s, "confirmed", 0) or getattr(s, "not_applied", 0):
            print(f"ยืนยันการแก้ไข {s.confirmed:,} รายการ, ยังไม่แก้ไข {s.not_applied:,} รายการ")
    else:
        print(msg("imp_failed", n=result.problem_count))
        for p in result.problems[:SHOWN]:
            print("  " + problem_line(p))
        if result.problem_count > SHOWN:
            print(msg("imp_more", n=result.problem_count - SHOWN))
    if args.report:
        print(msg("imp_report_written", path=args.report))
    return 0 if result.ok else 1


def _demo_first(store, replace: bool) -> None:
    """Real data does not go in beside demo data without asking: refused, or (--replace-demo) the demo goes first."""
    from desktop.models import demo_data
    from desktop.sync.feed_messages import msg as feed_msg

    with store.read() as conn:
        if not demo_data.is_demo(conn):
            return
    if not replace:
        raise UserError(feed_msg("demo_import_ask"))
    with store.begin() as conn:
        n = demo_data.remove(conn)
    print(feed_msg("demo_removed", n=n))


def _batch_year(store, import_id: int) -> int | None:
    from sqlalchemy import text

    with store.read() as conn:
        return conn.execute(text("SELECT survey_year FROM import_batch WHERE id = :i"), {"i": import_id}).scalar()
