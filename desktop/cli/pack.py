"""`main.py pack --area CODE [--year Y] --out FILE.pdf [--xlsx FILE.xlsx] [--pptx FILE.pptx]`: the meeting
pack of an area (desktop/reports/meeting_pack.py): cover, summary, the four reports of the area and of each
child area (tambons and อปท. of a district, districts of a province), and the attendance sheet.

--meeting, --date (YYYY-MM-DD, printed in พ.ศ.) and --place fill the cover; --without-lists leaves the
lists of households failing the income indicator out (their count stays in the summary). A pack with the
lists is personal data: writing it is audited. Exit codes: 0 written, 1 a user error (message on stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.cli import common
from desktop import messages
from desktop.messages import language

messages.register({
    "pack_bad_date": ("วันที่ประชุม '{value}' ไม่ถูกต้อง (ใช้ ปปปป-ดด-วว ค.ศ. เช่น 2024-07-15)",
                 "Meeting date '{value}' is invalid (use YYYY-MM-DD, e.g. 2024-07-15)."),
    "pack_bad_suffix": ("ไฟล์ {option} ต้องลงท้ายด้วย {suffix}", "The {option} file must end in {suffix}."),
    "pack_progress": ("สร้างชุดเอกสารประชุม", "Building the meeting pack"),
})


def add_parser(sub) -> None:
    p = sub.add_parser("pack", help="write the meeting pack of an area (PDF, optionally XLSX and PPTX)")
    p.add_argument("--area", required=True, help="province (2 digits), district (4), tambon (6) or อปท. code")
    p.add_argument("--year", type=int, default=None, help="survey year (พ.ศ.; default: the latest in the store)")
    p.add_argument("--out", type=Path, required=True, help="the pack as one PDF")
    p.add_argument("--xlsx", type=Path, default=None, help="also the pack as one XLSX (a sheet per report)")
    p.add_argument("--pptx", type=Path, default=None, help="also the slides (one per chart and summary)")
    p.add_argument("--meeting", default="", help="meeting title on the cover (default: the working group's)")
    p.add_argument("--date", default=None, help="meeting date, YYYY-MM-DD (default: today)")
    p.add_argument("--place", default="", help="meeting place on the cover")
    p.add_argument("--without-lists", action="store_true", help="leave out the household lists (personal data)")
    p.add_argument("--thai-digits", action="store_true", help="PDF: numbers in Thai digits")
    common.add_db_option(p)
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages (default: th)")
    p.set_defaults(run=run)


def outputs(args) -> dict[str, Path]:
    from desktop.models.errors import UserError

    found = {"pdf": args.out, "xlsx": args.xlsx, "pptx": args.pptx}
    for fmt, path in found.items():
        if path is not None and path.suffix.lower() != f".{fmt}":
            raise UserError(messages.msg("pack_bad_suffix", option="--out" if fmt == "pdf" else f"--{fmt}", suffix=f".{fmt}"))
    return {fmt: path for fmt, path in found.items() if path is not None}


def meeting_date(value: str | None) -> dt.date | None:
    from desktop.models.errors import UserError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(messages.msg("pack_bad_date", value=value)) from None


def certification_status(conn, code: str, year: int) -> str:
    from desktop.certify import certification
    from desktop.reports.meeting_pack import status_text

    return status_text(certification.active(conn, code, year))


def run(args) -> int:
    from desktop.models.errors import UserError
    from desktop.reports import meeting_pack, pack_files

    try:
        files = outputs(args)
        meeting = meeting_pack.Meeting(args.meeting, meeting_date(args.date), args.place)
    except UserError as err:
        return common.fail(err)

    def work(store) -> int:
        progress = common.TerminalProgress(messages.msg("pack_progress"))
        with store.read() as conn:
            pack = meeting_pack.build(conn, args.area, args.year, meeting=meeting, status_of=certification_status,
                                      lists=not args.without_lists, progress=progress)
        written = pack_files.write(store, pack, files, thai_digits=args.thai_digits, progress=progress)
        progress.done()
        reports = sum(1 for _ in pack.reports())
        for path in written:
            print(f"Wrote the meeting pack of {pack.area_code} ({reports} reports) to {path}" if language() == "en"
                  else f"เขียนชุดเอกสารประชุม {pack.area_name} ปีสำรวจ {pack.year} ({reports} รายงาน) ไปที่ {path}")
        if pack.personal_data:
            print("ไฟล์นี้มีข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล" if language() != "en"
                  else "This file holds personal data: keep it safe under the PDPA.", file=sys.stdout)
        return 0

    return common.with_store(args, work)
