"""Where the store's passphrase comes from: BMN_DB_PASSPHRASE, the OS keyring, or the person.

The keyring is optional: on a machine without one (keyring.errors.NoKeyringError, e.g. a headless
Linux box) the passphrase is simply asked for at every start. keyrings.alt is never used: it would
store the passphrase in clear text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

ENV_VAR = "BMN_DB_PASSPHRASE"
SERVICE = "bmn-field-desk"


def _account(db_path: Path) -> str:
    return f"store:{Path(db_path).resolve()}"


def from_keyring(db_path: Path) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, _account(db_path))
    except (KeyringError, RuntimeError):
        return None


def remember(db_path: Path, passphrase: str) -> bool:
    """Keep the passphrase in the OS keyring; False when there is none (the caller says so)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _account(db_path), passphrase)
        return True
    except (KeyringError, RuntimeError):
        return False


def forget(db_path: Path) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, _account(db_path))
    except (PasswordDeleteError, KeyringError, RuntimeError):
        pass


def resolve(db_path: Path, ask: Callable[[], str | None] | None = None) -> tuple[str | None, str]:
    """(passphrase, where it came from: 'env' | 'keyring' | 'asked' | 'none')."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env, "env"
    stored = from_keyring(db_path)
    if stored:
        return stored, "keyring"
    if ask is not None:
        typed = ask()
        if typed:
            return typed, "asked"
    return None, "none"
