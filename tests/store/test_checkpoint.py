"""After a big write (import, demo, pull) the WAL is folded into the .db and emptied."""

from __future__ import annotations

import subprocess
import threading
import time

from sqlalchemy import text

from desktop.models import db
from tests.conftest import PASSPHRASE
from tests.store.helpers import wal


def _read_for(store, seconds: float, started: threading.Event) -> None:
    with store.read() as conn:  # a read transaction (BEGIN on first use) holding its snapshot: SQLite's
        conn.execute(text("SELECT count(*) FROM meta")).scalar()  # own autocheckpoint cannot finish
        started.set()
        time.sleep(seconds)


def test_a_big_write_is_folded_into_the_db_file_even_with_a_reader(store, tmp_path):
    started = threading.Event()
    reader = threading.Thread(target=_read_for, args=(store, 1.0, started))
    reader.start()
    assert started.wait(10)
    with store.begin() as conn:
        conn.execute(text("INSERT INTO meta(key, value) VALUES ('bulk', hex(randomblob(12000000)))"))
    reader.join()
    assert wal(store.path).stat().st_size == 0  # folded and emptied once the reader was done
    copy = tmp_path / "only-the-db" / "copy.db"
    copy.parent.mkdir()
    # copied by another process while this one holds the store (never open() the store in this process)
    subprocess.run(["cp", str(store.path), str(copy)], check=True)
    alone = db.open_store(copy, PASSPHRASE)
    try:
        with alone.read() as conn:
            assert conn.execute(text("SELECT length(value) FROM meta WHERE key = 'bulk'")).scalar() == 24_000_000
    finally:
        alone.close()


