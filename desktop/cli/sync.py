"""`main.py sync`: send unsent work to the province server and receive household changes (docs/sync.md).

    sync [--server URL] [--db PATH]            push, pull, then compare receipts per village
    sync login --server URL --token T          keep the token in the OS keyring (BMN_SYNC_TOKEN for scripts)
    sync preview [--server URL]                what would go up and come down; changes nothing
    sync status                                the outbox: pending / accepted / conflict / rejected
    sync conflicts                             conflicts waiting for a person
    sync resolve --id N --choice mine|theirs   settle one (appends events; sent at the next sync)
    sync resolve --id N --set FIELD=VALUE ...  settle one with merged values (e.g. --set inc_main=52000)
    sync quarantine list | retry UUID | drop UUID   events set aside after the server failed on them

Exit status: 0 done; 1 a user error (offline, refused, bad store); 2 wrong passphrase;
3 synced, but receipts differ or conflicts wait.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from desktop.cli import common
from desktop.models.errors import Cancelled, UserError
from desktop.sync import tokens
from desktop.sync.messages import msg

ACTIONS = ("run", "login", "preview", "status", "conflicts", "resolve", "quarantine")
QUARANTINE = ("list", "retry", "drop")


def add_parser(sub) -> None:
    p = sub.add_parser("sync", help="sync with the province server: push events, pull changes, receipts")
    p.add_argument("action", nargs="?", default="run", choices=ACTIONS, help="default: run")
    p.add_argument("rest", nargs="*", metavar="ARG", help="with quarantine: list | retry UUID | drop UUID")
    p.add_argument("--server", default=None, help="server URL (default: BMN_SYNC_SERVER, else the last one used)")
    p.add_argument("--token", default=None, help="with login: the token from the server administrator")
    p.add_argument("--id", type=int, default=None, help="with resolve: the conflict number")
    p.add_argument("--choice", choices=("mine", "theirs"), default=None, help="with resolve: which version wins")
    p.add_argument("--set", action="append", default=None, metavar="FIELD=VALUE",
                   help="with resolve: a merged value instead of --choice (repeatable; dates dd/mm/yyyy พ.ศ.)")
    p.add_argument("--first", action="store_true",
                   help="start a new (empty) laptop from the server: --server URL --token T (resumable)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--insecure-http", action="store_true",
                   help="allow plain http:// to a server that is not this machine (unencrypted: test networks only)")
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages")
    common.add_db_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    if args.action == "login":
        return _login(args)
    if args.first:
        return common.with_store(args, lambda store: _first(args, store), create=True)
    return common.with_store(args, lambda store: _with_store(args, store))


def _first(args, store) -> int:
    """`sync --first`: download the officer's areas into a new, empty store (desktop/sync/first.py)."""
    from desktop.sync import first
    from desktop.sync.feed_messages import msg as feed_msg

    server = _server(args, store)
    token = args.token or tokens.load(server)
    if not token:
        raise UserError(msg("no_token", server=server))
    progress = _Progress()
    try:
        report = first.start(store, server, token, progress=progress,
                             insecure_http=args.insecure_http or tokens.insecure_http_allowed())
    except (Cancelled, KeyboardInterrupt):
        progress.done()
        print(msg("sync_cancelled"), file=sys.stderr)
        return 130
    progress.done()
    households, records = first.counts(store)
    print(feed_msg("first_done", households=households, records=records))
    return _print_report(report, args.json)


def _login(args) -> int:
    server = args.server or os.environ.get(tokens.SERVER_ENV)
    if not server:
        return common.fail(UserError(msg("no_server")))
    token = args.token or (input("token: ") if sys.stdin.isatty() else "")
    if not token:
        return common.fail(UserError(msg("no_token", server=server)))
    server = tokens.normalise_server(server)
    if not tokens.save(server, token):
        return common.fail(UserError(msg("no_keyring")))
    print(msg("token_saved", server=server))
    return 0


def _server(args, store) -> str:
    from desktop.models import meta
    from desktop.sync.tokens import SERVER_META

    server = args.server or os.environ.get(tokens.SERVER_ENV)
    if not server:
        with store.read() as conn:
            server = meta.get(conn, SERVER_META)
    if not server:
        raise UserError(msg("no_server"))
    return tokens.normalise_server(server)


def _client(args, store):
    from desktop.sync.client import SyncClient

    server = _server(args, store)
    token = tokens.load(server)
    if not token:
        raise UserError(msg("no_token", server=server))
    progress = _Progress()
    return SyncClient(store, server, token, progress=progress,
                      insecure_http=args.insecure_http or tokens.insecure_http_allowed()), progress


class _Progress:
    def __init__(self):
        self.bar = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self.bar is None or self.bar.label != stage:
            if self.bar is not None:
                self.bar.done()
            self.bar = common.TerminalProgress(stage)
        self.bar(done, total)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.done()


def _with_store(args, store) -> int:
    from desktop.sync import conflicts, outbox

    if args.action == "status":
        with store.read() as conn:
            counts = outbox.counts(conn)
        print(json.dumps(counts, ensure_ascii=False, indent=None if args.json else 2))
        return 0
    if args.action == "conflicts":
        with store.read() as conn:
            found = conflicts.list_conflicts(conn)
        if args.json:
            print(json.dumps([c.__dict__ for c in found], ensure_ascii=False, default=str))
        elif not found:
            print(msg("no_conflicts"))
        for c in found if not args.json else ():
            print(f"#{c.id}  {c.household_id}  {c.house_no}  {c.head_name}  ({c.source}, {c.detected_at})")
            for name, sides in c.fields.items():
                print(f"    {name}: base={sides.get('base')!r}  mine={sides.get('mine')!r}  theirs={sides.get('theirs')!r}")
        return 0
    if args.action == "resolve":
        return _resolve(args, store)
    if args.action == "quarantine":
        return _quarantine(args, store)
    client, progress = _client(args, store)
    try:
        if args.action == "preview":
            data = client.preview()
            progress.done()
            if args.json:
                print(json.dumps(data, ensure_ascii=False))
            else:
                down = sum(v["households"] + v["removed"] for v in data["down"].values())
                kinds = ", ".join(f"{k} {n:,}" for k, n in data["up"]["by_kind"].items())
                print(msg("preview", up=data["up"]["events"], kinds=f"({kinds})" if kinds else "", down=down,
                          held=data["held"]))
            return 0
        report = client.sync()
    except (Cancelled, KeyboardInterrupt):
        progress.done()
        print(msg("sync_cancelled"), file=sys.stderr)
        return 130
    finally:
        progress.done()
        client.close()
    return _print_report(report, args.json)


def _quarantine(args, store) -> int:
    from desktop.sync import recovery

    what = args.rest[0] if args.rest else "list"
    if what not in QUARANTINE or (what != "list" and len(args.rest) != 2):
        raise UserError("sync quarantine list | retry UUID | drop UUID")
    if what == "list":
        with store.read() as conn:
            rows = recovery.quarantined(conn)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False))
        elif not rows:
            print(msg("quarantine_empty"))
        for r in rows if not args.json else ():
            print(f"{r['uuid']}  {r['kind']}  {r['target']}  ({r['set_aside_at']})  {r['reason']}")
        return 0
    with store.begin() as conn:
        done = (recovery.retry if what == "retry" else recovery.drop)(conn, args.rest[1])
    if not done:
        raise UserError(msg("quarantine_unknown", uuid=args.rest[1]))
    print(msg("quarantine_" + what, uuid=args.rest[1]))
    return 0


def _resolve(args, store) -> int:
    from desktop.sync import conflicts, session

    if args.id is None or (args.choice is None) == (not args.set):
        raise UserError("sync resolve --id N (--choice mine|theirs | --set FIELD=VALUE ...)")
    values = None
    if args.set:
        pairs = [item.partition("=") for item in args.set]
        if any(not sep or not field.strip() for field, sep, _ in pairs):
            raise UserError("--set FIELD=VALUE")
        values = {field.strip(): session.parse_value(field.strip(), value) for field, _, value in pairs}
    with store.begin() as conn:
        found = conflicts.get(conn, args.id)
        if found is None or found.state != "open":
            raise UserError(msg("no_open_conflict", id=args.id))
        conflicts.resolve(conn, found, choice=args.choice, values=values)
    print(msg("resolved", id=args.id, choice=args.choice or ", ".join(f"{k}={v}" for k, v in values.items())))
    return 0


def _print_report(report, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"server": report.server, "areas": report.areas, "push": report.push.__dict__,
                          "pull": report.pull.__dict__, "receipts": report.receipts,
                          "open_conflicts": report.open_conflicts}, ensure_ascii=False, default=str))
    else:
        p, q = report.push, report.pull
        print(msg("sync_done", sent=p.sent, accepted=p.accepted, conflict=p.conflict, rejected=p.rejected,
                  needs_recheck=p.needs_recheck, received=q.received, merged=q.merged, conflicts=q.conflicts))
        differ = [r for r in report.receipts if not r["equal"]]
        if differ:
            print(msg("receipt_differs", equal=len(report.receipts) - len(differ), differ=len(differ),
                      example=f"{differ[0]['key']}: {', '.join(differ[0]['differs'])}"))
        else:
            print(msg("receipt_equal", n=len(report.receipts)))
        if report.open_conflicts:
            print(msg("open_conflicts", n=report.open_conflicts))
    return 0 if report.receipt_equal and not report.open_conflicts else 3
