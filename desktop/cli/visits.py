"""`main.py visits ...`: monitoring visits, back-check samples, sheets, answers and the follow-up report.

  visits log --level district|province --area CODE --date D --village V [--village V ...]
             --visitor "NAME|POSITION" [...] [--check KEY=yes|no ...] [--notes TEXT] [--year Y]
             [--supersedes EVENT_UUID]   (a corrected version of a logged visit)
  visits list [--area CODE] [--year Y] [--long]
  visits sample --visit ID [--seed S] [--redraw] | --verify
  visits sheets --visit ID --out FILE.pdf [--arabic-digits]
  visits answer --code SHORTCODE --checker NAME --date D ITEM=VALUE ...
  visits report --area CODE --out FILE.pdf|.xlsx [--year Y] [--arabic-digits]
  visits settings [--load FILE.json]

ID is a visit's id or the six-character code printed on its sheets. Exit codes: 0 done, 1 a user error
(message on stderr).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import common
from desktop.models.monitoring_messages import msg

EPILOG = ("ITEM keys for 'answer': members, age:<member seq>, answer:<answer code>, income:inc_main|inc_second|"
          "inc_other|inc_produce; e.g. members=4 age:1=45 answer:6=1 income:inc_main=60000. "
          "Settings (sample size, tolerances, classes, aggregation, checklist): docs/monitoring.md.")


def add_parser(sub) -> None:
    p = sub.add_parser("visits", help="monitoring visits: log, back-check sample, sheets, answers, follow-up report",
                       description=__doc__, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = p.add_subparsers(dest="action", required=True)
    log = actions.add_parser("log", help="log a visit (district or province level)")
    log.add_argument("--level", choices=("district", "province"), required=True)
    log.add_argument("--area", required=True, help="the visiting office: district (4 digits) or province (2) code")
    log.add_argument("--date", required=True, help="visit date: DD/MM/YYYY (พ.ศ.) or YYYY-MM-DD")
    log.add_argument("--village", action="append", required=True, help="8-digit village code (repeat)")
    log.add_argument("--visitor", action="append", required=True, help='"NAME|POSITION" (repeat)')
    log.add_argument("--check", action="append", default=[], help="checklist item KEY=yes|no (repeat)")
    log.add_argument("--notes", default="")
    log.add_argument("--supersedes", default=None, metavar="EVENT_UUID",
                     help="correct a logged visit: the uuid of its current event (see 'visits list --long')")
    log.set_defaults(run=run_log)
    lst = actions.add_parser("list", help="the year's visits with their samples and answers")
    lst.add_argument("--area", default="", help="area code prefix")
    lst.add_argument("--long", action="store_true", help="also the visit id and its current event uuid")
    lst.set_defaults(run=run_list)
    smp = actions.add_parser("sample", help="draw (or verify) a visit's back-check sample")
    smp.add_argument("--visit", required=True, help="visit id or its 6-character code")
    smp.add_argument("--seed", default=None, help="seed to draw with (default: a new random one, recorded)")
    smp.add_argument("--redraw", action="store_true", help="replace the sample (only before answers are entered)")
    smp.add_argument("--verify", action="store_true", help="redraw from the recorded seed and compare")
    smp.set_defaults(run=run_sample)
    sh = actions.add_parser("sheets", help="print the back-check sheets (PDF, one page per sampled household)")
    sh.add_argument("--visit", required=True)
    sh.add_argument("--out", type=Path, required=True)
    sh.add_argument("--arabic-digits", action="store_true")
    sh.set_defaults(run=run_sheets)
    ans = actions.add_parser("answer", help="enter one household's back-check answers", epilog=EPILOG)
    ans.add_argument("--code", required=True, help="the short code on the sheet, e.g. 7F3A2B-52010000011")
    ans.add_argument("--checker", required=True, help="who re-asked")
    ans.add_argument("--date", required=True, help="date of the re-interview")
    ans.add_argument("values", nargs="+", metavar="ITEM=VALUE")
    ans.set_defaults(run=run_answer)
    rep = actions.add_parser("report", help="the follow-up report (สรุปและรายงานผลการติดตาม) as PDF or XLSX")
    rep.add_argument("--area", required=True, help="area code (2, 4, 6 or 8 digits)")
    rep.add_argument("--out", type=Path, required=True)
    rep.add_argument("--format", choices=("pdf", "xlsx"), default=None, help="default: from the --out suffix")
    rep.add_argument("--arabic-digits", action="store_true")
    rep.set_defaults(run=run_report)
    st = actions.add_parser("settings", help="show the monitoring settings, or load them from a JSON file")
    st.add_argument("--load", type=Path, default=None)
    st.set_defaults(run=run_settings)
    for q in (log, lst, smp, sh, ans, rep, st):
        q.add_argument("--year", type=int, default=None, help="survey year (พ.ศ.; default: the latest)")
        common.add_db_option(q)
        q.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages")


def _year(conn, args) -> int:
    from desktop.models import surveys
    from desktop.models.errors import UserError

    year = args.year or surveys.latest_year(conn)
    if year is None:
        raise UserError(msg("mon_no_data"))
    return year


def _visit(conn, ident: str):
    from desktop.models import visits
    from desktop.models.errors import UserError

    found = visits.get(conn, ident) or visits.by_short_code(conn, ident)
    if found is None:
        raise UserError(msg("mon_visit_not_found", ident=ident))
    return found


def _checks(pairs: list[str]) -> dict:
    from desktop.models.errors import UserError

    out = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        flag = {"yes": True, "y": True, "ใช่": True, "no": False, "n": False, "ไม่ใช่": False}.get(value.strip().lower())
        if not key or flag is None:
            raise UserError(msg("mon_bad_check_arg", pair=pair))
        out[key.strip()] = flag
    return out


def run_log(args) -> int:
    def work(store) -> int:
        from desktop.models import visits

        people = [visits.Visitor(*(part.strip() for part in v.split("|", 1))) for v in args.visitor]
        with store.begin() as conn:
            v = visits.log(conn, survey_year=_year(conn, args), level=args.level, area_code=args.area,
                           visit_date=args.date, villages=args.village, visitors=people,
                           checklist=_checks(args.check), notes=args.notes, supersedes=args.supersedes)
        print(msg("mon_logged", visit=v.visit_id, code=v.short_code, date=v.date_be, n=len(v.villages)))
        return 0

    return common.with_store(args, work)


def run_list(args) -> int:
    def work(store) -> int:
        from desktop.models import backcheck, visits

        with store.read() as conn:
            year = _year(conn, args)
            found = visits.visits(conn, year, args.area)
            for v in found:
                sample = backcheck.current_sample(conn, v.visit_id)
                answered = len(backcheck.answers_of(conn, v.visit_id))
                drawn = len(sample.all_ids()) if sample else 0
                who = ", ".join(p.name for p in v.visitors)
                print(msg("mon_list_line", code=v.short_code, date=v.date_be, level=visits.LEVEL_LABELS[v.level],
                          area=v.area_code, n=len(v.villages), drawn=drawn, answered=answered, who=who))
                if args.long:
                    print(f"        visit {v.visit_id}  event {v.uuid}")
        print(msg("mon_list_total", year=year, n=len(found)))
        return 0

    return common.with_store(args, work)


def run_sample(args) -> int:
    def work(store) -> int:
        from desktop.models import backcheck
        from desktop.models.errors import UserError

        if args.verify:
            with store.read() as conn:
                sample = backcheck.current_sample(conn, _visit(conn, args.visit).visit_id)
                if sample is None:
                    raise UserError(msg("mon_no_sample_yet"))
                diff = backcheck.verify(conn, sample)
            if diff:
                for village, (was, now) in diff.items():
                    print(msg("mon_verify_diff", village=village, was=was, now=now))
                print(msg("mon_verify_mismatch"))
                return 1
            print(msg("mon_verify_same", seed=sample.seed))
            return 0
        with store.begin() as conn:
            sample = backcheck.draw_sample(conn, _visit(conn, args.visit).visit_id, args.seed, replace=args.redraw)
        for village, ids in sorted(sample.households.items()):
            print(msg("mon_sample_village", village=village, n=len(ids)))
        print(msg("mon_sample_done", n=len(sample.all_ids()), seed=sample.seed))
        return 0

    return common.with_store(args, work)


def run_sheets(args) -> int:
    def work(store) -> int:
        from desktop.reports import backcheck_sheets

        with store.begin() as conn:  # the file is moved into place with its audit entry, or not at all
            visit = _visit(conn, args.visit)
            sheets = backcheck_sheets.sheets_for(conn, visit.visit_id)
            backcheck_sheets.write(conn, visit, sheets, args.out, thai_digits=not args.arabic_digits)
        print(msg("mon_sheets_done", n=len(sheets), path=args.out))
        return 0

    return common.with_store(args, work)


def run_answer(args) -> int:
    def work(store) -> int:
        from desktop.models import backcheck, confidence, surveys
        from desktop.models import monitoring_settings as ms
        from desktop.models.errors import UserError

        values = {}
        for pair in args.values:
            key, sep, value = pair.partition("=")
            if not sep:
                raise UserError(msg("mon_bad_pair", pair=pair))
            values[key.strip()] = value
        with store.begin() as conn:
            found = backcheck.find_by_code(conn, args.code)
            if found is None:
                raise UserError(msg("mon_code_not_found", code=args.code))
            visit, hid = found
            answer = backcheck.record_answers(conn, visit.visit_id, hid, values, checker=args.checker,
                                              asked_on=args.date)
            comps = confidence.compare_answer(ms.load(conn), surveys.get(conn, visit.survey_year), answer)
        matched = sum(c.match for c in comps)
        print(msg("mon_answer_done", matched=matched, n=len(comps)))
        for c in comps:
            if not c.match:
                print(msg("mon_answer_diff", item=c.key, recorded=c.recorded, checked=c.checked))
        return 0

    return common.with_store(args, work)


def run_report(args) -> int:
    from desktop.models.errors import UserError

    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        return common.fail(UserError(msg("mon_bad_format")))

    def work(store) -> int:
        from desktop.reports import files, followup_report, numbers
        from desktop.reports.model import PCT

        with store.read() as conn:
            report = followup_report.build(conn, _year(conn, args), args.area)
        files.write(store, report, fmt, args.out, thai_digits=not args.arabic_digits)
        for label, count, percent, note in report.tables[0].rows:  # item | count | percent | note
            shown = " ".join(str(v) for v in (count, numbers.text(percent, PCT) + "%" if percent is not None else None, note)
                             if v not in (None, ""))
            print(f"{label}: {shown}")
        print(msg("mon_report_done", path=args.out))
        return 0

    return common.with_store(args, work)


def run_settings(args) -> int:
    def work(store) -> int:
        from desktop.models import monitoring_settings as ms

        if args.load:
            settings = ms.load_file(args.load)
            with store.begin() as conn:
                ms.save(conn, settings)
            print(msg("mon_settings_loaded", path=args.load))
        with store.read() as conn:
            print(ms.load(conn).to_json())
        return 0

    return common.with_store(args, work)
