"""Corrections of household data requested by the reviewing officer (DESIGN.md §2, domain/anchors.md).

The imported rows are never changed: a correction is an append-only event in `correction_event`
(kind 'correct', one field of a household or member, with the value it replaces as currently
corrected), undone by a 'revert' event, and followed through by 'status' events ('sent' when an
issued list carries it, 'confirmed' / 'not_applied' when a later import of the village is
reconciled). Every write has its audit entry in the same transaction and, when desktop.sync.outbox
exists, an outbox event.

Status of a correction: recorded -> sent -> confirmed | not_applied, or reverted at any time.
"As corrected" applies the corrections whose status is recorded, sent or not_applied (a confirmed
one is in the imported data already) on top of the current rows.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop.models import audit, dates, engine, meta, surveys, thaiid
from desktop.models.errors import UserError

RECORDED, SENT, CONFIRMED, NOT_APPLIED, REVERTED = "recorded", "sent", "confirmed", "not_applied", "reverted"
STATUS_LABELS = {RECORDED: "บันทึกแล้ว", SENT: "ส่งแจ้งแล้ว", CONFIRMED: "ยืนยันแล้ว", NOT_APPLIED: "ยังไม่แก้ไข",
                 REVERTED: "ยกเลิกแล้ว"}
OPEN_STATUSES = (RECORDED, SENT)  # reconciled by the next import of the village
APPLIED_STATUSES = (RECORDED, SENT, NOT_APPLIED)  # applied in the "as corrected" view
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # text / int / date / pid / choice / answer
    label: str
    member: bool = False
    choices: tuple[str, ...] = ()
    required: bool = False


def _spec(name, kind, label, member=False, choices=(), required=False) -> FieldSpec:
    return FieldSpec(name, kind, label, member, tuple(choices), required)


FIELDS: dict[str, FieldSpec] = {s.name: s for s in (
    _spec("house_no", "text", "บ้านเลขที่", required=True),
    _spec("head_name", "text", "ชื่อหัวหน้าครัวเรือน", required=True),
    _spec("inc_main", "int", "รายได้จากอาชีพหลัก"),
    _spec("inc_second", "int", "รายได้จากอาชีพรอง"),
    _spec("inc_other", "int", "รายได้อื่น ๆ"),
    _spec("inc_produce", "int", "รายได้จากการผลิตเพื่อกินเอง"),
    _spec("exp_production", "int", "รายจ่ายเพื่อการผลิต"),
    _spec("exp_necessary", "int", "รายจ่ายที่จำเป็น"),
    _spec("exp_unnecessary", "int", "รายจ่ายที่ไม่จำเป็น"),
    _spec("exp_debt", "int", "รายจ่ายชำระหนี้"),
    _spec("title", "text", "คำนำหน้า", member=True),
    _spec("first_name", "text", "ชื่อ", member=True, required=True),
    _spec("last_name", "text", "นามสกุล", member=True, required=True),
    _spec("sex", "choice", "เพศ", member=True, choices=("M", "F")),
    _spec("birth_date", "date", "วันเกิด", member=True),
    _spec("pid", "pid", "เลขประจำตัวประชาชน", member=True),
    _spec("relation", "text", "ความสัมพันธ์กับหัวหน้าครัวเรือน", member=True),
    _spec("education", "text", "การศึกษา", member=True),
    _spec("occupation", "text", "อาชีพ", member=True),
    _spec("health", "choice", "สุขภาพ", member=True, choices=("N", "D", "C")),
    _spec("self_reliant", "choice", "ช่วยเหลือตนเองได้", member=True, choices=("0", "1")),
    _spec("in_school", "choice", "กำลังเรียน", member=True, choices=("0", "1")),
)}
ANSWER_PREFIX = "answer:"


class CorrectionError(UserError):
    """The correction cannot be saved; the message lists every problem (Thai)."""

    def __init__(self, problems: list[str]):
        super().__init__("บันทึกการแก้ไขไม่ได้:\n" + "\n".join(f"- {p}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Change:
    field: str
    new_value: str
    member_seq: int | None = None


@dataclass(frozen=True)
class CorrectionState:
    uuid: str
    set_uuid: str
    household_id: int
    member_seq: int | None
    field: str
    label: str
    old_value: str
    new_value: str
    reason: str
    created_at: str
    status: str


def field_spec(conn: Connection, survey_year: int, name: str) -> FieldSpec | None:
    """The spec of a field, including "answer:<code>" fields of the survey's layout (kind 'answer')."""
    if name in FIELDS:
        return FIELDS[name]
    if name.startswith(ANSWER_PREFIX):
        survey = surveys.get(conn, survey_year)
        code = name[len(ANSWER_PREFIX):]
        if survey and code in survey.layout:
            counted = _count_codes(survey)
            kind_label = "จำนวนคน" if code in counted else "ใช่/ไม่ใช่"
            return FieldSpec(name, "answer", f"ตัวชี้วัดข้อ {code} ({kind_label})", choices=("count",) if code in counted else ("1", "0"))
    return None


def answer_fields(conn: Connection, survey_year: int) -> list[FieldSpec]:
    survey = surveys.get(conn, survey_year)
    return [field_spec(conn, survey_year, ANSWER_PREFIX + c) for c in (survey.layout if survey else [])]


def _count_codes(survey) -> set[str]:
    """Answer codes holding a number of persons (person indicators and given targets)."""
    out = set()
    for ind in survey.indicator_set.indicators:
        if ind.unit == "person" and ind.rule != "income":
            out.add(ind.code)
        if ind.target_given:
            out.add(f"{ind.no}t")
    return out


def label_of(conn: Connection, survey_year: int, name: str) -> str:
    spec = field_spec(conn, survey_year, name)
    return spec.label if spec else name


# ---------------------------------------------------------------- reading rows as corrected

def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def _household_row(conn: Connection, hid: int, schema: str = "main") -> dict | None:
    row = conn.execute(text(f"SELECT * FROM {schema}.household WHERE id = :id"), {"id": hid}).mappings().first()
    return dict(row) if row else None


def _member_rows(conn: Connection, hid: int, schema: str = "main") -> dict[int, dict]:
    rows = conn.execute(text(f"SELECT * FROM {schema}.member WHERE household_id = :id ORDER BY seq"), {"id": hid}).mappings()
    return {r["seq"]: dict(r) for r in rows}


def _raw_value(row: dict, name: str, layout: list[str]) -> str:
    if name.startswith(ANSWER_PREFIX):
        code = name[len(ANSWER_PREFIX):]
        pos = layout.index(code) if code in layout else -1
        answers = row.get("answers") or ""
        ch = answers[pos] if 0 <= pos < len(answers) else "-"
        count = engine.decode_count(ch)
        return "" if ch == "-" else (str(count) if count is not None else ch)
    value = row.get(name)
    return "" if value is None else str(value)


raw_value = _raw_value  # public name: a row's value of a field as text, answers decoded ("" = no answer)


def _states(conn: Connection, where: str, params: dict) -> list[CorrectionState]:
    rows = conn.execute(
        text(
            "SELECT c.uuid, c.set_uuid, c.household_id, c.member_seq, c.field, c.old_value, c.new_value, c.reason,"
            " c.created_at, c.survey_year,"
            " (SELECT 1 FROM correction_event r WHERE r.kind = 'revert' AND r.ref_uuid = c.uuid) AS reverted,"
            " (SELECT s.status FROM correction_event s WHERE s.kind = 'status' AND s.ref_uuid = c.uuid"
            "  ORDER BY s.seq DESC LIMIT 1) AS status"
            f" FROM correction_event c WHERE c.kind = 'correct' AND {where} ORDER BY c.seq"
        ),
        params,
    ).all()
    return [
        CorrectionState(r.uuid, r.set_uuid, r.household_id, r.member_seq, r.field, label_of(conn, r.survey_year, r.field),
                        r.old_value or "", r.new_value or "", r.reason, r.created_at,
                        REVERTED if r.reverted else (r.status or RECORDED))
        for r in rows
    ]


def corrections_of(conn: Connection, household_id: int) -> list[CorrectionState]:
    """Every correction of one household in the order recorded, with its current status."""
    return _states(conn, "c.household_id = :h", {"h": household_id})


def statuses(conn: Connection, household_ids) -> dict[int, list[CorrectionState]]:
    """household id -> its corrections (with status), for the given households (those without: absent)."""
    ids = json.dumps([int(h) for h in household_ids])
    out: dict[int, list[CorrectionState]] = {}
    for state in _states(conn, "c.household_id IN (SELECT value FROM json_each(:ids))", {"ids": ids}):
        out.setdefault(state.household_id, []).append(state)
    return out


# The status of correction c as SQL (same rule as _states): reverted, else its latest status event, else recorded.
STATUS_SQL = (
    "(CASE WHEN EXISTS (SELECT 1 FROM correction_event r WHERE r.kind = 'revert' AND r.ref_uuid = c.uuid)"
    " THEN 'reverted' ELSE coalesce((SELECT s.status FROM correction_event s WHERE s.kind = 'status'"
    " AND s.ref_uuid = c.uuid ORDER BY s.seq DESC LIMIT 1), 'recorded') END)"
)


def status_condition(status: str, alias: str = "h") -> tuple[str, dict]:
    """A SQL condition over a household row (alias h) for a table filter: the household has a correction in
    `status` ('any': any correction, 'open': recorded or sent). Returns (sql, params)."""
    wanted = {"any": None, "open": list(OPEN_STATUSES)}.get(status, [status])
    cond = "" if wanted is None else f" AND {STATUS_SQL} IN (SELECT value FROM json_each(:corr_status))"
    sql = (f"{alias}.id IN (SELECT c.household_id FROM correction_event c WHERE c.kind = 'correct'"
           f" AND c.survey_year = {alias}.survey_year{cond})")
    return sql, ({} if wanted is None else {"corr_status": json.dumps(wanted)})


def households_with_status(conn: Connection, survey_year: int, area_code: str | None, status: str) -> set[int]:
    """Households of a year (inside an area code prefix, or all) with at least one correction in `status`
    (or 'any' for any correction, 'open' for recorded/sent).
    The result includes households that a later import no longer has (status_condition cannot see those)."""
    wanted = {"any": None, "open": list(OPEN_STATUSES)}.get(status, [status])
    params: dict = {"y": survey_year, "w": json.dumps(wanted)}
    where = "c.kind = 'correct' AND c.survey_year = :y"
    if wanted is not None:
        where += f" AND {STATUS_SQL} IN (SELECT value FROM json_each(:w))"
    if area_code:
        params.update(lo=int(area_code.ljust(8, "0")), hi=int(area_code.ljust(8, "9")))
        where += " AND c.village BETWEEN :lo AND :hi"
    return set(conn.execute(text(f"SELECT DISTINCT c.household_id FROM correction_event c WHERE {where}"), params).scalars())


def _overlay(states: list[CorrectionState]) -> dict[tuple[int | None, str], str]:
    out: dict[tuple[int | None, str], str] = {}
    for s in states:  # in recording order: the latest wins
        if s.status in APPLIED_STATUSES:
            out[(s.member_seq, s.field)] = s.new_value
    return out


def _apply(household: dict, members: dict[int, dict], overlay: dict, layout: list[str], reference_date: str) -> None:
    for (seq, name), value in overlay.items():
        if seq is None:
            if name.startswith(ANSWER_PREFIX):
                code = name[len(ANSWER_PREFIX):]
                if code in layout:
                    answers = list((household.get("answers") or "").ljust(len(layout), "-"))
                    answers[layout.index(code)] = _answer_char(value)
                    household["answers"] = "".join(answers)
            else:
                household[name] = int(value) if FIELDS[name].kind == "int" else value
                if name in ("house_no", "head_name"):
                    from desktop.models.sortkeys import house_sort_key, thai_sort_key

                    sort_column, key = ("house_sort", house_sort_key) if name == "house_no" else ("head_sort", thai_sort_key)
                    household[sort_column] = key(value)
        elif seq in members:
            m = members[seq]
            if name in ("self_reliant", "in_school"):
                m[name] = int(value)
            else:
                m[name] = value
            if name == "pid":
                m["pid_rev"] = value[::-1]
            if name == "birth_date":
                m["age"], m["age_months"] = dates.age_at(dt.date.fromisoformat(value), dt.date.fromisoformat(reference_date))


def _answer_char(value: str) -> str:
    if value in ("", "-"):
        return "-"
    return engine.encode_count(int(value))


def corrected_values(conn: Connection, household_id: int) -> tuple[dict, dict[int, dict]] | None:
    """(household row, {seq: member row}) with the applied corrections on top; None if no such household."""
    household = _household_row(conn, household_id)
    if household is None:
        return None
    members = _member_rows(conn, household_id)
    survey = surveys.get(conn, household["survey_year"])
    _apply(household, members, _overlay(corrections_of(conn, household_id)), survey.layout, survey.reference_date)
    return household, members


def current_value(conn: Connection, household_id: int, name: str, member_seq: int | None = None) -> str:
    found = corrected_values(conn, household_id)
    if found is None:
        return ""
    household, members = found
    survey = surveys.get(conn, household["survey_year"])
    row = household if member_seq is None else members.get(member_seq, {})
    return _raw_value(row, name, survey.layout)


# ---------------------------------------------------------------- evaluation as corrected (same engine)

def shadow_tables(conn: Connection, survey_year: int, household_ids: list[int], scope_sql: str | None = None,
                  params: dict | None = None) -> None:
    """TEMP copies of household/member (which shadow the main tables for unqualified SQL on this connection)
    holding the given households (or those matching scope_sql over h) with their corrections applied and
    re-evaluated by the engine."""
    drop_shadow_tables(conn)
    ids = json.dumps([int(h) for h in household_ids])
    where, p = (scope_sql, dict(params or {})) if scope_sql else ("h.id IN (SELECT value FROM json_each(:ids))", {"ids": ids})
    conn.execute(text(f"CREATE TEMP TABLE household AS SELECT h.* FROM main.household h WHERE {where}"), p)
    conn.execute(text("CREATE TEMP TABLE member AS SELECT m.* FROM main.member m"
                      " WHERE m.household_id IN (SELECT id FROM temp.household)"))
    conn.execute(text("CREATE INDEX temp.ix_shadow_member ON member(household_id, seq)"))
    survey = surveys.get(conn, survey_year)
    by_house = statuses(conn, household_ids)
    for hid in household_ids:
        household = _household_row(conn, hid, "temp")
        if household is None:
            continue
        members = _member_rows(conn, hid, "temp")
        _apply(household, members, _overlay(by_house.get(hid, [])), survey.layout, survey.reference_date)
        cols = [c for c in household if c != "id"]
        conn.execute(text(f"UPDATE temp.household SET {', '.join(f'{c} = :{c}' for c in cols)} WHERE id = :id"), household)
        for m in members.values():
            mcols = [c for c in m if c not in ("household_id", "seq")]
            conn.execute(text(f"UPDATE temp.member SET {', '.join(f'{c} = :{c}' for c in mcols)}"
                              " WHERE household_id = :household_id AND seq = :seq"), m)
    engine.evaluate_scope(conn, survey.indicator_set, survey_year, survey.layout, "h.survey_year = :y", {"y": survey_year})


def drop_shadow_tables(conn: Connection) -> None:
    for table in ("household", "member", *_SUMMARY_TABLES):
        conn.execute(text(f"DROP TABLE IF EXISTS temp.{table}"))


_SUMMARY_TABLES = ("report_village", "report_indicator", "report_income_failing")


@contextmanager
def corrected_view(conn: Connection, survey_year: int, *, all_households: bool = False):
    """Inside the block, unqualified SQL on `conn` sees the year's data as corrected: TEMP tables shadow
    household/member (the villages with applied corrections, or every household of the year with
    all_households=True) and the report summaries (copies of the year's, the corrected villages recomputed by
    summary.refresh). Yields the number of corrected households (0: nothing differs, no tables made)."""
    from desktop.models import summary

    hids = sorted({s.household_id for s in _states(conn, "c.survey_year = :y", {"y": survey_year})
                   if s.status in APPLIED_STATUSES})
    if not hids:
        yield 0
        return
    villages = sorted(set(conn.execute(text("SELECT DISTINCT village FROM household WHERE id IN"
                                            " (SELECT value FROM json_each(:ids))"), {"ids": json.dumps(hids)}).scalars()))
    try:
        scope = "h.survey_year = :y" + ("" if all_households else " AND h.village IN (SELECT value FROM json_each(:v))")
        shadow_tables(conn, survey_year, hids, scope, {"y": survey_year, "v": json.dumps(villages)})
        for table in _SUMMARY_TABLES:
            conn.execute(text(f"CREATE TEMP TABLE {table} AS SELECT * FROM main.{table} WHERE survey_year = :y"),
                         {"y": survey_year})
        summary.refresh(conn, survey_year, villages)
        yield len(hids)
    finally:
        drop_shadow_tables(conn)


def corrected_rows(conn: Connection, rows: list) -> list:
    """Household table rows (households.HouseholdRow) with applied corrections on top: the corrected
    households of the page are re-evaluated by the engine in shadow tables; the others are returned as they are."""
    if not rows:
        return rows
    by_house = statuses(conn, [r.id for r in rows])
    changed = [hid for hid, states in by_house.items() if any(s.status in APPLIED_STATUSES for s in states)]
    if not changed:
        return rows
    from desktop.models import households

    year = conn.execute(text("SELECT survey_year FROM household WHERE id = :i"), {"i": changed[0]}).scalar()
    try:
        shadow_tables(conn, year, changed)
        fixed = {r.id: r for r in households.rows_by_ids(conn, changed)}  # unqualified SQL sees the shadow tables
    finally:
        drop_shadow_tables(conn)
    return [fixed.get(r.id, r) for r in rows]


def evaluate_as_corrected(conn: Connection, household_id: int) -> list[engine.IndicatorResult]:
    """The household's indicator results with its corrections applied, through the engine's own SQL."""
    household = _household_row(conn, household_id)
    if household is None:
        return []
    survey = surveys.get(conn, household["survey_year"])
    try:
        shadow_tables(conn, survey.year, [household_id])
        return engine.evaluate_household(conn, survey.indicator_set, survey.year, survey.layout, household_id)
    finally:
        drop_shadow_tables(conn)


# ---------------------------------------------------------------- validation and recording

def _validate(conn: Connection, household: dict, members: dict[int, dict], change: Change) -> tuple[str | None, str | None]:
    """(normalised value, None) or (None, problem in Thai)."""
    spec = field_spec(conn, household["survey_year"], change.field)
    if spec is None:
        return None, f"ไม่มีช่องข้อมูล '{change.field}' ที่แก้ไขได้"
    where = f"สมาชิกลำดับที่ {change.member_seq}: " if change.member_seq is not None else ""
    if spec.member and change.member_seq is None:
        return None, f"{spec.label}: ต้องระบุสมาชิก"
    if not spec.member and change.member_seq is not None:
        return None, f"{spec.label}: เป็นข้อมูลของครัวเรือน ไม่ใช่ของสมาชิก"
    if spec.member and change.member_seq not in members:
        return None, f"{where}ไม่มีสมาชิกลำดับนี้ในครัวเรือน"
    value = str(change.new_value if change.new_value is not None else "").strip()
    label = where + spec.label
    if spec.kind == "text":
        if spec.required and not value:
            return None, f"{label}: ต้องไม่เว้นว่าง"
        if len(value) > 200:
            return None, f"{label}: ยาวเกิน 200 ตัวอักษร"
        return value, None
    if spec.kind == "int":
        digits = value.replace(",", "").translate(dates.ARABIC_DIGITS)
        if not digits.isdigit():
            return None, f"{label}: ต้องเป็นจำนวนเงินเต็มบาท ไม่ติดลบ (ได้ '{value}')"
        return str(int(digits)), None
    if spec.kind == "date":
        try:
            day = dates.parse_date(value)
        except (ValueError, TypeError):
            return None, f"{label}: อ่านวันที่ '{value}' ไม่ได้ (ใช้ วว/ดด/ปปปป พ.ศ. หรือ ปปปป-ดด-วว)"
        if day > dt.date.today():
            return None, f"{label}: วันที่ {dates.be_date(day.isoformat())} อยู่ในอนาคต"
        return day.isoformat(), None
    if spec.kind == "pid":
        pid = thaiid.normalise(value)
        if not thaiid.is_valid(pid):
            return None, f"{label}: '{value}' ไม่ถูกต้อง (ต้องมี 13 หลัก และหลักสุดท้ายตรวจสอบได้)"
        return pid, None
    if spec.kind == "choice":
        if value not in spec.choices:
            return None, f"{label}: ต้องเป็นหนึ่งใน {', '.join(spec.choices)} (ได้ '{value}')"
        return value, None
    # answer
    if value in ("", "-"):
        return "", None
    if spec.choices == ("count",):
        if not value.isdigit() or not 0 <= int(value) <= 35:
            return None, f"{label}: ต้องเป็นจำนวนคน 0-35 (ได้ '{value}')"
        return str(int(value)), None
    if value not in ("1", "0"):
        return None, f"{label}: ต้องเป็น 1 (ใช่/ผ่าน) หรือ 0 (ไม่ใช่/ไม่ผ่าน) (ได้ '{value}')"
    return value, None


def check_not_certified(conn: Connection, household_id: int) -> None:
    """Raise UserError when the household's area and year are covered by an active certification
    (desktop/models/certification.py; imported here, not at module level: it reads corrections too)."""
    from desktop.models import certification

    certification.check_unlocked(conn, household_id)


def _thumbnail(data: bytes) -> bytes | None:
    try:
        import io

        from PIL import Image
    except ImportError:
        return None
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.thumbnail((160, 160))
            out = io.BytesIO()
            img.convert("RGB").save(out, "JPEG", quality=80)
            return out.getvalue()
    except Exception:  # noqa: BLE001 - not an image Pillow reads: stored without a thumbnail
        return None


def _outbox(conn: Connection, kind: str, payload: dict, household_id: int) -> None:
    try:
        from desktop.sync import outbox
    except ImportError:
        return
    record_event = getattr(outbox, "record", None)
    if record_event is not None:
        record_event(conn, kind, payload, household_id)


def record(conn: Connection, household_id: int, changes, reason: str, evidence=None) -> str:
    """Record a set of corrections of one household (caller's transaction); returns the set's UUID.
    Raises CorrectionError listing every problem, before anything is written."""
    changes = list(changes)
    household = _household_row(conn, household_id)
    if household is None:
        raise CorrectionError([f"ไม่พบครัวเรือนรหัส {household_id}"])
    check_not_certified(conn, household_id)
    problems: list[str] = []
    if not (reason or "").strip():
        problems.append("ต้องระบุเหตุผลของการแก้ไข")
    if not changes:
        problems.append("ไม่มีรายการที่แก้ไข")
    found = corrected_values(conn, household_id)
    current, members = found
    survey = surveys.get(conn, household["survey_year"])
    rows = []
    seen = set()
    for change in changes:
        value, problem = _validate(conn, household, members, change)
        if problem:
            problems.append(problem)
            continue
        key = (change.member_seq, change.field)
        if key in seen:
            problems.append(f"{label_of(conn, survey.year, change.field)}: แก้ไขซ้ำในชุดเดียวกัน")
            continue
        seen.add(key)
        row = current if change.member_seq is None else members[change.member_seq]
        old = _raw_value(row, change.field, survey.layout)
        if old == value:
            problems.append(f"{label_of(conn, survey.year, change.field)}: ค่าใหม่เหมือนค่าเดิม ({value})")
            continue
        rows.append((change, old, value))
    files = []
    for name, data in evidence or []:
        if len(data) > MAX_EVIDENCE_BYTES:
            problems.append(f"ไฟล์หลักฐาน {name} ใหญ่เกิน 10 MB")
        else:
            files.append((name, bytes(data)))
    if problems:
        raise CorrectionError(problems)
    set_uuid, now, officer = str(uuid.uuid4()), _now(), meta.get(conn, "profile", "{}")
    payload_changes = []
    for change, old, value in rows:
        event_uuid = str(uuid.uuid4())
        conn.execute(
            text("INSERT INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq, field,"
                 " old_value, new_value, reason, created_at, officer) VALUES (:u, :s, 'correct', :h, :y, :v, :m, :f, :o,"
                 " :n, :r, :t, :off)"),
            {"u": event_uuid, "s": set_uuid, "h": household_id, "y": household["survey_year"], "v": household["village"],
             "m": change.member_seq, "f": change.field, "o": old, "n": value, "r": reason.strip(), "t": now, "off": officer},
        )
        payload_changes.append({"uuid": event_uuid, "field": change.field, "member_seq": change.member_seq,
                                "old": old, "new": value})
    for name, data in files:
        conn.execute(
            text("INSERT INTO correction_evidence(uuid, set_uuid, filename, data, thumbnail, created_at)"
                 " VALUES (:u, :s, :f, :d, :th, :t)"),
            {"u": str(uuid.uuid4()), "s": set_uuid, "f": name, "d": data, "th": _thumbnail(data), "t": now},
        )
    detail = {"set_uuid": set_uuid, "household": household_id, "reason": reason.strip(), "changes": payload_changes,
              "evidence": [n for n, _ in files]}
    audit.append(conn, "correction.record", target=str(household_id), detail=detail)
    _outbox(conn, "correction.record", detail, household_id)
    return set_uuid


def revert(conn: Connection, correction_uuid: str, reason: str) -> str:
    """Undo one correction with a new 'revert' event (nothing is deleted); returns the event's UUID."""
    row = conn.execute(text("SELECT * FROM correction_event WHERE uuid = :u AND kind = 'correct'"),
                       {"u": correction_uuid}).mappings().first()
    if row is None:
        raise CorrectionError([f"ไม่พบรายการแก้ไข {correction_uuid}"])
    problems = []
    if not (reason or "").strip():
        problems.append("ต้องระบุเหตุผลของการยกเลิก")
    if conn.execute(text("SELECT 1 FROM correction_event WHERE kind = 'revert' AND ref_uuid = :u"), {"u": correction_uuid}).first():
        problems.append("รายการนี้ถูกยกเลิกไปแล้ว")
    if problems:
        raise CorrectionError(problems)
    check_not_certified(conn, row["household_id"])
    event_uuid = str(uuid.uuid4())
    conn.execute(
        text("INSERT INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq, field,"
             " old_value, new_value, reason, ref_uuid, created_at, officer) VALUES (:u, :s, 'revert', :h, :y, :v, :m, :f,"
             " :o, :n, :r, :ref, :t, :off)"),
        {"u": event_uuid, "s": event_uuid, "h": row["household_id"], "y": row["survey_year"], "v": row["village"],
         "m": row["member_seq"], "f": row["field"], "o": row["new_value"], "n": row["old_value"], "r": reason.strip(),
         "ref": correction_uuid, "t": _now(), "off": meta.get(conn, "profile", "{}")},
    )
    detail = {"uuid": event_uuid, "reverts": correction_uuid, "household": row["household_id"], "reason": reason.strip()}
    audit.append(conn, "correction.revert", target=str(row["household_id"]), detail=detail)
    _outbox(conn, "correction.revert", detail, row["household_id"])
    return event_uuid


def add_status(conn: Connection, states: list[CorrectionState], status: str, *, list_uuid: str | None = None,
               import_id: int | None = None) -> None:
    now, officer = _now(), meta.get(conn, "profile", "{}")
    for s in states:
        conn.execute(
            text("INSERT INTO correction_event(uuid, set_uuid, kind, household_id, survey_year, village, member_seq, field,"
                 " status, ref_uuid, list_uuid, import_id, created_at, officer)"
                 " SELECT :u, set_uuid, 'status', household_id, survey_year, village, member_seq, field, :st, uuid, :l, :i,"
                 " :t, :off FROM correction_event WHERE uuid = :ref"),
            {"u": str(uuid.uuid4()), "st": status, "l": list_uuid, "i": import_id, "t": now, "off": officer, "ref": s.uuid},
        )


def reconcile(conn: Connection, import_id: int) -> tuple[int, int]:
    """After an import: open corrections of the households whose villages it replaced become confirmed (the
    imported value is the new value) or not_applied (still the old value, or the record is missing).
    Returns (confirmed, not_applied)."""
    has_table = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'correction_event'")).first()
    if not has_table:
        return 0, 0
    batch = conn.execute(text("SELECT survey_year FROM import_batch WHERE id = :i"), {"i": import_id}).first()
    if batch is None:
        return 0, 0
    villages = json.dumps(sorted(set(conn.execute(
        text("SELECT DISTINCT village FROM household WHERE import_id = :i UNION"
             " SELECT DISTINCT json_extract(data, '$.village') FROM household_version WHERE replaced_by_import = :i"),
        {"i": import_id}).scalars())))
    states = [s for s in _states(conn, "c.survey_year = :y AND c.village IN (SELECT value FROM json_each(:v))",
                                 {"y": batch.survey_year, "v": villages}) if s.status in OPEN_STATUSES]
    survey = surveys.get(conn, batch.survey_year)
    confirmed, not_applied = [], []
    cache: dict[int, tuple] = {}
    for s in states:
        if s.household_id not in cache:
            cache[s.household_id] = (_household_row(conn, s.household_id), _member_rows(conn, s.household_id))
        household, members = cache[s.household_id]
        if household is None or household["import_id"] != import_id:
            if household is None:
                not_applied.append(s)  # record missing
            continue
        row = household if s.member_seq is None else members.get(s.member_seq)
        if row is None:
            not_applied.append(s)
            continue
        value = _raw_value(row, s.field, survey.layout)
        if value == s.new_value:
            confirmed.append(s)
        elif value == s.old_value:
            not_applied.append(s)
        # a third value: the village changed it otherwise; left open for the officer to look at
    add_status(conn, confirmed, CONFIRMED, import_id=import_id)
    add_status(conn, not_applied, NOT_APPLIED, import_id=import_id)
    if confirmed or not_applied:
        audit.append(conn, "correction.reconcile", target=str(import_id),
                     detail={"confirmed": [s.uuid for s in confirmed], "not_applied": [s.uuid for s in not_applied]})
    return len(confirmed), len(not_applied)


def history(conn: Connection, household_id: int):
    """Imports and corrections of one household in time order (list[correction_lists.HistoryEntry])."""
    from desktop.models import correction_lists

    return correction_lists.history(conn, household_id)


@dataclass(frozen=True)
class Evidence:
    uuid: str
    set_uuid: str
    filename: str
    size: int
    thumbnail: bytes | None  # JPEG, at most 160x160; None when Pillow could not read the file


def evidence_of(conn: Connection, household_id: int) -> list[Evidence]:
    """The evidence images of a household's correction sets (without the full data)."""
    rows = conn.execute(
        text("SELECT e.uuid, e.set_uuid, e.filename, length(e.data) AS size, e.thumbnail FROM correction_evidence e"
             " WHERE e.set_uuid IN (SELECT set_uuid FROM correction_event WHERE household_id = :h AND kind = 'correct')"
             " ORDER BY e.id"),
        {"h": household_id},
    ).all()
    return [Evidence(r.uuid, r.set_uuid, r.filename, r.size, r.thumbnail) for r in rows]


def evidence_data(conn: Connection, evidence_uuid: str) -> bytes | None:
    return conn.execute(text("SELECT data FROM correction_evidence WHERE uuid = :u"), {"u": evidence_uuid}).scalar()
