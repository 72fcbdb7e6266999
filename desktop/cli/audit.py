"""`main.py audit verify`: check the hash chain of the audit log and say where it breaks."""

from __future__ import annotations

from desktop.cli import common
from desktop.messages import msg
from desktop.models import audit


def add_parser(sub) -> None:
    p = sub.add_parser("audit", help="audit log: verify the hash chain")
    p.add_argument("action", choices=("verify",))
    common.add_db_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    return common.with_store(args, _verify)


def _verify(store) -> int:
    with store.read() as conn:
        verdict = audit.verify(conn)
    if verdict.ok:
        print(msg("audit_ok", n=verdict.entries))
        return 0
    print(msg("audit_broken", seq=verdict.broken_at, reason=verdict.reason))
    return 3
