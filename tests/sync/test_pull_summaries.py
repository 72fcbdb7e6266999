"""Reports read the per-village summaries (report_village), so every way a pull changes households must
refresh them: new content, a household the server removed, a conflict settled with the server's version.
(Until issue 20 the pull refreshed nothing: it imported the summary module from the wrong package inside
`except ImportError`, and the sync suite never looked at the summaries.)"""

from __future__ import annotations

from sqlalchemy import text

from desktop.models.fields import MONEY
from desktop.sync import conflicts, outbox
from tests.sync import world
from tests.sync.test_pull_content import change_on_server
from tests.sync.test_protocol import VILLAGE, local_ids, synced

_SUMS = ", ".join(f"sum({c})" for c in MONEY)


def summary_of(store, village: int = VILLAGE) -> tuple:
    """(households, money sums...) as the reports read them."""
    with store.read() as conn:
        return tuple(conn.execute(text(f"SELECT households, {', '.join(MONEY)} FROM report_village"
                                       " WHERE village = :v"), {"v": village}).one())


def households_of(store, village: int = VILLAGE) -> tuple:
    """The same figures counted from the households themselves."""
    with store.read() as conn:
        return tuple(conn.execute(text(f"SELECT count(*), {_SUMS} FROM household WHERE village = :v"),
                                  {"v": village}).one())


def test_a_content_pull_refreshes_the_report_summaries(province, laptop_factory):
    store = laptop_factory()
    synced(province, store)
    hid = local_ids(store)[0]
    before = summary_of(store)
    change_on_server(province, {hid: {"inc_main": 987654}})
    client = province.sync_client(store)
    assert client.pull("5201").replaced == 1
    client.close()
    assert summary_of(store) != before
    assert summary_of(store) == households_of(store)


def test_a_household_removed_on_the_server_leaves_the_summaries(province, laptop_factory, tmp_path):
    from province import load

    store = laptop_factory()
    synced(province, store)
    households_before = summary_of(store)[0]
    fewer = tuple((v, s, n - 1 if int(v) == VILLAGE else n) for v, s, n in world.VILLAGES)
    assert load.load_files(province.db, world.sample_files(tmp_path / "fewer", fewer)).removed == 1
    assert synced(province, store).pull.deleted == 1
    assert summary_of(store)[0] == households_before - 1
    assert summary_of(store) == households_of(store)


def test_a_conflict_settled_as_theirs_refreshes_the_summaries(province, laptop_factory):
    store = laptop_factory()
    synced(province, store)
    hid = local_ids(store)[0]
    with store.begin() as conn:  # an unsent local change of the income ...
        conflicts.set_fields(conn, hid, {"inc_main": 11})
        outbox.record(conn, "household.set", {"set": {"inc_main": 11}}, hid)
    change_on_server(province, {hid: {"inc_main": 765432}})  # ... and a different one on the server
    client = province.sync_client(store)
    assert client.pull("5201").conflicts == 1
    client.close()
    with store.read() as conn:
        (c,) = conflicts.list_conflicts(conn)
    assert c.fields["inc_main"]["theirs"] == 765432
    mine = summary_of(store)
    with store.begin() as conn:
        conflicts.resolve(conn, c.id, choice="theirs")
    assert summary_of(store)[1] == mine[1] - 11 + 765432
    assert summary_of(store) == households_of(store)
