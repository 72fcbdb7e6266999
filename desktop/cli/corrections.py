"""`main.py corrections list --area CODE [--from D] [--to D] --format pdf|xlsx --out FILE`: issue a correction
notice (หนังสือแจ้งแก้ไขข้อมูล จปฐ.) and mark its corrections sent; `main.py corrections show --household ID`:
a household's corrections and history. Exit codes: 0 done, 1 a user error (message on stderr)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop import messages
from desktop.cli import common
from desktop.messages import msg

messages.register({
    "corr_cli_format": ("ระบุรูปแบบไฟล์ --format pdf หรือ xlsx", "Give the file format: --format pdf or xlsx."),
    "corr_cli_bad_date": ("วันที่ '{value}' ไม่ถูกต้อง (ใช้ YYYY-MM-DD)", "Date '{value}' is not valid (use YYYY-MM-DD)."),
    "corr_cli_issued": ("ออกหนังสือที่ {ref_no}: {n:,} รายการ ไปที่ {path}",
                        "Notice {ref_no} issued: corrections {n:,}, written to {path}"),
    "corr_cli_personal": ("ไฟล์นี้มีข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล",
                          "This file holds personal data: keep it safe under the PDPA."),
    "corr_cli_no_household": ("ไม่พบครัวเรือนรหัส {id}", "No household {id}."),
    "corr_cli_count": ("การแก้ไขของครัวเรือน {id}: {n} รายการ", "Corrections of household {id}: {n}"),
    "corr_cli_member": ("สมาชิก {seq}", "member {seq}"),
    "corr_cli_history": ("ประวัติ:", "History:"),
    "corr_cli_import": ("นำเข้า ฉบับที่ {version}", "imported, version {version}"),
    "corr_cli_correct": ("แก้ไข", "corrected"),
    "corr_cli_revert": ("ยกเลิกการแก้ไข", "correction reverted"),
    "corr_cli_status": ("สถานะ {status}", "status {status}"),
})


def add_parser(sub) -> None:
    p = sub.add_parser("corrections", help="corrections: issue a correction notice, show a household's corrections")
    actions = p.add_subparsers(dest="action", required=True)
    lst = actions.add_parser("list", help="issue the notice of an area's unsent corrections (marks them sent)")
    lst.add_argument("--area", required=True, help="area code (2, 4, 6 or 8 digits)")
    lst.add_argument("--from", dest="date_from", default=None, help="recorded on or after YYYY-MM-DD")
    lst.add_argument("--to", dest="date_to", default=None, help="recorded on or before YYYY-MM-DD")
    lst.add_argument("--format", choices=("pdf", "xlsx"), default=None, help="default: from the --out suffix")
    lst.add_argument("--out", type=Path, required=True)
    lst.add_argument("--arabic-digits", action="store_true", help="PDF: print numbers in Arabic digits")
    common.add_db_option(lst)
    lst.set_defaults(run=run_list)
    show = actions.add_parser("show", help="a household's corrections and history")
    show.add_argument("--household", type=int, required=True, help="household id")
    common.add_db_option(show)
    show.set_defaults(run=run_show)
    for q in (lst, show):
        q.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages")


def run_list(args) -> int:
    import datetime as dt

    from desktop.models.errors import UserError

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        return common.fail(UserError(msg("corr_cli_format")))
    for value in (args.date_from, args.date_to):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return common.fail(UserError(msg("corr_cli_bad_date", value=value)))

    def work(store) -> int:
        from desktop.models import correction_lists
        from desktop.reports import correction_notice

        with store.begin() as conn:
            issued = correction_lists.issue_list(conn, args.area, args.date_from, args.date_to)
            if fmt == "pdf":  # written inside the transaction: a failed write leaves nothing marked sent
                correction_notice.render_notice_pdf(issued, args.out, thai_digits=not args.arabic_digits)
            else:
                correction_notice.write_xlsx(issued, args.out)
        print(msg("corr_cli_issued", ref_no=issued.ref_no, n=len(issued.items), path=args.out))
        print(msg("corr_cli_personal"))
        return 0

    return common.with_store(args, work)


def run_show(args) -> int:
    def work(store) -> int:
        from desktop.models import corrections
        from desktop.models.errors import UserError

        with store.read() as conn:
            states = corrections.corrections_of(conn, args.household)
            entries = corrections.history(conn, args.household)
        if not entries:
            return common.fail(UserError(msg("corr_cli_no_household", id=args.household)))
        print(msg("corr_cli_count", id=args.household, n=len(states)))
        for s in states:
            who = " " + msg("corr_cli_member", seq=s.member_seq) if s.member_seq is not None else ""
            print(f"  [{corrections.STATUS_LABELS[s.status]}] {s.created_at[:10]}{who} {s.label}: {s.old_value!r} -> "
                  f"{s.new_value!r} ({s.reason})")
        print(msg("corr_cli_history"))
        for e in entries:
            officer = json.loads(e.officer or "{}").get("name", "")
            head = {"import": msg("corr_cli_import", version=e.version), "correct": msg("corr_cli_correct"),
                    "revert": msg("corr_cli_revert"),
                    "status": msg("corr_cli_status", status=corrections.STATUS_LABELS.get(e.status, e.status))}[e.kind]
            print(f"  {e.at[:19]} {head} {officer} {e.reason}".rstrip())
            for d in e.diffs:
                who = msg("corr_cli_member", seq=d.member_seq) + " " if d.member_seq is not None else ""
                print(f"      {who}{d.label}: {d.before!r} -> {d.after!r}")
        return 0

    return common.with_store(args, work)
