"""The import's fast path (canonical rows, batch-at-once writes) gives exactly what the checking path gives.

national.py reads a row whose cells are already canonical with a per-file fast reader and leaves any
other row to household_row / member_row; batches are written in one statement unless a key repeats
or a household is missing. These tests load the same files with the fast readers switched off and
compare everything: rows, problems, statistics.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil

import pytest
from sqlalchemy import text

from desktop.importers import columns as C
from desktop.importers import chunks, demo, export, national, readers
from desktop.models import db, dates, engine, loader, sortkeys, thaiid
from desktop.models import summary as report_summary
from tests.conftest import PASSPHRASE

YEAR = 2567
TABLES = {
    "household": "SELECT * FROM household ORDER BY id",
    "member": "SELECT * FROM member ORDER BY household_id, seq",
    "area": "SELECT * FROM area ORDER BY code",
    "lao": "SELECT * FROM lao ORDER BY code",
    "area_stat": "SELECT * FROM area_stat ORDER BY survey_year, village",
    "survey": "SELECT * FROM survey ORDER BY year",
    "stat1": "SELECT * FROM sqlite_stat1 WHERE tbl IN ('household', 'member', 'area') ORDER BY tbl, idx",
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple:
    """A 2,000-household demo province exported in the import format (households.csv, members.csv)."""
    folder = tmp_path_factory.mktemp("fastpath")
    store = db.open_store(folder / "source.db", PASSPHRASE, create=True)
    try:
        demo.generate(store, households=2000, seed=7, year=YEAR)
        paths = export.export_area(store, "52", YEAR, "csv", folder / "households.csv")
    finally:
        store.close()
    return tuple(paths)


def copy_files(paths, tmp_path) -> list:
    out = []
    for p in paths:
        target = tmp_path / p.name
        shutil.copy(p, target)
        out.append(target)
    return out


def read_csv(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def write_csv(path, rows) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)


def contents(store) -> dict:
    with store.read() as conn:
        return {name: [tuple(r) for r in conn.execute(text(sql)).all()] for name, sql in TABLES.items()}


class Counting:
    """Counts the rows that go to the checking path; `fast=False` also switches the fast readers off."""

    def __init__(self, monkeypatch, fast: bool = True):
        self.slow = 0
        for name in ("household_row", "member_row"):
            original = getattr(national._Job, name)

            def counted(job, *args, _original=original):
                self.slow += 1
                return _original(job, *args)

            monkeypatch.setattr(national._Job, name, counted)
        if not fast:
            monkeypatch.setattr(national._Job, "_fast_households", lambda job, src: None)
            monkeypatch.setattr(national._Job, "_fast_members", lambda job, src: None)


def load(tmp_path, name, paths, monkeypatch=None, *, fast=True):
    store = db.open_store(tmp_path / f"{name}.db", PASSPHRASE, create=True)
    with pytest.MonkeyPatch.context() as mp:
        counter = Counting(mp, fast=fast)
        result = national.import_files(store, paths, year=YEAR)
    return store, result, counter.slow


def problems(result) -> list[tuple]:
    return [(p.file, p.row, p.column, p.value, p.message) for p in result.problems]


# --- same rows ---------------------------------------------------------------------------------


def test_fast_and_checking_paths_load_identical_rows(exported, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "BATCH", 700)  # several batches, one household split across two
    fast_store, fast, fast_slow_rows = load(tmp_path, "fast", list(exported))
    slow_store, slow, slow_rows = load(tmp_path, "slow", list(exported), fast=False)
    try:
        assert fast.ok and slow.ok, (fast.problems[:3], slow.problems[:3])
        assert fast_slow_rows == 0  # an export is canonical: every row took the fast path
        assert slow_rows == fast.summary.households + fast.summary.members
        assert (fast.summary.households, fast.summary.members) == (slow.summary.households, slow.summary.members)
        assert contents(fast_store) == contents(slow_store)
    finally:
        fast_store.close()
        slow_store.close()


def test_irregular_but_valid_cells_go_the_checking_way_to_the_same_rows(exported, tmp_path):
    canonical_store, canonical, _ = load(tmp_path, "canonical", list(exported))
    households_path, members_path = copy_files(exported, tmp_path)
    hh = read_csv(households_path)
    head = hh[0]
    col = {name: i for i, name in enumerate(head)}
    changed_households = 0
    for row in hh[1:40:3]:  # spellings the checking path accepts for the same values
        row[col["village_name"]] = f" {row[col['village_name']]} "
        row[col["inc_main"]] = f"{int(row[col['inc_main']] or 0):,}"
        row[col["exp_debt"]] = (row[col["exp_debt"]] or "0").translate(dates.THAI_DIGITS)
        if row[col["survey_date"]]:
            d, m, y = row[col["survey_date"]].split("/")
            row[col["survey_date"]] = f"{y}-{m}-{d}"
        row[col["house_no"]] = f" {row[col['house_no']]}"
        if row[col["lao_kind"]] == "เทศบาล":
            row[col["lao_kind"]] = "เทศบาลตำบล"
        row[col["q1t"]] = f" {row[col['q1t']]}"
        changed_households += 1
    write_csv(households_path, hh)
    mm = read_csv(members_path)
    mcol = {name: i for i, name in enumerate(mm[0])}
    words = {"M": "ชาย", "F": "หญิง", "N": "ปกติ", "D": "พิการ", "C": "ป่วยเรื้อรัง", "1": "ได้", "0": "ไม่ได้"}
    changed_members = 0
    for row in mm[1:200:7]:
        row[mcol["sex"]] = words[row[mcol["sex"]]]
        row[mcol["health"]] = words[row[mcol["health"]]]
        row[mcol["self_reliant"]] = words[row[mcol["self_reliant"]]]
        row[mcol["pid"]] = thaiid.formatted(row[mcol["pid"]])
        d, m, y = row[mcol["birth_date"]].split("/")
        row[mcol["birth_date"]] = f"{int(d)}/{int(m)}/{y}"
        row[mcol["first_name"]] += " "
        changed_members += 1
    write_csv(members_path, mm)
    store, result, slow_rows = load(tmp_path, "irregular", [households_path, members_path])
    try:
        assert canonical.ok and result.ok, result.problems[:3]
        assert slow_rows == changed_households + changed_members
        assert contents(store) == contents(canonical_store)
    finally:
        store.close()
        canonical_store.close()


def test_rows_out_of_household_order_load_the_same(exported, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "BATCH", 500)
    ordered_store, ordered, _ = load(tmp_path, "ordered", list(exported))
    households_path, members_path = copy_files(exported, tmp_path)
    for path in (households_path, members_path):
        rows = read_csv(path)
        body = rows[1:]
        random.Random(3).shuffle(body)
        write_csv(path, [rows[0], *body])
    store, result, _ = load(tmp_path, "shuffled", [households_path, members_path])
    try:
        assert result.ok, result.problems[:3]
        assert contents(store) == contents(ordered_store)
    finally:
        store.close()
        ordered_store.close()


# --- same problems -------------------------------------------------------------------------------


def broken_files(exported, tmp_path) -> list:
    households_path, members_path = copy_files(exported, tmp_path)
    hh = read_csv(households_path)
    col = {name: i for i, name in enumerate(hh[0])}
    hh.insert(30, list(hh[10]))  # a house code twice
    hh[50][col["q2"]] = "x"  # not an answer
    hh[60][col["inc_second"]] = "-100"
    no_members = hh[70][col["house_code"]]
    write_csv(households_path, hh)
    mm = read_csv(members_path)
    mcol = {name: i for i, name in enumerate(mm[0])}
    mm = [r for r in mm if r[mcol["house_code"]] != no_members]  # a household without members
    mm[20][mcol["pid"]] = mm[20][mcol["pid"]][:12] + str((int(mm[20][mcol["pid"]][12]) + 1) % 10)  # check digit
    mm[25][mcol["birth_date"]] = "01/01/2700"  # in the future
    mm[30][mcol["sex"]] = "X"
    orphan = list(mm[40])
    orphan[mcol["house_code"]] = "52999999999"
    mm.insert(41, orphan)  # no such household
    twin = list(mm[60])
    twin[mcol["pid"]] = mm[61][mcol["pid"]] if mm[61][mcol["pid"]] != twin[mcol["pid"]] else mm[62][mcol["pid"]]
    mm.insert(61, twin)  # the same seq twice in a household (and an ID used twice)
    mm[100][mcol["pid"]] = mm[200][mcol["pid"]]  # an ID used twice
    write_csv(members_path, mm)
    return [households_path, members_path]


def test_problems_are_the_same_with_and_without_the_fast_path(exported, tmp_path, monkeypatch):
    monkeypatch.setattr(national, "BATCH", 600)
    paths = broken_files(exported, tmp_path)
    fast_store, fast, _ = load(tmp_path, "fast", paths)
    slow_store, slow, _ = load(tmp_path, "slow", paths, fast=False)
    try:
        assert not fast.ok and fast.problem_count >= 9
        assert (fast.problem_count, problems(fast)) == (slow.problem_count, problems(slow))
        assert count_rows(fast_store) == count_rows(slow_store) == (0, 0)
    finally:
        fast_store.close()
        slow_store.close()


def count_rows(store) -> tuple[int, int]:
    with store.read() as conn:
        return tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ("household", "member"))


# --- the store after a load ----------------------------------------------------------------------


def test_bulk_results_equal_the_engine_and_no_work_table_is_left(exported, tmp_path):
    store, result, _ = load(tmp_path, "load", list(exported))
    try:
        assert result.ok
        before = contents(store)
        with store.read() as conn:
            names = set(conn.execute(text("SELECT name FROM sqlite_schema")).scalars())
            temp = set(conn.execute(text("SELECT name FROM sqlite_temp_schema")).scalars())
        assert not {loader.STAGE.split(".")[1], loader.FACTS.split(".")[1], national.ROWS.split(".")[1]} & names
        assert not temp
        with store.begin() as conn:  # the engine's own evaluation (member facts counted by SQL) agrees
            survey = loader.surveys.get(conn, YEAR)
            engine.evaluate_scope(conn, survey.indicator_set, YEAR, survey.layout, "h.survey_year = :y", {"y": YEAR})
            conn.exec_driver_sql("PRAGMA analysis_limit = 2000")
            conn.exec_driver_sql("ANALYZE")  # a full ANALYZE writes the same statistics
        assert contents(store) == before
    finally:
        store.close()


def test_evaluation_counting_members_again_gives_the_same_rows(exported, tmp_path, monkeypatch):
    facts_store, facts, _ = load(tmp_path, "facts", list(exported))
    evaluate = engine.insert_evaluated

    def without_facts(*args, facts=None):
        return evaluate(*args)  # the engine counts the member facts itself (temp.mf)

    monkeypatch.setattr(engine, "insert_evaluated", without_facts)
    store, result, _ = load(tmp_path, "counted", list(exported))
    try:
        assert facts.ok and result.ok
        assert contents(store) == contents(facts_store)
    finally:
        store.close()
        facts_store.close()


def test_report_summaries_from_the_load_facts_equal_a_rebuild(exported, tmp_path):
    store, result, _ = load(tmp_path, "load", list(exported))
    summaries = ("SELECT * FROM report_village ORDER BY 1, 2", "SELECT * FROM report_indicator ORDER BY 1, 2, 3",
                 "SELECT * FROM report_income_failing ORDER BY 1, 2, 3")
    try:
        assert result.ok
        with store.read() as conn:
            before = [conn.execute(text(sql)).all() for sql in summaries]
        with store.begin() as conn:
            report_summary.rebuild(conn, YEAR)  # every member counted again
        with store.read() as conn:
            assert [conn.execute(text(sql)).all() for sql in summaries] == before
        assert before[0] and before[1]
    finally:
        store.close()


# --- the fast helpers agree with the checking rules --------------------------------------------------

THAI = [chr(c) for c in range(0x0E01, 0x0E5C)] + ["๑", "๙", " ", " ", "a", "1", "/", "-", "'"]


def test_fast_sort_keys_equal_the_sortkeys_module():
    rng = random.Random(11)
    for _ in range(20000):
        text_ = "".join(rng.choice(THAI) for _ in range(rng.randint(0, 14)))
        assert C.fast_thai_sort_key(text_) == sortkeys.thai_sort_key(text_), repr(text_)
    for _ in range(5000):
        house = "".join(rng.choice("0123456789/ab๑-") for _ in range(rng.randint(0, 8)))
        assert C.fast_house_sort_key(house) == sortkeys.house_sort_key(house), repr(house)


def test_fast_id_check_equals_thaiid():
    rng = random.Random(12)
    for _ in range(20000):
        pid = "".join(rng.choice("0123456789") for _ in range(13))
        assert C.fast_pid_ok(pid) == thaiid.is_valid(pid), pid
    assert not C.fast_pid_ok("3-1006-00445-63-5") and thaiid.is_valid("3-1006-00445-63-5")  # left to the checks


def test_fast_dates_read_as_the_checks_read_them():
    rng = random.Random(13)
    for _ in range(20000):
        a, b, c = rng.randint(0, 40), rng.randint(0, 14), rng.randint(1800, 2700)
        value = rng.choice([f"{a:02d}/{b:02d}/{c:04d}", f"{c:04d}-{b:02d}-{a:02d}"])
        found = C.fast_date(value)
        try:
            day = dates.parse_date(value)
            expected = day if C.MIN_YEAR <= day.year <= C.MAX_YEAR else None
        except ValueError:
            expected = None
        assert (found[0] if found else None) == expected, value
        assert found is None or found[1] == expected.isoformat()
    for value in ("3/1/2541", "13/01/2541 ", "๑๓/๐๑/๒๕๔๑", "2541-1-13", "13-01-2541", ""):
        assert C.fast_date(value) is None  # other spellings: RowCheck.date decides
    assert C.fast_date("13/01/2541")[0] == dt.date(1998, 1, 13)


def test_fast_choice_tables_only_hold_what_choice_accepts():
    for fast, table in ((C.FAST_SEX, C.SEX), (C.FAST_HEALTH, C.HEALTH), (C.FAST_LAO_KIND, C.LAO_KIND),
                        (C.FAST_SELF_RELIANT, C.FLAG), (C.FAST_IN_SCHOOL, C.FLAG)):
        for spelling, value in fast.items():
            if spelling:
                assert C.choice(table, spelling) == value and spelling == spelling.strip()
    assert C.FAST_SEX["M"] == "M" and "" not in C.FAST_SEX
    assert (C.FAST_HEALTH[""], C.FAST_SELF_RELIANT[""], C.FAST_IN_SCHOOL[""]) == ("N", 1, 0)


@pytest.mark.parametrize("block", [16, 64, 1 << 20])
def test_chunk_reader_gives_the_csv_modules_records(tmp_path, monkeypatch, block):
    """Random text of cells, delimiters, quotes, blank lines and every line end, read in blocks (by
    pandas' pyarrow engine where a block allows it, else by the csv module): the same non-blank
    records with the same row numbers as the csv module reading the whole file."""
    monkeypatch.setattr(chunks, "BLOCK", block)
    monkeypatch.setattr(chunks, "ROWS", 3)
    rng = random.Random(14)
    pieces = ["a", "b", "12", ",", ",", ";", "\t", " ", "\r", "\n", "\n", "\n", "\r\n", '"', "ก", "'", "\x00"]
    path = tmp_path / "x.csv"
    for _ in range(600):
        path.write_text("".join(rng.choice(pieces) for _ in range(rng.randint(0, 80))), encoding="utf-8", newline="")
        for delimiter in (",", ";", "\t"):
            for header_row in (1, 2):
                source = readers._CsvFile(path, "utf-8")
                source.delimiter = delimiter
                with open(path, encoding="utf-8", newline="") as f:
                    try:
                        expected = [(n, cells) for n, cells in enumerate(csv.reader(f, delimiter=delimiter), 1)
                                    if n > header_row and any(c.strip() for c in cells)]
                    except csv.Error:
                        continue  # a NUL inside quotes: reported as unreadable, checked elsewhere
                got = [(int(chunk.numbers[i]), chunk.cells(i)) for chunk in source.chunks(header_row)
                       for i in range(len(chunk))]
                assert got == expected, (path.read_bytes(), delimiter, header_row)



def test_column_sort_keys_equal_the_row_by_row_ones():
    """vectorrows.thai_sort_keys over a column gives columns.fast_thai_sort_key of each name: one
    word, two, three, double spaces, a later word starting with a tone mark, Latin, empty."""
    import pyarrow as pa

    from desktop.importers import vectorrows

    rng = random.Random(5)
    words = ["สมชาย", "ใจดี", "นาย", "่เอก", "้", "Smith", "", "กก", "เก่ง", "ก็"]
    names = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(3000)] + ["", " ", "a  b"]
    keys = vectorrows.thai_sort_keys(pa.array(names, pa.large_string()))
    got = keys.tolist() if hasattr(keys, "tolist") else keys.to_pylist()
    assert got == [C.fast_thai_sort_key(n) for n in names]
    assert got == [sortkeys.thai_sort_key(n) for n in names]


def test_column_dates_read_as_the_row_by_row_reader_reads_them():
    """vectorrows.dates over a column accepts exactly what columns.fast_date accepts, as the same day:
    both forms, พ.ศ. years (29 February of a leap year), impossible days, years out of range."""
    import pyarrow as pa

    from desktop.importers import vectorrows

    rng = random.Random(9)
    texts = ["29/02/2563", "29/02/2564", "31/04/2567", "00/01/2500", "01/13/2500", "2024-02-29", "2023-02-29",
             "1849-12-31", "1850-01-01", "2200-12-31", "2201-01-01", "01/01/2743", "01/01/2744", "1/5/2521",
             "01-05-2521", "๐๑/๐๕/๒๕๒๑", "", "2567", "01/05/2521 "]
    for _ in range(3000):
        day, month, year = rng.randint(0, 32), rng.randint(0, 13), rng.choice([rng.randint(1800, 2250),
                                                                              rng.randint(2380, 2800)])
        texts.append(f"{day:02d}/{month:02d}/{year}" if rng.random() < 0.6 else f"{year}-{month:02d}-{day:02d}")
    year, month, day, read = vectorrows.dates(pa.array(texts, pa.large_string()))
    iso = vectorrows.iso_dates(year, month, day).to_pylist()
    for k, cell in enumerate(texts):
        found = C.fast_date(cell)
        assert bool(read[k]) == (found is not None), cell
        if found is not None:
            assert iso[k] == found[1], cell
