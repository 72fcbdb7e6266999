"""Shared test set-up: offscreen Qt, an in-memory keyring, throw-away stores."""

from __future__ import annotations

import os
from pathlib import Path

# Offscreen Qt on the common government laptop's screen (1366x768), so windows and dialogs are tested at that size
LAPTOP_SCREEN = Path(__file__).with_name("offscreen-1366x768.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.pop("BMN_DB_PASSPHRASE", None)

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402

PASSPHRASE = "test-passphrase-1"
pytest_plugins = ("tests.views.fixtures",)  # the GUI fixtures, for tests/views, tests/certification, tests/visits


class MemoryKeyring(KeyringBackend):
    """Deterministic keyring for tests; never touches the disk."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.items:
            raise PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture(autouse=True, scope="session")
def user_data_in_tmp(tmp_path_factory):
    """The user data folder (logs, desktop/logs.py) of the test session: never the real one."""
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("xdg-data"))
    yield


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory):
    """Window preferences (QSettings: geometry, last area, language) go to a fresh folder for each test."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def thai_messages():
    from desktop import messages

    messages.set_language("th")
    yield
    messages.set_language("th")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "store.db"


@pytest.fixture
def store(db_path):
    from desktop.models import db

    s = db.open_store(db_path, PASSPHRASE, create=True)
    yield s
    s.close()


@pytest.fixture
def env_passphrase(monkeypatch):
    monkeypatch.setenv("BMN_DB_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE
