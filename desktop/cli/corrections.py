"""The `corrections` command. Exit codes: 0 done, 1 a user error (message on stderr).

    main.py corrections list --area CODE [--from D] [--to D] --out FILE [--format pdf|xlsx]
                             [--letter-no "ลป 0019.1/ว 123"] [--office NAME] [--signer NAME] [--position TEXT]
        issue the correction notice (หนังสือแจ้งแก้ไขข้อมูล จปฐ.: one official letter per tambon/อปท. working
        group) of the area's unsent corrections, mark them sent, write it as PDF or XLSX;
    main.py corrections notice --list
        every issued notice with where its corrections stand now (sent, confirmed, not applied);
    main.py corrections notice --ref REF --out FILE [--format pdf|xlsx] [--letter-no ...]
        print an issued notice again (PDF or XLSX, any number of times) with each correction's status;
    main.py corrections show --household ID
        a household's corrections and history.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.cli import common


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
    _letter_options(lst)
    common.add_db_option(lst)
    lst.set_defaults(run=run_list)
    notice = actions.add_parser("notice", help="list issued notices, or print one again (PDF or XLSX) with its status")
    which = notice.add_mutually_exclusive_group(required=True)
    which.add_argument("--list", action="store_true", help="every issued notice with its status tally")
    which.add_argument("--ref", help="the notice's reference number (จปฐ. 52/2569/0001) or uuid")
    notice.add_argument("--format", choices=("pdf", "xlsx"), default=None, help="default: from the --out suffix")
    notice.add_argument("--out", type=Path, default=None)
    notice.add_argument("--arabic-digits", action="store_true", help="PDF: print numbers in Arabic digits")
    _letter_options(notice)
    common.add_db_option(notice)
    notice.set_defaults(run=run_notice)
    show = actions.add_parser("show", help="a household's corrections and history")
    show.add_argument("--household", type=int, required=True, help="household id")
    common.add_db_option(show)
    show.set_defaults(run=run_show)
    for q in (lst, notice, show):
        q.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages")


def _letter_options(p) -> None:
    p.add_argument("--letter-no", default=None, help="the office's own letter number (ที่), printed as typed")
    p.add_argument("--office", default=None, help="the sending office (ส่วนราชการ); default: from the area")
    p.add_argument("--office-address", default=None, help="its address (lines separated by '|')")
    p.add_argument("--phone", default=None, help="the office's telephone number")
    p.add_argument("--signer", default=None, help="who signs (default: the officer profile's name)")
    p.add_argument("--position", default=None, help="the signer's position (default: the profile's)")


def _details(args, base):
    from desktop.models import correction_letters

    address = args.office_address.replace("|", "\n") if args.office_address else None
    return correction_letters.with_details(base, letter_no=args.letter_no, office=args.office,
                                           office_address=address, phone=args.phone, signer=args.signer,
                                           position=args.position)


def _format(args):
    from desktop.models.errors import UserError

    fmt = args.format or (args.out.suffix.lower().lstrip(".") if args.out else "")
    if fmt not in ("pdf", "xlsx"):
        raise UserError("ระบุรูปแบบไฟล์ --format pdf หรือ xlsx")
    return fmt


def _write(letters, fmt: str, out: Path, arabic: bool) -> None:
    from desktop.reports import correction_notice

    if fmt == "pdf":
        correction_notice.render_notice_pdf(letters, out, thai_digits=not arabic)
    else:
        correction_notice.write_xlsx(letters, out)


def run_list(args) -> int:
    import datetime as dt

    from desktop.models.errors import UserError

    try:
        fmt = _format(args)
    except UserError as err:
        return common.fail(err)
    for value in (args.date_from, args.date_to):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return common.fail(UserError(f"วันที่ '{value}' ไม่ถูกต้อง (ใช้ YYYY-MM-DD)"))

    def work(store) -> int:
        from desktop.models import correction_letters, correction_lists
        from desktop.reports import correction_notice

        with store.begin() as conn:
            issued = correction_lists.issue_list(conn, args.area, args.date_from, args.date_to)
            details = _details(args, correction_letters.details_of(conn, issued))
            correction_letters.save_details(conn, issued.uuid, details)
            letters = correction_notice.prepare(conn, issued, details=details)
            # written inside the transaction: a failed write leaves nothing marked sent
            _write(letters, fmt, args.out, args.arabic_digits)
        print(f"ออกรายการที่ {issued.ref_no}: {len(issued.items):,} รายการ หนังสือ {len(letters.recipients):,} ฉบับ"
              f" ({', '.join(r.name for r in letters.recipients)}) ไปที่ {args.out}")
        print("ไฟล์นี้มีข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล")
        return 0

    return common.with_store(args, work)


def run_notice(args) -> int:
    from desktop.models.errors import UserError

    if args.list:
        return common.with_store(args, _print_notices)
    if args.out is None:
        return common.fail(UserError("ระบุไฟล์ที่จะเขียนด้วย --out"))
    try:
        fmt = _format(args)
    except UserError as err:
        return common.fail(err)

    def work(store) -> int:
        from desktop.models import audit, correction_letters
        from desktop.reports import correction_notice

        with store.begin() as conn:
            the_list = correction_letters.find(conn, args.ref)
            details = _details(args, correction_letters.details_of(conn, the_list))
            if args.letter_no is not None:  # a number filled in later is kept for the next reprint
                correction_letters.save_details(conn, the_list.uuid, details)
            letters = correction_notice.prepare(conn, the_list, details=details, with_status=True)
            audit.append(conn, "correction.notice", target=the_list.area_code,
                         detail={"uuid": the_list.uuid, "ref_no": the_list.ref_no, "format": fmt,
                                 "file": args.out.name})
            _write(letters, fmt, args.out, args.arabic_digits)
        t = letters.tally
        print(f"พิมพ์รายการที่ {the_list.ref_no} อีกครั้ง ไปที่ {args.out}: ส่งแจ้งแล้ว {t.sent:,}"
              f" ยืนยันแล้ว {t.confirmed:,} ยังไม่แก้ไข {t.not_applied:,}")
        print("ไฟล์นี้มีข้อมูลส่วนบุคคล: เก็บรักษาตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล")
        return 0

    return common.with_store(args, work)


def _print_notices(store) -> int:
    from desktop.models import correction_letters

    with store.read() as conn:
        found = [(cl, correction_letters.details_of(conn, cl), correction_letters.tally(conn, cl))
                 for cl in correction_letters.issued(conn)]
    if not found:
        print("ยังไม่มีหนังสือแจ้งแก้ไขข้อมูล")
    for cl, details, t in found:
        print(f"{cl.ref_no}  {cl.issued_at}  พื้นที่ {cl.area_code} {cl.area_name}  ที่ {details.letter_no or '-'}"
              f"  {len(cl.items):,} รายการ: ส่งแจ้งแล้ว {t.sent:,} ยืนยันแล้ว {t.confirmed:,}"
              f" ยังไม่แก้ไข {t.not_applied:,}" + (f" ยกเลิก {t.reverted:,}" if t.reverted else ""))
    return 0


def run_show(args) -> int:
    def work(store) -> int:
        from desktop.models import corrections
        from desktop.models.errors import UserError

        with store.read() as conn:
            states = corrections.corrections_of(conn, args.household)
            entries = corrections.history(conn, args.household)
        if not entries:
            return common.fail(UserError(f"ไม่พบครัวเรือนรหัส {args.household}"))
        print(f"การแก้ไขของครัวเรือน {args.household}: {len(states)} รายการ")
        for s in states:
            who = f" สมาชิก {s.member_seq}" if s.member_seq is not None else ""
            print(f"  [{corrections.STATUS_LABELS[s.status]}] {s.created_at[:10]}{who} {s.label}: {s.old_value!r} -> "
                  f"{s.new_value!r} ({s.reason})")
        print("ประวัติ:")
        for e in entries:
            officer = json.loads(e.officer or "{}").get("name", "")
            head = {"import": f"นำเข้า ฉบับที่ {e.version}", "correct": "แก้ไข", "revert": "ยกเลิกการแก้ไข",
                    "status": f"สถานะ {corrections.STATUS_LABELS.get(e.status, e.status)}"}[e.kind]
            print(f"  {e.at[:19]} {head} {officer} {e.reason}".rstrip())
            for d in e.diffs:
                who = f"สมาชิก {d.member_seq} " if d.member_seq is not None else ""
                print(f"      {who}{d.label}: {d.before!r} -> {d.after!r}")
        return 0

    return common.with_store(args, work)
