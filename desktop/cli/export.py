"""`main.py export --area CODE --format csv|xlsx --out FILE`: an area's households in the import format.

CSV writes FILE (households) and FILE-stem + "-members.csv"; XLSX one workbook with the sheets
"households" and "members". The export is recorded in the audit log (personal data).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import common
from desktop.messages import msg
from desktop.models.errors import UserError


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="export an area's households and members in the import format")
    p.add_argument("--area", required=True, help="province (2 digits), district (4), tambon (6) or village (8) code")
    p.add_argument("--year", type=int, default=None, help="survey year (พ.ศ.; default: the latest in the store)")
    p.add_argument("--format", choices=("csv", "xlsx"), default=None, help="default: from the --out suffix, else csv")
    p.add_argument("--out", type=Path, required=True, help="output file (CSV: the household file)")
    common.add_db_option(p)
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages (default: th)")
    p.set_defaults(run=run)


def run(args) -> int:
    from desktop.importers import export

    fmt = args.format or ("xlsx" if args.out.suffix.lower() == ".xlsx" else "csv")
    try:
        store = common.open_store(args)
    except UserError as err:
        return common.fail(err)
    try:
        result = export.write_area(store, args.area, args.year, fmt, args.out)
    except UserError as err:
        return common.fail(err)
    finally:
        store.close()
    print(msg("exp_done", households=result.households, members=result.members,
              paths=", ".join(str(p) for p in result.paths)))
    return 0
