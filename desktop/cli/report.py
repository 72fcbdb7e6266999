"""`main.py report KIND --area CODE [--year Y] --format pdf|xlsx|csv --out FILE`: one review report.

KIND: population, indicators, income, failing-income. `--by lao`: a district's (province's, tambon's)
child areas are its อปท. instead of its tambons. CODE: a province (2 digits), district (4),
tambon (6) or village (8) code, or an อปท. code. The year defaults to the latest in the store; the
format to the --out suffix. Writing the failing-income list (personal data) is audited.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import common
from desktop.messages import language
from desktop.reports.model import KINDS


def add_parser(sub) -> None:
    p = sub.add_parser("report", help="write a review report (population, indicators, income, failing-income)")
    p.add_argument("kind", choices=KINDS, help="which report")
    p.add_argument("--area", required=True, help="province (2 digits), district (4), tambon (6), village (8) or อปท. code")
    p.add_argument("--year", type=int, default=None, help="survey year (พ.ศ.; default: the latest in the store)")
    p.add_argument("--format", choices=("pdf", "xlsx", "csv"), default=None, help="default: from the --out suffix")
    p.add_argument("--out", type=Path, required=True, help="output file")
    p.add_argument("--thai-digits", action="store_true", help="PDF: print numbers in Thai digits")
    p.add_argument("--as-corrected", action="store_true", help="apply the recorded corrections (ฉบับแก้ไขแล้ว)")
    p.add_argument("--by", choices=("tambon", "lao"), default="tambon",
                   help="district/province reports: child areas by tambon (default) or by อปท. (lao)")
    p.add_argument("--age-groups", default=None, help="population: e.g. 0-5,6-12,13-18,19-25,26-49,50-59,60-")
    common.add_db_option(p)
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages (default: th)")
    p.set_defaults(run=run)


def run(args) -> int:
    from desktop.models.errors import UserError
    from desktop.reports import builders, files, population

    try:  # mistakes in the options are reported before the store is opened
        fmt = files.format_for(args.out, args.format)
        groups = population.parse_age_groups(args.age_groups) if args.age_groups else None
    except UserError as err:
        return common.fail(err)

    def work(store) -> int:
        with store.read() as conn:
            report = builders.build(conn, args.kind, args.area, args.year, age_groups=groups,
                                    as_corrected=getattr(args, "as_corrected", False), by=args.by)
        path = files.write(store, report, fmt, args.out, thai_digits=args.thai_digits)
        rows = sum(1 for t in report.tables for k in t.row_kinds if k == "data")
        if language() == "en":
            print(f"Wrote {report.title_en}, area {report.area_code}, survey year {report.survey_year}"
                  f" ({rows:,} rows) to {path}")
        else:
            print(f"เขียน{report.title} {builders.area_description(report.area_path)} ปีสำรวจ {report.survey_year}"
                  f" ({rows:,} แถว) ไปที่ {path}")
        if report.personal_data:
            print("ไฟล์นี้มีข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล" if language() != "en"
                  else "This file holds personal data: keep it safe under the PDPA.")
        return 0

    return common.with_store(args, work)
