"""Errors a user can cause, each carrying a message they can act on (in the current language)."""

from __future__ import annotations

from desktop.messages import msg


class UserError(Exception):
    """Something the user can fix; `str(err)` is the message to show them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WrongPassphrase(UserError):
    def __init__(self) -> None:
        super().__init__(msg("wrong_passphrase"))


class NotAStore(UserError):
    def __init__(self, path: object) -> None:
        super().__init__(msg("not_a_store", path=path))


class StoreMissing(UserError):
    def __init__(self, path: object) -> None:
        super().__init__(msg("store_missing", path=path))


class DiskFull(UserError):
    def __init__(self) -> None:
        super().__init__(msg("disk_full"))


class Cancelled(Exception):
    """Raised inside long work when the user cancels; the transaction rolls back."""
