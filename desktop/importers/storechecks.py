"""Checks of an import against what is loaded and what the store holds (SQL, after the rows are in).

- A count of persons (an indicator answer of a person-unit indicator) above the household's members.
- A national ID already used in a household the import does not bring, in the same survey year
  (one person counted twice), unless that household is being replaced as part of a whole village.
- Warnings to confirm (not problems): more member rows than limits.WARN_MEMBERS in a household, a
  yearly income (fields.INCOME summed) above limits.WARN_INCOME.
"""

from __future__ import annotations

import json

from desktop.importers import columns as C
from desktop.importers import import_messages  # noqa: F401 - registers the messages used here
from desktop.importers.limits import WARN_INCOME, WARN_MEMBERS
from desktop.messages import msg
from desktop.models.fields import INCOME, total_income_sql
from desktop.models.loader import FACTS, STAGE

YEAR_SPAN = 100_000_000_000  # household id = survey year * YEAR_SPAN + house code (schema.household_id)


def counts_over_members(job, rows_table: str) -> None:
    """Report every person count above the member rows its household has in this import."""
    positions = [k for k, kind in enumerate(job.kinds) if kind == C.COUNT]
    if not positions or job.loader is None:
        return
    # the load's member facts (loader.FACTS) hold each household's member count: no member row is read
    over = " OR ".join(f"instr(?, substr(s.answers, {k + 1}, 1)) - 1 > f.n" for k in positions)
    found = job.dbapi.execute(
        f"SELECT s.id, s.answers, f.n, r.src, r.row FROM {STAGE} s JOIN {FACTS} f ON f.hid = s.id"
        f" JOIN {rows_table} r ON r.hid = s.id WHERE ({over}) ORDER BY r.src, r.row",
        [C.DIGITS36] * len(positions)).fetchall()
    for hid, answers, n, s, row_no in found:
        if hid in job.member_skip:
            continue  # its member rows have problems of their own
        src = job.sources[s]
        where = job.answer_positions(src)
        for k in positions:
            value = C.DIGITS36.find(answers[k])
            if value > n:
                job.problems.add(src.label, row_no, src.header.labels[where[k]], value,
                                 msg("imp_count_over_members", value=value, members=n))


def many_members(job, rows_table: str) -> None:
    """Warn of every household with more member rows in this import than WARN_MEMBERS."""
    if job.loader is None:
        return
    found = job.dbapi.execute(
        f"SELECT f.hid, f.n, r.src, r.row FROM {FACTS} f JOIN {rows_table} r ON r.hid = f.hid"
        " WHERE f.n > ? ORDER BY r.src, r.row", (WARN_MEMBERS,)).fetchall()
    for hid, n, s, row_no in found:
        if hid in job.member_skip:
            continue  # its member rows have problems of their own: the count is not the file's
        src = job.sources[s]
        code = str(hid % YEAR_SPAN).zfill(11)
        job.warnings.add(src.label, row_no, src.header.label("house_code"), code,
                         msg("imp_warn_members", n=n, limit=WARN_MEMBERS))


def high_incomes(job, rows_table: str) -> None:
    """Warn of every loadable household whose yearly income is above WARN_INCOME; the column named is
    its largest income component (the likeliest to hold an extra zero)."""
    if job.loader is None:
        return
    found = job.dbapi.execute(
        f"SELECT {', '.join('s.' + c for c in INCOME)}, r.src, r.row FROM {STAGE} s"
        f" JOIN {rows_table} r ON r.hid = s.id WHERE {total_income_sql('s.')} > ? ORDER BY r.src, r.row",
        (WARN_INCOME,)).fetchall()
    for *amounts, s, row_no in found:
        src = job.sources[s]
        largest = max(range(len(INCOME)), key=lambda k: amounts[k])
        job.warnings.add(src.label, row_no, src.header.label(INCOME[largest]), amounts[largest],
                         msg("imp_warn_income", total=sum(amounts), limit=WARN_INCOME))


def ids_in_store(job, rows_table: str) -> dict[str, tuple[str, int]]:
    """IDs of this import's loadable members that a household of the same year outside the import
    already holds: pid -> (that household's code, its village)."""
    loader = job.loader
    if loader is None or loader.year_was_empty:
        return {}
    lo = job.year * YEAR_SPAN
    whole = job.choices.whole_villages
    replaced = sorted(int(v) for v in job.villages) if whole is True else sorted(whole or ())
    found = job.dbapi.execute(
        f"SELECT m.pid, h.house_code, h.village FROM member m JOIN {rows_table} r ON r.hid = m.household_id"
        " AND r.ok = 1 JOIN member o INDEXED BY ix_member_pid_rev ON o.pid_rev = m.pid_rev"
        f" JOIN household h ON h.id = o.household_id WHERE o.household_id BETWEEN ? AND ?"
        f" AND o.household_id NOT IN (SELECT hid FROM {rows_table})"
        " AND h.village NOT IN (SELECT value FROM json_each(?))", (lo, lo + YEAR_SPAN - 1, json.dumps(replaced)))
    return {pid: (house_code, village) for pid, house_code, village in found}
