"""The correctable fields of a household and its members (and each indicator answer of the year's layout),
and the validation of a new value: the same rules as the importer, problems in Thai."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection

from desktop import messages
from desktop.messages import msg
from desktop.models import dates, engine, surveys, thaiid
from desktop.models.errors import UserError

messages.register({
    "corr_cannot_save": ("บันทึกการแก้ไขไม่ได้:", "The correction cannot be saved:"),
    "corr_no_field": ("ไม่มีช่องข้อมูล '{field}' ที่แก้ไขได้", "There is no correctable field '{field}'"),
    "corr_member": ("สมาชิกลำดับที่ {seq}: ", "Member {seq}: "),
    "corr_needs_member": ("{label}: ต้องระบุสมาชิก", "{label}: say which member"),
    "corr_household_field": ("{label}: เป็นข้อมูลของครัวเรือน ไม่ใช่ของสมาชิก", "{label}: a household field, not a member's"),
    "corr_no_member": ("{where}ไม่มีสมาชิกลำดับนี้ในครัวเรือน", "{where}no such member in the household"),
    "corr_required": ("{label}: ต้องไม่เว้นว่าง", "{label}: must not be empty"),
    "corr_too_long": ("{label}: ยาวเกิน 200 ตัวอักษร", "{label}: longer than 200 characters"),
    "corr_money": ("{label}: ต้องเป็นจำนวนเงินเต็มบาท ไม่ติดลบ (ได้ '{value}')",
                   "{label}: must be whole baht, not negative (got '{value}')"),
    "corr_date": ("{label}: อ่านวันที่ '{value}' ไม่ได้ (ใช้ วว/ดด/ปปปป พ.ศ. หรือ ปปปป-ดด-วว)",
                  "{label}: cannot read the date '{value}' (use dd/mm/yyyy in B.E. or yyyy-mm-dd)"),
    "corr_future": ("{label}: วันที่ {date} อยู่ในอนาคต", "{label}: the date {date} is in the future"),
    "corr_pid": ("{label}: '{value}' ไม่ถูกต้อง (ต้องมี 13 หลัก และหลักสุดท้ายตรวจสอบได้)",
                 "{label}: '{value}' is not valid (13 digits whose last one is the check digit)"),
    "corr_choice": ("{label}: ต้องเป็นหนึ่งใน {choices} (ได้ '{value}')", "{label}: must be one of {choices} (got '{value}')"),
    "corr_count": ("{label}: ต้องเป็นจำนวนคน 0-35 (ได้ '{value}')", "{label}: must be a number of persons, 0-35 (got '{value}')"),
    "corr_yes_no": ("{label}: ต้องเป็น 1 (ใช่/ผ่าน) หรือ 0 (ไม่ใช่/ไม่ผ่าน) (ได้ '{value}')",
                    "{label}: must be 1 (yes/pass) or 0 (no/fail) (got '{value}')"),
    "corr_no_household": ("ไม่พบครัวเรือนรหัส {id}", "No household {id}"),
    "corr_reason_needed": ("ต้องระบุเหตุผลของการแก้ไข", "Give the reason for the correction"),
    "corr_nothing": ("ไม่มีรายการที่แก้ไข", "Nothing was changed"),
    "corr_twice": ("{label}: แก้ไขซ้ำในชุดเดียวกัน", "{label}: corrected twice in one set"),
    "corr_same": ("{label}: ค่าใหม่เหมือนค่าเดิม ({value})", "{label}: the new value is the old one ({value})"),
    "corr_evidence_big": ("ไฟล์หลักฐาน {name} ใหญ่เกิน 10 MB", "The evidence file {name} is larger than 10 MB"),
    "corr_not_found": ("ไม่พบรายการแก้ไข {uuid}", "No correction {uuid}"),
    "corr_revert_reason": ("ต้องระบุเหตุผลของการยกเลิก", "Give the reason for reverting"),
    "corr_already_reverted": ("รายการนี้ถูกยกเลิกไปแล้ว", "This correction was reverted already"),
})


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
        super().__init__(messages.problems_text("corr_cannot_save", problems))
        self.problems = problems



@dataclass(frozen=True)
class Change:
    field: str
    new_value: str
    member_seq: int | None = None



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
    specs = (field_spec(conn, survey_year, ANSWER_PREFIX + c) for c in (survey.layout if survey else []))
    return [spec for spec in specs if spec is not None]



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



def raw_value(row: dict, name: str, layout: list[str]) -> str:
    if name.startswith(ANSWER_PREFIX):
        code = name[len(ANSWER_PREFIX):]
        pos = layout.index(code) if code in layout else -1
        answers = row.get("answers") or ""
        ch = answers[pos] if 0 <= pos < len(answers) else "-"
        count = engine.decode_count(ch)
        return "" if ch == "-" else (str(count) if count is not None else ch)
    value = row.get(name)
    return "" if value is None else str(value)



def validate(conn: Connection, household: dict, members: dict[int, dict], change: Change) -> tuple[str | None, str | None]:
    """(normalised value, None) or (None, problem in Thai)."""
    spec = field_spec(conn, household["survey_year"], change.field)
    if spec is None:
        return None, msg("corr_no_field", field=change.field)
    where = msg("corr_member", seq=change.member_seq) if change.member_seq is not None else ""
    if spec.member and change.member_seq is None:
        return None, msg("corr_needs_member", label=spec.label)
    if not spec.member and change.member_seq is not None:
        return None, msg("corr_household_field", label=spec.label)
    if spec.member and change.member_seq not in members:
        return None, msg("corr_no_member", where=where)
    value = str(change.new_value if change.new_value is not None else "").strip()
    label = where + spec.label
    if spec.kind == "text":
        if spec.required and not value:
            return None, msg("corr_required", label=label)
        if len(value) > 200:
            return None, msg("corr_too_long", label=label)
        return value, None
    if spec.kind == "int":
        digits = value.replace(",", "").translate(dates.ARABIC_DIGITS)
        if not digits.isdigit():
            return None, msg("corr_money", label=label, value=value)
        return str(int(digits)), None
    if spec.kind == "date":
        try:
            day = dates.parse_date(value)
        except (ValueError, TypeError):
            return None, msg("corr_date", label=label, value=value)
        if day > dt.date.today():
            return None, msg("corr_future", label=label, date=dates.be_date(day.isoformat()))
        return day.isoformat(), None
    if spec.kind == "pid":
        pid = thaiid.normalise(value)
        if not thaiid.is_valid(pid):
            return None, msg("corr_pid", label=label, value=value)
        return pid, None
    if spec.kind == "choice":
        if value not in spec.choices:
            return None, msg("corr_choice", label=label, choices=", ".join(spec.choices), value=value)
        return value, None
    # answer
    if value in ("", "-"):
        return "", None
    if spec.choices == ("count",):
        if not value.isdigit() or not 0 <= int(value) <= 35:
            return None, msg("corr_count", label=label, value=value)
        return str(int(value)), None
    if value not in ("1", "0"):
        return None, msg("corr_yes_no", label=label, value=value)
    return value, None
