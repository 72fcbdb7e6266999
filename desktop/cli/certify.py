"""Certification on the command line (docs/certification.md):

    main.py certify --area CODE --year 2567 [--present UUID ...] [--place TEXT] [--override-reason TEXT] [--preview]
    main.py certificate --id UUID --out FILE.pdf [--arabic-digits]
    main.py verify CODE                       (the short code on the form, or the QR content)
    main.py certification list|reopen|changes|board ...
    main.py roster list|add|set|remove|history --level LEVEL --area CODE ...

Exit codes: 0 done (verify: the data is as certified), 1 a user error, 3 verify: the data changed or the code
is unknown here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.cli import common
from desktop.certify import messages as cm
from desktop.certify.messages import msg


def _lang(p) -> None:
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages")
    common.add_db_option(p)


def add_parser(sub) -> None:
    c = sub.add_parser("certify", help="certify an area's survey year (tambon / LAO, district, province)")
    c.add_argument("--area", required=True, help="tambon (6 digits), district (4), province (2) or LAO code")
    c.add_argument("--year", type=int, required=True, help="survey year (B.E.)")
    c.add_argument("--present", nargs="*", default=None, help="member uuids present (default: the whole roster)")
    c.add_argument("--place", default="", help="where the working group met")
    c.add_argument("--override-reason", default="", help="certify although child areas are not certified")
    c.add_argument("--preview", action="store_true", help="only show what would be certified")
    _lang(c)
    c.set_defaults(run=run_certify)

    p = sub.add_parser("certificate", help="print a certification form (PDF); reprints are identical")
    p.add_argument("--id", required=True, help="certification uuid")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--arabic-digits", action="store_true", help="numbers in Arabic digits (default: Thai digits)")
    _lang(p)
    p.set_defaults(run=run_certificate)

    v = sub.add_parser("verify", help="is the data still as certified? (short code or QR content)")
    v.add_argument("code")
    v.add_argument("--limit", type=int, default=50, help="households listed at most")
    _lang(v)
    v.set_defaults(run=run_verify)

    _certification_parser(sub)
    _roster_parser(sub)


def _certification_parser(sub) -> None:
    p = sub.add_parser("certification", help="certifications: list, re-open, changes since certified, status board")
    actions = p.add_subparsers(dest="action", required=True)
    lst = actions.add_parser("list", help="certifications, newest first")
    lst.add_argument("--year", type=int, default=None)
    lst.add_argument("--area", default=None)
    reopen = actions.add_parser("reopen", help="re-open a certification with a reason")
    reopen.add_argument("--id", required=True)
    reopen.add_argument("--reason", required=True)
    changes = actions.add_parser("changes", help="records changed since certified, with field-level diffs")
    changes.add_argument("--id", required=True)
    changes.add_argument("--limit", type=int, default=200)
    board = actions.add_parser("board", help="status of the child areas of a district or province")
    board.add_argument("--area", required=True)
    board.add_argument("--year", type=int, required=True)
    for q, run in ((lst, run_list), (reopen, run_reopen), (changes, run_changes), (board, run_board)):
        _lang(q)
        q.set_defaults(run=run)


def _roster_parser(sub) -> None:
    p = sub.add_parser("roster", help="the working-group roster of a level and area (kept year to year)")
    actions = p.add_subparsers(dest="action", required=True)
    made = {name: actions.add_parser(name, help=text) for name, text in (
        ("list", "the roster now"), ("add", "add a member"), ("set", "change a member"),
        ("remove", "remove a member"), ("history", "every roster event"))}
    for name, q in made.items():
        q.add_argument("--level", required=True, choices=("tambon", "lao", "district", "province"))
        q.add_argument("--area", required=True)
        if name in ("set", "remove"):
            q.add_argument("--member", required=True, help="member uuid (see roster list)")
        if name in ("add", "set"):  # set: what is not given stays as it is
            adding = name == "add"
            q.add_argument("--name", required=adding)
            q.add_argument("--position", default="" if adding else None)
            q.add_argument("--role", choices=("chair", "member", "secretary"), default="member" if adding else None)
            q.add_argument("--order", type=int, default=None)
        _lang(q)
        q.set_defaults(run=run_roster)


# ---------------------------------------------------------------- runs

def print_preview(pv) -> None:
    s = pv.summary
    print(msg("cert_preview", area=s["area_description"], code=pv.coverage.code, year=pv.survey_year,
              households=s["households"], persons=s["persons"], male=s["male"], female=s["female"],
              villages=s["villages"], failed=s["indicators_failed"], indicators=s["indicators"],
              income=s["income_per_person"]))
    print(msg("cert_open_items", open=pv.open_corrections, unreviewed=pv.unreviewed))
    if pv.missing_children:
        print(msg("cert_missing", areas=", ".join(f"{n} ({c})" for c, n in pv.missing_children)))
    for m in pv.roster:
        print(f"  {m.member_uuid}  {cm.role_name(m.role)}: {m.name} ({m.position})")
    for problem in pv.problems:
        print(f"- {problem}")


def run_certify(args) -> int:
    def work(store) -> int:
        from desktop.certify import certification
        from desktop.models import store_files

        if not args.preview:
            store_files.require_sound(store)  # never certify from a damaged store
        with store.begin() as conn:
            pv = certification.preview(conn, args.area, args.year)
            print_preview(pv)
            if args.preview:
                return 0
            cert_uuid = certification.certify(conn, args.area, args.year, present=args.present, place=args.place,
                                              override_reason=args.override_reason)
            cert = certification.get(conn, cert_uuid)
        print(msg("cert_done", short=cert.short_code, uuid=cert.uuid, households=cert.households))
        return 0

    return common.with_store(args, work)


def run_certificate(args) -> int:
    def work(store) -> int:
        from desktop.certify import certification
        from desktop.reports import certificate_pdf

        with store.read() as conn:
            cert = certification.get(conn, args.id)
        certificate_pdf.render(cert, args.out, thai_digits=not args.arabic_digits)
        print(msg("cert_written", path=args.out))
        return 0

    return common.with_store(args, work)


def print_changes(check, limit: int) -> None:
    for hh in check.changed[:limit]:
        where = msg("cert_changed_household", household=hh.household_id, village=hh.village, house_no=hh.house_no)
        print(f"  {msg('cert_change_' + hh.change)}: {where}")
        for at, kind, label, seq, old, new in hh.diffs:
            who = msg("cert_changed_member", seq=seq) if seq is not None else ""
            print(f"      {at[:19]} {kind}: {who}{label}: {old!r} -> {new!r}")
        if hh.note:
            print(f"      {hh.note}")
    if len(check.changed) > limit:
        print(f"  ... {len(check.changed) - limit:,}")


def run_verify(args) -> int:
    def work(store) -> int:
        from desktop.certify import check as cc

        with store.read() as conn:
            verdict = cc.verify(conn, args.code)
        if verdict.certification is not None:
            c = verdict.certification
            status = c.status if c.status == "active" else f"{c.status}: {c.reopen['reason']}"
            if verdict.as_certified:
                print(msg("cert_verify_ok", area=c.area_title, year=c.survey_year, short=c.short_code, status=status))
                return 0
            print(msg("cert_verify_changed", area=c.area_title, year=c.survey_year, short=c.short_code,
                      n=len(verdict.check.changed)))
            print_changes(verdict.check, args.limit)
            return 3
        if verdict.fingerprint:
            key = "cert_verify_qr_matches" if verdict.as_certified else "cert_verify_qr_differs"
            print(msg(key, area=verdict.area_code, year=verdict.survey_year))
            return 0 if verdict.as_certified else 3
        print(msg("cert_verify_unknown", code=args.code))
        return 3

    return common.with_store(args, work)


def run_list(args) -> int:
    def work(store) -> int:
        from desktop.certify import certification

        with store.read() as conn:
            found = certification.find(conn, survey_year=args.year, area_code=args.area)
        for c in found:
            print(f"{c.uuid}  {c.short_code}  {c.survey_year}  {c.level:<8} {c.area_code:<9} {c.certified_at[:19]}Z"
                  f"  {cm.status_name(c.status)}  {c.area_title}")
        return 0

    return common.with_store(args, work)


def run_reopen(args) -> int:
    def work(store) -> int:
        from desktop.certify import certification

        with store.begin() as conn:
            certification.reopen(conn, args.id, args.reason)
        print(msg("cert_reopened", uuid=args.id))
        return 0

    return common.with_store(args, work)


def run_changes(args) -> int:
    def work(store) -> int:
        from desktop.certify import certification
        from desktop.certify import check as cc

        with store.read() as conn:
            check = cc.compare(conn, certification.get(conn, args.id), limit=args.limit)
        print(f"{check.certification.area_title} {check.certification.survey_year}: {len(check.changed):,}")
        print_changes(check, args.limit)
        return 0 if check.unchanged else 3

    return common.with_store(args, work)


def run_board(args) -> int:
    def work(store) -> int:
        from desktop.certify import check as cc
        from desktop.models import dates

        with store.read() as conn:
            rows = cc.board(conn, args.area, args.year)
        from desktop.sync.feed_messages import msg as feed_msg

        for r in rows:
            cert = r.certification
            when = dates.be_date(cert.certified_at[:10]) if cert else ""
            who = (cert.officer.get("name", "") if cert else "")
            changed = f" ({r.changed:,})" if r.changed else ""
            extra = (f" {cert.short_code} [{feed_msg('verified_' + r.verification)}]"
                     + (" " + feed_msg("from_office", office=who) if cert.foreign else "")) if cert and r.state != cc.REOPENED else ""
            print(f"{r.code:<9} {r.name:<30} {cm.board_name(r.state)}{changed}  {when} {who}{extra}".rstrip())
        return 0

    return common.with_store(args, work)


def run_roster(args) -> int:
    def work(store) -> int:
        from desktop.models import roster

        if args.action in ("list", "history"):
            with store.read() as conn:
                if args.action == "list":
                    for m in roster.current(conn, args.level, args.area):
                        print(f"{m.member_uuid}  {cm.role_name(m.role)}: {m.name} ({m.position})")
                else:
                    for e in roster.history(conn, args.level, args.area):
                        print(json.dumps(e, ensure_ascii=False))
            return 0
        with store.begin() as conn:
            if args.action == "remove":
                roster.remove_member(conn, args.level, args.area, args.member)
                member = args.member
            elif args.action == "add":
                member = roster.set_member(conn, args.level, args.area, args.name, args.position, args.role, args.order)
            else:
                was = {m.member_uuid: m for m in roster.current(conn, args.level, args.area)}.get(args.member)
                def keep(given, field):
                    return getattr(was, field) if given is None and was else given

                member = roster.set_member(conn, args.level, args.area, keep(args.name, "name"),
                                           keep(args.position, "position"), keep(args.role, "role") or roster.MEMBER,
                                           args.order, args.member)
        print(msg("cert_roster_saved", uuid=member))
        return 0

    return common.with_store(args, work)
