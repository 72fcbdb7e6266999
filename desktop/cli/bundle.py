"""`main.py bundle`: unsent events in a signed file for a USB stick or a chat app, and back (docs/sync.md).

    bundle export --out FILE [--db PATH]   pending events + this laptop's store id, signed (Ed25519)
    bundle import FILE [--db PATH]         another laptop's bundle: same rules as a sync; twice = no change
    bundle key [--db PATH]                 this laptop's store id and public key (for serve admin register-device)

Exit status: 0 done; 1 refused (changed or damaged file, not a bundle, nothing to export) or a store error;
2 wrong passphrase.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import common


def add_parser(sub) -> None:
    p = sub.add_parser("bundle", help="offline bundles: export unsent events to a signed file, import one")
    p.add_argument("action", choices=("export", "import", "key"))
    p.add_argument("file", nargs="?", type=Path, default=None, help="with import: the bundle file")
    p.add_argument("--out", type=Path, default=None, help="with export: the file to write")
    p.add_argument("--lang", choices=("th", "en"), default=argparse.SUPPRESS, help="language of messages")
    common.add_db_option(p)
    p.set_defaults(run=run)


def run(args) -> int:
    if args.action == "export" and args.out is None:
        return common.fail(ValueError("bundle export --out FILE"))
    if args.action == "import" and args.file is None:
        return common.fail(ValueError("bundle import FILE"))
    return common.with_store(args, lambda store: _work(args, store))


def _work(args, store) -> int:
    from desktop.sync import bundle, outbox

    if args.action == "export":
        n, path, key = bundle.export(store, args.out)
        print(bundle.export_summary(n, path, key))
        return 0
    if args.action == "key":
        with store.begin() as conn:
            print(f"store_id {outbox.store_id(conn)}\npublic_key {bundle.public_key_hex(conn)}")
        return 0
    result = bundle.import_file(store, args.file)
    print(bundle.import_summary(result))
    return 0
