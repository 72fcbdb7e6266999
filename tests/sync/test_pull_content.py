"""A pull of new content writes only the columns the chunk changed (apply._changed_columns); every changed
field still lands, sort keys follow the text, history keeps the old versions, and receipts match."""

from __future__ import annotations

from sqlalchemy import text

from desktop.models.sortkeys import thai_sort_key
from desktop.sync import wire
from province import households as server_households
from tests.sync.test_protocol import VILLAGE, local_ids, synced


def change_on_server(province, changes: dict[int, dict]) -> None:
    """New content for some households on the server, as a reload would write it (seq, version, digest)."""
    with province.db.write() as conn:
        layouts = server_households.layouts(conn)
        seq = conn.execute(text("SELECT value FROM counter WHERE name = 'household'")).scalar()
        for hid, values in changes.items():
            row = server_households.current(conn, hid)
            seq += 1
            row.update(values, seq=seq, version=row["version"] + 1)
            sets = ", ".join(f"{k} = :{k}" for k in (*values, "seq", "version"))
            conn.execute(text(f"UPDATE household SET {sets}, content_hash = :h WHERE id = :id"),
                         {**row, "h": wire.household_digest(row, layouts[row["survey_year"]], row["members_hash"])})
        conn.execute(text("UPDATE counter SET value = :v WHERE name = 'household'"), {"v": seq})


def local_row(store, hid: int) -> dict:
    with store.read() as conn:
        return dict(conn.execute(text("SELECT * FROM household WHERE id = :i"), {"i": hid}).mappings().one())


def test_only_changed_columns_move_and_everything_changed_lands(province, laptop_factory):
    store = laptop_factory()
    synced(province, store)
    a, b, c = local_ids(store, VILLAGE)[:3]
    before_c = local_row(store, c)
    answers = local_row(store, b)["answers"]
    flipped = ("1" if answers[0] != "1" else "2") + answers[1:]
    change_on_server(province, {a: {"inc_main": 123456}, b: {"head_name": "นางใหม่ ทดสอบ", "answers": flipped},
                                c: {"status": 2}})
    client = province.sync_client(store)
    pulled = client.pull("5201")
    assert (pulled.received, pulled.replaced, pulled.updated) == (3, 2, 1)
    assert local_row(store, a)["inc_main"] == 123456
    row_b = local_row(store, b)
    assert row_b["head_name"] == "นางใหม่ ทดสอบ" and row_b["head_sort"] == thai_sort_key("นางใหม่ ทดสอบ")
    assert row_b["answers"] == flipped
    after_c = local_row(store, c)
    assert after_c["status"] == 2 and after_c["inc_main"] == before_c["inc_main"]
    with store.read() as conn:
        kept = conn.execute(text("SELECT household_id FROM household_version ORDER BY 1")).scalars().all()
    assert kept == sorted([a, b])  # content changes keep the old version; a status change does not
    report = client.sync()
    client.close()
    assert report.receipt_equal
