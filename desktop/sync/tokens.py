"""Where the sync token comes from: BMN_SYNC_TOKEN (scripts), else the OS keyring under service
"bmn-field-desk", account "token:<server url>" (like desktop.models.keys does for the store passphrase)."""

from __future__ import annotations

import os

ENV_VAR = "BMN_SYNC_TOKEN"
SERVER_ENV = "BMN_SYNC_SERVER"
SERVICE = "bmn-field-desk"
SERVER_META = "sync_server"  # meta key of the server this laptop last synced with


def normalise_server(url: str) -> str:
    url = url.strip().rstrip("/")
    return url if "://" in url else f"http://{url}"


INSECURE_ENV = "BMN_SYNC_INSECURE_HTTP"


def insecure_http_allowed() -> bool:
    """Plain http:// to a non-loopback server only when the province IT set BMN_SYNC_INSECURE_HTTP=1
    (or `sync --insecure-http`), e.g. on a closed test network."""
    import os

    return os.environ.get(INSECURE_ENV, "") == "1"


def _account(server: str) -> str:
    return f"token:{normalise_server(server)}"


def save(server: str, token: str) -> bool:
    """Keep the token in the OS keyring; False when there is none (the caller says to use BMN_SYNC_TOKEN)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, _account(server), token.strip())
        return True
    except (KeyringError, RuntimeError):
        return False


def load(server: str) -> str | None:
    env = os.environ.get(ENV_VAR)
    if env:
        return env.strip()
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, _account(server))
    except (KeyringError, RuntimeError):
        return None


def forget(server: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, _account(server))
    except (PasswordDeleteError, KeyringError, RuntimeError):
        pass
