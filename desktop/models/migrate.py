"""Schema upgrades with Alembic; an older store is copied to a timestamped backup first.

HEAD names the newest revision so that opening an up-to-date store does not import Alembic at all
(start-up time); a test checks it against the scripts in migrations/versions.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sqlalchemy import text

HEAD = "0008"
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
    """Copy the (encrypted) file beside itself after folding the WAL into it."""
    with store.read() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.path.with_name(f"{store.path.stem}.{stamp}.bak")
    shutil.copy2(store.path, target)
    return target


def upgrade(store, *, is_new: bool) -> None:
    global last_backup
    current = current_revision(store)
    if current == HEAD:
        return
    if current is not None and not is_new:
        last_backup = backup(store)
    upgrade_to(store, "head")
    if is_new:
        from desktop.models import areas, meta

        with store.begin() as conn:
            meta.initialise(conn)
            areas.seed_from_geothai(conn)
