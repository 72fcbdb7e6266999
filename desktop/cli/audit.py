"""`main.py audit verify`: check the hash chain of the audit log and say where it breaks."""

from __future__ import annotations

from desktop.cli import common
from desktop.messages import msg
from desktop.models import audit
from desktop.models.errors import UserError


def add_parser(sub) -> None:
    p = sub.add_parser("audit", help="audit log: verify the hash chain")
    p.add_argument("action", choices=("verify",))
    common.add_db_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    try:
        store = common.open_store(args)
    except UserError as err:
        return common.fail(err)
    try:
        with store.read() as conn:
            verdict = audit.verify(conn)
    finally:
        store.close()
    if verdict.ok:
        print(msg("audit_ok", n=verdict.entries))
        return 0
    print(msg("audit_broken", seq=verdict.broken_at, reason=verdict.reason))
    return 3
