"""The import's preview: per village added / changed / unchanged / missing; partial files keep the rest of
their village; an identical file changes nothing; a village the store does not know waits for confirmation."""

from __future__ import annotations

import hashlib

from sqlalchemy import text

import main
from desktop.importers import national, preview
from desktop.messages import msg
from tests.fixtures import bmnfiles as F

TABLES = ("household", "member", "household_version", "import_batch", "area", "lao", "area_stat", "audit_entry",
          "report_village")


def fingerprint(store) -> str:
    """Every row of the tables an import writes, hashed: equal means the store did not change."""
    h = hashlib.sha256()
    with store.read() as conn:
        for t in TABLES:
            for row in sorted(map(repr, conn.execute(text(f"SELECT * FROM {t}")).all())):
                h.update(row.encode())
    return h.hexdigest()


def counts(store) -> dict[str, int]:
    with store.read() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


def load(store, tmp_path, hh, mm, stem, **choices):
    paths = F.write_pair(tmp_path, hh, mm, stem=stem)
    return national.import_files(store, paths, choices=national.Choices(**choices))


def test_two_of_thirteen_households_keep_the_other_eleven(store, tmp_path):
    hh, mm = F.sample(13)
    assert load(store, tmp_path, hh, mm, "full").applied
    part_h = [dict(h) for h in hh[:2]]
    part_h[0]["inc_main"] = 70000
    part_m = [m for m in mm if m["house_code"] in {h["house_code"] for h in part_h}]
    result = load(store, tmp_path, part_h, part_m, "part")
    assert result.ok and result.applied
    [row] = preview.plan_rows(result)
    assert (row.added, row.changed, row.unchanged, row.missing, row.removed) == (0, 1, 1, 11, 0)
    assert msg("imp_preview_missing_kept", n=11) in preview.preview_lines(result)
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 13
        assert conn.execute(text("SELECT count(*) FROM member")).scalar() == 26
        assert conn.execute(text("SELECT households FROM area_stat")).scalar() == 13
        assert conn.execute(text("SELECT inc_main FROM household WHERE house_code = '52010000001'")).scalar() == 70000


def test_whole_village_moves_the_missing_to_history_only_when_asked(store, tmp_path):
    hh, mm = F.sample(13)
    load(store, tmp_path, hh, mm, "full")
    part_m = [m for m in mm if m["house_code"] in {h["house_code"] for h in hh[:2]}]
    hh2 = [dict(h, inc_main=1) for h in hh[:2]]
    result = load(store, tmp_path, hh2, part_m, "part", whole_villages=True)
    [row] = preview.plan_rows(result)
    assert (row.changed, row.missing, row.removed) == (2, 0, 11)
    assert msg("imp_preview_missing_removed", n=11) in preview.preview_lines(result)
    assert counts(store)["household"] == 2 and counts(store)["household_version"] == 13


def test_identical_reimport_changes_nothing_and_does_not_grow_the_store(store, tmp_path, db_path):
    hh, mm = F.sample(40)
    assert load(store, tmp_path, hh, mm, "first").applied
    before, size = fingerprint(store), db_path.stat().st_size
    for i in range(3):
        again = load(store, tmp_path, hh, mm, f"again{i}")
        assert again.ok and not again.applied
        [row] = preview.plan_rows(again)
        assert (row.added, row.changed, row.unchanged, row.missing) == (0, 0, 40, 0)
    assert fingerprint(store) == before
    assert counts(store)["household_version"] == 0 and counts(store)["import_batch"] == 1
    assert db_path.stat().st_size <= size


def test_unchanged_households_keep_version_and_status_when_others_change(store, tmp_path):
    hh, mm = F.sample(3)
    first = load(store, tmp_path, hh, mm, "first")
    with store.begin() as conn:
        conn.execute(text("UPDATE household SET status = 1 WHERE house_code = '52010000002'"))
    hh[0]["head_name"] = "นายใหม่ ใจดี"
    second = load(store, tmp_path, hh, mm, "second")
    assert second.applied
    with store.read() as conn:
        rows = {r[0]: r[1:] for r in conn.execute(text(
            "SELECT house_code, version, import_id, status FROM household")).all()}
        assert rows["52010000001"] == (2, second.summary.import_id, 0)
        assert rows["52010000002"] == (1, first.summary.import_id, 1)
        assert conn.execute(text("SELECT count(*) FROM household_version")).scalar() == 1


def test_a_changed_member_makes_the_household_changed(store, tmp_path):
    hh, mm = F.sample(2)
    load(store, tmp_path, hh, mm, "first")
    mm[0]["first_name"] = "ชื่อใหม่"
    [row] = preview.plan_rows(load(store, tmp_path, hh, mm, "second"))
    assert (row.changed, row.unchanged) == (1, 1)


def test_preview_changes_nothing(store, tmp_path):
    hh, mm = F.sample(5)
    load(store, tmp_path, hh, mm, "first")
    before = fingerprint(store)
    hh[0]["inc_main"] = 1
    new_h, new_m = F.sample(1, start=9)
    result = load(store, tmp_path, hh + new_h, mm + new_m, "second", preview=True)
    assert result.ok and not result.applied
    [row] = preview.plan_rows(result)
    assert (row.added, row.changed, row.unchanged) == (1, 1, 4)
    assert fingerprint(store) == before


def test_new_village_in_a_known_tambon_waits_for_confirmation(store, tmp_path):
    hh, mm = F.sample(3)
    load(store, tmp_path, hh, mm, "first")
    before = fingerprint(store)
    typo_h, typo_m = F.sample(2, village="52010110", start=20)  # หมู่ 10: a typo for หมู่ 1?
    result = load(store, tmp_path, typo_h, typo_m, "typo")
    assert result.ok and not result.applied and result.needs_confirmation
    assert result.new_villages == ["52010110"]
    assert [r.new_village for r in preview.plan_rows(result)] == [True]
    assert fingerprint(store) == before
    confirmed = load(store, tmp_path, typo_h, typo_m, "typo", allow_new_villages=True)
    assert confirmed.applied and counts(store)["household"] == 5


def test_first_import_of_a_tambon_needs_no_confirmation(store, tmp_path):
    hh, mm = F.sample(2)
    assert load(store, tmp_path, hh, mm, "first").applied


def test_cli_preview_whole_village_and_new_village_flags(db_path, env_passphrase, tmp_path, capsys):
    hh, mm = F.sample(4)
    first = F.write_pair(tmp_path, hh, mm, stem="first")
    db = ["--db", str(db_path)]
    assert main.main(["import", *map(str, first), *db]) == 0
    capsys.readouterr()
    part = F.write_pair(tmp_path, hh[:1], [m for m in mm if m["house_code"] == hh[0]["house_code"]], stem="part")
    assert main.main(["import", *map(str, part), *db, "--preview", "--whole-village"]) == 0
    out = capsys.readouterr().out
    assert msg("imp_preview_head") in out and msg("imp_preview_missing_removed", n=3) in out
    assert main.main(["import", *map(str, first), *db]) == 0
    assert msg("imp_nothing_changed", n=4) in capsys.readouterr().out
    typo = F.write_pair(tmp_path, *F.sample(1, village="52010110", start=30), stem="typo")
    assert main.main(["import", *map(str, typo), *db]) == 3
    assert msg("imp_new_villages", n=1, codes="52010110") in capsys.readouterr().out
    assert main.main(["import", *map(str, typo), *db, "--allow-new-villages"]) == 0
