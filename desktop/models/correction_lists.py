"""A household's history (imports and corrections) and correction lists (หนังสือแจ้งแก้ไขข้อมูล จปฐ.).

A list carries the corrections of an area that are still to be keyed upstream: status recorded (never
sent) or not_applied (a later import still had the old value: they are sent again), recorded inside the
optional date range. Issuing the list gives it the store's next running reference number and marks
every correction on it 'sent' (a status event), in the caller's transaction, with an audit entry.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from desktop import messages
from desktop.models import audit, corrections, dates, meta, surveys
from desktop.models.errors import UserError

messages.register({
    "corr_list_bad_area": ("รหัสพื้นที่ '{area}' ไม่ถูกต้อง (2, 4, 6 หรือ 8 หลัก)",
                           "Area code '{area}' is not valid (2, 4, 6 or 8 digits)."),
    "corr_list_empty": ("ไม่มีรายการแก้ไขที่ยังไม่ได้แจ้งในพื้นที่ {area}", "No corrections left to send in area {area}."),
})

_CHOICE_TEXT = {"sex": {"M": "ชาย", "F": "หญิง"}, "health": {"N": "ปกติ", "D": "พิการ", "C": "ป่วยเรื้อรัง"},
                "self_reliant": {"0": "ไม่ได้", "1": "ได้"}, "in_school": {"0": "ไม่ได้เรียน", "1": "กำลังเรียน"}}


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    member_seq: int | None
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    kind: str  # import / correct / revert / status
    at: str  # ISO UTC
    officer: str  # JSON of the officer profile (import: the importing officer)
    diffs: list[FieldDiff]
    reason: str = ""
    uuid: str = ""  # the correction set (correct), the event (revert / status)
    version: int | None = None  # import: the household's version
    import_id: int | None = None
    status: str = ""  # status entries: sent / confirmed / not_applied


def display_value(name: str, value: str) -> str:
    """A stored value as people read it (dates in พ.ศ., choices in words)."""
    if not value:
        return ""
    if name == "birth_date":
        try:
            return dates.be_date(value)
        except ValueError:
            return value
    return _CHOICE_TEXT.get(name, {}).get(value, value)


def _flatten(data: dict, layout: list[str]) -> dict[tuple[int | None, str], str]:
    out: dict[tuple[int | None, str], str] = {}
    for name, spec in corrections.FIELDS.items():
        if not spec.member and name in data:
            out[(None, name)] = str(data[name])
    for code in layout:
        out[(None, corrections.ANSWER_PREFIX + code)] = corrections.raw_value(data, corrections.ANSWER_PREFIX + code, layout)
    for m in data.get("members") or []:
        for name, spec in corrections.FIELDS.items():
            if spec.member and name in m:
                out[(int(m["seq"]), name)] = str(m[name])
    return out


def _diffs(conn, year, before: dict, after: dict) -> list[FieldDiff]:
    out = []
    for key in sorted(set(before) | set(after), key=lambda k: (k[0] or 0, k[1])):
        b, a = before.get(key, ""), after.get(key, "")
        if b != a:
            out.append(FieldDiff(key[1], corrections.label_of(conn, year, key[1]), key[0], b, a))
    return out


def history(conn: Connection, household_id: int) -> list[HistoryEntry]:
    """Every import version of the household and every correction / revert / status event, in time order."""
    snapshots = []  # (version, import_id, data)
    for row in conn.execute(text("SELECT version, import_id, data FROM household_version WHERE household_id = :h"
                                 " ORDER BY version, id"), {"h": household_id}):
        snapshots.append((row.version, row.import_id, json.loads(row.data)))
    current = corrections.household_row(conn, household_id)
    year = household_id // 100_000_000_000
    if current is not None:
        data = dict(current)
        data["members"] = list(corrections.member_rows(conn, household_id).values())
        snapshots.append((current["version"], current["import_id"], data))
    survey = surveys.get(conn, year)
    layout = survey.layout if survey else []
    batches = {r.id: r for r in conn.execute(text("SELECT id, created_at, officer FROM import_batch"))}
    entries: list[tuple[tuple, HistoryEntry]] = []
    previous: dict = {}
    for version, import_id, data in snapshots:
        flat = _flatten(data, layout)
        batch = batches.get(import_id)
        at = batch.created_at if batch else ""
        entries.append(((at[:19], 0, version), HistoryEntry(
            "import", at, batch.officer if batch else "{}", _diffs(conn, year, previous, flat) if previous else [],
            version=version, import_id=import_id)))
        previous = flat
    sets: dict[str, list] = {}
    for r in conn.execute(text("SELECT * FROM correction_event WHERE household_id = :h ORDER BY seq"), {"h": household_id}).mappings():
        if r["kind"] == "correct":
            sets.setdefault(r["set_uuid"], []).append(r)
            continue
        diff = FieldDiff(r["field"], corrections.label_of(conn, year, r["field"]), r["member_seq"],
                         r["old_value"] or "", r["new_value"] or "")
        entries.append(((r["created_at"][:19], 1, r["seq"]), HistoryEntry(
            r["kind"], r["created_at"], r["officer"], [diff] if r["kind"] == "revert" else [], reason=r["reason"],
            uuid=r["uuid"], import_id=r["import_id"], status=r["status"] or "")))
    for set_uuid, rows in sets.items():
        first = rows[0]
        diffs = [FieldDiff(r["field"], corrections.label_of(conn, year, r["field"]), r["member_seq"], r["old_value"] or "",
                           r["new_value"] or "") for r in rows]
        entries.append(((first["created_at"][:19], 1, first["seq"]), HistoryEntry(
            "correct", first["created_at"], first["officer"], diffs, reason=first["reason"], uuid=set_uuid)))
    return [e for _, e in sorted(entries, key=lambda pair: pair[0])]


# ---------------------------------------------------------------- correction lists

@dataclass(frozen=True)
class ListItem:
    correction_uuid: str
    household_id: int
    village: int
    house_no: str
    house_code: str
    member: str  # "" for household fields, else "seq. name surname"
    field: str
    label: str
    old_value: str  # as displayed
    new_value: str
    reason: str


@dataclass(frozen=True)
class CorrectionList:
    uuid: str
    ref_no: str
    issued_at: str  # ISO date
    area_code: str
    area_name: str
    date_from: str | None
    date_to: str | None
    officer: meta.Officer
    items: list[ListItem] = field(default_factory=list)


def _area_name(conn: Connection, code: str) -> str:
    name = conn.execute(text("SELECT name_th FROM area WHERE code = :c"), {"c": code}).scalar()
    return name or code


def issue_list(conn: Connection, area_code: str, date_from: str | None = None, date_to: str | None = None) -> CorrectionList:
    """Issue the list of the area's corrections to key upstream (recorded or not_applied, recorded between the
    dates inclusive) and mark them sent. Raises UserError when there is nothing to send."""
    code = (area_code or "").strip()
    if not code.isdigit() or len(code) not in (2, 4, 6, 8):
        raise UserError(messages.msg("corr_list_bad_area", area=area_code))
    where = "c.village BETWEEN :lo AND :hi"
    params: dict = {"lo": int(code.ljust(8, "0")), "hi": int(code.ljust(8, "9"))}
    if date_from:
        where += " AND substr(c.created_at, 1, 10) >= :df"
        params["df"] = dt.date.fromisoformat(date_from).isoformat()
    if date_to:
        where += " AND substr(c.created_at, 1, 10) <= :dt"
        params["dt"] = dt.date.fromisoformat(date_to).isoformat()
    states = [s for s in corrections.read_states(conn, where, params) if s.status in (corrections.RECORDED, corrections.NOT_APPLIED)]
    if not states:
        raise UserError(messages.msg("corr_list_empty", area=code))
    return _issue_rest(conn, code, params, states, list_items(conn, states))


def list_items(conn: Connection, states) -> list[ListItem]:
    """The list's rows for these corrections, by village, house code, member and field."""
    items = []
    cache: dict[int, tuple] = {}
    for s in states:
        if s.household_id not in cache:
            cache[s.household_id] = (corrections.household_row(conn, s.household_id),
                                     corrections.member_rows(conn, s.household_id))
        household, members = cache[s.household_id]
        village = conn.execute(text("SELECT village FROM correction_event WHERE uuid = :u"),
                               {"u": s.uuid}).scalar_one()
        member = ""
        if s.member_seq is not None:
            m = members.get(s.member_seq)
            member = f"{s.member_seq}. {m['first_name']} {m['last_name']}" if m else str(s.member_seq)
        items.append(ListItem(
            s.uuid, s.household_id, village, household["house_no"] if household else "",
            household["house_code"] if household else str(s.household_id % 100_000_000_000), member, s.field, s.label,
            display_value(s.field, s.old_value), display_value(s.field, s.new_value), s.reason))
    items.sort(key=lambda i: (i.village, i.house_code, i.member, i.field))
    return items


def _issue_rest(conn: Connection, code: str, params: dict, states, items: list[ListItem]) -> CorrectionList:
    issued = dt.date.today()
    running = (conn.execute(text("SELECT count(*) FROM correction_list")).scalar() or 0) + 1
    ref_no = f"จปฐ. {code[:2]}/{issued.year + dates.BE_OFFSET}/{running:04d}"
    officer = meta.officer(conn)
    the_list = CorrectionList(str(uuid.uuid4()), ref_no, issued.isoformat(), code, _area_name(conn, code),
                              params.get("df"), params.get("dt"), officer, items)
    conn.execute(
        text("INSERT INTO correction_list(uuid, ref_no, issued_at, area_code, date_from, date_to, officer, corrections)"
             " VALUES (:u, :r, :i, :a, :f, :t, :o, :c)"),
        {"u": the_list.uuid, "r": ref_no, "i": the_list.issued_at, "a": code, "f": the_list.date_from,
         "t": the_list.date_to, "o": officer.as_json(), "c": json.dumps([i.correction_uuid for i in items])},
    )
    corrections.add_status(conn, states, corrections.SENT, list_uuid=the_list.uuid)
    audit.append(conn, "correction.list", target=code, detail={"uuid": the_list.uuid, "ref_no": ref_no,
                                                                "corrections": len(items)})
    return the_list


@dataclass(frozen=True)
class IssuedNotice:
    uuid: str
    ref_no: str
    issued_at: str  # ISO date
    area_code: str
    corrections: int


def issued_notices(conn: Connection, area_code: str) -> list[IssuedNotice]:
    """Notices issued for the area, an area inside it or one containing it, newest first (to reprint)."""
    rows = conn.execute(text(
        "SELECT uuid, ref_no, issued_at, area_code, corrections FROM correction_list"
        " WHERE area_code LIKE :inside OR :code LIKE area_code || '%' ORDER BY seq DESC"),
        {"inside": f"{area_code}%", "code": area_code}).all()
    return [IssuedNotice(r.uuid, r.ref_no, r.issued_at, r.area_code, len(json.loads(r.corrections))) for r in rows]
