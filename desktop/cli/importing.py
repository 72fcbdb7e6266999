"""`main.py import FILE...`: check household/member files and load them, all or nothing.

Exit status: 0 imported, previewed (--preview) or nothing to change; 1 problems in the files
(nothing imported) or a store error; 2 wrong passphrase; 3 new villages wait for
--allow-new-villages or unusual values (warnings) wait for --accept-warnings (nothing imported);
130 interrupted (nothing imported).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import common
from desktop.importers import limits
from desktop.messages import msg
from desktop.models.errors import Cancelled, UserError

SHOWN = 50  # problems printed; --report FILE has them all (up to the importer's cap)


def add_parser(sub) -> None:
    p = sub.add_parser("import", help="import household and member files (CSV or XLSX; see docs/import-format.md)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="household and member files (.csv or .xlsx)")
    common.add_db_option(p)
    p.add_argument("--year", type=int, default=None, help="survey year (พ.ศ.) the files must hold, e.g. 2567")
    p.add_argument("--report", type=Path, default=None, help="write every problem to this CSV file")
    p.add_argument("--preview", action="store_true",
                   help="print per village what the import would add, change and leave out; change nothing")
    p.add_argument("--whole-village", action="store_true",
                   help="the files hold whole villages: households of their villages not in the files move to history"
                        " (by default they are kept)")
    p.add_argument("--mapping", type=Path, action="append", default=[], metavar="PROFILE.json",
                   help="a column mapping profile for files with other headers (docs/import-format.md);"
                        " profiles saved by the import window are used without this option")
    p.add_argument("--propose-mapping", type=Path, default=None, metavar="PROFILE.json",
                   help="write the mapping the app proposes for the first file's header to this file, to check"
                        " and edit, then import with --mapping; imports nothing")
    p.add_argument("--allow-new-villages", action="store_true",
                   help="confirm villages the store does not know yet (by default they stop the import)")
    p.add_argument("--accept-warnings", action="store_true",
                   help=f"confirm the unusual values listed as warnings (an age over {limits.WARN_AGE}, more than"
                        f" {limits.WARN_MEMBERS} members, a yearly income over {limits.WARN_INCOME:,} baht);"
                        " by default they stop the import")
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
    from desktop.importers import mapping, national

    if args.propose_mapping:
        return _propose(args.files[0], args.propose_mapping)
    try:
        given = [mapping.Profile.from_json(path.read_text(encoding="utf-8")) for path in args.mapping]
    except (OSError, ValueError) as err:
        return common.fail(UserError(msg("imp_bad_mapping", path=args.mapping, error=err)))
    saved = mapping.load_profiles(mapping.profile_dir())
    try:
        store = common.open_store(args, create=True)
    except UserError as err:
        return common.fail(err)
    progress = common.TerminalProgress(msg("imp_progress"))
    try:
        if not args.preview:
            _demo_first(store, args.replace_demo)
        choices = national.Choices(preview=args.preview, whole_villages=args.whole_village,
                                   allow_new_villages=args.allow_new_villages,
                                   accept_warnings=args.accept_warnings)
        result = national.import_files(store, args.files, year=args.year, progress=progress, choices=choices,
                                       mappings=given, saved_mappings=saved)
        year = _batch_year(store, result.summary.import_id) if result.applied else None
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
        national.write_problem_report(result.problems, args.report, total=result.problem_count,
                                      warnings=result.warnings)
    if result.ok:
        code = _print_outcome(result, args, year)
    else:
        code = 1
        print(msg("imp_failed", n=result.problem_count))
        for p in result.problems[:SHOWN]:
            print("  " + problem_line(p))
        if result.problem_count > SHOWN:
            print(msg("imp_more", n=result.problem_count - SHOWN))
        _print_warnings(result)
    if args.report:
        print(msg("imp_report_written", path=args.report))
    return code


def _propose(path: Path, out: Path) -> int:
    from desktop.importers import mapping, readers

    head = readers.head_rows(path)
    guess = mapping.best_guess(head) if head else None
    if guess is None:
        print(msg("imp_unknown_layout", n=len(head)), file=sys.stderr)
        return 1
    header, kind, proposal = guess
    profile = mapping.profile_from(path.stem, kind, header.labels, proposal)
    out.write_text(profile.to_json(), encoding="utf-8")
    print(msg("imp_mapping_proposed", path=out, n=len(proposal), total=len([c for c in header.labels if c])))
    return 0


def _print_outcome(result, args, year: int | None) -> int:
    from desktop.importers import preview

    s = result.summary
    if not result.applied:
        if args.preview or result.needs_confirmation:
            print("\n".join(preview.preview_lines(result)))
        _print_warnings(result)
        if result.needs_confirmation and not args.preview:
            if result.new_villages:
                print(msg("imp_new_villages", n=len(result.new_villages), codes=", ".join(result.new_villages)))
            if result.waiting_warnings:
                print(msg("imp_warnings_confirm"))
            return 3
        if args.preview and result.waiting_warnings:
            print(msg("imp_warnings_confirm"))
        if not args.preview:
            print(msg("imp_nothing_changed", n=s.households))
        return 0
    t = preview.totals(preview.plan_rows(result))
    print(msg("imp_ok_plan", villages=s.villages, members=s.members, **t))
    if t["missing"]:
        print("\n".join(line for line in preview.preview_lines(result)[1:]))
    print(msg("imp_batch", import_id=s.import_id, year=year))
    if result.warning_count:
        print(msg("imp_warnings_accepted", n=result.warning_count))
    if s.confirmed or s.not_applied:
        print(msg("imp_reconciled", confirmed=s.confirmed, not_applied=s.not_applied))
    return 0


def _print_warnings(result) -> None:
    """The unusual values, like problems: file, row, column and what to check (the first SHOWN)."""
    if not result.warning_count:
        return
    print(msg("imp_warnings_head", n=result.warning_count))
    for w in result.warnings[:SHOWN]:
        print("  " + problem_line(w))
    if result.warning_count > SHOWN:
        print(msg("imp_warnings_more", n=result.warning_count - SHOWN))


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
