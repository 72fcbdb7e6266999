"""Schema upgrades with Alembic; an older store is copied to a timestamped backup first.

HEAD names the newest revision so that opening an up-to-date store does not import Alembic at all
(start-up time); a test checks it against the scripts in migrations/versions.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy import text

HEAD = "0009"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

last_backup: Path | None = None  # the newest backup made in this process, for the UI to mention


def current_revision(store) -> str | None:
    with store.read() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def upgrade_to(store, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with store.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def backup(store) -> Path:
    """An encrypted backup beside the store (SQLite's backup API with the same key; never a file copy)."""
    from desktop.models import store_files

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.path.with_name(f"{store.path.stem}.{stamp}.bak")
    return store_files.backup_to(store, target)


def known_revisions() -> set[str]:
    return {m.group(1) for f in (MIGRATIONS_DIR / "versions").glob("*.py") if (m := re.match(r"(\d{4})_", f.name))}


def upgrade(store, *, is_new: bool) -> None:
    """Bring the store to HEAD. A revision this version does not know (a store from a newer version)
    and a store that needs an upgrade but cannot be written are refused before anything is written."""
    global last_backup
    from desktop.models.errors import StoreReadOnly, StoreTooNew

    current = current_revision(store)
    if current == HEAD:
        return
    if current is not None and current not in known_revisions():
        raise StoreTooNew(store.path, current)
    if store.read_only:
        raise StoreReadOnly(store.path)
    if current is not None and not is_new:
        last_backup = backup(store)
    upgrade_to(store, "head")
    if is_new:
        from desktop.models import areas, meta

        with store.begin() as conn:
            meta.initialise(conn)
            areas.seed_from_geothai(conn)
