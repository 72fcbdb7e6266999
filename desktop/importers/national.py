"""Import household and member files (docs/import-format.md) into the store, all or nothing.

One streaming pass inside one transaction: every row is checked, good rows go straight into
loader.BulkLoad in batches (households files first, then members), and every problem is kept
with its file, row and column. Checks across rows use SQL rather than Python memory: a table of
the import's house codes (duplicates, members without a household; an ordinary table dropped
before the commit, so it is encrypted and costs no RAM), then, after loading, households without
members and IDs used twice. If anything was found the transaction is rolled back and the store is
exactly as before. Cancelling (cancel() true, or raising Cancelled) rolls back too.

Warnings to confirm: a value that is unusual but may be right (limits.py: an age over WARN_AGE, more
member rows than WARN_MEMBERS, a yearly income over WARN_INCOME) is no problem; it is listed with its
file, row and column like one, and the import is applied only when the officer accepts the warnings
(Choices.accept_warnings); otherwise it is worked out in full and rolled back, like new villages.

Speed: files are read in chunks (chunks.py: pandas frames of pyarrow-backed text). A chunk's rows
whose cells are already canonical (what `export` writes and what the national system exports: plain
digits, M/F, dd/mm/yyyy, no stray spaces) are checked and converted column by column
(vectorrows.py); any other row goes to the checking path (rowchecks.py), which accepts the same
values the same way and reports the rest, so both give the same rows and problems. Batches are
written the same way: the common case is one statement, and only a batch with a repeated key or a
member without a loadable household goes through the row-by-row bookkeeping.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import json
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from desktop.importers import columns as C
from desktop.importers import prefetch, readers, rowchecks, storechecks
from desktop.importers.mapping import Profile
from desktop.messages import msg
from desktop.models import areas, indicators, surveys
from desktop.models.db import raw
from desktop.models.errors import Cancelled
from desktop.models.loader import BulkLoad, LoadSummary, small_cache

if TYPE_CHECKING:  # chunks.py and vectorrows.py load pandas and pyarrow: imported where chunks are read
    from desktop.importers import vectorrows

MAX_KEPT = 10_000  # detailed problems kept; all are counted
BATCH = 5000
TICK = 500  # rows between progress/cancel checks
ROWS = "main.import_row"  # hid -> where it was read and whether it is loadable; only inside the transaction


@dataclass
class Problem:
    file: str
    row: int | None
    column: str
    value: str
    message: str


@dataclass
class ImportResult:
    ok: bool  # no problems: the files can be imported
    problems: list[Problem]
    problem_count: int
    summary: LoadSummary | None  # what the import did (or, not applied, would do): summary.plan per village
    applied: bool = False  # the store was changed
    new_villages: list[str] = field(default_factory=list)  # villages the store did not know
    village_names: dict[str, str] = field(default_factory=dict)
    profiles: dict[str, str] = field(default_factory=dict)  # table -> the mapping profile that read it
    warnings: list[Problem] = field(default_factory=list)  # unusual values to confirm (shown with problems too)
    warning_count: int = 0
    warnings_accepted: bool = False  # Choices.accept_warnings was given

    @property
    def waiting_warnings(self) -> bool:
        """Warnings the officer has not accepted yet (they stop a file that has no problems)."""
        return self.warning_count > 0 and not self.warnings_accepted

    @property
    def needs_confirmation(self) -> bool:
        """Nothing imported only because new villages or warnings wait for the officer's confirmation."""
        return (self.ok and not self.applied and self.summary is not None
                and (bool(self.new_villages) or self.waiting_warnings))


class Problems:
    def __init__(self, cap: int | None = None):
        self.items: list[Problem] = []
        self.count = 0
        self.cap = MAX_KEPT if cap is None else cap

    def add(self, file: str, row: int | None, column: str, value: object, message: str) -> None:
        self.count += 1
        if len(self.items) < self.cap:
            self.items.append(Problem(file, row, column, "" if value is None else str(value), message))


class _Rollback(Exception):
    pass


@dataclass(frozen=True)
class Choices:
    """What the officer decided: `preview` changes nothing; `whole_villages` (True, or village
    codes) moves the households a file does not bring to history; `allow_new_villages` confirms
    villages the store does not know yet; `accept_warnings` confirms the unusual values listed as
    warnings (without it a file with warnings imports nothing)."""

    preview: bool = False
    whole_villages: bool | frozenset[int] = False
    allow_new_villages: bool = False
    accept_warnings: bool = False


def import_files(store, paths: Iterable[Path | str], *, year: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None, choices: Choices = Choices(),
                 mappings: Sequence[Profile] = (), saved_mappings: Sequence[Profile] = ()) -> ImportResult:
    """Check and load the files in one transaction; nothing is loaded if any problem is found, in a
    preview, while new villages or warnings wait for confirmation, or when nothing would change.

    mappings: profiles for headers that are not ours, used where their columns are present;
    saved_mappings: profiles used only for the very header row they were made from (mapping.py)."""
    files = [Path(p) for p in paths]
    problems = Problems()
    job = None
    with readers.open_sources(files, problems.add, mappings, saved_mappings) as sources:
        loaded_first = sorted(sources, key=lambda s: s.kind != C.HOUSEHOLD)  # the order rows are read in
        order = {s.label: i for i, s in enumerate(loaded_first)}
        try:
            with store.begin() as conn, _no_cyclic_gc(), small_cache(conn):
                job = _Job(conn, sources, problems, year, progress, cancel, files, choices)
                job.run()
        except _Rollback:
            pass
    problems.items.sort(key=lambda p: (order.get(p.file, -1), p.row or 0))
    warnings = job.warnings if job is not None else Problems()
    warnings.items.sort(key=lambda p: (order.get(p.file, -1), p.row or 0))
    ok = problems.count == 0
    summary = job.summary if ok and job is not None else None
    return ImportResult(ok, problems.items, problems.count, summary, applied=ok and job is not None and job.applied,
                        new_villages=job.new_villages if ok and job else [],
                        village_names=dict(job.villages) if ok and job else {},
                        profiles={s.label: s.profile for s in sources if s.profile},
                        warnings=warnings.items, warning_count=warnings.count,
                        warnings_accepted=choices.accept_warnings)


@contextlib.contextmanager
def _no_cyclic_gc():
    """Pause the cycle collector while rows stream through: every batch held for writing would
    otherwise be traversed by it again and again (~5% of an import); nothing here makes cycles,
    and reference counting still frees every row."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_problem_report(problems: list[Problem], path: Path | str, *, total: int | None = None,
                         warnings: Sequence[Problem] = ()) -> Path:
    """The problems, then the warnings to confirm, as CSV for Excel (UTF-8 with BOM):
    file,row,column,value,problem,kind (kind: ปัญหา / คำเตือน, what the officer must fix or check)."""
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["file", "row", "column", "value", "problem", "kind"])
        for kind, listed in ((msg("imp_kind_problem"), problems), (msg("imp_kind_warning"), warnings)):
            for p in listed:
                out.writerow([C.escape_text(p.file), "" if p.row is None else p.row, C.escape_text(p.column),
                              C.escape_text(p.value), C.escape_text(p.message), kind])
            if listed is problems and total is not None and total > len(problems):
                out.writerow(["", "", "", "", msg("imp_more", n=total - len(problems)), kind])
    return path


class _Job:
    def __init__(self, conn, sources, problems: Problems, year, progress, cancel, paths, choices: Choices = Choices()):
        self.conn = conn
        self.choices = choices
        self.summary: LoadSummary | None = None
        self.applied = False
        self.new_villages: list[str] = []
        self.dbapi = raw(conn)
        self.problems = problems
        self.warnings = Problems()  # unusual values to confirm: they do not stop the load, only its commit
        self.fixed_year = year
        self.progress = progress
        self.cancel = cancel
        self.source_text = ", ".join(p.name for p in paths)
        self.households = [s for s in sources if s.kind == C.HOUSEHOLD]
        self.members = [s for s in sources if s.kind == C.MEMBER]
        self.sources = self.households + self.members
        self.src_index = {id(s): i for i, s in enumerate(self.sources)}
        self.total = int(sum(s.weight for s in self.sources) * 1.1) + 1
        self.done = 0.0
        self.tambons = areas.existing_tambons(conn)
        self.today = dt.date.today()
        self.year: int | None = None
        self.loader: BulkLoad | None = None
        self.survey: surveys.Survey | None = None
        self.layout: list[str] = []
        self.kinds: list[str] = []
        self.reference: dt.date | None = None
        self.villages: dict[str, str] = {}
        self.laos: dict[str, tuple[str, str, str]] = {}
        self.village_lao: dict[str, str] = {}
        self.member_skip: set[int] = set()  # households whose member rows had problems
        self.used_of: dict[int, dict[int, str]] = {}  # source -> position -> column read (rowchecks.used_columns)
        self.answer_positions_of: dict[int, list[int | None]] = {}  # source -> position of each answer code
        self.broken: set[int] = set()  # sources missing a required column: rows are checked, not loaded
        self.pending: list = []
        self.loadable = 0  # households written to the loader
        # their ids, sorted once members are read (the house-code table knows them too, but a query
        # per member batch cost ~1 µs a member): 8 bytes each, where a set would hold ~60 MB a million
        self.loadable_ids = array("q")
        self._ids_sorted = False

    # --- the pass -----------------------------------------------------------------------------

    def run(self) -> LoadSummary:
        self._drop_rows()
        self.dbapi.execute(f"CREATE TABLE {ROWS}(hid INTEGER PRIMARY KEY, src INTEGER, row INTEGER, ok INTEGER)")
        if not self.households:
            self.problems.add("", None, "", "", msg("imp_no_households"))
        if self.fixed_year is not None:
            self.choose_year(self.fixed_year, "", None, "--year")
        for src in self.sources:
            if src.header.missing() or src.header.duplicates:
                self.broken.add(id(src))
            self._read(src, self.household_row if src.kind == C.HOUSEHOLD else self.member_row)
        self.loadable_ids = array("q")  # its memory back before the load is finished
        ids_after_finish = False
        if self.loader is not None:
            storechecks.high_incomes(self, ROWS)
            if self.members:
                self._households_without_members()
                storechecks.counts_over_members(self, ROWS)
                storechecks.many_members(self, ROWS)
                # into an empty store, the member pid index finish() builds answers this in one scan
                ids_after_finish = self.loader.defers_indexes and not self.problems.count
                if not ids_after_finish:
                    self._duplicate_ids()
            elif self.households:
                self.problems.add("", None, "", "", msg("imp_no_member_file"))
        self._drop_rows()
        if self.problems.count or self.loader is None:
            raise _Rollback()
        self.new_villages = self._unknown_villages()
        areas.ensure_villages(self.conn, self.villages)
        areas.ensure_laos(self.conn, self.laos, self.village_lao)
        summary = self.summary = self.loader.finish()
        for code in self.new_villages:
            summary.plan[int(code)].new_village = True
        if ids_after_finish:
            self._duplicate_ids(indexed=True)
            if self.problems.count:
                raise _Rollback()
        self._report(self.total)
        if (self.choices.preview or (self.new_villages and not self.choices.allow_new_villages)
                or (self.warnings.count and not self.choices.accept_warnings)):
            raise _Rollback()
        if not any(p.added or p.changed or p.removed for p in summary.plan.values()):
            raise _Rollback()  # an identical file: not even an import batch is recorded
        self.applied = True
        return summary

    def _unknown_villages(self) -> list[str]:
        """Villages of the file that the store does not know, in a tambon where it knows villages
        (a first import of a tambon creates its villages without asking; a mistyped หมู่ in a known
        tambon must not)."""
        codes = json.dumps(sorted(self.villages))
        return [code for (code,) in self.dbapi.execute(
            "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT code FROM area WHERE level = 4)"
            " AND substr(value, 1, 6) IN (SELECT parent FROM area WHERE level = 4) ORDER BY value", (codes,))]

    def _drop_rows(self) -> None:
        """Drop the house-code table; its pages are reused by the load (no zero-fill: secure_delete
        is for deleted data, and everything in it is about to be loaded or rolled back)."""
        secure = self.dbapi.execute("PRAGMA secure_delete").fetchone()[0]
        self.dbapi.execute("PRAGMA secure_delete = 0")
        try:
            self.dbapi.execute(f"DROP TABLE IF EXISTS {ROWS}")
        finally:
            self.dbapi.execute(f"PRAGMA secure_delete = {int(secure)}")

    def _read(self, src, handle) -> None:
        flush = self._flush_households if src.kind == C.HOUSEHOLD else self._flush_members
        try:
            if prefetch.usable(src):
                count = self._read_then_beside(src, handle, flush)
            else:
                count = self._read_chunks(src, handle, flush)
        except readers.ReadError as err:
            self.problems.add(src.label, err.row, "", "", err.message)
            count = 1
        flush()
        if count == 0:
            self.problems.add(src.label, None, "", "", msg("imp_empty"))
        self.done += src.weight
        self._report(self.done)

    def _ready(self) -> bool:
        """Whether the fast path may start: the survey is known and nothing was reported."""
        return self.loader is not None and not self.problems.count

    def _read_chunks(self, src, handle, flush) -> int:
        """The rows in chunks (chunks.py), a thread reading ahead; the rows read."""
        from desktop.importers import chunks as chunking
        from desktop.importers import vectorrows

        is_household = src.kind == C.HOUSEHOLD
        # the column-by-column reader, made once the survey is known and nothing was reported; False if none
        take: vectorrows.Taker | bool | None = None
        made: list[vectorrows.Taker] = []  # the same, for the read-ahead thread once made

        def prepare(chunk: chunking.Chunk) -> tuple[list, bool] | None:
            return vectorrows.in_row_order(chunk, 0, *made[0](chunk, 0)) if made else None

        count = 0
        with chunking.ReadAhead(src.chunks(), prepare) as ahead:
            for chunk, prepared in ahead:
                i, n = 0, len(chunk)
                if prepared is not None:
                    self._add_items(src, *prepared, handle, flush)
                    i = n
                while i < n:
                    if take is None and self._ready():
                        take = (self._fast_households(src) if is_household else self._fast_members(src)) or False
                        if callable(take):
                            made.append(take)
                    if callable(take):
                        self._add_items(src, *vectorrows.in_row_order(chunk, i, *take(chunk, i)), handle, flush)
                        i = n
                    else:
                        handle(src, int(chunk.numbers[i]), chunk.cells(i))
                        i += 1
                        if len(self.pending) >= BATCH:
                            flush()
                        if i % TICK == 0:
                            self._tick(src)
                count += n
                del chunk, prepared  # their arrays go back to the allocator, which returns them to the system
                chunking.release_memory()
                self._tick(src)
        return count

    def _read_then_beside(self, src, handle, flush) -> int:
        """A large CSV file: its first rows here (one by one, until the survey is known), the rest
        read and column-checked by a reader process (prefetch.py); the rows read."""
        count, decided = 0, False
        for row_no, cells in src.reader.rows(src.header_row):
            if not decided and self._ready():
                decided = True
                if prefetch.fast_path_possible(self, src):
                    return count + self._read_beside(src, handle, flush, row_no)
            handle(src, row_no, cells)  # before the survey is known, or no fast path: checked here
            count += 1
            if len(self.pending) >= BATCH:
                flush()
            if count % TICK == 0:
                self._tick(src)
        return count

    def _read_beside(self, src, handle, flush, first_row: int) -> int:
        """The rows from first_row on, read and fast-checked by a reader process (prefetch.py)
        while this one writes; rows it did not take go to `handle` here, in order."""
        count = 0
        with prefetch.Reader(self, src, first_row - 1) as batches:
            for items, fraction, plain in batches:
                self._add_items(src, items, plain, handle, flush)
                count += len(items)
                self._tick(src, fraction)
        return count

    def _add_items(self, src, items: list, plain: bool, handle, flush) -> None:
        """Rows in row order (vectorrows.in_row_order): pending items of the rows the fast path took,
        (None, row number, cells) for the others, which go through `handle`; `plain`: all were taken."""
        for at in range(0, len(items), BATCH):
            part = items[at:at + BATCH]
            if plain:
                self.pending.extend(part)
            else:
                for item in part:
                    if item[0] is None:
                        handle(src, item[1], item[2])
                    else:
                        self.pending.append(item)
                    if len(self.pending) >= BATCH:
                        flush()
            if len(self.pending) >= BATCH:
                flush()

    def _tick(self, src, fraction: float | None = None) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self._report(self.done + src.weight * (src.fraction() if fraction is None else fraction))

    def _report(self, done: float) -> None:
        if self.progress is not None:
            self.progress(int(done), self.total)

    def choose_year(self, year: int, label: str, row: int | None, column: str) -> None:
        """The import's survey year (from --year or the first household row); it needs an indicator set."""
        self.year = year
        known = surveys.get(self.conn, year) is not None
        if not known:
            try:
                indicators.period_for_year(year)
                known = True
            except KeyError:
                pass
        if not known:
            self.problems.add(label, row, column, year, msg("imp_bad_year", value=year))
            return  # rows are still checked, nothing can be loaded
        self.loader = BulkLoad(self.conn, year, self.source_text, whole_villages=self.choices.whole_villages,
                               keep_unchanged=True)
        self.loader.start()
        self.survey = self.loader.survey
        self.layout = list(self.survey.layout)
        self.kinds = C.answer_kinds(self.survey.indicator_set, self.layout)
        self.reference = dt.date.fromisoformat(self.survey.reference_date)

    def check_year(self, r: C.RowCheck, required: bool) -> None:
        y = r.integer("survey_year", required=required, lo=2400, hi=2800)
        if y is None:
            return
        if self.year is None:
            self.choose_year(y, r.src.label, r.row_no, r.src.header.label("survey_year"))
        elif y != self.year:
            key = "imp_year_mismatch" if self.fixed_year is not None else "imp_mixed_years"
            r.bad("survey_year", y, msg(key, value=y, year=self.year))

    # --- households ---------------------------------------------------------------------------

    def answer_positions(self, src) -> list[int | None]:
        """Where each answer code of the layout is in this source (checked once per source)."""
        key = id(src)
        found = self.answer_positions_of.get(key)
        if found is not None:
            return found
        answers = src.header.answers
        for code in self.layout:
            if code not in answers:
                self.broken.add(key)
                name = f"{C.ANSWER_PREFIX}{code}"
                self.problems.add(src.label, src.header_row, name, "", msg("imp_missing_column", column=name))
        known = set(self.layout)
        for code, pos in answers.items():
            if code not in known:
                label = src.header.labels[pos]
                self.problems.add(src.label, src.header_row, label, "",
                                  msg("imp_unknown_answer", column=label, year=self.year))
        found = self.answer_positions_of[key] = [answers.get(code) for code in self.layout]
        return found

    def household_row(self, src, row_no: int, cells: list[str]) -> None:
        rowchecks.household_row(self, src, row_no, cells)

    def _fast_households(self, src) -> vectorrows.Taker | None:
        from desktop.importers import vectorrows

        return vectorrows.household_taker(self, src)

    def _flush_households(self) -> None:
        pending, self.pending = self.pending, []
        if not pending:
            return
        self._record_places(pending)
        marks = [(hid, s, row_no, 0 if row is None else 1) for hid, s, row_no, row, _ in pending]
        added = self.dbapi.executemany(f"INSERT OR IGNORE INTO {ROWS} VALUES (?, ?, ?, ?)", marks).rowcount
        if added == len(marks):  # no house code seen before (the usual case)
            rows = [p[3] for p in pending if p[3] is not None]
        else:  # the table now holds the first row of each code: any other row is a repeat
            ids = json.dumps([p[0] for p in pending])
            first_of = {hid: (s, row) for hid, s, row in self.dbapi.execute(
                f"SELECT hid, src, row FROM {ROWS} WHERE hid IN (SELECT value FROM json_each(?))", (ids,))}
            rows = []
            for hid, s, row_no, row, _ in pending:
                first = first_of[hid]
                if first != (s, row_no):
                    src = self.sources[s]
                    code = str(hid % 100_000_000_000).zfill(11)
                    self.problems.add(src.label, row_no, src.header.label("house_code"), code,
                                      msg("imp_dup_house", value=code, other=self._where(first, s)))
                elif row is not None:
                    rows.append(row)
        if rows:
            self.loadable += len(rows)
            self.loadable_ids.extend([row[0] for row in rows])
            self._ids_sorted = False
            self.loader.add_households(rows)

    def _record_places(self, pending: list) -> None:
        """Village names and อปท. of the loadable rows, in row order (the last name given wins)."""
        villages, laos, village_lao = self.villages, self.laos, self.village_lao
        for *_, place in pending:
            if place is not None:
                village, name, lao_code, kind, lao_name = place
                if name or village not in villages:
                    villages[village] = name or villages.get(village, "")
                if lao_code:
                    laos[lao_code] = (kind, lao_name, village[:6])
                    village_lao[village] = lao_code

    def _where(self, first: tuple[int, int], s: int) -> str:
        src_no, row_no = first
        if src_no == s:
            return str(row_no)
        return msg("imp_row_in", row=row_no, file=self.sources[src_no].label)

    # --- members ------------------------------------------------------------------------------

    def member_row(self, src, row_no: int, cells: list[str]) -> None:
        rowchecks.member_row(self, src, row_no, cells)

    def _fast_members(self, src) -> vectorrows.Taker | None:
        from desktop.importers import vectorrows

        return vectorrows.member_taker(self, src)

    def _flush_members(self) -> None:
        pending, self.pending = self.pending, []
        if not pending:
            return
        rows = [p[4] for p in pending]
        if None not in rows and self._all_loadable({p[0] for p in pending}) and self.loader.add_members_checked(rows):
            return  # every row good, every household loadable, no seq repeated (the usual case)
        self._flush_members_by_row(pending)

    def _all_loadable(self, hids: set[int]) -> bool:
        ids = self.loadable_ids
        if not self._ids_sorted:
            ids = self.loadable_ids = array("q", sorted(ids))
            self._ids_sorted = True
        end = len(ids)
        for hid in hids:
            at = bisect_left(ids, hid)
            if at == end or ids[at] != hid:
                return False
        return True

    def _flush_members_by_row(self, pending: list) -> None:
        ids = json.dumps(sorted({p[0] for p in pending}))
        state = dict(self.dbapi.execute(
            f"SELECT hid, ok FROM {ROWS} WHERE hid IN (SELECT value FROM json_each(?))", (ids,)))
        taken = set(self.dbapi.execute(
            "SELECT household_id, seq FROM member WHERE household_id IN (SELECT value FROM json_each(?))", (ids,)))
        rows = []
        for hid, seq, s, row_no, row, house_code in pending:
            src = self.sources[s]
            ok = state.get(hid)
            if ok is None:
                self.problems.add(src.label, row_no, src.header.label("house_code"), house_code,
                                  msg("imp_orphan_member", value=house_code))
                continue
            if not ok:
                continue  # its household row has problems of its own
            if row is None:
                self.member_skip.add(hid)
                continue
            if (hid, seq) in taken:
                self.problems.add(src.label, row_no, src.header.label("seq"), seq,
                                  msg("imp_dup_seq", value=seq, house=house_code))
                continue
            taken.add((hid, seq))
            rows.append(row)
        if rows:
            self.loader.add_members(rows)

    # --- checks after loading -----------------------------------------------------------------

    def _households_without_members(self) -> None:
        if self.loader.households_with_members() == self.loadable:
            return  # every loadable household got member rows
        found = self.dbapi.execute(
            f"SELECT r.hid, r.src, r.row FROM {ROWS} r WHERE r.ok = 1 AND NOT EXISTS"
            " (SELECT 1 FROM member m WHERE m.household_id = r.hid) ORDER BY r.src, r.row"
        )
        for hid, s, row_no in found:
            if hid in self.member_skip:
                continue  # its member rows have problems of their own
            src = self.sources[s]
            code = str(hid % 100_000_000_000).zfill(11)
            self.problems.add(src.label, row_no, src.header.label("house_code"), code,
                              msg("imp_no_members", value=code))

    def _duplicate_ids(self, indexed: bool = False) -> None:
        """IDs used twice in this import: SQL finds them, a second read of the member files says where.

        indexed: every member row is this import's and ix_member_pid_rev exists (a first load,
        after finish): a scan of that index instead of sorting the IDs.
        """
        if indexed:
            dups = {rev[::-1] for (rev,) in self.dbapi.execute(
                "SELECT pid_rev FROM member INDEXED BY ix_member_pid_rev GROUP BY pid_rev HAVING count(*) > 1")}
        else:
            dups = {pid for (pid,) in self.dbapi.execute(
                f"SELECT m.pid FROM member m JOIN {ROWS} r ON r.hid = m.household_id WHERE r.ok = 1"
                " GROUP BY m.pid HAVING count(*) > 1")}
        in_store = {} if indexed else storechecks.ids_in_store(self, ROWS)
        dups |= set(in_store)
        if not dups:
            return
        places: dict[str, list[tuple[int, int]]] = {}
        for src in self.members:
            pos = src.header.index.get("pid")
            if pos is None:
                continue
            s = self.src_index[id(src)]
            for chunk in src.chunks():
                if pos >= chunk.width:
                    continue
                for row_no, cell in zip(chunk.numbers.tolist(), chunk.column(pos).to_pylist()):
                    pid = C.digits_only(cell.strip())
                    if pid in dups:
                        places.setdefault(pid, []).append((s, row_no))
        for pid, where in places.items():
            if pid in in_store and len(where) == 1:
                (s, row_no), (house, village) = where[0], in_store[pid]
                src = self.sources[s]
                self.problems.add(src.label, row_no, src.header.label("pid"), pid,
                                  msg("imp_pid_in_store", value=pid, house=house, village=village))
                continue
            for s, row_no in where:
                others = ", ".join(self._where(w, s) for w in where if w != (s, row_no))
                src = self.sources[s]
                self.problems.add(src.label, row_no, src.header.label("pid"), pid,
                                  msg("imp_dup_pid", value=pid, other=others))
