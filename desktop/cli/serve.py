"""`main.py serve`: the province sync server, and its administration (docs/sync.md).

    serve [--db URL] [--host 127.0.0.1] [--port 8750]       run it (no --db: an SQLite file in the data folder)
    serve admin add-officer --name N --area CODE [--area CODE]   prints the officer's token once
    serve admin list-officers
    serve admin load FILE... [--year Y]                     national exports, checked like a desktop import
    serve admin import-bundle FILE                          a laptop's offline bundle
    serve admin register-device --officer ID --store-id S --public-key HEX
    serve admin status --area 52 [--json]                   per district: certifications, visits, confidence
    serve admin deactivate-officer --officer ID             the token stops working, the keys are refused
    serve admin revoke-token --officer ID                   a new token (printed once); the old one stops working
    serve admin revoke-device KEY|STORE-ID                  a lost laptop: its key's events are refused from now on
    serve admin backup --out FILE                           SQLite: a consistent copy while the server runs
    serve admin restore FILE                                SQLite, server stopped: put a backup back
    serve admin new-generation                              after a PostgreSQL restore (docs/deployment.md)

--db takes postgresql://user:pass@host/db (psycopg 3), an sqlite:/// URL or a file path.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli import common
from desktop.models.errors import UserError
from desktop.sync.messages import msg


def _db_option(p, suppress: bool = False) -> None:
    p.add_argument("--db", default=argparse.SUPPRESS if suppress else None,
                   help="server database URL or SQLite file (default: province-server.db in the data folder)")


def add_parser(sub) -> None:
    p = sub.add_parser("serve", help="run the province sync server (FastAPI), or administer it")
    _db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8750)
    p.add_argument("--rate", type=float, default=50.0, help="requests per second per token (burst: 4x)")
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages")
    p.set_defaults(run=run, admin=None)
    actions = p.add_subparsers(dest="serve_action")
    admin = actions.add_parser("admin", help="administer the server database")
    tasks = admin.add_subparsers(dest="admin", required=True)
    a = tasks.add_parser("add-officer", help="add an officer scoped to areas; prints the token once")
    a.add_argument("--name", required=True)
    a.add_argument("--area", action="append", required=True, help="2, 4, 6 or 8-digit area code (repeatable)")
    _db_option(a, True)
    a = tasks.add_parser("list-officers", help="officers, their areas and laptops")
    _db_option(a, True)
    a = tasks.add_parser("load", help="load national exports (households + members files)")
    a.add_argument("files", nargs="+", type=Path, metavar="FILE")
    a.add_argument("--year", type=int, default=None)
    _db_option(a, True)
    a = tasks.add_parser("import-bundle", help="apply a laptop's signed offline bundle")
    a.add_argument("file", type=Path)
    _db_option(a, True)
    a = tasks.add_parser("register-device", help="register a laptop's bundle key (see: main.py bundle key)")
    a.add_argument("--officer", type=int, required=True)
    a.add_argument("--store-id", required=True)
    a.add_argument("--public-key", required=True)
    _db_option(a, True)
    a = tasks.add_parser("status", help="per district: certifications (verified?), visits, confidence, open corrections")
    a.add_argument("--area", required=True, help="province (2) or district (4) code")
    a.add_argument("--json", action="store_true")
    _db_option(a, True)
    for name, text_ in (("deactivate-officer", "deactivate an officer: token and laptop keys stop working"),
                        ("revoke-token", "revoke an officer's token: prints a new one once")):
        a = tasks.add_parser(name, help=text_)
        a.add_argument("--officer", type=int, required=True)
        _db_option(a, True)
    a = tasks.add_parser("revoke-device", help="revoke a laptop's key (public key hex or store id)")
    a.add_argument("device")
    _db_option(a, True)
    a = tasks.add_parser("backup", help="SQLite: copy the live database to FILE")
    a.add_argument("--out", type=Path, required=True)
    _db_option(a, True)
    a = tasks.add_parser("restore", help="SQLite, server stopped: restore a backup; laptops then re-send")
    a.add_argument("file", type=Path)
    _db_option(a, True)
    a = tasks.add_parser("new-generation", help="mark the database as restored (after pg_restore)")
    _db_option(a, True)


def run(args) -> int:
    from province.db import ServerDB

    try:
        db = ServerDB(args.db)
        db.upgrade()
    except Exception as err:  # noqa: BLE001 - an unreachable or unusable database is the user's to fix
        return common.fail(UserError(f"{args.db or 'province-server.db'}: {err}"))
    try:
        if args.admin is None:
            return _serve(args, db)
        return {"add-officer": _add_officer, "list-officers": _list, "load": _load,
                "import-bundle": _import_bundle, "register-device": _register,
                "deactivate-officer": _deactivate, "revoke-token": _revoke_token, "revoke-device": _revoke_device,
                "backup": _backup, "restore": _restore, "new-generation": _new_generation,
                "status": _status}[args.admin](args, db)
    except (UserError, ValueError) as err:
        return common.fail(err)
    finally:
        db.dispose()


def _serve(args, db) -> int:
    import uvicorn

    from province.app import create_app

    app = create_app(db, rate=args.rate, burst=int(max(args.rate, 1) * 4))
    shown = db.url.split("@")[-1]  # no password on screen
    print(msg("serving", host=args.host, port=args.port, db=shown), file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _add_officer(args, db) -> int:
    from province import auth

    with db.write() as conn:
        officer_id, token = auth.add_officer(conn, args.name, args.area)
    print(msg("officer_added", name=args.name, id=officer_id, areas=", ".join(args.area), token=token))
    return 0


def _list(args, db) -> int:
    from province import auth

    with db.read() as conn:
        print(json.dumps(auth.list_officers(conn), ensure_ascii=False, indent=2))
    return 0


def _load(args, db) -> int:
    from desktop.cli.importing import SHOWN, problem_line
    from desktop.messages import msg as core_msg
    from province import load

    progress = common.TerminalProgress(core_msg("imp_progress"))
    result = load.load_files(db, args.files, year=args.year, progress=progress)
    progress.done()
    if not result.ok:
        print(core_msg("imp_failed", n=result.problem_count))
        for p in result.problems[:SHOWN]:
            print("  " + problem_line(p))
        return 1
    print(msg("load_ok", households=result.households, members=result.members, changed=result.changed,
              removed=result.removed))
    return 0


def _import_bundle(args, db) -> int:
    from province import bundles
    from province.errors import ApiError

    try:
        data = args.file.read_bytes()
    except OSError as err:
        raise UserError(msg("bundle_unreadable", error=err.strerror or str(err))) from None
    try:
        result = bundles.import_bytes(db, data)
    except ApiError as err:
        error = err.body["error"]
        raise UserError(error["en"] if _lang() == "en" else error["th"]) from None
    print(json.dumps({k: v for k, v in result.items() if k != "acks"}, ensure_ascii=False))
    return 0


def _register(args, db) -> int:
    from province import auth

    with db.write() as conn:
        if auth.by_id(conn, args.officer) is None:
            raise UserError(f"officer {args.officer}?")
        try:
            auth.register_device(conn, args.officer, args.store_id, args.public_key.lower())
        except auth.DeviceRefused as err:
            raise UserError(msg("admin_" + err.code)) from None
    print(msg("device_registered", store=args.store_id, officer=args.officer))
    return 0


def _status(args, db) -> int:
    from province import status

    if not (args.area.isdigit() and len(args.area) in (2, 4)):
        raise UserError(msg("bad_area", areas=args.area))
    with db.read() as conn:
        data = status.report(conn, args.area)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print("\n".join(status.lines(data, _lang() == "en")))
    return 0


def _deactivate(args, db) -> int:
    from province import auth

    with db.write() as conn:
        if not auth.deactivate_officer(conn, args.officer):
            raise UserError(msg("admin_no_officer", id=args.officer))
    print(msg("admin_deactivated", id=args.officer))
    return 0


def _revoke_token(args, db) -> int:
    from province import auth

    with db.write() as conn:
        token = auth.new_token(conn, args.officer)
    if token is None:
        raise UserError(msg("admin_no_officer", id=args.officer))
    print(msg("admin_token_revoked", id=args.officer, token=token))
    return 0


def _revoke_device(args, db) -> int:
    from province import auth

    with db.write() as conn:
        n = auth.revoke_device(conn, args.device)
    if not n:
        raise UserError(msg("admin_no_device", device=args.device))
    print(msg("admin_device_revoked", device=args.device))
    return 0


def _backup(args, db) -> int:
    from province import backup

    out = backup.backup_sqlite(db, args.out)
    print(msg("admin_backup_done", path=out))
    return 0


def _restore(args, db) -> int:
    from province import backup

    generation = backup.restore_sqlite(db, args.file)
    print(msg("admin_restored", path=args.file, generation=generation))
    return 0


def _new_generation(args, db) -> int:
    from province import backup

    print(msg("admin_new_generation", generation=backup.new_generation(db)))
    return 0


def _lang() -> str:
    from desktop import messages

    return messages.language()
