"""The import's checking path: one row at a time, every cell checked, every problem reported.

national._Job sends here each row the fast path (vectorrows.py) did not take. A row is appended to
job.pending like the fast path does (households: (id, source, row, values or None, place); members:
(household id, seq, source, row, values or None, house code)), values None when the row has problems,
so that the batch bookkeeping still sees its house code.
"""

from __future__ import annotations

from desktop import messages
from desktop.importers import cellchecks
from desktop.importers import columns as C
from desktop.importers.limits import MAX_AGE, WARN_AGE
from desktop.messages import msg
from desktop.models import dates, thaiid
from desktop.models.schema import household_id
from desktop.models.sortkeys import house_sort_key, thai_sort_key


def used_columns(job, src) -> dict[int, str]:
    """Position -> column name of every cell the import reads from this source (answers as q<code>)."""
    found = job.used_of.get(id(src))
    if found is None:
        header = src.header
        found = {pos: name for name, pos in header.index.items()}
        found.update({pos: C.ANSWER_PREFIX + code for code, pos in header.answers.items()})
        job.used_of[id(src)] = found
    return found


def household_row(job, src, row_no: int, cells: list[str]) -> None:
    r = C.RowCheck(job, src, row_no, cells)
    cellchecks.flagged_cells(r, used_columns(job, src))
    job.check_year(r, required=True)
    village = r.text("village_code", required=True)
    province = None
    if village:
        village = C.digits_only(village)
        if len(village) == 8 and village.isdigit() and village[:6] in job.tambons:
            province = village[:2]
        else:
            r.bad("village_code", r.cell("village_code"), msg("imp_bad_village", value=r.cell("village_code")))
    house_code = C.digits_only(r.text("house_code", required=True))
    well_formed = len(house_code) == 11 and house_code.isdigit()
    code_ok = well_formed and (province is None or house_code[:2] == province)
    if house_code and not code_ok:
        r.bad("house_code", r.cell("house_code"),
              msg("imp_bad_house_code", value=r.cell("house_code"), province=province or village[:2] or "??"))
    house_no = r.text("house_no", required=True)
    head = r.text("head_name", required=True)
    money = [r.money(name) for name in C.MONEY_COLUMNS]
    survey_date = r.date("survey_date")
    collector = r.text("collector")
    answers = _answers(job, r, src) if job.survey is not None else r.loose_answers()
    lao = _lao(r, village if province else None)
    if id(src) in job.broken:
        r.ok = False
    hid = household_id(job.year, house_code) if well_formed and job.year else None
    row = place = None
    if r.ok and job.loader is not None:
        v = int(village)
        row = (hid, job.year, v // 1_000_000, v // 10_000, v // 100, v, house_no, house_sort_key(house_no),
               house_code, head, thai_sort_key(head), *money, answers, collector,
               survey_date.isoformat() if survey_date else "", 1, 0)
        place = (village, r.text("village_name"), *(lao[:3] if lao else ("", None, None)))
    if hid is not None:
        job.pending.append((hid, job.src_index[id(src)], row_no, row, place))


def _answers(job, r: C.RowCheck, src) -> str:
    positions = job.answer_positions(src)
    cells = r.cells
    n = len(cells)
    out = []
    for kind, pos in zip(job.kinds, positions):
        value = cells[pos] if pos is not None and pos < n else ""
        ch = C.ANSWER_MAPS[kind].get(value)
        if ch is None:
            ch = C.parse_answer(kind, value)
            if ch is None:
                r.bad_at(pos, cellchecks.shown(value),
                         cellchecks.text_problem("", value) or msg("imp_bad_answer", value=value))
                ch = "-"
        out.append(ch)
    return "".join(out)


def _lao(r: C.RowCheck, village: str | None) -> tuple[str, str, str, str] | None:
    code = r.text("lao_code")
    kind_text = r.text("lao_kind", required=bool(code))
    name = r.text("lao_name", required=bool(code))
    kind = C.choice(C.LAO_KIND, kind_text) if kind_text else None
    if kind_text and kind is None:
        r.bad("lao_kind", kind_text, msg("imp_lao_kind", value=kind_text))
    if code and kind and name and village:
        return code, kind, name, village[:6]
    return None


def member_row(job, src, row_no: int, cells: list[str]) -> None:
    r = C.RowCheck(job, src, row_no, cells)
    cellchecks.flagged_cells(r, used_columns(job, src))
    if job.year is not None and "survey_year" in src.header.index:
        job.check_year(r, required=False)
    house_code = C.digits_only(r.text("house_code", required=True))
    code_ok = len(house_code) == 11 and house_code.isdigit()
    if house_code and not code_ok:
        r.bad("house_code", r.cell("house_code"),
              msg("imp_bad_house_code", value=r.cell("house_code"), province=house_code[:2] or "??"))
    seq = r.integer("seq", required=True, lo=1, hi=999)
    pid_text = r.text("pid", required=True)
    pid = C.digits_only(pid_text)
    if pid_text and not thaiid.is_valid(pid):
        r.bad("pid", pid_text, msg("imp_bad_pid", value=pid_text))
    title = r.text("title")
    first = r.text("first_name", required=True)
    last = r.text("last_name", required=True)
    sex = r.choice("sex", C.SEX, C.SEX_CHOICES, required=True)
    birth = r.date("birth_date", required=True)
    if birth is not None:
        _check_birth(job, r, birth)
    relation, education, occupation = r.text("relation"), r.text("education"), r.text("occupation")
    health = r.choice("health", C.HEALTH, C.HEALTH_CHOICES)
    self_reliant = r.choice("self_reliant", C.FLAG, C.FLAG_CHOICES, default=1)
    in_school = r.choice("in_school", C.FLAG, C.FLAG_CHOICES, default=0)
    if id(src) in job.broken:
        r.ok = False
    if not (code_ok and job.year):
        return
    hid = household_id(job.year, house_code)
    row = None
    if r.ok and job.loader is not None:
        age, months = dates.age_at(birth, job.reference)
        row = (hid, seq, pid, pid[::-1], title, first, last, sex, birth.isoformat(), age, months,
               relation, education, occupation, health, self_reliant, in_school)
    job.pending.append((hid, seq, job.src_index[id(src)], row_no, row, house_code))


def _check_birth(job, r: C.RowCheck, birth) -> None:
    """Born in the future, after the survey's reference date (a negative age), or over MAX_AGE at it:
    problems; over WARN_AGE (up to MAX_AGE): a warning to confirm (the row still loads)."""
    if birth > job.today:
        r.bad("birth_date", r.cell("birth_date"), msg("imp_future_date", value=r.cell("birth_date")))
    elif job.reference is not None and birth > job.reference:
        r.bad("birth_date", r.cell("birth_date"), msg("imp_birth_after_reference", value=r.cell("birth_date"),
                                                      reference=dates.long_date(job.reference, messages.language())))
    elif job.reference is not None:
        age = dates.age_at(birth, job.reference)[0]
        if age > MAX_AGE:
            r.bad("birth_date", r.cell("birth_date"), msg("imp_too_old", age=age))
        elif age > WARN_AGE:
            job.warnings.add(r.src.label, r.row_no, r.src.header.label("birth_date"), r.cell("birth_date"),
                             msg("imp_warn_old", age=age, limit=WARN_AGE, reference=dates.long_date(
                                 job.reference, messages.language())))
