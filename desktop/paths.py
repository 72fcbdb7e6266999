"""The one module that knows where things live: resources, user data, the default store."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop import APP_ID


def resources_dir() -> Path:
    """Bundled resources; inside a PyInstaller build they sit under sys._MEIPASS."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def indicators_dir() -> Path:
    return resources_dir() / "indicators"


def user_data_dir() -> Path:
    import platformdirs

    path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "bmn-store.db"
